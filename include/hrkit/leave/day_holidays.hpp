// DayHolidays: which holiday calendar applies on each day. An employee who
// moves from one location to another in the middle of a leave request is off
// on the public holidays of the place they work on each day: Corpus Christi
// counts once they work in Munich, not while they still work in Berlin.
//
// A DayHolidays either holds one calendar for every day, or reads it from
// the employment record in force on the day: the record's location
// (EmploymentRecord::location, looked up among the locations given) names
// its holiday calendar (Location::holiday_calendar, looked up among the
// calendars given). It refers to what it was made from; those must outlive
// it. The companion for work schedules is DaySchedules (day_schedules.hpp).
//
// A calendar's own changes over the years (a holiday introduced or
// abolished) are expressed in the calendar, with a rule's from_year/to_year.
//
// Thread safety: a DayHolidays is immutable; safe to use concurrently.
#ifndef HRKIT_LEAVE_DAY_HOLIDAYS_HPP_
#define HRKIT_LEAVE_DAY_HOLIDAYS_HPP_

#include <span>

#include "absl/status/statusor.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/personnel/employee.hpp"

namespace hrkit {

// The holiday calendar of each day (see the header comment).
class DayHolidays {
 public:
  // `calendar` on every day. Implicit on purpose: wherever the calendar of
  // each day is asked, one calendar for all days may be passed as it is.
  DayHolidays(const HolidayCalendar& calendar) : fallback_(&calendar) {}
  // A temporary calendar would be gone before the DayHolidays is used.
  DayHolidays(const HolidayCalendar&& calendar) = delete;

  // The calendar of the location of the employment record in force on the
  // day. `fallback` applies on a day with no record (before the hire) and on
  // one whose record names no location (an invalid id). A location whose
  // holiday_calendar is invalid has no public holidays.
  //
  // Example:
  //   DayHolidays holidays(employee.employment, all_locations, all_calendars, head_office_calendar);
  //   HRKIT_ASSIGN_OR_RETURN(const HolidayCalendar* c, holidays.On(Date(2024, 5, 30)));
  DayHolidays(const Timeline<EmploymentRecord>& employment, std::span<const Location> locations,
              std::span<const HolidayCalendar> calendars, const HolidayCalendar& fallback)
      : fallback_(&fallback), employment_(&employment), locations_(locations), calendars_(calendars) {}
  DayHolidays(const Timeline<EmploymentRecord>&& employment, std::span<const Location> locations,
              std::span<const HolidayCalendar> calendars, const HolidayCalendar& fallback) = delete;

  // The calendar of `date`, or nullptr when the day's location has no public
  // holidays. Returns NotFound, naming the id and the date, when the record
  // in force names a location that is not among the locations given, or the
  // location names a calendar that is not among the calendars given. The
  // calendar is not validated here.
  absl::StatusOr<const HolidayCalendar*> On(Date date) const;

 private:
  const HolidayCalendar* fallback_;
  const Timeline<EmploymentRecord>* employment_ = nullptr;  // null: fallback_ on every day
  std::span<const Location> locations_;
  std::span<const HolidayCalendar> calendars_;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_DAY_HOLIDAYS_HPP_
