// Group statistics over survey answers: per-item mean, favourability and
// distribution, the employee Net Promoter Score, Cronbach's alpha and the
// Pearson correlation (DOMAIN.md, "Statistics"). These are the raw
// computations; a result about a group of people leaves the library only
// through the confidentiality rules of core/confidentiality.hpp, applied by
// the survey reports.
//
// Thread safety: pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_STATISTICS_HPP_
#define HRKIT_RELATIONS_STATISTICS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/relations/instrument.hpp"

namespace hrkit {

// One item over a group's answers.
struct ItemSummary {
  std::int64_t answered = 0;  // answers given (missing ones are not counted)
  // The mean item value (option values, reversed for a reverse-scored
  // item); nullopt without answers.
  std::optional<double> mean{};
  // The share of answers in the favourable options, in percent: the top
  // `favorable_options` answers, or the bottom ones for a reverse-scored
  // item; nullopt without answers.
  std::optional<double> favorable_percent{};
  // Answers per option, lowest answer first.
  std::vector<std::int64_t> distribution{};

  friend bool operator==(const ItemSummary&, const ItemSummary&) = default;
};

// Summarizes the answers to item `item` (nullopt = missing).
// Errors (InvalidArgument): an invalid instrument, an item index out of
// range, an answer outside the scale (naming the item and the answer).
absl::StatusOr<ItemSummary> SummarizeItem(const InstrumentDefinition& instrument, std::size_t item,
                                          std::span<const std::optional<int>> answers);

// The summary of item `item` from its distribution (answers per option,
// lowest answer first): the same figures SummarizeItem gives for the answers
// behind it. Errors (InvalidArgument): an invalid instrument, an item index
// out of range, a distribution of the wrong size or with a negative count.
absl::StatusOr<ItemSummary> SummarizeDistribution(const InstrumentDefinition& instrument, std::size_t item,
                                                  std::span<const std::int64_t> distribution);

// eNPS: % promoters (9-10) - % detractors (0-6) of the answers, -100..100;
// nullopt when there are no answers. Errors (InvalidArgument): an answer
// outside 0..10.
// Example: {10, 10, 9, 8, 6, 4, 7, 9} -> 50 - 25 = 25.
absl::StatusOr<std::optional<double>> NetPromoterScore(std::span<const int> answers);

// Cronbach's alpha of k items over n respondents (`rows`: one row per
// respondent, one value per item, complete rows only — drop rows with a
// missing answer first):
//   alpha = k / (k - 1) x (1 - sum of item variances / variance of totals),
// with the sample variance (n - 1) in both.
// Errors: InvalidArgument (fewer than 2 items, rows of different lengths, a
// value that is not finite), FailedPrecondition (fewer than 2 rows; the
// totals do not vary, so alpha is undefined).
absl::StatusOr<double> CronbachAlpha(std::span<const std::vector<double>> rows);

// The Pearson correlation of x and y.
// Errors: InvalidArgument (different lengths, a value that is not finite),
// FailedPrecondition (fewer than 2 pairs; x or y does not vary).
absl::StatusOr<double> PearsonCorrelation(std::span<const double> x, std::span<const double> y);

// The comparison of two groups' means (e.g. one group's scale scores in two
// waves) by Welch's t-test, which does not assume equal variances:
//   t = (mean(after) - mean(before)) / sqrt(s1^2/n1 + s2^2/n2),
// with the Welch-Satterthwaite degrees of freedom and the two-sided p-value
// of Student's t distribution. A change is significant at level alpha when
// p < alpha (0.05 is the usual choice). WHO-5 adds its own rule for one
// person: a change of 10 points or more on the percentage scale.
struct MeanComparison {
  double difference = 0.0;          // mean(after) - mean(before)
  double t = 0.0;                   // Welch's t statistic
  double degrees_of_freedom = 0.0;  // Welch-Satterthwaite degrees of freedom
  double p_two_sided = 1.0;         // P(|T| >= |t|)

  friend bool operator==(const MeanComparison&, const MeanComparison&) = default;
};

// Welch's t-test of `before` against `after`.
// Errors: InvalidArgument (a value that is not finite), FailedPrecondition
// (fewer than 2 values in either group; neither group varies).
absl::StatusOr<MeanComparison> WelchTest(std::span<const double> before, std::span<const double> after);

// The two-sided p-value of Student's t distribution with `df` > 0 degrees of
// freedom: P(|T| >= |t|). REQUIRES: t finite, df > 0.
double StudentTwoSidedP(double t, double df);

// Driver analysis is reported only for groups above this many respondents.
inline constexpr std::int64_t kMinDriverRespondents = 26;

// One driver: how an item moves with the outcome.
struct Driver {
  std::size_t item = 0;                       // the item's index in its instrument
  std::optional<double> r{};                  // Pearson r with the outcome; nullopt if either does not vary
  std::optional<double> favorable_percent{};  // the item's favourable share, in percent

  friend bool operator==(const Driver&, const Driver&) = default;
};

// Driver analysis: for each item other than `outcome`, the Pearson
// correlation of its values with the outcome item's values over the
// respondents who answered both, and its favourability. Focus areas are the
// items with a high r and a low favourability. `rows`: one row of answers
// per respondent, in item order (nullopt = missing).
// Errors: InvalidArgument (an invalid instrument, an outcome index out of
// range, a row of the wrong length or an answer off the scale),
// FailedPrecondition (kMinDriverRespondents or fewer rows: too few for a
// correlation to be reported).
absl::StatusOr<std::vector<Driver>> DriverAnalysis(const InstrumentDefinition& instrument,
                                                   std::span<const std::vector<std::optional<int>>> rows,
                                                   std::size_t outcome);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_STATISTICS_HPP_
