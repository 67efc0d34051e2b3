#include "hrkit/calendar/holiday_calendar.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr int kFirstGregorianYear = 1583;
constexpr int kMaxYear = 9999;
constexpr int kMinBoostYear = 1400;
constexpr int kMaxEasterOffset = 366;

std::string RuleLabel(const HolidayCalendar& c, std::size_t index) {
  return absl::StrCat(ToString(c.id), " \"", c.name, "\": rule ", index, " \"", c.rules[index].name, "\"");
}

absl::Status RuleError(const HolidayCalendar& c, std::size_t index, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(RuleLabel(c, index), ": ", ToAbsl(field), " ", ToAbsl(what)));
}

bool IsRecurring(const HolidayRule& r) { return r.kind != HolidayRuleKind::kOneOff; }

bool AppliesInYear(const HolidayRule& r, int year) {
  return (r.from_year == 0 || year >= r.from_year) && (r.to_year == 0 || year <= r.to_year);
}

// The date `r` gives in `year`, or nullopt (no such date that year, or out
// of the supported range). REQUIRES: r is a valid recurring rule.
std::optional<Date> DateInYear(const HolidayRule& r, int year) {
  if (year < kMinBoostYear || year > kMaxYear || !AppliesInYear(r, year)) return std::nullopt;
  switch (r.kind) {
    case HolidayRuleKind::kFixedDate:
      if (r.day > DaysInMonth(year, r.month)) return std::nullopt;  // 29 February outside leap years
      return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(r.month),
                  static_cast<unsigned short>(r.day));
    case HolidayRuleKind::kNthWeekday: {
      const Date first(static_cast<unsigned short>(year), static_cast<unsigned short>(r.month), 1);
      if (r.nth == kLastWeekday) {
        const Date last = LastDayOfMonth(first);
        const int back = (last.day_of_week().as_number() - r.weekday + 7) % 7;
        return last - boost::gregorian::days(back);
      }
      const int forward = (r.weekday - first.day_of_week().as_number() + 7) % 7;
      return first + boost::gregorian::days(forward + 7 * (r.nth - 1));
    }
    case HolidayRuleKind::kEasterOffset: {
      absl::StatusOr<Date> easter = WesternEaster(year);
      if (!easter.ok()) return std::nullopt;
      const long day_number = static_cast<long>(easter->day_number()) + r.easter_offset;
      const long lowest = static_cast<long>(Date(kMinBoostYear, 1, 1).day_number());
      const long highest = static_cast<long>(Date(kMaxYear, 12, 31).day_number());
      if (day_number < lowest || day_number > highest) return std::nullopt;
      return *easter + boost::gregorian::days(r.easter_offset);
    }
    case HolidayRuleKind::kOneOff:
      break;
  }
  return std::nullopt;
}

absl::Status ValidateYearBound(const HolidayCalendar& c, std::size_t i, std::string_view field, int year) {
  if (year != 0 && (year < kFirstGregorianYear || year > kMaxYear)) {
    return RuleError(c, i, field,
                     absl::StrCat("must be 0 or in ", kFirstGregorianYear, "..", kMaxYear, ", got ", year));
  }
  return absl::OkStatus();
}

absl::Status ValidateRule(const HolidayCalendar& c, std::size_t i) {
  const HolidayRule& r = c.rules[i];
  if (r.name.empty()) return RuleError(c, i, "name", "must not be empty");
  switch (r.kind) {
    case HolidayRuleKind::kFixedDate:
    case HolidayRuleKind::kNthWeekday:
      if (r.month < 1 || r.month > 12) {
        return RuleError(c, i, "month", absl::StrCat("must be in 1..12, got ", r.month));
      }
      break;
    case HolidayRuleKind::kEasterOffset:
    case HolidayRuleKind::kOneOff:
      break;
    default:
      return RuleError(c, i, "kind", absl::StrCat("is not a known rule kind: ", static_cast<int>(r.kind)));
  }
  switch (r.kind) {
    case HolidayRuleKind::kFixedDate: {
      const int days = DaysInMonth(2000, r.month);  // a leap year: 29 February is a valid rule
      if (r.day < 1 || r.day > days) {
        return RuleError(c, i, "day", absl::StrCat("must be in 1..", days, " for month ", r.month, ", got ", r.day));
      }
      break;
    }
    case HolidayRuleKind::kNthWeekday:
      if (r.weekday < 0 || r.weekday > 6) {
        return RuleError(c, i, "weekday", absl::StrCat("must be in 0..6 (0 = Sunday), got ", r.weekday));
      }
      if (r.nth != kLastWeekday && (r.nth < 1 || r.nth > 4)) {
        return RuleError(c, i, "nth", absl::StrCat("must be 1..4 or -1 (last), got ", r.nth));
      }
      break;
    case HolidayRuleKind::kEasterOffset:
      if (r.easter_offset < -kMaxEasterOffset || r.easter_offset > kMaxEasterOffset) {
        return RuleError(
            c, i, "easter_offset",
            absl::StrCat("must be in -", kMaxEasterOffset, "..", kMaxEasterOffset, ", got ", r.easter_offset));
      }
      break;
    case HolidayRuleKind::kOneOff:
      if (!IsRealDate(r.date)) return RuleError(c, i, "date", "must be a real date");
      break;
  }
  if (IsRecurring(r)) {
    HRKIT_RETURN_IF_ERROR(ValidateYearBound(c, i, "from_year", r.from_year));
    HRKIT_RETURN_IF_ERROR(ValidateYearBound(c, i, "to_year", r.to_year));
    if (r.from_year != 0 && r.to_year != 0 && r.from_year > r.to_year) {
      return RuleError(c, i, "to_year", absl::StrCat(r.to_year, " is before from_year ", r.from_year));
    }
  }
  return absl::OkStatus();
}

}  // namespace

