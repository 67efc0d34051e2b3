// Leave adjustments: the changes to a leave balance that HR enters by hand,
// kept as stored entities so the ledger can always be recomputed from them.
// Three uses, one shape:
// - a correction (either sign): "+1.5 days, compensation for the
//   weekend shift", "-2 days, leave taken before the system was in use";
// - an opening balance brought over from a previous system: a correction
//   dated on the first day the ledger is computed from;
// - an encashment: days paid out instead of taken (amount < 0, a
//   kEncashment ledger entry, so a payroll export can find it).
//
// The ledger takes them through AdjustmentsOf (one employee and leave type,
// AccrualFacts::adjustments) or PopulationAdjustments (a population run,
// AccrualPopulation::adjustments); each ledger entry's `ref` is the
// adjustment's id, so a statement line points back to it.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_LEAVE_ADJUSTMENT_HPP_
#define HRKIT_LEAVE_LEAVE_ADJUSTMENT_HPP_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A manual change to one employee's balance of one leave type.
struct LeaveAdjustment {
  static constexpr std::string_view kEntityName = "leave_adjustment";

  LeaveAdjustmentId id;     // the adjustment's id
  EmployeeId employee;      // whose balance
  LeaveTypeId leave_type;   // of which leave type
  Date effective;           // the ledger date: counts in the balance from this day on
  double amount = 0.0;      // in the leave type's unit; signed (an encashment < 0)
  bool encashment = false;  // days paid out instead of taken
  Date recorded_on;         // when it was entered
  std::string reason;       // why, in the words of whoever entered it

  friend bool operator==(const LeaveAdjustment&, const LeaveAdjustment&) = default;
};

// Field description: all scalar. The reason may mention health or a
// dispute: Sensitivity::kHealth, like a leave request's reason.
template <class V, class Self>
requires SameEntity<Self, LeaveAdjustment>
void Describe(V& v, Self& a) {
  v.Field("id", a.id, Sensitivity::kPersonal);
  v.Field("employee", a.employee, Sensitivity::kPersonal);
  v.Field("leave_type", a.leave_type, Sensitivity::kPersonal);
  v.Field("effective", a.effective, Sensitivity::kPersonal);
  v.Field("amount", a.amount, Sensitivity::kPersonal);
  v.Field("encashment", a.encashment, Sensitivity::kPersonal);
  v.Field("recorded_on", a.recorded_on, Sensitivity::kPersonal);
  v.Field("reason", a.reason, Sensitivity::kHealth);
}

// Checks an adjustment. Returns InvalidArgument naming it
// ("leave_adjustment:4 (employee:7)") and the field when: the id, employee
// or leave type is not valid; `effective` or `recorded_on` is not a real
// date; `amount` is not finite or is 0 (an adjustment that changes nothing
// is a mistake); an encashment's amount is positive (paying days out takes
// them from the balance).
absl::Status ValidateLeaveAdjustment(const LeaveAdjustment& adjustment);

// The domain validator the store runs on every write (found by ADL): the
// same as ValidateLeaveAdjustment.
inline absl::Status ValidateStoredEntity(const LeaveAdjustment& adjustment) {
  return ValidateLeaveAdjustment(adjustment);
}

// The adjustments of `employee` and `leave_type` among `adjustments` (any
// mix), as the ledger takes them, ordered by date then id; each ref is the
// adjustment's id. Returns the first ValidateLeaveAdjustment error among
// those selected.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerAdjustment> manual,
//                          AdjustmentsOf(stored, employee.id, annual.id));
//   facts.adjustments = manual;
absl::StatusOr<std::vector<LedgerAdjustment>> AdjustmentsOf(std::span<const LeaveAdjustment> adjustments,
                                                            EmployeeId employee, LeaveTypeId leave_type);

// Every adjustment of `adjustments` for a population run, ordered by
// employee, leave type, date and id (the order RunAccrual reads fastest).
// Returns the first ValidateLeaveAdjustment error.
absl::StatusOr<std::vector<EmployeeAdjustment>> PopulationAdjustments(std::span<const LeaveAdjustment> adjustments);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_ADJUSTMENT_HPP_
