#include "hrkit/calendar/working_time.hpp"

#include <vector>

#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

// Christmas week 2024: Mon 23 .. Sun 29 December.
const Period kChristmasWeek(Date(2024, 12, 23), Date(2024, 12, 30));

HolidayCalendar Christmas() {
  HolidayCalendar c;
  c.id = HolidayCalendarId(1);
  c.name = "Christmas";
  c.rules = {FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true), FixedHoliday("Christmas Day", 12, 25),
             FixedHoliday("Boxing Day", 12, 26), FixedHoliday("New Year", 1, 1)};
  return c;
}

WorkSchedule HalfDayFriday() {
  WorkSchedule s = DefaultWorkSchedule(WorkScheduleId(2));
  s.hours[5] = 4.0;
  return s;
}

TEST(CountWorkingTime, ChristmasWeekWithAHalfDayHoliday) {
  ASSERT_OK_AND_ASSIGN(const WorkingTime t, CountWorkingTime(kChristmasWeek, DefaultWorkSchedule(), Christmas()));
  // Mon 1 + Tue (24th, half-day holiday) 0.5 + Wed 0 + Thu 0 + Fri 1 = 2.5 days;
  // 8 + 4 + 0 + 0 + 8 = 20 hours.
  EXPECT_EQ(t.days, 2.5);
  EXPECT_EQ(t.hours, 20.0);
  ASSERT_EQ(t.per_day.size(), 3u);
  EXPECT_EQ(t.per_day[0], (DayWorkingTime{Date(2024, 12, 23), 1.0, 8.0}));
  EXPECT_EQ(t.per_day[1], (DayWorkingTime{Date(2024, 12, 24), 0.5, 4.0}));
  EXPECT_EQ(t.per_day[2], (DayWorkingTime{Date(2024, 12, 27), 1.0, 8.0}));
}

TEST(CountWorkingTime, HalfDayFridaySchedule) {
  // Week of Mon 2024-05-06: 4 full days + Friday 4 h = 4.5 days, 36 hours.
  ASSERT_OK_AND_ASSIGN(const WorkingTime t,
                       CountWorkingTime(Period(Date(2024, 5, 6), Date(2024, 5, 13)), HalfDayFriday(), Christmas()));
  EXPECT_EQ(t.days, 4.5);
  EXPECT_EQ(t.hours, 36.0);
}

TEST(CountWorkingTime, HalfDayHolidayOnAHalfWorkingDayLeavesNothing) {
  // 2026-12-24 is a Thursday; make Thursdays 4-hour days: 0.5 - 0.5 = 0.
  WorkSchedule s = DefaultWorkSchedule();
  s.hours[4] = 4.0;
  ASSERT_OK_AND_ASSIGN(const WorkingTime t,
                       CountWorkingTime(Period(Date(2026, 12, 24), Date(2026, 12, 25)), s, Christmas()));
  EXPECT_EQ(t.days, 0.0);
  EXPECT_EQ(t.hours, 0.0);
  EXPECT_TRUE(t.per_day.empty());
}

TEST(CountWorkingTime, SundayToThursdayWeek) {
  WorkSchedule s;
  s.hours = {8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0};
  // Sun 2024-12-22 .. Sat 2024-12-28: Sun 1, Mon 1, Tue 0.5 (Eve), Wed 0, Thu 0 -> 2.5.
  ASSERT_OK_AND_ASSIGN(const WorkingTime t,
                       CountWorkingTime(Period(Date(2024, 12, 22), Date(2024, 12, 29)), s, Christmas()));
  EXPECT_EQ(t.days, 2.5);
  EXPECT_EQ(t.per_day.front().date, Date(2024, 12, 22));
}

TEST(CountWorkingTime, JanuaryAcrossAHoliday) {
  // January 2025 starts on a Wednesday: 3 weekdays (1..3) + 4 full weeks = 23,
  // minus New Year's Day = 22 days, 176 hours.
  ASSERT_OK_AND_ASSIGN(const WorkingTime t, CountWorkingTime(Period(Date(2025, 1, 1), Date(2025, 2, 1)),
                                                             DefaultWorkSchedule(), Christmas()));
  EXPECT_EQ(t.days, 22.0);
  EXPECT_EQ(t.hours, 176.0);
}

TEST(CountWorkingTime, CalendarDaysCountEveryDay) {
  ASSERT_OK_AND_ASSIGN(const WorkingTime t, CountWorkingTime(kChristmasWeek, DefaultWorkSchedule(), Christmas(),
                                                             DayCountBasis::kCalendarDays));
  EXPECT_EQ(t.days, 7.0);    // 23..29 December
  EXPECT_EQ(t.hours, 56.0);  // 7 x 8
  EXPECT_EQ(t.per_day.size(), 7u);
}

TEST(CountWorkingTime, RejectsBadInput) {
  EXPECT_STATUS_CODE(CountWorkingTime(OpenPeriod(Date(2025, 1, 1)), DefaultWorkSchedule(), Christmas()),
                     absl::StatusCode::kInvalidArgument);
  WorkSchedule bad = DefaultWorkSchedule();
  bad.hours[1] = 30.0;
  EXPECT_STATUS_CODE(CountWorkingTime(kChristmasWeek, bad, Christmas()), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(const WorkingTime empty, CountWorkingTime(Period(Date(2025, 1, 6), Date(2025, 1, 6)),
                                                                 DefaultWorkSchedule(), Christmas()));
  EXPECT_EQ(empty.days, 0.0);
}

TEST(CountWorkingTime, WithHolidaysExpandedOnce) {
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> holidays,
                       HolidaysIn(Christmas(), Period(Date(2024, 1, 1), Date(2026, 1, 1))));
  // Same Christmas week as above from a two-year holiday list: 2.5 days.
  ASSERT_OK_AND_ASSIGN(const WorkingTime t, CountWorkingTime(kChristmasWeek, DefaultWorkSchedule(), holidays));
  EXPECT_EQ(t.days, 2.5);
  // Unsorted holidays are rejected.
  const std::vector<Holiday> unsorted = {{Date(2024, 12, 25), "b", false}, {Date(2024, 12, 24), "a", true}};
  EXPECT_STATUS_CODE(CountWorkingTime(kChristmasWeek, DefaultWorkSchedule(), unsorted),
                     absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
