#include "hrkit/leave/policy_candidates.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Date kV1(2024, 1, 1);
const Date kV2(2025, 7, 1);
const LocationId kBerlin(1);
const LocationId kMunich(2);

// Policy 4 (leave type 1, priority 3): version 1 from 2024-01-01 for Berlin,
// version 2 from 2025-07-01 for Munich (the second recorded twice on its day:
// only the day's last counts).
LeavePolicy TwoVersionPolicy() {
  LeavePolicy p;
  p.id = LeavePolicyId(4);
  p.name = "Annual";
  p.leave_type = LeaveTypeId(1);
  p.priority = 3;
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  v.eligibility.locations = {kBerlin};
  EXPECT_OK(p.versions.Add(kV1, v, kV1));
  v.amount_per_year = 25;
  v.eligibility.locations = {kMunich};
  EXPECT_OK(p.versions.Add(kV2, v, kV1));
  v.amount_per_year = 26;
  EXPECT_OK(p.versions.Add(kV2, v, kV1));
  return p;
}

// The same policy without rules, at priority 0.
LeavePolicy ForEveryone() {
  LeavePolicy p = TwoVersionPolicy();
  p.priority = 0;
  LeavePolicy out{p.id, p.name, p.leave_type, {}, 0};
  for (const auto& e : p.versions.Entries()) {
    LeavePolicyVersion v = e.value;
    v.eligibility = EligibilityRule{};
    EXPECT_OK(out.versions.Add(e.effective, v, e.recorded));
  }
  return out;
}

TEST(CandidatesFromPolicies, OneCandidatePerVersionWithItsRule) {
  const std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
  ASSERT_OK_AND_ASSIGN(std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(policies));
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].policy, LeavePolicyId(4));
  EXPECT_EQ(candidates[0].leave_type, LeaveTypeId(1));
  EXPECT_EQ(candidates[0].validity, Period(kV1, kV2));
  EXPECT_EQ(candidates[0].rule.locations, std::vector<LocationId>{kBerlin});
  EXPECT_EQ(candidates[0].priority, 3);
  EXPECT_EQ(candidates[1].validity, Period(kV2, OpenEnd()));
  EXPECT_EQ(candidates[1].rule.locations, std::vector<LocationId>{kMunich});
}

TEST(CandidatesFromPolicies, WithoutRulesEveryVersionAppliesToEveryone) {
  const std::vector<LeavePolicy> policies = {ForEveryone()};
  ASSERT_OK_AND_ASSIGN(std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(policies));
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_TRUE(candidates[0].rule.SelectsEveryone());
  EXPECT_TRUE(candidates[1].rule.SelectsEveryone());
  EXPECT_EQ(candidates[1].priority, 0);
}

TEST(CandidatesFromPolicies, PolicyVersionChangeMidYearEndToEnd) {
  // A Berlin employee: eligible under version 1, not under version 2 (Munich only).
  std::vector<OrgUnit> units(1);
  units[0].id = OrgUnitId(10);
  ASSERT_OK(units[0].history.Add(kV1, OrgUnitRecord{"Company", OrgUnitId(), OrgUnitStatus::kOpen, ""}, kV1));
  std::vector<Position> positions(1);
  positions[0].id = PositionId(100);
  PositionRecord pr;
  pr.org_unit = OrgUnitId(10);
  ASSERT_OK(positions[0].history.Add(kV1, pr, kV1));
  ASSERT_OK_AND_ASSIGN(OrgLookup lookup, OrgLookup::Build(units, positions));
  Employee e;
  e.id = EmployeeId(1);
  EmploymentRecord r;
  r.position = PositionId(100);
  r.location = kBerlin;
  r.employment_start = kV1;
  r.seniority_start = kV1;
  ASSERT_OK(e.employment.Add(kV1, r, kV1));

  const std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
  ASSERT_OK_AND_ASSIGN(std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(policies));
  ASSERT_OK_AND_ASSIGN(std::vector<PolicySegment> segments,
                       ResolvePolicySegments(e, candidates, {}, lookup, Period(Date(2025, 1, 1), Date(2026, 1, 1))));
  // Version 1 covers [2025-01-01, 2025-07-01); version 2 does not select Berlin.
  EXPECT_THAT(segments, ElementsAre(PolicySegment{EmployeeId(1), LeaveTypeId(1), LeavePolicyId(4),
                                                  Period(Date(2025, 1, 1), kV2)}));
}

TEST(CandidatesFromPolicies, RejectsBadInput) {
  std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
  {
    std::vector<LeavePolicy> bad_rule = policies;
    LeavePolicyVersion v = *VersionAt(bad_rule[0], kV2);
    v.eligibility.min_fte = -0.5;
    ASSERT_OK(bad_rule[0].versions.Add(Date(2025, 9, 1), v, kV1));
    const auto r = CandidatesFromPolicies(bad_rule);
    EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("min_fte"));
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("leave_policy:4 version 2025-09-01"));
  }
  policies.push_back(policies[0]);  // the same id twice
  EXPECT_THAT(hrkit_test::Message(CandidatesFromPolicies(policies)), HasSubstr("duplicate"));
  policies.pop_back();
  policies[0].leave_type = LeaveTypeId();
  EXPECT_STATUS_CODE(CandidatesFromPolicies(policies), absl::StatusCode::kInvalidArgument);
  policies[0].leave_type = LeaveTypeId(1);
  policies[0].id = LeavePolicyId();
  EXPECT_STATUS_CODE(CandidatesFromPolicies(policies), absl::StatusCode::kInvalidArgument);
}

TEST(LeavePolicyVersion, DescribeShowsTheRuleInline) {
  const std::vector<FieldInfo> fields = ListFields(LeavePolicyVersion{});
  std::vector<std::string> names;
  for (const FieldInfo& f : fields) names.push_back(f.name);
  const std::vector<std::string> expected_tail = {"tiers",
                                                  "eligible_locations",
                                                  "eligible_employment_types",
                                                  "eligible_grades",
                                                  "eligible_org_subtrees",
                                                  "min_fte",
                                                  "max_fte",
                                                  "min_tenure_months",
                                                  "max_allocation_per_year",
                                                  "accrual_year_month",
                                                  "accrual_weekday",
                                                  "period_start_day"};
  ASSERT_EQ(names.size(), 15u + expected_tail.size());
  EXPECT_EQ(std::vector<std::string>(names.begin() + 15, names.end()), expected_tail);
  for (std::size_t i = 15; i < fields.size(); ++i) EXPECT_EQ(fields[i].since, 2) << fields[i].name;
  EXPECT_EQ(fields[15].shape, FieldShape::kList);
  EXPECT_EQ(fields[16].shape, FieldShape::kList);
  EXPECT_EQ(fields[20].shape, FieldShape::kScalar);
  const std::vector<FieldInfo> policy = ListFields(LeavePolicy{});
  ASSERT_EQ(policy.size(), 5u);
  EXPECT_EQ(policy[4].name, "priority");
  EXPECT_EQ(policy[4].since, 2);
}

}  // namespace
}  // namespace hrkit
