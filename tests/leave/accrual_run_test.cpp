#include "hrkit/leave/accrual_run.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/progress.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

const LeaveTypeId kAnnual(1);
const LeaveTypeId kSick(2);
const Period kYear2025(Date(2025, 1, 1), Date(2026, 1, 1));

Employee Hired(std::int64_t id, Date hire, double fte) {
  Employee e;
  e.id = EmployeeId(id);
  EmploymentRecord r;
  r.fte = fte;
  r.employment_start = r.seniority_start = hire;
  EXPECT_OK(e.employment.Add(hire, r, hire));
  return e;
}

LeavePolicy Policy(std::int64_t id, LeaveTypeId type, double amount) {
  LeavePolicy p{LeavePolicyId(id), "P", type, {}, {}};
  LeavePolicyVersion v;
  v.amount_per_year = amount;
  v.carry_over_max = 5;
  v.carry_over_expiry = 3;
  v.balance_cap = 30;
  v.tiers.push_back(LeaveTier{60, amount + 2});
  EXPECT_OK(p.versions.Add(Date(2000, 1, 1), v, Date(2000, 1, 1)));
  return p;
}

// Three employees, two leave types, a mid-year policy change, leave, openings
// and an adjustment; every list deliberately out of order.
struct Population {
  std::vector<Employee> employees{Hired(3, Date(2025, 3, 17), 1.0), Hired(1, Date(2010, 1, 1), 0.8),
                                  Hired(2, Date(2024, 6, 11), 1.0)};
  std::vector<LeavePolicy> policies{Policy(2, kAnnual, 30), Policy(1, kAnnual, 24), Policy(3, kSick, 10)};
  std::vector<PolicySegment> segments{
      {EmployeeId(2), kAnnual, LeavePolicyId(2), Period(Date(2025, 7, 1), OpenEnd())},
      {EmployeeId(1), kSick, LeavePolicyId(3), Period(Date(2010, 1, 1), OpenEnd())},
      {EmployeeId(2), kAnnual, LeavePolicyId(1), Period(Date(2024, 6, 11), Date(2025, 7, 1))},
      {EmployeeId(1), kAnnual, LeavePolicyId(1), Period(Date(2010, 1, 1), OpenEnd())},
      {EmployeeId(3), kAnnual, LeavePolicyId(1), Period(Date(2025, 3, 17), OpenEnd())},
  };
  std::vector<TakenLeave> taken{
      {EmployeeId(2), kAnnual, LeaveDay{Date(2025, 2, 4), 1.0, LeaveRequestId(8)}},
      {EmployeeId(1), kAnnual, LeaveDay{Date(2025, 5, 5), 0.5, LeaveRequestId(9)}},
      {EmployeeId(2), kAnnual, LeaveDay{Date(2025, 2, 3), 1.0, LeaveRequestId(8)}},
  };
  std::vector<OpeningBalance> openings{{EmployeeId(2), kAnnual, 6.5}, {EmployeeId(1), kAnnual, 3}};
  std::vector<EmployeeAdjustment> adjustments{
      {EmployeeId(1), kAnnual, LedgerAdjustment{Date(2025, 6, 30), -1.0, true, 5}}};

  AccrualPopulation View() const { return {employees, policies, segments, taken, openings, adjustments}; }

  // The ledger ComputeLedger gives for one employee and type.
  std::vector<LedgerEntry> Single(EmployeeId employee, LeaveTypeId type) const {
    std::vector<PolicySegment> segs;
    std::vector<LeaveDay> days;
    std::vector<LedgerAdjustment> manual;
    double opening = 0;
    for (const auto& s : segments) {
      if (s.employee == employee && s.leave_type == type) segs.push_back(s);
    }
    for (const auto& t : taken) {
      if (t.employee == employee && t.leave_type == type) days.push_back(t.day);
    }
    for (const auto& a : adjustments) {
      if (a.employee == employee && a.leave_type == type) manual.push_back(a.adjustment);
    }
    for (const auto& o : openings) {
      if (o.employee == employee && o.leave_type == type) opening = o.balance;
    }
    const Employee& e =
        *std::find_if(employees.begin(), employees.end(), [&](const Employee& x) { return x.id == employee; });
    const AccrualFacts facts{employee, type, &e.employment, segs, policies, days, manual, opening};
    absl::StatusOr<std::vector<LedgerEntry>> ledger = ComputeLedger(facts, kYear2025);
    EXPECT_OK(ledger.status());
    return ledger.ok() ? *ledger : std::vector<LedgerEntry>();
  }
};

