// OrgSnapshot: an immutable, flat picture of the organization as of one date,
// built from the entities (org units, positions, employees) for fast queries:
// manager chains, direct and transitive reports, per-unit head count and FTE
// roll-ups, span of control, vacancies and an org chart.
//
// Layout: structure of arrays with ids mapped to dense indexes. Units are
// stored in pre-order of the unit tree (parents before children, a unit's
// subtree is a contiguous range), so a subtree roll-up is one reverse pass.
// Employees are stored in pre-order of the reporting tree, so a manager's
// transitive reports are a contiguous range.
//
// What is in a snapshot on date D:
// - units whose record on D is open (closed units and units not yet created
//   are left out);
// - positions whose record on D is not closed (open or frozen);
// - employees employed on D (status active or on leave); terminated people
//   and people not yet hired are left out. Head count counts them, FTE sums
//   their `fte`.
//
// Manager semantics on D:
// 1. An employee whose `acting_manager` is set and employed on D reports to
//    the acting manager.
// 2. Otherwise they report to the holder of the parent (`reports_to`)
//    position of their position. When that position has several holders, the
//    one with the lowest EmployeeId counts; when it is vacant, the holder of
//    the nearest ancestor position that has one.
// 3. The holder of a top position (no `reports_to`), or of a position with no
//    held ancestor, has no manager.
// A position held by several people: every holder reports as in rule 2 from
// that position; only the lowest-id holder manages the positions below.
// A manager is an employee with at least one direct report. Span of control
// of a manager = their direct reports; the org-level average = the number of
// employees with a manager / the number of managers (DOMAIN.md).
//
// Vacancies: an open (not frozen) position with no holder is a vacancy. The
// remaining FTE budget of a unit = sum over its open positions of
// max(0, fte_budget - FTE of the position's holders).
//
// Thread safety: an OrgSnapshot is immutable after Build; any number of
// threads may query one concurrently.
#ifndef HRKIT_ORG_SNAPSHOT_HPP_
#define HRKIT_ORG_SNAPSHOT_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/dense_index.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// Head count, FTE and span of control of one unit, own and with its subtree.
struct UnitRollup {
  OrgUnitId unit;                           // the unit
  std::int64_t own_headcount = 0;           // employees whose position is in the unit
  double own_fte = 0;                       // the FTE of those employees
  std::int64_t subtree_headcount = 0;       // the unit and every unit below it
  double subtree_fte = 0;                   // the FTE of the subtree's employees
  std::int64_t subtree_managers = 0;        // employees in the subtree with direct reports
  std::int64_t subtree_direct_reports = 0;  // the direct reports of those managers

  // subtree_direct_reports / subtree_managers, or 0 without managers.
  double AverageSpan() const {
    return subtree_managers == 0 ? 0.0
                                 : static_cast<double>(subtree_direct_reports) / static_cast<double>(subtree_managers);
  }

  friend bool operator==(const UnitRollup&, const UnitRollup&) = default;
};

// The vacancies of one unit (its own positions, not its subtree's).
struct UnitVacancies {
  OrgUnitId unit;                            // the unit
  std::vector<PositionId> vacant_positions;  // open positions with no holder, by id
  double remaining_fte_budget = 0;           // see the header comment
};

// One position in an org chart.
struct OrgChartPosition {
  PositionId position;                            // the position
  std::string title;                              // its title on the chart's date
  PositionStatus status = PositionStatus::kOpen;  // its status on the chart's date
  std::vector<EmployeeId> holders;                // by id; empty for a vacancy
};

// One unit of an org chart with its positions and child units.
struct OrgChartNode {
  OrgUnitId unit;                           // the unit
  std::string name;                         // its name on the chart's date
  std::int64_t headcount = 0;               // own head count (the unit's holders)
  std::vector<OrgChartPosition> positions;  // by position id
  std::vector<OrgChartNode> children;       // by unit id
};

// The organization as of one date, flat and immutable (see the header
// comment); built by Build, queried by the methods below.
class OrgSnapshot {
 public:
  // Builds the snapshot of the organization on `date` (see the header
  // comment for what it contains). `progress` may be null; it receives the
  // stages "org snapshot: units", "positions", "employees", "reporting".
  // Returns:
  // - InvalidArgument if `date` is not a real date, an id is not valid or
  //   appears twice in its span, an employed person holds no position, or an
  //   entity in the snapshot refers to a unit or position that exists in the
  //   input but is closed (or not yet created) on `date`;
  // - NotFound if a unit's parent, a position's unit or `reports_to`, an
  //   employee's position or acting manager is an id absent from the input;
  // - FailedPrecondition for a cycle of units (parents), of positions
  //   (reports_to) or of reporting lines (through acting managers) on `date`;
  // - Cancelled if `progress` asks to stop.
  // The message names the entity and the field, e.g.
  // "position:7: reports_to position:99 not found".
  static absl::StatusOr<OrgSnapshot> Build(std::span<const OrgUnit> units, std::span<const Position> positions,
                                           std::span<const Employee> employees, Date date,
                                           ProgressSink* progress = nullptr);

  // The snapshot of `workforce` on `date`: Build over its units, positions
  // and employees. Copies the entities once (O(total history entries)); a
  // caller that keeps the entities in vectors already saves that copy with
  // the span overload. Errors as the span overload.
  //
  // Example:
  //   HRKIT_ASSIGN_OR_RETURN(OrgSnapshot s, OrgSnapshot::Build(workforce, Date(2025, 1, 1)));
  //   HRKIT_ASSIGN_OR_RETURN(UnitRollup hq, s.RollUp(OrgUnitId(1)));
  static absl::StatusOr<OrgSnapshot> Build(const Workforce& workforce, Date date, ProgressSink* progress = nullptr);

