#include "hrkit/org/snapshot.hpp"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/synth/generator.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr double kEps = 1e-9;

// Everything starts on kStart; the changes of the hand-built org take effect
// on kChange. Queries run on kBefore (between the two) and kAfter.
const Date kStart(2024, 1, 1);
const Date kBefore(2024, 6, 1);
const Date kChange(2025, 1, 1);
const Date kAfter(2025, 6, 1);

EmployeeId E(std::int64_t v) { return EmployeeId(v); }
PositionId P(std::int64_t v) { return PositionId(v); }
OrgUnitId U(std::int64_t v) { return OrgUnitId(v); }

OrgUnitRecord UnitRecord(std::string name, OrgUnitId parent, OrgUnitStatus status = OrgUnitStatus::kOpen) {
  OrgUnitRecord r;
  r.name = std::move(name);
  r.parent = parent;
  r.status = status;
  return r;
}

OrgUnit MakeUnit(std::int64_t id, std::string name, OrgUnitId parent) {
  OrgUnit u;
  u.id = U(id);
  u.code = absl::StrCat("U", id);
  EXPECT_OK(u.history.Add(kStart, UnitRecord(std::move(name), parent), kStart));
  return u;
}

PositionRecord PositionRec(OrgUnitId unit, std::string title, PositionId reports_to, double budget = 1.0,
                           PositionStatus status = PositionStatus::kOpen) {
  PositionRecord r;
  r.org_unit = unit;
  r.title = std::move(title);
  r.reports_to = reports_to;
  r.fte_budget = budget;
  r.status = status;
  return r;
}

Position MakePosition(std::int64_t id, OrgUnitId unit, std::string title, PositionId reports_to, double budget = 1.0,
                      PositionStatus status = PositionStatus::kOpen) {
  Position p;
  p.id = P(id);
  EXPECT_OK(p.history.Add(kStart, PositionRec(unit, std::move(title), reports_to, budget, status), kStart));
  return p;
}

EmploymentRecord Job(PositionId position, double fte, EmploymentStatus status = EmploymentStatus::kActive,
                     EmployeeId acting = EmployeeId()) {
  EmploymentRecord r;
  r.status = status;
  r.fte = fte;
  r.position = position;
  r.acting_manager = acting;
  return r;
}

EmploymentRecord Terminated() {
  EmploymentRecord r;
  r.status = EmploymentStatus::kTerminated;
  r.fte = 0;
  r.event = EmploymentEvent::kTermination;
  r.termination = TerminationKind::kVoluntary;
  return r;
}

Employee MakeEmployee(std::int64_t id, Date hired, EmploymentRecord job) {
  Employee e;
  e.id = E(id);
  e.employee_number = absl::StrCat("E", id);
  job.employment_start = hired;
  job.seniority_start = hired;
  EXPECT_OK(e.employment.Add(hired, std::move(job), hired));
  return e;
}

void AddChange(Employee& e, Date effective, EmploymentRecord job) {
  EXPECT_OK(e.employment.Add(effective, std::move(job), effective));
}

// The hand-built organization. Every unit and position exists from kStart.
//
//   org_unit:1 Company ........ position:1 CEO (top)              employee:1
//     org_unit:2 Engineering .. position:2 VP Engineering -> 1     employee:2
//                               position:4 Engineer -> 2 (budget 2) employees 4 (1.0) and 5 (0.5)
//       org_unit:4 Platform ... position:5 Platform lead -> 2      employee:3
//                               position:6 Platform engineer -> 5  employee:6 (0.8; on leave from kChange)
//                               position:11 Analyst -> 5           employee:9 (terminated from kChange)
//     org_unit:3 Sales ........ position:3 VP Sales -> 1           vacant; employee:10 hired 2025-03-01
//                               position:7 Sales rep -> 3          employee:7 (acting manager employee:11)
//                               position:8 Sales rep -> 3          employee:8 (acting manager employee:2 from kChange)
//                               position:9 Sales rep -> 3          frozen, vacant
//     org_unit:5 Legacy ....... position:10 Keeper -> 1            employee:11 (terminated from kChange)
//                               (the unit and its position close on kChange)
struct HandOrg {
  std::vector<OrgUnit> units;
  std::vector<Position> positions;
  std::vector<Employee> employees;
};

