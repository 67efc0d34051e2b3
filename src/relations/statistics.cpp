#include "hrkit/relations/statistics.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

bool AllFinite(std::span<const double> values) {
  for (const double v : values) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

// The sample variance (n - 1) of the values, n >= 2.
double SampleVariance(std::span<const double> values) {
  double mean = 0.0;
  for (const double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (const double v : values) squares += (v - mean) * (v - mean);
  return squares / static_cast<double>(values.size() - 1);
}

}  // namespace

absl::StatusOr<ItemSummary> SummarizeItem(const InstrumentDefinition& instrument, std::size_t item,
                                          std::span<const std::optional<int>> answers) {
  HRKIT_RETURN_IF_ERROR(ValidateInstrument(instrument));
  if (item >= instrument.items.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("instrument:", instrument.code, ": item: index ", item, " is out of range"));
  }
  std::vector<std::int64_t> distribution(static_cast<std::size_t>(instrument.max_answer - instrument.min_answer + 1),
                                         0);
  for (const std::optional<int>& answer : answers) {
    if (!answer.has_value()) continue;
    if (*answer < instrument.min_answer || *answer > instrument.max_answer) {
      return absl::InvalidArgumentError(
          absl::StrCat("instrument:", instrument.code, ": answers[", instrument.items[item].code, "]: answer ", *answer,
                       " is outside the scale ", instrument.min_answer, "..", instrument.max_answer));
    }
    ++distribution[static_cast<std::size_t>(*answer - instrument.min_answer)];
  }
  return SummarizeDistribution(instrument, item, distribution);
}

absl::StatusOr<ItemSummary> SummarizeDistribution(const InstrumentDefinition& instrument, std::size_t item,
                                                  std::span<const std::int64_t> distribution) {
  HRKIT_RETURN_IF_ERROR(ValidateInstrument(instrument));
  const auto options = static_cast<std::size_t>(instrument.max_answer - instrument.min_answer + 1);
  if (item >= instrument.items.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("instrument:", instrument.code, ": item: index ", item, " is out of range"));
  }
  if (distribution.size() != options) {
    return absl::InvalidArgumentError(absl::StrCat("instrument:", instrument.code, ": distribution: expected ", options,
                                                   " counts, got ", distribution.size()));
  }
  const SurveyItem& def = instrument.items[item];
  ItemSummary out;
  out.distribution.assign(distribution.begin(), distribution.end());
  double sum = 0.0;
  std::int64_t favorable = 0;
  for (std::size_t k = 0; k < options; ++k) {
    const std::int64_t n = distribution[k];
    if (n < 0) {
      return absl::InvalidArgumentError(absl::StrCat("instrument:", instrument.code, ": distribution: negative count"));
    }
    const int answer = instrument.min_answer + static_cast<int>(k);
    out.answered += n;
    sum += static_cast<double>(n) * ItemValue(instrument, item, answer);
    const bool top = answer > instrument.max_answer - instrument.favorable_options;
    const bool bottom = answer < instrument.min_answer + instrument.favorable_options;
    if (def.reverse ? bottom : top) favorable += n;
  }
  if (out.answered > 0) {
    const auto n = static_cast<double>(out.answered);
    out.mean = sum / n;
    out.favorable_percent = 100.0 * static_cast<double>(favorable) / n;
  }
  return out;
}

absl::StatusOr<std::optional<double>> NetPromoterScore(std::span<const int> answers) {
  std::int64_t promoters = 0;
  std::int64_t detractors = 0;
  for (const int a : answers) {
    if (a < 0 || a > 10) return absl::InvalidArgumentError(absl::StrCat("enps: answer ", a, " is outside 0..10"));
    promoters += a >= 9 ? 1 : 0;
    detractors += a <= 6 ? 1 : 0;
  }
  if (answers.empty()) return std::optional<double>();
  return std::optional<double>(100.0 * static_cast<double>(promoters - detractors) /
                               static_cast<double>(answers.size()));
}

absl::StatusOr<double> CronbachAlpha(std::span<const std::vector<double>> rows) {
  if (rows.empty()) return absl::FailedPreconditionError("cronbach alpha: needs at least 2 respondents, got 0");
  const std::size_t k = rows.front().size();
  if (k < 2) return absl::InvalidArgumentError(absl::StrCat("cronbach alpha: needs at least 2 items, got ", k));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != k) {
      return absl::InvalidArgumentError(
          absl::StrCat("cronbach alpha: row ", r, " has ", rows[r].size(), " values, expected ", k));
    }
    if (!AllFinite(rows[r]))
      return absl::InvalidArgumentError(absl::StrCat("cronbach alpha: row ", r, " is not finite"));
  }
  if (rows.size() < 2) {
    return absl::FailedPreconditionError(
        absl::StrCat("cronbach alpha: needs at least 2 respondents, got ", rows.size()));
  }
  std::vector<double> column(rows.size());
  double item_variances = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t r = 0; r < rows.size(); ++r) column[r] = rows[r][i];
    item_variances += SampleVariance(column);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    column[r] = 0.0;
    for (const double v : rows[r]) column[r] += v;
  }
  const double total_variance = SampleVariance(column);
  if (!(total_variance > 0.0)) {
    return absl::FailedPreconditionError("cronbach alpha: the total scores do not vary, alpha is undefined");
  }
  const auto items = static_cast<double>(k);
  return items / (items - 1.0) * (1.0 - item_variances / total_variance);
}

