#include "hrkit/relations/survey_breakdown.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/crossed_confidentiality.hpp"
#include "hrkit/core/status.hpp"
#include "survey_figures.hpp"

namespace hrkit {
namespace {

using survey_internal::GroupTotals;

constexpr std::int32_t kNoValue = -1;
constexpr std::array<std::string_view, 4> kTenureBands = {"0-1", "1-3", "3-5", "5+"};

// The attribute's value of an invitation or response: its label and its
// order key, or an empty label for no value.
struct Value {
  std::string label;
  std::int64_t key = 0;
};

Value ValueOf(BreakdownAttribute attribute, LocationId location, const std::string& band) {
  if (attribute == BreakdownAttribute::kLocation) {
    if (!location.valid()) return {};
    return {ToString(location), location.value()};
  }
  const auto known = std::find(kTenureBands.begin(), kTenureBands.end(), band);
  if (known != kTenureBands.end()) return {band, known - kTenureBands.begin()};
  return {};  // "unknown" or a band this version does not know
}

// The values present among the wave's invitations, in key order, and the
// index of each label.
struct Values {
  std::vector<Value> list;
  absl::flat_hash_map<std::string, std::int32_t> index;

  std::int32_t Of(const Value& v) const {
    if (v.label.empty()) return kNoValue;
    auto it = index.find(v.label);
    return it == index.end() ? kNoValue : it->second;
  }
};

Values CollectValues(BreakdownAttribute attribute, const std::vector<const SurveyInvitation*>& invitations) {
  absl::flat_hash_map<std::string, std::int64_t> keys;
  for (const SurveyInvitation* i : invitations) {
    Value v = ValueOf(attribute, i->location, i->tenure_band);
    if (!v.label.empty()) keys.emplace(std::move(v.label), v.key);
  }
  Values values;
  for (auto& [label, key] : keys) values.list.push_back({label, key});
  std::sort(values.list.begin(), values.list.end(), [](const Value& a, const Value& b) { return a.key < b.key; });
  for (std::size_t v = 0; v < values.list.size(); ++v) {
    values.index.emplace(values.list[v].label, static_cast<std::int32_t>(v));
  }
  return values;
}

// Cell c of unit g: g * width + 0 is (U, *), g * width + 1 + v is (U, v).
// The cells a respondent of `path` with value `value` counts in.
std::vector<std::size_t> CellsOf(const std::vector<std::size_t>& path, std::int32_t value, std::size_t width) {
  std::vector<std::size_t> cells;
  for (const std::size_t g : path) {
    cells.push_back(g * width);
    if (value != kNoValue) cells.push_back(g * width + 1 + static_cast<std::size_t>(value));
  }
  return cells;
}

// The report's cells, units in tree order, each unit's total then its
// values; cells with nobody invited are left out.
absl::StatusOr<std::vector<SurveyBreakdownCell>> Cells(const InstrumentDefinition& def,
                                                       const survey_internal::GroupTree& tree, const Values& values,
                                                       const std::vector<GroupTotals>& totals,
                                                       const CrossedSuppression& verdicts) {
  const std::size_t width = values.list.size() + 1;
  std::vector<SurveyBreakdownCell> out;
  for (std::size_t g = 0; g < tree.unit.size(); ++g) {
    for (std::size_t c = 0; c < width; ++c) {
      const GroupTotals& t = totals[g * width + c];
      if (t.invited == 0) continue;
      SurveyBreakdownCell cell;
      const Suppression verdict = c == 0 ? verdicts.total[g] : verdicts.by_value[g][c - 1];
      if (IsShown(verdict)) {
        HRKIT_ASSIGN_OR_RETURN(cell.group, survey_internal::ShownGroup(def, t));
      }
      if (c > 0) cell.value = values.list[c - 1].label;
      cell.group.unit = tree.unit[g];
      cell.group.parent = tree.parent[g];
      cell.group.suppression = verdict;
      out.push_back(std::move(cell));
    }
  }
  return out;
}

}  // namespace

std::string_view BreakdownAttributeName(BreakdownAttribute attribute) {
  switch (attribute) {
    case BreakdownAttribute::kLocation:
      return "location";
    case BreakdownAttribute::kTenureBand:
      return "tenure_band";
  }
  return "unknown";
}

absl::StatusOr<std::vector<SurveyBreakdownCell>> SurveyBreakdown(const SurveyBook& book, std::int32_t wave,
                                                                 std::size_t instrument, BreakdownAttribute attribute,
                                                                 const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  if (BreakdownAttributeName(attribute) == "unknown") {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(survey.id), ": attribute: unknown value ", static_cast<int>(attribute)));
  }
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::ReportSubject subject,
                         survey_internal::FindSubject(book, wave, instrument));
  const InstrumentDefinition& def = *subject.instrument;
  const std::vector<const SurveyInvitation*> invitations = survey_internal::WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::GroupTree tree,
                         survey_internal::BuildTree(invitations, subject.wave->invited_on, lookup));
  const Values values = CollectValues(attribute, invitations);
  const std::size_t width = values.list.size() + 1;
  std::vector<GroupTotals> totals = survey_internal::EmptyTotals(def, tree.unit.size() * width);
  for (const SurveyInvitation* i : invitations) {
    auto it = tree.path_of.find(i->org_unit);
    if (it == tree.path_of.end()) continue;
    const std::int32_t value = values.Of(ValueOf(attribute, i->location, i->tenure_band));
    for (const std::size_t c : CellsOf(it->second, value, width)) ++totals[c].invited;
  }
  // Each unit's own respondents by value, for the confidentiality rules.
  std::vector<CrossedUnit> units(tree.unit.size());
  for (std::size_t g = 0; g < units.size(); ++g) {
    units[g] = {.parent = tree.parent_index[g],
                .key = tree.unit[g].value(),
                .by_value = std::vector<std::int64_t>(width - 1, 0)};
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    const std::int32_t value = values.Of(ValueOf(attribute, r.location, r.tenure_band));
    HRKIT_RETURN_IF_ERROR(
        survey_internal::AddResponse(def, book.AnswerRow(r, instrument), CellsOf(it->second, value, width), totals));
    CrossedUnit& own = units[it->second.front()];
    ++(value == kNoValue ? own.without_value : own.by_value[static_cast<std::size_t>(value)]);
  }
  std::vector<std::int64_t> keys;
  for (const Value& v : values.list) keys.push_back(v.key);
  HRKIT_ASSIGN_OR_RETURN(
      const CrossedSuppression verdicts,
      SuppressCrossedGroups(units, keys, survey_internal::ThresholdsOf(survey), Disclosure::kAggregates));
  return Cells(def, tree, values, totals, verdicts);
}

}  // namespace hrkit
