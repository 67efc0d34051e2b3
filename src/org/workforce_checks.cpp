// The cross-entity checks of Workforce (see workforce_internal.hpp).

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "workforce_internal.hpp"

namespace hrkit {

using workforce_internal::CollectChangeDays;
using workforce_internal::FirstDayWith;
using workforce_internal::kFteEpsilon;
using workforce_internal::Missing;
using workforce_internal::PositionStatusName;
using workforce_internal::Precondition;
using workforce_internal::SegmentsFrom;
using workforce_internal::SortUnique;

// ---------------------------------------------------------------------------
// Lookups through the edit

const OrgUnit* Workforce::Checker::Unit(OrgUnitId id) const {
  return unit != nullptr && unit->id == id ? unit : w.FindOrgUnit(id);
}
const Position* Workforce::Checker::Pos(PositionId id) const {
  return position != nullptr && position->id == id ? position : w.FindPosition(id);
}
const Employee* Workforce::Checker::Emp(EmployeeId id) const {
  return employee != nullptr && employee->id == id ? employee : w.FindEmployee(id);
}

std::vector<const Employee*> Workforce::Checker::EverHolders(PositionId id) const {
  std::vector<const Employee*> out;
  if (auto it = w.holders_.find(id); it != w.holders_.end()) {
    for (const EmployeeId e : it->second) out.push_back(Emp(e));
  }
  if (employee != nullptr) {
    const bool listed = std::any_of(out.begin(), out.end(), [&](const Employee* e) { return e->id == employee->id; });
    const bool holds = std::any_of(employee->employment.Entries().begin(), employee->employment.Entries().end(),
                                   [&](const auto& entry) { return entry.value.position == id; });
    if (!listed && holds) {
      out.insert(std::lower_bound(out.begin(), out.end(), employee,
                                  [](const Employee* a, const Employee* b) { return a->id < b->id; }),
                 employee);
    }
  }
  return out;
}

EmployeeId Workforce::Checker::FirstHolderOn(PositionId id, Date date) const {
  auto holds = [&](const Employee& e) {
    const EmploymentRecord* r = e.employment.At(date);
    return r != nullptr && IsEmployed(*r) && r->position == id;
  };
  // The edited employee may be a new holder, absent from the index.
  const bool edited_holds = employee != nullptr && holds(*employee);
  if (auto it = w.holders_.find(id); it != w.holders_.end()) {
    for (const EmployeeId e : it->second) {
      if (edited_holds && employee->id < e) return employee->id;
      if (employee != nullptr && e == employee->id) {
        if (edited_holds) return e;
        continue;
      }
      if (holds(w.employees_.at(e))) return e;
    }
  }
  return edited_holds ? employee->id : EmployeeId();
}

Date Workforce::Checker::FirstHeld(const Employee& e, PositionId position, Date begin, Date end) {
  for (const auto& s : SegmentsFrom(e.employment, begin)) {
    if (s.period.begin() >= end) break;
    if (IsEmployed(*s.value) && s.value->position == position) return std::max(s.period.begin(), begin);
  }
  return Date(boost::gregorian::not_a_date_time);
}

// ---------------------------------------------------------------------------
// Org units

absl::Status Workforce::Checker::ParentOpen(std::string_view who, OrgUnitId parent, Date begin, Date end) const {
  const OrgUnit* p = Unit(parent);
  if (p == nullptr) return Missing(who, "parent", absl::StrCat(ToString(parent), " does not exist"));
  if (p->history.At(begin) == nullptr) {
    return Precondition(who, "parent", absl::StrCat(ToString(parent), " does not exist yet on ", FormatIsoDate(begin)));
  }
  for (const auto& s : SegmentsFrom(p->history, begin)) {
    if (s.period.begin() >= end) break;
    if (s.value->status == OrgUnitStatus::kClosed) {
      return Precondition(
          who, "parent",
          absl::StrCat(ToString(parent), " is closed on ", FormatIsoDate(std::max(s.period.begin(), begin))));
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::UnitParents(const OrgUnit& u, Date from) const {
  const std::string who = ToString(u.id);
  for (const auto& s : SegmentsFrom(u.history, from)) {
    const OrgUnitRecord& r = *s.value;
    if (r.status != OrgUnitStatus::kOpen || !r.parent.valid()) continue;
    HRKIT_RETURN_IF_ERROR(ParentOpen(who, r.parent, std::max(s.period.begin(), from), s.period.end()));
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::UnitAcyclic(const OrgUnit& u, Date from) const {
  std::vector<Date> check_days{from};
  for (auto it = w.unit_change_days_.lower_bound(from); it != w.unit_change_days_.end(); ++it) {
    check_days.push_back(*it);
  }
  CollectChangeDays(u.history, from, OpenEnd(), check_days);
  SortUnique(check_days);
  for (const Date d : check_days) {
    const OrgUnitRecord* r = u.history.At(d);
    std::size_t steps = 0;
    while (r != nullptr && r->parent.valid() && steps++ <= w.units_.size()) {
      if (r->parent == u.id) {
        return Precondition(ToString(u.id), "parent",
                            absl::StrCat("the move would make a cycle in the org tree on ", FormatIsoDate(d)));
      }
      const OrgUnit* up = Unit(r->parent);
      r = up == nullptr ? nullptr : up->history.At(d);
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::UnitEmpty(OrgUnitId id, Date from) const {
  const std::string who = ToString(id);
  for (const OrgUnit* child : w.OrgUnits()) {
    if (child->id == id) continue;
    for (const auto& s : SegmentsFrom(child->history, from)) {
      if (s.value->parent == id && s.value->status == OrgUnitStatus::kOpen) {
        return Precondition(who, "status",
                            absl::StrCat("cannot close: child ", ToString(child->id), " is open on ",
                                         FormatIsoDate(std::max(s.period.begin(), from))));
      }
    }
  }
  // Employees first (the more useful answer), then the seats themselves.
  const std::vector<const Position*> positions = w.Positions();
  for (const Position* p : positions) {
    for (const auto& s : SegmentsFrom(p->history, from)) {
      if (s.value->org_unit != id) continue;
      for (const Employee* e : EverHolders(p->id)) {
        const Date d = FirstHeld(*e, p->id, std::max(s.period.begin(), from), s.period.end());
        if (IsRealDate(d)) {
          return Precondition(who, "status",
                              absl::StrCat("cannot close: ", ToString(e->id), " holds ", ToString(p->id), " in it on ",
                                           FormatIsoDate(d)));
        }
      }
    }
  }
  for (const Position* p : positions) {
    for (const auto& s : SegmentsFrom(p->history, from)) {
      if (s.value->org_unit == id && s.value->status != PositionStatus::kClosed) {
        return Precondition(
            who, "status",
            absl::StrCat("cannot close: ", ToString(p->id), " in it is ", ToAbsl(PositionStatusName(s.value->status)),
                         " on ", FormatIsoDate(std::max(s.period.begin(), from))));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::UnitEdit(Date from) const {
  const OrgUnit& u = *unit;
  const std::string who = ToString(u.id);
  HRKIT_RETURN_IF_ERROR(UnitParents(u, from));
  HRKIT_RETURN_IF_ERROR(UnitAcyclic(u, from));
  const Date closed = FirstDayWith(u.history, from, &OrgUnitRecord::status, OrgUnitStatus::kClosed);
  if (!IsRealDate(closed)) return absl::OkStatus();
  // Closing is final: a later record may rename the unit, nothing else.
  const OrgUnitRecord& at_close = *u.history.At(closed);
  for (const auto& s : SegmentsFrom(u.history, closed)) {
    if (s.value->status != OrgUnitStatus::kClosed || s.value->parent != at_close.parent) {
      return Precondition(who, "status",
                          absl::StrCat("closed from ", FormatIsoDate(closed), ", yet ",
                                       s.value->status == OrgUnitStatus::kClosed ? "moved" : "open again", " on ",
                                       FormatIsoDate(s.period.begin()), "; a closed unit stays closed"));
    }
  }
  return UnitEmpty(u.id, closed);
}

// ---------------------------------------------------------------------------
// Positions

absl::Status Workforce::Checker::PositionUnits(const Position& p, Date from) const {
  const std::string who = ToString(p.id);
  for (const auto& s : SegmentsFrom(p.history, from)) {
    const PositionRecord& r = *s.value;
    if (r.status == PositionStatus::kClosed) continue;
    const Date begin = std::max(s.period.begin(), from);
    const OrgUnit* u = Unit(r.org_unit);
    if (u == nullptr) return Missing(who, "org_unit", absl::StrCat(ToString(r.org_unit), " does not exist"));
    if (u->history.At(begin) == nullptr) {
      return Precondition(who, "org_unit",
                          absl::StrCat(ToString(r.org_unit), " does not exist yet on ", FormatIsoDate(begin)));
    }
    for (const auto& us : SegmentsFrom(u->history, begin)) {
      if (us.period.begin() >= s.period.end()) break;
      if (us.value->status == OrgUnitStatus::kClosed) {
        return Precondition(
            who, "org_unit",
            absl::StrCat(ToString(r.org_unit), " is closed on ", FormatIsoDate(std::max(us.period.begin(), begin))));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::ReportsToOpen(const Position& p, Date from) const {
  const std::string who = ToString(p.id);
  for (const auto& s : SegmentsFrom(p.history, from)) {
    const PositionRecord& r = *s.value;
    if (r.status == PositionStatus::kClosed || !r.reports_to.valid()) continue;
    if (r.reports_to == p.id)
      return workforce_internal::Invalid(who, "reports_to", "a position cannot report to itself");
    const Date begin = std::max(s.period.begin(), from);
    const Position* parent = Pos(r.reports_to);
    if (parent == nullptr) return Missing(who, "reports_to", absl::StrCat(ToString(r.reports_to), " does not exist"));
    if (parent->history.At(begin) == nullptr) {
      return Precondition(who, "reports_to",
                          absl::StrCat(ToString(r.reports_to), " does not exist on ", FormatIsoDate(begin)));
    }
    for (const auto& ps : SegmentsFrom(parent->history, begin)) {
      if (ps.period.begin() >= s.period.end()) break;
      if (ps.value->status == PositionStatus::kClosed) {
        return Precondition(
            who, "reports_to",
            absl::StrCat(ToString(r.reports_to), " is closed on ", FormatIsoDate(std::max(ps.period.begin(), begin))));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::NothingReportsTo(PositionId id, Date from) const {
  for (const Position* other : w.Positions()) {
    if (other->id == id) continue;
    for (const auto& s : SegmentsFrom(other->history, from)) {
      if (s.value->reports_to == id && s.value->status != PositionStatus::kClosed) {
        return Precondition(ToString(id), "status",
                            absl::StrCat("closed from ", FormatIsoDate(from), ", yet ", ToString(other->id),
                                         " reports to it on ", FormatIsoDate(std::max(s.period.begin(), from))));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::PositionAcyclic(const Position& p, Date from) const {
  std::vector<Date> check_days{from};
  for (auto it = w.position_change_days_.lower_bound(from); it != w.position_change_days_.end(); ++it) {
    check_days.push_back(*it);
  }
  CollectChangeDays(p.history, from, OpenEnd(), check_days);
  SortUnique(check_days);
  for (const Date d : check_days) {
    const PositionRecord* r = p.history.At(d);
    std::size_t steps = 0;
    while (r != nullptr && r->reports_to.valid() && steps++ <= w.positions_.size()) {
      if (r->reports_to == p.id) {
        return Precondition(ToString(p.id), "reports_to",
                            absl::StrCat("the reporting line would make a cycle on ", FormatIsoDate(d)));
      }
      const Position* up = Pos(r->reports_to);
      r = up == nullptr ? nullptr : up->history.At(d);
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::Budget(const Position& p, Date begin, Date end) const {
  const std::vector<const Employee*> holders = EverHolders(p.id);
  std::vector<Date> check_days{begin};
  CollectChangeDays(p.history, begin, end, check_days);
  for (const Employee* h : holders) CollectChangeDays(h->employment, begin, end, check_days);
  SortUnique(check_days);
  for (const Date d : check_days) {
    const PositionRecord* r = p.history.At(d);
    if (r == nullptr) continue;
    double held = 0.0;
    for (const Employee* h : holders) {
      const EmploymentRecord* e = h->employment.At(d);
      if (e != nullptr && IsEmployed(*e) && e->position == p.id) held += e->fte;
    }
    if (held > r->fte_budget + kFteEpsilon) {
      return Precondition(
          ToString(p.id), "fte_budget",
          absl::StrCat("holders would hold ", held, " FTE on ", FormatIsoDate(d), ", above the budget of ",
                       r->fte_budget,
                       employee != nullptr ? absl::StrCat(" (with ", ToString(employee->id), ")") : std::string()));
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::PositionEdit(Date from) const {
  const Position& p = *position;
  const std::string who = ToString(p.id);
  const Date closed = FirstDayWith(p.history, from, &PositionRecord::status, PositionStatus::kClosed);
  if (IsRealDate(closed)) {
    // Closing is final: no later record changes anything.
    const PositionRecord& at_close = *p.history.At(closed);
    for (const auto& s : SegmentsFrom(p.history, closed)) {
      if (*s.value == at_close) continue;
      return Precondition(who, "status",
                          absl::StrCat("closed from ", FormatIsoDate(closed), ", yet ",
                                       s.value->status == PositionStatus::kClosed
                                           ? std::string("changed")
                                           : absl::StrCat(ToAbsl(PositionStatusName(s.value->status)), " again"),
                                       " on ", FormatIsoDate(s.period.begin()), "; a closed position stays closed"));
    }
    HRKIT_RETURN_IF_ERROR(NothingReportsTo(p.id, closed));
  }
  HRKIT_RETURN_IF_ERROR(PositionUnits(p, from));
  HRKIT_RETURN_IF_ERROR(ReportsToOpen(p, from));
  HRKIT_RETURN_IF_ERROR(PositionAcyclic(p, from));
  for (const Employee* h : EverHolders(p.id)) {
    if (absl::Status s = HeldPositions(*h, from); !s.ok()) {
      return absl::Status(
          s.code(), absl::StrCat(who, ": the change from ", FormatIsoDate(from), " conflicts with ", s.message()));
    }
  }
  HRKIT_RETURN_IF_ERROR(Budget(p, from, OpenEnd()));
  return ReportingAcyclic(who, from);
}

// ---------------------------------------------------------------------------
// Employees

absl::Status Workforce::Checker::HeldPositions(const Employee& e, Date from) const {
  const std::string who = ToString(e.id);
  const EmploymentRecord* previous = nullptr;
  for (const auto& s : e.employment.Segments()) {
    const EmploymentRecord& r = *s.value;
    const EmploymentRecord* before = previous;
    previous = &r;
    if (s.period.end() <= from || !IsEmployed(r) || !r.position.valid()) continue;
    const Date begin = std::max(s.period.begin(), from);
    const Position* p = Pos(r.position);
    if (p == nullptr) return Missing(who, "position", absl::StrCat(ToString(r.position), " does not exist"));
    const PositionRecord* at_begin = p->history.At(begin);
    if (at_begin == nullptr) {
      return Precondition(who, "position",
                          absl::StrCat(ToString(r.position), " does not exist yet on ", FormatIsoDate(begin)));
    }
    for (const auto& ps : SegmentsFrom(p->history, begin)) {
      if (ps.period.begin() >= s.period.end()) break;
      if (ps.value->status == PositionStatus::kClosed) {
        return Precondition(who, "position",
                            absl::StrCat(ToString(r.position), " is closed on ",
                                         FormatIsoDate(std::max(ps.period.begin(), begin)), " while held"));
      }
    }
    const bool entering = before == nullptr || !IsEmployed(*before) || before->position != r.position;
    if (entering && s.period.begin() >= from && at_begin->status != PositionStatus::kOpen) {
      return Precondition(who, "position",
                          absl::StrCat(ToString(r.position), " is ", ToAbsl(PositionStatusName(at_begin->status)),
                                       " on ", FormatIsoDate(begin), ", the day ", who, " enters it"));
    }
    HRKIT_RETURN_IF_ERROR(Budget(*p, begin, s.period.end()));
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::StretchReferences(const Employee& e, Date from) const {
  const std::string who = ToString(e.id);
  for (const auto& s : SegmentsFrom(e.employment, from)) {
    const EmploymentRecord& r = *s.value;
    if (r.location.valid() && w.FindLocation(r.location) == nullptr) {
      return Missing(who, "location", absl::StrCat(ToString(r.location), " does not exist"));
    }
    if (!IsEmployed(r) || !r.acting_manager.valid()) continue;
    const Employee* m = Emp(r.acting_manager);
    if (m == nullptr) {
      return Missing(who, "acting_manager", absl::StrCat(ToString(r.acting_manager), " does not exist"));
    }
    // Employed on every day of the stretch, not only its first.
    const Date begin = std::max(s.period.begin(), from);
    if (m->employment.At(begin) == nullptr) {
      return Precondition(who, "acting_manager",
                          absl::StrCat(ToString(r.acting_manager), " is not employed on ", FormatIsoDate(begin)));
    }
    for (const auto& ms : SegmentsFrom(m->employment, begin)) {
      if (ms.period.begin() >= s.period.end()) break;
      if (!IsEmployed(*ms.value)) {
        return Precondition(who, "acting_manager",
                            absl::StrCat(ToString(r.acting_manager), " is not employed on ",
                                         FormatIsoDate(std::max(ms.period.begin(), begin))));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::ManagesNoOneAfter(const Employee& e, Date from) const {
  auto it = w.acting_reports_.find(e.id);
  if (it == w.acting_reports_.end()) return absl::OkStatus();
  for (const EmployeeId report : it->second) {
    if (report == e.id) continue;
    for (const auto& s : SegmentsFrom(Emp(report)->employment, from)) {
      if (!IsEmployed(*s.value) || s.value->acting_manager != e.id) continue;
      const Date begin = std::max(s.period.begin(), from);
      const Date idle = FirstDayWith(e.employment, begin, &EmploymentRecord::status, EmploymentStatus::kTerminated);
      if (IsRealDate(idle) && idle < s.period.end()) {
        return Precondition(ToString(e.id), "termination",
                            absl::StrCat("still the acting manager of ", ToString(report), " on ", FormatIsoDate(idle),
                                         "; set another manager first"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Workforce::Checker::EmployeeEdit(const LifecycleEvent& event, Date from) const {
  const Employee& e = *employee;
  const std::string who = ToString(e.id);
  if (const std::optional<PositionId> target = TargetPosition(event); target.has_value()) {
    const Position* p = Pos(*target);
    if (p == nullptr) return Missing(who, "position", absl::StrCat(ToString(*target), " does not exist"));
    const PositionRecord* r = p->history.At(from);
    if (r == nullptr || r->status != PositionStatus::kOpen) {
      return Precondition(who, "position",
                          absl::StrCat(ToString(*target), " is ",
                                       ToAbsl(r == nullptr ? "not yet created" : PositionStatusName(r->status)), " on ",
                                       FormatIsoDate(from)));
    }
  }
  HRKIT_RETURN_IF_ERROR(StretchReferences(e, from));
  HRKIT_RETURN_IF_ERROR(HeldPositions(e, from));
  HRKIT_RETURN_IF_ERROR(ManagesNoOneAfter(e, from));
  return ReportingAcyclic(who, from);
}

// ---------------------------------------------------------------------------
// Reporting lines

EmployeeId Workforce::Checker::ManagerOn(EmployeeId id, Date date) const {
  const Employee* e = Emp(id);
  const EmploymentRecord* r = e == nullptr ? nullptr : e->employment.At(date);
  if (r == nullptr || !IsEmployed(*r)) return EmployeeId();
  if (r->acting_manager.valid()) {
    if (const Employee* m = Emp(r->acting_manager); m != nullptr && IsEmployedOn(*m, date)) return r->acting_manager;
  }
  const Position* p = r->position.valid() ? Pos(r->position) : nullptr;
  const PositionRecord* pr = p == nullptr ? nullptr : p->history.At(date);
  std::size_t steps = 0;
  while (pr != nullptr && pr->reports_to.valid() && steps++ <= w.positions_.size()) {
    if (const EmployeeId holder = FirstHolderOn(pr->reports_to, date); holder.valid()) return holder;
    const Position* up = Pos(pr->reports_to);
    pr = up == nullptr ? nullptr : up->history.At(date);
  }
  return EmployeeId();
}

absl::Status Workforce::Checker::ReportingAcyclic(std::string_view who, Date from) const {
  // The position lines alone are acyclic (PositionAcyclic) and climb
  // strictly upwards, so every cycle passes through an acting manager: it is
  // enough to walk up from each person with one, on each day the lines can
  // change while they have one.
  std::vector<EmployeeId> sources;
  for (const auto& [manager, reports] : w.acting_reports_)
    sources.insert(sources.end(), reports.begin(), reports.end());
  if (employee != nullptr) sources.push_back(employee->id);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  struct Stretch {
    EmployeeId who;
    Period period;
  };
  std::vector<Stretch> stretches;
  std::vector<Date> days;
  for (const EmployeeId id : sources) {
    const Employee* e = Emp(id);
    if (e == nullptr) continue;
    for (const auto& s : SegmentsFrom(e->employment, from)) {
      if (!IsEmployed(*s.value) || !s.value->acting_manager.valid()) continue;
      const Period period(std::max(s.period.begin(), from), s.period.end());
      stretches.push_back({id, period});
      days.push_back(period.begin());
    }
  }
  if (stretches.empty()) return absl::OkStatus();
  for (auto it = w.employee_change_days_.lower_bound(from); it != w.employee_change_days_.end(); ++it)
    days.push_back(*it);
  for (auto it = w.position_change_days_.lower_bound(from); it != w.position_change_days_.end(); ++it)
    days.push_back(*it);
  if (employee != nullptr) CollectChangeDays(employee->employment, from, OpenEnd(), days);
  if (position != nullptr) CollectChangeDays(position->history, from, OpenEnd(), days);
  SortUnique(days);
  for (const Date d : days) {
    for (const Stretch& s : stretches) {
      if (!s.period.contains(d)) continue;
      std::vector<EmployeeId> chain{s.who};
      absl::flat_hash_set<EmployeeId> seen{s.who};
      for (EmployeeId m = ManagerOn(s.who, d); m.valid(); m = ManagerOn(m, d)) {
        chain.push_back(m);
        if (m == s.who) {
          return Precondition(who, "reporting_line",
                              absl::StrCat("the reporting lines would form a cycle on ", FormatIsoDate(d), ": ",
                                           absl::StrJoin(chain, " -> ", [](std::string* out, EmployeeId id) {
                                             absl::StrAppend(out, ToString(id));
                                           })));
        }
        if (!seen.insert(m).second) break;  // a cycle above; found from the person on it
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace hrkit
