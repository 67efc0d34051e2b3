// The flat scoring engine against ScoreCycle on the same generated cycles
// (entity values and columns built together from one seed), and its subtree
// distributions against DistributionOf over each subtree's members found by
// walking every participant's unit up to the root. Scores must be
// bit-identical: the flat engine does ScoreCycle's arithmetic in its order.
#include "hrkit/performance/flat_scoring.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/performance/scoring.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

ScoringMethod Method(MissingRole missing) {
  ScoringMethod m;
  m.scale = RatingScaleId(1);
  m.sections = {{"Goals", SectionKind::kGoals, 70, {}},
                {"Values", SectionKind::kCompetencies, 30, {"ownership", "teamwork"}}};
  m.role_weights = {{ReviewerRole::kSelf, 20}, {ReviewerRole::kManager, 50}, {ReviewerRole::kPeer, 30}};
  m.missing_role = missing;
  return m;
}

// One cycle both as entities and as columns.
struct Generated {
  PerformanceCycle cycle;
  std::vector<Goal> goals;
  std::vector<Review> reviews;
  std::vector<std::int64_t> goal_begin{0};
  std::vector<double> goal_weights;
  std::vector<std::int64_t> review_begin{0};
  std::vector<ReviewerRole> review_roles;
  std::vector<std::uint8_t> ratings;
  std::vector<std::uint8_t> proposed;
  std::vector<std::int32_t> participant_unit;
  std::vector<std::int32_t> unit_parent;

  FlatCycleInput Input() const {
    return {goal_begin, goal_weights, review_begin, review_roles, ratings, proposed, participant_unit, unit_parent};
  }
};

// Appends one review of participant `p` (entity and columns); a draft only
// as an entity. Items stay unrated one time in 20.
void AddReview(std::mt19937& rng, Generated& g, const std::vector<GoalId>& own, std::int64_t p) {
  Review r;
  r.id = ReviewId(static_cast<std::int64_t>(g.reviews.size()) + 1);
  r.cycle = g.cycle.id;
  r.reviewee = g.cycle.participants[static_cast<std::size_t>(p)];
  r.role = static_cast<ReviewerRole>(rng() % 4);
  r.reviewer = r.role == ReviewerRole::kSelf ? r.reviewee : EmployeeId(100000 + rng() % 100);
  r.status = rng() % 8 == 0 ? ReviewStatus::kDraft : ReviewStatus::kSubmitted;
  const bool submitted = r.status == ReviewStatus::kSubmitted;
  auto rate = [&](std::string section, GoalId goal, std::string competency) {
    const std::uint8_t level = rng() % 20 == 0 ? kFlatUnrated : static_cast<std::uint8_t>(rng() % 5);
    if (submitted) g.ratings.push_back(level);
    if (level != kFlatUnrated) r.ratings.push_back({section, goal, competency, level + 1.0, ""});
  };
  for (GoalId goal : own) rate("Goals", goal, "");
  rate("Values", GoalId(), "ownership");
  rate("Values", GoalId(), "teamwork");
  if (submitted) g.review_roles.push_back(r.role);
  g.reviews.push_back(std::move(r));
}

