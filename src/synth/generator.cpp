#include "hrkit/synth/generator.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "synth_random.hpp"

namespace hrkit::synth {
namespace {

using boost::gregorian::days;

// The portable PRNG shared by the generators (synth_random.hpp): the same
// seed gives the same organization on every platform.
using internal::Rng;

// Picks an index by cumulative weights (the last weight is the total).
template <std::size_t N>
std::size_t PickWeighted(Rng& rng, const std::array<double, N>& cumulative) {
  const double u = rng.Unit() * cumulative[N - 1];
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (u < cumulative[i]) return i;
  }
  return N - 1;
}

// Waiting times in days for an event with a constant daily probability:
// P(wait > k) = (1 - p)^k, tabulated by repeated (exactly rounded)
// multiplication so the draw is portable.
class GeometricDays {
 public:
  GeometricDays(double daily_probability, int max_days) {
    survival_.reserve(static_cast<std::size_t>(max_days) + 1);
    double s = 1.0;
    for (int k = 0; k <= max_days; ++k) {
      survival_.push_back(s);
      s *= 1.0 - daily_probability;
    }
  }
  // Days until the event (>= 1), or -1 if it is later than max_days.
  int Draw(Rng& rng) const {
    const double u = rng.Unit();
    // The smallest k with survival_[k] <= u; survival_ is decreasing.
    const auto it =
        std::lower_bound(survival_.begin(), survival_.end(), u, [](double s, double value) { return s > value; });
    if (it == survival_.end()) return -1;
    return std::max(1, static_cast<int>(it - survival_.begin()));
  }

 private:
  std::vector<double> survival_;
};

constexpr int kMaxLevel = 10;               // deepest unit level (the root is level 1)
constexpr int kMinLeafLevel = 6;            // leaves are not shallower than this...
constexpr double kDeepInternalShare = 0.4;  // ...below it, this share has children
constexpr int kMinSpan = 3;
constexpr int kMaxSpan = 15;
constexpr int kFoundedYearsBefore = 15;  // the org exists this long before the history

// Yearly rates of the changes an employed person goes through.
constexpr double kTerminationRate = 0.10;
constexpr double kTransferRate = 0.08;
constexpr double kFteChangeRate = 0.05;
constexpr double kLeaveRate = 0.04;
constexpr double kChangeRate = kTerminationRate + kTransferRate + kFteChangeRate + kLeaveRate;
constexpr double kRehireShare = 0.08;

struct LocationSeed {
  const char* name;
  const char* country;
};
constexpr std::array<LocationSeed, 8> kLocations = {{{"Berlin", "DE"},
                                                     {"Paris", "FR"},
                                                     {"New York", "US"},
                                                     {"London", "GB"},
                                                     {"Bangalore", "IN"},
                                                     {"Tokyo", "JP"},
                                                     {"Sao Paulo", "BR"},
                                                     {"Warsaw", "PL"}}};

// Names short enough for the small-string buffer (<= 15 characters).
constexpr std::array<const char*, 16> kGivenNames = {"Anna", "Ben", "Chen",  "Dara", "Eli",  "Farah", "Gita", "Hugo",
                                                     "Ines", "Jon", "Kemal", "Lea",  "Mina", "Nils",  "Omar", "Pia"};
constexpr std::array<const char*, 16> kFamilyNames = {"Abe",    "Berg",  "Costa",  "Diaz",   "Engel", "Fischer",
                                                      "Garcia", "Haas",  "Ito",    "Jansen", "Kim",   "Lopez",
                                                      "Meyer",  "Novak", "Okafor", "Patel"};
constexpr std::array<const char*, 7> kStaffTitles = {"Specialist",  "Analyst",        "Engineer",       "Consultant",
                                                     "Coordinator", "Senior Analyst", "Senior Engineer"};
constexpr std::array<const char*, 10> kLevelNames = {"Company", "Division", "Area", "Dept", "Group",
                                                     "Team",    "Team",     "Team", "Team", "Team"};

constexpr std::array<double, 4> kFteValues = {1.0, 0.8, 0.6, 0.5};
constexpr std::array<double, 4> kFteCumulative = {0.78, 0.88, 0.92, 1.0};
constexpr std::array<EmploymentType, 6> kTypes = {EmploymentType::kPermanent,  EmploymentType::kFixedTerm,
                                                  EmploymentType::kTemporary,  EmploymentType::kIntern,
                                                  EmploymentType::kApprentice, EmploymentType::kContractor};
constexpr std::array<double, 6> kTypeCumulative = {0.85, 0.93, 0.96, 0.98, 0.99, 1.0};

std::string Numbered(const char* prefix, std::int64_t n, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%s%0*lld", prefix, width, static_cast<long long>(n));
  return buffer;
}

absl::Status Validate(const SynthOptions& o) {
  if (o.employee_count < 1 || o.employee_count > 50'000'000) {
    return absl::InvalidArgumentError(
        absl::StrCat("synth options: employee_count must be in 1..50000000, got ", o.employee_count));
  }
  if (o.years_of_history < 0 || o.years_of_history > 50) {
    return absl::InvalidArgumentError(
        absl::StrCat("synth options: years_of_history must be in 0..50, got ", o.years_of_history));
  }
  if (!(o.vacancy_rate >= 0 && o.vacancy_rate < 1) || !(o.frozen_rate >= 0 && o.frozen_rate < 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "synth options: vacancy_rate and frozen_rate must be in [0, 1), got ", o.vacancy_rate, " and ", o.frozen_rate));
  }
  if (!(o.positions_per_unit >= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("synth options: positions_per_unit must be >= 1, got ", o.positions_per_unit));
  }
  if (!IsRealDate(o.end_date) || o.end_date.year() < 1400 + 70) {
    return absl::InvalidArgumentError(
        absl::StrCat("synth options: end_date must be a real date from 1470 on, got ", FormatIsoDate(o.end_date)));
  }
  return absl::OkStatus();
}

