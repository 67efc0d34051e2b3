// Workforce: the in-memory organization (locations, org units, positions,
// employees) and the one place every change to it goes through, so the rules
// that need more than one entity hold: unique employee numbers, known ids, a
// unit tree without cycles, no member under a closed unit, reporting lines
// between positions without cycles, positions filled only while open and
// within their FTE budget, acting managers who are employed, nothing closed
// while it is still in use. Employee-local rules are those of
// personnel/lifecycle.hpp, which Workforce::ApplyEvent calls.
//
// Every change is effective-dated (the day it takes effect) and carries the
// day it was entered (`recorded`); the entity's Timeline keeps both, so
// earlier knowledge stays reproducible with Timeline::AsKnownOn. A change
// dated before later records of the same entity carries forward into them for
// the fields they did not set themselves (see personnel/lifecycle.hpp for the
// employee rules; org units and positions follow the same rule, field by
// field).
//
// Order never changes a verdict. An edit is first applied to its entity's
// timeline (with what it carries forward); then every rule the change can
// reach is checked on every day from its effective date to the end of the
// affected histories, with the same checks whether the edit is backdated or
// not. So two facts that cannot hold together are refused whichever of them
// is entered second. Besides the rules above, this means:
// - closing is final: a closed unit stays closed under the same parent (it
//   may still be renamed); a closed position never changes again;
// - a backdated status change may not turn a later one into a no-op (a
//   freeze before a later freeze, a close before a later close);
// - a seat's holders entered it while it was open, and hold it only while it
//   is not closed; a frozen seat keeps its holders;
// - a position that is not closed reports to one that exists and is not
//   closed, on every day;
// - the reporting lines (acting managers and position lines together, as
//   org/snapshot.hpp resolves them) never form a cycle on any day;
// - an acting manager is employed on every day they act.
//
// Every edit is all-or-nothing: it is validated in full on copies, and only
// then stored. On error nothing changes.
//
// Who manages whom (the acting manager if set, else the holder of the parent
// position, climbing over vacancies) is answered by the org snapshot, not
// here.
//
// Thread safety: const methods may run concurrently; any edit needs external
// synchronization against every other call. Pointers and references returned
// by accessors stay valid until the next edit.
#ifndef HRKIT_ORG_WORKFORCE_HPP_
#define HRKIT_ORG_WORKFORCE_HPP_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/events.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/personnel/lifecycle.hpp"

namespace hrkit {

// The in-memory organization of the header comment: locations, org units,
// positions and employees, changed only through its methods.
class Workforce {
 public:
  // An empty organization with the default lifecycle options (minimum age 16).
  Workforce() = default;
  // An empty organization whose hires and rehires follow `options`.
  explicit Workforce(LifecycleOptions options) : options_(options) {}

  // Builds a workforce from stored entities (a storage backend's load, a
  // generated organization), without replaying history: the structural rules
  // above are trusted, as the entities were written through a Workforce.
  // What is checked: ids are valid (InvalidArgument) and unique, employee
  // numbers are non-empty (InvalidArgument) and unique (AlreadyExists), and
  // every reference in any current history entry (unit parent, position org
  // unit and reports_to, employee position, location and acting manager)
  // names an entity that exists (NotFound). O(total history entries).
  static absl::StatusOr<Workforce> FromEntities(std::vector<Location> locations, std::vector<OrgUnit> units,
                                                std::vector<Position> positions, std::vector<Employee> employees,
                                                LifecycleOptions options = {});

  Workforce(const Workforce&) = default;
  Workforce& operator=(const Workforce&) = default;
  Workforce(Workforce&&) = default;
  Workforce& operator=(Workforce&&) = default;

  // ---- Locations ----------------------------------------------------------

  // Adds a work location. Returns InvalidArgument for an invalid id,
  // AlreadyExists if the id is taken.
  absl::Status AddLocation(Location location);

  // ---- Org units ----------------------------------------------------------

  // Creates unit `id` with `record` (name, parent, cost centre) from
  // `effective`. A root has an invalid parent.
  // Errors: InvalidArgument (invalid id, status not kOpen, a date that is not
  // real, `recorded` before an entry already recorded), AlreadyExists (id
  // taken), NotFound (unknown parent), FailedPrecondition (the parent does
  // not exist yet or is closed on `effective` or any later day).
  //
  // Example:
  //   HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, d, d));
  //   HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(2), "FIN",
  //                                         {.name = "Finance", .parent = OrgUnitId(1)}, d, d));
  absl::Status CreateOrgUnit(OrgUnitId id, std::string code, OrgUnitRecord record, Date effective, Date recorded);

