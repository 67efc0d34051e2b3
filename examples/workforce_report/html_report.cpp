#include "html_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charts.hpp"
#include "charts_common.hpp"
#include "svg.hpp"

namespace workforce_report {
namespace {

constexpr char kStyle[] = R"css(
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --blue: #1f4e79; --sky: #7fa7cf; --orange: #e07b39; }
* { box-sizing: border-box; }
body { margin: 0; background: #f7f8fa; color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1220px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 4px; }
p { margin: 0 0 12px; }
.sub, .note { color: var(--muted); }
.note { font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 20px 0 28px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .k { color: var(--muted); font-size: 13px; }
.card .v { font-size: 24px; font-weight: 600; }
.card .d { color: var(--muted); font-size: 12px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 0 0 20px; }
svg.chart { display: block; height: auto; margin-top: 8px; font-size: 13px; }
svg text { fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 12px; }
svg .label { fill: var(--muted); font-size: 13px; }
svg .small { font-size: 11px; }
svg .value { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .strong { font-weight: 600; }
svg .big { font-size: 26px; font-weight: 600; }
svg .muted { fill: var(--muted); }
svg .light { fill: #fff; }
svg .axis { stroke: #9ca3af; stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .link { stroke: #9ca3af; fill: none; stroke-width: 1.2; }
svg .series { stroke: var(--blue); fill: none; stroke-width: 2.5; }
svg .dot { fill: var(--blue); }
svg .bar-a { fill: var(--blue); }
svg .bar-b { fill: var(--orange); }
svg .bar-c { fill: var(--sky); }
svg .guide { stroke: var(--orange); stroke-width: 3; }
svg .unit1 { fill: var(--blue); }
svg .unit2 { fill: #dbe7f3; stroke: #9fbcd9; }
svg .unit3 { fill: #f3f6fa; stroke: #d5dfeb; }
svg .empty { fill: #fafafa; stroke: var(--line); }
ul.files { columns: 2; margin: 0; padding-left: 18px; }
table.figures { border-collapse: collapse; margin-top: 8px; font-size: 14px; }
table.figures th, table.figures td { border-bottom: 1px solid var(--line); padding: 4px 14px 4px 0; text-align: right; }
table.figures th:first-child, table.figures td:first-child { text-align: left; }
table.figures td.hidden { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
)css";

std::string Card(std::string_view key, std::string_view value, std::string_view detail) {
  return absl::StrCat("<div class=\"card\"><div class=\"k\">", HtmlEscape(key), "</div><div class=\"v\">",
                      HtmlEscape(value), "</div><div class=\"d\">", HtmlEscape(detail), "</div></div>\n");
}

std::string Section(std::string_view title, std::string_view note, const std::string& svg) {
  return absl::StrCat("<section>\n<h2>", HtmlEscape(title), "</h2>\n<p class=\"note\">", HtmlEscape(note), "</p>\n",
                      svg, "</section>\n");
}

std::string Cards(const Figures& f) {
  std::string out = "<div class=\"cards\">\n";
  out += Card("Headcount", absl::StrCat(f.headcount_start, " \u2192 ", f.headcount_end),
              absl::StrCat("employed on ", hrkit::FormatIsoDate(f.year_first), " and ", hrkit::FormatIsoDate(f.as_of)));
  out += Card("Hires / separations", absl::StrCat(f.hires, " / ", f.separations),
              absl::StrCat(f.voluntary, " voluntary, ", f.involuntary, " involuntary"));
  out += Card("Annual turnover", absl::StrCat(Fixed(f.annual_turnover, 2), " %"),
              absl::StrCat("sum of 12 monthly rates; voluntary ", Fixed(f.annual_voluntary_turnover, 2), " %"));
  out += Card("Vacancies", absl::StrCat(f.vacancies), "open positions without a holder");
  out += Card("Leave days taken", Fixed(f.leave_days_taken, 1),
              absl::StrCat(f.leave_requests_approved, " approved requests; mean balance ", Fixed(f.mean_balance, 1)));
  out += Card("Calibration", absl::StrCat(f.calibration_changes, " changes"),
              absl::StrCat("ratings changed, of ", f.rated, " rated participants"));
  for (const WaveFigures& w : f.waves) {
    out += Card(absl::StrCat("Survey wave ", w.wave),
                absl::StrCat(w.engagement ? Fixed(*w.engagement, 2) : "n/a", " \u00b7 ",
                             w.wellbeing ? Fixed(*w.wellbeing, 1) : "n/a"),
                absl::StrCat("engagement of 5 \u00b7 WHO-5 of 100; response rate ",
                             w.response_rate_percent ? Fixed(*w.response_rate_percent, 1) : "n/a", " %"));
  }
  return out + "</div>\n";
}

// The locations table: a row per location, a column pair per wave; a
// hidden cell names its rule, never a number.
std::string LocationsTable(const Figures& f) {
  std::vector<int> waves;
  std::vector<std::string> locations;
  for (const LocationCell& c : f.locations) {
    if (std::find(waves.begin(), waves.end(), c.wave) == waves.end()) waves.push_back(c.wave);
    if (std::find(locations.begin(), locations.end(), c.location) == locations.end()) locations.push_back(c.location);
  }
  std::string out = "<table class=\"figures\" id=\"table-locations\">\n<tr><th>Location</th>";
  for (const int w : waves) {
    absl::StrAppend(&out, "<th>Wave ", w, " respondents</th><th>Engagement</th><th>WHO-5</th>");
  }
  out += "</tr>\n";
  for (const std::string& location : locations) {
    absl::StrAppend(&out, "<tr><td>", HtmlEscape(location), "</td>");
    for (const int w : waves) {
      const auto it = std::find_if(f.locations.begin(), f.locations.end(),
                                   [&](const LocationCell& c) { return c.wave == w && c.location == location; });
      if (it == f.locations.end()) {
        out += "<td></td><td></td><td></td>";
      } else if (!IsShown(it->verdict)) {
        absl::StrAppend(&out, "<td class=\"hidden\" colspan=\"3\">hidden (",
                        HtmlEscape(hrkit::SuppressionName(it->verdict)), ")</td>");
      } else {
        absl::StrAppend(&out, "<td>", it->respondents.value_or(0), "</td><td>",
                        it->engagement ? absl::StrFormat("%.2f", *it->engagement) : "", "</td><td>",
                        it->wellbeing ? absl::StrFormat("%.1f", *it->wellbeing) : "", "</td>");
      }
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string Sections(const Figures& f) {
  std::string out;
  out += Section(
      "Organization",
      "The top three levels of the unit tree on the as-of date; headcount counts the unit and every unit below it.",
      OrgChartSvg(f));
  out += Section("Headcount by month",
                 "Turnover per month = separations / average of the headcount on the month's first and last day x 100; "
                 "the annual rate is the sum of the twelve.",
                 HeadcountSvg(f));
  out += Section(
      "Engagement and well-being by unit",
      absl::StrCat("The top three levels of units, each with everything below it, as the tree stood when the wave was "
                   "invited. Groups under ",
                   f.min_group,
                   " respondents, and groups that would give a hidden one away, are hidden: only the rule "
                   "that hides them is shown."),
      HeatmapSvg(f));
  if (!f.locations.empty()) {
    out += Section("Engagement and well-being by location",
                   "The whole organization at each location, published with the units above from one decision: "
                   "a cell that would give away a hidden unit, or be given away by one, is hidden too.",
                   LocationsTable(f));
  }
  out +=
      Section("Ratings before and after calibration",
              absl::StrCat(f.rated, " rated participants; ", f.calibration_changes, " ratings changed in calibration."),
              RatingsSvg(f));
  out += Section("9-box", "Placements as of the cycle's close, as a reader outside HR sees them.", NineBoxSvg(f));
  out += Section("Leave balances",
                 "Annual leave balances of everyone employed on the as-of date, from the accrual run.", LeaveSvg(f));
  return out;
}

}  // namespace

std::string HtmlReport(const Figures& f, const std::string& source) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  absl::StrAppend(&out, "<title>Workforce report ", hrkit::FormatIsoDate(f.as_of), "</title>\n<style>", kStyle,
                  "</style>\n</head>\n<body>\n<main>\n");
  absl::StrAppend(&out, "<h1>Workforce report</h1>\n<p class=\"sub\">",
                  HtmlEscape(absl::StrCat(hrkit::FormatIsoDate(f.year_first), " to ", hrkit::FormatIsoDate(f.as_of),
                                          " \u00b7 ", f.units, " units")),
                  "</p>\n", Cards(f), Sections(f));
  out += "<section>\n<h2>Tables</h2>\n<p class=\"note\">Every chart's figures, as CSV next to this page:</p>\n";
  out +=
      "<ul class=\"files\"><li>headline.csv</li><li>headcount_by_month.csv</li><li>survey_heatmap.csv</li>"
      "<li>survey_locations.csv</li>"
      "<li>ratings.csv</li><li>nine_box.csv</li><li>leave_balances.csv</li></ul>\n</section>\n";
  absl::StrAppend(&out, "<footer>Computed by hrkit from ", HtmlEscape(source), "; ", f.checks_run,
                  " read-back checks, ", f.check_failures.size(), " failed.</footer>\n</main>\n</body>\n</html>\n");
  return out;
}

}  // namespace workforce_report