// Expected number of units for an average span `b` (see BuildUnitTree).
double ExpectedUnits(double b) {
  double total = 0;
  double level_count = 1;
  for (int level = 1; level <= kMaxLevel; ++level) {
    total += level_count;
    level_count *= level < kMinLeafLevel ? b : b * kDeepInternalShare;
  }
  return total;
}

struct UnitShape {
  std::vector<std::int32_t> parent;  // index of the parent unit, -1 for the root
  std::vector<std::int32_t> level;   // 1 for the root
};

// A tree of about `target` units in breadth-first order: every unit above
// kMinLeafLevel has children, deeper ones with probability
// kDeepInternalShare, none on kMaxLevel; an internal unit has 3..15 children
// around an average span chosen so the expected size is a bit above target
// (the breadth-first growth then stops at target).
UnitShape BuildUnitTree(Rng& rng, std::int64_t target) {
  double lo = kMinSpan, hi = kMaxSpan;
  for (int i = 0; i < 60; ++i) {
    const double mid = (lo + hi) / 2;
    (ExpectedUnits(mid) < 1.1 * static_cast<double>(target) ? lo : hi) = mid;
  }
  const double span = lo;
  const auto max_draw =
      std::clamp<std::int64_t>(static_cast<std::int64_t>(2 * span - kMinSpan + 0.5), kMinSpan, kMaxSpan);

  UnitShape shape;
  shape.parent.reserve(static_cast<std::size_t>(target));
  shape.level.reserve(static_cast<std::size_t>(target));
  shape.parent.push_back(-1);
  shape.level.push_back(1);
  for (std::size_t i = 0; i < shape.parent.size(); ++i) {
    const int level = shape.level[i];
    const std::int64_t remaining = target - static_cast<std::int64_t>(shape.parent.size());
    if (level >= kMaxLevel || remaining < kMinSpan) continue;
    if (level >= kMinLeafLevel && !rng.Chance(kDeepInternalShare)) continue;
    const std::int64_t children = std::min(rng.Between(kMinSpan, max_draw), remaining);
    for (std::int64_t c = 0; c < children; ++c) {
      shape.parent.push_back(static_cast<std::int32_t>(i));
      shape.level.push_back(level + 1);
    }
  }
  return shape;
}

// One scheduled happening of the simulation.
struct Event {
  enum Kind : std::int32_t { kChange, kReturn, kFill };
  Kind kind;
  std::int32_t subject;  // employee index (kChange, kReturn) or position index (kFill)
};

class Simulation {
 public:
  Simulation(const SynthOptions& options, Rng& rng, Organization& org)
      : options_(options),
        rng_(rng),
        org_(org),
        start_(AddYearsClamped(options.end_date, -options.years_of_history)),
        founded_(AddYearsClamped(start_, -kFoundedYearsBefore)),
        window_(static_cast<int>((options.end_date - start_).days())),
        change_wait_(kChangeRate / 365.0, window_ + 1),
        buckets_(static_cast<std::size_t>(window_) + 1) {}

