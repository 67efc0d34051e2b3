// Leave types: the kinds of leave an organization grants (annual leave, sick
// leave, unpaid leave...), whether they are paid and the unit their balances
// and requests are counted in. Policies (leave/leave_policy.hpp) say how much
// of a type an employee earns.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_LEAVE_TYPE_HPP_
#define HRKIT_LEAVE_LEAVE_TYPE_HPP_

#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/leave/ids.hpp"

namespace hrkit {

// The unit a leave type's balances, accruals and requests are counted in.
enum class LeaveUnit {
  kDays = 0,   // working days (1.0, or 0.5 for a half day)
  kHours = 1,  // hours of the work schedule
};

// The names of LeaveUnit values (core/enum_names.hpp).
inline constexpr EnumName<LeaveUnit> kLeaveUnitNames[] = {{LeaveUnit::kDays, "days"}, {LeaveUnit::kHours, "hours"}};
constexpr std::span<const EnumName<LeaveUnit>> EnumNamesOf(LeaveUnit) { return kLeaveUnitNames; }

// A kind of leave.
struct LeaveType {
  static constexpr std::string_view kEntityName = "leave_type";

  LeaveTypeId id;                     // the type's id
  std::string name;                   // e.g. "Annual leave"
  bool paid = true;                   // whether the time off is paid
  LeaveUnit unit = LeaveUnit::kDays;  // what balances and requests count in

  friend bool operator==(const LeaveType&, const LeaveType&) = default;
};

// Field description of LeaveType (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, LeaveType>
void Describe(V& v, Self& t) {
  v.Field("id", t.id, Sensitivity::kDirectory);
  v.Field("name", t.name, Sensitivity::kDirectory);
  v.Field("paid", t.paid, Sensitivity::kDirectory);
  v.Field("unit", t.unit, Sensitivity::kDirectory);
}

// Checks a leave type. Returns InvalidArgument naming the type and the field
// ("leave_type:3: name must not be empty") for an invalid id, an empty name or
// a unit that is not a LeaveUnit enumerator.
absl::Status ValidateLeaveType(const LeaveType& type);

// The domain validator the store runs on every write (found by ADL): the
// same as ValidateLeaveType.
inline absl::Status ValidateStoredEntity(const LeaveType& type) { return ValidateLeaveType(type); }

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_TYPE_HPP_
