// Rating scales: the levels a rating may take, each a number and a label
// ("1".."5", or "below" = 1, "meets" = 2, "exceeds" = 3). Every rating hrkit
// stores (a goal or competency rating, a proposed or calibrated overall
// rating) is one of its scale's values; scores computed from ratings
// (weighted means) may fall between levels.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_RATING_SCALE_HPP_
#define HRKIT_PERFORMANCE_RATING_SCALE_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/performance/ids.hpp"

namespace hrkit {

// One level of a scale.
struct RatingLevel {
  double value = 0.0;  // what scores are computed with
  std::string label;   // what a person reads: "meets expectations"

  friend bool operator==(const RatingLevel&, const RatingLevel&) = default;
};

// Field description of RatingLevel (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, RatingLevel>
void Describe(V& v, Self& l) {
  v.Field("value", l.value, Sensitivity::kDirectory);
  v.Field("label", l.label, Sensitivity::kDirectory);
}

// A configurable scale.
//
// Example: a three-level scale mapped to numbers:
//   RatingScale scale{RatingScaleId(1), "three levels",
//                     {{1, "below"}, {2, "meets"}, {3, "exceeds"}}};
//   HRKIT_ASSIGN_OR_RETURN(double meets, RatingOfLabel(scale, "meets"));  // 2
struct RatingScale {
  static constexpr std::string_view kEntityName = "rating_scale";

  RatingScaleId id;                 // the scale's id
  std::string name;                 // e.g. "five levels"
  std::vector<RatingLevel> levels;  // strictly ascending values

  friend bool operator==(const RatingScale&, const RatingScale&) = default;
};

// Field description. A stored type added in storage format 2: the id's
// Since{2} marks the whole type as absent from format-1 stores.
template <class V, class Self>
requires SameEntity<Self, RatingScale>
void Describe(V& v, Self& s) {
  v.Field("id", s.id, Sensitivity::kDirectory, Since{2});
  v.Field("name", s.name, Sensitivity::kDirectory, Since{2});
  v.List("levels", s.levels, Sensitivity::kDirectory, Since{2});
}

// A scale from 1 to `levels` in steps of 1, labelled "1", "2", ...
// REQUIRES: levels >= 2.
RatingScale NumericScale(RatingScaleId id, int levels);

// Checks a scale. Returns InvalidArgument naming it ("rating_scale:1") and
// the field when: the id is not valid; the name is empty; it has fewer than
// two levels; a value is not finite or not above the previous one
// ("levels[2].value"); a label is empty or repeats ("levels[1].label").
absl::Status ValidateRatingScale(const RatingScale& scale);

// The domain validator the store runs on every write: ValidateRatingScale.
inline absl::Status ValidateStoredEntity(const RatingScale& scale) { return ValidateRatingScale(scale); }

// True if `rating` is exactly the value of one of the scale's levels.
bool IsRatingOn(const RatingScale& scale, double rating);

// OK if `rating` is a value of `scale`; else InvalidArgument
// "<where>: <rating> is not a value of rating_scale:1 (1, 2, 3)", where
// `where` names the entity and field (e.g. "review:4 field ratings[0].rating").
absl::Status ValidateRating(const RatingScale& scale, double rating, std::string_view where);

// The value of the level labelled `label` (exact match). Returns NotFound
// naming the scale and the label otherwise.
absl::StatusOr<double> RatingOfLabel(const RatingScale& scale, std::string_view label);

// The label of the level with value `rating`, or "" when none has it.
std::string_view LabelOfRating(const RatingScale& scale, double rating);

// The value of the level nearest to `score`; a score halfway between two
// levels goes to the higher one. REQUIRES: a valid scale.
double NearestRating(const RatingScale& scale, double score);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_RATING_SCALE_HPP_
