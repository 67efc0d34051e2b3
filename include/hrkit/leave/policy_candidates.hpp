// From stored leave policies to the rule-based candidates the policy resolver
// (leave/policy_assignment.hpp) weighs: one PolicyCandidate per policy
// version, valid from the version's effective date until the next version's.
//
// Who a policy applies to is stored next to the policy, in a PolicyEligibility
// entity with the same id as the policy: a priority and the eligibility rules
// of all its versions as flat criteria records (eligibility/rule.hpp
// explains the stored form). A policy without a PolicyEligibility, and a
// version without criteria, apply to every employee at priority 0.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_POLICY_CANDIDATES_HPP_
#define HRKIT_LEAVE_POLICY_CANDIDATES_HPP_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Who one leave policy applies to, over all its versions.
//
// Example: version 2024-01-01 for Berlin only, version 2025-07-01 for
// everyone, winning over policies of priority < 5:
//   PolicyEligibility e{LeavePolicyId(4), 5, {}};
//   EligibilityRule berlin;
//   berlin.locations = {LocationId(1)};
//   HRKIT_RETURN_IF_ERROR(ReplaceCriteria(berlin, Date(2024, 1, 1), &e.criteria));
struct PolicyEligibility {
  static constexpr std::string_view kEntityName = "policy_eligibility";

  LeavePolicyId id;  // the policy's own id
  // Among matching policies of one leave type the highest priority wins
  // (ties: the lowest policy id).
  std::int32_t priority = 0;
  // The rules of every version, each record tagged with its version's
  // effective date.
  std::vector<EligibilityCriterion> criteria;

  friend bool operator==(const PolicyEligibility&, const PolicyEligibility&) = default;
};

template <class V, class Self>
requires SameEntity<Self, PolicyEligibility>
void Describe(V& v, Self& e) {
  v.Field("id", e.id, Sensitivity::kDirectory);
  v.Field("priority", e.priority, Sensitivity::kDirectory);
  v.List("criteria", e.criteria, Sensitivity::kDirectory);
}

// Checks `eligibility` against its policy. Returns InvalidArgument naming the
// policy for: an id other than policy.id, a criteria record whose
// version_from is not the effective date of one of the policy's current
// versions, or a version whose rule does not rebuild (RuleFromCriteria).
absl::Status ValidatePolicyEligibility(const PolicyEligibility& eligibility, const LeavePolicy& policy);

// The candidates of every version of every policy, in policy order, versions
// in date order: {policy.id, policy.leave_type, [effective, next effective or
// OpenEnd()), the version's rule, the policy's priority}. Same-day versions
// count once (the day's last). `eligibility` may be empty or hold entries for
// some policies only.
// Returns InvalidArgument for an invalid policy or leave type id, a duplicate
// policy id, a duplicate or orphaned (no such policy) PolicyEligibility, or an
// entry failing ValidatePolicyEligibility.
absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies,
                                                                    std::span<const PolicyEligibility> eligibility);

// The same with no stored eligibility: every version applies to everyone.
absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_POLICY_CANDIDATES_HPP_
