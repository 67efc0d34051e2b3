#include "hrkit/performance/scoring.hpp"

#include <cmath>
#include <cstddef>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status InvalidRating(const Review& r, std::size_t i, std::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToString(r.id), " (", ToString(r.reviewee), ") field ratings[", i, "]: ", ToAbsl(problem)));
}

// The section of `method` named `name`, or -1.
std::ptrdiff_t SectionIndex(const ScoringMethod& method, std::string_view name) {
  for (std::size_t i = 0; i < method.sections.size(); ++i) {
    if (method.sections[i].name == name) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

std::ptrdiff_t CompetencyIndex(const TemplateSection& section, std::string_view name) {
  for (std::size_t i = 0; i < section.competencies.size(); ++i) {
    if (section.competencies[i] == name) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

// The ratings of `review` sorted into their sections' items: per section,
// one slot per goal (goals section, in `goals` order) or competency.
using Slots = std::vector<std::vector<std::optional<double>>>;

absl::StatusOr<Slots> SortRatings(const ScoringMethod& method, const RatingScale& scale, const Review& review,
                                  std::span<const Goal> goals) {
  Slots slots(method.sections.size());
  for (std::size_t s = 0; s < method.sections.size(); ++s) {
    const TemplateSection& section = method.sections[s];
    slots[s].resize(section.kind == SectionKind::kGoals ? goals.size() : section.competencies.size());
  }
  for (std::size_t i = 0; i < review.ratings.size(); ++i) {
    const ReviewRating& r = review.ratings[i];
    HRKIT_RETURN_IF_ERROR(
        ValidateRating(scale, r.rating,
                       absl::StrCat(ToString(review.id), " (", ToString(review.reviewee), ") field ratings[", i, "]")));
    const std::ptrdiff_t s = SectionIndex(method, r.section);
    if (s < 0) return InvalidRating(review, i, absl::StrCat("no section is named \"", r.section, "\""));
    const TemplateSection& section = method.sections[static_cast<std::size_t>(s)];
    std::ptrdiff_t item = -1;
    if (section.kind == SectionKind::kGoals) {
      for (std::size_t g = 0; g < goals.size() && r.goal.valid(); ++g) {
        if (goals[g].id == r.goal) item = static_cast<std::ptrdiff_t>(g);
      }
      if (item < 0) {
        return InvalidRating(review, i,
                             absl::StrCat(ToString(r.goal), " is not a scored goal of ", ToString(review.reviewee)));
      }
    } else {
      if (r.goal.valid()) return InvalidRating(review, i, absl::StrCat("section \"", r.section, "\" rates no goals"));
      item = CompetencyIndex(section, r.competency);
      if (item < 0) {
        return InvalidRating(review, i,
                             absl::StrCat("section \"", r.section, "\" has no competency \"", r.competency, "\""));
      }
    }
    std::optional<double>& slot = slots[static_cast<std::size_t>(s)][static_cast<std::size_t>(item)];
    if (slot.has_value()) return InvalidRating(review, i, "rates an item rated before");
    slot = r.rating;
  }
  return slots;
}

}  // namespace

absl::StatusOr<double> WeightedScore(std::span<const WeightedRating> items, std::string_view owner) {
  if (items.empty()) return absl::InvalidArgumentError(absl::StrCat(ToAbsl(owner), ": no weighted items to score"));
  double sum_weights = 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const WeightedRating& item = items[i];
    if (!std::isfinite(item.weight) || item.weight <= 0.0 || !std::isfinite(item.rating)) {
      return absl::InvalidArgumentError(absl::StrCat(ToAbsl(owner), ": item ", i, " has weight ", item.weight,
                                                     " and rating ", item.rating,
                                                     " (a finite weight above 0 and a finite rating)"));
    }
    sum_weights += item.weight;
    sum += item.weight * item.rating;
  }
  if (std::abs(sum_weights - 100.0) > kWeightSumTolerance) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(owner), ": weights sum to ", sum_weights, ", not 100"));
  }
  return sum / 100.0;
}

absl::Status ValidateReviewRatings(const ScoringMethod& method, const RatingScale& scale, const Review& review,
                                   std::span<const Goal> goals) {
  return SortRatings(method, scale, review, goals).status();
}

absl::StatusOr<ReviewScore> ScoreReview(const ScoringMethod& method, const RatingScale& scale, const Review& review,
                                        std::span<const Goal> goals) {
  HRKIT_ASSIGN_OR_RETURN(Slots slots, SortRatings(method, scale, review, goals));
  ReviewScore score;
  score.sections.resize(method.sections.size());
  bool complete = true;
  double total = 0.0;
  for (std::size_t s = 0; s < method.sections.size(); ++s) {
    const TemplateSection& section = method.sections[s];
    bool rated = !slots[s].empty();
    for (const std::optional<double>& slot : slots[s]) rated = rated && slot.has_value();
    if (!rated) {
      complete = false;
      continue;
    }
    if (section.kind == SectionKind::kGoals) {
      std::vector<WeightedRating> items;
      for (std::size_t g = 0; g < goals.size(); ++g) items.push_back({goals[g].weight, *slots[s][g]});
      HRKIT_ASSIGN_OR_RETURN(score.sections[s],
                             WeightedScore(items, absl::StrCat(ToString(review.reviewee), "'s goals")));
    } else {
      double sum = 0.0;
      for (const std::optional<double>& slot : slots[s]) sum += *slot;
      score.sections[s] = sum / static_cast<double>(slots[s].size());
    }
    total += section.weight * *score.sections[s];
  }
  if (complete) score.total = total / 100.0;
  return score;
}

std::optional<double> CombineRoleScores(const ScoringMethod& method,
                                        const std::array<std::optional<double>, kReviewerRoleCount>& role_scores) {
  double weights = 0.0;
  double sum = 0.0;
  for (const RoleWeight& w : method.role_weights) {
    const std::optional<double>& score = role_scores[static_cast<std::size_t>(w.role)];
    if (!score.has_value()) {
      if (method.missing_role == MissingRole::kNoScore) return std::nullopt;
      continue;
    }
    weights += w.weight;
    sum += w.weight * *score;
  }
  if (weights <= 0.0) return std::nullopt;
  return sum / weights;
}

std::vector<Goal> ScoredGoalsOf(std::span<const Goal> goals, PerformanceCycleId cycle, EmployeeId employee) {
  absl::flat_hash_set<GoalId> own;
  for (const Goal& g : goals) {
    if (g.cycle == cycle && g.owner == employee) own.insert(g.id);
  }
  std::vector<Goal> scored;
  for (const Goal& g : goals) {
    if (g.cycle == cycle && g.owner == employee && !own.contains(g.parent)) scored.push_back(g);
  }
  return scored;
}

}  // namespace hrkit
