#include "hrkit/leave/ledger.hpp"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace hrkit {

const char* LedgerEntryKindName(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::kOpening:
      return "opening";
    case LedgerEntryKind::kExpiry:
      return "expiry";
    case LedgerEntryKind::kCarryOver:
      return "carry-over";
    case LedgerEntryKind::kLapse:
      return "lapse";
    case LedgerEntryKind::kAdjustment:
      return "adjustment";
    case LedgerEntryKind::kTaken:
      return "taken";
    case LedgerEntryKind::kAccrual:
      return "accrual";
    case LedgerEntryKind::kEncashment:
      return "encashment";
  }
  return "unknown";
}

bool LedgerEntryLess(const LedgerEntry& a, const LedgerEntry& b) {
  if (a.date != b.date) return a.date < b.date;
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.amount != b.amount) return a.amount < b.amount;
  if (a.ref != b.ref) return a.ref < b.ref;
  return a.notes < b.notes;
}

double Balance(std::span<const LedgerEntry> entries, Date as_of) {
  double balance = 0;
  for (const LedgerEntry& e : entries) {
    if (e.date <= as_of && e.kind != LedgerEntryKind::kCarryOver) balance += e.amount;
  }
  return balance;
}

std::vector<StatementLine> Statement(std::span<const LedgerEntry> entries, Date as_of) {
  std::vector<LedgerEntry> sorted;
  for (const LedgerEntry& e : entries) {
    if (e.date <= as_of) sorted.push_back(e);
  }
  std::sort(sorted.begin(), sorted.end(), LedgerEntryLess);
  std::vector<StatementLine> lines;
  lines.reserve(sorted.size());
  double balance = 0;
  for (const LedgerEntry& e : sorted) {
    if (e.kind != LedgerEntryKind::kCarryOver) balance += e.amount;
    lines.push_back(StatementLine{e, balance});
  }
  return lines;
}

std::string FormatStatement(std::span<const LedgerEntry> entries, Date as_of) {
  static constexpr struct {
    std::uint8_t bit;
    const char* name;
  } kNotes[] = {{kNoteProrated, "prorated"}, {kNoteFteScaled, "fte"},          {kNoteTier, "tier"},
                {kNoteRounded, "rounded"},   {kNoteCeiling, "yearly-ceiling"}, {kNoteCapped, "capped"}};
  std::string text;
  double balance = 0;
  for (const StatementLine& line : Statement(entries, as_of)) {
    const LedgerEntry& e = line.entry;
    balance = line.balance_after;
    std::string ref;
    switch (e.kind) {
      case LedgerEntryKind::kTaken:
        if (e.ref != 0) ref = absl::StrCat("leave_request:", e.ref);
        break;
      case LedgerEntryKind::kAdjustment:
      case LedgerEntryKind::kEncashment:
      case LedgerEntryKind::kOpening:
        if (e.ref != 0) ref = absl::StrCat("ref ", e.ref);
        break;
      default:
        ref = absl::StrCat("leave_policy:", e.ref);
    }
    for (const auto& note : kNotes) {
      if ((e.notes & note.bit) != 0) absl::StrAppend(&ref, " ", note.name);
    }
    // A carry-over adds nothing to the balance: its amount is shown in
    // parentheses so that no reader adds it up.
    const std::string amount = e.kind == LedgerEntryKind::kCarryOver ? absl::StrFormat("(%.4f)", e.amount)
                                                                     : absl::StrFormat("%+.4f", e.amount);
    absl::StrAppendFormat(&text, "%s  %-10s  %10s  = %9.4f  %s\n", FormatIsoDate(e.date), LedgerEntryKindName(e.kind),
                          amount, balance, ref);
  }
  absl::StrAppendFormat(&text, "balance as of %s: %.4f\n", FormatIsoDate(as_of), balance);
  return text;
}

}  // namespace hrkit
