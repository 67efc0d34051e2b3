#include "hrkit/relations/survey_trends.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/relations/survey_report.hpp"

namespace hrkit {
namespace {

// Per unit (with its subtree) and scale, the person scores of one wave.
using ScoresByUnit = absl::flat_hash_map<OrgUnitId, std::vector<std::vector<double>>>;

absl::StatusOr<ScoresByUnit> PersonScores(const SurveyBook& book, std::int32_t wave, std::size_t instrument,
                                          const OrgLookup& lookup) {
  const InstrumentDefinition& def = book.instruments()[instrument];
  const Date day = FindWave(book.survey(), wave)->invited_on;
  absl::flat_hash_map<OrgUnitId, std::vector<OrgUnitId>> paths;
  ScoresByUnit out;
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave || !r.org_unit.valid()) continue;
    auto path = paths.find(r.org_unit);
    if (path == paths.end()) {
      std::vector<OrgUnitId> p;
      HRKIT_RETURN_IF_ERROR(lookup.UnitPathOn(r.org_unit, day, &p));
      path = paths.emplace(r.org_unit, std::move(p)).first;
    }
    HRKIT_ASSIGN_OR_RETURN(const std::vector<ScaleScore> scores, ScoreResponse(def, book.AnswerRow(r, instrument)));
    for (const OrgUnitId unit : path->second) {
      std::vector<std::vector<double>>& per_scale = out[unit];
      per_scale.resize(scores.size());
      for (std::size_t s = 0; s < scores.size(); ++s) {
        if (scores[s].value.has_value()) per_scale[s].push_back(*scores[s].value);
      }
    }
  }
  return out;
}

// The trends between the reports of two waves (each already with its
// verdicts).
absl::StatusOr<std::vector<SurveyGroupTrend>> Trends(const SurveyBook& book, std::int32_t before, std::int32_t after,
                                                     const std::vector<SurveyGroupResult>& first,
                                                     const std::vector<SurveyGroupResult>& second,
                                                     std::size_t instrument, const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const ScoresByUnit first_scores, PersonScores(book, before, instrument, lookup));
  HRKIT_ASSIGN_OR_RETURN(const ScoresByUnit second_scores, PersonScores(book, after, instrument, lookup));
  absl::flat_hash_map<OrgUnitId, Suppression> first_verdicts;
  for (const SurveyGroupResult& g : first) first_verdicts.emplace(g.unit, g.suppression);
  const InstrumentDefinition& def = book.instruments()[instrument];
  std::vector<SurveyGroupTrend> out;
  for (const SurveyGroupResult& g : second) {
    auto it = first_verdicts.find(g.unit);
    if (it == first_verdicts.end()) continue;
    SurveyGroupTrend trend{.unit = g.unit, .before = it->second, .after = g.suppression};
    if (IsShown(trend.before) && IsShown(trend.after)) {
      const auto& a = first_scores.at(g.unit);
      const auto& b = second_scores.at(g.unit);
      for (std::size_t s = 0; s < def.scales.size(); ++s) {
        ScaleTrend& scale = trend.scales.emplace_back();
        scale.code = def.scales[s].code;
        if (absl::StatusOr<MeanComparison> c = WelchTest(a[s], b[s]); c.ok()) scale.comparison = *c;
      }
    }
    out.push_back(std::move(trend));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<SurveyGroupTrend>> TrendReport(const SurveyBook& book, std::int32_t before,
                                                          std::int32_t after, std::size_t instrument,
                                                          const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SurveyGroupResult> first, OrgReport(book, before, instrument, lookup));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SurveyGroupResult> second, OrgReport(book, after, instrument, lookup));
  return Trends(book, before, after, first, second, instrument, lookup);
}

absl::StatusOr<std::vector<SurveyGroupTrend>> TrendReport(const SurveyBook& book, const WaveDisclosure& before,
                                                          const WaveDisclosure& after, std::size_t instrument,
                                                          const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SurveyGroupResult> first, OrgReport(book, before, instrument, lookup));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SurveyGroupResult> second, OrgReport(book, after, instrument, lookup));
  return Trends(book, before.wave(), after.wave(), first, second, instrument, lookup);
}

absl::StatusOr<double> ScaleAlpha(const SurveyBook& book, std::int32_t wave, std::size_t instrument,
                                  std::size_t scale) {
  const std::string who = ToString(book.survey().id);
  if (FindWave(book.survey(), wave) == nullptr) return absl::NotFoundError(absl::StrCat(who, ": wave: no wave ", wave));
  if (instrument >= book.instruments().size()) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": instrument: index ", instrument, " is out of range"));
  }
  const InstrumentDefinition& def = book.instruments()[instrument];
  if (scale >= def.scales.size()) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": scale: index ", scale, " is out of range"));
  }
  const std::vector<std::size_t>& items = def.scales[scale].items;
  if (items.size() < 2) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": scale: ", def.scales[scale].code, " has one item; alpha needs two or more"));
  }
  std::vector<std::vector<double>> rows;
  for (const std::vector<std::optional<int>>& answers : book.AnswersOf(wave, instrument)) {
    std::vector<double> row;
    for (const std::size_t item : items) {
      if (!answers[item].has_value()) break;
      row.push_back(ItemValue(def, item, *answers[item]));
    }
    if (row.size() == items.size()) rows.push_back(std::move(row));
  }
  return CronbachAlpha(rows);
}

}  // namespace hrkit
