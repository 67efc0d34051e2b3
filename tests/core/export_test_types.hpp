// A small entity type of the export tests' own, with every member shape of
// the field description protocol: optionals, an enum, lists of scalars, a
// history whose records hold a list of records, a list of such records, and
// members of a later storage format (Since{2}). Core knows no module's
// entities, so the core export tests describe their own. SampleBadge() is
// the badge both export tests write.
#ifndef HRKIT_TESTS_CORE_EXPORT_TEST_TYPES_HPP_
#define HRKIT_TESTS_CORE_EXPORT_TEST_TYPES_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/id.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::export_test {

struct BadgeTag {
  static constexpr const char* kPrefix = "badge";
};
using BadgeId = Id<BadgeTag>;

enum class Shift { kDay = 0, kNight = 1 };
inline constexpr EnumName<Shift> kShiftNames[] = {{Shift::kDay, "day"}, {Shift::kNight, "night"}};
constexpr std::span<const EnumName<Shift>> EnumNamesOf(Shift) { return kShiftNames; }

// A record inside a list inside a record: a step of a rota.
struct Step {
  std::int32_t after_years = 0;
  double bonus = 0;

  friend bool operator==(const Step&, const Step&) = default;
};

template <class V, class Self>
requires SameEntity<Self, Step>
void Describe(V& v, Self& s) {
  v.Field("after_years", s.after_years, Sensitivity::kDirectory);
  v.Field("bonus", s.bonus, Sensitivity::kCompensation);
}

// The record of the badge's history and list.
struct Rota {
  Shift shift = Shift::kDay;
  std::optional<std::int32_t> max_hours;  // empty: no limit
  std::vector<Step> steps;

  friend bool operator==(const Rota&, const Rota&) = default;
};

template <class V, class Self>
requires SameEntity<Self, Rota>
void Describe(V& v, Self& r) {
  v.Field("shift", r.shift, Sensitivity::kDirectory);
  v.Field("max_hours", r.max_hours, Sensitivity::kDirectory, Since{2});
  v.List("steps", r.steps, Sensitivity::kDirectory, Since{2});
}

// The entity.
struct Badge {
  static constexpr std::string_view kEntityName = "badge";

  BadgeId id;
  std::string label;
  std::optional<std::string> nickname;
  Shift home_shift = Shift::kDay;
  std::optional<Money> allowance;
  std::vector<std::string> tags;
  std::vector<Shift> shifts;
  Timeline<Rota> rota;
  std::vector<Rota> plans;

  friend bool operator==(const Badge&, const Badge&) = default;
};

template <class V, class Self>
requires SameEntity<Self, Badge>
void Describe(V& v, Self& b) {
  v.Field("id", b.id, Sensitivity::kDirectory);
  v.Field("label", b.label, Sensitivity::kDirectory);
  v.Field("nickname", b.nickname, Sensitivity::kPersonal, Since{2});
  v.Field("home_shift", b.home_shift, Sensitivity::kDirectory);
  v.Field("allowance", b.allowance, Sensitivity::kCompensation, Since{2});
  v.List("tags", b.tags, Sensitivity::kDirectory, Since{2});
  v.List("shifts", b.shifts, Sensitivity::kDirectory, Since{2});
  v.History("rota", b.rota, Sensitivity::kDirectory);
  v.List("plans", b.plans, Sensitivity::kPersonal, Since{2});
}

// A badge using every member shape: an empty optional text, a night shift,
// an optional allowance, two tags (one needing escapes), a list of shifts
// holding a value outside the name table, two rota entries (the first with
// two steps, the second with none and no hour limit) and one plan.
inline Badge SampleBadge() {
  Badge b;
  b.id = BadgeId(5);
  b.label = "Front desk";
  b.home_shift = Shift::kNight;
  absl::StatusOr<Money> allowance = Money::Make(1500, "EUR");
  EXPECT_OK(allowance);
  if (allowance.ok()) b.allowance = *allowance;
  b.tags = {"lobby", "a,b \"c\""};
  b.shifts = {Shift::kDay, static_cast<Shift>(7)};
  EXPECT_OK(b.rota.Add(Date(2024, 1, 1), Rota{Shift::kDay, 40, {{1, 0.5}, {3, 1.0}}}, Date(2023, 12, 15)));
  EXPECT_OK(b.rota.Add(Date(2024, 7, 1), Rota{Shift::kNight, std::nullopt, {}}, Date(2024, 6, 1)));
  b.plans = {Rota{Shift::kNight, 12, {{2, 2.5}}}};
  return b;
}

}  // namespace hrkit::export_test

#endif  // HRKIT_TESTS_CORE_EXPORT_TEST_TYPES_HPP_
