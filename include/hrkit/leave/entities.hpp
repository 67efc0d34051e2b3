// The leave module's stored entity types.
// Adding a stored entity type to this module: define it (with kEntityName, an
// id and a Describe), include its header here, append it to the list, and add
// a sample of it to the shared sample dataset (tests/support); every backend
// and the conformance suite then cover it.
//
// Thread safety: types only.
#ifndef HRKIT_LEAVE_ENTITIES_HPP_
#define HRKIT_LEAVE_ENTITIES_HPP_

#include "hrkit/core/entity_list.hpp"
#include "hrkit/leave/leave_adjustment.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/policy_assignment.hpp"

namespace hrkit {

// The entity types the leave module stores, in no significant order.
using LeaveEntities = EntityTypeList<LeaveType, LeavePolicy, PolicyAssignment, LeaveRequest, LeaveAdjustment>;

}  // namespace hrkit

#endif  // HRKIT_LEAVE_ENTITIES_HPP_
