// Column-style scoring of a whole performance cycle: the same scores as
// ScoreCycle (performance/scoring.hpp) and the same per-group rating
// distributions as DistributionOf (performance/calibration.hpp), computed
// from flat arrays instead of Goal and Review values, plus the distribution
// of every org unit's subtree in one pass. Meant for large cycles (a million
// participants) where building entity values would dominate the cost.
//
// The input, for participants 0..n-1 and org units 0..u-1:
//  - goals: participant p's scored goals are goal_weights[goal_begin[p] ..
//    goal_begin[p + 1]) (their weights in percent, in the order ScoreCycle
//    would see them: ScoredGoalsOf).
//  - reviews: participant p's submitted reviews are review_roles[
//    review_begin[p] .. review_begin[p + 1]), in the order ScoreCycle would
//    see them. Drafts are left out.
//  - ratings: every review's ratings are consecutive in `ratings`, reviews in
//    order; one review has, for each section of the method in order, one
//    entry per item: a goals section one per goal of the reviewee (goal
//    order), a competency section one per competency (the section's order).
//    An entry is the index of a level of the scale (0 = the lowest), or
//    kFlatUnrated for an item left unrated.
//  - proposed: empty, or one entry per participant: the level index the
//    manager review proposes as overall rating, or kFlatUnrated for none.
//  - units: unit_parent[u] is the parent's index, -1 for a root, and a
//    parent always comes before its children (pre-order or any topological
//    order); participant_unit[p] is the unit p belongs to.
//
// The arithmetic is ScoreCycle's, operation by operation and in the same
// order, so with the same data both give bit-identical scores.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_FLAT_SCORING_HPP_
#define HRKIT_PERFORMANCE_FLAT_SCORING_HPP_

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review_template.hpp"

namespace hrkit {

// An item left unrated, or no proposed rating (see the header comment).
inline constexpr std::uint8_t kFlatUnrated = 0xFF;

// A whole cycle as columns (see the header comment). The spans must stay
// valid while ScoreFlatCycle runs; nothing is kept.
struct FlatCycleInput {
  std::span<const std::int64_t> goal_begin;        // n + 1 offsets, ascending, goal_begin[0] = 0
  std::span<const double> goal_weights;            // percent
  std::span<const std::int64_t> review_begin;      // n + 1 offsets, ascending, review_begin[0] = 0
  std::span<const ReviewerRole> review_roles;      // the role of each review
  std::span<const std::uint8_t> ratings;           // level indexes or kFlatUnrated
  std::span<const std::uint8_t> proposed;          // empty or n entries
  std::span<const std::int32_t> participant_unit;  // n entries
  std::span<const std::int32_t> unit_parent;       // u entries, parents first
};

// The scores of a flat cycle.
struct FlatCycleScores {
  // Per participant: ScoreCycle's `overall`, NaN where that is empty.
  std::vector<double> overall;
  // Per participant: the rating before calibration as a level index, as
  // CycleBook::ProposedRating gives it (the proposed level, else the level
  // nearest the overall score, NearestRating), or kFlatUnrated for none.
  std::vector<std::uint8_t> level;
  // Per unit and level: rated participants of the unit's whole subtree at
  // that level, at [unit x levels + level].
  std::vector<std::int64_t> subtree_counts;
  // Per unit: rated participants of the whole subtree.
  std::vector<std::int64_t> subtree_rated;
  std::int32_t levels = 0;  // the scale's level count
};

// Scores every participant and counts the proposed ratings of every unit's
// subtree. O(ratings + goals + units x levels).
// Returns InvalidArgument for an invalid scale or method (the errors of
// ValidateRatingScale, ValidateScoringMethod), a scale with more than 254
// levels, offsets that are not n + 1 ascending values from 0 to the size of
// their column ("goal_begin", "review_begin"), a ratings column whose size is
// not what the reviews need ("ratings"), proposed or participant_unit of the
// wrong size, a unit or parent index out of range or a parent that does not
// come before its child ("unit_parent[4]"), a role outside the enum
// ("review_roles[7]"), a rating or proposed entry that is neither a level
// index nor kFlatUnrated ("ratings[12]", "proposed[3]"), and
// ScoreCycle's goal weight errors ("participant 3's goals: weights sum to
// 90, not 100") for a fully rated goals section.
absl::StatusOr<FlatCycleScores> ScoreFlatCycle(const ScoringMethod& method, const RatingScale& scale,
                                               const FlatCycleInput& input);

// The distribution of unit `unit`'s subtree as DistributionOf gives it for
// the same ratings, compared with `guideline`. The scale must be the one
// scored with and outlive the result.
// Returns InvalidArgument for a unit out of range, and the guideline errors
// of DistributionOf.
absl::StatusOr<RatingDistribution> SubtreeDistribution(const FlatCycleScores& scores, std::int32_t unit,
                                                       const RatingScale& scale,
                                                       std::span<const GuidelineShare> guideline);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_FLAT_SCORING_HPP_
