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

// The verdicts of a validated tree with minimum group size k: one family per
// group with subgroups, its subgroups keyed by their own keys.
std::vector<Suppression> Suppress(std::span<const GroupCount> groups, std::int64_t k) {
  const std::size_t n = groups.size();
  // Subgroups of each group, in input order (CSR).
  std::vector<std::size_t> begin(n + 1, 0);
  for (const GroupCount& g : groups) {
    if (g.parent != kNoGroup) ++begin[static_cast<std::size_t>(g.parent) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
  std::vector<std::int32_t> children(begin[n]);
  std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (groups[i].parent != kNoGroup)
      children[next[static_cast<std::size_t>(groups[i].parent)]++] = static_cast<std::int32_t>(i);
  }
  FamilySystem system;
  system.count.reserve(n);
  for (const GroupCount& g : groups) system.count.push_back(g.count);
  system.member.reserve(children.size());
  system.member_key.reserve(children.size());
  for (std::size_t p = 0; p < n; ++p) {
    if (begin[p] == begin[p + 1]) continue;
    system.BeginFamily(static_cast<std::int32_t>(p));
    for (std::size_t j = begin[p]; j < begin[p + 1]; ++j) {
      system.AddMember(children[j], groups[static_cast<std::size_t>(children[j])].key);
    }
  }
  system.EndFamilies();
  return SuppressFamilies(system, k);
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
  if (absl::Status status = ValidateGroups(groups); !status.ok()) return status;
  return Suppress(groups, *k);
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
