#include "hrkit/leave/leave_requests.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/negative_limit.hpp"

namespace hrkit {
namespace {

// Tolerance for comparing sums of day fractions and hours.
constexpr double kEpsilon = 1e-9;

// The balance check looks this many calendar years past the last day charged
// (to the year's end), so the next year ends' lapses and expiries are seen.
constexpr int kBalanceCheckYears = 2;

bool Competes(const LeaveRequest& other, const LeaveRequest& candidate) {
  return other.id != candidate.id && other.employee == candidate.employee &&
         (other.status == LeaveRequestStatus::kSubmitted || other.status == LeaveRequestStatus::kApproved);
}

absl::Status CheckEmployment(const LeaveRequest& r, const Employee& employee) {
  for (Date d = r.first_day; d <= r.last_day; d += boost::gregorian::days(1)) {
    const EmploymentRecord* record = employee.employment.At(d);
    if (record != nullptr && IsEmployed(*record)) continue;
    return absl::FailedPreconditionError(
        absl::StrCat(LeaveRequestLabel(r), ": first_day..last_day: ", ToString(r.employee), " is not employed on ",
                     FormatIsoDate(d), record == nullptr ? " (before the hire)" : " (employment has ended)"));
  }
  return absl::OkStatus();
}

absl::Status CheckOverlap(const LeaveRequest& r, std::span<const LeaveRequest* const> others) {
  for (const LeaveRequest* other : others) {
    if (!Competes(*other, r) || !RequestsOverlap(*other, r)) continue;
    return absl::FailedPreconditionError(absl::StrCat(
        LeaveRequestLabel(r), ": first_day..last_day: overlaps ", ToAbsl(LeaveRequestStatusName(other->status)), " ",
        ToString(other->id), " (", FormatIsoDate(other->first_day), "..", FormatIsoDate(other->last_day), ")"));
  }
  return absl::OkStatus();
}

absl::Status CheckPolicy(const LeaveRequest& r, const std::vector<LeaveDay>& days,
                         const LeaveEntitlements& entitlements) {
  for (const LeaveDay& day : days) {
    HRKIT_ASSIGN_OR_RETURN(const bool has_policy, entitlements.HasPolicy(r.employee, r.leave_type, day.date));
    if (!has_policy) {
      return absl::FailedPreconditionError(absl::StrCat(LeaveRequestLabel(r), ": leave_type: no leave policy for ",
                                                        ToString(r.leave_type), " applies to ", ToString(r.employee),
                                                        " on ", FormatIsoDate(day.date)));
    }
  }
  return absl::OkStatus();
}

// Whether the balance check charges the employee's other submitted requests
// (on submission) or only the approved ones (on approval).
enum class CountPending { kYes, kNo };

// The requests the balance check charges: the employee's approved requests
// of r's type other than r, with kYes also the submitted ones, and r itself;
// all as approved copies.
// *pending counts the submitted ones.
std::vector<LeaveRequest> Charged(const LeaveRequest& r, std::span<const LeaveRequest* const> others,
                                  CountPending count_pending, int* pending) {
  std::vector<LeaveRequest> charged;
  for (const LeaveRequest* other : others) {
    if (other->id == r.id || other->employee != r.employee || other->leave_type != r.leave_type) continue;
    const bool submitted = other->status == LeaveRequestStatus::kSubmitted;
    if (other->status == LeaveRequestStatus::kApproved || (count_pending == CountPending::kYes && submitted)) {
      charged.push_back(*other);
      charged.back().status = LeaveRequestStatus::kApproved;
      if (submitted) ++*pending;
    }
  }
  charged.push_back(r);
  charged.back().status = LeaveRequestStatus::kApproved;
  return charged;
}

// Check 6 of the header comment: the ledger with `charged` taken keeps the
// negative limit in force on every day from r.first_day through the end of
// the second calendar year after the last day charged.
absl::Status CheckBalance(const LeaveRequest& r, std::span<const LeaveRequest* const> others,
                          const LeaveRequestContext& context, CountPending count_pending) {
  int pending = 0;
  const std::vector<LeaveRequest> charged = Charged(r, others, count_pending, &pending);
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> taken,
                         TakenDaysOf(charged, r.employee, r.leave_type, context.schedule, context.calendar));
  Date last = r.last_day;
  for (const LeaveRequest& c : charged) last = std::max(last, c.last_day);
  const Date through(static_cast<unsigned short>(last.year() + kBalanceCheckYears), 12, 31);
  HRKIT_ASSIGN_OR_RETURN(const std::optional<ProjectedLedger> ledger,
                         context.entitlements.LedgerWith(r.employee, r.leave_type, taken, through));
  if (!ledger.has_value()) return absl::OkStatus();
  const std::optional<LimitBreach> breach = FirstLimitBreach(*ledger, r.first_day);
  if (!breach.has_value()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      LeaveRequestLabel(r), ": duration: ", r.duration, " would leave a balance of ", breach->balance, " on ",
      FormatIsoDate(breach->date), ", below the allowed ", 0.0 - breach->limit, " for ", ToString(r.leave_type),
      pending > 0 ? absl::StrCat(" (with ", pending, " other submitted request(s) of the type counted as taken)")
                  : ""));
}

// The days `r` takes under the context's schedules and calendars; sets
// r.duration to their total.
absl::StatusOr<std::vector<LeaveDay>> CountUnder(const LeaveRequestContext& context, LeaveRequest& r) {
  HRKIT_ASSIGN_OR_RETURN(std::vector<LeaveDay> days, LeaveDaysOf(r, context.schedule, context.calendar));
  r.duration = TotalAmount(days);
  return days;
}

// False when the request takes nothing (only days off and holidays).
bool CarriesLeave(const LeaveRequest& r) { return r.duration > kEpsilon; }

// Checks 3 to 6 of the header comment: the facts a request must agree with.
absl::Status CheckFacts(const LeaveRequest& r, const std::vector<LeaveDay>& days, const LeaveRequestContext& context,
                        std::span<const LeaveRequest* const> others, CountPending count_pending) {
  HRKIT_RETURN_IF_ERROR(CheckEmployment(r, context.employee));
  HRKIT_RETURN_IF_ERROR(CheckOverlap(r, others));
  HRKIT_RETURN_IF_ERROR(CheckPolicy(r, days, context.entitlements));
  return CheckBalance(r, others, context, count_pending);
}

absl::StatusOr<LeaveRequest> SubmitAgainst(LeaveRequestId id, const LeaveRequestInput& input,
                                           const LeaveRequestContext& context,
                                           std::span<const LeaveRequest* const> others, Date submitted_on) {
  LeaveRequest r;
  r.id = id;
  r.employee = input.employee;
  r.leave_type = input.leave_type;
  r.first_day = input.first_day;
  r.last_day = input.last_day;
  r.first_day_half = input.first_day_half;
  r.last_day_half = input.last_day_half;
  r.counting = context.counting;
  r.status = LeaveRequestStatus::kSubmitted;
  r.submitted_on = submitted_on;
  r.reason = input.reason;

  if (input.employee != context.employee.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(LeaveRequestLabel(r), ": employee: the context is for ", ToString(context.employee.id)));
  }
  if (!IsRealDate(submitted_on)) {
    return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(r), ": submitted_on must be a real date"));
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> days, CountUnder(context, r));
  if (!CarriesLeave(r)) {
    return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(r), ": duration: ", FormatIsoDate(r.first_day),
                                                   "..", FormatIsoDate(r.last_day),
                                                   " has no working time to take (only days off and holidays)"));
  }
  HRKIT_RETURN_IF_ERROR(CheckFacts(r, days, context, others, CountPending::kYes));
  return r;
}

absl::StatusOr<LeaveRequest> ApproveAgainst(const LeaveRequest& r, const LeaveRequestContext& context,
                                            std::span<const LeaveRequest* const> others, Date on, std::string comment) {
  if (r.employee != context.employee.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(LeaveRequestLabel(r), ": employee: the context is for ", ToString(context.employee.id)));
  }
  // The state change first: approving a request that is not pending fails
  // with its status, whatever the facts say.
  HRKIT_ASSIGN_OR_RETURN(LeaveRequest approved, ApproveLeaveRequest(r, on, std::move(comment)));
  // Recount: a holiday declared or a schedule changed since submission
  // changes what the request costs, and the balance is checked against that.
  HRKIT_ASSIGN_OR_RETURN(const std::vector<LeaveDay> days, CountUnder(context, approved));
  if (!CarriesLeave(approved)) {
    return absl::FailedPreconditionError(absl::StrCat(
        LeaveRequestLabel(r), ": duration: ", FormatIsoDate(r.first_day), "..", FormatIsoDate(r.last_day),
        " no longer has working time to take (only days off and holidays); it was ", r.duration, " on submission"));
  }
  HRKIT_RETURN_IF_ERROR(CheckFacts(approved, days, context, others, CountPending::kNo));
  return approved;
}

std::vector<const LeaveRequest*> Pointers(std::span<const LeaveRequest> requests) {
  std::vector<const LeaveRequest*> pointers;
  pointers.reserve(requests.size());
  for (const LeaveRequest& r : requests) pointers.push_back(&r);
  return pointers;
}

}  // namespace

absl::StatusOr<LeaveRequest> SubmitLeaveRequest(LeaveRequestId id, const LeaveRequestInput& input,
                                                const LeaveRequestContext& context,
                                                std::span<const LeaveRequest> existing, Date submitted_on) {
  return GuardExceptions("submit leave request", [&]() -> absl::StatusOr<LeaveRequest> {
    return SubmitAgainst(id, input, context, Pointers(existing), submitted_on);
  });
}

