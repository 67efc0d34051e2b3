#include "hrkit/org/workforce.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "workforce_internal.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;
using workforce_internal::CollectChangeDays;
using workforce_internal::Invalid;
using workforce_internal::LostStatusChange;
using workforce_internal::Missing;
using workforce_internal::PositionStatusName;
using workforce_internal::Precondition;

// Prefixes a status from a lower layer (Timeline) with the entity.
absl::Status Prefixed(const absl::Status& s, std::string_view who) {
  if (s.ok()) return s;
  return absl::Status(s.code(), absl::StrCat(ToAbsl(who), ": ", s.message()));
}

absl::Status CheckDates(std::string_view who, Date effective, Date recorded) {
  if (!IsRealDate(effective)) {
    return Invalid(who, "effective", absl::StrCat("must be a real date, got ", FormatIsoDate(effective)));
  }
  if (!IsRealDate(recorded)) {
    return Invalid(who, "recorded", absl::StrCat("must be a real date, got ", FormatIsoDate(recorded)));
  }
  return absl::OkStatus();
}

// The later record `old_final`, restated on top of `new_prev`: the fields it
// changed from `old_prev` are kept, the rest come from `new_prev`.
template <class T, class... M>
T RebaseFields(const T& old_final, const T& old_prev, T new_prev, M T::*... members) {
  ((old_final.*members != old_prev.*members ? (void)(new_prev.*members = old_final.*members) : (void)0), ...);
  return new_prev;
}

OrgUnitRecord RebaseUnit(const OrgUnitRecord& old_final, const OrgUnitRecord& old_prev, const OrgUnitRecord& new_prev) {
  return RebaseFields(old_final, old_prev, new_prev, &OrgUnitRecord::name, &OrgUnitRecord::parent,
                      &OrgUnitRecord::status, &OrgUnitRecord::cost_center);
}

PositionRecord RebasePosition(const PositionRecord& old_final, const PositionRecord& old_prev,
                              const PositionRecord& new_prev) {
  return RebaseFields(old_final, old_prev, new_prev, &PositionRecord::org_unit, &PositionRecord::job_code,
                      &PositionRecord::title, &PositionRecord::grade, &PositionRecord::fte_budget,
                      &PositionRecord::status, &PositionRecord::reports_to);
}

// Adds `value` on `effective` and restates later days so the change carries
// into the fields they did not set themselves (new same-day entries; nothing
// is overwritten).
template <class T, class Rebase>
absl::Status AddCarried(Timeline<T>& timeline, Date effective, T value, Date recorded, Rebase rebase) {
  const Timeline<T> old = timeline;
  HRKIT_RETURN_IF_ERROR(timeline.Add(effective, std::move(value), recorded));
  std::vector<Date> later_days;
  for (const auto& entry : old.Entries()) {
    if (entry.effective > effective && (later_days.empty() || later_days.back() != entry.effective)) {
      later_days.push_back(entry.effective);
    }
  }
  for (const Date day : later_days) {
    const Date before = day - days(1);
    const T& old_prev = *old.At(before);
    const T& old_final = *old.At(day);
    const T& new_prev = *timeline.At(before);
    if (old_prev == new_prev) break;
    T restated = rebase(old_final, old_prev, new_prev);
    if (restated == old_final) continue;
    HRKIT_RETURN_IF_ERROR(timeline.Add(day, std::move(restated), recorded));
  }
  return absl::OkStatus();
}

// After a backdated status change: refuses the edit when a later status
// change of the old history would no longer change anything (see
// LostStatusChange), naming that later change.
template <class T>
absl::Status LaterStatusChangesKept(const Timeline<T>& old, const Timeline<T>& updated, Date effective,
                                    std::string_view who) {
  const Date lost = LostStatusChange(old, updated, effective, &T::status);
  if (!IsRealDate(lost)) return absl::OkStatus();
  return Precondition(
      who, "status",
      absl::StrCat("the change on ", FormatIsoDate(effective), " contradicts the later status change on ",
                   FormatIsoDate(lost), ", which would change nothing any more"));
}

