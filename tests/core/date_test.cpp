#include "hrkit/core/date.hpp"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;

TEST(ParseIsoDate, AcceptsValidDatesIncludingLeapDay) {
  ASSERT_OK_AND_ASSIGN(Date d, ParseIsoDate("2024-02-29"));
  EXPECT_EQ(d, Date(2024, 2, 29));
  ASSERT_OK_AND_ASSIGN(Date last, ParseIsoDate("2026-12-31"));
  EXPECT_EQ(last, Date(2026, 12, 31));
}

TEST(ParseIsoDate, RejectsDatesThatDoNotExist) {
  EXPECT_STATUS_CODE(ParseIsoDate("2026-02-30"), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(ParseIsoDate("2026-02-30")), HasSubstr("day 30 is outside February 2026 (1..28)"));
  EXPECT_STATUS_CODE(ParseIsoDate("2026-13-01"), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(ParseIsoDate("2026-13-01")), HasSubstr("month 13"));
  EXPECT_STATUS_CODE(ParseIsoDate("2023-02-29"), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ParseIsoDate("2026-00-10"), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ParseIsoDate("2026-04-00"), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ParseIsoDate("1399-12-31"), absl::StatusCode::kInvalidArgument);
}

TEST(ParseIsoDate, RejectsMalformedText) {
  for (const char* bad : {"", " 2026-01-01", "2026-01-01 ", "2026-01-01x", "2026/01/01", "2026-1-01",
                          "26-01-01", "2026-01-1", "abcd-ef-gh", "2026-01-+1", "2026-01-01T00:00"}) {
    SCOPED_TRACE(bad);
    EXPECT_STATUS_CODE(ParseIsoDate(bad), absl::StatusCode::kInvalidArgument);
  }
}

TEST(ParseIsoDate, TextWithEmbeddedNulIsRejected) {
  const std::string text("2026-01\0" "01", 10);
  EXPECT_STATUS_CODE(ParseIsoDate(text), absl::StatusCode::kInvalidArgument);
}

TEST(FormatIsoDate, RoundTripsAndNamesSpecialValues) {
  EXPECT_EQ(FormatIsoDate(Date(2024, 2, 9)), "2024-02-09");
  EXPECT_EQ(FormatIsoDate(OpenEnd()), "open");
  EXPECT_EQ(FormatIsoDate(Date(boost::gregorian::not_a_date_time)), "not-a-date");
}

TEST(MakeDate, ValidatesEachPart) {
  EXPECT_OK(MakeDate(2000, 2, 29));  // divisible by 400: leap
  EXPECT_STATUS_CODE(MakeDate(1900, 2, 29), absl::StatusCode::kInvalidArgument);  // century: not leap
  EXPECT_STATUS_CODE(MakeDate(2026, 4, 31), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MakeDate(10000, 1, 1), absl::StatusCode::kInvalidArgument);
}

TEST(Calendar, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2025));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2025, 2), 28);
  EXPECT_EQ(DaysInMonth(2025, 4), 30);
  EXPECT_EQ(DaysInMonth(2025, 12), 31);
  EXPECT_EQ(DaysInYear(2024), 366);
  EXPECT_EQ(DaysInYear(2026), 365);
  EXPECT_EQ(FirstDayOfMonth(Date(2024, 2, 17)), Date(2024, 2, 1));
  EXPECT_EQ(LastDayOfMonth(Date(2024, 2, 17)), Date(2024, 2, 29));
}

TEST(AddMonthsClamped, ClampsToMonthEndWithoutSnapping) {
  EXPECT_EQ(AddMonthsClamped(Date(2024, 1, 31), 1), Date(2024, 2, 29));
  EXPECT_EQ(AddMonthsClamped(Date(2025, 1, 31), 1), Date(2025, 2, 28));
  EXPECT_EQ(AddMonthsClamped(Date(2025, 2, 28), 1), Date(2025, 3, 28));  // boost's months() gives 03-31
  EXPECT_EQ(AddMonthsClamped(Date(2025, 3, 31), -1), Date(2025, 2, 28));
  EXPECT_EQ(AddMonthsClamped(Date(2025, 12, 15), 1), Date(2026, 1, 15));
  EXPECT_EQ(AddMonthsClamped(Date(2026, 1, 15), -13), Date(2024, 12, 15));
  EXPECT_EQ(AddMonthsClamped(Date(2025, 5, 31), 0), Date(2025, 5, 31));
  EXPECT_EQ(AddYearsClamped(Date(2024, 2, 29), 1), Date(2025, 2, 28));
  EXPECT_EQ(AddYearsClamped(Date(2024, 2, 29), 4), Date(2028, 2, 29));
  EXPECT_EQ(AddYearsClamped(Date(2024, 2, 29), -1), Date(2023, 2, 28));
}

TEST(MakePeriod, IsHalfOpenAndMayBeOpenEnded) {
  ASSERT_OK_AND_ASSIGN(Period p, MakePeriod(Date(2024, 2, 1), Date(2024, 3, 1)));
  EXPECT_EQ(DayCount(p), 29);
  EXPECT_TRUE(p.contains(Date(2024, 2, 29)));
  EXPECT_FALSE(p.contains(Date(2024, 3, 1)));
  EXPECT_FALSE(IsOpenEnded(p));

  ASSERT_OK_AND_ASSIGN(Period open, MakePeriod(Date(2024, 2, 1), OpenEnd()));
  EXPECT_TRUE(IsOpenEnded(open));
  EXPECT_TRUE(open.contains(Date(9999, 12, 31)));
  EXPECT_FALSE(open.contains(Date(2024, 1, 31)));
  EXPECT_EQ(OpenPeriod(Date(2024, 2, 1)), open);
}

