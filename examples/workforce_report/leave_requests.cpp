// The leave side of the simulated year: a Monday-to-Friday schedule and a
// holiday calendar for every location, one annual leave policy (25 days a
// year, credited monthly from 2025-01-01, at most 5 days below zero, 5 days
// carried into the next year), and two to four requests per employee, each
// submitted 1-5 weeks ahead and decided 3 days later (about 92 % approved).
// Submission and approval check employment, overlaps and the balance
// against the ledger (LedgerEntitlements); what they refuse is counted.
#include "hrkit/leave/leave_requests.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/ledger_entitlements.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/leave/policy_candidates.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "simulation_internal.hpp"

namespace workforce_report {
namespace {

using hrkit::Date;

constexpr hrkit::LeaveTypeId kAnnualLeave(1);

// The calendar, schedule, leave type and policy, added to `data`.
absl::Status AddLeaveSetup(hrkit::Dataset* data) {
  hrkit::HolidayCalendar calendar{hrkit::HolidayCalendarId(1), "Company holidays", {}};
  calendar.rules = {hrkit::FixedHoliday("New Year's Day", 1, 1),        hrkit::EasterHoliday("Good Friday", -2),
                    hrkit::EasterHoliday("Easter Monday", 1),           hrkit::FixedHoliday("Labour Day", 5, 1),
                    hrkit::FixedHoliday("Christmas Eve", 12, 24, true), hrkit::FixedHoliday("Christmas Day", 12, 25),
                    hrkit::FixedHoliday("Boxing Day", 12, 26)};
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateHolidayCalendar(calendar));
  data->Of<hrkit::HolidayCalendar>() = {calendar};
  data->Of<hrkit::WorkSchedule>() = {hrkit::DefaultWorkSchedule(hrkit::WorkScheduleId(1))};
  for (hrkit::Location& location : data->Of<hrkit::Location>()) {
    location.holiday_calendar = calendar.id;
    location.default_schedule = hrkit::WorkScheduleId(1);
  }
  data->Of<hrkit::LeaveType>() = {{kAnnualLeave, "Annual leave", true, hrkit::LeaveUnit::kDays}};
  hrkit::LeavePolicyVersion rules;
  rules.amount_per_year = 25;
  rules.frequency = hrkit::AccrualFrequency::kMonthly;
  rules.timing = hrkit::CreditTiming::kStart;
  rules.carry_over_max = 5;
  rules.negative_limit = 5;
  hrkit::LeavePolicy policy{hrkit::LeavePolicyId(1), "Annual leave", kAnnualLeave, {}, 0};
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(SimulatedYearStart(), rules, Date(2024, 11, 1)));
  HRKIT_RETURN_IF_ERROR(hrkit::ValidateLeavePolicy(policy));
  data->Of<hrkit::LeavePolicy>() = {policy};
  return absl::OkStatus();
}

// Requests of `e` on working days while employed in the simulated year: two
// to four for a whole year, fewer for a part of it, each lasting 1 to 10
// calendar days. The last day of employment may still fall inside a
// request, which submission then refuses.
void DrawRequests(const hrkit::Employee& e, const std::set<Date>& holidays, Random* random,
                  std::vector<std::tuple<Date, hrkit::LeaveRequestInput>>* out) {
  const hrkit::Period year(SimulatedYearStart(), SimulatedYearEnd() + boost::gregorian::days(1));
  for (const hrkit::Period& employed : hrkit::EmploymentPeriods(e)) {
    const std::optional<hrkit::Period> span = hrkit::Intersect(employed, year);
    if (!span.has_value()) continue;
    const std::int64_t days = hrkit::DayCount(*span);
    const std::int64_t count = (2 + random->Below(3)) * days / 365;
    for (std::int64_t i = 0; i < count; ++i) {
      Date first = span->begin() + boost::gregorian::days(random->Below(days));
      while (first.day_of_week() == 0 || first.day_of_week() == 6 || holidays.contains(first)) {
        first += boost::gregorian::days(1);
      }
      const Date last = first + boost::gregorian::days(random->Below(10));
      const Date submitted = first - boost::gregorian::days(7 + random->Below(29));
      out->emplace_back(
          submitted,
          hrkit::LeaveRequestInput{
              .employee = e.id, .leave_type = kAnnualLeave, .first_day = first, .last_day = last, .reason = "Holiday"});
    }
  }
}

