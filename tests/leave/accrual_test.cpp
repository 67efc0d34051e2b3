#include "hrkit/leave/accrual.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

constexpr double kTol = 1e-9;
const EmployeeId kEmployee(7);
const LeaveTypeId kAnnual(1);
const Period kYear2024(Date(2024, 1, 1), Date(2025, 1, 1));
const Period kYear2025(Date(2025, 1, 1), Date(2026, 1, 1));

// An employee hired on `hire` (employment and seniority start), active at `fte`.
Employee Hired(Date hire, double fte = 1.0, Date seniority = Date()) {
  Employee e;
  e.id = kEmployee;
  EmploymentRecord r;
  r.fte = fte;
  r.employment_start = hire;
  r.seniority_start = seniority.is_not_a_date() ? hire : seniority;
  EXPECT_OK(e.employment.Add(hire, r, hire));
  return e;
}

// Adds a change of FTE from `from`.
void ChangeFte(Employee& e, Date from, double fte) {
  EmploymentRecord r = *e.employment.At(from);
  r.fte = fte;
  r.event = EmploymentEvent::kFteChange;
  EXPECT_OK(e.employment.Add(from, r, from));
}

// Terminates after `last_day`.
void Terminate(Employee& e, Date last_day) {
  EmploymentRecord r = *e.employment.At(last_day);
  r.status = EmploymentStatus::kTerminated;
  r.fte = 0;
  r.event = EmploymentEvent::kTermination;
  const Date effective = last_day + boost::gregorian::days(1);
  EXPECT_OK(e.employment.Add(effective, r, effective));
}

// 24 days a year, monthly, credited at the start, pro-rated, no rounding.
LeavePolicyVersion Monthly24() {
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  return v;
}

LeavePolicy PolicyOf(LeavePolicyVersion v, LeavePolicyId id = LeavePolicyId(1)) {
  LeavePolicy p{id, "Policy", kAnnual, {}, {}};
  EXPECT_OK(p.versions.Add(Date(2000, 1, 1), v, Date(2000, 1, 1)));
  return p;
}

PolicySegment Segment(LeavePolicyId policy, Date begin, Date end = OpenEnd()) {
  return PolicySegment{kEmployee, kAnnual, policy, Period(begin, end)};
}

// Facts plus the storage their spans point into.
struct Case {
  Employee employee;
  std::vector<LeavePolicy> policies;
  std::vector<PolicySegment> segments;
  std::vector<LeaveDay> taken;
  std::vector<LedgerAdjustment> adjustments;
  double opening = 0;

  AccrualFacts Facts() const {
    return AccrualFacts{kEmployee, kAnnual, &employee.employment, segments, policies, taken, adjustments, opening};
  }
  std::vector<LedgerEntry> Ledger(const Period& range) const {
    absl::StatusOr<std::vector<LedgerEntry>> ledger = ComputeLedger(Facts(), range);
    EXPECT_OK(ledger.status());
    return ledger.ok() ? *ledger : std::vector<LedgerEntry>();
  }
};

// One policy for the whole employment of `employee`.
Case SimpleCase(Employee employee, LeavePolicyVersion v) {
  Case c;
  c.employee = std::move(employee);
  c.policies.push_back(PolicyOf(v));
  c.segments.push_back(Segment(LeavePolicyId(1), Date(2000, 1, 1)));
  return c;
}

std::vector<LedgerEntry> OfKind(const std::vector<LedgerEntry>& ledger, LedgerEntryKind kind) {
  std::vector<LedgerEntry> out;
  for (const LedgerEntry& e : ledger) {
    if (e.kind == kind) out.push_back(e);
  }
  return out;
}

double Sum(const std::vector<LedgerEntry>& entries) {
  double sum = 0;
  for (const LedgerEntry& e : entries) sum += e.amount;
  return sum;
}

void TakeDays(Case& c, Date first, int count, LeaveRequestId request = LeaveRequestId(1)) {
  for (int i = 0; i < count; ++i) c.taken.push_back(LeaveDay{first + boost::gregorian::days(i), 1.0, request});
}

TEST(Accrual, DomainExampleProRatedJoiner) {
  const Case c = SimpleCase(Hired(Date(2024, 6, 11)), Monthly24());
  const auto ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 7u);  // June..December
  // June: 2 x 20/30 (11..30 June employed) = 1.3333, credited on the hire date.
  EXPECT_EQ(ledger[0].date, Date(2024, 6, 11));
  EXPECT_NEAR(ledger[0].amount, 2.0 * 20 / 30, kTol);
  EXPECT_EQ(ledger[0].notes, kNoteProrated);
  EXPECT_EQ(ledger[0].ref, 1);
  EXPECT_EQ(ledger[1].date, Date(2024, 7, 1));
  EXPECT_NEAR(ledger[1].amount, 2.0, kTol);
  EXPECT_EQ(ledger[1].notes, 0);
  // 1.3333 + 6 x 2 = 13.3333.
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 13.0 + 1.0 / 3, kTol);
  EXPECT_EQ(Balance(ledger, Date(2024, 6, 10)), 0.0);
}

TEST(Accrual, ProRatedLeaver) {
  Employee e = Hired(Date(2020, 1, 1));
  Terminate(e, Date(2024, 3, 10));
  const Case c = SimpleCase(e, Monthly24());
  const auto ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 3u);
  // March: 2 x 10/31 (1..10 March employed) = 0.6452.
  EXPECT_EQ(ledger[2].date, Date(2024, 3, 1));
  EXPECT_NEAR(ledger[2].amount, 2.0 * 10 / 31, kTol);
  // 2 + 2 + 0.6452.
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 4 + 20.0 / 31, kTol);
}

