#include "hrkit/leave/accrual.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "accrual_internal.hpp"
#include "accrual_periods.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace accrual_internal {
namespace {

using boost::gregorian::days;

double GridOf(AccrualRounding r) {
  switch (r) {
    case AccrualRounding::kQuarter:
      return 0.25;
    case AccrualRounding::kHalf:
      return 0.5;
    case AccrualRounding::kWhole:
      return 1.0;
    case AccrualRounding::kNone:
      break;
  }
  return 0.0;
}

std::string Owner(const AccrualFacts& facts) {
  return absl::StrCat(ToString(facts.employee), " ", ToString(facts.leave_type));
}

// The version in force on `d` through the segment containing it, or nullptr.
const LeavePolicyVersion* VersionOn(const Scratch& s, Date d, std::int64_t* policy) {
  for (std::size_t i = 0; i < s.segs.size(); ++i) {
    const Period& p = s.segs[i].period;
    if (p.begin() <= d && d < p.end()) {
      *policy = s.segment_policies[i]->id.value();
      return s.segment_policies[i]->versions.At(d);
    }
  }
  return nullptr;
}

// Prepares the Scratch for a run of version `v`: its tiers sorted, each
// piece's first day of accrual, and the accrual years around the range (whole
// years, so the yearly ceiling of rounded credits and the allocation maximum
// see the year's full entitlement however the range cuts it; credits outside
// the range are dropped later). Most runs of a population start alike: the
// years and the first period are kept for the next run with the same key.
// Returns the version's anchors.
Anchors PrepareRun(const LeavePolicyVersion& v, Day run_begin, Day range_begin, Day range_end, Scratch& s) {
  // Every employee on a version walks the same tiers: sort them once.
  if (s.tiers_version != &v) {
    s.tiers_version = &v;
    s.tiers.assign(v.tiers.begin(), v.tiers.end());
    std::sort(s.tiers.begin(), s.tiers.end(),
              [](const LeaveTier& a, const LeaveTier& b) { return a.after_months < b.after_months; });
  }
  for (Piece& piece : s.pieces) {
    piece.accrue_from = piece.begin;
    if (v.accrual_start == AccrualStart::kAfterProbation) {
      piece.accrue_from = std::max(piece.begin, AddMonths(piece.employment_start, v.probation_months));
    }
  }
  const Anchors anchors = AnchorsOf(v);
  if (s.years_anchors != anchors || s.years_range_begin != range_begin || s.years_range_end != range_end) {
    s.years_anchors = anchors;
    s.years_range_begin = range_begin;
    s.years_range_end = range_end;
    s.first_year = PeriodOf(AccrualFrequency::kYearly, anchors, range_begin).begin;
    s.years_end = PeriodOf(AccrualFrequency::kYearly, anchors, range_end - 1).end;
  }
  const Day from = std::max(run_begin, s.first_year);
  if (s.start_anchors != anchors || s.start_frequency != v.frequency || s.start_from != from) {
    s.start_anchors = anchors;
    s.start_frequency = v.frequency;
    s.start_from = from;
    s.start = PeriodOf(v.frequency, anchors, from);
  }
  return anchors;
}

// The days of [cb, ce) the employee accrues on.
struct Overlap {
  double weight = 0;  // days, times the FTE with FTE scaling
  Day count = 0;
  Day first = kOpenDay;
  Day last = -1;
  const Piece* first_piece = nullptr;
};

Overlap OverlapOf(const std::vector<Piece>& pieces, Day cb, Day ce, bool fte_scaling) {
  Overlap o;
  for (const Piece& piece : pieces) {
    const Day ob = std::max(cb, piece.accrue_from);
    const Day oe = std::min(ce, piece.end);
    if (ob >= oe) continue;
    const Day n = oe - ob;
    o.weight += static_cast<double>(n) * (fte_scaling ? piece.fte : 1.0);
    o.count += n;
    if (ob < o.first) {
      o.first = ob;
      o.first_piece = &piece;
    }
    o.last = std::max(o.last, oe - 1);
  }
  return o;
}

// The yearly rate of a period starting on `period_begin` for service counted
// from piece.seniority_start: the reached tier's (noted), else the version's.
// s.milestones caches the tiers' dates for *cached_seniority.
double RateOf(const LeavePolicyVersion& v, const Piece& piece, Day period_begin, Day* cached_seniority, Scratch& s,
              std::uint8_t& notes) {
  double rate = v.amount_per_year;
  if (s.tiers.empty()) return rate;
  if (piece.seniority_start != *cached_seniority) {
    *cached_seniority = piece.seniority_start;
    s.milestones.clear();
    for (const LeaveTier& t : s.tiers) s.milestones.push_back(AddMonths(*cached_seniority, t.after_months));
  }
  for (std::size_t t = 0; t < s.tiers.size(); ++t) {
    if (period_begin >= s.milestones[t]) {
      rate = s.tiers[t].amount_per_year;
      notes |= kNoteTier;
    }
  }
  return rate;
}

// Computes the unrounded credits of one run (a segment and a version) over
// [run_begin, run_end) into s.credits.
[[gnu::noinline]] void CreditRun(const LeavePolicy& policy, const LeavePolicyVersion& v, Day run_begin, Day run_end,
                                 Day range_begin, Day range_end, std::int32_t& group, Scratch& s) {
  const Anchors anchors = PrepareRun(v, run_begin, range_begin, range_end, s);
  constexpr double kNone = std::numeric_limits<double>::infinity();
  const double cap = v.balance_cap.value_or(kNone);
  const double year_max = v.max_allocation_per_year.value_or(kNone);
  if (v.max_allocation_per_year.has_value()) s.has_allocation_max = true;
  Day cached_seniority = -1;  // the seniority start s.milestones were computed for (none yet)
  const int months_per_period = MonthsPerPeriod(v.frequency);
  const Day loop_end = std::min(run_end, s.years_end);
  PeriodSpan ps = s.start;
  Day current_year = -1;  // none yet
  while (ps.begin < loop_end) {
    if (ps.year_begin != current_year) {
      ++group;
      current_year = ps.year_begin;
    }
    const Overlap o = OverlapOf(s.pieces, std::max(ps.begin, run_begin), std::min(ps.end, run_end), v.fte_scaling);
    if (o.count > 0) {
      std::uint8_t notes = 0;
      const double rate = RateOf(v, *o.first_piece, ps.begin, &cached_seniority, s, notes);
      const double period_days = static_cast<double>(ps.end - ps.begin);
      const double factor = v.prorate ? o.weight / period_days : o.weight / static_cast<double>(o.count);
      if (v.prorate && static_cast<double>(o.count) < period_days) notes |= kNoteProrated;
      if (v.fte_scaling && o.weight != static_cast<double>(o.count)) notes |= kNoteFteScaled;
      Day date = o.first;
      if (v.timing == CreditTiming::kEnd) {
        date = o.last;
      } else if (v.timing == CreditTiming::kAnniversary) {
        date = std::clamp(AnniversaryIn(ps.begin, ps.begin_month, o.first_piece->start_month, o.first_piece->start_day,
                                        months_per_period),
                          o.first, o.last);
      }
      s.credits.push_back(Credit{DateOf(date), rate / ps.per_year * factor, cap, year_max, ps.year_begin,
                                 policy.id.value(), group, v.rounding, notes});
    }
    AdvancePeriod(v.frequency, anchors, ps);
  }
}

// Rounds each credit and keeps every group's total within its unrounded sum.
void RoundCredits(std::vector<Credit>& credits) {
  for (std::size_t i = 0; i < credits.size();) {
    std::size_t j = i;
    double ceiling = 0;
    while (j < credits.size() && credits[j].group == credits[i].group) ceiling += credits[j++].amount;
    const double grid = GridOf(credits[i].rounding);
    if (grid > 0) {
      double sum = 0;
      for (std::size_t k = i; k < j; ++k) {
        Credit& c = credits[k];
        double rounded = std::floor(c.amount / grid + 0.5 + kEpsilon) * grid;
        if (std::fabs(rounded - c.amount) > kEpsilon) c.notes |= kNoteRounded;
        const double allowed = std::floor((ceiling - sum) / grid + kEpsilon) * grid;
        if (rounded > allowed + kEpsilon) {
          rounded = std::max(0.0, allowed);
          c.notes |= kNoteCeiling;
        }
        c.amount = rounded;
        sum += rounded;
      }
    }
    i = j;
  }
}

// Stops the credits of each policy and accrual year once their total reaches
// the version's allocation maximum (the credit that reaches it is reduced).
// Credits are in date order.
void ApplyAllocationMax(std::vector<Credit>& credits) {
  struct Total {
    std::int64_t policy;
    Day year;
    double sum;
  };
  std::vector<Total> totals;
  for (Credit& c : credits) {
    if (std::isinf(c.year_max)) continue;
    auto it = std::find_if(totals.begin(), totals.end(),
                           [&](const Total& t) { return t.policy == c.policy && t.year == c.year; });
    if (it == totals.end()) it = totals.insert(totals.end(), Total{c.policy, c.year, 0.0});
    const double room = std::max(0.0, c.year_max - it->sum);
    if (c.amount > room + kEpsilon) {
      c.amount = room;
      c.notes |= kNoteAllocationMax;
    }
    it->sum += c.amount;
  }
}

// The range and the facts' scalars.
absl::Status CheckInputs(const AccrualFacts& facts, const Period& range) {
  if (!Real(range.begin()) || !Real(range.end()) || !(range.begin() < range.end())) {
    return absl::InvalidArgumentError(
        absl::StrCat(Owner(facts), ": accrual range must be two real dates with begin < end, got [",
                     FormatIsoDate(range.begin()), ", ", FormatIsoDate(range.end()), ")"));
  }
  if (facts.employment == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(Owner(facts), ": employment history is missing"));
  }
  if (!std::isfinite(facts.opening_balance)) {
    return absl::InvalidArgumentError(absl::StrCat(Owner(facts), ": opening balance must be finite"));
  }
  return absl::OkStatus();
}