HandOrg MakeHandOrg() {
  HandOrg o;
  o.units.push_back(MakeUnit(1, "Company", OrgUnitId()));
  o.units.push_back(MakeUnit(2, "Engineering", U(1)));
  o.units.push_back(MakeUnit(3, "Sales", U(1)));
  o.units.push_back(MakeUnit(4, "Platform", U(2)));
  o.units.push_back(MakeUnit(5, "Legacy", U(1)));
  EXPECT_OK(o.units[4].history.Add(kChange, UnitRecord("Legacy", U(1), OrgUnitStatus::kClosed), kChange));

  o.positions.push_back(MakePosition(1, U(1), "CEO", PositionId()));
  o.positions.push_back(MakePosition(2, U(2), "VP Engineering", P(1)));
  o.positions.push_back(MakePosition(3, U(3), "VP Sales", P(1)));
  o.positions.push_back(MakePosition(4, U(2), "Engineer", P(2), 2.0));
  o.positions.push_back(MakePosition(5, U(4), "Platform lead", P(2)));
  o.positions.push_back(MakePosition(6, U(4), "Platform engineer", P(5)));
  o.positions.push_back(MakePosition(7, U(3), "Sales rep", P(3)));
  o.positions.push_back(MakePosition(8, U(3), "Sales rep", P(3)));
  o.positions.push_back(MakePosition(9, U(3), "Sales rep", P(3), 1.0, PositionStatus::kFrozen));
  o.positions.push_back(MakePosition(10, U(5), "Keeper", P(1)));
  o.positions.push_back(MakePosition(11, U(4), "Analyst", P(5)));
  EXPECT_OK(o.positions[9].history.Add(
      kChange, PositionRec(U(5), "Keeper", P(1), 1.0, PositionStatus::kClosed), kChange));

  o.employees.push_back(MakeEmployee(1, kStart, Job(P(1), 1.0)));
  o.employees.push_back(MakeEmployee(2, kStart, Job(P(2), 1.0)));
  o.employees.push_back(MakeEmployee(3, kStart, Job(P(5), 1.0)));
  o.employees.push_back(MakeEmployee(4, kStart, Job(P(4), 1.0)));
  o.employees.push_back(MakeEmployee(5, kStart, Job(P(4), 0.5)));
  o.employees.push_back(MakeEmployee(6, kStart, Job(P(6), 0.8)));
  AddChange(o.employees.back(), kChange, Job(P(6), 0.8, EmploymentStatus::kOnLeave));
  o.employees.push_back(MakeEmployee(7, kStart, Job(P(7), 1.0, EmploymentStatus::kActive, E(11))));
  o.employees.push_back(MakeEmployee(8, kStart, Job(P(8), 1.0)));
  AddChange(o.employees.back(), kChange, Job(P(8), 1.0, EmploymentStatus::kActive, E(2)));
  o.employees.push_back(MakeEmployee(9, kStart, Job(P(11), 1.0)));
  AddChange(o.employees.back(), kChange, Terminated());
  o.employees.push_back(MakeEmployee(10, Date(2025, 3, 1), Job(P(3), 1.0)));
  o.employees.push_back(MakeEmployee(11, kStart, Job(P(10), 1.0)));
  AddChange(o.employees.back(), kChange, Terminated());
  return o;
}

absl::StatusOr<OrgSnapshot> Build(const HandOrg& o, Date date) {
  return OrgSnapshot::Build(o.units, o.positions, o.employees, date);
}

std::vector<EmployeeId> ToVector(std::span<const EmployeeId> s) { return {s.begin(), s.end()}; }

// ---- Before the changes ----------------------------------------------------

TEST(OrgSnapshot, ContentsBeforeTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kBefore));
  EXPECT_EQ(s.date(), kBefore);
  EXPECT_EQ(s.unit_count(), 5u);       // all five units are open
  EXPECT_EQ(s.position_count(), 11u);  // none closed yet (the frozen one counts)
  EXPECT_EQ(s.employee_count(), 10u);  // 1-9 and 11; employee:10 is not hired yet
}

TEST(OrgSnapshot, ManagersBeforeTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kBefore));
  // Top position: no manager.
  ASSERT_OK_AND_ASSIGN(EmployeeId m1, s.ManagerOf(E(1)));
  EXPECT_FALSE(m1.valid());
  // Both holders of position:4 report to the holder of position:2.
  EXPECT_EQ(*s.ManagerOf(E(4)), E(2));
  EXPECT_EQ(*s.ManagerOf(E(5)), E(2));
  // employee:7 has an acting manager who is employed on the date.
  EXPECT_EQ(*s.ManagerOf(E(7)), E(11));
  // employee:8: position:3 is vacant, climb to position:1 -> employee:1.
  EXPECT_EQ(*s.ManagerOf(E(8)), E(1));
  // employee:9 (position:11 -> 5) reports to employee:3.
  EXPECT_EQ(*s.ManagerOf(E(9)), E(3));

  EXPECT_THAT(*s.ManagerChain(E(6)), ElementsAre(E(3), E(2), E(1)));
  EXPECT_THAT(*s.ManagerChain(E(7)), ElementsAre(E(11), E(1)));
  EXPECT_THAT(*s.ManagerChain(E(1)), IsEmpty());

  EXPECT_THAT(*s.DirectReports(E(1)), ElementsAre(E(2), E(8), E(11)));
  EXPECT_THAT(*s.DirectReports(E(2)), ElementsAre(E(3), E(4), E(5)));
  EXPECT_THAT(*s.DirectReports(E(3)), ElementsAre(E(6), E(9)));
  EXPECT_THAT(*s.DirectReports(E(11)), ElementsAre(E(7)));
  EXPECT_THAT(*s.DirectReports(E(7)), IsEmpty());

  // Pre-order, siblings by id: 3 (then its reports 6, 9), 4, 5.
  ASSERT_OK_AND_ASSIGN(auto below2, s.TransitiveReports(E(2)));
  EXPECT_THAT(ToVector(below2), ElementsAre(E(3), E(6), E(9), E(4), E(5)));
  ASSERT_OK_AND_ASSIGN(auto below1, s.TransitiveReports(E(1)));
  EXPECT_THAT(ToVector(below1), ElementsAre(E(2), E(3), E(6), E(9), E(4), E(5), E(8), E(11), E(7)));
  ASSERT_OK_AND_ASSIGN(auto below6, s.TransitiveReports(E(6)));
  EXPECT_THAT(ToVector(below6), IsEmpty());

  EXPECT_EQ(*s.SpanOfControl(E(1)), 3);
  EXPECT_EQ(*s.SpanOfControl(E(2)), 3);
  EXPECT_EQ(*s.SpanOfControl(E(3)), 2);
  EXPECT_EQ(*s.SpanOfControl(E(11)), 1);
  EXPECT_EQ(*s.SpanOfControl(E(6)), 0);
  // Managers 1, 2, 3, 11; everyone but employee:1 has a manager: 9 / 4.
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(), 2.25);
}