TEST(Accrual, EndTimingOfALeaverCreditsOnTheLastDayEmployed) {
  Employee e = Hired(Date(2020, 1, 1));
  Terminate(e, Date(2024, 3, 10));
  LeavePolicyVersion v = Monthly24();
  v.timing = CreditTiming::kEnd;
  const auto ledger = SimpleCase(e, v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger[0].date, Date(2024, 1, 31));
  EXPECT_EQ(ledger[1].date, Date(2024, 2, 29));
  EXPECT_EQ(ledger[2].date, Date(2024, 3, 10));
  EXPECT_NEAR(ledger[2].amount, 2.0 * 10 / 31, kTol);
}

TEST(Accrual, NoProRatingGivesAPartialPeriodItsWholeAmount) {
  LeavePolicyVersion v = Monthly24();
  v.prorate = false;
  const auto ledger = SimpleCase(Hired(Date(2024, 6, 11)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 7u);
  EXPECT_NEAR(ledger[0].amount, 2.0, kTol);                      // June in full
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 14.0, kTol);  // 7 x 2
}

struct FrequencyCase {
  AccrualFrequency frequency;
  Period year;
  std::size_t credits;
};

class FrequencyTest : public ::testing::TestWithParam<FrequencyCase> {};

TEST_P(FrequencyTest, FullYearCreditCountAndTotal) {
  LeavePolicyVersion v = Monthly24();
  v.frequency = GetParam().frequency;
  const auto ledger = SimpleCase(Hired(Date(2015, 1, 1)), v).Ledger(GetParam().year);
  EXPECT_EQ(ledger.size(), GetParam().credits);
  // A full year at 24 a year: the credits add up to 24 whatever the frequency.
  EXPECT_NEAR(Sum(ledger), 24.0, 1e-9);
  for (const LedgerEntry& e : ledger) EXPECT_EQ(e.notes, 0) << FormatIsoDate(e.date);
}

INSTANTIATE_TEST_SUITE_P(Accrual, FrequencyTest,
                         ::testing::Values(FrequencyCase{AccrualFrequency::kDaily, kYear2024, 366},  // leap year
                                           FrequencyCase{AccrualFrequency::kDaily, kYear2025, 365},
                                           FrequencyCase{AccrualFrequency::kWeekly, kYear2024, 52},  // never 53
                                           FrequencyCase{AccrualFrequency::kWeekly, kYear2025, 52},
                                           FrequencyCase{AccrualFrequency::kTwiceMonthly, kYear2025, 24},
                                           FrequencyCase{AccrualFrequency::kMonthly, kYear2025, 12},
                                           FrequencyCase{AccrualFrequency::kQuarterly, kYear2025, 4},
                                           FrequencyCase{AccrualFrequency::kHalfYearly, kYear2025, 2},
                                           FrequencyCase{AccrualFrequency::kYearly, kYear2025, 1}));

TEST(Accrual, WeeklyLastWeekAbsorbsTheYearsLeftoverDays) {
  LeavePolicyVersion v = Monthly24();
  v.frequency = AccrualFrequency::kWeekly;
  v.timing = CreditTiming::kEnd;
  const auto ledger = SimpleCase(Hired(Date(2015, 1, 1)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 52u);
  EXPECT_EQ(ledger[0].date, Date(2024, 1, 7));  // 7-day blocks from 1 January
  // Week 52 starts on day 51 x 7 = 357 (23 December) and runs to 31 December (9 days).
  EXPECT_EQ(ledger[50].date, Date(2024, 12, 22));
  EXPECT_EQ(ledger[51].date, Date(2024, 12, 31));
  EXPECT_NEAR(ledger[51].amount, 24.0 / 52, kTol);
}

TEST(Accrual, TwiceMonthlyHalvesAndProRating) {
  LeavePolicyVersion v = Monthly24();
  v.frequency = AccrualFrequency::kTwiceMonthly;
  const auto ledger = SimpleCase(Hired(Date(2025, 2, 20)), v).Ledger(kYear2025);
  ASSERT_GE(ledger.size(), 3u);
  // 16..28 February is 13 days; hired on the 20th: 1 x 9/13 (20..28).
  EXPECT_EQ(ledger[0].date, Date(2025, 2, 20));
  EXPECT_NEAR(ledger[0].amount, 9.0 / 13, kTol);
  EXPECT_EQ(ledger[1].date, Date(2025, 3, 1));
  EXPECT_EQ(ledger[2].date, Date(2025, 3, 16));
  EXPECT_NEAR(ledger[2].amount, 1.0, kTol);
  EXPECT_EQ(ledger.size(), 21u);  // second half of February + 10 months x 2
}

TEST(Accrual, EndTimingCreditsNothingBeforeThePeriodsLastDay) {
  LeavePolicyVersion v = Monthly24();
  v.timing = CreditTiming::kEnd;
  const auto ledger = SimpleCase(Hired(Date(2019, 1, 1)), v).Ledger(kYear2024);
  EXPECT_EQ(Balance(ledger, Date(2024, 1, 30)), 0.0);
  EXPECT_NEAR(Balance(ledger, Date(2024, 1, 31)), 2.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 2, 28)), 2.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 2, 29)), 4.0, kTol);
}

