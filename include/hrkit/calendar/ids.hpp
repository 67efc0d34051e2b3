// The ids of the calendar module's entities.
//
// Thread safety: types only.
#ifndef HRKIT_CALENDAR_IDS_HPP_
#define HRKIT_CALENDAR_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// A work schedule (calendar/work_schedule.hpp).
struct WorkScheduleTag {
  static constexpr const char* kPrefix = "work_schedule";
};
using WorkScheduleId = Id<WorkScheduleTag>;

// A holiday calendar (calendar/holiday_calendar.hpp).
struct HolidayCalendarTag {
  static constexpr const char* kPrefix = "holiday_calendar";
};
using HolidayCalendarId = Id<HolidayCalendarTag>;

}  // namespace hrkit

#endif  // HRKIT_CALENDAR_IDS_HPP_
