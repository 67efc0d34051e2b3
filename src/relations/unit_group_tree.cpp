#include "unit_group_tree.hpp"

#include <algorithm>
#include <utility>

#include "hrkit/core/status.hpp"

namespace hrkit::relations_internal {

absl::StatusOr<UnitGroupTree> BuildUnitGroupTree(std::span<const OrgUnitId> placed, Date day, const OrgLookup& lookup) {
  struct Node {
    OrgUnitId parent;
    std::size_t depth = 0;
  };
  absl::flat_hash_map<OrgUnitId, std::vector<OrgUnitId>> paths;
  absl::flat_hash_map<OrgUnitId, Node> nodes;
  for (const OrgUnitId unit : placed) {
    if (paths.contains(unit)) continue;
    std::vector<OrgUnitId> path;
    HRKIT_RETURN_IF_ERROR(lookup.UnitPathOn(unit, day, &path));
    for (std::size_t k = 0; k < path.size(); ++k) {
      nodes[path[k]] = {k + 1 < path.size() ? path[k + 1] : OrgUnitId(), path.size() - k - 1};
    }
    paths.emplace(unit, std::move(path));
  }
  std::vector<OrgUnitId> order;
  order.reserve(nodes.size());
  for (const auto& [unit, node] : nodes) order.push_back(unit);
  std::sort(order.begin(), order.end(), [&](OrgUnitId a, OrgUnitId b) {
    const std::size_t da = nodes.at(a).depth;
    const std::size_t db = nodes.at(b).depth;
    return da != db ? da < db : a < b;
  });
  UnitGroupTree tree;
  absl::flat_hash_map<OrgUnitId, std::size_t> index;
  for (const OrgUnitId u : order) {
    index.emplace(u, tree.unit.size());
    const OrgUnitId parent = nodes.at(u).parent;
    tree.unit.push_back(u);
    tree.parent.push_back(parent);
    tree.parent_index.push_back(parent.valid() ? static_cast<std::int32_t>(index.at(parent)) : -1);
  }
  for (const auto& [unit, path] : paths) {
    std::vector<std::size_t>& indexes = tree.path_of[unit];
    for (const OrgUnitId u : path) indexes.push_back(index.at(u));
  }
  return tree;
}

}  // namespace hrkit::relations_internal
