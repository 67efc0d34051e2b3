#include "hrkit/core/crossed_confidentiality.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/joint_confidentiality.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

// The checks that name CrossedUnit's own fields; SuppressJointGroups checks
// the tree and the sums.
absl::Status CheckCounts(std::span<const CrossedUnit> units, std::size_t values) {
  for (std::size_t u = 0; u < units.size(); ++u) {
    const CrossedUnit& unit = units[u];
    if (unit.by_value.size() != values) {
      return absl::InvalidArgumentError(absl::StrCat("units[", u, "].by_value: must have one count per value (", values,
                                                     "), got ", unit.by_value.size()));
    }
    for (std::size_t v = 0; v < values; ++v) {
      if (unit.by_value[v] < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("units[", u, "].by_value[", v, "]: must not be negative, got ", unit.by_value[v]));
      }
    }
    if (unit.without_value < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("units[", u, "].without_value: must not be negative, got ", unit.without_value));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CrossedSuppression> SuppressCrossedGroups(std::span<const CrossedUnit> units,
                                                         std::span<const std::int64_t> value_keys,
                                                         const ConfidentialityThresholds& thresholds,
                                                         Disclosure disclosure) {
  HRKIT_RETURN_IF_ERROR(CheckCounts(units, value_keys.size()));
  // One attribute: the crossed report is the joint report of the unit tree
  // and that attribute.
  std::vector<JointUnit> tree;
  tree.reserve(units.size());
  std::vector<JointRespondents> respondents;
  for (std::size_t u = 0; u < units.size(); ++u) {
    tree.push_back({.parent = units[u].parent, .key = units[u].key});
    const auto unit = static_cast<std::int32_t>(u);
    for (std::size_t v = 0; v < value_keys.size(); ++v) {
      if (units[u].by_value[v] > 0) {
        respondents.push_back({.unit = unit, .values = {static_cast<std::int32_t>(v)}, .count = units[u].by_value[v]});
      }
    }
    if (units[u].without_value > 0) {
      respondents.push_back({.unit = unit, .values = {-1}, .count = units[u].without_value});
    }
  }
  const JointAttribute attribute{.value_keys = {value_keys.begin(), value_keys.end()}};
  HRKIT_ASSIGN_OR_RETURN(JointSuppression joint,
                         SuppressJointGroups(tree, std::span(&attribute, 1), respondents, thresholds, disclosure));
  return CrossedSuppression{.total = std::move(joint.total),
                            .by_value = std::move(joint.by_value[0]),
                            .total_count = std::move(joint.total_count),
                            .value_count = std::move(joint.value_count[0])};
}

}  // namespace hrkit
