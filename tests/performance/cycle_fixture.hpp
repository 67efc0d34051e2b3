// A small organization and a cycle over it, shared by the cycle tests.
//
// HQ (unit 1) with Sales (unit 2) below it. Employees 1-6 sell (position 2)
// from 2024-01-01; 7 heads HQ (position 1); 8 sells until 2025-02-28 (left
// the company); 9 starts in Sales on 2025-03-15. The cycle rates on 1-5:
// goals 70 % + "Values" (ownership, teamwork) 30 %, manager only. Phases:
// goal setting from 2025-01-06, self review from 2025-03-01, manager review
// from 2025-04-01, calibration from 2025-05-01, closed from 2025-06-01.
#ifndef HRKIT_TESTS_PERFORMANCE_CYCLE_FIXTURE_HPP_
#define HRKIT_TESTS_PERFORMANCE_CYCLE_FIXTURE_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/performance/cycle_book.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {

inline const Date kHired(2024, 1, 1);
inline const Date kAsOf(2025, 1, 5);        // participants are chosen as of this day
inline const Date kGoalDay(2025, 1, 10);    // goal setting
inline const Date kSelfDay(2025, 3, 5);     // self review
inline const Date kManagerDay(2025, 4, 5);  // manager review
inline const Date kCalibrationDay(2025, 5, 5);
inline const Date kCloseDay(2025, 6, 2);

// The message of a status or StatusOr.
template <class T>
std::string Message(const T& value) {
  return std::string(hrkit_test::GetStatus(value).message());
}

inline ScoringMethod GoalsAndValues() {
  ScoringMethod m;
  m.scale = RatingScaleId(1);
  m.sections = {{"Goals", SectionKind::kGoals, 70, {}},
                {"Values", SectionKind::kCompetencies, 30, {"ownership", "teamwork"}}};
  m.role_weights = {{ReviewerRole::kManager, 100}};
  return m;
}

inline PerformanceCycle FixtureCycle() {
  PerformanceCycle c;
  c.id = PerformanceCycleId(1);
  c.name = "2025";
  c.source_template = ReviewTemplateId(1);
  c.scoring = GoalsAndValues();
  c.phases = {Date(2025, 1, 6), Date(2025, 3, 1), Date(2025, 4, 1), Date(2025, 5, 1), Date(2025, 6, 1)};
  c.min_anonymous_peers = 3;
  return c;
}

class CycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK(w_.AddLocation(Location{LocationId(1), "Berlin", "DE", {}, {}}));
    ASSERT_OK(w_.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, kHired, kHired));
    ASSERT_OK(w_.CreateOrgUnit(OrgUnitId(2), "SAL", {.name = "Sales", .parent = OrgUnitId(1)}, kHired, kHired));
    ASSERT_OK(w_.CreatePosition(PositionId(1), {.org_unit = OrgUnitId(1), .title = "CEO"}, kHired, kHired));
    ASSERT_OK(w_.CreatePosition(PositionId(2), {.org_unit = OrgUnitId(2), .fte_budget = 10.0}, kHired, kHired));
    for (std::int64_t id = 1; id <= 6; ++id) Hire(id, PositionId(2), kHired);
    Hire(7, PositionId(1), kHired);
    Hire(8, PositionId(2), kHired);
    ASSERT_OK(
        w_.ApplyEvent(EmployeeId(8), TerminationEvent{Date(2025, 2, 28), TerminationKind::kVoluntary, "R"}, kHired));
    Hire(9, PositionId(2), Date(2025, 3, 15));
    for (const Employee* e : w_.Employees()) employees_.push_back(*e);
    std::vector<OrgUnit> units;
    for (const OrgUnit* u : w_.OrgUnits()) units.push_back(*u);
    std::vector<Position> positions;
    for (const Position* p : w_.Positions()) positions.push_back(*p);
    ASSERT_OK_AND_ASSIGN(lookup_, OrgLookup::Build(units, positions));
    ASSERT_OK_AND_ASSIGN(book_, CycleBook::Create(FixtureCycle(), NumericScale(RatingScaleId(1), 5)));
    EligibilityRule everyone;
    everyone.org_subtrees = {OrgUnitId(1)};
    ASSERT_OK(book_.SelectParticipants(everyone, employees_, lookup_, kAsOf, kAsOf));
  }

  void Hire(std::int64_t id, PositionId seat, Date on) {
    Employee e;
    e.id = EmployeeId(id);
    e.employee_number = ToString(e.id);
    ASSERT_OK(w_.AddEmployee(e));
    ASSERT_OK(w_.ApplyEvent(e.id, HireEvent{.effective = on, .position = seat, .location = LocationId(1)}, on));
  }

  const Employee& Person(std::int64_t id) const { return employees_[static_cast<std::size_t>(id - 1)]; }

  // Two goals for `employee`, weights 40 and 60; returns their ids.
  std::vector<GoalId> TwoGoals(std::int64_t employee) {
    std::vector<GoalId> ids;
    for (double weight : {40.0, 60.0}) {
      auto id = book_.AddGoal({.owner = EmployeeId(employee), .title = "goal", .weight = weight}, kGoalDay);
      EXPECT_OK(id);
      if (id.ok()) ids.push_back(*id);
    }
    return ids;
  }

  // Ratings of both goals and both competencies.
  static std::vector<ReviewRating> Ratings(const std::vector<GoalId>& goals, double g1, double g2, double ownership,
                                           double teamwork) {
    return {{"Goals", goals[0], "", g1, ""},
            {"Goals", goals[1], "", g2, ""},
            {"Values", GoalId(), "ownership", ownership, ""},
            {"Values", GoalId(), "teamwork", teamwork, ""}};
  }

  Workforce w_;
  std::vector<Employee> employees_;
  OrgLookup lookup_;
  CycleBook book_ = *CycleBook::Create(FixtureCycle(), NumericScale(RatingScaleId(1), 5));
};

}  // namespace hrkit::performance_test

#endif  // HRKIT_TESTS_PERFORMANCE_CYCLE_FIXTURE_HPP_
