#include "hrkit/core/confidentiality.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "confidentiality_families.hpp"

namespace hrkit {
namespace {

using confidentiality_internal::FamilySystem;
using confidentiality_internal::MinimumFor;
using confidentiality_internal::SuppressFamilies;

constexpr std::int32_t kNoGroup = -1;

// Checks the tree (see SuppressGroups for the errors).
absl::Status ValidateGroups(std::span<const GroupCount> groups) {
  if (groups.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    return absl::InvalidArgumentError(absl::StrCat("groups: at most 2147483647 groups, got ", groups.size()));
  }
  // Sum of each group's subgroups' counts so far; stays <= the group's count,
  // so it never overflows.
  std::vector<std::int64_t> subgroup_sum(groups.size(), 0);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const GroupCount& g = groups[i];
    if (g.count < 0) {
      return absl::InvalidArgumentError(absl::StrCat("groups[", i, "].count: must not be negative, got ", g.count));
    }
    if (g.parent == kNoGroup) continue;
    if (g.parent < 0 || static_cast<std::size_t>(g.parent) >= i) {
      return absl::InvalidArgumentError(
          absl::StrCat("groups[", i, "].parent: must be -1 (a root) or the index of an earlier group, got ", g.parent));
    }
    const auto p = static_cast<std::size_t>(g.parent);
    const std::int64_t parent_count = groups[p].count;
    if (g.count > parent_count) {
      return absl::InvalidArgumentError(absl::StrCat(
          "groups[", i, "].count: ", g.count, " exceeds the count of its parent groups[", p, "], ", parent_count));
    }
    if (g.count > parent_count - subgroup_sum[p]) {
      return absl::InvalidArgumentError(absl::StrCat("groups[", p, "].count: ", parent_count,
                                                     " is less than the sum of its subgroups' counts (groups[", i,
                                                     "] takes it past ", parent_count, ")"));
    }
    subgroup_sum[p] += g.count;
  }
  return absl::OkStatus();
}

// The checks of ValidateGroups that look at one group at a time (a count
// that is not negative, an earlier parent, a count within the parent's),
// without its error messages: true if every group passes them.
bool EachGroupLooksValid(std::span<const GroupCount> groups) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const GroupCount& g = groups[i];
    if (g.count < 0) return false;
    if (g.parent == kNoGroup) continue;
    if (g.parent < 0 || static_cast<std::size_t>(g.parent) >= i) return false;
    if (g.count > groups[static_cast<std::size_t>(g.parent)].count) return false;
  }
  return true;
}

// The last check of ValidateGroups on the built system: the subgroups of
// each group add up to at most its count.
bool SubgroupsFit(const FamilySystem& system) {
  for (std::size_t f = 0; f < system.family_parent.size(); ++f) {
    const std::int64_t parent_count = system.count[static_cast<std::size_t>(system.family_parent[f])];
    std::int64_t sum = 0;  // stays <= parent_count, so it never overflows
    for (std::size_t j = system.family_begin[f]; j < system.family_begin[f + 1]; ++j) {
      const std::int64_t count = system.count[static_cast<std::size_t>(system.member[j])];
      if (count > parent_count - sum) return false;
      sum += count;
    }
  }
  return true;
}

// The family system of a tree whose parents come before their subgroups:
// one family per group with subgroups (in group order), its subgroups in
// input order keyed by their own keys. Built in place with exact sizes: one
// scratch array of subgroup positions, no regrowing vectors.
FamilySystem TreeSystem(std::span<const GroupCount> groups) {
  const std::size_t n = groups.size();
  FamilySystem system;
  system.count.reserve(n);
  // Per group: first its number of subgroups, then where they start in
  // `member`, then (while filling) where the next one goes.
  std::vector<std::int32_t> start(n, 0);
  for (const GroupCount& g : groups) {
    system.count.push_back(g.count);
    if (g.parent != kNoGroup) ++start[static_cast<std::size_t>(g.parent)];
  }
  std::size_t families = 0;
  for (const std::int32_t subgroups : start) families += subgroups > 0 ? 1 : 0;
  system.family_parent.reserve(families);
  system.family_begin.reserve(families + 1);
  std::int32_t members = 0;
  for (std::size_t p = 0; p < n; ++p) {
    const std::int32_t subgroups = start[p];
    start[p] = members;
    if (subgroups == 0) continue;
    system.family_parent.push_back(static_cast<std::int32_t>(p));
    system.family_begin.push_back(static_cast<std::size_t>(members));
    members += subgroups;
  }
  system.family_begin.push_back(static_cast<std::size_t>(members));
  system.member.resize(static_cast<std::size_t>(members));
  system.member_key.resize(static_cast<std::size_t>(members));
  for (std::size_t i = 0; i < n; ++i) {
    if (groups[i].parent == kNoGroup) continue;
    const auto j = static_cast<std::size_t>(start[static_cast<std::size_t>(groups[i].parent)]++);
    system.member[j] = static_cast<std::int32_t>(i);
    system.member_key[j] = groups[i].key;
  }
  return system;
}

