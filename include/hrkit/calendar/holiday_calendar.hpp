// Holiday calendars: the public holidays of a location, described by rules
// that repeat every year (fixed dates, "4th Thursday of November", offsets
// from Western Easter) plus one-off dated holidays, and expanded into the
// concrete holidays of any period with HolidaysIn.
//
// Rule semantics:
// - kFixedDate: `month`/`day` every year. A 29 February rule yields a holiday
//   only in leap years (it is not moved to 28 February or 1 March).
// - kNthWeekday: the `nth` (1..4) `weekday` of `month`, or the last one when
//   nth == kLastWeekday (-1). "Last Monday of May" = {-1, 1, 5}.
// - kEasterOffset: Western (Gregorian) Easter Sunday + `easter_offset` days,
//   Easter computed with the anonymous Gregorian algorithm (Good Friday -2,
//   Easter Monday +1, Ascension +39, Whit Monday +50).
// - kOneOff: exactly `date`, once.
//   Easter rules yield nothing for years before 1583 (no Gregorian Easter).
// Recurring rules apply only in years from_year..to_year (0 = unbounded); for
// an Easter rule that is the year of the Easter it counts from (an offset can
// move the holiday into the next or previous year).
// A rule can be a half-day holiday (e.g. the afternoon of 24 December).
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_CALENDAR_HOLIDAY_CALENDAR_HPP_
#define HRKIT_CALENDAR_HOLIDAY_CALENDAR_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/calendar/ids.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

// How a holiday rule finds its date.
enum class HolidayRuleKind {
  kFixedDate = 0,     // month/day every year
  kNthWeekday = 1,    // nth (or last) weekday of a month
  kEasterOffset = 2,  // days from Western Easter Sunday
  kOneOff = 3,        // one dated holiday
};

// The names of HolidayRuleKind values (core/enum_names.hpp).
inline constexpr EnumName<HolidayRuleKind> kHolidayRuleKindNames[] = {{HolidayRuleKind::kFixedDate, "fixed_date"},
                                                                      {HolidayRuleKind::kNthWeekday, "nth_weekday"},
                                                                      {HolidayRuleKind::kEasterOffset, "easter_offset"},
                                                                      {HolidayRuleKind::kOneOff, "one_off"}};
constexpr std::span<const EnumName<HolidayRuleKind>> EnumNamesOf(HolidayRuleKind) { return kHolidayRuleKindNames; }

// `nth` value meaning "the last such weekday of the month".
inline constexpr std::int32_t kLastWeekday = -1;

// One rule of a calendar. Only the fields of its kind matter; the others keep
// their defaults.
struct HolidayRule {
  HolidayRuleKind kind = HolidayRuleKind::kFixedDate;  // how the rule finds its date
  std::string name;                                    // e.g. "Christmas Day"
  bool half_day = false;                               // true: only half the day is off
  std::int32_t month = 0;                              // kFixedDate, kNthWeekday: 1..12
  std::int32_t day = 0;                                // kFixedDate: 1..days of the month (29 for February)
  std::int32_t weekday = 0;                            // kNthWeekday: 0 = Sunday .. 6 = Saturday
  std::int32_t nth = 0;                                // kNthWeekday: 1..4 or kLastWeekday
  std::int32_t easter_offset = 0;                      // kEasterOffset: -366..366 days
  Date date;                                           // kOneOff
  std::int32_t from_year = 0;                          // recurring rules: first year, 0 = no bound
  std::int32_t to_year = 0;                            // recurring rules: last year (inclusive), 0 = no bound

  friend bool operator==(const HolidayRule&, const HolidayRule&) = default;
};

