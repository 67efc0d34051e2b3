// Leave requests: the entity, how long a request is (from the employee's work
// schedule and holiday calendar), the days it charges, and its state changes
// (approve, reject, cancel). Submission with all its checks lives in
// leave_requests.hpp.
//
// Days are stored inclusive: a request covers first_day..last_day, both
// taken (as an employee writes it). Internally and in RequestPeriod() it is
// the half-open period [first_day, last_day + 1).
//
// Half days: `first_day_half` / `last_day_half` say which half of that day is
// taken; kNone means the whole day. A request over several days is one
// stretch of absence, so it can only start in the afternoon of its first day
// and only end at noon of its last day (first_day_half is kNone or
// kAfternoon, last_day_half kNone or kMorning). A one-day request takes the
// half in first_day_half (last_day_half is then kNone or the same half).
//
// How a request is counted (LeaveCountingRules, stored on the request):
// - each day is worth its working time (working_time.hpp): a full working
//   day 1, a 4-hour Friday 0.5, a weekend or full holiday 0, a half-day
//   holiday 0.5 on a full day; with DayCountBasis::kCalendarDays every day 1;
// - a requested half day takes min(value of the day, 0.5) days, or
//   min(hours of the day, full_day_hours / 2) hours (a half-day holiday is
//   taken to fall on the other half);
// - sandwich rule (optional): every day strictly between the first and the
//   last day that carry leave counts as a full day (1 day, full_day_hours
//   hours), so a Friday + Monday request is 4 days instead of 2.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_LEAVE_REQUEST_HPP_
#define HRKIT_LEAVE_LEAVE_REQUEST_HPP_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/calendar/working_time.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_day.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Which half of a day is taken.
enum class HalfDay {
  kNone = 0,  // the whole day
  kMorning = 1,
  kAfternoon = 2,
};

// The names of HalfDay values (core/enum_names.hpp).
inline constexpr EnumName<HalfDay> kHalfDayNames[] = {
    {HalfDay::kNone, "none"}, {HalfDay::kMorning, "morning"}, {HalfDay::kAfternoon, "afternoon"}};
constexpr std::span<const EnumName<HalfDay>> EnumNamesOf(HalfDay) { return kHalfDayNames; }

// Where a request stands. Submitted -> approved | rejected | cancelled;
// approved -> cancelled. Rejected and cancelled are final.
enum class LeaveRequestStatus {
  kSubmitted = 0,
  kApproved = 1,
  kRejected = 2,
  kCancelled = 3,
};

// The names of LeaveRequestStatus values (core/enum_names.hpp).
inline constexpr EnumName<LeaveRequestStatus> kLeaveRequestStatusNames[] = {
    {LeaveRequestStatus::kSubmitted, "submitted"},
    {LeaveRequestStatus::kApproved, "approved"},
    {LeaveRequestStatus::kRejected, "rejected"},
    {LeaveRequestStatus::kCancelled, "cancelled"}};
constexpr std::span<const EnumName<LeaveRequestStatus>> EnumNamesOf(LeaveRequestStatus) {
  return kLeaveRequestStatusNames;
}

// "submitted", "approved", "rejected", "cancelled".
std::string_view LeaveRequestStatusName(LeaveRequestStatus status);

// How a leave type counts requests (the policy decides; see the header comment).
struct LeaveCountingRules {
  DurationUnit unit = DurationUnit::kDays;            // days or hours
  DayCountBasis basis = DayCountBasis::kWorkingDays;  // which days count (working or calendar days)
  bool sandwich = false;                              // true: the sandwich rule (header comment)

  friend bool operator==(const LeaveCountingRules&, const LeaveCountingRules&) = default;
};

// A request for leave.
struct LeaveRequest {
  static constexpr std::string_view kEntityName = "leave_request";

