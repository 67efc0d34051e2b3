#include "hrkit/leave/day_holidays.hpp"

#include "absl/strings/str_cat.h"
#include "day_lookup_internal.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {

absl::StatusOr<const HolidayCalendar*> DayHolidays::On(Date date) const {
  if (employment_ == nullptr) return fallback_;
  const EmploymentRecord* record = employment_->At(date);
  if (record == nullptr || !record->location.valid()) return fallback_;
  HRKIT_ASSIGN_OR_RETURN(const Location* location,
                         internal::FindForDay(locations_, record->location, date, "location", "locations"));
  if (!location->holiday_calendar.valid()) return static_cast<const HolidayCalendar*>(nullptr);
  return internal::FindForDay(calendars_, location->holiday_calendar, date,
                              absl::StrCat("holiday calendar of ", ToString(location->id)), "holiday calendars");
}

}  // namespace hrkit
