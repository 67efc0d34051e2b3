// Command-line flags of the workforce report: what to simulate, where to keep
// it and where to write the report.
//
// Thread safety: pure functions.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_FLAGS_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_FLAGS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"

namespace workforce_report {

struct Flags {
  std::int64_t employees = 5000;
  std::string store;                 // empty: the default for --out
  std::optional<hrkit::Date> as_of;  // empty: the end of the simulated year
  std::string out = "workforce-report";
  std::uint64_t seed = 1;
  bool help = false;
};

// The usage text printed by --help and after a usage error.
std::string Usage(std::string_view program);

// Parses `args` (argv without the program name). InvalidArgument naming the
// flag for an unknown flag, a missing value or a value that does not parse
// (employees 1..1,000,000; a date as YYYY-MM-DD; a seed as an unsigned
// integer).
absl::StatusOr<Flags> ParseFlags(std::span<const char* const> args);

// The store URI used when --store is not given: a SQLite file in the output
// folder when the program links the SQLite backend, else "memory:".
std::string DefaultStoreUri(const std::string& out_dir);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_FLAGS_HPP_