  // The as-of date.
  Date date() const { return date_; }
  std::size_t unit_count() const { return unit_ids_.size(); }
  std::size_t position_count() const { return position_ids_.size(); }
  // Employees in the snapshot (employed on the date).
  std::size_t employee_count() const { return employee_ids_.size(); }

  // The manager of `employee` (see the header comment), or an invalid id for
  // someone at the top. Returns NotFound if `employee` is not in the snapshot.
  absl::StatusOr<EmployeeId> ManagerOf(EmployeeId employee) const;

  // The managers of `employee` from their manager up to the top (empty for
  // someone at the top). Returns NotFound if `employee` is not in the snapshot.
  absl::StatusOr<std::vector<EmployeeId>> ManagerChain(EmployeeId employee) const;

  // The direct reports of `manager`, by id. NotFound if not in the snapshot.
  absl::StatusOr<std::vector<EmployeeId>> DirectReports(EmployeeId manager) const;

  // Everyone below `manager` in the reporting tree, in pre-order (a report's
  // own reports follow them; siblings by id). The span points into the
  // snapshot and lives as long as it; computing it costs O(1), reading it is
  // proportional to the answer. NotFound if not in the snapshot.
  absl::StatusOr<std::span<const EmployeeId>> TransitiveReports(EmployeeId manager) const;

  // The number of direct reports of `employee` (0 for someone who manages
  // nobody). NotFound if not in the snapshot.
  absl::StatusOr<std::int64_t> SpanOfControl(EmployeeId employee) const;

  // Employees with a manager / managers, over the whole snapshot; 0 when
  // nobody manages anyone.
  double AverageSpanOfControl() const;

  // Roll-ups for every unit, in the snapshot's unit order (pre-order of the
  // unit tree: every unit before its children, roots and siblings by id).
  // Recomputed on each call in one pass over the employees and one reverse
  // pass over the units: O(employees + units).
  std::vector<UnitRollup> RollUpUnits() const;

  // The roll-up of one unit, in O(units in its subtree). NotFound if `unit`
  // is not in the snapshot.
  absl::StatusOr<UnitRollup> RollUp(OrgUnitId unit) const;

  // The vacancies of one unit. NotFound if `unit` is not in the snapshot.
  absl::StatusOr<UnitVacancies> Vacancies(OrgUnitId unit) const;

  // The org chart below and including `unit`. NotFound if `unit` is not in
  // the snapshot.
  absl::StatusOr<OrgChartNode> OrgChart(OrgUnitId unit) const;
  // The org chart of every root unit, by id.
  std::vector<OrgChartNode> OrgChart() const;

 private:
  OrgSnapshot() = default;
  absl::StatusOr<std::int32_t> EmployeeIndex(EmployeeId id) const;
  absl::StatusOr<std::int32_t> UnitIndex(OrgUnitId id) const;
  OrgChartNode ChartNode(std::int32_t unit) const;

  friend class OrgSnapshotBuilder;

  Date date_;

  // Units, in pre-order of the unit tree.
  std::vector<OrgUnitId> unit_ids_;
  std::vector<std::string> unit_names_;
  std::vector<std::int32_t> unit_parent_;           // -1 for a root
  std::vector<std::int32_t> unit_subtree_end_;      // one past the last unit of the subtree
  std::vector<std::int32_t> unit_positions_begin_;  // positions are grouped by unit:
  std::vector<std::int32_t> unit_positions_end_;    // [begin, end) in the position arrays
  std::vector<std::int64_t> unit_own_headcount_;
  std::vector<double> unit_own_fte_;
  std::vector<std::int64_t> unit_own_managers_;
  std::vector<std::int64_t> unit_own_direct_reports_;
  DenseIdIndex<OrgUnitId> unit_index_;

  // Positions, grouped by unit (in unit order), by id within a unit.
  std::vector<PositionId> position_ids_;
  std::vector<std::string> position_titles_;
  std::vector<PositionStatus> position_status_;
  std::vector<double> position_fte_budget_;
  std::vector<std::int32_t> position_holders_begin_;  // into position_holders_
  std::vector<std::int32_t> position_holders_end_;
  std::vector<std::int32_t> position_holders_;  // employee indexes, by id per position

  // Employees, in pre-order of the reporting tree.
  std::vector<EmployeeId> employee_ids_;
  std::vector<std::int32_t> employee_unit_;  // unit index
  std::vector<double> employee_fte_;
  std::vector<std::int32_t> employee_manager_;      // employee index, -1 at the top
  std::vector<std::int32_t> employee_subtree_end_;  // one past the last transitive report
  std::vector<std::int32_t> employee_direct_count_;
  DenseIdIndex<EmployeeId> employee_index_;
  std::int64_t managed_count_ = 0;  // employees with a manager
  std::int64_t manager_count_ = 0;  // employees with direct reports
};

// Writes `chart` as indented plain text, one line per unit and position:
//   Company [org_unit:1] headcount 2
//     Head of Unit [position:1]: employee:1
//     Analyst [position:2]: vacant
//     Division 2 [org_unit:2] headcount 5
// Frozen positions print "frozen" after the holders.
void PrintOrgChart(std::ostream& out, const OrgChartNode& chart);

}  // namespace hrkit

#endif  // HRKIT_ORG_SNAPSHOT_HPP_
