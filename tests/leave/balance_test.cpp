#include "hrkit/leave/balance.hpp"

#include <vector>

#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/policy_candidates.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

constexpr double kTol = 1e-9;
const EmployeeId kEmployee(7);
const LeaveTypeId kAnnual(1);
const LocationId kBerlin(1);
const LocationId kMunich(2);

// Employee 7, hired 2020-01-01 in Berlin (whose calendar has 1 May), moved
// to Munich (no calendar) on 2024-07-01. Policy 1 (24 a year) applies in
// Berlin, policy 2 (30 a year) in Munich, both from 2024-01-01. One request
// approved (2024-04-30..05-02), one cancelled, one adjustment of +1.5.
struct World {
  std::vector<Employee> employees;
  std::vector<OrgUnit> units;
  std::vector<Position> positions;
  std::vector<Location> locations;
  std::vector<WorkSchedule> schedules;
  std::vector<HolidayCalendar> calendars;
  std::vector<LeaveType> types;
  std::vector<LeavePolicy> policies;
  std::vector<PolicyAssignment> assignments;
  std::vector<LeaveRequest> requests;
  std::vector<LeaveAdjustment> adjustments;

  World() {
    const Date hire(2020, 1, 1);
    units.resize(1);
    units[0].id = OrgUnitId(10);
    EXPECT_OK(units[0].history.Add(hire, OrgUnitRecord{"Company", OrgUnitId(), OrgUnitStatus::kOpen, ""}, hire));
    positions.resize(1);
    positions[0].id = PositionId(100);
    PositionRecord pr;
    pr.org_unit = OrgUnitId(10);
    EXPECT_OK(positions[0].history.Add(hire, pr, hire));
    calendars = {HolidayCalendar{HolidayCalendarId(1), "Berlin", {FixedHoliday("Labour Day", 5, 1)}}};
    locations = {Location{kBerlin, "Berlin", "DE", HolidayCalendarId(1), WorkScheduleId()},
                 Location{kMunich, "Munich", "DE", HolidayCalendarId(), WorkScheduleId()}};
    Employee e;
    e.id = kEmployee;
    EmploymentRecord r;
    r.position = PositionId(100);
    r.location = kBerlin;
    r.employment_start = r.seniority_start = hire;
    EXPECT_OK(e.employment.Add(hire, r, hire));
    r.location = kMunich;
    r.event = EmploymentEvent::kTransfer;
    EXPECT_OK(e.employment.Add(Date(2024, 7, 1), r, Date(2024, 6, 1)));
    employees = {e};
    types = {LeaveType{kAnnual, "Annual", true, LeaveUnit::kDays}};
    policies = {Policy(1, 24, kBerlin), Policy(2, 30, kMunich)};
    requests = {Request(1, Date(2024, 4, 30), Date(2024, 5, 2), LeaveRequestStatus::kApproved),
                Request(2, Date(2024, 8, 5), Date(2024, 8, 6), LeaveRequestStatus::kCancelled)};
    LeaveAdjustment a;
    a.id = LeaveAdjustmentId(1);
    a.employee = kEmployee;
    a.leave_type = kAnnual;
    a.effective = a.recorded_on = Date(2024, 3, 1);
    a.amount = 1.5;
    adjustments = {a};
  }

  static LeavePolicy Policy(std::int64_t id, double amount, LocationId where) {
    LeavePolicy p{LeavePolicyId(id), "P", kAnnual, {}, 0};
    LeavePolicyVersion v;
    v.amount_per_year = amount;
    v.eligibility.locations = {where};
    EXPECT_OK(p.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1)));
    return p;
  }

  static LeaveRequest Request(std::int64_t id, Date first, Date last, LeaveRequestStatus status) {
    LeaveRequest r;
    r.id = LeaveRequestId(id);
    r.employee = kEmployee;
    r.leave_type = kAnnual;
    r.first_day = first;
    r.last_day = last;
    r.status = status;
    r.submitted_on = Date(2024, 4, 1);
    return r;
  }

  LeaveFacts Facts() const {
    return LeaveFacts{employees, units,    positions,   locations, schedules,  calendars,
                      types,     policies, assignments, requests,  adjustments};
  }
};