template <class Map>
auto SortedValues(const Map& map) {
  std::vector<const typename Map::mapped_type*> out;
  out.reserve(map.size());
  for (const auto& [id, value] : map) out.push_back(&value);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  return out;
}

void InsertSorted(std::vector<EmployeeId>& ids, EmployeeId id) {
  auto pos = std::lower_bound(ids.begin(), ids.end(), id);
  if (pos == ids.end() || *pos != id) ids.insert(pos, id);
}

}  // namespace

// ---------------------------------------------------------------------------
// Bulk load

absl::StatusOr<Workforce> Workforce::FromEntities(std::vector<Location> locations, std::vector<OrgUnit> units,
                                                  std::vector<Position> positions, std::vector<Employee> employees,
                                                  LifecycleOptions options) {
  return GuardExceptions("FromEntities", [&]() -> absl::StatusOr<Workforce> {
    Workforce w(options);
    auto duplicate = [](const std::string& who) {
      return absl::AlreadyExistsError(absl::StrCat(who, ": id: duplicate"));
    };
    for (Location& l : locations) {
      const std::string who = ToString(l.id);
      if (!l.id.valid()) return Invalid(who, "id", "must be a positive id");
      const LocationId id = l.id;
      w.max_location_id_ = std::max(w.max_location_id_, id.value());
      if (!w.locations_.emplace(id, std::move(l)).second) return duplicate(who);
    }
    for (OrgUnit& u : units) {
      const std::string who = ToString(u.id);
      if (!u.id.valid()) return Invalid(who, "id", "must be a positive id");
      const OrgUnitId id = u.id;
      w.max_unit_id_ = std::max(w.max_unit_id_, id.value());
      if (!w.units_.emplace(id, std::move(u)).second) return duplicate(who);
    }
    for (Position& p : positions) {
      const std::string who = ToString(p.id);
      if (!p.id.valid()) return Invalid(who, "id", "must be a positive id");
      const PositionId id = p.id;
      w.max_position_id_ = std::max(w.max_position_id_, id.value());
      if (!w.positions_.emplace(id, std::move(p)).second) return duplicate(who);
    }
    for (Employee& e : employees) {
      const std::string who = ToString(e.id);
      if (!e.id.valid()) return Invalid(who, "id", "must be a positive id");
      if (e.employee_number.empty()) return Invalid(who, "employee_number", "must not be empty");
      if (auto [it, fresh] = w.by_number_.emplace(e.employee_number, e.id); !fresh) {
        return absl::AlreadyExistsError(
            absl::StrCat(who, ": employee_number: ", e.employee_number, " already belongs to ", ToString(it->second)));
      }
      const EmployeeId id = e.id;
      w.max_employee_id_ = std::max(w.max_employee_id_, id.value());
      if (!w.employees_.emplace(id, std::move(e)).second) return duplicate(who);
    }
    auto missing = [](const std::string& who, std::string_view field, const std::string& target) {
      return Missing(who, field, absl::StrCat(target, " does not exist"));
    };
    for (const OrgUnit* u : w.OrgUnits()) {
      const OrgUnitId id = u->id;
      for (const auto& entry : u->history.Entries()) {
        const OrgUnitId parent = entry.value.parent;
        if (parent.valid() && !w.units_.contains(parent)) return missing(ToString(id), "parent", ToString(parent));
        w.unit_change_days_.insert(entry.effective);
      }
    }
    for (const Position* p : w.Positions()) {
      const PositionId id = p->id;
      for (const auto& entry : p->history.Entries()) {
        const PositionRecord& r = entry.value;
        if (!w.units_.contains(r.org_unit)) return missing(ToString(id), "org_unit", ToString(r.org_unit));
        if (r.reports_to.valid() && !w.positions_.contains(r.reports_to)) {
          return missing(ToString(id), "reports_to", ToString(r.reports_to));
        }
        w.position_change_days_.insert(entry.effective);
      }
    }
    for (const Employee* e : w.Employees()) {
      const EmployeeId id = e->id;
      for (const auto& entry : e->employment.Entries()) {
        const EmploymentRecord& r = entry.value;
        w.employee_change_days_.insert(entry.effective);
        if (r.position.valid()) {
          if (!w.positions_.contains(r.position)) return missing(ToString(id), "position", ToString(r.position));
          InsertSorted(w.holders_[r.position], id);
        }
        if (r.location.valid() && !w.locations_.contains(r.location)) {
          return missing(ToString(id), "location", ToString(r.location));
        }
        if (r.acting_manager.valid()) {
          if (!w.employees_.contains(r.acting_manager)) {
            return missing(ToString(id), "acting_manager", ToString(r.acting_manager));
          }
          InsertSorted(w.acting_reports_[r.acting_manager], id);
        }
      }
    }
    return w;
  });
}

