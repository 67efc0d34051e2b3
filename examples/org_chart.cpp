// Org chart of a generated organization: builds an as-of snapshot, prints the
// chart of one subtree, a roll-up table of the units at the top of the tree,
// a manager chain and the vacancies of a unit.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/synth/generator.hpp"

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "error: " << status << "\n";
  return EXIT_FAILURE;
}

}  // namespace

int main() {
  hrkit::synth::SynthOptions options;
  options.employee_count = 400;
  options.seed = 7;
  absl::StatusOr<hrkit::synth::Organization> org = hrkit::synth::GenerateOrganization(options);
  if (!org.ok()) return Fail(org.status());

  const hrkit::Date as_of = options.end_date;
  absl::StatusOr<hrkit::OrgSnapshot> snapshot =
      hrkit::OrgSnapshot::Build(org->units, org->positions, org->employees, as_of);
  if (!snapshot.ok()) return Fail(snapshot.status());
  std::cout << "as of " << hrkit::FormatIsoDate(as_of) << ": " << snapshot->unit_count() << " units, "
            << snapshot->position_count() << " positions, " << snapshot->employee_count()
            << " employees; average span of control " << snapshot->AverageSpanOfControl() << "\n\n";

  // The chart below the first unit two levels under the root.
  const std::vector<hrkit::OrgChartNode> roots = snapshot->OrgChart();
  if (roots.empty() || roots.front().children.empty() || roots.front().children.front().children.empty()) {
    return Fail(absl::FailedPreconditionError("the generated tree is too shallow"));
  }
  const hrkit::OrgChartNode& subtree = roots.front().children.front().children.front();
  std::cout << "Org chart of " << subtree.name << ":\n";
  hrkit::PrintOrgChart(std::cout, subtree);

  // Roll-ups of the root and its children.
  std::cout << "\nRoll-up (subtree head count, FTE, managers, average span):\n";
  std::vector<const hrkit::OrgChartNode*> top_units = {&roots.front()};
  for (const hrkit::OrgChartNode& child : roots.front().children) top_units.push_back(&child);
  std::printf("%-12s %-14s %6s %8s %9s %9s %6s\n", "unit", "name", "own", "subtree", "fte", "managers", "span");
  for (const hrkit::OrgChartNode* unit : top_units) {
    absl::StatusOr<hrkit::UnitRollup> r = snapshot->RollUp(unit->unit);
    if (!r.ok()) return Fail(r.status());
    std::printf("%-12s %-14s %6lld %8lld %9.2f %9lld %6.2f\n", hrkit::ToString(unit->unit).c_str(), unit->name.c_str(),
                static_cast<long long>(r->own_headcount), static_cast<long long>(r->subtree_headcount),
                r->subtree_fte, static_cast<long long>(r->subtree_managers), r->AverageSpan());
  }

  // The manager chain of the first holder in the subtree's last position.
  for (auto it = subtree.positions.rbegin(); it != subtree.positions.rend(); ++it) {
    if (it->holders.empty()) continue;
    absl::StatusOr<std::vector<hrkit::EmployeeId>> chain = snapshot->ManagerChain(it->holders.front());
    if (!chain.ok()) return Fail(chain.status());
    std::cout << "\nManager chain of " << it->holders.front() << ":";
    for (const hrkit::EmployeeId m : *chain) std::cout << " " << m;
    std::cout << "\n";
    break;
  }

  // Vacancies of the subtree's units.
  std::vector<const hrkit::OrgChartNode*> pending = {&subtree};
  while (!pending.empty()) {
    const hrkit::OrgChartNode* node = pending.back();
    pending.pop_back();
    for (const hrkit::OrgChartNode& child : node->children) pending.push_back(&child);
    absl::StatusOr<hrkit::UnitVacancies> vacancies = snapshot->Vacancies(node->unit);
    if (!vacancies.ok()) return Fail(vacancies.status());
    if (vacancies->vacant_positions.empty()) continue;
    std::cout << "Vacancies in " << node->name << ":";
    for (const hrkit::PositionId p : vacancies->vacant_positions) std::cout << " " << p;
    std::cout << "; remaining FTE budget " << vacancies->remaining_fte_budget << "\n";
  }
  return EXIT_SUCCESS;
}
