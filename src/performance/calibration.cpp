#include "hrkit/performance/calibration.hpp"

#include <cmath>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/review_template.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const CalibrationChange& c, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToString(c.id), " (", ToString(c.employee), ") field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

// The index of the level of `scale` with value `rating`, or -1.
std::ptrdiff_t LevelIndex(const RatingScale& scale, double rating) {
  for (std::size_t i = 0; i < scale.levels.size(); ++i) {
    if (scale.levels[i].value == rating) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

absl::Status ApplyGuideline(std::span<const GuidelineShare> guideline, const RatingScale& scale,
                            RatingDistribution& out) {
  if (guideline.empty()) return absl::OkStatus();
  std::vector<bool> seen(scale.levels.size(), false);
  double sum = 0.0;
  for (std::size_t i = 0; i < guideline.size(); ++i) {
    const GuidelineShare& share = guideline[i];
    const std::string where = absl::StrCat("guideline[", i, "]");
    HRKIT_RETURN_IF_ERROR(ValidateRating(scale, share.rating, where));
    const auto level = static_cast<std::size_t>(LevelIndex(scale, share.rating));
    if (seen[level]) return absl::InvalidArgumentError(absl::StrCat(where, ": rating ", share.rating, " repeats"));
    seen[level] = true;
    if (!std::isfinite(share.percent) || share.percent < 0.0 || share.percent > 100.0) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": percent must be in [0, 100], got ", share.percent));
    }
    out.levels[level].guideline_percent = share.percent;
    sum += share.percent;
  }
  if (std::abs(sum - 100.0) > kWeightSumTolerance) {
    return absl::InvalidArgumentError(absl::StrCat("guideline: shares sum to ", sum, ", not 100"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCalibrationChange(const CalibrationChange& c) {
  if (!c.id.valid()) return Invalid(c, "id", "must be positive");
  if (!c.cycle.valid()) return Invalid(c, "cycle", "must be a valid id");
  if (!c.employee.valid()) return Invalid(c, "employee", "must be a valid id");
  if (!c.changed_by.valid()) return Invalid(c, "changed_by", "must be a valid id");
  if (!std::isfinite(c.after)) return Invalid(c, "after", "must be a finite number");
  if (c.before.has_value() && !std::isfinite(*c.before)) return Invalid(c, "before", "must be a finite number");
  if (c.before == c.after) return Invalid(c, "after", absl::StrCat("equals before (", c.after, "): nothing changes"));
  if (!IsRealDate(c.changed_on)) return Invalid(c, "changed_on", "must be a real date");
  if (c.reason.empty()) return Invalid(c, "reason", "must say why the rating changed");
  return absl::OkStatus();
}

absl::StatusOr<RatingDistribution> DistributionOf(std::span<const double> ratings, const RatingScale& scale,
                                                  std::span<const GuidelineShare> guideline) {
  HRKIT_RETURN_IF_ERROR(ValidateRatingScale(scale));
  RatingDistribution out;
  for (const RatingLevel& level : scale.levels) out.levels.push_back({level.value, level.label, 0, 0.0, 0.0, 0.0});
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const std::ptrdiff_t level = LevelIndex(scale, ratings[i]);
    if (level < 0) HRKIT_RETURN_IF_ERROR(ValidateRating(scale, ratings[i], absl::StrCat("ratings[", i, "]")));
    ++out.levels[static_cast<std::size_t>(level)].count;
  }
  out.rated = static_cast<std::int64_t>(ratings.size());
  HRKIT_RETURN_IF_ERROR(ApplyGuideline(guideline, scale, out));
  for (DistributionLevel& level : out.levels) {
    if (out.rated > 0) level.percent = static_cast<double>(level.count) * 100.0 / static_cast<double>(out.rated);
    level.difference = level.percent - level.guideline_percent;
  }
  return out;
}

}  // namespace hrkit
