// Scales, scoring methods and the pure scoring engines, with hand-worked
// numbers.
#include "hrkit/performance/scoring.hpp"

#include <array>
#include <optional>
#include <vector>

#include "cycle_fixture.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

using ::testing::HasSubstr;

RatingScale ThreeLevels() { return {RatingScaleId(3), "three", {{1, "below"}, {2, "meets"}, {3, "exceeds"}}}; }

TEST(RatingScaleTest, LabelsMapToNumbers) {
  const RatingScale scale = ThreeLevels();
  EXPECT_OK(ValidateRatingScale(scale));
  ASSERT_OK_AND_ASSIGN(const double meets, RatingOfLabel(scale, "meets"));
  EXPECT_EQ(meets, 2);
  EXPECT_EQ(LabelOfRating(scale, 3), "exceeds");
  const auto missing = RatingOfLabel(scale, "outstanding");
  EXPECT_STATUS_CODE(missing, absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(missing), "rating_scale:3 has no level labelled \"outstanding\"");
  EXPECT_TRUE(IsRatingOn(scale, 2));
  EXPECT_FALSE(IsRatingOn(scale, 2.5));
  EXPECT_EQ(Message(ValidateRating(scale, 2.5, "review:1 field ratings[0]")),
            "review:1 field ratings[0]: 2.5 is not a value of rating_scale:3 (1, 2, 3)");
}

TEST(RatingScaleTest, NearestRatingRoundsHalfwayUp) {
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  EXPECT_EQ(NearestRating(scale, 3.31), 3);
  EXPECT_EQ(NearestRating(scale, 3.5), 4);  // halfway: the higher level
  EXPECT_EQ(NearestRating(scale, 0.2), 1);
  EXPECT_EQ(NearestRating(scale, 9), 5);
}

TEST(RatingScaleTest, InvalidScalesAreRejected) {
  RatingScale scale = ThreeLevels();
  scale.levels[2].value = 2;
  EXPECT_EQ(Message(ValidateRatingScale(scale)),
            "rating_scale:3 field levels[2].value: 2 is not above the previous level's 2");
  scale = ThreeLevels();
  scale.levels[1].label = "below";
  EXPECT_EQ(Message(ValidateRatingScale(scale)), "rating_scale:3 field levels[1].label: \"below\" repeats");
  scale.levels.resize(1);
  EXPECT_EQ(Message(ValidateRatingScale(scale)), "rating_scale:3 field levels: needs at least 2 levels, got 1");
}

TEST(ScoringMethodTest, WeightsSumTo100AndSectionsAreWellFormed) {
  EXPECT_OK(ValidateScoringMethod(GoalsAndValues(), "review_template:1"));
  ScoringMethod m = GoalsAndValues();
  m.role_weights = {{ReviewerRole::kManager, 70}, {ReviewerRole::kSelf, 20}};
  EXPECT_EQ(Message(ValidateScoringMethod(m, "review_template:1")),
            "review_template:1 field role_weights: weights sum to 90, not 100");
  m.role_weights = {{ReviewerRole::kManager, 50}, {ReviewerRole::kManager, 50}};
  EXPECT_EQ(Message(ValidateScoringMethod(m, "review_template:1")),
            "review_template:1 field role_weights[1].role: manager is weighted twice");
  m = GoalsAndValues();
  m.sections[1].competencies = {};
  EXPECT_EQ(Message(ValidateScoringMethod(m, "review_template:1")),
            "review_template:1 field sections[1].competencies: must not be empty");
  m = GoalsAndValues();
  m.sections.push_back({"More goals", SectionKind::kGoals, 0.5, {}});
  m.sections[0].weight = 69.5;
  EXPECT_EQ(Message(ValidateScoringMethod(m, "review_template:1")),
            "review_template:1 field sections[2].kind: only one section may rate goals");
  ReviewTemplate t{ReviewTemplateId(4), "", GoalsAndValues()};
  EXPECT_EQ(Message(ValidateReviewTemplate(t)), "review_template:4 field name: must not be empty");
}

