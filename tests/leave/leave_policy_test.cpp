#include "hrkit/leave/leave_policy.hpp"

#include <limits>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

LeavePolicy ValidPolicy() {
  LeavePolicy p{LeavePolicyId(4), "Standard", LeaveTypeId(1), {}, 0};
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  v.tiers = {LeaveTier{60, 26}, LeaveTier{12, 25}};
  EXPECT_OK(p.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1)));
  v.amount_per_year = 25;
  v.tiers.clear();
  EXPECT_OK(p.versions.Add(Date(2025, 1, 1), v, Date(2024, 1, 1)));
  return p;
}

TEST(LeaveType, ValidatesIdNameAndUnit) {
  EXPECT_OK(ValidateLeaveType(LeaveType{LeaveTypeId(1), "Annual leave", true, LeaveUnit::kDays}));
  EXPECT_THAT(Message(ValidateLeaveType(LeaveType{LeaveTypeId(2), "", true, LeaveUnit::kDays})),
              HasSubstr("leave_type:2: name"));
  EXPECT_STATUS_CODE(ValidateLeaveType(LeaveType{LeaveTypeId(0), "x", true, LeaveUnit::kDays}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(ValidateLeaveType(LeaveType{LeaveTypeId(3), "x", false, static_cast<LeaveUnit>(7)})),
              HasSubstr("unit"));
}

TEST(LeaveType, DescribesIdFirst) {
  const auto fields = ListFields(LeaveType{});
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[3].name, "unit");
}

TEST(LeavePolicy, DescribesVersionsAsHistoryWithTiersInside) {
  const auto fields = ListFields(LeavePolicy{});
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[3].shape, FieldShape::kHistory);
  EXPECT_EQ(fields[4].name, "priority");
  EXPECT_EQ(fields[4].shape, FieldShape::kScalar);
  for (const FieldInfo& f : ListFields(LeavePolicyVersion{})) {
    const bool list = f.name == "tiers" || f.name.rfind("eligible_", 0) == 0;
    EXPECT_EQ(f.shape, list ? FieldShape::kList : FieldShape::kScalar) << f.name;
  }
}

TEST(LeavePolicy, ValidPolicyPasses) { EXPECT_OK(ValidateLeavePolicy(ValidPolicy())); }

TEST(LeavePolicy, RejectsPolicyLevelFields) {
  LeavePolicy p = ValidPolicy();
  p.name.clear();
  EXPECT_THAT(Message(ValidateLeavePolicy(p)), HasSubstr("leave_policy:4: name"));
  p = ValidPolicy();
  p.leave_type = LeaveTypeId();
  EXPECT_THAT(Message(ValidateLeavePolicy(p)), HasSubstr("leave_type"));
  p = ValidPolicy();
  p.versions = {};
  EXPECT_THAT(Message(ValidateLeavePolicy(p)), HasSubstr("versions"));
}

// Replaces the 2025 version's rules with `edit` applied and returns the message.
template <class Edit>
std::string VersionError(Edit edit) {
  LeavePolicy p{LeavePolicyId(4), "Standard", LeaveTypeId(1), {}, {}};
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  edit(v);
  EXPECT_OK(p.versions.Add(Date(2025, 1, 1), v, Date(2024, 1, 1)));
  const absl::Status status = ValidateLeavePolicy(p);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  return Message(status);
}

