// The employee record: identity fields plus an effective-dated employment
// history (Timeline<EmploymentRecord>). Plain value types; the rules that
// change them live in the lifecycle service (personnel/lifecycle.hpp).
//
// Employment semantics every module relies on:
// - A hire adds a record with status kActive effective on the hire date.
// - A termination with last day L adds a record effective L + 1 with status
//   kTerminated, no position, FTE 0: the termination ends every assignment.
// - A rehire adds a new kActive record; `employment_start` is the first day
//   of the current employment period, `seniority_start` may carry service
//   over from earlier periods.
// - "Employed" on a date means status kActive or kOnLeave; headcount counts
//   the employed, FTE sums their `fte`.
//
// Thread safety: value types; safe to share when not mutated.
#ifndef HRKIT_PERSONNEL_EMPLOYEE_HPP_
#define HRKIT_PERSONNEL_EMPLOYEE_HPP_

#include <span>
#include <string>
#include <string_view>

#include "hrkit/calendar/ids.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Where an employee stands in their employment on a date.
enum class EmploymentStatus {
  kActive = 0,      // employed and working
  kOnLeave = 1,     // employed, on a leave of absence (keeps the position)
  kTerminated = 2,  // not employed (after the last day)
};

// The names of EmploymentStatus values (core/enum_names.hpp).
inline constexpr EnumName<EmploymentStatus> kEmploymentStatusNames[] = {{EmploymentStatus::kActive, "active"},
                                                                        {EmploymentStatus::kOnLeave, "on_leave"},
                                                                        {EmploymentStatus::kTerminated, "terminated"}};
constexpr std::span<const EnumName<EmploymentStatus>> EnumNamesOf(EmploymentStatus) { return kEmploymentStatusNames; }

// The contractual form of employment.
enum class EmploymentType {
  kPermanent = 0,
  kFixedTerm = 1,
  kTemporary = 2,
  kIntern = 3,
  kApprentice = 4,
  kContractor = 5,
};

// The names of EmploymentType values (core/enum_names.hpp).
inline constexpr EnumName<EmploymentType> kEmploymentTypeNames[] = {
    {EmploymentType::kPermanent, "permanent"},   {EmploymentType::kFixedTerm, "fixed_term"},
    {EmploymentType::kTemporary, "temporary"},   {EmploymentType::kIntern, "intern"},
    {EmploymentType::kApprentice, "apprentice"}, {EmploymentType::kContractor, "contractor"}};
constexpr std::span<const EnumName<EmploymentType>> EnumNamesOf(EmploymentType) { return kEmploymentTypeNames; }

// The lifecycle event that produced an employment record.
enum class EmploymentEvent {
  kHire = 0,
  kTransfer = 1,
  kPromotion = 2,
  kFteChange = 3,
  kManagerChange = 4,
  kLeaveOfAbsence = 5,
  kReturnFromLeave = 6,
  kTermination = 7,
  kRehire = 8,
  kDataChange = 9,  // any other change of job data (cost centre, schedule...)
};

// The names of EmploymentEvent values (core/enum_names.hpp).
inline constexpr EnumName<EmploymentEvent> kEmploymentEventNames[] = {
    {EmploymentEvent::kHire, "hire"},
    {EmploymentEvent::kTransfer, "transfer"},
    {EmploymentEvent::kPromotion, "promotion"},
    {EmploymentEvent::kFteChange, "fte_change"},
    {EmploymentEvent::kManagerChange, "manager_change"},
    {EmploymentEvent::kLeaveOfAbsence, "leave_of_absence"},
    {EmploymentEvent::kReturnFromLeave, "return_from_leave"},
    {EmploymentEvent::kTermination, "termination"},
    {EmploymentEvent::kRehire, "rehire"},
    {EmploymentEvent::kDataChange, "data_change"}};
constexpr std::span<const EnumName<EmploymentEvent>> EnumNamesOf(EmploymentEvent) { return kEmploymentEventNames; }

// Why employment ended; kNone while employed.
enum class TerminationKind {
  kNone = 0,
  kVoluntary = 1,
  kInvoluntary = 2,
};

// The names of TerminationKind values (core/enum_names.hpp).
inline constexpr EnumName<TerminationKind> kTerminationKindNames[] = {{TerminationKind::kNone, "none"},
                                                                      {TerminationKind::kVoluntary, "voluntary"},
                                                                      {TerminationKind::kInvoluntary, "involuntary"}};
