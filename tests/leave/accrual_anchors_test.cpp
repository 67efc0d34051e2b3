// The accrual features of storage format 2: the yearly allocation maximum,
// an accrual year that starts on another month than the carry-over, weekly
// credits on a chosen weekday and monthly periods from a chosen day of the
// month. Every expected number is derived in a comment.
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;

constexpr double kTol = 1e-9;
const EmployeeId kEmployee(7);
const LeaveTypeId kAnnual(1);

Employee Hired(Date hire) {
  Employee e;
  e.id = kEmployee;
  EmploymentRecord r;
  r.employment_start = r.seniority_start = hire;
  EXPECT_OK(e.employment.Add(hire, r, hire));
  return e;
}

void Terminate(Employee& e, Date last_day) {
  EmploymentRecord r = *e.employment.At(last_day);
  r.status = EmploymentStatus::kTerminated;
  r.event = EmploymentEvent::kTermination;
  EXPECT_OK(e.employment.Add(last_day + days(1), r, last_day + days(1)));
}

// The ledger of `employee` under one policy with version `v` over `range`.
std::vector<LedgerEntry> Ledger(const Employee& employee, const LeavePolicyVersion& v, const Period& range,
                                const std::vector<LeaveDay>& taken = {}) {
  std::vector<LeavePolicy> policies(1);
  policies[0] = LeavePolicy{LeavePolicyId(1), "P", kAnnual, {}, 0};
  EXPECT_OK(policies[0].versions.Add(Date(2000, 1, 1), v, Date(2000, 1, 1)));
  const std::vector<PolicySegment> segments = {
      PolicySegment{kEmployee, kAnnual, LeavePolicyId(1), Period(Date(2000, 1, 1), OpenEnd())}};
  absl::StatusOr<std::vector<LedgerEntry>> ledger =
      ComputeLedger(AccrualFacts{kEmployee, kAnnual, &employee.employment, segments, policies, taken, {}, 0.0}, range);
  EXPECT_OK(ledger.status());
  return ledger.ok() ? *ledger : std::vector<LedgerEntry>();
}

std::vector<LedgerEntry> Accruals(const std::vector<LedgerEntry>& ledger) {
  std::vector<LedgerEntry> out;
  for (const LedgerEntry& e : ledger) {
    if (e.kind == LedgerEntryKind::kAccrual) out.push_back(e);
  }
  return out;
}

double Sum(const std::vector<LedgerEntry>& entries) {
  double sum = 0;
  for (const LedgerEntry& e : entries) sum += e.amount;
  return sum;
}

LeavePolicyVersion Monthly24() {
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  return v;
}

const Period kYear2024(Date(2024, 1, 1), Date(2025, 1, 1));
const Period kYear2025(Date(2025, 1, 1), Date(2026, 1, 1));

// ---- a. The yearly allocation maximum -----------------------------------

TEST(AllocationMaximum, CreditsStopOnceTheYearReachesItAndRestartNextYear) {
  LeavePolicyVersion v = Monthly24();
  v.max_allocation_per_year = 15;
  // 2 a month: January..July give 7 x 2 = 14; August would reach 16, so it
  // gives 15 - 14 = 1; September..December give 0. 2025 starts a new year.
  const auto credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, Period(Date(2024, 1, 1), Date(2025, 2, 1))));
  ASSERT_EQ(credits.size(), 13u);
  for (int m = 0; m < 7; ++m) {
    EXPECT_EQ(credits[m].amount, 2.0);
    EXPECT_EQ(credits[m].notes, 0);
  }
  EXPECT_EQ(credits[7].date, Date(2024, 8, 1));
  EXPECT_NEAR(credits[7].amount, 1.0, kTol);
  EXPECT_EQ(credits[7].notes, kNoteAllocationMax);
  for (int m = 8; m < 12; ++m) {
    EXPECT_EQ(credits[m].amount, 0.0);
    EXPECT_EQ(credits[m].notes, kNoteAllocationMax);
  }
  EXPECT_NEAR(Sum(std::vector<LedgerEntry>(credits.begin(), credits.begin() + 12)), 15.0, kTol);
  EXPECT_EQ(credits[12].date, Date(2025, 1, 1));
  EXPECT_EQ(credits[12].amount, 2.0);
}

TEST(AllocationMaximum, IsNotABalanceCapTakingLeaveDoesNotResumeCredits) {
  LeavePolicyVersion v = Monthly24();
  v.max_allocation_per_year = 15;
  std::vector<LeaveDay> taken;
  for (int d = 0; d < 10; ++d) taken.push_back(LeaveDay{Date(2024, 9, 2) + days(d), 1.0, LeaveRequestId(1)});
  // Allocated 15 by August as above; 10 taken in September; no credit after:
  // 15 - 10 = 5 on 2024-12-31.
  const auto ledger = Ledger(Hired(Date(2020, 1, 1)), v, kYear2024, taken);
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 5.0, kTol);
}

