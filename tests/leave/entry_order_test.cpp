// Same-day entries of one kind come out of every ledger path in one order,
// whichever fact was entered first (issue 14, defect 8): ComputeLedger,
// RunAccrual over the facts in any order, and Statement.
#include <algorithm>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "leave_world.hpp"

namespace hrkit {
namespace {

using ::hrkit::leave_test::kAda;
using ::hrkit::leave_test::kAnnual;
using ::hrkit::leave_test::kHired;
using ::hrkit::leave_test::LeaveWorld;
using ::hrkit::leave_test::Monthly12;

const Period kYear2024(Date(2024, 1, 1), Date(2025, 1, 1));
const Date kMarch4(2024, 3, 4);

// The ledger of `w`'s employee over 2024 with `taken` and `adjustments`
// given in exactly this order.
std::vector<LedgerEntry> LedgerOf(const LeaveWorld& w, const std::vector<LeaveDay>& taken,
                                  const std::vector<LedgerAdjustment>& adjustments) {
  const std::vector<LeavePolicy> policies = {w.policy};
  const std::vector<PolicySegment> segments = {PolicySegment{kAda, kAnnual, w.policy.id, Period(kHired, OpenEnd())}};
  const AccrualFacts facts{kAda, kAnnual, &w.ada.employment, segments, policies, taken, adjustments, 0.0};
  absl::StatusOr<std::vector<LedgerEntry>> ledger = ComputeLedger(facts, kYear2024);
  EXPECT_OK(ledger.status());
  return ledger.ok() ? *ledger : std::vector<LedgerEntry>();
}

// The same through a population run over the same facts.
std::vector<LedgerEntry> RunOf(const LeaveWorld& w, const std::vector<LeaveDay>& taken,
                               const std::vector<LedgerAdjustment>& adjustments) {
  const std::vector<Employee> employees = {w.ada};
  const std::vector<LeavePolicy> policies = {w.policy};
  const std::vector<PolicySegment> segments = {PolicySegment{kAda, kAnnual, w.policy.id, Period(kHired, OpenEnd())}};
  std::vector<TakenLeave> population_taken;
  for (const LeaveDay& d : taken) population_taken.push_back(TakenLeave{kAda, kAnnual, d});
  std::vector<EmployeeAdjustment> population_adjustments;
  for (const LedgerAdjustment& a : adjustments) population_adjustments.push_back(EmployeeAdjustment{kAda, kAnnual, a});
  const AccrualPopulation population{employees, policies, segments, population_taken, {}, population_adjustments};
  absl::StatusOr<AccrualRunResult> run = RunAccrual(population, kYear2024, nullptr);
  EXPECT_OK(run.status());
  if (!run.ok() || run->size() != 1) return {};
  const std::span<const LedgerEntry> ledger = run->Ledger(0);
  return std::vector<LedgerEntry>(ledger.begin(), ledger.end());
}

// The entries of `ledger` dated `d`.
std::vector<LedgerEntry> On(const std::vector<LedgerEntry>& ledger, Date d) {
  std::vector<LedgerEntry> out;
  std::copy_if(ledger.begin(), ledger.end(), std::back_inserter(out),
               [&](const LedgerEntry& e) { return e.date == d; });
  return out;
}

TEST(EntryOrder, TwoAdjustmentsOnOneDateInBothOrders) {
  LeaveWorld w({{kHired, Monthly12()}});
  // -0.5 (ref 4) and -1 (ref 5) on Mon 4 March: the larger deduction first.
  const LedgerAdjustment small{kMarch4, -0.5, false, 4};
  const LedgerAdjustment large{kMarch4, -1.0, false, 5};
  const std::vector<LedgerEntry> expected = {LedgerEntry{kMarch4, LedgerEntryKind::kAdjustment, 0, -1.0, 5},
                                             LedgerEntry{kMarch4, LedgerEntryKind::kAdjustment, 0, -0.5, 4}};
  const std::vector<LedgerEntry> small_first = LedgerOf(w, {}, {small, large});
  const std::vector<LedgerEntry> large_first = LedgerOf(w, {}, {large, small});
  EXPECT_EQ(On(small_first, kMarch4), expected);
  EXPECT_EQ(small_first, large_first);
  EXPECT_EQ(RunOf(w, {}, {small, large}), small_first);
  EXPECT_EQ(RunOf(w, {}, {large, small}), small_first);
  // March: 3 credited - 1.5 = 1.5 either way.
  EXPECT_DOUBLE_EQ(Balance(small_first, kMarch4), 1.5);
}

TEST(EntryOrder, TwoHalfDaysTakenOnOneDateInBothOrders) {
  LeaveWorld w({{kHired, Monthly12()}});
  // The morning (request 9) and the afternoon (request 3) of Mon 4 March,
  // 0.5 each: equal amounts, so the request id decides: 3 first.
  const LeaveDay morning{kMarch4, 0.5, LeaveRequestId(9)};
  const LeaveDay afternoon{kMarch4, 0.5, LeaveRequestId(3)};
  const std::vector<LedgerEntry> expected = {LedgerEntry{kMarch4, LedgerEntryKind::kTaken, 0, -0.5, 3},
                                             LedgerEntry{kMarch4, LedgerEntryKind::kTaken, 0, -0.5, 9}};
  const std::vector<LedgerEntry> morning_first = LedgerOf(w, {morning, afternoon}, {});
  const std::vector<LedgerEntry> afternoon_first = LedgerOf(w, {afternoon, morning}, {});
  EXPECT_EQ(On(morning_first, kMarch4), expected);
  EXPECT_EQ(morning_first, afternoon_first);
  // RunAccrual sorts its input by date only: the ledger still agrees.
  EXPECT_EQ(RunOf(w, {morning, afternoon}, {}), morning_first);
  EXPECT_EQ(RunOf(w, {afternoon, morning}, {}), morning_first);
  EXPECT_DOUBLE_EQ(Balance(morning_first, kMarch4), 2.0);  // 3 - 0.5 - 0.5
}

TEST(EntryOrder, StatementOrdersByContentNotByInput) {
  const LedgerEntry a{kMarch4, LedgerEntryKind::kTaken, 0, -0.5, 9};
  const LedgerEntry b{kMarch4, LedgerEntryKind::kTaken, 0, -0.5, 3};
  const LedgerEntry credit{Date(2024, 3, 1), LedgerEntryKind::kAccrual, 0, 1.0, 1};
  const std::vector<StatementLine> one = Statement(std::vector<LedgerEntry>{a, b, credit}, kMarch4);
  const std::vector<StatementLine> other = Statement(std::vector<LedgerEntry>{b, credit, a}, kMarch4);
  EXPECT_EQ(one, other);
  ASSERT_EQ(one.size(), 3u);
  EXPECT_EQ(one[1].entry, b);                   // ref 3 before ref 9
  EXPECT_DOUBLE_EQ(one[2].balance_after, 0.0);  // 1 - 0.5 - 0.5
  EXPECT_TRUE(LedgerEntryLess(b, a));
  EXPECT_FALSE(LedgerEntryLess(a, b));
  EXPECT_FALSE(LedgerEntryLess(a, a));
}

}  // namespace
}  // namespace hrkit
