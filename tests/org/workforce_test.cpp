#include "hrkit/org/workforce.hpp"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/snapshot.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Date kStart(2024, 1, 1);
const Date kMar1(2024, 3, 1);
const Date kMay1(2024, 5, 1);
const Date kJun1(2024, 6, 1);
const Date kAug1(2024, 8, 1);

const LocationId kBerlin(1);
const OrgUnitId kHq(1), kFin(2), kOps(3), kTax(4);
const PositionId kCeo(10), kFinLead(20), kAnalyst(21), kOpsLead(30), kOpsClerk(31);

PositionRecord Seat(OrgUnitId unit, PositionId reports_to, double budget = 1.0, std::string title = "seat") {
  PositionRecord r;
  r.org_unit = unit;
  r.job_code = absl::StrCat("J-", title);
  r.title = std::move(title);
  r.grade = "G5";
  r.fte_budget = budget;
  r.reports_to = reports_to;
  return r;
}

OrgUnitRecord Unit(std::string name, OrgUnitId parent) {
  OrgUnitRecord r;
  r.name = std::move(name);
  r.parent = parent;
  return r;
}

HireEvent Hire(PositionId position, double fte = 1.0, Date effective = kStart) {
  HireEvent h;
  h.effective = effective;
  h.position = position;
  h.location = kBerlin;
  h.fte = fte;
  return h;
}

TerminationEvent Leave(Date last_day) { return TerminationEvent{last_day, TerminationKind::kVoluntary, "RESIGNATION"}; }

// HQ (CEO) with Finance (lead, analysts x2 FTE) and Operations (lead, clerk)
// below it, all from 2024-01-01.
class WorkforceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK(w_.AddLocation(Location{kBerlin, "Berlin", "DE", {}, {}}));
    ASSERT_OK(w_.CreateOrgUnit(kHq, "HQ", Unit("Head office", OrgUnitId()), kStart, kStart));
    ASSERT_OK(w_.CreateOrgUnit(kFin, "FIN", Unit("Finance", kHq), kStart, kStart));
    ASSERT_OK(w_.CreateOrgUnit(kOps, "OPS", Unit("Operations", kHq), kStart, kStart));
    ASSERT_OK(w_.CreatePosition(kCeo, Seat(kHq, PositionId(), 1.0, "ceo"), kStart, kStart));
    ASSERT_OK(w_.CreatePosition(kFinLead, Seat(kFin, kCeo, 1.0, "finance lead"), kStart, kStart));
    ASSERT_OK(w_.CreatePosition(kAnalyst, Seat(kFin, kFinLead, 2.0, "analyst"), kStart, kStart));
    ASSERT_OK(w_.CreatePosition(kOpsLead, Seat(kOps, kCeo, 1.0, "ops lead"), kStart, kStart));
    ASSERT_OK(w_.CreatePosition(kOpsClerk, Seat(kOps, kOpsLead, 1.0, "clerk"), kStart, kStart));
  }

  // Adds employee `id` and hires them.
  void AddHired(std::int64_t id, PositionId position, double fte = 1.0, Date effective = kStart) {
    ASSERT_OK(AddPerson(id));
    ASSERT_OK(w_.ApplyEvent(EmployeeId(id), Hire(position, fte, effective), effective));
  }
  absl::Status AddPerson(std::int64_t id) {
    Employee e;
    e.id = EmployeeId(id);
    e.employee_number = absl::StrCat("E", id);
    e.birth_date = Date(1985, 4, 2);
    return w_.AddEmployee(std::move(e));
  }

  Workforce w_;
};

// ---------------------------------------------------------------------------
// Identity

TEST_F(WorkforceTest, HandsOutTheNextUnusedIds) {
  // The fixture added location 1, units 1..3 and positions 10..31: the next
  // ids are one more than the largest of each kind; no employee yet.
  EXPECT_EQ(w_.NextLocationId(), LocationId(2));
  EXPECT_EQ(w_.NextOrgUnitId(), OrgUnitId(4));
  EXPECT_EQ(w_.NextPositionId(), PositionId(32));
  EXPECT_EQ(w_.NextEmployeeId(), EmployeeId(1));
  AddHired(w_.NextEmployeeId().value(), kCeo);
  EXPECT_EQ(w_.NextEmployeeId(), EmployeeId(2));
  // A rejected edit hands out nothing: position 32 stays free.
  EXPECT_STATUS_CODE(w_.CreatePosition(w_.NextPositionId(), Seat(OrgUnitId(99), kCeo), kStart, kStart),
                     absl::StatusCode::kNotFound);
  EXPECT_EQ(w_.NextPositionId(), PositionId(32));
  ASSERT_OK(w_.CreatePosition(w_.NextPositionId(), Seat(kOps, kOpsLead), kStart, kStart));
  EXPECT_EQ(w_.NextPositionId(), PositionId(33));
  // FromEntities counts what it was given.
  ASSERT_OK_AND_ASSIGN(const Workforce copy, Workforce::FromEntities({}, {}, {}, {}));
  EXPECT_EQ(copy.NextOrgUnitId(), OrgUnitId(1));
}

