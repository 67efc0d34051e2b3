// report.html: one self-contained page (inline CSS and SVG, no script, no
// network) with the headline figures and the six charts.
//
// Thread safety: a pure function.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_HTML_REPORT_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_HTML_REPORT_HPP_

#include <string>

#include "figures.hpp"

namespace workforce_report {

// The page for `figures`; `source` names where the data was read from (the
// store URI), shown in the footer.
std::string HtmlReport(const Figures& figures, const std::string& source);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_HTML_REPORT_HPP_
