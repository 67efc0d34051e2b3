// The `// Example:` blocks of the org and core headers, compiled and run as
// written (with the values they leave open filled in), so they cannot rot.
#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/core/dense_index.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

const Date d(2025, 1, 1);

// workforce.hpp: CreateOrgUnit, NextPositionId + CreatePosition, ApplyEvent.
absl::Status WorkforceExamples(Workforce& w) {
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, d, d));
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(2), "FIN", {.name = "Finance", .parent = OrgUnitId(1)}, d, d));
  const PositionRecord record{.org_unit = OrgUnitId(2), .title = "Analyst"};
  const PositionId seat = w.NextPositionId();
  HRKIT_RETURN_IF_ERROR(w.CreatePosition(seat, record, d, d));
  Employee person;
  person.id = EmployeeId(7);
  person.employee_number = "E7";
  HRKIT_RETURN_IF_ERROR(w.AddEmployee(person));
  const Date start = d;
  const Date today = d;
  HireEvent hire{.effective = start, .position = seat, .fte = 0.5};
  HRKIT_RETURN_IF_ERROR(w.ApplyEvent(EmployeeId(7), hire, today));
  return absl::OkStatus();
}

// snapshot.hpp: Build from a Workforce, then RollUp.
absl::StatusOr<UnitRollup> SnapshotExample(const Workforce& workforce) {
  HRKIT_ASSIGN_OR_RETURN(OrgSnapshot s, OrgSnapshot::Build(workforce, Date(2025, 1, 1)));
  HRKIT_ASSIGN_OR_RETURN(UnitRollup hq, s.RollUp(OrgUnitId(1)));
  return hq;
}

TEST(HeaderExamples, WorkforceAndSnapshot) {
  Workforce w;
  ASSERT_OK(WorkforceExamples(w));
  EXPECT_EQ(w.NextPositionId(), PositionId(2));
  ASSERT_OK_AND_ASSIGN(const UnitRollup hq, SnapshotExample(w));
  EXPECT_EQ(hq.subtree_headcount, 1);  // the half-time analyst in Finance, below HQ
  EXPECT_DOUBLE_EQ(hq.subtree_fte, 0.5);
}

TEST(HeaderExamples, DenseIdIndex) {
  const std::vector<Employee> employees = [] {
    std::vector<Employee> v(3);
    v[0].id = EmployeeId(42);
    v[1].id = EmployeeId(7);
    v[2].id = EmployeeId(42);  // a duplicate
    return v;
  }();
  const std::int64_t max_id = 42;
  int duplicates = 0;
  DenseIdIndex<EmployeeId> index;
  index.Reset(/*max_id=*/max_id, /*count=*/employees.size());
  for (std::size_t i = 0; i < employees.size(); ++i) {
    if (!index.Insert(employees[i].id, static_cast<std::int32_t>(i))) ++duplicates;
  }
  std::int32_t i = index.Find(EmployeeId(42));  // kNone if absent
  EXPECT_EQ(i, 0);
  EXPECT_EQ(duplicates, 1);
  EXPECT_EQ(index.Find(EmployeeId(8)), DenseIdIndex<EmployeeId>::kNone);
  EXPECT_EQ(index.size(), 2u);
}

}  // namespace
}  // namespace hrkit
