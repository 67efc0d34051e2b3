#include "hrkit/synth/survey_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/eligibility/audience.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/instruments.hpp"
#include "synth_random.hpp"

namespace hrkit::synth {
namespace {

using boost::gregorian::days;
using internal::Rng;

constexpr int kTeamItems = 12;
constexpr int kWaveOpenDays = 14;
constexpr int kWaveSpacingDays = 91;

absl::Status CheckOptions(const SurveyOptions& o) {
  for (double rate :
       {o.changed_unit_rate, o.response_rate, o.low_response_unit_rate, o.low_response_rate, o.missing_answer_rate}) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      return absl::InvalidArgumentError(absl::StrCat("survey options: rate ", rate, " outside [0, 1]"));
    }
  }
  for (double sd : {o.unit_effect_sd, o.person_sd, o.item_noise_sd, o.wave_change}) {
    if (!std::isfinite(sd) || sd < 0.0) {
      return absl::InvalidArgumentError(absl::StrCat("survey options: ", sd, " is not a finite value >= 0"));
    }
  }
  if (!IsRealDate(o.first_wave)) return absl::InvalidArgumentError("survey options: first_wave is not a real date");
  return absl::OkStatus();
}

Survey MakeSurvey(const SurveyOptions& o) {
  Survey s;
  s.id = SurveyId(1);
  s.title = "Engagement and well-being pulse";
  s.instruments = {"who5", "enps", kTeamInstrumentCode};
  for (std::int32_t w = 0; w < 2; ++w) {
    const Date day = o.first_wave + days(kWaveSpacingDays * w);
    s.waves.push_back(SurveyWave{w + 1, day, day, day + days(kWaveOpenDays)});
  }
  s.min_group = o.min_group;
  s.min_comment_group = std::max<std::int32_t>(10, o.min_group);
  return s;
}

// What a unit is like.
struct UnitTraits {
  double effect = 0.0;
  double change = 0.0;  // added in wave 2
  double response_rate = 0.0;
};

// What a person is like, drawn once for both waves.
struct PersonTraits {
  double engagement = 0.0;  // without the unit effect
  double wellbeing = 0.0;   // the independent part
};

absl::flat_hash_map<OrgUnitId, UnitTraits> DrawUnits(const Organization& org, const SurveyOptions& o, Rng& rng) {
  absl::flat_hash_map<OrgUnitId, UnitTraits> units;
  for (const OrgUnit& u : org.units) {
    UnitTraits t;
    t.effect = rng.Normal(o.unit_effect_sd);
    if (rng.Chance(o.changed_unit_rate)) t.change = rng.Chance(0.5) ? o.wave_change : -o.wave_change;
    t.response_rate = rng.Chance(o.low_response_unit_rate)
                          ? o.low_response_rate
                          : std::clamp(o.response_rate + 0.2 * rng.Unit() - 0.1, 0.0, 1.0);
    units.emplace(u.id, t);
  }
  return units;
}

int Answer(double value, int lo, int hi) {
  return static_cast<int>(std::clamp(std::lround(value), static_cast<long>(lo), static_cast<long>(hi)));
}

std::vector<SurveyAnswer> DrawAnswers(double engagement, double wellbeing, const SurveyOptions& o, Rng& rng) {
  std::vector<SurveyAnswer> answers;
  for (int i = 1; i <= 5; ++i) {
    answers.push_back({absl::StrCat("who5_", i), Answer(2.8 + wellbeing + rng.Normal(o.item_noise_sd), 0, 5)});
  }
  answers.push_back({"enps_1", Answer(7.0 + 1.8 * engagement + rng.Normal(1.5 * o.item_noise_sd), 0, 10)});
  for (int i = 1; i <= kTeamItems; ++i) {
    const int a = Answer(3.4 + 0.8 * engagement + rng.Normal(o.item_noise_sd), 1, 5);
    const bool reverse = i == 4 || i == 9;
    if (rng.Chance(o.missing_answer_rate)) continue;
    answers.push_back({absl::StrCat(kTeamInstrumentCode, "_", i), reverse ? 6 - a : a});
  }
  return answers;
}