TEST(AccrualRun, EveryLedgerEqualsTheSingleComputation) {
  const Population p;
  ASSERT_OK_AND_ASSIGN(AccrualRunResult run, RunAccrual(p.View(), kYear2025, nullptr));
  ASSERT_EQ(run.size(), 4u);  // (1, annual), (1, sick), (2, annual), (3, annual)
  EXPECT_EQ(run.employees, (std::vector<EmployeeId>{EmployeeId(1), EmployeeId(1), EmployeeId(2), EmployeeId(3)}));
  EXPECT_EQ(run.leave_types, (std::vector<LeaveTypeId>{kAnnual, kSick, kAnnual, kAnnual}));
  ASSERT_EQ(run.offsets.size(), 5u);
  EXPECT_EQ(run.offsets.back(), run.entries.size());
  for (std::size_t i = 0; i < run.size(); ++i) {
    const auto ledger = run.Ledger(i);
    EXPECT_EQ(std::vector<LedgerEntry>(ledger.begin(), ledger.end()), p.Single(run.employees[i], run.leave_types[i]))
        << i;
  }
  // Employee 1, annual: 0.8 FTE, tier reached (2010 + 60 months): 26 x 0.8 = 20.8 a year,
  // opening 3 carried whole, 0.5 taken, 1 encashed; the carried 3 less 0 taken before
  // 1 April expire in full: 3 + 20.8 - 0.5 - 1 - 3 = 19.3.
  const std::size_t one = *run.Find(EmployeeId(1), kAnnual);
  EXPECT_NEAR(Balance(run.Ledger(one), Date(2025, 12, 31)), 19.3, 1e-9);
  // Employee 2 changes policy on 1 July: 6 x 2 + 6 x 2.5 = 27, opening 6.5 carries 5 (1.5 lapse),
  // 2 taken in February consume carried days: 3 expire. 5 + 27 - 2 - 3 = 27.
  const std::size_t two = *run.Find(EmployeeId(2), kAnnual);
  EXPECT_NEAR(Balance(run.Ledger(two), Date(2025, 12, 31)), 27.0, 1e-9);
  EXPECT_FALSE(run.Find(EmployeeId(2), kSick).has_value());
  EXPECT_FALSE(run.Find(EmployeeId(4), kAnnual).has_value());
}

