// The confidential report of one survey wave by org unit x one attribute of
// the respondents (their location or their tenure band, as captured on the
// wave's invitation day): for every unit U (with everything below it) its
// total (U, *) and each value (U, v), with the figures OrgReport gives a
// group — invited, respondents, response rate, scale means, item
// summaries, eNPS — or, for a hidden cell, only the rule that hides it. The
// verdicts are those of the wave's WaveDisclosure
// (relations/survey_disclosure.hpp), decided once for the unit report and
// every breakdown the wave publishes, so that no cell one of them hides can
// be had from the cells of the others.
//
// Respondents whose invitation has no value (no location recorded; tenure
// band "unknown") count in their units' totals and in no value; they are
// never reported on their own. The units are those of the invitations and
// their ancestors; a cell with nobody invited does not appear.
//
// Thread safety: a pure function of its inputs; safe to call concurrently.
#ifndef HRKIT_RELATIONS_SURVEY_BREAKDOWN_HPP_
#define HRKIT_RELATIONS_SURVEY_BREAKDOWN_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_disclosure.hpp"
#include "hrkit/relations/survey_report.hpp"

namespace hrkit {

// One cell of a breakdown.
struct SurveyBreakdownCell {
  // Empty for the unit's total (U, *); otherwise the value: the location id
  // as ToString(LocationId) writes it, or the tenure band ("0-1", "1-3",
  // "3-5", "5+").
  std::string value{};
  // unit, parent and suppression always; the figures only when shown.
  SurveyGroupResult group{};

  friend bool operator==(const SurveyBreakdownCell&, const SurveyBreakdownCell&) = default;
};

// The breakdown of the wave `disclosure` was decided for, for the
// instrument at position `instrument` of the survey, by `attribute`: units
// parents first (by depth, then unit id); per unit its total, then its
// values (locations by id; tenure bands in service order), each with the
// verdict `disclosure` gives it. Errors: InvalidArgument (an instrument
// index out of range; an attribute outside the enum), FailedPrecondition
// (`attribute` is not a breakdown `disclosure` publishes; a disclosure of
// another survey, decided before responses were added, or over another
// unit tree; a cycle in the unit tree on the invitation day), NotFound (a
// unit unknown to `lookup`).
//
// Example:
//   const BreakdownAttribute published[] = {BreakdownAttribute::kLocation};
//   HRKIT_ASSIGN_OR_RETURN(WaveDisclosure disclosure, DecideWaveDisclosure(book, 1, published, lookup));
//   HRKIT_ASSIGN_OR_RETURN(std::vector<SurveyBreakdownCell> cells,
//       SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kLocation, lookup));
//   for (const SurveyBreakdownCell& c : cells) {
//     if (!IsShown(c.group.suppression)) continue;  // only its reason is given
//     ...
//   }
absl::StatusOr<std::vector<SurveyBreakdownCell>> SurveyBreakdown(const SurveyBook& book,
                                                                 const WaveDisclosure& disclosure,
                                                                 std::size_t instrument, BreakdownAttribute attribute,
                                                                 const OrgLookup& lookup);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_BREAKDOWN_HPP_
