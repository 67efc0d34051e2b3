#include "hrkit/performance/flat_scoring.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/scoring.hpp"

namespace hrkit {
namespace {

constexpr double kNoScore = std::numeric_limits<double>::quiet_NaN();

// A section of the method as the scoring loop needs it.
struct FlatSection {
  bool goals = false;
  double weight = 0.0;
  std::int64_t competencies = 0;
};

absl::Status CheckOffsets(std::span<const std::int64_t> begin, std::size_t n, std::size_t column,
                          std::string_view name) {
  if (begin.size() != n + 1 || begin.front() != 0 || begin.back() != static_cast<std::int64_t>(column)) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(name), ": expected ", n + 1, " ascending offsets from 0 to ", column));
  }
  for (std::size_t i = 1; i < begin.size(); ++i) {
    if (begin[i] < begin[i - 1]) {
      return absl::InvalidArgumentError(absl::StrCat(ToAbsl(name), "[", i, "]: offsets must ascend"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckShape(const FlatCycleInput& in, std::int64_t competencies, bool has_goals, std::size_t n) {
  HRKIT_RETURN_IF_ERROR(CheckOffsets(in.goal_begin, n, in.goal_weights.size(), "goal_begin"));
  HRKIT_RETURN_IF_ERROR(CheckOffsets(in.review_begin, n, in.review_roles.size(), "review_begin"));
  std::int64_t needed = 0;
  for (std::size_t p = 0; p < n; ++p) {
    const std::int64_t goals = has_goals ? in.goal_begin[p + 1] - in.goal_begin[p] : 0;
    needed += (in.review_begin[p + 1] - in.review_begin[p]) * (goals + competencies);
  }
  if (needed != static_cast<std::int64_t>(in.ratings.size())) {
    return absl::InvalidArgumentError(
        absl::StrCat("ratings: the reviews need ", needed, " entries, got ", in.ratings.size()));
  }
  if (!in.proposed.empty() && in.proposed.size() != n) {
    return absl::InvalidArgumentError(absl::StrCat("proposed: expected ", n, " entries or none"));
  }
  const auto units = static_cast<std::int32_t>(in.unit_parent.size());
  for (std::size_t u = 0; u < in.unit_parent.size(); ++u) {
    const std::int32_t parent = in.unit_parent[u];
    if (parent < -1 || parent >= static_cast<std::int32_t>(u)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unit_parent[", u, "]: ", parent, " is not -1 or a unit before it"));
    }
  }
  for (std::size_t p = 0; p < in.participant_unit.size(); ++p) {
    if (in.participant_unit[p] < 0 || in.participant_unit[p] >= units) {
      return absl::InvalidArgumentError(
          absl::StrCat("participant_unit[", p, "]: ", in.participant_unit[p], " is not a unit index"));
    }
  }
  for (std::size_t r = 0; r < in.review_roles.size(); ++r) {
    const auto role = static_cast<std::size_t>(in.review_roles[r]);
    if (role >= kReviewerRoleCount) {
      return absl::InvalidArgumentError(absl::StrCat("review_roles[", r, "]: ", role, " is not a reviewer role"));
    }
  }
  return absl::OkStatus();
}

// The index of the level nearest `score`; ties go to the higher level
// (NearestRating).
std::uint8_t NearestLevel(std::span<const double> values, double score) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::abs(values[i] - score) <= std::abs(values[best] - score)) best = i;
  }
  return static_cast<std::uint8_t>(best);
}

// Scores the participants of `in` into `out.overall` and `out.level`. The
// ratings and roles are checked before (CheckLevels, CheckShape), so the loop
// only reads; goal weights are checked once per participant, when a goals
// section is first fully rated (where ScoreCycle checks them).
class Scorer {
 public:
  Scorer(const ScoringMethod& method, const RatingScale& scale, const FlatCycleInput& in)
      : in_(in), no_score_(method.missing_role == MissingRole::kNoScore) {
    for (const RatingLevel& level : scale.levels) levels_.push_back(level.value);
    values_.fill(0.0);  // kFlatUnrated reads 0 and is tracked apart
    for (std::size_t l = 0; l < levels_.size(); ++l) values_[l] = levels_[l];
    for (const TemplateSection& s : method.sections) {
      sections_.push_back({s.kind == SectionKind::kGoals, s.weight, static_cast<std::int64_t>(s.competencies.size())});
    }
    for (const RoleWeight& w : method.role_weights) roles_.push_back({static_cast<std::size_t>(w.role), w.weight});
  }

  absl::Status Run(FlatCycleScores& out) {
    const std::size_t n = in_.goal_begin.size() - 1;
    out.overall.resize(n);
    out.level.resize(n);
    // Two passes: byte stores (levels) may alias anything, so they stay out
    // of the scoring loop.
    double* overall = out.overall.data();
    for (std::size_t p = 0; p < n; ++p) {
      overall[p] = ScoreParticipant(p);
      if (!error_.ok()) return error_;
    }
    for (std::size_t p = 0; p < n; ++p) {
      std::uint8_t level = in_.proposed.empty() ? kFlatUnrated : in_.proposed[p];
      if (level == kFlatUnrated && !std::isnan(overall[p])) level = NearestLevel(levels_, overall[p]);
      out.level[p] = level;
    }
    return absl::OkStatus();
  }

 private:
  struct Role {
    std::size_t role;
    double weight;
  };

  // The overall score of participant `p`, NaN for none (CombineRoleScores).
  double ScoreParticipant(std::size_t p) {
    const std::int64_t goal_first = in_.goal_begin[p];
    const std::int64_t goals = in_.goal_begin[p + 1] - goal_first;
    std::array<double, kReviewerRoleCount> sums{};
    std::array<std::int32_t, kReviewerRoleCount> scored{};
    weights_checked_ = false;
    for (std::int64_t r = in_.review_begin[p]; r < in_.review_begin[p + 1]; ++r) {
      const ReviewTotal review = ScoreReview(p, goal_first, goals);
      if (!review.complete) continue;
      const auto role = static_cast<std::size_t>(in_.review_roles[static_cast<std::size_t>(r)]);
      sums[role] += review.total;
      ++scored[role];
    }
    double weights = 0.0;
    double sum = 0.0;
    for (const Role& w : roles_) {
      if (scored[w.role] == 0) {
        if (no_score_) return kNoScore;
        continue;
      }
      weights += w.weight;
      sum += w.weight * (sums[w.role] / scored[w.role]);
    }
    return weights > 0.0 ? sum / weights : kNoScore;
  }

  // A review's total; not complete when an item is unrated (or on an error,
  // set in error_). The flag is known before the divisions finish, so the
  // caller's branch does not wait for them.
  struct ReviewTotal {
    double total = 0.0;
    bool complete = false;
  };

  // The total of the next review in `ratings` (advances the cursor).
  ReviewTotal ScoreReview(std::size_t p, std::int64_t goal_first, std::int64_t goals) {
    bool complete = true;
    double total = 0.0;
    for (const FlatSection& section : sections_) {
      const std::int64_t items = section.goals ? goals : section.competencies;
      const std::uint8_t* ratings = in_.ratings.data() + cursor_;
      cursor_ += static_cast<std::size_t>(items);
      bool unrated = items == 0;
      double sum = 0.0;
      if (section.goals) {
        const double* weights = in_.goal_weights.data() + goal_first;
        for (std::int64_t i = 0; i < items; ++i) {
          unrated |= ratings[i] == kFlatUnrated;
          sum += weights[i] * values_[ratings[i]];
        }
      } else {
        for (std::int64_t i = 0; i < items; ++i) {
          unrated |= ratings[i] == kFlatUnrated;
          sum += values_[ratings[i]];
        }
      }
      if (unrated) {
        complete = false;
        continue;
      }
      double score = 0.0;
      if (section.goals) {
        if (!weights_checked_) {
          error_ = CheckGoalWeights(p, goal_first, goals);
          if (!error_.ok()) return {};
          weights_checked_ = true;
        }
        score = sum / 100.0;
      } else {
        score = sum / static_cast<double>(items);
      }
      total += section.weight * score;
    }
    return {total / 100.0, complete};
  }

  // WeightedScore's weight checks for participant `p`'s goals.
  absl::Status CheckGoalWeights(std::size_t p, std::int64_t goal_first, std::int64_t goals) const {
    double sum_weights = 0.0;
    for (std::int64_t i = 0; i < goals; ++i) {
      const double weight = in_.goal_weights[static_cast<std::size_t>(goal_first + i)];
      if (!std::isfinite(weight) || weight <= 0.0) {
        return absl::InvalidArgumentError(absl::StrCat("participant ", p, "'s goals: item ", i, " has weight ", weight,
                                                       " (a finite weight above 0)"));
      }
      sum_weights += weight;
    }
    if (std::abs(sum_weights - 100.0) > kWeightSumTolerance) {
      return absl::InvalidArgumentError(
          absl::StrCat("participant ", p, "'s goals: weights sum to ", sum_weights, ", not 100"));
    }
    return absl::OkStatus();
  }

  const FlatCycleInput& in_;
  const bool no_score_;
  std::vector<double> levels_;
  std::array<double, 256> values_;  // by level index
  std::vector<FlatSection> sections_;
  std::vector<Role> roles_;
  std::size_t cursor_ = 0;  // the next entry of in_.ratings
  bool weights_checked_ = false;
  absl::Status error_;
};

// InvalidArgument for an entry of `ratings` (or `proposed`) that is neither
// a level index below `levels` nor kFlatUnrated.
absl::Status CheckLevels(std::span<const std::uint8_t> ratings, std::size_t levels, std::string_view name) {
  // r + 1 wraps kFlatUnrated to 0, so one maximum (vectorized) finds them.
  std::uint8_t highest = 0;
  for (const std::uint8_t r : ratings) highest = std::max(highest, static_cast<std::uint8_t>(r + 1));
  if (highest <= levels) return absl::OkStatus();
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    if (ratings[i] >= levels && ratings[i] != kFlatUnrated) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToAbsl(name), "[", i, "]: ", ratings[i], " is not a level index or kFlatUnrated"));
    }
  }
  return absl::OkStatus();
}

