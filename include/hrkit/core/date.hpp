// Calendar dates and half-open periods over boost::gregorian, with the helpers
// HR rules need: validated construction and ISO parsing (no exception escapes),
// month arithmetic that clamps to month ends, and business-day counting.
//
// Conventions: a Period is half-open, [begin, end). An open end is the date
// `OpenEnd()` (boost's pos_infin). Dates are calendar dates in the employee's
// own location: nothing here knows about time zones.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_CORE_DATE_HPP_
#define HRKIT_CORE_DATE_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "boost/date_time/gregorian/gregorian_types.hpp"

namespace hrkit {

// A calendar date. May also hold boost's special values; hrkit uses only
// `OpenEnd()` (pos_infin) among them, and only as a period end.
using Date = boost::gregorian::date;
// A half-open range of dates [begin, end).
using Period = boost::gregorian::date_period;

// The open end of a period: a date after every real date (boost's pos_infin).
Date OpenEnd();

// True if `d` is a real calendar date (not a boost special value).
bool IsRealDate(Date d);

// Returns the date year-month-day, or InvalidArgument naming the bad part
// (e.g. 2026-02-30: "day 30 is outside February 2026 (1..28)"). Accepts
// years 1400..9999 (boost's range).
absl::StatusOr<Date> MakeDate(int year, int month, int day);

// Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly that form: ten
// characters, no surrounding spaces or trailing text). Returns InvalidArgument
// for empty input, a wrong shape, trailing junk, or a date that does not exist
// (2026-02-30, 2026-13-01). Never throws.
absl::StatusOr<Date> ParseIsoDate(std::string_view text);

// Formats a date as "YYYY-MM-DD"; special values print as "open" (pos_infin),
// "-infinity" or "not-a-date".
std::string FormatIsoDate(Date d);

// True for Gregorian leap years (divisible by 4, except centuries not
// divisible by 400).
bool IsLeapYear(int year);

// Days in the month: 28..31. REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);

// 365 or 366.
int DaysInYear(int year);

// The first and last day of `d`'s month. REQUIRES: IsRealDate(d).
Date FirstDayOfMonth(Date d);
Date LastDayOfMonth(Date d);

// Adds calendar months, clamping the day to the target month's length:
// 2024-01-31 + 1 = 2024-02-29, 2025-01-31 + 1 = 2025-02-28, 2024-02-29 - 12 =
// 2023-02-28. Unlike boost's `months`, a month end does not "snap" (2025-02-28
// + 1 month is 2025-03-28, not 03-31). REQUIRES: IsRealDate(d) and the result
// within boost's range (years 1400..9999).
Date AddMonthsClamped(Date d, int months);

// AddMonthsClamped(d, 12 * years): 2024-02-29 + 1 year = 2025-02-28.
Date AddYearsClamped(Date d, int years);

// Builds [begin, end). `end` may be OpenEnd(). Returns InvalidArgument if
// `begin` is not a real date, `end` is neither a real date nor OpenEnd(), or
// end <= begin (an empty period is not a valid period of employment, leave...).
absl::StatusOr<Period> MakePeriod(Date begin, Date end);

// [begin, OpenEnd()). REQUIRES: IsRealDate(begin).
Period OpenPeriod(Date begin);

// True if the period has no end.
bool IsOpenEnded(const Period& p);

// The number of days in a closed period (end - begin). REQUIRES: !IsOpenEnded(p).
std::int64_t DayCount(const Period& p);

// The overlap of two periods, or nullopt when they share no day.
std::optional<Period> Intersect(const Period& a, const Period& b);

// A set of weekdays (e.g. the working days of a schedule).
class WeekdaySet {
 public:
  // The empty set.
  constexpr WeekdaySet() = default;
  // Monday to Friday.
  static constexpr WeekdaySet MondayToFriday() { return WeekdaySet(0b0111110); }
  // Builds a set from boost weekday numbers (0 = Sunday .. 6 = Saturday).
  // Returns InvalidArgument for a number outside 0..6.
  static absl::StatusOr<WeekdaySet> FromDays(std::span<const int> days);

  // True if `day` (0 = Sunday .. 6 = Saturday) is in the set.
  constexpr bool Contains(int day) const { return day >= 0 && day <= 6 && ((bits_ >> day) & 1U) != 0; }
  // True if `d`'s weekday is in the set. REQUIRES: IsRealDate(d).
  bool Contains(Date d) const { return Contains(d.day_of_week().as_number()); }
  // Adds `day` (0..6); values outside are ignored.
  constexpr void Insert(int day) {
    if (day >= 0 && day <= 6) bits_ |= static_cast<unsigned char>(1U << day);
  }
  // Number of days in the set (0..7).
  int size() const;
  // The raw bit mask: bit d set for weekday d.
  constexpr unsigned bits() const { return bits_; }

  friend constexpr bool operator==(WeekdaySet, WeekdaySet) = default;

 private:
  constexpr explicit WeekdaySet(unsigned char bits) : bits_(bits) {}
  unsigned char bits_ = 0;
};

// Counts the days in [period.begin(), period.end()) whose weekday is in
// `working` and that are not in `holidays` (any order, duplicates and dates
// outside the period are ignored). Runs in O(holidays), not O(days).
// Returns InvalidArgument for an open-ended period or a holiday that is not a
// real date.
absl::StatusOr<std::int64_t> CountBusinessDays(const Period& period, WeekdaySet working,
                                               std::span<const Date> holidays);

}  // namespace hrkit

#endif  // HRKIT_CORE_DATE_HPP_