TEST(OrgSnapshot, RollupsBeforeTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kBefore));
  const std::vector<UnitRollup> all = s.RollUpUnits();
  ASSERT_EQ(all.size(), 5u);
  // Pre-order of the unit tree, siblings by id: 1, 2, 4, 3, 5.
  EXPECT_EQ(all[0].unit, U(1));
  EXPECT_EQ(all[1].unit, U(2));
  EXPECT_EQ(all[2].unit, U(4));
  EXPECT_EQ(all[3].unit, U(3));
  EXPECT_EQ(all[4].unit, U(5));

  // Platform: employees 3, 6 (0.8), 9 -> 3 people, 1 + 0.8 + 1 = 2.8 FTE;
  // manager employee:3 with reports 6 and 9.
  const UnitRollup& platform = all[2];
  EXPECT_EQ(platform.own_headcount, 3);
  EXPECT_NEAR(platform.own_fte, 2.8, kEps);
  EXPECT_EQ(platform.subtree_headcount, 3);
  EXPECT_NEAR(platform.subtree_fte, 2.8, kEps);
  EXPECT_EQ(platform.subtree_managers, 1);
  EXPECT_EQ(platform.subtree_direct_reports, 2);

  // Engineering: own employees 2, 4, 5 (0.5) -> 3, 2.5 FTE; with Platform
  // 6 people, 5.3 FTE; managers 2 (3 reports) and 3 (2 reports) -> 5 / 2.
  const UnitRollup& eng = all[1];
  EXPECT_EQ(eng.own_headcount, 3);
  EXPECT_NEAR(eng.own_fte, 2.5, kEps);
  EXPECT_EQ(eng.subtree_headcount, 6);
  EXPECT_NEAR(eng.subtree_fte, 5.3, kEps);
  EXPECT_EQ(eng.subtree_managers, 2);
  EXPECT_EQ(eng.subtree_direct_reports, 5);
  EXPECT_DOUBLE_EQ(eng.AverageSpan(), 2.5);

  // Sales: employees 7 and 8; no manager in the unit.
  const UnitRollup& sales = all[3];
  EXPECT_EQ(sales.own_headcount, 2);
  EXPECT_NEAR(sales.subtree_fte, 2.0, kEps);
  EXPECT_EQ(sales.subtree_managers, 0);
  EXPECT_DOUBLE_EQ(sales.AverageSpan(), 0.0);

  // Legacy: employee:11, manager of employee:7 (in Sales).
  const UnitRollup& legacy = all[4];
  EXPECT_EQ(legacy.own_headcount, 1);
  EXPECT_EQ(legacy.subtree_managers, 1);
  EXPECT_EQ(legacy.subtree_direct_reports, 1);

  // Company: 1 + 6 + 2 + 1 = 10 people, 1 + 5.3 + 2 + 1 = 9.3 FTE;
  // managers 1 + 2 + 0 + 1 = 4 with 3 + 5 + 0 + 1 = 9 reports.
  const UnitRollup& company = all[0];
  EXPECT_EQ(company.own_headcount, 1);
  EXPECT_NEAR(company.own_fte, 1.0, kEps);
  EXPECT_EQ(company.subtree_headcount, 10);
  EXPECT_NEAR(company.subtree_fte, 9.3, kEps);
  EXPECT_EQ(company.subtree_managers, 4);
  EXPECT_EQ(company.subtree_direct_reports, 9);
  EXPECT_DOUBLE_EQ(company.AverageSpan(), s.AverageSpanOfControl());

  // The single-unit roll-up agrees with the full pass.
  for (const UnitRollup& r : all) {
    ASSERT_OK_AND_ASSIGN(const UnitRollup one, s.RollUp(r.unit));
    EXPECT_EQ(one, r) << r.unit;
  }
}

