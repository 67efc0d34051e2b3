// The negative limit holds on every day after approval (issue 14, defect 7):
// the balance check computes the ledger with the request charged and looks
// at every day from the request's first day on, under the limit of each
// day's policy version. Each case is run in both approval orders.
#include "hrkit/leave/negative_limit.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/leave/ledger_entitlements.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "leave_world.hpp"

namespace hrkit {
namespace {

using ::hrkit::leave_test::kAda;
using ::hrkit::leave_test::kAnnual;
using ::hrkit::leave_test::kHired;
using ::hrkit::leave_test::LeaveWorld;
using ::hrkit::leave_test::Monthly12;
using ::testing::HasSubstr;

// The ledger of `w` never goes below its limit.
void ExpectWithinLimits(const LeaveWorld& w) {
  absl::StatusOr<std::optional<LimitBreach>> breach = w.Breach();
  ASSERT_OK(breach.status());
  EXPECT_FALSE(breach->has_value()) << FormatIsoDate((*breach)->date) << " " << (*breach)->balance;
}

// ---------------------------------------------------------------------------
// A later approved request

// 12 days a year, 1 credited on the 1st of each month, no negative balance.
// A = Mon 2 .. Fri 13 December 2024 (10 days), B = Mon 3 .. Fri 7 June 2024
// (5 days). Together: on 1 December 12 credited, 5 taken in June: 7; A takes
// one a day: Dec 2 6, Dec 3 5, Dec 4 4, Dec 5 3, Dec 6 2, Dec 9 1, Dec 10 0,
// Dec 11 -1 < 0. Whichever is approved second is refused there; the one
// approved first fits alone (A: 12 - 10 = 2; B: 6 - 5 = 1 on June 7).
TEST(NegativeLimit, ALaterApprovedRequestIsSeenApprovingAThenB) {
  LeaveWorld w({{kHired, Monthly12()}});
  const LeaveRequestId a = w.Import(Date(2024, 12, 2), Date(2024, 12, 13));
  const LeaveRequestId b = w.Import(Date(2024, 6, 3), Date(2024, 6, 7));
  ASSERT_OK(w.Approve(a));
  const absl::Status refused = w.Approve(b);
  EXPECT_STATUS_CODE(refused, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(std::string(refused.message()),
            "leave_request:2 (employee:7): duration: 5 would leave a balance of -1 on 2024-12-11, below the allowed 0 "
            "for leave_type:1");
  EXPECT_EQ(w.book.Find(b)->status, LeaveRequestStatus::kSubmitted);
  ExpectWithinLimits(w);
}

TEST(NegativeLimit, ALaterApprovedRequestIsSeenApprovingBThenA) {
  LeaveWorld w({{kHired, Monthly12()}});
  const LeaveRequestId a = w.Import(Date(2024, 12, 2), Date(2024, 12, 13));
  const LeaveRequestId b = w.Import(Date(2024, 6, 3), Date(2024, 6, 7));
  ASSERT_OK(w.Approve(b));
  const absl::Status refused = w.Approve(a);
  EXPECT_STATUS_CODE(refused, absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(std::string(refused.message()),
            "leave_request:1 (employee:7): duration: 10 would leave a balance of -1 on 2024-12-11, below the allowed 0 "
            "for leave_type:1");
  EXPECT_EQ(w.book.Find(a)->status, LeaveRequestStatus::kSubmitted);
  ExpectWithinLimits(w);
}

// Submission asks the same check: with A approved, submitting B is refused
// on the day A takes the balance below 0, and the other way round.
TEST(NegativeLimit, SubmissionLooksAtEveryDayInBothOrders) {
  for (const bool a_first : {true, false}) {
    SCOPED_TRACE(a_first ? "A first" : "B first");
    LeaveWorld w({{kHired, Monthly12()}});
    const LeaveRequestInput a = LeaveWorld::Ask(Date(2024, 12, 2), Date(2024, 12, 13));
    const LeaveRequestInput b = LeaveWorld::Ask(Date(2024, 6, 3), Date(2024, 6, 7));
    ASSERT_OK_AND_ASSIGN(const LeaveRequestId first,
                         w.book.Submit(a_first ? a : b, w.Checked(), leave_test::kSubmitted));
    ASSERT_OK(w.Approve(first));
    const absl::StatusOr<LeaveRequestId> second = w.book.Submit(a_first ? b : a, w.Checked(), leave_test::kSubmitted);
    EXPECT_STATUS_CODE(second, absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(second.status().message(), HasSubstr("would leave a balance of -1 on 2024-12-11, below the allowed 0"));
    EXPECT_EQ(w.book.requests().size(), 1u);
  }
}

// ---------------------------------------------------------------------------
// A lapse at the year end inside the request

// Carry-over maximum 0. R = Mon 23 December 2024 .. Tue 7 January 2025:
// Dec 23-27 (5) + Dec 30-31 (2) + Jan 1-3 (3) + Jan 6-7 (2) = 12 days; on its
// first day 12 are credited, so 12 - 12 = 0 looked fine. But on Dec 31 the
// balance is 12 - 7 = 5, all of it lapses on 1 January (lapse, then the day
// taken, then January's credit: 5 - 5 - 1 + 1 = 0), and Jan 2 ends at -1.
// S = Mon 4 March 2024 (1 day) fits in either order; R never does:
// with S, Dec 31 is 12 - 1 - 7 = 4, lapsed, and Jan 2 is again -1.
LeavePolicyVersion NoCarryOver() {
  LeavePolicyVersion v = Monthly12();
  v.carry_over_max = 0.0;
  return v;
}

TEST(NegativeLimit, AYearEndLapseInsideTheRequestInBothOrders) {
  for (const bool r_first : {true, false}) {
    SCOPED_TRACE(r_first ? "R first" : "S first");
    LeaveWorld w({{kHired, NoCarryOver()}});
    const LeaveRequestId r = w.Import(Date(2024, 12, 23), Date(2025, 1, 7));
    const LeaveRequestId s = w.Import(Date(2024, 3, 4), Date(2024, 3, 4));
    EXPECT_EQ(w.book.Find(r)->duration, 12.0);
    absl::Status r_status;
    if (r_first) {
      r_status = w.Approve(r);
      ASSERT_OK(w.Approve(s));
    } else {
      ASSERT_OK(w.Approve(s));
      r_status = w.Approve(r);
    }
    EXPECT_STATUS_CODE(r_status, absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(std::string(r_status.message()),
              "leave_request:1 (employee:7): duration: 12 would leave a balance of -1 on 2025-01-02, below the "
              "allowed 0 for leave_type:1");
    EXPECT_EQ(w.book.Find(r)->status, LeaveRequestStatus::kSubmitted);
    ExpectWithinLimits(w);
  }
}

TEST(NegativeLimit, WithoutTheLapseTheYearEndRequestFits) {
  // Everything carried: Jan 1 is 5 - 1 + 1 = 5, Jan 7 5 - 4 = 1 >= 0.
  LeaveWorld w({{kHired, Monthly12()}});
  ASSERT_OK(w.Approve(w.Import(Date(2024, 12, 23), Date(2025, 1, 7))));
  ASSERT_OK_AND_ASSIGN(const ProjectedLedger ledger, w.Ledger());
  EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 1, 7)), 1.0);
  ExpectWithinLimits(w);
}

// ---------------------------------------------------------------------------
// A policy version that lowers the limit inside the request

// Limit 5 until Sunday 10 March 2024, 0 from Monday 11 March. On 1 March 3
// days are credited. R = Mon 4 .. Tue 12 March (7 days): Fri 8 ends at
// 3 - 5 = -2 (limit 5: fine), Mon 11 at -3 under limit 0: refused, although
// its first day allowed 3 - 7 = -4 >= -5. S = Mon 15 January (1 day): fits.
// With S approved first R reaches -4 on Mar 11.
std::vector<std::pair<Date, LeavePolicyVersion>> LimitLoweredOnMarch11() {
  LeavePolicyVersion five = Monthly12();
  five.negative_limit = 5.0;
  return {{kHired, five}, {Date(2024, 3, 11), Monthly12()}};
}

TEST(NegativeLimit, ALimitLoweredInsideTheRequestInBothOrders) {
  for (const bool r_first : {true, false}) {
    SCOPED_TRACE(r_first ? "R first" : "S first");
    LeaveWorld w(LimitLoweredOnMarch11());
    const LeaveRequestId r = w.Import(Date(2024, 3, 4), Date(2024, 3, 12));
    const LeaveRequestId s = w.Import(Date(2024, 1, 15), Date(2024, 1, 15));
    absl::Status r_status;
    if (r_first) {
      r_status = w.Approve(r);
      ASSERT_OK(w.Approve(s));
    } else {
      ASSERT_OK(w.Approve(s));
      r_status = w.Approve(r);
    }
    EXPECT_STATUS_CODE(r_status, absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(std::string(r_status.message()),
              absl::StrCat("leave_request:1 (employee:7): duration: 7 would leave a balance of ", r_first ? "-3" : "-4",
                           " on 2024-03-11, below the allowed 0 for leave_type:1"));
    ExpectWithinLimits(w);
  }
}

TEST(NegativeLimit, ExactlyReachingTheLowerLimitIsAllowed) {
  // R' = Mon 4 .. Wed 6 March: 3 - 3 = 0 from Mar 6 on, 0 >= 0 under either limit.
  LeaveWorld w(LimitLoweredOnMarch11());
  ASSERT_OK(w.Approve(w.Import(Date(2024, 3, 4), Date(2024, 3, 6))));
  ExpectWithinLimits(w);
}

// ---------------------------------------------------------------------------
// A cancellation never lowers a later balance (found by the property test)

// Cap 8, everything carried on 1 January, carried days expire after 3
// months. L = Mon 2 .. Fri 6 December 2024 (5 days); adjustment -3 on
// 2025-04-15.
// With L: 8 reached on 1 August, Sep..Dec credits refused by the cap; Dec 6
// ends at 3; 3 carried on 2025-01-01; Jan, Feb, Mar +1 each: 6; on Apr 1 the
// 3 carried expire unused (-3), April's credit +1: 4; Apr 15: 4 - 3 = 1.
// Without L (cancelled): 8 carried; Jan..Mar credits refused by the cap (3
// lost while the carried days waited: they count as using 3 of them); on
// Apr 1 8 - 3 = 5 expire: 8 - 5 + 1 = 4; Apr 15: 1. Before the fix all 8
// expired (Apr 1: 1, Apr 15: -2 < 0): cancelling leave lowered the balance.
LeavePolicyVersion CappedWithExpiry() {
  LeavePolicyVersion v = Monthly12();
  v.balance_cap = 8.0;
  v.carry_over_expiry = 3;
  return v;
}

void AddAdjustment(LeaveWorld& w) {
  w.adjustments.push_back(LedgerAdjustment{Date(2025, 4, 15), -3.0, false, 1});
  w.Rebuild();
}

TEST(NegativeLimit, ACancellationNeverLowersALaterBalanceInBothOrders) {
  for (const bool adjustment_first : {true, false}) {
    SCOPED_TRACE(adjustment_first ? "adjustment first" : "approval first");
    LeaveWorld w({{kHired, CappedWithExpiry()}});
    const LeaveRequestId l = w.Import(Date(2024, 12, 2), Date(2024, 12, 6));
    if (adjustment_first) AddAdjustment(w);
    ASSERT_OK(w.Approve(l));
    if (!adjustment_first) AddAdjustment(w);
    ExpectWithinLimits(w);
    ASSERT_OK_AND_ASSIGN(ProjectedLedger ledger, w.Ledger());
    EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 4, 1)), 4.0);
    EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 4, 15)), 1.0);

    ASSERT_OK(w.book.Cancel(l, leave_test::kDecided));
    ExpectWithinLimits(w);
    ASSERT_OK_AND_ASSIGN(ledger, w.Ledger());
    EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 3, 31)), 8.0);
    const LedgerEntry expiry{Date(2025, 4, 1), LedgerEntryKind::kExpiry, 0, -5.0, leave_test::kPolicy.value()};
    EXPECT_EQ(std::count(ledger.entries.begin(), ledger.entries.end(), expiry), 1);
    EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 4, 1)), 4.0);
    EXPECT_DOUBLE_EQ(Balance(ledger.entries, Date(2025, 4, 15)), 1.0);
  }
}

