#include "hrkit/personnel/lifecycle.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;

std::string_view EventName(EmploymentEvent kind) {
  switch (kind) {
    case EmploymentEvent::kHire:
      return "hire";
    case EmploymentEvent::kTransfer:
      return "transfer";
    case EmploymentEvent::kPromotion:
      return "promotion";
    case EmploymentEvent::kFteChange:
      return "FTE change";
    case EmploymentEvent::kManagerChange:
      return "manager change";
    case EmploymentEvent::kLeaveOfAbsence:
      return "leave of absence";
    case EmploymentEvent::kReturnFromLeave:
      return "return from leave";
    case EmploymentEvent::kTermination:
      return "termination";
    case EmploymentEvent::kRehire:
      return "rehire";
    case EmploymentEvent::kDataChange:
      return "job data change";
  }
  return "event";
}

std::string_view StatusName(EmploymentStatus status) {
  switch (status) {
    case EmploymentStatus::kActive:
      return "active";
    case EmploymentStatus::kOnLeave:
      return "on leave";
    case EmploymentStatus::kTerminated:
      return "terminated";
  }
  return "unknown";
}

// "employee:7: <field>: <what>"
absl::Status Invalid(const Employee& e, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(e.id), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}
absl::Status Precondition(const Employee& e, std::string_view field, std::string_view what) {
  return absl::FailedPreconditionError(absl::StrCat(ToString(e.id), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}

bool ValidFte(double fte) { return fte > 0.0 && fte <= 1.5; }  // false for NaN

absl::Status CheckFte(const Employee& e, double fte) {
  if (ValidFte(fte)) return absl::OkStatus();
  return Invalid(e, "fte", absl::StrCat("must be in (0, 1.5], got ", fte));
}

absl::Status CheckPosition(const Employee& e, PositionId position, EmploymentEvent kind) {
  if (position.valid()) return absl::OkStatus();
  return Invalid(e, "position",
                 absl::StrCat("a ", ToAbsl(EventName(kind)), " needs a position, got ", ToString(position)));
}

absl::Status CheckMinimumAge(const Employee& e, Date effective, EmploymentEvent kind, const LifecycleOptions& options) {
  if (options.minimum_age_years <= 0 || !IsRealDate(e.birth_date)) return absl::OkStatus();
  const int year = static_cast<int>(e.birth_date.year()) + options.minimum_age_years;
  const bool old_enough =
      year <= 9999 && BirthdayAtAge(e.birth_date, options.minimum_age_years, options.leap_day_birthday) <= effective;
  if (old_enough) return absl::OkStatus();
  return Precondition(
      e, "birth_date",
      absl::StrCat("born ", FormatIsoDate(e.birth_date), ", under the minimum age of ", options.minimum_age_years,
                   " on the ", ToAbsl(EventName(kind)), " date ", FormatIsoDate(effective)));
}

// Whether an event of `kind` may follow `prior` (the state on its day before it).
absl::Status CheckTransition(const Employee& e, EmploymentEvent kind, const EmploymentRecord& prior, Date effective) {
  auto fail = [&](std::string_view needs) {
    return Precondition(e, "status",
                        absl::StrCat(ToAbsl(EventName(kind)), " on ", FormatIsoDate(effective), " needs ",
                                     ToAbsl(needs), ", but the status then is ", ToAbsl(StatusName(prior.status))));
  };
  switch (kind) {
    case EmploymentEvent::kHire:
      return Precondition(e, "employment", "a hire needs an employee without employment history");
    case EmploymentEvent::kRehire:
      return IsEmployed(prior) ? fail("a former employee") : absl::OkStatus();
    case EmploymentEvent::kLeaveOfAbsence:
      return prior.status == EmploymentStatus::kActive ? absl::OkStatus() : fail("an active employee");
    case EmploymentEvent::kReturnFromLeave:
      return prior.status == EmploymentStatus::kOnLeave ? absl::OkStatus() : fail("an employee on leave");
    case EmploymentEvent::kTransfer:
    case EmploymentEvent::kPromotion:
    case EmploymentEvent::kFteChange:
    case EmploymentEvent::kManagerChange:
    case EmploymentEvent::kTermination:
    case EmploymentEvent::kDataChange:
      return IsEmployed(prior) ? absl::OkStatus() : fail("an employed person");
  }
  return absl::OkStatus();
}

// The first day of the stretch of kTerminated records that contains `date`.
Date TerminationStart(const Timeline<EmploymentRecord>& employment, Date date) {
  Date start = date;
  bool in_gap = false;
  for (const auto& segment : employment.Segments()) {
    if (segment.period.begin() > date) break;
    const bool terminated = !IsEmployed(*segment.value);
    if (terminated && !in_gap) start = segment.period.begin();
    in_gap = terminated;
  }
  return start;
}

// Builds the record an event adds, from the state `prior` on its day.
class RecordBuilder {
 public:
  RecordBuilder(const Employee& e, const EmploymentRecord* prior, Date effective, const LifecycleOptions& options)
      : e_(e), prior_(prior), effective_(effective), options_(options) {}

  absl::StatusOr<EmploymentRecord> operator()(const HireEvent& ev) const {
    HRKIT_RETURN_IF_ERROR(CheckPosition(e_, ev.position, EmploymentEvent::kHire));
    HRKIT_RETURN_IF_ERROR(CheckFte(e_, ev.fte));
    HRKIT_RETURN_IF_ERROR(CheckMinimumAge(e_, effective_, EmploymentEvent::kHire, options_));
    EmploymentRecord r;
    r.status = EmploymentStatus::kActive;
    r.type = ev.type;
    r.fte = ev.fte;
    r.position = ev.position;
    r.location = ev.location;
    r.work_schedule = ev.work_schedule;
    r.cost_center = ev.cost_center;
    r.event = EmploymentEvent::kHire;
    r.reason_code = ev.reason_code;
    r.employment_start = effective_;
    r.seniority_start = effective_;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const RehireEvent& ev) const {
    HRKIT_RETURN_IF_ERROR(CheckPosition(e_, ev.position, EmploymentEvent::kRehire));
    HRKIT_RETURN_IF_ERROR(CheckFte(e_, ev.fte));
    HRKIT_RETURN_IF_ERROR(CheckMinimumAge(e_, effective_, EmploymentEvent::kRehire, options_));
    EmploymentRecord r;
    r.status = EmploymentStatus::kActive;
    r.type = ev.type;
    r.fte = ev.fte;
    r.position = ev.position;
    r.location = ev.location;
    r.work_schedule = ev.work_schedule;
    r.cost_center = ev.cost_center;
    r.event = EmploymentEvent::kRehire;
    r.reason_code = ev.reason_code;
    r.employment_start = effective_;
    r.seniority_start = effective_;
    if (ev.seniority == SeniorityOnRehire::kBridge && IsRealDate(prior_->seniority_start)) {
      // Earlier service counts, the break does not.
      r.seniority_start = prior_->seniority_start + (effective_ - TerminationStart(e_.employment, effective_));
    }
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const TransferEvent& ev) const {
    HRKIT_RETURN_IF_ERROR(CheckMove(ev.position, EmploymentEvent::kTransfer));
    EmploymentRecord r = Next(EmploymentEvent::kTransfer, ev.reason_code);
    r.position = ev.position;
    if (ev.location.has_value()) r.location = *ev.location;
    if (ev.cost_center.has_value()) r.cost_center = *ev.cost_center;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const PromotionEvent& ev) const {
    HRKIT_RETURN_IF_ERROR(CheckMove(ev.position, EmploymentEvent::kPromotion));
    EmploymentRecord r = Next(EmploymentEvent::kPromotion, ev.reason_code);
    r.position = ev.position;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const FteChangeEvent& ev) const {
    HRKIT_RETURN_IF_ERROR(CheckFte(e_, ev.fte));
    EmploymentRecord r = Next(EmploymentEvent::kFteChange, ev.reason_code);
    r.fte = ev.fte;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const ManagerChangeEvent& ev) const {
    if (ev.acting_manager.valid() && ev.acting_manager == e_.id) {
      return Invalid(e_, "acting_manager", "an employee cannot be their own acting manager");
    }
    EmploymentRecord r = Next(EmploymentEvent::kManagerChange, ev.reason_code);
    r.acting_manager = ev.acting_manager;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const LeaveOfAbsenceEvent& ev) const {
    EmploymentRecord r = Next(EmploymentEvent::kLeaveOfAbsence, ev.reason_code);
    r.status = EmploymentStatus::kOnLeave;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const ReturnFromLeaveEvent& ev) const {
    EmploymentRecord r = Next(EmploymentEvent::kReturnFromLeave, ev.reason_code);
    r.status = EmploymentStatus::kActive;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const TerminationEvent& ev) const {
    if (ev.kind == TerminationKind::kNone) {
      return Invalid(e_, "termination", "a termination must be voluntary or involuntary");
    }
    if (IsRealDate(prior_->employment_start) && ev.last_day < prior_->employment_start) {
      return Precondition(e_, "last_day",
                          absl::StrCat("last day ", FormatIsoDate(ev.last_day),
                                       " is before the start of the current employment period ",
                                       FormatIsoDate(prior_->employment_start)));
    }
    EmploymentRecord r = Next(EmploymentEvent::kTermination, ev.reason_code);
    r.status = EmploymentStatus::kTerminated;
    r.fte = 0.0;
    r.position = PositionId();
    r.acting_manager = EmployeeId();
    r.termination = ev.kind;
    return r;
  }

  absl::StatusOr<EmploymentRecord> operator()(const JobDataChangeEvent& ev) const {
    if (!ev.cost_center && !ev.work_schedule && !ev.location && !ev.type) {
      return Invalid(e_, "job_data", "a job data change must set at least one field");
    }
    EmploymentRecord r = Next(EmploymentEvent::kDataChange, ev.reason_code);
    if (ev.cost_center) r.cost_center = *ev.cost_center;
    if (ev.work_schedule) r.work_schedule = *ev.work_schedule;
    if (ev.location) r.location = *ev.location;
    if (ev.type) r.type = *ev.type;
    return r;
  }

 private:
  // The prior state relabelled as the new event's record.
  EmploymentRecord Next(EmploymentEvent kind, const std::string& reason_code) const {
    EmploymentRecord r = *prior_;
    r.event = kind;
    r.reason_code = reason_code;
    r.termination = TerminationKind::kNone;
    r.carried_forward = false;
    return r;
  }

  absl::Status CheckMove(PositionId position, EmploymentEvent kind) const {
    HRKIT_RETURN_IF_ERROR(CheckPosition(e_, position, kind));
    if (position == prior_->position) {
      return Invalid(e_, "position",
                     absl::StrCat("a ", ToAbsl(EventName(kind)), " must move to another position; ", ToString(position),
                                  " is already held on ", FormatIsoDate(effective_)));
    }
    return absl::OkStatus();
  }

  const Employee& e_;
  const EmploymentRecord* prior_;
  Date effective_;
  const LifecycleOptions& options_;
};

bool SameJobData(EmploymentRecord a, EmploymentRecord b) {
  a.carried_forward = b.carried_forward = false;
  return a == b;
}

// A later record `old_final` restated on top of `new_prev`: the fields it set
// itself (changed from `old_prev`, or the subject of its event) are kept, the
// rest come from the new state before it.
EmploymentRecord Rebase(const EmploymentRecord& old_final, const EmploymentRecord& old_prev,
                        const EmploymentRecord& new_prev) {
  if (old_final.event == EmploymentEvent::kHire || old_final.event == EmploymentEvent::kRehire) {
    EmploymentRecord r = old_final;
    r.carried_forward = true;
    return r;
  }
  EmploymentRecord r = new_prev;
  auto take = [&](auto member) {
    if (old_final.*member != old_prev.*member) r.*member = old_final.*member;
  };
  take(&EmploymentRecord::status);
  take(&EmploymentRecord::type);
  take(&EmploymentRecord::fte);
  take(&EmploymentRecord::position);
  take(&EmploymentRecord::location);
  take(&EmploymentRecord::work_schedule);
  take(&EmploymentRecord::cost_center);
  take(&EmploymentRecord::acting_manager);
  take(&EmploymentRecord::employment_start);
  take(&EmploymentRecord::seniority_start);
  switch (old_final.event) {
    case EmploymentEvent::kTransfer:
    case EmploymentEvent::kPromotion:
      r.position = old_final.position;
      break;
    case EmploymentEvent::kFteChange:
      r.fte = old_final.fte;
      break;
    case EmploymentEvent::kManagerChange:
      r.acting_manager = old_final.acting_manager;
      break;
    case EmploymentEvent::kLeaveOfAbsence:
    case EmploymentEvent::kReturnFromLeave:
      r.status = old_final.status;
      break;
    case EmploymentEvent::kTermination:
      r.status = old_final.status;
      r.fte = old_final.fte;
      r.position = old_final.position;
      r.acting_manager = old_final.acting_manager;
      break;
    default:
      break;
  }
  r.event = old_final.event;
  r.reason_code = old_final.reason_code;
  r.termination = old_final.termination;
  r.carried_forward = true;
  return r;
}

// A termination takes effect at the start of `effective` (the day after the
// last day). An event already recorded on that day would silently stop being
// in effect, while the same event entered after the termination is refused,
// so the termination is refused instead, naming the event.
absl::Status CheckNoEventOnEndDay(const Employee& employee, Date effective) {
  for (const auto& entry : employee.employment.Entries()) {
    if (entry.effective != effective) continue;
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(employee.id), ": termination on ", FormatIsoDate(effective), " contradicts the ",
                     ToAbsl(EventName(entry.value.event)), " on ", FormatIsoDate(effective), " (a last day of ",
                     FormatIsoDate(effective - days(1)), " ends employment before it)"));
  }
  return absl::OkStatus();
}

