// The ids of the performance module's entities.
//
// Thread safety: types only.
#ifndef HRKIT_PERFORMANCE_IDS_HPP_
#define HRKIT_PERFORMANCE_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// A rating scale (performance/rating_scale.hpp).
struct RatingScaleTag {
  static constexpr const char* kPrefix = "rating_scale";
};
using RatingScaleId = Id<RatingScaleTag>;

// A review template (performance/review_template.hpp).
struct ReviewTemplateTag {
  static constexpr const char* kPrefix = "review_template";
};
using ReviewTemplateId = Id<ReviewTemplateTag>;

// A performance cycle (performance/cycle.hpp).
struct PerformanceCycleTag {
  static constexpr const char* kPrefix = "performance_cycle";
};
using PerformanceCycleId = Id<PerformanceCycleTag>;

// A goal (performance/goal.hpp).
struct GoalTag {
  static constexpr const char* kPrefix = "goal";
};
using GoalId = Id<GoalTag>;

// A review (performance/review.hpp).
struct ReviewTag {
  static constexpr const char* kPrefix = "review";
};
using ReviewId = Id<ReviewTag>;

// A recorded calibration change (performance/calibration.hpp).
struct CalibrationChangeTag {
  static constexpr const char* kPrefix = "calibration_change";
};
using CalibrationChangeId = Id<CalibrationChangeTag>;

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_IDS_HPP_