// ---------------------------------------------------------------------------
// The pieces: limits over time, the first breach, LedgerEntitlements

TEST(NegativeLimitsOf, OneStepPerSegmentVersionAndEnd) {
  LeavePolicy p{LeavePolicyId(1), "P", kAnnual, {}, {}};
  LeavePolicyVersion three = Monthly12();
  three.negative_limit = 3.0;
  LeavePolicyVersion unpaid;
  unpaid.keeps_balance = false;
  ASSERT_OK(p.versions.Add(Date(2000, 1, 1), three, Date(2000, 1, 1)));
  ASSERT_OK(p.versions.Add(Date(2024, 6, 1), unpaid, Date(2000, 1, 1)));
  const std::vector<PolicySegment> segments = {
      PolicySegment{kAda, kAnnual, p.id, Period(Date(2024, 1, 1), Date(2025, 1, 1))}};
  ASSERT_OK_AND_ASSIGN(const std::vector<NegativeLimitFrom> limits, NegativeLimitsOf(segments, {&p, 1}));
  const std::vector<NegativeLimitFrom> expected = {{Date(2024, 1, 1), kUnlimitedNegative},
                                                   {Date(2024, 1, 1), 3.0},
                                                   {Date(2024, 6, 1), kUnlimitedNegative},
                                                   {Date(2025, 1, 1), kUnlimitedNegative}};
  EXPECT_EQ(limits, expected);
  EXPECT_STATUS_CODE(NegativeLimitsOf(segments, {}), absl::StatusCode::kNotFound);
}

