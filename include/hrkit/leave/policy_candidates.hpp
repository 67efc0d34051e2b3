// From stored leave policies to the rule-based candidates the policy resolver
// (leave/policy_assignment.hpp) weighs: one PolicyCandidate per policy
// version, valid from the version's effective date until the next version's.
//
// Who a policy applies to is part of each version (LeavePolicyVersion::
// eligibility; the empty rule selects everyone), and the policy's priority
// decides between matching policies of one leave type.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_POLICY_CANDIDATES_HPP_
#define HRKIT_LEAVE_POLICY_CANDIDATES_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The candidates of every version of every policy, in policy order, versions
// in date order: {policy.id, policy.leave_type, [effective, next effective or
// OpenEnd()), the version's eligibility rule, the policy's priority}.
// Same-day versions count once (the day's last).
// Returns InvalidArgument for an invalid policy or leave type id, a duplicate
// policy id, or a version whose rule fails ValidateEligibilityRule.
absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_POLICY_CANDIDATES_HPP_
