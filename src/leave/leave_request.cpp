#include "hrkit/leave/leave_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr unsigned kMorningBit = 1;
constexpr unsigned kAfternoonBit = 2;
constexpr unsigned kWholeDay = kMorningBit | kAfternoonBit;

bool IsValidHalf(HalfDay h) { return h == HalfDay::kNone || h == HalfDay::kMorning || h == HalfDay::kAfternoon; }

std::string_view HalfName(HalfDay h) {
  switch (h) {
    case HalfDay::kNone:
      return "none";
    case HalfDay::kMorning:
      return "morning";
    case HalfDay::kAfternoon:
      return "afternoon";
  }
  return "invalid";
}

absl::Status ShapeError(const LeaveRequest& r, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(r), ": ", ToAbsl(field), " ", ToAbsl(what)));
}

// The half of a one-day request (kNone: the whole day). REQUIRES: valid shape.
HalfDay SingleDayHalf(const LeaveRequest& r) {
  return r.first_day_half != HalfDay::kNone ? r.first_day_half : r.last_day_half;
}

// The halves of `d` that `r` claims, as bits. REQUIRES: valid shape.
unsigned ClaimedHalves(const LeaveRequest& r, Date d) {
  if (d < r.first_day || d > r.last_day) return 0;
  HalfDay half = HalfDay::kNone;
  if (r.first_day == r.last_day) {
    half = SingleDayHalf(r);
  } else if (d == r.first_day) {
    half = r.first_day_half;
  } else if (d == r.last_day) {
    half = r.last_day_half;
  }
  switch (half) {
    case HalfDay::kMorning:
      return kMorningBit;
    case HalfDay::kAfternoon:
      return kAfternoonBit;
    case HalfDay::kNone:
      break;
  }
  return kWholeDay;
}

// The holidays of a request's days, each calendar expanded over the whole
// request once, when first met (a request usually sees one calendar, two
// when the employee moves inside it).
class HolidaysOfRequest {
 public:
  explicit HolidaysOfRequest(const Period& period) : period_(period) {}

  // The holiday of `date` in `calendar` (nullptr: none, or no calendar).
  // Returns InvalidArgument for an invalid calendar.
  absl::StatusOr<const Holiday*> On(Date date, const HolidayCalendar* calendar) {
    if (calendar == nullptr) return static_cast<const Holiday*>(nullptr);
    auto known = std::find_if(expanded_.begin(), expanded_.end(),
                              [calendar](const Expanded& e) { return e.calendar == calendar; });
    if (known == expanded_.end()) {
      HRKIT_ASSIGN_OR_RETURN(std::vector<Holiday> days, HolidaysIn(*calendar, period_));
      expanded_.push_back(Expanded{calendar, std::move(days)});
      known = expanded_.end() - 1;
    }
    const auto it = std::lower_bound(known->holidays.begin(), known->holidays.end(), date,
                                     [](const Holiday& h, Date d) { return h.date < d; });
    return it != known->holidays.end() && it->date == date ? &*it : nullptr;
  }

 private:
  struct Expanded {
    const HolidayCalendar* calendar;
    std::vector<Holiday> holidays;  // sorted, one per date (HolidaysIn)
  };
  Period period_;
  std::vector<Expanded> expanded_;
};

absl::StatusOr<LeaveRequest> Decide(const LeaveRequest& request, Date on, std::string comment,
                                    std::string_view action) {
  if (!IsRealDate(on)) {
    return absl::InvalidArgumentError(
        absl::StrCat(LeaveRequestLabel(request), ": ", ToAbsl(action), " date must be a real date"));
  }
  if (IsRealDate(request.submitted_on) && on < request.submitted_on) {
    return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(request), ": ", ToAbsl(action), " date ",
                                                   FormatIsoDate(on), " is before submitted_on ",
                                                   FormatIsoDate(request.submitted_on)));
  }
  LeaveRequest changed = request;
  if (!comment.empty()) changed.decision_comment = std::move(comment);
  return changed;
}

absl::Status WrongStatus(const LeaveRequest& r, std::string_view action) {
  return absl::FailedPreconditionError(absl::StrCat(LeaveRequestLabel(r), ": status: cannot ", ToAbsl(action),
                                                    " a request that is ", ToAbsl(LeaveRequestStatusName(r.status))));
}

}  // namespace

