// The `// Example:` blocks of the performance headers, compiled and run as
// written (with the values they leave open filled in), so they cannot rot.
#include <vector>

#include "cycle_fixture.hpp"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/cycle_book.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/performance/scoring.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

// rating_scale.hpp: a three-level scale mapped to numbers.
absl::StatusOr<double> ScaleExample() {
  RatingScale scale{RatingScaleId(1), "three levels", {{1, "below"}, {2, "meets"}, {3, "exceeds"}}};
  HRKIT_ASSIGN_OR_RETURN(double meets, RatingOfLabel(scale, "meets"));  // 2
  return meets;
}

TEST(HeaderExamplesTest, RatingScale) {
  ASSERT_OK_AND_ASSIGN(const double meets, ScaleExample());
  EXPECT_EQ(meets, 2);
}

TEST(HeaderExamplesTest, ScoringMethodAndWeightedScore) {
  ScoringMethod m;
  m.scale = RatingScaleId(1);
  m.sections = {{"Goals", SectionKind::kGoals, 70, {}},
                {"Values", SectionKind::kCompetencies, 30, {"ownership", "teamwork"}}};
  m.role_weights = {{ReviewerRole::kManager, 100}};
  EXPECT_OK(ValidateScoringMethod(m, "review_template:1"));
  // review_template.hpp: goals 70 % + competencies 30 %, 2.8 and 4.0 -> 3.16.
  const WeightedRating sections[] = {{70, 2.8}, {30, 4.0}};
  ASSERT_OK_AND_ASSIGN(const double total, WeightedScore(sections, "review:1"));
  EXPECT_DOUBLE_EQ(total, 3.16);
}

TEST(HeaderExamplesTest, Distribution) {
  // calibration.hpp: {3, 3, 4, 2} against 10/20/40/20/10: level 3: 2, 50 %, 40 %, +10.
  const double ratings[] = {3, 3, 4, 2};
  const GuidelineShare guideline[] = {{1, 10}, {2, 20}, {3, 40}, {4, 20}, {5, 10}};
  ASSERT_OK_AND_ASSIGN(const RatingDistribution d,
                       DistributionOf(ratings, NumericScale(RatingScaleId(1), 5), guideline));
  EXPECT_EQ(d.levels[2].count, 2);
  EXPECT_EQ(d.levels[2].percent, 50);
  EXPECT_EQ(d.levels[2].guideline_percent, 40);
  EXPECT_EQ(d.levels[2].difference, 10);
}

// cycle_book.hpp: SelectParticipants.
absl::Status SelectExample(CycleBook& book, const std::vector<Employee>& employees, const OrgLookup& lookup,
                           Date today) {
  EligibilityRule rule;
  rule.org_subtrees = {OrgUnitId(7)};
  HRKIT_RETURN_IF_ERROR(book.SelectParticipants(rule, employees, lookup, Date(2025, 1, 1), today));
  return absl::OkStatus();
}

TEST_F(CycleTest, HeaderExampleSelectParticipants) {
  // Unit 7 is not in the fixture's tree: nobody is in its subtree.
  ASSERT_OK(SelectExample(book_, employees_, lookup_, kGoalDay));
  EXPECT_TRUE(book_.cycle().participants.empty());
}

}  // namespace
}  // namespace hrkit::performance_test