  // Renames unit `id` from `effective` (a closed unit may be renamed).
  // Errors: NotFound (unknown unit), FailedPrecondition (the unit does not
  // exist on `effective`), InvalidArgument (bad dates).
  absl::Status RenameOrgUnit(OrgUnitId id, std::string name, Date effective, Date recorded);

  // Moves unit `id` under `new_parent` (invalid = make it a root) from
  // `effective`. Errors: NotFound (unknown unit or parent),
  // FailedPrecondition (the unit does not exist or is closed on `effective`;
  // the parent does not exist or is closed on a day the unit would sit under
  // it; the move would make a cycle on `effective` or on any later day where
  // the parent history changes), InvalidArgument (a unit under itself, bad
  // dates).
  absl::Status MoveOrgUnit(OrgUnitId id, OrgUnitId new_parent, Date effective, Date recorded);

  // Closes unit `id` from `effective`. Errors: NotFound (unknown unit),
  // FailedPrecondition (not open on `effective`; on `effective` or later an
  // open child unit, an employee holding a position of the unit, or a
  // position of the unit that is not closed; a later move of the unit; a
  // later close, which would change nothing any more), InvalidArgument (bad
  // dates).
  absl::Status CloseOrgUnit(OrgUnitId id, Date effective, Date recorded);

  // ---- Positions ----------------------------------------------------------

  // Creates position `id` with `record` from `effective`.
  // Errors: InvalidArgument (invalid id, FTE budget not > 0, status kClosed,
  // reports_to == id, bad dates), AlreadyExists (id taken), NotFound
  // (unknown org unit or reports_to position), FailedPrecondition (the unit
  // is missing or closed on `effective` or later while the position is in
  // it; the reports_to position is missing on `effective` or closed on
  // `effective` or any later day).
  absl::Status CreatePosition(PositionId id, PositionRecord record, Date effective, Date recorded);

  // Replaces the position's data (org unit, job code, title, grade, FTE
  // budget, reports_to) from `effective`. `record.status` must equal the
  // status in effect then: status changes go through Freeze/Unfreeze/Close.
  // Errors: as CreatePosition, plus NotFound (unknown position),
  // FailedPrecondition (the position is missing or closed on `effective`;
  // the new FTE budget is below what its holders hold on some day from
  // `effective` on; the reports_to change makes a cycle of positions or of
  // reporting lines on `effective` or a later day), InvalidArgument (a
  // status change).
  absl::Status ChangePosition(PositionId id, PositionRecord record, Date effective, Date recorded);

  // Freezes an open position (its holders stay; nobody new may fill it).
  // Errors: NotFound, InvalidArgument, FailedPrecondition (not open on
  // `effective`; someone enters the seat on a later day while it would be
  // frozen; a later status change would change nothing any more).
  absl::Status FreezePosition(PositionId id, Date effective, Date recorded);

  // Reopens a frozen position. Errors: NotFound, InvalidArgument,
  // FailedPrecondition (not frozen on `effective`; a later status change
  // would change nothing any more).
  absl::Status UnfreezePosition(PositionId id, Date effective, Date recorded);

  // Closes a position from `effective`; closing is final. Errors: NotFound,
  // InvalidArgument, FailedPrecondition (already closed or missing on
  // `effective`; held by an employee on `effective` or later; a position
  // that is not closed still reports to it on `effective` or later; a later
  // change of the position, such as a freeze or a new title).
  absl::Status ClosePosition(PositionId id, Date effective, Date recorded);

  // ---- Employees ----------------------------------------------------------

  // Adds a person by their identity fields; employment history is built
  // with ApplyEvent (a HireEvent first).
  // Errors: InvalidArgument (invalid id, empty employee number, non-empty
  // employment history), AlreadyExists (id or employee number taken).
  absl::Status AddEmployee(Employee employee);

