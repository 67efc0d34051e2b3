#include "hrkit/leave/policy_candidates.hpp"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies) {
  return GuardExceptions("policy candidates", [&]() -> absl::StatusOr<std::vector<PolicyCandidate>> {
    absl::flat_hash_set<LeavePolicyId> policy_ids;
    for (const LeavePolicy& policy : policies) {
      if (!policy.id.valid()) {
        return absl::InvalidArgumentError(absl::StrCat("policy candidates: invalid policy id ", policy.id.value()));
      }
      if (!policy.leave_type.valid()) {
        return absl::InvalidArgumentError(
            absl::StrCat(ToString(policy.id), ": leave_type is invalid (", policy.leave_type.value(), ")"));
      }
      if (!policy_ids.insert(policy.id).second) {
        return absl::InvalidArgumentError(absl::StrCat("policy candidates: duplicate ", ToString(policy.id)));
      }
    }
    std::vector<PolicyCandidate> candidates;
    for (const LeavePolicy& policy : policies) {
      for (const auto& segment : policy.versions.Segments()) {
        HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(
            segment.value->eligibility,
            absl::StrCat(ToString(policy.id), " version ", FormatIsoDate(segment.period.begin()))));
        PolicyCandidate c;
        c.policy = policy.id;
        c.leave_type = policy.leave_type;
        c.validity = segment.period;
        c.priority = policy.priority;
        c.rule = segment.value->eligibility;
        candidates.push_back(std::move(c));
      }
    }
    return candidates;
  });
}

}  // namespace hrkit