// What requests are checked against: policy segments and ledger bases.
absl::StatusOr<hrkit::LedgerEntitlements> Entitlements(const hrkit::Dataset& data, hrkit::ProgressSink* progress) {
  const std::vector<hrkit::Employee>& employees = data.Of<hrkit::Employee>();
  HRKIT_ASSIGN_OR_RETURN(std::vector<hrkit::PolicyCandidate> candidates,
                         hrkit::CandidatesFromPolicies(data.Of<hrkit::LeavePolicy>()));
  HRKIT_ASSIGN_OR_RETURN(hrkit::OrgLookup lookup,
                         hrkit::OrgLookup::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>()));
  // Policies resolved into the next year too: a request may run into January.
  const hrkit::Period year(SimulatedYearStart(), SimulatedYearEnd() + boost::gregorian::days(1));
  const hrkit::Period years(SimulatedYearStart(), hrkit::AddYearsClamped(year.end(), 1));
  HRKIT_ASSIGN_OR_RETURN(hrkit::PolicySegmentTable table,
                         hrkit::ResolvePolicySegmentsForAll(employees, candidates, {}, lookup, years, progress));
  hrkit::LedgerEntitlements entitlements(data.Of<hrkit::LeavePolicy>(), std::move(table.segments));
  for (const hrkit::Employee& e : employees) {
    entitlements.SetBasis(e.id, kAnnualLeave, hrkit::LedgerBasis{&e.employment, {}, year});
  }
  return entitlements;
}

// Submits `input` to `book` and decides it 3 days later: about 8 %
// rejected, the rest approved with the checks asked again (a refused
// approval leaves the request pending).
absl::Status Decide(const hrkit::Employee& employee, const hrkit::LeaveRequestInput& input, Date submitted,
                    const hrkit::Dataset& facts, const hrkit::LedgerEntitlements& entitlements,
                    hrkit::LeaveRequestBook* book, Random* random, SimulationCounts* counts) {
  const hrkit::WorkSchedule& schedule = facts.Of<hrkit::WorkSchedule>().front();
  const hrkit::HolidayCalendar& calendar = facts.Of<hrkit::HolidayCalendar>().front();
  const hrkit::LeaveRequestContext context{
      employee,
      hrkit::DaySchedules(employee.employment, facts.Of<hrkit::WorkSchedule>(), facts.Of<hrkit::Location>(), schedule),
      hrkit::DayHolidays(employee.employment, facts.Of<hrkit::Location>(), facts.Of<hrkit::HolidayCalendar>(),
                         calendar),
      {},
      entitlements};
  absl::StatusOr<hrkit::LeaveRequestId> id = book->Submit(input, context, submitted);
  HRKIT_ASSIGN_OR_RETURN(const bool accepted, Accepted(id.status(), &counts->leave_refused));
  if (!accepted) return absl::OkStatus();
  ++counts->leave_submitted;
  const Date decided = submitted + boost::gregorian::days(3);
  if (random->Uniform() < 0.08) {
    HRKIT_RETURN_IF_ERROR(book->Reject(*id, decided, "Team coverage"));
    ++counts->leave_rejected;
    return absl::OkStatus();
  }
  HRKIT_ASSIGN_OR_RETURN(const bool approved,
                         Accepted(book->Approve(*id, context, decided, "Approved"), &counts->leave_refused));
  if (approved) ++counts->leave_approved;
  return absl::OkStatus();
}

}  // namespace

absl::Status SimulateLeave(hrkit::Dataset* data, Random* random, SimulationCounts* counts,
                           hrkit::ProgressSink* progress) {
  HRKIT_RETURN_IF_ERROR(AddLeaveSetup(data));
  const hrkit::Dataset& facts = *data;
  HRKIT_ASSIGN_OR_RETURN(const hrkit::LedgerEntitlements entitlements, Entitlements(facts, progress));
  const hrkit::Period year(SimulatedYearStart(), SimulatedYearEnd() + boost::gregorian::days(1));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::Holiday> holiday_list,
                         hrkit::HolidaysIn(facts.Of<hrkit::HolidayCalendar>().front(), year));
  std::set<Date> holidays;
  for (const hrkit::Holiday& h : holiday_list) holidays.insert(h.date);

  // Requests of everyone employed at some point of the year, in the order
  // they are submitted.
  const std::vector<hrkit::Employee>& employees = facts.Of<hrkit::Employee>();
  std::vector<std::tuple<Date, hrkit::LeaveRequestInput>> inputs;
  for (const hrkit::Employee& e : employees) DrawRequests(e, holidays, random, &inputs);
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });

  // The book checks each request against the employee's own requests and
  // hands out ids in submission order.
  hrkit::LeaveRequestBook book;
  std::int64_t done = 0;
  for (const auto& [submitted, input] : inputs) {
    if (++done % 2000 == 0) {
      HRKIT_RETURN_IF_ERROR(
          hrkit::ReportProgress(progress, "simulate: leave requests", done, static_cast<std::int64_t>(inputs.size())));
    }
    // Employee ids are dense and in id order (Workforce, PutWorkforce).
    const hrkit::Employee& employee = employees[static_cast<std::size_t>(input.employee.value() - 1)];
    if (employee.id != input.employee) return absl::InternalError("employee ids are not dense");
    HRKIT_RETURN_IF_ERROR(Decide(employee, input, submitted, facts, entitlements, &book, random, counts));
  }
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: leave requests",
                                              static_cast<std::int64_t>(inputs.size()),
                                              static_cast<std::int64_t>(inputs.size())));
  std::vector<hrkit::LeaveRequest>& requests = data->Of<hrkit::LeaveRequest>();
  requests.insert(requests.end(), book.requests().begin(), book.requests().end());
  return absl::OkStatus();
}

}  // namespace workforce_report