constexpr std::span<const EnumName<TerminationKind>> EnumNamesOf(TerminationKind) { return kTerminationKindNames; }

// Job data in effect from a date: one entry of Employee::employment.
struct EmploymentRecord {
  EmploymentStatus status = EmploymentStatus::kActive;   // active, on leave or terminated
  EmploymentType type = EmploymentType::kPermanent;      // permanent, fixed-term, ...
  double fte = 1.0;                                      // 0 < fte <= 1.5 while employed, 0 after termination
  PositionId position;                                   // the seat held; invalid after termination
  LocationId location;                                   // the work location (its country and holiday calendar)
  WorkScheduleId work_schedule;                          // invalid = the location's default schedule
  std::string cost_center;                               // empty if none
  EmployeeId acting_manager;                             // invalid = the holder of the parent position
  EmploymentEvent event = EmploymentEvent::kHire;        // the event that made this record
  std::string reason_code;                               // free code, e.g. "RESIGNATION", "REORG"
  TerminationKind termination = TerminationKind::kNone;  // kNone unless the event is a termination
  Date employment_start;                                 // first day of the current employment period
  Date seniority_start;                                  // service counted from here (tenure tiers)
  // True for an entry that restates a later record after a backdated change
  // was inserted before it (see personnel/lifecycle.hpp): the same event, not
  // a new one. Event counts (hires, separations) skip these entries.
  bool carried_forward = false;

  friend bool operator==(const EmploymentRecord&, const EmploymentRecord&) = default;
};

// Field description of EmploymentRecord (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, EmploymentRecord>
void Describe(V& v, Self& r) {
  v.Field("status", r.status, Sensitivity::kDirectory);
  v.Field("type", r.type, Sensitivity::kPersonal);
  v.Field("fte", r.fte, Sensitivity::kPersonal);
  v.Field("position", r.position, Sensitivity::kDirectory);
  v.Field("location", r.location, Sensitivity::kDirectory);
  v.Field("work_schedule", r.work_schedule, Sensitivity::kPersonal);
  v.Field("cost_center", r.cost_center, Sensitivity::kDirectory);
  v.Field("acting_manager", r.acting_manager, Sensitivity::kDirectory);
  v.Field("event", r.event, Sensitivity::kPersonal);
  v.Field("reason_code", r.reason_code, Sensitivity::kPersonal);
  v.Field("termination", r.termination, Sensitivity::kPersonal);
  v.Field("employment_start", r.employment_start, Sensitivity::kPersonal);
  v.Field("seniority_start", r.seniority_start, Sensitivity::kPersonal);
  v.Field("carried_forward", r.carried_forward, Sensitivity::kPersonal);
}

// A person employed (now or in the past) by the organization.
struct Employee {
  static constexpr std::string_view kEntityName = "employee";

  EmployeeId id;                          // the employee's id
  std::string employee_number;            // human-facing, unique, e.g. "E000042"
  std::string legal_name;                 // the name in contracts and payroll
  std::string preferred_name;             // the name used day to day; may be empty
  Date birth_date;                        // not_a_date_time when unknown
  std::string work_email;                 // may be empty
  std::string private_email;              // may be empty
  std::string phone;                      // may be empty
  Timeline<EmploymentRecord> employment;  // job data, effective-dated (personnel/lifecycle.hpp)

  friend bool operator==(const Employee&, const Employee&) = default;
};

// Field description of Employee (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, Employee>
void Describe(V& v, Self& e) {
  v.Field("id", e.id, Sensitivity::kDirectory);
  v.Field("employee_number", e.employee_number, Sensitivity::kDirectory);
  v.Field("legal_name", e.legal_name, Sensitivity::kPersonal);
  v.Field("preferred_name", e.preferred_name, Sensitivity::kDirectory);
  v.Field("birth_date", e.birth_date, Sensitivity::kPersonal);
  v.Field("work_email", e.work_email, Sensitivity::kDirectory);
  v.Field("private_email", e.private_email, Sensitivity::kPersonal);
  v.Field("phone", e.phone, Sensitivity::kPersonal);
  v.History("employment", e.employment, Sensitivity::kPersonal);
}

// True if `r` means employed (active or on leave).
inline bool IsEmployed(const EmploymentRecord& r) { return r.status != EmploymentStatus::kTerminated; }

}  // namespace hrkit

#endif  // HRKIT_PERSONNEL_EMPLOYEE_HPP_
