// Reviews: one reviewer's ratings of one reviewee in one cycle, in a role
// (self, manager, peer, upward). A review is a draft until submitted; a
// submitted review is final (a change of outcome goes through calibration).
//
// What a review rates follows the cycle's scoring method: one rating per
// goal of the reviewee (goals section) and per competency (competency
// sections), each a value of the method's rating scale. The manager's
// review may also propose an overall rating, the start of calibration.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_REVIEW_HPP_
#define HRKIT_PERFORMANCE_REVIEW_HPP_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/performance/ids.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Where a review is: a draft may change, a submitted review may not.
enum class ReviewStatus {
  kDraft = 0,
  kSubmitted = 1,
};

// The names of ReviewStatus values (core/enum_names.hpp).
inline constexpr EnumName<ReviewStatus> kReviewStatusNames[] = {{ReviewStatus::kDraft, "draft"},
                                                                {ReviewStatus::kSubmitted, "submitted"}};
constexpr std::span<const EnumName<ReviewStatus>> EnumNamesOf(ReviewStatus) { return kReviewStatusNames; }

// One rating: of a goal (`goal` valid, `competency` empty) in the goals
// section, or of a competency (`goal` invalid) in the section named
// `section`.
struct ReviewRating {
  std::string section;     // the section's name
  GoalId goal;             // goals section only
  std::string competency;  // competency sections only
  double rating = 0.0;     // a value of the scale
  std::string comment;     // the reviewer's words on this item

  friend bool operator==(const ReviewRating&, const ReviewRating&) = default;
};

// Field description of ReviewRating (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, ReviewRating>
void Describe(V& v, Self& r) {
  v.Field("section", r.section, Sensitivity::kPerformance);
  v.Field("goal", r.goal, Sensitivity::kPerformance);
  v.Field("competency", r.competency, Sensitivity::kPerformance);
  v.Field("rating", r.rating, Sensitivity::kPerformance);
  v.Field("comment", r.comment, Sensitivity::kPerformance);
}

// A review of one participant by one reviewer in one role: its ratings,
// overall rating and comment, a draft until submitted.
struct Review {
  static constexpr std::string_view kEntityName = "review";

  ReviewId id;                                 // the review's id
  PerformanceCycleId cycle;                    // the cycle it belongs to
  EmployeeId reviewee;                         // who is reviewed
  EmployeeId reviewer;                         // the reviewee for a self review
  ReviewerRole role = ReviewerRole::kSelf;     // the reviewer's role towards the reviewee
  bool anonymous = false;                      // peers only: the reviewee sees only results of k or more peers
  ReviewStatus status = ReviewStatus::kDraft;  // draft until submitted
  std::vector<ReviewRating> ratings;           // one per rated goal or competency
  std::optional<double> overall_rating;        // manager only: the proposed overall rating
  std::string comment;                         // the reviewer's overall words
  Date started_on;                             // the day the review was started
  Date submitted_on;                           // not_a_date_time while a draft

  friend bool operator==(const Review&, const Review&) = default;
};

// Field description of Review (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, Review>
void Describe(V& v, Self& r) {
  v.Field("id", r.id, Sensitivity::kPerformance, Since{2});
  v.Field("cycle", r.cycle, Sensitivity::kPerformance, Since{2});
  v.Field("reviewee", r.reviewee, Sensitivity::kPerformance, Since{2});
  v.Field("reviewer", r.reviewer, Sensitivity::kPerformance, Since{2});
  v.Field("role", r.role, Sensitivity::kPerformance, Since{2});
  v.Field("anonymous", r.anonymous, Sensitivity::kPerformance, Since{2});
  v.Field("status", r.status, Sensitivity::kPerformance, Since{2});
  v.List("ratings", r.ratings, Sensitivity::kPerformance, Since{2});
  v.Field("overall_rating", r.overall_rating, Sensitivity::kPerformance, Since{2});
  v.Field("comment", r.comment, Sensitivity::kPerformance, Since{2});
  v.Field("started_on", r.started_on, Sensitivity::kPerformance, Since{2});
  v.Field("submitted_on", r.submitted_on, Sensitivity::kPerformance, Since{2});
}

// Checks one review on its own. Returns InvalidArgument naming it
// ("review:4 (employee:7)") and the field when: an id (review, cycle,
// reviewee, reviewer) is not valid; role or status outside its enum; a self
// review whose reviewer is not the reviewee, or another role's whose
// reviewer is; `anonymous` on a role other than peer; an overall rating on
// a role other than manager; a rating not finite; started_on not a real
// date; a submitted review without a real submitted_on (before started_on),
// or a draft with one.
absl::Status ValidateReview(const Review& review);

// The domain validator the store runs on every write (found by ADL):
// ValidateReview.
inline absl::Status ValidateStoredEntity(const Review& review) { return ValidateReview(review); }

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_REVIEW_HPP_
