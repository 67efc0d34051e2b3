// Test support: one employee, hired on 2024-01-01, under one leave policy,
// with a request book checked through LedgerEntitlements (the ledger engine
// itself), for the negative-limit and the order tests.
#ifndef HRKIT_TESTS_LEAVE_LEAVE_WORLD_HPP_
#define HRKIT_TESTS_LEAVE_LEAVE_WORLD_HPP_

#include <memory>
#include <optional>
#include <ostream>
#include <utility>
#include <vector>

#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/leave_requests.hpp"
#include "hrkit/leave/ledger_entitlements.hpp"
#include "hrkit/leave/negative_limit.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {

// Ledger entries in test failures: "2024-03-04 taken -0.5 ref 3".
inline void PrintTo(const LedgerEntry& e, std::ostream* os) {
  *os << FormatIsoDate(e.date) << " " << LedgerEntryKindName(e.kind) << " " << e.amount << " ref " << e.ref;
  if (e.notes != 0) *os << " notes " << static_cast<int>(e.notes);
}

}  // namespace hrkit

namespace hrkit::leave_test {

inline const EmployeeId kAda(7);
inline const LeaveTypeId kAnnual(1);
inline const LeavePolicyId kPolicy(1);
inline const Date kHired(2024, 1, 1);
inline const Date kSubmitted(2024, 1, 2);
inline const Date kDecided(2024, 1, 3);
// The last day the tests look at: the ledger is computed through it.
inline const Date kHorizon(2026, 12, 31);

// 12 days a year, credited monthly on the 1st (1 day each), no negative
// balance, everything carried over.
inline LeavePolicyVersion Monthly12() {
  LeavePolicyVersion v;
  v.amount_per_year = 12;
  return v;
}

class LeaveWorld {
 public:
  // The policy's versions, each from its date (recorded on 2024-01-01).
  explicit LeaveWorld(const std::vector<std::pair<Date, LeavePolicyVersion>>& versions) {
    EmploymentRecord r;
    r.position = PositionId(100);
    r.employment_start = r.seniority_start = kHired;
    ada.id = kAda;
    EXPECT_OK(ada.employment.Add(kHired, r, kHired));
    policy = LeavePolicy{kPolicy, "Annual", kAnnual, {}, {}};
    for (const auto& [from, v] : versions) EXPECT_OK(policy.versions.Add(from, v, kHired));
    Rebuild();
  }
  LeaveWorld(const LeaveWorld&) = delete;
  LeaveWorld& operator=(const LeaveWorld&) = delete;

  // After a change of `policy` or `adjustments`: the entitlements anew.
  void Rebuild() {
    entitlements = std::make_unique<LedgerEntitlements>(
        std::vector<LeavePolicy>{policy},
        std::vector<PolicySegment>{PolicySegment{kAda, kAnnual, kPolicy, Period(kHired, OpenEnd())}});
    entitlements->SetBasis(
        kAda, kAnnual, LedgerBasis{&ada.employment, adjustments, Period(kHired, kHorizon + boost::gregorian::days(1))});
  }

  LeaveRequestContext Checked() const { return LeaveRequestContext{ada, schedule, calendar, {}, *entitlements}; }
  LeaveRequestContext Unchecked() const { return LeaveRequestContext{ada, schedule, calendar, {}, no_checks}; }

  static LeaveRequestInput Ask(Date first, Date last, HalfDay first_half = HalfDay::kNone,
                               HalfDay last_half = HalfDay::kNone) {
    return LeaveRequestInput{kAda, kAnnual, first, last, first_half, last_half, ""};
  }

  // A request submitted without the balance check (as if it fit when it was
  // submitted), to be approved with the checks.
  LeaveRequestId Import(Date first, Date last) {
    absl::StatusOr<LeaveRequestId> id = book.Submit(Ask(first, last), Unchecked(), kSubmitted);
    EXPECT_OK(id.status());
    return id.ok() ? *id : LeaveRequestId();
  }
  absl::Status Approve(LeaveRequestId id) { return book.Approve(id, Checked(), kDecided); }

  // The ledger with the book's approved requests, through kHorizon (no
  // entries and no limits when no version keeps a balance).
  absl::StatusOr<ProjectedLedger> Ledger() const {
    HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> taken,
                           TakenDaysOf(book.requests(), kAda, kAnnual, schedule, calendar));
    HRKIT_ASSIGN_OR_RETURN(std::optional<ProjectedLedger> ledger,
                           entitlements->LedgerWith(kAda, kAnnual, taken, kHorizon));
    if (!ledger.has_value()) return ProjectedLedger{{}, {}, kHorizon};
    return *std::move(ledger);
  }
  // The first day below the limit in that ledger, if any.
  absl::StatusOr<std::optional<LimitBreach>> Breach() const {
    HRKIT_ASSIGN_OR_RETURN(const ProjectedLedger ledger, Ledger());
    return FirstLimitBreach(ledger, kHired);
  }

  Employee ada;
  LeavePolicy policy;
  std::vector<LedgerAdjustment> adjustments;
  WorkSchedule schedule = DefaultWorkSchedule(WorkScheduleId(1));  // Monday to Friday
  HolidayCalendar calendar{HolidayCalendarId(1), "None", {}};
  FunctionLeaveEntitlements no_checks{nullptr, nullptr};
  std::unique_ptr<LedgerEntitlements> entitlements;
  LeaveRequestBook book;
};

}  // namespace hrkit::leave_test

#endif  // HRKIT_TESTS_LEAVE_LEAVE_WORLD_HPP_