TEST_F(WorkforceTest, SnapshotOfTheWorkforceEqualsTheSnapshotOfItsEntities) {
  AddHired(1, kCeo);
  AddHired(2, kAnalyst, 0.5);
  AddHired(3, kOpsClerk, 1.0, kMar1);
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot direct, OrgSnapshot::Build(w_, kJun1));
  std::vector<OrgUnit> units;
  for (const OrgUnit* u : w_.OrgUnits()) units.push_back(*u);
  std::vector<Position> positions;
  for (const Position* p : w_.Positions()) positions.push_back(*p);
  std::vector<Employee> employees;
  for (const Employee* e : w_.Employees()) employees.push_back(*e);
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot from_spans, OrgSnapshot::Build(units, positions, employees, kJun1));
  EXPECT_EQ(direct.RollUpUnits(), from_spans.RollUpUnits());
  // Head office subtree on 2024-06-01: the CEO, the half-time analyst and
  // the clerk hired on 2024-03-01 = 3 people, 2.5 FTE.
  ASSERT_OK_AND_ASSIGN(const UnitRollup hq, direct.RollUp(kHq));
  EXPECT_EQ(hq.subtree_headcount, 3);
  EXPECT_DOUBLE_EQ(hq.subtree_fte, 2.5);
}

TEST_F(WorkforceTest, LocationsAndEmployeesNeedUniqueIds) {
  EXPECT_STATUS_CODE(w_.AddLocation(Location{kBerlin, "Berlin 2", "DE", {}, {}}), absl::StatusCode::kAlreadyExists);
  EXPECT_STATUS_CODE(w_.AddLocation(Location{}), absl::StatusCode::kInvalidArgument);
  ASSERT_OK(AddPerson(7));
  EXPECT_STATUS_CODE(AddPerson(7), absl::StatusCode::kAlreadyExists);
  Employee twin;
  twin.id = EmployeeId(8);
  twin.employee_number = "E7";
  const absl::Status dup = w_.AddEmployee(twin);
  EXPECT_STATUS_CODE(dup, absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(Message(dup), HasSubstr("employee:8: employee_number: E7 already belongs to employee:7"));
  twin.employee_number.clear();
  EXPECT_STATUS_CODE(w_.AddEmployee(twin), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(w_.FindEmployeeByNumber("E7")->id, EmployeeId(7));
  EXPECT_EQ(w_.FindEmployeeByNumber("E8"), nullptr);
}

TEST_F(WorkforceTest, AddEmployeeRejectsPrebuiltHistory) {
  Employee e;
  e.id = EmployeeId(9);
  e.employee_number = "E9";
  ASSERT_OK(e.employment.Add(kStart, EmploymentRecord{}, kStart));
  EXPECT_STATUS_CODE(w_.AddEmployee(e), absl::StatusCode::kInvalidArgument);
}

TEST_F(WorkforceTest, UnknownIdsAreNotFound) {
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(99), Hire(kCeo), kStart), absl::StatusCode::kNotFound);
  ASSERT_OK(AddPerson(7));
  const absl::Status seat = w_.ApplyEvent(EmployeeId(7), Hire(PositionId(404)), kStart);
  EXPECT_STATUS_CODE(seat, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(seat), HasSubstr("employee:7: position: position:404 does not exist"));
  HireEvent nowhere = Hire(kCeo);
  nowhere.location = LocationId(5);
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(7), nowhere, kStart), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(w_.RenameOrgUnit(OrgUnitId(77), "x", kStart, kStart), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(w_.MoveOrgUnit(kFin, OrgUnitId(77), kMar1, kMar1), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(w_.FreezePosition(PositionId(77), kStart, kStart), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), Seat(OrgUnitId(77), kCeo), kStart, kStart),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), Seat(kFin, PositionId(77)), kStart, kStart),
                     absl::StatusCode::kNotFound);
}

TEST_F(WorkforceTest, EmployeeLocalRulesStillApply) {
  ASSERT_OK(AddPerson(7));
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(7), Hire(kAnalyst, 1.6), kStart), absl::StatusCode::kInvalidArgument);
  Employee kid;
  kid.id = EmployeeId(8);
  kid.employee_number = "E8";
  kid.birth_date = Date(2008, 1, 2);  // 16 on 2024-01-02, one day after kStart
  ASSERT_OK(w_.AddEmployee(kid));
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(8), Hire(kAnalyst), kStart), absl::StatusCode::kFailedPrecondition);
  EXPECT_OK(w_.ApplyEvent(EmployeeId(8), Hire(kAnalyst, 1.0, Date(2024, 1, 2)), kStart));
}