TEST(LeavePolicy, RejectsEachBadVersionFieldNamingIt) {
  EXPECT_THAT(VersionError([](auto& v) { v.amount_per_year = -1; }),
              HasSubstr("leave_policy:4 version 2025-01-01: amount_per_year"));
  EXPECT_THAT(VersionError([](auto& v) { v.balance_cap = -2; }), HasSubstr("balance_cap"));
  EXPECT_THAT(VersionError([](auto& v) { v.carry_over_max = -0.5; }), HasSubstr("carry_over_max"));
  EXPECT_THAT(VersionError([](auto& v) { v.negative_limit = -3; }), HasSubstr("negative_limit"));
  EXPECT_THAT(VersionError([](auto& v) { v.carry_over_month = 13; }), HasSubstr("carry_over_month must be 1..12"));
  EXPECT_THAT(VersionError([](auto& v) { v.carry_over_month = 0; }), HasSubstr("carry_over_month"));
  EXPECT_THAT(VersionError([](auto& v) { v.carry_over_expiry = 13; }), HasSubstr("carry_over_expiry must be 0..12"));
  EXPECT_THAT(VersionError([](auto& v) {
                v.carry_over_expiry_unit = ExpiryUnit::kDays;
                v.carry_over_expiry = 367;
              }),
              HasSubstr("0..366 days"));
  EXPECT_THAT(VersionError([](auto& v) { v.frequency = static_cast<AccrualFrequency>(9); }), HasSubstr("frequency"));
  EXPECT_THAT(VersionError([](auto& v) { v.rounding = static_cast<AccrualRounding>(-1); }), HasSubstr("rounding"));
  EXPECT_THAT(VersionError([](auto& v) {
                v.timing = CreditTiming::kAnniversary;
                v.frequency = AccrualFrequency::kWeekly;
              }),
              HasSubstr("timing"));
  EXPECT_THAT(VersionError([](auto& v) { v.accrual_start = AccrualStart::kAfterProbation; }),
              HasSubstr("probation_months must be 1..120"));
  EXPECT_THAT(VersionError([](auto& v) { v.probation_months = 3; }), HasSubstr("probation_months must be 0"));
}

TEST(LeavePolicy, RejectsBadAnchorsAndAllocationMaximum) {
  EXPECT_THAT(VersionError([](auto& v) { v.max_allocation_per_year = -1; }), HasSubstr("max_allocation_per_year"));
  EXPECT_THAT(VersionError([](auto& v) { v.balance_cap = std::numeric_limits<double>::infinity(); }),
              HasSubstr("balance_cap"));
  EXPECT_THAT(VersionError([](auto& v) { v.accrual_year_month = 13; }), HasSubstr("accrual_year_month must be 1..12"));
  EXPECT_THAT(VersionError([](auto& v) { v.accrual_year_month = 0; }), HasSubstr("accrual_year_month"));
  EXPECT_THAT(VersionError([](auto& v) { v.accrual_weekday = AccrualWeekday::kMonday; }),
              HasSubstr("accrual_weekday: a credit weekday needs the weekly frequency"));
  EXPECT_THAT(VersionError([](auto& v) {
                v.frequency = AccrualFrequency::kWeekly;
                v.accrual_weekday = static_cast<AccrualWeekday>(7);
              }),
              HasSubstr("accrual_weekday is not a valid value"));
  EXPECT_THAT(VersionError([](auto& v) { v.period_start_day = 29; }), HasSubstr("period_start_day must be 1..28"));
  EXPECT_THAT(VersionError([](auto& v) { v.period_start_day = 0; }), HasSubstr("period_start_day must be 1..28"));
  EXPECT_THAT(VersionError([](auto& v) {
                v.frequency = AccrualFrequency::kTwiceMonthly;
                v.period_start_day = 13;
              }),
              HasSubstr("period_start_day must be 1 with a daily, weekly or twice-monthly frequency"));
  EXPECT_THAT(VersionError([](auto& v) {
                v.timing = CreditTiming::kAnniversary;
                v.period_start_day = 13;
              }),
              HasSubstr("period_start_day must be 1 with anniversary timing"));
}

TEST(LeavePolicy, AnchorsAtTheirBoundsPass) {
  LeavePolicy p{LeavePolicyId(4), "Anchors", LeaveTypeId(1), {}, 0};
  LeavePolicyVersion v;
  v.max_allocation_per_year = 0;
  v.accrual_year_month = 12;
  v.period_start_day = 28;
  v.frequency = AccrualFrequency::kHalfYearly;
  ASSERT_OK(p.versions.Add(Date(2025, 1, 1), v, Date(2025, 1, 1)));
  v.frequency = AccrualFrequency::kWeekly;
  v.period_start_day = 1;
  v.accrual_weekday = AccrualWeekday::kSaturday;
  ASSERT_OK(p.versions.Add(Date(2026, 1, 1), v, Date(2025, 1, 1)));
  EXPECT_OK(ValidateLeavePolicy(p));
  EXPECT_EQ(AccrualYearMonth(v), 12);
  v.accrual_year_month.reset();
  v.carry_over_month = 4;
  EXPECT_EQ(AccrualYearMonth(v), 4);
}

