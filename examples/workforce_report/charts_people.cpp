// The charts about people's answers and results: the survey heatmap, the
// rating distribution, the 9-box and the leave balances.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "charts.hpp"
#include "charts_common.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/status.hpp"

namespace workforce_report {
namespace {

// One column of the heatmap: a measure in a wave.
struct HeatColumn {
  int wave = 1;
  bool engagement = true;
};

// One row: a unit.
struct HeatRow {
  hrkit::OrgUnitId unit;
  std::string name;
  int level = 1;
};

// The lowest and highest value shown for each measure, for the colours.
struct HeatRange {
  double lo[2] = {1e300, 1e300};  // [engagement, well-being]
  double hi[2] = {-1e300, -1e300};

  void Add(const HeatCell& c) {
    if (!IsShown(c.verdict)) return;
    for (int m = 0; m < 2; ++m) {
      const std::optional<double>& v = m == 0 ? c.engagement : c.wellbeing;
      if (!v) continue;
      lo[m] = std::min(lo[m], *v);
      hi[m] = std::max(hi[m], *v);
    }
  }
  // 0.1 (lowest) .. 0.9 (highest).
  double Position(bool engagement, double v) const {
    const int m = engagement ? 0 : 1;
    return hi[m] > lo[m] ? 0.1 + 0.8 * (v - lo[m]) / (hi[m] - lo[m]) : 0.5;
  }
};

// One cell: colour by value, or hatched with the reason it is hidden.
void HeatCellSvg(const HeatCell* cell, const HeatColumn& column, const HeatRange& range, double x, double y, double w,
                 double h, Svg* svg) {
  if (cell == nullptr) {
    svg->Rect(x, y, w, h, "class=\"empty\"");
    svg->Text(x + w / 2, y + h / 2 + 4, "not surveyed", "middle", "class=\"small muted\"");
    return;
  }
  const std::optional<double>& value = column.engagement ? cell->engagement : cell->wellbeing;
  if (!IsShown(cell->verdict) || !value.has_value()) {
    svg->Rect(x, y, w, h, HatchFill("heatmap"));
    svg->Text(x + w / 2, y + h / 2 + 4, HiddenLabel(cell->verdict), "middle", "class=\"small muted\"");
    return;
  }
  const double t = range.Position(column.engagement, *value);
  svg->Rect(x, y, w, h, ScaleFill(t));
  svg->Text(x + w / 2 - 6, y + h / 2 + 5, Fixed(*value, column.engagement ? 2 : 1), "end",
            absl::StrCat("class=\"strong\" ", ScaleTextFill(t)));
  svg->Text(x + w / 2 + 2, y + h / 2 + 5, absl::StrCat("n=", cell->respondents.value_or(0)), "start",
            absl::StrCat("class=\"small\" ", ScaleTextFill(t)));
}

// The heatmap's rows (levels 1-3, or 1-2 when that would be over 40 rows)
// and the value range of the cells in them.
std::vector<HeatRow> HeatRows(const Figures& f, HeatRange* range) {
  constexpr std::size_t kMaxRows = 40;
  std::vector<HeatRow> rows;
  absl::flat_hash_map<std::int64_t, int> seen;
  for (const HeatCell& c : f.heatmap) {
    if (seen.emplace(c.unit.value(), c.level).second) rows.push_back({c.unit, c.unit_name, c.level});
  }
  const int max_level = rows.size() > kMaxRows ? 2 : 3;
  std::erase_if(rows, [&](const HeatRow& r) { return r.level > max_level; });
  for (const HeatCell& c : f.heatmap) {
    if (c.level <= max_level) range->Add(c);
  }
  return rows;
}

// The column headers: the measure over its waves, then each wave.
void HeatHeaders(const std::vector<HeatColumn>& columns, double left, double cw, Svg* svg) {
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const double x = left + cw * static_cast<double>(j);
    if (j == 0 || columns[j].engagement != columns[j - 1].engagement) {
      svg->Text(x + 4, 22,
                columns[j].engagement ? "Engagement (team scale mean, 1\u20135)" : "Well-being (WHO-5 %, 0\u2013100)",
                "start", "class=\"label\"");
    }
    svg->Text(x + cw / 2, 48, absl::StrCat("wave ", columns[j].wave), "middle", "class=\"tick\"");
  }
}

}  // namespace

