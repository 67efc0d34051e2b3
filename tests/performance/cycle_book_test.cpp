// The cycle's state machine: participants, phases, goals, reviews, the
// locked scoring method, closing. Every rejection with its code and message.
#include "hrkit/performance/cycle_book.hpp"

#include <vector>

#include "cycle_fixture.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(CycleTest, ParticipantsAreTheAudienceOfTheRuleOnTheDate) {
  // 9 is hired after 2025-01-05; 8 is still employed then.
  EXPECT_THAT(book_.cycle().participants, ElementsAre(EmployeeId(1), EmployeeId(2), EmployeeId(3), EmployeeId(4),
                                                      EmployeeId(5), EmployeeId(6), EmployeeId(7), EmployeeId(8)));
  EXPECT_EQ(book_.cycle().participants_as_of, kAsOf);
  // Sales only, chosen again during goal setting: the head of HQ drops out.
  EligibilityRule sales;
  sales.org_subtrees = {OrgUnitId(2)};
  ASSERT_OK(book_.SelectParticipants(sales, employees_, lookup_, kAsOf, kGoalDay));
  EXPECT_EQ(book_.cycle().participants.size(), 7u);
  EXPECT_FALSE(book_.IsParticipant(EmployeeId(7)));
  EXPECT_EQ(book_.cycle().eligibility, sales);
}

TEST_F(CycleTest, ParticipantsAreChosenOnlyBeforeSelfReview) {
  const CycleBook before = book_;
  const absl::Status s = book_.SelectParticipants(EligibilityRule{}, employees_, lookup_, kAsOf, kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s),
            "performance_cycle:1: participants are chosen only in the not_started phase (before 2025-01-06) or the "
            "goal_setting phase (2025-01-06 to 2025-02-28); on 2025-03-05 the cycle is in self_review");
  EXPECT_TRUE(book_.cycle() == before.cycle());
}

TEST_F(CycleTest, ParticipantsAreFixedOnceAGoalExists) {
  TwoGoals(1);
  const absl::Status s = book_.SelectParticipants(EligibilityRule{}, employees_, lookup_, kAsOf, kGoalDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(s), HasSubstr("before any goal or review exists (goal:1 exists)"));
}

TEST_F(CycleTest, GoalsAreSetOnlyInGoalSetting) {
  const auto id = book_.AddGoal({.owner = EmployeeId(1), .title = "late", .weight = 50}, kSelfDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(id),
            "performance_cycle:1: goals are set only in the goal_setting phase (2025-01-06 to 2025-02-28); on "
            "2025-03-05 the cycle is in self_review");
  EXPECT_TRUE(book_.goals().empty());
}

TEST_F(CycleTest, AnEmployeesGoalsWeighAtMost100) {
  TwoGoals(1);  // 40 + 60
  const auto id = book_.AddGoal({.owner = EmployeeId(1), .title = "one more", .weight = 10}, kGoalDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(id), "new goal of employee:1 field weight: employee:1's goals would weigh 110 %");
  EXPECT_EQ(book_.goals().size(), 2u);
}

TEST_F(CycleTest, GoalInputIsChecked) {
  auto id = book_.AddGoal({.owner = EmployeeId(1), .title = "", .weight = 10}, kGoalDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(id), HasSubstr("field title: must not be empty"));
  id = book_.AddGoal({.owner = EmployeeId(1), .title = "x", .weight = 0}, kGoalDay);
  EXPECT_THAT(Message(id), HasSubstr("field weight: must be in (0, 100], got 0"));
  id = book_.AddGoal({.owner = EmployeeId(1), .org_unit = OrgUnitId(2), .title = "x", .weight = 5}, kGoalDay);
  EXPECT_THAT(Message(id), HasSubstr("field owner: a goal belongs to exactly one of"));
  id = book_.AddGoal({.owner = EmployeeId(1), .parent = GoalId(42), .title = "x", .weight = 5}, kGoalDay);
  EXPECT_EQ(Message(id), "new goal of employee:1 field parent: goal:42 is not a goal of performance_cycle:1");
  id = book_.AddGoal({.owner = EmployeeId(9), .title = "x", .weight = 5}, kGoalDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(id), "new goal of employee:9: not a participant of performance_cycle:1");
  EXPECT_TRUE(book_.goals().empty());
}

