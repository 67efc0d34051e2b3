// The leave request workflow: submission with every check a request must pass,
// and LeaveRequestBook, a small service over a collection of requests that
// assigns ids and applies submit / approve / reject / cancel.
//
// Submission checks, in this order (each error names the request, the
// employee and the field):
//  1. InvalidArgument: the input's employee is not context.employee.id; the
//     shape (see ValidateRequestShape: last day before first day, a one-day
//     request with both halves, a morning start or afternoon end of a
//     multi-day request, over kMaxLeaveRequestDays days); an invalid schedule
//     or calendar; a submission date that is not real.
//  2. InvalidArgument: the request carries no leave (only weekends and
//     holidays, or a half day on a day off): field "duration".
//  3. FailedPrecondition: the employee is not employed (active or on leave
//     in the employment Timeline) on every requested day: before the hire or
//     after the termination; the message names the first such date.
//  4. FailedPrecondition: it overlaps another submitted or approved request of
//     the same employee (any leave type; a morning and an afternoon of the same
//     date do not overlap); the message names the other request and the date.
//  5. FailedPrecondition: entitlements.HasPolicy is false on a day that carries
//     leave ("no leave policy").
//  6. FailedPrecondition: the balance would go below the negative limit.
//     What is checked, on submission and on approval alike: the employee's
//     ledger of the type is computed with the request charged as approved
//     (entitlements.LedgerWith: the engine that computes every balance, so
//     the year-end lapses and carry-overs, the expiries and the adjustments
//     are in it), together with the employee's approved requests of the type
//     and, on submission only, her other submitted requests of the type (as
//     if approved). On every day from the request's first day through
//     December 31 of the second year after the last day any of these
//     requests charges (or further, up to the ledger's horizon), the balance
//     at the end of the day must be >= -(the negative limit of the policy
//     version in force that day); days without a version, or under a version
//     that keeps no balance or has no limit, are not limited. Exactly
//     reaching the limit is allowed. The message names the request, the
//     first day below the limit, the balance and the allowed floor:
//     "leave_request:2 (employee:7): duration: 5 would leave a balance of -3
//     on 2024-12-13, below the allowed 0 for leave_type:1". So the order in
//     which requests are approved decides which one is refused, never
//     whether the ledger ends below the limit: a request that leaves enough
//     on its own first day but takes a later approved request, a lapse at
//     the year end or a lower limit below the floor is refused.
//
// Approval with checks (ApproveLeaveRequestChecked) asks checks 3 to 6 again
// against the facts as they are on approval, because they may have changed
// since submission: a termination entered, a policy withdrawn, a balance
// reduced by an adjustment or by the approval of another request. Its
// balance check charges only approved requests: the employee's other
// requests that are still only submitted do not hold approval back;
// whichever is approved first draws on the balance first.
// It also counts the request again under the context's schedules and
// calendars: the approved request carries the recounted duration (a holiday
// declared or a schedule changed since submission changes what it costs),
// the balance is checked against it, and a request that no longer carries
// any leave is refused (FailedPrecondition, field "duration"). The counting
// rules (unit, basis, sandwich) stay those stored on the request. Every
// charged request is counted under the context's schedules and calendars.
//
// Thread safety: SubmitLeaveRequest is a pure function. A LeaveRequestBook is
// a value: const methods may run concurrently; changes need external
// synchronization.
#ifndef HRKIT_LEAVE_LEAVE_REQUESTS_HPP_
#define HRKIT_LEAVE_LEAVE_REQUESTS_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// What an employee asks for. Days are inclusive; see leave_request.hpp for
// the half-day rules.
struct LeaveRequestInput {
  EmployeeId employee;                      // who asks
  LeaveTypeId leave_type;                   // for which leave type
  Date first_day;                           // first day of leave (inclusive)
  Date last_day;                            // last day of leave (inclusive)
  HalfDay first_day_half = HalfDay::kNone;  // kAfternoon: the first day from noon
  HalfDay last_day_half = HalfDay::kNone;   // kMorning: the last day until noon
  std::string reason;                       // the employee's words
};

// What submission checks a request against. All references must outlive the
// call. `schedule` may be one WorkSchedule for every day, or
// `DaySchedules(employee.employment, schedules, locations, company_default)`
// so that a schedule change inside the request is counted day by day;
// likewise `calendar` may be one HolidayCalendar, or
// `DayHolidays(employee.employment, locations, calendars, company_calendar)`
// so that a move to another location counts that location's holidays from
// the day of the move. `entitlements`
// may be `FunctionLeaveEntitlements({}, {})` to skip the policy and balance
// checks, or a LedgerEntitlements (leave/ledger_entitlements.hpp).
struct LeaveRequestContext {
  const Employee& employee;               // with its employment Timeline
  DaySchedules schedule;                  // the employee's schedule, or schedules by date
  DayHolidays calendar;                   // the holidays of the employee's location, or calendars by date
  LeaveCountingRules counting;            // from the leave type's policy
  const LeaveEntitlements& entitlements;  // the employee's policies and ledger
};

