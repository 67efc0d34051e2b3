#include "hrkit/org/snapshot.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr std::int64_t kProgressEvery = 1 << 16;

// Maps the ids of an input span to their index in it.
template <class IdT>
class InputIndex {
 public:
  // Returns InvalidArgument for an invalid or duplicate id.
  template <class Entity>
  absl::Status Init(std::span<const Entity> entities) {
    std::int64_t max_id = 0;
    for (const Entity& e : entities) {
      if (!e.id.valid()) {
        return absl::InvalidArgumentError(absl::StrCat(ToAbsl(Entity::kEntityName), " with invalid id ", e.id.value()));
      }
      max_id = std::max(max_id, e.id.value());
    }
    index_.Reset(max_id, entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (!index_.Insert(entities[i].id, static_cast<std::int32_t>(i))) {
        return absl::InvalidArgumentError(absl::StrCat(ToString(entities[i].id), ": id appears twice"));
      }
    }
    return absl::OkStatus();
  }
  // The input index of `id`, or -1.
  std::int32_t Find(IdT id) const { return index_.Find(id); }

 private:
  DenseIdIndex<IdT> index_;
};

// A forest given by parent links over nodes 0..n-1 (each node's parent is
// -1 or a node), with children in the order `order` lists the nodes.
struct Forest {
  std::vector<std::int32_t> preorder;     // nodes in pre-order
  std::vector<std::int32_t> rank;         // node -> position in preorder, -1 if on a cycle
  std::vector<std::int32_t> subtree_end;  // by pre-order position: one past the subtree
};

// Lays out the forest in pre-order, roots and siblings in the order of
// `order` (a permutation of the nodes). Nodes left unreached are on a cycle
// or below one (rank -1).
Forest Preorder(std::span<const std::int32_t> parent, std::span<const std::int32_t> order) {
  const std::size_t n = parent.size();
  // Children in compressed rows, in `order`.
  std::vector<std::int32_t> child_begin(n + 1, 0);
  for (const std::int32_t p : parent) {
    if (p >= 0) ++child_begin[static_cast<std::size_t>(p) + 1];
  }
  std::partial_sum(child_begin.begin(), child_begin.end(), child_begin.begin());
  std::vector<std::int32_t> fill(child_begin.begin(), child_begin.end() - 1);
  std::vector<std::int32_t> children(static_cast<std::size_t>(child_begin[n]));
  std::vector<std::int32_t> roots;
  for (const std::int32_t node : order) {
    const std::int32_t p = parent[static_cast<std::size_t>(node)];
    if (p < 0) {
      roots.push_back(node);
    } else {
      children[static_cast<std::size_t>(fill[static_cast<std::size_t>(p)]++)] = node;
    }
  }
  Forest f;
  f.preorder.reserve(n);
  f.rank.assign(n, -1);
  std::vector<std::int32_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    const std::int32_t node = stack.back();
    stack.pop_back();
    f.rank[static_cast<std::size_t>(node)] = static_cast<std::int32_t>(f.preorder.size());
    f.preorder.push_back(node);
    for (std::int32_t c = child_begin[static_cast<std::size_t>(node) + 1] - 1;
         c >= child_begin[static_cast<std::size_t>(node)]; --c) {
      stack.push_back(children[static_cast<std::size_t>(c)]);
    }
  }
  // Subtree sizes by a reverse pass: parents precede their children.
  const std::size_t reached = f.preorder.size();
  std::vector<std::int32_t> size(reached, 1);
  for (std::size_t i = reached; i-- > 0;) {
    const std::int32_t p = parent[static_cast<std::size_t>(f.preorder[i])];
    if (p >= 0) size[static_cast<std::size_t>(f.rank[static_cast<std::size_t>(p)])] += size[i];
  }
  f.subtree_end.resize(reached);
  for (std::size_t i = 0; i < reached; ++i) f.subtree_end[i] = static_cast<std::int32_t>(i) + size[i];
  return f;
}

// The first node not laid out (on or below a cycle) that is itself on a
// cycle: walking up from an unreached node ends on a cycle.
std::int32_t NodeOnCycle(const Forest& f, std::span<const std::int32_t> parent) {
  std::int32_t node = 0;
  while (f.rank[static_cast<std::size_t>(node)] >= 0) ++node;
  // After n steps up, the walk is inside the cycle.
  for (std::size_t i = 0; i < parent.size(); ++i) node = parent[static_cast<std::size_t>(node)];
  return node;
}

// The nodes 0..n-1 ordered by id (the input order when already sorted).
template <class Entity>
std::vector<std::int32_t> ByIdOrder(std::span<const Entity> input, const std::vector<std::int32_t>& included) {
  std::vector<std::int32_t> order(included.size());
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](std::int32_t a, std::int32_t b) {
    return input[static_cast<std::size_t>(included[static_cast<std::size_t>(a)])].id <
           input[static_cast<std::size_t>(included[static_cast<std::size_t>(b)])].id;
  };
  if (!std::is_sorted(order.begin(), order.end(), less)) std::sort(order.begin(), order.end(), less);
  return order;
}

}  // namespace

// Builds an OrgSnapshot step by step; each step fills some of its arrays.
class OrgSnapshotBuilder {
 public:
  OrgSnapshotBuilder(std::span<const OrgUnit> units, std::span<const Position> positions,
                     std::span<const Employee> employees, Date date, ProgressSink* progress)
      : units_(units), positions_(positions), employees_(employees), date_(date), progress_(progress) {}

  absl::StatusOr<OrgSnapshot> Build() {
    if (!IsRealDate(date_)) {
      return absl::InvalidArgumentError(
          absl::StrCat("org snapshot: date must be a real date, got ", FormatIsoDate(date_)));
    }
    constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max() / 2);
    if (units_.size() > kMax || positions_.size() > kMax || employees_.size() > kMax) {
      return absl::InvalidArgumentError("org snapshot: more than 2^30 entities of one kind");
    }
    s_.date_ = date_;
    HRKIT_RETURN_IF_ERROR(BuildUnits());
    HRKIT_RETURN_IF_ERROR(BuildPositions());
    HRKIT_RETURN_IF_ERROR(BuildEmployees());
    HRKIT_RETURN_IF_ERROR(BuildReporting());
    return std::move(s_);
  }

 private:
  std::string On() const { return FormatIsoDate(date_); }

  absl::Status BuildUnits() {
    HRKIT_RETURN_IF_ERROR(
        ReportProgress(progress_, "org snapshot: units", 0, static_cast<std::int64_t>(units_.size())));
    HRKIT_RETURN_IF_ERROR(unit_input_.Init(units_));
    // Units open on the date, and their input index -> node.
    std::vector<std::int32_t> node_of(units_.size(), -1);
    for (std::size_t i = 0; i < units_.size(); ++i) {
      const OrgUnitRecord* r = units_[i].history.At(date_);
      if (r == nullptr || r->status != OrgUnitStatus::kOpen) continue;
      node_of[i] = static_cast<std::int32_t>(unit_nodes_.size());
      unit_nodes_.push_back(static_cast<std::int32_t>(i));
    }
    std::vector<std::int32_t> parent(unit_nodes_.size(), -1);
    for (std::size_t n = 0; n < unit_nodes_.size(); ++n) {
      const OrgUnit& u = units_[static_cast<std::size_t>(unit_nodes_[n])];
      const OrgUnitId parent_id = u.history.At(date_)->parent;
      if (!parent_id.valid()) continue;
      const std::int32_t input = unit_input_.Find(parent_id);
      if (input < 0) {
        return absl::NotFoundError(absl::StrCat(ToString(u.id), ": parent ", ToString(parent_id), " not found"));
      }
      parent[n] = node_of[static_cast<std::size_t>(input)];
      if (parent[n] < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat(ToString(u.id), ": parent ", ToString(parent_id), " is closed or not yet created on ", On()));
      }
    }
    const Forest f = Preorder(parent, ByIdOrder(units_, unit_nodes_));
    if (f.preorder.size() != unit_nodes_.size()) {
      const std::int32_t node = NodeOnCycle(f, parent);
      return absl::FailedPreconditionError(
          absl::StrCat(ToString(units_[static_cast<std::size_t>(unit_nodes_[static_cast<std::size_t>(node)])].id),
                       ": parent links form a cycle on ", On()));
    }
    const std::size_t n = unit_nodes_.size();
    unit_rank_of_input_.assign(units_.size(), -1);
    s_.unit_ids_.resize(n);
    s_.unit_names_.resize(n);
    s_.unit_parent_.resize(n);
    s_.unit_subtree_end_ = f.subtree_end;
    std::int64_t max_unit_id = 0;
    for (const std::int32_t input : unit_nodes_) {
      max_unit_id = std::max(max_unit_id, units_[static_cast<std::size_t>(input)].id.value());
    }
    s_.unit_index_.Reset(max_unit_id, n);
    for (std::size_t rank = 0; rank < n; ++rank) {
      const auto node = static_cast<std::size_t>(f.preorder[rank]);
      const OrgUnit& u = units_[static_cast<std::size_t>(unit_nodes_[node])];
      s_.unit_ids_[rank] = u.id;
      s_.unit_names_[rank] = u.history.At(date_)->name;
      s_.unit_parent_[rank] = parent[node] < 0 ? -1 : f.rank[static_cast<std::size_t>(parent[node])];
      s_.unit_index_.Insert(u.id, static_cast<std::int32_t>(rank));
      unit_rank_of_input_[static_cast<std::size_t>(unit_nodes_[node])] = static_cast<std::int32_t>(rank);
    }
    return ReportProgress(progress_, "org snapshot: units", static_cast<std::int64_t>(n), static_cast<std::int64_t>(n));
  }

  absl::Status BuildPositions() {
    HRKIT_RETURN_IF_ERROR(
        ReportProgress(progress_, "org snapshot: positions", 0, static_cast<std::int64_t>(positions_.size())));
    HRKIT_RETURN_IF_ERROR(position_input_.Init(positions_));
    std::vector<std::int32_t> node_of(positions_.size(), -1);
    std::vector<std::int32_t> nodes;  // input indexes of positions not closed on the date
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const PositionRecord* r = positions_[i].history.At(date_);
      if (r == nullptr || r->status == PositionStatus::kClosed) continue;
      node_of[i] = static_cast<std::int32_t>(nodes.size());
      nodes.push_back(static_cast<std::int32_t>(i));
    }
    const std::size_t n = nodes.size();
    std::vector<std::int32_t> parent(n, -1);
    std::vector<std::int32_t> unit(n, -1);
    for (std::size_t k = 0; k < n; ++k) {
      const Position& p = positions_[static_cast<std::size_t>(nodes[k])];
      const PositionRecord& r = *p.history.At(date_);
      const std::int32_t unit_input = r.org_unit.valid() ? unit_input_.Find(r.org_unit) : -1;
      if (unit_input < 0) {
        return absl::NotFoundError(absl::StrCat(ToString(p.id), ": org_unit ", ToString(r.org_unit), " not found"));
      }
      unit[k] = unit_rank_of_input_[static_cast<std::size_t>(unit_input)];
      if (unit[k] < 0) {
        return absl::InvalidArgumentError(absl::StrCat(ToString(p.id), ": org_unit ", ToString(r.org_unit),
                                                       " is closed or not yet created on ", On()));
      }
      if (!r.reports_to.valid()) continue;
      const std::int32_t input = position_input_.Find(r.reports_to);
      if (input < 0) {
        return absl::NotFoundError(absl::StrCat(ToString(p.id), ": reports_to ", ToString(r.reports_to), " not found"));
      }
      parent[k] = node_of[static_cast<std::size_t>(input)];
      if (parent[k] < 0) {
        return absl::InvalidArgumentError(absl::StrCat(ToString(p.id), ": reports_to ", ToString(r.reports_to),
                                                       " is closed or not yet created on ", On()));
      }
    }
    const std::vector<std::int32_t> by_id = ByIdOrder(positions_, nodes);
    position_forest_ = Preorder(parent, by_id);
    if (position_forest_.preorder.size() != n) {
      const std::int32_t node = NodeOnCycle(position_forest_, parent);
      return absl::FailedPreconditionError(
          absl::StrCat(ToString(positions_[static_cast<std::size_t>(nodes[static_cast<std::size_t>(node)])].id),
                       ": reports_to links form a cycle on ", On()));
    }
    // Storage order: by unit rank, then by id (a stable counting sort of the
    // id order by unit).
    const std::size_t units = s_.unit_ids_.size();
    std::vector<std::int32_t> begin(units + 1, 0);
    for (std::size_t k = 0; k < n; ++k) ++begin[static_cast<std::size_t>(unit[k]) + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    s_.unit_positions_begin_.assign(begin.begin(), begin.end() - 1);
    s_.unit_positions_end_.assign(begin.begin() + 1, begin.end());
    std::vector<std::int32_t> fill(begin.begin(), begin.end() - 1);
    slot_of_node_.assign(n, -1);
    for (const std::int32_t k : by_id) {
      slot_of_node_[static_cast<std::size_t>(k)] = fill[static_cast<std::size_t>(unit[static_cast<std::size_t>(k)])]++;
    }
    s_.position_ids_.resize(n);
    s_.position_titles_.resize(n);
    s_.position_status_.resize(n);
    s_.position_fte_budget_.resize(n);
    position_parent_slot_.assign(n, -1);
    for (std::size_t k = 0; k < n; ++k) {
      const auto slot = static_cast<std::size_t>(slot_of_node_[k]);
      const Position& p = positions_[static_cast<std::size_t>(nodes[k])];
      const PositionRecord& r = *p.history.At(date_);
      s_.position_ids_[slot] = p.id;
      s_.position_titles_[slot] = r.title;
      s_.position_status_[slot] = r.status;
      s_.position_fte_budget_[slot] = r.fte_budget;
      if (parent[k] >= 0) position_parent_slot_[slot] = slot_of_node_[static_cast<std::size_t>(parent[k])];
    }
    std::int64_t max_id = 0;
    for (const PositionId id : s_.position_ids_) max_id = std::max(max_id, id.value());
    position_slot_.Reset(max_id, n);
    for (std::size_t slot = 0; slot < n; ++slot) {
      position_slot_.Insert(s_.position_ids_[slot], static_cast<std::int32_t>(slot));
    }
    return ReportProgress(progress_, "org snapshot: positions", static_cast<std::int64_t>(n),
                          static_cast<std::int64_t>(n));
  }

  absl::Status BuildEmployees() {
    const auto total = static_cast<std::int64_t>(employees_.size());
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress_, "org snapshot: employees", 0, total));
    HRKIT_RETURN_IF_ERROR(employee_input_.Init(employees_));
    employee_node_of_input_.assign(employees_.size(), -1);
    employee_slot_.reserve(employees_.size());
    node_id_.reserve(employees_.size());
    node_fte_.reserve(employees_.size());
    node_acting_.reserve(employees_.size());
    for (std::size_t i = 0; i < employees_.size(); ++i) {
      if (i % kProgressEvery == kProgressEvery - 1) {
        HRKIT_RETURN_IF_ERROR(
            ReportProgress(progress_, "org snapshot: employees", static_cast<std::int64_t>(i), total));
      }
      const Employee& e = employees_[i];
      const EmploymentRecord* r = e.employment.At(date_);
      if (r == nullptr || !IsEmployed(*r)) continue;
      if (!r->position.valid()) {
        return absl::InvalidArgumentError(
            absl::StrCat(ToString(e.id), ": employed on ", On(), " but position is not set"));
      }
      const std::int32_t slot = position_slot_.Find(r->position);
      if (slot < 0) {
        if (position_input_.Find(r->position) < 0) {
          return absl::NotFoundError(absl::StrCat(ToString(e.id), ": position ", ToString(r->position), " not found"));
        }
        return absl::InvalidArgumentError(absl::StrCat(ToString(e.id), ": position ", ToString(r->position),
                                                       " is closed or not yet created on ", On()));
      }
      if (r->acting_manager.valid() && employee_input_.Find(r->acting_manager) < 0) {
        return absl::NotFoundError(
            absl::StrCat(ToString(e.id), ": acting_manager ", ToString(r->acting_manager), " not found"));
      }
      employee_node_of_input_[i] = static_cast<std::int32_t>(node_id_.size());
      employee_slot_.push_back(slot);
      node_id_.push_back(e.id);
      node_fte_.push_back(r->fte);
      node_acting_.push_back(r->acting_manager);
    }
    employee_by_id_.resize(node_id_.size());
    std::iota(employee_by_id_.begin(), employee_by_id_.end(), 0);
    auto less = [&](std::int32_t a, std::int32_t b) {
      return node_id_[static_cast<std::size_t>(a)] < node_id_[static_cast<std::size_t>(b)];
    };
    if (!std::is_sorted(node_id_.begin(), node_id_.end())) {
      std::sort(employee_by_id_.begin(), employee_by_id_.end(), less);
    }
    // Holders per position slot, by id.
    const std::size_t slots = s_.position_ids_.size();
    std::vector<std::int32_t> begin(slots + 1, 0);
    for (const std::int32_t slot : employee_slot_) ++begin[static_cast<std::size_t>(slot) + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    s_.position_holders_begin_.assign(begin.begin(), begin.end() - 1);
    s_.position_holders_end_.assign(begin.begin() + 1, begin.end());
    holder_nodes_.resize(node_id_.size());
    std::vector<std::int32_t> fill(begin.begin(), begin.end() - 1);
    for (const std::int32_t k : employee_by_id_) {
      const auto slot = static_cast<std::size_t>(employee_slot_[static_cast<std::size_t>(k)]);
      holder_nodes_[static_cast<std::size_t>(fill[slot]++)] = k;
    }
    return ReportProgress(progress_, "org snapshot: employees", total, total);
  }

  absl::Status BuildReporting() {
    const std::size_t n = node_id_.size();
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress_, "org snapshot: reporting", 0, static_cast<std::int64_t>(n)));
    // The manager each position passes to its holders: its nearest ancestor
    // position's lowest-id holder, computed parents first.
    const std::size_t slots = s_.position_ids_.size();
    std::vector<std::int32_t> inherited(slots, -1);
    for (const std::int32_t node : position_forest_.preorder) {
      const auto slot = static_cast<std::size_t>(slot_of_node_[static_cast<std::size_t>(node)]);
      const std::int32_t parent = position_parent_slot_[slot];
      if (parent < 0) continue;
      const auto p = static_cast<std::size_t>(parent);
      inherited[slot] = s_.position_holders_begin_[p] < s_.position_holders_end_[p]
                            ? holder_nodes_[static_cast<std::size_t>(s_.position_holders_begin_[p])]
                            : inherited[p];
    }
    std::vector<std::int32_t> manager(n, -1);
    for (std::size_t k = 0; k < n; ++k) {
      const EmployeeId acting_id = node_acting_[k];
      if (acting_id.valid()) {
        const std::int32_t input = employee_input_.Find(acting_id);
        const std::int32_t acting = employee_node_of_input_[static_cast<std::size_t>(input)];
        if (acting >= 0) {  // employed on the date
          manager[k] = acting;
          continue;
        }
      }
      manager[k] = inherited[static_cast<std::size_t>(employee_slot_[k])];
    }
    const Forest f = Preorder(manager, employee_by_id_);
    if (f.preorder.size() != n) {
      const std::int32_t node = NodeOnCycle(f, manager);
      return absl::FailedPreconditionError(absl::StrCat(ToString(node_id_[static_cast<std::size_t>(node)]),
                                                        ": reporting lines (acting_manager) form a cycle on ", On()));
    }
    s_.employee_ids_.resize(n);
    s_.employee_unit_.resize(n);
    s_.employee_fte_.resize(n);
    s_.employee_manager_.resize(n);
    s_.employee_direct_count_.assign(n, 0);
    s_.employee_subtree_end_ = f.subtree_end;
    std::int64_t max_id = 0;
    for (const EmployeeId id : node_id_) max_id = std::max(max_id, id.value());
    s_.employee_index_.Reset(max_id, n);
    std::vector<std::int32_t> position_unit(slots);
    for (std::size_t u = 0; u < s_.unit_ids_.size(); ++u) {
      for (std::int32_t p = s_.unit_positions_begin_[u]; p < s_.unit_positions_end_[u]; ++p) {
        position_unit[static_cast<std::size_t>(p)] = static_cast<std::int32_t>(u);
      }
    }
    for (std::size_t rank = 0; rank < n; ++rank) {
      const auto k = static_cast<std::size_t>(f.preorder[rank]);
      const EmployeeId id = node_id_[k];
      s_.employee_ids_[rank] = id;
      s_.employee_unit_[rank] = position_unit[static_cast<std::size_t>(employee_slot_[k])];
      s_.employee_fte_[rank] = node_fte_[k];
      const std::int32_t m = manager[k] < 0 ? -1 : f.rank[static_cast<std::size_t>(manager[k])];
      s_.employee_manager_[rank] = m;
      if (m >= 0) {
        ++s_.employee_direct_count_[static_cast<std::size_t>(m)];
        ++s_.managed_count_;
      }
      s_.employee_index_.Insert(id, static_cast<std::int32_t>(rank));
    }
    for (const std::int32_t count : s_.employee_direct_count_) {
      if (count > 0) ++s_.manager_count_;
    }
    for (std::int32_t& holder : holder_nodes_) holder = f.rank[static_cast<std::size_t>(holder)];
    s_.position_holders_ = std::move(holder_nodes_);
    // Own per-unit numbers for single-unit roll-ups.
    const std::vector<UnitRollup> own = s_.RollUpUnits();
    const std::size_t units = own.size();
    s_.unit_own_headcount_.resize(units);
    s_.unit_own_fte_.resize(units);
    s_.unit_own_managers_.assign(units, 0);
    s_.unit_own_direct_reports_.assign(units, 0);
    for (std::size_t u = 0; u < units; ++u) {
      s_.unit_own_headcount_[u] = own[u].own_headcount;
      s_.unit_own_fte_[u] = own[u].own_fte;
    }
    for (std::size_t e = 0; e < n; ++e) {
      const std::int32_t count = s_.employee_direct_count_[e];
      if (count == 0) continue;
      const auto u = static_cast<std::size_t>(s_.employee_unit_[e]);
      ++s_.unit_own_managers_[u];
      s_.unit_own_direct_reports_[u] += count;
    }
    return ReportProgress(progress_, "org snapshot: reporting", static_cast<std::int64_t>(n),
                          static_cast<std::int64_t>(n));
  }

  std::span<const OrgUnit> units_;
  std::span<const Position> positions_;
  std::span<const Employee> employees_;
  Date date_;
  ProgressSink* progress_;
  OrgSnapshot s_;

  InputIndex<OrgUnitId> unit_input_;
  std::vector<std::int32_t> unit_nodes_;          // input indexes of open units
  std::vector<std::int32_t> unit_rank_of_input_;  // unit input index -> rank, -1 if left out

  InputIndex<PositionId> position_input_;
  Forest position_forest_;
  DenseIdIndex<PositionId> position_slot_;          // id -> storage slot (positions not closed)
  std::vector<std::int32_t> slot_of_node_;          // position node -> storage slot
  std::vector<std::int32_t> position_parent_slot_;  // by slot, -1 for a top

  InputIndex<EmployeeId> employee_input_;
  std::vector<std::int32_t> employee_node_of_input_;  // -1 if not employed
  // By node (the employed, in input order):
  std::vector<EmployeeId> node_id_;
  std::vector<double> node_fte_;
  std::vector<EmployeeId> node_acting_;
  std::vector<std::int32_t> employee_slot_;   // by node: position slot
  std::vector<std::int32_t> employee_by_id_;  // nodes by id
  std::vector<std::int32_t> holder_nodes_;    // holders grouped by slot
};

