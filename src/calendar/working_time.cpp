#include "hrkit/calendar/working_time.hpp"

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

DayWorkingTime WorkingTimeOn(Date date, const WorkSchedule& schedule, const Holiday* holiday, DayCountBasis basis) {
  if (basis == DayCountBasis::kCalendarDays) return DayWorkingTime{date, 1.0, schedule.full_day_hours};
  DayWorkingTime t{date, ScheduledDays(schedule, date), ScheduledHours(schedule, date)};
  if (holiday != nullptr) {
    if (holiday->half_day) {
      t.days = std::max(0.0, t.days - 0.5);
      t.hours = std::max(0.0, t.hours - schedule.full_day_hours / 2.0);
    } else {
      t.days = 0.0;
      t.hours = 0.0;
    }
  }
  return t;
}

namespace {

absl::Status CheckPeriod(const Period& period) {
  if (!IsRealDate(period.begin()) || !IsRealDate(period.end())) {
    return absl::InvalidArgumentError(absl::StrCat("working time: period must be closed with real dates, got ",
                                                   FormatIsoDate(period.begin()), "..", FormatIsoDate(period.end())));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<WorkingTime> CountWorkingTime(const Period& period, const WorkSchedule& schedule,
                                             const HolidayCalendar& calendar, DayCountBasis basis) {
  HRKIT_RETURN_IF_ERROR(ValidateWorkSchedule(schedule));
  HRKIT_RETURN_IF_ERROR(CheckPeriod(period));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Holiday> holidays, HolidaysIn(calendar, period));
  return CountWorkingTime(period, schedule, holidays, basis);
}

absl::StatusOr<WorkingTime> CountWorkingTime(const Period& period, const WorkSchedule& schedule,
                                             std::span<const Holiday> holidays, DayCountBasis basis) {
  HRKIT_RETURN_IF_ERROR(ValidateWorkSchedule(schedule));
  HRKIT_RETURN_IF_ERROR(CheckPeriod(period));
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    if (!IsRealDate(holidays[i].date) || (i > 0 && !(holidays[i - 1].date < holidays[i].date))) {
      return absl::InvalidArgumentError(
          absl::StrCat("working time: holidays must be real dates, sorted and one per "
                       "date; entry ",
                       i, " is ", FormatIsoDate(holidays[i].date)));
    }
  }
  WorkingTime total;
  if (period.is_null()) return total;
  std::size_t next_holiday =
      static_cast<std::size_t>(std::lower_bound(holidays.begin(), holidays.end(), period.begin(),
                                                [](const Holiday& h, Date d) { return h.date < d; }) -
                               holidays.begin());
  for (Date d = period.begin(); d < period.end(); d += boost::gregorian::days(1)) {
    const Holiday* holiday = nullptr;
    if (next_holiday < holidays.size() && holidays[next_holiday].date == d) holiday = &holidays[next_holiday++];
    const DayWorkingTime t = WorkingTimeOn(d, schedule, holiday, basis);
    if (t.days <= 0.0 && t.hours <= 0.0) continue;
    total.days += t.days;
    total.hours += t.hours;
    total.per_day.push_back(t);
  }
  return total;
}

}  // namespace hrkit