TEST(FirstLimitBreach, EveryDayUnderItsOwnLimit) {
  // +2 on Jan 1, -3 on Jan 10 (balance -1), +1 on Feb 1 (balance 0).
  ProjectedLedger ledger;
  ledger.entries = {LedgerEntry{Date(2024, 2, 1), LedgerEntryKind::kAccrual, 0, 1.0, 1},
                    LedgerEntry{Date(2024, 1, 10), LedgerEntryKind::kTaken, 0, -3.0, 4},
                    LedgerEntry{Date(2024, 1, 1), LedgerEntryKind::kAccrual, 0, 2.0, 1}};
  ledger.horizon = Date(2024, 12, 31);
  ledger.limits = {{Date(2024, 1, 1), 0.0}};
  EXPECT_EQ(FirstLimitBreach(ledger, Date(2024, 1, 1)), (LimitBreach{Date(2024, 1, 10), -1.0, 0.0}));
  EXPECT_EQ(FirstLimitBreach(ledger, Date(2024, 2, 1)), std::nullopt);  // 0: exactly the limit
  // Limit 1 until Jan 19, 0 from Jan 20: -1 is fine until the limit drops.
  ledger.limits = {{Date(2024, 1, 1), 1.0}, {Date(2024, 1, 20), 0.0}};
  EXPECT_EQ(FirstLimitBreach(ledger, Date(2024, 1, 1)), (LimitBreach{Date(2024, 1, 20), -1.0, 0.0}));
  ledger.horizon = Date(2024, 1, 19);  // the drop is past the horizon
  EXPECT_EQ(FirstLimitBreach(ledger, Date(2024, 1, 1)), std::nullopt);
  EXPECT_EQ(FirstLimitBreach(ledger, Date(2025, 1, 1)), std::nullopt);  // from after the horizon
}