absl::StatusOr<OrgSnapshot> OrgSnapshot::Build(std::span<const OrgUnit> units, std::span<const Position> positions,
                                               std::span<const Employee> employees, Date date, ProgressSink* progress) {
  return GuardExceptions("org snapshot", [&]() -> absl::StatusOr<OrgSnapshot> {
    return OrgSnapshotBuilder(units, positions, employees, date, progress).Build();
  });
}

absl::StatusOr<OrgSnapshot> OrgSnapshot::Build(const Workforce& workforce, Date date, ProgressSink* progress) {
  return GuardExceptions("org snapshot", [&]() -> absl::StatusOr<OrgSnapshot> {
    auto copy = [](const auto& pointers) {
      std::vector<std::remove_cvref_t<decltype(*pointers.front())>> values;
      values.reserve(pointers.size());
      for (const auto* p : pointers) values.push_back(*p);
      return values;
    };
    const std::vector<OrgUnit> units = copy(workforce.OrgUnits());
    const std::vector<Position> positions = copy(workforce.Positions());
    const std::vector<Employee> employees = copy(workforce.Employees());
    return OrgSnapshotBuilder(units, positions, employees, date, progress).Build();
  });
}

absl::StatusOr<std::int32_t> OrgSnapshot::EmployeeIndex(EmployeeId id) const {
  const std::int32_t index = employee_index_.Find(id);
  if (index < 0) {
    return absl::NotFoundError(
        absl::StrCat(ToString(id), ": not employed on ", FormatIsoDate(date_), " (not in the org snapshot)"));
  }
  return index;
}

