// Group statistics with hand-worked numbers (DOMAIN.md, "Statistics").
#include "hrkit/relations/statistics.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(NetPromoterScore, WorkedExample) {
  // [10,10,9,8,6,4,7,9]: promoters 10,10,9,9 = 4/8 = 50 %; detractors 6,4 =
  // 2/8 = 25 % -> 25.
  const std::vector<int> answers = {10, 10, 9, 8, 6, 4, 7, 9};
  ASSERT_OK_AND_ASSIGN(const std::optional<double> enps, NetPromoterScore(answers));
  EXPECT_DOUBLE_EQ(*enps, 25.0);
}

TEST(NetPromoterScore, BoundsAndEmptyGroups) {
  ASSERT_OK_AND_ASSIGN(const auto none, NetPromoterScore(std::vector<int>{}));
  EXPECT_EQ(none, std::nullopt);
  ASSERT_OK_AND_ASSIGN(const auto all_detractors, NetPromoterScore(std::vector<int>{0, 6, 6}));
  EXPECT_DOUBLE_EQ(*all_detractors, -100.0);
  ASSERT_OK_AND_ASSIGN(const auto all_promoters, NetPromoterScore(std::vector<int>{9, 10}));
  EXPECT_DOUBLE_EQ(*all_promoters, 100.0);
  ASSERT_OK_AND_ASSIGN(const auto passives, NetPromoterScore(std::vector<int>{7, 8}));
  EXPECT_DOUBLE_EQ(*passives, 0.0);
  EXPECT_STATUS_CODE(NetPromoterScore(std::vector<int>{11}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(NetPromoterScore(std::vector<int>{-1}), absl::StatusCode::kInvalidArgument);
}

TEST(CronbachAlpha, HandWorkedMatrix) {
  // Items 1,2,3,4 / 2,3,3,4 / 2,3,4,5 over four people: sample variances
  // 5/3, 2/3, 5/3 (sum 4); totals 5, 8, 10, 13 with variance 34/3.
  // alpha = 3/2 x (1 - 4 / (34/3)) = 3/2 x 11/17 = 33/34.
  const std::vector<std::vector<double>> rows = {{1, 2, 2}, {2, 3, 3}, {3, 3, 4}, {4, 4, 5}};
  ASSERT_OK_AND_ASSIGN(const double alpha, CronbachAlpha(rows));
  EXPECT_DOUBLE_EQ(alpha, 33.0 / 34.0);
}

TEST(CronbachAlpha, UncorrelatedItemsGiveZeroOrLess) {
  // Two items that cancel out: totals all 5, no variance -> undefined.
  const std::vector<std::vector<double>> cancel = {{1, 4}, {2, 3}, {3, 2}, {4, 1}};
  EXPECT_STATUS_CODE(CronbachAlpha(cancel), absl::StatusCode::kFailedPrecondition);
  // Items 1,2,3,4 and 2,1,4,3: variances 5/3 each; totals 3,3,7,7 variance
  // 16/3 -> alpha = 2 x (1 - (10/3)/(16/3)) = 2 x 6/16 = 0.75.
  const std::vector<std::vector<double>> rows = {{1, 2}, {2, 1}, {3, 4}, {4, 3}};
  ASSERT_OK_AND_ASSIGN(const double alpha, CronbachAlpha(rows));
  EXPECT_DOUBLE_EQ(alpha, 0.75);
}

TEST(CronbachAlpha, RejectsWhatCannotBeComputed) {
  EXPECT_STATUS_CODE(CronbachAlpha(std::vector<std::vector<double>>{{1}, {2}}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(CronbachAlpha(std::vector<std::vector<double>>{{1, 2}}), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(CronbachAlpha(std::vector<std::vector<double>>{{1, 2}, {1}}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(CronbachAlpha(std::vector<std::vector<double>>{{1, NAN}, {1, 2}}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(CronbachAlpha(std::vector<std::vector<double>>{}), absl::StatusCode::kFailedPrecondition);
}

TEST(PearsonCorrelation, HandWorked) {
  // x 1..4, y 2,4,5,9: deviations -1.5,-.5,.5,1.5 and -3,-1,0,4;
  // sum of products 11, squares 5 and 26 -> r = 11 / sqrt(130).
  const std::vector<double> x = {1, 2, 3, 4};
  const std::vector<double> y = {2, 4, 5, 9};
  ASSERT_OK_AND_ASSIGN(const double r, PearsonCorrelation(x, y));
  EXPECT_DOUBLE_EQ(r, 11.0 / std::sqrt(130.0));
  // Perfectly opposite: -1.
  const std::vector<double> down = {8, 6, 4, 2};
  ASSERT_OK_AND_ASSIGN(const double minus_one, PearsonCorrelation(x, down));
  EXPECT_DOUBLE_EQ(minus_one, -1.0);
  EXPECT_STATUS_CODE(PearsonCorrelation(x, std::vector<double>{1, 2}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(PearsonCorrelation(x, std::vector<double>{3, 3, 3, 3}), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(PearsonCorrelation(std::vector<double>{1}, std::vector<double>{1}),
                     absl::StatusCode::kFailedPrecondition);
}

TEST(SummarizeItem, MeanFavourabilityAndDistribution) {
  ASSERT_OK_AND_ASSIGN(const InstrumentDefinition i,
                       LikertInstrument("team", "Team climate", 1, 5, {{.code = "a"}, {.code = "b", .reverse = true}}));
  const std::vector<std::optional<int>> answers = {1, 2, 3, 4, 5, 2, std::nullopt};
  // Item a: mean (1+2+3+4+5+2)/6 = 17/6; favourable = 4 or 5: 2 of 6.
  ASSERT_OK_AND_ASSIGN(const ItemSummary a, SummarizeItem(i, 0, answers));
  EXPECT_EQ(a.answered, 6);
  EXPECT_DOUBLE_EQ(*a.mean, 17.0 / 6.0);
  EXPECT_DOUBLE_EQ(*a.favorable_percent, 100.0 * 2.0 / 6.0);
  EXPECT_THAT(a.distribution, ElementsAre(1, 2, 1, 1, 1));
  // Item b is reverse-scored: values 5,4,3,2,1,4 -> 19/6; favourable = the
  // bottom two answers (1, 2, 2): 3 of 6.
  ASSERT_OK_AND_ASSIGN(const ItemSummary b, SummarizeItem(i, 1, answers));
  EXPECT_DOUBLE_EQ(*b.mean, 19.0 / 6.0);
  EXPECT_DOUBLE_EQ(*b.favorable_percent, 50.0);
  // No answers: no mean, no favourability, zero counts.
  ASSERT_OK_AND_ASSIGN(const ItemSummary empty, SummarizeItem(i, 0, std::vector<std::optional<int>>{std::nullopt}));
  EXPECT_EQ(empty.answered, 0);
  EXPECT_EQ(empty.mean, std::nullopt);
  EXPECT_EQ(empty.favorable_percent, std::nullopt);
  EXPECT_THAT(empty.distribution, ElementsAre(0, 0, 0, 0, 0));
  EXPECT_THAT(std::string(SummarizeItem(i, 0, std::vector<std::optional<int>>{9}).status().message()),
              HasSubstr("instrument:team: answers[a]: answer 9 is outside the scale 1..5"));
  EXPECT_STATUS_CODE(SummarizeItem(i, 2, answers), absl::StatusCode::kInvalidArgument);
}

TEST(SummarizeItem, CbiOptionValues) {
  // CBI answers 1 and 5 map to 100 and 0: mean 50.
  ASSERT_OK_AND_ASSIGN(const ItemSummary s,
                       SummarizeItem(CopenhagenBurnoutInstrument(), 0, std::vector<std::optional<int>>{1, 5}));
  EXPECT_DOUBLE_EQ(*s.mean, 50.0);
}

}  // namespace
}  // namespace hrkit

namespace hrkit {
namespace {

TEST(StudentTwoSidedP, MatchesTheDistribution) {
  // Reference values by numerical integration of Student's t density:
  // t = 2.228139 with 10 df is the 5 % two-sided critical value.
  EXPECT_NEAR(StudentTwoSidedP(2.0, 10.0), 0.0733880348, 1e-9);
  EXPECT_NEAR(StudentTwoSidedP(2.228138851986, 10.0), 0.05, 1e-9);
  EXPECT_NEAR(StudentTwoSidedP(1.0, 3.0), 0.3910022190, 1e-9);
  EXPECT_NEAR(StudentTwoSidedP(-3.5, 7.5), 0.0089488720, 1e-9);
  EXPECT_DOUBLE_EQ(StudentTwoSidedP(0.0, 5.0), 1.0);
}

TEST(WelchTest, HandWorked) {
  // before 1..5: mean 3, variance 2.5; after 3..8: mean 5.5, variance 3.5.
  // se^2 = 2.5/5 + 3.5/6 = 13/12; t = 2.5 / sqrt(13/12) = 2.40192;
  // df = (13/12)^2 / (0.5^2/4 + (7/12)^2/5) = 8.98936; p = 0.03980.
  const std::vector<double> before = {1, 2, 3, 4, 5};
  const std::vector<double> after = {3, 4, 5, 6, 7, 8};
  ASSERT_OK_AND_ASSIGN(const MeanComparison c, WelchTest(before, after));
  EXPECT_DOUBLE_EQ(c.difference, 2.5);
  EXPECT_NEAR(c.t, 2.4019223070763065, 1e-12);
  EXPECT_NEAR(c.degrees_of_freedom, 8.989361702127662, 1e-12);
  EXPECT_NEAR(c.p_two_sided, 0.0398030820, 1e-8);
  EXPECT_STATUS_CODE(WelchTest(std::vector<double>{1}, after), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(WelchTest(std::vector<double>{2, 2}, std::vector<double>{3, 3}),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(WelchTest(std::vector<double>{1, NAN}, after), absl::StatusCode::kInvalidArgument);
}

TEST(DriverAnalysis, OnlyAboveTwentyFiveRespondents) {
  ASSERT_OK_AND_ASSIGN(const InstrumentDefinition i,
                       LikertInstrument("d", "Drivers", 1, 5, {{.code = "a"}, {.code = "b"}, {.code = "outcome"}}));
  // 26 rows: item a moves with the outcome (r = 1), item b against it
  // (r = -1); a is favourable (4-5) in the rows where the outcome is high.
  std::vector<std::vector<std::optional<int>>> rows;
  for (int k = 0; k < 26; ++k) {
    const int v = 1 + k % 5;
    rows.push_back({v, 6 - v, v});
  }
  ASSERT_OK_AND_ASSIGN(const std::vector<Driver> drivers, DriverAnalysis(i, rows, 2));
  ASSERT_EQ(drivers.size(), 2u);
  EXPECT_EQ(drivers[0].item, 0u);
  EXPECT_NEAR(*drivers[0].r, 1.0, 1e-12);
  EXPECT_NEAR(*drivers[1].r, -1.0, 1e-12);
  // Answers 4 or 5 in rows k % 5 in {3, 4}: 10 of 26.
  EXPECT_DOUBLE_EQ(*drivers[0].favorable_percent, 100.0 * 10.0 / 26.0);
  rows.pop_back();  // 25: too few
  EXPECT_STATUS_CODE(DriverAnalysis(i, rows, 2), absl::StatusCode::kFailedPrecondition);
  rows.push_back({1, 9, 1});
  EXPECT_STATUS_CODE(DriverAnalysis(i, rows, 2), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(DriverAnalysis(i, rows, 3), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
