#include "hrkit/relations/survey_report.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "unit_group_tree.hpp"

namespace hrkit {
namespace {

// Running totals of one group.
struct GroupTotals {
  std::int64_t invited = 0;
  std::int64_t respondents = 0;
  std::vector<double> scale_sum;
  std::vector<std::int64_t> scale_scored;
  std::vector<std::vector<std::int64_t>> distribution;  // per item, per option
};

absl::Status AddResponse(const InstrumentDefinition& def, const std::vector<std::optional<int>>& row,
                         const std::vector<std::size_t>& path, std::vector<GroupTotals>& totals) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<ScaleScore> scores, ScoreResponse(def, row));
  for (const std::size_t g : path) {
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

absl::StatusOr<SurveyGroupResult> ShownGroup(const InstrumentDefinition& def, const GroupTotals& t) {
  SurveyGroupResult out;
  out.invited = t.invited;
  out.respondents = t.respondents;
  if (t.invited > 0) {
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

}  // namespace

absl::StatusOr<std::vector<SurveyGroupResult>> OrgReport(const SurveyBook& book, std::int32_t wave,
                                                         std::size_t instrument, const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  const SurveyWave* w = FindWave(survey, wave);
  if (w == nullptr) return absl::NotFoundError(absl::StrCat(ToString(survey.id), ": wave: no wave ", wave));
  if (instrument >= book.instruments().size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(survey.id), ": instrument: index ", instrument, " is out of range"));
  }
  const InstrumentDefinition& def = book.instruments()[instrument];
  std::vector<const SurveyInvitation*> invitations;
  for (const SurveyInvitation& i : book.invitations()) {
    if (i.wave == wave) invitations.push_back(&i);
  }
  std::vector<OrgUnitId> placed;
  for (const SurveyInvitation* i : invitations) {
    if (i->org_unit.valid()) placed.push_back(i->org_unit);
  }
  HRKIT_ASSIGN_OR_RETURN(const relations_internal::UnitGroupTree tree,
                         relations_internal::BuildUnitGroupTree(placed, w->invited_on, lookup));
  const std::size_t options = static_cast<std::size_t>(def.max_answer - def.min_answer + 1);
  std::vector<GroupTotals> totals(tree.unit.size());
  for (GroupTotals& t : totals) {
    t.scale_sum.assign(def.scales.size(), 0.0);
    t.scale_scored.assign(def.scales.size(), 0);
    t.distribution.assign(def.items.size(), std::vector<std::int64_t>(options, 0));
  }
  for (const SurveyInvitation* i : invitations) {
    if (auto it = tree.path_of.find(i->org_unit); it != tree.path_of.end()) {
      for (const std::size_t g : it->second) ++totals[g].invited;
    }
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    HRKIT_RETURN_IF_ERROR(AddResponse(def, book.AnswerRow(r, instrument), it->second, totals));
  }
  std::vector<GroupCount> groups(tree.unit.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = totals[g].respondents, .key = tree.unit[g].value()};
  }
  HRKIT_ASSIGN_OR_RETURN(
      const std::vector<Suppression> verdicts,
      SuppressGroups(groups, {.min_group = survey.min_group, .min_comment_group = survey.min_comment_group},
                     Disclosure::kAggregates));
  std::vector<SurveyGroupResult> out;
  out.reserve(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    SurveyGroupResult result;
    if (IsShown(verdicts[g])) {
      HRKIT_ASSIGN_OR_RETURN(result, ShownGroup(def, totals[g]));
    }
    result.unit = tree.unit[g];
    result.parent = tree.parent[g];
    result.suppression = verdicts[g];
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace hrkit