// The verdicts of a validated tree with minimum group size k.
std::vector<Suppression> Suppress(std::span<const GroupCount> groups, std::int64_t k) {
  return SuppressFamilies(TreeSystem(groups), k);
}

}  // namespace

absl::Status ValidateThresholds(const ConfidentialityThresholds& thresholds) {
  if (thresholds.min_group < kMinimumGroupFloor) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_group: must be at least ", kMinimumGroupFloor, ", got ", thresholds.min_group));
  }
  if (thresholds.min_comment_group < thresholds.min_group) {
    return absl::InvalidArgumentError(absl::StrCat("min_comment_group: must be at least min_group (",
                                                   thresholds.min_group, "), got ", thresholds.min_comment_group));
  }
  return absl::OkStatus();
}

std::string_view SuppressionName(Suppression s) {
  switch (s) {
    case Suppression::kShown:
      return "shown";
    case Suppression::kBelowMinimum:
      return "below_minimum";
    case Suppression::kComplement:
      return "complement";
    case Suppression::kSibling:
      return "sibling";
    case Suppression::kHiddenParent:
      return "hidden_parent";
    case Suppression::kLinked:
      return "linked";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& os, Suppression s) { return os << SuppressionName(s); }

absl::StatusOr<std::vector<Suppression>> SuppressGroups(std::span<const GroupCount> groups,
                                                        const ConfidentialityThresholds& thresholds,
                                                        Disclosure disclosure) {
  absl::StatusOr<std::int64_t> k = MinimumFor(thresholds, disclosure);
  if (!k.ok()) return k.status();
  // Valid trees, the usual input, are checked without a scratch array of
  // subgroup sums: the sums are added up on the built system. Any failure
  // is reported by ValidateGroups, which names the first offending group.
  if (groups.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()) ||
      !EachGroupLooksValid(groups)) {
    return ValidateGroups(groups);
  }
  FamilySystem system = TreeSystem(groups);
  if (!SubgroupsFit(system)) return ValidateGroups(groups);
  return SuppressFamilies(system, *k);
}

absl::StatusOr<BreakdownSuppression> SuppressBreakdown(std::int64_t total, std::span<const std::int64_t> part_counts,
                                                       const ConfidentialityThresholds& thresholds,
                                                       Disclosure disclosure) {
  absl::StatusOr<std::int64_t> k = MinimumFor(thresholds, disclosure);
  if (!k.ok()) return k.status();
  if (total < 0) return absl::InvalidArgumentError(absl::StrCat("total: must not be negative, got ", total));
  if (part_counts.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    return absl::InvalidArgumentError(absl::StrCat("part_counts: too many parts, got ", part_counts.size()));
  }
  std::vector<GroupCount> groups;
  groups.reserve(part_counts.size() + 1);
  groups.push_back({.parent = kNoGroup, .count = total, .key = 0});
  std::int64_t left = total;  // total minus the parts so far; never overflows
  for (std::size_t i = 0; i < part_counts.size(); ++i) {
    const std::int64_t count = part_counts[i];
    if (count < 0) {
      return absl::InvalidArgumentError(absl::StrCat("part_counts[", i, "]: must not be negative, got ", count));
    }
    if (count > left) {
      return absl::InvalidArgumentError(absl::StrCat("part_counts: the parts add up to more than total (", total,
                                                     "); part_counts[", i, "] = ", count, " takes them past it"));
    }
    left -= count;
    groups.push_back({.parent = 0, .count = count, .key = static_cast<std::int64_t>(i)});
  }
  std::vector<Suppression> verdicts = Suppress(groups, *k);
  BreakdownSuppression result;
  result.total = verdicts[0];
  result.parts.assign(verdicts.begin() + 1, verdicts.end());
  return result;
}

}  // namespace hrkit