TEST(OrgSnapshot, VacanciesBeforeTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kBefore));
  // Sales: position:3 is open and vacant; position:9 is frozen (not a
  // vacancy, no budget). Remaining: 1.0 (pos 3) + 0 (7) + 0 (8) = 1.0.
  ASSERT_OK_AND_ASSIGN(const UnitVacancies sales, s.Vacancies(U(3)));
  EXPECT_EQ(sales.unit, U(3));
  EXPECT_THAT(sales.vacant_positions, ElementsAre(P(3)));
  EXPECT_NEAR(sales.remaining_fte_budget, 1.0, kEps);
  // Engineering: position:4 has budget 2.0 and holders 1.0 + 0.5 -> 0.5 left.
  ASSERT_OK_AND_ASSIGN(const UnitVacancies eng, s.Vacancies(U(2)));
  EXPECT_THAT(eng.vacant_positions, IsEmpty());
  EXPECT_NEAR(eng.remaining_fte_budget, 0.5, kEps);
  // Platform: all held; position:6 has 1.0 - 0.8 = 0.2 left.
  ASSERT_OK_AND_ASSIGN(const UnitVacancies platform, s.Vacancies(U(4)));
  EXPECT_THAT(platform.vacant_positions, IsEmpty());
  EXPECT_NEAR(platform.remaining_fte_budget, 0.2, kEps);
}

// ---- After the changes -----------------------------------------------------

TEST(OrgSnapshot, ContentsAfterTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kAfter));
  EXPECT_EQ(s.unit_count(), 4u);       // Legacy is closed
  EXPECT_EQ(s.position_count(), 10u);  // position:10 is closed
  EXPECT_EQ(s.employee_count(), 9u);   // 9 and 11 left, 10 joined; 6 on leave counts
  EXPECT_STATUS_CODE(s.ManagerOf(E(9)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.ManagerOf(E(11)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.RollUp(U(5)), absl::StatusCode::kNotFound);
  EXPECT_OK(s.ManagerOf(E(6)));
}

TEST(OrgSnapshot, ManagersAfterTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kAfter));
  // employee:7's acting manager (11) has left: back to position:3's holder.
  EXPECT_EQ(*s.ManagerOf(E(7)), E(10));
  // employee:8's acting manager employee:2 is employed.
  EXPECT_EQ(*s.ManagerOf(E(8)), E(2));
  EXPECT_EQ(*s.ManagerOf(E(10)), E(1));
  // employee:6 is on leave and still reports to employee:3.
  EXPECT_EQ(*s.ManagerOf(E(6)), E(3));

  EXPECT_THAT(*s.ManagerChain(E(7)), ElementsAre(E(10), E(1)));
  EXPECT_THAT(*s.ManagerChain(E(8)), ElementsAre(E(2), E(1)));
  EXPECT_THAT(*s.DirectReports(E(1)), ElementsAre(E(2), E(10)));
  EXPECT_THAT(*s.DirectReports(E(2)), ElementsAre(E(3), E(4), E(5), E(8)));
  EXPECT_THAT(*s.DirectReports(E(3)), ElementsAre(E(6)));
  ASSERT_OK_AND_ASSIGN(auto below1, s.TransitiveReports(E(1)));
  EXPECT_THAT(ToVector(below1), ElementsAre(E(2), E(3), E(6), E(4), E(5), E(8), E(10), E(7)));
  // Managers 1 (2 reports), 2 (4), 3 (1), 10 (1): 8 reports / 4 managers.
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(), 2.0);
}

TEST(OrgSnapshot, RollupsAndVacanciesAfterTheChanges) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kAfter));
  const std::vector<UnitRollup> all = s.RollUpUnits();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].unit, U(1));
  EXPECT_EQ(all[1].unit, U(2));
  EXPECT_EQ(all[2].unit, U(4));
  EXPECT_EQ(all[3].unit, U(3));
  // Platform: employees 3 and 6 (on leave, 0.8) -> 2 people, 1.8 FTE.
  EXPECT_EQ(all[2].own_headcount, 2);
  EXPECT_NEAR(all[2].own_fte, 1.8, kEps);
  // Engineering: 2, 4, 5 plus Platform -> 5 people, 2.5 + 1.8 = 4.3 FTE;
  // managers 2 (4 reports, one of them employee:8 in Sales) and 3 (1).
  EXPECT_EQ(all[1].subtree_headcount, 5);
  EXPECT_NEAR(all[1].subtree_fte, 4.3, kEps);
  EXPECT_EQ(all[1].subtree_managers, 2);
  EXPECT_EQ(all[1].subtree_direct_reports, 5);
  // Sales: employees 7, 8 and 10 -> 3 people, 3.0 FTE; manager 10 (1 report).
  EXPECT_EQ(all[3].own_headcount, 3);
  EXPECT_NEAR(all[3].own_fte, 3.0, kEps);
  EXPECT_EQ(all[3].subtree_managers, 1);
  // Company: 1 + 5 + 3 = 9 people, 1 + 4.3 + 3 = 8.3 FTE, 4 managers, 8 reports.
  EXPECT_EQ(all[0].subtree_headcount, 9);
  EXPECT_NEAR(all[0].subtree_fte, 8.3, kEps);
  EXPECT_EQ(all[0].subtree_managers, 4);
  EXPECT_EQ(all[0].subtree_direct_reports, 8);

  // Platform: position:11 is vacant since employee:9 left. Remaining
  // 0 (pos 5) + 0.2 (pos 6) + 1.0 (pos 11) = 1.2.
  ASSERT_OK_AND_ASSIGN(const UnitVacancies platform, s.Vacancies(U(4)));
  EXPECT_THAT(platform.vacant_positions, ElementsAre(P(11)));
  EXPECT_NEAR(platform.remaining_fte_budget, 1.2, kEps);
  // Sales: position:3 is held now; position:9 is frozen.
  ASSERT_OK_AND_ASSIGN(const UnitVacancies sales, s.Vacancies(U(3)));
  EXPECT_THAT(sales.vacant_positions, IsEmpty());
  EXPECT_NEAR(sales.remaining_fte_budget, 0.0, kEps);
}