TEST_F(CycleTest, AUnitGoalCascadesToItsMembersAllOrNothing) {
  ASSERT_OK_AND_ASSIGN(const GoalId unit,
                       book_.AddGoal({.org_unit = OrgUnitId(2), .title = "Grow sales 10 %", .weight = 100}, kGoalDay));
  // Employee 9 is no participant: nobody gets the goal.
  const std::vector<EmployeeId> with_outsider = {EmployeeId(1), EmployeeId(9)};
  const auto failed = book_.CascadeGoal(unit, with_outsider, 50, kGoalDay);
  EXPECT_STATUS_CODE(failed, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(failed), HasSubstr("employee:9: not a participant"));
  EXPECT_EQ(book_.goals().size(), 1u);

  const std::vector<EmployeeId> members = {EmployeeId(1), EmployeeId(2)};
  ASSERT_OK_AND_ASSIGN(const std::vector<GoalId> ids, book_.CascadeGoal(unit, members, 50, kGoalDay));
  ASSERT_EQ(ids.size(), 2u);
  const Goal* first = book_.FindGoal(ids[0]);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->owner, EmployeeId(1));
  EXPECT_EQ(first->parent, unit);
  EXPECT_EQ(first->title, "Grow sales 10 %");
  EXPECT_EQ(first->weight, 50);

  const std::vector<EmployeeId> twice = {EmployeeId(3), EmployeeId(3)};
  EXPECT_EQ(Message(book_.CascadeGoal(unit, twice, 10, kGoalDay)), "goal:1: employee:3 is listed twice");
  EXPECT_STATUS_CODE(book_.CascadeGoal(ids[0], members, 10, kGoalDay), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book_.CascadeGoal(GoalId(99), members, 10, kGoalDay), absl::StatusCode::kNotFound);
}

TEST_F(CycleTest, CheckInsAreDatedAndGoalTreesRollUp) {
  ASSERT_OK_AND_ASSIGN(const GoalId parent,
                       book_.AddGoal({.owner = EmployeeId(1), .title = "A", .weight = 100}, kGoalDay));
  ASSERT_OK_AND_ASSIGN(
      const GoalId a1,
      book_.AddGoal({.owner = EmployeeId(1), .parent = parent, .title = "A1", .weight = 60}, kGoalDay));
  ASSERT_OK_AND_ASSIGN(
      const GoalId a2,
      book_.AddGoal({.owner = EmployeeId(1), .parent = parent, .title = "A2", .weight = 40}, kGoalDay));
  ASSERT_OK(book_.CheckIn(a1, 0.25, "first", kGoalDay));
  ASSERT_OK(book_.CheckIn(a1, 0.5, "halfway", kSelfDay));
  ASSERT_OK(book_.CheckIn(a2, 1.0, "done", kManagerDay));
  // Sub-goals of one's own goal do not count among the scored goals: only A (100).
  EXPECT_EQ(ScoredGoalsOf(book_.goals(), book_.cycle().id, EmployeeId(1)).size(), 1u);
  ASSERT_OK_AND_ASSIGN(const std::vector<double> progress, GoalTreeProgress(book_.goals()));
  // A = 60 % x 0.5 + 40 % x 1.0 = 0.3 + 0.4 = 0.7.
  EXPECT_DOUBLE_EQ(progress[0], 0.7);
  EXPECT_DOUBLE_EQ(progress[1], 0.5);

  absl::Status s = book_.CheckIn(a1, 1.5, "", kManagerDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(s), "goal:2 field progress: must be in [0, 1], got 1.5");
  s = book_.CheckIn(a1, 0.9, "", kCalibrationDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(s), HasSubstr("progress is checked in only in the goal_setting phase (2025-01-06 to "
                                    "2025-02-28) or the self_review phase (2025-03-01 to 2025-03-31) or the "
                                    "manager_review phase (2025-04-01 to 2025-04-30); on 2025-05-05 the cycle is "
                                    "in calibration"));
  EXPECT_STATUS_CODE(book_.CheckIn(GoalId(99), 0.5, "", kGoalDay), absl::StatusCode::kNotFound);
}

TEST_F(CycleTest, EachRoleReviewsInItsPhase) {
  auto id = book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kManagerDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(id),
            "performance_cycle:1: self reviews are started only in the self_review phase (2025-03-01 to "
            "2025-03-31); on 2025-04-05 the cycle is in manager_review");
  id = book_.StartReview({EmployeeId(1), EmployeeId(7), ReviewerRole::kManager}, Person(7), kSelfDay);
  EXPECT_THAT(Message(id), HasSubstr("manager reviews are started only in the manager_review phase (2025-04-01 to "
                                     "2025-04-30); on 2025-03-05 the cycle is in self_review"));
  id = book_.StartReview({EmployeeId(1), EmployeeId(2), ReviewerRole::kPeer}, Person(2), kCalibrationDay);
  EXPECT_THAT(Message(id), HasSubstr("peer reviews are started only in the self_review phase"));
  EXPECT_TRUE(book_.reviews().empty());
  EXPECT_OK(book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kSelfDay));
  EXPECT_OK(book_.StartReview({EmployeeId(1), EmployeeId(2), ReviewerRole::kPeer}, Person(2), kManagerDay));
  EXPECT_OK(book_.StartReview({EmployeeId(7), EmployeeId(1), ReviewerRole::kUpward}, Person(1), kSelfDay));
}

