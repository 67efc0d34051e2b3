#include "hrkit/leave/leave_day.hpp"

#include <vector>

#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

TEST(ToLeaveDays, DaysOrHoursPerDay) {
  // Christmas week 2024 with a half-day Christmas Eve: Mon 23 full, Tue 24
  // half (0.5 day, 4 h), Wed 25 and Thu 26 holidays, Fri 27 full.
  HolidayCalendar christmas;
  christmas.id = HolidayCalendarId(1);
  christmas.name = "Christmas";
  christmas.rules = {FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true), FixedHoliday("Christmas Day", 12, 25),
                     FixedHoliday("Boxing Day", 12, 26)};
  const Period week(Date(2024, 12, 23), Date(2024, 12, 30));
  ASSERT_OK_AND_ASSIGN(const WorkingTime t, CountWorkingTime(week, DefaultWorkSchedule(), christmas));
  const LeaveRequestId id(5);
  EXPECT_EQ(ToLeaveDays(t.per_day, DurationUnit::kDays, id),
            (std::vector<LeaveDay>{
                {Date(2024, 12, 23), 1.0, id}, {Date(2024, 12, 24), 0.5, id}, {Date(2024, 12, 27), 1.0, id}}));
  EXPECT_EQ(ToLeaveDays(t.per_day, DurationUnit::kHours)[1], (LeaveDay{Date(2024, 12, 24), 4.0, LeaveRequestId()}));
}

}  // namespace
}  // namespace hrkit
