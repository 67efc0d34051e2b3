// A synthetic two-wave survey for a generated organization (synth/
// generator.hpp): WHO-5, eNPS and a 12-item team Likert instrument, with
// invitations and responses produced through SurveyBook (relations/
// survey_book.hpp), so every rule of a survey holds. For tests, examples,
// benchmarks and the report.
//
// Answer model. Each person has a latent engagement trait
//   t = unit effect (sd unit_effect_sd) + person trait (sd person_sd)
// and a well-being trait w = 0.6 t + 0.8 z (z a second person trait).
// Every item adds its own noise (sd item_noise_sd) to the trait and maps it
// to the instrument's scale (rounded, clamped): Likert items 3.4 + 0.8 t
// (reverse-worded items mirrored), WHO-5 items 2.8 + w, eNPS 7 + 1.8 t.
// Items of one scale share the trait, so they correlate (with the defaults,
// Cronbach's alpha of the Likert scale falls between 0.7 and 0.95). In wave
// 2, a share of units moves by a shift of +-wave_change in t. Response rates
// vary by unit; a share of units responds poorly (low_response_rate), so
// some groups fall below the minimum group size and are suppressed. Normal
// draws are sums of 12 uniforms of synth's own PRNG: the same options give
// the same survey on every platform.
//
// Thread safety: pure functions; concurrent calls are safe.
#ifndef HRKIT_SYNTH_SURVEY_GENERATOR_HPP_
#define HRKIT_SYNTH_SURVEY_GENERATOR_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/relations/instrument.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/synth/generator.hpp"

namespace hrkit::synth {

// The code of the 12-item Likert instrument; its items are "team_1" ..
// "team_12", items 4 and 9 reverse-worded.
inline constexpr char kTeamInstrumentCode[] = "team";

// What to generate.
struct SurveyOptions {
  // Seeds the PRNG; the same options and organization give the same survey.
  std::uint64_t seed = 1;
  // The respondent-key secret (relations/pseudonym.hpp); at least 16 bytes.
  // Only the keys it yields are in the output, never the secret.
  std::string secret = "synthetic-survey-secret-0001";
  // Wave 1 is invited and opens on this day and closes 14 days later; wave
  // 2 is the same 91 days later. Use a date on or after the organization's
  // end_date.
  Date first_wave = Date(2026, 2, 2);
  // The survey's minimum group size (core/confidentiality.hpp, >= 3).
  std::int32_t min_group = 5;
  // Answer model (header comment), in trait units.
  double unit_effect_sd = 0.4;
  double person_sd = 0.9;
  double item_noise_sd = 0.9;
  // Share of units whose trait changes in wave 2, and the size of the change.
  double changed_unit_rate = 0.3;
  double wave_change = 0.6;
  // Response rates: each unit's rate is response_rate +- 0.1; a share
  // low_response_unit_rate of units responds at low_response_rate instead.
  double response_rate = 0.82;
  double low_response_unit_rate = 0.1;
  double low_response_rate = 0.25;
  // Chance that any one Likert answer is left out.
  double missing_answer_rate = 0.01;
};

// The generated survey's entities. Ids: survey 1; invitations and responses
// 1..n, wave 1 before wave 2, each wave's invitations in employee id order.
struct GeneratedSurvey {
  std::vector<InstrumentDefinition> instruments;  // in survey order: who5, enps, team
  Survey survey;                                  // the survey with its waves
  std::vector<SurveyInvitation> invitations;      // every invitation
  std::vector<SurveyResponse> responses;          // every response
};

// The 12-item team Likert instrument (answers 1..5, scale "mean" scored
// when at least 9 items are answered) of the generated survey. Errors: those
// of LikertInstrument (none for this fixed definition).
absl::StatusOr<InstrumentDefinition> TeamInstrument();

// Runs the survey through a SurveyBook and returns the book: everyone
// employed on each wave's invitation day is invited (an empty audience
// rule); responses as the answer model says, submitted on a day of the
// wave's open days. Returns InvalidArgument for a rate outside [0, 1], an
// sd that is negative or not finite, a first_wave that is not a real date;
// the errors of SurveyBook::Create (a min_group below 3, a short secret),
// OrgLookup::Build, Invite and Submit.
absl::StatusOr<SurveyBook> GenerateSurveyBook(const Organization& org, const SurveyOptions& options);

// GenerateSurveyBook's entities. Errors: GenerateSurveyBook's.
absl::StatusOr<GeneratedSurvey> GenerateSurvey(const Organization& org, const SurveyOptions& options);

}  // namespace hrkit::synth

#endif  // HRKIT_SYNTH_SURVEY_GENERATOR_HPP_
