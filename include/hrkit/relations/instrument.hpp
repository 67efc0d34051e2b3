// Survey instruments: the definition of a questionnaire (items, response
// scale, reverse-scored items, the scores it yields with their missing-answer
// rule and interpretation bands) and the scoring of one person's answers
// exactly as the instrument's authors define it. The built-in instruments
// (WHO-5, UWES-9, eNPS, team psychological safety, the Copenhagen Burnout
// Inventory) are in relations/instruments.hpp; group statistics over many
// responses are in relations/statistics.hpp.
//
// Answers are integers on the instrument's response scale (`min_answer` ..
// `max_answer`); a missing answer is std::nullopt. Each answer is first
// turned into its value (the answer itself, or `option_values` when the
// options map to other numbers, as in the Copenhagen Burnout Inventory), then
// reversed for a reverse-scored item: reversed = lowest value + highest
// value - value (8 - x on a 1..7 scale, 100 - x on 0..100).
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_INSTRUMENT_HPP_
#define HRKIT_RELATIONS_INSTRUMENT_HPP_

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace hrkit {

// One question.
struct SurveyItem {
  std::string code{};    // unique within the instrument, e.g. "who5_1"
  std::string text{};    // shown to respondents; may be empty for licensed text the caller supplies
  bool reverse = false;  // reverse-scored (see the header comment)

  friend bool operator==(const SurveyItem&, const SurveyItem&) = default;
};

// How a score combines the values of its items.
enum class ScoreMethod {
  kSum = 0,   // the sum of the answered item values, times `multiplier` (use with min_answered = all items)
  kMean = 1,  // the mean of the answered item values, times `multiplier`
};

// A label for the scores at or below `at_most` (bands are checked in
// ascending order of `at_most`; a score above every band gets
// `ScaleDefinition::above_bands`).
struct ScoreBand {
  double at_most = 0.0;  // the band's upper bound, inclusive
  std::string label{};   // e.g. "poor well-being"

  friend bool operator==(const ScoreBand&, const ScoreBand&) = default;
};

// One score of an instrument: a subscale, or the total.
struct ScaleDefinition {
  std::string code{};                       // unique within the instrument, e.g. "vigor", "total"
  std::vector<std::size_t> items{};         // indexes into InstrumentDefinition::items
  ScoreMethod method = ScoreMethod::kMean;  // sum or mean of the item values
  double multiplier = 1.0;                  // WHO-5: the raw sum x 4 is the percentage score
  // The score exists only when at least this many of its items are
  // answered; equal to items.size() means any missing answer gives no score.
  std::size_t min_answered = 0;
  std::vector<ScoreBand> bands{};  // ascending `at_most`
  std::string above_bands{};       // label above the last band (may be empty)

  friend bool operator==(const ScaleDefinition&, const ScaleDefinition&) = default;
};

// A questionnaire.
struct InstrumentDefinition {
  std::string code{};    // e.g. "who5"
  std::string name{};    // e.g. "WHO-5 Well-Being Index"
  std::string source{};  // authors, reference and terms of use
  int min_answer = 1;    // the lowest answer option
  int max_answer = 5;    // the highest answer option
  // The value of each answer option, lowest answer first (size
  // max_answer - min_answer + 1); empty when the answer is its own value.
  std::vector<double> option_values{};
  std::vector<SurveyItem> items{};
  std::vector<ScaleDefinition> scales{};
  // How many of the highest answer options count as favourable
  // (top-two-box: 2).
  int favorable_options = 2;

  friend bool operator==(const InstrumentDefinition&, const InstrumentDefinition&) = default;
};

// Checks a definition. Errors (InvalidArgument, naming "instrument:<code>"
// and the field): empty code; min_answer > max_answer; option_values of the
// wrong size or not finite; no items; an empty or repeated item or scale
// code; a scale with no items, an item index out of range or repeated,
// min_answered of 0 or above its item count, a multiplier that is not a
// positive finite number, bands not in ascending order; favorable_options
// outside 1 .. the number of options.
absl::Status ValidateInstrument(const InstrumentDefinition& instrument);

// The value an answer counts as for `item` (the option value, reversed for
// a reverse-scored item). REQUIRES: a valid instrument, item in range,
// answer on the scale.
double ItemValue(const InstrumentDefinition& instrument, std::size_t item, int answer);

// One score of one response.
struct ScaleScore {
  std::string code{};             // the scale's code
  std::optional<double> value{};  // nullopt: too few answers (the missing-answer rule)
  std::string band{};             // the interpretation label, empty without a value

  friend bool operator==(const ScaleScore&, const ScaleScore&) = default;
};

// Scores one person's answers (one per item, in item order; nullopt =
// missing), scale by scale in definition order.
// Errors (InvalidArgument): an invalid instrument; a number of answers
// different from the number of items; an answer outside the scale (the
// message names the item code and the answer).
//
// Example (WHO-5, relations/instruments.hpp):
//   const std::vector<std::optional<int>> answers = {3, 3, 3, 3, 2};
//   HRKIT_ASSIGN_OR_RETURN(auto scores, ScoreResponse(Who5Instrument(), answers));
//   // scores[0] = {"raw", 14}, scores[1] = {"percentage", 56, "adequate"}
absl::StatusOr<std::vector<ScaleScore>> ScoreResponse(const InstrumentDefinition& instrument,
                                                      std::span<const std::optional<int>> answers);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_INSTRUMENT_HPP_
