// Workforce <-> Dataset, and the round trip through a store opened by URI
// without any registration call.
#include "hrkit/storage/workforce_dataset.hpp"

#include <memory>

#include "gtest/gtest.h"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

const Date kStart(2024, 1, 1);

// One unit, two seats, two people.
Workforce SmallWorkforce() {
  Workforce w;
  EXPECT_OK(w.AddLocation(Location{w.NextLocationId(), "Berlin", "DE", {}, {}}));
  const OrgUnitId hq = w.NextOrgUnitId();
  EXPECT_OK(w.CreateOrgUnit(hq, "HQ", OrgUnitRecord{.name = "Head office"}, kStart, kStart));
  const PositionId ceo = w.NextPositionId();
  EXPECT_OK(w.CreatePosition(ceo, PositionRecord{.org_unit = hq, .title = "CEO", .fte_budget = 1.0}, kStart, kStart));
  const PositionId analyst = w.NextPositionId();
  EXPECT_OK(w.CreatePosition(analyst,
                             PositionRecord{.org_unit = hq, .title = "Analyst", .fte_budget = 1.0, .reports_to = ceo},
                             kStart, kStart));
  for (const PositionId seat : {ceo, analyst}) {
    Employee e;
    e.id = w.NextEmployeeId();
    e.employee_number = ToString(e.id);
    EXPECT_OK(w.AddEmployee(e));
    EXPECT_OK(w.ApplyEvent(e.id, HireEvent{.effective = kStart, .position = seat, .location = LocationId(1)}, kStart));
  }
  return w;
}

TEST(WorkforceDataset, RoundTripKeepsEveryEntityAndTheOtherTypes) {
  const Workforce w = SmallWorkforce();
  Dataset data;
  data.Of<LeaveType>().push_back(LeaveType{LeaveTypeId(1), "Annual", true, LeaveUnit::kDays});
  PutWorkforce(w, &data);
  EXPECT_EQ(data.Of<Location>().size(), 1u);
  EXPECT_EQ(data.Of<OrgUnit>().size(), 1u);
  EXPECT_EQ(data.Of<Position>().size(), 2u);
  ASSERT_EQ(data.Of<Employee>().size(), 2u);
  EXPECT_EQ(data.Of<Employee>()[1], *w.FindEmployee(EmployeeId(2)));
  EXPECT_EQ(data.Of<LeaveType>().size(), 1u);  // kept
  ASSERT_OK_AND_ASSIGN(const Workforce back, WorkforceFromDataset(data));
  EXPECT_EQ(back.employee_count(), 2u);
  EXPECT_EQ(*back.FindPosition(PositionId(2)), *w.FindPosition(PositionId(2)));
  EXPECT_EQ(back.NextEmployeeId(), EmployeeId(3));
}

TEST(WorkforceDataset, ABrokenReferenceIsNotFound) {
  Dataset data;
  PutWorkforce(SmallWorkforce(), &data);
  data.Of<OrgUnit>().clear();  // the positions' unit is gone
  EXPECT_STATUS_CODE(WorkforceFromDataset(data).status(), absl::StatusCode::kNotFound);
}

TEST(WorkforceDataset, ThroughAStoreOpenedByUriAlone) {
  // No Register*Backend call: the archive backend is built in.
  const std::string path = ::testing::TempDir() + "/workforce_dataset_test.hrk";
  std::remove(path.c_str());
  Dataset data;
  PutWorkforce(SmallWorkforce(), &data);
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenStore("archive:" + path));
    ASSERT_OK(store->SaveAll(data));
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenStore("archive:" + path));
  ASSERT_OK_AND_ASSIGN(const Dataset loaded, store->LoadAll());
  ASSERT_OK_AND_ASSIGN(const Workforce w, WorkforceFromDataset(loaded));
  ASSERT_OK_AND_ASSIGN(const OrgSnapshot snapshot, OrgSnapshot::Build(w, Date(2024, 6, 1)));
  ASSERT_OK_AND_ASSIGN(const UnitRollup hq, snapshot.RollUp(OrgUnitId(1)));
  EXPECT_EQ(hq.subtree_headcount, 2);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace hrkit
