// The relations module's stored entity types.
// Adding a stored entity type to this module: define it (with kEntityName, an
// id and a Describe), include its header here, append it to the list, and add
// a sample of it to the shared sample dataset (tests/support); every backend
// and the conformance suite then cover it.
//
// Thread safety: types only.
#ifndef HRKIT_RELATIONS_ENTITIES_HPP_
#define HRKIT_RELATIONS_ENTITIES_HPP_

#include "hrkit/core/entity_list.hpp"
#include "hrkit/relations/check_in.hpp"
#include "hrkit/relations/conflict_case.hpp"
#include "hrkit/relations/recognition.hpp"
#include "hrkit/relations/survey.hpp"

namespace hrkit {

// The entity types the relations module stores, in no significant order.
using RelationsEntities = EntityTypeList<Survey, SurveyInvitation, SurveyResponse, CheckIn, Recognition, ConflictCase>;

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_ENTITIES_HPP_
