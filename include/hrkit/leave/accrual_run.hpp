// The population run: every employee's leave ledgers over a date range, in
// one pass, with the output in flat arrays (offsets into one entries vector)
// so a million employee-years fit in a few hundred megabytes and are
// computed in well under a second. Each ledger is exactly what ComputeLedger
// (leave/accrual.hpp) returns for the same facts.
//
// Thread safety: RunAccrual is a pure function of its arguments (the sink is
// called from the calling thread); concurrent runs are safe.
#ifndef HRKIT_LEAVE_ACCRUAL_RUN_HPP_
#define HRKIT_LEAVE_ACCRUAL_RUN_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_day.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A day of leave taken by an employee, of a type.
struct TakenLeave {
  EmployeeId employee;     // who took it
  LeaveTypeId leave_type;  // of which leave type
  LeaveDay day;            // the date and amount

  friend bool operator==(const TakenLeave&, const TakenLeave&) = default;
};

// The balance of an employee's leave type at the end of the day before the
// range (AccrualFacts::opening_balance).
struct OpeningBalance {
  EmployeeId employee;     // whose balance
  LeaveTypeId leave_type;  // of which leave type
  double balance = 0.0;    // in the leave type's unit

  friend bool operator==(const OpeningBalance&, const OpeningBalance&) = default;
};

// A manual adjustment or encashment of an employee's leave type.
struct EmployeeAdjustment {
  EmployeeId employee;          // whose balance
  LeaveTypeId leave_type;       // of which leave type
  LedgerAdjustment adjustment;  // the entry to add

  friend bool operator==(const EmployeeAdjustment&, const EmployeeAdjustment&) = default;
};

// The facts of a population. Every span may be in any order; already sorted
// input (segments, taken days, openings and adjustments by employee id, leave
// type and date; employees by id) skips the sorting.
struct AccrualPopulation {
  std::span<const Employee> employees;              // the people, with their employment histories
  std::span<const LeavePolicy> policies;            // every policy a segment names
  std::span<const PolicySegment> segments;          // who has which policy when
  std::span<const TakenLeave> taken;                // days of leave taken
  std::span<const OpeningBalance> openings;         // balances before the range
  std::span<const EmployeeAdjustment> adjustments;  // manual adjustments and encashments
};

// The ledgers of a run: ledger i belongs to (employees[i], leave_types[i]) and
// holds entries[offsets[i] .. offsets[i + 1]). Ledgers are ordered by
// employee id, then leave type; there is one for every (employee, leave type)
// with at least one segment, even when it has no entry.
struct AccrualRunResult {
  std::vector<EmployeeId> employees;      // the employee of each ledger
  std::vector<LeaveTypeId> leave_types;   // the leave type of each ledger
  std::vector<std::uint64_t> offsets{0};  // size() + 1 offsets into `entries`
  std::vector<LedgerEntry> entries;       // every ledger's entries, ledger after ledger

  // Number of ledgers.
  std::size_t size() const { return employees.size(); }
  // Ledger i. REQUIRES: i < size().
  std::span<const LedgerEntry> Ledger(std::size_t i) const {
    return std::span<const LedgerEntry>(entries).subspan(offsets[i], offsets[i + 1] - offsets[i]);
  }
  // The index of the ledger of (employee, type), or nullopt. O(log size()).
  std::optional<std::size_t> Find(EmployeeId employee, LeaveTypeId type) const;
};

// Computes the ledger of every (employee, leave type) that has segments, over
// `range`. Reports progress to `progress` (may be null) as stage "accrual",
// in segments done of all segments; when the sink asks to stop, returns
// CancelledError and nothing else.
//
// Returns InvalidArgument for a policy failing ValidateLeavePolicy, two
// policies or two employees with one id, and every ComputeLedger error of an
// employee (the message names the employee); NotFound for a segment, taken
// day, opening balance or adjustment of an employee not in `employees`, or a
// segment naming an unknown policy. Nothing partial is returned on error.
//
// Example:
//   AccrualPopulation population{org.employees, policies, segments, taken, openings, {}};
//   HRKIT_ASSIGN_OR_RETURN(AccrualRunResult run,
//                          RunAccrual(population, Period(Date(2025, 1, 1), Date(2026, 1, 1)), &progress));
//   for (std::size_t i = 0; i < run.size(); ++i) Use(run.employees[i], Balance(run.Ledger(i), year_end));
absl::StatusOr<AccrualRunResult> RunAccrual(const AccrualPopulation& population, const Period& range,
                                            ProgressSink* progress);

// The same, into `*result`, reusing the capacity of its vectors: a run
// repeated over a population (a nightly recomputation) then allocates and
// touches no new memory for its ledgers. Errors as above; on error `*result`
// is left empty. REQUIRES: result != nullptr.
absl::Status RunAccrual(const AccrualPopulation& population, const Period& range, ProgressSink* progress,
                        AccrualRunResult* result);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_ACCRUAL_RUN_HPP_