TEST(MakePeriod, RejectsEmptyReversedAndSpecialBounds) {
  EXPECT_STATUS_CODE(MakePeriod(Date(2024, 2, 1), Date(2024, 2, 1)), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MakePeriod(Date(2024, 2, 2), Date(2024, 2, 1)), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MakePeriod(OpenEnd(), OpenEnd()), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MakePeriod(Date(2024, 2, 1), Date(boost::gregorian::not_a_date_time)),
                     absl::StatusCode::kInvalidArgument);
}

TEST(Intersect, OverlapOrNothing) {
  const Period a(Date(2024, 1, 1), Date(2024, 2, 1));
  const Period b(Date(2024, 1, 20), OpenEnd());
  ASSERT_TRUE(Intersect(a, b).has_value());
  EXPECT_EQ(*Intersect(a, b), Period(Date(2024, 1, 20), Date(2024, 2, 1)));
  EXPECT_FALSE(Intersect(a, Period(Date(2024, 2, 1), Date(2024, 3, 1))).has_value());  // touching only
}

TEST(WeekdaySet, FromDaysValidates) {
  const std::vector<int> sun_thu = {0, 1, 2, 3, 4};
  ASSERT_OK_AND_ASSIGN(WeekdaySet set, WeekdaySet::FromDays(sun_thu));
  EXPECT_EQ(set.size(), 5);
  EXPECT_TRUE(set.Contains(0));
  EXPECT_FALSE(set.Contains(5));
  const std::vector<int> bad = {1, 7};
  EXPECT_STATUS_CODE(WeekdaySet::FromDays(bad), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WeekdaySet::MondayToFriday().size(), 5);
  EXPECT_TRUE(WeekdaySet::MondayToFriday().Contains(Date(2026, 11, 23)));   // a Monday
  EXPECT_FALSE(WeekdaySet::MondayToFriday().Contains(Date(2026, 11, 22)));  // a Sunday
}

TEST(CountBusinessDays, CountsWorkingDaysMinusHolidays) {
  const WeekdaySet mon_fri = WeekdaySet::MondayToFriday();
  // February 2024: 29 days from a Thursday: 4 whole weeks (20) + Thu 29 = 21.
  const Period feb(Date(2024, 2, 1), Date(2024, 3, 1));
  ASSERT_OK_AND_ASSIGN(std::int64_t feb_days, CountBusinessDays(feb, mon_fri, {}));
  EXPECT_EQ(feb_days, 21);

  // Holidays: a Monday (counts), a Saturday (not a working day), a duplicate,
  // and one outside the period.
  const std::vector<Date> holidays = {Date(2024, 2, 12), Date(2024, 2, 17), Date(2024, 2, 12), Date(2024, 3, 1)};
  ASSERT_OK_AND_ASSIGN(std::int64_t with_holidays, CountBusinessDays(feb, mon_fri, holidays));
  EXPECT_EQ(with_holidays, 20);

  // A Sunday-to-Thursday week: Fri 2024-02-02 .. Sat 02-03 are off.
  const std::vector<int> sun_thu_days = {0, 1, 2, 3, 4};
  ASSERT_OK_AND_ASSIGN(WeekdaySet sun_thu, WeekdaySet::FromDays(sun_thu_days));
  ASSERT_OK_AND_ASSIGN(std::int64_t week, CountBusinessDays(Period(Date(2024, 2, 2), Date(2024, 2, 9)), sun_thu, {}));
  EXPECT_EQ(week, 5);

  // A single day, and a one-day period on a weekend.
  ASSERT_OK_AND_ASSIGN(std::int64_t one, CountBusinessDays(Period(Date(2024, 2, 5), Date(2024, 2, 6)), mon_fri, {}));
  EXPECT_EQ(one, 1);
  ASSERT_OK_AND_ASSIGN(std::int64_t sat, CountBusinessDays(Period(Date(2024, 2, 3), Date(2024, 2, 4)), mon_fri, {}));
  EXPECT_EQ(sat, 0);
}

TEST(CountBusinessDays, MatchesADayByDayWalkOverTwoYears) {
  const WeekdaySet mon_fri = WeekdaySet::MondayToFriday();
  const std::vector<Date> holidays = {Date(2024, 12, 25), Date(2025, 1, 1), Date(2025, 5, 1)};
  for (int offset = 0; offset < 14; ++offset) {
    const Date begin = Date(2024, 1, 1) + boost::gregorian::days(offset);
    const Period p(begin, Date(2025, 12, 31));
    std::int64_t walked = 0;
    for (Date d = p.begin(); d < p.end(); d += boost::gregorian::days(1)) {
      const bool holiday = std::find(holidays.begin(), holidays.end(), d) != holidays.end();
      walked += mon_fri.Contains(d) && !holiday ? 1 : 0;
    }
    ASSERT_OK_AND_ASSIGN(std::int64_t counted, CountBusinessDays(p, mon_fri, holidays));
    EXPECT_EQ(counted, walked) << FormatIsoDate(begin);
  }
}

TEST(CountBusinessDays, RejectsOpenPeriods) {
  EXPECT_STATUS_CODE(CountBusinessDays(OpenPeriod(Date(2024, 1, 1)), WeekdaySet::MondayToFriday(), {}),
                     absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
