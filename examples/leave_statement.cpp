// Leave statement of one employee: a work schedule and holiday calendar, an
// effective-dated annual leave policy, a mid-year hire, a leave request over
// the Christmas holidays, the ledger the accrual engine computes from these
// facts, and the policy entities kept in a store with row versions.
//
// What the output should show (checked by hand against the policy):
// - Hired Tuesday 2024-06-11; the accrual year runs 1 April to 31 March.
// - June credit: 2 x 20/30 = 1.3333, rounded to the nearest half: +1.5.
//   July to February: +2 each (16). The accrual year may not credit more than
//   its unrounded entitlement, 1.3333 + 9 x 2 = 19.3333, so March is cut to
//   +1.5 and the year credits 19.
// - The request 2024-12-23 .. 2025-01-03 (morning) costs 5.5 days:
//   23 Dec 1, 24 Dec 0.5 (half-day holiday), 25/26 Dec 0, 27 Dec 1, 30 Dec 1,
//   31 Dec 0.5 (half-day holiday), 1 Jan 0, 2 Jan 1, 3 Jan 0.5 (morning).
// - Balance on 2025-03-31: 19 - 5.5 = 13.5. On 2025-04-01 5 days carry over,
//   8.5 lapse, and the new version credits 30 / 12 = +2.5: balance 7.5.
// - The policy is stored as known in 2024 (version 1), then updated with the
//   2025 rules (version 2); a write with the stale version 1 is Aborted.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/hrkit.hpp"
#include "hrkit/storage/open_store.hpp"