// The run keeps per-version state (sorted tiers, accrual years, the first
// period) from one ledger to the next: ledgers alternating between policies
// of other frequencies, carry-over months and tiered versions must still equal
// their single computations.
TEST(AccrualRun, LedgersAlternatingBetweenPoliciesEqualTheSingleComputation) {
  Population p;
  auto policy = [](std::int64_t id, AccrualFrequency frequency, int carry_over_month) {
    LeavePolicy policy = Policy(id, kAnnual, 12 + static_cast<double>(id));
    LeavePolicyVersion v = policy.versions.Entries().front().value;
    v.frequency = frequency;
    v.carry_over_month = carry_over_month;
    v.rounding = AccrualRounding::kQuarter;  // the yearly ceiling needs the right accrual years
    if (frequency == AccrualFrequency::kQuarterly || frequency == AccrualFrequency::kHalfYearly) {
      v.timing = CreditTiming::kAnniversary;
    } else if (id % 2 == 1) {
      v.timing = CreditTiming::kEnd;
    }
    policy.versions = {};
    v.tiers = {LeaveTier{60, 30}, LeaveTier{12, 20}};
    EXPECT_OK(policy.versions.Add(Date(2000, 1, 1), v, Date(2000, 1, 1)));
    if (id <= 3) {  // a second version, with its own tiers
      v.amount_per_year += 3;
      v.tiers = {LeaveTier{24, 40}};
      EXPECT_OK(policy.versions.Add(Date(2025, 5, 1), v, Date(2025, 5, 1)));
    }
    return policy;
  };
  p.policies = {policy(1, AccrualFrequency::kMonthly, 1), policy(2, AccrualFrequency::kQuarterly, 4),
                policy(3, AccrualFrequency::kWeekly, 1),  policy(4, AccrualFrequency::kTwiceMonthly, 7),
                policy(5, AccrualFrequency::kDaily, 10),  policy(6, AccrualFrequency::kHalfYearly, 1)};
  p.employees.clear();
  p.segments.clear();
  for (std::int64_t id = 1; id <= 12; ++id) {
    p.employees.push_back(Hired(id,
                                Date(2015 + static_cast<int>(id % 7), static_cast<int>(id), 3 + static_cast<int>(id)),
                                id % 3 == 0 ? 0.6 : 1.0));
    const Date hire = p.employees.back().employment.Entries().front().effective;
    const LeavePolicyId first(1 + id % 6);
    if (id % 4 == 0) {
      p.segments.push_back({EmployeeId(id), kAnnual, first, Period(hire, Date(2025, 8, 1))});
      p.segments.push_back(
          {EmployeeId(id), kAnnual, LeavePolicyId(1 + (id + 1) % 6), Period(Date(2025, 8, 1), OpenEnd())});
    } else {
      p.segments.push_back({EmployeeId(id), kAnnual, first, Period(hire, OpenEnd())});
    }
  }
  p.taken = {{EmployeeId(2), kAnnual, LeaveDay{Date(2025, 2, 4), 1.0, LeaveRequestId(8)}}};
  p.openings = {{EmployeeId(5), kAnnual, 4}};
  p.adjustments.clear();
  ASSERT_OK_AND_ASSIGN(AccrualRunResult run, RunAccrual(p.View(), kYear2025, nullptr));
  ASSERT_EQ(run.size(), 12u);
  for (std::size_t i = 0; i < run.size(); ++i) {
    const auto ledger = run.Ledger(i);
    EXPECT_FALSE(ledger.empty()) << i;
    EXPECT_EQ(std::vector<LedgerEntry>(ledger.begin(), ledger.end()), p.Single(run.employees[i], run.leave_types[i]))
        << i;
  }
  // Employee 6 (hired 2021-06-09, 0.6 FTE, policy 1): the first version's
  // 12-month tier gives 20 a year, the second version's 24-month tier 40.
  const auto six = run.Ledger(*run.Find(EmployeeId(6), kAnnual));
  auto credit_on = [&](Date d) {
    for (const LedgerEntry& e : six) {
      if (e.kind == LedgerEntryKind::kAccrual && e.date == d) return e.amount;
    }
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(credit_on(Date(2025, 4, 30)), 1.0);
  EXPECT_DOUBLE_EQ(credit_on(Date(2025, 6, 30)), 2.0);
}

TEST(AccrualRun, ReusedResultEqualsAFreshOneAndIsEmptiedOnError) {
  Population p;
  ASSERT_OK_AND_ASSIGN(AccrualRunResult fresh, RunAccrual(p.View(), kYear2025, nullptr));
  AccrualRunResult reused;
  ASSERT_OK(RunAccrual(p.View(), kYear2025, nullptr, &reused));
  ASSERT_OK(RunAccrual(p.View(), kYear2025, nullptr, &reused));  // the second run starts from a full result
  EXPECT_EQ(reused.entries, fresh.entries);
  EXPECT_EQ(reused.offsets, fresh.offsets);
  EXPECT_EQ(reused.employees, fresh.employees);
  p.policies[0].name.clear();
  EXPECT_STATUS_CODE(RunAccrual(p.View(), kYear2025, nullptr, &reused), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(reused.size(), 0u);
  EXPECT_TRUE(reused.entries.empty());
  EXPECT_EQ(reused.offsets, std::vector<std::uint64_t>{0});
}

TEST(AccrualRun, SortedAndShuffledInputGiveTheSameResult) {
  Population p;
  ASSERT_OK_AND_ASSIGN(AccrualRunResult shuffled, RunAccrual(p.View(), kYear2025, nullptr));
  std::sort(p.employees.begin(), p.employees.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(p.segments.begin(), p.segments.end(), [](const auto& a, const auto& b) {
    return std::tie(a.employee, a.leave_type) < std::tie(b.employee, b.leave_type) ||
           (a.employee == b.employee && a.leave_type == b.leave_type && a.period.begin() < b.period.begin());
  });
  ASSERT_OK_AND_ASSIGN(AccrualRunResult sorted, RunAccrual(p.View(), kYear2025, nullptr));
  EXPECT_EQ(sorted.entries, shuffled.entries);
  EXPECT_EQ(sorted.offsets, shuffled.offsets);
}

TEST(AccrualRun, ReportsProgressAndStopsWhenCancelled) {
  std::vector<Employee> employees;
  std::vector<PolicySegment> segments;
  for (std::int64_t id = 1; id <= 5000; ++id) {
    employees.push_back(Hired(id, Date(2020, 1, 1), 1.0));
    segments.push_back(PolicySegment{EmployeeId(id), kAnnual, LeavePolicyId(1), Period(Date(2020, 1, 1), OpenEnd())});
  }
  const std::vector<LeavePolicy> policies{Policy(1, kAnnual, 24)};
  const AccrualPopulation population{employees, policies, segments, {}, {}, {}};

  std::vector<std::int64_t> seen;
  CancellableProgress counting([&](std::string_view stage, std::int64_t done, std::int64_t total) {
    EXPECT_EQ(stage, "accrual");
    EXPECT_EQ(total, 5000);
    seen.push_back(done);
  });
  ASSERT_OK_AND_ASSIGN(AccrualRunResult run, RunAccrual(population, kYear2025, &counting));
  EXPECT_EQ(run.size(), 5000u);
  EXPECT_EQ(run.entries.size(), 5000u * 12);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{0, 4096, 5000}));

  struct StopAfterFirst final : ProgressSink {
    void Update(std::string_view, std::int64_t done, std::int64_t) override { stop = stop || done > 0; }
    bool Cancelled() const override { return stop; }
    bool stop = false;
  } stop_after_first;
  const auto cancelled = RunAccrual(population, kYear2025, &stop_after_first);
  EXPECT_STATUS_CODE(cancelled.status(), absl::StatusCode::kCancelled);
  EXPECT_THAT(Message(cancelled.status()), HasSubstr("4096 of 5000"));
}

TEST(AccrualRun, RejectsBadPopulations) {
  Population p;
  p.segments.push_back({EmployeeId(9), kAnnual, LeavePolicyId(1), Period(Date(2025, 1, 1), OpenEnd())});
  auto result = RunAccrual(p.View(), kYear2025, nullptr);
  EXPECT_STATUS_CODE(result.status(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(result.status()), HasSubstr("employee:9"));

  p = Population();
  p.taken.push_back({EmployeeId(9), kAnnual, LeaveDay{Date(2025, 2, 4), 1.0, LeaveRequestId(8)}});
  EXPECT_STATUS_CODE(RunAccrual(p.View(), kYear2025, nullptr).status(), absl::StatusCode::kNotFound);

  p = Population();
  p.policies.push_back(Policy(1, kAnnual, 20));
  EXPECT_THAT(Message(RunAccrual(p.View(), kYear2025, nullptr).status()), HasSubstr("leave_policy:1 appears twice"));

  p = Population();
  p.employees.push_back(Hired(2, Date(2020, 1, 1), 1.0));
  EXPECT_THAT(Message(RunAccrual(p.View(), kYear2025, nullptr).status()), HasSubstr("employee:2 appears twice"));

  p = Population();
  p.openings.push_back({EmployeeId(1), kAnnual, 1.0});
  EXPECT_THAT(Message(RunAccrual(p.View(), kYear2025, nullptr).status()), HasSubstr("two opening balances"));

  p = Population();
  p.segments.push_back({EmployeeId(3), kAnnual, LeavePolicyId(2), Period(Date(2025, 6, 1), Date(2025, 8, 1))});
  result = RunAccrual(p.View(), kYear2025, nullptr);
  EXPECT_STATUS_CODE(result.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(result.status()), HasSubstr("employee:3 leave_type:1"));

  p = Population();
  p.policies[0].name.clear();
  EXPECT_STATUS_CODE(RunAccrual(p.View(), kYear2025, nullptr).status(), absl::StatusCode::kInvalidArgument);

  p = Population();
  EXPECT_STATUS_CODE(RunAccrual(p.View(), Period(Date(2025, 1, 1), Date(2024, 1, 1)), nullptr).status(),
                     absl::StatusCode::kInvalidArgument);
}

TEST(AccrualRun, TheProcessTimeZoneChangesNothing) {
  // Dates are calendar days, never instants: the same facts give the same
  // ledgers on both sides of the date line.
  const char* saved = std::getenv("TZ");
  const std::string previous = saved == nullptr ? "" : saved;
  Population p;
  std::vector<AccrualRunResult> results;
  for (const char* zone : {"UTC0", "<+14>-14", "<-12>12"}) {
    setenv("TZ", zone, 1);
    tzset();
    ASSERT_OK_AND_ASSIGN(AccrualRunResult r, RunAccrual(p.View(), kYear2025, nullptr));
    results.push_back(std::move(r));
  }
  if (saved == nullptr) {
    unsetenv("TZ");
  } else {
    setenv("TZ", previous.c_str(), 1);
  }
  tzset();
  ASSERT_FALSE(results[0].entries.empty());
  EXPECT_EQ(results[1].entries, results[0].entries);
  EXPECT_EQ(results[2].entries, results[0].entries);
}

}  // namespace
}  // namespace hrkit
