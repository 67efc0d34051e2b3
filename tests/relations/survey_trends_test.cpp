// Wave-over-wave trends (shown only where both waves' reports show the
// group) and the reliability of a scale, with hand-worked numbers.
#include "hrkit/relations/survey_trends.hpp"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

const Date kStart(2023, 1, 1);
constexpr std::string_view kSecret = "trend-test-secret-0123456789";

// Unit 1 (6 people, ids 1-6) with unit 2 (6 people, 7-12) and unit 3 (3
// people, 13-15) below it. A two-wave WHO-5 survey, both waves invited.
class TrendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Workforce w;
    const int people[] = {6, 6, 3};
    std::int64_t next = 1;
    for (int u = 1; u <= 3; ++u) {
      ASSERT_OK(w.CreateOrgUnit(OrgUnitId(u), absl::StrCat("U", u),
                                {.name = absl::StrCat("U", u), .parent = u == 1 ? OrgUnitId() : OrgUnitId(1)}, kStart,
                                kStart));
      ASSERT_OK(w.CreatePosition(PositionId(u), {.org_unit = OrgUnitId(u), .fte_budget = 50.0}, kStart, kStart));
      for (int k = 0; k < people[u - 1]; ++k) {
        Employee e;
        e.id = EmployeeId(next++);
        e.employee_number = ToString(e.id);
        ASSERT_OK(w.AddEmployee(e));
        ASSERT_OK(w.ApplyEvent(e.id, HireEvent{.effective = kStart, .position = PositionId(u)}, kStart));
      }
    }
    for (const Employee* e : w.Employees()) employees_.push_back(*e);
    std::vector<OrgUnit> units;
    for (const OrgUnit* u : w.OrgUnits()) units.push_back(*u);
    std::vector<Position> positions;
    for (const Position* p : w.Positions()) positions.push_back(*p);
    ASSERT_OK_AND_ASSIGN(lookup_, OrgLookup::Build(units, positions));
    Survey s;
    s.id = SurveyId(2);
    s.instruments = {"who5"};
    s.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)},
               {2, Date(2025, 9, 1), Date(2025, 9, 2), Date(2025, 9, 15)}};
    ASSERT_OK_AND_ASSIGN(SurveyBook book, SurveyBook::Create(s, std::vector<InstrumentDefinition>{Who5Instrument()}));
    book_ = std::move(book);
    ASSERT_OK(book_->Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(1)).status());
    ASSERT_OK(book_->Invite(2, employees_, lookup_, kSecret, SurveyInvitationId(100)).status());
  }

  // Everyone answers every item of `wave` with values[id - 1].
  void Answer(std::int32_t wave, const std::vector<int>& values) {
    for (std::size_t k = 0; k < values.size(); ++k) {
      const int v = values[k];
      std::vector<SurveyAnswer> answers;
      for (int item = 1; item <= 5; ++item) answers.push_back({absl::StrCat("who5_", item), v});
      ASSERT_OK(book_->Submit(wave, EmployeeId(static_cast<std::int64_t>(k + 1)), kSecret, answers, "",
                              FindWave(book_->survey(), wave)->opens_on,
                              SurveyResponseId(wave * 100 + static_cast<std::int64_t>(k))));
    }
  }

  std::vector<Employee> employees_;
  OrgLookup lookup_;
  std::optional<SurveyBook> book_;
};

