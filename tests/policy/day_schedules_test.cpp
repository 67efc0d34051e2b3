#include "hrkit/policy/day_schedules.hpp"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/policy/leave_entitlements.hpp"
#include "hrkit/policy/leave_request.hpp"
#include "hrkit/policy/leave_requests.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::IsOkAndHolds;
using ::hrkit_test::Message;
using ::testing::HasSubstr;

const EmployeeId kAda(7);
const LeaveTypeId kVacation(1);
const Date kHired(2024, 1, 1);
const Date kToday(2024, 4, 15);
// The day Ada moves to a compressed week: Wednesday 8 May 2024.
const Date kCompressedFrom(2024, 5, 8);

// May 2024: Fri 3, Sat 4, Sun 5, Mon 6, Tue 7, Wed 8, Thu 9, Fri 10, Sat 11,
// Sun 12, Mon 13.
Date May(int day) { return Date(2024, 5, day); }

// Monday to Thursday, 10 hours each; a full day is 10 hours.
WorkSchedule Compressed() {
  WorkSchedule s;
  s.id = WorkScheduleId(2);
  s.name = "Mon-Thu 10h";
  s.hours = {0.0, 10.0, 10.0, 10.0, 10.0, 0.0, 0.0};
  s.full_day_hours = 10.0;
  return s;
}

EmploymentRecord Active(WorkScheduleId schedule) {
  EmploymentRecord r;
  r.status = EmploymentStatus::kActive;
  r.position = PositionId(100);
  r.fte = 1.0;
  r.employment_start = kHired;
  r.seniority_start = kHired;
  r.work_schedule = schedule;
  return r;
}

LeaveRequest Request(Date first, Date last, DurationUnit unit = DurationUnit::kDays, bool sandwich = false) {
  LeaveRequest r;
  r.id = LeaveRequestId(5);
  r.employee = kAda;
  r.leave_type = kVacation;
  r.first_day = first;
  r.last_day = last;
  r.counting.unit = unit;
  r.counting.sandwich = sandwich;
  return r;
}

class DaySchedulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_.id = kAda;
    // Hired on the location's default schedule (no id), compressed week from 8 May.
    ASSERT_OK(ada_.employment.Add(kHired, Active(WorkScheduleId()), kHired));
    ASSERT_OK(ada_.employment.Add(kCompressedFrom, Active(WorkScheduleId(2)), kToday));
  }

  Employee ada_;
  WorkSchedule location_default_ = DefaultWorkSchedule(WorkScheduleId(1));  // Mon-Fri 8h
  std::vector<WorkSchedule> schedules_ = {location_default_, Compressed()};
  DaySchedules days_{ada_.employment, schedules_, location_default_};
  HolidayCalendar no_holidays_;
};

TEST_F(DaySchedulesTest, TheRecordInForceNamesTheSchedule) {
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* before, days_.On(May(7)));
  EXPECT_EQ(before, &location_default_);  // no id on the record: the fallback
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* from, days_.On(kCompressedFrom));
  EXPECT_EQ(from->id, WorkScheduleId(2));
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* before_hire, days_.On(Date(2023, 12, 31)));
  EXPECT_EQ(before_hire, &location_default_);

  const DaySchedules one(location_default_);
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* any, one.On(kCompressedFrom));
  EXPECT_EQ(any, &location_default_);
}

TEST_F(DaySchedulesTest, AScheduleThatIsNotGivenIsNotFound) {
  const std::vector<WorkSchedule> only_default = {location_default_};
  const DaySchedules missing(ada_.employment, only_default, location_default_);
  const absl::StatusOr<const WorkSchedule*> on = missing.On(May(9));
  EXPECT_STATUS_CODE(on, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(on), HasSubstr("work_schedule:2: the schedule of the employment on 2024-05-09"));
  // Counting a request that reaches the day fails the same way; one before it does not.
  EXPECT_STATUS_CODE(LeaveDaysOf(Request(May(6), May(9)), missing, no_holidays_), absl::StatusCode::kNotFound);
  EXPECT_OK(LeaveDaysOf(Request(May(6), May(7)), missing, no_holidays_));
}

