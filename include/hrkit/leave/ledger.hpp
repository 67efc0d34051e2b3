// The leave ledger: the dated, explained entries that make up an employee's
// balance of one leave type. A balance is never stored: Balance() sums the
// entries up to a date, and a statement lists the entries that produced it,
// so any balance can be recomputed as of any date and audited. The accrual
// engine (leave/accrual.hpp) writes ledgers; entries are small (24 bytes) so
// a population's ledgers fit in flat arrays.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_LEDGER_HPP_
#define HRKIT_LEAVE_LEDGER_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/core/enum_names.hpp"

namespace hrkit {

// What an entry records. On one date, entries are ordered by this value
// first (see LedgerEntryLess).
enum class LedgerEntryKind : std::uint8_t {
  kOpening = 0,     // the balance brought into the computed range
  kExpiry = 1,      // carried days that expired unused (amount <= 0)
  kCarryOver = 2,   // informational: `amount` days of the balance carried into
                    // the new accrual year. Carrying moves days between years,
                    // it adds none, so Balance() does not count it.
  kLapse = 3,       // the part of the balance above the carry-over maximum (<= 0)
  kAdjustment = 4,  // a manual correction (either sign)
  kTaken = 5,       // leave taken (amount < 0)
  kAccrual = 6,     // a credit (amount >= 0)
  kEncashment = 7,  // days paid out instead of taken (amount <= 0)
};

// The names of LedgerEntryKind values (core/enum_names.hpp).
inline constexpr EnumName<LedgerEntryKind> kLedgerEntryKindNames[] = {
    {LedgerEntryKind::kOpening, "opening"},       {LedgerEntryKind::kExpiry, "expiry"},
    {LedgerEntryKind::kCarryOver, "carry_over"},  {LedgerEntryKind::kLapse, "lapse"},
    {LedgerEntryKind::kAdjustment, "adjustment"}, {LedgerEntryKind::kTaken, "taken"},
    {LedgerEntryKind::kAccrual, "accrual"},       {LedgerEntryKind::kEncashment, "encashment"}};
constexpr std::span<const EnumName<LedgerEntryKind>> EnumNamesOf(LedgerEntryKind) { return kLedgerEntryKindNames; }

// Why an accrual credit has the amount it has: bit flags in LedgerEntry::notes.
enum LedgerNote : std::uint8_t {
  kNoteProrated = 1,        // a partial period: days accruing / days in period
  kNoteFteScaled = 2,       // multiplied by an FTE other than 1
  kNoteTier = 4,            // a tenure tier's rate applied
  kNoteRounded = 8,         // rounded per the policy
  kNoteCeiling = 16,        // reduced so the accrual year's total stays within the entitlement
  kNoteCapped = 32,         // reduced (possibly to 0) by the balance cap
  kNoteAllocationMax = 64,  // reduced (possibly to 0) by the accrual year's allocation maximum
};

// One ledger entry.
struct LedgerEntry {
  Date date;                                            // the day the entry counts from
  LedgerEntryKind kind = LedgerEntryKind::kAdjustment;  // what it records
  std::uint8_t notes = 0;                               // LedgerNote bits (accruals)
  double amount = 0.0;                                  // in the leave type's unit; signed
  // What the entry refers to: the policy id for accruals, carry-over, lapse
  // and expiry; the leave request id for taken days (0 for manual ones); the
  // caller's reference for adjustments and encashments.
  std::int64_t ref = 0;

  friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

// The one order of ledger entries, total over their content so that no
// ledger depends on the order its facts were entered: by date, then kind
// (LedgerEntryKind order), then amount (ascending: a larger deduction
// first), then ref (the request, policy or caller's reference), then notes.
// Entries equal in all of these are identical. Every ledger the accrual
// engine writes (ComputeLedger, RunAccrual) and every Statement is in this
// order.
bool LedgerEntryLess(const LedgerEntry& a, const LedgerEntry& b);

// The balance at the end of `as_of`: the sum of the amounts of the entries
// dated on or before it, kCarryOver entries excepted. Entries may be in any
// order.
double Balance(std::span<const LedgerEntry> entries, Date as_of);

// One line of a statement: an entry and the balance right after it.
struct StatementLine {
  LedgerEntry entry;           // the entry
  double balance_after = 0.0;  // the balance once it counts

  friend bool operator==(const StatementLine&, const StatementLine&) = default;
};

// The entries that produce Balance(entries, as_of), ordered by
// LedgerEntryLess, each with the running balance. The last line's
// balance_after equals Balance(entries, as_of) (0 lines: balance 0).
std::vector<StatementLine> Statement(std::span<const LedgerEntry> entries, Date as_of);

// The statement as text, one line per entry, amounts and running balances
// right-aligned with 4 decimals:
//   "2024-06-11  accrual        +1.3333  =    1.3333  leave_policy:1 prorated"
// then "balance as of 2024-06-30: 1.3333"; every line ends with "\n". A
// carry-over line shows the amount carried in parentheses, "(5.0000)", and
// leaves the balance as it is (the carried days are part of it; a lapse line
// removes the rest).
std::string FormatStatement(std::span<const LedgerEntry> entries, Date as_of);

// The name of a kind ("accrual", "carry-over", ...).
const char* LedgerEntryKindName(LedgerEntryKind kind);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEDGER_HPP_
