// The headline figures on the terminal.
//
// Thread safety: a pure function.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_SUMMARY_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_SUMMARY_HPP_

#include <string>

#include "figures.hpp"

namespace workforce_report {

// The headline figures as lines of text, each ending in "\n".
std::string Summary(const Figures& figures);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_SUMMARY_HPP_
