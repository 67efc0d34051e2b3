#include "hrkit/eligibility/rule.hpp"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;

// A full-time permanent employee in Berlin (location 1), grade "G5", in unit 30
// whose parent is 20 under root 10, with service from 2020-02-29, on 2025-06-15.
EmployeeFacts BaseFacts() {
  EmployeeFacts f;
  f.as_of = Date(2025, 6, 15);
  f.location = LocationId(1);
  f.employment_type = EmploymentType::kPermanent;
  f.grade = "G5";
  f.org_unit = OrgUnitId(30);
  f.unit_path = {OrgUnitId(30), OrgUnitId(20), OrgUnitId(10)};
  f.fte = 1.0;
  f.seniority_start = Date(2020, 2, 29);
  return f;
}

TEST(EligibilityRule, EmptyRuleSelectsEveryone) {
  EligibilityRule rule;
  EXPECT_TRUE(rule.SelectsEveryone());
  EXPECT_TRUE(Matches(rule, BaseFacts()));
  EmployeeFacts nobody;  // no location, no unit, fte 0, unknown seniority
  EXPECT_TRUE(Matches(rule, nobody));
}

TEST(EligibilityRule, LocationAloneValuesAreOred) {
  EligibilityRule rule;
  rule.locations = {LocationId(2), LocationId(1)};
  EXPECT_FALSE(rule.SelectsEveryone());
  EXPECT_TRUE(Matches(rule, BaseFacts()));
  EmployeeFacts f = BaseFacts();
  f.location = LocationId(3);
  EXPECT_FALSE(Matches(rule, f));
}

TEST(EligibilityRule, EmploymentTypeAlone) {
  EligibilityRule rule;
  rule.employment_types = {EmploymentType::kFixedTerm, EmploymentType::kTemporary};
  EXPECT_FALSE(Matches(rule, BaseFacts()));
  EmployeeFacts f = BaseFacts();
  f.employment_type = EmploymentType::kTemporary;
  EXPECT_TRUE(Matches(rule, f));
}

TEST(EligibilityRule, GradeAloneIsAnExactMatch) {
  EligibilityRule rule;
  rule.grades = {"G5", "G6"};
  EXPECT_TRUE(Matches(rule, BaseFacts()));
  EmployeeFacts f = BaseFacts();
  f.grade = "G50";
  EXPECT_FALSE(Matches(rule, f));
  f.grade = "";  // no position: no grade
  EXPECT_FALSE(Matches(rule, f));
}

TEST(EligibilityRule, OrgSubtreeIncludesTheRootAndEveryDescendant) {
  EligibilityRule rule;
  rule.org_subtrees = {OrgUnitId(20)};
  EXPECT_TRUE(Matches(rule, BaseFacts()));  // 30 is below 20
  EmployeeFacts f = BaseFacts();
  f.org_unit = OrgUnitId(20);
  f.unit_path = {OrgUnitId(20), OrgUnitId(10)};
  EXPECT_TRUE(Matches(rule, f));  // the root itself
  f.org_unit = OrgUnitId(10);
  f.unit_path = {OrgUnitId(10)};
  EXPECT_FALSE(Matches(rule, f));  // the parent is outside
  f.unit_path = {};
  EXPECT_FALSE(Matches(rule, f));  // no unit at all
}

TEST(EligibilityRule, FteRangeIsInclusive) {
  EligibilityRule rule;
  rule.min_fte = 0.5;
  rule.max_fte = 0.8;
  EmployeeFacts f = BaseFacts();
  f.fte = 0.5;
  EXPECT_TRUE(Matches(rule, f));
  f.fte = 0.8;
  EXPECT_TRUE(Matches(rule, f));
  f.fte = 0.49;
  EXPECT_FALSE(Matches(rule, f));
  f.fte = 1.0;
  EXPECT_FALSE(Matches(rule, f));
}

TEST(EligibilityRule, TenureCountsClampedMonthEnds) {
  // 2020-02-29 + 60 months = 2025-02-29, which does not exist: clamped to 2025-02-28.
  EXPECT_EQ(TenureMilestone(Date(2020, 2, 29), 60), Date(2025, 2, 28));
  EXPECT_EQ(TenureMonths(Date(2020, 2, 29), Date(2025, 2, 27)), 59);
  EXPECT_EQ(TenureMonths(Date(2020, 2, 29), Date(2025, 2, 28)), 60);
  // 2024-01-31 + 1 month = 2024-02-29 (leap year end of month).
  EXPECT_EQ(TenureMonths(Date(2024, 1, 31), Date(2024, 2, 28)), 0);
  EXPECT_EQ(TenureMonths(Date(2024, 1, 31), Date(2024, 2, 29)), 1);
  EXPECT_EQ(TenureMonths(Date(2024, 1, 31), Date(2023, 1, 1)), 0);  // before the start
  EXPECT_EQ(TenureMilestone(Date(boost::gregorian::not_a_date_time), 1), OpenEnd());
  EXPECT_EQ(TenureMilestone(Date(9999, 6, 1), 12), OpenEnd());  // past the calendar

  EligibilityRule rule;
  rule.min_tenure_months = 60;
  EmployeeFacts f = BaseFacts();
  f.as_of = Date(2025, 2, 27);
  EXPECT_FALSE(Matches(rule, f));
  f.as_of = Date(2025, 2, 28);
  EXPECT_TRUE(Matches(rule, f));
  f.seniority_start = Date(boost::gregorian::not_a_date_time);  // unknown service
  EXPECT_FALSE(Matches(rule, f));
}

