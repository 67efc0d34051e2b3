// Workforce report: hrkit's main example. It simulates a year of HR
// operations on a synthetic organization through the library's public API
// (hires, transfers, terminations, leave requests and the accrual run, a
// performance cycle with calibration, two survey waves), saves everything to
// a store, reads it back and reports on what was read: headline figures on
// the terminal, a self-contained report.html with charts and one CSV per
// table in the output folder.
//
// Usage: hrkit_example_workforce_report [--employees N] [--store URI]
//        [--as-of YYYY-MM-DD] [--out DIR] [--seed S]
// Exit codes: 0 done, 1 an error or a failed read-back check, 2 a usage error.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "figures.hpp"
#include "flags.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/storage/open_store.hpp"
#include "html_report.hpp"
#include "output_files.hpp"
#include "simulation.hpp"
#include "summary.hpp"
#include "terminal_progress.hpp"

namespace workforce_report {
namespace {

// Generates and saves a simulated year unless the store holds an
// organization already. Returns what was saved (nullopt when opened).
absl::StatusOr<std::optional<hrkit::Dataset>> FillStore(hrkit::Store& store, const Flags& flags,
                                                        TerminalProgress& progress) {
  HRKIT_ASSIGN_OR_RETURN(const auto units, store.List<hrkit::OrgUnit>({.limit = 1}));
  if (!units.empty()) {
    std::cout << "the store already holds an organization: reporting on it (no new simulation)\n";
    return std::nullopt;
  }
  std::cout << "simulating " << SimulatedYearStart().year() << " for " << flags.employees << " employees (seed "
            << flags.seed << ")\n";
  HRKIT_ASSIGN_OR_RETURN(Simulation simulation, SimulateYear(flags.employees, flags.seed, &progress));
  HRKIT_RETURN_IF_ERROR(store.SaveAll(simulation.data, &progress));
  progress.Finish();
  const SimulationCounts& c = simulation.counts;
  std::cout << "simulated " << hrkit::FormatIsoDate(hrkit::AddMonthsClamped(SimulatedYearStart(), -1)) << " .. "
            << hrkit::FormatIsoDate(SimulatedYearEnd()) << " (with a month of lead-in):\n"
            << "  workforce    " << c.hires << " hires, " << c.transfers << " transfers, " << c.terminations
            << " terminations, " << c.workforce_refused << " refused\n"
            << "  leave        " << c.leave_submitted << " requests submitted (" << c.leave_approved << " approved, "
            << c.leave_rejected << " rejected), " << c.leave_refused << " refused\n"
            << "  performance  " << c.cycle_participants << " cycle participants, " << c.calibration_changes
            << " calibration changes\n"
            << "  survey       " << c.survey_responses << " responses to " << c.survey_invitations
            << " invitations in two waves\n";
  std::cout << "saved " << simulation.data.TotalSize() << " entities to the " << store.BackendName() << " store\n";
  return std::optional<hrkit::Dataset>(std::move(simulation.data));
}

absl::Status Run(const Flags& flags) {
  TerminalProgress progress(isatty(fileno(stdout)) != 0);
  const std::filesystem::path out = std::filesystem::absolute(flags.out);
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) return absl::UnavailableError(absl::StrCat("cannot create ", out.string(), ": ", error.message()));
  const std::string uri = flags.store.empty() ? DefaultStoreUri(out.string()) : flags.store;
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore(uri));
  HRKIT_ASSIGN_OR_RETURN(const std::optional<hrkit::Dataset> saved, FillStore(*store, flags, progress));

  // Everything below is computed from what the store gives back.
  HRKIT_ASSIGN_OR_RETURN(const hrkit::Dataset loaded, store->LoadAll(&progress));
  const hrkit::Date as_of = flags.as_of.value_or(SimulatedYearEnd());
  HRKIT_ASSIGN_OR_RETURN(Figures figures, ComputeFigures(loaded, as_of, &progress));
  progress.Finish();
  if (saved.has_value()) {
    ++figures.checks_run;
    if (!(*saved == loaded)) figures.check_failures.push_back("the entities read back differ from those saved");
  }
  std::cout << "read back " << loaded.TotalSize() << " entities from " << uri << "\n\n" << Summary(figures);
  HRKIT_RETURN_IF_ERROR(WriteCsvTables(figures, out));
  HRKIT_RETURN_IF_ERROR(WriteTextFile(out / "report.html", HtmlReport(figures, uri)));
  if (!figures.check_failures.empty()) {
    for (const std::string& failure : figures.check_failures) std::cerr << "check failed: " << failure << "\n";
    return absl::DataLossError(absl::StrCat(figures.check_failures.size(), " read-back checks failed"));
  }
  std::cout << "report: " << (out / "report.html").string() << "\n";
  return absl::OkStatus();
}

}  // namespace
}  // namespace workforce_report

int main(int argc, char** argv) {
  const std::span<const char* const> args(argv + 1, static_cast<std::size_t>(argc - 1));
  const absl::StatusOr<workforce_report::Flags> flags = workforce_report::ParseFlags(args);
  if (!flags.ok()) {
    std::cerr << "workforce_report: " << flags.status().message() << "\n" << workforce_report::Usage(argv[0]);
    return 2;
  }
  if (flags->help) {
    std::cout << workforce_report::Usage(argv[0]);
    return 0;
  }
  if (const absl::Status status = workforce_report::Run(*flags); !status.ok()) {
    std::cerr << "workforce_report: " << status << "\n";
    return 1;
  }
  return 0;
}