TEST_F(CycleTest, TheRevieweeCannotReviewThemselvesInAnotherRole) {
  auto id = book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kPeer}, Person(1), kSelfDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(id), "review:1 (employee:1) field reviewer: the reviewee cannot write their own peer review");
  id = book_.StartReview({EmployeeId(1), EmployeeId(2), ReviewerRole::kSelf}, Person(2), kSelfDay);
  EXPECT_THAT(Message(id), HasSubstr("a self review is written by the reviewee, not employee:2"));
  id = book_.StartReview({EmployeeId(1), EmployeeId(7), ReviewerRole::kManager, true}, Person(7), kManagerDay);
  EXPECT_THAT(Message(id), HasSubstr("field anonymous: only peer reviews may be anonymous, not manager"));
  id = book_.StartReview({EmployeeId(1), EmployeeId(7), ReviewerRole::kManager}, Person(2), kManagerDay);
  EXPECT_EQ(Message(id), "new review of employee:1 field reviewer: the record given is employee:2, not employee:7");
  EXPECT_TRUE(book_.reviews().empty());
}

TEST_F(CycleTest, AReviewerWhoLeftIsRejected) {
  // Employee 8's last day was 2025-02-28.
  const auto id = book_.StartReview({EmployeeId(1), EmployeeId(8), ReviewerRole::kPeer}, Person(8), kSelfDay);
  EXPECT_STATUS_CODE(id, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(id), "new peer review of employee:1: reviewer employee:8 is not employed on 2025-03-05");
  const auto outsider = book_.StartReview({EmployeeId(9), EmployeeId(1), ReviewerRole::kPeer}, Person(1), kSelfDay);
  EXPECT_STATUS_CODE(outsider, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(outsider), "new review: employee:9 is not a participant of performance_cycle:1");
  EXPECT_TRUE(book_.reviews().empty());
}

TEST_F(CycleTest, OneReviewPerRevieweeRoleAndCycle) {
  ASSERT_OK(book_.StartReview({EmployeeId(1), EmployeeId(7), ReviewerRole::kManager}, Person(7), kManagerDay));
  auto again = book_.StartReview({EmployeeId(1), EmployeeId(2), ReviewerRole::kManager}, Person(2), kManagerDay);
  EXPECT_STATUS_CODE(again, absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Message(again),
            "new manager review of employee:1 by employee:2: review:1 is already that review in performance_cycle:1");
  // Peers: one per reviewer.
  ASSERT_OK(book_.StartReview({EmployeeId(1), EmployeeId(2), ReviewerRole::kPeer}, Person(2), kManagerDay));
  ASSERT_OK(book_.StartReview({EmployeeId(1), EmployeeId(3), ReviewerRole::kPeer}, Person(3), kManagerDay));
  again = book_.StartReview({EmployeeId(1), EmployeeId(3), ReviewerRole::kPeer}, Person(3), kManagerDay);
  EXPECT_STATUS_CODE(again, absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(Message(again), HasSubstr("review:3 is already that review"));
  EXPECT_EQ(book_.reviews().size(), 3u);
}

TEST_F(CycleTest, EveryRatingIsOnTheScale) {
  const std::vector<GoalId> goals = TwoGoals(1);
  ASSERT_OK_AND_ASSIGN(const ReviewId id,
                       book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kSelfDay));
  absl::Status s = book_.SaveDraft(id, Ratings(goals, 4, 6, 3, 3), std::nullopt, "", kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(s), "review:1 (employee:1) field ratings[1]: 6 is not a value of rating_scale:1 (1, 2, 3, 4, 5)");
  s = book_.SaveDraft(id, {{"Values", GoalId(), "charm", 3, ""}}, std::nullopt, "", kSelfDay);
  EXPECT_EQ(Message(s), "review:1 (employee:1) field ratings[0]: section \"Values\" has no competency \"charm\"");
  s = book_.SaveDraft(id, {{"Goals", GoalId(77), "", 3, ""}}, std::nullopt, "", kSelfDay);
  EXPECT_EQ(Message(s), "review:1 (employee:1) field ratings[0]: goal:77 is not a scored goal of employee:1");
  s = book_.SaveDraft(id, {{"Values", GoalId(), "ownership", 3, ""}, {"Values", GoalId(), "ownership", 4, ""}},
                      std::nullopt, "", kSelfDay);
  EXPECT_EQ(Message(s), "review:1 (employee:1) field ratings[1]: rates an item rated before");
  s = book_.SaveDraft(id, {}, 4.0, "", kSelfDay);
  EXPECT_THAT(Message(s), HasSubstr("field overall_rating: only a manager review proposes an overall rating"));
  EXPECT_TRUE(book_.FindReview(id)->ratings.empty());
}

