// A synthetic organization for tests, examples and benchmarks: locations, an
// org unit tree, positions with reporting lines and employees with a few
// years of employment history (hires, transfers, promotions, FTE changes,
// leaves of absence, terminations and rehires), all consistent with the
// employment semantics of personnel/employee.hpp.
//
// The output depends only on the options: the same seed gives the same
// organization on every platform (the generator uses its own 64-bit PRNG and
// its own mapping to ranges, never std:: distributions).
//
// Thread safety: GenerateOrganization is a pure function; concurrent calls
// are safe.
#ifndef HRKIT_SYNTH_GENERATOR_HPP_
#define HRKIT_SYNTH_GENERATOR_HPP_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"

namespace hrkit::synth {

// What to generate.
struct SynthOptions {
  // People employed (active or on leave) on `end_date`; each holds one
  // position. Leavers of the history come on top of this number.
  std::int64_t employee_count = 1000;
  // Seeds the PRNG; the same options always give the same organization.
  std::uint64_t seed = 1;
  // Years of history before `end_date` in which the workforce changes.
  int years_of_history = 3;
  // The last day of the history: the as-of date the organization is built for.
  Date end_date = Date(2026, 1, 1);
  // Open, unfilled positions on `end_date`, as a share of employee_count.
  double vacancy_rate = 0.03;
  // Frozen, unfilled positions, as a share of employee_count.
  double frozen_rate = 0.005;
  // Average number of positions per org unit.
  double positions_per_unit = 10.0;
};

// The generated entities. Ids are dense: 1..size() for each entity kind, and
// each vector is ordered by id.
struct Organization {
  std::vector<Location> locations;  // every location
  std::vector<OrgUnit> units;       // every org unit
  std::vector<Position> positions;  // every position
  std::vector<Employee> employees;  // every employee
};

// Generates an organization:
// - units: about employee_count / positions_per_unit, in one tree; every
//   internal unit has 3..15 child units; when there are at least ~400 units,
//   every leaf unit is on level 6..10 (the root is level 1). Units and
//   positions exist unchanged from 15 years before the history starts.
// - positions: one head per unit (reporting to the parent unit's head; the
//   root's head is the top position), the rest reporting to their unit's
//   head; employee_count filled ones plus the vacancy and frozen shares.
// - employees: employee_count people employed on end_date, one per filled
//   position; the workforce present when the history starts was hired over
//   the 15 years before. During the history, each employed person is
//   terminated at ~10 %/year, transferred or promoted into a vacancy at
//   ~8 %/year, changes FTE at ~5 %/year and takes a leave of absence at
//   ~4 %/year; a vacated position is refilled after 1..4 months (by then at
//   the latest on end_date) by an external hire or, in ~8 % of cases, the
//   rehire of an earlier leaver. Acting managers are never set.
// Each employee's records are entered on their effective dates.
// Returns InvalidArgument for employee_count < 1 or > 50,000,000,
// years_of_history outside 0..50, a rate outside [0, 1),
// positions_per_unit < 1, or an end_date that is not a real date at least
// 70 years after 1400 (boost's first year).
absl::StatusOr<Organization> GenerateOrganization(const SynthOptions& options);

}  // namespace hrkit::synth

#endif  // HRKIT_SYNTH_GENERATOR_HPP_
