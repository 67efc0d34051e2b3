// The upgrade of format-1 leave policies (src/storage/format1.hpp).
#include <vector>

#include "format1.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::storage_internal::format1 {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Date kV1(2023, 1, 1);
const Date kV2(2024, 1, 1);
const Date kReplacedOn(2024, 7, 1);

// Policy `id` in format 1: two entries on 2023-01-01 (sequences 0 and 1), one
// on 2024-07-01 replaced by a backdated one on 2024-01-01; tiers of two
// versions; "no limit" as -1 and 0.
LeavePolicyV1 PolicyV1(std::int64_t id) {
  LeavePolicyV1 p{LeavePolicyId(id), "Annual", LeaveTypeId(2), {}, {}};
  LeavePolicyVersionV1 v;
  v.amount_per_year = 24;
  v.balance_cap = 0;      // no cap
  v.carry_over_max = -1;  // no limit
  v.negative_limit = -1;  // no limit
  EXPECT_OK(p.versions.Add(kV1, v, Date(2022, 12, 1)));
  v.balance_cap = 40;
  v.carry_over_max = 5;
  v.negative_limit = 0;
  EXPECT_OK(p.versions.Add(kV1, v, Date(2022, 12, 1)));
  v.keeps_balance = false;
  EXPECT_OK(p.versions.Add(kReplacedOn, v, Date(2024, 6, 1)));
  v.keeps_balance = true;
  v.amount_per_year = 26;
  EXPECT_OK(p.versions.Add(kV2, v, Date(2024, 6, 20), LaterEntries::kReplace));
  p.tiers = {LeaveTierV1{kV1, 120, 28}, LeaveTierV1{kV2, 36, 27}, LeaveTierV1{kV1, 60, 26.5}};
  return p;
}

// Criteria of every kind for the 2024-01-01 version, one for 2023-01-01.
PolicyEligibilityV1 EligibilityV1(std::int64_t id) {
  PolicyEligibilityV1 e{LeavePolicyId(id), 7, {}};
  auto add = [&](Date from, CriterionKindV1 kind, std::int64_t id_value, const char* text, double number) {
    e.criteria.push_back(EligibilityCriterionV1{from, kind, id_value, text, number});
  };
  add(kV2, CriterionKindV1::kLocation, 3, "", 0);
  add(kV1, CriterionKindV1::kGrade, 0, "G5", 0);
  add(kV2, CriterionKindV1::kLocation, 1, "", 0);
  add(kV2, CriterionKindV1::kEmploymentType, 1, "", 0);
  add(kV2, CriterionKindV1::kGrade, 0, "G7", 0);
  add(kV2, CriterionKindV1::kOrgSubtree, 4, "", 0);
  add(kV2, CriterionKindV1::kMinFte, 0, "", 0.5);
  add(kV2, CriterionKindV1::kMaxFte, 0, "", 1.0);
  add(kV2, CriterionKindV1::kMinTenureMonths, 60, "", 0);
  return e;
}