// ---------------------------------------------------------------------------
// Locations

absl::Status Workforce::AddLocation(Location location) {
  return GuardExceptions("AddLocation", [&]() -> absl::Status {
    const std::string who = ToString(location.id);
    if (!location.id.valid()) return Invalid(who, "id", "must be a positive id");
    if (locations_.contains(location.id)) return absl::AlreadyExistsError(absl::StrCat(who, ": id: already exists"));
    const LocationId id = location.id;
    max_location_id_ = std::max(max_location_id_, id.value());
    locations_.emplace(id, std::move(location));
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------
// Org units

void Workforce::CommitUnit(OrgUnit unit) {
  for (const auto& e : unit.history.Entries()) unit_change_days_.insert(e.effective);
  const OrgUnitId id = unit.id;
  max_unit_id_ = std::max(max_unit_id_, id.value());
  units_.insert_or_assign(id, std::move(unit));
}

absl::Status Workforce::CreateOrgUnit(OrgUnitId id, std::string code, OrgUnitRecord record, Date effective,
                                      Date recorded) {
  return GuardExceptions("CreateOrgUnit", [&]() -> absl::Status {
    const std::string who = ToString(id);
    if (!id.valid()) return Invalid(who, "id", "must be a positive id");
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    if (units_.contains(id)) return absl::AlreadyExistsError(absl::StrCat(who, ": id: already exists"));
    if (record.status != OrgUnitStatus::kOpen) return Invalid(who, "status", "a new unit must be open");
    if (record.parent == id) return Invalid(who, "parent", "a unit cannot be its own parent");
    OrgUnit unit;
    unit.id = id;
    unit.code = std::move(code);
    HRKIT_RETURN_IF_ERROR(Prefixed(unit.history.Add(effective, std::move(record), recorded), who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .unit = &unit}.UnitEdit(effective)));
    CommitUnit(std::move(unit));
    return absl::OkStatus();
  });
}

absl::Status Workforce::RenameOrgUnit(OrgUnitId id, std::string name, Date effective, Date recorded) {
  return GuardExceptions("RenameOrgUnit", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const OrgUnit* stored = FindOrgUnit(id);
    if (stored == nullptr) return Missing(who, "id", "no such org unit");
    const OrgUnitRecord* now = stored->history.At(effective);
    if (now == nullptr)
      return Precondition(who, "effective", absl::StrCat("does not exist on ", FormatIsoDate(effective)));
    OrgUnit unit = *stored;
    OrgUnitRecord next = *now;
    next.name = std::move(name);
    HRKIT_RETURN_IF_ERROR(Prefixed(AddCarried(unit.history, effective, std::move(next), recorded, RebaseUnit), who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .unit = &unit}.UnitEdit(effective)));
    CommitUnit(std::move(unit));
    return absl::OkStatus();
  });
}