TEST(Accrual, StartTimingCreditsOnThePeriodsFirstDay) {
  const auto ledger = SimpleCase(Hired(Date(2019, 1, 1)), Monthly24()).Ledger(kYear2024);
  EXPECT_NEAR(Balance(ledger, Date(2024, 1, 1)), 2.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 1, 31)), 2.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 2, 1)), 4.0, kTol);
}

TEST(Accrual, AnniversaryTimingYearlyAndMonthlyWithMonthEnds) {
  LeavePolicyVersion v = Monthly24();
  v.timing = CreditTiming::kAnniversary;
  v.frequency = AccrualFrequency::kYearly;
  auto ledger = SimpleCase(Hired(Date(2019, 3, 20)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger[0].date, Date(2024, 3, 20));
  EXPECT_EQ(Balance(ledger, Date(2024, 3, 19)), 0.0);
  EXPECT_NEAR(ledger[0].amount, 24.0, kTol);

  v.frequency = AccrualFrequency::kMonthly;
  ledger = SimpleCase(Hired(Date(2019, 1, 31)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 12u);
  EXPECT_EQ(ledger[0].date, Date(2024, 1, 31));
  EXPECT_EQ(ledger[1].date, Date(2024, 2, 29));  // clamped to the month end
  EXPECT_EQ(ledger[3].date, Date(2024, 4, 30));

  v.frequency = AccrualFrequency::kQuarterly;
  ledger = SimpleCase(Hired(Date(2019, 5, 10)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 4u);
  // Every 3 months from 10 May: 10 Feb, 10 May, 10 Aug, 10 Nov.
  EXPECT_EQ(ledger[0].date, Date(2024, 2, 10));
  EXPECT_EQ(ledger[1].date, Date(2024, 5, 10));
  EXPECT_EQ(ledger[3].date, Date(2024, 11, 10));
}

TEST(Accrual, AnniversaryOfAJoinerIsTheHireDate) {
  LeavePolicyVersion v = Monthly24();
  v.timing = CreditTiming::kAnniversary;
  const auto ledger = SimpleCase(Hired(Date(2024, 6, 11)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 7u);
  EXPECT_EQ(ledger[0].date, Date(2024, 6, 11));
  EXPECT_EQ(ledger[1].date, Date(2024, 7, 11));
}

TEST(Accrual, WholeDayRoundingNeverExceedsTheYearlyAmount) {
  LeavePolicyVersion v = Monthly24();
  v.amount_per_year = 20;
  v.rounding = AccrualRounding::kWhole;
  const auto ledger = SimpleCase(Hired(Date(2015, 1, 1)), v).Ledger(kYear2025);
  ASSERT_EQ(ledger.size(), 12u);
  // 20/12 = 1.6667 rounds to 2; ten credits of 2 reach 20, November and December get 0.
  for (int m = 0; m < 10; ++m) EXPECT_EQ(ledger[m].amount, 2.0) << m;
  EXPECT_EQ(ledger[10].amount, 0.0);
  EXPECT_EQ(ledger[11].amount, 0.0);
  EXPECT_EQ(ledger[10].notes, kNoteRounded | kNoteCeiling);
  EXPECT_EQ(Sum(ledger), 20.0);
}

TEST(Accrual, HalfDayRoundingDownKeepsEveryCredit) {
  LeavePolicyVersion v = Monthly24();
  v.amount_per_year = 25;
  v.rounding = AccrualRounding::kHalf;
  const auto ledger = SimpleCase(Hired(Date(2015, 1, 1)), v).Ledger(kYear2025);
  // 25/12 = 2.0833 rounds to 2.0 every month: 24 <= 25, nothing reduced.
  EXPECT_EQ(Sum(ledger), 24.0);
  for (const LedgerEntry& e : ledger) EXPECT_EQ(e.notes, kNoteRounded);
}

TEST(Accrual, RoundingOfAJoinerStaysWithinTheProRatedEntitlement) {
  LeavePolicyVersion v = Monthly24();
  v.rounding = AccrualRounding::kHalf;
  const auto ledger = SimpleCase(Hired(Date(2024, 6, 11)), v).Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 7u);
  // June 1.3333 -> 1.5; July..November 2 each -> 11.5; the year's entitlement is 13.3333,
  // so December may add floor((13.3333 - 11.5) / 0.5) x 0.5 = 1.5 instead of 2.
  EXPECT_EQ(ledger[0].amount, 1.5);
  EXPECT_EQ(ledger[5].amount, 2.0);
  EXPECT_EQ(ledger[6].amount, 1.5);
  EXPECT_EQ(ledger[6].notes, kNoteCeiling);
  EXPECT_EQ(Sum(ledger), 13.0);

  v.rounding = AccrualRounding::kQuarter;
  const auto quarter = SimpleCase(Hired(Date(2024, 6, 11)), v).Ledger(kYear2024);
  // June 1.3333 -> 1.25, then 6 x 2: 13.25 <= 13.3333.
  EXPECT_EQ(quarter[0].amount, 1.25);
  EXPECT_EQ(Sum(quarter), 13.25);
}

TEST(Accrual, TenureTierFromTheFirstFullPeriodAfterTheMilestone) {
  LeavePolicyVersion tiered = Monthly24();
  tiered.tiers.push_back(LeaveTier{60, 26});
  LeavePolicy p = PolicyOf(tiered);
  Case c;
  c.employee = Hired(Date(2019, 6, 15));  // five years on 2024-06-15
  c.policies.push_back(p);
  c.segments.push_back(Segment(LeavePolicyId(1), Date(2000, 1, 1)));
  auto ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 12u);
  EXPECT_NEAR(ledger[5].amount, 2.0, kTol);  // June starts before the milestone
  EXPECT_EQ(ledger[5].notes, 0);
  EXPECT_NEAR(ledger[6].amount, 26.0 / 12, kTol);  // July: first full month after it
  EXPECT_EQ(ledger[6].notes, kNoteTier);
  // 6 x 2 + 6 x 26/12 = 12 + 13 = 25.
  EXPECT_NEAR(Sum(ledger), 25.0, kTol);

  // A milestone on a period's first day: that period is already full.
  c.employee = Hired(Date(2019, 7, 1));
  ledger = c.Ledger(kYear2024);
  EXPECT_NEAR(ledger[5].amount, 24.0 / 12, kTol);
  EXPECT_NEAR(ledger[6].amount, 26.0 / 12, kTol);

  // Seniority carried over from an earlier employment counts.
  c.employee = Hired(Date(2023, 1, 1), 1.0, Date(2018, 1, 1));
  ledger = c.Ledger(kYear2024);
  EXPECT_NEAR(ledger[0].amount, 26.0 / 12, kTol);

  // The higher of two reached tiers applies.
  tiered.tiers.push_back(LeaveTier{120, 30});
  c.policies[0] = PolicyOf(tiered);
  c.employee = Hired(Date(2010, 1, 1));
  ledger = c.Ledger(kYear2024);
  EXPECT_NEAR(ledger[0].amount, 30.0 / 12, kTol);
}

TEST(Accrual, CapStopsAccrualAndResumesWhenLeaveIsTaken) {
  LeavePolicyVersion v = Monthly24();
  v.balance_cap = 5;
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), v);
  c.taken.push_back(LeaveDay{Date(2024, 4, 10), 3.0, LeaveRequestId(9)});
  const auto ledger = c.Ledger(Period(Date(2024, 1, 1), Date(2024, 7, 1)));
  const auto accruals = OfKind(ledger, LedgerEntryKind::kAccrual);
  ASSERT_EQ(accruals.size(), 6u);
  EXPECT_EQ(accruals[0].amount, 2.0);  // Jan: 2
  EXPECT_EQ(accruals[1].amount, 2.0);  // Feb: 4
  EXPECT_EQ(accruals[2].amount, 1.0);  // Mar: 4 + 2 capped at 5
  EXPECT_EQ(accruals[2].notes, kNoteCapped);
  EXPECT_EQ(accruals[3].amount, 0.0);  // Apr 1: at the cap
  EXPECT_EQ(accruals[3].notes, kNoteCapped);
  EXPECT_EQ(Balance(ledger, Date(2024, 4, 10)), 2.0);  // 5 - 3 taken
  EXPECT_EQ(accruals[4].amount, 2.0);                  // May: 4, accrual resumed
  EXPECT_EQ(accruals[5].amount, 1.0);                  // Jun: capped at 5 again
  EXPECT_EQ(Balance(ledger, Date(2024, 6, 30)), 5.0);
}

