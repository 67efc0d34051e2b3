#include "hrkit/leave/leave_adjustment.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const LeaveAdjustment& a, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToString(a.id), " (", ToString(a.employee), "): ", ToAbsl(field), " ", ToAbsl(problem)));
}

// Date, then id: the order of adjustments within one ledger.
bool EarlierEntered(const LeaveAdjustment* a, const LeaveAdjustment* b) {
  return std::tie(a->effective, a->id) < std::tie(b->effective, b->id);
}

LedgerAdjustment ToLedger(const LeaveAdjustment& a) {
  return LedgerAdjustment{a.effective, a.amount, a.encashment, a.id.value()};
}

}  // namespace

absl::Status ValidateLeaveAdjustment(const LeaveAdjustment& a) {
  if (!a.id.valid()) return Invalid(a, "id", "must be positive");
  if (!a.employee.valid()) return Invalid(a, "employee", "must be a valid id");
  if (!a.leave_type.valid()) return Invalid(a, "leave_type", "must be a valid id");
  if (!IsRealDate(a.effective)) return Invalid(a, "effective", "must be a real date");
  if (!IsRealDate(a.recorded_on)) return Invalid(a, "recorded_on", "must be a real date");
  if (!std::isfinite(a.amount)) return Invalid(a, "amount", "must be a finite number");
  if (a.amount == 0.0) return Invalid(a, "amount", "is 0: the adjustment would change nothing");
  if (a.encashment && a.amount > 0.0) {
    return Invalid(a, "amount", absl::StrCat("is +", a.amount, ": an encashment pays days out, so it is negative"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<LedgerAdjustment>> AdjustmentsOf(std::span<const LeaveAdjustment> adjustments,
                                                            EmployeeId employee, LeaveTypeId leave_type) {
  std::vector<const LeaveAdjustment*> selected;
  for (const LeaveAdjustment& a : adjustments) {
    if (a.employee != employee || a.leave_type != leave_type) continue;
    HRKIT_RETURN_IF_ERROR(ValidateLeaveAdjustment(a));
    selected.push_back(&a);
  }
  std::sort(selected.begin(), selected.end(), EarlierEntered);
  std::vector<LedgerAdjustment> ledger;
  ledger.reserve(selected.size());
  for (const LeaveAdjustment* a : selected) ledger.push_back(ToLedger(*a));
  return ledger;
}

absl::StatusOr<std::vector<EmployeeAdjustment>> PopulationAdjustments(std::span<const LeaveAdjustment> adjustments) {
  std::vector<const LeaveAdjustment*> all;
  all.reserve(adjustments.size());
  for (const LeaveAdjustment& a : adjustments) {
    HRKIT_RETURN_IF_ERROR(ValidateLeaveAdjustment(a));
    all.push_back(&a);
  }
  std::sort(all.begin(), all.end(), [](const LeaveAdjustment* a, const LeaveAdjustment* b) {
    return std::tie(a->employee, a->leave_type, a->effective, a->id) <
           std::tie(b->employee, b->leave_type, b->effective, b->id);
  });
  std::vector<EmployeeAdjustment> population;
  population.reserve(all.size());
  for (const LeaveAdjustment* a : all)
    population.push_back(EmployeeAdjustment{a->employee, a->leave_type, ToLedger(*a)});
  return population;
}

}  // namespace hrkit
