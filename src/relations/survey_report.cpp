#include "hrkit/relations/survey_report.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "survey_figures.hpp"
#include "wave_disclosure_access.hpp"

namespace hrkit {
namespace {

using survey_internal::GroupTotals;

// What a unit report counts, before any verdict.
struct UnitTotals {
  const InstrumentDefinition* def = nullptr;
  survey_internal::GroupTree tree;
  std::vector<GroupTotals> totals;  // per unit of the tree
};

absl::StatusOr<UnitTotals> CountUnits(const SurveyBook& book, std::int32_t wave, std::size_t instrument,
                                      const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::ReportSubject subject,
                         survey_internal::FindSubject(book, wave, instrument));
  UnitTotals out;
  out.def = subject.instrument;
  const std::vector<const SurveyInvitation*> invitations = survey_internal::WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(out.tree, survey_internal::BuildTree(invitations, subject.wave->invited_on, lookup));
  out.totals = survey_internal::EmptyTotals(*out.def, out.tree.unit.size());
  for (const SurveyInvitation* i : invitations) {
    if (auto it = out.tree.path_of.find(i->org_unit); it != out.tree.path_of.end()) {
      for (const std::size_t g : it->second) ++out.totals[g].invited;
    }
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = out.tree.path_of.find(r.org_unit);
    if (it == out.tree.path_of.end()) continue;
    HRKIT_RETURN_IF_ERROR(
        survey_internal::AddResponse(*out.def, book.AnswerRow(r, instrument), it->second, out.totals));
  }
  return out;
}

absl::StatusOr<std::vector<SurveyGroupResult>> Results(const UnitTotals& counted,
                                                       const std::vector<Suppression>& verdicts) {
  std::vector<SurveyGroupResult> out;
  out.reserve(verdicts.size());
  for (std::size_t g = 0; g < verdicts.size(); ++g) {
    SurveyGroupResult result;
    if (IsShown(verdicts[g])) {
      HRKIT_ASSIGN_OR_RETURN(result, survey_internal::ShownGroup(*counted.def, counted.totals[g]));
    }
    result.unit = counted.tree.unit[g];
    result.parent = counted.tree.parent[g];
    result.suppression = verdicts[g];
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, std::int32_t wave,
                                                         std::size_t instrument, const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const UnitTotals counted, CountUnits(book, wave, instrument, lookup));
  std::vector<GroupCount> groups(counted.tree.unit.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = counted.tree.parent_index[g],
                 .count = counted.totals[g].respondents,
                 .key = counted.tree.unit[g].value()};
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Suppression> verdicts,
                         SuppressGroups(groups, survey_internal::ThresholdsOf(book.survey()), Disclosure::kAggregates));
  return Results(counted, verdicts);
}

absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, const WaveDisclosure& disclosure,
                                                         std::size_t instrument, const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const UnitTotals counted, CountUnits(book, disclosure.wave(), instrument, lookup));
  HRKIT_RETURN_IF_ERROR(survey_internal::DisclosureAccess::Check(disclosure, book, counted.tree));
  return Results(counted, survey_internal::DisclosureAccess::Totals(disclosure));
}

}  // namespace hrkit
