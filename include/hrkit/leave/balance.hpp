// One employee's leave balance from the stored entities, in one call: the
// policy candidates, the policy segments (eligibility, priority, explicit
// assignments), the days taken through approved requests (counted with the
// employee's schedules and holiday calendars by date), the manual
// adjustments and the ledger are all derived here, the way a caller would
// wire leave/policy_candidates.hpp, leave/policy_assignment.hpp,
// leave/leave_request.hpp, leave/leave_adjustment.hpp and leave/accrual.hpp
// by hand.
//
// Thread safety: a pure function of its inputs; safe to call concurrently.
#ifndef HRKIT_LEAVE_BALANCE_HPP_
#define HRKIT_LEAVE_BALANCE_HPP_

#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_adjustment.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The stored entities a balance depends on, as plain spans (e.g. what
// Store::List returned). Every span may hold entities of any employee and
// leave type; they must outlive the call.
struct LeaveFacts {
  std::span<const Employee> employees;                 // the people and their employment histories
  std::span<const OrgUnit> org_units;                  // the units, for eligibility rules
  std::span<const Position> positions;                 // the positions, for eligibility rules
  std::span<const Location> locations;                 // locations, with their schedules and calendars
  std::span<const WorkSchedule> work_schedules;        // the schedules leave days are counted on
  std::span<const HolidayCalendar> holiday_calendars;  // the holidays leave days skip
  std::span<const LeaveType> leave_types;              // the types of leave
  std::span<const LeavePolicy> policies;               // the policies that accrue them
  std::span<const PolicyAssignment> assignments;       // explicit policy assignments
  std::span<const LeaveRequest> requests;              // approved requests count as taken
  std::span<const LeaveAdjustment> adjustments;        // manual adjustments and encashments
};

// The ledger of `employee` and `leave_type` from the employee's first
// employment record up to and including `as_of` (empty before it). A day
// whose employment record names no work schedule uses its location's default
// schedule, else Monday to Friday, 8 hours; a location without a holiday
// calendar has no public holidays.
// Returns NotFound for an employee or leave type not in `facts`, and the
// errors of the steps: CandidatesFromPolicies and ResolvePolicySegments
// (InvalidArgument for invalid policies or assignments, NotFound for a
// position or unit unknown), TakenDaysOf (NotFound for a schedule, location
// or calendar not in `facts`), AdjustmentsOf and ComputeLedger.
absl::StatusOr<std::vector<LedgerEntry>> LeaveLedgerUntil(const LeaveFacts& facts, EmployeeId employee,
                                                          LeaveTypeId leave_type, Date as_of);

// The balance of `employee` for `leave_type` at the end of `as_of`:
// Balance(LeaveLedgerUntil(...), as_of). 0 before the first employment
// record. Errors as LeaveLedgerUntil, and InvalidArgument when `as_of` is
// not a real date.
//
// Example:
//   LeaveFacts facts{employees, units, positions, locations, schedules, calendars,
//                    leave_types, policies, assignments, requests, adjustments};
//   HRKIT_ASSIGN_OR_RETURN(double left, LeaveBalanceOn(facts, EmployeeId(7), LeaveTypeId(1), Date(2024, 12, 31)));
absl::StatusOr<double> LeaveBalanceOn(const LeaveFacts& facts, EmployeeId employee, LeaveTypeId leave_type, Date as_of);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_BALANCE_HPP_
