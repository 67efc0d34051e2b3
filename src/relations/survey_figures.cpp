#include "survey_figures.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/relations/statistics.hpp"

namespace hrkit::survey_internal {

absl::StatusOr<GroupTree> BuildTree(const std::vector<const SurveyInvitation*>& invitations, Date day,
                                    const OrgLookup& lookup) {
  std::vector<OrgUnitId> placed;
  placed.reserve(invitations.size());
  for (const SurveyInvitation* i : invitations) {
    if (i->org_unit.valid()) placed.push_back(i->org_unit);
  }
  return relations_internal::BuildUnitGroupTree(placed, day, lookup);
}

absl::Status AddResponse(const InstrumentDefinition& def, const std::vector<std::optional<int>>& row,
                         const std::vector<std::size_t>& groups, std::vector<GroupTotals>& totals) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<ScaleScore> scores, ScoreResponse(def, row));
  for (const std::size_t g : groups) {
    GroupTotals& t = totals[g];
    ++t.respondents;
    for (std::size_t s = 0; s < scores.size(); ++s) {
      if (!scores[s].value.has_value()) continue;
      t.scale_sum[s] += *scores[s].value;
      ++t.scale_scored[s];
    }
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (row[k].has_value()) ++t.distribution[k][static_cast<std::size_t>(*row[k] - def.min_answer)];
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<SurveyGroupResult> ShownGroup(const InstrumentDefinition& def, const GroupTotals& t, bool with_invited) {
  SurveyGroupResult out;
  if (with_invited) out.invited = t.invited;
  out.respondents = t.respondents;
  if (with_invited && t.invited > 0) {
    out.response_rate_percent = 100.0 * static_cast<double>(t.respondents) / static_cast<double>(t.invited);
  }
  for (std::size_t s = 0; s < def.scales.size(); ++s) {
    ScaleResult& scale = out.scales.emplace_back();
    scale.code = def.scales[s].code;
    scale.scored = t.scale_scored[s];
    if (scale.scored > 0) scale.mean = t.scale_sum[s] / static_cast<double>(scale.scored);
  }
  for (std::size_t k = 0; k < def.items.size(); ++k) {
    HRKIT_ASSIGN_OR_RETURN(ItemSummary item, SummarizeDistribution(def, k, t.distribution[k]));
    out.items.push_back(std::move(item));
  }
  if (def.items.size() == 1 && def.min_answer == 0 && def.max_answer == 10) {
    std::vector<int> answers;
    for (int a = 0; a <= 10; ++a) answers.insert(answers.end(), static_cast<std::size_t>(t.distribution[0][a]), a);
    HRKIT_ASSIGN_OR_RETURN(out.enps, NetPromoterScore(answers));
  }
  return out;
}

std::vector<const SurveyInvitation*> WaveInvitations(const SurveyBook& book, std::int32_t wave) {
  std::vector<const SurveyInvitation*> invitations;
  for (const SurveyInvitation& i : book.invitations()) {
    if (i.wave == wave) invitations.push_back(&i);
  }
  return invitations;
}

absl::StatusOr<ReportSubject> FindSubject(const SurveyBook& book, std::int32_t wave, std::size_t instrument) {
  const Survey& survey = book.survey();
  const SurveyWave* w = FindWave(survey, wave);
  if (w == nullptr) return absl::NotFoundError(absl::StrCat(ToString(survey.id), ": wave: no wave ", wave));
  if (instrument >= book.instruments().size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(survey.id), ": instrument: index ", instrument, " is out of range"));
  }
  return ReportSubject{.wave = w, .instrument = &book.instruments()[instrument]};
}

ConfidentialityThresholds ThresholdsOf(const Survey& survey) {
  return {.min_group = survey.min_group, .min_comment_group = survey.min_comment_group};
}

std::vector<GroupTotals> EmptyTotals(const InstrumentDefinition& def, std::size_t groups) {
  const auto options = static_cast<std::size_t>(def.max_answer - def.min_answer + 1);
  std::vector<GroupTotals> totals(groups);
  for (GroupTotals& t : totals) {
    t.scale_sum.assign(def.scales.size(), 0.0);
    t.scale_scored.assign(def.scales.size(), 0);
    t.distribution.assign(def.items.size(), std::vector<std::int64_t>(options, 0));
  }
  return totals;
}

}  // namespace hrkit::survey_internal
