// Internal: the accrual engine's core, shared by ComputeLedger and the
// population run, with reusable scratch buffers so a run over a million
// employees does not allocate per employee.
#ifndef HRKIT_SRC_POLICY_ACCRUAL_INTERNAL_HPP_
#define HRKIT_SRC_POLICY_ACCRUAL_INTERNAL_HPP_

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/leave/accrual.hpp"

namespace hrkit::accrual_internal {

// A date as boost's day number (Date::day_number()). The credit loop works on
// these: boost's Date arithmetic checks for special values on every operation
// and converts to year-month-day the slow way.
using Day = std::int32_t;
// OpenEnd() as a Day: after every real date.
inline constexpr Day kOpenDay = std::numeric_limits<Day>::max();

// A stretch of employment with one employment record.
struct Piece {
  Day begin = 0;
  Day end = 0;  // may be kOpenDay
  double fte = 1.0;
  Day employment_start = 0;
  Day seniority_start = 0;
  Day accrue_from = 0;  // begin, or later when accrual starts after probation
  int start_month = 0;  // employment_start as a month index (year * 12 + month - 1)
  int start_day = 1;    // and its day of the month
};

// One accrual period and the accrual year it belongs to.
struct PeriodSpan {
  Day begin = 0;
  Day end = 0;
  Day year_begin = 0;
  double per_year = 1;  // credits in a full accrual year (daily: days in the year)
  int begin_month = 0;  // MonthIndex (year * 12 + month - 1) of `begin` (month-based frequencies)
  int year_month = 0;   // MonthIndex of `year_begin`
};

// Where a version's periods and accrual years start.
struct Anchors {
  int year_month = 0;  // the accrual year's month, 1..12 (0: none, a cache sentinel)
  int day_offset = 0;  // period_start_day - 1, for month-based periods
  int weekday = -1;    // weekly credit weeks from this weekday (Sunday = 0); -1: from the year start

  friend bool operator==(const Anchors&, const Anchors&) = default;
};

// A credit before rounding, the cap and the balance simulation.
struct Credit {
  Date date;
  double amount = 0.0;
  double cap = 0.0;       // the balance cap; infinity for none
  double year_max = 0.0;  // the accrual year's allocation maximum; infinity for none
  Day year = 0;           // the first day of the credit's accrual year
  std::int64_t policy = 0;
  std::int32_t group = 0;
  AccrualRounding rounding = AccrualRounding::kNone;
  std::uint8_t notes = 0;
};

// A carried amount waiting for its expiry date.
struct PendingExpiry {
  Date date;
  double remaining = 0.0;
  std::int64_t policy = 0;
};

// A carry-over date and the version that rules it.
struct CarryEvent {
  Date date;
  const LeavePolicyVersion* version = nullptr;
  std::int64_t policy = 0;
};

// Reusable buffers.
struct Scratch {
  std::vector<Piece> pieces;
  std::vector<PolicySegment> segments;  // sorted copy, when the input is unsorted
  std::span<const PolicySegment> segs;  // the segments in date order
  std::vector<const LeavePolicy*> segment_policies;
  const LeavePolicy* cached_policy = nullptr;  // the last policy found, for the next lookup
  // The tiers of tiers_version, sorted; a Scratch serves one set of policies
  // (one ComputeLedger or one run).
  std::vector<LeaveTier> tiers;
  const LeavePolicyVersion* tiers_version = nullptr;
  std::vector<Credit> credits;
  std::vector<LedgerEntry> others;
  std::vector<PendingExpiry> pending;
  std::vector<CarryEvent> carries;
  std::vector<Day> milestones;
  bool has_allocation_max = false;  // some credit has a finite year_max
  // The accrual years around the last range (for years_anchors; a zero
  // year_month: none yet) and the last run's first period.
  Anchors years_anchors;
  Day years_range_begin = 0;
  Day years_range_end = 0;
  Day first_year = 0;     // the start of the accrual year holding the range's first day
  Day years_end = 0;      // the end of the accrual year holding its last day
  Anchors start_anchors;  // a zero year_month: none yet
  AccrualFrequency start_frequency = AccrualFrequency::kMonthly;
  Day start_from = 0;
  PeriodSpan start;
  std::vector<std::int32_t> carry_months;
};

// Appends the ledger of `facts` over `range` to `out` (sorted by date, kind).
// On error `out` is restored to its size on entry. Policies are NOT
// validated here (callers do it once). Errors as ComputeLedger.
absl::Status AppendLedger(const AccrualFacts& facts, const Period& range, Scratch& scratch,
                          std::vector<LedgerEntry>& out);

}  // namespace hrkit::accrual_internal

#endif  // HRKIT_SRC_POLICY_ACCRUAL_INTERNAL_HPP_
