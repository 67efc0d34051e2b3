// Leave figures from the stored policies and requests: the policy segments
// of every employee, the days taken through approved requests (counted with
// each day's work schedule and holiday calendar), one accrual run over the
// population, and from its ledgers the balances on the as-of date and the
// days taken in the reporting year. Checked against LeaveBalanceOn, the
// one-employee path, for a sample of employees.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "figures.hpp"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/leave/balance.hpp"
#include "hrkit/leave/day_holidays.hpp"
#include "hrkit/leave/day_schedules.hpp"
#include "hrkit/leave/leave_adjustment.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/leave/policy_candidates.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "hrkit/storage/workforce_dataset.hpp"

namespace workforce_report {
namespace {

using hrkit::Date;

// The days taken through approved requests, for the accrual run.
absl::StatusOr<std::vector<hrkit::TakenLeave>> TakenLeaveOf(const hrkit::Dataset& data) {
  absl::flat_hash_map<hrkit::EmployeeId, std::vector<hrkit::LeaveRequest>> approved;
  for (const hrkit::LeaveRequest& r : data.Of<hrkit::LeaveRequest>()) {
    if (r.status == hrkit::LeaveRequestStatus::kApproved) approved[r.employee].push_back(r);
  }
  // What balance.hpp uses where nothing else is named: Monday to Friday, no
  // public holidays.
  static const hrkit::WorkSchedule kDefaultSchedule = hrkit::DefaultWorkSchedule();
  static const hrkit::HolidayCalendar kNoHolidays{};
  std::vector<hrkit::TakenLeave> taken;
  for (const hrkit::Employee& e : data.Of<hrkit::Employee>()) {
    auto it = approved.find(e.id);
    if (it == approved.end()) continue;
    const hrkit::DaySchedules schedules(e.employment, data.Of<hrkit::WorkSchedule>(), data.Of<hrkit::Location>(),
                                        kDefaultSchedule);
    const hrkit::DayHolidays holidays(e.employment, data.Of<hrkit::Location>(), data.Of<hrkit::HolidayCalendar>(),
                                      kNoHolidays);
    for (const hrkit::LeaveType& type : data.Of<hrkit::LeaveType>()) {
      HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::LeaveDay> days,
                             hrkit::TakenDaysOf(it->second, e.id, type.id, schedules, holidays));
      for (const hrkit::LeaveDay& day : days) taken.push_back({e.id, type.id, day});
    }
  }
  return taken;
}

// The accrual run from the first policy version to the as-of date.
absl::StatusOr<hrkit::AccrualRunResult> Run(const hrkit::Dataset& data, const hrkit::Period& range,
                                            std::span<const hrkit::TakenLeave> taken, hrkit::ProgressSink* progress) {
  const std::vector<hrkit::Employee>& employees = data.Of<hrkit::Employee>();
  HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::PolicyCandidate> candidates,
                         hrkit::CandidatesFromPolicies(data.Of<hrkit::LeavePolicy>()));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::OrgLookup lookup,
                         hrkit::OrgLookup::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>()));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::PolicySegmentTable segments,
                         hrkit::ResolvePolicySegmentsForAll(employees, candidates, data.Of<hrkit::PolicyAssignment>(),
                                                            lookup, range, progress));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::EmployeeAdjustment> adjustments,
                         hrkit::PopulationAdjustments(data.Of<hrkit::LeaveAdjustment>()));
  const hrkit::AccrualPopulation population{employees,  data.Of<hrkit::LeavePolicy>(), segments.segments, taken, {},
                                            adjustments};
  return hrkit::RunAccrual(population, range, progress);
}

// The histogram of `balances` in bins of 2.5 days.
std::vector<BalanceBin> Histogram(std::span<const double> balances) {
  if (balances.empty()) return {};
  constexpr double kWidth = 2.5;
  const auto [lo, hi] = std::minmax_element(balances.begin(), balances.end());
  const double start = std::floor(*lo / kWidth) * kWidth;
  const std::size_t bins = static_cast<std::size_t>(std::floor((*hi - start) / kWidth)) + 1;
  std::vector<BalanceBin> out(bins);
  for (std::size_t i = 0; i < bins; ++i) {
    out[i].from = start + kWidth * static_cast<double>(i);
    out[i].to = out[i].from + kWidth;
  }
  for (const double b : balances) ++out[static_cast<std::size_t>(std::floor((b - start) / kWidth))].employees;
  return out;
}

// Compares the run with LeaveBalanceOn for about 20 employees.
absl::Status CheckBalances(const hrkit::Dataset& data, const hrkit::AccrualRunResult& run, Figures* f) {
  const hrkit::LeaveFacts facts = hrkit::LeaveFactsOf(data);
  const std::size_t step = std::max<std::size_t>(1, run.size() / 20);
  for (std::size_t i = 0; i < run.size(); i += step) {
    HRKIT_ASSIGN_OR_RETURN(const double single,
                           hrkit::LeaveBalanceOn(facts, run.employees[i], run.leave_types[i], f->as_of));
    const double from_run = hrkit::Balance(run.Ledger(i), f->as_of);
    ++f->checks_run;
    if (std::abs(single - from_run) > 1e-9) {
      f->check_failures.push_back(absl::StrCat("leave balance of employee:", run.employees[i].value(), ": run ",
                                               from_run, ", LeaveBalanceOn ", single));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddLeaveFigures(const hrkit::Dataset& data, Figures* f, hrkit::ProgressSink* progress) {
  for (const hrkit::LeaveRequest& r : data.Of<hrkit::LeaveRequest>()) {
    if (r.first_day < f->year_first || r.first_day > f->as_of) continue;  // leave outside the reporting year
    if (r.status == hrkit::LeaveRequestStatus::kApproved) ++f->leave_requests_approved;
    if (r.status == hrkit::LeaveRequestStatus::kSubmitted) ++f->leave_requests_pending;
  }
  Date begin = hrkit::OpenEnd();
  for (const hrkit::LeavePolicy& p : data.Of<hrkit::LeavePolicy>()) {
    if (!p.versions.empty()) begin = std::min(begin, p.versions.Entries().front().effective);
  }
  if (begin.is_special() || begin > f->as_of) return absl::OkStatus();  // no leave before the as-of date
  const hrkit::Period range(begin, f->as_of + boost::gregorian::days(1));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::TakenLeave> taken, TakenLeaveOf(data));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::AccrualRunResult run, Run(data, range, taken, progress));

  absl::flat_hash_map<hrkit::EmployeeId, const hrkit::Employee*> by_id;
  for (const hrkit::Employee& e : data.Of<hrkit::Employee>()) by_id[e.id] = &e;
  std::vector<double> balances;
  for (std::size_t i = 0; i < run.size(); ++i) {
    for (const hrkit::LedgerEntry& entry : run.Ledger(i)) {
      if (entry.kind == hrkit::LedgerEntryKind::kTaken && entry.date >= f->year_first && entry.date <= f->as_of) {
        f->leave_days_taken -= entry.amount;
      }
    }
    if (hrkit::IsEmployedOn(*by_id.at(run.employees[i]), f->as_of)) {
      balances.push_back(hrkit::Balance(run.Ledger(i), f->as_of));
    }
  }
  if (!balances.empty()) {
    double sum = 0;
    for (const double b : balances) sum += b;
    f->mean_balance = sum / static_cast<double>(balances.size());
  }
  f->balances = Histogram(balances);
  return CheckBalances(data, run, f);
}

}  // namespace workforce_report