// The same balance wired by hand from the building blocks.
absl::StatusOr<double> HandWired(const World& w, Date as_of) {
  const Employee& e = w.employees[0];
  HRKIT_ASSIGN_OR_RETURN(const OrgLookup lookup, OrgLookup::Build(w.units, w.positions));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(w.policies));
  const Period range(Date(2020, 1, 1), as_of + boost::gregorian::days(1));
  HRKIT_ASSIGN_OR_RETURN(std::vector<PolicySegment> segments,
                         ResolvePolicySegments(e, candidates, w.assignments, lookup, range));
  const WorkSchedule monday_to_friday = DefaultWorkSchedule();
  const HolidayCalendar none{};
  const DaySchedules schedules(e.employment, w.schedules, w.locations, monday_to_friday);
  const DayHolidays holidays(e.employment, w.locations, w.calendars, none);
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> taken,
                         TakenDaysOf(w.requests, kEmployee, kAnnual, schedules, holidays));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LedgerAdjustment> adjustments,
                         AdjustmentsOf(w.adjustments, kEmployee, kAnnual));
  HRKIT_ASSIGN_OR_RETURN(
      const std::vector<LedgerEntry> ledger,
      ComputeLedger(AccrualFacts{kEmployee, kAnnual, &e.employment, segments, w.policies, taken, adjustments, 0.0},
                    range));
  return Balance(ledger, as_of);
}

TEST(LeaveBalanceOn, AgreesWithTheHandWiredPathAndTheWorkedNumbers) {
  const World w;
  // January..June under policy 1: 6 x 2 = 12; July..December under policy 2:
  // 6 x 2.5 = 15. Taken: 2024-04-30 (Tuesday) and 05-02 (Thursday); 05-01 is
  // a Berlin holiday: 2. The cancelled request takes nothing. Adjustment
  // +1.5. On 2024-06-30: 12 - 2 + 1.5 = 11.5; on 2024-12-31: 27 - 2 + 1.5 = 26.5.
  ASSERT_OK_AND_ASSIGN(double june, LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, Date(2024, 6, 30)));
  EXPECT_NEAR(june, 11.5, kTol);
  ASSERT_OK_AND_ASSIGN(double year_end, LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, Date(2024, 12, 31)));
  EXPECT_NEAR(year_end, 26.5, kTol);
  for (const Date d : {Date(2024, 2, 29), Date(2024, 5, 1), Date(2024, 6, 30), Date(2024, 12, 31)}) {
    ASSERT_OK_AND_ASSIGN(double hand, HandWired(w, d));
    ASSERT_OK_AND_ASSIGN(double one_call, LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, d));
    EXPECT_EQ(one_call, hand) << FormatIsoDate(d);
  }
}

TEST(LeaveBalanceOn, AnExplicitAssignmentWins) {
  World w;
  // Policy 2 assigned for the whole of 2024: 12 x 2.5 = 30 - 2 + 1.5 = 29.5.
  w.assignments = {PolicyAssignment{PolicyAssignmentId(1), kEmployee, kAnnual, LeavePolicyId(2), Date(2024, 1, 1),
                                    Date(2025, 1, 1)}};
  ASSERT_OK_AND_ASSIGN(double year_end, LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, Date(2024, 12, 31)));
  EXPECT_NEAR(year_end, 29.5, kTol);
  ASSERT_OK_AND_ASSIGN(double hand, HandWired(w, Date(2024, 12, 31)));
  EXPECT_EQ(year_end, hand);
}

TEST(LeaveBalanceOn, BeforeEmploymentAndErrors) {
  const World w;
  ASSERT_OK_AND_ASSIGN(double before, LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, Date(2019, 12, 31)));
  EXPECT_EQ(before, 0.0);
  EXPECT_STATUS_CODE(LeaveBalanceOn(w.Facts(), EmployeeId(8), kAnnual, Date(2024, 1, 1)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(LeaveBalanceOn(w.Facts(), kEmployee, LeaveTypeId(9), Date(2024, 1, 1)),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(LeaveBalanceOn(w.Facts(), kEmployee, kAnnual, OpenEnd()), absl::StatusCode::kInvalidArgument);
  World no_units = w;
  no_units.positions.clear();  // the employee's position is unknown
  EXPECT_STATUS_CODE(LeaveBalanceOn(no_units.Facts(), kEmployee, kAnnual, Date(2024, 6, 1)),
                     absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit
