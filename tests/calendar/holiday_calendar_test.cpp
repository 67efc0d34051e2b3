#include "hrkit/calendar/holiday_calendar.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

Period Year(int year) { return Period(Date(year, 1, 1), Date(year + 1, 1, 1)); }

HolidayCalendar Calendar(std::vector<HolidayRule> rules) {
  HolidayCalendar c;
  c.id = HolidayCalendarId(9);
  c.name = "Test";
  c.rules = std::move(rules);
  return c;
}

std::vector<Date> Dates(const std::vector<Holiday>& holidays) {
  std::vector<Date> dates;
  for (const Holiday& h : holidays) dates.push_back(h.date);
  return dates;
}

TEST(WesternEaster, KnownYears) {
  ASSERT_OK_AND_ASSIGN(const Date e2024, WesternEaster(2024));
  EXPECT_EQ(e2024, Date(2024, 3, 31));
  ASSERT_OK_AND_ASSIGN(const Date e2025, WesternEaster(2025));
  EXPECT_EQ(e2025, Date(2025, 4, 20));
  ASSERT_OK_AND_ASSIGN(const Date e2026, WesternEaster(2026));
  EXPECT_EQ(e2026, Date(2026, 4, 5));
  // The extremes of the range of Easter: 22 March (2285) and 25 April (2038).
  ASSERT_OK_AND_ASSIGN(const Date e2285, WesternEaster(2285));
  EXPECT_EQ(e2285, Date(2285, 3, 22));
  ASSERT_OK_AND_ASSIGN(const Date e2038, WesternEaster(2038));
  EXPECT_EQ(e2038, Date(2038, 4, 25));
  EXPECT_STATUS_CODE(WesternEaster(1500), absl::StatusCode::kInvalidArgument);
}

TEST(HolidaysIn, EasterOffsetsAcrossYears) {
  const HolidayCalendar c = Calendar({EasterHoliday("Good Friday", -2), EasterHoliday("Easter Monday", 1)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(c, Period(Date(2024, 1, 1), Date(2027, 1, 1))));
  // Easter 2024-03-31 -> 03-29 and 04-01; 2025-04-20 -> 04-18 and 04-21;
  // 2026-04-05 -> 04-03 and 04-06.
  EXPECT_EQ(Dates(h), (std::vector<Date>{Date(2024, 3, 29), Date(2024, 4, 1), Date(2025, 4, 18), Date(2025, 4, 21),
                                         Date(2026, 4, 3), Date(2026, 4, 6)}));
  EXPECT_EQ(h[0].name, "Good Friday");
  EXPECT_EQ(h[1].name, "Easter Monday");
}

TEST(HolidaysIn, EasterOffsetIntoTheNextYear) {
  // Easter 2024-03-31 + 300 days = 2025-01-25; Easter 2025-04-20 + 300 = 2026-02-14.
  HolidayRule late = EasterHoliday("Late", 300);
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(Calendar({late}), Year(2025)));
  EXPECT_EQ(Dates(h), std::vector<Date>{Date(2025, 1, 25)});
  // from_year counts the Easter year: from 2025 on, January 2025 has nothing.
  late.from_year = 2025;
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> bounded, HolidaysIn(Calendar({late}), Year(2025)));
  EXPECT_TRUE(bounded.empty());
}

