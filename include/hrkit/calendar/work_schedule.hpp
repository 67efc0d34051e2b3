// Work schedules: which weekdays an employee works and for how many hours.
// A schedule answers "how much working time is scheduled on this date", the
// base of every working-day count (leave requests, absence rates). Holidays
// are not part of a schedule; see holiday_calendar.hpp and working_time.hpp.
//
// A weekday with hours > 0 is a working day. Its value in days is
// min(1, hours / full_day_hours): with the default 8-hour day, a Friday of
// 4 hours is a half working day (0.5), a Friday of 6 hours counts 0.75.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_CALENDAR_WORK_SCHEDULE_HPP_
#define HRKIT_CALENDAR_WORK_SCHEDULE_HPP_

#include <array>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "hrkit/calendar/ids.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

// A weekly work schedule. Weekdays are indexed as boost numbers them:
// 0 = Sunday, 1 = Monday .. 6 = Saturday (`date.day_of_week().as_number()`).
struct WorkSchedule {
  static constexpr std::string_view kEntityName = "work_schedule";

  WorkScheduleId id;  // the schedule's id
  std::string name;   // e.g. "Monday-Friday 8h"
  // Scheduled hours per weekday (index 0 = Sunday .. 6 = Saturday); 0 means
  // not a working day. Default: Monday to Friday, 8 hours.
  std::array<double, 7> hours = {0.0, 8.0, 8.0, 8.0, 8.0, 8.0, 0.0};
  // The hours of one full working day: the divisor that turns hours into days
  // (and the hours a day counts when calendar days are counted).
  double full_day_hours = 8.0;

  friend bool operator==(const WorkSchedule&, const WorkSchedule&) = default;
};

// Field description (see core/describe.hpp): one column per weekday.
template <class V, class Self>
requires SameEntity<Self, WorkSchedule>
void Describe(V& v, Self& s) {
  v.Field("id", s.id, Sensitivity::kDirectory);
  v.Field("name", s.name, Sensitivity::kDirectory);
  v.Field("sunday_hours", s.hours[0], Sensitivity::kDirectory);
  v.Field("monday_hours", s.hours[1], Sensitivity::kDirectory);
  v.Field("tuesday_hours", s.hours[2], Sensitivity::kDirectory);
  v.Field("wednesday_hours", s.hours[3], Sensitivity::kDirectory);
  v.Field("thursday_hours", s.hours[4], Sensitivity::kDirectory);
  v.Field("friday_hours", s.hours[5], Sensitivity::kDirectory);
  v.Field("saturday_hours", s.hours[6], Sensitivity::kDirectory);
  v.Field("full_day_hours", s.full_day_hours, Sensitivity::kDirectory);
}

// The schedule used when none is assigned: Monday to Friday, 8 hours a day,
// with the given id and name "Monday-Friday 8h".
WorkSchedule DefaultWorkSchedule(WorkScheduleId id = WorkScheduleId());

// Checks a schedule. Returns InvalidArgument, naming the schedule
// ("work_schedule:3 \"Retail\"") and the field, when a weekday's hours are
// not a number in [0, 24], full_day_hours is not in (0, 24], or no weekday
// has hours > 0 (field "hours").
absl::Status ValidateWorkSchedule(const WorkSchedule& schedule);

// The domain rules a store checks on every put of a schedule
// (storage/validate.hpp): ValidateWorkSchedule, errors as there.
inline absl::Status ValidateStoredEntity(const WorkSchedule& schedule) { return ValidateWorkSchedule(schedule); }

// The weekdays with hours > 0.
WeekdaySet WorkingWeekdays(const WorkSchedule& schedule);

// Hours scheduled on `date`'s weekday. REQUIRES: IsRealDate(date).
double ScheduledHours(const WorkSchedule& schedule, Date date);

// The working-day value of `date`: min(1, hours / full_day_hours), so 1 for a
// full day, 0.5 for a 4-hour day on an 8-hour schedule, 0 for a day off.
// REQUIRES: IsRealDate(date) and a valid schedule.
double ScheduledDays(const WorkSchedule& schedule, Date date);

}  // namespace hrkit

#endif  // HRKIT_CALENDAR_WORK_SCHEDULE_HPP_
