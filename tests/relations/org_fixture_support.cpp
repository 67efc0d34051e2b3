#include "org_fixture_support.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::relations_test {

Org MakeOrg(const std::vector<int>& parent, const std::vector<int>& people) {
  std::vector<Hire> hires;
  for (std::size_t u = 0; u < people.size(); ++u) {
    for (int k = 0; k < people[u]; ++k)
      hires.push_back({.unit = static_cast<int>(u), .location = 0, .hired = Date(2023, 1, 1)});
  }
  return MakeOrgOf(parent, hires);
}

Org MakeOrgOf(const std::vector<int>& parent, const std::vector<Hire>& hires) {
  const Date start(2010, 1, 1);
  Workforce w;
  std::int64_t locations = 1;
  for (const Hire& h : hires) locations = std::max(locations, h.location);
  for (std::int64_t l = 1; l <= locations; ++l) {
    EXPECT_OK(w.AddLocation(Location{LocationId(l), absl::StrCat("L", l), "DE", {}, {}}));
  }
  for (std::size_t u = 0; u < parent.size(); ++u) {
    const OrgUnitId id(static_cast<std::int64_t>(u + 1));
    const OrgUnitId up = parent[u] < 0 ? OrgUnitId() : OrgUnitId(parent[u] + 1);
    EXPECT_OK(
        w.CreateOrgUnit(id, absl::StrCat("U", u), {.name = absl::StrCat("Unit ", u), .parent = up}, start, start));
    EXPECT_OK(w.CreatePosition(PositionId(id.value()), {.org_unit = id, .fte_budget = 5000.0}, start, start));
  }
  std::int64_t next_employee = 1;
  for (const Hire& h : hires) {
    Employee e;
    e.id = EmployeeId(next_employee++);
    e.employee_number = ToString(e.id);
    EXPECT_OK(w.AddEmployee(e));
    HireEvent hire{.effective = h.hired, .position = PositionId(h.unit + 1)};
    if (h.location > 0) hire.location = LocationId(h.location);
    EXPECT_OK(w.ApplyEvent(e.id, hire, h.hired));
  }
  Org org;
  for (const Employee* e : w.Employees()) org.employees.push_back(*e);
  std::vector<OrgUnit> units;
  for (const OrgUnit* u : w.OrgUnits()) units.push_back(*u);
  std::vector<Position> positions;
  for (const Position* p : w.Positions()) positions.push_back(*p);
  auto lookup = OrgLookup::Build(units, positions);
  EXPECT_OK(lookup.status());
  if (lookup.ok()) org.lookup = *std::move(lookup);
  return org;
}

}  // namespace hrkit::relations_test
