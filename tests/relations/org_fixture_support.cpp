#include "org_fixture_support.hpp"

#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::relations_test {

Org MakeOrg(const std::vector<int>& parent, const std::vector<int>& people) {
  const Date start(2023, 1, 1);
  Workforce w;
  EXPECT_OK(w.AddLocation(Location{LocationId(1), "Berlin", "DE", {}, {}}));
  std::int64_t next_employee = 1;
  for (std::size_t u = 0; u < parent.size(); ++u) {
    const OrgUnitId id(static_cast<std::int64_t>(u + 1));
    const OrgUnitId up = parent[u] < 0 ? OrgUnitId() : OrgUnitId(parent[u] + 1);
    EXPECT_OK(
        w.CreateOrgUnit(id, absl::StrCat("U", u), {.name = absl::StrCat("Unit ", u), .parent = up}, start, start));
    EXPECT_OK(w.CreatePosition(PositionId(id.value()), {.org_unit = id, .fte_budget = 500.0}, start, start));
    for (int k = 0; k < people[u]; ++k) {
      Employee e;
      e.id = EmployeeId(next_employee++);
      e.employee_number = ToString(e.id);
      EXPECT_OK(w.AddEmployee(e));
      EXPECT_OK(w.ApplyEvent(e.id, HireEvent{.effective = start, .position = PositionId(id.value())}, start));
    }
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
