#include "simulation.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/cycle.hpp"
#include "hrkit/performance/goal.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/storage/workforce_dataset.hpp"
#include "hrkit/synth/cycle_generator.hpp"
#include "hrkit/synth/generator.hpp"
#include "hrkit/synth/survey_generator.hpp"
#include "simulation_internal.hpp"

namespace workforce_report {

hrkit::Date SimulatedYearStart() { return hrkit::Date(2025, 1, 1); }
hrkit::Date SimulatedYearEnd() { return hrkit::Date(2025, 12, 31); }
hrkit::Date OrganizationDate() { return hrkit::Date(2024, 12, 1); }

absl::StatusOr<bool> Accepted(const absl::Status& status, std::int64_t* refused) {
  if (status.ok()) return true;
  if (absl::IsFailedPrecondition(status) || absl::IsAlreadyExists(status)) {
    ++*refused;
    return false;
  }
  return status;
}

namespace {

// The organization as it stands at the end of the simulated year, in the
// shape the cycle and survey generators take.
hrkit::synth::Organization OrganizationOf(const hrkit::Dataset& data) {
  return {data.Of<hrkit::Location>(), data.Of<hrkit::OrgUnit>(), data.Of<hrkit::Position>(),
          data.Of<hrkit::Employee>()};
}

// The year's performance cycle: goals in January, reviews in February to
// April, calibration in April, closed in May (CycleBook runs every step).
absl::Status SimulateCycle(const hrkit::synth::Organization& org, std::uint64_t seed, hrkit::Dataset* data,
                           SimulationCounts* counts) {
  hrkit::synth::CycleOptions options;
  options.seed = seed;
  options.goal_setting_starts = hrkit::Date(2025, 1, 6);
  HRKIT_ASSIGN_OR_RETURN(hrkit::synth::GeneratedCycle cycle, hrkit::synth::GenerateCycle(org, options));
  counts->cycle_participants = static_cast<std::int64_t>(cycle.cycle.participants.size());
  counts->calibration_changes = static_cast<std::int64_t>(cycle.changes.size());
  data->Of<hrkit::RatingScale>().push_back(std::move(cycle.scale));
  data->Of<hrkit::ReviewTemplate>().push_back(std::move(cycle.review_template));
  data->Of<hrkit::PerformanceCycle>().push_back(std::move(cycle.cycle));
  data->Of<hrkit::Goal>() = std::move(cycle.goals);
  data->Of<hrkit::Review>() = std::move(cycle.reviews);
  data->Of<hrkit::CalibrationChange>() = std::move(cycle.changes);
  return absl::OkStatus();
}

// Two waves of the engagement and well-being survey: March and June.
absl::Status SimulateSurvey(const hrkit::synth::Organization& org, std::uint64_t seed, hrkit::Dataset* data,
                            SimulationCounts* counts) {
  hrkit::synth::SurveyOptions options;
  options.seed = seed;
  options.first_wave = hrkit::Date(2025, 3, 3);
  HRKIT_ASSIGN_OR_RETURN(hrkit::synth::GeneratedSurvey survey, hrkit::synth::GenerateSurvey(org, options));
  counts->survey_invitations = static_cast<std::int64_t>(survey.invitations.size());
  counts->survey_responses = static_cast<std::int64_t>(survey.responses.size());
  data->Of<hrkit::Survey>().push_back(std::move(survey.survey));
  data->Of<hrkit::SurveyInvitation>() = std::move(survey.invitations);
  data->Of<hrkit::SurveyResponse>() = std::move(survey.responses);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Simulation> SimulateYear(std::int64_t employees, std::uint64_t seed, hrkit::ProgressSink* progress) {
  hrkit::synth::SynthOptions synth;
  synth.employee_count = employees;
  synth.seed = seed;
  synth.years_of_history = 2;
  synth.end_date = OrganizationDate();
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: organization", 0, 1));
  HRKIT_ASSIGN_OR_RETURN(hrkit::synth::Organization org, hrkit::synth::GenerateOrganization(synth));
  HRKIT_ASSIGN_OR_RETURN(hrkit::Workforce workforce,
                         hrkit::Workforce::FromEntities(std::move(org.locations), std::move(org.units),
                                                        std::move(org.positions), std::move(org.employees)));
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: organization", 1, 1));

  Simulation result;
  Random random(seed ^ 0x5EEDF00DULL);
  HRKIT_RETURN_IF_ERROR(SimulateWorkforce(&workforce, &random, &result.counts, progress));
  hrkit::PutWorkforce(workforce, &result.data);
  HRKIT_RETURN_IF_ERROR(SimulateLeave(&result.data, &random, &result.counts, progress));
  const hrkit::synth::Organization year = OrganizationOf(result.data);
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: cycle and survey", 0, 2));
  HRKIT_RETURN_IF_ERROR(SimulateCycle(year, seed, &result.data, &result.counts));
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: cycle and survey", 1, 2));
  HRKIT_RETURN_IF_ERROR(SimulateSurvey(year, seed, &result.data, &result.counts));
  HRKIT_RETURN_IF_ERROR(hrkit::ReportProgress(progress, "simulate: cycle and survey", 2, 2));
  return result;
}

}  // namespace workforce_report