// s.segs: the segments in date order, checked; s.segment_policies: their
// policies.
absl::Status SortSegments(const AccrualFacts& facts, Scratch& s) {
  auto by_begin = [](const PolicySegment& a, const PolicySegment& b) { return a.period.begin() < b.period.begin(); };
  s.segs = facts.segments;
  if (!std::is_sorted(facts.segments.begin(), facts.segments.end(), by_begin)) {
    s.segments.assign(facts.segments.begin(), facts.segments.end());
    std::sort(s.segments.begin(), s.segments.end(), by_begin);
    s.segs = s.segments;
  }
  s.segment_policies.clear();
  for (std::size_t i = 0; i < s.segs.size(); ++i) {
    const PolicySegment& seg = s.segs[i];
    auto where = [&] { return absl::StrCat(Owner(facts), " segment from ", FormatIsoDate(seg.period.begin())); };
    if (seg.employee != facts.employee || seg.leave_type != facts.leave_type) {
      return absl::InvalidArgumentError(
          absl::StrCat(where(), ": belongs to ", ToString(seg.employee), " ", ToString(seg.leave_type)));
    }
    if (!Real(seg.period.begin()) || seg.period.is_null() ||
        !(Real(seg.period.end()) || seg.period.end().is_pos_infinity())) {
      return absl::InvalidArgumentError(absl::StrCat(where(), ": period must be a non-empty [begin, end)"));
    }
    if (i > 0 && s.segs[i - 1].period.end() > seg.period.begin()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where(), ": overlaps the segment from ", FormatIsoDate(s.segs[i - 1].period.begin())));
    }
    const LeavePolicy* policy = nullptr;
    const std::less<const LeavePolicy*> before;
    const LeavePolicy* cached = s.cached_policy;
    if (cached != nullptr && !before(cached, facts.policies.data()) &&
        before(cached, facts.policies.data() + facts.policies.size()) && cached->id == seg.policy) {
      policy = cached;
    } else {
      for (const LeavePolicy& p : facts.policies) {
        if (p.id == seg.policy) {
          policy = &p;
          break;
        }
      }
    }
    s.cached_policy = policy;
    if (policy == nullptr) {
      return absl::NotFoundError(absl::StrCat(where(), ": ", ToString(seg.policy), " not found"));
    }
    if (policy->leave_type != facts.leave_type) {
      return absl::InvalidArgumentError(
          absl::StrCat(where(), ": ", ToString(seg.policy), " is for ", ToString(policy->leave_type)));
    }
    s.segment_policies.push_back(policy);
  }
  return absl::OkStatus();
}