  void Run();

  // The first error of a timeline edit, OK if none: the generator's own
  // dates are in order by construction, so an error here is a bug in it.
  const absl::Status& status() const { return status_; }

 private:
  void BuildUnits();
  void BuildPositions();
  void HireInitialWorkforce();
  Date DayDate(int day) const { return start_ + days(day); }
  void Schedule(int day, Event event) { buckets_[static_cast<std::size_t>(day)].push_back(event); }
  void ScheduleChange(int day, std::int32_t employee);
  void ScheduleFill(int day, std::int32_t position);
  void Vacate(int day, std::int32_t position);
  void TakeFromPool(std::int32_t position);
  const EmploymentRecord& Current(std::int32_t employee) {
    return Employees()[static_cast<std::size_t>(employee)].employment.Entries().back().value;
  }
  std::vector<Employee>& Employees() { return org_.employees; }
  void AddRecord(std::int32_t employee, int day, EmploymentRecord record);
  std::int32_t NewEmployee(Date hire, std::int32_t position);
  EmploymentRecord HireRecord(std::int32_t position, Date hire);
  void Change(int day, std::int32_t employee);
  void Return(int day, std::int32_t employee);
  void Fill(int day, std::int32_t position);

  const SynthOptions& options_;
  Rng& rng_;
  Organization& org_;
  const Date start_;    // day 0 of the history
  const Date founded_;  // units and positions exist from here
  const int window_;    // days from start_ to end_date
  GeometricDays change_wait_;
  std::vector<std::vector<Event>> buckets_;  // events by day of the history

  std::vector<std::int32_t> unit_location_;  // location index per unit
  std::vector<std::int32_t> unit_level_;     // 1 for the root
  std::vector<std::int32_t> position_unit_;  // unit index per position
  std::vector<bool> position_is_head_;
  std::vector<std::int32_t> holder_;      // employee index or -1
  std::vector<std::int32_t> pool_;        // vacated positions awaiting a fill
  std::vector<std::int32_t> pool_index_;  // position -> index in pool_, or -1
  std::vector<std::int32_t> leavers_;     // employees who may be rehired
  absl::Status status_;

  // Keeps the first error of `status` (see status()).
  void Keep(absl::Status status) {
    if (status_.ok() && !status.ok()) status_ = std::move(status);
  }
};

void Simulation::BuildUnits() {
  const auto target_units = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(static_cast<double>(options_.employee_count) / options_.positions_per_unit + 0.5));
  const UnitShape shape = BuildUnitTree(rng_, target_units);
  const std::size_t count = shape.parent.size();
  org_.units.reserve(count);
  unit_location_.resize(count);
  unit_level_ = shape.level;
  for (std::size_t i = 0; i < count; ++i) {
    const auto id = static_cast<std::int64_t>(i) + 1;
    const int level = shape.level[i];
    const std::int32_t parent = shape.parent[i];
    // Each division (level 2) sits in one location; its subtree inherits it.
    unit_location_[i] = level == 1   ? 0
                        : level == 2 ? static_cast<std::int32_t>(rng_.Below(kLocations.size()))
                                     : unit_location_[static_cast<std::size_t>(parent)];
    OrgUnitRecord record;
    record.name =
        level == 1 ? std::string("Company") : absl::StrCat(kLevelNames[static_cast<std::size_t>(level - 1)], " ", id);
    record.parent = parent < 0 ? OrgUnitId() : OrgUnitId(parent + 1);
    record.cost_center = Numbered("CC", id, 6);
    OrgUnit unit;
    unit.id = OrgUnitId(id);
    unit.code = Numbered("U", id, 6);
    Keep(unit.history.Add(founded_, std::move(record), founded_));
    org_.units.push_back(std::move(unit));
  }
}

