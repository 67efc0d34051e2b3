// The org module's stored entity types.
// Adding a stored entity type to this module: define it (with kEntityName, an
// id and a Describe), include its header here, append it to the list, and add
// a sample of it to the shared sample dataset (tests/support); every backend
// and the conformance suite then cover it.
//
// Thread safety: types only.
#ifndef HRKIT_ORG_ENTITIES_HPP_
#define HRKIT_ORG_ENTITIES_HPP_

#include "hrkit/core/entity_list.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"

namespace hrkit {

// The entity types the org module stores, in no significant order.
using OrgEntities = EntityTypeList<OrgUnit, Position, Location>;

}  // namespace hrkit

#endif  // HRKIT_ORG_ENTITIES_HPP_
