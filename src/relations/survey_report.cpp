#include "hrkit/relations/survey_report.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "survey_figures.hpp"

namespace hrkit {

using survey_internal::GroupTotals;

absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, std::int32_t wave,
                                                         std::size_t instrument, const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::ReportSubject subject,
                         survey_internal::FindSubject(book, wave, instrument));
  const InstrumentDefinition& def = *subject.instrument;
  const std::vector<const SurveyInvitation*> invitations = survey_internal::WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::GroupTree tree,
                         survey_internal::BuildTree(invitations, subject.wave->invited_on, lookup));
  std::vector<GroupTotals> totals = survey_internal::EmptyTotals(def, tree.unit.size());
  for (const SurveyInvitation* i : invitations) {
    if (auto it = tree.path_of.find(i->org_unit); it != tree.path_of.end()) {
      for (const std::size_t g : it->second) ++totals[g].invited;
    }
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    HRKIT_RETURN_IF_ERROR(survey_internal::AddResponse(def, book.AnswerRow(r, instrument), it->second, totals));
  }
  std::vector<GroupCount> groups(tree.unit.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = totals[g].respondents, .key = tree.unit[g].value()};
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Suppression> verdicts,
                         SuppressGroups(groups, survey_internal::ThresholdsOf(survey), Disclosure::kAggregates));
  std::vector<SurveyGroupResult> out;
  out.reserve(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    SurveyGroupResult result;
    if (IsShown(verdicts[g])) {
      HRKIT_ASSIGN_OR_RETURN(result, survey_internal::ShownGroup(def, totals[g]));
    }
    result.unit = tree.unit[g];
    result.parent = tree.parent[g];
    result.suppression = verdicts[g];
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace hrkit