// Checks `input` (see the header comment) and returns the new request in
// status kSubmitted with id `id`, its duration computed, submitted on
// `submitted_on`. `existing` may hold any requests: only those of the same
// employee in status submitted or approved, other than `id`, compete.
//
// Example:
//   FunctionLeaveEntitlements no_checks({}, {});
//   LeaveRequestContext context{employee, schedule, calendar, {}, no_checks};
//   HRKIT_ASSIGN_OR_RETURN(LeaveRequest r,
//       SubmitLeaveRequest(LeaveRequestId(1), input, context, existing, today));
absl::StatusOr<LeaveRequest> SubmitLeaveRequest(LeaveRequestId id, const LeaveRequestInput& input,
                                                const LeaveRequestContext& context,
                                                std::span<const LeaveRequest> existing, Date submitted_on);

// Approves the submitted `request` on `on` after asking checks 3 to 6 of the
// header comment again against `context` and `existing` (any requests; those
// of other employees, and `request` itself, are ignored). Returns the
// approved copy with its duration recounted under `context` (see the header
// comment), or the first failed check's error (FailedPrecondition,
// naming the request and the field), or the errors of ApproveLeaveRequest
// (status not submitted, bad date). InvalidArgument when context.employee is
// not the request's employee.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(LeaveRequest approved,
//       ApproveLeaveRequestChecked(request, context, book.requests(), today, "enjoy"));
absl::StatusOr<LeaveRequest> ApproveLeaveRequestChecked(const LeaveRequest& request, const LeaveRequestContext& context,
                                                        std::span<const LeaveRequest> existing, Date on,
                                                        std::string comment = "");

// A collection of leave requests with the workflow applied to it. Ids are
// assigned in order, after the largest id loaded. A failed call changes
// nothing.
class LeaveRequestBook {
 public:
  // An empty book; the first request gets id 1.
  LeaveRequestBook() = default;

  // A book over stored requests. Returns InvalidArgument for an invalid or a
  // duplicate id.
  static absl::StatusOr<LeaveRequestBook> FromRequests(std::vector<LeaveRequest> requests);

  // Submits (see SubmitLeaveRequest) against the book's requests and stores
  // the new request. Returns its id, or the error of SubmitLeaveRequest.
  absl::StatusOr<LeaveRequestId> Submit(const LeaveRequestInput& input, const LeaveRequestContext& context,
                                        Date submitted_on);

  // ApproveLeaveRequestChecked against the book's requests: approval that
  // asks employment, overlap, policy and balance again. Returns NotFound for
  // an unknown id, else its errors.
  absl::Status Approve(LeaveRequestId id, const LeaveRequestContext& context, Date on, std::string comment = "");
  // ApproveLeaveRequest without the checks: only the status moves. For
  // importing decisions taken elsewhere; use Approve whenever the facts are at
  // hand. Returns NotFound for an unknown id, else its errors.
  absl::Status ApproveUnchecked(LeaveRequestId id, Date on, std::string comment = "");
  // Apply RejectLeaveRequest / CancelLeaveRequest to the stored request.
  // Return NotFound for an unknown id, else their errors.
  absl::Status Reject(LeaveRequestId id, Date on, std::string comment = "");
  absl::Status Cancel(LeaveRequestId id, Date on, std::string comment = "");

  // The request with `id`, or nullptr. Valid until the book changes.
  const LeaveRequest* Find(LeaveRequestId id) const;
  // The requests of `employee` in id order.
  std::vector<LeaveRequest> OfEmployee(EmployeeId employee) const;
  // Every request, in the order added.
  std::span<const LeaveRequest> requests() const { return requests_; }

  // Equal when they hold the same requests in the same order.
  friend bool operator==(const LeaveRequestBook& a, const LeaveRequestBook& b) { return a.requests_ == b.requests_; }

 private:
  absl::Status Replace(LeaveRequestId id, absl::StatusOr<LeaveRequest> changed);

  std::vector<LeaveRequest> requests_;
  absl::flat_hash_map<LeaveRequestId, std::size_t> index_;                 // id -> position
  absl::flat_hash_map<EmployeeId, std::vector<std::size_t>> by_employee_;  // positions, in order
  std::int64_t next_id_ = 1;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_REQUESTS_HPP_
