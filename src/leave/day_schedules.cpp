#include "hrkit/leave/day_schedules.hpp"

#include "absl/strings/str_cat.h"
#include "day_lookup_internal.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {

absl::StatusOr<const WorkSchedule*> DaySchedules::On(Date date) const {
  if (employment_ == nullptr) return fallback_;
  const EmploymentRecord* record = employment_->At(date);
  if (record == nullptr) return fallback_;
  if (record->work_schedule.valid()) {
    return internal::FindForDay(schedules_, record->work_schedule, date, "schedule", "work schedules");
  }
  if (!use_locations_ || !record->location.valid()) return fallback_;
  HRKIT_ASSIGN_OR_RETURN(const Location* location,
                         internal::FindForDay(locations_, record->location, date, "location", "locations"));
  if (!location->default_schedule.valid()) return fallback_;
  return internal::FindForDay(schedules_, location->default_schedule, date,
                              absl::StrCat("default schedule of ", ToString(location->id)), "work schedules");
}

}  // namespace hrkit
