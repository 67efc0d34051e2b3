#include "unit_group_tree.hpp"

#include <algorithm>
#include <utility>

#include "hrkit/core/status.hpp"

namespace hrkit::relations_internal {
namespace {

// A unit of the tree: its parent on the day and its depth (0 for a root).
struct Node {
  OrgUnitId parent;
  std::size_t depth = 0;
};
using NodeMap = absl::flat_hash_map<OrgUnitId, Node>;

// Every unit of `placed` and its ancestors on `day`. A unit known already
// (placed before, or an ancestor of one) has its whole path known: its path
// resolved as part of a longer one, so UnitPathOn would succeed on it too.
absl::StatusOr<NodeMap> CollectNodes(std::span<const OrgUnitId> placed, Date day, const OrgLookup& lookup) {
  NodeMap nodes;
  std::vector<OrgUnitId> path;
  for (const OrgUnitId unit : placed) {
    if (nodes.contains(unit)) continue;
    HRKIT_RETURN_IF_ERROR(lookup.UnitPathOn(unit, day, &path));
    // Bottom up: the first unit known already has its ancestors known too.
    for (std::size_t k = 0; k < path.size(); ++k) {
      const Node node{k + 1 < path.size() ? path[k + 1] : OrgUnitId(), path.size() - k - 1};
      if (!nodes.try_emplace(path[k], node).second) break;
    }
  }
  return nodes;
}

}  // namespace

absl::StatusOr<UnitGroupTree> BuildUnitGroupTree(std::span<const OrgUnitId> placed, Date day, const OrgLookup& lookup,
                                                 UnitPaths paths) {
  HRKIT_ASSIGN_OR_RETURN(const NodeMap nodes, CollectNodes(placed, day, lookup));
  std::vector<std::pair<std::size_t, OrgUnitId>> order;  // (depth, unit)
  order.reserve(nodes.size());
  for (const auto& [unit, node] : nodes) order.emplace_back(node.depth, unit);
  std::sort(order.begin(), order.end());
  UnitGroupTree tree;
  tree.unit.reserve(order.size());
  tree.parent.reserve(order.size());
  tree.parent_index.reserve(order.size());
  tree.index_of.reserve(order.size());
  for (const auto& [depth, u] : order) {
    tree.index_of.emplace(u, tree.unit.size());
    const OrgUnitId parent = nodes.at(u).parent;
    tree.unit.push_back(u);
    tree.parent.push_back(parent);
    tree.parent_index.push_back(parent.valid() ? static_cast<std::int32_t>(tree.index_of.at(parent)) : -1);
  }
  if (paths == UnitPaths::kPerPlacedUnit) {
    // A placed unit's path is its chain of parents in the tree.
    for (const OrgUnitId unit : placed) {
      const auto [it, added] = tree.path_of.try_emplace(unit);
      if (!added) continue;
      for (std::int32_t g = static_cast<std::int32_t>(tree.index_of.at(unit)); g >= 0; g = tree.parent_index[g]) {
        it->second.push_back(static_cast<std::size_t>(g));
      }
    }
  }
  return tree;
}

}  // namespace hrkit::relations_internal