// 24 a year, carry at most 5 on 1 January, carried days expire after 3 months.
LeavePolicyVersion CarryPolicy() {
  LeavePolicyVersion v = Monthly24();
  v.carry_over_max = 5;
  v.carry_over_expiry = 3;
  return v;
}

TEST(Accrual, CarryOverMaximumWithPartialUse) {
  LeavePolicyVersion v = CarryPolicy();
  v.carry_over_expiry = 0;
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), v);
  TakeDays(c, Date(2024, 8, 1), 15);
  const Period range(Date(2024, 1, 1), Date(2025, 2, 1));
  auto ledger = c.Ledger(range);
  // 2024: 24 credited - 15 taken = 9 on 31 December; 5 carry, 4 lapse.
  EXPECT_EQ(Balance(ledger, Date(2024, 12, 31)), 9.0);
  auto carry = OfKind(ledger, LedgerEntryKind::kCarryOver);
  auto lapse = OfKind(ledger, LedgerEntryKind::kLapse);
  ASSERT_EQ(carry.size(), 1u);
  ASSERT_EQ(lapse.size(), 1u);
  EXPECT_EQ(carry[0].date, Date(2025, 1, 1));
  EXPECT_EQ(carry[0].amount, 5.0);
  EXPECT_EQ(lapse[0].amount, -4.0);
  // 5 carried + January's 2.
  EXPECT_EQ(Balance(ledger, Date(2025, 1, 1)), 7.0);

  // Used more: 24 - 20 = 4 left, under the maximum: all of it carries, nothing lapses.
  TakeDays(c, Date(2024, 9, 1), 5, LeaveRequestId(2));
  ledger = c.Ledger(range);
  carry = OfKind(ledger, LedgerEntryKind::kCarryOver);
  ASSERT_EQ(carry.size(), 1u);
  EXPECT_EQ(carry[0].amount, 4.0);
  EXPECT_TRUE(OfKind(ledger, LedgerEntryKind::kLapse).empty());
  EXPECT_EQ(Balance(ledger, Date(2025, 1, 1)), 6.0);

  // Maximum 0: everything lapses; no limit: nothing does.
  c.policies[0] = PolicyOf([] {
    LeavePolicyVersion z = Monthly24();
    z.carry_over_max = 0;
    return z;
  }());
  ledger = c.Ledger(range);
  EXPECT_EQ(OfKind(ledger, LedgerEntryKind::kLapse)[0].amount, -4.0);
  EXPECT_TRUE(OfKind(ledger, LedgerEntryKind::kCarryOver).empty());
  c.policies[0] = PolicyOf(Monthly24());
  ledger = c.Ledger(range);
  EXPECT_TRUE(OfKind(ledger, LedgerEntryKind::kLapse).empty());
  EXPECT_EQ(OfKind(ledger, LedgerEntryKind::kCarryOver)[0].amount, 4.0);
}

