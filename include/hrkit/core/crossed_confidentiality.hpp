// Confidentiality of a report that crosses an org unit tree with one flat
// attribute (location, tenure band, ...): the rules of
// core/confidentiality.hpp applied to both dimensions at once, so that no
// cell hidden in one dimension can be had by subtracting cells of the other.
//
// Cells. Respondents carry a unit and at most one value v_1..v_m of the
// attribute; respondents without a value are counted in their unit but in no
// value, and are never reported on their own. For every unit U:
//   (U, *) = every respondent of U's subtree (the unit's total);
//   (U, v) = the respondents of U's subtree with value v.
// Every cell is in two families (core/confidentiality.hpp: a parent cell and
// its members; the parent minus its members are its direct members):
//   - its unit family, within its column: (U, v) is the parent of (C, v) for
//     each child unit C (the column * is the plain org tree), the direct
//     members being U's own respondents with that value;
//   - its attribute family: (U, *) is the parent of (U, v_1) .. (U, v_m), the
//     direct members being U's subtree's respondents without a value.
//
// Rules, with k the minimum for the disclosure, applied in every family of
// both dimensions until none changes anything; a cell hidden in one family
// counts as hidden in all others:
//  1.-4. minimum, complement, sibling and hidden parent, as in
//     core/confidentiality.hpp;
//  5. lone hidden member: under a shown parent, the hidden remainder must not
//     be exactly one hidden cell with respondents (no direct members, every
//     other hidden member empty): parent minus shown members would give that
//     cell away even though it has k or more respondents (it was hidden for a
//     reason in its other family). The smallest shown member is hidden
//     (reason `sibling`); if no member is shown, the parent equals the
//     hidden cell and is hidden itself (reason `linked`).
//  6. chains (reason `linked`): rules 1-5 look at one family at a time, but
//     a reader can combine families: (B, *) - (B1, *) is B's own
//     respondents, which are (B, a) when all of them have value a and B1 has
//     nobody with a. So once rules 1-5 are done, the cells a reader can
//     compute from the shown and empty cells are found exactly (rational
//     linear algebra over the equations "parent = sum of members" of every
//     family, with U's own respondents and the respondents without a value
//     as never-reported cells of their own). If that gives away a hidden
//     cell with respondents, or a never-reported set of 1 to k-1
//     respondents, the smallest shown cell (by count, then unit key, then
//     value key) in a family of the smallest such cell is hidden — failing
//     that, of a family reached from it through hidden cells — and rules
//     1-6 run again.
// Steps of rules 3-5 are taken in synchronous rounds (every family looks at
// the same verdicts, then all steps are taken at once), and every pick is
// by count, then key (the unit's key in a unit family, the value's key in an
// attribute family): the verdicts depend only on the counts and keys, never
// on the order units or values are listed in (given distinct keys).
//
// Empty cells (count 0) are hidden as below_minimum and treated as known: a
// reader may learn that a cell is empty, which exposes nobody.
//
// Guarantee, for the cells of one call, with atoms the finest sets (the
// respondents of one unit itself with one value, or with none) and a reader
// who knows every shown cell and which atoms are empty (checked exactly,
// with rational linear algebra over the atoms, on thousands of random trees
// of up to 15 units and 4 levels, 1-3 values, k 3 and 5, in
// tests/core/crossed_confidentiality_test.cpp):
//  (a) every shown cell has at least k respondents;
//  (b) no hidden cell with respondents is a linear combination of shown cells
//      (and empty atoms): its count, and so its figures, cannot be computed;
//  (c) no atom with 1 to k-1 respondents, and no family's hidden remainder
//      with 1 to k-1 respondents, can be computed that way.
// Not covered: other unions of atoms (the exhaustive check of
// core/confidentiality.hpp is only feasible for one tree); differences
// between separate calls. A unit x location report, a unit x tenure report
// and the plain unit report of the same respondents share their unit
// totals: publish them together through SuppressJointGroups
// (core/joint_confidentiality.hpp), which this function is the one-attribute
// case of, never from separate calls.
//
// Cost: rules 1-5 revisit only families whose cells changed. Each step of
// rule 6 first solves the equations that can be solved one at a time, which
// finds most chains; only when that finds none are the rest eliminated
// (sparse, exact), so a call ends with one exact elimination that finds
// nothing. Each step reruns rules 1-5. Measured on one core of a loaded
// machine with 8 values and sparse random counts (bench/README.md): 200
// units about 3 ms, 1,000 units about 0.2 s, far above SuppressGroups,
// which stays linear. Cut large trees into subtrees before crossing them.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_CORE_CROSSED_CONFIDENTIALITY_HPP_
#define HRKIT_CORE_CROSSED_CONFIDENTIALITY_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"

namespace hrkit {

// One unit of the tree, with the respondents attached to it directly (not
// to a sub-unit), split by the attribute.
struct CrossedUnit {
  // Index of the parent unit in the same span, or -1 for a root.
  std::int32_t parent = -1;
  // A stable identifier of the unit (e.g. its org unit id value), used only
  // to break ties between sibling units of equal count.
  std::int64_t key = 0;
  // Respondents of the unit itself with each value, in the order of the
  // values (one entry per value).
  std::vector<std::int64_t> by_value{};
  // Respondents of the unit itself with no value.
  std::int64_t without_value = 0;
};

// The verdicts and counts of every cell.
struct CrossedSuppression {
  std::vector<Suppression> total;                      // per unit: (U, *)
  std::vector<std::vector<Suppression>> by_value;      // per unit, per value: (U, v)
  std::vector<std::int64_t> total_count;               // per unit: respondents of (U, *)
  std::vector<std::vector<std::int64_t>> value_count;  // per unit, per value: of (U, v)
};

// The verdicts of the crossed cells of `units` (parents before children)
// and the attribute's values, keyed by `value_keys` (stable identifiers,
// used only to break ties between values of equal count; one per value).
// Errors (InvalidArgument): invalid thresholds or `disclosure`; too many
// cells (units x (values + 1) above 2^31-1); naming the unit as "units[i]"
// and the field: a parent that is neither -1 nor an earlier unit; a
// "by_value" of another size than `value_keys`; a negative count; counts
// whose sum overflows.
//
// Example: unit 20 with child unit 12, locations a (key 1) and b (key 2):
//   std::vector<CrossedUnit> units = {
//       {.parent = -1, .key = 20, .by_value = {5, 3}},  // 8 of its own
//       {.parent = 0, .key = 12, .by_value = {5, 7}},
//   };
//   const std::int64_t locations[] = {1, 2};
//   HRKIT_ASSIGN_OR_RETURN(CrossedSuppression cells,
//       SuppressCrossedGroups(units, locations, thresholds, Disclosure::kAggregates));
//   // (12, b) = 7 is hidden (complement: (20, b) - 7 = 3), so (12, a) = 5
//   // is hidden too (lone hidden member: 12 - 5 would give the 7 away).
absl::StatusOr<CrossedSuppression> SuppressCrossedGroups(std::span<const CrossedUnit> units,
                                                         std::span<const std::int64_t> value_keys,
                                                         const ConfidentialityThresholds& thresholds,
                                                         Disclosure disclosure);

}  // namespace hrkit

#endif  // HRKIT_CORE_CROSSED_CONFIDENTIALITY_HPP_