TEST(OrgSnapshot, OrgChartAndPrinter) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kAfter));
  ASSERT_OK_AND_ASSIGN(const OrgChartNode eng, s.OrgChart(U(2)));
  EXPECT_EQ(eng.unit, U(2));
  EXPECT_EQ(eng.name, "Engineering");
  EXPECT_EQ(eng.headcount, 3);
  ASSERT_EQ(eng.positions.size(), 2u);
  EXPECT_EQ(eng.positions[0].position, P(2));
  EXPECT_THAT(eng.positions[0].holders, ElementsAre(E(2)));
  EXPECT_EQ(eng.positions[1].position, P(4));
  EXPECT_THAT(eng.positions[1].holders, ElementsAre(E(4), E(5)));
  ASSERT_EQ(eng.children.size(), 1u);
  EXPECT_EQ(eng.children[0].unit, U(4));
  EXPECT_THAT(eng.children[0].children, IsEmpty());

  std::ostringstream out;
  PrintOrgChart(out, eng);
  EXPECT_EQ(out.str(),
            "Engineering [org_unit:2] headcount 3\n"
            "  VP Engineering [position:2]: employee:2\n"
            "  Engineer [position:4]: employee:4, employee:5\n"
            "  Platform [org_unit:4] headcount 2\n"
            "    Platform lead [position:5]: employee:3\n"
            "    Platform engineer [position:6]: employee:6\n"
            "    Analyst [position:11]: vacant\n");

  std::ostringstream sales;
  PrintOrgChart(sales, *s.OrgChart(U(3)));
  EXPECT_THAT(sales.str(), HasSubstr("Sales rep [position:9]: vacant frozen\n"));

  const std::vector<OrgChartNode> roots = s.OrgChart();
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0].unit, U(1));
  ASSERT_EQ(roots[0].children.size(), 2u);  // Engineering, Sales
  EXPECT_EQ(roots[0].children[0].unit, U(2));
  EXPECT_EQ(roots[0].children[1].unit, U(3));
}

TEST(OrgSnapshot, BeforeAnythingExistsIsEmpty) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), Date(2023, 12, 31)));
  EXPECT_EQ(s.unit_count(), 0u);
  EXPECT_EQ(s.position_count(), 0u);
  EXPECT_EQ(s.employee_count(), 0u);
}

TEST(OrgSnapshot, EmptyOrganization) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, OrgSnapshot::Build({}, {}, {}, kBefore));
  EXPECT_EQ(s.unit_count(), 0u);
  EXPECT_EQ(s.employee_count(), 0u);
  EXPECT_THAT(s.RollUpUnits(), IsEmpty());
  EXPECT_THAT(s.OrgChart(), IsEmpty());
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(), 0.0);
  EXPECT_STATUS_CODE(s.ManagerChain(E(1)), absl::StatusCode::kNotFound);
}

