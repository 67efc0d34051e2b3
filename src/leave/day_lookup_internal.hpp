// Lookups shared by DaySchedules and DayHolidays: the reference data an
// employment record names, found by id among what the caller passed.
#ifndef HRKIT_SRC_POLICY_DAY_LOOKUP_INTERNAL_HPP_
#define HRKIT_SRC_POLICY_DAY_LOOKUP_INTERNAL_HPP_

#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit::internal {

// The entry of `items` whose id is `id`, or NotFound naming the id, the day
// `on` whose employment record (directly or through its location) named it,
// `what` it is ("schedule", "location", ...) and how many were searched.
// Organizations have a handful to a few hundred of each, and the caller asks
// once per day of a request: a linear search is fast enough and needs no index.
template <class T, class Id>
absl::StatusOr<const T*> FindForDay(std::span<const T> items, Id id, Date on, std::string_view what,
                                    std::string_view plural) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return absl::NotFoundError(absl::StrCat(ToString(id), ": the ", ToAbsl(what), " of the employment on ",
                                          FormatIsoDate(on), " is not among the ", items.size(), " ", ToAbsl(plural),
                                          " given"));
}

}  // namespace hrkit::internal

#endif  // HRKIT_SRC_POLICY_DAY_LOOKUP_INTERNAL_HPP_
