// Wave-over-wave trends of a survey and the reliability of its scales.
// A trend is reported for an org unit (with its subtree, as on each wave's
// invitation day) only where both waves' org reports (relations/survey_report.hpp)
// show the group; elsewhere it says which wave hides it, and nothing else.
// For each scale it gives the change of the mean person score and Welch's
// t-test of the two waves' scores (relations/statistics.hpp).
//
// Thread safety: pure functions of their inputs; safe to call concurrently.
#ifndef HRKIT_RELATIONS_SURVEY_TRENDS_HPP_
#define HRKIT_RELATIONS_SURVEY_TRENDS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/statistics.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_disclosure.hpp"

namespace hrkit {

// The change of one scale between two waves.
struct ScaleTrend {
  std::string code{};  // the scale's code
  // nullopt when the test cannot be computed (fewer than 2 scores in a
  // wave, or no variation in either).
  std::optional<MeanComparison> comparison{};

  friend bool operator==(const ScaleTrend&, const ScaleTrend&) = default;
};

// One group's trend.
struct SurveyGroupTrend {
  OrgUnitId unit{};                          // the group's unit (with its subtree)
  Suppression before = Suppression::kShown;  // the group's verdict in each wave's report
  Suppression after = Suppression::kShown;   // the verdict in the later wave
  std::vector<ScaleTrend> scales{};          // only when shown in both waves

  friend bool operator==(const SurveyGroupTrend&, const SurveyGroupTrend&) = default;
};

// The trends from wave `before` to wave `after` for the instrument at
// position `instrument` of the survey: one entry per unit that is a group
// in both waves' reports, in the order of the later report.
// Errors: those of OrgReport for either wave.
absl::StatusOr<std::vector<SurveyGroupTrend>> TrendReport(const SurveyBook& book, std::int32_t before,
                                                          std::int32_t after, std::size_t instrument,
                                                          const OrgLookup& lookup);

// The same trends with each wave's verdicts taken from its disclosure
// (relations/survey_disclosure.hpp), as its published unit report and
// breakdowns have them: `before` and `after` name the waves. Errors: those
// of OrgReport with a disclosure, for either wave.
absl::StatusOr<std::vector<SurveyGroupTrend>> TrendReport(const SurveyBook& book, const WaveDisclosure& before,
                                                          const WaveDisclosure& after, std::size_t instrument,
                                                          const OrgLookup& lookup);

// Cronbach's alpha of scale `scale` of the instrument at `instrument`, over
// the responses of wave `wave` that answered all of the scale's items (item
// values, reversed where the instrument says). Errors: NotFound (no such
// wave), InvalidArgument (an index out of range; a scale of one item), and
// those of CronbachAlpha (FailedPrecondition for fewer than 2 complete
// responses or no variation). Alpha describes the instrument, not a person,
// but it is computed over everyone: report it only for the whole survey or
// a group shown in the org report.
absl::StatusOr<double> ScaleAlpha(const SurveyBook& book, std::int32_t wave, std::size_t instrument, std::size_t scale);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_TRENDS_HPP_