TEST_F(DaySchedulesTest, EachDayCountsUnderItsOwnSchedule) {
  // Mon 6, Tue 7 on Mon-Fri 8h: 1 + 1; Wed 8, Thu 9 on Mon-Thu 10h: 1 + 1;
  // Fri 10 is off on the compressed week: 0. Days: 4 (one schedule: 5).
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), days_, no_holidays_), IsOkAndHolds(4.0));
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), location_default_, no_holidays_), IsOkAndHolds(5.0));
  // Hours: 8 + 8 + 10 + 10 + 0 = 36.
  EXPECT_THAT(RequestDuration(Request(May(6), May(10), DurationUnit::kHours), days_, no_holidays_),
              IsOkAndHolds(36.0));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> charged, LeaveDaysOf(Request(May(6), May(10)), days_, no_holidays_));
  ASSERT_EQ(charged.size(), 4u);
  EXPECT_EQ(charged.back().date, May(9));
}

TEST_F(DaySchedulesTest, HalfAndSandwichedDaysUseThatDaysFullDay) {
  // The afternoon of Thu 9 on the 10-hour day: min(10, 10 / 2) = 5 hours
  // (on Mon-Fri 8h it would be 4).
  LeaveRequest afternoon = Request(May(9), May(9), DurationUnit::kHours);
  afternoon.first_day_half = HalfDay::kAfternoon;
  EXPECT_THAT(RequestDuration(afternoon, days_, no_holidays_), IsOkAndHolds(5.0));
  EXPECT_THAT(RequestDuration(afternoon, location_default_, no_holidays_), IsOkAndHolds(4.0));
  // Fri 3 .. Wed 8 with the sandwich rule, in hours: Fri 3 8 (worked),
  // Sat 4 8, Sun 5 8 (sandwiched, the 8-hour schedule's full day), Mon 6 8,
  // Tue 7 8, Wed 8 10 (compressed) = 50.
  EXPECT_THAT(RequestDuration(Request(May(3), May(8), DurationUnit::kHours, true), days_, no_holidays_),
              IsOkAndHolds(50.0));
  // Thu 9 .. Mon 13, sandwich, hours, all compressed: Thu 10 + Fri, Sat, Sun
  // sandwiched at 10 + Mon 10 = 50; without the rule 10 + 10 = 20.
  EXPECT_THAT(RequestDuration(Request(May(9), May(13), DurationUnit::kHours, true), days_, no_holidays_),
              IsOkAndHolds(50.0));
  EXPECT_THAT(RequestDuration(Request(May(9), May(13), DurationUnit::kHours), days_, no_holidays_),
              IsOkAndHolds(20.0));
}

TEST_F(DaySchedulesTest, AnInvalidScheduleOfADayIsReported) {
  schedules_[1].full_day_hours = 0.0;
  const absl::StatusOr<double> d = RequestDuration(Request(May(6), May(10)), days_, no_holidays_);
  EXPECT_STATUS_CODE(d, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(d), HasSubstr("work_schedule:2 \"Mon-Thu 10h\": full_day_hours"));
  // Days before the change never look at it.
  EXPECT_OK(RequestDuration(Request(May(6), May(7)), days_, no_holidays_));
}

TEST_F(DaySchedulesTest, SubmissionAndTakenDaysCountDayByDay) {
  FunctionLeaveEntitlements no_checks(nullptr, nullptr);
  const LeaveRequestContext context{ada_, days_, no_holidays_, {}, no_checks};
  LeaveRequestInput input;
  input.employee = kAda;
  input.leave_type = kVacation;
  input.first_day = May(6);
  input.last_day = May(10);
  LeaveRequestBook book;
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId id, book.Submit(input, context, kToday));
  EXPECT_EQ(book.Find(id)->duration, 4.0);  // as in EachDayCountsUnderItsOwnSchedule
  ASSERT_OK(book.Approve(id, context, kToday));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> taken,
                       TakenDaysOf(book.requests(), kAda, kVacation, days_, no_holidays_));
  EXPECT_EQ(taken, (std::vector<LeaveDay>{{May(6), 1.0, id}, {May(7), 1.0, id}, {May(8), 1.0, id}, {May(9), 1.0, id}}));
}

// Ada's records name no schedule; she moves from Berlin (no default
// schedule: the company's Monday to Friday) to Munich, whose site works the
// compressed week, on Wednesday 8 May.
class LocationDefaultScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_.id = kAda;
    EmploymentRecord berlin = Active(WorkScheduleId());
    berlin.location = LocationId(1);
    EmploymentRecord munich = Active(WorkScheduleId());
    munich.location = LocationId(2);
    ASSERT_OK(ada_.employment.Add(kHired, berlin, kHired));
    ASSERT_OK(ada_.employment.Add(kCompressedFrom, munich, kToday));
  }

  Employee ada_;
  WorkSchedule company_default_ = DefaultWorkSchedule(WorkScheduleId(1));  // Mon-Fri 8h
  std::vector<WorkSchedule> schedules_ = {company_default_, Compressed()};
  std::vector<Location> locations_ = {Location{LocationId(1), "Berlin", "DE", HolidayCalendarId(), WorkScheduleId()},
                                      Location{LocationId(2), "Munich", "DE", HolidayCalendarId(), WorkScheduleId(2)}};
  DaySchedules days_{ada_.employment, schedules_, locations_, company_default_};
  HolidayCalendar no_holidays_;
};

TEST_F(LocationDefaultScheduleTest, TheLocationsDefaultAppliesFromTheMove) {
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* berlin, days_.On(May(7)));
  EXPECT_EQ(berlin, &company_default_);  // Berlin has no default schedule
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* munich, days_.On(kCompressedFrom));
  EXPECT_EQ(munich, &schedules_[1]);
  // Mon 6, Tue 7 in Berlin on Mon-Fri 8h: 1 + 1; Wed 8, Thu 9 in Munich on
  // Mon-Thu 10h: 1 + 1; Fri 10 off: 0. Days 4; hours 8 + 8 + 10 + 10 = 36.
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), days_, no_holidays_), IsOkAndHolds(4.0));
  EXPECT_THAT(RequestDuration(Request(May(6), May(10), DurationUnit::kHours), days_, no_holidays_),
              IsOkAndHolds(36.0));
  // Without the locations the records' missing schedule means the fallback: 5 days.
  const DaySchedules ignoring_locations(ada_.employment, schedules_, company_default_);
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), ignoring_locations, no_holidays_), IsOkAndHolds(5.0));
}

TEST_F(LocationDefaultScheduleTest, TheRecordsOwnScheduleWinsOverTheLocations) {
  EmploymentRecord own = Active(WorkScheduleId(1));  // Mon-Fri 8h named on the record
  own.location = LocationId(2);
  ASSERT_OK(ada_.employment.Add(May(9), own, kToday));
  ASSERT_OK_AND_ASSIGN(const WorkSchedule* on_record, days_.On(May(10)));
  EXPECT_EQ(on_record, &schedules_[0]);
  // Mon 6, Tue 7 Berlin 1 + 1; Wed 8 Munich default 1; Thu 9, Fri 10 own
  // Mon-Fri 8h 1 + 1 = 5.
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), days_, no_holidays_), IsOkAndHolds(5.0));
}

TEST_F(LocationDefaultScheduleTest, AMissingLocationOrDefaultScheduleIsNotFound) {
  const std::vector<Location> only_berlin = {locations_[0]};
  const DaySchedules no_munich(ada_.employment, schedules_, only_berlin, company_default_);
  const absl::StatusOr<const WorkSchedule*> location = no_munich.On(May(9));
  EXPECT_STATUS_CODE(location, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(location),
              HasSubstr("location:2: the location of the employment on 2024-05-09 is not among the 1 locations given"));

  const std::vector<WorkSchedule> only_default = {company_default_};
  const DaySchedules no_compressed(ada_.employment, only_default, locations_, company_default_);
  const absl::StatusOr<const WorkSchedule*> schedule = no_compressed.On(May(9));
  EXPECT_STATUS_CODE(schedule, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(schedule), HasSubstr("work_schedule:2: the default schedule of location:2 of the employment on "
                                           "2024-05-09 is not among the 1 work schedules given"));
  EXPECT_THAT(RequestDuration(Request(May(6), May(7)), no_compressed, no_holidays_), IsOkAndHolds(2.0));
}

}  // namespace
}  // namespace hrkit
