// Calibration distributions and recorded changes, and a whole cycle end to
// end through the public API.
#include "hrkit/performance/calibration.hpp"

#include <vector>

#include "cycle_fixture.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/performance/cycle_book.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

using ::testing::HasSubstr;

const GuidelineShare kBellCurve[] = {{1, 10}, {2, 20}, {3, 40}, {4, 20}, {5, 10}};

TEST(DistributionTest, CountsAndPercentagesAgainstAGuideline) {
  // {3, 3, 4, 2}: level 2: 1 (25 %), 3: 2 (50 %), 4: 1 (25 %) of 4 rated.
  const double ratings[] = {3, 3, 4, 2};
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  ASSERT_OK_AND_ASSIGN(const RatingDistribution d, DistributionOf(ratings, scale, kBellCurve));
  EXPECT_EQ(d.rated, 4);
  ASSERT_EQ(d.levels.size(), 5u);
  EXPECT_EQ(d.levels[0].count, 0);
  EXPECT_EQ(d.levels[0].difference, -10);
  EXPECT_EQ(d.levels[1].count, 1);
  EXPECT_EQ(d.levels[1].percent, 25);
  EXPECT_EQ(d.levels[1].difference, 5);  // 25 - 20
  EXPECT_EQ(d.levels[2].label, "3");
  EXPECT_EQ(d.levels[2].count, 2);
  EXPECT_EQ(d.levels[2].percent, 50);
  EXPECT_EQ(d.levels[2].guideline_percent, 40);
  EXPECT_EQ(d.levels[2].difference, 10);
  EXPECT_EQ(d.levels[4].count, 0);
}

TEST(DistributionTest, EmptyGroupsAndBadInput) {
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  ASSERT_OK_AND_ASSIGN(const RatingDistribution empty, DistributionOf({}, scale, {}));
  EXPECT_EQ(empty.rated, 0);
  EXPECT_EQ(empty.levels[2].percent, 0);
  const double off_scale[] = {3, 2.5};
  EXPECT_EQ(Message(DistributionOf(off_scale, scale, {})),
            "ratings[1]: 2.5 is not a value of rating_scale:1 (1, 2, 3, 4, 5)");
  const GuidelineShare short_guideline[] = {{1, 50}, {2, 40}};
  EXPECT_EQ(Message(DistributionOf({}, scale, short_guideline)), "guideline: shares sum to 90, not 100");
  const GuidelineShare repeated[] = {{1, 50}, {1, 50}};
  EXPECT_EQ(Message(DistributionOf({}, scale, repeated)), "guideline[1]: rating 1 repeats");
}

TEST(CalibrationChangeTest, AChangeNeedsAReasonAndMustChangeSomething) {
  CalibrationChange c{CalibrationChangeId(2), PerformanceCycleId(1), EmployeeId(7), 3.0, 3.0,
                      EmployeeId(1),          Date(2025, 5, 5),      "why"};
  EXPECT_EQ(Message(ValidateCalibrationChange(c)),
            "calibration_change:2 (employee:7) field after: equals before (3): nothing changes");
  c.after = 4;
  c.reason = "";
  EXPECT_EQ(Message(ValidateCalibrationChange(c)),
            "calibration_change:2 (employee:7) field reason: must say why the rating changed");
}

// Employees 1-3 with goals 40/60 (employee 1's 40 cascaded from a unit
// goal); manager reviews for all three; three anonymous peers for 1, one
// for 2.
class WholeCycleTest : public CycleTest {
 protected:
  void RunToCalibration() {
    ASSERT_OK_AND_ASSIGN(const GoalId unit,
                         book_.AddGoal({.org_unit = OrgUnitId(2), .title = "Grow", .weight = 100}, kGoalDay));
    const std::vector<EmployeeId> one = {EmployeeId(1)};
    ASSERT_OK_AND_ASSIGN(const std::vector<GoalId> cascaded, book_.CascadeGoal(unit, one, 40, kGoalDay));
    ASSERT_OK_AND_ASSIGN(const GoalId own,
                         book_.AddGoal({.owner = EmployeeId(1), .title = "Own", .weight = 60}, kGoalDay));
    goals_[1] = {cascaded[0], own};
    goals_[2] = TwoGoals(2);
    goals_[3] = TwoGoals(3);
    ASSERT_OK(book_.CheckIn(own, 0.5, "halfway", kSelfDay));
    for (std::int64_t peer : {2, 3, 4}) Reviewed(1, peer, ReviewerRole::kPeer, {3, 3, 3, 3}, kSelfDay, true);
    Reviewed(2, 5, ReviewerRole::kPeer, {5, 5, 5, 5}, kSelfDay, true);
    Reviewed(1, 1, ReviewerRole::kSelf, {4, 4, 4, 4}, kSelfDay);
    Reviewed(1, 7, ReviewerRole::kManager, {4, 2, 4, 5}, kManagerDay);
    Reviewed(2, 7, ReviewerRole::kManager, {3, 3, 3, 3}, kManagerDay, false, 4.0);
    Reviewed(3, 7, ReviewerRole::kManager, {5, 5, 5, 4}, kManagerDay);
  }

