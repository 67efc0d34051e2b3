// The groups of a report along the org tree: the units people were placed in
// and all their ancestors on one day, parents before children (by depth,
// then unit id), ready for SuppressGroups (core/confidentiality.hpp).
//
// Thread safety: pure functions over values.
#ifndef HRKIT_SRC_RELATIONS_UNIT_GROUP_TREE_HPP_
#define HRKIT_SRC_RELATIONS_UNIT_GROUP_TREE_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"

namespace hrkit::relations_internal {

struct UnitGroupTree {
  std::vector<OrgUnitId> unit;             // the groups, parents first
  std::vector<OrgUnitId> parent;           // invalid for a root
  std::vector<std::int32_t> parent_index;  // -1 for a root
  // The index of every group, by its unit.
  absl::flat_hash_map<OrgUnitId, std::size_t> index_of;
  // For each placed unit: the indexes of the unit and its ancestors (empty
  // when built with UnitPaths::kNone).
  absl::flat_hash_map<OrgUnitId, std::vector<std::size_t>> path_of;
};

// Whether BuildUnitGroupTree lists each placed unit's path (path_of). A
// caller that sums over the tree itself (a pass from the back along
// parent_index) needs only index_of.
enum class UnitPaths { kPerPlacedUnit, kNone };

// The tree of `placed` (valid units, repeats allowed) and their ancestors on
// `day`. Errors: those of OrgLookup::UnitPathOn (NotFound for an unknown
// unit, FailedPrecondition for a cycle), for the first unit of `placed`
// whose path fails.
absl::StatusOr<UnitGroupTree> BuildUnitGroupTree(std::span<const OrgUnitId> placed, Date day, const OrgLookup& lookup,
                                                 UnitPaths paths = UnitPaths::kPerPlacedUnit);

}  // namespace hrkit::relations_internal

#endif  // HRKIT_SRC_RELATIONS_UNIT_GROUP_TREE_HPP_