// s.pieces: the stretches of employment, one per employment record.
void BuildPieces(const AccrualFacts& facts, Scratch& s) {
  s.pieces.clear();
  const auto employment = facts.employment->Entries();
  Date stretch_start;
  bool in_stretch = false;
  for (std::size_t i = 0; i < employment.size(); ++i) {
    if (i + 1 < employment.size() && employment[i + 1].effective == employment[i].effective) continue;
    const Date begin = employment[i].effective;
    const Date end = i + 1 < employment.size() ? employment[i + 1].effective : kOpenEnd;
    const EmploymentRecord& r = employment[i].value;
    if (!IsEmployed(r)) {
      in_stretch = false;
      continue;
    }
    if (!in_stretch) {
      stretch_start = begin;
      in_stretch = true;
    }
    const Day es = DayOf(Real(r.employment_start) ? r.employment_start : stretch_start);
    const Day ss = Real(r.seniority_start) ? DayOf(r.seniority_start) : es;
    const Civil es_civil = CivilOf(es);
    s.pieces.push_back(Piece{DayOf(begin), DayOf(end), r.fte, es, ss, DayOf(begin),
                             MonthIndex(es_civil.year, es_civil.month), es_civil.day});
  }
}

// s.credits: the credits dated in the range, rounded and within the
// allocation maximum; s.carry_months: the carry-over months of the versions
// met.
void ComputeCredits(const Period& range, Scratch& s) {
  s.credits.clear();
  s.has_allocation_max = false;
  s.carry_months.clear();
  std::int32_t group = 0;
  for (std::size_t i = 0; i < s.segs.size(); ++i) {
    const Period& sp = s.segs[i].period;
    const LeavePolicy& policy = *s.segment_policies[i];
    const auto versions = policy.versions.Entries();
    for (std::size_t j = 0; j < versions.size(); ++j) {
      if (j + 1 < versions.size() && versions[j + 1].effective == versions[j].effective) continue;
      const LeavePolicyVersion& v = versions[j].value;
      if (!v.keeps_balance) continue;
      const Date vb = versions[j].effective;
      const Date ve = j + 1 < versions.size() ? versions[j + 1].effective : kOpenEnd;
      const Date rb = std::max(sp.begin(), vb);
      const Date re = std::min(sp.end(), ve);
      if (!(rb < re)) continue;
      if (std::find(s.carry_months.begin(), s.carry_months.end(), v.carry_over_month) == s.carry_months.end()) {
        s.carry_months.push_back(v.carry_over_month);
      }
      if (re <= range.begin() || rb >= range.end()) continue;
      CreditRun(policy, v, DayOf(rb), DayOf(re), DayOf(range.begin()), DayOf(range.end()), group, s);
    }
  }
  RoundCredits(s.credits);
  if (s.has_allocation_max) ApplyAllocationMax(s.credits);
  std::erase_if(s.credits, [&](const Credit& c) { return c.date < range.begin() || c.date >= range.end(); });
}

