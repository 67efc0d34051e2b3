#include "summary.hpp"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "hrkit/core/date.hpp"

namespace workforce_report {
namespace {

// `value` with `decimals` decimals, or "n/a".
std::string Optional(const std::optional<double>& value, int decimals) {
  return value.has_value() ? absl::StrFormat("%.*f", decimals, *value) : "n/a";
}

std::string Distribution(const Figures& f, bool after) {
  std::string out;
  for (const RatingRow& r : f.ratings) {
    absl::StrAppendFormat(&out, "%s%g: %.1f %%", out.empty() ? "" : ", ", r.rating,
                          after ? r.after_percent : r.before_percent);
  }
  return out.empty() ? "none" : out;
}

}  // namespace

std::string Summary(const Figures& f) {
  std::string s =
      absl::StrFormat("Workforce report %s .. %s\n", hrkit::FormatIsoDate(f.year_first), hrkit::FormatIsoDate(f.as_of));
  absl::StrAppendFormat(&s, "  headcount            %d at start, %d at end (%d units)\n", f.headcount_start,
                        f.headcount_end, f.units);
  absl::StrAppendFormat(&s, "  hires                %d\n", f.hires);
  absl::StrAppendFormat(&s, "  separations          %d (voluntary %d, involuntary %d)\n", f.separations, f.voluntary,
                        f.involuntary);
  absl::StrAppendFormat(&s, "  annual turnover      %.2f %% (voluntary %.2f %%)\n", f.annual_turnover,
                        f.annual_voluntary_turnover);
  absl::StrAppendFormat(&s, "  vacancies            %d open positions without a holder\n", f.vacancies);
  absl::StrAppendFormat(&s, "  leave days taken     %.1f (%d requests approved, %d pending); mean balance %.2f days\n",
                        f.leave_days_taken, f.leave_requests_approved, f.leave_requests_pending, f.mean_balance);
  absl::StrAppendFormat(&s, "  ratings before       %s (%d rated of %d)\n", Distribution(f, false), f.rated,
                        f.cycle_participants);
  absl::StrAppendFormat(&s, "  ratings after        %s (%d calibration changes)\n", Distribution(f, true),
                        f.calibration_changes);
  for (const WaveFigures& w : f.waves) {
    absl::StrAppendFormat(
        &s,
        "  survey wave %d        engagement %s of 5, well-being (WHO-5) %s of 100, response rate %s %% (%d of %d)\n",
        w.wave, Optional(w.engagement, 2), Optional(w.wellbeing, 1), Optional(w.response_rate_percent, 1),
        w.respondents, w.invited);
  }
  absl::StrAppendFormat(&s, "  read-back checks     %d run, %d failed\n", f.checks_run, f.check_failures.size());
  return s;
}

}  // namespace workforce_report
