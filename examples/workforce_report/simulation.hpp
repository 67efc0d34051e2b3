// A year of HR operations on a synthetic organization, all through hrkit's
// public API: the organization is generated (hrkit/synth), then a year of
// hires into vacant positions, transfers and terminations goes through the
// Workforce, leave requests through a LeaveRequestBook checked against the
// leave ledger, a performance cycle with calibration through a CycleBook and
// two survey waves through a SurveyBook. An operation the library refuses
// for a business reason (a seat over its FTE budget, a request above the
// balance) is counted, not fatal; any other error stops the simulation.
//
// Thread safety: SimulateYear is a pure function of its arguments.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_HPP_

#include <cstdint>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/storage/dataset.hpp"

namespace workforce_report {

// The simulated year: 2025, from January 1 to December 31.
hrkit::Date SimulatedYearStart();
hrkit::Date SimulatedYearEnd();

// What happened, and what the library refused.
struct SimulationCounts {
  std::int64_t hires = 0;
  std::int64_t transfers = 0;
  std::int64_t terminations = 0;
  std::int64_t workforce_refused = 0;
  std::int64_t leave_submitted = 0;
  std::int64_t leave_approved = 0;
  std::int64_t leave_rejected = 0;
  std::int64_t leave_refused = 0;  // refused on submission or approval
  std::int64_t cycle_participants = 0;
  std::int64_t calibration_changes = 0;
  std::int64_t survey_invitations = 0;
  std::int64_t survey_responses = 0;
};

struct Simulation {
  hrkit::Dataset data;  // everything, ready for Store::SaveAll
  SimulationCounts counts;
};

// Generates an organization of `employees` people (seeded by `seed`) as it
// stands a month before SimulatedYearStart() and simulates to the year's end. Reports progress to
// `progress` (may be null). Errors: those of the generators, and any error
// of the library that is not a refusal (which would be a bug here).
absl::StatusOr<Simulation> SimulateYear(std::int64_t employees, std::uint64_t seed, hrkit::ProgressSink* progress);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_HPP_