absl::StatusOr<std::int32_t> OrgSnapshot::UnitIndex(OrgUnitId id) const {
  const std::int32_t index = unit_index_.Find(id);
  if (index < 0) {
    return absl::NotFoundError(
        absl::StrCat(ToString(id), ": not an open unit on ", FormatIsoDate(date_), " (not in the org snapshot)"));
  }
  return index;
}

absl::StatusOr<EmployeeId> OrgSnapshot::ManagerOf(EmployeeId employee) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t e, EmployeeIndex(employee));
  const std::int32_t m = employee_manager_[static_cast<std::size_t>(e)];
  return m < 0 ? EmployeeId() : employee_ids_[static_cast<std::size_t>(m)];
}

absl::StatusOr<std::vector<EmployeeId>> OrgSnapshot::ManagerChain(EmployeeId employee) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t e, EmployeeIndex(employee));
  std::vector<EmployeeId> chain;
  for (std::int32_t m = employee_manager_[static_cast<std::size_t>(e)]; m >= 0;
       m = employee_manager_[static_cast<std::size_t>(m)]) {
    chain.push_back(employee_ids_[static_cast<std::size_t>(m)]);
  }
  return chain;
}

absl::StatusOr<std::vector<EmployeeId>> OrgSnapshot::DirectReports(EmployeeId manager) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t m, EmployeeIndex(manager));
  std::vector<EmployeeId> reports;
  reports.reserve(static_cast<std::size_t>(employee_direct_count_[static_cast<std::size_t>(m)]));
  // Children follow their parent in pre-order; the next sibling starts where
  // a child's subtree ends.
  for (std::int32_t c = m + 1; c < employee_subtree_end_[static_cast<std::size_t>(m)];
       c = employee_subtree_end_[static_cast<std::size_t>(c)]) {
    reports.push_back(employee_ids_[static_cast<std::size_t>(c)]);
  }
  return reports;
}

