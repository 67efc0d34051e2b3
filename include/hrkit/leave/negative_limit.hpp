// The negative-balance limit over time and the one check that a ledger keeps
// it: the balance at the end of every day must stay at or above minus the
// limit of the policy version in force that day. Request submission and
// approval (leave/leave_requests.hpp) ask it of the ledger computed with the
// request charged; whoever changes another fact (an adjustment, a policy
// version) can ask it the same way.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_NEGATIVE_LIMIT_HPP_
#define HRKIT_LEAVE_NEGATIVE_LIMIT_HPP_

#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/policy_segment.hpp"

namespace hrkit {

// The limit of a day without one: no version in force, a version that keeps
// no balance, or a version whose negative_limit is empty.
inline constexpr double kUnlimitedNegative = std::numeric_limits<double>::infinity();

// From `from` on (until the next step), the balance may go down to -limit.
struct NegativeLimitFrom {
  Date from;                          // the first day of the step
  double limit = kUnlimitedNegative;  // >= 0

  friend bool operator==(const NegativeLimitFrom&, const NegativeLimitFrom&) = default;
};

// The limits in force over `segments` (those of one employee and one leave
// type, any order): a step on the first day of each segment, of each policy
// version within it and after its end (kUnlimitedNegative), in date order.
// Before the first step and on days no version rules there is no limit.
// Returns NotFound naming the policy when a segment's policy is not in
// `policies`.
absl::StatusOr<std::vector<NegativeLimitFrom>> NegativeLimitsOf(std::span<const PolicySegment> segments,
                                                                std::span<const LeavePolicy> policies);

// A ledger computed with some leave charged (by the same engine that computes
// every balance, leave/accrual.hpp), with the limits in force over it.
struct ProjectedLedger {
  std::vector<LedgerEntry> entries;       // every entry through `horizon`, any order
  std::vector<NegativeLimitFrom> limits;  // in date order (NegativeLimitsOf)
  Date horizon;                           // the last day the ledger covers
};

// A day whose balance is below its limit.
struct LimitBreach {
  Date date;             // the day
  double balance = 0.0;  // Balance(entries, date)
  double limit = 0.0;    // the limit in force that day: the balance may not go below -limit

  friend bool operator==(const LimitBreach&, const LimitBreach&) = default;
};

// The first day d in [from, ledger.horizon] with Balance(ledger.entries, d) <
// -limit(d) (by more than 1e-9), or nullopt. Exactly reaching the limit is
// allowed. Every day is checked: the balance changes only on entry dates and
// the limit only on step dates, so those days and `from` are the ones looked
// at.
std::optional<LimitBreach> FirstLimitBreach(const ProjectedLedger& ledger, Date from);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_NEGATIVE_LIMIT_HPP_