TEST(EligibilityRule, CriteriaAreAnded) {
  EligibilityRule rule;
  rule.locations = {LocationId(1)};
  rule.employment_types = {EmploymentType::kPermanent};
  rule.grades = {"G5"};
  rule.org_subtrees = {OrgUnitId(10)};
  rule.min_fte = 0.5;
  rule.min_tenure_months = 12;
  EXPECT_TRUE(Matches(rule, BaseFacts()));
  // Failing any single criterion fails the rule.
  {
    EmployeeFacts f = BaseFacts();
    f.location = LocationId(2);
    EXPECT_FALSE(Matches(rule, f));
  }
  {
    EmployeeFacts f = BaseFacts();
    f.employment_type = EmploymentType::kIntern;
    EXPECT_FALSE(Matches(rule, f));
  }
  {
    EmployeeFacts f = BaseFacts();
    f.grade = "G4";
    EXPECT_FALSE(Matches(rule, f));
  }
  {
    EmployeeFacts f = BaseFacts();
    f.unit_path = {OrgUnitId(99)};
    EXPECT_FALSE(Matches(rule, f));
  }
  {
    EmployeeFacts f = BaseFacts();
    f.fte = 0.4;
    EXPECT_FALSE(Matches(rule, f));
  }
  {
    EmployeeFacts f = BaseFacts();
    f.seniority_start = Date(2025, 1, 1);  // 5 months < 12
    EXPECT_FALSE(Matches(rule, f));
  }
}

TEST(EligibilityRule, ValidationNamesTheField) {
  auto message = [](const EligibilityRule& r) {
    return hrkit_test::Message(ValidateEligibilityRule(r, "leave_policy:3"));
  };
  EligibilityRule ok;
  ok.min_fte = 0.5;
  ok.max_fte = 0.5;
  EXPECT_OK(ValidateEligibilityRule(ok, "leave_policy:3"));

  EligibilityRule r;
  r.min_fte = -0.1;
  EXPECT_STATUS_CODE(ValidateEligibilityRule(r, "leave_policy:3"), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(message(r), HasSubstr("leave_policy:3"));
  EXPECT_THAT(message(r), HasSubstr("min_fte"));

  r = {};
  r.min_fte = 0.8;
  r.max_fte = 0.5;
  EXPECT_THAT(message(r), HasSubstr("max_fte 0.5 is below min_fte 0.8"));

  r = {};
  r.max_fte = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(message(r), HasSubstr("max_fte"));

  r = {};
  r.min_tenure_months = -1;
  EXPECT_THAT(message(r), HasSubstr("min_tenure_months"));
  r.min_tenure_months = kMaxTenureMonths + 1;
  EXPECT_THAT(message(r), HasSubstr("min_tenure_months"));

  r = {};
  r.locations = {LocationId(0)};
  EXPECT_THAT(message(r), HasSubstr("locations"));
  r = {};
  r.org_subtrees = {OrgUnitId(-4)};
  EXPECT_THAT(message(r), HasSubstr("org_subtrees"));
  r = {};
  r.employment_types = {static_cast<EmploymentType>(42)};
  EXPECT_THAT(message(r), HasSubstr("employment_types"));
  r = {};
  r.grades = {""};
  EXPECT_THAT(message(r), HasSubstr("grades"));
}

// A record holding a rule, described the way a leave policy version is.
struct Holder {
  std::int32_t amount = 0;
  EligibilityRule eligibility;
};

template <class V, class Self>
requires SameEntity<Self, Holder>
void Describe(V& v, Self& h) {
  v.Field("amount", h.amount, Sensitivity::kDirectory);
  DescribeEligibility(v, h.eligibility, Since{2});
}

TEST(EligibilityRule, DescribeEligibilityShowsTheMembersInline) {
  const std::vector<FieldInfo> fields = ListFields(Holder{});
  ASSERT_EQ(fields.size(), 8u);
  const std::vector<std::pair<std::string, FieldShape>> expected = {{"amount", FieldShape::kScalar},
                                                                    {"eligible_locations", FieldShape::kList},
                                                                    {"eligible_employment_types", FieldShape::kList},
                                                                    {"eligible_grades", FieldShape::kList},
                                                                    {"eligible_org_subtrees", FieldShape::kList},
                                                                    {"min_fte", FieldShape::kScalar},
                                                                    {"max_fte", FieldShape::kScalar},
                                                                    {"min_tenure_months", FieldShape::kScalar}};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    EXPECT_EQ(fields[i].name, expected[i].first);
    EXPECT_EQ(fields[i].shape, expected[i].second) << fields[i].name;
    EXPECT_EQ(fields[i].since, i == 0 ? 1 : 2) << fields[i].name;
    EXPECT_EQ(fields[i].sensitivity, Sensitivity::kDirectory);
  }
}

TEST(EligibilityRule, AnEmptyMaximumIsNoMaximum) {
  EligibilityRule rule;
  rule.min_fte = 0.2;
  EmployeeFacts f;
  f.fte = 40.0;  // any FTE passes without a maximum
  EXPECT_TRUE(Matches(rule, f));
  rule.max_fte = 1.0;
  EXPECT_FALSE(Matches(rule, f));
  f.fte = 1.0;  // inclusive
  EXPECT_TRUE(Matches(rule, f));
  EXPECT_FALSE(rule.SelectsEveryone());
  rule = {};
  rule.max_fte = std::numeric_limits<double>::infinity();  // a present maximum must be finite
  EXPECT_STATUS_CODE(ValidateEligibilityRule(rule, "x"), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
