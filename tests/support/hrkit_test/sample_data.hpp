// The one shared sample dataset of the tests: an entity of every stored type
// with full timelines (same-day sequences, backdated entries, replaced
// entries), used by the store conformance suite, the export tests and the
// archive fuzzer's seed generator. Depends on hrkit only (no test framework),
// so tools link it too.
//
// Thread safety: pure functions.
#ifndef HRKIT_TEST_SAMPLE_DATA_HPP_
#define HRKIT_TEST_SAMPLE_DATA_HPP_

#include <cstdint>
#include <string>

#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/performance/entities.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/relations/check_in.hpp"
#include "hrkit/relations/conflict_case.hpp"
#include "hrkit/relations/recognition.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/storage/dataset.hpp"

namespace hrkit_test {

// An employee with a hire, two same-day changes, a backdated correction that
// replaced a later entry, and a termination; every text field non-empty.
hrkit::Employee SampleEmployee(std::int64_t id);
// An org unit with a rename on the same day as its creation and a move.
hrkit::OrgUnit SampleOrgUnit(std::int64_t id);
// A position with a replaced entry.
hrkit::Position SamplePosition(std::int64_t id);
// A location.
hrkit::Location SampleLocation(std::int64_t id);
// A work schedule with a half day on Friday.
hrkit::WorkSchedule SampleWorkSchedule(std::int64_t id);
// A holiday calendar with one rule of every kind.
hrkit::HolidayCalendar SampleHolidayCalendar(std::int64_t id);
// A leave type, paid for even ids, counted in hours.
hrkit::LeaveType SampleLeaveType(std::int64_t id);
// A leave policy with a same-day sequence, a replacing backdated version,
// tiers in two versions, an eligibility rule and a priority.
hrkit::LeavePolicy SampleLeavePolicy(std::int64_t id);
// An open-ended explicit policy assignment (end = OpenEnd()) for odd ids, a
// closed one for even ids.
hrkit::PolicyAssignment SamplePolicyAssignment(std::int64_t id);
// An approved leave request with a half day, a reason and a comment.
hrkit::LeaveRequest SampleLeaveRequest(std::int64_t id);
hrkit::LeaveAdjustment SampleLeaveAdjustment(std::int64_t id);
// A three-level labelled scale for odd ids, 1-5 for even ids.
hrkit::RatingScale SampleRatingScale(std::int64_t id);
// Goals 70 % + two competency sections, manager 80 + peer 20 (odd ids) or
// manager only with no score for a missing role (even ids).
hrkit::ReviewTemplate SampleReviewTemplate(std::int64_t id);
// A cycle with an eligibility rule and three participants; closed for even
// ids.
hrkit::PerformanceCycle SamplePerformanceCycle(std::int64_t id);
// An employee goal with two check-ins (odd ids) or a unit goal without one.
hrkit::Goal SampleGoal(std::int64_t id);
// A submitted manager review with an overall rating (odd ids) or an
// anonymous peer draft (even ids).
hrkit::Review SampleReview(std::int64_t id);
// A calibration change with a rating before (odd ids) or none (even ids).
hrkit::CalibrationChange SampleCalibrationChange(std::int64_t id);
// A two-wave survey with an audience rule and comments for even ids.
hrkit::Survey SampleSurvey(std::int64_t id);
// An invitation to wave 1 with a 64-hex-digit key derived from the id.
hrkit::SurveyInvitation SampleSurveyInvitation(std::int64_t id);
// A response with two answers and, for odd ids, a comment.
hrkit::SurveyResponse SampleSurveyResponse(std::int64_t id);
// A check-in of employees id and id + 1 with two agenda items, notes and
// two actions (one done); a mood for even ids (the conformance suite's
// 42), none for odd ids.
hrkit::CheckIn SampleCheckIn(std::int64_t id);
// A recognition of two colleagues with two value tags (even ids) or of one
// colleague without tags (odd ids).
hrkit::Recognition SampleRecognition(std::int64_t id);
// A case with two notes and a trail open -> mediation -> resolved (even
// ids), or against the organization, one party, still open (odd ids).
hrkit::ConflictCase SampleConflictCase(std::int64_t id);
// `n` of each entity type, ids 1..n.
hrkit::Dataset SampleDataset(int n);

// The sample of entity type E with id `id`: SampleOf<hrkit::Employee>(id) is
// SampleEmployee(id), and so on. Defined for every stored entity type (a
// type without one fails to link), so tests can iterate the registry.
template <class E>
E SampleOf(std::int64_t id);
template <>
hrkit::Employee SampleOf<hrkit::Employee>(std::int64_t id);
template <>
hrkit::OrgUnit SampleOf<hrkit::OrgUnit>(std::int64_t id);
template <>
hrkit::Position SampleOf<hrkit::Position>(std::int64_t id);
template <>
hrkit::Location SampleOf<hrkit::Location>(std::int64_t id);
template <>
hrkit::WorkSchedule SampleOf<hrkit::WorkSchedule>(std::int64_t id);
template <>
hrkit::HolidayCalendar SampleOf<hrkit::HolidayCalendar>(std::int64_t id);
template <>
hrkit::LeaveType SampleOf<hrkit::LeaveType>(std::int64_t id);
template <>
hrkit::LeavePolicy SampleOf<hrkit::LeavePolicy>(std::int64_t id);
template <>
hrkit::PolicyAssignment SampleOf<hrkit::PolicyAssignment>(std::int64_t id);
template <>
hrkit::LeaveRequest SampleOf<hrkit::LeaveRequest>(std::int64_t id);
template <>
hrkit::LeaveAdjustment SampleOf<hrkit::LeaveAdjustment>(std::int64_t id);
template <>
hrkit::RatingScale SampleOf<hrkit::RatingScale>(std::int64_t id);
template <>
hrkit::ReviewTemplate SampleOf<hrkit::ReviewTemplate>(std::int64_t id);
template <>
hrkit::PerformanceCycle SampleOf<hrkit::PerformanceCycle>(std::int64_t id);
template <>
hrkit::Goal SampleOf<hrkit::Goal>(std::int64_t id);
template <>
hrkit::Review SampleOf<hrkit::Review>(std::int64_t id);
template <>
hrkit::CalibrationChange SampleOf<hrkit::CalibrationChange>(std::int64_t id);
template <>
hrkit::Survey SampleOf<hrkit::Survey>(std::int64_t id);
template <>
hrkit::SurveyInvitation SampleOf<hrkit::SurveyInvitation>(std::int64_t id);
template <>
hrkit::SurveyResponse SampleOf<hrkit::SurveyResponse>(std::int64_t id);
template <>
hrkit::CheckIn SampleOf<hrkit::CheckIn>(std::int64_t id);
template <>
hrkit::Recognition SampleOf<hrkit::Recognition>(std::int64_t id);
template <>
hrkit::ConflictCase SampleOf<hrkit::ConflictCase>(std::int64_t id);

}  // namespace hrkit_test

#endif  // HRKIT_TEST_SAMPLE_DATA_HPP_
