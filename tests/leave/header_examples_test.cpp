// The `// Example:` blocks of the leave and eligibility headers, copied here
// verbatim between "example:" and "end" markers so they compile (and run) on
// every build: a header example that stops compiling fails this test. Each
// test sets up the names its example uses.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/leave/balance.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/leave_adjustment.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_requests.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/negative_limit.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

// The facts the examples talk about: employee 7 hired on 2024-01-01 in
// location 1, working Monday to Friday, under policy `annual` (24 days a
// year) for leave type 1.
struct World {
  Employee employee;
  LeavePolicy annual{LeavePolicyId(1), "Annual", LeaveTypeId(1), {}, 0};
  std::vector<LeavePolicy> policies;
  std::vector<PolicySegment> segments;
  WorkSchedule schedule = DefaultWorkSchedule(WorkScheduleId(1));
  HolidayCalendar calendar{HolidayCalendarId(1), "None", {}};
  std::vector<Location> all_locations;
  std::vector<WorkSchedule> all_schedules;
  std::vector<HolidayCalendar> all_calendars;

  World() {
    employee.id = EmployeeId(7);
    EmploymentRecord r;
    r.location = LocationId(1);
    r.employment_start = r.seniority_start = Date(2024, 1, 1);
    EXPECT_OK(employee.employment.Add(Date(2024, 1, 1), r, Date(2024, 1, 1)));
    LeavePolicyVersion v;
    v.amount_per_year = 24;
    EXPECT_OK(annual.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1)));
    policies = {annual};
    segments = {PolicySegment{employee.id, annual.leave_type, annual.id, Period(Date(2024, 1, 1), OpenEnd())}};
    all_schedules = {schedule};
    all_calendars = {calendar};
    all_locations = {Location{LocationId(1), "Berlin", "DE", calendar.id, schedule.id}};
  }
};

// accrual.hpp, ComputeLedger.
absl::Status AccrualExample(const World& w, double* out) {
  const Employee& employee = w.employee;
  const LeavePolicy& annual = w.annual;
  std::span<const PolicySegment> segments = w.segments;
  std::span<const LeavePolicy> policies = w.policies;
  std::vector<LeaveDay> taken_days = {LeaveDay{Date(2024, 3, 4), 1.0, LeaveRequestId(1)}};
  // example:
  AccrualFacts facts{employee.id, annual.leave_type, &employee.employment, segments, policies, taken_days, {}, 0.0};
  HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerEntry> ledger,
                         ComputeLedger(facts, Period(Date(2024, 1, 1), Date(2025, 1, 1))));
  double left = Balance(ledger, Date(2024, 12, 31));
  // end
  *out = left;
  return absl::OkStatus();
}

TEST(HeaderExamples, ComputeLedger) {
  const World w;
  double left = 0;
  ASSERT_OK(AccrualExample(w, &left));
  EXPECT_DOUBLE_EQ(left, 23.0);  // 12 x 2 credited, 1 taken
}

// accrual_run.hpp, RunAccrual.
absl::Status RunExample(const World& w, double* out) {
  struct {
    std::vector<Employee> employees;
  } org;
  org.employees = {w.employee};
  std::span<const LeavePolicy> policies = w.policies;
  std::span<const PolicySegment> segments = w.segments;
  std::vector<TakenLeave> taken;
  std::vector<OpeningBalance> openings;
  CancellableProgress progress;
  const Date year_end(2025, 12, 31);
  auto Use = [&](EmployeeId, double balance) { *out += balance; };
  // example:
  AccrualPopulation population{org.employees, policies, segments, taken, openings, {}};
  HRKIT_ASSIGN_OR_RETURN(AccrualRunResult run,
                         RunAccrual(population, Period(Date(2025, 1, 1), Date(2026, 1, 1)), &progress));
  for (std::size_t i = 0; i < run.size(); ++i) Use(run.employees[i], Balance(run.Ledger(i), year_end));
  // end
  return absl::OkStatus();
}

TEST(HeaderExamples, RunAccrual) {
  const World w;
  double total = 0;
  ASSERT_OK(RunExample(w, &total));
  EXPECT_DOUBLE_EQ(total, 24.0);  // 2025 alone, no opening balance
}

