#include "hrkit/org/workforce.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;

// Tolerance for FTE sums (0.1 + 0.2 must fit a budget of 0.3).
constexpr double kFteEpsilon = 1e-9;

std::string_view PositionStatusName(PositionStatus s) {
  switch (s) {
    case PositionStatus::kOpen:
      return "open";
    case PositionStatus::kFrozen:
      return "frozen";
    case PositionStatus::kClosed:
      return "closed";
  }
  return "unknown";
}

absl::Status Error(absl::StatusCode code, std::string_view who, std::string_view field, std::string_view what) {
  return absl::Status(code, absl::StrCat(ToAbsl(who), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}
absl::Status Precondition(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kFailedPrecondition, who, field, what);
}
absl::Status Invalid(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kInvalidArgument, who, field, what);
}
absl::Status Missing(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kNotFound, who, field, what);
}

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

// The segments of `timeline` that overlap [from, OpenEnd()).
template <class T>
std::vector<typename Timeline<T>::Segment> SegmentsFrom(const Timeline<T>& timeline, Date from) {
  std::vector<typename Timeline<T>::Segment> out;
  for (const auto& s : timeline.Segments()) {
    if (s.period.end() > from) out.push_back(s);
  }
  return out;
}

// The days in [begin, end) on which `timeline` changes.
template <class T>
void CollectChangeDays(const Timeline<T>& timeline, Date begin, Date end, std::vector<Date>& out) {
  for (const auto& e : timeline.Entries()) {
    if (e.effective >= begin && e.effective < end) out.push_back(e.effective);
  }
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

// The checks that need several entities. Each returns OK or the first
// violation (entities are visited in id order, so the answer is deterministic).
struct Workforce::Checker {
  const Workforce& w;

  // `unit` (named `who`) may sit under `parent` on [begin, end): the parent
  // exists then and is open throughout.
  absl::Status ParentOpen(std::string_view who, OrgUnitId parent, Date begin, Date end) const {
    const OrgUnit* p = w.FindOrgUnit(parent);
    if (p == nullptr) return Missing(who, "parent", absl::StrCat(ToString(parent), " does not exist"));
    if (p->history.At(begin) == nullptr) {
      return Precondition(who, "parent",
                          absl::StrCat(ToString(parent), " does not exist yet on ", FormatIsoDate(begin)));
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

  // Every open stretch of `unit` from `from` on sits under an open parent.
  absl::Status UnitParents(const OrgUnit& unit, Date from) const {
    const std::string who = ToString(unit.id);
    for (const auto& s : SegmentsFrom(unit.history, from)) {
      const OrgUnitRecord& r = *s.value;
      if (r.status != OrgUnitStatus::kOpen || !r.parent.valid()) continue;
      HRKIT_RETURN_IF_ERROR(ParentOpen(who, r.parent, std::max(s.period.begin(), from), s.period.end()));
    }
    return absl::OkStatus();
  }

  // The parent chain of `unit` (replacing the stored one) never returns to
  // it, on `from` or any later day where some unit's history changes.
  absl::Status UnitAcyclic(const OrgUnit& unit, Date from) const {
    std::vector<Date> check_days{from};
    for (auto it = w.unit_change_days_.lower_bound(from); it != w.unit_change_days_.end(); ++it) {
      check_days.push_back(*it);
    }
    CollectChangeDays(unit.history, from, OpenEnd(), check_days);
    std::sort(check_days.begin(), check_days.end());
    check_days.erase(std::unique(check_days.begin(), check_days.end()), check_days.end());
    for (const Date d : check_days) {
      const OrgUnitRecord* r = unit.history.At(d);
      std::size_t steps = 0;
      while (r != nullptr && r->parent.valid() && steps++ <= w.units_.size()) {
        if (r->parent == unit.id) {
          return Precondition(ToString(unit.id), "parent",
                              absl::StrCat("the move would make a cycle in the org tree on ", FormatIsoDate(d)));
        }
        const OrgUnit* up = w.FindOrgUnit(r->parent);
        r = up == nullptr ? nullptr : up->history.At(d);
      }
    }
    return absl::OkStatus();
  }

  // Nothing is left in `unit` when it is closed from `from` on.
  absl::Status UnitEmpty(OrgUnitId unit, Date from) const {
    const std::string who = ToString(unit);
    for (const OrgUnit* child : w.OrgUnits()) {
      if (child->id == unit) continue;
      for (const auto& s : SegmentsFrom(child->history, from)) {
        if (s.value->parent == unit && s.value->status == OrgUnitStatus::kOpen) {
          return Precondition(who, "status",
                              absl::StrCat("cannot close: child ", ToString(child->id), " is open on ",
                                           FormatIsoDate(std::max(s.period.begin(), from))));
        }
      }
    }
    // Employees first (the more useful answer), then the seats themselves.
    const std::vector<const Position*> positions = w.Positions();
    for (const Position* p : positions) {
      auto holders = w.holders_.find(p->id);
      if (holders == w.holders_.end()) continue;
      for (const auto& s : SegmentsFrom(p->history, from)) {
        if (s.value->org_unit != unit) continue;
        for (const EmployeeId e : holders->second) {
          const Date d = FirstHeld(w.employees_.at(e), p->id, std::max(s.period.begin(), from), s.period.end());
          if (IsRealDate(d)) {
            return Precondition(who, "status",
                                absl::StrCat("cannot close: ", ToString(e), " holds ", ToString(p->id), " in it on ",
                                             FormatIsoDate(d)));
          }
        }
      }
    }
    for (const Position* p : positions) {
      for (const auto& s : SegmentsFrom(p->history, from)) {
        if (s.value->org_unit == unit && s.value->status != PositionStatus::kClosed) {
          return Precondition(
              who, "status",
              absl::StrCat("cannot close: ", ToString(p->id), " in it is ", ToAbsl(PositionStatusName(s.value->status)),
                           " on ", FormatIsoDate(std::max(s.period.begin(), from))));
        }
      }
    }
    return absl::OkStatus();
  }

  // The first day in [begin, end) on which `e` holds `position` while
  // employed, or not_a_date_time.
  static Date FirstHeld(const Employee& e, PositionId position, Date begin, Date end) {
    for (const auto& s : SegmentsFrom(e.employment, begin)) {
      if (s.period.begin() >= end) break;
      if (IsEmployed(*s.value) && s.value->position == position) return std::max(s.period.begin(), begin);
    }
    return Date(boost::gregorian::not_a_date_time);
  }

  // Every stretch of `position` from `from` on that is not closed lies in an
  // existing unit that is open throughout.
  absl::Status PositionUnits(const Position& position, Date from) const {
    const std::string who = ToString(position.id);
    for (const auto& s : SegmentsFrom(position.history, from)) {
      const PositionRecord& r = *s.value;
      if (r.status == PositionStatus::kClosed) continue;
      const Date begin = std::max(s.period.begin(), from);
      const OrgUnit* unit = w.FindOrgUnit(r.org_unit);
      if (unit == nullptr) return Missing(who, "org_unit", absl::StrCat(ToString(r.org_unit), " does not exist"));
      if (unit->history.At(begin) == nullptr) {
        return Precondition(who, "org_unit",
                            absl::StrCat(ToString(r.org_unit), " does not exist yet on ", FormatIsoDate(begin)));
      }
      for (const auto& u : SegmentsFrom(unit->history, begin)) {
        if (u.period.begin() >= s.period.end()) break;
        if (u.value->status == OrgUnitStatus::kClosed) {
          return Precondition(
              who, "org_unit",
              absl::StrCat(ToString(r.org_unit), " is closed on ", FormatIsoDate(std::max(u.period.begin(), begin))));
        }
      }
    }
    return absl::OkStatus();
  }

  // The reports_to position on `effective` exists and is not closed.
  absl::Status ReportsTo(const Position& position, Date effective) const {
    const PositionRecord& r = *position.history.At(effective);
    if (!r.reports_to.valid()) return absl::OkStatus();
    const std::string who = ToString(position.id);
    if (r.reports_to == position.id) return Invalid(who, "reports_to", "a position cannot report to itself");
    const Position* parent = w.FindPosition(r.reports_to);
    if (parent == nullptr) {
      return Missing(who, "reports_to", absl::StrCat(ToString(r.reports_to), " does not exist"));
    }
    const PositionRecord* pr = parent->history.At(effective);
    if (pr == nullptr || pr->status == PositionStatus::kClosed) {
      return Precondition(who, "reports_to",
                          absl::StrCat(ToString(r.reports_to), pr == nullptr ? " does not exist" : " is closed", " on ",
                                       FormatIsoDate(effective)));
    }
    return absl::OkStatus();
  }

  // The reporting chain of `position` (replacing the stored one) never
  // returns to it, on `from` or a later day where some position changes.
  absl::Status PositionAcyclic(const Position& position, Date from) const {
    std::vector<Date> check_days{from};
    for (auto it = w.position_change_days_.lower_bound(from); it != w.position_change_days_.end(); ++it) {
      check_days.push_back(*it);
    }
    CollectChangeDays(position.history, from, OpenEnd(), check_days);
    std::sort(check_days.begin(), check_days.end());
    check_days.erase(std::unique(check_days.begin(), check_days.end()), check_days.end());
    for (const Date d : check_days) {
      const PositionRecord* r = position.history.At(d);
      std::size_t steps = 0;
      while (r != nullptr && r->reports_to.valid() && steps++ <= w.positions_.size()) {
        if (r->reports_to == position.id) {
          return Precondition(ToString(position.id), "reports_to",
                              absl::StrCat("the reporting line would make a cycle on ", FormatIsoDate(d)));
        }
        const Position* up = w.FindPosition(r->reports_to);
        r = up == nullptr ? nullptr : up->history.At(d);
      }
    }
    return absl::OkStatus();
  }

  // Holders' FTE within the budget of `position` on every day of
  // [begin, end) where it could change. `position` and `employee` (if not
  // null) replace the stored versions.
  absl::Status Budget(const Position& position, const Employee* employee, Date begin, Date end) const {
    std::vector<const Employee*> holders;
    if (auto it = w.holders_.find(position.id); it != w.holders_.end()) {
      for (const EmployeeId id : it->second) {
        if (employee != nullptr && id == employee->id) continue;
        holders.push_back(&w.employees_.at(id));
      }
    }
    if (employee != nullptr) holders.push_back(employee);
    std::vector<Date> check_days{begin};
    CollectChangeDays(position.history, begin, end, check_days);
    for (const Employee* h : holders) CollectChangeDays(h->employment, begin, end, check_days);
    std::sort(check_days.begin(), check_days.end());
    check_days.erase(std::unique(check_days.begin(), check_days.end()), check_days.end());
    for (const Date d : check_days) {
      const PositionRecord* r = position.history.At(d);
      if (r == nullptr) continue;
      double held = 0.0;
      for (const Employee* h : holders) {
        const EmploymentRecord* e = h->employment.At(d);
        if (e != nullptr && IsEmployed(*e) && e->position == position.id) held += e->fte;
      }
      if (held > r->fte_budget + kFteEpsilon) {
        return Precondition(
            ToString(position.id), "fte_budget",
            absl::StrCat("holders would hold ", held, " FTE on ", FormatIsoDate(d), ", above the budget of ",
                         r->fte_budget,
                         employee != nullptr ? absl::StrCat(" (with ", ToString(employee->id), ")") : std::string()));
      }
    }
    return absl::OkStatus();
  }

  // The cross-entity rules for `candidate` (employee after the event) from
  // `from` on.
  absl::Status EmployeeRules(const hrkit::Employee& candidate, const LifecycleEvent& event, Date from) const {
    const std::string who = ToString(candidate.id);
    if (const std::optional<PositionId> target = TargetPosition(event); target.has_value()) {
      const Position* p = w.FindPosition(*target);
      if (p == nullptr) return Missing(who, "position", absl::StrCat(ToString(*target), " does not exist"));
      const PositionRecord* r = p->history.At(from);
      if (r == nullptr || r->status != PositionStatus::kOpen) {
        return Precondition(who, "position",
                            absl::StrCat(ToString(*target), " is ",
                                         ToAbsl(r == nullptr ? "not yet created" : PositionStatusName(r->status)),
                                         " on ", FormatIsoDate(from)));
      }
    }
    const EmploymentRecord* previous = nullptr;
    for (const auto& s : candidate.employment.Segments()) {
      const EmploymentRecord& r = *s.value;
      const EmploymentRecord* before = previous;
      previous = &r;
      if (s.period.end() <= from) continue;
      const Date begin = std::max(s.period.begin(), from);
      if (r.location.valid() && w.FindLocation(r.location) == nullptr) {
        return Missing(who, "location", absl::StrCat(ToString(r.location), " does not exist"));
      }
      if (!IsEmployed(r)) continue;
      const bool new_manager = before == nullptr || before->acting_manager != r.acting_manager;
      if (r.acting_manager.valid() && new_manager && s.period.begin() >= from) {
        const hrkit::Employee* m = w.FindEmployee(r.acting_manager);
        if (m == nullptr) {
          return Missing(who, "acting_manager", absl::StrCat(ToString(r.acting_manager), " does not exist"));
        }
        if (!IsEmployedOn(*m, s.period.begin())) {
          return Precondition(
              who, "acting_manager",
              absl::StrCat(ToString(r.acting_manager), " is not employed on ", FormatIsoDate(s.period.begin())));
        }
        if (const EmploymentRecord* mr = m->employment.At(s.period.begin()); mr->acting_manager == candidate.id) {
          return Precondition(who, "acting_manager",
                              absl::StrCat(ToString(r.acting_manager), " has ", who, " as acting manager on ",
                                           FormatIsoDate(s.period.begin()), "; two people cannot manage each other"));
        }
      }
      if (!r.position.valid()) continue;
      const Position* p = w.FindPosition(r.position);
      if (p == nullptr) return Missing(who, "position", absl::StrCat(ToString(r.position), " does not exist"));
      if (p->history.At(begin) == nullptr) {
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
      if (entering && s.period.begin() >= from && p->history.At(begin)->status != PositionStatus::kOpen) {
        return Precondition(
            who, "position",
            absl::StrCat(ToString(r.position), " is ", ToAbsl(PositionStatusName(p->history.At(begin)->status)), " on ",
                         FormatIsoDate(begin)));
      }
      HRKIT_RETURN_IF_ERROR(Budget(*p, &candidate, begin, s.period.end()));
    }
    if (EventKind(event) == EmploymentEvent::kTermination) {
      if (auto it = w.acting_reports_.find(candidate.id); it != w.acting_reports_.end()) {
        for (const EmployeeId report : it->second) {
          if (report == candidate.id) continue;
          for (const auto& s : SegmentsFrom(w.employees_.at(report).employment, from)) {
            if (IsEmployed(*s.value) && s.value->acting_manager == candidate.id) {
              return Precondition(
                  who, "termination",
                  absl::StrCat("still the acting manager of ", ToString(report), " on ",
                               FormatIsoDate(std::max(s.period.begin(), from)), "; set another manager first"));
            }
          }
        }
      }
    }
    return absl::OkStatus();
  }
};

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
    HRKIT_RETURN_IF_ERROR(Checker{*this}.UnitParents(unit, effective));
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
    const Checker check{*this};
    HRKIT_RETURN_IF_ERROR(check.UnitAcyclic(unit, effective));
    HRKIT_RETURN_IF_ERROR(check.UnitParents(unit, effective));
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
    HRKIT_RETURN_IF_ERROR(Checker{*this}.UnitEmpty(id, effective));
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
    const Checker check{*this};
    HRKIT_RETURN_IF_ERROR(check.ReportsTo(position, effective));
    HRKIT_RETURN_IF_ERROR(check.PositionUnits(position, effective));
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
    const Checker check{*this};
    HRKIT_RETURN_IF_ERROR(check.ReportsTo(position, effective));
    HRKIT_RETURN_IF_ERROR(check.PositionAcyclic(position, effective));
    HRKIT_RETURN_IF_ERROR(check.PositionUnits(position, effective));
    HRKIT_RETURN_IF_ERROR(check.Budget(position, nullptr, effective, OpenEnd()));
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
    if (auto it = holders_.find(id); it != holders_.end()) {
      for (const EmployeeId e : it->second) {
        if (const Date d = Checker::FirstHeld(employees_.at(e), id, effective, OpenEnd()); IsRealDate(d)) {
          return Precondition(who, "status",
                              absl::StrCat("cannot close: held by ", ToString(e), " on ", FormatIsoDate(d)));
        }
      }
    }
    for (const Position* other : Positions()) {
      if (other->id == id) continue;
      for (const auto& s : SegmentsFrom(other->history, effective)) {
        if (s.value->reports_to == id && s.value->status != PositionStatus::kClosed) {
          return Precondition(who, "status",
                              absl::StrCat("cannot close: ", ToString(other->id), " reports to it on ",
                                           FormatIsoDate(std::max(s.period.begin(), effective))));
        }
      }
    }
    Position position = *stored;
    PositionRecord next = *now;
    next.status = PositionStatus::kClosed;
    HRKIT_RETURN_IF_ERROR(
        Prefixed(AddCarried(position.history, effective, std::move(next), recorded, RebasePosition), who));
    CommitPosition(std::move(position));
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------------------
// Employees

void Workforce::CommitEmployee(Employee employee) {
  for (const auto& e : employee.employment.Entries()) {
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
    HRKIT_RETURN_IF_ERROR(Checker{*this}.EmployeeRules(candidate, event, EffectiveDate(event)));
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
