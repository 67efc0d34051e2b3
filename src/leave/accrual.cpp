#include "hrkit/leave/accrual.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "accrual_internal.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace accrual_internal {
namespace {

using boost::gregorian::days;

constexpr double kEpsilon = 1e-9;

// IsRealDate, inline: the run asks it for every fact.
inline bool Real(Date d) { return !d.is_special(); }

const Date kOpenEnd(boost::gregorian::pos_infin);

int MonthIndex(int year, int month) { return year * 12 + month - 1; }

// Day numbers (see Day) of civil dates and back: Howard Hinnant's
// days_from_civil and civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), moved from
// 1970-01-01 to boost's Julian day numbers.
constexpr Day kDayOf1970 = 2440588;

struct Civil {
  int year = 0;
  int month = 0;
  int day = 0;
};

constexpr Day DayOfCivil(int year, int month, int day) {
  const int y = month <= 2 ? year - 1 : year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 + kDayOf1970;
}

constexpr Civil CivilOf(Day n) {
  const int z = n - kDayOf1970 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1};
}

static_assert(DayOfCivil(2000, 1, 1) == 2451545);  // boost's day_number() of 2000-01-01
static_assert(CivilOf(2451545 + 59).month == 2 && CivilOf(2451545 + 59).day == 29);

// REQUIRES: d is a real date or OpenEnd().
Day DayOf(Date d) { return d.is_pos_infinity() ? kOpenDay : static_cast<Day>(d.day_number()); }
// REQUIRES: n is a real date's day number.
Date DateOf(Day n) { return Date(static_cast<Date::date_int_type>(n)); }

// The 1st of the month `index` (MonthIndex). Months of 1900..2299 come from a
// table built at compile time: the credit loop asks for several per employee
// and period, and the table beats even Hinnant's arithmetic there.
constexpr int kFirstTabled = 1900 * 12;
constexpr int kTabled = 400 * 12;
constexpr std::array<Day, kTabled> kMonthStarts = [] {
  std::array<Day, kTabled> table{};
  for (int i = 0; i < kTabled; ++i) {
    const int m = kFirstTabled + i;
    table[static_cast<std::size_t>(i)] = DayOfCivil(m / 12, m % 12 + 1, 1);
  }
  return table;
}();

Day MonthStart(int index) {
  if (index >= kFirstTabled && index < kFirstTabled + kTabled) {
    return kMonthStarts[static_cast<std::size_t>(index - kFirstTabled)];
  }
  return DayOfCivil(index / 12, index % 12 + 1, 1);
}

// AddMonthsClamped on day numbers. A result outside boost's years goes
// through AddMonthsClamped, which throws as it always did.
Day AddMonths(Day d, int months) {
  const Civil c = CivilOf(d);
  const int index = MonthIndex(c.year, c.month) + months;
  if (index < 1400 * 12 || index >= 10000 * 12) return DayOf(AddMonthsClamped(DateOf(d), months));
  const Day first = MonthStart(index);
  return first + std::min(c.day, MonthStart(index + 1) - first) - 1;
}

int MonthsPerPeriod(AccrualFrequency f) {
  switch (f) {
    case AccrualFrequency::kQuarterly:
      return 3;
    case AccrualFrequency::kHalfYearly:
      return 6;
    case AccrualFrequency::kYearly:
      return 12;
    default:
      return 1;
  }
}

// The first day of period month `index` (MonthIndex): the 1st, or the
// anchors' period start day.
Day Start(int index, const Anchors& a) { return MonthStart(index) + a.day_offset; }

// The first day on or after `d` that falls on `weekday` (Sunday = 0). Day
// numbers are Julian day numbers: (n + 1) % 7 is the weekday, Sunday = 0.
Day WeekdayOnOrAfter(Day d, int weekday) { return d + ((weekday - (d + 1) % 7) % 7 + 7) % 7; }

