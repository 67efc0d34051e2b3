// Internal to relations: how the survey reports read a WaveDisclosure
// (relations/survey_disclosure.hpp), and the breakdown value of an
// invitation or response, written once for the disclosure and the
// breakdown report.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_SRC_RELATIONS_WAVE_DISCLOSURE_ACCESS_HPP_
#define HRKIT_SRC_RELATIONS_WAVE_DISCLOSURE_ACCESS_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/relations/survey_disclosure.hpp"
#include "survey_figures.hpp"

namespace hrkit::survey_internal {

// The value of a breakdown attribute for an invitation's (or response's)
// location and tenure band: its label and its order key, or an empty label
// for no value.
struct BreakdownValue {
  std::string label;
  std::int64_t key = 0;
};
BreakdownValue ValueFor(BreakdownAttribute attribute, LocationId location, const std::string& tenure_band);

// The values of `attribute` among `invitations`, in key order.
std::vector<BreakdownValue> ValuesAmong(BreakdownAttribute attribute,
                                        const std::vector<const SurveyInvitation*>& invitations);

struct DisclosureAccess {
  // DecideWaveDisclosure.
  static absl::StatusOr<WaveDisclosure> Decide(const SurveyBook& book, std::int32_t wave,
                                               std::span<const BreakdownAttribute> breakdowns, const OrgLookup& lookup);
  // OK when `disclosure` was decided for `book`'s survey and wave as the
  // book holds them now, over the units and parents of `tree`;
  // FailedPrecondition naming what differs otherwise.
  static absl::Status Check(const WaveDisclosure& disclosure, const SurveyBook& book, const GroupTree& tree);
  // Per unit of the tree: the verdict of its total.
  static const std::vector<Suppression>& Totals(const WaveDisclosure& disclosure) { return disclosure.total_; }
  // The position of `attribute` among the published breakdowns;
  // FailedPrecondition when it is not published.
  static absl::StatusOr<std::size_t> Breakdown(const WaveDisclosure& disclosure, BreakdownAttribute attribute);
  // The labels of breakdown `b`'s values, in report order.
  static const std::vector<std::string>& Values(const WaveDisclosure& disclosure, std::size_t b) {
    return disclosure.values_[b];
  }
  // Per unit, per value of breakdown `b`: the verdict.
  static const std::vector<std::vector<Suppression>>& ByValue(const WaveDisclosure& disclosure, std::size_t b) {
    return disclosure.by_value_[b];
  }
};

}  // namespace hrkit::survey_internal

#endif  // HRKIT_SRC_RELATIONS_WAVE_DISCLOSURE_ACCESS_HPP_
