#include "order_checks_support.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/personnel/lifecycle.hpp"

namespace hrkit::order_test {
namespace {

constexpr double kEps = 1e-9;

std::string Day(Date d) { return FormatIsoDate(d); }

// The job data of an employment record, without the bookkeeping fields.
auto JobData(const EmploymentRecord& r) {
  return std::tie(r.status, r.type, r.fte, r.position, r.location, r.work_schedule, r.cost_center, r.acting_manager,
                  r.termination, r.employment_start, r.seniority_start);
}

std::string Show(const EmploymentRecord* r) {
  if (r == nullptr) return "none";
  return absl::StrCat(IsEmployed(*r) ? (r->status == EmploymentStatus::kOnLeave ? "on leave" : "active") : "terminated",
                      " ", ToString(r->position), " fte ", r->fte, " acting ", ToString(r->acting_manager),
                      " location ", ToString(r->location), " start ", Day(r->employment_start));
}
std::string Show(const PositionRecord* r) {
  if (r == nullptr) return "none";
  static constexpr const char* kStatus[] = {"open", "frozen", "closed"};
  return absl::StrCat(kStatus[static_cast<int>(r->status)], " in ", ToString(r->org_unit), " budget ", r->fte_budget,
                      " reports_to ", ToString(r->reports_to));
}
std::string Show(const OrgUnitRecord* r) {
  if (r == nullptr) return "none";
  return absl::StrCat(r->status == OrgUnitStatus::kOpen ? "open" : "closed", " under ", ToString(r->parent));
}

bool SameView(const EmploymentRecord* a, const EmploymentRecord* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return JobData(*a) == JobData(*b);
}
template <class R>
bool SameView(const R* a, const R* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return *a == *b;
}

// The first day on which the timelines of the entity with `id` differ.
template <class E, class History>
std::string FirstViewDiff(const std::vector<const E*>& as, const std::vector<const E*>& bs,
                          std::span<const std::string> skip, Date until, History history) {
  if (as.size() != bs.size()) return absl::StrCat("entity counts differ: ", as.size(), " vs ", bs.size());
  for (std::size_t i = 0; i < as.size(); ++i) {
    if (as[i]->id != bs[i]->id) return absl::StrCat("ids differ: ", ToString(as[i]->id), " vs ", ToString(bs[i]->id));
    if (std::find(skip.begin(), skip.end(), ToString(as[i]->id)) != skip.end()) continue;
    const auto& ta = history(*as[i]);
    const auto& tb = history(*bs[i]);
    std::vector<Date> days;
    for (const auto& e : ta.Entries()) days.push_back(e.effective);
    for (const auto& e : tb.Entries()) days.push_back(e.effective);
    std::sort(days.begin(), days.end());
    for (const Date d : days) {
      if (d >= until) break;
      if (!SameView(ta.At(d), tb.At(d))) {
        return absl::StrCat(ToString(as[i]->id), " on ", Day(d), ": ", Show(ta.At(d)), " vs ", Show(tb.At(d)));
      }
    }
  }
  return "";
}

// The records of everything in effect on one day, read naively.
struct DayView {
  Date day;
  std::map<OrgUnitId, const OrgUnitRecord*> units;        // open on the day
  std::map<PositionId, const PositionRecord*> positions;  // not closed on the day
  std::map<EmployeeId, const EmploymentRecord*> employed;
  std::map<PositionId, std::vector<EmployeeId>> holders;  // by id

  DayView(const Workforce& w, Date d) : day(d) {
    for (const OrgUnit* u : w.OrgUnits()) {
      const OrgUnitRecord* r = u->history.At(d);
      if (r != nullptr && r->status == OrgUnitStatus::kOpen) units[u->id] = r;
    }
    for (const Position* p : w.Positions()) {
      const PositionRecord* r = p->history.At(d);
      if (r != nullptr && r->status != PositionStatus::kClosed) positions[p->id] = r;
    }
    for (const Employee* e : w.Employees()) {
      const EmploymentRecord* r = RecordOn(*e, d);
      if (r == nullptr || !IsEmployed(*r)) continue;
      employed[e->id] = r;
      holders[r->position].push_back(e->id);
    }
  }

