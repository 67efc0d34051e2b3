#include "hrkit/leave/accrual_run.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "../core/huge_pages.hpp"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "accrual_internal.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

// Progress is reported (and cancellation checked) every this many ledgers.
constexpr std::size_t kProgressEvery = 4096;

// Returns `in` if it is sorted by `less`, otherwise a sorted copy kept in
// `storage`.
template <class T, class Less>
std::span<const T> SortedView(std::span<const T> in, std::vector<T>& storage, Less less) {
  if (std::is_sorted(in.begin(), in.end(), less)) return in;
  storage.assign(in.begin(), in.end());
  std::stable_sort(storage.begin(), storage.end(), less);
  return storage;
}

// (employee, leave type) order, then `date` of the item.
template <class A, class B>
bool ByKey(const A& a, const B& b) {
  if (a.employee != b.employee) return a.employee < b.employee;
  return a.leave_type < b.leave_type;
}

// An employee and its id. The run walks ids in a flat array: reading them
// through the pointer costs a cache miss per employee.
struct EmployeeRef {
  EmployeeId id;
  const Employee* employee = nullptr;
};

// NotFound for the first item (sorted by employee) whose employee is not in
// `employees` (sorted by id).
template <class T>
absl::Status CheckEmployeesKnown(std::span<const T> items, const std::vector<EmployeeRef>& employees,
                                 std::string_view what) {
  std::size_t e = 0;
  for (const T& item : items) {
    while (e < employees.size() && employees[e].id < item.employee) ++e;
    if (e == employees.size() || employees[e].id != item.employee) {
      return absl::NotFoundError(
          absl::StrCat("accrual run: ", ToAbsl(what), " of ", ToString(item.employee), ": no such employee"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::optional<std::size_t> AccrualRunResult::Find(EmployeeId employee, LeaveTypeId type) const {
  std::size_t lo = 0;
  std::size_t hi = employees.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (employees[mid] < employee || (employees[mid] == employee && leave_types[mid] < type)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < employees.size() && employees[lo] == employee && leave_types[lo] == type) return lo;
  return std::nullopt;
}

namespace {

absl::Status RunInto(const AccrualPopulation& population, const Period& range, ProgressSink* progress,
                     AccrualRunResult& result) {
  {
    absl::flat_hash_set<LeavePolicyId> policy_ids;
    for (const LeavePolicy& p : population.policies) {
      HRKIT_RETURN_IF_ERROR(ValidateLeavePolicy(p));
      if (!policy_ids.insert(p.id).second) {
        return absl::InvalidArgumentError(absl::StrCat("accrual run: ", ToString(p.id), " appears twice"));
      }
    }

    std::vector<EmployeeRef> employees;
    employees.reserve(population.employees.size());
    for (const Employee& e : population.employees) employees.push_back(EmployeeRef{e.id, &e});
    auto by_id = [](const EmployeeRef& a, const EmployeeRef& b) { return a.id < b.id; };
    if (!std::is_sorted(employees.begin(), employees.end(), by_id)) {
      std::sort(employees.begin(), employees.end(), by_id);
    }
    for (std::size_t i = 1; i < employees.size(); ++i) {
      if (employees[i].id == employees[i - 1].id) {
        return absl::InvalidArgumentError(absl::StrCat("accrual run: ", ToString(employees[i].id), " appears twice"));
      }
    }

    std::vector<PolicySegment> segment_storage;
    const std::span<const PolicySegment> segments =
        SortedView(population.segments, segment_storage, [](const PolicySegment& a, const PolicySegment& b) {
          if (a.employee != b.employee || a.leave_type != b.leave_type) return ByKey(a, b);
          return a.period.begin() < b.period.begin();
        });
    std::vector<TakenLeave> taken_storage;
    const std::span<const TakenLeave> taken =
        SortedView(population.taken, taken_storage, [](const TakenLeave& a, const TakenLeave& b) {
          if (a.employee != b.employee || a.leave_type != b.leave_type) return ByKey(a, b);
          return a.day.date < b.day.date;
        });
    std::vector<OpeningBalance> opening_storage;
    const std::span<const OpeningBalance> openings =
        SortedView(population.openings, opening_storage,
                   [](const OpeningBalance& a, const OpeningBalance& b) { return ByKey(a, b); });
    std::vector<EmployeeAdjustment> adjustment_storage;
    const std::span<const EmployeeAdjustment> adjustments = SortedView(
        population.adjustments, adjustment_storage, [](const EmployeeAdjustment& a, const EmployeeAdjustment& b) {
          if (a.employee != b.employee || a.leave_type != b.leave_type) return ByKey(a, b);
          return a.adjustment.date < b.adjustment.date;
        });
    HRKIT_RETURN_IF_ERROR(CheckEmployeesKnown(segments, employees, "policy segment"));
    HRKIT_RETURN_IF_ERROR(CheckEmployeesKnown(taken, employees, "taken leave"));
    HRKIT_RETURN_IF_ERROR(CheckEmployeesKnown(openings, employees, "opening balance"));
    HRKIT_RETURN_IF_ERROR(CheckEmployeesKnown(adjustments, employees, "adjustment"));
    for (std::size_t i = 1; i < openings.size(); ++i) {
      if (!ByKey(openings[i - 1], openings[i])) {
        return absl::InvalidArgumentError(absl::StrCat("accrual run: two opening balances of ",
                                                       ToString(openings[i].employee), " ",
                                                       ToString(openings[i].leave_type)));
      }
    }

    if (IsRealDate(range.begin()) && IsRealDate(range.end()) && range.begin() < range.end()) {
      const std::int64_t months = (range.end() - range.begin()).days() / 30 + 2;
      // Untouched reserved memory costs nothing; a reallocation copies everything.
      const std::size_t capacity = result.entries.capacity();
      result.entries.reserve(segments.size() * static_cast<std::size_t>(std::min<std::int64_t>(months, 40)) +
                             taken.size() + 2 * openings.size() + adjustments.size());
      if (result.entries.capacity() != capacity) core_internal::AdviseHugePages(result.entries);
    }
    result.employees.reserve(segments.size());
    result.leave_types.reserve(segments.size());
    result.offsets.reserve(segments.size() + 1);
    accrual_internal::Scratch scratch;
    std::vector<LeaveDay> days;
    std::vector<LedgerAdjustment> manual;
    std::size_t e = 0;
    std::size_t t = 0;
    std::size_t o = 0;
    std::size_t a = 0;
    std::size_t ledgers = 0;
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "accrual", 0, static_cast<std::int64_t>(segments.size())));
    for (std::size_t i = 0; i < segments.size();) {
      std::size_t j = i + 1;
      while (j < segments.size() && segments[j].employee == segments[i].employee &&
             segments[j].leave_type == segments[i].leave_type) {
        ++j;
      }
      const PolicySegment& key = segments[i];
      while (employees[e].id < key.employee) ++e;  // known: checked above
      if (j < segments.size()) {
        // The next employee's history is a separate allocation: start loading it now.
        // Two steps: the employee record four ahead, the history two ahead.
        __builtin_prefetch(&employees[std::min(e + 4, employees.size() - 1)].employee->employment);
        const auto entries = employees[std::min(e + 2, employees.size() - 1)].employee->employment.Entries();
        const char* bytes = reinterpret_cast<const char*>(entries.data());
        const std::size_t size = std::min<std::size_t>(entries.size_bytes(), 1024);
        for (std::size_t offset = 0; offset < size; offset += 64) __builtin_prefetch(bytes + offset);
      }
      while (t < taken.size() && ByKey(taken[t], key)) ++t;
      days.clear();
      for (; t < taken.size() && !ByKey(key, taken[t]); ++t) days.push_back(taken[t].day);
      while (a < adjustments.size() && ByKey(adjustments[a], key)) ++a;
      manual.clear();
      for (; a < adjustments.size() && !ByKey(key, adjustments[a]); ++a) manual.push_back(adjustments[a].adjustment);
      while (o < openings.size() && ByKey(openings[o], key)) ++o;
      const double opening = o < openings.size() && !ByKey(key, openings[o]) ? openings[o].balance : 0.0;

      const AccrualFacts facts{key.employee,
                               key.leave_type,
                               &employees[e].employee->employment,
                               segments.subspan(i, j - i),
                               population.policies,
                               days,
                               manual,
                               opening};
      HRKIT_RETURN_IF_ERROR(accrual_internal::AppendLedger(facts, range, scratch, result.entries));
      result.employees.push_back(key.employee);
      result.leave_types.push_back(key.leave_type);
      result.offsets.push_back(result.entries.size());
      if (++ledgers % kProgressEvery == 0) {
        HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "accrual", static_cast<std::int64_t>(j),
                                             static_cast<std::int64_t>(segments.size())));
      }
      i = j;
    }
    return ReportProgress(progress, "accrual", static_cast<std::int64_t>(segments.size()),
                          static_cast<std::int64_t>(segments.size()));
  }
}

void Clear(AccrualRunResult& result) {
  result.employees.clear();
  result.leave_types.clear();
  result.offsets.assign(1, 0);
  result.entries.clear();
}

}  // namespace

absl::Status RunAccrual(const AccrualPopulation& population, const Period& range, ProgressSink* progress,
                        AccrualRunResult* result) {
  Clear(*result);
  absl::Status status =
      GuardExceptions("accrual run", [&]() -> absl::Status { return RunInto(population, range, progress, *result); });
  if (!status.ok()) Clear(*result);
  return status;
}

absl::StatusOr<AccrualRunResult> RunAccrual(const AccrualPopulation& population, const Period& range,
                                            ProgressSink* progress) {
  AccrualRunResult result;
  HRKIT_RETURN_IF_ERROR(RunAccrual(population, range, progress, &result));
  return result;
}

}  // namespace hrkit