absl::Status Workforce::MoveOrgUnit(OrgUnitId id, OrgUnitId new_parent, Date effective, Date recorded) {
  return GuardExceptions("MoveOrgUnit", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const OrgUnit* stored = FindOrgUnit(id);
    if (stored == nullptr) return Missing(who, "id", "no such org unit");
    if (new_parent == id) return Invalid(who, "parent", "a unit cannot be its own parent");
    if (new_parent.valid() && FindOrgUnit(new_parent) == nullptr) {
      return Missing(who, "parent", absl::StrCat(ToString(new_parent), " does not exist"));
    }
    const OrgUnitRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status != OrgUnitStatus::kOpen) {
      return Precondition(
          who, "status",
          absl::StrCat(now == nullptr ? "does not exist" : "is closed", " on ", FormatIsoDate(effective)));
    }
    OrgUnit unit = *stored;
    OrgUnitRecord next = *now;
    next.parent = new_parent;
    HRKIT_RETURN_IF_ERROR(Prefixed(AddCarried(unit.history, effective, std::move(next), recorded, RebaseUnit), who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .unit = &unit}.UnitEdit(effective)));
    CommitUnit(std::move(unit));
    return absl::OkStatus();
  });
}

absl::Status Workforce::CloseOrgUnit(OrgUnitId id, Date effective, Date recorded) {
  return GuardExceptions("CloseOrgUnit", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const OrgUnit* stored = FindOrgUnit(id);
    if (stored == nullptr) return Missing(who, "id", "no such org unit");
    const OrgUnitRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status != OrgUnitStatus::kOpen) {
      return Precondition(
          who, "status",
          absl::StrCat(now == nullptr ? "does not exist" : "is already closed", " on ", FormatIsoDate(effective)));
    }
    OrgUnit unit = *stored;
    OrgUnitRecord next = *now;
    next.status = OrgUnitStatus::kClosed;
    HRKIT_RETURN_IF_ERROR(Prefixed(AddCarried(unit.history, effective, std::move(next), recorded, RebaseUnit), who));
    HRKIT_RETURN_IF_ERROR(LaterStatusChangesKept(stored->history, unit.history, effective, who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .unit = &unit}.UnitEdit(effective)));
    CommitUnit(std::move(unit));
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------
// Positions

void Workforce::CommitPosition(Position position) {
  for (const auto& e : position.history.Entries()) position_change_days_.insert(e.effective);
  const PositionId id = position.id;
  max_position_id_ = std::max(max_position_id_, id.value());
  positions_.insert_or_assign(id, std::move(position));
}

namespace {

absl::Status CheckPositionRecord(std::string_view who, const PositionRecord& r) {
  if (!(r.fte_budget > 0.0) || !std::isfinite(r.fte_budget)) {
    return Invalid(who, "fte_budget", absl::StrCat("must be a positive number, got ", r.fte_budget));
  }
  if (!r.org_unit.valid()) return Invalid(who, "org_unit", "a position needs an org unit");
  return absl::OkStatus();
}

}  // namespace