// Counts every participant's level into its unit, then folds every unit
// into its parent, children before parents (reverse order).
void RollUp(const FlatCycleInput& in, FlatCycleScores& out) {
  const std::size_t units = in.unit_parent.size();
  const auto levels = static_cast<std::size_t>(out.levels);
  out.subtree_counts.assign(units * levels, 0);
  out.subtree_rated.assign(units, 0);
  for (std::size_t p = 0; p < out.level.size(); ++p) {
    const std::uint8_t level = out.level[p];
    if (level == kFlatUnrated) continue;
    const auto unit = static_cast<std::size_t>(in.participant_unit[p]);
    ++out.subtree_counts[unit * levels + level];
    ++out.subtree_rated[unit];
  }
  for (std::size_t u = units; u-- > 0;) {
    const std::int32_t parent = in.unit_parent[u];
    if (parent < 0) continue;
    const auto q = static_cast<std::size_t>(parent);
    for (std::size_t l = 0; l < levels; ++l) out.subtree_counts[q * levels + l] += out.subtree_counts[u * levels + l];
    out.subtree_rated[q] += out.subtree_rated[u];
  }
}

}  // namespace

absl::StatusOr<FlatCycleScores> ScoreFlatCycle(const ScoringMethod& method, const RatingScale& scale,
                                               const FlatCycleInput& input) {
  HRKIT_RETURN_IF_ERROR(ValidateRatingScale(scale));
  HRKIT_RETURN_IF_ERROR(ValidateScoringMethod(method, "scoring method"));
  if (scale.levels.size() >= kFlatUnrated) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(scale.id), ": more than 254 levels"));
  }
  if (input.goal_begin.empty()) return absl::InvalidArgumentError("goal_begin: expected n + 1 offsets");
  const std::size_t n = input.goal_begin.size() - 1;
  std::int64_t competencies = 0;
  bool has_goals = false;
  for (const TemplateSection& s : method.sections) {
    if (s.kind == SectionKind::kGoals) has_goals = true;
    if (s.kind == SectionKind::kCompetencies) competencies += static_cast<std::int64_t>(s.competencies.size());
  }
  if (input.participant_unit.size() != n) {
    return absl::InvalidArgumentError(absl::StrCat("participant_unit: expected ", n, " entries"));
  }
  HRKIT_RETURN_IF_ERROR(CheckShape(input, competencies, has_goals, n));
  FlatCycleScores out;
  out.levels = static_cast<std::int32_t>(scale.levels.size());
  HRKIT_RETURN_IF_ERROR(CheckLevels(input.ratings, scale.levels.size(), "ratings"));
  HRKIT_RETURN_IF_ERROR(CheckLevels(input.proposed, scale.levels.size(), "proposed"));
  Scorer scorer(method, scale, input);
  HRKIT_RETURN_IF_ERROR(scorer.Run(out));
  RollUp(input, out);
  return out;
}

absl::StatusOr<RatingDistribution> SubtreeDistribution(const FlatCycleScores& scores, std::int32_t unit,
                                                       const RatingScale& scale,
                                                       std::span<const GuidelineShare> guideline) {
  if (unit < 0 || static_cast<std::size_t>(unit) >= scores.subtree_rated.size()) {
    return absl::InvalidArgumentError(absl::StrCat("unit ", unit, " is not a unit index"));
  }
  if (static_cast<std::int32_t>(scale.levels.size()) != scores.levels) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(scale.id), " is not the scale scored with"));
  }
  // The levels, labels and guideline of DistributionOf, then the counts.
  HRKIT_ASSIGN_OR_RETURN(RatingDistribution out, DistributionOf({}, scale, guideline));
  const auto u = static_cast<std::size_t>(unit);
  out.rated = scores.subtree_rated[u];
  for (std::size_t l = 0; l < out.levels.size(); ++l) {
    DistributionLevel& level = out.levels[l];
    level.count = scores.subtree_counts[u * out.levels.size() + l];
    if (out.rated > 0) level.percent = static_cast<double>(level.count) * 100.0 / static_cast<double>(out.rated);
    level.difference = level.percent - level.guideline_percent;
  }
  return out;
}

}  // namespace hrkit
