// The ids of the leave module's entities.
//
// Thread safety: types only.
#ifndef HRKIT_LEAVE_IDS_HPP_
#define HRKIT_LEAVE_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// A leave type (leave/leave_type.hpp).
struct LeaveTypeTag {
  static constexpr const char* kPrefix = "leave_type";
};
using LeaveTypeId = Id<LeaveTypeTag>;

// A leave policy (leave/leave_policy.hpp).
struct LeavePolicyTag {
  static constexpr const char* kPrefix = "leave_policy";
};
using LeavePolicyId = Id<LeavePolicyTag>;

// A leave request (leave/leave_request.hpp).
struct LeaveRequestTag {
  static constexpr const char* kPrefix = "leave_request";
};
using LeaveRequestId = Id<LeaveRequestTag>;

// An explicit policy assignment (leave/policy_assignment.hpp).
struct PolicyAssignmentTag {
  static constexpr const char* kPrefix = "policy_assignment";
};
using PolicyAssignmentId = Id<PolicyAssignmentTag>;

// A manual leave adjustment (leave/leave_adjustment.hpp).
struct LeaveAdjustmentTag {
  static constexpr const char* kPrefix = "leave_adjustment";
};
using LeaveAdjustmentId = Id<LeaveAdjustmentTag>;

}  // namespace hrkit

#endif  // HRKIT_LEAVE_IDS_HPP_