TEST(Accrual, CarryOverOnAnotherMonthStartsTheAccrualYearThere) {
  LeavePolicyVersion v = Monthly24();
  v.carry_over_month = 4;
  v.carry_over_max = 0;
  v.frequency = AccrualFrequency::kYearly;
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), v);
  const auto ledger = c.Ledger(Period(Date(2024, 1, 1), Date(2025, 1, 1)));
  // The accrual year runs April..March: one yearly credit on 1 April, and the
  // carry-over on 1 April finds the opening 0 balance: nothing lapses.
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger[0].date, Date(2024, 4, 1));
  EXPECT_EQ(ledger[0].amount, 24.0);
}

TEST(Accrual, YearlyCeilingFollowsAnAccrualYearStartingInApril) {
  LeavePolicyVersion v = Monthly24();
  v.amount_per_year = 20;
  v.rounding = AccrualRounding::kWhole;
  v.carry_over_month = 4;
  const auto all = SimpleCase(Hired(Date(2015, 1, 1)), v).Ledger(Period(Date(2024, 4, 1), Date(2025, 5, 1)));
  const auto ledger = OfKind(all, LedgerEntryKind::kAccrual);
  ASSERT_EQ(ledger.size(), 13u);  // April 2024 .. April 2025
  // The 20 unused days carry (no maximum) on 1 April 2025.
  EXPECT_EQ(OfKind(all, LedgerEntryKind::kCarryOver).at(0).amount, 20.0);
  // April..January: 10 credits of 2 = 20; February and March get 0; April 2025 starts a new year.
  EXPECT_EQ(ledger[9].date, Date(2025, 1, 1));
  EXPECT_EQ(ledger[9].amount, 2.0);
  EXPECT_EQ(ledger[10].amount, 0.0);
  EXPECT_EQ(ledger[11].amount, 0.0);
  EXPECT_EQ(ledger[12].date, Date(2025, 4, 1));
  EXPECT_EQ(ledger[12].amount, 2.0);
}

struct ExpiryCase {
  int taken_before_expiry;
  double expired;  // max(0, 5 - taken)
};

class ExpiryTest : public ::testing::TestWithParam<ExpiryCase> {};

TEST_P(ExpiryTest, CarriedDaysExpireLessWhatWasTakenFirst) {
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), CarryPolicy());
  c.opening = 5;  // the balance on 31 December 2024: all of it carries
  TakeDays(c, Date(2025, 2, 3), GetParam().taken_before_expiry);
  const auto ledger = c.Ledger(kYear2025);
  ASSERT_EQ(OfKind(ledger, LedgerEntryKind::kCarryOver).size(), 1u);
  EXPECT_EQ(OfKind(ledger, LedgerEntryKind::kCarryOver)[0].amount, 5.0);
  const auto expiry = OfKind(ledger, LedgerEntryKind::kExpiry);
  if (GetParam().expired == 0) {
    EXPECT_TRUE(expiry.empty());
  } else {
    ASSERT_EQ(expiry.size(), 1u);
    EXPECT_EQ(expiry[0].date, Date(2025, 4, 1));  // 1 January + 3 months
    EXPECT_EQ(expiry[0].amount, -GetParam().expired);
  }
  // 31 March: 5 + 3 x 2 - taken; 1 April: less the expiry, plus April's 2.
  const double march = 11.0 - GetParam().taken_before_expiry;
  EXPECT_EQ(Balance(ledger, Date(2025, 3, 31)), march);
  EXPECT_EQ(Balance(ledger, Date(2025, 4, 1)), march - GetParam().expired + 2);
}

INSTANTIATE_TEST_SUITE_P(Accrual, ExpiryTest,
                         ::testing::Values(ExpiryCase{0, 5.0},    // none used: all 5 expire
                                           ExpiryCase{2, 3.0},    // partial: 5 - 2
                                           ExpiryCase{5, 0.0},    // full use: nothing expires
                                           ExpiryCase{7, 0.0}));  // over use: never negative

TEST(Accrual, LeaveOnTheExpiryDayItselfIsNotBeforeExpiry) {
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), CarryPolicy());
  c.opening = 5;
  TakeDays(c, Date(2025, 3, 31), 2);  // 31 March counts, 1 April does not
  const auto expiry = OfKind(c.Ledger(kYear2025), LedgerEntryKind::kExpiry);
  ASSERT_EQ(expiry.size(), 1u);
  EXPECT_EQ(expiry[0].amount, -4.0);  // 5 - 1
}

TEST(Accrual, ExpiryInDays) {
  LeavePolicyVersion v = CarryPolicy();
  v.carry_over_expiry_unit = ExpiryUnit::kDays;
  v.carry_over_expiry = 45;
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), v);
  c.opening = 3;
  const auto expiry = OfKind(c.Ledger(kYear2025), LedgerEntryKind::kExpiry);
  ASSERT_EQ(expiry.size(), 1u);
  EXPECT_EQ(expiry[0].date, Date(2025, 2, 15));  // 1 January + 45 days
  EXPECT_EQ(expiry[0].amount, -3.0);
}