// The current records of the events of `day`, in their order. A backdated
// change restates every event of a later day at once, as a group of
// carried-forward entries that take the places of the day's events in order.
std::vector<const EmploymentRecord*> DayEvents(const Timeline<EmploymentRecord>& history, Date day) {
  std::vector<const EmploymentRecord*> events;
  std::size_t next = 0;     // the event the next restatement replaces
  std::size_t pending = 0;  // restatements still due in the current group
  for (const auto& entry : history.Entries()) {
    if (entry.effective != day) continue;
    if (!entry.value.carried_forward || events.empty()) {
      events.push_back(&entry.value);
      pending = 0;
      continue;
    }
    if (pending == 0) {
      next = 0;
      pending = events.size();
    }
    events[next++] = &entry.value;
    --pending;
  }
  return events;
}

// Whether a later event stays possible on top of `state`: its status
// transition, and for a transfer or promotion a move to another position.
absl::Status CheckLaterEvent(const Employee& employee, const EmploymentRecord& event, const EmploymentRecord& state,
                             Date day) {
  HRKIT_RETURN_IF_ERROR(CheckTransition(employee, event.event, state, day));
  const bool move = event.event == EmploymentEvent::kTransfer || event.event == EmploymentEvent::kPromotion;
  if (move && state.position == event.position) {
    return Precondition(employee, "position",
                        absl::StrCat(ToString(event.position), " would already be held on ", FormatIsoDate(day)));
  }
  return absl::OkStatus();
}

