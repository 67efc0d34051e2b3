// Survey figures from the stored survey, invitations and responses, read
// back into a SurveyBook (SurveyBook::FromEntities checks them as the book
// checked them when they were written): for each wave, the team engagement
// scale and the WHO-5 percentage along the org tree as it stood on the
// invitation day, and for the whole organization by location. The unit
// report and the location breakdown are published together, so both take
// their verdicts from one WaveDisclosure (relations/survey_disclosure.hpp):
// no cell one of them hides can be had from the other. A hidden group keeps
// only its verdict.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "figures.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_breakdown.hpp"
#include "hrkit/relations/survey_disclosure.hpp"
#include "hrkit/relations/survey_report.hpp"
#include "hrkit/synth/survey_generator.hpp"

namespace workforce_report {
namespace {

// The org tree of one day, flat: units parents first, with names and levels
// (1 = a root).
struct Tree {
  std::vector<hrkit::OrgUnitId> units;
  std::vector<std::string> names;
  std::vector<int> levels;
};

void Flatten(const hrkit::OrgChartNode& node, int level, Tree* tree) {
  tree->units.push_back(node.unit);
  tree->names.push_back(node.name);
  tree->levels.push_back(level);
  for (const hrkit::OrgChartNode& child : node.children) Flatten(child, level + 1, tree);
}

absl::StatusOr<Tree> TreeOn(const hrkit::Dataset& data, hrkit::Date date) {
  HRKIT_ASSIGN_OR_RETURN(const hrkit::OrgSnapshot snapshot,
                         hrkit::OrgSnapshot::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>(), {}, date));
  Tree tree;
  for (const hrkit::OrgChartNode& root : snapshot.OrgChart()) Flatten(root, 1, &tree);
  return tree;
}

std::optional<double> ScaleMean(const hrkit::SurveyGroupResult& g, std::string_view code) {
  for (const hrkit::ScaleResult& s : g.scales) {
    if (s.code == code) return s.mean;
  }
  return std::nullopt;
}

// What the survey figures read: the book, the org lookup, the positions of
// the two instruments in the survey and the locations' names.
struct SurveyInputs {
  const hrkit::SurveyBook* book = nullptr;
  const hrkit::OrgLookup* lookup = nullptr;
  std::size_t team = 0;
  std::size_t who5 = 0;
  absl::flat_hash_map<std::string, std::string> location_names;  // "location:<id>" -> name
};

// The heatmap cells of one wave (units of levels 1 to 3) and its headline.
absl::Status AddUnits(const hrkit::Dataset& data, const SurveyInputs& in, const hrkit::WaveDisclosure& disclosure,
                      const hrkit::SurveyWave& wave, Figures* f) {
  HRKIT_ASSIGN_OR_RETURN(const Tree tree, TreeOn(data, wave.invited_on));
  HRKIT_ASSIGN_OR_RETURN(const auto engagement, hrkit::OrgReport(*in.book, disclosure, in.team, *in.lookup));
  HRKIT_ASSIGN_OR_RETURN(const auto wellbeing, hrkit::OrgReport(*in.book, disclosure, in.who5, *in.lookup));
  if (engagement.empty()) return absl::OkStatus();
  absl::flat_hash_map<hrkit::OrgUnitId, std::size_t> index;
  for (std::size_t g = 0; g < engagement.size(); ++g) index[engagement[g].unit] = g;
  const hrkit::SurveyGroupResult& root = engagement.front();
  f->waves.push_back(WaveFigures{wave.number, wave.invited_on, root.invited.value_or(0), root.respondents.value_or(0),
                                 root.response_rate_percent, ScaleMean(root, "mean"),
                                 ScaleMean(wellbeing.front(), "percentage")});
  for (std::size_t u = 0; u < tree.units.size(); ++u) {
    if (tree.levels[u] > 3) continue;
    HeatCell cell{.unit = tree.units[u],
                  .unit_name = tree.names[u],
                  .level = tree.levels[u],
                  .wave = wave.number,
                  .verdict = hrkit::Suppression::kBelowMinimum,  // nobody invited from it
                  .respondents = std::nullopt,
                  .engagement = std::nullopt,
                  .wellbeing = std::nullopt};
    if (auto it = index.find(tree.units[u]); it != index.end()) {
      const hrkit::SurveyGroupResult& g = engagement[it->second];
      cell.verdict = g.suppression;
      if (IsShown(g.suppression)) {
        cell.respondents = g.respondents;
        cell.engagement = ScaleMean(g, "mean");
        cell.wellbeing = ScaleMean(wellbeing[it->second], "percentage");
      }
    }
    f->heatmap.push_back(std::move(cell));
  }
  return absl::OkStatus();
}

// The whole organization (the root units) by location in one wave.
absl::Status AddLocations(const SurveyInputs& in, const hrkit::WaveDisclosure& disclosure, int wave, Figures* f) {
  constexpr auto kLocation = hrkit::BreakdownAttribute::kLocation;
  HRKIT_ASSIGN_OR_RETURN(const auto engagement,
                         hrkit::SurveyBreakdown(*in.book, disclosure, in.team, kLocation, *in.lookup));
  HRKIT_ASSIGN_OR_RETURN(const auto wellbeing,
                         hrkit::SurveyBreakdown(*in.book, disclosure, in.who5, kLocation, *in.lookup));
  for (std::size_t c = 0; c < engagement.size(); ++c) {
    const hrkit::SurveyBreakdownCell& cell = engagement[c];
    if (cell.group.parent.valid() || cell.value.empty()) continue;  // roots' locations only
    auto name = in.location_names.find(cell.value);
    LocationCell out{.location = name == in.location_names.end() ? cell.value : name->second,
                     .wave = wave,
                     .verdict = cell.group.suppression,
                     .respondents = std::nullopt,
                     .engagement = std::nullopt,
                     .wellbeing = std::nullopt};
    if (IsShown(cell.group.suppression)) {
      out.respondents = cell.group.respondents;
      out.engagement = ScaleMean(cell.group, "mean");
      out.wellbeing = ScaleMean(wellbeing[c].group, "percentage");
    }
    f->locations.push_back(std::move(out));
  }
  return absl::OkStatus();
}

std::size_t IndexOf(const hrkit::Survey& survey, std::string_view code) {
  return static_cast<std::size_t>(std::find(survey.instruments.begin(), survey.instruments.end(), code) -
                                  survey.instruments.begin());
}

}  // namespace

