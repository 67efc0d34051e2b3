// The year's hires, transfers and terminations, applied month by month
// through Workforce::ApplyEvent, from December before the simulated year
// (the generated organization stands as of December 1: the generator dates
// its last refills on that day, which keeps them out of the year's figures)
// to the year's December. Each month:
// - about 0.85 % of the people employed on its first day leave (70 %
//   voluntarily), on a random day of the month, with a reason;
// - about 0.6 % move into a position that was vacant when the month began;
// - each position still vacant since the month began is filled by an
//   external hire with a chance of 35 %.
// A position vacated during a month can be filled from the next month on, so
// no two events of a month compete for one seat; a move the library refuses
// (a seat whose FTE budget is too small for the mover) is counted.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "hrkit/core/status.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "simulation_internal.hpp"

namespace workforce_report {
namespace {

using hrkit::Date;
using hrkit::EmployeeId;
using hrkit::PositionId;

struct Reason {
  hrkit::TerminationKind kind;
  const char* code;
};
constexpr std::array<Reason, 6> kReasons = {{{hrkit::TerminationKind::kVoluntary, "RESIGNATION"},
                                             {hrkit::TerminationKind::kVoluntary, "RESIGNATION"},
                                             {hrkit::TerminationKind::kVoluntary, "RETIREMENT"},
                                             {hrkit::TerminationKind::kVoluntary, "RELOCATION"},
                                             {hrkit::TerminationKind::kInvoluntary, "REDUNDANCY"},
                                             {hrkit::TerminationKind::kInvoluntary, "PERFORMANCE"}}};
constexpr std::array<const char*, 8> kNames = {"Alex", "Sam", "Noor", "Kai", "Rosa", "Ivo", "Mei", "Tariq"};

// A random day of the month that starts on `first`.
Date DayOf(Date first, Random* random) {
  return first + boost::gregorian::days(random->Below(hrkit::DaysInMonth(first.year(), first.month())));
}

// Open positions nobody holds on `date`, by id.
std::vector<PositionId> VacantOn(const hrkit::Workforce& w, Date date) {
  std::vector<PositionId> vacant;
  for (const hrkit::Position* p : w.Positions()) {
    const hrkit::PositionRecord* r = p->history.At(date);
    if (r != nullptr && r->status == hrkit::PositionStatus::kOpen && w.HoldersOn(p->id, date).empty()) {
      vacant.push_back(p->id);
    }
  }
  return vacant;
}

// The held position of the employee on `date` (invalid if none).
PositionId PositionOn(const hrkit::Employee& e, Date date) {
  const hrkit::EmploymentRecord* r = hrkit::RecordOn(e, date);
  return r != nullptr && hrkit::IsEmployed(*r) ? r->position : PositionId();
}

// Terminates or moves one employed person, or leaves them be.
absl::Status MaybeMove(hrkit::Workforce* w, EmployeeId id, Date first, std::vector<PositionId>* pool,
                       std::vector<PositionId>* vacated, Random* random, SimulationCounts* counts) {
  const double draw = random->Uniform();
  const PositionId held = PositionOn(*w->FindEmployee(id), first);
  if (draw < 0.0085) {
    const Reason& reason = kReasons[static_cast<std::size_t>(random->Below(kReasons.size()))];
    const Date last_day = DayOf(first, random);
    const hrkit::TerminationEvent event{.last_day = last_day, .kind = reason.kind, .reason_code = reason.code};
    HRKIT_ASSIGN_OR_RETURN(const bool ok, Accepted(w->ApplyEvent(id, event, last_day), &counts->workforce_refused));
    if (ok) {
      ++counts->terminations;
      vacated->push_back(held);
    }
  } else if (draw < 0.0145 && !pool->empty()) {
    const std::size_t pick = static_cast<std::size_t>(random->Below(static_cast<std::int64_t>(pool->size())));
    const PositionId target = (*pool)[pick];
    const Date day = DayOf(first, random);
    const hrkit::TransferEvent event{.effective = day, .position = target, .reason_code = "INTERNAL_MOVE"};
    HRKIT_ASSIGN_OR_RETURN(const bool ok, Accepted(w->ApplyEvent(id, event, day), &counts->workforce_refused));
    if (ok) {
      ++counts->transfers;
      pool->erase(pool->begin() + static_cast<std::ptrdiff_t>(pick));
      vacated->push_back(held);
    }
  }
  return absl::OkStatus();
}

// Hires a new person into `seat` on a random day of the month of `first`.
absl::Status Hire(hrkit::Workforce* w, PositionId seat, Date first, Random* random, SimulationCounts* counts) {
  const hrkit::PositionRecord* record = w->FindPosition(seat)->history.At(first);
  if (record == nullptr || record->status != hrkit::PositionStatus::kOpen) return absl::OkStatus();
  hrkit::Employee person;
  person.id = w->NextEmployeeId();
  person.employee_number = absl::StrFormat("E%07d", person.id.value());
  person.legal_name =
      absl::StrCat(kNames[static_cast<std::size_t>(random->Below(kNames.size()))], " Newman ", person.id.value());
  person.birth_date = Date(static_cast<unsigned short>(1965 + random->Below(37)), 6, 15);
  HRKIT_RETURN_IF_ERROR(w->AddEmployee(person));
  const Date day = DayOf(first, random);
  const hrkit::HireEvent hire{
      .effective = day, .position = seat, .fte = std::min(1.0, record->fte_budget), .reason_code = "EXTERNAL_HIRE"};
  HRKIT_ASSIGN_OR_RETURN(const bool ok, Accepted(w->ApplyEvent(person.id, hire, day), &counts->workforce_refused));
  if (ok) ++counts->hires;
  return absl::OkStatus();
}

}  // namespace

absl::Status SimulateWorkforce(hrkit::Workforce* w, Random* random, SimulationCounts* counts,
                               hrkit::ProgressSink* progress) {
  const Date start = OrganizationDate();
  std::vector<PositionId> pool = VacantOn(*w, start);
  for (int month = 0; month <= 12; ++month) {
    HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: workforce", month, 13));
    const Date first = hrkit::AddMonthsClamped(start, month);
    std::vector<EmployeeId> employed;
    for (const hrkit::Employee* e : w->Employees()) {
      if (hrkit::IsEmployedOn(*e, first)) employed.push_back(e->id);
    }
    std::vector<PositionId> vacated;
    for (const EmployeeId id : employed) {
      HRKIT_RETURN_IF_ERROR(MaybeMove(w, id, first, &pool, &vacated, random, counts));
    }
    std::vector<PositionId> still_vacant;
    for (const PositionId seat : pool) {
      if (random->Uniform() < 0.35) {
        HRKIT_RETURN_IF_ERROR(Hire(w, seat, first, random, counts));
      } else {
        still_vacant.push_back(seat);
      }
    }
    pool = std::move(still_vacant);
    pool.insert(pool.end(), vacated.begin(), vacated.end());
  }
  return hrkit::ReportProgress(progress, "simulate: workforce", 13, 13);
}

}  // namespace workforce_report