TEST(Format1Upgrade, DistributesTiersRebuildsRulesAndMovesThePriority) {
  std::vector<LeavePolicyV1> policies = {PolicyV1(1), PolicyV1(2)};
  ASSERT_OK_AND_ASSIGN(std::vector<LeavePolicy> upgraded, UpgradeLeavePolicies(policies, {EligibilityV1(2)}));
  ASSERT_EQ(upgraded.size(), 2u);  // in input order
  EXPECT_EQ(upgraded[0].id, LeavePolicyId(1));
  EXPECT_EQ(upgraded[0].priority, 0);  // no eligibility entry: everyone, priority 0
  const LeavePolicy& p = upgraded[1];
  EXPECT_EQ(p.id, LeavePolicyId(2));
  EXPECT_EQ(p.name, "Annual");
  EXPECT_EQ(p.leave_type, LeaveTypeId(2));
  EXPECT_EQ(p.priority, 7);

  const auto current = p.versions.Entries();
  ASSERT_EQ(current.size(), 3u);
  // Both 2023-01-01 entries get the 2023 tiers, in their stored order.
  for (int i : {0, 1}) {
    EXPECT_EQ(current[i].effective, kV1);
    EXPECT_EQ(current[i].sequence, i);
    EXPECT_EQ(current[i].recorded, Date(2022, 12, 1));
    EXPECT_THAT(current[i].value.tiers, ElementsAre(LeaveTier{120, 28}, LeaveTier{60, 26.5}));
    EXPECT_EQ(current[i].value.eligibility.grades, std::vector<std::string>{"G5"});
  }
  // -1 and 0 "no limit" become empty optionals; real limits stay.
  EXPECT_FALSE(current[0].value.balance_cap.has_value());
  EXPECT_FALSE(current[0].value.carry_over_max.has_value());
  EXPECT_FALSE(current[0].value.negative_limit.has_value());
  EXPECT_EQ(current[1].value.balance_cap, 40.0);
  EXPECT_EQ(current[1].value.carry_over_max, 5.0);
  EXPECT_EQ(current[1].value.negative_limit, 0.0);

  const LeavePolicyVersion& v2 = current[2].value;
  EXPECT_EQ(current[2].effective, kV2);
  EXPECT_EQ(v2.amount_per_year, 26);
  EXPECT_THAT(v2.tiers, ElementsAre(LeaveTier{36, 27}));
  EligibilityRule expected;
  expected.locations = {LocationId(3), LocationId(1)};
  expected.employment_types = {EmploymentType::kFixedTerm};
  expected.grades = {"G7"};
  expected.org_subtrees = {OrgUnitId(4)};
  expected.min_fte = 0.5;
  expected.max_fte = 1.0;
  expected.min_tenure_months = 60;
  EXPECT_EQ(v2.eligibility, expected);

  // The replaced entry is kept, with its dates, and gets neither tiers nor a rule.
  const auto replaced = p.versions.ReplacedEntries();
  ASSERT_EQ(replaced.size(), 1u);
  EXPECT_EQ(replaced[0].effective, kReplacedOn);
  EXPECT_EQ(replaced[0].replaced, Date(2024, 6, 20));
  EXPECT_FALSE(replaced[0].value.keeps_balance);
  EXPECT_TRUE(replaced[0].value.tiers.empty());
  EXPECT_TRUE(replaced[0].value.eligibility.SelectsEveryone());
  EXPECT_OK(ValidateLeavePolicy(p));
}

TEST(Format1Upgrade, EveryFieldOfAVersionIsCopied) {
  LeavePolicyV1 old{LeavePolicyId(5), "All", LeaveTypeId(1), {}, {}};
  LeavePolicyVersionV1 v;
  v.keeps_balance = true;
  v.amount_per_year = 20;
  v.frequency = AccrualFrequency::kWeekly;
  v.timing = CreditTiming::kEnd;
  v.prorate = false;
  v.rounding = AccrualRounding::kQuarter;
  v.fte_scaling = false;
  v.balance_cap = 12;
  v.carry_over_month = 4;
  v.carry_over_max = 0;  // 0 carries nothing: a real limit
  v.carry_over_expiry = 90;
  v.carry_over_expiry_unit = ExpiryUnit::kDays;
  v.negative_limit = 2.5;
  v.accrual_start = AccrualStart::kAfterProbation;
  v.probation_months = 6;
  ASSERT_OK(old.versions.Add(kV1, v, kV1));
  ASSERT_OK_AND_ASSIGN(std::vector<LeavePolicy> upgraded, UpgradeLeavePolicies({old}, {}));
  LeavePolicyVersion expected;
  expected.amount_per_year = 20;
  expected.frequency = AccrualFrequency::kWeekly;
  expected.timing = CreditTiming::kEnd;
  expected.prorate = false;
  expected.rounding = AccrualRounding::kQuarter;
  expected.fte_scaling = false;
  expected.balance_cap = 12;
  expected.carry_over_month = 4;
  expected.carry_over_max = 0;
  expected.carry_over_expiry = 90;
  expected.carry_over_expiry_unit = ExpiryUnit::kDays;
  expected.negative_limit = 2.5;
  expected.accrual_start = AccrualStart::kAfterProbation;
  expected.probation_months = 6;
  ASSERT_EQ(upgraded.size(), 1u);
  EXPECT_EQ(*VersionAt(upgraded[0], kV1), expected);
}

