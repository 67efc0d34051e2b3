// What the chart files share: the canvas width, number formats, the colour
// scale, axis ticks and the hatch pattern of hidden groups.
//
// Thread safety: pure functions.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_COMMON_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_COMMON_HPP_

#include <string>
#include <string_view>

#include "svg.hpp"

namespace workforce_report {

inline constexpr double kChartWidth = 1160;

// `value` with `decimals` decimals.
std::string Fixed(double value, int decimals);
// A "nice" upper bound >= value: 1, 2, 2.5 or 5 times a power of ten.
double NiceMax(double value);
// A fill attribute on the palette's blue scale for t in [0, 1], and a style
// attribute with the text colour that reads on it (a style, which wins over
// the page's text colour).
std::string ScaleFill(double t);
std::string ScaleTextFill(double t);
// Adds the hatch pattern `<id>-hatch` for hidden cells to `svg`; cells use
// HatchFill(id).
void AddHatch(Svg* svg, std::string_view id);
std::string HatchFill(std::string_view id);
// A y axis from 0 to `max` at x over [top, bottom], `ticks` steps, with grid
// lines to `right`.
void YAxis(Svg* svg, double x, double right, double top, double bottom, double max, int ticks, int decimals);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_COMMON_HPP_