TEST(AllocationMaximum, ReducesAProRatedJoinersLastCredit) {
  LeavePolicyVersion v = Monthly24();
  v.max_allocation_per_year = 5;
  // Hired 2024-06-11: June 2 x 20/30 = 1.3333; July 2 -> 3.3333; August would
  // give 5.3333, so 5 - 3.3333 = 1.6667; later months 0.
  const auto credits = Accruals(Ledger(Hired(Date(2024, 6, 11)), v, kYear2024));
  ASSERT_EQ(credits.size(), 7u);
  EXPECT_NEAR(credits[0].amount, 2.0 * 20 / 30, kTol);
  EXPECT_NEAR(credits[2].amount, 5.0 - 2.0 * 20 / 30 - 2.0, kTol);
  EXPECT_EQ(credits[2].notes, kNoteAllocationMax);
  EXPECT_NEAR(Sum(credits), 5.0, kTol);
}

TEST(AllocationMaximum, DailyCreditsInALeapYearStopAtTheEndOfFebruary) {
  LeavePolicyVersion v;
  v.frequency = AccrualFrequency::kDaily;
  v.amount_per_year = 366;  // 2024 has 366 days: 1 a day
  v.max_allocation_per_year = 60;
  // January 31 + February 29 = 60 days: the 60th credit is on 2024-02-29, the
  // first credit of March is cut to 0.
  const auto ledger = Ledger(Hired(Date(2020, 1, 1)), v, kYear2024);
  EXPECT_NEAR(Balance(ledger, Date(2024, 2, 28)), 59.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 2, 29)), 60.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 60.0, kTol);
  const auto credits = Accruals(ledger);
  ASSERT_EQ(credits.size(), 366u);
  EXPECT_EQ(credits[60].date, Date(2024, 3, 1));
  EXPECT_EQ(credits[60].amount, 0.0);
}

TEST(AllocationMaximum, ZeroAllocatesNothing) {
  LeavePolicyVersion v = Monthly24();
  v.max_allocation_per_year = 0;
  EXPECT_EQ(Sum(Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024))), 0.0);
}

// ---- b. The accrual year on another month than the carry-over ----------

TEST(AccrualYearMonth, YearlyCreditsInAprilCarryOverInJanuary) {
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  v.frequency = AccrualFrequency::kYearly;
  v.carry_over_month = 1;
  v.carry_over_max = 5;
  v.accrual_year_month = 4;
  // Accrual years run April..March. Hired 2023-01-01 in the year
  // [2022-04-01, 2023-04-01) of 365 days, employed 90 of them (Jan 31 + Feb
  // 28 + Mar 31): 24 x 90/365 = 5.9178 on 2023-01-01. On 2023-04-01 the year
  // [2023-04-01, 2024-04-01) (366 days, it holds 2024-02-29) credits 24:
  // balance 29.9178. On 2024-01-01 5 carry over and 24.9178 lapse. On
  // 2024-04-01 24 more: 29 on 2024-12-31.
  const auto ledger = Ledger(Hired(Date(2023, 1, 1)), v, Period(Date(2023, 1, 1), Date(2025, 1, 1)));
  const auto credits = Accruals(ledger);
  ASSERT_EQ(credits.size(), 3u);
  EXPECT_EQ(credits[0].date, Date(2023, 1, 1));
  EXPECT_NEAR(credits[0].amount, 24.0 * 90 / 365, kTol);
  EXPECT_EQ(credits[1].date, Date(2023, 4, 1));
  EXPECT_EQ(credits[1].amount, 24.0);
  EXPECT_EQ(credits[2].date, Date(2024, 4, 1));
  EXPECT_NEAR(Balance(ledger, Date(2023, 12, 31)), 24.0 + 24.0 * 90 / 365, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 1, 1)), 5.0, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 29.0, kTol);
  bool carried = false;
  for (const LedgerEntry& e : ledger) {
    if (e.kind == LedgerEntryKind::kCarryOver) {
      EXPECT_EQ(e.date, Date(2024, 1, 1));
      EXPECT_EQ(e.amount, 5.0);
      carried = true;
    }
  }
  EXPECT_TRUE(carried);
}