TEST_F(WorkforceTest, AccessorsIterateInIdOrder) {
  AddHired(9, kAnalyst, 0.5);
  AddHired(3, kAnalyst, 0.5);
  AddHired(5, kCeo);
  std::vector<EmployeeId> ids;
  for (const Employee* e : w_.Employees()) ids.push_back(e->id);
  EXPECT_THAT(ids, ElementsAre(EmployeeId(3), EmployeeId(5), EmployeeId(9)));
  std::vector<PositionId> seats;
  for (const Position* p : w_.Positions()) seats.push_back(p->id);
  EXPECT_THAT(seats, ElementsAre(kCeo, kFinLead, kAnalyst, kOpsLead, kOpsClerk));
  EXPECT_EQ(w_.OrgUnits().front()->id, kHq);
  EXPECT_EQ(w_.Locations().size(), 1u);
  EXPECT_THAT(w_.HoldersOn(kAnalyst, kStart), ElementsAre(EmployeeId(3), EmployeeId(9)));
  EXPECT_EQ(w_.employee_count(), 3u);
}

// ---------------------------------------------------------------------------
// Positions and FTE budget

TEST_F(WorkforceTest, FteBudgetExactlyReachedIsAcceptedAndAboveIsRejected) {
  // Analyst budget 2.0: 1.0 + 0.6 + 0.4 = 2.0 exactly.
  AddHired(1, kAnalyst, 1.0);
  AddHired(2, kAnalyst, 0.6);
  AddHired(3, kAnalyst, 0.4);
  EXPECT_DOUBLE_EQ(w_.HeldFteOn(kAnalyst, kStart), 2.0);
  ASSERT_OK(AddPerson(4));
  // 2.0 + 0.1 = 2.1 > 2.0.
  const absl::Status over = w_.ApplyEvent(EmployeeId(4), Hire(kAnalyst, 0.1, kMar1), kMar1);
  EXPECT_STATUS_CODE(over, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(over), HasSubstr("position:21: fte_budget"));
  EXPECT_THAT(Message(over), HasSubstr("employee:4"));
  // Raising a holder's FTE above the budget is rejected the same way: 1.0 + 0.6 + 0.5 = 2.1.
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(3), FteChangeEvent{kMar1, 0.5, ""}, kMar1),
                     absl::StatusCode::kFailedPrecondition);
  // Once employee 2 has left (last day 02-29), 1.0 + 0.4 + 0.6 = 2.0 fits again from 03-01.
  ASSERT_OK(w_.ApplyEvent(EmployeeId(2), Leave(Date(2024, 2, 29)), kMar1));
  EXPECT_OK(w_.ApplyEvent(EmployeeId(4), Hire(kAnalyst, 0.6, kMar1), kMar1));
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(4), FteChangeEvent{kMay1, 0.7, ""}, kMay1),
                     absl::StatusCode::kFailedPrecondition);
}

TEST_F(WorkforceTest, FractionalFtesThatSumToTheBudgetFit) {
  // 0.1 + 0.2 + 0.7 = 1.0 within floating point tolerance.
  AddHired(1, kCeo, 0.1);
  AddHired(2, kCeo, 0.2);
  AddHired(3, kCeo, 0.7);
  EXPECT_THAT(w_.HoldersOn(kCeo, kStart), ElementsAre(EmployeeId(1), EmployeeId(2), EmployeeId(3)));
}

TEST_F(WorkforceTest, TransferIntoAFullPositionIsRejected) {
  AddHired(1, kOpsLead);
  AddHired(2, kOpsClerk);
  const absl::Status full = w_.ApplyEvent(EmployeeId(2), TransferEvent{kMar1, kOpsLead, {}, {}, ""}, kMar1);
  EXPECT_STATUS_CODE(full, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(full), HasSubstr("position:30: fte_budget"));
  // The failed edit left nothing behind.
  EXPECT_EQ(w_.FindEmployee(EmployeeId(2))->employment.size(), 1u);
}

TEST_F(WorkforceTest, AVacancySurvivesItsHolderAndCanBeRefilled) {
  AddHired(1, kFinLead);
  ASSERT_OK(AddPerson(2));
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(2), Hire(kFinLead, 1.0, kMar1), kMar1),
                     absl::StatusCode::kFailedPrecondition);  // still held
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 4, 30)), kMar1));
  EXPECT_TRUE(w_.HoldersOn(kFinLead, kMay1).empty());
  const Position* seat = w_.FindPosition(kFinLead);
  ASSERT_NE(seat, nullptr);
  EXPECT_EQ(seat->history.At(kMay1)->status, PositionStatus::kOpen);
  // Refilled from the day after the last day.
  EXPECT_OK(w_.ApplyEvent(EmployeeId(2), Hire(kFinLead, 1.0, kMay1), kMar1));
  EXPECT_THAT(w_.HoldersOn(kFinLead, Date(2024, 4, 30)), ElementsAre(EmployeeId(1)));
  EXPECT_THAT(w_.HoldersOn(kFinLead, kMay1), ElementsAre(EmployeeId(2)));
}