  LeaveRequestId id;                                           // the request's id
  EmployeeId employee;                                         // who asks
  LeaveTypeId leave_type;                                      // for which leave type
  Date first_day;                                              // first day of leave (inclusive)
  Date last_day;                                               // last day of leave (inclusive)
  HalfDay first_day_half = HalfDay::kNone;                     // kAfternoon: the first day from noon
  HalfDay last_day_half = HalfDay::kNone;                      // kMorning: the last day until noon
  LeaveCountingRules counting;                                 // how `duration` was computed
  double duration = 0.0;                                       // in counting.unit, computed at submission
  LeaveRequestStatus status = LeaveRequestStatus::kSubmitted;  // where it is in its workflow
  Date submitted_on;                                           // when it was submitted
  Date decided_on;                                             // approval or rejection; not_a_date_time while pending
  Date cancelled_on;                                           // not_a_date_time unless cancelled
  std::string reason;                                          // the employee's words
  std::string decision_comment;                                // the approver's words (or the canceller's)

  friend bool operator==(const LeaveRequest&, const LeaveRequest&) = default;
};

// Field description: all scalar; the counting rules are three columns.
// Reasons and comments may mention health: Sensitivity::kHealth.
template <class V, class Self>
requires SameEntity<Self, LeaveRequest>
void Describe(V& v, Self& r) {
  v.Field("id", r.id, Sensitivity::kPersonal);
  v.Field("employee", r.employee, Sensitivity::kPersonal);
  v.Field("leave_type", r.leave_type, Sensitivity::kPersonal);
  v.Field("first_day", r.first_day, Sensitivity::kPersonal);
  v.Field("last_day", r.last_day, Sensitivity::kPersonal);
  v.Field("first_day_half", r.first_day_half, Sensitivity::kPersonal);
  v.Field("last_day_half", r.last_day_half, Sensitivity::kPersonal);
  v.Field("unit", r.counting.unit, Sensitivity::kPersonal);
  v.Field("basis", r.counting.basis, Sensitivity::kPersonal);
  v.Field("sandwich", r.counting.sandwich, Sensitivity::kPersonal);
  v.Field("duration", r.duration, Sensitivity::kPersonal);
  v.Field("status", r.status, Sensitivity::kPersonal);
  v.Field("submitted_on", r.submitted_on, Sensitivity::kPersonal);
  v.Field("decided_on", r.decided_on, Sensitivity::kPersonal);
  v.Field("cancelled_on", r.cancelled_on, Sensitivity::kPersonal);
  v.Field("reason", r.reason, Sensitivity::kHealth);
  v.Field("decision_comment", r.decision_comment, Sensitivity::kHealth);
}

// "leave_request:12 (employee:7)": the prefix of every message about `r`.
std::string LeaveRequestLabel(const LeaveRequest& r);

// [first_day, last_day + 1). REQUIRES: real dates, first_day <= last_day.
Period RequestPeriod(const LeaveRequest& request);

// True if the request's dates and halves make sense: real dates, last_day on
// or after first_day, at most kMaxLeaveRequestDays days, half days as in the
// header comment (a one-day request with a morning and an afternoon would be
// both halves: rejected; state a full day instead), known enum values in the
// half-day and counting fields. Returns InvalidArgument naming the request and
// the field otherwise.
absl::Status ValidateRequestShape(const LeaveRequest& request);

// Checks a stored request on its own: valid id, employee and leave type ids,
// ValidateRequestShape, a known status and a finite duration >= 0. Returns
// InvalidArgument naming the request and the field. Whether the request fits
// its employee's other requests and balance is the workflow's check
// (leave/leave_requests.hpp), not this one.
absl::Status ValidateLeaveRequest(const LeaveRequest& request);

// The domain validator the store runs on every write (found by ADL): the
// same as ValidateLeaveRequest.
inline absl::Status ValidateStoredEntity(const LeaveRequest& request) { return ValidateLeaveRequest(request); }

// The longest request accepted, in calendar days (three years).
inline constexpr int kMaxLeaveRequestDays = 1096;

