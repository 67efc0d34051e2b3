// Counting a leave request day by day: each day under the work schedule
// (DaySchedules) and the holiday calendar (DayHolidays) in force on it.
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_requests.hpp"
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

// May 2024: Fri 3, Sat 4, Sun 5, Mon 6, Tue 7, Wed 8, Thu 9, Fri 10, Sat 11,
// Sun 12, Mon 13, ..., Mon 20 (Whit Monday), ..., Fri 24, Mon 27, Tue 28,
// Wed 29, Thu 30 (Corpus Christi = Easter 31 March + 60, a holiday in
// Bavaria, not in Berlin), Fri 31.
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

// Employed since kHired, on `schedule` (invalid: the location's default) at `location`.
EmploymentRecord Active(WorkScheduleId schedule, LocationId location = LocationId()) {
  EmploymentRecord r;
  r.status = EmploymentStatus::kActive;
  r.position = PositionId(100);
  r.fte = 1.0;
  r.location = location;
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

// What a request of Ada's for first..last is on submission, and what it
// takes once approved: the whole workflow under one context.
struct Booked {
  double duration = -1.0;  // -1: the workflow failed (reported)
  std::vector<LeaveDay> taken;
  LeaveRequestId id;
};

Booked SubmitApproveAndTake(const Employee& ada, const DaySchedules& schedules, const DayHolidays& holidays, Date first,
                            Date last) {
  FunctionLeaveEntitlements no_checks(nullptr, nullptr);
  const LeaveRequestContext context{ada, schedules, holidays, {}, no_checks};
  LeaveRequestInput input;
  input.employee = kAda;
  input.leave_type = kVacation;
  input.first_day = first;
  input.last_day = last;
  LeaveRequestBook book;
  Booked booked;
  absl::StatusOr<LeaveRequestId> id = book.Submit(input, context, kToday);
  EXPECT_OK(id);
  if (!id.ok()) return booked;
  booked.id = *id;
  booked.duration = book.Find(*id)->duration;
  EXPECT_OK(book.Approve(*id, context, kToday));
  absl::StatusOr<std::vector<LeaveDay>> taken = TakenDaysOf(book.requests(), kAda, kVacation, schedules, holidays);
  EXPECT_OK(taken);
  if (taken.ok()) booked.taken = *std::move(taken);
  return booked;
}

// ---------------------------------------------------------------------------
// Schedules by day

// The day Ada moves to a compressed week: Wednesday 8 May 2024.
const Date kCompressedFrom(2024, 5, 8);

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
  EXPECT_THAT(RequestDuration(Request(May(6), May(10), DurationUnit::kHours), days_, no_holidays_), IsOkAndHolds(36.0));
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
  EXPECT_THAT(RequestDuration(Request(May(9), May(13), DurationUnit::kHours), days_, no_holidays_), IsOkAndHolds(20.0));
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
  const Booked booked = SubmitApproveAndTake(ada_, days_, no_holidays_, May(6), May(10));
  EXPECT_EQ(booked.duration, 4.0);  // as in EachDayCountsUnderItsOwnSchedule
  EXPECT_EQ(
      booked.taken,
      (std::vector<LeaveDay>{
          {May(6), 1.0, booked.id}, {May(7), 1.0, booked.id}, {May(8), 1.0, booked.id}, {May(9), 1.0, booked.id}}));
}

// Ada's records name no schedule; she moves from Berlin (no default
// schedule: the company's Monday to Friday) to Munich, whose site works the
// compressed week, on Wednesday 8 May.
class LocationDefaultScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_.id = kAda;
    ASSERT_OK(ada_.employment.Add(kHired, Active(WorkScheduleId(), kBerlin), kHired));
    ASSERT_OK(ada_.employment.Add(kCompressedFrom, Active(WorkScheduleId(), kMunich), kToday));
  }

  Employee ada_;
  WorkSchedule company_default_ = DefaultWorkSchedule(WorkScheduleId(1));  // Mon-Fri 8h
  std::vector<WorkSchedule> schedules_ = {company_default_, Compressed()};
  std::vector<Location> locations_ = {Location{kBerlin, "Berlin", "DE", HolidayCalendarId(), WorkScheduleId()},
                                      Location{kMunich, "Munich", "DE", HolidayCalendarId(), WorkScheduleId(2)}};
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
  EXPECT_THAT(RequestDuration(Request(May(6), May(10), DurationUnit::kHours), days_, no_holidays_), IsOkAndHolds(36.0));
  // Without the locations the records' missing schedule means the fallback: 5 days.
  const DaySchedules ignoring_locations(ada_.employment, schedules_, company_default_);
  EXPECT_THAT(RequestDuration(Request(May(6), May(10)), ignoring_locations, no_holidays_), IsOkAndHolds(5.0));
}

TEST_F(LocationDefaultScheduleTest, TheRecordsOwnScheduleWinsOverTheLocations) {
  // Mon-Fri 8h named on the record.
  ASSERT_OK(ada_.employment.Add(May(9), Active(WorkScheduleId(1), kMunich), kToday));
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

// ---------------------------------------------------------------------------
// Holidays by day

// Ada moves from Berlin to Munich on Wednesday 29 May 2024.
const Date kMovedOn(2024, 5, 29);

HolidayCalendar BerlinCalendar() {
  return HolidayCalendar{
      HolidayCalendarId(10), "Berlin", {EasterHoliday("Whit Monday", 50), FixedHoliday("Women's Day", 3, 8)}};
}

HolidayCalendar BavariaCalendar() {
  return HolidayCalendar{
      HolidayCalendarId(20), "Bavaria", {EasterHoliday("Whit Monday", 50), EasterHoliday("Corpus Christi", 60)}};
}

class DayHolidaysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_.id = kAda;
    ASSERT_OK(ada_.employment.Add(kHired, Active(WorkScheduleId(), kBerlin), kHired));
    ASSERT_OK(ada_.employment.Add(kMovedOn, Active(WorkScheduleId(), kMunich), kToday));
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
  ASSERT_OK(ada_.employment.Add(Date(2024, 7, 1), Active(WorkScheduleId()), kToday));
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
  EXPECT_THAT(RequestDuration(Request(May(29), May(31), DurationUnit::kDays, true), week_, days_), IsOkAndHolds(3.0));
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
  const Booked booked = SubmitApproveAndTake(ada_, week_, days_, May(27), May(31));
  EXPECT_EQ(booked.duration, 4.0);  // as in EachDayCountsTheHolidaysOfWhereTheEmployeeWorks
  EXPECT_EQ(
      booked.taken,
      (std::vector<LeaveDay>{
          {May(27), 1.0, booked.id}, {May(28), 1.0, booked.id}, {May(29), 1.0, booked.id}, {May(31), 1.0, booked.id}}));
}

}  // namespace
}  // namespace hrkit
