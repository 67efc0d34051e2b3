// Survey figures from the stored survey, invitations and responses: for each
// wave, the flat roll-up (relations/survey_rollup.hpp) of the team
// engagement scale and the WHO-5 percentage along the org tree as it stood
// on the invitation day, with the confidentiality verdicts of
// core/confidentiality.hpp. A hidden group keeps only its verdict.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "figures.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/relations/survey_rollup.hpp"
#include "hrkit/synth/survey_generator.hpp"

namespace workforce_report {
namespace {

// The org tree of one day, flat: units parents first, with names.
struct Tree {
  std::vector<hrkit::OrgUnitId> units;
  std::vector<std::int32_t> parents;
  std::vector<std::string> names;
  absl::flat_hash_map<hrkit::OrgUnitId, std::int32_t> index;
};

void Flatten(const hrkit::OrgChartNode& node, std::int32_t parent, Tree* tree) {
  const auto me = static_cast<std::int32_t>(tree->units.size());
  tree->units.push_back(node.unit);
  tree->parents.push_back(parent);
  tree->names.push_back(node.name);
  tree->index[node.unit] = me;
  for (const hrkit::OrgChartNode& child : node.children) Flatten(child, me, tree);
}

absl::StatusOr<Tree> TreeOn(const hrkit::Dataset& data, hrkit::Date date) {
  HRKIT_ASSIGN_OR_RETURN(const hrkit::OrgSnapshot snapshot,
                         hrkit::OrgSnapshot::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>(), {}, date));
  Tree tree;
  for (const hrkit::OrgChartNode& root : snapshot.OrgChart()) Flatten(root, -1, &tree);
  return tree;
}

// The roll-up of one instrument in one wave.
absl::StatusOr<hrkit::SurveyRollup> RollUp(const hrkit::Dataset& data, const hrkit::Survey& survey, int wave,
                                           const hrkit::InstrumentDefinition& instrument, const Tree& tree) {
  std::vector<std::int64_t> invited(tree.units.size(), 0);
  for (const hrkit::SurveyInvitation& i : data.Of<hrkit::SurveyInvitation>()) {
    if (i.survey != survey.id || i.wave != wave) continue;
    if (auto it = tree.index.find(i.org_unit); it != tree.index.end()) ++invited[static_cast<std::size_t>(it->second)];
  }
  absl::flat_hash_map<std::string, std::size_t> item_index;
  for (std::size_t k = 0; k < instrument.items.size(); ++k) item_index[instrument.items[k].code] = k;
  std::vector<std::int32_t> respondent_units;
  std::vector<std::uint8_t> answers;
  for (const hrkit::SurveyResponse& r : data.Of<hrkit::SurveyResponse>()) {
    if (r.survey != survey.id || r.wave != wave) continue;
    auto it = tree.index.find(r.org_unit);
    respondent_units.push_back(it == tree.index.end() ? -1 : it->second);
    const std::size_t row = answers.size();
    answers.resize(row + instrument.items.size(), hrkit::kMissingAnswerByte);
    for (const hrkit::SurveyAnswer& a : r.answers) {
      if (auto item = item_index.find(a.item); item != item_index.end()) {
        answers[row + item->second] = static_cast<std::uint8_t>(a.answer - instrument.min_answer);
      }
    }
  }
  const hrkit::SurveyRollupInput input{tree.units, tree.parents, invited, respondent_units, answers};
  return hrkit::SurveyRollup::Compute(input, instrument,
                                      hrkit::ConfidentialityThresholds{survey.min_group, survey.min_comment_group});
}

std::optional<std::size_t> ScaleIndex(const hrkit::InstrumentDefinition& instrument, std::string_view code) {
  for (std::size_t s = 0; s < instrument.scales.size(); ++s) {
    if (instrument.scales[s].code == code) return s;
  }
  return std::nullopt;
}

// Adds one wave's figures and its heatmap cells (units of levels 1 to 3).
absl::Status AddWave(const hrkit::Dataset& data, const hrkit::Survey& survey, const hrkit::SurveyWave& wave,
                     const hrkit::InstrumentDefinition& team, const hrkit::InstrumentDefinition& who5, Figures* f) {
  HRKIT_ASSIGN_OR_RETURN(const Tree tree, TreeOn(data, wave.invited_on));
  if (tree.units.empty()) return absl::OkStatus();
  HRKIT_ASSIGN_OR_RETURN(const hrkit::SurveyRollup engagement, RollUp(data, survey, wave.number, team, tree));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::SurveyRollup wellbeing, RollUp(data, survey, wave.number, who5, tree));
  const std::size_t mean = ScaleIndex(team, "mean").value_or(0);
  const std::size_t percentage = ScaleIndex(who5, "percentage").value_or(0);

  const hrkit::SurveyGroupResult root = engagement.Group(0);
  f->waves.push_back(WaveFigures{wave.number, wave.invited_on, root.invited.value_or(0), root.respondents.value_or(0),
                                 root.response_rate_percent, engagement.scale_mean(0, mean),
                                 wellbeing.scale_mean(0, percentage)});
  std::vector<int> level(tree.units.size(), 1);
  for (std::size_t g = 0; g < tree.units.size(); ++g) {
    const std::int32_t parent = tree.parents[g];
    if (parent != -1) level[g] = level[static_cast<std::size_t>(parent)] + 1;  // parents come first
    if (level[g] > 3) continue;
    HeatCell cell{.unit = tree.units[g],
                  .unit_name = tree.names[g],
                  .level = level[g],
                  .wave = wave.number,
                  .verdict = engagement.suppression(g),
                  .respondents = std::nullopt,
                  .engagement = std::nullopt,
                  .wellbeing = std::nullopt};
    if (IsShown(cell.verdict) && !IsShown(wellbeing.suppression(g))) cell.verdict = wellbeing.suppression(g);
    if (IsShown(cell.verdict)) {
      cell.respondents = engagement.respondents(g);
      cell.engagement = engagement.scale_mean(g, mean);
      cell.wellbeing = wellbeing.scale_mean(g, percentage);
    }
    f->heatmap.push_back(std::move(cell));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddSurveyFigures(const hrkit::Dataset& data, Figures* f) {
  if (data.Of<hrkit::Survey>().empty()) return absl::OkStatus();
  const hrkit::Survey& survey = data.Of<hrkit::Survey>().front();
  const auto asks = [&](std::string_view code) {
    return std::find(survey.instruments.begin(), survey.instruments.end(), code) != survey.instruments.end();
  };
  if (!asks(hrkit::synth::kTeamInstrumentCode) || !asks("who5")) return absl::OkStatus();  // not this survey's shape
  f->min_group = survey.min_group;
  HRKIT_ASSIGN_OR_RETURN(const hrkit::InstrumentDefinition team, hrkit::synth::TeamInstrument());
  const hrkit::InstrumentDefinition who5 = hrkit::Who5Instrument();
  for (const hrkit::SurveyWave& wave : survey.waves) {
    if (wave.invited_on > f->as_of) continue;  // not invited yet on the as-of date
    HRKIT_RETURN_IF_ERROR(AddWave(data, survey, wave, team, who5, f));
  }
  return absl::OkStatus();
}

}  // namespace workforce_report
