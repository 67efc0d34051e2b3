#include "hrkit/relations/survey_disclosure.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/joint_confidentiality.hpp"
#include "hrkit/core/status.hpp"
#include "wave_disclosure_access.hpp"

namespace hrkit {
namespace survey_internal {
namespace {

constexpr std::array<std::string_view, 4> kTenureBands = {"0-1", "1-3", "3-5", "5+"};

std::int64_t WaveResponses(const SurveyBook& book, std::int32_t wave) {
  return static_cast<std::int64_t>(std::count_if(book.responses().begin(), book.responses().end(),
                                                 [wave](const SurveyResponse& r) { return r.wave == wave; }));
}

absl::Status CheckBreakdowns(const Survey& survey, std::span<const BreakdownAttribute> breakdowns) {
  for (std::size_t i = 0; i < breakdowns.size(); ++i) {
    if (BreakdownAttributeName(breakdowns[i]) == "unknown") {
      return absl::InvalidArgumentError(
          absl::StrCat(ToString(survey.id), ": breakdowns[", i, "]: unknown value ", static_cast<int>(breakdowns[i])));
    }
    if (std::find(breakdowns.begin(), breakdowns.begin() + static_cast<std::ptrdiff_t>(i), breakdowns[i]) !=
        breakdowns.begin() + static_cast<std::ptrdiff_t>(i)) {
      return absl::InvalidArgumentError(absl::StrCat(ToString(survey.id), ": breakdowns[", i,
                                                     "]: ", ToAbsl(BreakdownAttributeName(breakdowns[i])),
                                                     " is listed twice"));
    }
  }
  return absl::OkStatus();
}

// The verdicts of the unit totals alone: the one-tree rules.
absl::StatusOr<std::vector<Suppression>> TreeVerdicts(const SurveyBook& book, std::int32_t wave,
                                                      const GroupTree& tree) {
  std::vector<GroupCount> groups(tree.unit.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = 0, .key = tree.unit[g].value()};
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    if (auto it = tree.path_of.find(r.org_unit); it != tree.path_of.end()) {
      for (const std::size_t g : it->second) ++groups[g].count;
    }
  }
  return SuppressGroups(groups, ThresholdsOf(book.survey()), Disclosure::kAggregates);
}

}  // namespace

BreakdownValue ValueFor(BreakdownAttribute attribute, LocationId location, const std::string& tenure_band) {
  if (attribute == BreakdownAttribute::kLocation) {
    if (!location.valid()) return {};
    return {ToString(location), location.value()};
  }
  const auto known = std::find(kTenureBands.begin(), kTenureBands.end(), tenure_band);
  if (known != kTenureBands.end()) return {tenure_band, known - kTenureBands.begin()};
  return {};  // "unknown" or a band this version does not know
}

std::vector<BreakdownValue> ValuesAmong(BreakdownAttribute attribute,
                                        const std::vector<const SurveyInvitation*>& invitations) {
  absl::flat_hash_map<std::string, std::int64_t> keys;
  for (const SurveyInvitation* i : invitations) {
    BreakdownValue v = ValueFor(attribute, i->location, i->tenure_band);
    if (!v.label.empty()) keys.emplace(std::move(v.label), v.key);
  }
  std::vector<BreakdownValue> values;
  for (auto& [label, key] : keys) values.push_back({label, key});
  std::sort(values.begin(), values.end(),
            [](const BreakdownValue& a, const BreakdownValue& b) { return a.key < b.key; });
  return values;
}

absl::StatusOr<WaveDisclosure> DisclosureAccess::Decide(const SurveyBook& book, std::int32_t wave,
                                                        std::span<const BreakdownAttribute> breakdowns,
                                                        const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  const SurveyWave* found = FindWave(survey, wave);
  if (found == nullptr) return absl::NotFoundError(absl::StrCat(ToString(survey.id), ": wave: no wave ", wave));
  HRKIT_RETURN_IF_ERROR(CheckBreakdowns(survey, breakdowns));
  const std::vector<const SurveyInvitation*> invitations = WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(const GroupTree tree, BuildTree(invitations, found->invited_on, lookup));
  WaveDisclosure d;
  d.survey_ = survey.id;
  d.wave_ = wave;
  d.breakdowns_.assign(breakdowns.begin(), breakdowns.end());
  d.responses_ = WaveResponses(book, wave);
  d.units_ = tree.unit;
  d.parents_ = tree.parent;
  if (breakdowns.empty()) {
    HRKIT_ASSIGN_OR_RETURN(d.total_, TreeVerdicts(book, wave, tree));
    return d;
  }
  // The joint rules over the tree and every published breakdown.
  std::vector<JointUnit> units(tree.unit.size());
  for (std::size_t g = 0; g < units.size(); ++g)
    units[g] = {.parent = tree.parent_index[g], .key = tree.unit[g].value()};
  std::vector<JointAttribute> attributes;
  std::vector<absl::flat_hash_map<std::string, std::int32_t>> index(breakdowns.size());
  for (std::size_t b = 0; b < breakdowns.size(); ++b) {
    JointAttribute& attribute = attributes.emplace_back();
    std::vector<std::string>& labels = d.values_.emplace_back();
    for (BreakdownValue& v : ValuesAmong(breakdowns[b], invitations)) {
      index[b].emplace(v.label, static_cast<std::int32_t>(labels.size()));
      attribute.value_keys.push_back(v.key);
      labels.push_back(std::move(v.label));
    }
  }
  std::vector<JointRespondents> respondents;
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    JointRespondents& one = respondents.emplace_back();
    one.unit = static_cast<std::int32_t>(it->second.front());
    one.count = 1;
    for (std::size_t b = 0; b < breakdowns.size(); ++b) {
      auto value = index[b].find(ValueFor(breakdowns[b], r.location, r.tenure_band).label);
      one.values.push_back(value == index[b].end() ? -1 : value->second);
    }
  }
  HRKIT_ASSIGN_OR_RETURN(JointSuppression joint, SuppressJointGroups(units, attributes, respondents,
                                                                     ThresholdsOf(survey), Disclosure::kAggregates));
  d.total_ = std::move(joint.total);
  d.by_value_ = std::move(joint.by_value);
  return d;
}