// s.carries: the carry-over events in the range, with the version ruling
// each.
void FindCarryOvers(const Period& range, Scratch& s) {
  std::sort(s.carry_months.begin(), s.carry_months.end());
  s.carries.clear();
  const int last_year = (range.end() - days(1)).year();
  for (int y = range.begin().year(); y <= last_year; ++y) {
    for (const std::int32_t m : s.carry_months) {
      const Date c = DateOf(MonthStart(MonthIndex(y, m)));
      if (c < range.begin() || c >= range.end()) continue;
      std::int64_t policy = 0;
      const LeavePolicyVersion* v = VersionOn(s, c - days(1), &policy);
      if (v == nullptr) v = VersionOn(s, c, &policy);
      if (v != nullptr && v->keeps_balance && v->carry_over_month == m) s.carries.push_back(CarryEvent{c, v, policy});
    }
  }
}

// s.others: the opening, the adjustments and the taken days in the range, in
// LedgerEntryLess order.
absl::Status CollectOthers(const AccrualFacts& facts, const Period& range, Scratch& s) {
  // Written through a cursor too (see the balance walk), then trimmed.
  s.others.resize(1 + facts.adjustments.size() + facts.taken.size());
  LedgerEntry* other = s.others.data();
  if (facts.opening_balance != 0) {
    *other++ = LedgerEntry{range.begin(), LedgerEntryKind::kOpening, 0, facts.opening_balance, 0};
  }
  for (const LedgerAdjustment& a : facts.adjustments) {
    if (!Real(a.date) || !std::isfinite(a.amount)) {
      return absl::InvalidArgumentError(absl::StrCat(Owner(facts), ": adjustment on ", FormatIsoDate(a.date),
                                                     " needs a real date and a finite amount"));
    }
    if (a.encashment && a.amount > 0) {
      return absl::InvalidArgumentError(absl::StrCat(Owner(facts), ": encashment on ", FormatIsoDate(a.date), " of +",
                                                     a.amount, ": paying days out takes them, so <= 0"));
    }
    if (range.begin() <= a.date && a.date < range.end()) {
      *other++ = LedgerEntry{a.date, a.encashment ? LedgerEntryKind::kEncashment : LedgerEntryKind::kAdjustment, 0,
                             a.amount, a.ref};
    }
  }
  for (const LeaveDay& d : facts.taken) {
    if (!Real(d.date) || !std::isfinite(d.amount) || d.amount < 0) {
      return absl::InvalidArgumentError(absl::StrCat(Owner(facts), ": taken day ", FormatIsoDate(d.date),
                                                     " needs a real date and a finite amount >= 0, got ", d.amount));
    }
    if (range.begin() <= d.date && d.date < range.end()) {
      *other++ = LedgerEntry{d.date, LedgerEntryKind::kTaken, 0, -d.amount, d.request.value()};
    }
  }
  s.others.resize(static_cast<std::size_t>(other - s.others.data()));
  // The total order of ledger.hpp: two entries of one date and kind come
  // out alike whichever was entered first.
  if (!std::is_sorted(s.others.begin(), s.others.end(), LedgerEntryLess)) {
    std::sort(s.others.begin(), s.others.end(), LedgerEntryLess);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AppendLedger(const AccrualFacts& facts, const Period& range, Scratch& s, std::vector<LedgerEntry>& out) {
  HRKIT_RETURN_IF_ERROR(CheckInputs(facts, range));
  HRKIT_RETURN_IF_ERROR(SortSegments(facts, s));
  BuildPieces(facts, s);
  ComputeCredits(range, s);
  FindCarryOvers(range, s);
  HRKIT_RETURN_IF_ERROR(CollectOthers(facts, range, s));
  const std::size_t begin = out.size();
  WalkBalance(range, s, out);
  // The walk merges in (date, kind) order; two credits of one date (two
  // policies) come in segment order: put them in the total order too.
  const auto first = out.begin() + static_cast<std::ptrdiff_t>(begin);
  if (!std::is_sorted(first, out.end(), LedgerEntryLess)) std::sort(first, out.end(), LedgerEntryLess);
  return absl::OkStatus();
}

}  // namespace accrual_internal

absl::StatusOr<std::vector<LedgerEntry>> ComputeLedger(const AccrualFacts& facts, const Period& range) {
  return GuardExceptions("accrual", [&]() -> absl::StatusOr<std::vector<LedgerEntry>> {
    for (const PolicySegment& seg : facts.segments) {
      for (const LeavePolicy& p : facts.policies) {
        if (p.id == seg.policy) HRKIT_RETURN_IF_ERROR(ValidateLeavePolicy(p));
      }
    }
    accrual_internal::Scratch scratch;
    std::vector<LedgerEntry> out;
    HRKIT_RETURN_IF_ERROR(accrual_internal::AppendLedger(facts, range, scratch, out));
    return out;
  });
}

}  // namespace hrkit
