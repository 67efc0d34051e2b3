// LeaveDay: one day (or part of a day) of leave charged against a balance.
// Leave requests produce them (one per counted day, from the work schedule
// and holiday calendar); the leave ledger consumes them as "taken" entries,
// which is how carried-over days are consumed before they expire.
//
// Thread safety: value type and a pure function.
#ifndef HRKIT_LEAVE_LEAVE_DAY_HPP_
#define HRKIT_LEAVE_LEAVE_DAY_HPP_

#include <span>
#include <vector>

#include "hrkit/calendar/working_time.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/leave/ids.hpp"

namespace hrkit {

// An amount of leave taken on one date, in the leave type's unit (days: 1.0
// or 0.5 for a half day; hours: the hours of that day).
struct LeaveDay {
  Date date;               // the day
  double amount = 0.0;     // in the leave type's unit
  LeaveRequestId request;  // the request it belongs to; invalid for manual entries

  friend bool operator==(const LeaveDay&, const LeaveDay&) = default;
};

// The sum of the amounts of `days`: what they take from a balance.
inline double TotalAmount(std::span<const LeaveDay> days) {
  double total = 0.0;
  for (const LeaveDay& day : days) total += day.amount;
  return total;
}

// The per-day breakdown as LeaveDays of `request` (amount = days or hours by
// `unit`), for charging a whole period as leave.
std::vector<LeaveDay> ToLeaveDays(std::span<const DayWorkingTime> per_day, DurationUnit unit,
                                  LeaveRequestId request = LeaveRequestId());

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_DAY_HPP_
