#include "hrkit/core/date.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr int kMinYear = 1400;  // boost::gregorian's supported range
constexpr int kMaxYear = 9999;

constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};

// Parses exactly `text.size()` ASCII digits; -1 if any character is not a digit.
int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Why year-month-day is not a date, or "" if it is one.
std::string InvalidDateReason(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return absl::StrCat("year ", year, " is outside the supported range ", kMinYear, "..", kMaxYear);
  }
  if (month < 1 || month > 12) return absl::StrCat("month ", month, " is outside 1..12");
  const int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    return absl::StrCat("day ", day, " is outside ", kMonthNames[static_cast<std::size_t>(month - 1)], " ", year,
                        " (1..", days, ")");
  }
  return "";
}

}  // namespace

Date OpenEnd() { return Date(boost::gregorian::pos_infin); }

bool IsRealDate(Date d) { return !d.is_special(); }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

int DaysInYear(int year) { return IsLeapYear(year) ? 366 : 365; }

absl::StatusOr<Date> MakeDate(int year, int month, int day) {
  if (std::string reason = InvalidDateReason(year, month, day); !reason.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("date: ", reason));
  }
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

absl::StatusOr<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return absl::InvalidArgumentError(absl::StrCat("date \"", ToAbsl(text.substr(0, 40)),
                                                   "\": expected the ISO form YYYY-MM-DD"));
  }
  const int year = ParseDigits(text.substr(0, 4));
  const int month = ParseDigits(text.substr(5, 2));
  const int day = ParseDigits(text.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("date \"", ToAbsl(text), "\": expected digits in YYYY-MM-DD"));
  }
  if (std::string reason = InvalidDateReason(year, month, day); !reason.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("date \"", ToAbsl(text), "\": ", reason));
  }
  return MakeDate(year, month, day);
}

std::string FormatIsoDate(Date d) {
  if (d.is_pos_infinity()) return "open";
  if (d.is_neg_infinity()) return "-infinity";
  if (d.is_special()) return "not-a-date";
  return absl::StrFormat("%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                         static_cast<int>(d.day()));
}

Date FirstDayOfMonth(Date d) { return Date(d.year(), d.month(), 1); }

Date LastDayOfMonth(Date d) { return d.end_of_month(); }

Date AddMonthsClamped(Date d, int months) {
  const int index = static_cast<int>(d.year()) * 12 + (static_cast<int>(d.month()) - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  const int day = std::min(static_cast<int>(d.day()), DaysInMonth(year, month));
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

Date AddYearsClamped(Date d, int years) { return AddMonthsClamped(d, 12 * years); }

absl::StatusOr<Period> MakePeriod(Date begin, Date end) {
  if (!IsRealDate(begin)) {
    return absl::InvalidArgumentError(
        absl::StrCat("period: begin must be a real date, got ", FormatIsoDate(begin)));
  }
  if (!IsRealDate(end) && !end.is_pos_infinity()) {
    return absl::InvalidArgumentError(
        absl::StrCat("period: end must be a real date or open, got ", FormatIsoDate(end)));
  }
  if (end <= begin) {
    return absl::InvalidArgumentError(absl::StrCat("period: end ", FormatIsoDate(end),
                                                   " must be after begin ", FormatIsoDate(begin)));
  }
  return Period(begin, end);
}

Period OpenPeriod(Date begin) { return Period(begin, OpenEnd()); }

bool IsOpenEnded(const Period& p) { return p.end().is_pos_infinity(); }

std::int64_t DayCount(const Period& p) { return (p.end() - p.begin()).days(); }

std::optional<Period> Intersect(const Period& a, const Period& b) {
  const Date begin = std::max(a.begin(), b.begin());
  const Date end = std::min(a.end(), b.end());
  if (end <= begin) return std::nullopt;
  return Period(begin, end);
}

absl::StatusOr<WeekdaySet> WeekdaySet::FromDays(std::span<const int> days) {
  WeekdaySet set;
  for (int day : days) {
    if (day < 0 || day > 6) {
      return absl::InvalidArgumentError(
          absl::StrCat("weekday set: day ", day, " is outside 0 (Sunday)..6 (Saturday)"));
    }
    set.Insert(day);
  }
  return set;
}

int WeekdaySet::size() const {
  int count = 0;
  for (int day = 0; day < 7; ++day) count += Contains(day) ? 1 : 0;
  return count;
}

absl::StatusOr<std::int64_t> CountBusinessDays(const Period& period, WeekdaySet working,
                                               std::span<const Date> holidays) {
  if (IsOpenEnded(period) || !IsRealDate(period.begin())) {
    return absl::InvalidArgumentError("business days: the period must have a real begin and end");
  }
  const std::int64_t days = std::max<std::int64_t>(0, DayCount(period));
  // Whole weeks contribute the set's size each; the remainder is walked.
  std::int64_t count = (days / 7) * working.size();
  int weekday = period.begin().day_of_week().as_number();
  for (std::int64_t i = 0; i < days % 7; ++i) {
    count += working.Contains(weekday) ? 1 : 0;
    weekday = (weekday + 1) % 7;
  }
  std::vector<Date> unique(holidays.begin(), holidays.end());
  for (const Date& h : unique) {
    if (!IsRealDate(h)) {
      return absl::InvalidArgumentError(
          absl::StrCat("business days: holiday ", FormatIsoDate(h), " is not a real date"));
    }
  }
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const Date& h : unique) {
    if (period.contains(h) && working.Contains(h)) --count;
  }
  return count;
}

}  // namespace hrkit
