// Test support for the order-independence property test
// (order_property_test.cpp): a small world (locations, org units, positions,
// employees), the facts that change it as plain values, a seeded generator of
// facts that are mostly plausible and often backdated, and the code that
// enters a fact into a Workforce.
//
// Thread safety: value types and free functions; a FactGenerator is used by
// one thread.
#ifndef HRKIT_TESTS_ORG_ORDER_WORLD_SUPPORT_HPP_
#define HRKIT_TESTS_ORG_ORDER_WORLD_SUPPORT_HPP_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/personnel/events.hpp"

namespace hrkit::order_test {

// The size of the world: ids run from 1 to these numbers. The starting world
// (MakeWorld) has units 1 (the root) and 2, positions 1 (top, in unit 1), 2
// (reports to 1) and 3 (reports to 2, budget 2), all from WorldStart(), and
// every employee added but not hired.
inline constexpr std::int64_t kUnits = 5;
inline constexpr std::int64_t kPositions = 16;
inline constexpr std::int64_t kEmployees = 24;
inline constexpr std::int64_t kLocations = 2;  // location 3 is never added

// Every fact is effective in [kWorldStart, kWorldEnd]; all are entered on
// kRecorded, one constant recorded date (the API requires recorded dates to
// be monotone per entity; a constant one is, in any order).
Date WorldStart();
Date WorldEnd();
Date Recorded();

// What a fact does.
enum class FactKind {
  kCreateUnit,
  kMoveUnit,
  kCloseUnit,
  kCreatePosition,
  kChangePosition,
  kFreezePosition,
  kUnfreezePosition,
  kClosePosition,
  kEvent,  // a lifecycle event of employee `id`
};

// The one field a kChangePosition fact changes (the rest of the record is
// the one in effect when it is entered: a change is a delta, as a user means
// it, and it keeps the status, as ChangePosition requires).
enum class PositionField { kOrgUnit, kReportsTo, kFteBudget };

// The kind of entity a fact is about.
enum class EntityKind { kUnit, kPosition, kEmployee };

// One edit, as a value: the same fact can be entered into any workforce.
struct Fact {
  FactKind kind = FactKind::kEvent;
  std::int64_t id = 0;                              // the unit, position or employee the fact is about
  Date effective{};                                 // unit and position facts; events carry their own
  OrgUnitId parent{};                               // kCreateUnit, kMoveUnit
  PositionRecord record{};                          // kCreatePosition; kChangePosition: the new value of `field`
  PositionField field = PositionField::kFteBudget;  // kChangePosition
  LifecycleEvent event{};                           // kEvent
};

// The entity kind of `fact`.
EntityKind EntityOf(const Fact& fact);

// The day the fact takes effect (for a termination: the day after the last).
Date EffectiveOf(const Fact& fact);

// A one-line description, e.g. "ClosePosition(position:30, 2025-01-01)" or
// "employee:4 transfer to position:5 on 2024-07-01".
std::string Describe(const Fact& fact);

// Enters `fact` into `w` (recorded on Recorded()).
absl::Status Enter(Workforce& w, const Fact& fact);

// The field `fact` sets that the documented carry-forward rule recognizes
// only by change: a later record counts as setting a field if it changed it
// from the day before (org/workforce.hpp, personnel/lifecycle.hpp). 0 for
// none; a distinct number for a position field (kChangePosition), a unit's
// parent (kMoveUnit) and an employee's location (a job data change). Two
// facts setting the same such field of one entity can leave as-of views that
// depend on entry order by design: a record that restates the value in
// effect does not hold it against a backdated change entered after it.
int DetectedField(const Fact& fact);

// True if `fact` sets such a field to the value it already has in `w` on its
// effective day (the generator avoids these).
bool Restates(const Workforce& w, const Fact& fact);

// The starting world (see kUnits) with locations 1..kLocations.
Workforce MakeWorld();

// A seeded generator of facts for a world. Mostly plausible, often invalid:
// it reads the current workforce to prefer existing ids and hired people, and
// keeps a focus (the entity and day of the previous fact) so that related
// facts follow each other, the case the pairwise check exercises.
class FactGenerator {
 public:
  explicit FactGenerator(std::uint64_t seed) : rng_(seed) {}

  // The next fact, given the workforce it will be entered into.
  Fact Next(const Workforce& w);

 private:
  Fact NextUnitFact(const Workforce& w);
  Fact NextPositionFact(const Workforce& w);
  Fact NextEventFact(const Workforce& w, bool near);
  LifecycleEvent EventFor(const Workforce& w, EmployeeId who, Date day);
  PositionRecord RandomRecord(const Workforce& w);
  template <class Entity>
  std::int64_t Unused(const std::vector<const Entity*>& all, std::int64_t count);
  template <class Entity>
  std::int64_t Existing(const std::vector<const Entity*>& all, std::int64_t count);

  int Uniform(int lo, int hi);  // in [lo, hi]
  bool Chance(double p);
  Date RandomDay();
  Date DayNearFocus();
  Date DayFrom(Date first);
  Date CreationDay();
  std::int64_t AnyId(std::int64_t count);  // 1..count, sometimes count + 1 (unknown)

  std::mt19937_64 rng_;
  Date focus_day_{};
  EntityKind focus_kind_ = EntityKind::kEmployee;
  std::int64_t focus_id_ = 0;
};

}  // namespace hrkit::order_test

#endif  // HRKIT_TESTS_ORG_ORDER_WORLD_SUPPORT_HPP_