TEST(Accrual, NegativeBalanceCarriesAsADeficit) {
  Case c = SimpleCase(Hired(Date(2020, 1, 1)), CarryPolicy());
  c.opening = -2;
  const auto ledger = c.Ledger(kYear2025);
  EXPECT_TRUE(OfKind(ledger, LedgerEntryKind::kCarryOver).empty());
  EXPECT_TRUE(OfKind(ledger, LedgerEntryKind::kLapse).empty());
  EXPECT_EQ(Balance(ledger, Date(2025, 1, 1)), 0.0);  // -2 + 2
}

TEST(Accrual, MidYearPolicyChangeSplitsTheYear) {
  LeavePolicyVersion b = Monthly24();
  b.amount_per_year = 30;
  Case c;
  c.employee = Hired(Date(2015, 1, 1));
  c.policies = {PolicyOf(Monthly24(), LeavePolicyId(1)), PolicyOf(b, LeavePolicyId(2))};
  c.segments = {Segment(LeavePolicyId(1), Date(2015, 1, 1), Date(2024, 7, 1)),
                Segment(LeavePolicyId(2), Date(2024, 7, 1))};
  auto ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 12u);
  EXPECT_EQ(ledger[5].ref, 1);
  EXPECT_EQ(ledger[6].ref, 2);
  // 6 x 24/12 + 6 x 30/12 = 12 + 15.
  EXPECT_NEAR(Sum(ledger), 27.0, kTol);

  // A change on 16 July splits July: 2 x 15/31 under the first, 2.5 x 16/31 under the second.
  c.segments = {Segment(LeavePolicyId(1), Date(2015, 1, 1), Date(2024, 7, 16)),
                Segment(LeavePolicyId(2), Date(2024, 7, 16))};
  ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 13u);
  EXPECT_EQ(ledger[6].date, Date(2024, 7, 1));
  EXPECT_NEAR(ledger[6].amount, 2.0 * 15 / 31, kTol);
  EXPECT_EQ(ledger[7].date, Date(2024, 7, 16));
  EXPECT_NEAR(ledger[7].amount, 2.5 * 16 / 31, kTol);
  EXPECT_EQ(ledger[7].ref, 2);
  EXPECT_NEAR(Sum(ledger), 12 + 30.0 / 31 + 40.0 / 31 + 12.5, kTol);
}

TEST(Accrual, NewPolicyVersionSplitsTheYearToo) {
  LeavePolicy p = PolicyOf(Monthly24());
  LeavePolicyVersion v = Monthly24();
  v.amount_per_year = 36;
  ASSERT_OK(p.versions.Add(Date(2024, 10, 1), v, Date(2024, 9, 1)));
  Case c;
  c.employee = Hired(Date(2015, 1, 1));
  c.policies = {p};
  c.segments = {Segment(LeavePolicyId(1), Date(2015, 1, 1))};
  // 9 x 2 + 3 x 3.
  EXPECT_NEAR(Sum(c.Ledger(kYear2024)), 27.0, kTol);
}

TEST(Accrual, BackdatedHireCorrectionGivesTheLedgerOfTheTrueHireDate) {
  // Entered on 2024-02-20 as hired 2024-03-01; corrected on 2024-05-10 to 2024-02-15.
  Employee entered;
  entered.id = kEmployee;
  EmploymentRecord r;
  r.employment_start = r.seniority_start = Date(2024, 3, 1);
  ASSERT_OK(entered.employment.Add(Date(2024, 3, 1), r, Date(2024, 2, 20)));
  r.employment_start = r.seniority_start = Date(2024, 2, 15);
  r.event = EmploymentEvent::kHire;
  ASSERT_OK(entered.employment.Add(Date(2024, 2, 15), r, Date(2024, 5, 10), LaterEntries::kReplace));

  Case corrected = SimpleCase(entered, Monthly24());
  Case known = SimpleCase(Hired(Date(2024, 2, 15)), Monthly24());
  corrected.taken = known.taken = {LeaveDay{Date(2024, 4, 2), 1.0, LeaveRequestId(4)}};
  const auto ledger = corrected.Ledger(kYear2024);
  EXPECT_EQ(ledger, known.Ledger(kYear2024));
  // February: 2 x 15/29 (15..29 February).
  EXPECT_NEAR(ledger[0].amount, 2.0 * 15 / 29, kTol);

  // As known before the correction, the ledger was that of a March hire.
  Case before = SimpleCase(entered, Monthly24());
  before.employee.employment = entered.employment.AsKnownOn(Date(2024, 5, 9));
  EXPECT_EQ(before.Ledger(kYear2024), SimpleCase(Hired(Date(2024, 3, 1)), Monthly24()).Ledger(kYear2024));
}

TEST(Accrual, CancelledLeaveGivesTheLedgerOfLeaveNeverTaken) {
  LeavePolicyVersion v = Monthly24();
  v.balance_cap = 6;
  Case with_leave = SimpleCase(Hired(Date(2020, 1, 1)), v);
  TakeDays(with_leave, Date(2024, 2, 5), 3, LeaveRequestId(5));
  TakeDays(with_leave, Date(2024, 5, 6), 2, LeaveRequestId(6));
  // The cap made the second request change later credits.
  const auto taken_ledger = with_leave.Ledger(kYear2024);
  // Request 6 is cancelled: its days leave the facts.
  Case cancelled = with_leave;
  std::erase_if(cancelled.taken, [](const LeaveDay& d) { return d.request == LeaveRequestId(6); });
  Case never = SimpleCase(Hired(Date(2020, 1, 1)), v);
  TakeDays(never, Date(2024, 2, 5), 3, LeaveRequestId(5));
  EXPECT_EQ(cancelled.Ledger(kYear2024), never.Ledger(kYear2024));
  EXPECT_NE(cancelled.Ledger(kYear2024), taken_ledger);
  // The order the facts arrive in does not matter.
  std::reverse(with_leave.taken.begin(), with_leave.taken.end());
  EXPECT_EQ(with_leave.Ledger(kYear2024), taken_ledger);
}