TEST_F(CycleTest, OnlyACompleteDraftIsSubmittedAndASubmittedReviewIsFinal) {
  const std::vector<GoalId> goals = TwoGoals(1);
  ASSERT_OK_AND_ASSIGN(const ReviewId id,
                       book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kSelfDay));
  ASSERT_OK(book_.SaveDraft(id, {{"Goals", goals[0], "", 4, ""}, {"Goals", goals[1], "", 2, ""}}, std::nullopt,
                            "partial", kSelfDay));
  absl::Status s = book_.Submit(id, kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s), "review:1 cannot be submitted: section \"Values\" has unrated items");
  ASSERT_OK(book_.SaveDraft(id, Ratings(goals, 4, 2, 4, 5), std::nullopt, "done", kSelfDay));
  ASSERT_OK(book_.Submit(id, Date(2025, 3, 20)));
  EXPECT_EQ(book_.FindReview(id)->status, ReviewStatus::kSubmitted);
  EXPECT_EQ(book_.FindReview(id)->submitted_on, Date(2025, 3, 20));
  s = book_.SaveDraft(id, Ratings(goals, 1, 1, 1, 1), std::nullopt, "", kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s), "review:1 was submitted on 2025-03-20: it is final");
  EXPECT_STATUS_CODE(book_.Submit(ReviewId(9), kSelfDay), absl::StatusCode::kNotFound);
}

TEST_F(CycleTest, GoalsMustWeigh100BeforeAReviewIsSubmitted) {
  ASSERT_OK_AND_ASSIGN(const GoalId g, book_.AddGoal({.owner = EmployeeId(2), .title = "g", .weight = 90}, kGoalDay));
  ASSERT_OK_AND_ASSIGN(const ReviewId id,
                       book_.StartReview({EmployeeId(2), EmployeeId(2), ReviewerRole::kSelf}, Person(2), kSelfDay));
  ASSERT_OK(book_.SaveDraft(
      id, {{"Goals", g, "", 3, ""}, {"Values", GoalId(), "ownership", 3, ""}, {"Values", GoalId(), "teamwork", 3, ""}},
      std::nullopt, "", kSelfDay));
  const absl::Status s = book_.Submit(id, kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s), "review:1 cannot be submitted: employee:2's goals weigh 90 %, not 100");
  // Without any goal the goals section has nothing to rate.
  ASSERT_OK_AND_ASSIGN(const ReviewId other,
                       book_.StartReview({EmployeeId(3), EmployeeId(3), ReviewerRole::kSelf}, Person(3), kSelfDay));
  EXPECT_EQ(Message(book_.Submit(other, kSelfDay)),
            "review:2 cannot be submitted: section \"Goals\" has nothing to rate (employee:3 has no goals)");
}

TEST_F(CycleTest, TheScoringMethodIsFixedOnceAReviewExists) {
  ScoringMethod manager_and_self = GoalsAndValues();
  manager_and_self.role_weights = {{ReviewerRole::kManager, 80}, {ReviewerRole::kSelf, 20}};
  ASSERT_OK(book_.ReplaceScoringMethod(manager_and_self, kGoalDay));
  EXPECT_EQ(book_.cycle().scoring, manager_and_self);
  ScoringMethod bad = GoalsAndValues();
  bad.sections[0].weight = 60;
  absl::Status s = book_.ReplaceScoringMethod(bad, kGoalDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(s), "performance_cycle:1 field sections: weights sum to 90, not 100");

  ASSERT_OK(book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kSelfDay));
  s = book_.ReplaceScoringMethod(GoalsAndValues(), kSelfDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s), "performance_cycle:1: the scoring method is fixed once a review exists (review:1)");
  EXPECT_EQ(book_.cycle().scoring, manager_and_self);
}