// The credit week containing `d` when weeks run from a weekday; `ymi` is the
// accrual year holding `d` by month. Week 1 of a year starts on the year's
// first such weekday; the days before it belong to the previous year's 52nd
// week, which runs up to the next year's first week (7 or 14 days).
PeriodSpan WeekFromWeekday(const Anchors& a, int ymi, Day d) {
  Day year_begin = MonthStart(ymi);
  Day first = WeekdayOnOrAfter(year_begin, a.weekday);
  Day next_first = 0;
  if (d < first) {
    next_first = first;
    ymi -= 12;
    year_begin = MonthStart(ymi);
    first = WeekdayOnOrAfter(year_begin, a.weekday);
  } else {
    next_first = WeekdayOnOrAfter(MonthStart(ymi + 12), a.weekday);
  }
  const int week = std::min((d - first) / 7, 51);
  const Day begin = first + 7 * week;
  return {begin, week == 51 ? next_first : begin + 7, year_begin, 52, 0, ymi};
}

// The period of frequency `f` containing `d`, for accrual years and periods
// anchored by `a`.
PeriodSpan PeriodOf(AccrualFrequency f, const Anchors& a, Day d) {
  const Civil c = CivilOf(d);
  int mi = MonthIndex(c.year, c.month);
  if (c.day <= a.day_offset) --mi;  // before the period start day: the previous month's period
  const int month = mi % 12 + 1;
  const int ymi = mi - (month - a.year_month) - (month >= a.year_month ? 0 : 12);
  const Day year_begin = Start(ymi, a);
  switch (f) {
    case AccrualFrequency::kDaily:
      return {d, d + 1, year_begin, static_cast<double>(Start(ymi + 12, a) - year_begin)};
    case AccrualFrequency::kWeekly: {
      if (a.weekday >= 0) return WeekFromWeekday(a, ymi, d);
      const int week = std::min((d - year_begin) / 7, 51);
      const Day begin = year_begin + 7 * week;
      const Day end = week == 51 ? MonthStart(ymi + 12) : begin + 7;
      return {begin, end, year_begin, 52};
    }
    case AccrualFrequency::kTwiceMonthly: {
      const Day first = MonthStart(mi);
      if (c.day <= 15) return {first, first + 15, year_begin, 24};
      return {first + 15, MonthStart(mi + 1), year_begin, 24};
    }
    case AccrualFrequency::kMonthly:
    case AccrualFrequency::kQuarterly:
    case AccrualFrequency::kHalfYearly:
    case AccrualFrequency::kYearly: {
      const int len = MonthsPerPeriod(f);
      const int k = (mi - ymi) / len;
      return {Start(ymi + k * len, a), Start(ymi + (k + 1) * len, a), year_begin, 12.0 / len, ymi + k * len, ymi};
    }
  }
  return {d, d + 1, year_begin, 1};
}

// Moves `p` to the next period: month-based periods step by month index
// without converting dates back to year-month-day, in place (no struct copy).
void AdvancePeriod(AccrualFrequency f, const Anchors& a, PeriodSpan& p) {
  if (f == AccrualFrequency::kDaily || f == AccrualFrequency::kWeekly || f == AccrualFrequency::kTwiceMonthly) {
    p = PeriodOf(f, a, p.end);
    return;
  }
  const int len = MonthsPerPeriod(f);
  p.begin = p.end;
  p.begin_month += len;
  p.end = Start(p.begin_month + len, a);
  if (p.begin_month >= p.year_month + 12) {
    p.year_month += 12;
    p.year_begin = p.begin;
  }
}

Anchors AnchorsOf(const LeavePolicyVersion& v) {
  return Anchors{AccrualYearMonth(v), v.period_start_day - 1,
                 v.accrual_weekday.has_value() ? static_cast<int>(*v.accrual_weekday) : -1};
}

// The first joining-day anniversary (a multiple of the period's months after
// the employment start, whose month index and day are given, the day clamped
// to the month's length) in the period whose first month is `period_month`.
Day AnniversaryIn(Day period_begin, int period_month, int start_month, int start_day, int months_per_period) {
  const int k0 = period_month - start_month;
  const int k = k0 + (((-k0) % months_per_period) + months_per_period) % months_per_period;
  if (k < 0) return period_begin;
  const int month = start_month + k;
  const Day first = MonthStart(month);
  return first + std::min(start_day, MonthStart(month + 1) - first) - 1;
}

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

