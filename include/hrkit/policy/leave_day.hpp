// LeaveDay: one day (or part of a day) of leave charged against a balance.
// Leave requests produce them (one per counted day, from the work schedule
// and holiday calendar); the leave ledger consumes them as "taken" entries,
// which is how carried-over days are consumed before they expire.
//
// Thread safety: value type and a pure function.
#ifndef HRKIT_POLICY_LEAVE_DAY_HPP_
#define HRKIT_POLICY_LEAVE_DAY_HPP_

#include <span>

#include "hrkit/core/date.hpp"
#include "hrkit/core/id.hpp"

namespace hrkit {

// An amount of leave taken on one date, in the leave type's unit (days: 1.0
// or 0.5 for a half day; hours: the hours of that day).
struct LeaveDay {
  Date date;
  double amount = 0.0;
  LeaveRequestId request;  // the request it belongs to; invalid for manual entries

  friend bool operator==(const LeaveDay&, const LeaveDay&) = default;
};

// The sum of the amounts of `days`: what they take from a balance.
inline double TotalAmount(std::span<const LeaveDay> days) {
  double total = 0.0;
  for (const LeaveDay& day : days) total += day.amount;
  return total;
}

}  // namespace hrkit

#endif  // HRKIT_POLICY_LEAVE_DAY_HPP_