TEST(HolidaysIn, NthAndLastWeekday) {
  const HolidayCalendar c =
      Calendar({NthWeekdayHoliday("Memorial Day", kLastWeekday, 1, 5), NthWeekdayHoliday("Thanksgiving", 4, 4, 11),
                NthWeekdayHoliday("Labor Day", 1, 1, 9)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2024, HolidaysIn(c, Year(2024)));
  // 2024: May 31 is a Friday -> last Monday May 27; Nov 1 a Friday -> Thursdays
  // 7, 14, 21, 28; Sep 1 a Sunday -> first Monday Sep 2.
  EXPECT_EQ(Dates(h2024), (std::vector<Date>{Date(2024, 5, 27), Date(2024, 9, 2), Date(2024, 11, 28)}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2025, HolidaysIn(c, Year(2025)));
  // 2025: May 31 a Saturday -> May 26; Nov 1 a Saturday -> Thursdays 6..27;
  // Sep 1 is itself a Monday.
  EXPECT_EQ(Dates(h2025), (std::vector<Date>{Date(2025, 5, 26), Date(2025, 9, 1), Date(2025, 11, 27)}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2026, HolidaysIn(c, Year(2026)));
  // 2026: May 31 is a Sunday -> May 25; Nov 1 a Sunday -> Thursday 26; Sep 1 a
  // Tuesday -> Sep 7.
  EXPECT_EQ(Dates(h2026), (std::vector<Date>{Date(2026, 5, 25), Date(2026, 9, 7), Date(2026, 11, 26)}));
}

TEST(HolidaysIn, LastWeekdayOnTheMonthsLastDay) {
  // 2026-07-31 is a Friday: the last Friday of July is that day.
  const HolidayCalendar c = Calendar({NthWeekdayHoliday("Summer Friday", kLastWeekday, 5, 7)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(c, Year(2026)));
  EXPECT_EQ(Dates(h), std::vector<Date>{Date(2026, 7, 31)});
}

TEST(HolidaysIn, LeapDayRuleOnlyInLeapYears) {
  const HolidayCalendar c = Calendar({FixedHoliday("Leap Day", 2, 29)});
  ASSERT_OK(ValidateHolidayCalendar(c));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(c, Period(Date(2023, 1, 1), Date(2029, 1, 1))));
  // 2023..2028: leap years 2024 and 2028 only.
  EXPECT_EQ(Dates(h), (std::vector<Date>{Date(2024, 2, 29), Date(2028, 2, 29)}));
  // 2100 is not a leap year (a century not divisible by 400), 2000 is.
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2100, HolidaysIn(c, Year(2100)));
  EXPECT_TRUE(h2100.empty());
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2000, HolidaysIn(c, Year(2000)));
  EXPECT_EQ(h2000.size(), 1u);
}

TEST(HolidaysIn, FixedDateYearBoundsAndOneOff) {
  HolidayRule unity = FixedHoliday("Unity Day", 10, 3);
  unity.from_year = 1990;
  HolidayRule old = FixedHoliday("Old Day", 6, 17);
  old.to_year = 1990;
  const HolidayCalendar c =
      Calendar({unity, old, OneOffHoliday("Jubilee", Date(2022, 6, 3)), FixedHoliday("New Year", 1, 1)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h1990, HolidaysIn(c, Year(1990)));
  EXPECT_EQ(Dates(h1990), (std::vector<Date>{Date(1990, 1, 1), Date(1990, 6, 17), Date(1990, 10, 3)}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h1989, HolidaysIn(c, Year(1989)));
  EXPECT_EQ(Dates(h1989), (std::vector<Date>{Date(1989, 1, 1), Date(1989, 6, 17)}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2022, HolidaysIn(c, Year(2022)));
  EXPECT_EQ(Dates(h2022), (std::vector<Date>{Date(2022, 1, 1), Date(2022, 6, 3), Date(2022, 10, 3)}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2023, HolidaysIn(c, Year(2023)));
  EXPECT_EQ(h2023.size(), 2u);  // the one-off does not repeat
}

TEST(HolidaysIn, PeriodIsHalfOpenAndCrossesTheYearEnd) {
  const HolidayCalendar c = Calendar({FixedHoliday("Christmas", 12, 25), FixedHoliday("New Year", 1, 1)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(c, Period(Date(2024, 12, 25), Date(2025, 1, 1))));
  EXPECT_EQ(Dates(h), std::vector<Date>{Date(2024, 12, 25)});  // 2025-01-01 is the excluded end
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2, HolidaysIn(c, Period(Date(2024, 12, 20), Date(2025, 1, 2))));
  EXPECT_EQ(Dates(h2), (std::vector<Date>{Date(2024, 12, 25), Date(2025, 1, 1)}));
}

TEST(HolidaysIn, TwoRulesOnOneDateTheFullDayWins) {
  // 2025-12-24 is both a half-day Christmas Eve and a one-off full closing day.
  const HolidayCalendar c = Calendar({FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true),
                                      OneOffHoliday("Office closed", Date(2025, 12, 24)),
                                      FixedHoliday("Eve again", 12, 24, /*half_day=*/true)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2025, HolidaysIn(c, Year(2025)));
  ASSERT_EQ(h2025.size(), 1u);
  EXPECT_EQ(h2025[0], (Holiday{Date(2025, 12, 24), "Office closed", false}));
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h2026, HolidaysIn(c, Year(2026)));
  ASSERT_EQ(h2026.size(), 1u);  // two half-day rules: one holiday, the first rule's name
  EXPECT_EQ(h2026[0], (Holiday{Date(2026, 12, 24), "Christmas Eve", true}));
}

TEST(HolidaysIn, EasterAndFixedRuleOnTheSameDate) {
  // Easter Monday 2025 is 04-21; a fixed 21 April rule lands on it.
  const HolidayCalendar c = Calendar({FixedHoliday("Founders", 4, 21), EasterHoliday("Easter Monday", 1)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> h, HolidaysIn(c, Year(2025)));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].name, "Founders");
}

TEST(HolidaysIn, EmptyPeriodAndOpenPeriod) {
  const HolidayCalendar c = Calendar({FixedHoliday("New Year", 1, 1)});
  ASSERT_OK_AND_ASSIGN(const std::vector<Holiday> none, HolidaysIn(c, Period(Date(2025, 1, 1), Date(2025, 1, 1))));
  EXPECT_TRUE(none.empty());
  EXPECT_STATUS_CODE(HolidaysIn(c, OpenPeriod(Date(2025, 1, 1))), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateHolidayCalendar, RejectsImpossibleRules) {
  absl::Status s = ValidateHolidayCalendar(Calendar({FixedHoliday("New Year", 1, 1), FixedHoliday("Bad", 2, 30)}));
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr("holiday_calendar:9"));
  EXPECT_THAT(Message(s), HasSubstr("rule 1 \"Bad\""));
  EXPECT_THAT(Message(s), HasSubstr("day"));
  EXPECT_STATUS_CODE(ValidateHolidayCalendar(Calendar({FixedHoliday("April 31", 4, 31)})),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({FixedHoliday("X", 13, 1)}))), HasSubstr("month"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({NthWeekdayHoliday("X", 5, 1, 5)}))), HasSubstr("nth"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({NthWeekdayHoliday("X", 0, 1, 5)}))), HasSubstr("nth"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({NthWeekdayHoliday("X", 1, 7, 5)}))), HasSubstr("weekday"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({EasterHoliday("X", 400)}))), HasSubstr("easter_offset"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({OneOffHoliday("X", Date())}))), HasSubstr("date"));
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({FixedHoliday("", 1, 1)}))), HasSubstr("name"));
  HolidayRule backwards = FixedHoliday("X", 1, 1);
  backwards.from_year = 2020;
  backwards.to_year = 2019;
  EXPECT_THAT(Message(ValidateHolidayCalendar(Calendar({backwards}))), HasSubstr("to_year"));
  // HolidaysIn validates too.
  EXPECT_STATUS_CODE(HolidaysIn(Calendar({FixedHoliday("Bad", 2, 30)}), Year(2024)),
                     absl::StatusCode::kInvalidArgument);
}

TEST(HolidayCalendar, DescribesRulesAsAList) {
  const std::vector<FieldInfo> fields = ListFields(HolidayCalendar{});
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[2].name, "rules");
  EXPECT_EQ(fields[2].shape, FieldShape::kList);
  EXPECT_EQ(ListFields(HolidayRule{}).size(), 11u);
}

}  // namespace
}  // namespace hrkit
