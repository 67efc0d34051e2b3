// A synthetic performance cycle for a generated organization (synth/
// generator.hpp): a rating scale, a review template, the cycle with its
// participants, weighted goals, self, manager and peer reviews with
// plausible rating spreads per unit, and a few calibration changes, for
// tests, examples and benchmarks. Everything is produced through CycleBook
// (performance/cycle_book.hpp), so every rule of a cycle holds; the result
// is the stored entities.
//
// Rating model: each participant's level is
//   mean_level + unit effect + person effect (+ self_inflation in self
//   reviews)
// with the unit effect drawn once per org unit (sd unit_effect_sd) and the
// person effect once per participant (sd person_sd); each rating adds noise
// (sd rating_noise_sd) and is mapped to the nearest level of the 1..5 scale.
// Normal draws are sums of 12 uniforms (synth's own PRNG), so the same
// options give the same cycle on every platform.
//
// Thread safety: GenerateCycle is a pure function; concurrent calls are safe.
#ifndef HRKIT_SYNTH_CYCLE_GENERATOR_HPP_
#define HRKIT_SYNTH_CYCLE_GENERATOR_HPP_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/cycle.hpp"
#include "hrkit/performance/goal.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/synth/generator.hpp"

namespace hrkit::synth {

// What to generate.
struct CycleOptions {
  // Seeds the PRNG; the same options and organization give the same cycle.
  std::uint64_t seed = 1;
  // The first day of goal setting; participants are chosen on it. The other
  // phases start 30, 60, 90 and 120 days later (self review, manager review,
  // calibration, closed). Use a date on or after the organization's end_date.
  Date goal_setting_starts = Date(2026, 1, 5);
  // Who takes part, as of goal_setting_starts. Default: everyone with at
  // least 3 months of service.
  EligibilityRule eligibility = [] {
    EligibilityRule rule;
    rule.min_tenure_months = 3;
    return rule;
  }();
  // Own goals per participant: min_goals..max_goals (1..10); with the
  // cascaded unit goal, the weights sum to exactly 100 in whole percent.
  int min_goals = 3;
  int max_goals = 5;
  // Weight (whole percent, 0..50) of the unit goal cascaded to the
  // participants of every unit with at least two of them; 0 = no unit
  // goals.
  int unit_goal_weight = 20;
  // Share of participants who get peer reviews (1..3 colleagues of their
  // unit who take part too), and the share of those peer reviews that are
  // anonymous.
  double peer_review_rate = 0.3;
  double anonymous_peer_rate = 0.5;
  // Rating model (header comment), in scale points.
  double mean_level = 3.2;
  double unit_effect_sd = 0.45;
  double person_sd = 0.55;
  double rating_noise_sd = 0.45;
  double self_inflation = 0.3;
  // Share of rated participants whose rating calibration moves one level
  // toward 3.
  double calibration_rate = 0.05;
  // Whether the cycle is closed at the start of its closed phase.
  bool close = true;
};

// The generated cycle. Ids: scale 1, template 1, cycle 1; goals, reviews and
// changes 1..n in the order created.
struct GeneratedCycle {
  RatingScale scale;                       // the five-level scale
  ReviewTemplate review_template;          // the template the cycle copies
  PerformanceCycle cycle;                  // the cycle, with its participants
  std::vector<Goal> goals;                 // every goal
  std::vector<Review> reviews;             // every review
  std::vector<CalibrationChange> changes;  // every calibration change
};

// Generates a cycle for `org`:
// - scale: five levels 1..5 ("unsatisfactory" .. "outstanding");
// - template and scoring: goals 70 % + competencies 30 % ("ownership",
//   "collaboration", "craft"); roles manager 70, self 10, peer 20, missing
//   roles rescaled;
// - participants: AudienceOn(eligibility) on goal_setting_starts;
// - a unit goal per unit with two or more participants, cascaded to them;
//   own goals with whole-percent weights; check-ins at the start of self
//   review;
// - a submitted self review per participant; a submitted manager review
//   (proposing the level nearest its total) from the holder of the position
//   the participant's position reports to, when someone employed holds it;
//   peer reviews as configured;
// - calibration changes as configured, made by the holder of the top
//   position (else the first participant).
// Returns InvalidArgument for min_goals < 1, max_goals < min_goals or
// max_goals > 10, unit_goal_weight outside 0..50, a rate outside [0, 1], a
// negative or non-finite sd or self_inflation, a non-finite mean_level, or
// a goal_setting_starts that is not a real date; the errors of
// OrgLookup::Build and of CycleBook (which would mean the organization is
// inconsistent).
absl::StatusOr<GeneratedCycle> GenerateCycle(const Organization& org, const CycleOptions& options);

}  // namespace hrkit::synth

#endif  // HRKIT_SYNTH_CYCLE_GENERATOR_HPP_
