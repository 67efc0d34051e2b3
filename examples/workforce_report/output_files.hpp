// Writing the report's files: the CSV tables (one per table of the report,
// RFC 4180 with CRLF line ends, enums by name) and the text of a file.
//
// Thread safety: the functions write the files named; no shared state.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_OUTPUT_FILES_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_OUTPUT_FILES_HPP_

#include <filesystem>
#include <string_view>

#include "absl/status/status.h"
#include "figures.hpp"

namespace workforce_report {

// Writes `text` to `path` (replacing it). Unavailable naming the path when
// the file cannot be written.
absl::Status WriteTextFile(const std::filesystem::path& path, std::string_view text);

// Writes headline.csv, headcount_by_month.csv, survey_heatmap.csv,
// survey_locations.csv, ratings.csv, nine_box.csv and leave_balances.csv
// into `dir`.
absl::Status WriteCsvTables(const Figures& figures, const std::filesystem::path& dir);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_OUTPUT_FILES_HPP_