TEST(WeightedScoreTest, DomainWorkedExample) {
  // DOMAIN.md: weights 40/60, ratings 4 and 2 on 1-5 -> 0.4 x 4 + 0.6 x 2 = 1.6 + 1.2 = 2.8.
  const WeightedRating items[] = {{40, 4}, {60, 2}};
  ASSERT_OK_AND_ASSIGN(const double score, WeightedScore(items, "employee:1's goals"));
  EXPECT_DOUBLE_EQ(score, 2.8);
}

TEST(WeightedScoreTest, WeightsMustSumTo100) {
  const WeightedRating short_items[] = {{40, 4}, {50, 2}};
  const auto score = WeightedScore(short_items, "employee:1's goals");
  EXPECT_STATUS_CODE(score, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(score), "employee:1's goals: weights sum to 90, not 100");
  EXPECT_EQ(Message(WeightedScore({}, "x")), "x: no weighted items to score");
  const WeightedRating negative[] = {{-10, 4}, {110, 2}};
  EXPECT_THAT(Message(WeightedScore(negative, "x")), HasSubstr("item 0 has weight -10"));
}

Goal G(std::int64_t id, std::int64_t parent, double weight, std::optional<double> progress = std::nullopt) {
  Goal g;
  g.id = GoalId(id);
  g.cycle = PerformanceCycleId(1);
  g.owner = EmployeeId(1);
  g.parent = GoalId(parent);
  g.title = "g";
  g.weight = weight;
  if (progress.has_value()) g.check_ins.push_back({Date(2025, 2, 1), *progress, ""});
  return g;
}

TEST(GoalTreeTest, AParentHasTheWeightedProgressOfItsChildren) {
  // 1 <- {2 (50), 3 (50)}; 3 <- {4 (25), 5 (75)}.
  // 3 = 0.25 x 0.4 + 0.75 x 0.8 = 0.1 + 0.6 = 0.7; 1 = 0.5 x 0.2 + 0.5 x 0.7 = 0.45.
  // The check-in on 3 itself is ignored: it has sub-goals.
  const std::vector<Goal> goals = {G(1, 0, 100), G(2, 1, 50, 0.2), G(3, 1, 50, 0.99), G(4, 3, 25, 0.4),
                                   G(5, 3, 75, 0.8)};
  ASSERT_OK_AND_ASSIGN(const std::vector<double> progress, GoalTreeProgress(goals));
  EXPECT_DOUBLE_EQ(progress[2], 0.7);
  EXPECT_DOUBLE_EQ(progress[0], 0.45);
  EXPECT_DOUBLE_EQ(progress[1], 0.2);
}

TEST(GoalTreeTest, TheLatestCheckInCounts) {
  Goal g = G(1, 0, 100, 0.3);
  g.check_ins.push_back({Date(2025, 1, 20), 0.9, "earlier date, entered later"});
  g.check_ins.push_back({Date(2025, 2, 1), 0.5, "same day, entered later"});
  EXPECT_EQ(OwnProgress(g), 0.5);
}

TEST(GoalTreeTest, BadTreesAreRejected) {
  std::vector<Goal> goals = {G(1, 2, 100), G(2, 1, 100)};
  EXPECT_EQ(Message(GoalTreeProgress(goals)), "goal:1 field parent: the goals' parents form a cycle");
  goals = {G(1, 9, 100)};
  EXPECT_EQ(Message(GoalTreeProgress(goals)), "goal:1 field parent: goal:9 is not among the goals");
  goals = {G(1, 0, 100), G(1, 0, 100)};
  EXPECT_EQ(Message(GoalTreeProgress(goals)), "goal:1 field id: repeats");
  goals = {G(1, 0, 100, 0.5)};
  goals[0].check_ins[0].progress = 2;
  EXPECT_EQ(Message(GoalTreeProgress(goals)), "goal:1 field check_ins[0].progress: must be in [0, 1], got 2");
}