  // Applies a lifecycle event to employee `id`, entered on `recorded`.
  // Errors: those of hrkit::ApplyEvent (personnel/lifecycle.hpp), plus
  // NotFound (unknown employee, position, location or acting manager) and
  // FailedPrecondition for: a hire, rehire, transfer or promotion into a
  // position that is not open on that day; holding (also through a backdated
  // change carried forward) a position that is missing or closed; holders'
  // FTE above the position's FTE budget on any day from the effective date
  // on (exactly at budget is fine); entering a seat on a day it is not open;
  // an acting manager not employed on some day they would act; reporting
  // lines (acting managers and position lines together) that form a cycle
  // on any day from the effective date on; a termination of someone who is
  // still the acting manager of an employed person after the last day.
  //
  // Example:
  //   HireEvent hire{.effective = start, .position = PositionId(10), .fte = 0.5};
  //   HRKIT_RETURN_IF_ERROR(w.ApplyEvent(EmployeeId(7), hire, today));
  absl::Status ApplyEvent(EmployeeId id, const LifecycleEvent& event, Date recorded);

  // ---- Queries ------------------------------------------------------------

  // The entity with the id, or nullptr.
  const Location* FindLocation(LocationId id) const;
  const OrgUnit* FindOrgUnit(OrgUnitId id) const;
  const Position* FindPosition(PositionId id) const;
  const Employee* FindEmployee(EmployeeId id) const;
  // The employee with the human-facing number, or nullptr.
  const Employee* FindEmployeeByNumber(std::string_view employee_number) const;

  // All entities, ordered by id (deterministic). O(n log n) per call.
  std::vector<const Location*> Locations() const;
  std::vector<const OrgUnit*> OrgUnits() const;
  std::vector<const Position*> Positions() const;
  std::vector<const Employee*> Employees() const;

  // Employees who hold position `id` on `date` (employed, in that seat),
  // ordered by id.
  std::vector<EmployeeId> HoldersOn(PositionId id, Date date) const;

  // The sum of the FTE of the holders of position `id` on `date`.
  double HeldFteOn(PositionId id, Date date) const;

  // The next unused id of each kind, for a caller that lets the workforce
  // hand out ids: one more than the largest id ever added (1 for none). Ids
  // are never reused, and stay dense, which keeps the flat as-of views small.
  //
  // Example:
  //   const PositionId seat = w.NextPositionId();
  //   HRKIT_RETURN_IF_ERROR(w.CreatePosition(seat, record, d, d));
  LocationId NextLocationId() const { return LocationId(max_location_id_ + 1); }
  OrgUnitId NextOrgUnitId() const { return OrgUnitId(max_unit_id_ + 1); }
  PositionId NextPositionId() const { return PositionId(max_position_id_ + 1); }
  EmployeeId NextEmployeeId() const { return EmployeeId(max_employee_id_ + 1); }

  // Numbers of entities of each kind.
  std::size_t location_count() const { return locations_.size(); }
  std::size_t org_unit_count() const { return units_.size(); }
  std::size_t position_count() const { return positions_.size(); }
  std::size_t employee_count() const { return employees_.size(); }

  // The lifecycle options every ApplyEvent uses.
  const LifecycleOptions& options() const { return options_; }

 private:
  struct Checker;  // the cross-entity checks, defined in workforce.cpp

  void CommitUnit(OrgUnit unit);
  void CommitPosition(Position position);
  void CommitEmployee(Employee employee);

  LifecycleOptions options_;
  absl::flat_hash_map<LocationId, Location> locations_;
  absl::flat_hash_map<OrgUnitId, OrgUnit> units_;
  absl::flat_hash_map<PositionId, Position> positions_;
  absl::flat_hash_map<EmployeeId, Employee> employees_;
  absl::flat_hash_map<std::string, EmployeeId> by_number_;
  // Everyone who ever held a position in any record, sorted by id.
  absl::flat_hash_map<PositionId, std::vector<EmployeeId>> holders_;
  // Everyone who ever had the key as acting manager, sorted by id.
  absl::flat_hash_map<EmployeeId, std::vector<EmployeeId>> acting_reports_;
  // Days on which some unit's or position's record changes.
  std::set<Date> unit_change_days_;
  std::set<Date> position_change_days_;
  std::set<Date> employee_change_days_;
  // The largest id of each kind added so far (Next*Id).
  std::int64_t max_location_id_ = 0;
  std::int64_t max_unit_id_ = 0;
  std::int64_t max_position_id_ = 0;
  std::int64_t max_employee_id_ = 0;
};

}  // namespace hrkit

#endif  // HRKIT_ORG_WORKFORCE_HPP_
