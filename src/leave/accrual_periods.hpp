// Internal to the accrual engine: civil dates as day numbers, months and
// the layout of accrual periods and years (frequencies and the anchors of a
// policy version). Inline: the credit loop calls these for every period of
// every employee.
#ifndef HRKIT_SRC_LEAVE_ACCRUAL_PERIODS_HPP_
#define HRKIT_SRC_LEAVE_ACCRUAL_PERIODS_HPP_

#include <algorithm>
#include <array>
#include <cstddef>

#include "accrual_internal.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/leave_policy.hpp"

namespace hrkit::accrual_internal {

// IsRealDate, inline: the run asks it for every fact.
inline bool Real(Date d) { return !d.is_special(); }

inline const Date kOpenEnd(boost::gregorian::pos_infin);

inline int MonthIndex(int year, int month) { return year * 12 + month - 1; }

// Day numbers (see Day) of civil dates and back: Howard Hinnant's
// days_from_civil and civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), moved from
// 1970-01-01 to boost's Julian day numbers.
inline constexpr Day kDayOf1970 = 2440588;

struct Civil {
  int year = 0;
  int month = 0;
  int day = 0;
};

constexpr Day DayOfCivil(int year, int month, int day) {
  const int y = month <= 2 ? year - 1 : year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 + kDayOf1970;
}

constexpr Civil CivilOf(Day n) {
  const int z = n - kDayOf1970 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1};
}

static_assert(DayOfCivil(2000, 1, 1) == 2451545);  // boost's day_number() of 2000-01-01
static_assert(CivilOf(2451545 + 59).month == 2 && CivilOf(2451545 + 59).day == 29);

// REQUIRES: d is a real date or OpenEnd().
inline Day DayOf(Date d) { return d.is_pos_infinity() ? kOpenDay : static_cast<Day>(d.day_number()); }
// REQUIRES: n is a real date's day number.
inline Date DateOf(Day n) { return Date(static_cast<Date::date_int_type>(n)); }

// The 1st of the month `index` (MonthIndex). Months of 1900..2299 come from a
// table built at compile time: the credit loop asks for several per employee
// and period, and the table beats even Hinnant's arithmetic there.
inline constexpr int kFirstTabled = 1900 * 12;
inline constexpr int kTabled = 400 * 12;
inline constexpr std::array<Day, kTabled> kMonthStarts = [] {
  std::array<Day, kTabled> table{};
  for (int i = 0; i < kTabled; ++i) {
    const int m = kFirstTabled + i;
    table[static_cast<std::size_t>(i)] = DayOfCivil(m / 12, m % 12 + 1, 1);
  }
  return table;
}();

inline Day MonthStart(int index) {
  if (index >= kFirstTabled && index < kFirstTabled + kTabled) {
    return kMonthStarts[static_cast<std::size_t>(index - kFirstTabled)];
  }
  return DayOfCivil(index / 12, index % 12 + 1, 1);
}

// AddMonthsClamped on day numbers. A result outside boost's years goes
// through AddMonthsClamped, which throws as it always did.
inline Day AddMonths(Day d, int months) {
  const Civil c = CivilOf(d);
  const int index = MonthIndex(c.year, c.month) + months;
  if (index < 1400 * 12 || index >= 10000 * 12) return DayOf(AddMonthsClamped(DateOf(d), months));
  const Day first = MonthStart(index);
  return first + std::min(c.day, MonthStart(index + 1) - first) - 1;
}

inline int MonthsPerPeriod(AccrualFrequency f) {
  switch (f) {
    case AccrualFrequency::kQuarterly:
      return 3;
    case AccrualFrequency::kHalfYearly:
      return 6;
    case AccrualFrequency::kYearly:
      return 12;
    default:
      return 1;
  }
}

// The first day of period month `index` (MonthIndex): the 1st, or the
// anchors' period start day.
inline Day Start(int index, const Anchors& a) { return MonthStart(index) + a.day_offset; }

// The first day on or after `d` that falls on `weekday` (Sunday = 0). Day
// numbers are Julian day numbers: (n + 1) % 7 is the weekday, Sunday = 0.
inline Day WeekdayOnOrAfter(Day d, int weekday) { return d + ((weekday - (d + 1) % 7) % 7 + 7) % 7; }