// Field description of HolidayRule (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, HolidayRule>
void Describe(V& v, Self& r) {
  v.Field("kind", r.kind, Sensitivity::kDirectory);
  v.Field("name", r.name, Sensitivity::kDirectory);
  v.Field("half_day", r.half_day, Sensitivity::kDirectory);
  v.Field("month", r.month, Sensitivity::kDirectory);
  v.Field("day", r.day, Sensitivity::kDirectory);
  v.Field("weekday", r.weekday, Sensitivity::kDirectory);
  v.Field("nth", r.nth, Sensitivity::kDirectory);
  v.Field("easter_offset", r.easter_offset, Sensitivity::kDirectory);
  v.Field("date", r.date, Sensitivity::kDirectory);
  v.Field("from_year", r.from_year, Sensitivity::kDirectory);
  v.Field("to_year", r.to_year, Sensitivity::kDirectory);
}

// Rule builders (no validation; ValidateHolidayCalendar checks them).
// Example:
//   calendar.rules = {FixedHoliday("New Year's Day", 1, 1),
//                     NthWeekdayHoliday("Memorial Day", kLastWeekday, 1, 5),
//                     EasterHoliday("Good Friday", -2),
//                     FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true)};
HolidayRule FixedHoliday(std::string name, int month, int day, bool half_day = false);
HolidayRule NthWeekdayHoliday(std::string name, int nth, int weekday, int month, bool half_day = false);
HolidayRule EasterHoliday(std::string name, int easter_offset, bool half_day = false);
HolidayRule OneOffHoliday(std::string name, Date date, bool half_day = false);

// The public holidays of a place.
struct HolidayCalendar {
  static constexpr std::string_view kEntityName = "holiday_calendar";

  HolidayCalendarId id;            // the calendar's id
  std::string name;                // e.g. "Berlin office"
  std::vector<HolidayRule> rules;  // the holidays, as rules (any order)

  friend bool operator==(const HolidayCalendar&, const HolidayCalendar&) = default;
};

// Field description of HolidayCalendar (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, HolidayCalendar>
void Describe(V& v, Self& c) {
  v.Field("id", c.id, Sensitivity::kDirectory);
  v.Field("name", c.name, Sensitivity::kDirectory);
  v.List("rules", c.rules, Sensitivity::kDirectory);
}

// One concrete holiday.
struct Holiday {
  Date date;              // the day of the holiday
  std::string name;       // the name of its rule
  bool half_day = false;  // true: only half the day is off

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// Checks every rule. Returns InvalidArgument naming the calendar, the rule
// (index and name) and the field: an empty name; a month outside 1..12; a
// fixed day that no year has (30 February, 31 April; 29 February is
// accepted); a weekday outside 0..6; nth not in 1..4 and not kLastWeekday; an
// Easter offset outside -366..366; a one-off date that is not real; a year
// bound that is not 0 or 1583..9999, or from_year > to_year.
absl::Status ValidateHolidayCalendar(const HolidayCalendar& calendar);

// The domain rules a store checks on every put of a calendar
// (storage/validate.hpp): ValidateHolidayCalendar, errors as there.
inline absl::Status ValidateStoredEntity(const HolidayCalendar& calendar) { return ValidateHolidayCalendar(calendar); }

// Western Easter Sunday of `year` (anonymous Gregorian algorithm):
// 2024-03-31, 2025-04-20, 2026-04-05. Returns InvalidArgument for a year
// outside 1583..9999 (before the Gregorian calendar, or beyond boost).
absl::StatusOr<Date> WesternEaster(int year);

// The holidays dated in `period`, sorted by date, one per date. When several
// rules fall on one date, a full-day holiday wins over a half-day one; among
// equals the first rule in the calendar's order gives the name.
// Returns InvalidArgument for an invalid calendar (see ValidateHolidayCalendar)
// or an open-ended period.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<Holiday> days,
//       HolidaysIn(calendar, Period(Date(2025, 1, 1), Date(2026, 1, 1))));
absl::StatusOr<std::vector<Holiday>> HolidaysIn(const HolidayCalendar& calendar, const Period& period);

}  // namespace hrkit

#endif  // HRKIT_CALENDAR_HOLIDAY_CALENDAR_HPP_