TEST(OrgSnapshot, UnknownIdsAreNotFound) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(MakeHandOrg(), kBefore));
  EXPECT_STATUS_CODE(s.ManagerOf(E(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.ManagerChain(E(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.DirectReports(E(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.TransitiveReports(E(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.SpanOfControl(E(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.RollUp(U(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.Vacancies(U(99)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.OrgChart(U(99)), absl::StatusCode::kNotFound);
  // employee:10 exists but is not hired yet on the date.
  EXPECT_STATUS_CODE(s.ManagerOf(E(10)), absl::StatusCode::kNotFound);
  EXPECT_THAT(hrkit_test::Message(s.ManagerOf(E(10))), HasSubstr("employee:10"));
}

TEST(OrgSnapshot, InputOrderDoesNotMatter) {
  HandOrg o = MakeHandOrg();
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot a, Build(o, kBefore));
  std::reverse(o.units.begin(), o.units.end());
  std::reverse(o.positions.begin(), o.positions.end());
  std::reverse(o.employees.begin(), o.employees.end());
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot b, Build(o, kBefore));
  EXPECT_EQ(a.RollUpUnits(), b.RollUpUnits());
  EXPECT_EQ(ToVector(*a.TransitiveReports(E(1))), ToVector(*b.TransitiveReports(E(1))));
}

TEST(OrgSnapshot, SparseIdsGiveTheSameAnswers) {
  // One unit, position and employee with a huge id: the id indexes switch
  // from plain vectors to hash maps.
  constexpr std::int64_t kHuge = 1'000'000'000'000;
  HandOrg o = MakeHandOrg();
  o.units.push_back(MakeUnit(kHuge, "Research", U(1)));
  o.positions.push_back(MakePosition(kHuge, U(kHuge), "Researcher", P(1)));
  o.employees.push_back(MakeEmployee(kHuge, kStart, Job(P(kHuge), 1.0)));
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(o, kBefore));
  EXPECT_EQ(*s.ManagerOf(E(kHuge)), E(1));
  EXPECT_THAT(*s.DirectReports(E(1)), ElementsAre(E(2), E(8), E(11), E(kHuge)));
  ASSERT_OK_AND_ASSIGN(auto below2, s.TransitiveReports(E(2)));
  EXPECT_THAT(ToVector(below2), ElementsAre(E(3), E(6), E(9), E(4), E(5)));
  // Company: the 10 people of ContentsBeforeTheChanges plus the researcher.
  EXPECT_EQ(s.RollUp(U(1))->subtree_headcount, 11);
  EXPECT_EQ(s.RollUp(U(kHuge))->own_headcount, 1);
  EXPECT_STATUS_CODE(s.ManagerOf(E(kHuge / 2)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(s.RollUp(U(kHuge / 2)), absl::StatusCode::kNotFound);

  o.employees.push_back(MakeEmployee(kHuge, kStart, Job(P(4), 0.5)));
  EXPECT_STATUS_CODE(Build(o, kBefore), absl::StatusCode::kInvalidArgument);  // id twice
}

TEST(OrgSnapshot, SeveralHoldersOfAManagerPosition) {
  // position:2 has two holders, 3 and 2: the lower id (2) manages position:4.
  HandOrg o;
  o.units.push_back(MakeUnit(1, "Company", OrgUnitId()));
  o.positions.push_back(MakePosition(1, U(1), "CEO", PositionId()));
  o.positions.push_back(MakePosition(2, U(1), "Co-lead", P(1), 2.0));
  o.positions.push_back(MakePosition(4, U(1), "Member", P(2)));
  o.employees.push_back(MakeEmployee(1, kStart, Job(P(1), 1.0)));
  o.employees.push_back(MakeEmployee(3, kStart, Job(P(2), 1.0)));
  o.employees.push_back(MakeEmployee(2, kStart, Job(P(2), 1.0)));
  o.employees.push_back(MakeEmployee(4, kStart, Job(P(4), 1.0)));
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(o, kBefore));
  EXPECT_EQ(*s.ManagerOf(E(4)), E(2));
  EXPECT_EQ(*s.ManagerOf(E(3)), E(1));
  EXPECT_EQ(*s.ManagerOf(E(2)), E(1));
  EXPECT_EQ(*s.SpanOfControl(E(3)), 0);
  // Managers 1 (reports 2, 3) and 2 (report 4): 3 / 2.
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(), 1.5);
}

TEST(OrgSnapshot, VacantTopLeavesReportsWithoutManager) {
  HandOrg o;
  o.units.push_back(MakeUnit(1, "Company", OrgUnitId()));
  o.positions.push_back(MakePosition(1, U(1), "CEO", PositionId()));
  o.positions.push_back(MakePosition(2, U(1), "Member", P(1)));
  o.employees.push_back(MakeEmployee(2, kStart, Job(P(2), 1.0)));
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, Build(o, kBefore));
  ASSERT_OK_AND_ASSIGN(const EmployeeId m, s.ManagerOf(E(2)));
  EXPECT_FALSE(m.valid());
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(), 0.0);
}

// ---- Errors ----------------------------------------------------------------

TEST(OrgSnapshotErrors, DanglingReferencesAreNotFound) {
  {
    HandOrg o = MakeHandOrg();
    o.positions[3] = MakePosition(4, U(42), "Engineer", P(2));
    const auto s = Build(o, kBefore);
    EXPECT_STATUS_CODE(s, absl::StatusCode::kNotFound);
    EXPECT_THAT(hrkit_test::Message(s), HasSubstr("position:4: org_unit org_unit:42 not found"));
  }
  {
    HandOrg o = MakeHandOrg();
    o.positions[3] = MakePosition(4, U(2), "Engineer", P(42));
    const auto s = Build(o, kBefore);
    EXPECT_STATUS_CODE(s, absl::StatusCode::kNotFound);
    EXPECT_THAT(hrkit_test::Message(s), HasSubstr("reports_to position:42"));
  }
  {
    HandOrg o = MakeHandOrg();
    o.units[3] = MakeUnit(4, "Platform", U(42));
    const auto s = Build(o, kBefore);
    EXPECT_STATUS_CODE(s, absl::StatusCode::kNotFound);
    EXPECT_THAT(hrkit_test::Message(s), HasSubstr("org_unit:4: parent org_unit:42"));
  }
  {
    HandOrg o = MakeHandOrg();
    o.employees[3] = MakeEmployee(4, kStart, Job(P(42), 1.0));
    const auto s = Build(o, kBefore);
    EXPECT_STATUS_CODE(s, absl::StatusCode::kNotFound);
    EXPECT_THAT(hrkit_test::Message(s), HasSubstr("employee:4: position position:42"));
  }
  {
    HandOrg o = MakeHandOrg();
    o.employees[3] = MakeEmployee(4, kStart, Job(P(4), 1.0, EmploymentStatus::kActive, E(42)));
    const auto s = Build(o, kBefore);
    EXPECT_STATUS_CODE(s, absl::StatusCode::kNotFound);
    EXPECT_THAT(hrkit_test::Message(s), HasSubstr("employee:4: acting_manager employee:42"));
  }
}

TEST(OrgSnapshotErrors, ReferencesToClosedEntitiesAreInvalid) {
  // position:10 sits in Legacy, which closes on kChange while the position
  // stays open.
  HandOrg o = MakeHandOrg();
  o.positions[9] = MakePosition(10, U(5), "Keeper", P(1));
  EXPECT_OK(Build(o, kBefore));
  const auto s = Build(o, kAfter);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(s), HasSubstr("position:10: org_unit org_unit:5 is closed"));

  // An employee still holding a closed position.
  HandOrg o2 = MakeHandOrg();
  AddChange(o2.employees[10], Date(2025, 2, 1), Job(P(10), 1.0));  // employee:11 "rehired" into it
  EXPECT_STATUS_CODE(Build(o2, kAfter), absl::StatusCode::kInvalidArgument);
}

TEST(OrgSnapshotErrors, EmployedWithoutPositionIsInvalid) {
  HandOrg o = MakeHandOrg();
  o.employees[3] = MakeEmployee(4, kStart, Job(PositionId(), 1.0));
  EXPECT_STATUS_CODE(Build(o, kBefore), absl::StatusCode::kInvalidArgument);
}

TEST(OrgSnapshotErrors, DuplicateAndInvalidIdsAndDates) {
  HandOrg o = MakeHandOrg();
  o.employees.push_back(MakeEmployee(4, kStart, Job(P(4), 0.5)));
  EXPECT_STATUS_CODE(Build(o, kBefore), absl::StatusCode::kInvalidArgument);

  HandOrg o2 = MakeHandOrg();
  o2.units.push_back(MakeUnit(0, "Nameless", OrgUnitId()));
  EXPECT_STATUS_CODE(Build(o2, kBefore), absl::StatusCode::kInvalidArgument);

  EXPECT_STATUS_CODE(Build(MakeHandOrg(), OpenEnd()), absl::StatusCode::kInvalidArgument);
}

TEST(OrgSnapshotErrors, UnitCycleOnTheDateIsFailedPrecondition) {
  // From kChange, Company (1) moves under Platform (4): 1 -> 4 -> 2 -> 1.
  HandOrg o = MakeHandOrg();
  EXPECT_OK(o.units[0].history.Add(kChange, UnitRecord("Company", U(4)), kChange));
  EXPECT_OK(Build(o, kBefore));
  const auto s = Build(o, kAfter);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(s), HasSubstr("cycle"));
}

TEST(OrgSnapshotErrors, ReportingCycleOfPositionsIsFailedPrecondition) {
  // From kChange, the CEO position reports to the Platform lead.
  HandOrg o = MakeHandOrg();
  EXPECT_OK(o.positions[0].history.Add(kChange, PositionRec(U(1), "CEO", P(5)), kChange));
  EXPECT_OK(Build(o, kBefore));
  const auto s = Build(o, kAfter);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(s), HasSubstr("reports_to"));
}

TEST(OrgSnapshotErrors, ActingManagerCycleIsFailedPrecondition) {
  // employee:2 (reports to 1 by position) takes employee:3, their own report,
  // as acting manager: 2 -> 3 -> 2.
  HandOrg o = MakeHandOrg();
  AddChange(o.employees[1], kChange, Job(P(2), 1.0, EmploymentStatus::kActive, E(3)));
  EXPECT_OK(Build(o, kBefore));
  const auto s = Build(o, kAfter);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(s), HasSubstr("acting_manager"));

  // Being one's own acting manager is a cycle of one.
  HandOrg o2 = MakeHandOrg();
  AddChange(o2.employees[3], kChange, Job(P(4), 1.0, EmploymentStatus::kActive, E(4)));
  EXPECT_STATUS_CODE(Build(o2, kAfter), absl::StatusCode::kFailedPrecondition);
}

// ---- Progress --------------------------------------------------------------

TEST(OrgSnapshot, ReportsProgressAndStopsWhenCancelled) {
  std::vector<std::string> stages;
  CancellableProgress progress([&](std::string_view stage, std::int64_t, std::int64_t) {
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
  });
  const HandOrg o = MakeHandOrg();
  EXPECT_OK(OrgSnapshot::Build(o.units, o.positions, o.employees, kBefore, &progress));
  EXPECT_THAT(stages, ElementsAre("org snapshot: units", "org snapshot: positions", "org snapshot: employees",
                                  "org snapshot: reporting"));
  progress.RequestCancel();
  EXPECT_STATUS_CODE(OrgSnapshot::Build(o.units, o.positions, o.employees, kBefore, &progress),
                     absl::StatusCode::kCancelled);
}

// ---- A generated organization against a naive recomputation ----------------

// The manager of `e` on `date` by the documented rules, computed directly
// from the entities with maps (no snapshot).
struct Naive {
  Date date;
  absl::flat_hash_map<OrgUnitId, const OrgUnitRecord*> unit;
  absl::flat_hash_map<PositionId, const PositionRecord*> position;
  absl::flat_hash_map<EmployeeId, const EmploymentRecord*> employed;
  absl::flat_hash_map<PositionId, EmployeeId> lowest_holder;

  Naive(const synth::Organization& org, Date d) : date(d) {
    for (const OrgUnit& u : org.units) {
      const OrgUnitRecord* r = u.history.At(d);
      if (r != nullptr && r->status == OrgUnitStatus::kOpen) unit[u.id] = r;
    }
    for (const Position& p : org.positions) {
      const PositionRecord* r = p.history.At(d);
      if (r != nullptr && r->status != PositionStatus::kClosed) position[p.id] = r;
    }
    for (const Employee& e : org.employees) {
      const EmploymentRecord* r = e.employment.At(d);
      if (r == nullptr || !IsEmployed(*r)) continue;
      employed[e.id] = r;
      auto [it, inserted] = lowest_holder.emplace(r->position, e.id);
      if (!inserted && e.id < it->second) it->second = e.id;
    }
  }

  EmployeeId ManagerOf(EmployeeId e) const {
    const EmploymentRecord* r = employed.at(e);
    if (r->acting_manager.valid() && employed.contains(r->acting_manager)) return r->acting_manager;
    for (PositionId p = position.at(r->position)->reports_to; p.valid(); p = position.at(p)->reports_to) {
      const auto it = lowest_holder.find(p);
      if (it != lowest_holder.end()) return it->second;
    }
    return EmployeeId();
  }
};

void CheckAgainstNaive(const synth::Organization& org, Date date) {
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot s, OrgSnapshot::Build(org.units, org.positions, org.employees, date));
  const Naive naive(org, date);
  ASSERT_EQ(s.employee_count(), naive.employed.size());
  ASSERT_EQ(s.unit_count(), naive.unit.size());

  // Head count and FTE per unit: add every employee to their unit and to
  // each ancestor, walking the parent links.
  absl::flat_hash_map<OrgUnitId, std::int64_t> headcount;
  absl::flat_hash_map<OrgUnitId, double> fte;
  absl::flat_hash_map<EmployeeId, std::int64_t> direct;
  absl::flat_hash_map<EmployeeId, std::int64_t> transitive;
  std::int64_t managed = 0;
  for (const auto& [id, r] : naive.employed) {
    for (OrgUnitId u = naive.position.at(r->position)->org_unit; u.valid(); u = naive.unit.at(u)->parent) {
      ++headcount[u];
      fte[u] += r->fte;
    }
    const EmployeeId m = naive.ManagerOf(id);
    ASSERT_EQ(*s.ManagerOf(id), m) << id;
    if (m.valid()) {
      ++direct[m];
      ++managed;
    }
    for (EmployeeId up = m; up.valid(); up = naive.ManagerOf(up)) ++transitive[up];
  }
  for (const UnitRollup& r : s.RollUpUnits()) {
    EXPECT_EQ(r.subtree_headcount, headcount[r.unit]) << r.unit;
    EXPECT_NEAR(r.subtree_fte, fte[r.unit], 1e-6) << r.unit;
  }
  for (const auto& [id, r] : naive.employed) {
    EXPECT_EQ(*s.SpanOfControl(id), direct.contains(id) ? direct.at(id) : 0) << id;
    ASSERT_OK_AND_ASSIGN(auto below, s.TransitiveReports(id));
    EXPECT_EQ(static_cast<std::int64_t>(below.size()), transitive.contains(id) ? transitive.at(id) : 0) << id;
  }
  ASSERT_FALSE(direct.empty());
  EXPECT_DOUBLE_EQ(s.AverageSpanOfControl(),
                   static_cast<double>(managed) / static_cast<double>(direct.size()));
}

TEST(OrgSnapshot, GeneratedOrganizationMatchesNaiveRecomputation) {
  synth::SynthOptions options;
  options.employee_count = 3000;
  options.seed = 11;
  ASSERT_OK_AND_ASSIGN(const synth::Organization org, synth::GenerateOrganization(options));
  CheckAgainstNaive(org, options.end_date);
  // Mid-history: a different set of people and holders.
  CheckAgainstNaive(org, Date(2024, 7, 15));
}

}  // namespace
}  // namespace hrkit
