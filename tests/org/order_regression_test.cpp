// Regression tests for issue 14: two facts entered in either order must get
// the same verdict. Each defect found by the order property test
// (order_property_test.cpp) is entered in both orders; in both, the second
// fact is refused with FailedPrecondition, the message names the entity
// edited and the day of the conflict, the refusal changes nothing, and the
// organization still builds a snapshot on the days around the conflict.
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::AllOf;
using ::testing::AnyOf;
using ::testing::HasSubstr;

const Date kStart(2024, 1, 1);
const Date kJun1(2024, 6, 1);
const Date kJun30(2024, 6, 30);
const Date kJul1(2024, 7, 1);
const Date kSep1(2024, 9, 1);
const Date kJan1(2025, 1, 1);
const Date kFeb1(2025, 2, 1);
const Date kToday(2025, 3, 1);  // every edit is entered on this day

const LocationId kSite(1);
const OrgUnitId kHq(1), kOps(2);
// position:10 is the top seat; 20, 30, 40-42, 50, 60 report to it; 21 and
// 32 are top seats of their own.
const PositionId kCeo(10), kUnderCeo(20), kApart(21), kBoss(30), kClerk(31), kLoose(32), kSeat3(40), kSeat4(41),
    kSeat5(42), kFifty(50), kSixty(60);

PositionRecord Seat(OrgUnitId unit, PositionId reports_to) {
  return PositionRecord{.org_unit = unit, .title = "seat", .reports_to = reports_to};
}

class OrderRegressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK(w_.AddLocation(Location{kSite, "Site", "DE", {}, {}}));
    ASSERT_OK(w_.CreateOrgUnit(kHq, "HQ", OrgUnitRecord{.name = "HQ"}, kStart, kToday));
    ASSERT_OK(w_.CreateOrgUnit(kOps, "OPS", OrgUnitRecord{.name = "Ops", .parent = kHq}, kStart, kToday));
    ASSERT_OK(w_.CreatePosition(kCeo, Seat(kHq, PositionId()), kStart, kToday));
    ASSERT_OK(w_.CreatePosition(kApart, Seat(kOps, PositionId()), kStart, kToday));
    ASSERT_OK(w_.CreatePosition(kLoose, Seat(kOps, PositionId()), kStart, kToday));
    for (const PositionId p : {kUnderCeo, kBoss, kSeat3, kSeat4, kSeat5, kFifty, kSixty}) {
      ASSERT_OK(w_.CreatePosition(p, Seat(kOps, kCeo), kStart, kToday));
    }
    for (int id = 1; id <= 9; ++id) {
      Employee e;
      e.id = EmployeeId(id);
      e.employee_number = absl::StrCat("E", id);
      ASSERT_OK(w_.AddEmployee(e));
    }
  }

  absl::Status Hire(int id, PositionId seat, Date day = kStart) {
    return w_.ApplyEvent(EmployeeId(id), HireEvent{.effective = day, .position = seat, .location = kSite}, kToday);
  }
  absl::Status Acting(int id, int manager, Date day) {
    return w_.ApplyEvent(EmployeeId(id), ManagerChangeEvent{.effective = day, .acting_manager = EmployeeId(manager)},
                         kToday);
  }
  absl::Status Transfer(int id, PositionId seat, Date day) {
    return w_.ApplyEvent(EmployeeId(id), TransferEvent{.effective = day, .position = seat}, kToday);
  }
  absl::Status Terminate(int id, Date last_day) {
    return w_.ApplyEvent(EmployeeId(id), TerminationEvent{.last_day = last_day, .kind = TerminationKind::kVoluntary},
                         kToday);
  }

  // Runs `edit`, which must be refused with FailedPrecondition and a message
  // naming `entity` and one of `days`, and must change nothing.
  void ExpectRefused(const std::function<absl::Status()>& edit, const std::string& entity,
                     std::vector<std::string> days) {
    std::vector<Employee> employees;
    for (const Employee* e : w_.Employees()) employees.push_back(*e);
    std::vector<Position> positions;
    for (const Position* p : w_.Positions()) positions.push_back(*p);
    const absl::Status s = edit();
    EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
    std::vector<::testing::Matcher<std::string>> any_day;
    for (const std::string& d : days) any_day.push_back(HasSubstr(d));
    EXPECT_THAT(Message(s), HasSubstr(entity));
    EXPECT_THAT(Message(s), ::testing::AnyOfArray(any_day));
    if (s.ok()) return;  // accepted: nothing to compare
    std::vector<Employee> employees_after;
    for (const Employee* e : w_.Employees()) employees_after.push_back(*e);
    std::vector<Position> positions_after;
    for (const Position* p : w_.Positions()) positions_after.push_back(*p);
    EXPECT_TRUE(employees_after == employees) << "the refused edit changed an employee";
    EXPECT_TRUE(positions_after == positions) << "the refused edit changed a position";
  }

  void ExpectBuilds(std::initializer_list<Date> days) {
    for (const Date d : days) {
      const absl::StatusOr<OrgSnapshot> built = OrgSnapshot::Build(w_, d);
      EXPECT_TRUE(built.ok()) << "OrgSnapshot::Build on " << FormatIsoDate(d) << ": " << built.status();
    }
  }

  Workforce w_;
};

