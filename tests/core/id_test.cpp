#include "hrkit/core/id.hpp"

#include <sstream>
#include <type_traits>

#include "absl/container/flat_hash_map.h"
#include "gtest/gtest.h"

namespace hrkit {
namespace {

// Tags of this test's own: core knows no module's entities.
struct EmployeeTag {
  static constexpr const char* kPrefix = "employee";
};
struct PositionTag {
  static constexpr const char* kPrefix = "position";
};
struct OrgUnitTag {
  static constexpr const char* kPrefix = "org_unit";
};
using EmployeeId = Id<EmployeeTag>;
using PositionId = Id<PositionTag>;
using OrgUnitId = Id<OrgUnitTag>;

TEST(Id, DistinctEntitiesDoNotConvert) {
  static_assert(!std::is_convertible_v<EmployeeId, PositionId>);
  static_assert(!std::is_convertible_v<std::int64_t, EmployeeId>);
  static_assert(!std::is_constructible_v<PositionId, EmployeeId>);
  EXPECT_FALSE(EmployeeId().valid());
  EXPECT_TRUE(EmployeeId(1).valid());
  EXPECT_FALSE(EmployeeId(-3).valid());
}

TEST(Id, OrderedHashableAndPrintable) {
  EXPECT_LT(EmployeeId(2), EmployeeId(10));
  EXPECT_EQ(EmployeeId(4), EmployeeId(4));
  absl::flat_hash_map<OrgUnitId, int> headcount;
  headcount[OrgUnitId(7)] = 3;
  headcount[OrgUnitId(8)] = 5;
  EXPECT_EQ(headcount.at(OrgUnitId(7)), 3);
  std::ostringstream out;
  out << EmployeeId(42) << ' ' << OrgUnitId(7);
  EXPECT_EQ(out.str(), "employee:42 org_unit:7");
  EXPECT_EQ(ToString(PositionId(9)), "position:9");
}

}  // namespace
}  // namespace hrkit