TEST_F(WorkforceTest, FrozenPositionsKeepHoldersButTakeNoNewcomers) {
  AddHired(1, kAnalyst);
  ASSERT_OK(w_.FreezePosition(kAnalyst, kMar1, kMar1));
  ASSERT_OK(AddPerson(2));
  const absl::Status frozen = w_.ApplyEvent(EmployeeId(2), Hire(kAnalyst, 0.5, kMay1), kMay1);
  EXPECT_STATUS_CODE(frozen, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(frozen), HasSubstr("position:21 is frozen on 2024-05-01"));
  EXPECT_OK(w_.ApplyEvent(EmployeeId(1), FteChangeEvent{kMay1, 0.8, ""}, kMay1));  // existing holder
  EXPECT_STATUS_CODE(w_.FreezePosition(kAnalyst, kMay1, kMay1), absl::StatusCode::kFailedPrecondition);
  ASSERT_OK(w_.UnfreezePosition(kAnalyst, kJun1, kJun1));
  EXPECT_STATUS_CODE(w_.UnfreezePosition(kAnalyst, kAug1, kAug1), absl::StatusCode::kFailedPrecondition);
  EXPECT_OK(w_.ApplyEvent(EmployeeId(2), Hire(kAnalyst, 0.5, kJun1), kJun1));
}

TEST_F(WorkforceTest, HiringBeforeThePositionExistsIsRejected) {
  ASSERT_OK(w_.CreatePosition(PositionId(40), Seat(kFin, kFinLead), kJun1, kJun1));
  ASSERT_OK(AddPerson(2));
  const absl::Status early = w_.ApplyEvent(EmployeeId(2), Hire(PositionId(40), 1.0, kMay1), kJun1);
  EXPECT_STATUS_CODE(early, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(early), HasSubstr("not yet created"));
}

TEST_F(WorkforceTest, PositionEditsAreValidated) {
  EXPECT_STATUS_CODE(w_.CreatePosition(kCeo, Seat(kHq, PositionId()), kStart, kStart),
                     absl::StatusCode::kAlreadyExists);
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), Seat(kFin, kCeo, 0.0), kStart, kStart),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), Seat(kFin, PositionId(40)), kStart, kStart),
                     absl::StatusCode::kInvalidArgument);
  PositionRecord closed = Seat(kFin, kCeo);
  closed.status = PositionStatus::kClosed;
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), closed, kStart, kStart), absl::StatusCode::kInvalidArgument);
  // ChangePosition keeps the status.
  PositionRecord frozen = *w_.FindPosition(kAnalyst)->history.At(kMar1);
  frozen.status = PositionStatus::kFrozen;
  EXPECT_STATUS_CODE(w_.ChangePosition(kAnalyst, frozen, kMar1, kMar1), absl::StatusCode::kInvalidArgument);
  // Recorded dates only move forward.
  PositionRecord retitled = *w_.FindPosition(kAnalyst)->history.At(kMar1);
  retitled.title = "senior analyst";
  const absl::Status old_news = w_.ChangePosition(kAnalyst, retitled, kMar1, Date(2023, 12, 1));
  EXPECT_STATUS_CODE(old_news, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(old_news), HasSubstr("position:21"));
  ASSERT_OK(w_.ChangePosition(kAnalyst, retitled, kMar1, kMar1));
  EXPECT_EQ(w_.FindPosition(kAnalyst)->history.At(kMar1)->title, "senior analyst");
  EXPECT_EQ(w_.FindPosition(kAnalyst)->history.At(Date(2024, 2, 29))->title, "analyst");
}

TEST_F(WorkforceTest, BudgetCutBelowHeldFteIsRejected) {
  AddHired(1, kAnalyst, 1.0);
  AddHired(2, kAnalyst, 0.5);
  PositionRecord r = *w_.FindPosition(kAnalyst)->history.At(kMar1);
  r.fte_budget = 1.4;  // 1.0 + 0.5 = 1.5 > 1.4
  EXPECT_STATUS_CODE(w_.ChangePosition(kAnalyst, r, kMar1, kMar1), absl::StatusCode::kFailedPrecondition);
  r.fte_budget = 1.5;  // exactly what is held
  EXPECT_OK(w_.ChangePosition(kAnalyst, r, kMar1, kMar1));
}

