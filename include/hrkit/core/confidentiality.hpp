// Confidentiality rules for every report on a group of people (survey
// results, performance peer feedback, diversity breakdowns, team health):
// which groups of a tree of groups may be shown, so that nobody's answers can
// be read off a group that is too small, either directly or by subtracting
// shown groups from each other. Every module that reports on groups of people
// calls this; none re-implements it (DESIGN.md, "Confidentiality is part of
// the model"; DOMAIN.md, "Confidentiality of survey results").
//
// Input: a tree of groups, each with its number of respondents (an org unit
// and its sub-units, a parent and its breakdown by location). A group's count
// includes its subgroups'. Its *direct members* are the rest: respondents of
// the group itself and of no subgroup (a department head, people answering
// "prefer not to say" in a breakdown). They form an implicit subgroup that is
// never reported.
//
// The rules, with k the minimum for what is disclosed (min_group for
// aggregates: scores, counts, breakdowns; min_comment_group for free-text
// comments). In each family (a group and its subgroups) the *hidden
// remainder* is the group's count minus its shown subgroups' counts: its
// direct members plus its hidden subgroups, which is exactly what subtracting
// the shown subgroups from the group gives away.
//  1. Minimum (below_minimum): a group of fewer than k respondents is hidden.
//  2. Complement (complement): a group is hidden when its parent minus the
//     group is 1 to k-1 respondents. When it is 0 (the group is the whole
//     parent) the group is shown: its figures are the parent's, so they
//     reveal nothing about anyone else, and hiding it would be pointless
//     since it equals its parent.
//  3. Sibling (sibling): while a family's hidden remainder is 1 to k-1, its
//     smallest shown subgroup is hidden. The direct members count as a hidden
//     sibling, so a department head is protected like a hidden team. A
//     remainder of 0 needs nothing: only empty groups are hidden.
//  4. Hidden parent (hidden_parent): a hidden group must not be the sum of its
//     shown subgroups. When a hidden group with respondents has a hidden
//     remainder of 0, its smallest shown subgroup is hidden; the rule then
//     applies to that subgroup in turn. Without it, 14 = (5 + 5) + 4 with the
//     10 hidden by rule 2 but its two 5s shown gives the 4 away.
// Rules 2 to 4 apply in every family, whether its parent is shown or not, so
// the reason for a verdict is always found in the group's own family. The
// rules are applied until none changes anything (a fixpoint); a family needs
// at most one sibling or hidden-parent step, since every shown group has at
// least k respondents.
//
// Ties. "Smallest" orders siblings by count, then by `GroupCount::key`, then
// by position in the input. Give every group a stable key (its org unit id,
// its location id) and the verdicts depend only on the tree, never on the
// order the groups are listed in, so two reports on the same groups hide the
// same ones (two reports hiding different ties would together show both).
//
// Empty groups (count 0) are hidden as below_minimum (there is nothing to
// show), add nothing to a hidden remainder, and so never hide a sibling; that
// such a group is empty may be derivable, which exposes nobody's answers.
//
// Guarantee, for the groups of one call (checked against a brute-force search
// on random trees in the tests):
//  (a) every shown group has at least k respondents;
//  (b) every set of respondents whose figures can be computed by adding and
//      subtracting shown groups has 0 or at least k respondents. The smallest
//      such sets are, per shown group, the group minus its nearest shown
//      descendants; each of them is 0 or at least k;
//  (c) no hidden group with respondents can be computed that way.
// Not covered: differences between separate calls. Roots are unrelated (if
// their total is reported, make it the common root), and two breakdowns of the
// same people along different dimensions (unit and location) are two trees:
// a report crossing them uses SuppressCrossedGroups
// (core/crossed_confidentiality.hpp), which applies these rules to both
// dimensions at once.
//
// Cost: O(n) time and memory for n groups, no sorting and no global state.
// The family rules are shared with SuppressCrossedGroups (one engine in
// src/core/confidentiality_families.cpp); the order they are applied in
// (synchronous rounds) gives the same verdicts as applying them one by one.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_CORE_CONFIDENTIALITY_HPP_
#define HRKIT_CORE_CONFIDENTIALITY_HPP_

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace hrkit {

// The lowest minimum group size a survey may configure.
inline constexpr std::int32_t kMinimumGroupFloor = 3;

// Minimum respondents per reported group; fixed once a survey opens.
struct ConfidentialityThresholds {
  // Scores, counts and breakdowns need this many respondents (at least
  // kMinimumGroupFloor).
  std::int32_t min_group = 5;
  // Free-text comments need this many respondents (at least min_group).
  std::int32_t min_comment_group = 10;
};

// OK when min_group >= kMinimumGroupFloor and min_comment_group >= min_group.
// Returns InvalidArgument naming the field ("min_group", "min_comment_group")
// otherwise.
absl::Status ValidateThresholds(const ConfidentialityThresholds& thresholds);

// What a report discloses about each group, which decides the minimum k.
// Comments get the full rules with their own k, not only their minimum: a
// parent's comments minus a shown team's are the other members' own words.
// A larger k only hides more, so comments are shown only where scores are.
enum class Disclosure {
  kAggregates = 0,  // scores, counts, breakdowns: min_group
  kComments = 1,    // free-text comments: min_comment_group
};

// One group of a tree of groups.
struct GroupCount {
  // Index of the parent group in the same span, or -1 for a root.
  std::int32_t parent = -1;
  // Respondents in the group, its subgroups' included.
  std::int64_t count = 0;
  // A stable identifier of the group (e.g. its org unit id value), used only
  // to break ties between siblings of equal count. Equal keys fall back to
  // the position in the input.
  std::int64_t key = 0;
};

// Whether a group is shown, and if not, which rule hides it (see the rules
// at the top of this file).
enum class Suppression {
  kShown = 0,
  kBelowMinimum = 1,  // fewer than k respondents
  kComplement = 2,    // its parent minus it is 1 to k-1 respondents
  kSibling = 3,       // a hidden sibling (or the direct members) needs cover
  kHiddenParent = 4,  // its hidden parent would be the sum of shown groups
  // Crossed reports only (core/crossed_confidentiality.hpp): showing it would
  // give away a cell hidden in its other dimension.
  kLinked = 5,
};

// "shown", "below_minimum", "complement", "sibling", "hidden_parent",
// "linked";
// "unknown" for a value outside the enum.
std::string_view SuppressionName(Suppression s);

// Prints SuppressionName(s).
std::ostream& operator<<(std::ostream& os, Suppression s);

// True for Suppression::kShown.
inline bool IsShown(Suppression s) { return s == Suppression::kShown; }

// The verdict for each group of `groups` (same indices) when a report
// discloses `disclosure` with `thresholds`.
// REQUIRES: groups are listed parents before children.
// Errors (InvalidArgument): invalid thresholds (see ValidateThresholds); a
// `disclosure` outside the enum; more than 2^31-1 groups; and, naming the
// group as "groups[i]" and the field: a parent that is neither -1 nor the
// index of an earlier group; a negative count; a count above its parent's;
// subgroup counts adding up to more than their parent's count.
//
// Example: a department of 17 respondents (one of them, the head, attached
// to the department itself) with teams of 3, 6 and 7:
//   const GroupCount groups[] = {
//       {.parent = -1, .count = 17, .key = 100},  // the department
//       {.parent = 0, .count = 3, .key = 101},    // team A
//       {.parent = 0, .count = 6, .key = 102},    // team B
//       {.parent = 0, .count = 7, .key = 103},    // team C
//   };
//   HRKIT_ASSIGN_OR_RETURN(std::vector<Suppression> verdicts,
//       SuppressGroups(groups, survey.thresholds, Disclosure::kAggregates));
//   // verdicts: {kShown, kBelowMinimum, kSibling, kShown}. Team A has 3 < 5;
//   // team B is hidden too, else 17 - 6 - 7 = 4 would give away team A and
//   // the head; with B hidden the department minus team C leaves 10.
absl::StatusOr<std::vector<Suppression>> SuppressGroups(std::span<const GroupCount> groups,
                                                        const ConfidentialityThresholds& thresholds,
                                                        Disclosure disclosure);

// The verdicts of a flat breakdown: `total` respondents split into parts
// (e.g. by location), each part a subgroup of the total. Respondents in no
// part (total minus the parts) are treated as direct members: never reported,
// always protected. Ties between equal parts go to the earlier part, so list
// the parts in a fixed order (the dimension's own order).
struct BreakdownSuppression {
  Suppression total = Suppression::kShown;  // the verdict of the total
  std::vector<Suppression> parts;           // one per part, same order
};

// SuppressGroups for a one-level tree: `total` is the root, `part_counts` its
// subgroups.
// Errors (InvalidArgument): invalid thresholds or `disclosure`; a negative
// "total"; a negative "part_counts[i]"; parts adding up to more than total.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(BreakdownSuppression by_location,
//       SuppressBreakdown(30, std::vector<std::int64_t>{3, 12, 15}, thresholds, Disclosure::kAggregates));
//   // by_location.parts: {kBelowMinimum, kSibling, kShown}.
absl::StatusOr<BreakdownSuppression> SuppressBreakdown(std::int64_t total, std::span<const std::int64_t> part_counts,
                                                       const ConfidentialityThresholds& thresholds,
                                                       Disclosure disclosure);

}  // namespace hrkit

#endif  // HRKIT_CORE_CONFIDENTIALITY_HPP_
