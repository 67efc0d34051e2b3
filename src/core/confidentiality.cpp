#include "hrkit/core/confidentiality.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace hrkit {
namespace {

constexpr std::int32_t kNoGroup = -1;

// The minimum group size for `disclosure`.
absl::StatusOr<std::int64_t> MinimumFor(const ConfidentialityThresholds& thresholds, Disclosure disclosure) {
  if (absl::Status status = ValidateThresholds(thresholds); !status.ok()) return status;
  switch (disclosure) {
    case Disclosure::kAggregates:
      return thresholds.min_group;
    case Disclosure::kComments:
      return thresholds.min_comment_group;
  }
  return absl::InvalidArgumentError(absl::StrCat("disclosure: unknown value ", static_cast<int>(disclosure)));
}

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

// True if sibling `a` is picked for hiding before sibling `b`: smaller count,
// then smaller key, then earlier in the input.
bool PickedBefore(std::span<const GroupCount> groups, std::int32_t a, std::int32_t b) {
  const GroupCount& ga = groups[static_cast<std::size_t>(a)];
  const GroupCount& gb = groups[static_cast<std::size_t>(b)];
  if (ga.count != gb.count) return ga.count < gb.count;
  if (ga.key != gb.key) return ga.key < gb.key;
  return a < b;
}

// Rules 1 (minimum) and 2 (complement): they depend on counts alone.
std::vector<Suppression> StaticRules(std::span<const GroupCount> groups, std::int64_t k) {
  std::vector<Suppression> verdicts(groups.size(), Suppression::kShown);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const GroupCount& g = groups[i];
    if (g.count < k) {
      verdicts[i] = Suppression::kBelowMinimum;
    } else if (g.parent != kNoGroup) {
      const std::int64_t rest = groups[static_cast<std::size_t>(g.parent)].count - g.count;
      if (rest > 0 && rest < k) verdicts[i] = Suppression::kComplement;
    }
  }
  return verdicts;
}

// Rules 3 (sibling) and 4 (hidden parent) on top of `verdicts`, parents
// before children. A family's verdicts change only when its own parent is
// visited, and that step raises its hidden remainder from below k to at least
// k (the subgroup hidden was shown, so it has >= k respondents): one step per
// family reaches the fixpoint. Rule 4 at a group needs its own verdict, which
// its parent's earlier step has fixed.
void FamilyRules(std::span<const GroupCount> groups, std::int64_t k, std::vector<Suppression>& verdicts) {
  const std::size_t n = groups.size();
  // Hidden remainder (count minus shown subgroups) and smallest shown subgroup.
  std::vector<std::int64_t> remainder(n);
  std::vector<std::int32_t> smallest_shown(n, kNoGroup);
  for (std::size_t i = 0; i < n; ++i) remainder[i] = groups[i].count;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t parent = groups[i].parent;
    if (parent == kNoGroup || !IsShown(verdicts[i])) continue;
    const auto p = static_cast<std::size_t>(parent);
    const auto child = static_cast<std::int32_t>(i);
    remainder[p] -= groups[i].count;
    if (smallest_shown[p] == kNoGroup || PickedBefore(groups, child, smallest_shown[p])) smallest_shown[p] = child;
  }
  for (std::size_t p = 0; p < n; ++p) {
    const std::int32_t pick = smallest_shown[p];
    if (pick == kNoGroup) continue;
    const std::int64_t r = remainder[p];
    if (r > 0 && r < k) {
      verdicts[static_cast<std::size_t>(pick)] = Suppression::kSibling;
    } else if (r == 0 && !IsShown(verdicts[p]) && groups[p].count > 0) {
      verdicts[static_cast<std::size_t>(pick)] = Suppression::kHiddenParent;
    }
  }
}

// The verdicts of a validated tree with minimum group size k.
std::vector<Suppression> Suppress(std::span<const GroupCount> groups, std::int64_t k) {
  std::vector<Suppression> verdicts = StaticRules(groups, k);
  FamilyRules(groups, k, verdicts);
  return verdicts;
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
