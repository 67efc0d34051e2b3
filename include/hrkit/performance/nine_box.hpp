// The 9-box: each participant placed by performance (low / medium / high, from
// their final rating as of the cycle's close) and potential (low / medium /
// high, assessed separately), and the number of people per box in a group.
//
// Performance bands: a final rating below `medium_from` is low, below
// `high_from` medium, else high. Example on 1-5 with {3, 4}: 1 and 2 low, 3
// medium, 4 and 5 high.
//
// Grid counts shown outside HR follow the confidentiality rules of
// core/confidentiality.hpp (the group is the total, the nine boxes its
// parts): a box of fewer than k people is hidden, and so are the boxes that
// would give it away. HR sees every count.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_NINE_BOX_HPP_
#define HRKIT_PERFORMANCE_NINE_BOX_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A level on either axis of the 9-box grid: performance or potential.
enum class NineBoxLevel {
  kLow = 0,
  kMedium = 1,
  kHigh = 2,
};

// The names of NineBoxLevel values (core/enum_names.hpp).
inline constexpr EnumName<NineBoxLevel> kNineBoxLevelNames[] = {
    {NineBoxLevel::kLow, "low"}, {NineBoxLevel::kMedium, "medium"}, {NineBoxLevel::kHigh, "high"}};
constexpr std::span<const EnumName<NineBoxLevel>> EnumNamesOf(NineBoxLevel) { return kNineBoxLevelNames; }

// Where final ratings split into performance levels (see the header comment).
struct PerformanceBands {
  double medium_from = 0.0;  // ratings >= this are medium performance
  double high_from = 0.0;    // ratings >= this are high performance
};

// OK when both bounds are finite and medium_from < high_from; else
// InvalidArgument naming the field.
absl::Status ValidatePerformanceBands(const PerformanceBands& bands);

// The performance level of `rating`. REQUIRES: valid bands.
NineBoxLevel PerformanceLevelOf(double rating, const PerformanceBands& bands);

// A separately assessed potential.
struct PotentialAssessment {
  EmployeeId employee;                             // who was assessed
  NineBoxLevel potential = NineBoxLevel::kMedium;  // their assessed potential
};

// One participant's box.
struct NineBoxPlacement {
  EmployeeId employee;                               // the participant
  NineBoxLevel performance = NineBoxLevel::kMedium;  // from the final rating, through the bands
  NineBoxLevel potential = NineBoxLevel::kMedium;    // as assessed

  friend bool operator==(const NineBoxPlacement&, const NineBoxPlacement&) = default;
};

// The index of a box in NineBoxGrid: performance x 3 + potential (0 = low
// performance and low potential, 8 = high and high).
inline std::size_t NineBoxIndex(NineBoxLevel performance, NineBoxLevel potential) {
  return static_cast<std::size_t>(performance) * 3 + static_cast<std::size_t>(potential);
}

// Who reads a grid.
enum class GridReader {
  kHr = 0,         // every count
  kOutsideHr = 1,  // counts under the confidentiality rules
};

// The people per box of a group.
struct NineBoxGrid {
  std::int64_t total = 0;                           // people in the group
  Suppression total_verdict = Suppression::kShown;  // whether the group may be shown at all
  std::array<Suppression, 9> verdicts{};            // by NineBoxIndex
  // The count of each box, empty where hidden.
  std::array<std::optional<std::int64_t>, 9> counts{};
};

// Counts `placements` (one group: a unit's subtree, a job family) per box.
// For kOutsideHr, SuppressBreakdown with `thresholds` decides what is shown
// (a hidden total hides every box). Returns the errors of
// SuppressBreakdown, and InvalidArgument for a level outside the enum
// ("placements[i]") or a `reader` outside its enum.
absl::StatusOr<NineBoxGrid> NineBoxCounts(std::span<const NineBoxPlacement> placements,
                                          const ConfidentialityThresholds& thresholds, GridReader reader);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_NINE_BOX_HPP_