void Simulation::BuildPositions() {
  const std::size_t units = org_.units.size();
  const std::int64_t filled = options_.employee_count;
  const auto vacant = static_cast<std::int64_t>(static_cast<double>(filled) * options_.vacancy_rate + 0.5);
  const auto frozen = static_cast<std::int64_t>(static_cast<double>(filled) * options_.frozen_rate + 0.5);
  const std::int64_t total = std::max<std::int64_t>(filled + vacant + frozen, static_cast<std::int64_t>(units));
  // One head per unit; the other positions go to random units.
  std::vector<std::int32_t> staff_count(units, 0);
  for (std::int64_t i = static_cast<std::int64_t>(units); i < total; ++i) {
    ++staff_count[static_cast<std::size_t>(rng_.Below(static_cast<std::int64_t>(units)))];
  }
  org_.positions.reserve(static_cast<std::size_t>(total));
  position_unit_.reserve(static_cast<std::size_t>(total));
  position_is_head_.reserve(static_cast<std::size_t>(total));
  std::vector<std::int64_t> head_of(units, 0);
  // Staff positions left to mark unfilled, chosen by selection sampling so the
  // counts are exact.
  std::int64_t staff_left = total - static_cast<std::int64_t>(units);
  std::int64_t vacant_left = vacant, frozen_left = frozen;
  const int history_days = static_cast<int>((options_.end_date - founded_).days());
  for (std::size_t u = 0; u < units; ++u) {
    const OrgUnitRecord& unit = org_.units[u].history.Entries().front().value;
    for (std::int32_t k = 0; k <= staff_count[u]; ++k) {
      const bool head = k == 0;
      const auto id = static_cast<std::int64_t>(org_.positions.size()) + 1;
      PositionRecord record;
      record.org_unit = org_.units[u].id;
      Date effective = founded_;
      if (head) {
        head_of[u] = id;
        record.job_code = "MGR";
        record.title = "Head of Unit";
        record.grade = Numbered("G", 20 - unit_level_[u], 2);  // G19 for the top
        record.reports_to =
            unit.parent.valid() ? PositionId(head_of[static_cast<std::size_t>(unit.parent.value() - 1)]) : PositionId();
      } else {
        const auto title = static_cast<std::size_t>(rng_.Below(kStaffTitles.size()));
        record.job_code = Numbered("J", static_cast<std::int64_t>(title) + 1, 3);
        record.title = kStaffTitles[title];
        record.grade = Numbered("G", 3 + static_cast<std::int64_t>(title) % 6, 2);
        record.reports_to = PositionId(head_of[u]);
        // Selection sampling: pick exactly `vacant` and `frozen` staff seats.
        const std::int64_t draw = rng_.Below(staff_left);
        if (draw < vacant_left) {
          --vacant_left;
          // A recently opened seat: it exists only from a date in the last
          // half year.
          effective = options_.end_date - days(rng_.Between(0, std::min(180, history_days)));
        } else if (draw < vacant_left + frozen_left) {
          --frozen_left;
          record.status = PositionStatus::kFrozen;
        }
        --staff_left;
      }
      const bool unfilled = effective != founded_ || record.status == PositionStatus::kFrozen;
      Position position;
      position.id = PositionId(id);
      Keep(position.history.Add(effective, std::move(record), effective));
      org_.positions.push_back(std::move(position));
      position_unit_.push_back(static_cast<std::int32_t>(u));
      position_is_head_.push_back(head);
      holder_.push_back(unfilled ? -2 : -1);  // -2: never filled
    }
  }
  pool_index_.assign(org_.positions.size(), -1);
}

EmploymentRecord Simulation::HireRecord(std::int32_t position, Date hire) {
  EmploymentRecord r;
  r.status = EmploymentStatus::kActive;
  r.type = kTypes[PickWeighted(rng_, kTypeCumulative)];
  r.fte = kFteValues[PickWeighted(rng_, kFteCumulative)];
  r.position = org_.positions[static_cast<std::size_t>(position)].id;
  const std::size_t unit = static_cast<std::size_t>(position_unit_[static_cast<std::size_t>(position)]);
  r.location = LocationId(unit_location_[unit] + 1);
  r.cost_center = org_.units[unit].history.Entries().front().value.cost_center;
  r.event = EmploymentEvent::kHire;
  r.employment_start = hire;
  r.seniority_start = hire;
  return r;
}

std::int32_t Simulation::NewEmployee(Date hire, std::int32_t position) {
  const auto index = static_cast<std::int32_t>(Employees().size());
  const std::int64_t id = index + 1;
  Employee e;
  e.id = EmployeeId(id);
  e.employee_number = Numbered("E", id, 7);
  e.legal_name = absl::StrCat(kGivenNames[static_cast<std::size_t>(rng_.Below(kGivenNames.size()))], " ",
                              kFamilyNames[static_cast<std::size_t>(rng_.Below(kFamilyNames.size()))]);
  e.birth_date = hire - days(rng_.Between(20 * 365, 58 * 365));
  Keep(e.employment.Add(hire, HireRecord(position, hire), hire));
  Employees().push_back(std::move(e));
  holder_[static_cast<std::size_t>(position)] = index;
  return index;
}

