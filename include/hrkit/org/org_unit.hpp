// Org units: the nodes of the organization tree (divisions, departments,
// teams). The tree changes over time, so a unit's name, parent and status are
// an effective-dated Timeline<OrgUnitRecord>. The rules that keep the tree a
// tree (no cycles, no child under a closed unit) live in org/workforce.hpp.
//
// Thread safety: value types; safe to share when not mutated.
#ifndef HRKIT_ORG_ORG_UNIT_HPP_
#define HRKIT_ORG_ORG_UNIT_HPP_

#include <span>
#include <string>
#include <string_view>

#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/ids.hpp"

namespace hrkit {

// Whether a unit exists on a date.
enum class OrgUnitStatus {
  kOpen = 0,
  kClosed = 1,  // closed units keep their history but take no new members
};

// The names of OrgUnitStatus values (core/enum_names.hpp).
inline constexpr EnumName<OrgUnitStatus> kOrgUnitStatusNames[] = {{OrgUnitStatus::kOpen, "open"},
                                                                  {OrgUnitStatus::kClosed, "closed"}};
constexpr std::span<const EnumName<OrgUnitStatus>> EnumNamesOf(OrgUnitStatus) { return kOrgUnitStatusNames; }

// A unit's state from a date on.
// Every member has a default initializer, so a designated initializer may
// name only what it sets (-Wmissing-field-initializers).
struct OrgUnitRecord {
  std::string name{};                           // e.g. "Finance"
  OrgUnitId parent{};                           // invalid for a root
  OrgUnitStatus status = OrgUnitStatus::kOpen;  // open or closed
  std::string cost_center{};                    // empty if none

  friend bool operator==(const OrgUnitRecord&, const OrgUnitRecord&) = default;
};

// Field description of OrgUnitRecord (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, OrgUnitRecord>
void Describe(V& v, Self& r) {
  v.Field("name", r.name, Sensitivity::kDirectory);
  v.Field("parent", r.parent, Sensitivity::kDirectory);
  v.Field("status", r.status, Sensitivity::kDirectory);
  v.Field("cost_center", r.cost_center, Sensitivity::kDirectory);
}

// A node of the org tree.
struct OrgUnit {
  static constexpr std::string_view kEntityName = "org_unit";

  OrgUnitId id;                     // the unit's id
  std::string code;                 // short stable code, e.g. "FIN-AP"
  Timeline<OrgUnitRecord> history;  // name, parent, status and cost center, effective-dated

  friend bool operator==(const OrgUnit&, const OrgUnit&) = default;
};

// Field description of OrgUnit (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, OrgUnit>
void Describe(V& v, Self& u) {
  v.Field("id", u.id, Sensitivity::kDirectory);
  v.Field("code", u.code, Sensitivity::kDirectory);
  v.History("history", u.history, Sensitivity::kDirectory);
}

}  // namespace hrkit

#endif  // HRKIT_ORG_ORG_UNIT_HPP_