TEST(Accrual, FteScaling) {
  Employee e = Hired(Date(2015, 1, 1), 0.5);
  auto ledger = SimpleCase(e, Monthly24()).Ledger(kYear2025);
  // 24 x 0.5 = 12 a year, 1 a month.
  EXPECT_NEAR(ledger[0].amount, 1.0, kTol);
  EXPECT_EQ(ledger[0].notes, kNoteFteScaled);
  EXPECT_NEAR(Sum(ledger), 12.0, kTol);

  // From full time to half time on 16 March: 2 x (15 x 1 + 16 x 0.5) / 31.
  e = Hired(Date(2015, 1, 1));
  ChangeFte(e, Date(2025, 3, 16), 0.5);
  ledger = SimpleCase(e, Monthly24()).Ledger(kYear2025);
  EXPECT_NEAR(ledger[2].amount, 2.0 * 23 / 31, kTol);
  EXPECT_NEAR(ledger[3].amount, 1.0, kTol);

  // Without FTE scaling a part-timer earns the full amount.
  LeavePolicyVersion v = Monthly24();
  v.fte_scaling = false;
  ledger = SimpleCase(Hired(Date(2015, 1, 1), 0.5), v).Ledger(kYear2025);
  EXPECT_NEAR(Sum(ledger), 24.0, kTol);
}

TEST(Accrual, AccrualStartsAfterProbation) {
  LeavePolicyVersion v = Monthly24();
  v.accrual_start = AccrualStart::kAfterProbation;
  v.probation_months = 3;
  const auto ledger = SimpleCase(Hired(Date(2024, 2, 10)), v).Ledger(kYear2024);
  // Probation ends 2024-05-10: nothing for February..April; May earns 2 x 22/31 (10..31 May).
  ASSERT_EQ(ledger.size(), 8u);
  EXPECT_EQ(ledger[0].date, Date(2024, 5, 10));
  EXPECT_NEAR(ledger[0].amount, 2.0 * 22 / 31, kTol);
  EXPECT_EQ(Balance(ledger, Date(2024, 5, 9)), 0.0);

  // A rehire serves a new probation from its own employment start.
  Employee e = Hired(Date(2020, 1, 1));
  Terminate(e, Date(2023, 12, 31));
  EmploymentRecord r;
  r.employment_start = Date(2024, 6, 1);
  r.seniority_start = Date(2020, 1, 1);
  r.event = EmploymentEvent::kRehire;
  ASSERT_OK(e.employment.Add(Date(2024, 6, 1), r, Date(2024, 6, 1)));
  const auto rehired = SimpleCase(e, v).Ledger(kYear2024);
  ASSERT_FALSE(rehired.empty());
  EXPECT_EQ(rehired[0].date, Date(2024, 9, 1));
  EXPECT_EQ(rehired.size(), 4u);  // September..December
}

TEST(Accrual, LeaveOfAbsenceKeepsAccruing) {
  Employee e = Hired(Date(2015, 1, 1));
  EmploymentRecord r = *e.employment.At(Date(2024, 1, 1));
  r.status = EmploymentStatus::kOnLeave;
  ASSERT_OK(e.employment.Add(Date(2024, 3, 1), r, Date(2024, 3, 1)));
  EXPECT_NEAR(Sum(SimpleCase(e, Monthly24()).Ledger(kYear2024)), 24.0, kTol);
}

TEST(Accrual, NoBalanceTypeAccruesNothing) {
  LeavePolicyVersion v;
  v.keeps_balance = false;
  Case c = SimpleCase(Hired(Date(2015, 1, 1)), v);
  TakeDays(c, Date(2024, 3, 4), 2);
  const auto ledger = c.Ledger(kYear2024);
  ASSERT_EQ(ledger.size(), 2u);  // only the taken days
  EXPECT_EQ(ledger[0].kind, LedgerEntryKind::kTaken);
}

TEST(Accrual, AdjustmentsAndEncashmentsAreEntries) {
  Case c = SimpleCase(Hired(Date(2015, 1, 1)), Monthly24());
  c.adjustments = {LedgerAdjustment{Date(2024, 1, 15), 1.5, false, 77},
                   LedgerAdjustment{Date(2024, 1, 15), -2.0, true, 78}};
  const auto ledger = c.Ledger(Period(Date(2024, 1, 1), Date(2024, 2, 1)));
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger[1].kind, LedgerEntryKind::kAdjustment);
  EXPECT_EQ(ledger[1].ref, 77);
  EXPECT_EQ(ledger[2].kind, LedgerEntryKind::kEncashment);
  EXPECT_EQ(Balance(ledger, Date(2024, 1, 31)), 1.5);  // 2 + 1.5 - 2
}

