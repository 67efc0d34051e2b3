// Backdated edits: the same two facts entered in either order get the same
// verdict. Each case enters fact A then B on one workforce and B then A on
// another; the second fact is refused in both (the two cannot hold
// together), with FailedPrecondition and a message naming the entity and the
// day, and every state left behind builds a snapshot on every day checked.
#include <cstdint>
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

using ::testing::HasSubstr;

const Date kStart(2024, 1, 1);
const LocationId kBerlin(1);
const OrgUnitId kHq(1), kOps(2);
const PositionId kCeo(10), kLead(20), kAnalyst(21), kClerk(22);

PositionRecord Seat(PositionId reports_to, double budget = 1.0) {
  PositionRecord r;
  r.org_unit = reports_to.valid() ? kOps : kHq;
  r.job_code = "J";
  r.title = "seat";
  r.fte_budget = budget;
  r.reports_to = reports_to;
  return r;
}

HireEvent Hire(PositionId position, Date effective = kStart) {
  HireEvent h;
  h.effective = effective;
  h.position = position;
  h.location = kBerlin;
  return h;
}

ManagerChangeEvent Acting(EmployeeId manager, Date effective) { return {effective, manager, ""}; }

// HQ with the CEO seat; Operations below it with a lead (reports to the CEO),
// two analyst FTE and a clerk (both report to the lead). Employees 1..5 exist;
// 1 is the CEO, 2 the lead; 3, 4 analysts and 5 the clerk.
Workforce BaseWorkforce(bool hire_staff = true) {
  Workforce w;
  EXPECT_OK(w.AddLocation(Location{kBerlin, "Berlin", "DE", {}, {}}));
  EXPECT_OK(w.CreateOrgUnit(kHq, "HQ", {.name = "Head office"}, kStart, kStart));
  EXPECT_OK(w.CreateOrgUnit(kOps, "OPS", {.name = "Operations", .parent = kHq}, kStart, kStart));
  EXPECT_OK(w.CreatePosition(kCeo, Seat(PositionId()), kStart, kStart));
  EXPECT_OK(w.CreatePosition(kLead, Seat(kCeo), kStart, kStart));
  EXPECT_OK(w.CreatePosition(kAnalyst, Seat(kLead, 2.0), kStart, kStart));
  EXPECT_OK(w.CreatePosition(kClerk, Seat(kLead), kStart, kStart));
  const PositionId seats[] = {kCeo, kLead, kAnalyst, kAnalyst, kClerk};
  for (std::int64_t id = 1; id <= 5; ++id) {
    Employee e;
    e.id = EmployeeId(id);
    e.employee_number = absl::StrCat("E", id);
    EXPECT_OK(w.AddEmployee(std::move(e)));
    if (hire_staff) EXPECT_OK(w.ApplyEvent(EmployeeId(id), Hire(seats[id - 1]), kStart));
  }
  return w;
}

using Fact = std::function<absl::Status(Workforce&)>;

// Every state must build a snapshot on each of these days.
void ExpectSnapshotsBuild(const Workforce& w) {
  for (const Date d : {Date(2024, 6, 1), Date(2024, 7, 1), Date(2024, 9, 1), Date(2025, 1, 1), Date(2025, 2, 1)}) {
    EXPECT_TRUE(OrgSnapshot::Build(w, d).ok()) << FormatIsoDate(d);
  }
}

// Enters `first` then `second` into a copy of `base`: the first is
// accepted, the second refused with FailedPrecondition naming `expected`.
void ExpectSecondRefused(const Workforce& base, const Fact& first, const Fact& second,
                         const std::vector<std::string>& expected) {
  Workforce w = base;
  ASSERT_OK(first(w));
  const Workforce before = w;
  const absl::Status refused = second(w);
  EXPECT_STATUS_CODE(refused, absl::StatusCode::kFailedPrecondition);
  for (const std::string& part : expected) EXPECT_THAT(std::string(refused.message()), HasSubstr(part));
  // Nothing changed.
  for (const Employee* e : before.Employees()) EXPECT_EQ(*e, *w.FindEmployee(e->id));
  for (const Position* p : before.Positions()) EXPECT_EQ(*p, *w.FindPosition(p->id));
  ExpectSnapshotsBuild(w);
}

// A then B, and B then A: the second is refused either way.
void ExpectExclusive(const Workforce& base, const Fact& a, const Fact& b, const std::vector<std::string>& a_second,
                     const std::vector<std::string>& b_second) {
  {
    SCOPED_TRACE("A then B");
    ExpectSecondRefused(base, a, b, b_second);
  }
  {
    SCOPED_TRACE("B then A");
    ExpectSecondRefused(base, b, a, a_second);
  }
}

