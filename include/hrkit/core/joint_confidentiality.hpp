// Confidentiality of several reports on the same respondents published
// together: an org unit tree, and the same tree crossed with each of several
// flat attributes (location, tenure band, ...). The reports share their unit
// totals, so a reader who holds all of them can combine cells of different
// reports; the rules of core/crossed_confidentiality.hpp are therefore
// applied to every report at once, and the exact chain check covers the
// respondents of one unit with one combination of values (one location AND
// one tenure band), which no single report shows.
//
// Cells. Respondents carry a unit and, per attribute, at most one value;
// respondents without a value of an attribute count in their unit but in no
// value of that attribute. For every unit U:
//   (U, *) = every respondent of U's subtree (the unit's total, shared by
//            every report);
//   (U, a = v) = the respondents of U's subtree with value v of attribute a.
// Families: the unit family of every column (U's total, or one value of one
// attribute) within the tree, and per attribute the attribute family
// (U, *) over (U, a = v_1) .. (U, a = v_m), as in
// core/crossed_confidentiality.hpp. With two or more attributes, the
// respondents of U itself are also split by every combination of values
// (the atoms); those sets are never reported, and they tie the attributes
// together for the chain rule.
//
// Rules: 1-6 of core/crossed_confidentiality.hpp (minimum, complement,
// sibling, hidden parent, lone hidden member, chains) over all those
// families, to a fixpoint, in synchronous rounds; verdicts depend only on
// counts and keys. With one attribute the verdicts are those of
// SuppressCrossedGroups; with none, every cell is in the unit tree only and
// the verdicts are those of SuppressGroups on the unit totals.
//
// Guarantee, for the cells of one call, with atoms the respondents of one
// unit itself with one combination of values (a value or none per
// attribute), and a reader who knows every shown cell of every attribute
// and which atoms are empty (checked exactly, with rational linear algebra
// over the atoms, on random trees of up to 12 units with 2 and 3
// attributes, k 3 and 5, in tests/core/joint_confidentiality_test.cpp):
//  (a) every shown cell has at least k respondents;
//  (b) no hidden cell with respondents is a linear combination of shown
//      cells (and empty atoms);
//  (c) no atom with 1 to k-1 respondents, and no family's hidden remainder
//      with 1 to k-1 respondents, can be computed that way.
// Not covered: differences between separate calls (publish every report of
// one set of respondents from one call); other unions of atoms.
//
// Cost: as SuppressCrossedGroups over 1 + sum of (values + 1) columns, plus
// the units' non-empty atoms; the chain rule grows faster than linearly (see
// core/crossed_confidentiality.hpp). Measured with 8 locations x 4 tenure
// bands and sparse random counts: 200 units about 8 ms, 1,000 units about
// 0.12 s. Meant for reports of up to a few thousand units.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_CORE_JOINT_CONFIDENTIALITY_HPP_
#define HRKIT_CORE_JOINT_CONFIDENTIALITY_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"

namespace hrkit {

// One unit of the tree.
struct JointUnit {
  // Index of the parent unit in the same span, or -1 for a root.
  std::int32_t parent = -1;
  // A stable identifier of the unit (e.g. its org unit id value), used only
  // to break ties between cells of equal count.
  std::int64_t key = 0;
};

// One attribute the tree is crossed with.
struct JointAttribute {
  // Stable identifiers of the attribute's values, one per value, used only
  // to break ties between cells of equal count.
  std::vector<std::int64_t> value_keys{};
};

// Respondents of one unit itself (not of a sub-unit) with one combination
// of values. Several entries with the same unit and values add up.
struct JointRespondents {
  // Index of the unit in the units span.
  std::int32_t unit = 0;
  // Per attribute, the index of the value in its value_keys, or -1 for no
  // value.
  std::vector<std::int32_t> values{};
  // How many respondents.
  std::int64_t count = 0;
};

// The verdicts and counts of every cell.
struct JointSuppression {
  std::vector<Suppression> total;         // per unit: (U, *)
  std::vector<std::int64_t> total_count;  // per unit: respondents of (U, *)
  // Per attribute, per unit, per value: the verdict of (U, a = v).
  std::vector<std::vector<std::vector<Suppression>>> by_value;
  // Per attribute, per unit, per value: respondents of (U, a = v).
  std::vector<std::vector<std::vector<std::int64_t>>> value_count;
};

// The verdicts of the cells of `units` (parents before children) crossed
// with each of `attributes`, for `respondents`. Errors (InvalidArgument):
// invalid thresholds or `disclosure`; too many cells (above 2^31-1); a
// parent that is neither -1 nor an earlier unit ("units[i].parent"); a
// respondents entry ("respondents[i]" and the field) naming a unit out of
// range, with another number of values than attributes, a value index out
// of range, or a negative count; counts whose sum overflows.
//
// Example: parent P (key 1) with child C (key 2), by location (a, b) and
// tenure (short, long); P's own respondents: 1 at (b, short), 5 at
// (b, long); C's own: 5 at (a, short).
//   const JointUnit units[] = {{.parent = -1, .key = 1}, {.parent = 0, .key = 2}};
//   const JointAttribute attributes[] = {{.value_keys = {1, 2}}, {.value_keys = {1, 2}}};
//   const JointRespondents respondents[] = {{.unit = 0, .values = {1, 0}, .count = 1},
//                                           {.unit = 0, .values = {1, 1}, .count = 5},
//                                           {.unit = 1, .values = {0, 0}, .count = 5}};
//   HRKIT_ASSIGN_OR_RETURN(JointSuppression cells,
//       SuppressJointGroups(units, attributes, respondents, thresholds, Disclosure::kAggregates));
//   // The tenure report hides (C, short) = 5, since (P, short) - 5 = 1,
//   // and so C's total. The location report alone would show (C, a) = 5,
//   // all of C, and (P, short) - (C, a) would be P's one respondent with
//   // tenure short; jointly, (C, a) is hidden too (hidden_parent), and with
//   // it (P, a) and (P, b): the location report shows P's total only.
absl::StatusOr<JointSuppression> SuppressJointGroups(std::span<const JointUnit> units,
                                                     std::span<const JointAttribute> attributes,
                                                     std::span<const JointRespondents> respondents,
                                                     const ConfidentialityThresholds& thresholds,
                                                     Disclosure disclosure);

}  // namespace hrkit

#endif  // HRKIT_CORE_JOINT_CONFIDENTIALITY_HPP_
