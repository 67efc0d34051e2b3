// Work locations: a site with its country and the holiday calendar that
// applies to the people who work there.
//
// Thread safety: value types; safe to share when not mutated.
#ifndef HRKIT_ORG_LOCATION_HPP_
#define HRKIT_ORG_LOCATION_HPP_

#include <string>
#include <string_view>

#include "hrkit/calendar/ids.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A work location.
struct Location {
  static constexpr std::string_view kEntityName = "location";

  LocationId id;                       // the location's id
  std::string name;                    // e.g. "Berlin office"
  std::string country;                 // ISO 3166-1 alpha-2, e.g. "DE"
  HolidayCalendarId holiday_calendar;  // invalid = no public holidays
  WorkScheduleId default_schedule;     // invalid = Monday to Friday, 8 hours

  friend bool operator==(const Location&, const Location&) = default;
};

// Field description of Location (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, Location>
void Describe(V& v, Self& l) {
  v.Field("id", l.id, Sensitivity::kDirectory);
  v.Field("name", l.name, Sensitivity::kDirectory);
  v.Field("country", l.country, Sensitivity::kDirectory);
  v.Field("holiday_calendar", l.holiday_calendar, Sensitivity::kDirectory);
  v.Field("default_schedule", l.default_schedule, Sensitivity::kDirectory);
}

}  // namespace hrkit

#endif  // HRKIT_ORG_LOCATION_HPP_
