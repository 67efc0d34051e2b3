// The performance module's stored entity types. All of them appeared in
// storage format 2: their ids are described with Since{2}, so stores of
// format 1 (which have no section or table for them) read as holding none.
//
// Thread safety: types only.
#ifndef HRKIT_PERFORMANCE_ENTITIES_HPP_
#define HRKIT_PERFORMANCE_ENTITIES_HPP_

#include "hrkit/core/entity_list.hpp"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/cycle.hpp"
#include "hrkit/performance/goal.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review.hpp"
#include "hrkit/performance/review_template.hpp"

namespace hrkit {

// The entity types the performance module stores, in no significant order.
using PerformanceEntities =
    EntityTypeList<RatingScale, ReviewTemplate, PerformanceCycle, Goal, Review, CalibrationChange>;

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_ENTITIES_HPP_