Generated Generate(std::uint32_t seed, std::int64_t n, std::int32_t units, MissingRole missing) {
  std::mt19937 rng(seed);
  Generated g;
  g.cycle.id = PerformanceCycleId(1);
  g.cycle.scoring = Method(missing);
  for (std::int32_t u = 0; u < units; ++u) {
    g.unit_parent.push_back(u == 0 || rng() % 10 == 0 ? -1 : static_cast<std::int32_t>(rng() % u));
  }
  for (std::int64_t p = 0; p < n; ++p) g.cycle.participants.push_back(EmployeeId(p + 1));
  for (std::int64_t p = 0; p < n; ++p) {
    g.participant_unit.push_back(static_cast<std::int32_t>(rng() % static_cast<std::uint32_t>(units)));
    const int goal_count = static_cast<int>(rng() % 5);  // 0..4; 0 leaves the goals section unrated
    std::vector<GoalId> own;
    double left = 100.0;
    for (int i = 0; i < goal_count; ++i) {
      const double weight = i + 1 == goal_count ? left : static_cast<double>(1 + rng() % 30);
      left -= weight;
      own.push_back(GoalId(static_cast<std::int64_t>(g.goals.size()) + 1));
      g.goals.push_back({own.back(), g.cycle.id, EmployeeId(p + 1), OrgUnitId(), GoalId(), "g", weight, {}});
      g.goal_weights.push_back(weight);
    }
    g.goal_begin.push_back(static_cast<std::int64_t>(g.goal_weights.size()));
    for (int k = static_cast<int>(rng() % 6); k > 0; --k) AddReview(rng, g, own, p);
    g.review_begin.push_back(static_cast<std::int64_t>(g.review_roles.size()));
    g.proposed.push_back(rng() % 5 == 0 ? static_cast<std::uint8_t>(rng() % 5) : kFlatUnrated);
  }
  return g;
}

TEST(FlatScoringTest, MatchesScoreCycleAndNaiveSubtreeDistributions) {
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  const std::vector<GuidelineShare> guideline = {{1, 10}, {2, 20}, {3, 40}, {4, 20}, {5, 10}};
  for (std::uint32_t round = 0; round < 12; ++round) {
    const MissingRole missing = round % 2 == 0 ? MissingRole::kRescale : MissingRole::kNoScore;
    const Generated g = Generate(2026 + round, 150 + round * 20, 1 + static_cast<std::int32_t>(round * 3), missing);
    ASSERT_OK_AND_ASSIGN(const std::vector<ParticipantScore> expected, ScoreCycle(g.cycle, scale, g.goals, g.reviews));
    ASSERT_OK_AND_ASSIGN(const FlatCycleScores flat, ScoreFlatCycle(g.cycle.scoring, scale, g.Input()));
    ASSERT_EQ(flat.overall.size(), expected.size());
    std::vector<std::optional<double>> levels;  // proposed rating values, naive
    std::size_t scored = 0;
    for (std::size_t p = 0; p < expected.size(); ++p) {
      const std::optional<double> overall = expected[p].overall;
      EXPECT_EQ(overall.has_value(), !std::isnan(flat.overall[p])) << "participant " << p << " round " << round;
      if (overall.has_value()) {
        EXPECT_EQ(flat.overall[p], *overall) << "participant " << p << " round " << round;
      }
      std::optional<double> level;
      if (g.proposed[p] != kFlatUnrated) {
        level = g.proposed[p] + 1.0;
      } else if (overall.has_value()) {
        level = NearestRating(scale, *overall);
      }
      levels.push_back(level);
      scored += overall.has_value() ? 1 : 0;
      EXPECT_EQ(flat.level[p] == kFlatUnrated ? std::optional<double>() : flat.level[p] + 1.0, level);
    }
    // The generated data exercises both cases (kNoScore leaves most unscored).
    EXPECT_GT(scored, expected.size() / 40) << "round " << round;
    EXPECT_LT(scored, expected.size()) << "round " << round;
    for (std::size_t u = 0; u < g.unit_parent.size(); ++u) {
      std::vector<double> members;
      for (std::size_t p = 0; p < levels.size(); ++p) {
        bool below = false;
        for (std::int32_t v = g.participant_unit[p]; v >= 0 && !below; v = g.unit_parent[static_cast<std::size_t>(v)]) {
          below = v == static_cast<std::int32_t>(u);
        }
        if (below && levels[p].has_value()) members.push_back(*levels[p]);
      }
      ASSERT_OK_AND_ASSIGN(const RatingDistribution naive, DistributionOf(members, scale, guideline));
      ASSERT_OK_AND_ASSIGN(const RatingDistribution fast,
                           SubtreeDistribution(flat, static_cast<std::int32_t>(u), scale, guideline));
      EXPECT_EQ(fast.rated, naive.rated) << "unit " << u << " round " << round;
      ASSERT_EQ(fast.levels.size(), naive.levels.size());
      for (std::size_t l = 0; l < naive.levels.size(); ++l) {
        EXPECT_EQ(fast.levels[l].count, naive.levels[l].count) << "unit " << u << " level " << l;
        EXPECT_EQ(fast.levels[l].percent, naive.levels[l].percent) << "unit " << u << " level " << l;
        EXPECT_EQ(fast.levels[l].difference, naive.levels[l].difference) << "unit " << u << " level " << l;
        EXPECT_EQ(fast.levels[l].label, naive.levels[l].label);
      }
    }
  }
}