// ---- 1. A reporting line to a seat that closes later ----------------------
// position:30 closes on 2025-01-01; position:31 reporting to it from
// 2024-06-01 would report to a closed seat from 2025-01-01 on.

TEST_F(OrderRegressionTest, CloseThenBackdatedReportingLineIsRefused) {
  ASSERT_OK(w_.ClosePosition(kBoss, kJan1, kToday));
  ExpectRefused([&] { return w_.CreatePosition(kClerk, Seat(kOps, kBoss), kJun1, kToday); }, "position:31",
                {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

TEST_F(OrderRegressionTest, ReportingLineThenCloseIsRefused) {
  ASSERT_OK(w_.CreatePosition(kClerk, Seat(kOps, kBoss), kJun1, kToday));
  ExpectRefused([&] { return w_.ClosePosition(kBoss, kJan1, kToday); }, "position:30", {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

TEST_F(OrderRegressionTest, CloseThenBackdatedChangeOfReportingLineIsRefused) {
  ASSERT_OK(w_.ClosePosition(kBoss, kJan1, kToday));
  ExpectRefused([&] { return w_.ChangePosition(kLoose, Seat(kOps, kBoss), kJun1, kToday); }, "position:32",
                {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

TEST_F(OrderRegressionTest, ChangeOfReportingLineThenCloseIsRefused) {
  ASSERT_OK(w_.ChangePosition(kLoose, Seat(kOps, kBoss), kJun1, kToday));
  ExpectRefused([&] { return w_.ClosePosition(kBoss, kJan1, kToday); }, "position:30", {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

// ---- 2. Acting-manager cycles longer than two -----------------------------
// employee:1 holds the top seat; employee:2 holds position:20 (reporting to
// it) from 2024-06-01. employee:2 as acting manager of employee:1 from
// 2024-09-01 makes 1 -> 2 -> 1 through the position line.

TEST_F(OrderRegressionTest, ActingManagerBelowThroughThePositionLineIsRefused) {
  ASSERT_OK(Hire(1, kCeo));
  ASSERT_OK(Hire(2, kApart));
  ASSERT_OK(Transfer(2, kUnderCeo, kJun1));
  ExpectRefused([&] { return Acting(1, 2, kSep1); }, "employee:1", {"2024-09-01"});
  ExpectBuilds({kJun1, kSep1, kJan1});
}

TEST_F(OrderRegressionTest, MoveBelowOnesOwnActingReportIsRefused) {
  ASSERT_OK(Hire(1, kCeo));
  ASSERT_OK(Hire(2, kApart));
  ASSERT_OK(Acting(1, 2, kSep1));  // employee:2 is in a top seat of their own: no cycle
  ExpectRefused([&] { return Transfer(2, kUnderCeo, kJun1); }, "employee:2", {"2024-09-01", "2024-06-01"});
  ExpectBuilds({kJun1, kSep1, kJan1});
}

// employees 3, 4, 5: 3's acting manager 4, 4's is 5, then 5's would be 3.
TEST_F(OrderRegressionTest, RingOfThreeActingManagersIsRefused) {
  ASSERT_OK(Hire(3, kSeat3));
  ASSERT_OK(Hire(4, kSeat4));
  ASSERT_OK(Hire(5, kSeat5));
  ASSERT_OK(Acting(3, 4, kJun1));
  ASSERT_OK(Acting(4, 5, kJun1));
  ExpectRefused([&] { return Acting(5, 3, kJun1); }, "employee:5", {"2024-06-01"});
  ExpectBuilds({kJun1, kJan1});
}

// The same ring closed at another edge, with the edges on different days:
// the ring exists from 2025-01-01, the day its last edge starts.
TEST_F(OrderRegressionTest, RingOfThreeClosedByABackdatedEdgeIsRefused) {
  ASSERT_OK(Hire(3, kSeat3));
  ASSERT_OK(Hire(4, kSeat4));
  ASSERT_OK(Hire(5, kSeat5));
  ASSERT_OK(Acting(5, 3, kJan1));
  ASSERT_OK(Acting(3, 4, kJun1));
  ExpectRefused([&] { return Acting(4, 5, kJun1); }, "employee:4", {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

// ---- 3. Two people managing each other, entered out of date order ---------
// employee:4's acting manager is employee:3 from 2025-01-01, employee:3's is
// employee:4 from 2024-06-01: from 2025-01-01 they manage each other.

TEST_F(OrderRegressionTest, MutualActingManagersEnteredLateFirstIsRefused) {
  ASSERT_OK(Hire(3, kSeat3));
  ASSERT_OK(Hire(4, kSeat4));
  ASSERT_OK(Acting(4, 3, kJan1));
  ExpectRefused([&] { return Acting(3, 4, kJun1); }, "employee:3", {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1});
}

TEST_F(OrderRegressionTest, MutualActingManagersEnteredEarlyFirstIsRefused) {
  ASSERT_OK(Hire(3, kSeat3));
  ASSERT_OK(Hire(4, kSeat4));
  ASSERT_OK(Acting(3, 4, kJun1));
  ExpectRefused([&] { return Acting(4, 3, kJan1); }, "employee:4", {"2025-01-01"});
  ExpectBuilds({kJun1, kJan1});
}

// ---- 4. A termination dated before a later event --------------------------
// A transfer (or a leave) on 2024-07-01 and a last day of 2024-06-30: the
// person is not employed on the day of the transfer.

TEST_F(OrderRegressionTest, TransferThenEarlierLastDayIsRefused) {
  ASSERT_OK(Hire(6, kSeat3));
  ASSERT_OK(Transfer(6, kSeat4, kJul1));
  ExpectRefused([&] { return Terminate(6, kJun30); }, "employee:6", {"2024-07-01"});
  EXPECT_EQ(RecordOn(*w_.FindEmployee(EmployeeId(6)), kSep1)->position, kSeat4);
  ExpectBuilds({kJun30, kJul1});
}

TEST_F(OrderRegressionTest, LastDayThenLaterTransferIsRefused) {
  ASSERT_OK(Hire(6, kSeat3));
  ASSERT_OK(Terminate(6, kJun30));
  ExpectRefused([&] { return Transfer(6, kSeat4, kJul1); }, "employee:6", {"2024-07-01"});
  ExpectBuilds({kJun30, kJul1});
}

TEST_F(OrderRegressionTest, LeaveThenEarlierLastDayIsRefused) {
  ASSERT_OK(Hire(6, kSeat3));
  ASSERT_OK(w_.ApplyEvent(EmployeeId(6), LeaveOfAbsenceEvent{.effective = kJul1}, kToday));
  ExpectRefused([&] { return Terminate(6, kJun30); }, "employee:6", {"2024-07-01"});
  EXPECT_EQ(RecordOn(*w_.FindEmployee(EmployeeId(6)), kSep1)->status, EmploymentStatus::kOnLeave);
}

TEST_F(OrderRegressionTest, LastDayThenLaterLeaveIsRefused) {
  ASSERT_OK(Hire(6, kSeat3));
  ASSERT_OK(Terminate(6, kJun30));
  ExpectRefused([&] { return w_.ApplyEvent(EmployeeId(6), LeaveOfAbsenceEvent{.effective = kJul1}, kToday); },
                "employee:6", {"2024-07-01"});
}

// ---- 5. A freeze dated before someone enters the seat ---------------------
// A hire into position:50 on 2024-09-01 and a freeze from 2024-06-01: the
// hire would enter a frozen seat.

TEST_F(OrderRegressionTest, HireThenEarlierFreezeIsRefused) {
  ASSERT_OK(Hire(7, kFifty, kSep1));
  ExpectRefused([&] { return w_.FreezePosition(kFifty, kJun1, kToday); }, "position:50", {"2024-09-01"});
  ExpectBuilds({kJun1, kSep1});
}

TEST_F(OrderRegressionTest, FreezeThenLaterHireIsRefused) {
  ASSERT_OK(w_.FreezePosition(kFifty, kJun1, kToday));
  ExpectRefused([&] { return Hire(7, kFifty, kSep1); }, "position:50", {"2024-09-01"});
  ExpectBuilds({kJun1, kSep1});
}

// ---- 6. A close dated before a later status change ------------------------
// position:60 frozen from 2025-01-01 and closed from 2024-06-01: a closed
// seat cannot be frozen, so the later freeze would reopen it.

TEST_F(OrderRegressionTest, FreezeThenEarlierCloseIsRefused) {
  ASSERT_OK(w_.FreezePosition(kSixty, kJan1, kToday));
  ExpectRefused([&] { return w_.ClosePosition(kSixty, kJun1, kToday); }, "position:60", {"2025-01-01"});
  EXPECT_EQ(w_.FindPosition(kSixty)->history.At(kFeb1)->status, PositionStatus::kFrozen);
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

TEST_F(OrderRegressionTest, CloseThenLaterFreezeIsRefused) {
  ASSERT_OK(w_.ClosePosition(kSixty, kJun1, kToday));
  ExpectRefused([&] { return w_.FreezePosition(kSixty, kJan1, kToday); }, "position:60", {"2025-01-01"});
  EXPECT_EQ(w_.FindPosition(kSixty)->history.At(kFeb1)->status, PositionStatus::kClosed);
  EXPECT_STATUS_CODE(Hire(8, kSixty, kFeb1), absl::StatusCode::kFailedPrecondition);
  ExpectBuilds({kJun1, kJan1, kFeb1});
}

}  // namespace
}  // namespace hrkit
