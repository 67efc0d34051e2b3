#include "hrkit/calendar/work_schedule.hpp"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

// 2024-05-06 is a Monday; the week runs to Sunday 2024-05-12.
const Date kMonday(2024, 5, 6);
const Date kFriday(2024, 5, 10);
const Date kSaturday(2024, 5, 11);
const Date kSunday(2024, 5, 12);

TEST(WorkSchedule, DefaultIsMondayToFridayEightHours) {
  const WorkSchedule s = DefaultWorkSchedule(WorkScheduleId(1));
  EXPECT_OK(ValidateWorkSchedule(s));
  EXPECT_EQ(s.id, WorkScheduleId(1));
  EXPECT_EQ(WorkingWeekdays(s), WeekdaySet::MondayToFriday());
  EXPECT_EQ(ScheduledHours(s, kMonday), 8.0);
  EXPECT_EQ(ScheduledDays(s, kFriday), 1.0);
  EXPECT_EQ(ScheduledDays(s, kSaturday), 0.0);
  EXPECT_EQ(ScheduledHours(s, kSunday), 0.0);
}

TEST(WorkSchedule, FourHourFridayIsHalfAWorkingDay) {
  WorkSchedule s = DefaultWorkSchedule();
  s.hours[5] = 4.0;  // Friday
  ASSERT_OK(ValidateWorkSchedule(s));
  EXPECT_EQ(ScheduledDays(s, kFriday), 0.5);  // 4 / 8
  EXPECT_EQ(ScheduledHours(s, kFriday), 4.0);
  s.hours[5] = 6.0;
  EXPECT_EQ(ScheduledDays(s, kFriday), 0.75);  // 6 / 8
  s.hours[1] = 10.0;                           // a long Monday still counts one day
  EXPECT_EQ(ScheduledDays(s, kMonday), 1.0);
}

TEST(WorkSchedule, SundayToThursdayWeek) {
  WorkSchedule s;
  s.name = "Sun-Thu";
  s.hours = {8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0};
  ASSERT_OK(ValidateWorkSchedule(s));
  EXPECT_EQ(ScheduledDays(s, kSunday), 1.0);
  EXPECT_EQ(ScheduledDays(s, kFriday), 0.0);
  EXPECT_EQ(ScheduledDays(s, kSaturday), 0.0);
  EXPECT_EQ(WorkingWeekdays(s).size(), 5);
  EXPECT_TRUE(WorkingWeekdays(s).Contains(0));
  EXPECT_FALSE(WorkingWeekdays(s).Contains(5));
}

TEST(WorkSchedule, RejectsHoursOutsideZeroToTwentyFour) {
  WorkSchedule s = DefaultWorkSchedule(WorkScheduleId(3));
  s.name = "Retail";
  s.hours[3] = 25.0;
  absl::Status status = ValidateWorkSchedule(s);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("work_schedule:3"));
  EXPECT_THAT(Message(status), HasSubstr("wednesday_hours"));

  s.hours[3] = -1.0;
  EXPECT_STATUS_CODE(ValidateWorkSchedule(s), absl::StatusCode::kInvalidArgument);
  s.hours[3] = 24.0;  // the upper bound itself is allowed
  EXPECT_OK(ValidateWorkSchedule(s));
  s.hours[3] = 0.0;  // and so is zero
  EXPECT_OK(ValidateWorkSchedule(s));
}

TEST(WorkSchedule, RejectsNoWorkingDayAndBadFullDay) {
  WorkSchedule s = DefaultWorkSchedule(WorkScheduleId(4));
  s.hours = {0, 0, 0, 0, 0, 0, 0};
  absl::Status status = ValidateWorkSchedule(s);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("work_schedule:4"));
  EXPECT_THAT(Message(status), HasSubstr("at least one weekday"));

  s = DefaultWorkSchedule(WorkScheduleId(4));
  s.full_day_hours = 0.0;
  status = ValidateWorkSchedule(s);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("full_day_hours"));
}

TEST(WorkSchedule, DescribesIdFirstAndOneColumnPerWeekday) {
  const std::vector<FieldInfo> fields = ListFields(WorkSchedule{});
  ASSERT_EQ(fields.size(), 10u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[2].name, "sunday_hours");
  EXPECT_EQ(fields[8].name, "saturday_hours");
  EXPECT_EQ(fields[9].name, "full_day_hours");
  EXPECT_EQ(WorkSchedule::kEntityName, "work_schedule");
}

}  // namespace
}  // namespace hrkit