TEST(BackdatedEdits, ASeatCannotReportToASeatDueToClose) {
  Workforce base = BaseWorkforce();
  ASSERT_OK(base.CreatePosition(PositionId(30), Seat(kCeo), kStart, kStart));
  const Fact close = [](Workforce& w) { return w.ClosePosition(PositionId(30), Date(2025, 1, 1), kStart); };
  const Fact create = [](Workforce& w) {
    return w.CreatePosition(PositionId(31), Seat(PositionId(30)), Date(2024, 6, 1), kStart);
  };
  ExpectExclusive(base, close, create, {"position:30", "position:31 reports to it on 2025-01-01"},
                  {"position:31: reports_to: position:30 is closed on 2025-01-01"});
  // The same through ChangePosition of a seat that exists already.
  const Fact change = [](Workforce& w) {
    return w.ChangePosition(kClerk, Seat(PositionId(30)), Date(2024, 6, 1), kStart);
  };
  ExpectExclusive(base, close, change, {"position:30", "reports to it on 2025-01-01"},
                  {"position:22: reports_to: position:30 is closed on 2025-01-01"});
}

TEST(BackdatedEdits, AnActingManagerBelowThePersonIsACycle) {
  // The CEO's acting manager would be the lead, who reports to the CEO
  // through the position line: refused whatever the order.
  Workforce w = BaseWorkforce();
  const absl::Status s = w.ApplyEvent(EmployeeId(1), Acting(EmployeeId(2), Date(2024, 6, 1)), kStart);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("cycle on 2024-06-01: employee:1 -> employee:2 -> employee:1"));
  // The lead first moving under an acting manager does not change that.
  ExpectSnapshotsBuild(w);
}

TEST(BackdatedEdits, ARingOfActingManagersIsRefusedInEveryOrder) {
  const Workforce base = BaseWorkforce();
  // 3 -> 4 -> 5 -> 3 in all six orders: the third always closes the ring.
  const std::vector<std::pair<int, int>> links = {{3, 4}, {4, 5}, {5, 3}};
  std::vector<int> order = {0, 1, 2};
  do {
    Workforce w = base;
    for (int k = 0; k < 3; ++k) {
      const auto [who, manager] = links[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])];
      const absl::Status s = w.ApplyEvent(EmployeeId(who), Acting(EmployeeId(manager), Date(2024, 6, 1)), kStart);
      if (k < 2) {
        EXPECT_OK(s);
      } else {
        EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
        EXPECT_THAT(std::string(s.message()), HasSubstr("would form a cycle on 2024-06-01"));
      }
    }
    ExpectSnapshotsBuild(w);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(BackdatedEdits, TwoPeopleManagingEachOtherFromDifferentDays) {
  const Workforce base = BaseWorkforce();
  const Fact four = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(4), Acting(EmployeeId(3), Date(2025, 1, 1)), Date(2024, 6, 1));
  };
  const Fact three = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(3), Acting(EmployeeId(4), Date(2024, 6, 1)), Date(2024, 6, 1));
  };
  ExpectExclusive(base, four, three, {"employee:4", "cycle on 2025-01-01"}, {"employee:3", "cycle on 2025-01-01"});
}

TEST(BackdatedEdits, AnActingManagerWhoLeavesLaterCannotBeSetBackdated) {
  const Workforce base = BaseWorkforce();
  const Fact leaves = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(5), TerminationEvent{Date(2024, 12, 31), TerminationKind::kVoluntary, ""},
                        Date(2024, 6, 1));
  };
  const Fact acting = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(3), Acting(EmployeeId(5), Date(2024, 6, 1)), Date(2024, 6, 1));
  };
  ExpectExclusive(base, leaves, acting, {"employee:5: termination: still the acting manager of employee:3"},
                  {"employee:3: acting_manager: employee:5 is not employed on 2025-01-01"});
}

