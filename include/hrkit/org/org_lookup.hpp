// OrgLookup: the org facts eligibility needs, as of any date, from the org
// units and positions: the grade and unit of a position, a unit's ancestors,
// subtree membership, and the next day any of these changes (so a resolver
// can walk change points instead of days). FactsOn joins them with an
// employee's employment record into EmployeeFacts.
//
// The lookup copies what it needs (parents, position units and grades) into
// flat arrays; it does not keep references to the spans it was built from.
// Subtree tests walk parent links: O(depth) per question.
//
// Thread safety: immutable after Build; any number of threads may query one
// concurrently.
#ifndef HRKIT_ORG_ORG_LOOKUP_HPP_
#define HRKIT_ORG_ORG_LOOKUP_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/dense_index.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The facts a rule reads about one employee on one date. Build them with
// FactsOn (below) or by hand in tests.
struct EmployeeFacts {
  Date as_of;                                                   // the date the facts hold on (tenure is counted to it)
  LocationId location;                                          // the employee's location; invalid if none
  EmploymentType employment_type = EmploymentType::kPermanent;  // of the employment record in force
  std::string grade;                                            // the grade of the employee's position; empty if none
  OrgUnitId org_unit;                                           // the unit of the employee's position; invalid if none
  // The unit and its ancestors on `as_of`, nearest first (org_unit, parent,
  // ..., root). Empty if there is no unit. The subtree test reads this.
  std::vector<OrgUnitId> unit_path;
  double fte = 0.0;
  // Service counted from here; not a real date = unknown (a rule with a
  // minimum tenure then does not match).
  Date seniority_start;

  friend bool operator==(const EmployeeFacts&, const EmployeeFacts&) = default;
};

// Where a position sits on a date.
struct PositionPlacement {
  OrgUnitId org_unit;  // invalid before the position's first record
  std::string grade;   // empty before the first record (or when not graded)

  friend bool operator==(const PositionPlacement&, const PositionPlacement&) = default;
};

// The as-of org facts of the header comment, built once from every unit and
// position.
class OrgLookup {
 public:
  // An empty lookup: knows no unit and no position.
  OrgLookup() = default;

  // Builds the lookup from every unit and position (their current histories;
  // same-day entries count with the day's last value). Returns InvalidArgument
  // for an invalid or duplicate unit or position id.
  static absl::StatusOr<OrgLookup> Build(std::span<const OrgUnit> units, std::span<const Position> positions);

  // True if the unit / position was given to Build.
  bool HasUnit(OrgUnitId unit) const { return unit_index_.Find(unit) != DenseIdIndex<OrgUnitId>::kNone; }
  bool HasPosition(PositionId position) const {
    return position_index_.Find(position) != DenseIdIndex<PositionId>::kNone;
  }

  // The unit and grade of `position` on `date`. Returns NotFound for a
  // position not given to Build; an empty placement before its first record.
  absl::StatusOr<PositionPlacement> PlacementOn(PositionId position, Date date) const;

  // The first day after `date` on which the position's record changes, or
  // OpenEnd(). An unknown position never changes.
  Date NextPositionChange(PositionId position, Date date) const;

  // PlacementOn and NextPositionChange in one look-up, without copying: the
  // grade points into the lookup and is valid while the lookup lives.
  struct PositionView {
    OrgUnitId org_unit;      // invalid before the position's first record
    std::string_view grade;  // empty before the first record
    Date next_change;        // as NextPositionChange
  };
  // The view of `position` on `date`, or nullopt for a position not given to
  // Build.
  std::optional<PositionView> ViewPosition(PositionId position, Date date) const;

  // Replaces `*path` with `unit` and its ancestors on `date`, nearest first.
  // A unit with no record yet on `date` counts as a root. If `stable` is not
  // null it receives the days around `date` on which the path is the same:
  // from the latest record in effect on `date` among the path's units to the
  // first later change of any of them (its begin is boost's min_date_time if
  // no unit on the path has a record yet, its end OpenEnd() if none changes).
  // Returns NotFound for an unknown unit (the unit itself or a parent),
  // FailedPrecondition if the parent links form a cycle on `date`.
  absl::Status UnitPathOn(OrgUnitId unit, Date date, std::vector<OrgUnitId>* path, Period* stable = nullptr) const;

  // True if `unit` is `root` or below it on `date`. False for unknown units
  // and for cyclic links.
  bool InSubtree(OrgUnitId unit, OrgUnitId root, Date date) const;

  // The first day after `date` on which the record of any unit on `unit`'s
  // path (the unit or an ancestor on `date`) changes, i.e. the first day its
  // ancestors could differ; OpenEnd() if none does. Unknown units never change.
  Date NextPathChange(OrgUnitId unit, Date date) const;

 private:
  struct UnitEntry {
    Date effective;
    OrgUnitId parent;
  };
  struct PositionEntry {
    Date effective;
    OrgUnitId org_unit;
    std::string grade;
  };

  // Index of the entry in effect on `date` within [begin, end), or -1.
  template <class Entry>
  static std::int64_t EntryOn(const std::vector<Entry>& entries, std::uint32_t begin, std::uint32_t end, Date date);
  template <class Entry>
  static Date NextChange(const std::vector<Entry>& entries, std::uint32_t begin, std::uint32_t end, Date date);

  DenseIdIndex<OrgUnitId> unit_index_;
  std::vector<std::uint32_t> unit_offsets_{0};  // unit i's entries: [offsets[i], offsets[i+1])
  std::vector<UnitEntry> unit_entries_;
  DenseIdIndex<PositionId> position_index_;
  std::vector<std::uint32_t> position_offsets_{0};
  std::vector<PositionEntry> position_entries_;
};

// The facts eligibility reads about `employee` on `date`: from the employment
// record in effect then (location, type, FTE, seniority start, position) and,
// through `lookup`, the position's grade and unit and the unit's ancestors.
// The seniority start falls back to the employment start when it is not a
// real date. An employee without a position has no grade, unit or path.
// Returns FailedPrecondition if the employee has no employment record on
// `date`, NotFound (naming the employee) for a position or unit unknown to
// `lookup`, and FailedPrecondition for a cyclic unit tree.
absl::StatusOr<EmployeeFacts> FactsOn(const Employee& employee, const OrgLookup& lookup, Date date);

// The same from one employment record (`record` must be the one in effect on
// `date`); errors as FactsOn, naming `employee`.
absl::StatusOr<EmployeeFacts> FactsFromRecord(EmployeeId employee, const EmploymentRecord& record,
                                              const OrgLookup& lookup, Date date);

// The facts that come from the employment record alone: as_of = `date`,
// location, employment type, FTE and seniority start (the employment start
// when no seniority start is recorded); the org facts (grade, unit, unit
// path) are cleared for the caller to fill. Reuses `*facts`' buffers.
void FillRecordFacts(const EmploymentRecord& record, Date date, EmployeeFacts* facts);

// FactsFromRecord into `*facts`, reusing its buffers (for loops over many
// employees). On error `*facts` is unspecified.
absl::Status FillFacts(EmployeeId employee, const EmploymentRecord& record, const OrgLookup& lookup, Date date,
                       EmployeeFacts* facts);

}  // namespace hrkit

#endif  // HRKIT_ORG_ORG_LOOKUP_HPP_
