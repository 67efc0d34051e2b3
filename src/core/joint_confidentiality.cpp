#include "hrkit/core/joint_confidentiality.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "confidentiality_families.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

using confidentiality_internal::FamilySystem;

constexpr std::size_t kMaxCells = static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());

// Where each cell lives. Columns of a unit: 0 = every respondent; then per
// attribute its values and, last, "no value". Cell u * width + c is column c
// of U's subtree; u * width + columns + c the same column of U's own
// respondents. Only the subtree cells of column 0 and of the values are
// reported; the others are internal, so that every family is exact (its
// members add up to its parent). With two or more attributes, the atoms
// (U's own respondents with one combination of values) follow all unit
// cells.
struct Layout {
  std::vector<std::size_t> offset;  // per attribute: the column of its first value
  std::vector<std::size_t> values;  // per attribute: how many values
  std::size_t columns = 1;

  std::size_t width() const { return 2 * columns; }
  std::size_t Column(std::size_t attribute, std::int32_t value) const {
    return offset[attribute] + (value < 0 ? values[attribute] : static_cast<std::size_t>(value));
  }
};

Layout MakeLayout(std::span<const JointAttribute> attributes) {
  Layout layout;
  for (const JointAttribute& a : attributes) {
    layout.offset.push_back(layout.columns);
    layout.values.push_back(a.value_keys.size());
    layout.columns += a.value_keys.size() + 1;
  }
  return layout;
}

// The respondents of one unit itself with one combination of values; the
// combination is numbered by the values' ranks in key order (no value
// last), so that the number does not depend on the order values are listed.
struct Atom {
  std::int32_t unit = 0;
  std::int64_t combination = 0;
  std::vector<std::int32_t> values;
  std::int64_t count = 0;
};

// Per attribute, per value: the value's rank among the attribute's values by
// key (ties by position).
std::vector<std::vector<std::int64_t>> Ranks(std::span<const JointAttribute> attributes) {
  std::vector<std::vector<std::int64_t>> ranks;
  for (const JointAttribute& a : attributes) {
    std::vector<std::size_t> order(a.value_keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a.value_keys[x] < a.value_keys[y]; });
    std::vector<std::int64_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::int64_t>(r);
    ranks.push_back(std::move(rank));
  }
  return ranks;
}

absl::Status CheckInput(std::span<const JointUnit> units, std::span<const JointAttribute> attributes,
                        std::span<const JointRespondents> respondents, const Layout& layout) {
  if (units.size() > kMaxCells / layout.width()) {
    return absl::InvalidArgumentError(
        absl::StrCat("units: too many cells, got ", units.size(), " units x ", layout.width()));
  }
  // The combinations must be numbered in 63 bits.
  std::int64_t combinations = 1;
  for (const std::size_t m : layout.values) {
    if (__builtin_mul_overflow(combinations, static_cast<std::int64_t>(m) + 1, &combinations)) {
      return absl::InvalidArgumentError("attributes: too many combinations of values");
    }
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::int32_t parent = units[u].parent;
    if (parent != -1 && (parent < 0 || static_cast<std::size_t>(parent) >= u)) {
      return absl::InvalidArgumentError(
          absl::StrCat("units[", u, "].parent: must be -1 (a root) or the index of an earlier unit, got ", parent));
    }
  }
  for (std::size_t i = 0; i < respondents.size(); ++i) {
    const JointRespondents& r = respondents[i];
    if (r.unit < 0 || static_cast<std::size_t>(r.unit) >= units.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("respondents[", i, "].unit: must index a unit (", units.size(), "), got ", r.unit));
    }
    if (r.values.size() != attributes.size()) {
      return absl::InvalidArgumentError(absl::StrCat("respondents[", i, "].values: must have one per attribute (",
                                                     attributes.size(), "), got ", r.values.size()));
    }
    for (std::size_t a = 0; a < r.values.size(); ++a) {
      if (r.values[a] < -1 || r.values[a] >= static_cast<std::int64_t>(layout.values[a])) {
        return absl::InvalidArgumentError(absl::StrCat("respondents[", i, "].values[", a,
                                                       "]: must be -1 or index a value (", layout.values[a], "), got ",
                                                       r.values[a]));
      }
    }
    if (r.count < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("respondents[", i, "].count: must not be negative, got ", r.count));
    }
  }
  return absl::OkStatus();
}

