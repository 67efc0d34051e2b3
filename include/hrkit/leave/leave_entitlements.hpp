// LeaveEntitlements: what request submission and approval need to know from
// the leave policies and the ledger, as a small interface, so requests do not
// depend on how policies and balances are computed. The accrual/ledger side
// implements it (LedgerEntitlements in leave/ledger_entitlements.hpp), or a
// caller wraps two functions in FunctionLeaveEntitlements.
//
// Thread safety: an implementation decides; the request checks only call the
// const methods, from the calling thread.
#ifndef HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_
#define HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_

#include <functional>
#include <optional>
#include <span>
#include <utility>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_day.hpp"
#include "hrkit/leave/negative_limit.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Answers the two questions about policies and balances the request checks
// ask.
class LeaveEntitlements {
 public:
  virtual ~LeaveEntitlements() = default;

  // True if a leave policy for `type` applies to `employee` on `date` (the
  // employee is eligible and a policy version is in force). Asked for every
  // day that carries leave in the request. An error is passed on unchanged.
  virtual absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const = 0;

  // The ledger of `employee` and `type` as it would be with exactly `taken`
  // charged as leave taken (the days of the requests the check counts as
  // approved; in date order), computed by the engine that computes every
  // balance (ComputeLedger, leave/accrual.hpp) through at least `through`
  // (ProjectedLedger::horizon >= through; it may reach further), with the
  // negative limits in force over it. nullopt when the type keeps no balance
  // at all: no balance check then. An error is passed on unchanged.
  virtual absl::StatusOr<std::optional<ProjectedLedger>> LedgerWith(EmployeeId employee, LeaveTypeId type,
                                                                    std::span<const LeaveDay> taken,
                                                                    Date through) const = 0;
};

// A LeaveEntitlements made of two functions; an empty function means "every
// day has a policy" / "no balance is kept".
//
// Example: one employee under one policy, her ledger computed on demand:
//   FunctionLeaveEntitlements entitlements(
//       [&](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<bool> { return VersionAt(policy, d) != nullptr; },
//       [&](EmployeeId e, LeaveTypeId t, std::span<const LeaveDay> taken,
//           Date through) -> absl::StatusOr<std::optional<ProjectedLedger>> {
//         const AccrualFacts facts{e, t, &employment, segments, policies, taken, {}, 0.0};
//         HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries,
//                                ComputeLedger(facts, Period(hired, through + boost::gregorian::days(1))));
//         HRKIT_ASSIGN_OR_RETURN(std::vector<NegativeLimitFrom> limits, NegativeLimitsOf(segments, policies));
//         return ProjectedLedger{std::move(entries), std::move(limits), through};
//       });
class FunctionLeaveEntitlements final : public LeaveEntitlements {
 public:
  // Answers HasPolicy.
  using HasPolicyFn = std::function<absl::StatusOr<bool>(EmployeeId, LeaveTypeId, Date)>;
  // Answers LedgerWith.
  using LedgerFn = std::function<absl::StatusOr<std::optional<ProjectedLedger>>(EmployeeId, LeaveTypeId,
                                                                                std::span<const LeaveDay>, Date)>;

  // Entitlements that call `has_policy` and `ledger`.
  FunctionLeaveEntitlements(HasPolicyFn has_policy, LedgerFn ledger)
      : has_policy_(std::move(has_policy)), ledger_(std::move(ledger)) {}

  absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const override {
    if (!has_policy_) return true;
    return has_policy_(employee, type, date);
  }
  absl::StatusOr<std::optional<ProjectedLedger>> LedgerWith(EmployeeId employee, LeaveTypeId type,
                                                            std::span<const LeaveDay> taken,
                                                            Date through) const override {
    if (!ledger_) return std::optional<ProjectedLedger>();
    return ledger_(employee, type, taken, through);
  }

 private:
  HasPolicyFn has_policy_;
  LedgerFn ledger_;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_
