// Employment lifecycle events: what can happen to an employee's job data
// (hire, transfer, promotion, FTE change, acting-manager change, leave of
// absence and return, termination, rehire, other job-data changes). Each is a
// plain value type carrying its own effective date; `LifecycleEvent` is the
// variant of all of them. The rules that apply an event to an Employee live in
// personnel/lifecycle.hpp; the rules that need other entities (positions,
// locations, other employees) live in org/workforce.hpp.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERSONNEL_EVENTS_HPP_
#define HRKIT_PERSONNEL_EVENTS_HPP_

#include <optional>
#include <string>
#include <variant>

#include "hrkit/calendar/ids.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// How a rehire counts earlier service.
enum class SeniorityOnRehire {
  kRestart = 0,  // seniority starts again on the rehire date
  kBridge = 1,   // earlier service counts, the break does not: the previous
                 // seniority start moves forward by the length of the break
};

// First day of employment. Valid only for an employee with no employment
// history (a returning employee is rehired, see RehireEvent).
struct HireEvent {
  Date effective{};                                  // the first day of work
  PositionId position{};                             // REQUIRED: a real id
  LocationId location{};                             // invalid = not recorded
  WorkScheduleId work_schedule{};                    // invalid = the location's default
  std::string cost_center{};                         // empty if none
  double fte = 1.0;                                  // in (0, 1.5]
  EmploymentType type = EmploymentType::kPermanent;  // permanent, fixed-term, ...
  std::string reason_code{};                         // free code, e.g. "NEW_HIRE"

  friend bool operator==(const HireEvent&, const HireEvent&) = default;
};

// Moves an employed person to another position (same grade or lateral).
// Location and cost centre change only when given.
struct TransferEvent {
  Date effective{};                          // the first day in the new position
  PositionId position{};                     // REQUIRED: a real id, not the current one
  std::optional<LocationId> location{};      // the new location, if it changes
  std::optional<std::string> cost_center{};  // the new cost center, if it changes
  std::string reason_code{};                 // free code, e.g. "REORG"

  friend bool operator==(const TransferEvent&, const TransferEvent&) = default;
};

// Moves an employed person to a position of a higher grade. The grade lives
// on the position, so a promotion is recorded like a transfer with its own
// event code.
struct PromotionEvent {
  Date effective{};           // the first day in the new position
  PositionId position{};      // REQUIRED: a real id, not the current one
  std::string reason_code{};  // free code

  friend bool operator==(const PromotionEvent&, const PromotionEvent&) = default;
};

// Changes the working time of an employed person.
struct FteChangeEvent {
  Date effective{};           // the first day at the new FTE
  double fte = 1.0;           // in (0, 1.5]
  std::string reason_code{};  // free code

  friend bool operator==(const FteChangeEvent&, const FteChangeEvent&) = default;
};

// Sets or clears the acting manager of an employed person. While set, the
// acting manager is the employee's manager instead of the holder of the
// parent position.
struct ManagerChangeEvent {
  Date effective{};             // the first day of the change
  EmployeeId acting_manager{};  // invalid = clear (back to the position line)
  std::string reason_code{};    // free code

  friend bool operator==(const ManagerChangeEvent&, const ManagerChangeEvent&) = default;
};

// Starts a leave of absence: status kOnLeave, the position is kept.
struct LeaveOfAbsenceEvent {
  Date effective{};           // the first day of leave
  std::string reason_code{};  // free code

  friend bool operator==(const LeaveOfAbsenceEvent&, const LeaveOfAbsenceEvent&) = default;
};

// Ends a leave of absence: status kActive again.
struct ReturnFromLeaveEvent {
  Date effective{};           // the first day back at work
  std::string reason_code{};  // free code

  friend bool operator==(const ReturnFromLeaveEvent&, const ReturnFromLeaveEvent&) = default;
};

// Ends employment after `last_day`: the record takes effect on last_day + 1
// with status kTerminated, no position, no acting manager and FTE 0.
struct TerminationEvent {
  Date last_day{};                                     // the last day employed
  TerminationKind kind = TerminationKind::kVoluntary;  // REQUIRED: not kNone
  std::string reason_code{};                           // e.g. "RESIGNATION", "REDUNDANCY"

  friend bool operator==(const TerminationEvent&, const TerminationEvent&) = default;
};

// Starts a new employment period for a former employee. Earlier history is
// kept; `employment_start` becomes the rehire date.
struct RehireEvent {
  Date effective{};                                           // the first day of the new period
  PositionId position{};                                      // REQUIRED: a real id
  LocationId location{};                                      // invalid = not recorded
  WorkScheduleId work_schedule{};                             // invalid = the location's default
  std::string cost_center{};                                  // empty if none
  double fte = 1.0;                                           // in (0, 1.5]
  EmploymentType type = EmploymentType::kPermanent;           // permanent, fixed-term, ...
  SeniorityOnRehire seniority = SeniorityOnRehire::kRestart;  // how service before the break counts
  std::string reason_code{};                                  // free code

  friend bool operator==(const RehireEvent&, const RehireEvent&) = default;
};

// Any other change of job data. Only the fields that are set change; at least
// one must be set.
struct JobDataChangeEvent {
  Date effective{};                               // the first day of the change
  std::optional<std::string> cost_center{};       // the new cost center, if it changes
  std::optional<WorkScheduleId> work_schedule{};  // an invalid id = the location's default
  std::optional<LocationId> location{};           // the new location, if it changes
  std::optional<EmploymentType> type{};           // the new employment type, if it changes
  std::string reason_code{};                      // free code

  friend bool operator==(const JobDataChangeEvent&, const JobDataChangeEvent&) = default;
};

// Any lifecycle event.
using LifecycleEvent =
    std::variant<HireEvent, TransferEvent, PromotionEvent, FteChangeEvent, ManagerChangeEvent, LeaveOfAbsenceEvent,
                 ReturnFromLeaveEvent, TerminationEvent, RehireEvent, JobDataChangeEvent>;

// The day the event's employment record takes effect: `effective` for every
// event, `last_day + 1` for a termination. Returns a non-real date unchanged
// (a termination whose last day is not a real date gives that date), and
// not_a_date_time for a last day of 9999-12-31 (no later day exists).
Date EffectiveDate(const LifecycleEvent& event);

// The EmploymentEvent code an event records (kHire for HireEvent, ...).
EmploymentEvent EventKind(const LifecycleEvent& event);

// The position the event moves the employee into, or nullopt for events that
// do not (hire, rehire, transfer and promotion do).
std::optional<PositionId> TargetPosition(const LifecycleEvent& event);

}  // namespace hrkit

#endif  // HRKIT_PERSONNEL_EVENTS_HPP_