  void Reviewed(std::int64_t reviewee, std::int64_t reviewer, ReviewerRole role, std::vector<double> r, Date on,
                bool anonymous = false, std::optional<double> overall = std::nullopt) {
    ASSERT_OK_AND_ASSIGN(
        const ReviewId id,
        book_.StartReview({EmployeeId(reviewee), EmployeeId(reviewer), role, anonymous}, Person(reviewer), on));
    ASSERT_OK(book_.SaveDraft(id, Ratings(goals_[reviewee], r[0], r[1], r[2], r[3]), overall, "", on));
    ASSERT_OK(book_.Submit(id, on));
  }

  std::vector<GoalId> goals_[4];
};

TEST_F(WholeCycleTest, ScoresCalibrationAndClose) {
  RunToCalibration();
  // Manager only: 1 = 0.7 x (0.4 x 4 + 0.6 x 2) + 0.3 x (4 + 5) / 2 = 1.96 + 1.35 = 3.31;
  // 2 = 3.0; 3 = 0.7 x 5 + 0.3 x 4.5 = 3.5 + 1.35 = 4.85.
  ASSERT_OK_AND_ASSIGN(const std::vector<ParticipantScore> scores, book_.Scores());
  ASSERT_EQ(scores.size(), 8u);
  EXPECT_DOUBLE_EQ(*scores[0].overall, 3.31);
  EXPECT_EQ(scores[0].reviews[static_cast<std::size_t>(ReviewerRole::kPeer)], 3);
  EXPECT_DOUBLE_EQ(*scores[0].role_scores[static_cast<std::size_t>(ReviewerRole::kSelf)], 4.0);
  EXPECT_DOUBLE_EQ(*scores[1].overall, 3.0);
  EXPECT_DOUBLE_EQ(*scores[2].overall, 4.85);
  EXPECT_FALSE(scores[3].overall.has_value());  // employee 4: no manager review

  // Proposed: 1 -> nearest level 3; 2 -> the manager's proposal 4; 3 -> 5.
  ASSERT_OK_AND_ASSIGN(std::optional<double> proposed, book_.ProposedRating(EmployeeId(2)));
  EXPECT_EQ(proposed, 4.0);
  const std::vector<EmployeeId> group = {EmployeeId(1), EmployeeId(2), EmployeeId(3), EmployeeId(4)};
  ASSERT_OK_AND_ASSIGN(const RatingDistribution before, book_.Distribution(group, kBellCurve, false));
  EXPECT_EQ(before.rated, 3);  // employee 4 has no rating
  EXPECT_EQ(before.levels[2].count, 1);
  EXPECT_EQ(before.levels[3].count, 1);
  EXPECT_EQ(before.levels[4].count, 1);

  // Calibration: only in its phase, only onto the scale, never a no-op, always with a reason.
  auto change = book_.Calibrate(EmployeeId(3), 4, EmployeeId(7), "top band is full", kManagerDay);
  EXPECT_STATUS_CODE(change, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(change), HasSubstr("ratings are calibrated only in the calibration phase (2025-05-01 to "
                                         "2025-05-31); on 2025-04-05 the cycle is in manager_review"));
  change = book_.Calibrate(EmployeeId(3), 4.5, EmployeeId(7), "why", kCalibrationDay);
  EXPECT_EQ(Message(change),
            "calibration of employee:3 field after: 4.5 is not a value of rating_scale:1 (1, 2, 3, 4, 5)");
  change = book_.Calibrate(EmployeeId(3), 5, EmployeeId(7), "why", kCalibrationDay);
  EXPECT_EQ(Message(change), "calibration_change:1 (employee:3) field after: equals before (5): nothing changes");
  change = book_.Calibrate(EmployeeId(3), 4, EmployeeId(7), "", kCalibrationDay);
  EXPECT_THAT(Message(change), HasSubstr("field reason: must say why the rating changed"));
  change = book_.Calibrate(EmployeeId(9), 4, EmployeeId(7), "why", kCalibrationDay);
  EXPECT_EQ(Message(change), "calibration: employee:9 is not a participant of performance_cycle:1");
  EXPECT_TRUE(book_.changes().empty());

  ASSERT_OK_AND_ASSIGN(const CalibrationChangeId id,
                       book_.Calibrate(EmployeeId(3), 4, EmployeeId(7), "top band is full", kCalibrationDay));
  ASSERT_EQ(book_.changes().size(), 1u);
  const CalibrationChange& recorded = book_.changes()[0];
  EXPECT_EQ(recorded.id, id);
  EXPECT_EQ(recorded.before, 5.0);
  EXPECT_EQ(recorded.after, 4.0);
  EXPECT_EQ(recorded.changed_by, EmployeeId(7));
  EXPECT_EQ(recorded.changed_on, kCalibrationDay);
  EXPECT_EQ(recorded.reason, "top band is full");
  ASSERT_OK_AND_ASSIGN(const RatingDistribution after, book_.Distribution(group, kBellCurve, true));
  // After: 3 -> 1 (33.3 %), 4 -> 2 (66.7 %), 5 -> 0 (0 %, guideline 10 %).
  EXPECT_EQ(after.levels[3].count, 2);
  EXPECT_DOUBLE_EQ(after.levels[3].percent, 200.0 / 3.0);
  EXPECT_EQ(after.levels[4].count, 0);
  EXPECT_EQ(after.levels[4].difference, -10);
  // The scores themselves never change: calibration changes ratings.
  ASSERT_OK_AND_ASSIGN(const std::vector<ParticipantScore> again, book_.Scores());
  EXPECT_DOUBLE_EQ(*again[2].overall, 4.85);

  // The 9-box is placed as of the close.
  const PotentialAssessment potentials[] = {{EmployeeId(1), NineBoxLevel::kHigh},
                                            {EmployeeId(2), NineBoxLevel::kLow},
                                            {EmployeeId(3), NineBoxLevel::kMedium},
                                            {EmployeeId(4), NineBoxLevel::kHigh}};
  const PerformanceBands bands{3, 4};
  const auto open = book_.NineBox(potentials, bands);
  EXPECT_STATUS_CODE(open, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(open), "performance_cycle:1: the 9-box is placed as of the close; the cycle is still open");

  ASSERT_OK(book_.Close(kCloseDay));
  ASSERT_OK_AND_ASSIGN(const std::optional<double> final_rating, book_.FinalRating(EmployeeId(3)));
  EXPECT_EQ(final_rating, 4.0);
  // Final ratings 3, 4, 4 with bands {3, 4}: medium, high, high; employee 4 has no rating.
  ASSERT_OK_AND_ASSIGN(const std::vector<NineBoxPlacement> boxes, book_.NineBox(potentials, bands));
  ASSERT_EQ(boxes.size(), 3u);
  EXPECT_EQ(boxes[0], (NineBoxPlacement{EmployeeId(1), NineBoxLevel::kMedium, NineBoxLevel::kHigh}));
  EXPECT_EQ(boxes[1], (NineBoxPlacement{EmployeeId(2), NineBoxLevel::kHigh, NineBoxLevel::kLow}));
  EXPECT_EQ(boxes[2], (NineBoxPlacement{EmployeeId(3), NineBoxLevel::kHigh, NineBoxLevel::kMedium}));
  const PotentialAssessment outsider[] = {{EmployeeId(9), NineBoxLevel::kHigh}};
  EXPECT_EQ(Message(book_.NineBox(outsider, bands)),
            "potentials[0] (employee:9): not a participant of performance_cycle:1");
}

TEST_F(WholeCycleTest, AnonymousPeerResultsNeedAtLeastKPeers) {
  RunToCalibration();
  // Employee 1: three anonymous peers (k = 3), each 0.7 x 3 + 0.3 x 3 = 3.0.
  ASSERT_OK_AND_ASSIGN(const AnonymousPeerResult shown, book_.AnonymousPeerFeedback(EmployeeId(1)));
  EXPECT_EQ(shown.respondents, 3);
  EXPECT_EQ(shown.verdict, Suppression::kShown);
  EXPECT_DOUBLE_EQ(*shown.mean_score, 3.0);
  // Employee 2: one peer, below k: nothing but the count.
  ASSERT_OK_AND_ASSIGN(const AnonymousPeerResult hidden, book_.AnonymousPeerFeedback(EmployeeId(2)));
  EXPECT_EQ(hidden.respondents, 1);
  EXPECT_EQ(hidden.verdict, Suppression::kBelowMinimum);
  EXPECT_FALSE(hidden.mean_score.has_value());
  EXPECT_STATUS_CODE(book_.AnonymousPeerFeedback(EmployeeId(9)), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit::performance_test
