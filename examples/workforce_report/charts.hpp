// The report's charts, each an inline <svg> with a stable id: chart-org,
// chart-headcount, chart-heatmap, chart-ratings, chart-ninebox, chart-leave.
// Hidden (suppressed) groups are drawn hatched with the rule that hides
// them, never with a number.
//
// Thread safety: pure functions.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_HPP_

#include <string>

#include "figures.hpp"

namespace workforce_report {

std::string OrgChartSvg(const Figures& figures);
std::string HeadcountSvg(const Figures& figures);
std::string HeatmapSvg(const Figures& figures);
std::string RatingsSvg(const Figures& figures);
std::string NineBoxSvg(const Figures& figures);
std::string LeaveSvg(const Figures& figures);

// "hidden (below minimum)" and so on: the reason a group is hidden.
std::string HiddenLabel(hrkit::Suppression verdict);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_CHARTS_HPP_
