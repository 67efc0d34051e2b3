// The `// Example:` blocks of the storage headers, compiled and run as
// written (with the values they leave open filled in), so they cannot rot.
#include <cstdint>
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit/storage/workforce_dataset.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

// dataset.hpp and workforce_dataset.hpp: fill a Dataset, save it.
absl::Status SaveExamples(Store& store, const Workforce& workforce) {
  Employee alice;
  alice.id = EmployeeId(100);
  alice.employee_number = "E100";
  OrgUnit finance;
  finance.id = OrgUnitId(100);
  {
    Dataset data;
    data.Of<Employee>().push_back(alice);
    data.Of<OrgUnit>().push_back(finance);
    HRKIT_RETURN_IF_ERROR(store.SaveAll(data));
  }
  Dataset data;
  PutWorkforce(workforce, &data);
  HRKIT_RETURN_IF_ERROR(store.SaveAll(data));
  return absl::OkStatus();
}

// store.hpp: List in pages of 500.
absl::StatusOr<std::int64_t> CountInPages(Store& store) {
  std::int64_t count = 0;
  ListOptions page{.limit = 500};
  while (true) {
    HRKIT_ASSIGN_OR_RETURN(auto rows, store.List<Employee>(page));
    if (rows.empty()) break;
    count += static_cast<std::int64_t>(rows.size());
    page.after_id = rows.back().entity.id.value();
  }
  return count;
}

TEST(HeaderExamples, DatasetWorkforceAndPagedList) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenStore("memory:"));
  Workforce workforce;
  for (std::int64_t i = 1; i <= 1201; ++i) {
    Employee e;
    e.id = workforce.NextEmployeeId();
    e.employee_number = ToString(e.id);
    ASSERT_OK(workforce.AddEmployee(e));
  }
  ASSERT_OK(SaveExamples(*store, workforce));
  // SaveAll replaces the whole store: the second save's 1,201 employees.
  ASSERT_OK_AND_ASSIGN(const std::int64_t count, CountInPages(*store));
  EXPECT_EQ(count, 1201);
}

TEST(HeaderExamples, TransactionWithRetryOnConflict) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> s, OpenStore("memory:"));
  Store& store = *s;
  OrgUnit new_unit;
  new_unit.id = OrgUnitId(1);
  Position moved_position;
  moved_position.id = PositionId(2);
  ASSERT_OK_AND_ASSIGN(const std::int64_t position_version, store.Put(moved_position, 0));
  ASSERT_OK_AND_ASSIGN(const std::int64_t location_version,
                       store.Put(Location{LocationId(3), "Berlin", "DE", {}, {}}, 0));
  Transaction txn;
  txn.Put(new_unit, 0).Put(moved_position, position_version);
  txn.Erase<Location>(LocationId(3), location_version);
  absl::StatusOr<std::vector<std::int64_t>> versions = store.Commit(txn);
  bool retried = false;
  if (absl::IsAborted(versions.status())) { /* re-read and retry */
    retried = true;
  }
  ASSERT_OK(versions.status());
  EXPECT_FALSE(retried);
  // The same transaction again is stale: the example's retry branch.
  EXPECT_TRUE(absl::IsAborted(store.Commit(txn).status()));
}

}  // namespace
}  // namespace hrkit