// Everything the waves share.
struct Run {
  const Organization& org;
  const SurveyOptions& options;
  const OrgLookup& lookup;
  Rng rng;
  absl::flat_hash_map<OrgUnitId, UnitTraits> units;
  absl::flat_hash_map<EmployeeId, PersonTraits> people;
  std::int64_t next_invitation = 1;
  std::int64_t next_response = 1;
};

absl::Status RunWave(Run& run, SurveyBook& book, const SurveyWave& wave) {
  HRKIT_ASSIGN_OR_RETURN(std::int64_t invited,
                         book.Invite(wave.number, run.org.employees, run.lookup, run.options.secret,
                                     SurveyInvitationId(run.next_invitation)));
  run.next_invitation += invited;
  HRKIT_ASSIGN_OR_RETURN(std::vector<EmployeeId> audience, AudienceOn(book.survey().audience, run.org.employees,
                                                                      run.lookup, wave.invited_on, "survey:1"));
  absl::flat_hash_map<EmployeeId, std::size_t> index;
  for (std::size_t i = 0; i < run.org.employees.size(); ++i) index.emplace(run.org.employees[i].id, i);
  for (EmployeeId id : audience) {
    HRKIT_ASSIGN_OR_RETURN(EmployeeFacts facts, FactsOn(run.org.employees[index.at(id)], run.lookup, wave.invited_on));
    const auto unit = run.units.find(facts.org_unit);
    const UnitTraits traits = unit == run.units.end() ? UnitTraits{0.0, 0.0, run.options.response_rate} : unit->second;
    auto [person, is_new] = run.people.try_emplace(id);
    if (is_new) {
      person->second.engagement = run.rng.Normal(run.options.person_sd);
      person->second.wellbeing = run.rng.Normal(run.options.person_sd);
    }
    if (!run.rng.Chance(traits.response_rate)) continue;
    const double t =
        traits.effect + (wave.number > 1 ? traits.change : 0.0) + person->second.engagement + run.rng.Normal(0.2);
    const double w = 0.6 * t + 0.8 * person->second.wellbeing;
    const Date on = wave.opens_on + days(run.rng.Below(kWaveOpenDays + 1));
    HRKIT_RETURN_IF_ERROR(book.Submit(wave.number, id, run.options.secret, DrawAnswers(t, w, run.options, run.rng), "",
                                      on, SurveyResponseId(run.next_response)));
    ++run.next_response;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<InstrumentDefinition> TeamInstrument() {
  std::vector<SurveyItem> items;
  for (int i = 1; i <= kTeamItems; ++i) {
    items.push_back({absl::StrCat(kTeamInstrumentCode, "_", i), absl::StrCat("Team statement ", i), i == 4 || i == 9});
  }
  return LikertInstrument(kTeamInstrumentCode, "Team climate (12 items)", 1, 5, std::move(items), 9);
}

absl::StatusOr<SurveyBook> GenerateSurveyBook(const Organization& org, const SurveyOptions& options) {
  HRKIT_RETURN_IF_ERROR(CheckOptions(options));
  HRKIT_ASSIGN_OR_RETURN(OrgLookup lookup, OrgLookup::Build(org.units, org.positions));
  HRKIT_ASSIGN_OR_RETURN(InstrumentDefinition team, TeamInstrument());
  const std::vector<InstrumentDefinition> instruments = {Who5Instrument(), EnpsInstrument(), std::move(team)};
  HRKIT_ASSIGN_OR_RETURN(SurveyBook book, SurveyBook::Create(MakeSurvey(options), instruments));
  Run run{org, options, lookup, Rng(options.seed), {}, {}};
  run.units = DrawUnits(org, options, run.rng);
  const std::vector<SurveyWave> waves = book.survey().waves;
  for (const SurveyWave& wave : waves) HRKIT_RETURN_IF_ERROR(RunWave(run, book, wave));
  return book;
}

absl::StatusOr<GeneratedSurvey> GenerateSurvey(const Organization& org, const SurveyOptions& options) {
  HRKIT_ASSIGN_OR_RETURN(SurveyBook book, GenerateSurveyBook(org, options));
  GeneratedSurvey out;
  out.instruments = book.instruments();
  out.survey = book.survey();
  out.invitations = book.invitations();
  out.responses = book.responses();
  return out;
}

}  // namespace hrkit::synth
