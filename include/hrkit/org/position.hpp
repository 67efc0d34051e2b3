// Positions: persistent seats in an org unit (job code, grade, FTE budget).
// A position survives its holder leaving, so a vacancy keeps its place in the
// chart. Reporting lines run between positions (`reports_to`); an employee's
// manager on a date is the holder of the parent position (see
// org/workforce.hpp for the rules, org/snapshot.hpp for the queries).
//
// Thread safety: value types; safe to share when not mutated.
#ifndef HRKIT_ORG_POSITION_HPP_
#define HRKIT_ORG_POSITION_HPP_

#include <span>
#include <string>
#include <string_view>

#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Whether a position may be filled on a date.
enum class PositionStatus {
  kOpen = 0,    // may be filled (a vacancy when it has no holder)
  kFrozen = 1,  // exists but may not be filled (hiring freeze)
  kClosed = 2,  // no longer exists
};

// The names of PositionStatus values (core/enum_names.hpp).
inline constexpr EnumName<PositionStatus> kPositionStatusNames[] = {
    {PositionStatus::kOpen, "open"}, {PositionStatus::kFrozen, "frozen"}, {PositionStatus::kClosed, "closed"}};
constexpr std::span<const EnumName<PositionStatus>> EnumNamesOf(PositionStatus) { return kPositionStatusNames; }

// A position's state from a date on.
// Every member has a default initializer, so a designated initializer may
// name only what it sets (-Wmissing-field-initializers).
struct PositionRecord {
  OrgUnitId org_unit{};                           // the unit the seat belongs to
  std::string job_code{};                         // the job catalog's code; may be empty
  std::string title{};                            // e.g. "Analyst"
  std::string grade{};                            // pay grade; may be empty
  double fte_budget = 1.0;                        // total FTE its holders may have
  PositionStatus status = PositionStatus::kOpen;  // open, frozen or closed
  PositionId reports_to{};                        // invalid for a top position

  friend bool operator==(const PositionRecord&, const PositionRecord&) = default;
};

// Field description of PositionRecord (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, PositionRecord>
void Describe(V& v, Self& r) {
  v.Field("org_unit", r.org_unit, Sensitivity::kDirectory);
  v.Field("job_code", r.job_code, Sensitivity::kDirectory);
  v.Field("title", r.title, Sensitivity::kDirectory);
  v.Field("grade", r.grade, Sensitivity::kCompensation);
  v.Field("fte_budget", r.fte_budget, Sensitivity::kDirectory);
  v.Field("status", r.status, Sensitivity::kDirectory);
  v.Field("reports_to", r.reports_to, Sensitivity::kDirectory);
}

// A seat in the organization.
struct Position {
  static constexpr std::string_view kEntityName = "position";

  PositionId id;                     // the position's id
  Timeline<PositionRecord> history;  // its records, effective-dated

  friend bool operator==(const Position&, const Position&) = default;
};

// Field description of Position (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, Position>
void Describe(V& v, Self& p) {
  v.Field("id", p.id, Sensitivity::kDirectory);
  v.History("history", p.history, Sensitivity::kDirectory);
}

}  // namespace hrkit

#endif  // HRKIT_ORG_POSITION_HPP_
