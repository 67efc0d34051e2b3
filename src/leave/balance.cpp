#include "hrkit/leave/balance.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/policy_candidates.hpp"
#include "hrkit/org/org_lookup.hpp"

namespace hrkit {
namespace {

absl::StatusOr<const Employee*> FindEmployee(const LeaveFacts& facts, EmployeeId id) {
  const auto it =
      std::find_if(facts.employees.begin(), facts.employees.end(), [&](const Employee& e) { return e.id == id; });
  if (it == facts.employees.end()) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such employee"));
  return &*it;
}

absl::Status CheckLeaveType(const LeaveFacts& facts, LeaveTypeId id) {
  const bool known =
      std::any_of(facts.leave_types.begin(), facts.leave_types.end(), [&](const LeaveType& t) { return t.id == id; });
  if (!known) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such leave type"));
  return absl::OkStatus();
}

// The segments of `employee` for `leave_type` over `range`.
absl::StatusOr<std::vector<PolicySegment>> SegmentsOf(const LeaveFacts& facts, const Employee& employee,
                                                      LeaveTypeId leave_type, const Period& range) {
  HRKIT_ASSIGN_OR_RETURN(const OrgLookup lookup, OrgLookup::Build(facts.org_units, facts.positions));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(facts.policies));
  HRKIT_ASSIGN_OR_RETURN(std::vector<PolicySegment> segments,
                         ResolvePolicySegments(employee, candidates, facts.assignments, lookup, range));
  std::erase_if(segments, [&](const PolicySegment& s) { return s.leave_type != leave_type; });
  return segments;
}

}  // namespace

absl::StatusOr<std::vector<LedgerEntry>> LeaveLedgerUntil(const LeaveFacts& facts, EmployeeId employee,
                                                          LeaveTypeId leave_type, Date as_of) {
  return GuardExceptions("leave ledger", [&]() -> absl::StatusOr<std::vector<LedgerEntry>> {
    if (!IsRealDate(as_of)) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToString(employee), " ", ToString(leave_type), ": as_of must be a real date"));
    }
    HRKIT_ASSIGN_OR_RETURN(const Employee* e, FindEmployee(facts, employee));
    HRKIT_RETURN_IF_ERROR(CheckLeaveType(facts, leave_type));
    const auto entries = e->employment.Entries();
    if (entries.empty() || as_of < entries.front().effective) return std::vector<LedgerEntry>();
    const Period range(entries.front().effective, as_of + boost::gregorian::days(1));
    HRKIT_ASSIGN_OR_RETURN(const std::vector<PolicySegment> segments, SegmentsOf(facts, *e, leave_type, range));

    const WorkSchedule monday_to_friday = DefaultWorkSchedule(WorkScheduleId());
    const HolidayCalendar no_holidays{};
    const DaySchedules schedules(e->employment, facts.work_schedules, facts.locations, monday_to_friday);
    const DayHolidays holidays(e->employment, facts.locations, facts.holiday_calendars, no_holidays);
    HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> taken,
                           TakenDaysOf(facts.requests, employee, leave_type, schedules, holidays));
    HRKIT_ASSIGN_OR_RETURN(const std::vector<LedgerAdjustment> adjustments,
                           AdjustmentsOf(facts.adjustments, employee, leave_type));
    const AccrualFacts accrual{employee, leave_type, &e->employment, segments, facts.policies, taken, adjustments, 0.0};
    return ComputeLedger(accrual, range);
  });
}

absl::StatusOr<double> LeaveBalanceOn(const LeaveFacts& facts, EmployeeId employee, LeaveTypeId leave_type,
                                      Date as_of) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LedgerEntry> ledger, LeaveLedgerUntil(facts, employee, leave_type, as_of));
  return Balance(ledger, as_of);
}

}  // namespace hrkit
