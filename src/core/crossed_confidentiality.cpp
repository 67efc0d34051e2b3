#include "hrkit/core/crossed_confidentiality.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
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

// Cells of unit u, with m values: column c (0 = *, 1..m = the values, m + 1
// = no value) of U's subtree is u * Width(m) + c; the same column of U's own
// respondents (none of a sub-unit) is u * Width(m) + m + 2 + c. Only the
// subtree cells of columns 0..m are reported; the others are internal, so
// that every family is exact (its members add up to its parent).
std::size_t Width(std::size_t values) { return 2 * (values + 2); }

// Checks the units and counts every cell, children added into parents.
absl::StatusOr<std::vector<std::int64_t>> CellCounts(std::span<const CrossedUnit> units, std::size_t values) {
  const std::size_t width = Width(values);
  const std::size_t columns = values + 2;
  if (units.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()) / width) {
    return absl::InvalidArgumentError(absl::StrCat("units: too many cells, got ", units.size(), " units x ", width));
  }
  std::vector<std::int64_t> count(units.size() * width, 0);
  const auto add = [&](std::size_t cell, std::int64_t n, std::size_t unit) -> absl::Status {
    if (__builtin_add_overflow(count[cell], n, &count[cell])) {
      return absl::InvalidArgumentError(absl::StrCat("units[", unit, "]: the respondents overflow"));
    }
    return absl::OkStatus();
  };
  for (std::size_t u = 0; u < units.size(); ++u) {
    const CrossedUnit& unit = units[u];
    if (unit.parent != -1 && (unit.parent < 0 || static_cast<std::size_t>(unit.parent) >= u)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "units[", u, "].parent: must be -1 (a root) or the index of an earlier unit, got ", unit.parent));
    }
    if (unit.by_value.size() != values) {
      return absl::InvalidArgumentError(absl::StrCat("units[", u, "].by_value: must have one count per value (", values,
                                                     "), got ", unit.by_value.size()));
    }
    if (unit.without_value < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("units[", u, "].without_value: must not be negative, got ", unit.without_value));
    }
    const std::size_t own = u * width + columns;
    for (std::size_t c = 1; c <= values + 1; ++c) {
      const std::int64_t n = c <= values ? unit.by_value[c - 1] : unit.without_value;
      if (n < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("units[", u, "].by_value[", c - 1, "]: must not be negative, got ", n));
      }
      HRKIT_RETURN_IF_ERROR(add(own + c, n, u));
      HRKIT_RETURN_IF_ERROR(add(own, n, u));
    }
    for (std::size_t c = 0; c < columns; ++c) HRKIT_RETURN_IF_ERROR(add(u * width + c, count[own + c], u));
  }
  // Parents come first, so walking back adds each unit's finished subtree
  // into its parent.
  for (std::size_t u = units.size(); u-- > 0;) {
    if (units[u].parent == -1) continue;
    const auto p = static_cast<std::size_t>(units[u].parent);
    for (std::size_t c = 0; c < columns; ++c) HRKIT_RETURN_IF_ERROR(add(p * width + c, count[u * width + c], p));
  }
  return count;
}

// Per unit: one unit family per column (its sub-units' cells and its own
// respondents), its attribute family and its own respondents' attribute
// family.
FamilySystem CrossedFamilies(std::span<const CrossedUnit> units, std::span<const std::int64_t> value_keys,
                             std::vector<std::int64_t> count) {
  const std::size_t values = value_keys.size();
  const std::size_t width = Width(values);
  const std::size_t columns = values + 2;
  std::vector<std::vector<std::int32_t>> children(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].parent != -1) {
      children[static_cast<std::size_t>(units[u].parent)].push_back(static_cast<std::int32_t>(u));
    }
  }
  FamilySystem system;
  system.count = std::move(count);
  system.close_bridges = true;
  system.internal.assign(system.count.size(), 1);
  system.cell_key.resize(system.count.size());
  const auto cell = [&](std::size_t unit, std::size_t column) {
    return static_cast<std::int32_t>(unit * width + column);
  };
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t c = 0; c < width; ++c) {
      // Kinds: 0 = (U, *), 1 = (U, v), 2 = no value; 3 to 5 the same for
      // U's own respondents.
      const std::size_t column = c % columns;
      const std::int64_t kind = (c < columns ? 0 : 3) + (column == 0 ? 0 : column <= values ? 1 : 2);
      const std::int64_t value = column >= 1 && column <= values ? value_keys[column - 1] : 0;
      system.cell_key[u * width + c] = {units[u].key, kind, value};
    }
    for (std::size_t c = 0; c <= values; ++c) system.internal[u * width + c] = 0;
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (std::size_t c = 0; c < columns; ++c) {
      system.BeginFamily(cell(u, c), 0);
      for (const std::int32_t child : children[u]) {
        system.AddMember(cell(static_cast<std::size_t>(child), c), units[static_cast<std::size_t>(child)].key);
      }
      system.AddMember(cell(u, columns + c), 0);
    }
    for (const std::size_t base : {std::size_t{0}, columns}) {
      system.BeginFamily(cell(u, base), 1);
      for (std::size_t v = 1; v <= values; ++v) system.AddMember(cell(u, base + v), value_keys[v - 1]);
      system.AddMember(cell(u, base + values + 1), 0);
    }
  }
  system.EndFamilies();
  return system;
}

}  // namespace

absl::StatusOr<CrossedSuppression> SuppressCrossedGroups(std::span<const CrossedUnit> units,
                                                         std::span<const std::int64_t> value_keys,
                                                         const ConfidentialityThresholds& thresholds,
                                                         Disclosure disclosure) {
  absl::StatusOr<std::int64_t> k = confidentiality_internal::MinimumFor(thresholds, disclosure);
  if (!k.ok()) return k.status();
  absl::StatusOr<std::vector<std::int64_t>> count = CellCounts(units, value_keys.size());
  if (!count.ok()) return count.status();
  const FamilySystem system = CrossedFamilies(units, value_keys, *std::move(count));
  const std::vector<Suppression> verdicts = confidentiality_internal::SuppressFamilies(system, *k);
  const std::size_t width = Width(value_keys.size());
  const std::size_t reported = value_keys.size() + 1;
  CrossedSuppression out;
  out.total.reserve(units.size());
  out.by_value.reserve(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    const auto base = static_cast<std::ptrdiff_t>(u * width);
    out.total.push_back(verdicts[u * width]);
    out.total_count.push_back(system.count[u * width]);
    out.by_value.emplace_back(verdicts.begin() + base + 1,
                              verdicts.begin() + base + static_cast<std::ptrdiff_t>(reported));
    out.value_count.emplace_back(system.count.begin() + base + 1,
                                 system.count.begin() + base + static_cast<std::ptrdiff_t>(reported));
  }
  return out;
}

}  // namespace hrkit