absl::StatusOr<Employee> ApplyEventImpl(const Employee& employee, const LifecycleEvent& event, Date recorded,
                                        const LifecycleOptions& options) {
  const EmploymentEvent kind = EventKind(event);
  const Date effective = EffectiveDate(event);
  if (const auto* t = std::get_if<TerminationEvent>(&event); t != nullptr && !IsRealDate(effective)) {
    return Invalid(employee, "last_day",
                   absl::StrCat("must be a real date before 9999-12-31, got ", FormatIsoDate(t->last_day)));
  }
  if (!IsRealDate(effective)) {
    return Invalid(employee, "effective", absl::StrCat("must be a real date, got ", FormatIsoDate(effective)));
  }
  if (!IsRealDate(recorded)) {
    return Invalid(employee, "recorded", absl::StrCat("must be a real date, got ", FormatIsoDate(recorded)));
  }
  const Timeline<EmploymentRecord>& history = employee.employment;
  Date latest_recorded(boost::gregorian::neg_infin);
  for (const auto& entry : history.Entries()) latest_recorded = std::max(latest_recorded, entry.recorded);
  for (const auto& entry : history.ReplacedEntries()) latest_recorded = std::max(latest_recorded, entry.replaced);
  if (IsRealDate(latest_recorded) && recorded < latest_recorded) {
    return Invalid(employee, "recorded",
                   absl::StrCat(FormatIsoDate(recorded), " is before the latest recorded change ",
                                FormatIsoDate(latest_recorded)));
  }

  const EmploymentRecord* prior = nullptr;
  if (kind == EmploymentEvent::kHire) {
    if (!history.empty()) {
      return Precondition(
          employee, "employment",
          absl::StrCat("already has employment history from ", FormatIsoDate(history.Entries().front().effective),
                       "; a returning employee is rehired"));
    }
  } else {
    if (history.empty()) {
      return Precondition(employee, "employment",
                          absl::StrCat(ToAbsl(EventName(kind)), " on ", FormatIsoDate(effective),
                                       " for an employee who was never hired"));
    }
    const Date hired = history.Entries().front().effective;
    if (effective < hired) {
      return Precondition(employee, kind == EmploymentEvent::kTermination ? "last_day" : "effective",
                          absl::StrCat(ToAbsl(EventName(kind)), " on ", FormatIsoDate(effective),
                                       " is dated before the hire date ", FormatIsoDate(hired)));
    }
    prior = history.At(effective);
    HRKIT_RETURN_IF_ERROR(CheckTransition(employee, kind, *prior, effective));
  }
  HRKIT_ASSIGN_OR_RETURN(EmploymentRecord record,
                         std::visit(RecordBuilder(employee, prior, effective, options), event));
  if (kind == EmploymentEvent::kTermination) HRKIT_RETURN_IF_ERROR(CheckNoEventOnEndDay(employee, effective));

  Employee updated = employee;
  HRKIT_RETURN_IF_ERROR(updated.employment.Add(effective, std::move(record), recorded));

  // Carry the change forward into later days (see the header comment).
  std::vector<Date> later_days;
  for (const auto& entry : history.Entries()) {
    if (entry.effective > effective && (later_days.empty() || later_days.back() != entry.effective)) {
      later_days.push_back(entry.effective);
    }
  }
  for (const Date day : later_days) {
    const Date before = day - days(1);
    const EmploymentRecord& old_prev = *history.At(before);
    const EmploymentRecord& new_prev = *updated.employment.At(before);
    if (SameJobData(old_prev, new_prev)) break;  // nothing left to carry
    // Each of the day's events, in their order, must stay possible on top
    // of the new state; each is restated on top of the one before it.
    const std::vector<const EmploymentRecord*> events = DayEvents(history, day);
    std::vector<EmploymentRecord> restated;
    restated.reserve(events.size());  // `state` points into it
    const EmploymentRecord* event_prev = &old_prev;
    const EmploymentRecord* state = &new_prev;
    bool changed = false;
    for (const EmploymentRecord* event : events) {
      if (absl::Status s = CheckLaterEvent(employee, *event, *state, day); !s.ok()) {
        return absl::FailedPreconditionError(absl::StrCat(ToString(employee.id), ": ", ToAbsl(EventName(kind)), " on ",
                                                          FormatIsoDate(effective), " contradicts the later ",
                                                          ToAbsl(EventName(event->event)), " on ", FormatIsoDate(day),
                                                          " (", s.message(), ")"));
      }
      restated.push_back(Rebase(*event, *event_prev, *state));
      changed = changed || !SameJobData(restated.back(), *event);
      event_prev = event;
      state = &restated.back();
    }
    if (!changed) continue;
    for (EmploymentRecord& r : restated) HRKIT_RETURN_IF_ERROR(updated.employment.Add(day, std::move(r), recorded));
  }
  return updated;
}

}  // namespace