// The credit week containing `d` when weeks run from a weekday; `ymi` is the
// accrual year holding `d` by month. Week 1 of a year starts on the year's
// first such weekday; the days before it belong to the previous year's 52nd
// week, which runs up to the next year's first week (7 or 14 days).
inline PeriodSpan WeekFromWeekday(const Anchors& a, int ymi, Day d) {
  Day year_begin = MonthStart(ymi);
  Day first = WeekdayOnOrAfter(year_begin, a.weekday);
  Day next_first = 0;
  if (d < first) {
    next_first = first;
    ymi -= 12;
    year_begin = MonthStart(ymi);
    first = WeekdayOnOrAfter(year_begin, a.weekday);
  } else {
    next_first = WeekdayOnOrAfter(MonthStart(ymi + 12), a.weekday);
  }
  const int week = std::min((d - first) / 7, 51);
  const Day begin = first + 7 * week;
  return {begin, week == 51 ? next_first : begin + 7, year_begin, 52, 0, ymi};
}

// The period of frequency `f` containing `d`, for accrual years and periods
// anchored by `a`.
inline PeriodSpan PeriodOf(AccrualFrequency f, const Anchors& a, Day d) {
  const Civil c = CivilOf(d);
  int mi = MonthIndex(c.year, c.month);
  if (c.day <= a.day_offset) --mi;  // before the period start day: the previous month's period
  const int month = mi % 12 + 1;
  const int ymi = mi - (month - a.year_month) - (month >= a.year_month ? 0 : 12);
  const Day year_begin = Start(ymi, a);
  switch (f) {
    case AccrualFrequency::kDaily:
      return {d, d + 1, year_begin, static_cast<double>(Start(ymi + 12, a) - year_begin)};
    case AccrualFrequency::kWeekly: {
      if (a.weekday >= 0) return WeekFromWeekday(a, ymi, d);
      const int week = std::min((d - year_begin) / 7, 51);
      const Day begin = year_begin + 7 * week;
      const Day end = week == 51 ? MonthStart(ymi + 12) : begin + 7;
      return {begin, end, year_begin, 52};
    }
    case AccrualFrequency::kTwiceMonthly: {
      const Day first = MonthStart(mi);
      if (c.day <= 15) return {first, first + 15, year_begin, 24};
      return {first + 15, MonthStart(mi + 1), year_begin, 24};
    }
    case AccrualFrequency::kMonthly:
    case AccrualFrequency::kQuarterly:
    case AccrualFrequency::kHalfYearly:
    case AccrualFrequency::kYearly: {
      const int len = MonthsPerPeriod(f);
      const int k = (mi - ymi) / len;
      return {Start(ymi + k * len, a), Start(ymi + (k + 1) * len, a), year_begin, 12.0 / len, ymi + k * len, ymi};
    }
  }
  return {d, d + 1, year_begin, 1};
}

// Moves `p` to the next period: month-based periods step by month index
// without converting dates back to year-month-day, in place (no struct copy).
inline void AdvancePeriod(AccrualFrequency f, const Anchors& a, PeriodSpan& p) {
  if (f == AccrualFrequency::kDaily || f == AccrualFrequency::kWeekly || f == AccrualFrequency::kTwiceMonthly) {
    p = PeriodOf(f, a, p.end);
    return;
  }
  const int len = MonthsPerPeriod(f);
  p.begin = p.end;
  p.begin_month += len;
  p.end = Start(p.begin_month + len, a);
  if (p.begin_month >= p.year_month + 12) {
    p.year_month += 12;
    p.year_begin = p.begin;
  }
}

inline Anchors AnchorsOf(const LeavePolicyVersion& v) {
  return Anchors{AccrualYearMonth(v), v.period_start_day - 1,
                 v.accrual_weekday.has_value() ? static_cast<int>(*v.accrual_weekday) : -1};
}

// The first joining-day anniversary (a multiple of the period's months after
// the employment start, whose month index and day are given, the day clamped
// to the month's length) in the period whose first month is `period_month`.
inline Day AnniversaryIn(Day period_begin, int period_month, int start_month, int start_day, int months_per_period) {
  const int k0 = period_month - start_month;
  const int k = k0 + (((-k0) % months_per_period) + months_per_period) % months_per_period;
  if (k < 0) return period_begin;
  const int month = start_month + k;
  const Day first = MonthStart(month);
  return first + std::min(start_day, MonthStart(month + 1) - first) - 1;
}

}  // namespace hrkit::accrual_internal

#endif  // HRKIT_SRC_LEAVE_ACCRUAL_PERIODS_HPP_
