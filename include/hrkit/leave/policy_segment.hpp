// PolicySegment: the bridge between eligibility (which policy applies to an
// employee, when) and the accrual engine (what that policy credits). The
// eligibility resolver produces segments; the accrual engine consumes them.
//
// Thread safety: a plain value type.
#ifndef HRKIT_LEAVE_POLICY_SEGMENT_HPP_
#define HRKIT_LEAVE_POLICY_SEGMENT_HPP_

#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// One leave policy applying to one employee for one leave type during
// `period` (half-open). For one employee and leave type, segments do not
// overlap; a mid-year change of policy, or of the facts that select it, ends
// one segment and starts the next on the day of the change.
struct PolicySegment {
  EmployeeId employee;     // whose segment
  LeaveTypeId leave_type;  // of which leave type
  LeavePolicyId policy;    // the policy that applies
  // Empty (a null period) until set.
  Period period{Date(2000, 1, 1), Date(2000, 1, 1)};

  friend bool operator==(const PolicySegment&, const PolicySegment&) = default;
};

}  // namespace hrkit

#endif  // HRKIT_LEAVE_POLICY_SEGMENT_HPP_
