// The org chart's top three levels and the headcount by month.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charts.hpp"
#include "charts_common.hpp"

namespace workforce_report {
namespace {

constexpr std::size_t kMaxLevel3Rows = 8;

// The level-3 units under `parent`, as small boxes stacked in its column.
void Level3Column(const Figures& f, int parent, double x, double w, double top, Svg* svg) {
  std::vector<const OrgBox*> children;
  for (const OrgBox& b : f.org) {
    if (b.parent == parent) children.push_back(&b);
  }
  const std::size_t shown = children.size() > kMaxLevel3Rows ? kMaxLevel3Rows - 1 : children.size();
  const std::size_t chars = static_cast<std::size_t>(std::max(4.0, (w - 44) / 6.5));
  for (std::size_t j = 0; j < shown; ++j) {
    const double y = top + 30.0 * static_cast<double>(j);
    svg->Path(absl::StrFormat("M%.1f %.1f V%.1f H%.1f", x + 4, y - 6, y + 12, x + 10), "class=\"link\"");
    svg->Rect(x + 10, y, w - 10, 24, "class=\"unit3\" rx=\"3\"");
    svg->Text(x + 15, y + 16, Shorten(children[j]->name, chars), "start", "class=\"small\"");
    svg->Text(x + w - 4, y + 16, absl::StrCat(children[j]->headcount), "end", "class=\"small strong\"");
  }
  if (shown < children.size()) {
    svg->Text(x + 12, top + 30.0 * static_cast<double>(shown) + 16,
              absl::StrCat("+", children.size() - shown, " more units"), "start", "class=\"small muted\"");
  }
}

}  // namespace

std::string OrgChartSvg(const Figures& f) {
  const auto root = std::find_if(f.org.begin(), f.org.end(), [](const OrgBox& b) { return b.level == 1; });
  if (root == f.org.end()) {
    Svg svg("chart-org", "Org chart: no units on the as-of date", kChartWidth, 60);
    svg.Text(20, 35, "No open org units on the as-of date.");
    return svg.Finish();
  }
  const int root_index = static_cast<int>(root - f.org.begin());
  std::vector<int> level2;
  std::size_t rows = 0;
  for (std::size_t i = 0; i < f.org.size(); ++i) {
    if (f.org[i].parent == root_index) level2.push_back(static_cast<int>(i));
  }
  for (const int i : level2)
    rows = std::max<std::size_t>(rows,
                                 std::min<std::size_t>(f.org[static_cast<std::size_t>(i)].child_units, kMaxLevel3Rows));
  const double height = 200 + 30.0 * static_cast<double>(rows) + 10;
  Svg svg("chart-org", "Org chart: the top three levels with headcount (the unit and everything below it)", kChartWidth,
          height);
  const double mid = kChartWidth / 2;
  svg.Rect(mid - 150, 16, 300, 54, "class=\"unit1\" rx=\"6\"");
  svg.Text(mid, 38, Shorten(root->name, 40), "middle", "class=\"strong light\"");
  svg.Text(mid, 58, absl::StrCat("headcount ", root->headcount, " \u00b7 ", root->child_units, " units below"),
           "middle", "class=\"small light\"");
  const double col = kChartWidth / static_cast<double>(std::max<std::size_t>(1, level2.size()));
  for (std::size_t i = 0; i < level2.size(); ++i) {
    const OrgBox& b = f.org[static_cast<std::size_t>(level2[i])];
    const double x = col * static_cast<double>(i) + 4;
    const double w = col - 8;
    svg.Path(absl::StrFormat("M%.1f 70 V96 H%.1f V118", mid, x + w / 2), "class=\"link\"");
    svg.Rect(x, 118, w, 50, "class=\"unit2\" rx=\"5\"");
    svg.Text(x + w / 2, 138, Shorten(b.name, static_cast<std::size_t>(std::max(4.0, w / 7.5))), "middle",
             "class=\"strong\"");
    svg.Text(x + w / 2, 158, absl::StrCat("HC ", b.headcount), "middle", "class=\"small\"");
    Level3Column(f, level2[i], x, w, 190, &svg);
  }
  return svg.Finish();
}

namespace {

constexpr double kLeft = 70, kRight = kChartWidth - 20, kTop = 40, kBottom = 290, kBarTop = 330, kBarBottom = 450;

// The headcount line: the year's first day, then each month's last day, on
// a y axis of round steps around the values.
void HeadcountLine(const Figures& f, double slot, Svg* svg) {
  std::int64_t lo = f.headcount_start, hi = f.headcount_start;
  for (const MonthFigures& m : f.months) {
    lo = std::min(lo, m.headcount_end);
    hi = std::max(hi, m.headcount_end);
  }
  const double step = NiceMax(std::max(4.0, static_cast<double>(hi - lo) * 1.5) / 4);
  const double y0 = std::max(0.0, std::floor((static_cast<double>(lo) - step / 2) / step) * step);
  double y1 = y0 + 4 * step;
  while (y1 < static_cast<double>(hi) + step / 4) y1 += step;
  const auto ly = [&](double v) { return kBottom - (v - y0) / (y1 - y0) * (kBottom - kTop); };
  for (double v = y0; v <= y1 + step / 2; v += step) {
    svg->Line(kLeft, ly(v), kRight, ly(v), v == y0 ? "class=\"axis\"" : "class=\"grid\"");
    svg->Text(kLeft - 6, ly(v) + 4, Fixed(v, 0), "end", "class=\"tick\"");
  }
  svg->Text(kLeft - 56, kTop - 16, "Headcount (employed on the year's first day, then on each month's last day)",
            "start", "class=\"label\"");
  std::string d = absl::StrFormat("M%.1f %.1f", kLeft, ly(static_cast<double>(f.headcount_start)));
  for (std::size_t i = 0; i < f.months.size(); ++i) {
    absl::StrAppendFormat(&d, " L%.1f %.1f", kLeft + slot * static_cast<double>(i + 1),
                          ly(static_cast<double>(f.months[i].headcount_end)));
  }
  svg->Path(d, "class=\"series\"");
  svg->Circle(kLeft, ly(static_cast<double>(f.headcount_start)), 3.5, "class=\"dot\"");
  svg->Text(kLeft + 6, ly(static_cast<double>(f.headcount_start)) - 9, absl::StrCat(f.headcount_start), "start",
            "class=\"small\"");
  for (std::size_t i = 0; i < f.months.size(); ++i) {
    const double x = kLeft + slot * static_cast<double>(i + 1);
    const double y = ly(static_cast<double>(f.months[i].headcount_end));
    svg->Circle(x, y, 3.5, "class=\"dot\"");
    svg->Text(x, y - 9, absl::StrCat(f.months[i].headcount_end), "middle", "class=\"small value\"");
  }
}

// Hires and separations per month, as paired bars.
void EventBars(const Figures& f, double slot, Svg* svg) {
  std::int64_t events = 1;
  for (const MonthFigures& m : f.months) events = std::max({events, m.hires, m.separations});
  const double max = NiceMax(static_cast<double>(events));
  YAxis(svg, kLeft, kRight, kBarTop, kBarBottom, max, 2, 0);
  svg->Text(kLeft - 56, kBarTop - 12, "Hires and separations per month", "start", "class=\"label\"");
  for (std::size_t i = 0; i < f.months.size(); ++i) {
    const MonthFigures& m = f.months[i];
    const double x = kLeft + slot * static_cast<double>(i);
    const double bw = slot * 0.3;
    const double hh = (kBarBottom - kBarTop) * static_cast<double>(m.hires) / max;
    const double sh = (kBarBottom - kBarTop) * static_cast<double>(m.separations) / max;
    svg->Rect(x + slot / 2 - bw, kBarBottom - hh, bw, hh, "class=\"bar-a\"");
    svg->Rect(x + slot / 2, kBarBottom - sh, bw, sh, "class=\"bar-b\"");
    svg->Text(x + slot / 2, kBarBottom + 18, hrkit::FormatIsoDate(m.first).substr(0, 7), "middle", "class=\"tick\"");
  }
  svg->Rect(kRight - 250, 8, 12, 12, "class=\"bar-a\"");
  svg->Text(kRight - 232, 18, "hires", "start", "class=\"small\"");
  svg->Rect(kRight - 170, 8, 12, 12, "class=\"bar-b\"");
  svg->Text(kRight - 152, 18, "separations", "start", "class=\"small\"");
}

}  // namespace

std::string HeadcountSvg(const Figures& f) {
  Svg svg("chart-headcount", "Headcount by month, with hires and separations", kChartWidth, 500);
  if (f.months.empty()) return svg.Finish();
  const double slot = (kRight - kLeft) / static_cast<double>(f.months.size());
  HeadcountLine(f, slot, &svg);
  EventBars(f, slot, &svg);
  svg.Text(kLeft + (kRight - kLeft) / 2, 490, "Month", "middle", "class=\"label\"");
  return svg.Finish();
}

}  // namespace workforce_report
