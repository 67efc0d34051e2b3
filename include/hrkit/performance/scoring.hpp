// Pure scoring engines of a performance cycle: weighted goal scores, goal
// tree progress, a review's section and total scores, the combination of
// reviewer roles, and the overall scores of a whole cycle. The combination
// rules are documented in performance/review_template.hpp; goal weights and
// trees in performance/goal.hpp. Nothing here is stored: scores are always
// recomputed from the goals and reviews, so the same facts in any order give
// the same scores.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_SCORING_HPP_
#define HRKIT_PERFORMANCE_SCORING_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/performance/cycle.hpp"
#include "hrkit/performance/goal.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Number of reviewer roles (ReviewerRole values).
inline constexpr std::size_t kReviewerRoleCount = 4;

// One rated item with its weight in percent.
struct WeightedRating {
  double weight = 0.0;  // percent
  double rating = 0.0;  // a value of the scale
};

// sum(weight x rating) / 100.
// Returns InvalidArgument naming `owner` when there is no item, a weight or
// rating is not finite, a weight is not above 0, or the weights do not sum to
// 100 (within kWeightSumTolerance; the message names the sum).
//
// Example (DOMAIN.md): weights 40/60, ratings 4 and 2 -> 1.6 + 1.2 = 2.8.
absl::StatusOr<double> WeightedScore(std::span<const WeightedRating> items, std::string_view owner);

// The progress (0..1) of every goal of `goals`, same indices (see goal.hpp:
// a goal with children has the weighted mean of their progress, a leaf its
// own). O(n).
// Returns the first ValidateGoal error; InvalidArgument for a repeated id,
// for a parent that is not among `goals` ("goal:4 field parent: goal:9 is not
// among the goals"), or for parents that form a cycle.
absl::StatusOr<std::vector<double>> GoalTreeProgress(std::span<const Goal> goals);

// The scores of one review under `method`.
struct ReviewScore {
  // One per section of the method, same order; empty when any item of the
  // section is unrated.
  std::vector<std::optional<double>> sections;
  // sum(section weight x section score) / 100; empty unless every section
  // has a score.
  std::optional<double> total;
};

// Checks the ratings of `review` against `method`, `scale` and `goals` (the
// reviewee's own top-level goals) without scoring them: the first four
// InvalidArgument cases of ScoreReview. A draft may rate some items only.
// REQUIRES: a valid method and scale.
absl::Status ValidateReviewRatings(const ScoringMethod& method, const RatingScale& scale, const Review& review,
                                   std::span<const Goal> goals);

// Scores `review` under `method`, whose ratings are on `scale`, with
// `goals` the reviewee's own top-level goals (their weights sum to 100).
// Returns InvalidArgument naming the review and "ratings[i]" for a rating
// that is not a value of the scale, names a section the method lacks, a goal
// not among `goals` (or a goal in a competency section), a competency its
// section lacks (or none), or repeats an item rated before; and the error of
// WeightedScore (the goals' weights) when the goals section is fully rated.
// REQUIRES: a valid method and scale.
absl::StatusOr<ReviewScore> ScoreReview(const ScoringMethod& method, const RatingScale& scale, const Review& review,
                                        std::span<const Goal> goals);

// The overall score from the scores per role (indexed by ReviewerRole; empty
// = no submitted review in that role) under `method`'s role weights and
// missing-role rule (review_template.hpp). Empty when no weighted role has a
// score, or under kNoScore when any weighted role lacks one.
// REQUIRES: a valid method.
std::optional<double> CombineRoleScores(const ScoringMethod& method,
                                        const std::array<std::optional<double>, kReviewerRoleCount>& role_scores);

// A participant's scores in a cycle.
struct ParticipantScore {
  EmployeeId employee;  // the participant
  // Mean of the submitted reviews' totals per role (ReviewerRole index).
  std::array<std::optional<double>, kReviewerRoleCount> role_scores;
  // Submitted reviews per role.
  std::array<std::int32_t, kReviewerRoleCount> reviews{};
  std::optional<double> overall;  // CombineRoleScores of role_scores

  friend bool operator==(const ParticipantScore&, const ParticipantScore&) = default;
};

// The scores of every participant of `cycle` (its order), from the
// submitted reviews among `reviews` and the goals among `goals` (any mix of
// cycles; others are ignored). A submitted review whose total is empty
// (items unrated) counts as reviewed but adds no score to its role.
// Returns the errors of ScoreReview, naming the review.
absl::StatusOr<std::vector<ParticipantScore>> ScoreCycle(const PerformanceCycle& cycle, const RatingScale& scale,
                                                         std::span<const Goal> goals, std::span<const Review> reviews);

// The goals of `goals` that `employee` is scored on in `cycle`: their own
// goals whose parent is not also theirs (goal.hpp), in the order given.
std::vector<Goal> ScoredGoalsOf(std::span<const Goal> goals, PerformanceCycleId cycle, EmployeeId employee);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_SCORING_HPP_
