// DaySchedules: which work schedule applies on each day. Counting a leave
// request needs it when the employee's schedule changes inside the request
// (a move from five days a week to four in the middle of a long leave): each
// day is worth what its own schedule says.
//
// A DaySchedules either holds one schedule for every day, or reads the
// schedule from the employment record in force on the day
// (EmploymentRecord::work_schedule, an id looked up among the schedules
// given) and, where the record names none, from the default schedule of the
// record's location (Location::default_schedule), so that a move to a site
// with another working week is counted from the day of the move. It refers
// to what it was made from; those must outlive it. The companion for holiday
// calendars is DayHolidays (day_holidays.hpp).
//
// Thread safety: a DaySchedules is immutable; safe to use concurrently.
#ifndef HRKIT_LEAVE_DAY_SCHEDULES_HPP_
#define HRKIT_LEAVE_DAY_SCHEDULES_HPP_

#include <span>

#include "absl/status/statusor.h"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/personnel/employee.hpp"

namespace hrkit {

// The work schedule of each day (see the header comment).
class DaySchedules {
 public:
  // `schedule` on every day. Implicit on purpose: wherever the schedule of
  // each day is asked, one schedule for all days may be passed as it is.
  DaySchedules(const WorkSchedule& schedule) : fallback_(&schedule) {}
  // A temporary schedule would be gone before the DaySchedules is used.
  DaySchedules(const WorkSchedule&& schedule) = delete;

  // The schedule named by the employment record in force on the day, found
  // by id in `schedules`; `fallback` (the location's default schedule) on a
  // day whose record names no schedule (an invalid id) and on a day with no
  // record (before the hire).
  //
  // Example:
  //   DaySchedules days(employee.employment, all_schedules, location_default);
  //   HRKIT_ASSIGN_OR_RETURN(const WorkSchedule* s, days.On(Date(2024, 5, 6)));
  DaySchedules(const Timeline<EmploymentRecord>& employment, std::span<const WorkSchedule> schedules,
               const WorkSchedule& fallback)
      : fallback_(&fallback), employment_(&employment), schedules_(schedules) {}
  DaySchedules(const Timeline<EmploymentRecord>&& employment, std::span<const WorkSchedule> schedules,
               const WorkSchedule& fallback) = delete;

  // As above, and on a day whose record names no schedule, the default
  // schedule of the record's location, found by id in `locations` (its
  // default_schedule found in `schedules`); `fallback` when the record names
  // no location either, or the location has no default schedule.
  //
  // Example:
  //   DaySchedules days(employee.employment, all_schedules, all_locations, monday_to_friday);
  DaySchedules(const Timeline<EmploymentRecord>& employment, std::span<const WorkSchedule> schedules,
               std::span<const Location> locations, const WorkSchedule& fallback)
      : fallback_(&fallback),
        employment_(&employment),
        schedules_(schedules),
        locations_(locations),
        use_locations_(true) {}
  DaySchedules(const Timeline<EmploymentRecord>&& employment, std::span<const WorkSchedule> schedules,
               std::span<const Location> locations, const WorkSchedule& fallback) = delete;

  // The schedule of `date`. Returns NotFound, naming the id and the date,
  // when the record in force names a schedule that is not among the
  // schedules given, or (with locations) a location that is not among the
  // locations given or whose default schedule is not among the schedules.
  // The schedule is not validated here.
  absl::StatusOr<const WorkSchedule*> On(Date date) const;

 private:
  const WorkSchedule* fallback_;
  const Timeline<EmploymentRecord>* employment_ = nullptr;  // null: fallback_ on every day
  std::span<const WorkSchedule> schedules_;
  std::span<const Location> locations_;
  bool use_locations_ = false;  // read a location's default schedule
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_DAY_SCHEDULES_HPP_
