// The ids personnel names: its own employees, and the seat and site an
// employment record refers to (positions and locations are org entities, but
// personnel sits below org, so their ids are declared here).
//
// Thread safety: types only.
#ifndef HRKIT_PERSONNEL_IDS_HPP_
#define HRKIT_PERSONNEL_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// An employee (personnel/employee.hpp).
struct EmployeeTag {
  static constexpr const char* kPrefix = "employee";
};
using EmployeeId = Id<EmployeeTag>;

// A position, a seat in an org unit (org/position.hpp).
struct PositionTag {
  static constexpr const char* kPrefix = "position";
};
using PositionId = Id<PositionTag>;

// A work location (org/location.hpp).
struct LocationTag {
  static constexpr const char* kPrefix = "location";
};
using LocationId = Id<LocationTag>;

}  // namespace hrkit

#endif  // HRKIT_PERSONNEL_IDS_HPP_