TEST(LedgerEntitlements, ComputesTheLedgerWithTheDaysCharged) {
  LeaveWorld w({{kHired, Monthly12()}});
  const std::vector<LeaveDay> taken = {LeaveDay{Date(2024, 3, 4), 1.0, LeaveRequestId(3)}};
  // The basis ends with 2026; asked through 2027-06-30 it reaches that day.
  ASSERT_OK_AND_ASSIGN(const std::optional<ProjectedLedger> ledger,
                       w.entitlements->LedgerWith(kAda, kAnnual, taken, Date(2027, 6, 30)));
  ASSERT_TRUE(ledger.has_value());
  EXPECT_EQ(ledger->horizon, Date(2027, 6, 30));
  EXPECT_DOUBLE_EQ(Balance(ledger->entries, Date(2024, 3, 31)), 2.0);  // 3 credited - 1
  ASSERT_OK_AND_ASSIGN(bool has, w.entitlements->HasPolicy(kAda, kAnnual, Date(2023, 12, 31)));
  EXPECT_FALSE(has);
  ASSERT_OK_AND_ASSIGN(has, w.entitlements->HasPolicy(kAda, kAnnual, Date(2024, 1, 1)));
  EXPECT_TRUE(has);

  LedgerEntitlements no_basis({w.policy}, {PolicySegment{kAda, kAnnual, w.policy.id, Period(kHired, OpenEnd())}});
  EXPECT_STATUS_CODE(no_basis.LedgerWith(kAda, kAnnual, taken, Date(2024, 12, 31)),
                     absl::StatusCode::kFailedPrecondition);
  LeavePolicy unpaid = w.policy;
  LeavePolicyVersion none;
  none.keeps_balance = false;
  unpaid.versions = {};
  ASSERT_OK(unpaid.versions.Add(kHired, none, kHired));
  LedgerEntitlements untracked({unpaid}, {PolicySegment{kAda, kAnnual, unpaid.id, Period(kHired, OpenEnd())}});
  ASSERT_OK_AND_ASSIGN(const std::optional<ProjectedLedger> nothing,
                       untracked.LedgerWith(kAda, kAnnual, taken, Date(2024, 12, 31)));
  EXPECT_FALSE(nothing.has_value());
  LedgerEntitlements unknown({}, {PolicySegment{kAda, kAnnual, LeavePolicyId(5), Period(kHired, OpenEnd())}});
  EXPECT_STATUS_CODE(unknown.HasPolicy(kAda, kAnnual, Date(2024, 3, 1)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(unknown.LedgerWith(kAda, kAnnual, taken, Date(2024, 12, 31)), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit
