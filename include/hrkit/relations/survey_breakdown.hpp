// The confidential report of one survey wave by org unit x one attribute of
// the respondents (their location or their tenure band, as captured on the
// wave's invitation day): for every unit U (with everything below it) its
// total (U, *) and each value (U, v), with the figures OrgReport gives a
// group — invited, respondents, response rate, scale means, item
// summaries, eNPS — or, for a cell the crossed confidentiality rules of
// core/crossed_confidentiality.hpp hide, only the rule that hides it.
//
// Respondents whose invitation has no value (no location recorded; tenure
// band "unknown") count in their units' totals and in no value; they are
// never reported on their own. The units are those of the invitations and
// their ancestors; a cell with nobody invited does not appear.
//
// Not covered: a reader who holds this report and another one of the same
// wave (OrgReport, or the breakdown by the other attribute) may combine
// them; each report protects its own cells (see
// core/crossed_confidentiality.hpp). Give one of them per audience.
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
#include "hrkit/relations/survey_report.hpp"

namespace hrkit {

// The attribute a breakdown crosses the unit tree with.
enum class BreakdownAttribute {
  kLocation = 0,    // SurveyInvitation::location; invalid = no value
  kTenureBand = 1,  // SurveyInvitation::tenure_band; "unknown" or empty = no value
};

// "location", "tenure_band"; "unknown" for a value outside the enum.
std::string_view BreakdownAttributeName(BreakdownAttribute attribute);

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

// The breakdown of wave `wave` for the instrument at position `instrument`
// of the survey by `attribute`: units parents first (by depth, then unit
// id); per unit its total, then its values (locations by id; tenure bands
// in service order). Errors: NotFound (no such wave; a unit unknown to
// `lookup`), InvalidArgument (an instrument index out of range; an
// attribute outside the enum), FailedPrecondition (the unit tree has a
// cycle on the invitation day), and the errors of SuppressCrossedGroups.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::vector<SurveyBreakdownCell> cells,
//       SurveyBreakdown(book, 1, 0, BreakdownAttribute::kLocation, lookup));
//   for (const SurveyBreakdownCell& c : cells) {
//     if (!IsShown(c.group.suppression)) continue;  // only its reason is given
//     ...
//   }
absl::StatusOr<std::vector<SurveyBreakdownCell>> SurveyBreakdown(const SurveyBook& book, std::int32_t wave,
                                                                 std::size_t instrument, BreakdownAttribute attribute,
                                                                 const OrgLookup& lookup);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_BREAKDOWN_HPP_