TEST(Format1Upgrade, CriteriaOfNoVersionAreDropped) {
  // hrkit 0.1 wrote criteria tagged with a date that is no version's: no
  // version ever read them.
  PolicyEligibilityV1 e = EligibilityV1(1);
  e.criteria.push_back(EligibilityCriterionV1{Date(2025, 7, 1), CriterionKindV1::kGrade, 0, "G8", 0});
  ASSERT_OK_AND_ASSIGN(std::vector<LeavePolicy> upgraded, UpgradeLeavePolicies({PolicyV1(1)}, {e}));
  for (const auto& entry : upgraded[0].versions.Entries()) {
    for (const std::string& g : entry.value.eligibility.grades) EXPECT_NE(g, "G8");
  }
}

TEST(Format1Upgrade, OrphansAndBadRecordsAreDataLoss) {
  {
    PolicyEligibilityV1 orphan = EligibilityV1(9);
    const auto r = UpgradeLeavePolicies({PolicyV1(1)}, {orphan});
    EXPECT_STATUS_CODE(r, absl::StatusCode::kDataLoss);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("leave_policy:9"));
  }
  {
    const auto r = UpgradeLeavePolicies({PolicyV1(1)}, {EligibilityV1(1), EligibilityV1(1)});
    EXPECT_STATUS_CODE(r, absl::StatusCode::kDataLoss);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("duplicate"));
  }
  {
    LeavePolicyV1 stray = PolicyV1(1);
    stray.tiers.push_back(LeaveTierV1{Date(2023, 6, 1), 24, 25});
    const auto r = UpgradeLeavePolicies({stray}, {});
    EXPECT_STATUS_CODE(r, absl::StatusCode::kDataLoss);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("leave_policy:1"));
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("2023-06-01"));
  }
  auto with = [](EligibilityCriterionV1 c) {
    PolicyEligibilityV1 e = EligibilityV1(1);
    e.criteria.push_back(c);
    return UpgradeLeavePolicies({PolicyV1(1)}, {e});
  };
  EXPECT_THAT(hrkit_test::Message(with({kV2, CriterionKindV1::kMinFte, 0, "", 0.7})),
              HasSubstr("repeats the minimum FTE"));
  EXPECT_THAT(hrkit_test::Message(with({kV2, CriterionKindV1::kMaxFte, 0, "", 0.7})),
              HasSubstr("repeats the maximum FTE"));
  EXPECT_THAT(hrkit_test::Message(with({kV2, CriterionKindV1::kMinTenureMonths, 3, "", 0})),
              HasSubstr("repeats the minimum tenure"));
  EXPECT_THAT(hrkit_test::Message(with({kV1, CriterionKindV1::kEmploymentType, 42, "", 0})),
              HasSubstr("not an employment type"));
  EXPECT_THAT(hrkit_test::Message(with({kV1, CriterionKindV1::kMinTenureMonths, 5000, "", 0})),
              HasSubstr("outside 0..1200"));
  EXPECT_THAT(hrkit_test::Message(with({kV1, static_cast<CriterionKindV1>(77), 0, "", 0})),
              HasSubstr("unknown criterion kind 77"));
  const auto invalid = with({kV1, CriterionKindV1::kLocation, 0, "", 0});  // location id 0
  EXPECT_STATUS_CODE(invalid, absl::StatusCode::kDataLoss);
  EXPECT_THAT(hrkit_test::Message(invalid), HasSubstr("locations"));
}

}  // namespace
}  // namespace hrkit::storage_internal::format1
