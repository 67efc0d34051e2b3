// A flat roll-up engine for survey answers along an org tree, for large
// waves (a million respondents): the figures of relations/survey_report.hpp's
// OrgReport (respondents, invited, response rate, scale means, each item's
// answered count, mean, favourability and distribution) for every unit and
// its subtree, with the confidentiality verdicts of core/confidentiality.hpp
// (SuppressGroups: minimum group, complement, sibling, hidden parent). A
// hidden unit keeps only its verdict: its figures are cleared before the
// result is returned, so no number of a hidden group is held by the result.
//
// Input is flat: the unit tree as parent indexes (parents before children),
// each respondent's unit index, and the answers as a byte matrix
// (respondents x items, row-major) holding `answer - min_answer`, or
// kMissingAnswerByte. The answers are read once, in order; units are
// accumulated in dense rows and added into their parents in one reverse
// pass, as OrgSnapshot::RollUpUnits does. Cost: O(respondents x items +
// units x items x options) time, 4 bytes per unit x item x (options + 1) of
// memory. Reading is fastest when respondents of one unit are adjacent.
//
// Figures agree with OrgReport on the same data: counts, distributions,
// item means and favourability exactly (the same arithmetic from the same
// distribution). A scale mean is the sum of the respondents' scores (scored
// as ScoreResponse does) over the scored count; the sum is taken in another
// order than OrgReport's, so it is identical when the scores are exact in
// binary (sums of integers and halves: WHO-5, eNPS, kSum scales of integer
// answers) and may differ in the last bits otherwise.
//
// The verdicts are those of the unit report on its own. A wave whose
// breakdowns by location or tenure band are published too must take its
// verdicts from its WaveDisclosure (relations/survey_disclosure.hpp)
// instead: OrgReport with the disclosure.
//
// Thread safety: SurveyRollup is immutable once computed; any number of
// threads may read one concurrently. Compute is a pure function.
#ifndef HRKIT_RELATIONS_SURVEY_ROLLUP_HPP_
#define HRKIT_RELATIONS_SURVEY_ROLLUP_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/relations/instrument.hpp"
#include "hrkit/relations/statistics.hpp"
#include "hrkit/relations/survey_report.hpp"

namespace hrkit {

// The byte of a missing answer in SurveyRollupInput::answers.
inline constexpr std::uint8_t kMissingAnswerByte = 0xFF;

// The data of one roll-up. The spans must outlive the Compute call only.
struct SurveyRollupInput {
  // The groups: one org unit per entry (its id is the tie-breaking key of
  // the suppression rules) ...
  std::span<const OrgUnitId> units{};
  // ... and the index of its parent unit, or -1 for a root; a parent comes
  // before its children.
  std::span<const std::int32_t> parents{};
  // Invitations per unit, the unit itself only (not its subtree), or empty
  // when unknown (then invited and the response rate are not reported).
  std::span<const std::int64_t> invited{};
  // Per respondent: the index of their unit, or -1 for none (counts in no
  // group, as in OrgReport).
  std::span<const std::int32_t> respondent_units{};
  // respondent_units.size() x items bytes, row-major: answer - min_answer,
  // or kMissingAnswerByte.
  std::span<const std::uint8_t> answers{};
};

// The roll-up of one instrument's answers: per unit (in input order) its
// verdict and, for a shown unit, its figures.
class SurveyRollup {
 public:
  // Rolls the answers up and applies SuppressGroups with `thresholds`
  // (Disclosure::kAggregates). Errors (InvalidArgument): an invalid
  // instrument (ValidateInstrument) or one with more than 254 answer
  // options; thresholds that core/confidentiality.hpp refuses; naming the
  // field: "parents" or "invited" of a size other than units'; "parents[i]"
  // not -1 and not an earlier unit; a negative "invited[i]"; "answers" of a
  // size other than respondents x items; more than 2^31-1 respondents;
  // "respondent_units[r]" not -1 and not a unit index; "answers[r][code]"
  // outside the scale and not kMissingAnswerByte.
  //
  // Example:
  //   HRKIT_ASSIGN_OR_RETURN(SurveyRollup r, SurveyRollup::Compute(input, def, thresholds));
  //   for (std::size_t g = 0; g < r.unit_count(); ++g) {
  //     if (!IsShown(r.suppression(g))) continue;  // reported as suppressed
  //     ... r.respondents(g), r.item_mean(g, 0) ...
  //   }
  static absl::StatusOr<SurveyRollup> Compute(const SurveyRollupInput& input, const InstrumentDefinition& instrument,
                                              const ConfidentialityThresholds& thresholds);

  // Numbers of groups (units), items and scales of the roll-up.
  std::size_t unit_count() const { return units_.size(); }
  std::size_t item_count() const { return items_; }
  std::size_t scale_count() const { return scales_; }

  // The verdict of unit `g` (REQUIRES: g < unit_count(), for every accessor
  // taking g; item < item_count(); scale < scale_count()).
  Suppression suppression(std::size_t g) const { return verdicts_[g]; }
  // The figures of unit `g` with its subtree; nullopt (or an empty span)
  // when the unit is hidden.
  std::optional<std::int64_t> respondents(std::size_t g) const;
  std::optional<std::int64_t> item_answered(std::size_t g, std::size_t item) const;
  // Answers per option, lowest answer first.
  std::span<const std::uint32_t> item_distribution(std::size_t g, std::size_t item) const;
  // Also nullopt for a shown unit without answers to the item.
  std::optional<double> item_mean(std::size_t g, std::size_t item) const;
  std::optional<double> item_favorable_percent(std::size_t g, std::size_t item) const;
  std::optional<std::int64_t> scale_scored(std::size_t g, std::size_t scale) const;
  std::optional<double> scale_mean(std::size_t g, std::size_t scale) const;

  // Unit `g` in OrgReport's shape: the same figures OrgReport gives for a
  // shown group (eNPS for a single 0..10 item), only the unit, parent and
  // verdict for a hidden one.
  SurveyGroupResult Group(std::size_t g) const;
  // Group(g) for every unit, in input order.
  std::vector<SurveyGroupResult> Groups() const;

 private:
  SurveyRollup() = default;
  std::size_t Row(std::size_t g, std::size_t item) const { return (g * items_ + item) * stride_; }
  bool Hidden(std::size_t g) const { return !IsShown(verdicts_[g]); }
  ItemSummary Item(std::size_t g, std::size_t item) const;

  friend class SurveyRollupBuilder;

  InstrumentDefinition instrument_;
  std::size_t items_ = 0;
  std::size_t options_ = 0;
  std::size_t stride_ = 0;  // options_ + 1: the last slot counts missing answers
  std::size_t scales_ = 0;
  bool has_invited_ = false;
  std::vector<double> option_value_;            // items x options: ItemValue
  std::vector<std::uint8_t> option_favorable_;  // items x options
  std::vector<OrgUnitId> units_;
  std::vector<std::int32_t> parents_;
  std::vector<Suppression> verdicts_;
  std::vector<std::int64_t> respondents_;   // per unit, subtree; 0 when hidden
  std::vector<std::int64_t> invited_;       // per unit, subtree; 0 when hidden
  std::vector<std::uint32_t> counts_;       // units x items x stride; 0 when hidden
  std::vector<double> scale_sum_;           // units x scales; 0 when hidden
  std::vector<std::int64_t> scale_scored_;  // units x scales; 0 when hidden
};

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_ROLLUP_HPP_
