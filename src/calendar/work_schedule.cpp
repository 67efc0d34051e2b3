#include "hrkit/calendar/work_schedule.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr std::array<const char*, 7> kHourFields = {"sunday_hours",    "monday_hours",   "tuesday_hours",
                                                    "wednesday_hours", "thursday_hours", "friday_hours",
                                                    "saturday_hours"};

std::string ScheduleLabel(const WorkSchedule& s) { return absl::StrCat(ToString(s.id), " \"", s.name, "\""); }

}  // namespace

WorkSchedule DefaultWorkSchedule(WorkScheduleId id) {
  WorkSchedule s;
  s.id = id;
  s.name = "Monday-Friday 8h";
  return s;
}

absl::Status ValidateWorkSchedule(const WorkSchedule& schedule) {
  for (std::size_t d = 0; d < schedule.hours.size(); ++d) {
    const double h = schedule.hours[d];
    if (!std::isfinite(h) || h < 0.0 || h > 24.0) {
      return absl::InvalidArgumentError(
          absl::StrCat(ScheduleLabel(schedule), ": ", kHourFields[d], " must be in [0, 24], got ", h));
    }
  }
  const double full = schedule.full_day_hours;
  if (!std::isfinite(full) || full <= 0.0 || full > 24.0) {
    return absl::InvalidArgumentError(
        absl::StrCat(ScheduleLabel(schedule), ": full_day_hours must be in (0, 24], got ", full));
  }
  if (WorkingWeekdays(schedule).size() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(ScheduleLabel(schedule), ": hours: at least one weekday must have working hours"));
  }
  return absl::OkStatus();
}

WeekdaySet WorkingWeekdays(const WorkSchedule& schedule) {
  WeekdaySet set;
  for (int d = 0; d < 7; ++d) {
    if (schedule.hours[static_cast<std::size_t>(d)] > 0.0) set.Insert(d);
  }
  return set;
}

double ScheduledHours(const WorkSchedule& schedule, Date date) {
  return schedule.hours[static_cast<std::size_t>(date.day_of_week().as_number())];
}

double ScheduledDays(const WorkSchedule& schedule, Date date) {
  const double h = ScheduledHours(schedule, date);
  if (h <= 0.0 || schedule.full_day_hours <= 0.0) return 0.0;
  return std::min(1.0, h / schedule.full_day_hours);
}

}  // namespace hrkit