TEST_F(WorkforceTest, ClosingAHeldPositionIsRejected) {
  AddHired(1, kOpsClerk);
  const absl::Status held = w_.ClosePosition(kOpsClerk, kMar1, kMar1);
  EXPECT_STATUS_CODE(held, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(held), HasSubstr("position:31: the change from 2024-03-01 conflicts with employee:1: position: "
                                       "position:31 is closed on 2024-03-01 while held"));
  // Held until 04-30: closing from 05-01 is fine, closing from 04-30 is not.
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 4, 30)), kMar1));
  EXPECT_STATUS_CODE(w_.ClosePosition(kOpsClerk, Date(2024, 4, 30), kMar1), absl::StatusCode::kFailedPrecondition);
  EXPECT_OK(w_.ClosePosition(kOpsClerk, kMay1, kMar1));
  EXPECT_STATUS_CODE(w_.ClosePosition(kOpsClerk, kJun1, kMar1), absl::StatusCode::kFailedPrecondition);
  // A closed position cannot be filled.
  ASSERT_OK(AddPerson(2));
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(2), Hire(kOpsClerk, 1.0, kJun1), kMar1),
                     absl::StatusCode::kFailedPrecondition);
}

TEST_F(WorkforceTest, ClosingAPositionOthersReportToIsRejected) {
  const absl::Status r = w_.ClosePosition(kOpsLead, kMar1, kMar1);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("position:31 reports to it"));
  ASSERT_OK(w_.ClosePosition(kOpsClerk, kMar1, kMar1));
  EXPECT_OK(w_.ClosePosition(kOpsLead, kMar1, kMar1));
}

TEST_F(WorkforceTest, ReportingLineCyclesAreRejected) {
  // The CEO seat reporting to the analyst: 10 -> 21 -> 20 -> 10.
  PositionRecord ceo = *w_.FindPosition(kCeo)->history.At(kMar1);
  ceo.reports_to = kAnalyst;
  const absl::Status cycle = w_.ChangePosition(kCeo, ceo, kMar1, kMar1);
  EXPECT_STATUS_CODE(cycle, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(cycle),
              HasSubstr("position:10: reports_to: the reporting line would make a cycle on 2024-03-01"));
  ceo.reports_to = kCeo;
  EXPECT_STATUS_CODE(w_.ChangePosition(kCeo, ceo, kMar1, kMar1), absl::StatusCode::kInvalidArgument);
  // A lateral move is fine: the analyst reports straight to the CEO.
  PositionRecord analyst = *w_.FindPosition(kAnalyst)->history.At(kMar1);
  analyst.reports_to = kCeo;
  EXPECT_OK(w_.ChangePosition(kAnalyst, analyst, kMar1, kMar1));
}

TEST_F(WorkforceTest, ReportingCycleOnALaterDayIsRejected) {
  // From 06-01 the ops lead reports to the finance lead.
  PositionRecord ops = *w_.FindPosition(kOpsLead)->history.At(kJun1);
  ops.reports_to = kFinLead;
  ASSERT_OK(w_.ChangePosition(kOpsLead, ops, kJun1, kJun1));
  // Backdated: finance lead reports to the ops lead from 03-01. No cycle in
  // March (ops lead -> CEO), but one from 06-01.
  PositionRecord fin = *w_.FindPosition(kFinLead)->history.At(kMar1);
  fin.reports_to = kOpsLead;
  const absl::Status later = w_.ChangePosition(kFinLead, fin, kMar1, kJun1);
  EXPECT_STATUS_CODE(later, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(later), HasSubstr("cycle on 2024-06-01"));
}

// ---------------------------------------------------------------------------
// Org units

TEST_F(WorkforceTest, UnitMovesThatMakeACycleAreRejected) {
  const absl::Status root = w_.MoveOrgUnit(kHq, kFin, kMar1, kMar1);
  EXPECT_STATUS_CODE(root, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(root),
              HasSubstr("org_unit:1: parent: the move would make a cycle in the org tree on 2024-03-01"));
  EXPECT_STATUS_CODE(w_.MoveOrgUnit(kFin, kFin, kMar1, kMar1), absl::StatusCode::kInvalidArgument);
  ASSERT_OK(w_.MoveOrgUnit(kFin, kOps, kMar1, kMar1));
  EXPECT_EQ(w_.FindOrgUnit(kFin)->history.At(kMar1)->parent, kOps);
  EXPECT_EQ(w_.FindOrgUnit(kFin)->history.At(Date(2024, 2, 29))->parent, kHq);
  EXPECT_STATUS_CODE(w_.MoveOrgUnit(kOps, kFin, kMay1, kMay1), absl::StatusCode::kFailedPrecondition);
}

