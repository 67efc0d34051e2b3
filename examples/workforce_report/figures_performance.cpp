// Performance figures from the stored cycle: the rating distribution before
// and after calibration (CycleBook::Distribution against a guideline of
// 5/15/50/20/10 %) and the 9-box as a reader outside HR sees it (counts
// under the confidentiality rules).
//
// Potential: hrkit keeps no potential assessments, so this example gives
// each participant a stand-in from a hash of their employee id (about 25 %
// low, 55 % medium, 20 % high), the same on every run.
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "figures.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/cycle_book.hpp"

namespace workforce_report {
namespace {

hrkit::NineBoxLevel PotentialOf(hrkit::EmployeeId id) {
  std::uint64_t z = static_cast<std::uint64_t>(id.value()) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9ULL;
  const std::uint64_t bucket = (z ^ (z >> 32)) % 100;
  return bucket < 25   ? hrkit::NineBoxLevel::kLow
         : bucket < 80 ? hrkit::NineBoxLevel::kMedium
                       : hrkit::NineBoxLevel::kHigh;
}

// The stored entities of `cycle`, as a CycleBook.
absl::StatusOr<hrkit::CycleBook> BookOf(const hrkit::Dataset& data, const hrkit::PerformanceCycle& cycle) {
  const hrkit::RatingScale* scale = nullptr;
  for (const hrkit::RatingScale& s : data.Of<hrkit::RatingScale>()) {
    if (s.id == cycle.scoring.scale) scale = &s;
  }
  if (scale == nullptr) return absl::NotFoundError("the cycle's rating scale is not in the store");
  std::vector<hrkit::Goal> goals;
  std::vector<hrkit::Review> reviews;
  std::vector<hrkit::CalibrationChange> changes;
  for (const hrkit::Goal& g : data.Of<hrkit::Goal>()) {
    if (g.cycle == cycle.id) goals.push_back(g);
  }
  for (const hrkit::Review& r : data.Of<hrkit::Review>()) {
    if (r.cycle == cycle.id) reviews.push_back(r);
  }
  for (const hrkit::CalibrationChange& c : data.Of<hrkit::CalibrationChange>()) {
    if (c.cycle == cycle.id) changes.push_back(c);
  }
  return hrkit::CycleBook::FromEntities(cycle, *scale, std::move(goals), std::move(reviews), std::move(changes));
}

// 5/15/50/20/10 % on a five-level scale; none on another scale.
std::vector<hrkit::GuidelineShare> GuidelineFor(const hrkit::RatingScale& scale) {
  constexpr double kShares[] = {5, 15, 50, 20, 10};
  std::vector<hrkit::GuidelineShare> guideline;
  if (scale.levels.size() != 5) return guideline;
  for (std::size_t i = 0; i < 5; ++i) guideline.push_back({scale.levels[i].value, kShares[i]});
  return guideline;
}

absl::Status AddNineBox(const hrkit::CycleBook& book, Figures* f) {
  std::vector<hrkit::PotentialAssessment> potentials;
  for (const hrkit::EmployeeId id : book.cycle().participants) potentials.push_back({id, PotentialOf(id)});
  const hrkit::PerformanceBands bands{.medium_from = 3, .high_from = 4};
  HRKIT_ASSIGN_OR_RETURN(const std::vector<hrkit::NineBoxPlacement> placements, book.NineBox(potentials, bands));
  HRKIT_ASSIGN_OR_RETURN(
      const hrkit::NineBoxGrid grid,
      hrkit::NineBoxCounts(placements, hrkit::ConfidentialityThresholds{}, hrkit::GridReader::kOutsideHr));
  f->nine_box_total = grid.total;
  f->nine_box_total_verdict = grid.total_verdict;
  for (int p = 0; p < 3; ++p) {
    for (int q = 0; q < 3; ++q) {
      const auto perf = static_cast<hrkit::NineBoxLevel>(p);
      const auto pot = static_cast<hrkit::NineBoxLevel>(q);
      const std::size_t i = hrkit::NineBoxIndex(perf, pot);
      f->nine_box[i] = NineBoxCell{perf, pot, grid.verdicts[i], grid.counts[i]};
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddPerformanceFigures(const hrkit::Dataset& data, Figures* f) {
  if (data.Of<hrkit::PerformanceCycle>().empty()) return absl::OkStatus();
  const hrkit::PerformanceCycle& cycle = data.Of<hrkit::PerformanceCycle>().front();
  if (cycle.phases.goal_setting > f->as_of) return absl::OkStatus();  // not started on the as-of date
  HRKIT_ASSIGN_OR_RETURN(const hrkit::CycleBook book, BookOf(data, cycle));
  const std::vector<hrkit::GuidelineShare> guideline = GuidelineFor(book.scale());
  HRKIT_ASSIGN_OR_RETURN(const hrkit::RatingDistribution before,
                         book.Distribution(cycle.participants, guideline, /*calibrated=*/false));
  HRKIT_ASSIGN_OR_RETURN(const hrkit::RatingDistribution after,
                         book.Distribution(cycle.participants, guideline, /*calibrated=*/true));
  f->cycle_participants = static_cast<std::int64_t>(cycle.participants.size());
  f->rated = after.rated;
  f->calibration_changes = static_cast<std::int64_t>(book.changes().size());
  for (std::size_t i = 0; i < before.levels.size() && i < after.levels.size(); ++i) {
    f->ratings.push_back(RatingRow{before.levels[i].rating, std::string(before.levels[i].label), before.levels[i].count,
                                   after.levels[i].count, before.levels[i].percent, after.levels[i].percent,
                                   before.levels[i].guideline_percent});
  }
  // The 9-box places people as of the cycle's close.
  if (cycle.IsClosed() && cycle.closed_on <= f->as_of) HRKIT_RETURN_IF_ERROR(AddNineBox(book, f));
  return absl::OkStatus();
}

}  // namespace workforce_report