// The non-empty atoms, by unit then combination, entries of the same atom
// added up.
absl::StatusOr<std::vector<Atom>> Atoms(std::span<const JointAttribute> attributes,
                                        std::span<const JointRespondents> respondents, const Layout& layout) {
  const std::vector<std::vector<std::int64_t>> ranks = Ranks(attributes);
  std::vector<Atom> atoms;
  for (const JointRespondents& r : respondents) {
    if (r.count == 0) continue;
    Atom atom{.unit = r.unit, .combination = 0, .values = r.values, .count = r.count};
    for (std::size_t a = attributes.size(); a-- > 0;) {
      const std::int64_t rank = r.values[a] < 0 ? static_cast<std::int64_t>(layout.values[a])
                                                : ranks[a][static_cast<std::size_t>(r.values[a])];
      atom.combination = atom.combination * static_cast<std::int64_t>(layout.values[a] + 1) + rank;
    }
    atoms.push_back(std::move(atom));
  }
  std::sort(atoms.begin(), atoms.end(), [](const Atom& x, const Atom& y) {
    return std::make_pair(x.unit, x.combination) < std::make_pair(y.unit, y.combination);
  });
  std::vector<Atom> merged;
  for (Atom& atom : atoms) {
    if (!merged.empty() && merged.back().unit == atom.unit && merged.back().combination == atom.combination) {
      if (__builtin_add_overflow(merged.back().count, atom.count, &merged.back().count)) {
        return absl::InvalidArgumentError(absl::StrCat("units[", atom.unit, "]: the respondents overflow"));
      }
    } else {
      merged.push_back(std::move(atom));
    }
  }
  return merged;
}

// Counts every unit cell (the atoms follow, with their own counts): each
// atom into its unit's own columns, then each unit's finished subtree into
// its parent (parents come first, so walking back finishes children first).
absl::StatusOr<std::vector<std::int64_t>> CellCounts(std::span<const JointUnit> units, const std::vector<Atom>& atoms,
                                                     const Layout& layout, bool atom_cells) {
  const std::size_t width = layout.width();
  std::vector<std::int64_t> count(units.size() * width + (atom_cells ? atoms.size() : 0), 0);
  const auto add = [&](std::size_t cell, std::int64_t n, std::size_t unit) -> absl::Status {
    if (__builtin_add_overflow(count[cell], n, &count[cell])) {
      return absl::InvalidArgumentError(absl::StrCat("units[", unit, "]: the respondents overflow"));
    }
    return absl::OkStatus();
  };
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const Atom& atom = atoms[i];
    const auto u = static_cast<std::size_t>(atom.unit);
    const std::size_t own = u * width + layout.columns;
    HRKIT_RETURN_IF_ERROR(add(own, atom.count, u));
    for (std::size_t a = 0; a < atom.values.size(); ++a) {
      HRKIT_RETURN_IF_ERROR(add(own + layout.Column(a, atom.values[a]), atom.count, u));
    }
    if (atom_cells) count[units.size() * width + i] = atom.count;
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t c = 0; c < layout.columns; ++c) count[u * width + c] = count[u * width + layout.columns + c];
  }
  for (std::size_t u = units.size(); u-- > 0;) {
    if (units[u].parent == -1) continue;
    const auto p = static_cast<std::size_t>(units[u].parent);
    for (std::size_t c = 0; c < layout.columns; ++c) {
      HRKIT_RETURN_IF_ERROR(add(p * width + c, count[u * width + c], p));
    }
  }
  return count;
}

// Keys that order cells of equal count: the unit's key, the kind of cell
// (0 = the total; per attribute 1 + 2a = one of its values, 2 + 2a = no
// value; the same kinds plus 1 + 2 x attributes for U's own respondents; an
// atom last) and the value's key (the combination for an atom).
void KeyCells(std::span<const JointUnit> units, std::span<const JointAttribute> attributes,
              const std::vector<Atom>& atoms, const Layout& layout, FamilySystem& system) {
  const std::size_t width = layout.width();
  const auto own_kinds = static_cast<std::int64_t>(1 + 2 * attributes.size());
  system.internal.assign(system.count.size(), 1);
  system.cell_key.resize(system.count.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t scope = 0; scope < 2; ++scope) {
      const std::size_t base = u * width + scope * layout.columns;
      const std::int64_t kind_base = scope == 0 ? 0 : own_kinds;
      system.cell_key[base] = {units[u].key, kind_base, 0};
      for (std::size_t a = 0; a < attributes.size(); ++a) {
        const auto value_kind = kind_base + 1 + 2 * static_cast<std::int64_t>(a);
        for (std::size_t v = 0; v < layout.values[a]; ++v) {
          system.cell_key[base + layout.offset[a] + v] = {units[u].key, value_kind, attributes[a].value_keys[v]};
        }
        system.cell_key[base + layout.offset[a] + layout.values[a]] = {units[u].key, value_kind + 1, 0};
      }
    }
    // Reported: the subtree's total and values.
    system.internal[u * width] = 0;
    for (std::size_t a = 0; a < attributes.size(); ++a) {
      for (std::size_t v = 0; v < layout.values[a]; ++v) system.internal[u * width + layout.offset[a] + v] = 0;
    }
  }
  const std::size_t first_atom = units.size() * width;
  for (std::size_t i = first_atom; i < system.count.size(); ++i) {
    const Atom& atom = atoms[i - first_atom];
    system.cell_key[i] = {units[static_cast<std::size_t>(atom.unit)].key, 2 * own_kinds, atom.combination};
  }
}

