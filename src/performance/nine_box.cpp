#include "hrkit/performance/nine_box.hpp"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

absl::Status ValidatePerformanceBands(const PerformanceBands& bands) {
  if (!std::isfinite(bands.medium_from)) {
    return absl::InvalidArgumentError("performance bands field medium_from: must be a finite number");
  }
  if (!std::isfinite(bands.high_from) || bands.high_from <= bands.medium_from) {
    return absl::InvalidArgumentError(absl::StrCat("performance bands field high_from: ", bands.high_from,
                                                   " must be a finite number above medium_from ", bands.medium_from));
  }
  return absl::OkStatus();
}

NineBoxLevel PerformanceLevelOf(double rating, const PerformanceBands& bands) {
  if (rating < bands.medium_from) return NineBoxLevel::kLow;
  if (rating < bands.high_from) return NineBoxLevel::kMedium;
  return NineBoxLevel::kHigh;
}

absl::StatusOr<NineBoxGrid> NineBoxCounts(std::span<const NineBoxPlacement> placements,
                                          const ConfidentialityThresholds& thresholds, GridReader reader) {
  if (reader != GridReader::kHr && reader != GridReader::kOutsideHr) {
    return absl::InvalidArgumentError("nine box: reader is not a grid reader");
  }
  std::vector<std::int64_t> counts(9, 0);
  for (std::size_t i = 0; i < placements.size(); ++i) {
    const NineBoxPlacement& p = placements[i];
    if (!IsNamedValue(p.performance) || !IsNamedValue(p.potential)) {
      return absl::InvalidArgumentError(
          absl::StrCat("placements[", i, "] (", ToString(p.employee), "): a level is not low, medium or high"));
    }
    ++counts[NineBoxIndex(p.performance, p.potential)];
  }
  NineBoxGrid grid;
  grid.total = static_cast<std::int64_t>(placements.size());
  grid.verdicts.fill(Suppression::kShown);
  if (reader == GridReader::kOutsideHr) {
    HRKIT_ASSIGN_OR_RETURN(const BreakdownSuppression verdicts,
                           SuppressBreakdown(grid.total, counts, thresholds, Disclosure::kAggregates));
    grid.total_verdict = verdicts.total;
    for (std::size_t i = 0; i < 9; ++i) {
      grid.verdicts[i] = IsShown(verdicts.total) ? verdicts.parts[i] : verdicts.total;
    }
  }
  for (std::size_t i = 0; i < 9; ++i) {
    if (IsShown(grid.verdicts[i])) grid.counts[i] = counts[i];
  }
  return grid;
}

}  // namespace hrkit