TEST(AccrualYearMonth, TheAllocationMaximumCountsTheAccrualYear) {
  LeavePolicyVersion v = Monthly24();
  v.accrual_year_month = 4;
  v.max_allocation_per_year = 10;
  // Accrual years April..March, 2 a month, at most 10: April..August give 10,
  // September..March 0. In calendar 2024: January..March 0 (the year from
  // 2023-04-01 is full; those credits count although they are before the
  // range), April..August 5 x 2 = 10, September..December 0.
  const auto credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  ASSERT_EQ(credits.size(), 12u);
  for (int m = 0; m < 12; ++m) {
    const bool allocated = m >= 3 && m <= 7;
    EXPECT_EQ(credits[m].amount, allocated ? 2.0 : 0.0) << m;
  }
  // Without the option the year is the calendar year: January..May give 10.
  v.accrual_year_month.reset();
  const auto calendar = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  EXPECT_EQ(calendar[4].amount, 2.0);
  EXPECT_EQ(calendar[5].amount, 0.0);
}

// ---- c. Weekly credits on a chosen weekday -------------------------------

TEST(AccrualWeekday, FiftyTwoMondayCreditsInAYearStartingOnWednesday) {
  LeavePolicyVersion v;
  v.amount_per_year = 52;  // 1 a week
  v.frequency = AccrualFrequency::kWeekly;
  v.accrual_weekday = AccrualWeekday::kMonday;
  // 2025-01-01 is a Wednesday; the year's first Monday is 2025-01-06. Weeks
  // run Monday..Sunday from there; the 52nd starts 2025-01-06 + 357 days =
  // 2025-12-29 and runs to the day before 2026's first Monday (2026-01-05): 7
  // days. 2025-01-01..05 belong to 2024's 52nd week, which starts on
  // 2024-12-23 (2024-01-01 is a Monday, + 357) and lasts 14 days, credited
  // on 2024-12-23 at the start. So 2025 has 52 credits of 1, on Mondays.
  const auto credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2025));
  ASSERT_EQ(credits.size(), 52u);
  for (std::size_t k = 0; k < credits.size(); ++k) {
    EXPECT_EQ(credits[k].date, Date(2025, 1, 6) + days(7 * static_cast<int>(k)));
    EXPECT_EQ(credits[k].date.day_of_week(), boost::date_time::Monday);
    EXPECT_EQ(credits[k].amount, 1.0);
  }
  EXPECT_EQ(credits.back().date, Date(2025, 12, 29));
}

TEST(AccrualWeekday, EndTimingCreditsOnSundays) {
  LeavePolicyVersion v;
  v.amount_per_year = 52;
  v.frequency = AccrualFrequency::kWeekly;
  v.timing = CreditTiming::kEnd;
  v.accrual_weekday = AccrualWeekday::kMonday;
  // 2024 (leap, 2024-01-01 a Monday): the weeks end on Sundays 2024-01-07 +
  // 7k; the 52nd week [2024-12-23, 2025-01-06) ends on 2025-01-05, outside
  // 2024. In 2024: 51 credits; the 52nd lands on 2025-01-05.
  const auto credits2024 = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  ASSERT_EQ(credits2024.size(), 51u);
  EXPECT_EQ(credits2024.front().date, Date(2024, 1, 7));
  EXPECT_EQ(credits2024.back().date, Date(2024, 12, 22));
  // 2025: 2024's last week on 2025-01-05, then 2025-01-12 .. 2025-12-28 (51);
  // 2025's 52nd week ends on 2026-01-04.
  const auto credits2025 = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2025));
  ASSERT_EQ(credits2025.size(), 52u);
  EXPECT_EQ(credits2025.front().date, Date(2025, 1, 5));
  EXPECT_EQ(credits2025.back().date, Date(2025, 12, 28));
}

TEST(AccrualWeekday, PartialWeeksProRateIncludingTheLongLastWeek) {
  LeavePolicyVersion v;
  v.amount_per_year = 52;
  v.frequency = AccrualFrequency::kWeekly;
  v.accrual_weekday = AccrualWeekday::kMonday;
  // Hired Wednesday 2025-01-08 in the week [01-06, 01-13): 5 of 7 days.
  auto credits = Accruals(Ledger(Hired(Date(2025, 1, 8)), v, kYear2025));
  ASSERT_EQ(credits.size(), 52u);
  EXPECT_EQ(credits[0].date, Date(2025, 1, 8));
  EXPECT_NEAR(credits[0].amount, 5.0 / 7, kTol);
  EXPECT_EQ(credits[0].notes, kNoteProrated);
  // Hired Monday 2024-12-30 in 2024's 14-day last week [12-23, 2025-01-06):
  // 7 of 14 days = 0.5, credited on the hire date.
  credits = Accruals(Ledger(Hired(Date(2024, 12, 30)), v, Period(Date(2024, 12, 1), Date(2025, 1, 13))));
  ASSERT_EQ(credits.size(), 2u);
  EXPECT_EQ(credits[0].date, Date(2024, 12, 30));
  EXPECT_NEAR(credits[0].amount, 0.5, kTol);
  EXPECT_EQ(credits[1].date, Date(2025, 1, 6));
  EXPECT_EQ(credits[1].amount, 1.0);
}