absl::Status AddSurveyFigures(const hrkit::Dataset& data, Figures* f) {
  if (data.Of<hrkit::Survey>().empty()) return absl::OkStatus();
  const hrkit::Survey& survey = data.Of<hrkit::Survey>().front();
  SurveyInputs in;
  in.team = IndexOf(survey, hrkit::synth::kTeamInstrumentCode);
  in.who5 = IndexOf(survey, "who5");
  if (in.team == survey.instruments.size() || in.who5 == survey.instruments.size()) {
    return absl::OkStatus();  // not this survey's shape
  }
  f->min_group = survey.min_group;
  HRKIT_ASSIGN_OR_RETURN(const hrkit::InstrumentDefinition team, hrkit::synth::TeamInstrument());
  const hrkit::InstrumentDefinition instruments[] = {team, hrkit::Who5Instrument(), hrkit::EnpsInstrument()};
  std::vector<hrkit::SurveyInvitation> invitations;
  for (const hrkit::SurveyInvitation& i : data.Of<hrkit::SurveyInvitation>()) {
    if (i.survey == survey.id) invitations.push_back(i);
  }
  std::vector<hrkit::SurveyResponse> responses;
  for (const hrkit::SurveyResponse& r : data.Of<hrkit::SurveyResponse>()) {
    if (r.survey == survey.id) responses.push_back(r);
  }
  HRKIT_ASSIGN_OR_RETURN(
      const hrkit::SurveyBook book,
      hrkit::SurveyBook::FromEntities(survey, instruments, std::move(invitations), std::move(responses)));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::OrgLookup lookup,
                         hrkit::OrgLookup::Build(data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>()));
  in.book = &book;
  in.lookup = &lookup;
  for (const hrkit::Location& l : data.Of<hrkit::Location>()) in.location_names[hrkit::ToString(l.id)] = l.name;
  const hrkit::BreakdownAttribute published[] = {hrkit::BreakdownAttribute::kLocation};
  for (const hrkit::SurveyWave& wave : survey.waves) {
    if (wave.invited_on > f->as_of) continue;  // not invited yet on the as-of date
    HRKIT_ASSIGN_OR_RETURN(const hrkit::WaveDisclosure disclosure,
                           hrkit::DecideWaveDisclosure(book, wave.number, published, lookup));
    HRKIT_RETURN_IF_ERROR(AddUnits(data, in, disclosure, wave, f));
    HRKIT_RETURN_IF_ERROR(AddLocations(in, disclosure, wave.number, f));
  }
  return absl::OkStatus();
}

}  // namespace workforce_report