TEST_F(TrendTest, ChangesOfShownGroupsWithWelchsTest) {
  // Percentages (answer x 5 x 4): unit 1 wave 1 20,40,60,40,20,60 and wave
  // 2 60,80,100,80,60,100; unit 2 40,40,60,60,80,80 both waves; unit 3
  // 20 x 3 both waves.
  Answer(1, {1, 2, 3, 2, 1, 3, 2, 2, 3, 3, 4, 4, 1, 1, 1});
  Answer(2, {3, 4, 5, 4, 3, 5, 2, 2, 3, 3, 4, 4, 1, 1, 1});
  ASSERT_OK_AND_ASSIGN(const auto trends, TrendReport(*book_, 1, 2, 0, lookup_));
  ASSERT_EQ(trends.size(), 3u);
  // Unit 1 with its subtree: 15 respondents; unit 2 (6) shown; unit 3 (3)
  // hidden in both waves, and with it nothing but the verdicts.
  const SurveyGroupTrend& unit1 = trends[0];
  ASSERT_EQ(unit1.unit, OrgUnitId(1));
  ASSERT_TRUE(IsShown(unit1.before) && IsShown(unit1.after));
  const SurveyGroupTrend& unit3 = trends[2];
  EXPECT_EQ(unit3.unit, OrgUnitId(3));
  EXPECT_EQ(unit3.before, Suppression::kBelowMinimum);
  EXPECT_TRUE(unit3.scales.empty());
  // Unit 2: the same scores in both waves: no change, t = 0, p = 1.
  const ScaleTrend& unit2 = trends[1].scales[1];
  ASSERT_TRUE(unit2.comparison.has_value());
  EXPECT_DOUBLE_EQ(unit2.comparison->difference, 0.0);
  EXPECT_DOUBLE_EQ(unit2.comparison->p_two_sided, 1.0);
  // Unit 1's subtree: 15 scores per wave, mean 660/15 = 44 -> 900/15 = 60:
  // +16. Sample variances 468.571 and 742.857: t = 16 / sqrt(31.238 +
  // 49.524) = 1.78040 with 26.635 df, p = 0.0864 (not significant at 5 %).
  const ScaleTrend& pct = unit1.scales[1];
  EXPECT_EQ(pct.code, "percentage");
  ASSERT_TRUE(pct.comparison.has_value());
  EXPECT_NEAR(pct.comparison->difference, 16.0, 1e-12);
  EXPECT_NEAR(pct.comparison->t, 1.7803963942770489, 1e-12);
  EXPECT_NEAR(pct.comparison->degrees_of_freedom, 26.63460887233322, 1e-10);
  EXPECT_NEAR(pct.comparison->p_two_sided, 0.0864226925, 1e-8);
}

// Trends of waves published with breakdowns read each wave's verdicts from
// its disclosure. Nobody here has a location, and everyone is in one tenure
// band, so the joint verdicts are the unit tree's and the trends are those
// above; a disclosure decided before the last responses is refused.
TEST_F(TrendTest, TrendsOfPublishedWavesUseTheirDisclosures) {
  Answer(1, {1, 2, 3, 2, 1, 3, 2, 2, 3, 3, 4, 4, 1, 1, 1});
  const BreakdownAttribute both[] = {BreakdownAttribute::kLocation, BreakdownAttribute::kTenureBand};
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure before, DecideWaveDisclosure(*book_, 1, both, lookup_));
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure early, DecideWaveDisclosure(*book_, 2, both, lookup_));
  Answer(2, {3, 4, 5, 4, 3, 5, 2, 2, 3, 3, 4, 4, 1, 1, 1});
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure after, DecideWaveDisclosure(*book_, 2, both, lookup_));
  ASSERT_OK_AND_ASSIGN(const auto plain, TrendReport(*book_, 1, 2, 0, lookup_));
  EXPECT_THAT(TrendReport(*book_, before, after, 0, lookup_), hrkit_test::IsOkAndHolds(plain));
  EXPECT_EQ(plain[2].after, Suppression::kBelowMinimum);
  EXPECT_STATUS_CODE(TrendReport(*book_, before, early, 0, lookup_), absl::StatusCode::kFailedPrecondition);
}

TEST_F(TrendTest, ScaleAlphaOverCompleteResponses) {
  // Every respondent gives the same answer to all five items: the items
  // move together perfectly, so alpha = 5/4 x (1 - 5 var / 25 var) = 1.
  Answer(1, {1, 2, 3, 2, 1, 3, 2, 2, 3, 3, 4, 4, 1, 1, 1});
  ASSERT_OK_AND_ASSIGN(const double alpha, ScaleAlpha(*book_, 1, 0, 0));
  EXPECT_DOUBLE_EQ(alpha, 1.0);
  EXPECT_STATUS_CODE(ScaleAlpha(*book_, 3, 0, 0), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(ScaleAlpha(*book_, 1, 0, 7), absl::StatusCode::kInvalidArgument);
  // Wave 2 has no responses yet: alpha is undefined.
  EXPECT_STATUS_CODE(ScaleAlpha(*book_, 2, 0, 0), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace hrkit
