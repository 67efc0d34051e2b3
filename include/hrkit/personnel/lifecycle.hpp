// Applying lifecycle events (personnel/events.hpp) to an employee's
// effective-dated employment history, with every check that needs only the
// employee: status transitions, dates against the hire date and the current
// employment period, FTE range, minimum age. Checks that need other entities
// (does the position exist and have room, is the acting manager employed)
// are made by org/workforce.hpp, which calls ApplyEvent.
//
// Effective dating. Each event adds one EmploymentRecord to
// Employee::employment, effective on EffectiveDate(event) and entered on the
// `recorded` date. Several events on one day are sequenced; the last wins.
//
// Backdated events. An event dated before existing records is allowed. Its
// change carries forward into every later record that did not set the same
// field itself: a transfer to position P backdated to 03-01 makes a later FTE
// change on 05-01 show position P too. Each later day's events are replayed
// in their order on top of the corrected state (a leave and a return on one
// day both stay in effect), and restated together. History is never
// overwritten: the restated records of a day are added as new entries on that
// day (the next sequence numbers, in the order of the events they restate)
// with the new recorded date and `carried_forward = true`, so
// `employment.AsKnownOn(earlier)` still shows the picture before the
// correction. Carrying forward stops at the first later day whose previous
// day comes out unchanged.
// A field counts as "set by" a later event if its record changed it from the
// record before (the day before, or the previous event of the same day), or
// if it is the field the record's event is about
// (position for a transfer or promotion, FTE for an FTE change, the acting
// manager for a manager change, status for a leave, a return or a
// termination, everything for a rehire).
//
// Contradictions. A backdated event that would make a later event impossible
// (a termination dated before a later transfer, a leave dated before a later
// leave, a return from leave before a later return, a transfer to the seat
// a later transfer or promotion moves to) is rejected with
// FailedPrecondition naming the later event and its date. A termination
// takes effect at the start of the day after the last day, so it is also
// rejected when an event is already recorded on that day (a transfer on
// 07-01 and a last day of 06-30), as that event entered after the
// termination would be refused. hrkit never deletes
// or rewrites the later event on its own: the caller decides what the
// correct history is and records it event by event.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_PERSONNEL_LIFECYCLE_HPP_
#define HRKIT_PERSONNEL_LIFECYCLE_HPP_

#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/events.hpp"

namespace hrkit {

// When a person born on 29 February has a birthday in a common year.
enum class LeapDayBirthday {
  kMarch1 = 0,      // the year is complete only after 28 February (the default)
  kFebruary28 = 1,  // the birthday is taken as 28 February
};

// Employee-local rules that are a policy choice.
struct LifecycleOptions {
  // A hire or rehire needs the person to be at least this old on its
  // effective date (when the birth date is known). 0 disables the check.
  int minimum_age_years = 16;
  LeapDayBirthday leap_day_birthday = LeapDayBirthday::kMarch1;
};

// The day a person born on `birth` turns `years` old. A 29 February birthday
// falls on 29 February in leap years and on the day `rule` says otherwise.
// REQUIRES: IsRealDate(birth), years >= 0, the result within years 1400..9999.
//
// Example: BirthdayAtAge(2008-02-29, 17, kMarch1) == 2025-03-01.
Date BirthdayAtAge(Date birth, int years, LeapDayBirthday rule);

// Applies `event` to `employee`, entered on `recorded`, and returns the
// updated employee; `employee` itself is not changed, so on error nothing is.
// Errors (each message names "employee:<id>" and the field):
// - InvalidArgument: the effective date, last day or `recorded` is not a real
//   date; `recorded` is before the latest recorded entry of the history
//   (knowledge only moves forward); FTE outside (0, 1.5]; a hire, rehire,
//   transfer or promotion without a real position id; a transfer or promotion
//   to the position already held; a termination kind of kNone; an acting
//   manager equal to the employee; a job-data change that sets nothing.
// - FailedPrecondition: a hire of someone who already has employment history;
//   any other event dated before the hire date or for an employee never
//   hired; a transfer, promotion, FTE, manager or job-data change or a
//   termination while not employed on that date; a leave while not active; a
//   return from leave while not on leave; a rehire while employed; a last day
//   before the start of the current employment period; a hire or rehire
//   before the minimum age; a backdated event that contradicts a later event
//   (the message names the later event and its date); a termination whose
//   first day without employment already has an event.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(Employee hired,
//       ApplyEvent(person, HireEvent{.effective = start, .position = seat}, today));
//   HRKIT_ASSIGN_OR_RETURN(Employee moved,
//       ApplyEvent(hired, TransferEvent{.effective = d, .position = other}, today));
absl::StatusOr<Employee> ApplyEvent(const Employee& employee, const LifecycleEvent& event, Date recorded,
                                    const LifecycleOptions& options = {});

// The employment record in effect on `date`, or nullptr before the hire (or
// for a date that is not real). Valid until `employee` changes.
const EmploymentRecord* RecordOn(const Employee& employee, Date date);

// True if the employee is employed (active or on leave) on `date`.
bool IsEmployedOn(const Employee& employee, Date date);

// The employee's employment periods, oldest first: each runs from a hire or
// rehire to the day a termination takes effect (open-ended while employed).
std::vector<Period> EmploymentPeriods(const Employee& employee);

}  // namespace hrkit

#endif  // HRKIT_PERSONNEL_LIFECYCLE_HPP_