absl::StatusOr<std::span<const EmployeeId>> OrgSnapshot::TransitiveReports(EmployeeId manager) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t m, EmployeeIndex(manager));
  const auto begin = static_cast<std::size_t>(m) + 1;
  const auto end = static_cast<std::size_t>(employee_subtree_end_[static_cast<std::size_t>(m)]);
  return std::span<const EmployeeId>(employee_ids_).subspan(begin, end - begin);
}

absl::StatusOr<std::int64_t> OrgSnapshot::SpanOfControl(EmployeeId employee) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t e, EmployeeIndex(employee));
  return employee_direct_count_[static_cast<std::size_t>(e)];
}

double OrgSnapshot::AverageSpanOfControl() const {
  return manager_count_ == 0 ? 0.0 : static_cast<double>(managed_count_) / static_cast<double>(manager_count_);
}

std::vector<UnitRollup> OrgSnapshot::RollUpUnits() const {
  const std::size_t units = unit_ids_.size();
  std::vector<UnitRollup> out(units);
  for (std::size_t u = 0; u < units; ++u) out[u].unit = unit_ids_[u];
  // Own numbers: one pass over the employees. The subtree fields start as
  // the unit's own managers and direct reports.
  const std::size_t n = employee_ids_.size();
  for (std::size_t e = 0; e < n; ++e) {
    UnitRollup& r = out[static_cast<std::size_t>(employee_unit_[e])];
    ++r.own_headcount;
    r.own_fte += employee_fte_[e];
    const std::int32_t direct = employee_direct_count_[e];
    r.subtree_managers += direct > 0 ? 1 : 0;
    r.subtree_direct_reports += direct;
  }
  for (UnitRollup& r : out) {
    r.subtree_headcount = r.own_headcount;
    r.subtree_fte = r.own_fte;
  }
  // Subtrees: children come after their parent, so a reverse pass completes
  // every child before adding it to its parent.
  for (std::size_t u = units; u-- > 0;) {
    const std::int32_t parent = unit_parent_[u];
    if (parent < 0) continue;
    UnitRollup& p = out[static_cast<std::size_t>(parent)];
    const UnitRollup& c = out[u];
    p.subtree_headcount += c.subtree_headcount;
    p.subtree_fte += c.subtree_fte;
    p.subtree_managers += c.subtree_managers;
    p.subtree_direct_reports += c.subtree_direct_reports;
  }
  return out;
}