Date BirthdayAtAge(Date birth, int years, LeapDayBirthday rule) {
  const int year = static_cast<int>(birth.year()) + years;
  if (birth.month() == 2 && birth.day() == 29 && !IsLeapYear(year)) {
    return rule == LeapDayBirthday::kMarch1 ? Date(year, 3, 1) : Date(year, 2, 28);
  }
  return Date(year, birth.month(), birth.day());
}

absl::StatusOr<Employee> ApplyEvent(const Employee& employee, const LifecycleEvent& event, Date recorded,
                                    const LifecycleOptions& options) {
  return GuardExceptions(absl::StrCat("apply event to ", ToString(employee.id)),
                         [&]() { return ApplyEventImpl(employee, event, recorded, options); });
}

const EmploymentRecord* RecordOn(const Employee& employee, Date date) { return employee.employment.At(date); }

bool IsEmployedOn(const Employee& employee, Date date) {
  const EmploymentRecord* r = employee.employment.At(date);
  return r != nullptr && IsEmployed(*r);
}

std::vector<Period> EmploymentPeriods(const Employee& employee) {
  std::vector<Period> periods;
  bool open = false;
  Date start;
  for (const auto& segment : employee.employment.Segments()) {
    const bool employed = IsEmployed(*segment.value);
    if (employed && !open) {
      start = segment.period.begin();
      open = true;
    } else if (!employed && open) {
      periods.emplace_back(start, segment.period.begin());
      open = false;
    }
  }
  if (open) periods.push_back(OpenPeriod(start));
  return periods;
}

}  // namespace hrkit
