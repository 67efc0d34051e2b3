// Internal to relations: what every confidential survey report computes per
// group (invited, respondents, response rate, scale means, item summaries,
// eNPS) and the unit tree of a wave, written once for OrgReport
// (survey_report.hpp), the unit x attribute breakdowns
// (survey_breakdown.hpp) and the comment report (survey_comments.hpp).
// Which groups are shown is decided by core/confidentiality.hpp and
// core/crossed_confidentiality.hpp only.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_SRC_RELATIONS_SURVEY_FIGURES_HPP_
#define HRKIT_SRC_RELATIONS_SURVEY_FIGURES_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_report.hpp"
#include "unit_group_tree.hpp"

namespace hrkit::survey_internal {

// The groups of a report: units in parent-before-child order (by depth, then
// unit id), and each invited unit's path (its index and its ancestors').
using GroupTree = relations_internal::UnitGroupTree;

// The tree of the units of `invitations` (those with a unit) and their
// ancestors on `day`. Errors: NotFound (a unit unknown to `lookup`),
// FailedPrecondition (a cycle).
absl::StatusOr<GroupTree> BuildTree(const std::vector<const SurveyInvitation*>& invitations, Date day,
                                    const OrgLookup& lookup);

// The invitations of wave `wave`, in book order.
std::vector<const SurveyInvitation*> WaveInvitations(const SurveyBook& book, std::int32_t wave);

// The wave and the instrument a report asks for. Errors: NotFound (no such
// wave), InvalidArgument (an instrument index out of range).
struct ReportSubject {
  const SurveyWave* wave = nullptr;
  const InstrumentDefinition* instrument = nullptr;
};
absl::StatusOr<ReportSubject> FindSubject(const SurveyBook& book, std::int32_t wave, std::size_t instrument);

// The thresholds of the survey, as core/confidentiality.hpp takes them.
ConfidentialityThresholds ThresholdsOf(const Survey& survey);

// Running totals of one group.
struct GroupTotals {
  std::int64_t invited = 0;
  std::int64_t respondents = 0;
  std::vector<double> scale_sum;
  std::vector<std::int64_t> scale_scored;
  std::vector<std::vector<std::int64_t>> distribution;  // per item, per option
};

// `groups` empty totals for `def`.
std::vector<GroupTotals> EmptyTotals(const InstrumentDefinition& def, std::size_t groups);

// Adds one response (its answers to `def`, as SurveyBook::AnswerRow gives
// them) to each group of `groups`. Errors: those of ScoreResponse.
absl::Status AddResponse(const InstrumentDefinition& def, const std::vector<std::optional<int>>& row,
                         const std::vector<std::size_t>& groups, std::vector<GroupTotals>& totals);

// The figures of a shown group (unit, parent and suppression left unset).
// `with_invited`: whether invited counts (and so the response rate) are
// known for the group. Errors: those of SummarizeDistribution and
// NetPromoterScore.
absl::StatusOr<SurveyGroupResult> ShownGroup(const InstrumentDefinition& def, const GroupTotals& t,
                                             bool with_invited = true);

}  // namespace hrkit::survey_internal

#endif  // HRKIT_SRC_RELATIONS_SURVEY_FIGURES_HPP_