TEST(LeavePolicy, LimitsAtTheirBoundsPass) {
  LeavePolicy p{LeavePolicyId(4), "Edge", LeaveTypeId(1), {}, 0};
  LeavePolicyVersion v;
  v.carry_over_max.reset();
  v.negative_limit.reset();
  v.balance_cap = 0;  // a cap of 0 is a real cap now
  v.carry_over_month = 12;
  v.carry_over_expiry = 12;
  v.accrual_start = AccrualStart::kAfterProbation;
  v.probation_months = 120;
  v.timing = CreditTiming::kAnniversary;
  v.frequency = AccrualFrequency::kYearly;
  ASSERT_OK(p.versions.Add(Date(2025, 1, 1), v, Date(2025, 1, 1)));
  EXPECT_OK(ValidateLeavePolicy(p));
}

TEST(LeavePolicy, RejectsBadTiers) {
  auto with_tier = [](LeaveTier tier) {
    LeavePolicy p = ValidPolicy();
    LeavePolicyVersion v = *VersionAt(p, Date(2024, 1, 1));
    v.tiers.push_back(tier);
    EXPECT_OK(p.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1)));
    return ValidateLeavePolicy(p);
  };
  EXPECT_THAT(Message(with_tier(LeaveTier{0, 27})),
              HasSubstr("leave_policy:4 version 2024-01-01 tier 2: after_months"));
  EXPECT_THAT(Message(with_tier(LeaveTier{1201, 27})), HasSubstr("after_months must be 1..1200"));
  EXPECT_THAT(Message(with_tier(LeaveTier{24, -1})), HasSubstr("tier 2: amount_per_year"));
  EXPECT_THAT(Message(with_tier(LeaveTier{60, 30})), HasSubstr("repeats tier 0"));
  EXPECT_OK(with_tier(LeaveTier{24, 30}));
}

TEST(LeavePolicy, RejectsABadEligibilityRuleNamingTheVersion) {
  LeavePolicy p = ValidPolicy();
  LeavePolicyVersion v = *VersionAt(p, Date(2025, 1, 1));
  v.eligibility.min_fte = 0.5;
  v.eligibility.max_fte = 0.4;
  ASSERT_OK(p.versions.Add(Date(2025, 1, 1), v, Date(2024, 1, 1)));
  const absl::Status status = ValidateLeavePolicy(p);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("leave_policy:4 version 2025-01-01"));
  EXPECT_THAT(Message(status), HasSubstr("max_fte"));
  EXPECT_STATUS_CODE(ValidateStoredEntity(p), absl::StatusCode::kInvalidArgument);
  EXPECT_OK(ValidateStoredEntity(ValidPolicy()));
}

TEST(LeavePolicy, VersionLookupAndTiers) {
  const LeavePolicy p = ValidPolicy();
  EXPECT_EQ(VersionAt(p, Date(2023, 12, 31)), nullptr);
  ASSERT_NE(VersionAt(p, Date(2024, 12, 31)), nullptr);
  EXPECT_EQ(VersionAt(p, Date(2024, 12, 31))->amount_per_year, 24);
  EXPECT_EQ(VersionAt(p, Date(2025, 1, 1))->amount_per_year, 25);
  EXPECT_EQ(VersionFromAt(p, Date(2024, 7, 1)), Date(2024, 1, 1));
  EXPECT_TRUE(VersionFromAt(p, Date(2023, 7, 1)).is_not_a_date());
  const auto tiers = SortedTiers(*VersionAt(p, Date(2024, 7, 1)));
  ASSERT_EQ(tiers.size(), 2u);
  EXPECT_EQ(tiers[0].after_months, 12);  // ordered by after_months
  EXPECT_EQ(tiers[1].after_months, 60);
  EXPECT_TRUE(SortedTiers(*VersionAt(p, Date(2025, 1, 1))).empty());
}

}  // namespace
}  // namespace hrkit