std::string HeatmapSvg(const Figures& f) {
  HeatRange range;
  const std::vector<HeatRow> rows = HeatRows(f, &range);
  absl::flat_hash_map<std::pair<std::int64_t, int>, const HeatCell*> cells;
  for (const HeatCell& c : f.heatmap) cells[{c.unit.value(), c.wave}] = &c;
  std::vector<HeatColumn> columns;
  for (const bool engagement : {true, false}) {
    for (const WaveFigures& w : f.waves) columns.push_back({w.wave, engagement});
  }
  constexpr double kLabel = 300, kTop = 60, kRow = 32;
  const double height = kTop + kRow * static_cast<double>(rows.size()) + 36;
  Svg svg("chart-heatmap", "Engagement and well-being by unit and survey wave", kChartWidth, height);
  AddHatch(&svg, "heatmap");
  if (columns.empty()) {
    svg.Text(20, 40, "No survey wave before the as-of date.");
    return svg.Finish();
  }
  const double cw = (kChartWidth - kLabel - 10) / static_cast<double>(columns.size());
  HeatHeaders(columns, kLabel, cw, &svg);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    svg.Text(8 + 18.0 * (rows[i].level - 1), y + kRow / 2 + 4, Shorten(rows[i].name, 34), "start",
             rows[i].level == 1   ? "class=\"strong\""
             : rows[i].level == 3 ? "class=\"muted\""
                                  : "");
    for (std::size_t j = 0; j < columns.size(); ++j) {
      auto it = cells.find({rows[i].unit.value(), columns[j].wave});
      HeatCellSvg(it == cells.end() ? nullptr : it->second, columns[j], range, kLabel + cw * static_cast<double>(j) + 1,
                  y + 1, cw - 2, kRow - 2, &svg);
    }
  }
  svg.Text(kLabel, height - 10, "Colour: from the lowest to the highest value shown for the measure; n = respondents.",
           "start", "class=\"small muted\"");
  return svg.Finish();
}

std::string RatingsSvg(const Figures& f) {
  constexpr double kLeft = 70, kRight = kChartWidth - 20, kTop = 40, kBottom = 300;
  Svg svg("chart-ratings", "Rating distribution before and after calibration, with the guideline", kChartWidth, 350);
  double top = 10;
  for (const RatingRow& r : f.ratings) top = std::max({top, r.before_percent, r.after_percent, r.guideline_percent});
  const double max = NiceMax(top * 1.1);
  YAxis(&svg, kLeft, kRight, kTop, kBottom, max, 5, 0);
  svg.Text(kLeft - 56, kTop - 18, "Share of rated participants (%)", "start", "class=\"label\"");
  const double slot = (kRight - kLeft) / static_cast<double>(std::max<std::size_t>(1, f.ratings.size()));
  const auto y = [&](double p) { return kBottom - p / max * (kBottom - kTop); };
  for (std::size_t i = 0; i < f.ratings.size(); ++i) {
    const RatingRow& r = f.ratings[i];
    const double x = kLeft + slot * static_cast<double>(i);
    const double bw = slot * 0.3;
    svg.Rect(x + slot / 2 - bw, y(r.before_percent), bw, kBottom - y(r.before_percent), "class=\"bar-c\"");
    svg.Rect(x + slot / 2, y(r.after_percent), bw, kBottom - y(r.after_percent), "class=\"bar-a\"");
    if (r.guideline_percent > 0) {
      svg.Line(x + slot / 2 - bw - 8, y(r.guideline_percent), x + slot / 2 + bw + 8, y(r.guideline_percent),
               "class=\"guide\"");
    }
    svg.Text(x + slot / 2 - bw / 2, y(r.before_percent) - 5, Fixed(r.before_percent, 1), "middle",
             "class=\"small value\"");
    svg.Text(x + slot / 2 + bw / 2, y(r.after_percent) - 5, Fixed(r.after_percent, 1), "middle",
             "class=\"small value\"");
    svg.Text(x + slot / 2, kBottom + 20, absl::StrCat(Fixed(r.rating, 0), " \u00b7 ", Shorten(r.label, 24)), "middle",
             "class=\"tick\"");
  }
  svg.Rect(kRight - 400, 8, 12, 12, "class=\"bar-c\"");
  svg.Text(kRight - 382, 18, "before calibration", "start", "class=\"small\"");
  svg.Rect(kRight - 260, 8, 12, 12, "class=\"bar-a\"");
  svg.Text(kRight - 242, 18, "after calibration", "start", "class=\"small\"");
  svg.Line(kRight - 130, 14, kRight - 110, 14, "class=\"guide\"");
  svg.Text(kRight - 104, 18, "guideline", "start", "class=\"small\"");
  svg.Text(kLeft + (kRight - kLeft) / 2, 344, "Final rating (scale value and label)", "middle", "class=\"label\"");
  return svg.Finish();
}