void Simulation::AddRecord(std::int32_t employee, int day, EmploymentRecord record) {
  const Date d = DayDate(day);
  Keep(Employees()[static_cast<std::size_t>(employee)].employment.Add(d, std::move(record), d));
}

void Simulation::ScheduleChange(int day, std::int32_t employee) {
  const int wait = change_wait_.Draw(rng_);
  // Changes happen before end_date; only refills may land on it.
  if (wait < 0 || day + wait >= window_) return;
  Schedule(day + wait, Event{Event::kChange, employee});
}

void Simulation::ScheduleFill(int day, std::int32_t position) {
  Schedule(std::min<int>(window_, day + static_cast<int>(rng_.Between(30, 120))), Event{Event::kFill, position});
}

void Simulation::TakeFromPool(std::int32_t position) {
  const std::int32_t at = pool_index_[static_cast<std::size_t>(position)];
  if (at < 0) return;
  const std::int32_t last = pool_.back();
  pool_[static_cast<std::size_t>(at)] = last;
  pool_index_[static_cast<std::size_t>(last)] = at;
  pool_.pop_back();
  pool_index_[static_cast<std::size_t>(position)] = -1;
}

void Simulation::Vacate(int day, std::int32_t position) {
  holder_[static_cast<std::size_t>(position)] = -1;
  pool_index_[static_cast<std::size_t>(position)] = static_cast<std::int32_t>(pool_.size());
  pool_.push_back(position);
  ScheduleFill(day, position);
}

void Simulation::HireInitialWorkforce() {
  const int before = static_cast<int>((start_ - founded_).days());
  for (std::size_t p = 0; p < org_.positions.size(); ++p) {
    if (holder_[p] != -1) continue;
    const Date hire = founded_ + days(rng_.Between(0, before));
    const std::int32_t e = NewEmployee(hire, static_cast<std::int32_t>(p));
    ScheduleChange(0, e);
  }
}

void Simulation::Change(int day, std::int32_t employee) {
  EmploymentRecord r = Current(employee);
  const auto position = static_cast<std::int32_t>(r.position.value() - 1);
  r.reason_code.clear();
  double u = rng_.Unit() * kChangeRate;
  if (u >= kTerminationRate && u < kTerminationRate + kTransferRate && pool_.empty()) {
    u = kTerminationRate + kTransferRate;  // nowhere to move: an FTE change instead
  }
  if (u < kTerminationRate) {
    const bool voluntary = rng_.Chance(0.7);
    r.status = EmploymentStatus::kTerminated;
    r.fte = 0;
    r.position = PositionId();
    r.acting_manager = EmployeeId();
    r.event = EmploymentEvent::kTermination;
    r.termination = voluntary ? TerminationKind::kVoluntary : TerminationKind::kInvoluntary;
    r.reason_code = r.type == EmploymentType::kFixedTerm ? "END_OF_CONTRACT"
                    : voluntary                          ? (rng_.Chance(0.15) ? "RETIREMENT" : "RESIGNATION")
                                                         : (rng_.Chance(0.5) ? "REDUNDANCY" : "DISMISSAL");
    AddRecord(employee, day, std::move(r));
    leavers_.push_back(employee);
    Vacate(day, position);
    return;
  }
  if (u < kTerminationRate + kTransferRate) {
    const std::int32_t target = pool_[static_cast<std::size_t>(rng_.Below(static_cast<std::int64_t>(pool_.size())))];
    TakeFromPool(target);
    holder_[static_cast<std::size_t>(target)] = employee;
    const auto unit = static_cast<std::size_t>(position_unit_[static_cast<std::size_t>(target)]);
    r.position = org_.positions[static_cast<std::size_t>(target)].id;
    r.location = LocationId(unit_location_[unit] + 1);
    r.cost_center = org_.units[unit].history.Entries().front().value.cost_center;
    const bool promotion =
        position_is_head_[static_cast<std::size_t>(target)] && !position_is_head_[static_cast<std::size_t>(position)];
    r.event = promotion ? EmploymentEvent::kPromotion : EmploymentEvent::kTransfer;
    AddRecord(employee, day, std::move(r));
    Vacate(day, position);
    ScheduleChange(day, employee);
    return;
  }
  if (u < kTerminationRate + kTransferRate + kFteChangeRate) {
    double fte = r.fte;
    while (fte == r.fte) fte = kFteValues[PickWeighted(rng_, kFteCumulative)];
    r.fte = fte;
    r.event = EmploymentEvent::kFteChange;
    AddRecord(employee, day, std::move(r));
    ScheduleChange(day, employee);
    return;
  }
  r.status = EmploymentStatus::kOnLeave;
  r.event = EmploymentEvent::kLeaveOfAbsence;
  r.reason_code = rng_.Chance(0.5) ? "PARENTAL" : (rng_.Chance(0.5) ? "SABBATICAL" : "UNPAID");
  AddRecord(employee, day, std::move(r));
  const int back = day + static_cast<int>(rng_.Between(30, 365));
  if (back < window_) Schedule(back, Event{Event::kReturn, employee});
}

