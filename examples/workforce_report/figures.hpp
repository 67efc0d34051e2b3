// The report's figures, computed only from what was read back from the store:
// headcount, hires, separations and turnover by month (DOMAIN.md, "Workforce
// metrics"), the org chart's top levels, vacancies, the leave ledgers of the
// accrual run, the rating distribution before and after calibration, the
// 9-box, and the survey's engagement and well-being by unit and by
// location and wave under the confidentiality rules. Also the program's own read-back checks.
//
// Thread safety: pure functions of their arguments.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_FIGURES_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_FIGURES_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/performance/nine_box.hpp"
#include "hrkit/storage/dataset.hpp"

namespace workforce_report {

// One month of the reporting year.
struct MonthFigures {
  hrkit::Date first;                 // the month's first day
  hrkit::Date last;                  // its last day, or the as-of date in its month
  std::int64_t headcount_start = 0;  // employed on `first`
  std::int64_t headcount_end = 0;    // employed on `last`
  std::int64_t hires = 0;            // hires and rehires effective in the month
  std::int64_t separations = 0;      // last days in the month
  std::int64_t voluntary = 0;
  std::int64_t involuntary = 0;
  double turnover_percent = 0.0;  // separations / average headcount x 100
};

// A unit of the org chart's top three levels.
struct OrgBox {
  hrkit::OrgUnitId unit;
  std::string name;
  int level = 1;               // 1 = a root
  int parent = -1;             // index into Figures::org, -1 for a root
  std::int64_t headcount = 0;  // the unit with its subtree
  std::int64_t child_units = 0;
};

// One cell of the survey heatmap: a unit (with its subtree) in one wave.
struct HeatCell {
  hrkit::OrgUnitId unit;
  std::string unit_name;
  int level = 1;  // 1 = a root
  int wave = 1;
  hrkit::Suppression verdict = hrkit::Suppression::kShown;
  std::optional<std::int64_t> respondents;  // shown cells only
  std::optional<double> engagement;         // team scale mean, 1..5
  std::optional<double> wellbeing;          // WHO-5 percentage, 0..100
};

// The whole organization at one location in one survey wave: the unit x
// location breakdown, published with the heatmap from one disclosure.
struct LocationCell {
  std::string location;  // the location's name
  int wave = 1;
  hrkit::Suppression verdict = hrkit::Suppression::kShown;
  std::optional<std::int64_t> respondents;  // shown cells only
  std::optional<double> engagement;         // team scale mean, 1..5
  std::optional<double> wellbeing;          // WHO-5 percentage, 0..100
};

// One survey wave for the whole organization.
struct WaveFigures {
  int wave = 1;
  hrkit::Date invited_on;
  std::int64_t invited = 0;
  std::int64_t respondents = 0;
  std::optional<double> response_rate_percent;
  std::optional<double> engagement;
  std::optional<double> wellbeing;
};

// One level of the rating scale, before and after calibration.
struct RatingRow {
  double rating = 0.0;
  std::string label;
  std::int64_t before = 0;
  std::int64_t after = 0;
  double before_percent = 0.0;
  double after_percent = 0.0;
  double guideline_percent = 0.0;
};

// One box of the 9-box grid, as shown outside HR.
struct NineBoxCell {
  hrkit::NineBoxLevel performance = hrkit::NineBoxLevel::kLow;
  hrkit::NineBoxLevel potential = hrkit::NineBoxLevel::kLow;
  hrkit::Suppression verdict = hrkit::Suppression::kShown;
  std::optional<std::int64_t> count;
};

// A bin [from, to) of the leave balance histogram.
struct BalanceBin {
  double from = 0.0;
  double to = 0.0;
  std::int64_t employees = 0;
};

struct Figures {
  hrkit::Date as_of;
  hrkit::Date year_first;  // the first day of the reporting year
  std::int64_t headcount_start = 0;
  std::int64_t headcount_end = 0;
  std::int64_t hires = 0;
  std::int64_t separations = 0;
  std::int64_t voluntary = 0;
  std::int64_t involuntary = 0;
  double annual_turnover = 0.0;  // the sum of the monthly rates
  double annual_voluntary_turnover = 0.0;
  std::int64_t vacancies = 0;  // open, unheld positions on as_of
  std::int64_t units = 0;      // open units on as_of
  std::vector<MonthFigures> months;
  std::vector<OrgBox> org;

  double leave_days_taken = 0.0;             // in the reporting year, up to as_of
  std::int64_t leave_requests_approved = 0;  // starting in the reporting year, up to as_of
  std::int64_t leave_requests_pending = 0;
  std::vector<BalanceBin> balances;  // employees employed on as_of
  double mean_balance = 0.0;

  std::int64_t cycle_participants = 0;
  std::int64_t rated = 0;
  std::vector<RatingRow> ratings;
  std::int64_t calibration_changes = 0;
  std::int64_t nine_box_total = 0;
  hrkit::Suppression nine_box_total_verdict = hrkit::Suppression::kShown;
  std::array<NineBoxCell, 9> nine_box{};  // by hrkit::NineBoxIndex

  std::vector<WaveFigures> waves;
  std::vector<HeatCell> heatmap;        // rows: units (root, then level 2), each wave
  std::vector<LocationCell> locations;  // per wave, the locations by id
  std::int32_t min_group = 5;

  std::int64_t checks_run = 0;
  std::vector<std::string> check_failures;  // read-back checks that failed
};

// Computes the figures from `data` (a store's LoadAll) as of `as_of`.
// Errors: those of the library functions used, and FailedPrecondition when
// `data` holds no organization.
absl::StatusOr<Figures> ComputeFigures(const hrkit::Dataset& data, hrkit::Date as_of, hrkit::ProgressSink* progress);

// The parts, one file each (figures_workforce.cpp, figures_leave.cpp,
// figures_performance.cpp, figures_survey.cpp).
absl::Status AddWorkforceFigures(const hrkit::Dataset& data, Figures* figures, hrkit::ProgressSink* progress);
absl::Status AddLeaveFigures(const hrkit::Dataset& data, Figures* figures, hrkit::ProgressSink* progress);
absl::Status AddPerformanceFigures(const hrkit::Dataset& data, Figures* figures);
absl::Status AddSurveyFigures(const hrkit::Dataset& data, Figures* figures);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_FIGURES_HPP_
