#include "hrkit/performance/cycle.hpp"

#include <array>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const PerformanceCycle& c, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(c.id), " field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

// The phase starts in order, goal setting first.
std::array<Date, 5> Starts(const PerformanceCycle& c) {
  return {c.phases.goal_setting, c.phases.self_review, c.phases.manager_review, c.phases.calibration, c.phases.closed};
}

absl::Status CheckPhaseDates(const PerformanceCycle& c) {
  static constexpr const char* kFields[] = {"goal_setting_starts", "self_review_starts", "manager_review_starts",
                                            "calibration_starts", "closed_starts"};
  const std::array<Date, 5> starts = Starts(c);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (!IsRealDate(starts[i])) return Invalid(c, kFields[i], "must be a real date");
    if (i > 0 && starts[i] <= starts[i - 1]) {
      return Invalid(
          c, kFields[i],
          absl::StrCat(FormatIsoDate(starts[i]), " is not after ", kFields[i - 1], " ", FormatIsoDate(starts[i - 1])));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckParticipants(const PerformanceCycle& c) {
  for (std::size_t i = 0; i < c.participants.size(); ++i) {
    const std::string where = absl::StrCat("participants[", i, "]");
    if (!c.participants[i].valid()) return Invalid(c, where, "must be a valid id");
    if (i > 0 && c.participants[i] <= c.participants[i - 1]) {
      return Invalid(c, where,
                     absl::StrCat(ToString(c.participants[i]), " is not after ", ToString(c.participants[i - 1]),
                                  " (ascending, no repeats)"));
    }
  }
  if (!c.participants.empty() && !IsRealDate(c.participants_as_of)) {
    return Invalid(c, "participants_as_of", "participants are chosen as of a real date");
  }
  return absl::OkStatus();
}

std::string PhaseDates(const PerformanceCycle& c, CyclePhase phase) {
  const Period p = PhasePeriod(c, phase);
  if (phase == CyclePhase::kClosed) return absl::StrCat("from ", FormatIsoDate(p.begin()));
  if (phase == CyclePhase::kNotStarted) return absl::StrCat("before ", FormatIsoDate(p.end()));
  return absl::StrCat(FormatIsoDate(p.begin()), " to ", FormatIsoDate(p.last()));
}

}  // namespace

absl::Status ValidatePerformanceCycle(const PerformanceCycle& c) {
  const std::string owner = ToString(c.id);
  if (!c.id.valid()) return Invalid(c, "id", "must be positive");
  if (c.name.empty()) return Invalid(c, "name", "must not be empty");
  HRKIT_RETURN_IF_ERROR(CheckPhaseDates(c));
  HRKIT_RETURN_IF_ERROR(ValidateScoringMethod(c.scoring, owner));
  HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(c.eligibility, owner));
  HRKIT_RETURN_IF_ERROR(CheckParticipants(c));
  if (c.min_anonymous_peers < kMinimumGroupFloor) {
    return Invalid(c, "min_anonymous_peers",
                   absl::StrCat("must be at least ", kMinimumGroupFloor, ", got ", c.min_anonymous_peers));
  }
  if (c.IsClosed() && (!IsRealDate(c.closed_on) || c.closed_on < c.phases.closed)) {
    return Invalid(c, "closed_on",
                   absl::StrCat(FormatIsoDate(c.closed_on), " is not a real date on or after ", "closed_starts ",
                                FormatIsoDate(c.phases.closed)));
  }
  return absl::OkStatus();
}

CyclePhase PhaseOn(const PerformanceCycle& cycle, Date date) {
  if (cycle.IsClosed() && date >= cycle.closed_on) return CyclePhase::kClosed;
  const std::array<Date, 5> starts = Starts(cycle);
  CyclePhase phase = CyclePhase::kNotStarted;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (starts[i] <= date) phase = static_cast<CyclePhase>(i + 1);
  }
  return phase;
}

Period PhasePeriod(const PerformanceCycle& cycle, CyclePhase phase) {
  const std::array<Date, 5> starts = Starts(cycle);
  const auto index = static_cast<std::size_t>(phase);
  if (index == 0) return Period(Date(boost::gregorian::min_date_time), starts[0]);
  if (index >= starts.size()) return OpenPeriod(starts.back());
  return Period(starts[index - 1], starts[index]);
}

absl::Status CheckPhase(const PerformanceCycle& cycle, std::span<const CyclePhase> allowed, Date date,
                        std::string_view action) {
  if (!IsRealDate(date)) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(cycle.id), ": ", ToAbsl(action), ": the date must be a real date"));
  }
  if (cycle.IsClosed()) {
    return absl::FailedPreconditionError(absl::StrCat(ToString(cycle.id), ": ", ToAbsl(action),
                                                      ": the cycle is closed (since ", FormatIsoDate(cycle.closed_on),
                                                      ")"));
  }
  const CyclePhase now = PhaseOn(cycle, date);
  for (CyclePhase phase : allowed) {
    if (phase == now) return absl::OkStatus();
  }
  std::vector<std::string> windows;
  for (CyclePhase phase : allowed) {
    windows.push_back(absl::StrCat("the ", ToAbsl(EnumToName(phase)), " phase (", PhaseDates(cycle, phase), ")"));
  }
  return absl::FailedPreconditionError(absl::StrCat(ToString(cycle.id), ": ", ToAbsl(action), " only in ",
                                                    absl::StrJoin(windows, " or "), "; on ", FormatIsoDate(date),
                                                    " the cycle is in ", ToAbsl(EnumToName(now))));
}

}  // namespace hrkit
