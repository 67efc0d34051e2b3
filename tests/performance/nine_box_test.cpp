// The 9-box: bands, grid counts for HR and outside HR (suppressed below k).
#include "hrkit/performance/nine_box.hpp"

#include <vector>

#include "cycle_fixture.hpp"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

TEST(NineBoxTest, FinalRatingsFallIntoPerformanceBands) {
  const PerformanceBands bands{3, 4};
  EXPECT_OK(ValidatePerformanceBands(bands));
  EXPECT_EQ(PerformanceLevelOf(1, bands), NineBoxLevel::kLow);
  EXPECT_EQ(PerformanceLevelOf(2, bands), NineBoxLevel::kLow);
  EXPECT_EQ(PerformanceLevelOf(3, bands), NineBoxLevel::kMedium);
  EXPECT_EQ(PerformanceLevelOf(4, bands), NineBoxLevel::kHigh);
  EXPECT_EQ(PerformanceLevelOf(5, bands), NineBoxLevel::kHigh);
  const absl::Status s = ValidatePerformanceBands({4, 3});
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(s), "performance bands field high_from: 3 must be a finite number above medium_from 4");
}

std::vector<NineBoxPlacement> Group(int low_low, int medium_medium, int high_high) {
  std::vector<NineBoxPlacement> group;
  std::int64_t id = 1;
  auto add = [&](int n, NineBoxLevel level) {
    for (int i = 0; i < n; ++i) group.push_back({EmployeeId(id++), level, level});
  };
  add(low_low, NineBoxLevel::kLow);
  add(medium_medium, NineBoxLevel::kMedium);
  add(high_high, NineBoxLevel::kHigh);
  return group;
}

TEST(NineBoxTest, HrSeesEveryCount) {
  ASSERT_OK_AND_ASSIGN(const NineBoxGrid grid, NineBoxCounts(Group(2, 4, 6), {}, GridReader::kHr));
  EXPECT_EQ(grid.total, 12);
  EXPECT_EQ(grid.counts[NineBoxIndex(NineBoxLevel::kLow, NineBoxLevel::kLow)], 2);
  EXPECT_EQ(grid.counts[NineBoxIndex(NineBoxLevel::kMedium, NineBoxLevel::kMedium)], 4);
  EXPECT_EQ(grid.counts[NineBoxIndex(NineBoxLevel::kHigh, NineBoxLevel::kHigh)], 6);
  EXPECT_EQ(grid.counts[NineBoxIndex(NineBoxLevel::kHigh, NineBoxLevel::kLow)], 0);
}

TEST(NineBoxTest, OutsideHrBoxesBelowKAreHidden) {
  // k = 5: the boxes of 2 and 4 are below the minimum (and the empty ones have
  // nothing to show); 6 is shown: the total minus it leaves 6 >= 5.
  ASSERT_OK_AND_ASSIGN(const NineBoxGrid grid, NineBoxCounts(Group(2, 4, 6), {}, GridReader::kOutsideHr));
  EXPECT_EQ(grid.total_verdict, Suppression::kShown);
  const std::size_t high = NineBoxIndex(NineBoxLevel::kHigh, NineBoxLevel::kHigh);
  const std::size_t medium = NineBoxIndex(NineBoxLevel::kMedium, NineBoxLevel::kMedium);
  EXPECT_EQ(grid.counts[high], 6);
  EXPECT_EQ(grid.verdicts[medium], Suppression::kBelowMinimum);
  EXPECT_FALSE(grid.counts[medium].has_value());
  for (std::size_t i = 0; i < 9; ++i) {
    if (i != high) {
      EXPECT_FALSE(grid.counts[i].has_value()) << "box " << i;
    }
  }
  // 2 + 6: the box of 6 would give the 2 away (complement): nothing shown.
  ASSERT_OK_AND_ASSIGN(const NineBoxGrid small, NineBoxCounts(Group(2, 0, 6), {}, GridReader::kOutsideHr));
  EXPECT_EQ(small.verdicts[high], Suppression::kComplement);
  EXPECT_FALSE(small.counts[high].has_value());
  // A group below k hides every box.
  ASSERT_OK_AND_ASSIGN(const NineBoxGrid tiny, NineBoxCounts(Group(0, 0, 4), {}, GridReader::kOutsideHr));
  EXPECT_EQ(tiny.total_verdict, Suppression::kBelowMinimum);
  EXPECT_EQ(tiny.verdicts[high], Suppression::kBelowMinimum);
  EXPECT_FALSE(tiny.counts[high].has_value());
}

}  // namespace
}  // namespace hrkit::performance_test