// One participant in one unit, two goals 40/60, one complete manager review:
// goals (40 x 4 + 60 x 2) / 100 = 2.8, values (5 + 3) / 2 = 4,
// total (70 x 2.8 + 30 x 4) / 100 = 3.16; manager only (rescaled) -> 3.16,
// nearest level 3.
TEST(FlatScoringTest, ScoresTheDocumentedExample) {
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  const std::vector<std::int64_t> goal_begin = {0, 2};
  const std::vector<double> weights = {40, 60};
  const std::vector<std::int64_t> review_begin = {0, 1};
  const std::vector<ReviewerRole> roles = {ReviewerRole::kManager};
  const std::vector<std::uint8_t> ratings = {3, 1, 4, 2};  // levels 4, 2, 5, 3
  const std::vector<std::int32_t> unit = {1};
  const std::vector<std::int32_t> parent = {-1, 0};
  ASSERT_OK_AND_ASSIGN(const FlatCycleScores s,
                       ScoreFlatCycle(Method(MissingRole::kRescale), scale,
                                      {goal_begin, weights, review_begin, roles, ratings, {}, unit, parent}));
  EXPECT_DOUBLE_EQ(s.overall[0], 3.16);
  EXPECT_EQ(s.level[0], 2);
  EXPECT_EQ(s.subtree_rated, (std::vector<std::int64_t>{1, 1}));
  EXPECT_EQ(s.subtree_counts, (std::vector<std::int64_t>{0, 0, 1, 0, 0, 0, 0, 1, 0, 0}));
}

TEST(FlatScoringTest, RejectsMalformedColumns) {
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  const ScoringMethod method = Method(MissingRole::kRescale);
  const std::vector<std::int64_t> goal_begin = {0, 2};
  const std::vector<double> weights = {40, 60};
  const std::vector<double> bad_weights = {40, 50};
  const std::vector<std::int64_t> review_begin = {0, 1};
  const std::vector<ReviewerRole> roles = {ReviewerRole::kManager};
  const std::vector<std::uint8_t> ratings = {3, 1, 4, 2};
  const std::vector<std::uint8_t> short_ratings = {3, 1, 4};
  const std::vector<std::uint8_t> no_level = {3, 1, 9, 2};
  const std::vector<std::int32_t> unit = {0};
  const std::vector<std::int32_t> parent = {-1};
  const std::vector<std::int32_t> late_parent = {1, -1};
  EXPECT_STATUS_CODE(
      ScoreFlatCycle(method, scale, {goal_begin, weights, review_begin, roles, short_ratings, {}, unit, parent}),
      absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(
      ScoreFlatCycle(method, scale, {goal_begin, weights, review_begin, roles, no_level, {}, unit, parent}),
      absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(
      ScoreFlatCycle(method, scale, {goal_begin, bad_weights, review_begin, roles, ratings, {}, unit, parent}),
      absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(
      ScoreFlatCycle(method, scale, {goal_begin, weights, review_begin, roles, ratings, {}, unit, late_parent}),
      absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(
      ScoreFlatCycle(method, scale, {review_begin, weights, goal_begin, roles, ratings, {}, unit, parent}),
      absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit::performance_test
