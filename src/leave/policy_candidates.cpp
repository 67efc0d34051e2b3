#include "hrkit/leave/policy_candidates.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

std::vector<Date> VersionDates(const LeavePolicy& policy) {
  std::vector<Date> dates;
  for (const auto& segment : policy.versions.Segments()) dates.push_back(segment.period.begin());
  return dates;
}

}  // namespace

absl::Status ValidatePolicyEligibility(const PolicyEligibility& eligibility, const LeavePolicy& policy) {
  if (eligibility.id != policy.id) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy_eligibility ", ToString(eligibility.id), ": does not belong to ", ToString(policy.id)));
  }
  const std::vector<Date> dates = VersionDates(policy);
  for (std::size_t i = 0; i < eligibility.criteria.size(); ++i) {
    const Date from = eligibility.criteria[i].version_from;
    if (std::find(dates.begin(), dates.end(), from) == dates.end()) {
      return absl::InvalidArgumentError(absl::StrCat("policy_eligibility of ", ToString(policy.id), ": criterion #", i,
                                                     " names version ", FormatIsoDate(from),
                                                     ", which the policy does not have"));
    }
  }
  for (Date from : dates) {
    absl::StatusOr<EligibilityRule> rule = RuleFromCriteria(eligibility.criteria, from);
    if (!rule.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("policy_eligibility of ", ToString(policy.id), ": ", rule.status().message()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies,
                                                                    std::span<const PolicyEligibility> eligibility) {
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
    absl::flat_hash_map<LeavePolicyId, const PolicyEligibility*> by_policy;
    for (const PolicyEligibility& e : eligibility) {
      if (!policy_ids.contains(e.id)) {
        return absl::InvalidArgumentError(
            absl::StrCat("policy_eligibility ", ToString(e.id), ": no such policy among the policies given"));
      }
      if (!by_policy.emplace(e.id, &e).second) {
        return absl::InvalidArgumentError(absl::StrCat("policy_eligibility ", ToString(e.id), ": duplicate"));
      }
    }
    std::vector<PolicyCandidate> candidates;
    for (const LeavePolicy& policy : policies) {
      const PolicyEligibility* e = nullptr;
      if (auto it = by_policy.find(policy.id); it != by_policy.end()) {
        e = it->second;
        HRKIT_RETURN_IF_ERROR(ValidatePolicyEligibility(*e, policy));
      }
      for (const auto& segment : policy.versions.Segments()) {
        PolicyCandidate c;
        c.policy = policy.id;
        c.leave_type = policy.leave_type;
        c.validity = segment.period;
        if (e != nullptr) {
          c.priority = e->priority;
          HRKIT_ASSIGN_OR_RETURN(c.rule, RuleFromCriteria(e->criteria, segment.period.begin()));
        }
        candidates.push_back(std::move(c));
      }
    }
    return candidates;
  });
}

absl::StatusOr<std::vector<PolicyCandidate>> CandidatesFromPolicies(std::span<const LeavePolicy> policies) {
  return CandidatesFromPolicies(policies, std::span<const PolicyEligibility>());
}

}  // namespace hrkit
