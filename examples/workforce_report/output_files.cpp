#include "output_files.hpp"

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/export_text.hpp"
#include "hrkit/core/status.hpp"

namespace workforce_report {
namespace {

// Builds one CSV table row by row.
class Csv {
 public:
  explicit Csv(const std::vector<std::string_view>& header) {
    for (const std::string_view h : header) Text(h);
    EndRow();
  }
  Csv& Text(std::string_view text) {
    Separate();
    hrkit::AppendCsvCell(out_, text, /*neutralize_formula=*/true);
    return *this;
  }
  Csv& Number(double value) {
    Separate();
    hrkit::AppendShortestDouble(out_, value);
    return *this;
  }
  Csv& Integer(std::int64_t value) {
    Separate();
    absl::StrAppend(&out_, value);
    return *this;
  }
  // An empty cell for a value that is not shown.
  Csv& Maybe(const std::optional<double>& value) { return value ? Number(*value) : Text(""); }
  Csv& Maybe(const std::optional<std::int64_t>& value) { return value ? Integer(*value) : Text(""); }
  void EndRow() {
    out_ += "\r\n";
    first_ = true;
  }
  const std::string& text() const { return out_; }

 private:
  void Separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

std::string Headline(const Figures& f) {
  Csv csv({"metric", "value"});
  const auto row = [&](std::string_view metric, double value) { csv.Text(metric).Number(value).EndRow(); };
  csv.Text("year_first_day").Text(hrkit::FormatIsoDate(f.year_first)).EndRow();
  csv.Text("as_of").Text(hrkit::FormatIsoDate(f.as_of)).EndRow();
  row("headcount_start", static_cast<double>(f.headcount_start));
  row("headcount_end", static_cast<double>(f.headcount_end));
  row("hires", static_cast<double>(f.hires));
  row("separations", static_cast<double>(f.separations));
  row("separations_voluntary", static_cast<double>(f.voluntary));
  row("separations_involuntary", static_cast<double>(f.involuntary));
  row("annual_turnover_percent", f.annual_turnover);
  row("annual_voluntary_turnover_percent", f.annual_voluntary_turnover);
  row("vacancies", static_cast<double>(f.vacancies));
  row("leave_days_taken", f.leave_days_taken);
  row("leave_requests_approved", static_cast<double>(f.leave_requests_approved));
  row("mean_leave_balance", f.mean_balance);
  row("rated_participants", static_cast<double>(f.rated));
  row("calibration_changes", static_cast<double>(f.calibration_changes));
  for (const WaveFigures& w : f.waves) {
    const std::string wave = absl::StrCat("wave_", w.wave, "_");
    csv.Text(wave + "response_rate_percent").Maybe(w.response_rate_percent).EndRow();
    csv.Text(wave + "engagement_mean").Maybe(w.engagement).EndRow();
    csv.Text(wave + "who5_percentage_mean").Maybe(w.wellbeing).EndRow();
  }
  return csv.text();
}

std::string Months(const Figures& f) {
  Csv csv({"month", "headcount_start", "headcount_end", "hires", "separations", "voluntary", "involuntary",
           "turnover_percent"});
  for (const MonthFigures& m : f.months) {
    csv.Text(hrkit::FormatIsoDate(m.first).substr(0, 7)).Integer(m.headcount_start).Integer(m.headcount_end);
    csv.Integer(m.hires).Integer(m.separations).Integer(m.voluntary).Integer(m.involuntary);
    csv.Number(m.turnover_percent).EndRow();
  }
  return csv.text();
}

std::string Heatmap(const Figures& f) {
  Csv csv({"org_unit", "unit_name", "wave", "verdict", "respondents", "engagement_mean", "who5_percentage_mean"});
  for (const HeatCell& c : f.heatmap) {
    csv.Integer(c.unit.value()).Text(c.unit_name).Integer(c.wave).Text(hrkit::SuppressionName(c.verdict));
    csv.Maybe(c.respondents).Maybe(c.engagement).Maybe(c.wellbeing).EndRow();
  }
  return csv.text();
}

std::string Locations(const Figures& f) {
  Csv csv({"location", "wave", "verdict", "respondents", "engagement_mean", "who5_percentage_mean"});
  for (const LocationCell& c : f.locations) {
    csv.Text(c.location).Integer(c.wave).Text(hrkit::SuppressionName(c.verdict));
    csv.Maybe(c.respondents).Maybe(c.engagement).Maybe(c.wellbeing).EndRow();
  }
  return csv.text();
}

std::string Ratings(const Figures& f) {
  Csv csv({"rating", "label", "before_count", "before_percent", "after_count", "after_percent", "guideline_percent"});
  for (const RatingRow& r : f.ratings) {
    csv.Number(r.rating).Text(r.label).Integer(r.before).Number(r.before_percent).Integer(r.after);
    csv.Number(r.after_percent).Number(r.guideline_percent).EndRow();
  }
  return csv.text();
}

std::string NineBox(const Figures& f) {
  Csv csv({"performance", "potential", "verdict", "count"});
  for (const NineBoxCell& c : f.nine_box) {
    csv.Text(hrkit::EnumToName(c.performance)).Text(hrkit::EnumToName(c.potential));
    csv.Text(hrkit::SuppressionName(c.verdict));
    csv.Maybe(c.count).EndRow();
  }
  return csv.text();
}

std::string Balances(const Figures& f) {
  Csv csv({"balance_from_days", "balance_to_days", "employees"});
  for (const BalanceBin& b : f.balances) csv.Number(b.from).Number(b.to).Integer(b.employees).EndRow();
  return csv.text();
}

}  // namespace

absl::Status WriteTextFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

absl::Status WriteCsvTables(const Figures& f, const std::filesystem::path& dir) {
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "headline.csv", Headline(f)));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "headcount_by_month.csv", Months(f)));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "survey_heatmap.csv", Heatmap(f)));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "survey_locations.csv", Locations(f)));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "ratings.csv", Ratings(f)));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(dir / "nine_box.csv", NineBox(f)));
  return WriteTextFile(dir / "leave_balances.csv", Balances(f));
}

}  // namespace workforce_report