TEST_F(CycleTest, NoCloseWhileADraftRemainsAndNothingAfterClosing) {
  const std::vector<GoalId> goals = TwoGoals(1);
  ASSERT_OK_AND_ASSIGN(const ReviewId id, book_.StartReview({EmployeeId(1), EmployeeId(7), ReviewerRole::kManager},
                                                            Person(7), kManagerDay));
  absl::Status s = book_.Close(kCalibrationDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s),
            "performance_cycle:1: the cycle is closed only in the closed phase (from 2025-06-01); on 2025-05-05 the "
            "cycle is in calibration");
  s = book_.Close(kCloseDay);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(s), "performance_cycle:1 cannot close: review:1 (manager review of employee:1) is still a draft");
  EXPECT_FALSE(book_.cycle().IsClosed());

  ASSERT_OK(book_.SaveDraft(id, Ratings(goals, 4, 2, 4, 5), std::nullopt, "", kManagerDay));
  ASSERT_OK(book_.Submit(id, kManagerDay));
  ASSERT_OK(book_.Close(kCloseDay));
  EXPECT_EQ(book_.cycle().closed_on, kCloseDay);

  const CycleBook closed = book_;
  const char kClosed[] = "the cycle is closed (since 2025-06-02)";
  EXPECT_THAT(Message(book_.AddGoal({.owner = EmployeeId(1), .title = "x", .weight = 1}, kGoalDay)),
              HasSubstr(kClosed));
  EXPECT_THAT(Message(book_.StartReview({EmployeeId(2), EmployeeId(2), ReviewerRole::kSelf}, Person(2), kSelfDay)),
              HasSubstr(kClosed));
  EXPECT_THAT(Message(book_.CheckIn(goals[0], 1.0, "", kSelfDay)), HasSubstr(kClosed));
  EXPECT_THAT(Message(book_.Calibrate(EmployeeId(1), 5, EmployeeId(7), "why", kCalibrationDay)), HasSubstr(kClosed));
  EXPECT_THAT(Message(book_.Close(Date(2025, 7, 1))), HasSubstr(kClosed));
  EXPECT_STATUS_CODE(book_.ReplaceScoringMethod(GoalsAndValues(), kCloseDay), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(book_.SelectParticipants(EligibilityRule{}, employees_, lookup_, kAsOf, kAsOf),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(book_.goals().size(), closed.goals().size());
  EXPECT_EQ(book_.reviews().size(), closed.reviews().size());
  EXPECT_TRUE(book_.changes().empty());
}

TEST_F(CycleTest, ABookLoadsFromItsStoredEntities) {
  const std::vector<GoalId> goals = TwoGoals(1);
  ASSERT_OK(book_.StartReview({EmployeeId(1), EmployeeId(1), ReviewerRole::kSelf}, Person(1), kSelfDay));
  ASSERT_OK_AND_ASSIGN(CycleBook loaded, CycleBook::FromEntities(book_.cycle(), book_.scale(),
                                                                 {book_.goals().begin(), book_.goals().end()},
                                                                 {book_.reviews().begin(), book_.reviews().end()}, {}));
  EXPECT_EQ(loaded.goals().size(), 2u);
  // New ids follow the loaded ones.
  ASSERT_OK_AND_ASSIGN(const ReviewId next,
                       loaded.StartReview({EmployeeId(2), EmployeeId(2), ReviewerRole::kSelf}, Person(2), kSelfDay));
  EXPECT_EQ(next, ReviewId(2));
  std::vector<Review> twice = {book_.reviews()[0], book_.reviews()[0]};
  twice[1].id = ReviewId(5);
  const auto duplicate = CycleBook::FromEntities(book_.cycle(), book_.scale(), {}, twice, {});
  EXPECT_STATUS_CODE(duplicate, absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Message(duplicate), "review:5: review:1 is already the self review of employee:1 by employee:1");
  Goal orphan = book_.goals()[0];
  orphan.parent = GoalId(50);
  EXPECT_EQ(Message(CycleBook::FromEntities(book_.cycle(), book_.scale(), {orphan}, {}, {})),
            "goal:1 field parent: goal:50 is not a goal of the cycle");
  Goal other_cycle = book_.goals()[0];
  other_cycle.cycle = PerformanceCycleId(2);
  EXPECT_EQ(Message(CycleBook::FromEntities(book_.cycle(), book_.scale(), {other_cycle}, {}, {})),
            "goal:1 field cycle: performance_cycle:2 is not performance_cycle:1");
  EXPECT_EQ(Message(CycleBook::Create(book_.cycle(), NumericScale(RatingScaleId(2), 3))),
            "performance_cycle:1 field scale: the cycle rates on rating_scale:1, not rating_scale:2");
}

}  // namespace
}  // namespace hrkit::performance_test
