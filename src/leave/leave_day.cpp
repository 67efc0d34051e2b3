// Leave days from working time (see leave_day.hpp).
#include "hrkit/leave/leave_day.hpp"

#include <span>
#include <vector>

#include "hrkit/calendar/working_time.hpp"

namespace hrkit {

std::vector<LeaveDay> ToLeaveDays(std::span<const DayWorkingTime> per_day, DurationUnit unit, LeaveRequestId request) {
  std::vector<LeaveDay> days;
  days.reserve(per_day.size());
  for (const DayWorkingTime& t : per_day) {
    days.push_back(LeaveDay{t.date, unit == DurationUnit::kHours ? t.hours : t.days, request});
  }
  return days;
}
}  // namespace hrkit
