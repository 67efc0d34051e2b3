// Goals of a performance cycle: an employee's weighted goals, unit goals
// cascaded to the unit's members, sub-goals, and dated progress check-ins.
//
// Weights. The goals an employee is scored on are their *own top-level
// goals*: the goals they own whose parent is not also theirs (no parent, or
// a cascaded unit goal). Their weights sum to 100 (a weighted goal score is
// sum(weight x rating) / 100, performance/scoring.hpp).
//
// Goal trees. A goal's progress (0..1) is its latest check-in's (latest
// date, then the later one entered that day), 0 without one. A goal with
// sub-goals takes its progress from them instead: the weighted mean
// sum(weight x progress) / sum(weight) of its children (for children of one
// owner whose weights sum to 100, exactly sum(weight x progress) / 100). A
// unit goal's children are the members' cascaded goals.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_GOAL_HPP_
#define HRKIT_PERFORMANCE_GOAL_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/performance/ids.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A dated statement of progress.
struct GoalCheckIn {
  Date on;                // the day of the check-in
  double progress = 0.0;  // 0..1
  std::string note;       // what the owner reports

  friend bool operator==(const GoalCheckIn&, const GoalCheckIn&) = default;
};

// Field description of GoalCheckIn (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, GoalCheckIn>
void Describe(V& v, Self& c) {
  v.Field("on", c.on, Sensitivity::kPerformance);
  v.Field("progress", c.progress, Sensitivity::kPerformance);
  v.Field("note", c.note, Sensitivity::kPerformance);
}

// A goal of one employee, or of an org unit (owner invalid, org_unit set).
struct Goal {
  static constexpr std::string_view kEntityName = "goal";

  GoalId id;                           // the goal's id
  PerformanceCycleId cycle;            // the cycle it belongs to
  EmployeeId owner;                    // invalid for a unit goal
  OrgUnitId org_unit;                  // a unit goal's unit; invalid for an employee goal
  GoalId parent;                       // invalid for a root goal
  std::string title;                   // what is to be achieved
  double weight = 0.0;                 // percent (see the header comment)
  std::vector<GoalCheckIn> check_ins;  // in the order entered

  // True for a unit goal (no owner).
  bool IsUnitGoal() const { return !owner.valid(); }

  friend bool operator==(const Goal&, const Goal&) = default;
};

// Field description: the title is what the employee works on (kDirectory
// would publish it to everyone): kPerformance like the rest.
template <class V, class Self>
requires SameEntity<Self, Goal>
void Describe(V& v, Self& g) {
  v.Field("id", g.id, Sensitivity::kPerformance, Since{2});
  v.Field("cycle", g.cycle, Sensitivity::kPerformance, Since{2});
  v.Field("owner", g.owner, Sensitivity::kPerformance, Since{2});
  v.Field("org_unit", g.org_unit, Sensitivity::kPerformance, Since{2});
  v.Field("parent", g.parent, Sensitivity::kPerformance, Since{2});
  v.Field("title", g.title, Sensitivity::kPerformance, Since{2});
  v.Field("weight", g.weight, Sensitivity::kPerformance, Since{2});
  v.List("check_ins", g.check_ins, Sensitivity::kPerformance, Since{2});
}

// Checks one goal on its own. Returns InvalidArgument naming it
// ("goal:3") and the field when: id or cycle not valid; neither or both of
// owner and org_unit valid; the parent is the goal itself; the title is
// empty; the weight is not finite or not above 0 (or above 100); a check-in
// without a real date or with a progress outside [0, 1] ("check_ins[1]").
absl::Status ValidateGoal(const Goal& goal);

// The domain validator the store runs on every write (found by ADL):
// ValidateGoal.
inline absl::Status ValidateStoredEntity(const Goal& goal) { return ValidateGoal(goal); }

// The goal's own progress: its latest check-in's (see the header comment),
// 0 without one.
double OwnProgress(const Goal& goal);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_GOAL_HPP_
