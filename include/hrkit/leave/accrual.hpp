// The accrual engine: computes the leave ledger (leave/ledger.hpp) of one
// employee and one leave type over a date range, as a pure function of the
// facts: the employment history (status, FTE, employment and seniority
// start), the policy segments saying which policy applied when
// (leave/policy_segment.hpp), the policies themselves, the leave taken, the
// manual adjustments and the balance brought into the range. Recomputing
// after a backdated change (a corrected hire date, a changed policy, a
// cancelled leave) yields exactly the ledger one gets had the facts been
// known from the start: nothing depends on the order facts were entered, on
// when the computation runs or on time zones.
//
// The rules (DOMAIN.md "Leave and accrual"; the policy fields are in
// leave/leave_policy.hpp):
// - Accrual runs while the employee is employed (active or on leave of
//   absence), inside a policy segment, from the accrual start (hire, or the
//   end of probation counted from `employment_start`).
// - Each period of the version's frequency earns amount_per_year (or the
//   tier's) / credits per year (daily: / days in the accrual year), times
//   days accruing / days in the period when pro-rated, times the average FTE
//   of those days with FTE scaling. Example: 24 days a year credited
//   monthly, hired on 2024-06-11 -> June earns 2 x 20/30 = 1.3333.
// - A period cut by a policy change is split: each policy credits its own
//   days of it, pro-rated.
// - Rounding applies per credit; within an accrual year (per policy segment
//   and version) the rounded credits never add up to more than the unrounded
//   entitlement: the last credits are reduced, staying on the rounding grid.
// - Periods and accrual years are anchored by the version: the accrual year
//   starts on period_start_day of accrual_year_month (default: the 1st of
//   carry_over_month); month-based periods start on period_start_day (13:
//   the 13th to the 12th, pro-rated over those days); weekly credit weeks may
//   run from a chosen weekday (leave/leave_policy.hpp accrual_weekday: 52
//   credits a full year, the last week 7 or 14 days).
// - With max_allocation_per_year, the credits of one policy and accrual year
//   (after rounding, before the balance cap) stop once their total reaches it:
//   the credit that reaches it is reduced, later ones are 0 (noted
//   kNoteAllocationMax). Credits of the accrual year before the range count.
// - A tier applies from the first period starting on or after the milestone.
// - A credit that would lift the balance above the cap is reduced (to 0 at
//   the cap); accrual resumes once leave lowers the balance.
// - On the 1st of carry_over_month (version in force the day before, else
//   that day): a positive balance carries up to carry_over_max (empty: all; a
//   kCarryOver entry says how much), the excess lapses (kLapse). With an
//   expiry, what is still unused of the carried days when it comes expires
//   (kExpiry): taken days consume carried days first (oldest first), and so
//   does a credit the balance cap refuses while they wait (the carried days
//   took its room), so the expiry is max(0, carried - taken since the
//   carry-over - credits refused by the cap since). Without the second rule
//   leave not taken (a cancellation) could lower the balance after the
//   expiry: the carried days would both block accrual and expire. Adjustments
//   and encashments do not consume carried days. A carry-over takes the place of
//   earlier carried days still waiting to expire (they are part of the
//   balance it carries). A zero or negative balance carries nothing and
//   lapses nothing: a deficit stays.
// - On one date, entries are ordered opening, expiry, carry-over, lapse,
//   adjustment, taken, accrual, encashment (LedgerEntryKind order); entries
//   of one date and kind by amount, then ref, then notes (LedgerEntryLess,
//   leave/ledger.hpp): two adjustments or two half days taken on one date
//   come out in one order whichever was entered first, in ComputeLedger and
//   RunAccrual alike.
//
// Thread safety: pure functions; safe to call concurrently.
#ifndef HRKIT_LEAVE_ACCRUAL_HPP_
#define HRKIT_LEAVE_ACCRUAL_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_day.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A manual ledger entry: an adjustment (either sign) or an encashment (days
// paid out, amount <= 0).
struct LedgerAdjustment {
  Date date;                // the ledger date
  double amount = 0.0;      // in the leave type's unit; signed
  bool encashment = false;  // true: days paid out (a kEncashment entry)
  std::int64_t ref = 0;     // the caller's reference, copied to LedgerEntry::ref

  friend bool operator==(const LedgerAdjustment&, const LedgerAdjustment&) = default;
};

// Everything the ledger of one employee and one leave type depends on.
struct AccrualFacts {
  EmployeeId employee;     // whose ledger
  LeaveTypeId leave_type;  // of which leave type
  // The employee's employment history. REQUIRES: not null while computing.
  const Timeline<EmploymentRecord>* employment = nullptr;
  // The segments of this employee and leave type (any order, not
  // overlapping).
  std::span<const PolicySegment> segments;
  // The policies; must hold every policy a segment names.
  std::span<const LeavePolicy> policies;
  // Leave taken of this type (approved requests' days and manual ones).
  std::span<const LeaveDay> taken;
  std::span<const LedgerAdjustment> adjustments;
  // The balance at the end of the day before the range starts (an
  // kOpening entry on range.begin() when not 0). To recompute from scratch,
  // start the range on or before the first day of employment with 0.
  double opening_balance = 0.0;
};

// The ledger of [range.begin(), range.end()): every entry dated in the range,
// ordered by LedgerEntryLess (leave/ledger.hpp). Periods are laid out and pro-rated over the whole
// facts, not cut at the range: a monthly "end" credit of a month that starts
// before the range but ends in it is in the ledger, whole, and the yearly
// ceiling of rounded credits counts whole accrual years. Taken days and
// adjustments outside the range are ignored; what happened before the range
// enters only through `opening_balance` (carried days waiting to expire from
// an earlier carry-over are not known: start the range on a carry-over date
// or earlier to have expiries right).
//
// Returns InvalidArgument for a range that is not two real dates with
// begin < end, a null employment, a segment of another employee or leave
// type, overlapping segments, a segment policy of another leave type, a policy
// that fails ValidateLeavePolicy, a taken day or adjustment that is not a
// real date, a taken amount that is negative or not finite, a non-finite
// adjustment or opening balance, or an encashment with a positive amount; NotFound naming the policy when a segment's
// policy is not in `policies`.
//
// Example:
//   AccrualFacts facts{employee.id, annual.leave_type, &employee.employment,
//                      segments, policies, taken_days, {}, 0.0};
//   HRKIT_ASSIGN_OR_RETURN(std::vector<LedgerEntry> ledger,
//                          ComputeLedger(facts, Period(Date(2024, 1, 1), Date(2025, 1, 1))));
//   double left = Balance(ledger, Date(2024, 12, 31));
absl::StatusOr<std::vector<LedgerEntry>> ComputeLedger(const AccrualFacts& facts, const Period& range);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_ACCRUAL_HPP_