TEST_F(WorkforceTest, UnitCycleOnALaterParentChangeIsRejected) {
  ASSERT_OK(w_.MoveOrgUnit(kOps, kFin, kJun1, kJun1));  // OPS under FIN from 06-01
  // FIN under OPS from 03-01: fine until 05-31, a cycle from 06-01.
  const absl::Status later = w_.MoveOrgUnit(kFin, kOps, kMar1, kJun1);
  EXPECT_STATUS_CODE(later, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(later), HasSubstr("cycle in the org tree on 2024-06-01"));
  EXPECT_EQ(w_.FindOrgUnit(kFin)->history.size(), 1u);  // nothing stored
}

TEST_F(WorkforceTest, NothingIsCreatedOrMovedUnderAClosedUnit) {
  ASSERT_OK(w_.CreateOrgUnit(kTax, "TAX", Unit("Tax", kFin), kStart, kStart));
  ASSERT_OK(w_.CloseOrgUnit(kTax, kMar1, kMar1));
  const absl::Status create = w_.CreateOrgUnit(OrgUnitId(5), "VAT", Unit("VAT", kTax), kMay1, kMay1);
  EXPECT_STATUS_CODE(create, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(create), HasSubstr("org_unit:5: parent: org_unit:4 is closed on 2024-05-01"));
  EXPECT_STATUS_CODE(w_.MoveOrgUnit(kOps, kTax, kMay1, kMay1), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(w_.CreatePosition(PositionId(40), Seat(kTax, kCeo), kMay1, kMay1),
                     absl::StatusCode::kFailedPrecondition);
  // Created in February, the unit would be open under Tax when Tax closes.
  EXPECT_STATUS_CODE(w_.CreateOrgUnit(OrgUnitId(5), "VAT", Unit("VAT", kTax), Date(2024, 2, 1), kMay1),
                     absl::StatusCode::kFailedPrecondition);
  // A parent that does not exist yet.
  ASSERT_OK(w_.CreateOrgUnit(OrgUnitId(6), "NEW", Unit("New", kHq), kJun1, kJun1));
  EXPECT_STATUS_CODE(w_.CreateOrgUnit(OrgUnitId(7), "SUB", Unit("Sub", OrgUnitId(6)), kMay1, kJun1),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(w_.CreateOrgUnit(kHq, "HQ", Unit("Again", OrgUnitId()), kMay1, kJun1),
                     absl::StatusCode::kAlreadyExists);
}

TEST_F(WorkforceTest, ClosingAUnitNeedsItEmpty) {
  ASSERT_OK(w_.CreateOrgUnit(kTax, "TAX", Unit("Tax", kFin), kStart, kStart));
  const absl::Status child = w_.CloseOrgUnit(kFin, kJun1, kJun1);
  EXPECT_STATUS_CODE(child, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(child), HasSubstr("org_unit:2: status: cannot close: child org_unit:4 is open on 2024-06-01"));
  ASSERT_OK(w_.CloseOrgUnit(kTax, kJun1, kJun1));

  AddHired(1, kAnalyst);
  const absl::Status staffed = w_.CloseOrgUnit(kFin, kJun1, kJun1);
  EXPECT_STATUS_CODE(staffed, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(staffed), HasSubstr("employee:1 holds position:21 in it on 2024-06-01"));
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 5, 31)), kJun1));

  const absl::Status seats = w_.CloseOrgUnit(kFin, kJun1, kJun1);
  EXPECT_STATUS_CODE(seats, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(seats), HasSubstr("position:20 in it is open on 2024-06-01"));
  ASSERT_OK(w_.ClosePosition(kAnalyst, kJun1, kJun1));
  ASSERT_OK(w_.ClosePosition(kFinLead, kJun1, kJun1));
  ASSERT_OK(w_.CloseOrgUnit(kFin, kJun1, kJun1));
  EXPECT_EQ(w_.FindOrgUnit(kFin)->history.At(kJun1)->status, OrgUnitStatus::kClosed);
  EXPECT_STATUS_CODE(w_.CloseOrgUnit(kFin, kAug1, kAug1), absl::StatusCode::kFailedPrecondition);
}

TEST_F(WorkforceTest, BackdatedRenameCarriesIntoALaterMove) {
  ASSERT_OK(w_.MoveOrgUnit(kFin, kOps, kJun1, kMay1));
  ASSERT_OK(w_.RenameOrgUnit(kFin, "Finance & Control", kMar1, kAug1));
  const OrgUnit& fin = *w_.FindOrgUnit(kFin);
  EXPECT_EQ(fin.history.At(kMar1)->name, "Finance & Control");
  EXPECT_EQ(fin.history.At(kJun1)->name, "Finance & Control");
  EXPECT_EQ(fin.history.At(kJun1)->parent, kOps);
  // As known before the rename was entered.
  EXPECT_EQ(fin.history.AsKnownOn(Date(2024, 7, 31)).At(kJun1)->name, "Finance");
}

