#include "hrkit/relations/instrument.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const InstrumentDefinition& i, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("instrument:", i.code, ": ", ToAbsl(field), ": ", ToAbsl(what)));
}

std::size_t OptionCount(const InstrumentDefinition& i) {
  return static_cast<std::size_t>(i.max_answer - i.min_answer + 1);
}

absl::Status ValidateScale(const InstrumentDefinition& i, const ScaleDefinition& scale) {
  const std::string field = absl::StrCat("scales[", scale.code, "]");
  if (scale.items.empty()) return Invalid(i, field, "a scale needs at least one item");
  absl::flat_hash_set<std::size_t> seen;
  for (const std::size_t item : scale.items) {
    if (item >= i.items.size()) return Invalid(i, field, absl::StrCat("item index ", item, " is out of range"));
    if (!seen.insert(item).second) return Invalid(i, field, absl::StrCat("item index ", item, " is repeated"));
  }
  if (scale.min_answered == 0 || scale.min_answered > scale.items.size()) {
    return Invalid(i, field,
                   absl::StrCat("min_answered must be in 1..", scale.items.size(), ", got ", scale.min_answered));
  }
  if (!(scale.multiplier > 0.0) || !std::isfinite(scale.multiplier)) {
    return Invalid(i, field, "the multiplier must be a positive number");
  }
  for (std::size_t k = 0; k < scale.bands.size(); ++k) {
    if (!std::isfinite(scale.bands[k].at_most) || (k > 0 && scale.bands[k].at_most <= scale.bands[k - 1].at_most)) {
      return Invalid(i, field, "bands must have finite, strictly ascending upper bounds");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateInstrument(const InstrumentDefinition& i) {
  if (i.code.empty()) return Invalid(i, "code", "must not be empty");
  if (i.min_answer > i.max_answer) {
    return Invalid(i, "max_answer", absl::StrCat("the scale ", i.min_answer, "..", i.max_answer, " is empty"));
  }
  if (!i.option_values.empty()) {
    if (i.option_values.size() != OptionCount(i)) {
      return Invalid(i, "option_values",
                     absl::StrCat("needs one value per option (", OptionCount(i), "), got ", i.option_values.size()));
    }
    for (const double v : i.option_values) {
      if (!std::isfinite(v)) return Invalid(i, "option_values", "values must be finite");
    }
  }
  if (i.items.empty()) return Invalid(i, "items", "an instrument needs at least one item");
  absl::flat_hash_set<std::string> codes;
  for (const SurveyItem& item : i.items) {
    if (item.code.empty()) return Invalid(i, "items", "an item code must not be empty");
    if (!codes.insert(item.code).second)
      return Invalid(i, "items", absl::StrCat("item code ", item.code, " is repeated"));
  }
  codes.clear();
  for (const ScaleDefinition& scale : i.scales) {
    if (scale.code.empty()) return Invalid(i, "scales", "a scale code must not be empty");
    if (!codes.insert(scale.code).second) {
      return Invalid(i, "scales", absl::StrCat("scale code ", scale.code, " is repeated"));
    }
    HRKIT_RETURN_IF_ERROR(ValidateScale(i, scale));
  }
  if (i.favorable_options < 1 || static_cast<std::size_t>(i.favorable_options) > OptionCount(i)) {
    return Invalid(i, "favorable_options", absl::StrCat("must be in 1..", OptionCount(i)));
  }
  return absl::OkStatus();
}

double ItemValue(const InstrumentDefinition& i, std::size_t item, int answer) {
  const auto option = static_cast<std::size_t>(answer - i.min_answer);
  if (i.option_values.empty()) {
    return i.items[item].reverse ? static_cast<double>(i.min_answer + i.max_answer - answer)
                                 : static_cast<double>(answer);
  }
  const double value = i.option_values[option];
  if (!i.items[item].reverse) return value;
  const auto [low, high] = std::minmax_element(i.option_values.begin(), i.option_values.end());
  return *low + *high - value;
}

absl::StatusOr<std::vector<ScaleScore>> ScoreResponse(const InstrumentDefinition& i,
                                                      std::span<const std::optional<int>> answers) {
  HRKIT_RETURN_IF_ERROR(ValidateInstrument(i));
  if (answers.size() != i.items.size()) {
    return Invalid(i, "answers",
                   absl::StrCat("expected one answer per item (", i.items.size(), "), got ", answers.size()));
  }
  for (std::size_t k = 0; k < answers.size(); ++k) {
    if (answers[k].has_value() && (*answers[k] < i.min_answer || *answers[k] > i.max_answer)) {
      return Invalid(i, absl::StrCat("answers[", i.items[k].code, "]"),
                     absl::StrCat("answer ", *answers[k], " is outside the scale ", i.min_answer, "..", i.max_answer));
    }
  }
  std::vector<ScaleScore> out;
  out.reserve(i.scales.size());
  for (const ScaleDefinition& scale : i.scales) {
    ScaleScore score{.code = scale.code};
    double sum = 0.0;
    std::size_t answered = 0;
    for (const std::size_t item : scale.items) {
      if (!answers[item].has_value()) continue;
      sum += ItemValue(i, item, *answers[item]);
      ++answered;
    }
    if (answered >= scale.min_answered) {
      const double combined = scale.method == ScoreMethod::kSum ? sum : sum / static_cast<double>(answered);
      score.value = combined * scale.multiplier;
      score.band = scale.above_bands;
      for (const ScoreBand& band : scale.bands) {
        if (*score.value <= band.at_most) {
          score.band = band.label;
          break;
        }
      }
    }
    out.push_back(std::move(score));
  }
  return out;
}

}  // namespace hrkit
