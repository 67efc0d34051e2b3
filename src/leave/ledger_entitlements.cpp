#include "hrkit/leave/ledger_entitlements.hpp"

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"

namespace hrkit {

LedgerEntitlements::LedgerEntitlements(std::vector<LeavePolicy> policies, std::vector<PolicySegment> segments) {
  for (LeavePolicy& p : policies) {
    const LeavePolicyId id = p.id;
    policies_.insert_or_assign(id, std::move(p));
  }
  for (PolicySegment& s : segments) segments_[s.employee].push_back(s);
}

void LedgerEntitlements::SetLedger(EmployeeId employee, LeaveTypeId type, std::vector<LedgerEntry> entries) {
  ledgers_.insert_or_assign(std::make_pair(employee.value(), type.value()), std::move(entries));
}

absl::StatusOr<const LeavePolicyVersion*> LedgerEntitlements::VersionFor(EmployeeId employee, LeaveTypeId type,
                                                                         Date date) const {
  const auto it = segments_.find(employee);
  if (it == segments_.end()) return nullptr;
  for (const PolicySegment& s : it->second) {
    if (s.leave_type != type || !(s.period.begin() <= date && date < s.period.end())) continue;
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

absl::StatusOr<std::optional<LeaveAllowance>> LedgerEntitlements::Allowance(EmployeeId employee, LeaveTypeId type,
                                                                            Date as_of) const {
  absl::StatusOr<const LeavePolicyVersion*> version = VersionFor(employee, type, as_of);
  if (!version.ok()) return version.status();
  if (*version == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("no leave policy of ", ToString(type), " applies to ",
                                                      ToString(employee), " on ", FormatIsoDate(as_of)));
  }
  const LeavePolicyVersion& v = **version;
  if (!v.keeps_balance) return std::optional<LeaveAllowance>();
  LeaveAllowance allowance;
  const auto ledger = ledgers_.find(std::make_pair(employee.value(), type.value()));
  if (ledger != ledgers_.end()) allowance.available = Balance(ledger->second, as_of);
  allowance.negative_limit = v.negative_limit.value_or(std::numeric_limits<double>::infinity());
  return std::optional<LeaveAllowance>(allowance);
}

}  // namespace hrkit