absl::Status DisclosureAccess::Check(const WaveDisclosure& disclosure, const SurveyBook& book, const GroupTree& tree) {
  const std::string who = ToString(book.survey().id);
  if (disclosure.survey_ != book.survey().id) {
    return absl::FailedPreconditionError(
        absl::StrCat(who, ": disclosure: decided for ", ToString(disclosure.survey_), ", not this survey"));
  }
  const std::int64_t responses = WaveResponses(book, disclosure.wave_);
  if (disclosure.responses_ != responses) {
    return absl::FailedPreconditionError(absl::StrCat(who, ": disclosure: decided on ", disclosure.responses_,
                                                      " responses of wave ", disclosure.wave_, ", the book now has ",
                                                      responses, "; decide it again"));
  }
  if (disclosure.units_ != tree.unit || disclosure.parents_ != tree.parent) {
    return absl::FailedPreconditionError(absl::StrCat(
        who, ": disclosure: decided over another unit tree than the lookup gives for wave ", disclosure.wave_));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::size_t> DisclosureAccess::Breakdown(const WaveDisclosure& disclosure,
                                                        BreakdownAttribute attribute) {
  const auto& published = disclosure.breakdowns_;
  const auto it = std::find(published.begin(), published.end(), attribute);
  if (it == published.end()) {
    return absl::FailedPreconditionError(absl::StrCat(ToString(disclosure.survey_), ": disclosure of wave ",
                                                      disclosure.wave_, " does not publish the ",
                                                      ToAbsl(BreakdownAttributeName(attribute)), " breakdown"));
  }
  return static_cast<std::size_t>(it - published.begin());
}

}  // namespace survey_internal

std::string_view BreakdownAttributeName(BreakdownAttribute attribute) {
  switch (attribute) {
    case BreakdownAttribute::kLocation:
      return "location";
    case BreakdownAttribute::kTenureBand:
      return "tenure_band";
  }
  return "unknown";
}

bool WaveDisclosure::Publishes(BreakdownAttribute attribute) const {
  return std::find(breakdowns_.begin(), breakdowns_.end(), attribute) != breakdowns_.end();
}

absl::StatusOr<std::size_t> WaveDisclosure::UnitIndex(OrgUnitId unit) const {
  const auto it = std::find(units_.begin(), units_.end(), unit);
  if (it == units_.end()) {
    return absl::NotFoundError(
        absl::StrCat(ToString(survey_), ": unit: ", ToString(unit), " is not a unit of wave ", wave_));
  }
  return static_cast<std::size_t>(it - units_.begin());
}

absl::StatusOr<Suppression> WaveDisclosure::TotalOf(OrgUnitId unit) const {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t g, UnitIndex(unit));
  return total_[g];
}

absl::StatusOr<Suppression> WaveDisclosure::ValueOf(BreakdownAttribute attribute, OrgUnitId unit,
                                                    std::string_view value) const {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t b, survey_internal::DisclosureAccess::Breakdown(*this, attribute));
  HRKIT_ASSIGN_OR_RETURN(const std::size_t g, UnitIndex(unit));
  const auto v = std::find(values_[b].begin(), values_[b].end(), value);
  if (v == values_[b].end()) {
    return absl::NotFoundError(absl::StrCat(ToString(survey_), ": value: no invitation of wave ", wave_, " has ",
                                            ToAbsl(BreakdownAttributeName(attribute)), " \"", ToAbsl(value), "\""));
  }
  return by_value_[b][g][static_cast<std::size_t>(v - values_[b].begin())];
}

absl::StatusOr<WaveDisclosure> DecideWaveDisclosure(const SurveyBook& book, std::int32_t wave,
                                                    std::span<const BreakdownAttribute> breakdowns,
                                                    const OrgLookup& lookup) {
  return survey_internal::DisclosureAccess::Decide(book, wave, breakdowns, lookup);
}

}  // namespace hrkit
