#include "flags.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace workforce_report {

std::string Usage(std::string_view program) {
  return absl::StrCat("usage: ", hrkit::ToAbsl(program),
                      " [--employees N] [--store URI] [--as-of YYYY-MM-DD] [--out DIR] [--seed S]\n"
                      "  --employees N   the size of the generated organization, in people employed (default 5000)\n"
                      "  --store URI     where the data is kept (default sqlite:<out>/workforce.db, or memory:\n"
                      "                  without the SQLite backend); a store that already holds an\n"
                      "                  organization is opened and reported on instead of a new simulation\n"
                      "  --as-of DATE    the report date (default: the last day of the simulated year)\n"
                      "  --out DIR       the folder for report.html and the CSV tables (default workforce-report)\n"
                      "  --seed S        seeds the simulation (default 1)\n"
                      "  --help          prints this text\n");
}

namespace {

// The flags that take a value.
constexpr std::string_view kValueFlags[] = {"--employees", "--store", "--as-of", "--out", "--seed"};

absl::Status BadValue(std::string_view flag, std::string_view value, std::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat(hrkit::ToAbsl(flag), ": expected ", hrkit::ToAbsl(expected),
                                                 ", got \"", hrkit::ToAbsl(value), "\""));
}

// Applies one flag with its value to `flags`.
absl::Status Apply(std::string_view flag, std::string_view value, Flags* flags) {
  if (flag == "--employees") {
    if (!absl::SimpleAtoi(hrkit::ToAbsl(value), &flags->employees) || flags->employees < 1 ||
        flags->employees > 1'000'000) {
      return BadValue(flag, value, "a whole number in 1..1000000");
    }
  } else if (flag == "--store") {
    if (value.empty()) return BadValue(flag, value, "a store URI such as memory: or sqlite:/tmp/hr.db");
    flags->store = std::string(value);
  } else if (flag == "--as-of") {
    absl::StatusOr<hrkit::Date> date = hrkit::ParseIsoDate(value);
    if (!date.ok()) return BadValue(flag, value, "a date YYYY-MM-DD");
    flags->as_of = *date;
  } else if (flag == "--out") {
    if (value.empty()) return BadValue(flag, value, "a folder");
    flags->out = std::string(value);
  } else if (flag == "--seed") {
    if (!absl::SimpleAtoi(hrkit::ToAbsl(value), &flags->seed)) return BadValue(flag, value, "an unsigned integer");
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown flag ", hrkit::ToAbsl(flag)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Flags> ParseFlags(std::span<const char* const> args) {
  Flags flags;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      flags.help = true;
      continue;
    }
    if (!arg.starts_with("--")) {
      return absl::InvalidArgumentError(absl::StrCat("unexpected argument \"", hrkit::ToAbsl(arg), "\""));
    }
    std::string_view flag = arg;
    std::string_view value;
    if (const std::size_t eq = arg.find('='); eq != std::string_view::npos) {
      flag = arg.substr(0, eq);  // --flag=value
      value = arg.substr(eq + 1);
    }
    if (std::find(std::begin(kValueFlags), std::end(kValueFlags), flag) == std::end(kValueFlags)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", hrkit::ToAbsl(flag)));
    }
    if (flag.size() == arg.size()) {  // --flag value
      if (i + 1 == args.size()) return absl::InvalidArgumentError(absl::StrCat(hrkit::ToAbsl(flag), ": missing value"));
      value = args[++i];
    }
    HRKIT_RETURN_IF_ERROR(Apply(flag, value, &flags));
  }
  return flags;
}

std::string DefaultStoreUri(const std::string& out_dir) {
#ifdef HRKIT_EXAMPLE_WITH_SQLITE
  return "sqlite:" + (std::filesystem::absolute(out_dir) / "workforce.db").string();
#else
  static_cast<void>(out_dir);
  return "memory:";
#endif
}

}  // namespace workforce_report
