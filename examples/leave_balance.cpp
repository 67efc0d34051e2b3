// A leave balance from its facts: an annual leave policy with monthly
// accrual and a capped carry-over, an employee hired in the middle of the
// year, a half-day request and a three-day request, and the balance with the
// ledger statement that explains it.
//
// The figures the program checks (worked by hand):
// - 24 days a year, credited on the 1st of each month (2 a month),
//   pro-rated for a part month and rounded to the nearest half day. The
//   accrual year is the calendar year; on 1 January at most 5 days carry
//   over and the rest lapses.
// - Hired Tuesday 2024-07-16: July is credited for 16 of its 31 days,
//   2 x 16 / 31 = 1.03, rounded to +1.0. August to December +2 each: 11
//   days credited in 2024.
// - Friday 2024-11-08, afternoon: 0.5 days. Wednesday 2024-12-18 to Friday
//   2024-12-20: 3 days. Balance on 2024-12-31: 11 - 0.5 - 3 = 7.5.
// - 2025-01-01: 5 days carry over, 2.5 lapse, January credits +2: the
//   balance is 7.0 through 2025-01-31.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_requests.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/ledger_entitlements.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/personnel/lifecycle.hpp"

namespace {

using namespace hrkit;  // NOLINT: an example reads better without prefixes

// The policy: 24 days a year, monthly at the start of the month,
// pro-rated, rounded to half days, up to 5 days carried into January.
absl::StatusOr<LeavePolicy> AnnualLeavePolicy(LeaveTypeId leave_type) {
  LeavePolicyVersion rules;
  rules.amount_per_year = 24;
  rules.frequency = AccrualFrequency::kMonthly;
  rules.timing = CreditTiming::kStart;
  rules.prorate = true;
  rules.rounding = AccrualRounding::kHalf;
  rules.carry_over_month = 1;
  rules.carry_over_max = 5;
  LeavePolicy policy{LeavePolicyId(1), "Annual leave, 24 days", leave_type, {}, 0};
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(Date(2024, 1, 1), rules, Date(2024, 1, 1)));
  HRKIT_RETURN_IF_ERROR(ValidateLeavePolicy(policy));
  return policy;
}

// Two requests, each checked against the balance when submitted and again
// when approved: a Friday afternoon, and three days in December.
absl::Status RequestLeave(const LeaveRequestContext& context, LeaveTypeId leave_type, LeaveRequestBook& book) {
  const std::vector<LeaveRequestInput> inputs = {
      {.employee = context.employee.id,
       .leave_type = leave_type,
       .first_day = Date(2024, 11, 8),
       .last_day = Date(2024, 11, 8),
       .first_day_half = HalfDay::kAfternoon,
       .reason = "Appointment"},
      {.employee = context.employee.id,
       .leave_type = leave_type,
       .first_day = Date(2024, 12, 18),
       .last_day = Date(2024, 12, 20),
       .reason = "Before the holidays"},
  };
  for (const LeaveRequestInput& input : inputs) {
    HRKIT_ASSIGN_OR_RETURN(const LeaveRequestId id, book.Submit(input, context, Date(2024, 10, 1)));
    HRKIT_RETURN_IF_ERROR(book.Approve(id, context, Date(2024, 10, 2), "Approved"));
    const LeaveRequest* request = book.Find(id);
    if (request == nullptr) return absl::InternalError("the approved request is not in the book");
    std::cout << LeaveRequestLabel(*request) << " " << FormatIsoDate(request->first_day) << " .. "
              << FormatIsoDate(request->last_day) << " "
              << (request->first_day_half == HalfDay::kAfternoon ? "(afternoon) " : "") << request->duration
              << " days, " << LeaveRequestStatusName(request->status) << "\n";
  }
  return absl::OkStatus();
}

// InternalError naming `what` unless `ok`.
absl::Status Check(bool ok, const std::string& what) {
  return ok ? absl::OkStatus() : absl::InternalError(absl::StrCat("unexpected figure: ", what));
}

