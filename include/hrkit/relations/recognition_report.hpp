// Counting recognitions (relations/recognition_book.hpp) for groups of
// people, only through the confidentiality rules of core/confidentiality.hpp
// (SuppressGroups: minimum group, complement, sibling, hidden parent): a
// hidden group is reported as suppressed with its reason, never as a number.
// The size of a group is the number of distinct recipients in it.
//
// Per org unit. Each recipient is placed, through OrgLookup, in the unit of
// their position on the date of their latest recognition in the counted
// days, and counts there with all of their recognitions in those days: every
// person is in exactly one unit, so a unit's count is a true head count and
// its subtree's figures are the sums of its sub-units' and its own people's
// (a recipient who moved counts where they were last recognized). The tree
// of units is the one of the query's `as_of` day; the groups are the placed
// units and their ancestors. A recipient without a position on their date
// counts in no unit.
//
// Per company value, for the whole organization: each value is its own
// group (values overlap, so they are separate roots and only the minimum
// rule can apply), sized by the distinct recipients of the recognitions
// tagged with it.
//
// Thread safety: pure functions of their inputs; safe to call concurrently.
#ifndef HRKIT_RELATIONS_RECOGNITION_REPORT_HPP_
#define HRKIT_RELATIONS_RECOGNITION_REPORT_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/relations/recognition_book.hpp"

namespace hrkit {

// Which recognitions a report counts, and its thresholds.
struct RecognitionCountQuery {
  // The first day counted; not a real date (the default) counts from the
  // first recognition.
  Date from{};
  // The last day counted (inclusive), and the day of the unit tree.
  Date as_of{};
  ConfidentialityThresholds thresholds{};
};

// One group of the per-unit report: an org unit and its subtree.
struct RecognitionUnitCount {
  OrgUnitId unit{};                               // the unit; the group is the unit and everything below it
  OrgUnitId parent{};                             // invalid for a top unit
  Suppression suppression = Suppression::kShown;  // kShown, or the rule that hides the group
  // Set only when the group is shown.
  std::optional<std::int64_t> recipients{};  // distinct employees recognized
  // Recognitions received: a recognition counts once for each of its
  // recipients in the group.
  std::optional<std::int64_t> received{};

  friend bool operator==(const RecognitionUnitCount&, const RecognitionUnitCount&) = default;
};

// Recognitions received per unit subtree (see the header comment), one
// entry per group, parents before children (by depth, then unit id).
// Errors:
// - InvalidArgument: `as_of` is not a real date, `from` is after it, or
//   thresholds that core/confidentiality.hpp refuses;
// - NotFound: a recipient missing from `employees`, or a unit unknown to
//   `lookup` (naming the recognition);
// - FailedPrecondition: a recipient without an employment record on the
//   recognition date (naming the recognition), a cyclic unit tree.
// With several faulty recipients, the error is that of the lowest employee
// id.
//
// Cost: one pass over the counted recognitions' recipients; one pass over
// `employees` to index them by id (a flat array when the ids are dense);
// per distinct recipient, their employment record and their position's unit
// on their date (what FactsOn reads, without its copies), with the unit's
// path checked once for each stretch of days on which it stays the same;
// then one path per placed unit on `as_of` and one pass over the groups.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<RecognitionUnitCount> counts,
//       RecognitionsByUnit(book, employees, lookup, {.as_of = today}));
//   for (const RecognitionUnitCount& c : counts) {
//     if (!IsShown(c.suppression)) continue;  // reported as hidden, with its reason
//     ...
//   }
absl::StatusOr<std::vector<RecognitionUnitCount>> RecognitionsByUnit(const RecognitionBook& book,
                                                                     std::span<const Employee> employees,
                                                                     const OrgLookup& lookup,
                                                                     const RecognitionCountQuery& query);

// The count of one company value for the whole organization.
struct RecognitionValueCount {
  std::string value{};                            // the company value
  Suppression suppression = Suppression::kShown;  // kShown, or the rule that hides the count
  // Set only when the value's group is shown.
  std::optional<std::int64_t> recognitions{};  // recognitions tagged with the value
  std::optional<std::int64_t> recipients{};    // distinct employees who received them

  friend bool operator==(const RecognitionValueCount&, const RecognitionValueCount&) = default;
};

// Recognitions per company value, one entry per configured value in the
// book's order (a value nobody was recognized for is an empty group:
// below_minimum). Errors (InvalidArgument): as RecognitionsByUnit's for the
// query.
absl::StatusOr<std::vector<RecognitionValueCount>> RecognitionsByValue(const RecognitionBook& book,
                                                                       const RecognitionCountQuery& query);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_RECOGNITION_REPORT_HPP_
