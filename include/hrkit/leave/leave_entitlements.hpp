// LeaveEntitlements: what request submission needs to know from the leave
// policies and the ledger, as a small interface, so requests do not depend on
// how policies and balances are computed. The accrual/ledger side implements
// it (or wraps two functions in FunctionLeaveEntitlements).
//
// Thread safety: an implementation decides; SubmitLeaveRequest only calls the
// const methods, from the calling thread.
#ifndef HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_
#define HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_

#include <functional>
#include <limits>
#include <optional>
#include <utility>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The balance a request may draw on, in the leave type's unit (days or hours).
struct LeaveAllowance {
  // The balance as of the asked date, from the ledger: accruals, carry-over,
  // expiries and adjustments, minus the "taken" entries of approved requests.
  // Do NOT subtract requests that are only submitted: the submission check
  // subtracts the employee's other submitted requests of the type itself.
  double available = 0.0;
  // How far below zero the balance may go (>= 0): 0 = no negative balance,
  // 5 = down to -5, kUnlimitedNegative (infinity) = no limit.
  double negative_limit = 0.0;

  friend bool operator==(const LeaveAllowance&, const LeaveAllowance&) = default;
};

// LeaveAllowance::negative_limit of a policy without a limit (its
// negative_limit empty).
inline constexpr double kUnlimitedNegative = std::numeric_limits<double>::infinity();

// Answers the two questions about policies that submission asks.
class LeaveEntitlements {
 public:
  virtual ~LeaveEntitlements() = default;

  // True if a leave policy for `type` applies to `employee` on `date` (the
  // employee is eligible and a policy version is in force). Asked for every
  // day that carries leave in the request. An error is passed on unchanged.
  virtual absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const = 0;

  // The allowance of `employee` for `type` as of `as_of` (the request's first
  // day), or nullopt when the type keeps no balance (e.g. unpaid leave): no
  // balance check then. An error is passed on unchanged.
  virtual absl::StatusOr<std::optional<LeaveAllowance>> Allowance(EmployeeId employee, LeaveTypeId type,
                                                                  Date as_of) const = 0;
};

// A LeaveEntitlements made of two functions; an empty function means "every
// day has a policy" / "no balance is kept". (LedgerEntitlements in
// leave/ledger_entitlements.hpp is the ready-made one over computed ledgers.)
//
// Example: one employee under one policy, whose ledger is computed:
//   FunctionLeaveEntitlements entitlements(
//       [&](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<bool> { return VersionAt(policy, d) != nullptr; },
//       [&](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<std::optional<LeaveAllowance>> {
//         const LeavePolicyVersion* v = VersionAt(policy, d);
//         if (v == nullptr || !v->keeps_balance) return std::optional<LeaveAllowance>();
//         return LeaveAllowance{Balance(ledger, d), v->negative_limit.value_or(kUnlimitedNegative)};
//       });
class FunctionLeaveEntitlements final : public LeaveEntitlements {
 public:
  using HasPolicyFn = std::function<absl::StatusOr<bool>(EmployeeId, LeaveTypeId, Date)>;
  using AllowanceFn = std::function<absl::StatusOr<std::optional<LeaveAllowance>>(EmployeeId, LeaveTypeId, Date)>;

  FunctionLeaveEntitlements(HasPolicyFn has_policy, AllowanceFn allowance)
      : has_policy_(std::move(has_policy)), allowance_(std::move(allowance)) {}

  absl::StatusOr<bool> HasPolicy(EmployeeId employee, LeaveTypeId type, Date date) const override {
    if (!has_policy_) return true;
    return has_policy_(employee, type, date);
  }
  absl::StatusOr<std::optional<LeaveAllowance>> Allowance(EmployeeId employee, LeaveTypeId type,
                                                          Date as_of) const override {
    if (!allowance_) return std::optional<LeaveAllowance>();
    return allowance_(employee, type, as_of);
  }

 private:
  HasPolicyFn has_policy_;
  AllowanceFn allowance_;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_ENTITLEMENTS_HPP_