void Simulation::Return(int day, std::int32_t employee) {
  EmploymentRecord r = Current(employee);
  r.status = EmploymentStatus::kActive;
  r.event = EmploymentEvent::kReturnFromLeave;
  r.reason_code.clear();
  AddRecord(employee, day, std::move(r));
  ScheduleChange(day, employee);
}

void Simulation::Fill(int day, std::int32_t position) {
  if (holder_[static_cast<std::size_t>(position)] != -1) return;  // filled by a transfer meanwhile
  TakeFromPool(position);
  const Date d = DayDate(day);
  if (!leavers_.empty() && rng_.Chance(kRehireShare)) {
    const auto pick = static_cast<std::size_t>(rng_.Below(static_cast<std::int64_t>(leavers_.size())));
    const std::int32_t employee = leavers_[pick];
    const EmploymentRecord& last = Current(employee);
    const Date left = Employees()[static_cast<std::size_t>(employee)].employment.Entries().back().effective;
    if ((d - left).days() >= 60) {
      leavers_[pick] = leavers_.back();
      leavers_.pop_back();
      EmploymentRecord r = HireRecord(position, d);
      r.event = EmploymentEvent::kRehire;
      // Service carries over when the break was shorter than a year.
      if ((d - left).days() < 365) r.seniority_start = last.seniority_start;
      AddRecord(employee, day, std::move(r));
      holder_[static_cast<std::size_t>(position)] = employee;
      ScheduleChange(day, employee);
      return;
    }
  }
  const std::int32_t employee = NewEmployee(d, position);
  ScheduleChange(day, employee);
}

void Simulation::Run() {
  for (std::size_t i = 0; i < kLocations.size(); ++i) {
    Location l;
    l.id = LocationId(static_cast<std::int64_t>(i) + 1);
    l.name = kLocations[i].name;
    l.country = kLocations[i].country;
    org_.locations.push_back(std::move(l));
  }
  BuildUnits();
  BuildPositions();
  // The workforce on end_date plus the expected hires of the history.
  const double churn = (kTerminationRate + 0.02) * options_.years_of_history;
  org_.employees.reserve(static_cast<std::size_t>(static_cast<double>(options_.employee_count) * (1.0 + churn)) + 64);
  HireInitialWorkforce();
  for (int day = 0; day <= window_; ++day) {
    // Events scheduled for this day may schedule more for the same day only
    // through fills on end_date, which schedule nothing new; index, since the
    // bucket may grow while it is processed.
    auto& bucket = buckets_[static_cast<std::size_t>(day)];
    for (std::size_t i = 0; i < bucket.size(); ++i) {
      const Event event = bucket[i];
      switch (event.kind) {
        case Event::kChange:
          Change(day, event.subject);
          break;
        case Event::kReturn:
          Return(day, event.subject);
          break;
        case Event::kFill:
          Fill(day, event.subject);
          break;
      }
    }
    std::vector<Event>().swap(bucket);
  }
  // Timelines grown by Add have spare capacity; a copy holds exactly its entries.
  for (Employee& e : org_.employees) {
    if (e.employment.size() > 2) e.employment = Timeline<EmploymentRecord>(e.employment);
  }
}

}  // namespace

absl::StatusOr<Organization> GenerateOrganization(const SynthOptions& options) {
  HRKIT_RETURN_IF_ERROR(Validate(options));
  return GuardExceptions("generate organization", [&]() -> absl::StatusOr<Organization> {
    Organization org;
    Rng rng(options.seed);
    Simulation simulation(options, rng, org);
    simulation.Run();
    if (!simulation.status().ok()) {
      return absl::InternalError(
          absl::StrCat("generate organization: seed ", options.seed, ": ", simulation.status().message()));
    }
    return org;
  });
}

}  // namespace hrkit::synth