std::string NineBoxSvg(const Figures& f) {
  constexpr double kX = 200, kY = 20, kW = 240, kH = 100;
  Svg svg("chart-ninebox", "9-box: performance by potential, counts as shown outside HR", kChartWidth, 390);
  AddHatch(&svg, "ninebox");
  std::int64_t max = 1;
  for (const NineBoxCell& c : f.nine_box) max = std::max(max, c.count.value_or(0));
  for (const NineBoxCell& c : f.nine_box) {
    const double x = kX + kW * static_cast<int>(c.performance);
    const double y = kY + kH * (2 - static_cast<int>(c.potential));  // high potential on top
    const std::string name = absl::StrCat(hrkit::ToAbsl(hrkit::EnumToName(c.performance)), " performance, ",
                                          hrkit::ToAbsl(hrkit::EnumToName(c.potential)), " potential");
    std::string caption = "class=\"small muted\"";
    if (!IsShown(c.verdict) || !c.count.has_value()) {
      svg.Rect(x + 1, y + 1, kW - 2, kH - 2, HatchFill("ninebox"));
      svg.Text(x + kW / 2, y + kH / 2, HiddenLabel(c.verdict), "middle", "class=\"muted\"");
    } else {
      const double t = 0.85 * static_cast<double>(*c.count) / static_cast<double>(max);
      svg.Rect(x + 1, y + 1, kW - 2, kH - 2, ScaleFill(t));
      svg.Text(x + kW / 2, y + kH / 2 + 4, absl::StrCat(*c.count), "middle",
               absl::StrCat("class=\"big\" ", ScaleTextFill(t)));
      caption = absl::StrCat("class=\"small\" ", ScaleTextFill(t));
    }
    svg.Text(x + kW / 2, y + kH - 10, name, "middle", caption);
  }
  for (int i = 0; i < 3; ++i) {
    const std::string level(hrkit::EnumToName(static_cast<hrkit::NineBoxLevel>(i)));
    svg.Text(kX + kW * i + kW / 2, kY + 3 * kH + 20, level, "middle", "class=\"tick\"");
    svg.Text(kX - 10, kY + kH * (2 - i) + kH / 2 + 4, level, "end", "class=\"tick\"");
  }
  svg.Text(kX + 1.5 * kW, kY + 3 * kH + 44, "Performance (final rating: 1\u20132 low, 3 medium, 4\u20135 high)",
           "middle", "class=\"label\"");
  svg.Text(kX - 70, kY + 1.5 * kH, "Potential", "end", "class=\"label\"");
  svg.Text(kX + 3 * kW + 30, kY + 20, absl::StrCat(f.nine_box_total, " participants placed"), "start",
           "class=\"strong\"");
  svg.Text(kX + 3 * kW + 30, kY + 42, absl::StrCat("boxes under ", f.min_group, " people are hidden,"), "start",
           "class=\"small\"");
  svg.Text(kX + 3 * kW + 30, kY + 60, "with those that would give them away", "start", "class=\"small\"");
  return svg.Finish();
}

std::string LeaveSvg(const Figures& f) {
  constexpr double kLeft = 70, kRight = kChartWidth - 20, kTop = 30, kBottom = 290;
  Svg svg("chart-leave", "Distribution of annual leave balances on the as-of date", kChartWidth, 340);
  std::int64_t top = 1;
  for (const BalanceBin& b : f.balances) top = std::max(top, b.employees);
  const double max = NiceMax(static_cast<double>(top));
  YAxis(&svg, kLeft, kRight, kTop, kBottom, max, 5, 0);
  svg.Text(kLeft - 56, kTop - 14, "Employees", "start", "class=\"label\"");
  const double bw = (kRight - kLeft) / static_cast<double>(std::max<std::size_t>(1, f.balances.size()));
  const std::size_t every = f.balances.size() > 24 ? 4 : f.balances.size() > 12 ? 2 : 1;
  for (std::size_t i = 0; i < f.balances.size(); ++i) {
    const BalanceBin& b = f.balances[i];
    const double x = kLeft + bw * static_cast<double>(i);
    const double h = (kBottom - kTop) * static_cast<double>(b.employees) / max;
    svg.Rect(x + 1, kBottom - h, bw - 2, h, b.to <= 0 ? "class=\"bar-b\"" : "class=\"bar-a\"");
    if (b.employees > 0)
      svg.Text(x + bw / 2, kBottom - h - 5, absl::StrCat(b.employees), "middle", "class=\"small value\"");
    if (i % every == 0) svg.Text(x, kBottom + 18, Fixed(b.from, 1), "middle", "class=\"tick\"");
  }
  if (!f.balances.empty()) svg.Text(kRight, kBottom + 18, Fixed(f.balances.back().to, 1), "middle", "class=\"tick\"");
  svg.Text(
      kLeft + (kRight - kLeft) / 2, 334,
      absl::StrCat("Balance on ", hrkit::FormatIsoDate(f.as_of), " (days; bins of 2.5 days, below zero in orange)"),
      "middle", "class=\"label\"");
  return svg.Finish();
}

}  // namespace workforce_report