absl::StatusOr<double> PearsonCorrelation(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) {
    return absl::InvalidArgumentError(absl::StrCat("pearson: x has ", x.size(), " values, y has ", y.size()));
  }
  if (!AllFinite(x) || !AllFinite(y)) return absl::InvalidArgumentError("pearson: values must be finite");
  if (x.size() < 2)
    return absl::FailedPreconditionError(absl::StrCat("pearson: needs at least 2 pairs, got ", x.size()));
  double mx = 0.0;
  double my = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    mx += x[k];
    my += y[k];
  }
  mx /= static_cast<double>(x.size());
  my /= static_cast<double>(y.size());
  double sxy = 0.0;
  double sxx = 0.0;
  double syy = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) * (x[k] - mx);
    syy += (y[k] - my) * (y[k] - my);
  }
  if (!(sxx > 0.0) || !(syy > 0.0)) return absl::FailedPreconditionError("pearson: x or y does not vary");
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace hrkit

namespace hrkit {
namespace {

// The regularized incomplete beta function I_x(a, b), by its continued
// fraction (modified Lentz), on the side where it converges fast.
double IncompleteBeta(double x, double a, double b) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  if (x > (a + 1.0) / (a + b + 2.0)) return 1.0 - IncompleteBeta(1.0 - x, b, a);
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x)) / a;
  constexpr double kTiny = 1e-300;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  d = 1.0 / (std::fabs(d) < kTiny ? kTiny : d);
  double f = d;
  for (int m = 1; m <= 500; ++m) {
    for (int step = 0; step < 2; ++step) {
      const double numerator = step == 0 ? m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m))
                                         : -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
      d = 1.0 + numerator * d;
      d = 1.0 / (std::fabs(d) < kTiny ? kTiny : d);
      c = 1.0 + numerator / c;
      if (std::fabs(c) < kTiny) c = kTiny;
      f *= c * d;
      if (step == 1 && std::fabs(c * d - 1.0) < 1e-15) return front * f;
    }
  }
  return front * f;
}

// Mean and sample variance (n - 1) of the values, n >= 2.
std::pair<double, double> MeanAndVariance(std::span<const double> values) {
  double mean = 0.0;
  for (const double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  return {mean, SampleVariance(values)};
}

}  // namespace

double StudentTwoSidedP(double t, double df) { return IncompleteBeta(df / (df + t * t), df / 2.0, 0.5); }

absl::StatusOr<MeanComparison> WelchTest(std::span<const double> before, std::span<const double> after) {
  if (!AllFinite(before) || !AllFinite(after)) return absl::InvalidArgumentError("welch test: values must be finite");
  if (before.size() < 2 || after.size() < 2) {
    return absl::FailedPreconditionError(
        absl::StrCat("welch test: needs at least 2 values in each group, got ", before.size(), " and ", after.size()));
  }
  const auto [m1, v1] = MeanAndVariance(before);
  const auto [m2, v2] = MeanAndVariance(after);
  const double s1 = v1 / static_cast<double>(before.size());
  const double s2 = v2 / static_cast<double>(after.size());
  if (!(s1 + s2 > 0.0)) return absl::FailedPreconditionError("welch test: neither group varies");
  MeanComparison out;
  out.difference = m2 - m1;
  out.t = out.difference / std::sqrt(s1 + s2);
  out.degrees_of_freedom =
      (s1 + s2) * (s1 + s2) /
      (s1 * s1 / static_cast<double>(before.size() - 1) + s2 * s2 / static_cast<double>(after.size() - 1));
  out.p_two_sided = StudentTwoSidedP(out.t, out.degrees_of_freedom);
  return out;
}

absl::StatusOr<std::vector<Driver>> DriverAnalysis(const InstrumentDefinition& instrument,
                                                   std::span<const std::vector<std::optional<int>>> rows,
                                                   std::size_t outcome) {
  HRKIT_RETURN_IF_ERROR(ValidateInstrument(instrument));
  const std::size_t items = instrument.items.size();
  if (outcome >= items) {
    return absl::InvalidArgumentError(
        absl::StrCat("instrument:", instrument.code, ": outcome: index ", outcome, " is out of range"));
  }
  for (const auto& row : rows) {
    if (row.size() != items) {
      return absl::InvalidArgumentError(
          absl::StrCat("instrument:", instrument.code, ": rows: a row has ", row.size(), " answers, expected ", items));
    }
    for (std::size_t k = 0; k < items; ++k) {
      if (row[k].has_value() && (*row[k] < instrument.min_answer || *row[k] > instrument.max_answer)) {
        return absl::InvalidArgumentError(
            absl::StrCat("instrument:", instrument.code, ": answers[", instrument.items[k].code, "]: answer ", *row[k],
                         " is outside the scale ", instrument.min_answer, "..", instrument.max_answer));
      }
    }
  }
  if (static_cast<std::int64_t>(rows.size()) < kMinDriverRespondents) {
    return absl::FailedPreconditionError(absl::StrCat("driver analysis: needs more than ", kMinDriverRespondents - 1,
                                                      " respondents, got ", rows.size()));
  }
  std::vector<Driver> out;
  for (std::size_t item = 0; item < items; ++item) {
    if (item == outcome) continue;
    std::vector<double> x;
    std::vector<double> y;
    std::vector<std::optional<int>> answers;
    for (const auto& row : rows) {
      answers.push_back(row[item]);
      if (!row[item].has_value() || !row[outcome].has_value()) continue;
      x.push_back(ItemValue(instrument, item, *row[item]));
      y.push_back(ItemValue(instrument, outcome, *row[outcome]));
    }
    HRKIT_ASSIGN_OR_RETURN(const ItemSummary summary, SummarizeItem(instrument, item, answers));
    Driver d{.item = item, .favorable_percent = summary.favorable_percent};
    if (absl::StatusOr<double> r = PearsonCorrelation(x, y); r.ok()) d.r = *r;
    out.push_back(d);
  }
  return out;
}

}  // namespace hrkit