// ---- d. Monthly periods from a chosen day of the month -------------------

TEST(PeriodStartDay, MonthsFromThe13thToThe12th) {
  LeavePolicyVersion v = Monthly24();
  v.period_start_day = 13;
  // Periods [13th, next 13th). A full 2024: credits on the 13th of each month
  // (the period from 2023-12-13 credits in 2023): 12 x 2 = 24.
  const auto credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  ASSERT_EQ(credits.size(), 12u);
  for (int m = 0; m < 12; ++m) {
    EXPECT_EQ(credits[m].date, Date(2024, m + 1, 13));
    EXPECT_EQ(credits[m].amount, 2.0);
  }
}

TEST(PeriodStartDay, ProRatingCountsDaysOfThePeriodInLeapAndCommonYears) {
  LeavePolicyVersion v = Monthly24();
  v.period_start_day = 13;
  // Leap year: hired 2024-02-20 in [2024-02-13, 2024-03-13) of 29 days (17 in
  // February, 12 in March), employed 2024-02-20..03-12 = 10 + 12 = 22 days:
  // 2 x 22/29 = 1.5172, credited on the hire date.
  auto credits = Accruals(Ledger(Hired(Date(2024, 2, 20)), v, kYear2024));
  ASSERT_FALSE(credits.empty());
  EXPECT_EQ(credits[0].date, Date(2024, 2, 20));
  EXPECT_NEAR(credits[0].amount, 2.0 * 22 / 29, kTol);
  EXPECT_EQ(credits[1].date, Date(2024, 3, 13));
  EXPECT_EQ(credits[1].amount, 2.0);
  // Common year: [2025-02-13, 2025-03-13) has 28 days, employed 9 + 12 = 21:
  // 2 x 21/28 = 1.5.
  credits = Accruals(Ledger(Hired(Date(2025, 2, 20)), v, kYear2025));
  EXPECT_NEAR(credits[0].amount, 1.5, kTol);
  // Termination at a month end: last day 2024-05-31 in [05-13, 06-13) of 31
  // days, employed 05-13..05-31 = 19: 2 x 19/31, credited on 05-13.
  Employee leaver = Hired(Date(2020, 1, 1));
  Terminate(leaver, Date(2024, 5, 31));
  credits = Accruals(Ledger(leaver, v, kYear2024));
  ASSERT_EQ(credits.size(), 5u);  // January 13 .. May 13
  EXPECT_EQ(credits[4].date, Date(2024, 5, 13));
  EXPECT_NEAR(credits[4].amount, 2.0 * 19 / 31, kTol);
  // A hire on the 12th is in the period that began on the previous 13th:
  // [2024-03-13, 2024-04-13) holds 2024-04-12, 1 of 31 days.
  credits = Accruals(Ledger(Hired(Date(2024, 4, 12)), v, kYear2024));
  EXPECT_EQ(credits[0].date, Date(2024, 4, 12));
  EXPECT_NEAR(credits[0].amount, 2.0 / 31, kTol);
  EXPECT_EQ(credits[1].date, Date(2024, 4, 13));
}

TEST(PeriodStartDay, EndTimingAndQuarters) {
  LeavePolicyVersion v = Monthly24();
  v.period_start_day = 13;
  v.timing = CreditTiming::kEnd;
  // End credits fall on the 12th: the period [2023-12-13, 2024-01-13) on
  // 2024-01-12, ..., [2024-11-13, 2024-12-13) on 2024-12-12: 12 credits.
  auto credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  ASSERT_EQ(credits.size(), 12u);
  EXPECT_EQ(credits[0].date, Date(2024, 1, 12));
  EXPECT_EQ(credits[11].date, Date(2024, 12, 12));
  // Quarterly from the 13th, accrual year from 13 January: quarters start on
  // 01-13, 04-13, 07-13, 10-13, each credits 24 / 4 = 6 at the start.
  v.timing = CreditTiming::kStart;
  v.frequency = AccrualFrequency::kQuarterly;
  credits = Accruals(Ledger(Hired(Date(2020, 1, 1)), v, kYear2024));
  ASSERT_EQ(credits.size(), 4u);
  EXPECT_EQ(credits[0].date, Date(2024, 1, 13));
  EXPECT_EQ(credits[3].date, Date(2024, 10, 13));
  EXPECT_EQ(Sum(credits), 24.0);
}

}  // namespace
}  // namespace hrkit