// ---------------------------------------------------------------------------
// Acting managers

TEST_F(WorkforceTest, ActingManagerMustBeEmployed) {
  AddHired(1, kFinLead);
  AddHired(2, kAnalyst);
  AddHired(3, kOpsLead, 1.0, kJun1);
  EXPECT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMar1, EmployeeId(1), "COVER"}, kMar1));
  EXPECT_EQ(w_.FindEmployee(EmployeeId(2))->employment.At(kMar1)->acting_manager, EmployeeId(1));
  const absl::Status unknown = w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMay1, EmployeeId(99), ""}, kMay1);
  EXPECT_STATUS_CODE(unknown, absl::StatusCode::kNotFound);
  // Employee 3 starts on 06-01: not employed on 05-01.
  const absl::Status early = w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMay1, EmployeeId(3), ""}, kMay1);
  EXPECT_STATUS_CODE(early, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(early), HasSubstr("employee:2: acting_manager: employee:3 is not employed on 2024-05-01"));
  EXPECT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kJun1, EmployeeId(3), ""}, kJun1));
}

TEST_F(WorkforceTest, AnActingManagerCannotLeaveWhileStillActing) {
  AddHired(1, kFinLead);
  AddHired(2, kAnalyst);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMar1, EmployeeId(1), ""}, kMar1));
  const absl::Status leaving = w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 5, 31)), kMay1);
  EXPECT_STATUS_CODE(leaving, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(leaving),
              HasSubstr("employee:1: termination: still the acting manager of employee:2 on 2024-06-01"));
  ASSERT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kJun1, EmployeeId(), ""}, kMay1));
  EXPECT_OK(w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 5, 31)), kMay1));
  // A terminated person cannot become acting manager.
  AddHired(3, kOpsClerk);
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(3), ManagerChangeEvent{kAug1, EmployeeId(1), ""}, kAug1),
                     absl::StatusCode::kFailedPrecondition);
}

// ---------------------------------------------------------------------------
// Backdated events across entities

TEST_F(WorkforceTest, BackdatedTransferIsCheckedOnEveryLaterDay) {
  AddHired(1, kAnalyst);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), FteChangeEvent{kJun1, 0.8, ""}, kJun1));
  AddHired(2, kOpsLead, 1.0, kMay1);  // ops lead filled from 05-01
  // Backdated: employee 1 to the ops lead seat from 03-01. Fine in March and
  // April, but carried into the 06-01 record it gives 1.0 + 0.8 = 1.8 > 1.0 on 05-01.
  const absl::Status r = w_.ApplyEvent(EmployeeId(1), TransferEvent{kMar1, kOpsLead, {}, {}, ""}, kJun1);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("position:30: fte_budget: holders would hold 2 FTE on 2024-05-01"));
  EXPECT_EQ(w_.FindEmployee(EmployeeId(1))->employment.size(), 2u);
}

TEST_F(WorkforceTest, BackdatedTransferIntoAPositionClosedLaterIsRejected) {
  ASSERT_OK(w_.CreatePosition(PositionId(40), Seat(kOps, kOpsLead), kStart, kStart));
  ASSERT_OK(w_.ClosePosition(PositionId(40), kJun1, kStart));
  AddHired(1, kAnalyst);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), FteChangeEvent{kAug1, 0.8, ""}, kAug1));
  const absl::Status r = w_.ApplyEvent(EmployeeId(1), TransferEvent{kMar1, PositionId(40), {}, {}, ""}, kAug1);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("position:40 is closed on 2024-06-01 while held"));
}

TEST_F(WorkforceTest, BackdatedTransferCarriesForwardThroughTheWorkforce) {
  AddHired(1, kAnalyst);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), FteChangeEvent{kMay1, 0.8, ""}, kMay1));
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), TransferEvent{kMar1, kOpsClerk, {}, {}, "FIX"}, kJun1));
  EXPECT_THAT(w_.HoldersOn(kOpsClerk, kMay1), ElementsAre(EmployeeId(1)));
  EXPECT_TRUE(w_.HoldersOn(kAnalyst, kMay1).empty());
  EXPECT_DOUBLE_EQ(w_.HeldFteOn(kOpsClerk, kMay1), 0.8);
  const Employee& e = *w_.FindEmployee(EmployeeId(1));
  EXPECT_EQ(e.employment.AsKnownOn(kMay1).At(kMay1)->position, kAnalyst);
}

