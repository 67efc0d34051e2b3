// Goal trees and whole-cycle scoring (see performance/scoring.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/scoring.hpp"

namespace hrkit {
namespace {

absl::Status InvalidParent(const Goal& g, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(g.id), " field parent: ", ToAbsl(problem)));
}

// The position of every goal's parent in `goals`, -1 for a root.
absl::StatusOr<std::vector<std::int64_t>> ParentPositions(std::span<const Goal> goals) {
  absl::flat_hash_map<GoalId, std::int64_t> position;
  position.reserve(goals.size());
  for (std::size_t i = 0; i < goals.size(); ++i) {
    HRKIT_RETURN_IF_ERROR(ValidateGoal(goals[i]));
    if (!position.emplace(goals[i].id, static_cast<std::int64_t>(i)).second) {
      return absl::InvalidArgumentError(absl::StrCat(ToString(goals[i].id), " field id: repeats"));
    }
  }
  std::vector<std::int64_t> parents(goals.size(), -1);
  for (std::size_t i = 0; i < goals.size(); ++i) {
    if (!goals[i].parent.valid()) continue;
    const auto it = position.find(goals[i].parent);
    if (it == position.end()) {
      return InvalidParent(goals[i], absl::StrCat(ToString(goals[i].parent), " is not among the goals"));
    }
    parents[i] = it->second;
  }
  return parents;
}

}  // namespace

absl::StatusOr<std::vector<double>> GoalTreeProgress(std::span<const Goal> goals) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<std::int64_t> parents, ParentPositions(goals));
  const std::size_t n = goals.size();
  std::vector<std::int32_t> pending(n, 0);  // children not yet folded into the goal
  for (std::int64_t p : parents) {
    if (p >= 0) ++pending[static_cast<std::size_t>(p)];
  }
  std::vector<double> weighted(n, 0.0), weights(n, 0.0), progress(n, 0.0);
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < n; ++i) {
    if (pending[i] == 0) ready.push_back(i);
  }
  std::size_t done = 0;
  while (!ready.empty()) {
    const std::size_t i = ready.back();
    ready.pop_back();
    ++done;
    progress[i] = weights[i] > 0.0 ? weighted[i] / weights[i] : OwnProgress(goals[i]);
    const std::int64_t p = parents[i];
    if (p < 0) continue;
    const auto parent = static_cast<std::size_t>(p);
    weighted[parent] += goals[i].weight * progress[i];
    weights[parent] += goals[i].weight;
    if (--pending[parent] == 0) ready.push_back(parent);
  }
  if (done < n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (pending[i] > 0) return InvalidParent(goals[i], "the goals' parents form a cycle");
    }
  }
  return progress;
}

absl::StatusOr<std::vector<ParticipantScore>> ScoreCycle(const PerformanceCycle& cycle, const RatingScale& scale,
                                                         std::span<const Goal> goals, std::span<const Review> reviews) {
  absl::flat_hash_map<EmployeeId, std::vector<Goal>> own_goals;
  for (const Goal& g : goals) {
    if (g.cycle == cycle.id && g.owner.valid()) own_goals[g.owner].push_back(g);
  }
  absl::flat_hash_map<EmployeeId, std::vector<const Review*>> submitted;
  for (const Review& r : reviews) {
    if (r.cycle == cycle.id && r.status == ReviewStatus::kSubmitted) submitted[r.reviewee].push_back(&r);
  }
  std::vector<ParticipantScore> scores;
  scores.reserve(cycle.participants.size());
  for (EmployeeId employee : cycle.participants) {
    ParticipantScore score;
    score.employee = employee;
    const auto goals_it = own_goals.find(employee);
    const std::vector<Goal> scored =
        goals_it == own_goals.end() ? std::vector<Goal>{} : ScoredGoalsOf(goals_it->second, cycle.id, employee);
    std::array<double, kReviewerRoleCount> sums{};
    std::array<std::int32_t, kReviewerRoleCount> scored_reviews{};
    const auto reviews_it = submitted.find(employee);
    if (reviews_it != submitted.end()) {
      for (const Review* r : reviews_it->second) {
        const auto role = static_cast<std::size_t>(r->role);
        ++score.reviews[role];
        HRKIT_ASSIGN_OR_RETURN(const ReviewScore review_score, ScoreReview(cycle.scoring, scale, *r, scored));
        if (!review_score.total.has_value()) continue;
        sums[role] += *review_score.total;
        ++scored_reviews[role];
      }
    }
    for (std::size_t role = 0; role < kReviewerRoleCount; ++role) {
      if (scored_reviews[role] > 0) score.role_scores[role] = sums[role] / scored_reviews[role];
    }
    score.overall = CombineRoleScores(cycle.scoring, score.role_scores);
    scores.push_back(std::move(score));
  }
  return scores;
}

}  // namespace hrkit
