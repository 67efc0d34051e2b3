// The balance walk of the accrual engine: merges credits, carry-overs,
// expiries and the other entries in (date, kind) order and keeps the running
// balance the cap, the carry-over maximum and the expiries depend on.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "accrual_internal.hpp"

namespace hrkit::accrual_internal {
namespace {

using boost::gregorian::days;

// The walk's output cursor and running balance.
struct Walk {
  LedgerEntry* cursor = nullptr;
  double balance = 0;
};

// The index of the earliest pending expiry before `end`, or s.pending.size().
std::size_t EarliestExpiry(const Scratch& s, Date end) {
  std::size_t expiry = s.pending.size();
  for (std::size_t p = 0; p < s.pending.size(); ++p) {
    if (s.pending[p].date < end && (expiry == s.pending.size() || s.pending[p].date < s.pending[expiry].date)) {
      expiry = p;
    }
  }
  return expiry;
}

// Carried days still unused when their expiry comes expire.
void Expire(std::size_t index, Scratch& s, Walk& w) {
  const PendingExpiry p = s.pending[index];
  s.pending.erase(s.pending.begin() + static_cast<std::ptrdiff_t>(index));
  if (p.remaining > kEpsilon) {
    *w.cursor++ = LedgerEntry{p.date, LedgerEntryKind::kExpiry, 0, -p.remaining, p.policy};
    w.balance -= p.remaining;
  }
}

// A positive balance carries up to the maximum (waiting for its expiry, if
// any); the rest lapses. A carry-over replaces carried days still pending.
void CarryOver(const CarryEvent& c, Scratch& s, Walk& w) {
  const LeavePolicyVersion& v = *c.version;
  double carried = 0;
  double lapse = 0;
  if (w.balance > kEpsilon) {
    carried = v.carry_over_max.has_value() ? std::min(w.balance, *v.carry_over_max) : w.balance;
    lapse = w.balance - carried;
  }
  s.pending.clear();
  if (carried > kEpsilon) {
    *w.cursor++ = LedgerEntry{c.date, LedgerEntryKind::kCarryOver, 0, carried, c.policy};
    if (v.carry_over_expiry > 0) {
      const Date expires = v.carry_over_expiry_unit == ExpiryUnit::kMonths
                               ? AddMonthsClamped(c.date, v.carry_over_expiry)
                               : c.date + days(v.carry_over_expiry);
      s.pending.push_back(PendingExpiry{expires, carried, c.policy});
    }
  }
  if (lapse > kEpsilon) {
    *w.cursor++ = LedgerEntry{c.date, LedgerEntryKind::kLapse, 0, -lapse, c.policy};
    w.balance -= lapse;
  }
}

// Carried days waiting to expire count as used by `amount`, oldest first.
void UseCarried(double amount, Scratch& s) {
  for (PendingExpiry& p : s.pending) {
    const double take = std::min(p.remaining, amount);
    p.remaining -= take;
    amount -= take;
  }
}

// A credit, reduced so the balance stays within the cap. What the cap refuses
// while carried days wait to expire counts as using them: the carried days
// took the room the credit needed, so they do not also expire (otherwise
// leave not taken would lower the balance after the expiry).
void Accrue(Credit c, Scratch& s, Walk& w) {
  if (w.balance + c.amount > c.cap + kEpsilon) {
    const double allowed = std::max(0.0, c.cap - w.balance);
    UseCarried(c.amount - allowed, s);
    c.amount = allowed;
    c.notes |= kNoteCapped;
  }
  *w.cursor++ = LedgerEntry{c.date, LedgerEntryKind::kAccrual, c.notes, c.amount, c.policy};
  w.balance += c.amount;
}

// An opening, adjustment, taken day or encashment; taken days consume
// carried days first (oldest first).
void Record(const LedgerEntry& e, Scratch& s, Walk& w) {
  *w.cursor++ = e;
  w.balance += e.amount;
  if (e.kind == LedgerEntryKind::kTaken) UseCarried(-e.amount, s);
}

}  // namespace

void WalkBalance(const Period& range, Scratch& s, std::vector<LedgerEntry>& out) {
  // The entries are written through a cursor into storage sized for the most
  // the walk can write (a carry-over writes at most a carry-over, a lapse and
  // later an expiry), then trimmed: push_back per entry was an out-of-line
  // call.
  const std::size_t out_begin = out.size();
  out.resize(out_begin + s.others.size() + s.credits.size() + 3 * s.carries.size());
  Walk w{out.data() + out_begin, 0.0};
  const Date far(boost::gregorian::pos_infin);
  std::size_t io = 0;
  std::size_t ic = 0;
  std::size_t ik = 0;
  s.pending.clear();
  constexpr int kExpiry = static_cast<int>(LedgerEntryKind::kExpiry);
  constexpr int kCarry = static_cast<int>(LedgerEntryKind::kCarryOver);
  constexpr int kAccrual = static_cast<int>(LedgerEntryKind::kAccrual);
  while (true) {
    // Candidates: the earliest pending expiry, the next carry-over, the next
    // credit and the next other entry.
    const std::size_t expiry = EarliestExpiry(s, range.end());
    Date best_date = far;
    int best_kind = 99;
    int source = -1;
    auto consider = [&](Date d, int kind, int src) {
      if (KeyLess(d, kind, best_date, best_kind)) {
        best_date = d;
        best_kind = kind;
        source = src;
      }
    };
    if (expiry < s.pending.size()) consider(s.pending[expiry].date, kExpiry, 0);
    if (ik < s.carries.size()) consider(s.carries[ik].date, kCarry, 1);
    if (ic < s.credits.size()) consider(s.credits[ic].date, kAccrual, 2);
    if (io < s.others.size()) consider(s.others[io].date, static_cast<int>(s.others[io].kind), 3);
    if (source < 0) break;
    switch (source) {
      case 0:
        Expire(expiry, s, w);
        break;
      case 1:
        CarryOver(s.carries[ik++], s, w);
        break;
      case 2:
        Accrue(s.credits[ic++], s, w);
        break;
      default:
        Record(s.others[io++], s, w);
        break;
    }
  }
  out.resize(static_cast<std::size_t>(w.cursor - out.data()));
}

}  // namespace hrkit::accrual_internal
