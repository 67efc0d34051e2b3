// Headcount, hires, separations and turnover by month, vacancies and the org
// chart's top levels, from the stored employees, units and positions.
//
// Turnover (DOMAIN.md): monthly = separations in the month / average
// headcount x 100, the average being (headcount on the month's first day +
// headcount on its last day) / 2; annual = the sum of the 12 monthly rates.
// A separation counts in the month of the last day worked.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "figures.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/personnel/lifecycle.hpp"

namespace workforce_report {
namespace {

using hrkit::Date;

std::int64_t HeadcountOn(std::span<const hrkit::Employee> employees, Date date) {
  return std::count_if(employees.begin(), employees.end(),
                       [&](const hrkit::Employee& e) { return hrkit::IsEmployedOn(e, date); });
}

// Adds the hires and separations of `e` to the months they fall in.
void CountEvents(const hrkit::Employee& e, std::vector<MonthFigures>* months) {
  for (const auto& entry : e.employment.Entries()) {
    const hrkit::EmploymentRecord& r = entry.value;
    if (r.carried_forward) continue;  // a restatement, not a new event
    const bool hire = r.event == hrkit::EmploymentEvent::kHire || r.event == hrkit::EmploymentEvent::kRehire;
    const bool separation = r.event == hrkit::EmploymentEvent::kTermination;
    if (!hire && !separation) continue;
    const Date day = hire ? entry.effective : entry.effective - boost::gregorian::days(1);  // the last day
    for (MonthFigures& m : *months) {
      if (day < m.first || day > m.last) continue;
      if (hire) {
        ++m.hires;
      } else {
        ++m.separations;
        ++(r.termination == hrkit::TerminationKind::kVoluntary ? m.voluntary : m.involuntary);
      }
    }
  }
}

// The monthly series of the 12 months that end with the as-of month.
void AddMonths(std::span<const hrkit::Employee> employees, Figures* f) {
  for (int i = -11; i <= 0; ++i) {
    MonthFigures m;
    m.first = hrkit::FirstDayOfMonth(hrkit::AddMonthsClamped(f->as_of, i));
    m.last = std::min(hrkit::LastDayOfMonth(m.first), f->as_of);
    m.headcount_start = HeadcountOn(employees, m.first);
    m.headcount_end = HeadcountOn(employees, m.last);
    f->months.push_back(m);
  }
  for (const hrkit::Employee& e : employees) CountEvents(e, &f->months);
  for (MonthFigures& m : f->months) {
    const double average = (static_cast<double>(m.headcount_start) + static_cast<double>(m.headcount_end)) / 2.0;
    m.turnover_percent = average > 0 ? static_cast<double>(m.separations) * 100.0 / average : 0.0;
    f->hires += m.hires;
    f->separations += m.separations;
    f->voluntary += m.voluntary;
    f->involuntary += m.involuntary;
    f->annual_turnover += m.turnover_percent;
    f->annual_voluntary_turnover += average > 0 ? static_cast<double>(m.voluntary) * 100.0 / average : 0.0;
  }
  f->year_first = f->months.front().first;
  f->headcount_start = f->months.front().headcount_start;
  f->headcount_end = f->months.back().headcount_end;
}

// The chart's units down to level 3, parents before children.
void AddOrgBoxes(const hrkit::OrgChartNode& node, int level, int parent,
                 const absl::flat_hash_map<hrkit::OrgUnitId, std::int64_t>& headcount, Figures* f) {
  const int index = static_cast<int>(f->org.size());
  f->org.push_back(OrgBox{node.unit, node.name, level, parent, headcount.at(node.unit),
                          static_cast<std::int64_t>(node.children.size())});
  if (level == 3) return;
  for (const hrkit::OrgChartNode& child : node.children) AddOrgBoxes(child, level + 1, index, headcount, f);
}

}  // namespace

absl::Status AddWorkforceFigures(const hrkit::Dataset& data, Figures* f, hrkit::ProgressSink* progress) {
  const std::vector<hrkit::Employee>& employees = data.Of<hrkit::Employee>();
  AddMonths(employees, f);
  HRKIT_ASSIGN_OR_RETURN(
      const hrkit::OrgSnapshot snapshot,
      hrkit::OrgSnapshot::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>(), employees, f->as_of, progress));
  absl::flat_hash_map<hrkit::OrgUnitId, std::int64_t> headcount;
  for (const hrkit::UnitRollup& r : snapshot.RollUpUnits()) {
    headcount[r.unit] = r.subtree_headcount;
    HRKIT_ASSIGN_OR_RETURN(const hrkit::UnitVacancies vacancies, snapshot.Vacancies(r.unit));
    f->vacancies += static_cast<std::int64_t>(vacancies.vacant_positions.size());
  }
  f->units = static_cast<std::int64_t>(snapshot.unit_count());
  for (const hrkit::OrgChartNode& root : snapshot.OrgChart()) AddOrgBoxes(root, 1, -1, headcount, f);

  // Read-back check: the snapshot and the plain count agree on the headcount.
  ++f->checks_run;
  if (static_cast<std::int64_t>(snapshot.employee_count()) != f->headcount_end) {
    f->check_failures.push_back(absl::StrCat("headcount on ", hrkit::FormatIsoDate(f->as_of), ": snapshot ",
                                             snapshot.employee_count(), ", count ", f->headcount_end));
  }
  return absl::OkStatus();
}

absl::StatusOr<Figures> ComputeFigures(const hrkit::Dataset& data, hrkit::Date as_of, hrkit::ProgressSink* progress) {
  if (data.Of<hrkit::OrgUnit>().empty()) {
    return absl::FailedPreconditionError("the store holds no organization (no org_unit)");
  }
  Figures figures;
  figures.as_of = as_of;
  HRKIT_RETURN_IF_ERROR(AddWorkforceFigures(data, &figures, progress));
  HRKIT_RETURN_IF_ERROR(AddLeaveFigures(data, &figures, progress));
  HRKIT_RETURN_IF_ERROR(AddPerformanceFigures(data, &figures));
  HRKIT_RETURN_IF_ERROR(AddSurveyFigures(data, &figures));
  return figures;
}

}  // namespace workforce_report
