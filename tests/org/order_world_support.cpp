#include "order_world_support.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "hrkit/personnel/lifecycle.hpp"

namespace hrkit::order_test {
namespace {

using boost::gregorian::days;
using boost::gregorian::months;

std::string Day(Date d) { return FormatIsoDate(d); }

std::string PositionText(const PositionRecord& r) {
  return absl::StrCat(ToString(r.org_unit), ", budget ", r.fte_budget,
                      r.reports_to.valid() ? absl::StrCat(", reports_to ", ToString(r.reports_to)) : "",
                      r.status == PositionStatus::kFrozen ? ", frozen" : "");
}

// "transfer to position:5 on 2024-07-01" and the like.
struct EventText {
  std::string operator()(const HireEvent& e) const {
    return absl::StrCat("hire into ", ToString(e.position), " fte ", e.fte, " on ", Day(e.effective));
  }
  std::string operator()(const TransferEvent& e) const {
    return absl::StrCat("transfer to ", ToString(e.position), " on ", Day(e.effective));
  }
  std::string operator()(const PromotionEvent& e) const {
    return absl::StrCat("promotion to ", ToString(e.position), " on ", Day(e.effective));
  }
  std::string operator()(const FteChangeEvent& e) const {
    return absl::StrCat("fte ", e.fte, " on ", Day(e.effective));
  }
  std::string operator()(const ManagerChangeEvent& e) const {
    return absl::StrCat("acting manager ", e.acting_manager.valid() ? ToString(e.acting_manager) : "cleared", " on ",
                        Day(e.effective));
  }
  std::string operator()(const LeaveOfAbsenceEvent& e) const { return absl::StrCat("leave on ", Day(e.effective)); }
  std::string operator()(const ReturnFromLeaveEvent& e) const { return absl::StrCat("return on ", Day(e.effective)); }
  std::string operator()(const TerminationEvent& e) const {
    return absl::StrCat("termination, last day ", Day(e.last_day));
  }
  std::string operator()(const RehireEvent& e) const {
    return absl::StrCat("rehire into ", ToString(e.position), " fte ", e.fte, " on ", Day(e.effective));
  }
  std::string operator()(const JobDataChangeEvent& e) const {
    return absl::StrCat("job data", e.location ? absl::StrCat(" location ", ToString(*e.location)) : "",
                        e.cost_center ? absl::StrCat(" cost_center ", *e.cost_center) : "", " on ", Day(e.effective));
  }
};

// `now` with the one field of a kChangePosition fact replaced.
PositionRecord WithField(PositionRecord now, const Fact& fact) {
  switch (fact.field) {
    case PositionField::kOrgUnit:
      now.org_unit = fact.record.org_unit;
      break;
    case PositionField::kReportsTo:
      now.reports_to = fact.record.reports_to;
      break;
    case PositionField::kFteBudget:
      now.fte_budget = fact.record.fte_budget;
      break;
  }
  return now;
}

}  // namespace

int DetectedField(const Fact& fact) {
  switch (fact.kind) {
    case FactKind::kChangePosition:
      return 1 + static_cast<int>(fact.field);
    case FactKind::kMoveUnit:
      return 10;
    case FactKind::kEvent:
      return std::holds_alternative<JobDataChangeEvent>(fact.event) ? 20 : 0;
    default:
      return 0;
  }
}

bool Restates(const Workforce& w, const Fact& fact) {
  const Date d = EffectiveOf(fact);
  if (fact.kind == FactKind::kChangePosition) {
    const Position* p = w.FindPosition(PositionId(fact.id));
    const PositionRecord* now = p == nullptr ? nullptr : p->history.At(d);
    return now != nullptr && WithField(*now, fact) == *now;
  }
  if (fact.kind == FactKind::kMoveUnit) {
    const OrgUnit* u = w.FindOrgUnit(OrgUnitId(fact.id));
    const OrgUnitRecord* now = u == nullptr ? nullptr : u->history.At(d);
    return now != nullptr && now->parent == fact.parent;
  }
  if (const auto* job = std::get_if<JobDataChangeEvent>(&fact.event); fact.kind == FactKind::kEvent && job != nullptr) {
    const Employee* e = w.FindEmployee(EmployeeId(fact.id));
    const EmploymentRecord* now = e == nullptr ? nullptr : RecordOn(*e, d);
    return now != nullptr && job->location.has_value() && now->location == *job->location;
  }
  return false;
}

Date WorldStart() { return Date(2024, 1, 1); }
Date WorldEnd() { return Date(2026, 12, 31); }
Date Recorded() { return Date(2027, 1, 1); }

EntityKind EntityOf(const Fact& fact) {
  switch (fact.kind) {
    case FactKind::kCreateUnit:
    case FactKind::kMoveUnit:
    case FactKind::kCloseUnit:
      return EntityKind::kUnit;
    case FactKind::kEvent:
      return EntityKind::kEmployee;
    default:
      return EntityKind::kPosition;
  }
}

Date EffectiveOf(const Fact& fact) {
  return fact.kind == FactKind::kEvent ? EffectiveDate(fact.event) : fact.effective;
}

std::string Describe(const Fact& fact) {
  const std::string unit = ToString(OrgUnitId(fact.id));
  const std::string position = ToString(PositionId(fact.id));
  const std::string day = Day(fact.effective);
  switch (fact.kind) {
    case FactKind::kCreateUnit:
      return absl::StrCat("CreateOrgUnit(", unit, ", parent ", ToString(fact.parent), ", ", day, ")");
    case FactKind::kMoveUnit:
      return absl::StrCat("MoveOrgUnit(", unit, ", parent ", ToString(fact.parent), ", ", day, ")");
    case FactKind::kCloseUnit:
      return absl::StrCat("CloseOrgUnit(", unit, ", ", day, ")");
    case FactKind::kCreatePosition:
      return absl::StrCat("CreatePosition(", position, ", ", PositionText(fact.record), ", ", day, ")");
    case FactKind::kChangePosition:
      return absl::StrCat("ChangePosition(", position, ", ",
                          fact.field == PositionField::kOrgUnit ? ToString(fact.record.org_unit)
                          : fact.field == PositionField::kReportsTo
                              ? absl::StrCat("reports_to ", ToString(fact.record.reports_to))
                              : absl::StrCat("budget ", fact.record.fte_budget),
                          ", ", day, ")");
    case FactKind::kFreezePosition:
      return absl::StrCat("FreezePosition(", position, ", ", day, ")");
    case FactKind::kUnfreezePosition:
      return absl::StrCat("UnfreezePosition(", position, ", ", day, ")");
    case FactKind::kClosePosition:
      return absl::StrCat("ClosePosition(", position, ", ", day, ")");
    case FactKind::kEvent:
      return absl::StrCat(ToString(EmployeeId(fact.id)), " ", std::visit(EventText{}, fact.event));
  }
  return "fact";
}

absl::Status Enter(Workforce& w, const Fact& fact) {
  const Date r = Recorded();
  const Date d = fact.effective;
  switch (fact.kind) {
    case FactKind::kCreateUnit: {
      OrgUnitRecord record{.name = absl::StrCat("Unit ", fact.id), .parent = fact.parent};
      return w.CreateOrgUnit(OrgUnitId(fact.id), absl::StrCat("U", fact.id), std::move(record), d, r);
    }
    case FactKind::kMoveUnit:
      return w.MoveOrgUnit(OrgUnitId(fact.id), fact.parent, d, r);
    case FactKind::kCloseUnit:
      return w.CloseOrgUnit(OrgUnitId(fact.id), d, r);
    case FactKind::kCreatePosition:
      return w.CreatePosition(PositionId(fact.id), fact.record, d, r);
    case FactKind::kChangePosition: {
      const Position* p = w.FindPosition(PositionId(fact.id));
      if (p == nullptr || p->history.At(d) == nullptr) return w.ChangePosition(PositionId(fact.id), fact.record, d, r);
      return w.ChangePosition(PositionId(fact.id), WithField(*p->history.At(d), fact), d, r);
    }
    case FactKind::kFreezePosition:
      return w.FreezePosition(PositionId(fact.id), d, r);
    case FactKind::kUnfreezePosition:
      return w.UnfreezePosition(PositionId(fact.id), d, r);
    case FactKind::kClosePosition:
      return w.ClosePosition(PositionId(fact.id), d, r);
    case FactKind::kEvent:
      return w.ApplyEvent(EmployeeId(fact.id), fact.event, r);
  }
  return absl::InternalError("unknown fact kind");
}

Workforce MakeWorld() {
  Workforce w;
  for (std::int64_t l = 1; l <= kLocations; ++l) {
    (void)w.AddLocation(Location{LocationId(l), absl::StrCat("Site ", l), "DE", {}, {}});
  }
  const Date d = WorldStart();
  (void)w.CreateOrgUnit(OrgUnitId(1), "U1", OrgUnitRecord{.name = "Company"}, d, Recorded());
  (void)w.CreateOrgUnit(OrgUnitId(2), "U2", OrgUnitRecord{.name = "Unit 2", .parent = OrgUnitId(1)}, d, Recorded());
  (void)w.CreatePosition(PositionId(1), PositionRecord{.org_unit = OrgUnitId(1)}, d, Recorded());
  (void)w.CreatePosition(PositionId(2), PositionRecord{.org_unit = OrgUnitId(2), .reports_to = PositionId(1)}, d,
                         Recorded());
  (void)w.CreatePosition(PositionId(3),
                         PositionRecord{.org_unit = OrgUnitId(2), .fte_budget = 2.0, .reports_to = PositionId(2)}, d,
                         Recorded());
  for (std::int64_t e = 1; e <= kEmployees; ++e) {
    Employee person;
    person.id = EmployeeId(e);
    person.employee_number = absl::StrCat("E", e);
    (void)w.AddEmployee(std::move(person));
  }
  return w;
}

// ---------------------------------------------------------------------------
// Generator

int FactGenerator::Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
bool FactGenerator::Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

std::int64_t FactGenerator::AnyId(std::int64_t count) {
  return Chance(0.03) ? count + 1 : Uniform(1, static_cast<int>(count));
}

// A month start, often the day before one (a last day of work), sometimes any
// day: dates collide on purpose.
Date FactGenerator::RandomDay() {
  const int m = Uniform(0, 35);
  Date d(2024 + m / 12, m % 12 + 1, 1);
  if (Chance(0.1)) return d + days(Uniform(1, 27));
  if (m > 0 && Chance(0.2)) return d - days(1);
  return d;
}

// The focus day, the day before or after it, or a month either side.
Date FactGenerator::DayNearFocus() {
  if (focus_day_.is_special()) return RandomDay();
  Date d = focus_day_;
  switch (Uniform(0, 5)) {
    case 0:
      d -= days(1);
      break;
    case 1:
      d += days(1);
      break;
    case 2:
      d -= months(1);
      break;
    case 3:
      d += months(1);
      break;
    case 4:
      d -= months(6);
      break;
    default:
      break;
  }
  return std::clamp(d, WorldStart(), WorldEnd());
}

// An id of an entity that exists (mostly), else any id.
template <class Entity>
std::int64_t FactGenerator::Existing(const std::vector<const Entity*>& all, std::int64_t count) {
  if (all.empty() || Chance(0.1)) return AnyId(count);
  return all[static_cast<std::size_t>(Uniform(0, static_cast<int>(all.size()) - 1))]->id.value();
}

// An id no entity has yet (mostly), else any id.
template <class Entity>
std::int64_t FactGenerator::Unused(const std::vector<const Entity*>& all, std::int64_t count) {
  std::vector<std::int64_t> free;
  std::size_t next = 0;
  for (std::int64_t id = 1; id <= count; ++id) {
    if (next < all.size() && all[next]->id.value() == id) {
      ++next;
    } else {
      free.push_back(id);
    }
  }
  if (free.empty() || Chance(0.1)) return AnyId(count);
  return free[static_cast<std::size_t>(Uniform(0, static_cast<int>(free.size()) - 1))];
}

// A day, mostly on or after `first` (an entity's first day).
Date FactGenerator::DayFrom(Date first) {
  const Date d = RandomDay();
  if (first.is_special() || d >= first || Chance(0.2)) return d;
  return Chance(0.5) ? first : std::min(first + months(Uniform(0, 6)), WorldEnd());
}

// Creation days lean to the first year, so later facts find something.
Date FactGenerator::CreationDay() { return Chance(0.6) ? WorldStart() + months(Uniform(0, 11)) : RandomDay(); }

PositionRecord FactGenerator::RandomRecord(const Workforce& w) {
  PositionRecord r;
  r.org_unit = OrgUnitId(Existing(w.OrgUnits(), kUnits));
  static constexpr double kBudgets[] = {0.5, 1.0, 1.0, 1.5, 2.0};
  r.fte_budget = kBudgets[Uniform(0, 4)];
  if (Chance(0.7)) r.reports_to = PositionId(Existing(w.Positions(), kPositions));
  return r;
}

Fact FactGenerator::Next(const Workforce& w) {
  const bool near = Chance(0.5);
  Fact f;
  const int pick = Uniform(0, 99);
  const bool stay = near && focus_id_ != 0 && Chance(0.6);
  if (!stay) focus_id_ = 0;
  const EntityKind kind = stay        ? focus_kind_
                          : pick < 10 ? EntityKind::kUnit
                          : pick < 35 ? EntityKind::kPosition
                                      : EntityKind::kEmployee;
  f = kind == EntityKind::kUnit       ? NextUnitFact(w)
      : kind == EntityKind::kPosition ? NextPositionFact(w)
                                      : NextEventFact(w, near);
  if (f.kind != FactKind::kEvent && near && f.kind != FactKind::kCreateUnit && f.kind != FactKind::kCreatePosition) {
    f.effective = DayNearFocus();
  }
  for (int tries = 0; tries < 3 && Restates(w, f); ++tries) {
    f.parent = OrgUnitId(Existing(w.OrgUnits(), kUnits));
    f.record = RandomRecord(w);
    if (f.kind == FactKind::kEvent)
      f.event = JobDataChangeEvent{.effective = EffectiveOf(f), .location = LocationId(AnyId(kLocations))};
  }
  focus_kind_ = EntityOf(f);
  focus_id_ = f.id;
  focus_day_ = EffectiveOf(f);
  return f;
}

Fact FactGenerator::NextUnitFact(const Workforce& w) {
  Fact f;
  const bool create = Chance(0.3);
  f.id = focus_kind_ == EntityKind::kUnit && focus_id_ != 0 ? focus_id_
         : create                                           ? Unused(w.OrgUnits(), kUnits)
                                                            : Existing(w.OrgUnits(), kUnits);
  const OrgUnit* u = w.FindOrgUnit(OrgUnitId(f.id));
  if (u == nullptr || (create && Chance(0.3))) {
    f.kind = FactKind::kCreateUnit;
    f.effective = CreationDay();
  } else {
    f.kind = Chance(0.5) ? FactKind::kMoveUnit : FactKind::kCloseUnit;
    f.effective = DayFrom(u->history.Entries().front().effective);
  }
  f.parent = Chance(0.1) ? OrgUnitId() : OrgUnitId(Existing(w.OrgUnits(), kUnits));
  return f;
}

Fact FactGenerator::NextPositionFact(const Workforce& w) {
  Fact f;
  const bool create = Chance(0.3);
  f.id = focus_kind_ == EntityKind::kPosition && focus_id_ != 0 ? focus_id_
         : create                                               ? Unused(w.Positions(), kPositions)
                                                                : Existing(w.Positions(), kPositions);
  const Position* p = w.FindPosition(PositionId(f.id));
  if (p == nullptr || (create && Chance(0.2))) {
    f.kind = FactKind::kCreatePosition;
    f.effective = CreationDay();
    f.record = RandomRecord(w);
    return f;
  }
  static constexpr FactKind kKinds[] = {FactKind::kChangePosition, FactKind::kChangePosition, FactKind::kFreezePosition,
                                        FactKind::kUnfreezePosition, FactKind::kClosePosition};
  f.kind = kKinds[Uniform(0, 4)];
  f.effective = DayFrom(p->history.Entries().front().effective);
  if (f.kind == FactKind::kChangePosition) {
    f.field = static_cast<PositionField>(Uniform(0, 2));
    f.record = RandomRecord(w);
  }
  return f;
}

Fact FactGenerator::NextEventFact(const Workforce& w, bool near) {
  Fact f;
  f.kind = FactKind::kEvent;
  f.id = focus_kind_ == EntityKind::kEmployee && focus_id_ != 0 ? focus_id_ : Uniform(1, kEmployees);
  const Employee* e = w.FindEmployee(EmployeeId(f.id));
  const bool hired = e != nullptr && !e->employment.empty();
  Date day = near ? DayNearFocus() : RandomDay();
  if (hired && Chance(0.8)) day = std::max(day, DayFrom(e->employment.Entries().front().effective));
  f.event = EventFor(w, EmployeeId(f.id), day);
  return f;
}

LifecycleEvent FactGenerator::EventFor(const Workforce& w, EmployeeId who, Date day) {
  const Employee* e = w.FindEmployee(who);
  const bool hired = e != nullptr && !e->employment.empty();
  const PositionId seat(Existing(w.Positions(), kPositions));
  static constexpr double kFtes[] = {0.25, 0.5, 0.5, 0.8, 1.0, 1.0};
  const double fte = kFtes[Uniform(0, 5)];
  if (!hired && Chance(0.9)) {
    // A hire on or after the seat's first day, mostly.
    const Position* p = w.FindPosition(seat);
    const Date start = p == nullptr ? day : DayFrom(p->history.Entries().front().effective);
    return HireEvent{.effective = start, .position = seat, .location = LocationId(1), .fte = fte};
  }
  if (const EmploymentRecord* now = hired ? RecordOn(*e, day) : nullptr; now != nullptr && Chance(0.4)) {
    // What the status then invites: a return from leave, a rehire.
    if (now->status == EmploymentStatus::kOnLeave) return ReturnFromLeaveEvent{.effective = day};
    if (now->status == EmploymentStatus::kTerminated) {
      return RehireEvent{.effective = day, .position = seat, .location = LocationId(1), .fte = fte};
    }
  }
  switch (Uniform(0, 19)) {
    case 0:
    case 1:
    case 2:
      return TransferEvent{.effective = day, .position = seat};
    case 3:
    case 4:
      return PromotionEvent{.effective = day, .position = seat};
    case 5:
      return FteChangeEvent{.effective = day, .fte = fte};
    case 6:
    case 7:
    case 8: {
      const EmployeeId manager = Chance(0.2) ? EmployeeId() : EmployeeId(Uniform(1, kEmployees));
      return ManagerChangeEvent{.effective = day, .acting_manager = manager};
    }
    case 9:
    case 10:
      return LeaveOfAbsenceEvent{.effective = day};
    case 11:
    case 12:
      return ReturnFromLeaveEvent{.effective = day};
    case 13:
    case 14:
    case 15:
      return TerminationEvent{.last_day = day - days(1),
                              .kind = Chance(0.5) ? TerminationKind::kVoluntary : TerminationKind::kInvoluntary};
    case 16:
    case 17:
      return RehireEvent{.effective = day, .position = seat, .location = LocationId(1), .fte = fte};
    case 18:
      return JobDataChangeEvent{.effective = day, .location = LocationId(AnyId(kLocations))};
    default:
      return HireEvent{.effective = day, .position = seat, .fte = fte};
  }
}

}  // namespace hrkit::order_test
