// Working time over a period: how many working days and hours an employee's
// work schedule and holiday calendar give, day by day. This is the count a
// leave request is measured in (see leave_request.hpp) and the denominator of
// absence rates.
//
// Per-day rules (working-day counting):
// - a day's value is the schedule's: hours, and days = min(1, hours /
//   full_day_hours) (1 for a full day, 0.5 for a 4-hour day, 0 for a day off);
// - a full-day holiday makes the day 0;
// - a half-day holiday takes half a full day off what is scheduled:
//   days = max(0, days - 0.5), hours = max(0, hours - full_day_hours / 2).
//   So a half-day holiday on a full working day leaves 0.5 day (4 h), and on
//   a half working day (a 4-hour Friday) it leaves 0.
// With calendar-day counting (a policy may count leave in calendar days) every
// day of the period is worth 1 day and full_day_hours hours, weekends and
// holidays included.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_CALENDAR_WORKING_TIME_HPP_
#define HRKIT_CALENDAR_WORKING_TIME_HPP_

#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/id.hpp"

namespace hrkit {

// Which days count.
enum class DayCountBasis {
  kWorkingDays = 0,   // scheduled working time minus holidays (the default)
  kCalendarDays = 1,  // every calendar day, 1 day each
};

// The names of DayCountBasis values (core/enum_names.hpp).
inline constexpr EnumName<DayCountBasis> kDayCountBasisNames[] = {{DayCountBasis::kWorkingDays, "working_days"},
                                                                  {DayCountBasis::kCalendarDays, "calendar_days"}};
constexpr std::span<const EnumName<DayCountBasis>> EnumNamesOf(DayCountBasis) { return kDayCountBasisNames; }

// The unit a duration (and a leave day's amount) is expressed in.
enum class DurationUnit {
  kDays = 0,
  kHours = 1,
};

// The names of DurationUnit values (core/enum_names.hpp).
inline constexpr EnumName<DurationUnit> kDurationUnitNames[] = {{DurationUnit::kDays, "days"},
                                                                {DurationUnit::kHours, "hours"}};
constexpr std::span<const EnumName<DurationUnit>> EnumNamesOf(DurationUnit) { return kDurationUnitNames; }

// The working time of one date.
struct DayWorkingTime {
  Date date;           // the day
  double days = 0.0;   // working time of the day in days (1, 0.5, ...)
  double hours = 0.0;  // working time of the day in hours

  friend bool operator==(const DayWorkingTime&, const DayWorkingTime&) = default;
};

// The working time of a period: totals and the days that carry time.
struct WorkingTime {
  double days = 0.0;                    // total working time in days
  double hours = 0.0;                   // total working time in hours
  std::vector<DayWorkingTime> per_day;  // days with time > 0, in date order

  friend bool operator==(const WorkingTime&, const WorkingTime&) = default;
};

// The working time of `date` given the holiday on it (nullptr: none), by the
// rules in the header comment. REQUIRES: IsRealDate(date), a valid schedule,
// and `holiday` (if any) dated `date`.
DayWorkingTime WorkingTimeOn(Date date, const WorkSchedule& schedule, const Holiday* holiday,
                             DayCountBasis basis = DayCountBasis::kWorkingDays);

// The working time of `period` for an employee on `schedule` with the public
// holidays of `calendar`.
// Returns InvalidArgument for an invalid schedule or calendar, or a period
// that is open-ended or not made of real dates. An empty period has no time.
//
// Example: the week of 2024-12-23 (Mon) .. 2024-12-30 on Monday-Friday 8 h
// with 24 Dec a half-day and 25/26 Dec full holidays: 1 + 0.5 + 0 + 0 + 1 =
// 2.5 days, 8 + 4 + 0 + 0 + 8 = 20 hours.
absl::StatusOr<WorkingTime> CountWorkingTime(const Period& period, const WorkSchedule& schedule,
                                             const HolidayCalendar& calendar,
                                             DayCountBasis basis = DayCountBasis::kWorkingDays);

// As above with the holidays already expanded (e.g. HolidaysIn once for many
// employees of one location). `holidays` must be sorted by date with one
// entry per date, as HolidaysIn returns them; those outside `period` are
// ignored. Returns InvalidArgument for an invalid schedule, a bad period, or
// holidays that are not sorted and unique.
absl::StatusOr<WorkingTime> CountWorkingTime(const Period& period, const WorkSchedule& schedule,
                                             std::span<const Holiday> holidays,
                                             DayCountBasis basis = DayCountBasis::kWorkingDays);

}  // namespace hrkit

#endif  // HRKIT_CALENDAR_WORKING_TIME_HPP_
