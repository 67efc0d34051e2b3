#include "hrkit/leave/negative_limit.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "absl/strings/str_cat.h"

namespace hrkit {
namespace {

// Amounts closer than this are equal (as in the request checks).
constexpr double kEpsilon = 1e-9;

double LimitOf(const LeavePolicyVersion& v) {
  return v.keeps_balance ? v.negative_limit.value_or(kUnlimitedNegative) : kUnlimitedNegative;
}

// The steps of one segment under `policy`, appended to `out`.
void AppendSegment(const PolicySegment& s, const LeavePolicy& policy, std::vector<NegativeLimitFrom>& out) {
  const auto versions = policy.versions.Entries();
  out.push_back(NegativeLimitFrom{s.period.begin(), kUnlimitedNegative});
  for (std::size_t j = 0; j < versions.size(); ++j) {
    // Several changes on one day: the last one is in force.
    if (j + 1 < versions.size() && versions[j + 1].effective == versions[j].effective) continue;
    const Date begin = std::max(s.period.begin(), versions[j].effective);
    const Date end = j + 1 < versions.size() ? std::min(s.period.end(), versions[j + 1].effective) : s.period.end();
    if (begin < end) out.push_back(NegativeLimitFrom{begin, LimitOf(versions[j].value)});
  }
  if (!s.period.end().is_special()) out.push_back(NegativeLimitFrom{s.period.end(), kUnlimitedNegative});
}

// The limit in force on `d`: the last step starting on or before it.
double LimitOn(const std::vector<NegativeLimitFrom>& limits, Date d) {
  auto it = std::upper_bound(limits.begin(), limits.end(), d,
                             [](Date day, const NegativeLimitFrom& step) { return day < step.from; });
  return it == limits.begin() ? kUnlimitedNegative : std::prev(it)->limit;
}

}  // namespace

absl::StatusOr<std::vector<NegativeLimitFrom>> NegativeLimitsOf(std::span<const PolicySegment> segments,
                                                                std::span<const LeavePolicy> policies) {
  std::vector<PolicySegment> sorted(segments.begin(), segments.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const PolicySegment& a, const PolicySegment& b) { return a.period.begin() < b.period.begin(); });
  std::vector<NegativeLimitFrom> limits;
  for (const PolicySegment& s : sorted) {
    const auto policy =
        std::find_if(policies.begin(), policies.end(), [&](const LeavePolicy& p) { return p.id == s.policy; });
    if (policy == policies.end()) {
      return absl::NotFoundError(absl::StrCat(ToString(s.employee), " ", ToString(s.leave_type), ": ",
                                              ToString(s.policy), " of the segment from ",
                                              FormatIsoDate(s.period.begin()), " not found"));
    }
    AppendSegment(s, *policy, limits);
  }
  // A segment's end step and the next segment's first step may share a date:
  // the later one (the next segment's) is in force, as LimitOn reads it.
  std::stable_sort(limits.begin(), limits.end(),
                   [](const NegativeLimitFrom& a, const NegativeLimitFrom& b) { return a.from < b.from; });
  return limits;
}

std::optional<LimitBreach> FirstLimitBreach(const ProjectedLedger& ledger, Date from) {
  if (!(from <= ledger.horizon)) return std::nullopt;
  std::vector<LedgerEntry> entries = ledger.entries;
  std::sort(entries.begin(), entries.end(), LedgerEntryLess);
  std::vector<Date> days = {from};
  for (const LedgerEntry& e : entries) {
    if (from <= e.date && e.date <= ledger.horizon) days.push_back(e.date);
  }
  for (const NegativeLimitFrom& step : ledger.limits) {
    if (from <= step.from && step.from <= ledger.horizon) days.push_back(step.from);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  double balance = 0.0;
  std::size_t next = 0;
  for (const Date d : days) {
    for (; next < entries.size() && entries[next].date <= d; ++next) {
      if (entries[next].kind != LedgerEntryKind::kCarryOver) balance += entries[next].amount;
    }
    const double limit = LimitOn(ledger.limits, d);
    if (balance < -limit - kEpsilon) return LimitBreach{d, balance, limit};
  }
  return std::nullopt;
}

}  // namespace hrkit