absl::Status Workforce::CreatePosition(PositionId id, PositionRecord record, Date effective, Date recorded) {
  return GuardExceptions("CreatePosition", [&]() -> absl::Status {
    const std::string who = ToString(id);
    if (!id.valid()) return Invalid(who, "id", "must be a positive id");
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    if (positions_.contains(id)) return absl::AlreadyExistsError(absl::StrCat(who, ": id: already exists"));
    HRKIT_RETURN_IF_ERROR(CheckPositionRecord(who, record));
    if (record.status == PositionStatus::kClosed) return Invalid(who, "status", "a new position cannot be closed");
    Position position;
    position.id = id;
    HRKIT_RETURN_IF_ERROR(Prefixed(position.history.Add(effective, std::move(record), recorded), who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .position = &position}.PositionEdit(effective)));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

absl::Status Workforce::ChangePosition(PositionId id, PositionRecord record, Date effective, Date recorded) {
  return GuardExceptions("ChangePosition", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const Position* stored = FindPosition(id);
    if (stored == nullptr) return Missing(who, "id", "no such position");
    HRKIT_RETURN_IF_ERROR(CheckPositionRecord(who, record));
    const PositionRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status == PositionStatus::kClosed) {
      return Precondition(
          who, "status",
          absl::StrCat(now == nullptr ? "does not exist" : "is closed", " on ", FormatIsoDate(effective)));
    }
    if (record.status != now->status) {
      return Invalid(who, "status",
                     "ChangePosition keeps the status; use FreezePosition, UnfreezePosition or ClosePosition");
    }
    Position position = *stored;
    HRKIT_RETURN_IF_ERROR(
        Prefixed(AddCarried(position.history, effective, std::move(record), recorded, RebasePosition), who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .position = &position}.PositionEdit(effective)));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

absl::Status Workforce::FreezePosition(PositionId id, Date effective, Date recorded) {
  return GuardExceptions("FreezePosition", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const Position* stored = FindPosition(id);
    if (stored == nullptr) return Missing(who, "id", "no such position");
    const PositionRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status != PositionStatus::kOpen) {
      return Precondition(who, "status",
                          absl::StrCat("only an open position can be frozen; it is ",
                                       ToAbsl(now == nullptr ? "not yet created" : PositionStatusName(now->status)),
                                       " on ", FormatIsoDate(effective)));
    }
    Position position = *stored;
    PositionRecord next = *now;
    next.status = PositionStatus::kFrozen;
    HRKIT_RETURN_IF_ERROR(
        Prefixed(AddCarried(position.history, effective, std::move(next), recorded, RebasePosition), who));
    HRKIT_RETURN_IF_ERROR(LaterStatusChangesKept(stored->history, position.history, effective, who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .position = &position}.PositionEdit(effective)));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

absl::Status Workforce::UnfreezePosition(PositionId id, Date effective, Date recorded) {
  return GuardExceptions("UnfreezePosition", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const Position* stored = FindPosition(id);
    if (stored == nullptr) return Missing(who, "id", "no such position");
    const PositionRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status != PositionStatus::kFrozen) {
      return Precondition(who, "status",
                          absl::StrCat("only a frozen position can be unfrozen; it is ",
                                       ToAbsl(now == nullptr ? "not yet created" : PositionStatusName(now->status)),
                                       " on ", FormatIsoDate(effective)));
    }
    Position position = *stored;
    PositionRecord next = *now;
    next.status = PositionStatus::kOpen;
    HRKIT_RETURN_IF_ERROR(
        Prefixed(AddCarried(position.history, effective, std::move(next), recorded, RebasePosition), who));
    HRKIT_RETURN_IF_ERROR(LaterStatusChangesKept(stored->history, position.history, effective, who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .position = &position}.PositionEdit(effective)));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

absl::Status Workforce::ClosePosition(PositionId id, Date effective, Date recorded) {
  return GuardExceptions("ClosePosition", [&]() -> absl::Status {
    const std::string who = ToString(id);
    HRKIT_RETURN_IF_ERROR(CheckDates(who, effective, recorded));
    const Position* stored = FindPosition(id);
    if (stored == nullptr) return Missing(who, "id", "no such position");
    const PositionRecord* now = stored->history.At(effective);
    if (now == nullptr || now->status == PositionStatus::kClosed) {
      return Precondition(
          who, "status",
          absl::StrCat(now == nullptr ? "does not exist" : "is already closed", " on ", FormatIsoDate(effective)));
    }
    Position position = *stored;
    PositionRecord next = *now;
    next.status = PositionStatus::kClosed;
    HRKIT_RETURN_IF_ERROR(
        Prefixed(AddCarried(position.history, effective, std::move(next), recorded, RebasePosition), who));
    HRKIT_RETURN_IF_ERROR(LaterStatusChangesKept(stored->history, position.history, effective, who));
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .position = &position}.PositionEdit(effective)));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------
// Employees

void Workforce::CommitEmployee(Employee employee) {
  for (const auto& e : employee.employment.Entries()) {
    employee_change_days_.insert(e.effective);
    if (e.value.position.valid()) InsertSorted(holders_[e.value.position], employee.id);
    if (e.value.acting_manager.valid()) InsertSorted(acting_reports_[e.value.acting_manager], employee.id);
  }
  const EmployeeId id = employee.id;
  max_employee_id_ = std::max(max_employee_id_, id.value());
  employees_.insert_or_assign(id, std::move(employee));
}

absl::Status Workforce::AddEmployee(Employee employee) {
  return GuardExceptions("AddEmployee", [&]() -> absl::Status {
    const std::string who = ToString(employee.id);
    if (!employee.id.valid()) return Invalid(who, "id", "must be a positive id");
    if (employee.employee_number.empty()) return Invalid(who, "employee_number", "must not be empty");
    if (!employee.employment.empty() || !employee.employment.ReplacedEntries().empty()) {
      return Invalid(who, "employment", "a new employee starts without history; apply a HireEvent");
    }
    if (employees_.contains(employee.id)) return absl::AlreadyExistsError(absl::StrCat(who, ": id: already exists"));
    if (auto it = by_number_.find(employee.employee_number); it != by_number_.end()) {
      return absl::AlreadyExistsError(absl::StrCat(who, ": employee_number: ", employee.employee_number,
                                                   " already belongs to ", ToString(it->second)));
    }
    by_number_.emplace(employee.employee_number, employee.id);
    CommitEmployee(std::move(employee));
    return absl::OkStatus();
  });
}

absl::Status Workforce::ApplyEvent(EmployeeId id, const LifecycleEvent& event, Date recorded) {
  const Employee* stored = FindEmployee(id);
  if (stored == nullptr) return Missing(ToString(id), "id", "no such employee");
  HRKIT_ASSIGN_OR_RETURN(Employee candidate, hrkit::ApplyEvent(*stored, event, recorded, options_));
  return GuardExceptions(absl::StrCat(ToString(id), ": apply event"), [&]() -> absl::Status {
    HRKIT_RETURN_IF_ERROR((Checker{.w = *this, .employee = &candidate}.EmployeeEdit(event, EffectiveDate(event))));
    CommitEmployee(std::move(candidate));
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------
// Queries

const Location* Workforce::FindLocation(LocationId id) const {
  auto it = locations_.find(id);
  return it == locations_.end() ? nullptr : &it->second;
}
const OrgUnit* Workforce::FindOrgUnit(OrgUnitId id) const {
  auto it = units_.find(id);
  return it == units_.end() ? nullptr : &it->second;
}
const Position* Workforce::FindPosition(PositionId id) const {
  auto it = positions_.find(id);
  return it == positions_.end() ? nullptr : &it->second;
}
const Employee* Workforce::FindEmployee(EmployeeId id) const {
  auto it = employees_.find(id);
  return it == employees_.end() ? nullptr : &it->second;
}
const Employee* Workforce::FindEmployeeByNumber(std::string_view employee_number) const {
  auto it = by_number_.find(std::string(employee_number));
  return it == by_number_.end() ? nullptr : FindEmployee(it->second);
}

std::vector<const Location*> Workforce::Locations() const { return SortedValues(locations_); }
std::vector<const OrgUnit*> Workforce::OrgUnits() const { return SortedValues(units_); }
std::vector<const Position*> Workforce::Positions() const { return SortedValues(positions_); }
std::vector<const Employee*> Workforce::Employees() const { return SortedValues(employees_); }

std::vector<EmployeeId> Workforce::HoldersOn(PositionId id, Date date) const {
  std::vector<EmployeeId> out;
  auto it = holders_.find(id);
  if (it == holders_.end()) return out;
  for (const EmployeeId e : it->second) {
    const EmploymentRecord* r = employees_.at(e).employment.At(date);
    if (r != nullptr && IsEmployed(*r) && r->position == id) out.push_back(e);
  }
  return out;
}

double Workforce::HeldFteOn(PositionId id, Date date) const {
  double held = 0.0;
  for (const EmployeeId e : HoldersOn(id, date)) held += employees_.at(e).employment.At(date)->fte;
  return held;
}

}  // namespace hrkit