absl::StatusOr<UnitRollup> OrgSnapshot::RollUp(OrgUnitId unit) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t u, UnitIndex(unit));
  const auto i = static_cast<std::size_t>(u);
  UnitRollup r;
  r.unit = unit;
  r.own_headcount = unit_own_headcount_[i];
  r.own_fte = unit_own_fte_[i];
  // The subtree is the contiguous range [u, subtree_end); summed in reverse
  // pre-order so the floating-point sum matches RollUpUnits.
  std::vector<double> fte(unit_own_fte_.begin() + u, unit_own_fte_.begin() + unit_subtree_end_[i]);
  for (std::size_t k = fte.size(); k-- > 1;) {
    const auto parent = static_cast<std::size_t>(unit_parent_[i + k]) - i;
    fte[parent] += fte[k];
  }
  r.subtree_fte = fte.empty() ? 0.0 : fte[0];
  for (std::size_t k = i; k < static_cast<std::size_t>(unit_subtree_end_[i]); ++k) {
    r.subtree_headcount += unit_own_headcount_[k];
    r.subtree_managers += unit_own_managers_[k];
    r.subtree_direct_reports += unit_own_direct_reports_[k];
  }
  return r;
}

absl::StatusOr<UnitVacancies> OrgSnapshot::Vacancies(OrgUnitId unit) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t u, UnitIndex(unit));
  UnitVacancies v;
  v.unit = unit;
  const auto i = static_cast<std::size_t>(u);
  for (std::int32_t p = unit_positions_begin_[i]; p < unit_positions_end_[i]; ++p) {
    const auto k = static_cast<std::size_t>(p);
    if (position_status_[k] != PositionStatus::kOpen) continue;
    double held = 0;
    for (std::int32_t h = position_holders_begin_[k]; h < position_holders_end_[k]; ++h) {
      held += employee_fte_[static_cast<std::size_t>(position_holders_[static_cast<std::size_t>(h)])];
    }
    if (position_holders_begin_[k] == position_holders_end_[k]) v.vacant_positions.push_back(position_ids_[k]);
    v.remaining_fte_budget += std::max(0.0, position_fte_budget_[k] - held);
  }
  return v;
}

