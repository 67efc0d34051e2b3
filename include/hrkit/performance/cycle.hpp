// Performance cycles: a cycle's dated phases, its participants and the
// scoring method it fixed. The rules that change a cycle live in
// performance/cycle_book.hpp; this header has the stored type and the
// calendar of phases.
//
// Phases. A cycle runs through goal setting, self review, manager review,
// calibration and closed, each starting on its date (strictly ascending).
// On a date d the cycle is in the last phase whose start is <= d, and "not
// started" before goal setting. The closed phase is when the cycle may be
// closed (CycleBook::Close); once closed (closed_on set) nothing changes.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_CYCLE_HPP_
#define HRKIT_PERFORMANCE_CYCLE_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/performance/ids.hpp"
#include "hrkit/performance/review_template.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The phases of a cycle, in order (see the header comment).
enum class CyclePhase {
  kNotStarted = 0,
  kGoalSetting = 1,
  kSelfReview = 2,
  kManagerReview = 3,
  kCalibration = 4,
  kClosed = 5,
};

// The names of CyclePhase values (core/enum_names.hpp).
inline constexpr EnumName<CyclePhase> kCyclePhaseNames[] = {
    {CyclePhase::kNotStarted, "not_started"},  {CyclePhase::kGoalSetting, "goal_setting"},
    {CyclePhase::kSelfReview, "self_review"},  {CyclePhase::kManagerReview, "manager_review"},
    {CyclePhase::kCalibration, "calibration"}, {CyclePhase::kClosed, "closed"}};
constexpr std::span<const EnumName<CyclePhase>> EnumNamesOf(CyclePhase) { return kCyclePhaseNames; }

// The first day of each phase.
struct CyclePhaseDates {
  Date goal_setting;    // goals are set and cascaded
  Date self_review;     // self reviews are written
  Date manager_review;  // manager reviews are written
  Date calibration;     // ratings are calibrated
  Date closed;          // the first day the cycle may be closed

  friend bool operator==(const CyclePhaseDates&, const CyclePhaseDates&) = default;
};

// A cycle.
struct PerformanceCycle {
  static constexpr std::string_view kEntityName = "performance_cycle";

  PerformanceCycleId id;                 // the cycle's id
  std::string name;                      // e.g. "2025"
  ReviewTemplateId source_template;      // where `scoring` was copied from
  ScoringMethod scoring;                 // fixed once any review exists
  CyclePhaseDates phases;                // the first day of each phase
  EligibilityRule eligibility;           // who takes part, as of participants_as_of
  Date participants_as_of;               // not_a_date_time until participants are chosen
  std::vector<EmployeeId> participants;  // ascending
  // Minimum number of anonymous peer reviews before the reviewee sees their
  // results (ConfidentialityThresholds::min_group; at least 3).
  std::int32_t min_anonymous_peers = 5;
  Date closed_on;  // not_a_date_time while open

  // True once the cycle is closed (closed_on set).
  bool IsClosed() const { return !closed_on.is_not_a_date(); }

  friend bool operator==(const PerformanceCycle&, const PerformanceCycle&) = default;
};

// Field description; a type of storage format 2 (the id's Since).
template <class V, class Self>
requires SameEntity<Self, PerformanceCycle>
void Describe(V& v, Self& c) {
  constexpr Since kV2{2};
  v.Field("id", c.id, Sensitivity::kDirectory, kV2);
  v.Field("name", c.name, Sensitivity::kDirectory, kV2);
  v.Field("source_template", c.source_template, Sensitivity::kDirectory, kV2);
  DescribeScoringMethod(v, c.scoring, kV2);
  v.Field("goal_setting_starts", c.phases.goal_setting, Sensitivity::kDirectory, kV2);
  v.Field("self_review_starts", c.phases.self_review, Sensitivity::kDirectory, kV2);
  v.Field("manager_review_starts", c.phases.manager_review, Sensitivity::kDirectory, kV2);
  v.Field("calibration_starts", c.phases.calibration, Sensitivity::kDirectory, kV2);
  v.Field("closed_starts", c.phases.closed, Sensitivity::kDirectory, kV2);
  DescribeEligibility(v, c.eligibility, kV2);
  v.Field("participants_as_of", c.participants_as_of, Sensitivity::kDirectory, kV2);
  v.List("participants", c.participants, Sensitivity::kDirectory, kV2);
  v.Field("min_anonymous_peers", c.min_anonymous_peers, Sensitivity::kDirectory, kV2);
  v.Field("closed_on", c.closed_on, Sensitivity::kDirectory, kV2);
}

// Checks a cycle on its own. Returns InvalidArgument naming it
// ("performance_cycle:1") and the field when: the id is not valid; the name
// is empty; a phase date is not real or not after the previous phase's
// (named as stored: "self_review_starts"); the scoring method is invalid (its own fields);
// the eligibility rule is invalid; participants not ascending or holding an
// invalid or repeated id; participants without a real participants_as_of;
// min_anonymous_peers below kMinimumGroupFloor; closed_on neither
// not_a_date_time nor a real date on or after closed_starts.
absl::Status ValidatePerformanceCycle(const PerformanceCycle& cycle);

// The domain validator the store runs on every write (found by ADL):
// ValidatePerformanceCycle.
inline absl::Status ValidateStoredEntity(const PerformanceCycle& cycle) { return ValidatePerformanceCycle(cycle); }

// The phase of `cycle` on `date` (see the header comment; a closed cycle is
// kClosed from its closed_on). REQUIRES: IsRealDate(date).
CyclePhase PhaseOn(const PerformanceCycle& cycle, Date date);

// The days of `phase` in `cycle`: [its start, the next phase's start); the
// closed phase is open-ended; not started ends at goal setting.
Period PhasePeriod(const PerformanceCycle& cycle, CyclePhase phase);

// OK if `cycle` is open and in one of `allowed` on `date`; else
// FailedPrecondition "performance_cycle:1: <action> only in the self_review
// phase (2025-03-01 to 2025-03-31); on 2025-02-10 the cycle is in
// goal_setting", or "performance_cycle:1: <action>: the cycle is closed
// (since 2025-06-30)". InvalidArgument for a date that is not real.
absl::Status CheckPhase(const PerformanceCycle& cycle, std::span<const CyclePhase> allowed, Date date,
                        std::string_view action);

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_CYCLE_HPP_
