// Calibration: the distribution of a group's ratings against a guideline
// distribution, and the record of every rating changed in calibration (who,
// when, why, before, after).
//
// A distribution counts ratings per level of the scale (a rating that is not
// a level is an error, never silently binned). Percentages are of the
// group's rated members: count x 100 / rated; a group with no rating has
// 0 % everywhere. Comparing with a guideline gives, per level, the actual
// percentage minus the guideline's.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_CALIBRATION_HPP_
#define HRKIT_PERFORMANCE_CALIBRATION_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/performance/ids.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// One change of a participant's rating in calibration.
struct CalibrationChange {
  static constexpr std::string_view kEntityName = "calibration_change";

  CalibrationChangeId id;        // the change's id
  PerformanceCycleId cycle;      // the cycle it belongs to
  EmployeeId employee;           // whose rating changed
  std::optional<double> before;  // the rating before; none if there was none
  double after = 0.0;            // a value of the cycle's scale
  EmployeeId changed_by;         // who made the change
  Date changed_on;               // the day it was made
  std::string reason;            // required

  friend bool operator==(const CalibrationChange&, const CalibrationChange&) = default;
};

// Field description of CalibrationChange (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, CalibrationChange>
void Describe(V& v, Self& c) {
  v.Field("id", c.id, Sensitivity::kPerformance, Since{2});
  v.Field("cycle", c.cycle, Sensitivity::kPerformance, Since{2});
  v.Field("employee", c.employee, Sensitivity::kPerformance, Since{2});
  v.Field("before", c.before, Sensitivity::kPerformance, Since{2});
  v.Field("after", c.after, Sensitivity::kPerformance, Since{2});
  v.Field("changed_by", c.changed_by, Sensitivity::kPerformance, Since{2});
  v.Field("changed_on", c.changed_on, Sensitivity::kPerformance, Since{2});
  v.Field("reason", c.reason, Sensitivity::kPerformance, Since{2});
}

// Checks a change on its own. Returns InvalidArgument naming it
// ("calibration_change:2 (employee:7)") and the field when: an id is not
// valid; `after` (or `before`) is not finite; `before` equals `after` (a
// change that changes nothing); changed_on is not a real date; the reason
// is empty.
absl::Status ValidateCalibrationChange(const CalibrationChange& change);

// The domain validator the store runs on every write (found by ADL):
// ValidateCalibrationChange.
inline absl::Status ValidateStoredEntity(const CalibrationChange& c) { return ValidateCalibrationChange(c); }

// The share of one rating level a guideline asks for.
struct GuidelineShare {
  double rating = 0.0;   // a value of the scale
  double percent = 0.0;  // 0..100
};

// One level of a distribution.
struct DistributionLevel {
  double rating = 0.0;             // the level's value
  std::string_view label;          // points into the scale
  std::int64_t count = 0;          // ratings at this level
  double percent = 0.0;            // count x 100 / rated
  double guideline_percent = 0.0;  // 0 when compared with no guideline
  double difference = 0.0;         // percent - guideline_percent
};

// A group's distribution over a scale's levels, in the scale's order.
struct RatingDistribution {
  std::int64_t rated = 0;                 // members with a rating
  std::vector<DistributionLevel> levels;  // one per level of the scale
};

// The distribution of `ratings` over `scale`'s levels, compared with
// `guideline` (may be empty: guideline percentages 0). The scale must
// outlive the result (labels point into it).
// Returns InvalidArgument for an invalid scale; for a rating that is not a
// value of the scale ("ratings[3]: 2.5 is not a value of rating_scale:1 ...");
// for a guideline share whose rating is not a value of the scale or
// repeats, a percentage outside [0, 100], or shares not summing to 100
// ("guideline").
//
// Example: ratings {3, 3, 4, 2} on a 1-5 scale against 10/20/40/20/10:
//   level 3: count 2, 50 %, guideline 40 %, difference +10.
absl::StatusOr<RatingDistribution> DistributionOf(std::span<const double> ratings, const RatingScale& scale,
                                                  std::span<const GuidelineShare> guideline);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_CALIBRATION_HPP_