// Per unit: the unit family of every column (its sub-units' cells and its
// own respondents), the attribute families of its subtree and of its own
// respondents, and, with atoms, per attribute and column the own cell over
// the atoms with that value.
void AddFamilies(std::span<const JointUnit> units, std::span<const JointAttribute> attributes,
                 const std::vector<Atom>& atoms, const Layout& layout, bool atom_cells, FamilySystem& system) {
  const std::size_t width = layout.width();
  std::vector<std::vector<std::int32_t>> children(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].parent != -1)
      children[static_cast<std::size_t>(units[u].parent)].push_back(static_cast<std::int32_t>(u));
  }
  const auto cell = [&](std::size_t unit, std::size_t column) {
    return static_cast<std::int32_t>(unit * width + column);
  };
  const auto attribute_tag = [](std::size_t a) { return static_cast<std::int32_t>(1 + a); };
  std::size_t next_atom = 0;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t c = 0; c < layout.columns; ++c) {
      system.BeginFamily(cell(u, c), 0);
      for (const std::int32_t child : children[u]) {
        system.AddMember(cell(static_cast<std::size_t>(child), c), units[static_cast<std::size_t>(child)].key);
      }
      system.AddMember(cell(u, layout.columns + c), 0);
    }
    for (const std::size_t base : {std::size_t{0}, layout.columns}) {
      for (std::size_t a = 0; a < attributes.size(); ++a) {
        system.BeginFamily(cell(u, base), attribute_tag(a));
        for (std::size_t v = 0; v < layout.values[a]; ++v) {
          system.AddMember(cell(u, base + layout.offset[a] + v), attributes[a].value_keys[v]);
        }
        system.AddMember(cell(u, base + layout.offset[a] + layout.values[a]), 0);
      }
    }
    if (!atom_cells) continue;
    const std::size_t first = next_atom;
    while (next_atom < atoms.size() && static_cast<std::size_t>(atoms[next_atom].unit) == u) ++next_atom;
    for (std::size_t a = 0; a < attributes.size(); ++a) {
      for (std::int32_t v = -1; v < static_cast<std::int32_t>(layout.values[a]); ++v) {
        system.BeginFamily(cell(u, layout.columns + layout.Column(a, v)), attribute_tag(attributes.size() + a));
        for (std::size_t i = first; i < next_atom; ++i) {
          if (atoms[i].values[a] == v) {
            system.AddMember(static_cast<std::int32_t>(units.size() * width + i), atoms[i].combination);
          }
        }
      }
    }
  }
  system.EndFamilies();
}

}  // namespace

absl::StatusOr<JointSuppression> SuppressJointGroups(std::span<const JointUnit> units,
                                                     std::span<const JointAttribute> attributes,
                                                     std::span<const JointRespondents> respondents,
                                                     const ConfidentialityThresholds& thresholds,
                                                     Disclosure disclosure) {
  HRKIT_ASSIGN_OR_RETURN(const std::int64_t k, confidentiality_internal::MinimumFor(thresholds, disclosure));
  const Layout layout = MakeLayout(attributes);
  HRKIT_RETURN_IF_ERROR(CheckInput(units, attributes, respondents, layout));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Atom> atoms, Atoms(attributes, respondents, layout));
  // With one attribute, U's own cells of each value are already the atoms.
  const bool atom_cells = attributes.size() >= 2;
  if (atom_cells && units.size() * layout.width() > kMaxCells - atoms.size()) {
    return absl::InvalidArgumentError(absl::StrCat("respondents: too many cells, got ", atoms.size(), " atoms"));
  }
  FamilySystem system;
  HRKIT_ASSIGN_OR_RETURN(system.count, CellCounts(units, atoms, layout, atom_cells));
  system.close_bridges = true;
  KeyCells(units, attributes, atoms, layout, system);
  AddFamilies(units, attributes, atoms, layout, atom_cells, system);
  const std::vector<Suppression> verdicts = confidentiality_internal::SuppressFamilies(system, k);

  const std::size_t width = layout.width();
  JointSuppression out;
  out.by_value.resize(attributes.size());
  out.value_count.resize(attributes.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    out.total.push_back(verdicts[u * width]);
    out.total_count.push_back(system.count[u * width]);
    for (std::size_t a = 0; a < attributes.size(); ++a) {
      const std::size_t first = u * width + layout.offset[a];
      const auto begin = static_cast<std::ptrdiff_t>(first);
      const auto end = static_cast<std::ptrdiff_t>(first + layout.values[a]);
      out.by_value[a].emplace_back(verdicts.begin() + begin, verdicts.begin() + end);
      out.value_count[a].emplace_back(system.count.begin() + begin, system.count.begin() + end);
    }
  }
  return out;
}

}  // namespace hrkit