bool KeyLess(Date a_date, int a_kind, Date b_date, int b_kind) {
  return a_date != b_date ? a_date < b_date : a_kind < b_kind;
}

// Computes the unrounded credits of one run (a segment and a version) over
// [run_begin, run_end) into s.credits.
[[gnu::noinline]] void CreditRun(const LeavePolicy& policy, const LeavePolicyVersion& v, Day run_begin, Day run_end,
                                 Day range_begin, Day range_end, std::int32_t& group, Scratch& s) {
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
  constexpr double kNone = std::numeric_limits<double>::infinity();
  const double cap = v.balance_cap.value_or(kNone);
  const double year_max = v.max_allocation_per_year.value_or(kNone);
  if (v.max_allocation_per_year.has_value()) s.has_allocation_max = true;
  Day cached_seniority = -1;  // the seniority start s.milestones were computed for (none yet)
  const int months_per_period = MonthsPerPeriod(v.frequency);
  // Whole accrual years around the range, so the yearly ceiling of rounded
  // credits sees the year's full entitlement however the range cuts it;
  // credits outside the range are dropped after rounding.
  // Most runs of a population start alike: the years and the first period
  // are kept in the Scratch for the next run with the same key.
  const Anchors anchors = AnchorsOf(v);
  if (s.years_anchors != anchors || s.years_range_begin != range_begin || s.years_range_end != range_end) {
    s.years_anchors = anchors;
    s.years_range_begin = range_begin;
    s.years_range_end = range_end;
    s.first_year = PeriodOf(AccrualFrequency::kYearly, anchors, range_begin).begin;
    s.years_end = PeriodOf(AccrualFrequency::kYearly, anchors, range_end - 1).end;
  }
  const Day loop_end = std::min(run_end, s.years_end);
  const Day from = std::max(run_begin, s.first_year);
  if (s.start_anchors != anchors || s.start_frequency != v.frequency || s.start_from != from) {
    s.start_anchors = anchors;
    s.start_frequency = v.frequency;
    s.start_from = from;
    s.start = PeriodOf(v.frequency, anchors, from);
  }
  PeriodSpan ps = s.start;
  Day current_year = -1;  // none yet
  while (ps.begin < loop_end) {
    if (ps.year_begin != current_year) {
      ++group;
      current_year = ps.year_begin;
    }
    const Day cb = std::max(ps.begin, run_begin);
    const Day ce = std::min(ps.end, run_end);
    double weight = 0;
    Day count = 0;
    Day first = kOpenDay;
    Day last = -1;
    const Piece* first_piece = nullptr;
    for (const Piece& piece : s.pieces) {
      const Day ob = std::max(cb, piece.accrue_from);
      const Day oe = std::min(ce, piece.end);
      if (ob >= oe) continue;
      const Day n = oe - ob;
      weight += static_cast<double>(n) * (v.fte_scaling ? piece.fte : 1.0);
      count += n;
      if (ob < first) {
        first = ob;
        first_piece = &piece;
      }
      last = std::max(last, oe - 1);
    }
    if (count > 0) {
      std::uint8_t notes = 0;
      double rate = v.amount_per_year;
      if (!s.tiers.empty()) {
        if (first_piece->seniority_start != cached_seniority) {
          cached_seniority = first_piece->seniority_start;
          s.milestones.clear();
          for (const LeaveTier& t : s.tiers) s.milestones.push_back(AddMonths(cached_seniority, t.after_months));
        }
        for (std::size_t t = 0; t < s.tiers.size(); ++t) {
          if (ps.begin >= s.milestones[t]) {
            rate = s.tiers[t].amount_per_year;
            notes |= kNoteTier;
          }
        }
      }
      const double period_days = static_cast<double>(ps.end - ps.begin);
      const double factor = v.prorate ? weight / period_days : weight / static_cast<double>(count);
      if (v.prorate && static_cast<double>(count) < period_days) notes |= kNoteProrated;
      if (v.fte_scaling && weight != static_cast<double>(count)) notes |= kNoteFteScaled;
      Day date = first;
      if (v.timing == CreditTiming::kEnd) {
        date = last;
      } else if (v.timing == CreditTiming::kAnniversary) {
        date = std::clamp(AnniversaryIn(ps.begin, ps.begin_month, first_piece->start_month, first_piece->start_day,
                                        months_per_period),
                          first, last);
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

}  // namespace

absl::Status AppendLedger(const AccrualFacts& facts, const Period& range, Scratch& s, std::vector<LedgerEntry>& out) {
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

  // Segments, sorted, with their policies.
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

  // Employment pieces.
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

  // Credits, run by run (a segment and a version).
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

  // Carry-over dates.
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

  // Opening, adjustments and taken days in the range.
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
  auto entry_less = [](const LedgerEntry& a, const LedgerEntry& b) {
    return KeyLess(a.date, static_cast<int>(a.kind), b.date, static_cast<int>(b.kind));
  };
  if (!std::is_sorted(s.others.begin(), s.others.end(), entry_less)) {
    std::stable_sort(s.others.begin(), s.others.end(), entry_less);
  }

  // The balance walk: merge the streams in (date, kind) order. The entries
  // are written through a cursor into storage sized for the most the walk can
  // write (a carry-over writes at most a carry-over, a lapse and later an
  // expiry), then trimmed: push_back per entry was an out-of-line call.
  const std::size_t out_begin = out.size();
  out.resize(out_begin + s.others.size() + s.credits.size() + 3 * s.carries.size());
  LedgerEntry* cursor = out.data() + out_begin;
  const Date far(boost::gregorian::pos_infin);
  double balance = 0;
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
    std::size_t expiry = s.pending.size();
    for (std::size_t p = 0; p < s.pending.size(); ++p) {
      if (s.pending[p].date < range.end() &&
          (expiry == s.pending.size() || s.pending[p].date < s.pending[expiry].date)) {
        expiry = p;
      }
    }
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
      case 0: {
        const PendingExpiry p = s.pending[expiry];
        s.pending.erase(s.pending.begin() + static_cast<std::ptrdiff_t>(expiry));
        if (p.remaining > kEpsilon) {
          *cursor++ = LedgerEntry{p.date, LedgerEntryKind::kExpiry, 0, -p.remaining, p.policy};
          balance -= p.remaining;
        }
        break;
      }
      case 1: {
        const CarryEvent& c = s.carries[ik++];
        const LeavePolicyVersion& v = *c.version;
        double carried = 0;
        double lapse = 0;
        if (balance > kEpsilon) {
          carried = v.carry_over_max.has_value() ? std::min(balance, *v.carry_over_max) : balance;
          lapse = balance - carried;
        }
        s.pending.clear();  // a carry-over replaces earlier carried days still pending
        if (carried > kEpsilon) {
          *cursor++ = LedgerEntry{c.date, LedgerEntryKind::kCarryOver, 0, carried, c.policy};
          if (v.carry_over_expiry > 0) {
            const Date expires = v.carry_over_expiry_unit == ExpiryUnit::kMonths
                                     ? AddMonthsClamped(c.date, v.carry_over_expiry)
                                     : c.date + days(v.carry_over_expiry);
            s.pending.push_back(PendingExpiry{expires, carried, c.policy});
          }
        }
        if (lapse > kEpsilon) {
          *cursor++ = LedgerEntry{c.date, LedgerEntryKind::kLapse, 0, -lapse, c.policy};
          balance -= lapse;
        }
        break;
      }
      case 2: {
        Credit c = s.credits[ic++];
        if (balance + c.amount > c.cap + kEpsilon) {
          c.amount = std::max(0.0, c.cap - balance);
          c.notes |= kNoteCapped;
        }
        *cursor++ = LedgerEntry{c.date, LedgerEntryKind::kAccrual, c.notes, c.amount, c.policy};
        balance += c.amount;
        break;
      }
      default: {
        const LedgerEntry& e = s.others[io++];
        *cursor++ = e;
        balance += e.amount;
        if (e.kind == LedgerEntryKind::kTaken) {
          double used = -e.amount;
          for (PendingExpiry& p : s.pending) {
            const double take = std::min(p.remaining, used);
            p.remaining -= take;
            used -= take;
          }
        }
        break;
      }
    }
  }
  out.resize(static_cast<std::size_t>(cursor - out.data()));
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
