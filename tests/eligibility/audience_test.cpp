#include "hrkit/eligibility/audience.hpp"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Date kStart(2024, 1, 1);
const Date kAsOf(2025, 3, 1);

// HQ (unit 1) with Sales (unit 2) below it. Employee 1 sells, 2 runs HQ,
// 3 sold until 2025-01-31, 4 starts in Sales on 2025-04-01, 5 sells from
// Munich (location 2) at half time.
class AudienceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK(w_.AddLocation(Location{LocationId(1), "Berlin", "DE", {}, {}}));
    ASSERT_OK(w_.AddLocation(Location{LocationId(2), "Munich", "DE", {}, {}}));
    ASSERT_OK(w_.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, kStart, kStart));
    ASSERT_OK(w_.CreateOrgUnit(OrgUnitId(2), "SAL", {.name = "Sales", .parent = OrgUnitId(1)}, kStart, kStart));
    ASSERT_OK(w_.CreatePosition(PositionId(1), {.org_unit = OrgUnitId(1), .title = "CEO"}, kStart, kStart));
    ASSERT_OK(w_.CreatePosition(PositionId(2), {.org_unit = OrgUnitId(2), .fte_budget = 5.0}, kStart, kStart));
    Hire(1, PositionId(2), kStart, LocationId(1), 1.0);
    Hire(2, PositionId(1), kStart, LocationId(1), 1.0);
    Hire(3, PositionId(2), kStart, LocationId(1), 1.0);
    ASSERT_OK(
        w_.ApplyEvent(EmployeeId(3), TerminationEvent{Date(2025, 1, 31), TerminationKind::kVoluntary, "R"}, kStart));
    Hire(4, PositionId(2), Date(2025, 4, 1), LocationId(1), 1.0);
    Hire(5, PositionId(2), kStart, LocationId(2), 0.5);
    for (const Employee* e : w_.Employees()) employees_.push_back(*e);
    std::vector<OrgUnit> units;
    for (const OrgUnit* u : w_.OrgUnits()) units.push_back(*u);
    std::vector<Position> positions;
    for (const Position* p : w_.Positions()) positions.push_back(*p);
    ASSERT_OK_AND_ASSIGN(lookup_, OrgLookup::Build(units, positions));
  }
  void Hire(std::int64_t id, PositionId seat, Date on, LocationId site, double fte) {
    Employee e;
    e.id = EmployeeId(id);
    e.employee_number = ToString(e.id);
    ASSERT_OK(w_.AddEmployee(e));
    ASSERT_OK(w_.ApplyEvent(e.id, HireEvent{.effective = on, .position = seat, .location = site, .fte = fte}, on));
  }

  Workforce w_;
  std::vector<Employee> employees_;
  OrgLookup lookup_;
};

TEST_F(AudienceTest, EveryoneEmployedOnTheDate) {
  // 3 left on 2025-01-31 and 4 starts on 2025-04-01: neither is there on 2025-03-01.
  ASSERT_OK_AND_ASSIGN(auto ids, AudienceOn(EligibilityRule{}, employees_, lookup_, kAsOf, "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(1), EmployeeId(2), EmployeeId(5)));
  // A day before 3's last day, 3 is there too.
  ASSERT_OK_AND_ASSIGN(ids, AudienceOn(EligibilityRule{}, employees_, lookup_, Date(2025, 1, 30), "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(1), EmployeeId(2), EmployeeId(3), EmployeeId(5)));
}

TEST_F(AudienceTest, CriteriaAreAndedOverTheFactsOfTheDay) {
  EligibilityRule sales;
  sales.org_subtrees = {OrgUnitId(2)};
  ASSERT_OK_AND_ASSIGN(auto ids, AudienceOn(sales, employees_, lookup_, kAsOf, "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(1), EmployeeId(5)));
  sales.min_fte = 0.75;  // 5 works half time
  ASSERT_OK_AND_ASSIGN(ids, AudienceOn(sales, employees_, lookup_, kAsOf, "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(1)));
  EligibilityRule munich;
  munich.locations = {LocationId(2)};
  ASSERT_OK_AND_ASSIGN(ids, AudienceOn(munich, employees_, lookup_, kAsOf, "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(5)));
  // The whole tree from HQ selects the same as the empty rule.
  EligibilityRule hq;
  hq.org_subtrees = {OrgUnitId(1)};
  ASSERT_OK_AND_ASSIGN(ids, AudienceOn(hq, employees_, lookup_, kAsOf, "survey:1"));
  EXPECT_THAT(ids, ElementsAre(EmployeeId(1), EmployeeId(2), EmployeeId(5)));
}

TEST_F(AudienceTest, BadInputIsNamed) {
  const auto no_date = AudienceOn(EligibilityRule{}, employees_, lookup_, Date(), "survey:9");
  EXPECT_STATUS_CODE(no_date, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_date.status().message(), HasSubstr("survey:9"));
  EligibilityRule bad;
  bad.min_fte = -1;
  const auto bad_rule = AudienceOn(bad, employees_, lookup_, kAsOf, "survey:9");
  EXPECT_STATUS_CODE(bad_rule, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_rule.status().message(), HasSubstr("survey:9"));
  const OrgLookup empty;  // knows no position
  EXPECT_STATUS_CODE(AudienceOn(EligibilityRule{}, employees_, empty, kAsOf, "survey:9"), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit
