// A small organization for the relations tests, built through the Workforce:
// units with a parent each (index 0 is the root), one seat per unit, and
// `people[u]` employees in unit u's seat, hired on 2023-01-01. Unit u has id
// u + 1, seat u has id u + 1; employees are numbered unit by unit from 1.
#ifndef HRKIT_TESTS_RELATIONS_ORG_FIXTURE_SUPPORT_HPP_
#define HRKIT_TESTS_RELATIONS_ORG_FIXTURE_SUPPORT_HPP_

#include <cstdint>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"

namespace hrkit::relations_test {

// The employees and the as-of org lookup of the organization.
struct Org {
  std::vector<Employee> employees;
  OrgLookup lookup;
};

// Builds the organization; a failed step is a test failure.
Org MakeOrg(const std::vector<int>& parent, const std::vector<int>& people);

// One employee of MakeOrgOf: the unit index of their seat, their location
// id (0 = not recorded; locations 1, 2, ... exist) and their hire date
// (their service start, so it sets their tenure band).
struct Hire {
  int unit = 0;
  std::int64_t location = 0;
  Date hired{};
};

// The same organization with employees as listed (numbered from 1 in list
// order) instead of `people` per unit.
Org MakeOrgOf(const std::vector<int>& parent, const std::vector<Hire>& hires);

}  // namespace hrkit::relations_test

#endif  // HRKIT_TESTS_RELATIONS_ORG_FIXTURE_SUPPORT_HPP_
