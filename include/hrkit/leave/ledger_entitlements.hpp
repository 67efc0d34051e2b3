// LedgerEntitlements: the LeaveEntitlements (leave/leave_entitlements.hpp)
// that the request checks ask, answered from the policy segments, the
// policies and each employee's ledger basis (employment, adjustments,
// range): the ledger with the leave a check charges is computed by
// ComputeLedger (leave/accrual.hpp), the engine behind every balance, and the
// negative limits are the policy versions' (NegativeLimitsOf).
//
// Thread safety: const methods may be called concurrently; SetBasis needs
// external synchronization.
#ifndef HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_
#define HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// What the ledger of one employee and leave type is computed from, besides
// the policies, the segments and the leave taken (AccrualFacts).
struct LedgerBasis {
  // The employee's employment history. Must outlive the LedgerEntitlements.
  const Timeline<EmploymentRecord>* employment = nullptr;
  std::vector<LedgerAdjustment> adjustments;
  // The range the ledger is computed over: from the first day of employment
  // with an opening balance of 0, or from a carry-over date with the balance
  // brought in. Its last day is the ledger's horizon; a check that needs to
  // look further extends it (LeaveEntitlements::LedgerWith `through`).
  Period range{Date(2000, 1, 1), Date(2000, 1, 1)};
  double opening_balance = 0.0;
};

// The LeaveEntitlements of the request checks, computed by the ledger
// engine (see the header comment).
class LedgerEntitlements final : public LeaveEntitlements {
 public:
  // Keeps copies of `policies` and `segments`. No basis is set yet.
  LedgerEntitlements(std::vector<LeavePolicy> policies, std::vector<PolicySegment> segments);

  // Sets the ledger basis of `employee` and `type`, replacing an earlier one.
  void SetBasis(EmployeeId employee, LeaveTypeId type, LedgerBasis basis);

  // True if a segment of `employee` and `type` covers `date` and its policy
  // has a version in force then. NotFound if the segment's policy is unknown.
  absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const override;

  // ComputeLedger over the basis's range, extended to end after `through`,
  // with `taken` as the leave taken; the limits of NegativeLimitsOf over the
  // employee's segments; horizon: the last day computed. nullopt when no
  // version of the policies of those segments keeps a balance.
  // FailedPrecondition naming employee and type when no basis is set; the
  // errors of ComputeLedger and NegativeLimitsOf.
  absl::StatusOr<std::optional<ProjectedLedger>> LedgerWith(EmployeeId employee, LeaveTypeId type,
                                                            std::span<const LeaveDay> taken,
                                                            Date through) const override;

 private:
  // The segments of `employee` and `type`.
  std::vector<PolicySegment> SegmentsOf(EmployeeId employee, LeaveTypeId type) const;
  // The version of the segment covering `date`, nullptr if none.
  absl::StatusOr<const LeavePolicyVersion*> VersionFor(EmployeeId employee, LeaveTypeId type, Date date) const;

  std::vector<LeavePolicy> policy_list_;
  absl::flat_hash_map<LeavePolicyId, LeavePolicy> policies_;
  absl::flat_hash_map<EmployeeId, std::vector<PolicySegment>> segments_;
  absl::flat_hash_map<std::pair<std::int64_t, std::int64_t>, LedgerBasis> bases_;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEDGER_ENTITLEMENTS_HPP_