Review ManagerReview(std::vector<ReviewRating> ratings) {
  Review r;
  r.id = ReviewId(1);
  r.cycle = PerformanceCycleId(1);
  r.reviewee = EmployeeId(1);
  r.reviewer = EmployeeId(7);
  r.role = ReviewerRole::kManager;
  r.ratings = std::move(ratings);
  r.started_on = Date(2025, 4, 2);
  return r;
}

TEST(ScoreReviewTest, SectionsCombineByTheirWeights) {
  // Goals 40/60 rated 4 and 2 -> 2.8; Values (ownership 4, teamwork 5) -> 4.5.
  // Total = 70 % x 2.8 + 30 % x 4.5 = 1.96 + 1.35 = 3.31.
  const std::vector<Goal> goals = {G(1, 0, 40), G(2, 0, 60)};
  const Review review = ManagerReview({{"Goals", GoalId(1), "", 4, ""},
                                       {"Goals", GoalId(2), "", 2, ""},
                                       {"Values", GoalId(), "ownership", 4, ""},
                                       {"Values", GoalId(), "teamwork", 5, ""}});
  ASSERT_OK_AND_ASSIGN(const ReviewScore score,
                       ScoreReview(GoalsAndValues(), NumericScale(RatingScaleId(1), 5), review, goals));
  ASSERT_EQ(score.sections.size(), 2u);
  EXPECT_DOUBLE_EQ(*score.sections[0], 2.8);
  EXPECT_DOUBLE_EQ(*score.sections[1], 4.5);
  EXPECT_DOUBLE_EQ(*score.total, 3.31);
}

TEST(ScoreReviewTest, AnUnratedItemLeavesItsSectionAndTheTotalEmpty) {
  const std::vector<Goal> goals = {G(1, 0, 40), G(2, 0, 60)};
  const Review review = ManagerReview({{"Goals", GoalId(1), "", 4, ""},
                                       {"Values", GoalId(), "ownership", 4, ""},
                                       {"Values", GoalId(), "teamwork", 2, ""}});
  ASSERT_OK_AND_ASSIGN(const ReviewScore score,
                       ScoreReview(GoalsAndValues(), NumericScale(RatingScaleId(1), 5), review, goals));
  EXPECT_FALSE(score.sections[0].has_value());
  EXPECT_DOUBLE_EQ(*score.sections[1], 3.0);
  EXPECT_FALSE(score.total.has_value());
}

TEST(CombineRoleScoresTest, RolesCombineByTheirWeights) {
  ScoringMethod m = GoalsAndValues();
  m.role_weights = {{ReviewerRole::kManager, 80}, {ReviewerRole::kSelf, 20}};
  std::array<std::optional<double>, kReviewerRoleCount> scores;
  scores[static_cast<std::size_t>(ReviewerRole::kManager)] = 3.31;
  scores[static_cast<std::size_t>(ReviewerRole::kSelf)] = 4.0;
  scores[static_cast<std::size_t>(ReviewerRole::kPeer)] = 1.0;  // unweighted: ignored
  // 0.8 x 3.31 + 0.2 x 4.0 = 2.648 + 0.8 = 3.448.
  EXPECT_DOUBLE_EQ(*CombineRoleScores(m, scores), 3.448);
  // No self review: rescaled to the manager's weight alone -> 3.31.
  scores[static_cast<std::size_t>(ReviewerRole::kSelf)].reset();
  EXPECT_DOUBLE_EQ(*CombineRoleScores(m, scores), 3.31);
  m.missing_role = MissingRole::kNoScore;
  EXPECT_FALSE(CombineRoleScores(m, scores).has_value());
  // Manager only.
  EXPECT_DOUBLE_EQ(*CombineRoleScores(GoalsAndValues(), {std::nullopt, 3.31, 5.0, std::nullopt}), 3.31);
  EXPECT_FALSE(CombineRoleScores(GoalsAndValues(), {4.0, std::nullopt, 5.0, std::nullopt}).has_value());
}

}  // namespace
}  // namespace hrkit::performance_test
