// The built-in survey instruments, each scored as its authors define it
// (DOMAIN.md, "Human-relations instruments"), and user-defined Likert
// instruments. Item texts are shipped only where their authors allow it
// freely (WHO-5); for the others the item codes are given and the caller
// supplies the wording under the authors' terms, named in `source`.
// Proprietary instruments (Gallup's Q12) are not shipped in any form.
//
// Thread safety: pure functions returning values; safe to use concurrently.
#ifndef HRKIT_RELATIONS_INSTRUMENTS_HPP_
#define HRKIT_RELATIONS_INSTRUMENTS_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/relations/instrument.hpp"

namespace hrkit {

// WHO-5 Well-Being Index (WHO Regional Office for Europe, 1998; free to use
// without permission). Five positively worded items, answers 0..5 (0 = at no
// time .. 5 = all of the time, over the last two weeks). Scales: "raw" = the
// sum (0..25), "percentage" = raw x 4 (0..100), banded "likely depression"
// (<= 28), "poor well-being" (<= 50, screen for depression), "adequate"
// above. Any missing answer: no score. A change of 10 points or more between
// two measurements is significant.
InstrumentDefinition Who5Instrument();

// A person's WHO-5 change between two measurements, in percentage points.
struct Who5Change {
  double before_percent = 0.0;  // the earlier WHO-5 percentage (0..100)
  double after_percent = 0.0;   // the later WHO-5 percentage (0..100)
  double change_points = 0.0;   // after - before: negative for a drop
  bool significant = false;     // |change| >= kWho5SignificantChange

  friend bool operator==(const Who5Change&, const Who5Change&) = default;
};

// The smallest change of the WHO-5 percentage that counts as significant.
inline constexpr double kWho5SignificantChange = 10.0;

// Compares two WHO-5 percentages (0..100) of one person.
// Example: 56 -> 44 is a drop of 12 points, significant; 56 -> 48 (8
// points) is not.
Who5Change CompareWho5(double before_percent, double after_percent);

// Utrecht Work Engagement Scale, 9-item version (Schaufeli & Bakker 2004).
// Free for non-commercial and research use; commercial use needs the
// authors' permission, so no item text is shipped. Answers 0..6 (never ..
// always). Items in the published order: vigor 1, 2, 5; dedication 3, 4, 7;
// absorption 6, 8, 9. Scales "vigor", "dedication", "absorption" and "total"
// are the means of their items; the manual gives no rule for missing
// answers, so a scale is scored only when all its items are answered. Norm
// bands (very low .. very high) differ by population: set `bands` on the
// scales from the manual's table for yours.
InstrumentDefinition Uwes9Instrument();

// Employee Net Promoter question ("How likely are you to recommend this
// organization as a place to work?"), answers 0..10. The person's "answer"
// is banded "detractor" (0..6), "passive" (7..8), "promoter" (9..10); the
// group score is NetPromoterScore (relations/statistics.hpp).
InstrumentDefinition EnpsInstrument();

// Team psychological safety (Edmondson 1999, seven items; published in an
// academic paper, wording not shipped). Answers 1..7; items 1, 3 and 5 are
// negatively worded and reverse-scored (8 - x). "score" = the mean of the
// seven (all answered); a team's score is the mean of its members' scores.
InstrumentDefinition PsychologicalSafetyInstrument();

// Copenhagen Burnout Inventory (Kristensen et al. 2005; free to use).
// Answers 1..5 mapped to 100, 75, 50, 25, 0 (always / to a very high degree
// .. never / to a very low degree). Items 1-6 personal burnout, 7-13
// work-related (item 13, "energy for family and friends", reverse-scored),
// 14-19 client-related. Each scale is the mean of its answered items, and
// is scored only when at least half are answered (personal 3 of 6, work 4
// of 7, client 3 of 6).
InstrumentDefinition CopenhagenBurnoutInstrument();

// A user-defined Likert instrument: answers min_answer..max_answer, items
// as given (reverse-scored where marked), one scale "mean" = the mean of the
// answered items, scored when at least `min_answered` are answered (0 = all
// of them). Favourable = the top two options.
// Errors: those of ValidateInstrument (InvalidArgument).
absl::StatusOr<InstrumentDefinition> LikertInstrument(std::string code, std::string name, int min_answer,
                                                      int max_answer, std::vector<SurveyItem> items,
                                                      std::size_t min_answered = 0);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_INSTRUMENTS_HPP_
