// LedgerEntitlements: the LeaveEntitlements (leave/leave_entitlements.hpp)
// that request submission asks, answered from the policy segments, the
// policies and the ledgers the accrual engine computed. The available balance
// is Balance(ledger, as_of); the negative limit is the policy version's.
//
// Thread safety: const methods may be called concurrently; SetLedger needs
// external synchronization.
#ifndef HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_
#define HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

class LedgerEntitlements final : public LeaveEntitlements {
 public:
  // Keeps copies of `policies` and `segments`. No ledger is set yet: a
  // balance without a ledger is 0.
  LedgerEntitlements(std::vector<LeavePolicy> policies, std::vector<PolicySegment> segments);

  // Sets the ledger of `employee` and `type` (e.g. from ComputeLedger),
  // replacing an earlier one.
  void SetLedger(EmployeeId employee, LeaveTypeId type, std::vector<LedgerEntry> entries);

  // True if a segment of `employee` and `type` covers `date` and its policy
  // has a version in force then. NotFound if the segment's policy is unknown.
  absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const override;

  // {Balance(ledger, as_of), the version's negative_limit (empty ->
  // infinity)}, or nullopt when that version keeps no balance.
  // FailedPrecondition naming employee, type and date when no policy applies
  // on `as_of`; NotFound if the segment's policy is unknown.
  absl::StatusOr<std::optional<LeaveAllowance>> Allowance(EmployeeId employee, LeaveTypeId type,
                                                          Date as_of) const override;

 private:
  // The version of the segment covering `date`, nullptr if none.
  absl::StatusOr<const LeavePolicyVersion*> VersionFor(EmployeeId employee, LeaveTypeId type, Date date) const;

  absl::flat_hash_map<LeavePolicyId, LeavePolicy> policies_;
  absl::flat_hash_map<EmployeeId, std::vector<PolicySegment>> segments_;
  absl::flat_hash_map<std::pair<std::int64_t, std::int64_t>, std::vector<LedgerEntry>> ledgers_;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_