// day_holidays.hpp and day_schedules.hpp, by-date lookups.
absl::Status DayLookupExamples(const World& w) {
  const Employee& employee = w.employee;
  std::span<const Location> all_locations = w.all_locations;
  std::span<const HolidayCalendar> all_calendars = w.all_calendars;
  std::span<const WorkSchedule> all_schedules = w.all_schedules;
  const HolidayCalendar& head_office_calendar = w.calendar;
  const WorkSchedule& location_default = w.schedule;
  const WorkSchedule& monday_to_friday = w.schedule;
  {
    // example:
    DayHolidays holidays(employee.employment, all_locations, all_calendars, head_office_calendar);
    HRKIT_ASSIGN_OR_RETURN(const HolidayCalendar* c, holidays.On(Date(2024, 5, 30)));
    // end
    if (c != &w.all_calendars[0]) return absl::InternalError("wrong calendar");
  }
  {
    // example:
    DaySchedules days(employee.employment, all_schedules, location_default);
    HRKIT_ASSIGN_OR_RETURN(const WorkSchedule* s, days.On(Date(2024, 5, 6)));
    // end
    if (s == nullptr) return absl::InternalError("no schedule");
  }
  // example:
  DaySchedules days(employee.employment, all_schedules, all_locations, monday_to_friday);
  // end
  HRKIT_ASSIGN_OR_RETURN(const WorkSchedule* s, days.On(Date(2024, 5, 6)));
  if (s != &w.all_schedules[0]) return absl::InternalError("wrong schedule");
  return absl::OkStatus();
}

TEST(HeaderExamples, DayLookups) {
  const World w;
  EXPECT_OK(DayLookupExamples(w));
}

// leave_adjustment.hpp, AdjustmentsOf.
absl::Status AdjustmentsExample(const World& w, AccrualFacts& facts, std::vector<LedgerAdjustment>& keep) {
  const Employee& employee = w.employee;
  const LeaveType annual{LeaveTypeId(1), "Annual", true, LeaveUnit::kDays};
  std::vector<LeaveAdjustment> stored(1);
  stored[0].id = LeaveAdjustmentId(1);
  stored[0].employee = employee.id;
  stored[0].leave_type = annual.id;
  stored[0].effective = Date(2024, 2, 1);
  stored[0].recorded_on = Date(2024, 2, 1);
  stored[0].amount = 1.5;
  // example:
  HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerAdjustment> manual, AdjustmentsOf(stored, employee.id, annual.id));
  facts.adjustments = manual;
  // end
  keep = std::move(manual);
  facts.adjustments = keep;
  return absl::OkStatus();
}

TEST(HeaderExamples, AdjustmentsOf) {
  const World w;
  AccrualFacts facts{w.employee.id, w.annual.leave_type, &w.employee.employment, w.segments, w.policies, {}, {}, 0.0};
  std::vector<LedgerAdjustment> keep;
  ASSERT_OK(AdjustmentsExample(w, facts, keep));
  ASSERT_EQ(facts.adjustments.size(), 1u);
  EXPECT_EQ(facts.adjustments[0].amount, 1.5);
}

// leave_entitlements.hpp, FunctionLeaveEntitlements.
TEST(HeaderExamples, FunctionLeaveEntitlements) {
  const World w;
  const LeavePolicy& policy = w.annual;
  const Timeline<EmploymentRecord>& employment = w.employee.employment;
  std::span<const PolicySegment> segments = w.segments;
  std::span<const LeavePolicy> policies = w.policies;
  const Date hired(2024, 1, 1);
  // example:
  FunctionLeaveEntitlements entitlements(
      [&](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<bool> { return VersionAt(policy, d) != nullptr; },
      [&](EmployeeId e, LeaveTypeId t, std::span<const LeaveDay> taken,
          Date through) -> absl::StatusOr<std::optional<ProjectedLedger>> {
        const AccrualFacts facts{e, t, &employment, segments, policies, taken, {}, 0.0};
        HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries,
                               ComputeLedger(facts, Period(hired, through + boost::gregorian::days(1))));
        HRKIT_ASSIGN_OR_RETURN(std::vector<NegativeLimitFrom> limits, NegativeLimitsOf(segments, policies));
        return ProjectedLedger{std::move(entries), std::move(limits), through};
      });
  // end
  const std::vector<LeaveDay> taken = {LeaveDay{Date(2024, 3, 4), 1.0, LeaveRequestId(1)}};
  ASSERT_OK_AND_ASSIGN(std::optional<ProjectedLedger> ledger,
                       entitlements.LedgerWith(w.employee.id, LeaveTypeId(1), taken, Date(2024, 12, 31)));
  ASSERT_TRUE(ledger.has_value());
  EXPECT_DOUBLE_EQ(Balance(ledger->entries, Date(2024, 3, 31)), 5.0);  // January..March 3 x 2, minus 1
  EXPECT_EQ(ledger->horizon, Date(2024, 12, 31));
  ASSERT_EQ(ledger->limits.size(), 2u);  // the segment's first day, then the version's limit (0) from the same day
  EXPECT_EQ(ledger->limits.back(), (NegativeLimitFrom{hired, 0.0}));
  ASSERT_OK_AND_ASSIGN(bool has, entitlements.HasPolicy(w.employee.id, LeaveTypeId(1), Date(2023, 12, 31)));
  EXPECT_FALSE(has);
}

