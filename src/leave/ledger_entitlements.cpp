#include "hrkit/leave/ledger_entitlements.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

LedgerEntitlements::LedgerEntitlements(std::vector<LeavePolicy> policies, std::vector<PolicySegment> segments) {
  for (const LeavePolicy& p : policies) policies_.insert_or_assign(p.id, p);
  policy_list_ = std::move(policies);
  for (PolicySegment& s : segments) segments_[s.employee].push_back(s);
}

void LedgerEntitlements::SetBasis(EmployeeId employee, LeaveTypeId type, LedgerBasis basis) {
  bases_.insert_or_assign(std::make_pair(employee.value(), type.value()), std::move(basis));
}

std::vector<PolicySegment> LedgerEntitlements::SegmentsOf(EmployeeId employee, LeaveTypeId type) const {
  std::vector<PolicySegment> result;
  const auto it = segments_.find(employee);
  if (it == segments_.end()) return result;
  for (const PolicySegment& s : it->second) {
    if (s.leave_type == type) result.push_back(s);
  }
  return result;
}

absl::StatusOr<const LeavePolicyVersion*> LedgerEntitlements::VersionFor(EmployeeId employee, LeaveTypeId type,
                                                                         Date date) const {
  for (const PolicySegment& s : SegmentsOf(employee, type)) {
    if (!(s.period.begin() <= date && date < s.period.end())) continue;
    const auto policy = policies_.find(s.policy);
    if (policy == policies_.end()) {
      return absl::NotFoundError(absl::StrCat(ToString(employee), " ", ToString(type), ": ", ToString(s.policy),
                                              " of the segment from ", FormatIsoDate(s.period.begin()), " not found"));
    }
    return policy->second.versions.At(date);
  }
  return nullptr;
}

absl::StatusOr<bool> LedgerEntitlements::HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const {
  absl::StatusOr<const LeavePolicyVersion*> version = VersionFor(employee, type, date);
  if (!version.ok()) return version.status();
  return *version != nullptr;
}

absl::StatusOr<std::optional<ProjectedLedger>> LedgerEntitlements::LedgerWith(EmployeeId employee, LeaveTypeId type,
                                                                              std::span<const LeaveDay> taken,
                                                                              Date through) const {
  const std::vector<PolicySegment> segments = SegmentsOf(employee, type);
  HRKIT_ASSIGN_OR_RETURN(std::vector<NegativeLimitFrom> limits, NegativeLimitsOf(segments, policy_list_));
  bool keeps_balance = false;
  for (const PolicySegment& s : segments) {
    for (const auto& v : policies_.at(s.policy).versions.Entries()) keeps_balance |= v.value.keeps_balance;
  }
  if (!keeps_balance) return std::optional<ProjectedLedger>();
  const auto basis = bases_.find(std::make_pair(employee.value(), type.value()));
  if (basis == bases_.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(employee), " ", ToString(type), ": no ledger basis set to check the balance against"));
  }
  const LedgerBasis& b = basis->second;
  const Date end = std::max(b.range.end(), through + boost::gregorian::days(1));
  const AccrualFacts facts{employee,     type,  b.employment,  segments,
                           policy_list_, taken, b.adjustments, b.opening_balance};
  HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, ComputeLedger(facts, Period(b.range.begin(), end)));
  return std::optional<ProjectedLedger>(
      ProjectedLedger{std::move(entries), std::move(limits), end - boost::gregorian::days(1)});
}

}  // namespace hrkit
