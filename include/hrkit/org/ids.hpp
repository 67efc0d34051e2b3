// The ids of the org module's entities (PositionId and LocationId are in
// personnel/ids.hpp: an employment record names them).
//
// Thread safety: types only.
#ifndef HRKIT_ORG_IDS_HPP_
#define HRKIT_ORG_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// An org unit (org/org_unit.hpp).
struct OrgUnitTag {
  static constexpr const char* kPrefix = "org_unit";
};
using OrgUnitId = Id<OrgUnitTag>;

}  // namespace hrkit

#endif  // HRKIT_ORG_IDS_HPP_