OrgChartNode OrgSnapshot::ChartNode(std::int32_t unit) const {
  const auto u = static_cast<std::size_t>(unit);
  OrgChartNode node;
  node.unit = unit_ids_[u];
  node.name = unit_names_[u];
  node.headcount = unit_own_headcount_[u];
  for (std::int32_t p = unit_positions_begin_[u]; p < unit_positions_end_[u]; ++p) {
    const auto k = static_cast<std::size_t>(p);
    OrgChartPosition position;
    position.position = position_ids_[k];
    position.title = position_titles_[k];
    position.status = position_status_[k];
    for (std::int32_t h = position_holders_begin_[k]; h < position_holders_end_[k]; ++h) {
      position.holders.push_back(
          employee_ids_[static_cast<std::size_t>(position_holders_[static_cast<std::size_t>(h)])]);
    }
    node.positions.push_back(std::move(position));
  }
  for (std::int32_t c = unit + 1; c < unit_subtree_end_[u]; c = unit_subtree_end_[static_cast<std::size_t>(c)]) {
    node.children.push_back(ChartNode(c));
  }
  return node;
}

absl::StatusOr<OrgChartNode> OrgSnapshot::OrgChart(OrgUnitId unit) const {
  HRKIT_ASSIGN_OR_RETURN(const std::int32_t u, UnitIndex(unit));
  return ChartNode(u);
}

std::vector<OrgChartNode> OrgSnapshot::OrgChart() const {
  std::vector<OrgChartNode> roots;
  const auto units = static_cast<std::int32_t>(unit_ids_.size());
  for (std::int32_t u = 0; u < units; u = unit_subtree_end_[static_cast<std::size_t>(u)]) {
    roots.push_back(ChartNode(u));
  }
  return roots;
}

namespace {

void PrintNode(std::ostream& out, const OrgChartNode& node, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  out << indent << node.name << " [" << node.unit << "] headcount " << node.headcount << '\n';
  for (const OrgChartPosition& p : node.positions) {
    out << indent << "  " << p.title << " [" << p.position << "]: ";
    if (p.holders.empty()) out << "vacant";
    for (std::size_t i = 0; i < p.holders.size(); ++i) out << (i > 0 ? ", " : "") << p.holders[i];
    if (p.status == PositionStatus::kFrozen) out << " frozen";
    out << '\n';
  }
  for (const OrgChartNode& child : node.children) PrintNode(out, child, depth + 1);
}

}  // namespace

void PrintOrgChart(std::ostream& out, const OrgChartNode& chart) { PrintNode(out, chart, 0); }

}  // namespace hrkit