// leave_policy.hpp, LeavePolicy.
TEST(HeaderExamples, LeavePolicy) {
  // example:
  LeavePolicy p{LeavePolicyId(1), "Standard", LeaveTypeId(1), {}, 0};
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  v.tiers.push_back(LeaveTier{60, 26});
  v.eligibility.locations = {LocationId(1)};
  (void)p.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1));
  // end
  EXPECT_OK(ValidateLeavePolicy(p));
}

// leave_request.hpp, TakenDaysOf; leave_requests.hpp, SubmitLeaveRequest and
// ApproveLeaveRequestChecked.
absl::Status RequestExamples(const World& w, double* taken_total) {
  const Employee& employee = w.employee;
  const WorkSchedule& schedule = w.schedule;
  const HolidayCalendar& calendar = w.calendar;
  const LeaveTypeId annual(1);
  const Date today(2024, 5, 2);
  const LeaveRequestInput input{employee.id,    annual, Date(2024, 5, 3), Date(2024, 5, 6), HalfDay::kNone,
                                HalfDay::kNone, ""};
  std::vector<LeaveRequest> existing;
  LeaveRequestBook book;
  // example:
  FunctionLeaveEntitlements no_checks({}, {});
  LeaveRequestContext context{employee, schedule, calendar, {}, no_checks};
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest r, SubmitLeaveRequest(LeaveRequestId(1), input, context, existing, today));
  // end
  const LeaveRequest& request = r;
  // example:
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest approved,
                         ApproveLeaveRequestChecked(request, context, book.requests(), today, "enjoy"));
  // end
  HRKIT_ASSIGN_OR_RETURN(book, LeaveRequestBook::FromRequests({approved}));
  // example:
  HRKIT_ASSIGN_OR_RETURN(std::vector<LeaveDay> taken,
                         TakenDaysOf(book.requests(), employee.id, annual, schedule, calendar));
  // end
  for (const LeaveDay& d : taken) *taken_total += d.amount;
  return absl::OkStatus();
}

TEST(HeaderExamples, SubmitApproveAndTakenDays) {
  const World w;
  double taken = 0;
  ASSERT_OK(RequestExamples(w, &taken));
  EXPECT_EQ(taken, 2.0);  // Friday 2024-05-03 and Monday 2024-05-06
}

// balance.hpp, LeaveBalanceOn.
absl::Status BalanceExample(const World& w, double* out) {
  const std::vector<Employee> employees = {w.employee};
  const std::vector<OrgUnit> units;
  const std::vector<Position> positions;
  std::span<const Location> locations = w.all_locations;
  std::span<const WorkSchedule> schedules = w.all_schedules;
  std::span<const HolidayCalendar> calendars = w.all_calendars;
  const std::vector<LeaveType> leave_types = {LeaveType{LeaveTypeId(1), "Annual", true, LeaveUnit::kDays}};
  std::span<const LeavePolicy> policies = w.policies;
  const std::vector<PolicyAssignment> assignments;
  const std::vector<LeaveRequest> requests;
  const std::vector<LeaveAdjustment> adjustments;
  // example:
  LeaveFacts facts{employees,   units,    positions,   locations, schedules,  calendars,
                   leave_types, policies, assignments, requests,  adjustments};
  HRKIT_ASSIGN_OR_RETURN(double left, LeaveBalanceOn(facts, EmployeeId(7), LeaveTypeId(1), Date(2024, 12, 31)));
  // end
  *out = left;
  return absl::OkStatus();
}

TEST(HeaderExamples, LeaveBalanceOn) {
  const World w;
  double left = 0;
  ASSERT_OK(BalanceExample(w, &left));
  EXPECT_DOUBLE_EQ(left, 24.0);
}

// eligibility/rule.hpp, EligibilityRule.
TEST(HeaderExamples, EligibilityRule) {
  // example:
  EligibilityRule rule;
  rule.locations = {LocationId(1), LocationId(2)};
  rule.employment_types = {EmploymentType::kPermanent, EmploymentType::kFixedTerm};
  rule.org_subtrees = {OrgUnitId(7)};
  rule.min_fte = 0.5;
  rule.min_tenure_months = 6;
  // end
  EXPECT_OK(ValidateEligibilityRule(rule, "example"));
}

// eligibility/rule.hpp, DescribeEligibility: a record holding a rule.
struct MyVersion {
  std::int32_t amount = 0;
  EligibilityRule eligibility;
};

// example:
template <class V, class Self>
requires SameEntity<Self, MyVersion>
void Describe(V& v, Self& r) {
  v.Field("amount", r.amount, Sensitivity::kDirectory);
  DescribeEligibility(v, r.eligibility, Since{2});
}
// end

TEST(HeaderExamples, DescribeEligibility) {
  const std::vector<FieldInfo> fields = ListFields(MyVersion{});
  ASSERT_EQ(fields.size(), 8u);
  EXPECT_EQ(fields[1].name, "eligible_locations");
}

}  // namespace
}  // namespace hrkit