std::string_view LeaveRequestStatusName(LeaveRequestStatus status) {
  switch (status) {
    case LeaveRequestStatus::kSubmitted:
      return "submitted";
    case LeaveRequestStatus::kApproved:
      return "approved";
    case LeaveRequestStatus::kRejected:
      return "rejected";
    case LeaveRequestStatus::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

std::string LeaveRequestLabel(const LeaveRequest& r) {
  return absl::StrCat(r.id.valid() ? ToString(r.id) : std::string("new leave_request"), " (", ToString(r.employee),
                      ")");
}

Period RequestPeriod(const LeaveRequest& request) {
  return Period(request.first_day, request.last_day + boost::gregorian::days(1));
}

absl::Status ValidateLeaveRequest(const LeaveRequest& r) {
  if (!r.id.valid()) return ShapeError(r, "id", "must be a valid leave request id");
  if (!r.employee.valid()) return ShapeError(r, "employee", "must be a valid employee id");
  if (!r.leave_type.valid()) return ShapeError(r, "leave_type", "must be a valid leave type id");
  HRKIT_RETURN_IF_ERROR(ValidateRequestShape(r));
  const int status = static_cast<int>(r.status);
  if (status < 0 || status > static_cast<int>(LeaveRequestStatus::kCancelled)) {
    return ShapeError(r, "status", "is not a known value");
  }
  if (!std::isfinite(r.duration) || r.duration < 0) {
    return ShapeError(r, "duration", absl::StrCat("must be a finite number >= 0, got ", r.duration));
  }
  return absl::OkStatus();
}

absl::Status ValidateRequestShape(const LeaveRequest& r) {
  if (!IsRealDate(r.first_day)) return ShapeError(r, "first_day", "must be a real date");
  if (!IsRealDate(r.last_day)) return ShapeError(r, "last_day", "must be a real date");
  if (r.last_day < r.first_day) {
    return ShapeError(r, "last_day",
                      absl::StrCat(FormatIsoDate(r.last_day), " is before first_day ", FormatIsoDate(r.first_day)));
  }
  const std::int64_t days = (r.last_day - r.first_day).days() + 1;
  if (days > kMaxLeaveRequestDays) {
    return ShapeError(
        r, "last_day",
        absl::StrCat("makes a request of ", days, " days; at most ", kMaxLeaveRequestDays, " are accepted"));
  }
  if (!IsValidHalf(r.first_day_half)) return ShapeError(r, "first_day_half", "is not a known value");
  if (!IsValidHalf(r.last_day_half)) return ShapeError(r, "last_day_half", "is not a known value");
  if (r.counting.unit != DurationUnit::kDays && r.counting.unit != DurationUnit::kHours) {
    return ShapeError(r, "unit", "is not a known value");
  }
  if (r.counting.basis != DayCountBasis::kWorkingDays && r.counting.basis != DayCountBasis::kCalendarDays) {
    return ShapeError(r, "basis", "is not a known value");
  }
  if (r.first_day == r.last_day) {
    if (r.first_day_half != HalfDay::kNone && r.last_day_half != HalfDay::kNone &&
        r.first_day_half != r.last_day_half) {
      return ShapeError(
          r, "last_day_half",
          absl::StrCat(ToAbsl(HalfName(r.last_day_half)), " with first_day_half ", ToAbsl(HalfName(r.first_day_half)),
                       " on a one-day request would be both halves; request the whole day"));
    }
    return absl::OkStatus();
  }
  if (r.first_day_half == HalfDay::kMorning) {
    return ShapeError(r, "first_day_half",
                      "morning: a request over several days can only start in the afternoon of its first day");
  }
  if (r.last_day_half == HalfDay::kAfternoon) {
    return ShapeError(r, "last_day_half",
                      "afternoon: a request over several days can only end at noon of its last day");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<LeaveDay>> LeaveDaysOf(const LeaveRequest& request, const DaySchedules& schedules,
                                                  const DayHolidays& calendars) {
  HRKIT_RETURN_IF_ERROR(ValidateRequestShape(request));
  const Period period = RequestPeriod(request);
  HolidaysOfRequest holidays(period);
  const bool hours = request.counting.unit == DurationUnit::kHours;

  std::vector<LeaveDay> all;     // one entry per calendar day, zeros included
  std::vector<double> full_day;  // what a sandwiched day is worth, per day
  all.reserve(static_cast<std::size_t>(DayCount(period)));
  full_day.reserve(all.capacity());
  const WorkSchedule* validated = nullptr;  // schedules change rarely: validate each once in a row
  for (Date d = period.begin(); d < period.end(); d += boost::gregorian::days(1)) {
    HRKIT_ASSIGN_OR_RETURN(const WorkSchedule* schedule, schedules.On(d));
    if (schedule != validated) {
      HRKIT_RETURN_IF_ERROR(ValidateWorkSchedule(*schedule));
      validated = schedule;
    }
    HRKIT_ASSIGN_OR_RETURN(const HolidayCalendar* calendar, calendars.On(d));
    HRKIT_ASSIGN_OR_RETURN(const Holiday* holiday, holidays.On(d, calendar));
    DayWorkingTime t = WorkingTimeOn(d, *schedule, holiday, request.counting.basis);
    if (ClaimedHalves(request, d) != kWholeDay) {
      t.days = std::min(t.days, 0.5);
      t.hours = std::min(t.hours, schedule->full_day_hours / 2.0);
    }
    all.push_back(LeaveDay{d, hours ? t.hours : t.days, request.id});
    full_day.push_back(hours ? schedule->full_day_hours : 1.0);
  }
  if (request.counting.sandwich) {
    auto first = std::find_if(all.begin(), all.end(), [](const LeaveDay& l) { return l.amount > 0.0; });
    auto last = std::find_if(all.rbegin(), all.rend(), [](const LeaveDay& l) { return l.amount > 0.0; });
    if (first != all.end()) {
      for (auto it = first + 1; it < last.base() - 1; ++it) {
        it->amount = full_day[static_cast<std::size_t>(it - all.begin())];
      }
    }
  }
  std::vector<LeaveDay> charged;
  for (const LeaveDay& l : all) {
    if (l.amount > 0.0) charged.push_back(l);
  }
  return charged;
}

absl::StatusOr<double> RequestDuration(const LeaveRequest& request, const DaySchedules& schedules,
                                       const DayHolidays& calendars) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> days, LeaveDaysOf(request, schedules, calendars));
  return TotalAmount(days);
}

absl::StatusOr<std::vector<LeaveDay>> TakenDays(const LeaveRequest& request, const DaySchedules& schedules,
                                                const DayHolidays& calendars) {
  if (request.status != LeaveRequestStatus::kApproved) {
    return absl::FailedPreconditionError(absl::StrCat(LeaveRequestLabel(request),
                                                      ": status: only an approved request takes leave, this one is ",
                                                      ToAbsl(LeaveRequestStatusName(request.status))));
  }
  return LeaveDaysOf(request, schedules, calendars);
}

absl::StatusOr<std::vector<LeaveDay>> TakenDaysOf(std::span<const LeaveRequest> requests, EmployeeId employee,
                                                  LeaveTypeId leave_type, const DaySchedules& schedules,
                                                  const DayHolidays& calendars) {
  std::vector<LeaveDay> taken;
  for (const LeaveRequest& r : requests) {
    if (r.employee != employee || r.leave_type != leave_type || r.status != LeaveRequestStatus::kApproved) continue;
    HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> days, TakenDays(r, schedules, calendars));
    taken.insert(taken.end(), days.begin(), days.end());
  }
  std::sort(taken.begin(), taken.end(), [](const LeaveDay& a, const LeaveDay& b) {
    return a.date != b.date ? a.date < b.date : a.request < b.request;
  });
  return taken;
}

bool RequestsOverlap(const LeaveRequest& a, const LeaveRequest& b) {
  const Date from = std::max(a.first_day, b.first_day);
  const Date to = std::min(a.last_day, b.last_day);
  for (Date d = from; d <= to; d += boost::gregorian::days(1)) {
    if ((ClaimedHalves(a, d) & ClaimedHalves(b, d)) != 0) return true;
  }
  return false;
}

absl::StatusOr<LeaveRequest> ApproveLeaveRequest(const LeaveRequest& request, Date on, std::string comment) {
  if (request.status != LeaveRequestStatus::kSubmitted) return WrongStatus(request, "approve");
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest changed, Decide(request, on, std::move(comment), "approval"));
  changed.status = LeaveRequestStatus::kApproved;
  changed.decided_on = on;
  return changed;
}

absl::StatusOr<LeaveRequest> RejectLeaveRequest(const LeaveRequest& request, Date on, std::string comment) {
  if (request.status != LeaveRequestStatus::kSubmitted) return WrongStatus(request, "reject");
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest changed, Decide(request, on, std::move(comment), "rejection"));
  changed.status = LeaveRequestStatus::kRejected;
  changed.decided_on = on;
  return changed;
}

absl::StatusOr<LeaveRequest> CancelLeaveRequest(const LeaveRequest& request, Date on, std::string comment) {
  if (request.status != LeaveRequestStatus::kSubmitted && request.status != LeaveRequestStatus::kApproved) {
    return WrongStatus(request, "cancel");
  }
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest changed, Decide(request, on, std::move(comment), "cancellation"));
  changed.status = LeaveRequestStatus::kCancelled;
  changed.cancelled_on = on;
  return changed;
}

}  // namespace hrkit
