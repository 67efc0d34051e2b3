#include "hrkit/performance/rating_scale.hpp"

#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const RatingScale& s, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(s.id), " field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

}  // namespace

RatingScale NumericScale(RatingScaleId id, int levels) {
  RatingScale scale{id, absl::StrCat("1-", levels), {}};
  for (int i = 1; i <= levels; ++i) scale.levels.push_back({static_cast<double>(i), absl::StrCat(i)});
  return scale;
}

absl::Status ValidateRatingScale(const RatingScale& scale) {
  if (!scale.id.valid()) return Invalid(scale, "id", "must be positive");
  if (scale.name.empty()) return Invalid(scale, "name", "must not be empty");
  if (scale.levels.size() < 2) {
    return Invalid(scale, "levels", absl::StrCat("needs at least 2 levels, got ", scale.levels.size()));
  }
  absl::flat_hash_set<std::string> labels;
  for (std::size_t i = 0; i < scale.levels.size(); ++i) {
    const RatingLevel& level = scale.levels[i];
    const std::string where = absl::StrCat("levels[", i, "]");
    if (!std::isfinite(level.value)) return Invalid(scale, where + ".value", "must be a finite number");
    if (i > 0 && level.value <= scale.levels[i - 1].value) {
      return Invalid(scale, where + ".value",
                     absl::StrCat(level.value, " is not above the previous level's ", scale.levels[i - 1].value));
    }
    if (level.label.empty()) return Invalid(scale, where + ".label", "must not be empty");
    if (!labels.insert(level.label).second) {
      return Invalid(scale, where + ".label", absl::StrCat("\"", level.label, "\" repeats"));
    }
  }
  return absl::OkStatus();
}

bool IsRatingOn(const RatingScale& scale, double rating) {
  for (const RatingLevel& level : scale.levels) {
    if (level.value == rating) return true;
  }
  return false;
}

absl::Status ValidateRating(const RatingScale& scale, double rating, std::string_view where) {
  if (IsRatingOn(scale, rating)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      ToAbsl(where), ": ", rating, " is not a value of ", ToString(scale.id), " (",
      absl::StrJoin(scale.levels, ", ", [](std::string* out, const RatingLevel& l) { absl::StrAppend(out, l.value); }),
      ")"));
}

absl::StatusOr<double> RatingOfLabel(const RatingScale& scale, std::string_view label) {
  for (const RatingLevel& level : scale.levels) {
    if (level.label == label) return level.value;
  }
  return absl::NotFoundError(absl::StrCat(ToString(scale.id), " has no level labelled \"", ToAbsl(label), "\""));
}

std::string_view LabelOfRating(const RatingScale& scale, double rating) {
  for (const RatingLevel& level : scale.levels) {
    if (level.value == rating) return level.label;
  }
  return {};
}

double NearestRating(const RatingScale& scale, double score) {
  double best = scale.levels.front().value;
  for (const RatingLevel& level : scale.levels) {
    // Ascending values: a later level at the same distance (a tie) wins.
    if (std::abs(level.value - score) <= std::abs(best - score)) best = level.value;
  }
  return best;
}

}  // namespace hrkit