TEST(BackdatedEdits, ATerminationCannotSupersedeAnEventOnItsFirstDay) {
  const Workforce base = BaseWorkforce();
  const Fact transfer = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(3), TransferEvent{Date(2024, 7, 1), kClerk, {}, {}, ""}, Date(2024, 6, 1));
  };
  const Fact leave = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(3), LeaveOfAbsenceEvent{Date(2024, 7, 1), ""}, Date(2024, 6, 1));
  };
  const Fact terminate = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(3), TerminationEvent{Date(2024, 6, 30), TerminationKind::kVoluntary, ""},
                        Date(2024, 6, 1));
  };
  // The clerk's seat is taken: free it first so the transfer itself is fine.
  Workforce freed = base;
  ASSERT_OK(
      freed.ApplyEvent(EmployeeId(5), TerminationEvent{Date(2024, 3, 31), TerminationKind::kVoluntary, ""}, kStart));
  ExpectExclusive(freed, transfer, terminate, {"employee:3"},
                  {"employee:3: termination on 2024-07-01 contradicts the transfer on 2024-07-01"});
  ExpectExclusive(base, leave, terminate, {"employee:3"},
                  {"employee:3: termination on 2024-07-01 contradicts the leave of absence on 2024-07-01"});
  // A day earlier it is a later event, refused as before.
  Workforce w = freed;
  ASSERT_OK(transfer(w));
  EXPECT_THAT(
      std::string(w.ApplyEvent(EmployeeId(3), TerminationEvent{Date(2024, 6, 29), TerminationKind::kVoluntary, ""},
                               Date(2024, 6, 1))
                      .message()),
      HasSubstr("contradicts the later transfer on 2024-07-01"));
}

TEST(BackdatedEdits, ABackdatedFreezeCannotSkipALaterEntryIntoTheSeat) {
  Workforce base = BaseWorkforce();
  ASSERT_OK(base.CreatePosition(PositionId(50), Seat(kLead), kStart, kStart));
  Employee e;
  e.id = EmployeeId(9);
  e.employee_number = "E9";
  ASSERT_OK(base.AddEmployee(std::move(e)));
  const Fact hire = [](Workforce& w) {
    return w.ApplyEvent(EmployeeId(9), Hire(PositionId(50), Date(2024, 9, 1)), Date(2024, 9, 1));
  };
  const Fact freeze = [](Workforce& w) { return w.FreezePosition(PositionId(50), Date(2024, 6, 1), Date(2024, 9, 1)); };
  ExpectExclusive(
      base, hire, freeze, {"employee:9: position: position:50 is frozen on 2024-09-01"},
      {"position:50", "employee:9: position: position:50 is frozen on 2024-09-01, the day employee:9 enters it"});
}

TEST(BackdatedEdits, AClosedSeatDoesNotComeBack) {
  Workforce base = BaseWorkforce();
  ASSERT_OK(base.CreatePosition(PositionId(60), Seat(kLead), kStart, kStart));
  const Fact freeze = [](Workforce& w) { return w.FreezePosition(PositionId(60), Date(2025, 1, 1), kStart); };
  const Fact close = [](Workforce& w) { return w.ClosePosition(PositionId(60), Date(2024, 6, 1), kStart); };
  ExpectExclusive(base, freeze, close, {"position:60: status: only an open position can be frozen; it is closed"},
                  {"position:60: status: closed from 2024-06-01, yet frozen again on 2025-01-01"});
  // A backdated change of anything else after the close is refused too.
  const Fact retitle = [](Workforce& w) {
    PositionRecord r = Seat(kLead);
    r.title = "renamed";
    return w.ChangePosition(PositionId(60), r, Date(2025, 1, 1), kStart);
  };
  ExpectExclusive(base, retitle, close, {"position:60: status: is closed on 2025-01-01"},
                  {"position:60: status: closed from 2024-06-01, yet changed on 2025-01-01"});
}

TEST(BackdatedEdits, AStatusChangeCannotTurnALaterOneIntoANoOp) {
  Workforce base = BaseWorkforce();
  ASSERT_OK(base.CreatePosition(PositionId(60), Seat(kLead), kStart, kStart));
  const Fact late = [](Workforce& w) { return w.FreezePosition(PositionId(60), Date(2025, 1, 1), kStart); };
  const Fact early = [](Workforce& w) { return w.FreezePosition(PositionId(60), Date(2024, 6, 1), kStart); };
  ExpectExclusive(base, late, early, {"only an open position can be frozen; it is frozen on 2025-01-01"},
                  {"position:60: status: the change on 2024-06-01 contradicts the later status change on 2025-01-01"});
  // Closing a unit twice, the later one first.
  Workforce units = BaseWorkforce(false);
  ASSERT_OK(units.CreateOrgUnit(OrgUnitId(7), "X", {.name = "X", .parent = kHq}, kStart, kStart));
  ASSERT_OK(units.CloseOrgUnit(OrgUnitId(7), Date(2025, 1, 1), kStart));
  EXPECT_THAT(std::string(units.CloseOrgUnit(OrgUnitId(7), Date(2024, 6, 1), kStart).message()),
              HasSubstr("org_unit:7: status: the change on 2024-06-01 contradicts the later status change"));
}

}  // namespace
}  // namespace hrkit