HolidayRule FixedHoliday(std::string name, int month, int day, bool half_day) {
  HolidayRule r;
  r.kind = HolidayRuleKind::kFixedDate;
  r.name = std::move(name);
  r.month = month;
  r.day = day;
  r.half_day = half_day;
  return r;
}

HolidayRule NthWeekdayHoliday(std::string name, int nth, int weekday, int month, bool half_day) {
  HolidayRule r;
  r.kind = HolidayRuleKind::kNthWeekday;
  r.name = std::move(name);
  r.nth = nth;
  r.weekday = weekday;
  r.month = month;
  r.half_day = half_day;
  return r;
}

HolidayRule EasterHoliday(std::string name, int easter_offset, bool half_day) {
  HolidayRule r;
  r.kind = HolidayRuleKind::kEasterOffset;
  r.name = std::move(name);
  r.easter_offset = easter_offset;
  r.half_day = half_day;
  return r;
}

HolidayRule OneOffHoliday(std::string name, Date date, bool half_day) {
  HolidayRule r;
  r.kind = HolidayRuleKind::kOneOff;
  r.name = std::move(name);
  r.date = date;
  r.half_day = half_day;
  return r;
}

absl::Status ValidateHolidayCalendar(const HolidayCalendar& calendar) {
  for (std::size_t i = 0; i < calendar.rules.size(); ++i) {
    HRKIT_RETURN_IF_ERROR(ValidateRule(calendar, i));
  }
  return absl::OkStatus();
}

absl::StatusOr<Date> WesternEaster(int year) {
  if (year < kFirstGregorianYear || year > kMaxYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("Easter: year must be in ", kFirstGregorianYear, "..", kMaxYear, ", got ", year));
  }
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

absl::StatusOr<std::vector<Holiday>> HolidaysIn(const HolidayCalendar& calendar, const Period& period) {
  HRKIT_RETURN_IF_ERROR(ValidateHolidayCalendar(calendar));
  if (!IsRealDate(period.begin()) || !IsRealDate(period.end())) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(calendar.id), " \"", calendar.name,
                                                   "\": holidays need a closed period of real dates, got ",
                                                   FormatIsoDate(period.begin()), "..", FormatIsoDate(period.end())));
  }
  return GuardExceptions("holidays", [&]() -> absl::StatusOr<std::vector<Holiday>> {
    // (date, rule index) of every rule occurrence in the period.
    std::vector<std::pair<Date, std::size_t>> hits;
    if (period.is_null()) return std::vector<Holiday>();
    const int first_year = period.begin().year();
    const int last_year = period.last().year();
    for (std::size_t i = 0; i < calendar.rules.size(); ++i) {
      const HolidayRule& r = calendar.rules[i];
      if (r.kind == HolidayRuleKind::kOneOff) {
        if (period.contains(r.date)) hits.emplace_back(r.date, i);
        continue;
      }
      // An Easter offset can move the date into a neighbouring year.
      const int slack = r.kind == HolidayRuleKind::kEasterOffset ? 2 : 0;
      for (int year = first_year - slack; year <= last_year + slack; ++year) {
        const std::optional<Date> d = DateInYear(r, year);
        if (d.has_value() && period.contains(*d)) hits.emplace_back(*d, i);
      }
    }
    // Per date: full day before half day, then calendar order.
    std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      const bool a_half = calendar.rules[a.second].half_day;
      const bool b_half = calendar.rules[b.second].half_day;
      if (a_half != b_half) return !a_half;
      return a.second < b.second;
    });
    std::vector<Holiday> holidays;
    for (const auto& [date, index] : hits) {
      if (!holidays.empty() && holidays.back().date == date) continue;
      const HolidayRule& r = calendar.rules[index];
      holidays.push_back(Holiday{date, r.name, r.half_day});
    }
    return holidays;
  });
}

}  // namespace hrkit