absl::StatusOr<LeaveRequest> ApproveLeaveRequestChecked(const LeaveRequest& request, const LeaveRequestContext& context,
                                                        std::span<const LeaveRequest> existing, Date on,
                                                        std::string comment) {
  return GuardExceptions("approve leave request", [&]() -> absl::StatusOr<LeaveRequest> {
    return ApproveAgainst(request, context, Pointers(existing), on, std::move(comment));
  });
}

absl::StatusOr<LeaveRequestBook> LeaveRequestBook::FromRequests(std::vector<LeaveRequest> requests) {
  LeaveRequestBook book;
  for (LeaveRequest& r : requests) {
    if (!r.id.valid()) {
      return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(r), ": id must be positive"));
    }
    if (book.index_.contains(r.id)) {
      return absl::InvalidArgumentError(absl::StrCat(LeaveRequestLabel(r), ": id: duplicate"));
    }
    const std::size_t position = book.requests_.size();
    book.index_.emplace(r.id, position);
    book.by_employee_[r.employee].push_back(position);
    book.next_id_ = std::max(book.next_id_, r.id.value() + 1);
    book.requests_.push_back(std::move(r));
  }
  return book;
}

namespace {

// Room for one more element, growing geometrically: reserve(size() + 1)
// would allocate exactly one more slot and copy the whole vector on every
// call, which made submitting n requests quadratic.
template <class T>
void ReserveOneMore(std::vector<T>& v) {
  if (v.size() < v.capacity()) return;
  v.reserve(std::max<std::size_t>(8, v.capacity() * 2));
}

}  // namespace

absl::StatusOr<LeaveRequestId> LeaveRequestBook::Submit(const LeaveRequestInput& input,
                                                        const LeaveRequestContext& context, Date submitted_on) {
  return GuardExceptions("submit leave request", [&]() -> absl::StatusOr<LeaveRequestId> {
    const LeaveRequestId id(next_id_);
    std::vector<const LeaveRequest*> others;
    if (auto it = by_employee_.find(input.employee); it != by_employee_.end()) {
      for (std::size_t position : it->second) others.push_back(&requests_[position]);
    }
    HRKIT_ASSIGN_OR_RETURN(LeaveRequest request, SubmitAgainst(id, input, context, others, submitted_on));
    // Reserve everything first so that nothing below can fail half-way.
    ReserveOneMore(requests_);
    std::vector<std::size_t>& positions = by_employee_[request.employee];
    ReserveOneMore(positions);
    index_.reserve(index_.size() + 1);
    const std::size_t position = requests_.size();
    requests_.push_back(std::move(request));
    positions.push_back(position);
    index_.emplace(id, position);
    ++next_id_;
    return id;
  });
}

absl::Status LeaveRequestBook::Replace(LeaveRequestId id, absl::StatusOr<LeaveRequest> changed) {
  if (!changed.ok()) return changed.status();
  requests_[index_.at(id)] = std::move(changed).value();
  return absl::OkStatus();
}

absl::Status LeaveRequestBook::ApproveUnchecked(LeaveRequestId id, Date on, std::string comment) {
  const LeaveRequest* r = Find(id);
  if (r == nullptr) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such leave request"));
  return Replace(id, ApproveLeaveRequest(*r, on, std::move(comment)));
}

absl::Status LeaveRequestBook::Approve(LeaveRequestId id, const LeaveRequestContext& context, Date on,
                                       std::string comment) {
  const LeaveRequest* r = Find(id);
  if (r == nullptr) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such leave request"));
  return GuardExceptions("approve leave request", [&]() -> absl::Status {
    std::vector<const LeaveRequest*> others;
    for (std::size_t position : by_employee_.at(r->employee)) others.push_back(&requests_[position]);
    return Replace(id, ApproveAgainst(*r, context, others, on, std::move(comment)));
  });
}

absl::Status LeaveRequestBook::Reject(LeaveRequestId id, Date on, std::string comment) {
  const LeaveRequest* r = Find(id);
  if (r == nullptr) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such leave request"));
  return Replace(id, RejectLeaveRequest(*r, on, std::move(comment)));
}

absl::Status LeaveRequestBook::Cancel(LeaveRequestId id, Date on, std::string comment) {
  const LeaveRequest* r = Find(id);
  if (r == nullptr) return absl::NotFoundError(absl::StrCat(ToString(id), ": no such leave request"));
  return Replace(id, CancelLeaveRequest(*r, on, std::move(comment)));
}

const LeaveRequest* LeaveRequestBook::Find(LeaveRequestId id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &requests_[it->second];
}

std::vector<LeaveRequest> LeaveRequestBook::OfEmployee(EmployeeId employee) const {
  std::vector<LeaveRequest> result;
  if (auto it = by_employee_.find(employee); it != by_employee_.end()) {
    for (std::size_t position : it->second) result.push_back(requests_[position]);
  }
  std::sort(result.begin(), result.end(), [](const LeaveRequest& a, const LeaveRequest& b) { return a.id < b.id; });
  return result;
}

}  // namespace hrkit
