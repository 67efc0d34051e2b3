// The validators the store runs on every write of a performance entity.
#include <vector>

#include "cycle_fixture.hpp"
#include "gtest/gtest.h"
#include "hrkit/performance/entities.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

TEST(StoredValidatorsTest, CyclePhasesAscendAndParticipantsAreSorted) {
  EXPECT_OK(ValidateStoredEntity(FixtureCycle()));
  PerformanceCycle c = FixtureCycle();
  c.phases.manager_review = c.phases.self_review;
  EXPECT_EQ(Message(ValidateStoredEntity(c)),
            "performance_cycle:1 field manager_review_starts: 2025-03-01 is not after self_review_starts 2025-03-01");
  c = FixtureCycle();
  c.participants = {EmployeeId(2), EmployeeId(1)};
  c.participants_as_of = kAsOf;
  EXPECT_EQ(Message(ValidateStoredEntity(c)),
            "performance_cycle:1 field participants[1]: employee:1 is not after employee:2 (ascending, no repeats)");
  c.participants = {EmployeeId(1)};
  c.participants_as_of = Date();
  EXPECT_EQ(Message(ValidateStoredEntity(c)),
            "performance_cycle:1 field participants_as_of: participants are chosen as of a real date");
  c = FixtureCycle();
  c.min_anonymous_peers = 2;
  EXPECT_EQ(Message(ValidateStoredEntity(c)),
            "performance_cycle:1 field min_anonymous_peers: must be at least 3, got 2");
  c = FixtureCycle();
  c.closed_on = Date(2025, 5, 20);
  EXPECT_EQ(Message(ValidateStoredEntity(c)),
            "performance_cycle:1 field closed_on: 2025-05-20 is not a real date on or after closed_starts 2025-06-01");
}

TEST(StoredValidatorsTest, PhaseOnFollowsTheDates) {
  PerformanceCycle c = FixtureCycle();
  EXPECT_EQ(PhaseOn(c, Date(2025, 1, 5)), CyclePhase::kNotStarted);
  EXPECT_EQ(PhaseOn(c, Date(2025, 1, 6)), CyclePhase::kGoalSetting);
  EXPECT_EQ(PhaseOn(c, Date(2025, 2, 28)), CyclePhase::kGoalSetting);
  EXPECT_EQ(PhaseOn(c, Date(2025, 3, 1)), CyclePhase::kSelfReview);
  EXPECT_EQ(PhaseOn(c, Date(2025, 5, 31)), CyclePhase::kCalibration);
  EXPECT_EQ(PhaseOn(c, Date(2025, 6, 1)), CyclePhase::kClosed);
  EXPECT_EQ(PhasePeriod(c, CyclePhase::kSelfReview), Period(Date(2025, 3, 1), Date(2025, 4, 1)));
  const CyclePhase manager[] = {CyclePhase::kManagerReview};
  EXPECT_STATUS_CODE(CheckPhase(c, manager, Date(), "x"), absl::StatusCode::kInvalidArgument);
}

TEST(StoredValidatorsTest, GoalsReviewsAndChanges) {
  Goal g{GoalId(3), PerformanceCycleId(1), EmployeeId(1), OrgUnitId(2), GoalId(), "g", 10, {}};
  EXPECT_EQ(Message(ValidateStoredEntity(g)),
            "goal:3 field owner: a goal belongs to exactly one of an employee (owner) and an org unit (org_unit)");
  g.org_unit = OrgUnitId();
  g.parent = GoalId(3);
  EXPECT_EQ(Message(ValidateStoredEntity(g)), "goal:3 field parent: a goal cannot be its own parent");
  g.parent = GoalId();
  g.weight = 120;
  EXPECT_EQ(Message(ValidateStoredEntity(g)), "goal:3 field weight: must be in (0, 100], got 120");

  Review r;
  r.id = ReviewId(4);
  r.cycle = PerformanceCycleId(1);
  r.reviewee = EmployeeId(7);
  r.reviewer = EmployeeId(8);
  r.role = ReviewerRole::kPeer;
  r.started_on = Date(2025, 3, 2);
  EXPECT_OK(ValidateStoredEntity(r));
  r.status = ReviewStatus::kSubmitted;
  EXPECT_EQ(Message(ValidateStoredEntity(r)),
            "review:4 (employee:7) field submitted_on: a submitted review needs a real date");
  r.submitted_on = Date(2025, 3, 1);
  EXPECT_EQ(Message(ValidateStoredEntity(r)),
            "review:4 (employee:7) field submitted_on: 2025-03-01 is before started_on 2025-03-02");
  r.status = ReviewStatus::kDraft;
  EXPECT_EQ(Message(ValidateStoredEntity(r)),
            "review:4 (employee:7) field submitted_on: a draft has no submission date");

  CalibrationChange c{CalibrationChangeId(1), PerformanceCycleId(1), EmployeeId(7), std::nullopt, 3,
                      EmployeeId(),           Date(2025, 5, 2),      "why"};
  EXPECT_EQ(Message(ValidateStoredEntity(c)), "calibration_change:1 (employee:7) field changed_by: must be a valid id");
}

}  // namespace
}  // namespace hrkit::performance_test