  // The documented manager rules (org/snapshot.hpp), step-bounded.
  EmployeeId ManagerOf(EmployeeId e) const {
    const EmploymentRecord* r = employed.at(e);
    if (r->acting_manager.valid() && employed.contains(r->acting_manager)) return r->acting_manager;
    auto pos = positions.find(r->position);
    for (std::size_t steps = 0; pos != positions.end() && steps <= positions.size(); ++steps) {
      const PositionId up = pos->second->reports_to;
      if (!up.valid()) break;
      if (auto h = holders.find(up); h != holders.end()) return h->second.front();
      pos = positions.find(up);
    }
    return EmployeeId();
  }
};

void CollectHolders(const OrgChartNode& node, std::map<PositionId, std::vector<EmployeeId>>& out) {
  for (const OrgChartPosition& p : node.positions) {
    if (!p.holders.empty()) out[p.position] = p.holders;
  }
  for (const OrgChartNode& child : node.children) CollectHolders(child, out);
}

std::string CheckOneSnapshot(const Workforce& w, Date d) {
  absl::StatusOr<OrgSnapshot> built = OrgSnapshot::Build(w, d);
  if (!built.ok()) return absl::StrCat("OrgSnapshot::Build on ", Day(d), " failed: ", built.status().ToString());
  const OrgSnapshot& s = *built;
  const DayView v(w, d);
  if (s.employee_count() != v.employed.size() || s.unit_count() != v.units.size() ||
      s.position_count() != v.positions.size()) {
    return absl::StrCat("snapshot on ", Day(d), " counts ", s.unit_count(), "/", s.position_count(), "/",
                        s.employee_count(), " units/positions/employees, naive ", v.units.size(), "/",
                        v.positions.size(), "/", v.employed.size());
  }
  std::map<OrgUnitId, std::int64_t> own_count, subtree_count;
  std::map<OrgUnitId, double> own_fte;
  for (const auto& [id, r] : v.employed) {
    const OrgUnitId unit = v.positions.at(r->position)->org_unit;
    ++own_count[unit];
    own_fte[unit] += r->fte;
    OrgUnitId u = unit;
    for (std::size_t steps = 0; u.valid() && steps <= v.units.size(); ++steps) {
      ++subtree_count[u];
      u = v.units.at(u)->parent;
    }
    const absl::StatusOr<EmployeeId> manager = s.ManagerOf(id);
    if (!manager.ok() || *manager != v.ManagerOf(id)) {
      return absl::StrCat("snapshot on ", Day(d), ": manager of ", ToString(id), " is ",
                          manager.ok() ? ToString(*manager) : manager.status().ToString(), ", naive ",
                          ToString(v.ManagerOf(id)));
    }
  }
  for (const UnitRollup& r : s.RollUpUnits()) {
    if (r.own_headcount != own_count[r.unit] || r.subtree_headcount != subtree_count[r.unit] ||
        std::abs(r.own_fte - own_fte[r.unit]) > 1e-6) {
      return absl::StrCat("snapshot on ", Day(d), ": ", ToString(r.unit), " head count ", r.own_headcount, " (subtree ",
                          r.subtree_headcount, ") FTE ", r.own_fte, ", naive ", own_count[r.unit], " (",
                          subtree_count[r.unit], ") ", own_fte[r.unit]);
    }
  }
  std::map<PositionId, std::vector<EmployeeId>> chart_holders;
  for (const OrgChartNode& root : s.OrgChart()) CollectHolders(root, chart_holders);
  if (chart_holders != v.holders) return absl::StrCat("snapshot on ", Day(d), ": org chart holders differ from naive");
  for (const auto& [p, ids] : v.holders) {
    if (w.HoldersOn(p, d) != ids) return absl::StrCat("Workforce::HoldersOn(", ToString(p), ", ", Day(d), ") differs");
  }
  return "";
}

// Nobody enters a position on a day it is not open.
std::string CheckEntries(const Workforce& w) {
  for (const Employee* e : w.Employees()) {
    const EmploymentRecord* before = nullptr;
    for (const auto& s : e->employment.Segments()) {
      const EmploymentRecord& r = *s.value;
      const bool entering =
          IsEmployed(r) && (before == nullptr || !IsEmployed(*before) || before->position != r.position);
      before = &r;
      if (!entering) continue;
      const Position* p = w.FindPosition(r.position);
      const PositionRecord* pr = p == nullptr ? nullptr : p->history.At(s.period.begin());
      if (pr == nullptr || pr->status != PositionStatus::kOpen) {
        return absl::StrCat(ToString(e->id), " enters ", ToString(r.position), " on ", Day(s.period.begin()),
                            " while it is ", Show(pr));
      }
    }
  }
  return "";
}

// Every event other than a hire, rehire or termination applies to someone
// employed on its day: none is voided by a termination taking effect that
// day ("a termination dated before a later transfer", personnel/lifecycle.hpp).
std::string CheckEventsWhileEmployed(const Workforce& w) {
  for (const Employee* e : w.Employees()) {
    for (const auto& entry : e->employment.Entries()) {
      const EmploymentEvent kind = entry.value.event;
      if (entry.value.carried_forward || kind == EmploymentEvent::kHire || kind == EmploymentEvent::kRehire ||
          kind == EmploymentEvent::kTermination) {
        continue;
      }
      if (!IsEmployedOn(*e, entry.effective)) {
        return absl::StrCat(ToString(e->id), " has a ", std::string(EnumToName(kind)), " on ", Day(entry.effective),
                            ", a day on which they are not employed");
      }
    }
  }
  return "";
}

std::string CheckDomainOn(const Workforce& w, Date d) {
  const DayView v(w, d);
  for (const Position* p : w.Positions()) {
    const PositionRecord* r = p->history.At(d);
    double held = 0;
    for (const EmployeeId e : v.holders.contains(p->id) ? v.holders.at(p->id) : std::vector<EmployeeId>{}) {
      held += v.employed.at(e)->fte;
    }
    if (held > 0 && !v.positions.contains(p->id)) {
      return absl::StrCat(ToString(p->id), " is held on ", Day(d), " while ", Show(r));
    }
    if (r != nullptr && held > r->fte_budget + kEps) {
      return absl::StrCat(ToString(p->id), " holders hold ", held, " FTE on ", Day(d), ", budget ", r->fte_budget);
    }
  }
  for (const auto& [id, r] : v.employed) {
    if (!v.positions.contains(r->position)) {
      return absl::StrCat(ToString(id), " holds ", ToString(r->position), " on ", Day(d),
                          ", which is missing or closed");
    }
    if (r->acting_manager.valid() && !v.employed.contains(r->acting_manager)) {
      return absl::StrCat(ToString(id), " has acting manager ", ToString(r->acting_manager), " on ", Day(d),
                          ", who is not employed then");
    }
  }
  for (const auto& [id, r] : v.positions) {
    if (!v.units.contains(r->org_unit)) {
      return absl::StrCat(ToString(id), " is ", Show(r), " on ", Day(d), " but its unit is missing or closed");
    }
    if (r->reports_to.valid() && !v.positions.contains(r->reports_to)) {
      return absl::StrCat(ToString(id), " reports to ", ToString(r->reports_to), " on ", Day(d),
                          ", which is missing or closed");
    }
  }
  for (const auto& [id, r] : v.units) {
    if (r->parent.valid() && !v.units.contains(r->parent)) {
      return absl::StrCat(ToString(id), " is open on ", Day(d), " under ", ToString(r->parent),
                          ", which is missing or closed");
    }
  }
  return "";
}

}  // namespace

std::vector<Date> ChangeDays(const Workforce& w, std::span<const Date> extra, Date from) {
  std::vector<Date> days;
  for (const Date d : extra) {
    if (d >= from) days.push_back(d);
  }
  auto add = [&](const auto& timeline) {
    for (const auto& e : timeline.Entries()) {
      if (e.effective >= from) days.push_back(e.effective);
    }
  };
  for (const OrgUnit* u : w.OrgUnits()) add(u->history);
  for (const Position* p : w.Positions()) add(p->history);
  for (const Employee* e : w.Employees()) add(e->employment);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::string StateDiff(const Workforce& a, const Workforce& b, std::span<const Date> days) {
  auto deref = [](const auto& ptrs) {
    std::vector<std::decay_t<decltype(*ptrs.front())>> out;
    for (const auto* p : ptrs) out.push_back(*p);
    return out;
  };
  if (deref(a.OrgUnits()) != deref(b.OrgUnits())) return "org units changed";
  if (deref(a.Positions()) != deref(b.Positions())) return "positions changed";
  if (deref(a.Employees()) != deref(b.Employees())) return "employees changed";
  if (a.NextOrgUnitId() != b.NextOrgUnitId() || a.NextPositionId() != b.NextPositionId() ||
      a.NextEmployeeId() != b.NextEmployeeId()) {
    return "next ids changed";
  }
  for (const Position* p : a.Positions()) {
    for (const Date d : days) {
      if (a.HoldersOn(p->id, d) != b.HoldersOn(p->id, d)) {
        return absl::StrCat("holders of ", ToString(p->id), " on ", Day(d), " changed");
      }
    }
  }
  return "";
}

std::string ViewDiff(const Workforce& a, const Workforce& b, std::span<const std::string> skip, Date until) {
  std::string diff = FirstViewDiff(
      a.OrgUnits(), b.OrgUnits(), skip, until, [](const OrgUnit& u) -> auto& { return u.history; });
  if (diff.empty()) {
    diff = FirstViewDiff(
        a.Positions(), b.Positions(), skip, until, [](const Position& p) -> auto& { return p.history; });
  }
  if (diff.empty()) {
    diff = FirstViewDiff(
        a.Employees(), b.Employees(), skip, until, [](const Employee& e) -> auto& { return e.employment; });
  }
  return diff;
}

std::string EarlierDaysDiff(const Workforce& before, const Workforce& after, Date from) {
  std::vector<std::string> created;  // no history before `from` allowed
  auto check_created = [&](const auto& entities, const auto& find, const auto& history) -> std::string {
    for (const auto* e : entities) {
      if (find(e->id) != nullptr) continue;
      created.push_back(ToString(e->id));
      if (!history(*e).empty() && history(*e).Entries().front().effective < from) {
        return absl::StrCat(ToString(e->id), " was created with history before ", Day(from));
      }
    }
    return "";
  };
  std::string diff = check_created(
      after.OrgUnits(), [&](OrgUnitId id) { return before.FindOrgUnit(id); },
      [](const OrgUnit& u) -> auto& { return u.history; });
  if (diff.empty()) {
    diff = check_created(
        after.Positions(), [&](PositionId id) { return before.FindPosition(id); },
        [](const Position& p) -> auto& { return p.history; });
  }
  if (!diff.empty()) return diff;
  if (created.empty()) return ViewDiff(before, after, {}, from);
  // Compare the entities both sides have.
  std::vector<const OrgUnit*> units;
  for (const OrgUnit* u : after.OrgUnits()) {
    if (before.FindOrgUnit(u->id) != nullptr) units.push_back(u);
  }
  std::vector<const Position*> positions;
  for (const Position* p : after.Positions()) {
    if (before.FindPosition(p->id) != nullptr) positions.push_back(p);
  }
  diff = FirstViewDiff(
      before.OrgUnits(), units, {}, from, [](const OrgUnit& u) -> auto& { return u.history; });
  if (diff.empty()) {
    diff = FirstViewDiff(
        before.Positions(), positions, {}, from, [](const Position& p) -> auto& { return p.history; });
  }
  return diff;
}

std::string CheckSnapshots(const Workforce& w, std::span<const Date> days) {
  for (const Date d : days) {
    if (std::string failure = CheckOneSnapshot(w, d); !failure.empty()) return failure;
  }
  return "";
}

std::string CheckDomain(const Workforce& w, std::span<const Date> days) {
  if (std::string failure = CheckEntries(w); !failure.empty()) return failure;
  if (std::string failure = CheckEventsWhileEmployed(w); !failure.empty()) return failure;
  for (const Date d : days) {
    if (std::string failure = CheckDomainOn(w, d); !failure.empty()) return failure;
  }
  return "";
}

}  // namespace hrkit::order_test
