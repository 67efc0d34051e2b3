// The confidential report of one survey wave along the org tree: for each
// org unit (with everything below it, as the tree stood on the wave's
// invitation day) the number invited and responding, the response rate, the
// mean of each of the instrument's scales, each item's mean, favourability
// and distribution, and the eNPS for a 0..10 single-item instrument — or,
// for a group the confidentiality rules of core/confidentiality.hpp hide
// (minimum group, complement, sibling, hidden parent, with the survey's
// thresholds), only the unit and the rule that hides it: never a number,
// never an empty group.
//
// Respondents count in the unit captured on their invitation and in every
// unit above it. A respondent whose invitation has no unit counts in no
// group. The groups are the units of the invitations and their ancestors;
// a unit nobody was invited from does not appear.
//
// A wave whose breakdowns by location or tenure band are published too
// (relations/survey_breakdown.hpp) must take all its verdicts from one
// WaveDisclosure (relations/survey_disclosure.hpp): the overload taking one
// gives its verdicts; the one without is the unit report on its own.
//
// Thread safety: a pure function of its inputs; safe to call concurrently.
#ifndef HRKIT_RELATIONS_SURVEY_REPORT_HPP_
#define HRKIT_RELATIONS_SURVEY_REPORT_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/statistics.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_disclosure.hpp"

namespace hrkit {

// The mean of one scale over the respondents it scores.
struct ScaleResult {
  std::string code{};            // the scale's code
  std::int64_t scored = 0;       // respondents with a score (the missing-answer rule)
  std::optional<double> mean{};  // nullopt when nobody is scored

  friend bool operator==(const ScaleResult&, const ScaleResult&) = default;
};

// One group of the report: an org unit and its subtree.
struct SurveyGroupResult {
  OrgUnitId unit{};                               // the group's unit (with its subtree)
  OrgUnitId parent{};                             // invalid for a top unit
  Suppression suppression = Suppression::kShown;  // kShown, or the rule that hides the group
  // The figures below are set only when the group is shown.
  std::optional<std::int64_t> invited{};
  std::optional<std::int64_t> respondents{};
  std::optional<double> response_rate_percent{};
  std::vector<ScaleResult> scales{};  // in the instrument's scale order
  std::vector<ItemSummary> items{};   // in the instrument's item order
  std::optional<double> enps{};       // a single 0..10 item only

  friend bool operator==(const SurveyGroupResult&, const SurveyGroupResult&) = default;
};

// The report of wave `wave` for the instrument at position `instrument` of
// the survey: one result per group, parents before children (by depth, then
// unit id). Errors: NotFound (no such wave; a unit unknown to `lookup`),
// InvalidArgument (an instrument index out of range), FailedPrecondition
// (the unit tree has a cycle on the invitation day), and the errors of
// SuppressGroups.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<SurveyGroupResult> report, OrgReport(book, 1, 0, lookup));
//   for (const SurveyGroupResult& g : report) {
//     if (!IsShown(g.suppression)) continue;  // reported as suppressed, with its reason
//     ...
//   }
absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, std::int32_t wave,
                                                         std::size_t instrument, const OrgLookup& lookup);

// The same report with the verdicts of `disclosure` (its wave), decided
// once for this report and every breakdown the wave publishes
// (relations/survey_disclosure.hpp): publish a wave's unit report this way
// whenever a breakdown of the wave is published too. Errors: those above,
// and FailedPrecondition for a disclosure of another survey, decided before
// responses were added, or over another unit tree.
absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, const WaveDisclosure& disclosure,
                                                         std::size_t instrument, const OrgLookup& lookup);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_REPORT_HPP_