// Freezes the calendar at each month end of 2024..2025 and checks the balance:
// hired 2024-06-11, 24 a year monthly, carry at most 5 expiring after 3 months,
// 10 days taken in August 2024, 3 in February 2025.
TEST(Accrual, WalkTheCalendarMonthByMonth) {
  Case c = SimpleCase(Hired(Date(2024, 6, 11)), CarryPolicy());
  TakeDays(c, Date(2024, 8, 5), 10);
  TakeDays(c, Date(2025, 2, 10), 3, LeaveRequestId(2));
  const auto ledger = c.Ledger(Period(Date(2024, 1, 1), Date(2026, 1, 1)));
  const double june = 2.0 * 20 / 30;  // 1.3333
  const std::vector<std::pair<Date, double>> expected = {
      {Date(2024, 5, 31), 0},
      {Date(2024, 6, 30), june},
      {Date(2024, 7, 31), june + 2},
      {Date(2024, 8, 31), june + 4 - 10},  // -2.6667
      {Date(2024, 9, 30), june - 4},
      {Date(2024, 10, 31), june - 2},
      {Date(2024, 11, 30), june},
      {Date(2024, 12, 31), june + 2},  // 3.3333: under the maximum, all carries
      {Date(2025, 1, 31), june + 4},   // 5.3333
      {Date(2025, 2, 28), june + 3},   // 3 taken, consuming carried days first
      {Date(2025, 3, 31), june + 5},
      // 1 April: 3.3333 carried - 3 taken = 0.3333 expires.
      {Date(2025, 4, 30), june + 7 - (june + 2 - 3)},  // 8
      {Date(2025, 5, 31), 10},
      {Date(2025, 12, 31), 8 + 2 * 8},  // 24: accrual continues monthly
  };
  for (const auto& [date, balance] : expected) {
    EXPECT_NEAR(Balance(ledger, date), balance, kTol) << FormatIsoDate(date);
  }
  const auto expiry = OfKind(ledger, LedgerEntryKind::kExpiry);
  ASSERT_EQ(expiry.size(), 1u);
  EXPECT_NEAR(expiry[0].amount, -(june + 2 - 3), kTol);
  // The statement ends with the balance it explains.
  const auto lines = Statement(ledger, Date(2025, 4, 30));
  ASSERT_FALSE(lines.empty());
  EXPECT_NEAR(lines.back().balance_after, 8.0, kTol);
  const std::string text = FormatStatement(ledger, Date(2025, 4, 30));
  EXPECT_THAT(text, HasSubstr("2024-06-11  accrual        +1.3333  =    1.3333  leave_policy:1 prorated\n"));
  // Carried 3.3333, shown in parentheses: it leaves the running balance as it is.
  EXPECT_THAT(text, HasSubstr("2025-01-01  carry-over    (3.3333)  =    3.3333  leave_policy:1\n"));
  EXPECT_THAT(text, HasSubstr("leave_request:2"));
  EXPECT_THAT(text, HasSubstr("balance as of 2025-04-30: 8.0000"));
}

TEST(Accrual, RangeOpeningBalanceAndPeriodsAcrossTheRangeStart) {
  LeavePolicyVersion v = Monthly24();
  v.timing = CreditTiming::kEnd;
  Case c = SimpleCase(Hired(Date(2015, 1, 1)), v);
  c.opening = 3.5;
  const auto ledger = c.Ledger(Period(Date(2024, 3, 15), Date(2024, 5, 1)));
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger[0].kind, LedgerEntryKind::kOpening);
  EXPECT_EQ(ledger[0].date, Date(2024, 3, 15));
  // March is credited whole on the 31st although the range starts on the 15th.
  EXPECT_EQ(ledger[1].amount, 2.0);
  EXPECT_EQ(Balance(ledger, Date(2024, 4, 30)), 7.5);
}

TEST(Accrual, RejectsBadFacts) {
  Case c = SimpleCase(Hired(Date(2015, 1, 1)), Monthly24());
  EXPECT_STATUS_CODE(ComputeLedger(c.Facts(), Period(Date(2024, 2, 1), Date(2024, 2, 1))).status(),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ComputeLedger(c.Facts(), Period(Date(2024, 2, 1), OpenEnd())).status(),
                     absl::StatusCode::kInvalidArgument);

  Case missing = c;
  missing.segments[0].policy = LeavePolicyId(9);
  const auto not_found = ComputeLedger(missing.Facts(), kYear2024);
  EXPECT_STATUS_CODE(not_found.status(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(not_found.status()), HasSubstr("leave_policy:9"));

  Case overlap = c;
  overlap.segments = {Segment(LeavePolicyId(1), Date(2015, 1, 1), Date(2024, 6, 1)),
                      Segment(LeavePolicyId(1), Date(2024, 5, 1))};
  EXPECT_THAT(Message(ComputeLedger(overlap.Facts(), kYear2024).status()), HasSubstr("overlaps"));

  Case other = c;
  other.segments[0].employee = EmployeeId(8);
  EXPECT_THAT(Message(ComputeLedger(other.Facts(), kYear2024).status()), HasSubstr("belongs to employee:8"));

  Case wrong_type = c;
  wrong_type.policies[0].leave_type = LeaveTypeId(2);
  EXPECT_THAT(Message(ComputeLedger(wrong_type.Facts(), kYear2024).status()), HasSubstr("is for leave_type:2"));

  Case bad_taken = c;
  bad_taken.taken = {LeaveDay{Date(2024, 3, 1), -1.0, LeaveRequestId(1)}};
  EXPECT_THAT(Message(ComputeLedger(bad_taken.Facts(), kYear2024).status()),
              HasSubstr("employee:7 leave_type:1: taken day 2024-03-01"));

  Case invalid_policy = c;
  invalid_policy.policies[0].name.clear();
  EXPECT_STATUS_CODE(ComputeLedger(invalid_policy.Facts(), kYear2024).status(), absl::StatusCode::kInvalidArgument);

  AccrualFacts no_employment = c.Facts();
  no_employment.employment = nullptr;
  EXPECT_STATUS_CODE(ComputeLedger(no_employment, kYear2024).status(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
