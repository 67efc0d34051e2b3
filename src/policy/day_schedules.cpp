#include "hrkit/policy/day_schedules.hpp"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace hrkit {

absl::StatusOr<const WorkSchedule*> DaySchedules::On(Date date) const {
  if (employment_ == nullptr) return fallback_;
  const EmploymentRecord* record = employment_->At(date);
  if (record == nullptr || !record->work_schedule.valid()) return fallback_;
  // A handful of schedules per organization: a linear search is the fastest.
  for (const WorkSchedule& schedule : schedules_) {
    if (schedule.id == record->work_schedule) return &schedule;
  }
  return absl::NotFoundError(absl::StrCat(ToString(record->work_schedule), ": the schedule of the employment on ",
                                          FormatIsoDate(date), " is not among the ", schedules_.size(),
                                          " work schedules given"));
}

}  // namespace hrkit
