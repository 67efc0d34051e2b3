// What the simulation's files share: a small seeded random generator and the
// rule that tells a refusal from a bug.
//
// Thread safety: a Random is a value for one thread; the functions are pure
// apart from their pointer arguments.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_INTERNAL_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_INTERNAL_HPP_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/storage/dataset.hpp"
#include "simulation.hpp"

namespace workforce_report {

// SplitMix64: the same seed gives the same year on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n). REQUIRES: n > 0.
  std::int64_t Below(std::int64_t n) { return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

// True for OK; false, counted in `*refused`, for an operation the library
// refused on business grounds (FailedPrecondition: a rule of the domain;
// AlreadyExists: a duplicate). Any other error is returned: in this program
// it would mean a bug.
absl::StatusOr<bool> Accepted(const absl::Status& status, std::int64_t* refused);

// The day the generated organization stands as of: December 1 before the
// simulated year.
hrkit::Date OrganizationDate();

// The year of hires, transfers and terminations, month by month.
absl::Status SimulateWorkforce(hrkit::Workforce* workforce, Random* random, SimulationCounts* counts,
                               hrkit::ProgressSink* progress);

// Work schedule, holiday calendar, annual leave type and policy, and the
// year's leave requests of `data`'s employees, added to `data`.
absl::Status SimulateLeave(hrkit::Dataset* data, Random* random, SimulationCounts* counts,
                           hrkit::ProgressSink* progress);

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_SIMULATION_INTERNAL_HPP_
