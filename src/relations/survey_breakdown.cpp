#include "hrkit/relations/survey_breakdown.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "survey_figures.hpp"
#include "wave_disclosure_access.hpp"

namespace hrkit {
namespace {

using survey_internal::DisclosureAccess;
using survey_internal::GroupTotals;

constexpr std::int32_t kNoValue = -1;

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
                                                       const survey_internal::GroupTree& tree,
                                                       const std::vector<std::string>& values,
                                                       const std::vector<GroupTotals>& totals,
                                                       const std::vector<Suppression>& total_verdicts,
                                                       const std::vector<std::vector<Suppression>>& value_verdicts) {
  const std::size_t width = values.size() + 1;
  std::vector<SurveyBreakdownCell> out;
  for (std::size_t g = 0; g < tree.unit.size(); ++g) {
    for (std::size_t c = 0; c < width; ++c) {
      const GroupTotals& t = totals[g * width + c];
      if (t.invited == 0) continue;
      SurveyBreakdownCell cell;
      const Suppression verdict = c == 0 ? total_verdicts[g] : value_verdicts[g][c - 1];
      if (IsShown(verdict)) {
        HRKIT_ASSIGN_OR_RETURN(cell.group, survey_internal::ShownGroup(def, t));
      }
      if (c > 0) cell.value = values[c - 1];
      cell.group.unit = tree.unit[g];
      cell.group.parent = tree.parent[g];
      cell.group.suppression = verdict;
      out.push_back(std::move(cell));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<SurveyBreakdownCell>> SurveyBreakdown(const SurveyBook& book,
                                                                 const WaveDisclosure& disclosure,
                                                                 std::size_t instrument, BreakdownAttribute attribute,
                                                                 const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  if (BreakdownAttributeName(attribute) == "unknown") {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(survey.id), ": attribute: unknown value ", static_cast<int>(attribute)));
  }
  const std::int32_t wave = disclosure.wave();
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::ReportSubject subject,
                         survey_internal::FindSubject(book, wave, instrument));
  const InstrumentDefinition& def = *subject.instrument;
  HRKIT_ASSIGN_OR_RETURN(const std::size_t b, DisclosureAccess::Breakdown(disclosure, attribute));
  const std::vector<const SurveyInvitation*> invitations = survey_internal::WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::GroupTree tree,
                         survey_internal::BuildTree(invitations, subject.wave->invited_on, lookup));
  HRKIT_RETURN_IF_ERROR(DisclosureAccess::Check(disclosure, book, tree));
  const std::vector<std::string>& values = DisclosureAccess::Values(disclosure, b);
  absl::flat_hash_map<std::string, std::int32_t> index;
  for (std::size_t v = 0; v < values.size(); ++v) index.emplace(values[v], static_cast<std::int32_t>(v));
  const auto value_of = [&](LocationId location, const std::string& band) {
    auto it = index.find(survey_internal::ValueFor(attribute, location, band).label);
    return it == index.end() ? kNoValue : it->second;
  };
  const std::size_t width = values.size() + 1;
  std::vector<GroupTotals> totals = survey_internal::EmptyTotals(def, tree.unit.size() * width);
  for (const SurveyInvitation* i : invitations) {
    auto it = tree.path_of.find(i->org_unit);
    if (it == tree.path_of.end()) continue;
    for (const std::size_t c : CellsOf(it->second, value_of(i->location, i->tenure_band), width)) {
      ++totals[c].invited;
    }
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    HRKIT_RETURN_IF_ERROR(survey_internal::AddResponse(
        def, book.AnswerRow(r, instrument), CellsOf(it->second, value_of(r.location, r.tenure_band), width), totals));
  }
  return Cells(def, tree, values, totals, DisclosureAccess::Totals(disclosure),
               DisclosureAccess::ByValue(disclosure, b));
}

}  // namespace hrkit