namespace {

using hrkit::Date;

absl::Status Run() {
  // 1. Where the employee works: Monday to Friday, 8 hours, and the public
  //    holidays of the office, two of them half days.
  const hrkit::WorkSchedule schedule = hrkit::DefaultWorkSchedule(hrkit::WorkScheduleId(1));
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateWorkSchedule(schedule));
  hrkit::HolidayCalendar calendar{hrkit::HolidayCalendarId(1), "Berlin office", {}};
  calendar.rules = {
      hrkit::FixedHoliday("New Year's Day", 1, 1),
      hrkit::EasterHoliday("Good Friday", -2),
      hrkit::EasterHoliday("Easter Monday", 1),
      hrkit::FixedHoliday("Labour Day", 5, 1),
      hrkit::FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true),
      hrkit::FixedHoliday("Christmas Day", 12, 25),
      hrkit::FixedHoliday("St Stephen's Day", 12, 26),
      hrkit::FixedHoliday("New Year's Eve", 12, 31, /*half_day=*/true),
  };
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateHolidayCalendar(calendar));
  HRKIT_ASSIGN_OR_RETURN(std::vector<hrkit::Holiday> holidays,
                         hrkit::HolidaysIn(calendar, hrkit::Period(Date(2024, 12, 1), Date(2025, 2, 1))));
  std::cout << "Schedule \"" << schedule.name << "\"; holidays of \"" << calendar.name << "\" this winter:\n";
  for (const hrkit::Holiday& h : holidays) {
    std::cout << "  " << hrkit::FormatIsoDate(h.date) << "  " << h.name << (h.half_day ? " (half day)" : "") << "\n";
  }

  // 2. Annual leave, counted in days. The policy is effective-dated: the
  //    rules of 2024 apply until a second version raises the entitlement
  //    from 1 April 2025, the start of the accrual year (carry_over_month 4).
  const hrkit::LeaveType annual{hrkit::LeaveTypeId(1), "Annual leave", /*paid=*/true, hrkit::LeaveUnit::kDays};
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateLeaveType(annual));
  hrkit::LeavePolicyVersion rules;
  rules.amount_per_year = 24;
  rules.frequency = hrkit::AccrualFrequency::kMonthly;
  rules.timing = hrkit::CreditTiming::kStart;
  rules.prorate = true;
  rules.rounding = hrkit::AccrualRounding::kHalf;
  rules.carry_over_month = 4;
  rules.carry_over_max = 5;
  hrkit::LeavePolicy policy{hrkit::LeavePolicyId(1), "Annual leave Berlin", annual.id, {}, {}};
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(Date(2024, 4, 1), rules, Date(2024, 1, 15)));
  hrkit::LeavePolicyVersion rules_2025 = rules;
  rules_2025.amount_per_year = 30;  // decided in February 2025, from April
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(Date(2025, 4, 1), rules_2025, Date(2025, 2, 3)));
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateLeavePolicy(policy));
  std::cout << "\n"
            << policy.id << " \"" << policy.name << "\" for \"" << annual.name
            << "\": credited monthly at the start of the month, pro-rated, rounded to 0.5; accrual year from 1 April\n";
  for (const auto& version : policy.versions.Entries()) {
    std::cout << "  from " << hrkit::FormatIsoDate(version.effective) << ": " << version.value.amount_per_year
              << " days/year, up to " << version.value.carry_over_max.value_or(0) << " days carry over\n";
  }

  // 3. A mid-year hire through the lifecycle service, which builds the
  //    employment Timeline the accrual engine reads.
  hrkit::Employee person;
  person.id = hrkit::EmployeeId(1);
  person.employee_number = "E0001";
  person.legal_name = "Ada Example";
  hrkit::HireEvent hire;
  hire.effective = Date(2024, 6, 11);
  hire.position = hrkit::PositionId(1);
  hire.work_schedule = schedule.id;
  HRKIT_ASSIGN_OR_RETURN(hrkit::Employee employee, hrkit::ApplyEvent(person, hire, Date(2024, 5, 20)));
  std::cout << "\n"
            << employee.id << " " << employee.legal_name << " hired on " << hrkit::FormatIsoDate(hire.effective)
            << "\n";

  // The policy applies from the hire on. The ledger is a pure function of the
  // facts: the balance check of the request computes it with the request's
  // days charged, and it is computed again below with the approved days.
  const std::vector<hrkit::PolicySegment> segments = {
      {employee.id, annual.id, policy.id, hrkit::OpenPeriod(hire.effective)}};
  const std::vector<hrkit::LeavePolicy> policies = {policy};
  const hrkit::Period range(Date(2024, 4, 1), Date(2025, 5, 1));  // the accrual year and April
  hrkit::AccrualFacts facts{employee.id, annual.id, &employee.employment, segments, policies, {}, {}, 0.0};

  // 4. A request over Christmas: submission computes its duration from the
  //    schedule and calendar and checks that the balance stays within the
  //    negative limit on every day from the request's first day on.
  hrkit::LedgerEntitlements entitlements(policies, segments);
  entitlements.SetBasis(employee.id, annual.id, hrkit::LedgerBasis{&employee.employment, {}, range});
  const hrkit::LeaveRequestContext context{employee, schedule, calendar, {}, entitlements};
  const hrkit::LeaveRequestInput input{.employee = employee.id,
                                       .leave_type = annual.id,
                                       .first_day = Date(2024, 12, 23),
                                       .last_day = Date(2025, 1, 3),
                                       .last_day_half = hrkit::HalfDay::kMorning,
                                       .reason = "Winter holidays"};
  hrkit::LeaveRequestBook book;
  HRKIT_ASSIGN_OR_RETURN(hrkit::LeaveRequestId request_id, book.Submit(input, context, Date(2024, 11, 15)));
  // Approval asks employment, policy and balance again: facts may have changed.
  HRKIT_RETURN_IF_ERROR(book.Approve(request_id, context, Date(2024, 11, 18), "Enjoy"));
  const hrkit::LeaveRequest* request = book.Find(request_id);
  if (request == nullptr) return absl::InternalError("the approved request is not in the book");
  // What the book's approved requests take from this employee's annual leave.
  HRKIT_ASSIGN_OR_RETURN(std::vector<hrkit::LeaveDay> taken,
                         hrkit::TakenDaysOf(book.requests(), employee.id, annual.id, schedule, calendar));
  std::cout << "\n"
            << hrkit::LeaveRequestLabel(*request) << " " << hrkit::FormatIsoDate(request->first_day) << " .. "
            << hrkit::FormatIsoDate(request->last_day)
            << (request->last_day_half == hrkit::HalfDay::kMorning ? " (morning)" : "") << ": " << request->duration
            << " days, " << hrkit::LeaveRequestStatusName(request->status) << " on "
            << hrkit::FormatIsoDate(request->decided_on) << "\n  days charged:";
  for (const hrkit::LeaveDay& day : taken) std::cout << " " << hrkit::FormatIsoDate(day.date) << "=" << day.amount;
  std::cout << "\n";

  // 5. The ledger with the leave taken, and the statement that explains it.
  facts.taken = taken;
  HRKIT_ASSIGN_OR_RETURN(std::vector<hrkit::LedgerEntry> ledger, hrkit::ComputeLedger(facts, range));
  std::cout << "\nStatement:\n" << hrkit::FormatStatement(ledger, Date(2025, 4, 30));
  std::cout << "balance on 2025-03-31, before the carry-over: " << hrkit::Balance(ledger, Date(2025, 3, 31)) << "\n";

  // 6. The policy entities in a store. Every row has a version: 1 on insert,
  //    +1 per update, and a write must name the version it expects.
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore("memory:"));
  HRKIT_RETURN_IF_ERROR(store->Put(schedule, 0).status());
  HRKIT_RETURN_IF_ERROR(store->Put(calendar, 0).status());
  HRKIT_RETURN_IF_ERROR(store->Put(annual, 0).status());
  // The policy as HR knew it at the end of 2024, then with the 2025 version.
  hrkit::LeavePolicy policy_2024 = policy;
  policy_2024.versions = policy.versions.AsKnownOn(Date(2024, 12, 31));
  HRKIT_ASSIGN_OR_RETURN(std::int64_t version, store->Put(policy_2024, 0));
  HRKIT_ASSIGN_OR_RETURN(version, store->Put(policy, version));
  HRKIT_ASSIGN_OR_RETURN(hrkit::Versioned<hrkit::LeavePolicy> stored, store->Get<hrkit::LeavePolicy>(policy.id));
  if (stored.entity != policy) return absl::DataLossError("the stored policy differs from the one written");
  std::cout << "\nStored in \"" << store->BackendName() << "\": " << stored.entity.id << " at version "
            << stored.version << " with " << stored.entity.versions.size() << " policy versions\n";
  // Writing again with the version read before the update is a conflict.
  const absl::Status stale = store->Put(policy_2024, 1).status();
  if (!absl::IsAborted(stale)) {
    return absl::InternalError(absl::StrCat("a stale write should be Aborted, got: ", stale.ToString()));
  }
  std::cout << "a write expecting version 1: " << stale << "\n";
  return absl::OkStatus();
}

}  // namespace

int main() {
  if (const absl::Status status = Run(); !status.ok()) {
    std::cerr << "error: " << status << "\n";
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
