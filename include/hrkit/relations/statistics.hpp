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

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_STATISTICS_HPP_