// Equal up to rounding.
bool Near(double a, double b) { return std::fabs(a - b) < 1e-9; }

absl::Status Run() {
  // 1. The policy (AnnualLeavePolicy).
  const LeaveType annual{LeaveTypeId(1), "Annual leave", /*paid=*/true, LeaveUnit::kDays};
  HRKIT_ASSIGN_OR_RETURN(const LeavePolicy policy, AnnualLeavePolicy(annual.id));

  // 2. The employee, hired on 16 July 2024 (the lifecycle builds the
  //    employment Timeline the accrual engine reads).
  Employee person;
  person.id = EmployeeId(1);
  person.employee_number = "E-1";
  person.legal_name = "Grace Example";
  const Date hired(2024, 7, 16);
  HRKIT_ASSIGN_OR_RETURN(const Employee employee,
                         ApplyEvent(person, HireEvent{.effective = hired, .position = PositionId(1)}, hired));
  std::cout << employee.legal_name << " (" << employee.id << "), hired " << FormatIsoDate(hired) << "; policy \""
            << policy.name << "\"\n";

  // 3. Where she works: Monday to Friday, and the office's holidays.
  const WorkSchedule schedule = DefaultWorkSchedule(WorkScheduleId(1));
  HolidayCalendar calendar{HolidayCalendarId(1), "Office", {}};
  calendar.rules = {FixedHoliday("Christmas Day", 12, 25), FixedHoliday("St Stephen's Day", 12, 26)};

  // The policy applies from the hire on; the ledger is computed for 2024
  // and January 2025 from these facts, never stored.
  const std::vector<PolicySegment> segments = {{employee.id, annual.id, policy.id, OpenPeriod(hired)}};
  const std::vector<LeavePolicy> policies = {policy};
  const Period range(Date(2024, 1, 1), Date(2025, 2, 1));
  LedgerEntitlements entitlements(policies, segments);
  entitlements.SetBasis(employee.id, annual.id, LedgerBasis{&employee.employment, {}, range});

  // 4. Two requests (RequestLeave).
  const LeaveRequestContext context{employee, schedule, calendar, {}, entitlements};
  LeaveRequestBook book;
  HRKIT_RETURN_IF_ERROR(RequestLeave(context, annual.id, book));

  // 5. The ledger with the approved days taken, the statement and the
  //    balances.
  HRKIT_ASSIGN_OR_RETURN(std::vector<LeaveDay> taken,
                         TakenDaysOf(book.requests(), employee.id, annual.id, schedule, calendar));
  AccrualFacts facts{employee.id, annual.id, &employee.employment, segments, policies, {}, {}, 0.0};
  facts.taken = taken;
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LedgerEntry> ledger, ComputeLedger(facts, range));
  const Date year_end(2024, 12, 31);
  const Date january_end(2025, 1, 31);
  std::cout << "\nStatement:\n" << FormatStatement(ledger, january_end);
  const double at_year_end = Balance(ledger, year_end);
  const double in_january = Balance(ledger, january_end);
  std::printf("balance on 2024-12-31: %.1f days\nbalance on 2025-01-31: %.1f days\n", at_year_end, in_january);

  // The hand-worked figures of the header comment.
  HRKIT_RETURN_IF_ERROR(Check(Near(Balance(ledger, Date(2024, 7, 16)), 1.0), "the July credit"));
  HRKIT_RETURN_IF_ERROR(Check(Near(Balance(ledger, Date(2024, 12, 17)), 10.5), "before the December request"));
  HRKIT_RETURN_IF_ERROR(Check(Near(at_year_end, 7.5), "the year-end balance"));
  HRKIT_RETURN_IF_ERROR(Check(Near(in_january, 7.0), "the January balance"));
  return absl::OkStatus();
}

}  // namespace

int main() {
  if (const absl::Status status = Run(); !status.ok()) {
    std::cerr << "leave_balance: " << status << "\n";
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
