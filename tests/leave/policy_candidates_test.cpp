#include "hrkit/leave/policy_candidates.hpp"

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

// Policy 4 (leave type 1): version 1 from 2024-01-01, version 2 from 2025-07-01
// (the second recorded twice on its day: only the day's last counts).
LeavePolicy TwoVersionPolicy() {
  LeavePolicy p;
  p.id = LeavePolicyId(4);
  p.name = "Annual";
  p.leave_type = LeaveTypeId(1);
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  EXPECT_OK(p.versions.Add(kV1, v, kV1));
  v.amount_per_year = 25;
  EXPECT_OK(p.versions.Add(kV2, v, kV1));
  v.amount_per_year = 26;
  EXPECT_OK(p.versions.Add(kV2, v, kV1));
  return p;
}

PolicyEligibility BerlinThenMunich() {
  PolicyEligibility e;
  e.id = LeavePolicyId(4);
  e.priority = 3;
  EligibilityRule rule;
  rule.locations = {kBerlin};
  EXPECT_OK(ReplaceCriteria(rule, kV1, &e.criteria));
  rule.locations = {kMunich};
  EXPECT_OK(ReplaceCriteria(rule, kV2, &e.criteria));
  return e;
}

TEST(CandidatesFromPolicies, OneCandidatePerVersionWithItsRule) {
  const std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
  const std::vector<PolicyEligibility> eligibility = {BerlinThenMunich()};
  ASSERT_OK_AND_ASSIGN(std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(policies, eligibility));
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].policy, LeavePolicyId(4));
  EXPECT_EQ(candidates[0].leave_type, LeaveTypeId(1));
  EXPECT_EQ(candidates[0].validity, Period(kV1, kV2));
  EXPECT_EQ(candidates[0].rule.locations, std::vector<LocationId>{kBerlin});
  EXPECT_EQ(candidates[0].priority, 3);
  EXPECT_EQ(candidates[1].validity, Period(kV2, OpenEnd()));
  EXPECT_EQ(candidates[1].rule.locations, std::vector<LocationId>{kMunich});
}

TEST(CandidatesFromPolicies, WithoutEligibilityEveryVersionAppliesToEveryone) {
  const std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
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
  const std::vector<PolicyEligibility> eligibility = {BerlinThenMunich()};
  ASSERT_OK_AND_ASSIGN(std::vector<PolicyCandidate> candidates, CandidatesFromPolicies(policies, eligibility));
  ASSERT_OK_AND_ASSIGN(std::vector<PolicySegment> segments,
                       ResolvePolicySegments(e, candidates, {}, lookup, Period(Date(2025, 1, 1), Date(2026, 1, 1))));
  // Version 1 covers [2025-01-01, 2025-07-01); version 2 does not select Berlin.
  EXPECT_THAT(segments, ElementsAre(PolicySegment{EmployeeId(1), LeaveTypeId(1), LeavePolicyId(4),
                                                  Period(Date(2025, 1, 1), kV2)}));
}

TEST(CandidatesFromPolicies, RejectsBadInput) {
  std::vector<LeavePolicy> policies = {TwoVersionPolicy()};
  {
    PolicyEligibility orphan = BerlinThenMunich();
    orphan.id = LeavePolicyId(9);
    const std::vector<PolicyEligibility> eligibility = {orphan};
    const auto r = CandidatesFromPolicies(policies, eligibility);
    EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("leave_policy:9"));
  }
  {
    const std::vector<PolicyEligibility> twice = {BerlinThenMunich(), BerlinThenMunich()};
    EXPECT_THAT(hrkit_test::Message(CandidatesFromPolicies(policies, twice)), HasSubstr("duplicate"));
  }
  {
    PolicyEligibility stray = BerlinThenMunich();
    stray.criteria.push_back(EligibilityCriterion{Date(2025, 3, 1), CriterionKind::kGrade, 0, "G1", 0});
    const std::vector<PolicyEligibility> eligibility = {stray};
    const auto r = CandidatesFromPolicies(policies, eligibility);
    EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(r), HasSubstr("version 2025-03-01"));
    EXPECT_STATUS_CODE(ValidatePolicyEligibility(stray, policies[0]), absl::StatusCode::kInvalidArgument);
  }
  {
    PolicyEligibility bad_rule = BerlinThenMunich();
    bad_rule.criteria.push_back(EligibilityCriterion{kV1, CriterionKind::kMinFte, 0, "", -0.5});
    const std::vector<PolicyEligibility> eligibility = {bad_rule};
    EXPECT_THAT(hrkit_test::Message(CandidatesFromPolicies(policies, eligibility)), HasSubstr("min_fte"));
  }
  EXPECT_OK(ValidatePolicyEligibility(BerlinThenMunich(), policies[0]));
  policies.push_back(policies[0]);  // the same id twice
  EXPECT_STATUS_CODE(CandidatesFromPolicies(policies), absl::StatusCode::kInvalidArgument);
  policies.pop_back();
  policies[0].leave_type = LeaveTypeId();
  EXPECT_STATUS_CODE(CandidatesFromPolicies(policies), absl::StatusCode::kInvalidArgument);
}

TEST(PolicyEligibility, DescribeListsTheStoredFields) {
  const std::vector<FieldInfo> fields = ListFields(PolicyEligibility{});
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[2].name, "criteria");
  EXPECT_EQ(fields[2].shape, FieldShape::kList);
}

}  // namespace
}  // namespace hrkit