TEST_F(WorkforceTest, RehireIntoAnOpenSeatKeepsHistory) {
  AddHired(1, kOpsClerk);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), Leave(Date(2024, 2, 29)), kMar1));
  AddHired(2, kOpsClerk, 1.0, kMar1);
  RehireEvent back;
  back.effective = kJun1;
  back.position = kOpsClerk;
  back.location = kBerlin;
  EXPECT_STATUS_CODE(w_.ApplyEvent(EmployeeId(1), back, kJun1), absl::StatusCode::kFailedPrecondition);  // full
  back.position = kAnalyst;
  ASSERT_OK(w_.ApplyEvent(EmployeeId(1), back, kJun1));
  const Employee& e = *w_.FindEmployee(EmployeeId(1));
  EXPECT_EQ(e.employment.At(kStart)->position, kOpsClerk);
  EXPECT_EQ(e.employment.At(kJun1)->position, kAnalyst);
  EXPECT_EQ(EmploymentPeriods(e).size(), 2u);
}

}  // namespace
}  // namespace hrkit

namespace hrkit {
namespace {

TEST_F(WorkforceTest, ActingManagersCannotManageEachOther) {
  AddHired(1, kFinLead);
  AddHired(2, kAnalyst);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMar1, EmployeeId(1), ""}, kMar1));
  const absl::Status mutual = w_.ApplyEvent(EmployeeId(1), ManagerChangeEvent{kMay1, EmployeeId(2), ""}, kMay1);
  EXPECT_STATUS_CODE(mutual, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(mutual), HasSubstr("employee:1: reporting_line: the reporting lines would form a cycle on "
                                         "2024-05-01: employee:1 -> employee:2 -> employee:1"));
}

TEST_F(WorkforceTest, FromEntitiesRebuildsTheIndexesAndChecksReferences) {
  AddHired(1, kFinLead);
  AddHired(2, kAnalyst, 0.5);
  ASSERT_OK(w_.ApplyEvent(EmployeeId(2), ManagerChangeEvent{kMar1, EmployeeId(1), ""}, kMar1));
  std::vector<Location> locations;
  for (const Location* l : w_.Locations()) locations.push_back(*l);
  std::vector<OrgUnit> units;
  for (const OrgUnit* u : w_.OrgUnits()) units.push_back(*u);
  std::vector<Position> positions;
  for (const Position* p : w_.Positions()) positions.push_back(*p);
  std::vector<Employee> employees;
  for (const Employee* e : w_.Employees()) employees.push_back(*e);

  ASSERT_OK_AND_ASSIGN(Workforce loaded, Workforce::FromEntities(locations, units, positions, employees));
  EXPECT_EQ(loaded.employee_count(), 2u);
  EXPECT_THAT(loaded.HoldersOn(kAnalyst, kMar1), ElementsAre(EmployeeId(2)));
  EXPECT_EQ(loaded.FindEmployeeByNumber("E1")->id, EmployeeId(1));
  // The rebuilt indexes drive the same checks: the acting manager cannot leave,
  // and the analyst seat (budget 2.0, 0.5 held) takes at most 1.5 more.
  EXPECT_STATUS_CODE(loaded.ApplyEvent(EmployeeId(1), Leave(Date(2024, 5, 31)), kMay1),
                     absl::StatusCode::kFailedPrecondition);
  Employee third;
  third.id = EmployeeId(3);
  third.employee_number = "E3";
  ASSERT_OK(loaded.AddEmployee(third));
  // 0.5 + 1.5 = 2.0: exactly the budget.
  EXPECT_OK(loaded.ApplyEvent(EmployeeId(3), Hire(kAnalyst, 1.5, kMay1), kMay1));
  Employee fourth;
  fourth.id = EmployeeId(4);
  fourth.employee_number = "E4";
  ASSERT_OK(loaded.AddEmployee(fourth));
  EXPECT_STATUS_CODE(loaded.ApplyEvent(EmployeeId(4), Hire(kAnalyst, 0.1, kMay1), kMay1),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(loaded.AddEmployee(third), absl::StatusCode::kAlreadyExists);

  // Dangling references and duplicates.
  std::vector<Position> orphan = positions;
  orphan[0].history = Timeline<PositionRecord>();
  ASSERT_OK(orphan[0].history.Add(kStart, Seat(OrgUnitId(77), PositionId()), kStart));
  const auto bad = Workforce::FromEntities(locations, units, orphan, employees);
  EXPECT_STATUS_CODE(bad, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(bad), HasSubstr("position:10: org_unit: org_unit:77 does not exist"));
  std::vector<Employee> twins = employees;
  twins[1].employee_number = twins[0].employee_number;
  EXPECT_STATUS_CODE(Workforce::FromEntities(locations, units, positions, twins), absl::StatusCode::kAlreadyExists);
  std::vector<Employee> no_seat = {employees[1]};  // acting manager employee:1 missing
  EXPECT_STATUS_CODE(Workforce::FromEntities(locations, units, positions, no_seat), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit
