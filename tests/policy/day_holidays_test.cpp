#include "hrkit/policy/day_holidays.hpp"

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
const LocationId kBerlin(1);
const LocationId kMunich(2);
const Date kHired(2024, 1, 1);
const Date kToday(2024, 4, 15);
// Ada moves from Berlin to Munich on Wednesday 29 May 2024.
const Date kMovedOn(2024, 5, 29);

// May 2024: Fri 24, Sat 25, Sun 26, Mon 27, Tue 28, Wed 29, Thu 30 (Corpus
// Christi = Easter 31 March + 60, a holiday in Bavaria, not in Berlin),
// Fri 31.
Date May(int day) { return Date(2024, 5, day); }

HolidayCalendar BerlinCalendar() {
  return HolidayCalendar{HolidayCalendarId(10), "Berlin",
                         {EasterHoliday("Whit Monday", 50), FixedHoliday("Women's Day", 3, 8)}};
}

HolidayCalendar BavariaCalendar() {
  return HolidayCalendar{HolidayCalendarId(20), "Bavaria",
                         {EasterHoliday("Whit Monday", 50), EasterHoliday("Corpus Christi", 60)}};
}

EmploymentRecord WorksIn(LocationId location) {
  EmploymentRecord r;
  r.status = EmploymentStatus::kActive;
  r.position = PositionId(100);
  r.fte = 1.0;
  r.location = location;
  r.employment_start = kHired;
  r.seniority_start = kHired;
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

class DayHolidaysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_.id = kAda;
    ASSERT_OK(ada_.employment.Add(kHired, WorksIn(kBerlin), kHired));
    ASSERT_OK(ada_.employment.Add(kMovedOn, WorksIn(kMunich), kToday));
  }

  Employee ada_;
  std::vector<HolidayCalendar> calendars_ = {BerlinCalendar(), BavariaCalendar()};
  std::vector<Location> locations_ = {Location{kBerlin, "Berlin", "DE", HolidayCalendarId(10), WorkScheduleId()},
                                      Location{kMunich, "Munich", "DE", HolidayCalendarId(20), WorkScheduleId()}};
  HolidayCalendar company_calendar_{HolidayCalendarId(99), "Company", {}};
  DayHolidays days_{ada_.employment, locations_, calendars_, company_calendar_};
  WorkSchedule week_ = DefaultWorkSchedule(WorkScheduleId(1));  // Mon-Fri 8h
};

TEST_F(DayHolidaysTest, TheLocationInForceNamesTheCalendar) {
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* before, days_.On(May(28)));
  EXPECT_EQ(before, &calendars_[0]);
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* from, days_.On(kMovedOn));
  EXPECT_EQ(from, &calendars_[1]);
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* before_hire, days_.On(Date(2023, 12, 31)));
  EXPECT_EQ(before_hire, &company_calendar_);

  const DayHolidays one(calendars_[0]);
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* any, one.On(kMovedOn));
  EXPECT_EQ(any, &calendars_[0]);
}

TEST_F(DayHolidaysTest, ARecordWithoutLocationUsesTheFallbackAndALocationWithoutCalendarHasNone) {
  ASSERT_OK(ada_.employment.Add(Date(2024, 7, 1), WorksIn(LocationId()), kToday));
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* no_location, days_.On(Date(2024, 7, 1)));
  EXPECT_EQ(no_location, &company_calendar_);

  locations_[1].holiday_calendar = HolidayCalendarId();
  ASSERT_OK_AND_ASSIGN(const HolidayCalendar* none, days_.On(kMovedOn));
  EXPECT_EQ(none, nullptr);
  // Mon 27 .. Fri 31 with no holidays in Munich: 5 working days.
  EXPECT_THAT(RequestDuration(Request(May(27), May(31)), week_, days_), IsOkAndHolds(5.0));
}

TEST_F(DayHolidaysTest, EachDayCountsTheHolidaysOfWhereTheEmployeeWorks) {
  // Mon 27, Tue 28 in Berlin: 1 + 1; Wed 29 in Munich 1, Thu 30 Corpus
  // Christi 0, Fri 31 1. Days: 4 (Berlin's calendar alone: 5, Bavaria's: 4).
  EXPECT_THAT(RequestDuration(Request(May(27), May(31)), week_, days_), IsOkAndHolds(4.0));
  EXPECT_THAT(RequestDuration(Request(May(27), May(31)), week_, calendars_[0]), IsOkAndHolds(5.0));
  // Hours: 8 + 8 + 8 + 0 + 8 = 32.
  EXPECT_THAT(RequestDuration(Request(May(27), May(31), DurationUnit::kHours), week_, days_), IsOkAndHolds(32.0));
  // Mon 20 .. Fri 31: Whit Monday (both calendars) 0, 21-24 4, 27-29 3,
  // Corpus Christi 0, 31 1 = 8.
  EXPECT_THAT(RequestDuration(Request(May(20), May(31)), week_, days_), IsOkAndHolds(8.0));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> charged, LeaveDaysOf(Request(May(27), May(31)), week_, days_));
  ASSERT_EQ(charged.size(), 4u);
  EXPECT_EQ(charged[2].date, May(29));
  EXPECT_EQ(charged[3].date, May(31));
}

TEST_F(DayHolidaysTest, ASandwichedHolidayAfterTheMoveCountsAsAFullDay) {
  // Wed 29 .. Fri 31 in Munich with the sandwich rule: 1 + 1 (Corpus Christi
  // between two days of leave) + 1 = 3; without the rule 1 + 0 + 1 = 2.
  EXPECT_THAT(RequestDuration(Request(May(29), May(31), DurationUnit::kDays, true), week_, days_),
              IsOkAndHolds(3.0));
  EXPECT_THAT(RequestDuration(Request(May(29), May(31)), week_, days_), IsOkAndHolds(2.0));
}

TEST_F(DayHolidaysTest, AMissingLocationOrCalendarIsNotFound) {
  const std::vector<Location> only_berlin = {locations_[0]};
  const DayHolidays no_munich(ada_.employment, only_berlin, calendars_, company_calendar_);
  const absl::StatusOr<const HolidayCalendar*> location = no_munich.On(May(30));
  EXPECT_STATUS_CODE(location, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(location),
              HasSubstr("location:2: the location of the employment on 2024-05-30 is not among the 1 locations given"));

  const std::vector<HolidayCalendar> only_berlins = {calendars_[0]};
  const DayHolidays no_bavaria(ada_.employment, locations_, only_berlins, company_calendar_);
  const absl::StatusOr<const HolidayCalendar*> calendar = no_bavaria.On(May(30));
  EXPECT_STATUS_CODE(calendar, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(calendar), HasSubstr("holiday_calendar:20: the holiday calendar of location:2 of the "
                                           "employment on 2024-05-30 is not among the 1 holiday calendars given"));
  // Counting a request that reaches the move fails the same way; one before it does not.
  EXPECT_STATUS_CODE(LeaveDaysOf(Request(May(27), May(31)), week_, no_bavaria), absl::StatusCode::kNotFound);
  EXPECT_THAT(RequestDuration(Request(May(27), May(28)), week_, no_bavaria), IsOkAndHolds(2.0));
}

TEST_F(DayHolidaysTest, AnInvalidCalendarOfADayIsReported) {
  calendars_[1].rules[1].easter_offset = 400;
  const absl::StatusOr<double> d = RequestDuration(Request(May(27), May(31)), week_, days_);
  EXPECT_STATUS_CODE(d, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(d), HasSubstr("Bavaria"));
  // Days before the move never look at it.
  EXPECT_THAT(RequestDuration(Request(May(27), May(28)), week_, days_), IsOkAndHolds(2.0));
}

TEST_F(DayHolidaysTest, SubmissionAndTakenDaysCountEachDaysHolidays) {
  FunctionLeaveEntitlements no_checks(nullptr, nullptr);
  const LeaveRequestContext context{ada_, week_, days_, {}, no_checks};
  LeaveRequestInput input;
  input.employee = kAda;
  input.leave_type = kVacation;
  input.first_day = May(27);
  input.last_day = May(31);
  LeaveRequestBook book;
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId id, book.Submit(input, context, kToday));
  EXPECT_EQ(book.Find(id)->duration, 4.0);  // as in EachDayCountsTheHolidaysOfWhereTheEmployeeWorks
  ASSERT_OK(book.Approve(id, context, kToday));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> taken, TakenDaysOf(book.requests(), kAda, kVacation, week_, days_));
  EXPECT_EQ(taken,
            (std::vector<LeaveDay>{{May(27), 1.0, id}, {May(28), 1.0, id}, {May(29), 1.0, id}, {May(31), 1.0, id}}));
}

}  // namespace
}  // namespace hrkit