// The leave each day of `request` carries under request.counting, one
// LeaveDay per day with an amount > 0 (in request.counting.unit), in date
// order, each tagged with request.id. Does not look at the status. Each day
// is counted with its own schedule and holiday calendar (`schedules`: one
// WorkSchedule for every day, or a DaySchedules reading the employment
// records; `calendars`: one HolidayCalendar, or a DayHolidays reading them);
// a half day and a sandwiched day use that day's full_day_hours.
// Returns InvalidArgument for a bad shape (ValidateRequestShape), an invalid
// schedule or calendar; NotFound when DaySchedules::On or DayHolidays::On
// does.
//
// Example (Monday-Friday 8 h, no holidays, sandwich off):
//   Friday 2024-05-03 .. Monday 2024-05-06 -> {05-03: 1, 05-06: 1}
//   with counting.sandwich = true          -> {05-03: 1, 05-04: 1, 05-05: 1, 05-06: 1}
absl::StatusOr<std::vector<LeaveDay>> LeaveDaysOf(const LeaveRequest& request, const DaySchedules& schedules,
                                                  const DayHolidays& calendars);

// The sum of LeaveDaysOf: what the request costs, in request.counting.unit.
absl::StatusOr<double> RequestDuration(const LeaveRequest& request, const DaySchedules& schedules,
                                       const DayHolidays& calendars);

// What an approved request charges to the leave ledger: LeaveDaysOf for a
// request in status kApproved, to be posted as "taken" entries. Pass the
// schedules and calendars the request was submitted under.
// Returns FailedPrecondition for any other status (a cancelled request takes
// nothing: the ledger reverses what it posted), otherwise as LeaveDaysOf.
absl::StatusOr<std::vector<LeaveDay>> TakenDays(const LeaveRequest& request, const DaySchedules& schedules,
                                                const DayHolidays& calendars);

// Everything `employee` has taken of `leave_type` through `requests` (any
// mix of employees, types and statuses): the TakenDays of each approved
// request of that employee and type, ordered by date (same date: by request
// id). This is the `taken` input of the employee's ledger (AccrualFacts): a
// cancelled request simply drops out and the ledger is recomputed. All
// requests are counted with the schedules and the calendars given.
// Errors: as LeaveDaysOf, for the first request that fails.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<LeaveDay> taken,
//       TakenDaysOf(book.requests(), employee.id, annual, schedule, calendar));
absl::StatusOr<std::vector<LeaveDay>> TakenDaysOf(std::span<const LeaveRequest> requests, EmployeeId employee,
                                                  LeaveTypeId leave_type, const DaySchedules& schedules,
                                                  const DayHolidays& calendars);

// True if `a` and `b` claim the same half of some date. A morning and an
// afternoon of one date do not overlap. Ignores employee and status (see
// SubmitLeaveRequest for which requests compete). REQUIRES: valid shapes.
bool RequestsOverlap(const LeaveRequest& a, const LeaveRequest& b);

// State changes. Each returns the changed copy; `request` is not modified.
// `on` is the decision date, `comment` goes to decision_comment (an empty
// comment keeps the previous one).
// Errors: FailedPrecondition, naming the request and "status", when the
// current status does not allow the change (approving or rejecting anything
// but a submitted request; cancelling a rejected or cancelled request);
// InvalidArgument when `on` is not a real date or is before submitted_on.
absl::StatusOr<LeaveRequest> ApproveLeaveRequest(const LeaveRequest& request, Date on, std::string comment = "");
absl::StatusOr<LeaveRequest> RejectLeaveRequest(const LeaveRequest& request, Date on, std::string comment = "");
// Cancels a submitted or an approved request (sets cancelled_on).
absl::StatusOr<LeaveRequest> CancelLeaveRequest(const LeaveRequest& request, Date on, std::string comment = "");

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_REQUEST_HPP_
