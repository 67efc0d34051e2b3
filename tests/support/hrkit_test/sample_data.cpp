#include "hrkit_test/sample_data.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/storage/entity_registry.hpp"

namespace hrkit_test {

using hrkit::Date;

namespace {
// The samples are fixed: a failure is a bug in this file, so it aborts.
void MustBeOk(const absl::Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "sample data: %s\n", status.ToString().c_str());
  std::abort();
}

template <class T>
void MustAdd(hrkit::Timeline<T>& t, Date effective, T value, Date recorded,
             hrkit::LaterEntries later = hrkit::LaterEntries::kRetain) {
  MustBeOk(t.Add(effective, std::move(value), recorded, later));
}
}  // namespace

hrkit::Employee SampleEmployee(std::int64_t id) {
  hrkit::Employee e;
  e.id = hrkit::EmployeeId(id);
  e.employee_number = absl::StrCat("E", 100000 + id);
  e.legal_name = absl::StrCat("Legal Name ", id);
  e.preferred_name = absl::StrCat("Pref ", id);
  e.birth_date = Date(1980, 1, 1) + boost::gregorian::days(id % 5000);
  e.work_email = absl::StrCat("e", id, "@example.com");
  e.private_email = absl::StrCat("p", id, "@example.org");
  e.phone = "+49 30 1234567";

  const Date hire(2020, 3, 1);
  hrkit::EmploymentRecord r;
  r.status = hrkit::EmploymentStatus::kActive;
  r.type = hrkit::EmploymentType::kFixedTerm;
  r.fte = 0.8;
  r.position = hrkit::PositionId(id + 10);
  r.location = hrkit::LocationId(3);
  r.work_schedule = hrkit::WorkScheduleId(2);
  r.cost_center = "CC-100";
  r.event = hrkit::EmploymentEvent::kHire;
  r.reason_code = "NEW";
  r.employment_start = hire;
  r.seniority_start = Date(2019, 9, 1);
  MustAdd(e.employment, hire, r, hire);
  // Two more changes on the hire day: sequences 1 and 2.
  r.event = hrkit::EmploymentEvent::kDataChange;
  r.cost_center = "CC-200";
  MustAdd(e.employment, hire, r, hire);
  r.acting_manager = hrkit::EmployeeId(id + 1);
  MustAdd(e.employment, hire, r, hire);
  // A promotion in 2021, later replaced by a backdated correction.
  r.event = hrkit::EmploymentEvent::kPromotion;
  r.fte = 1.0;
  MustAdd(e.employment, Date(2021, 7, 1), r, Date(2021, 6, 15));
  r.event = hrkit::EmploymentEvent::kTransfer;
  r.position = hrkit::PositionId(id + 20);
  r.carried_forward = true;
  MustAdd(e.employment, Date(2021, 5, 1), r, Date(2021, 8, 2), hrkit::LaterEntries::kReplace);
  // Termination.
  r = hrkit::EmploymentRecord{};
  r.status = hrkit::EmploymentStatus::kTerminated;
  r.fte = 0.0;
  r.event = hrkit::EmploymentEvent::kTermination;
  r.termination = hrkit::TerminationKind::kVoluntary;
  r.reason_code = "RESIGNATION";
  r.employment_start = hire;
  r.seniority_start = Date(2019, 9, 1);
  MustAdd(e.employment, Date(2023, 1, 1), r, Date(2022, 11, 30));
  return e;
}

hrkit::OrgUnit SampleOrgUnit(std::int64_t id) {
  hrkit::OrgUnit u;
  u.id = hrkit::OrgUnitId(id);
  u.code = absl::StrCat("U-", id);
  const Date opened(2019, 1, 1);
  MustAdd(u.history, opened, hrkit::OrgUnitRecord{"Finance", hrkit::OrgUnitId(), hrkit::OrgUnitStatus::kOpen, "F"},
          opened);
  MustAdd(u.history, opened,
          hrkit::OrgUnitRecord{"Finance & Control", hrkit::OrgUnitId(), hrkit::OrgUnitStatus::kOpen, "F"}, opened);
  MustAdd(u.history, Date(2022, 4, 1),
          hrkit::OrgUnitRecord{"Finance & Control", hrkit::OrgUnitId(id + 1), hrkit::OrgUnitStatus::kClosed, "F2"},
          Date(2022, 3, 1));
  return u;
}

hrkit::Position SamplePosition(std::int64_t id) {
  hrkit::Position p;
  p.id = hrkit::PositionId(id);
  hrkit::PositionRecord r{hrkit::OrgUnitId(4), "J-1", "Analyst", "G7", 1.0, hrkit::PositionStatus::kOpen,
                          hrkit::PositionId()};
  MustAdd(p.history, Date(2020, 1, 1), r, Date(2020, 1, 1));
  r.title = "Senior Analyst";
  r.fte_budget = 1.5;
  MustAdd(p.history, Date(2021, 1, 1), r, Date(2021, 1, 1));
  r.status = hrkit::PositionStatus::kFrozen;
  r.reports_to = hrkit::PositionId(id + 1);
  MustAdd(p.history, Date(2020, 6, 1), r, Date(2021, 2, 1), hrkit::LaterEntries::kReplace);
  return p;
}

hrkit::Location SampleLocation(std::int64_t id) {
  return hrkit::Location{hrkit::LocationId(id), absl::StrCat("Site ", id), "DE", hrkit::HolidayCalendarId(7),
                         hrkit::WorkScheduleId()};
}

hrkit::WorkSchedule SampleWorkSchedule(std::int64_t id) {
  hrkit::WorkSchedule w;
  w.id = hrkit::WorkScheduleId(id);
  w.name = absl::StrCat("Schedule ", id);
  w.hours = {0.0, 8.0, 8.0, 8.0, 8.0, 4.0, 0.0};
  w.full_day_hours = 7.5 + static_cast<double>(id % 2) / 2;
  return w;
}

hrkit::HolidayCalendar SampleHolidayCalendar(std::int64_t id) {
  hrkit::HolidayCalendar c;
  c.id = hrkit::HolidayCalendarId(id);
  c.name = absl::StrCat("Calendar ", id);
  c.rules = {hrkit::FixedHoliday("New Year", 1, 1), hrkit::NthWeekdayHoliday("Memorial Day", hrkit::kLastWeekday, 1, 5),
             hrkit::EasterHoliday("Good Friday", -2), hrkit::OneOffHoliday("Jubilee", Date(2026, 6, 3), true)};
  c.rules[0].from_year = 2000;
  c.rules[1].to_year = 2030;
  return c;
}

hrkit::LeaveType SampleLeaveType(std::int64_t id) {
  return hrkit::LeaveType{hrkit::LeaveTypeId(id), absl::StrCat("Leave ", id), id % 2 == 0, hrkit::LeaveUnit::kHours};
}

hrkit::LeavePolicy SampleLeavePolicy(std::int64_t id) {
  hrkit::LeavePolicy p{hrkit::LeavePolicyId(id),
                       absl::StrCat("Policy ", id),
                       hrkit::LeaveTypeId(id),
                       {},
                       static_cast<std::int32_t>(id % 3) - 1};
  hrkit::LeavePolicyVersion v;
  v.amount_per_year = 24.5;
  v.frequency = hrkit::AccrualFrequency::kQuarterly;
  v.timing = hrkit::CreditTiming::kAnniversary;
  v.rounding = hrkit::AccrualRounding::kHalf;
  v.balance_cap = 40;
  v.carry_over_month = 4;
  v.carry_over_max.reset();
  v.carry_over_expiry = 90;
  v.carry_over_expiry_unit = hrkit::ExpiryUnit::kDays;
  v.negative_limit = 2.5;
  v.tiers = {hrkit::LeaveTier{60, 26.5}, hrkit::LeaveTier{120, 28}};
  // A rule without a maximum FTE (max_fte empty).
  v.eligibility.grades = {"G5", "G6"};
  v.eligibility.min_fte = 0.2;
  MustAdd(p.versions, Date(2023, 1, 1), v, Date(2022, 12, 1));
  v.prorate = false;
  v.fte_scaling = false;
  v.accrual_start = hrkit::AccrualStart::kAfterProbation;
  v.probation_months = 6;
  v.negative_limit.reset();
  MustAdd(p.versions, Date(2023, 1, 1), v, Date(2022, 12, 1));  // same day: sequence 1
  v.keeps_balance = false;
  v.tiers.clear();
  v.eligibility = {};
  MustAdd(p.versions, Date(2024, 7, 1), v, Date(2024, 6, 1));
  v.keeps_balance = true;
  v.amount_per_year = 26;
  v.tiers = {hrkit::LeaveTier{36, 27}};
  // A rule of every member, with a maximum FTE.
  v.eligibility.locations = {hrkit::LocationId(3), hrkit::LocationId(id)};
  v.eligibility.employment_types = {hrkit::EmploymentType::kFixedTerm, hrkit::EmploymentType::kPermanent};
  v.eligibility.grades = {"G7"};
  v.eligibility.org_subtrees = {hrkit::OrgUnitId(4)};
  v.eligibility.min_fte = 0.5;
  v.eligibility.max_fte = 1.0;
  v.eligibility.min_tenure_months = 60;
  v.max_allocation_per_year = 30;
  v.accrual_year_month = 1;
  MustAdd(p.versions, Date(2024, 1, 1), v, Date(2024, 6, 20), hrkit::LaterEntries::kReplace);
  return p;
}

hrkit::PolicyAssignment SamplePolicyAssignment(std::int64_t id) {
  return hrkit::PolicyAssignment{
      hrkit::PolicyAssignmentId(id), hrkit::EmployeeId(id), hrkit::LeaveTypeId(2),
      hrkit::LeavePolicyId(id + 3),  Date(2025, 3, 1),      id % 2 == 1 ? hrkit::OpenEnd() : Date(2025, 9, 1)};
}

hrkit::LeaveRequest SampleLeaveRequest(std::int64_t id) {
  hrkit::LeaveRequest r;
  r.id = hrkit::LeaveRequestId(id);
  r.employee = hrkit::EmployeeId(id);
  r.leave_type = hrkit::LeaveTypeId(1);
  r.first_day = Date(2026, 3, 6);
  r.last_day = Date(2026, 3, 9);
  r.first_day_half = hrkit::HalfDay::kAfternoon;
  r.counting.unit = hrkit::DurationUnit::kHours;
  r.counting.sandwich = true;
  r.duration = 1.5 + static_cast<double>(id % 4);
  r.status = hrkit::LeaveRequestStatus::kApproved;
  r.submitted_on = Date(2026, 2, 20);
  r.decided_on = Date(2026, 2, 21);
  r.reason = absl::StrCat("Family matter ", id);
  r.decision_comment = "Enjoy";
  return r;
}

hrkit::LeaveAdjustment SampleLeaveAdjustment(std::int64_t id) {
  hrkit::LeaveAdjustment a;
  a.id = hrkit::LeaveAdjustmentId(id);
  a.employee = hrkit::EmployeeId(id);
  a.leave_type = hrkit::LeaveTypeId(1);
  a.effective = Date(2026, 1, 1);
  a.encashment = id % 2 == 0;
  a.amount = a.encashment ? -2.5 : 1.25 + static_cast<double>(id);
  a.recorded_on = Date(2025, 12, 15);
  a.reason = absl::StrCat("Carried from the previous system ", id);
  return a;
}

hrkit::RatingScale SampleRatingScale(std::int64_t id) {
  if (id % 2 == 0) return hrkit::NumericScale(hrkit::RatingScaleId(id), 5);
  return hrkit::RatingScale{
      hrkit::RatingScaleId(id), absl::StrCat("Scale ", id), {{1, "below"}, {2, "meets"}, {3.5, "exceeds"}}};
}

hrkit::ReviewTemplate SampleReviewTemplate(std::int64_t id) {
  hrkit::ReviewTemplate t;
  t.id = hrkit::ReviewTemplateId(id);
  t.name = absl::StrCat("Template ", id);
  t.method.scale = hrkit::RatingScaleId(id);
  t.method.sections = {{"Goals", hrkit::SectionKind::kGoals, 70, {}},
                       {"Values", hrkit::SectionKind::kCompetencies, 20, {"ownership", "teamwork"}},
                       {"Craft", hrkit::SectionKind::kCompetencies, 10, {"quality"}}};
  if (id % 2 == 1) {
    t.method.role_weights = {{hrkit::ReviewerRole::kManager, 80}, {hrkit::ReviewerRole::kPeer, 20}};
  } else {
    t.method.role_weights = {{hrkit::ReviewerRole::kManager, 100}};
    t.method.missing_role = hrkit::MissingRole::kNoScore;
  }
  return t;
}

hrkit::PerformanceCycle SamplePerformanceCycle(std::int64_t id) {
  hrkit::PerformanceCycle c;
  c.id = hrkit::PerformanceCycleId(id);
  c.name = absl::StrCat("Cycle ", id);
  c.source_template = hrkit::ReviewTemplateId(id);
  c.scoring = SampleReviewTemplate(id).method;
  c.phases = {Date(2025, 1, 6), Date(2025, 3, 1), Date(2025, 4, 1), Date(2025, 5, 1), Date(2025, 6, 1)};
  c.eligibility.org_subtrees = {hrkit::OrgUnitId(id)};
  c.eligibility.employment_types = {hrkit::EmploymentType::kPermanent};
  c.eligibility.max_fte = 1.0;
  c.participants_as_of = Date(2025, 1, 1);
  c.participants = {hrkit::EmployeeId(1), hrkit::EmployeeId(2), hrkit::EmployeeId(id + 2)};
  c.min_anonymous_peers = 3 + static_cast<std::int32_t>(id % 3);
  if (id % 2 == 0) c.closed_on = Date(2025, 6, 3);
  return c;
}

hrkit::Goal SampleGoal(std::int64_t id) {
  hrkit::Goal g;
  g.id = hrkit::GoalId(id);
  g.cycle = hrkit::PerformanceCycleId(1);
  if (id % 2 == 1) {
    g.owner = hrkit::EmployeeId(id);
    g.parent = hrkit::GoalId(id + 1);
    g.check_ins = {{Date(2025, 2, 1), 0.25, "started"}, {Date(2025, 3, 15), 0.6, "on track"}};
  } else {
    g.org_unit = hrkit::OrgUnitId(id);
  }
  g.title = absl::StrCat("Goal ", id, ": ship it");
  g.weight = 40.5;
  return g;
}

hrkit::Review SampleReview(std::int64_t id) {
  hrkit::Review r;
  r.id = hrkit::ReviewId(id);
  r.cycle = hrkit::PerformanceCycleId(1);
  r.reviewee = hrkit::EmployeeId(id);
  r.reviewer = hrkit::EmployeeId(id + 10);
  r.started_on = Date(2025, 4, 2);
  r.ratings = {{"Goals", hrkit::GoalId(id), "", 4, "delivered"}, {"Values", hrkit::GoalId(), "ownership", 3.5, ""}};
  r.comment = absl::StrCat("Review ", id);
  if (id % 2 == 1) {
    r.role = hrkit::ReviewerRole::kManager;
    r.status = hrkit::ReviewStatus::kSubmitted;
    r.overall_rating = 4;
    r.submitted_on = Date(2025, 4, 20);
  } else {
    r.role = hrkit::ReviewerRole::kPeer;
    r.anonymous = true;
  }
  return r;
}

hrkit::CalibrationChange SampleCalibrationChange(std::int64_t id) {
  hrkit::CalibrationChange c;
  c.id = hrkit::CalibrationChangeId(id);
  c.cycle = hrkit::PerformanceCycleId(1);
  c.employee = hrkit::EmployeeId(id);
  if (id % 2 == 1) c.before = 3;
  c.after = 4;
  c.changed_by = hrkit::EmployeeId(id + 20);
  c.changed_on = Date(2025, 5, 10);
  c.reason = "consistent with the peer group";
  return c;
}

template <>
hrkit::Employee SampleOf<hrkit::Employee>(std::int64_t id) {
  return SampleEmployee(id);
}
template <>
hrkit::OrgUnit SampleOf<hrkit::OrgUnit>(std::int64_t id) {
  return SampleOrgUnit(id);
}
template <>
hrkit::Position SampleOf<hrkit::Position>(std::int64_t id) {
  return SamplePosition(id);
}
template <>
hrkit::Location SampleOf<hrkit::Location>(std::int64_t id) {
  return SampleLocation(id);
}
template <>
hrkit::WorkSchedule SampleOf<hrkit::WorkSchedule>(std::int64_t id) {
  return SampleWorkSchedule(id);
}
template <>
hrkit::HolidayCalendar SampleOf<hrkit::HolidayCalendar>(std::int64_t id) {
  return SampleHolidayCalendar(id);
}
template <>
hrkit::LeaveType SampleOf<hrkit::LeaveType>(std::int64_t id) {
  return SampleLeaveType(id);
}
template <>
hrkit::LeavePolicy SampleOf<hrkit::LeavePolicy>(std::int64_t id) {
  return SampleLeavePolicy(id);
}
template <>
hrkit::PolicyAssignment SampleOf<hrkit::PolicyAssignment>(std::int64_t id) {
  return SamplePolicyAssignment(id);
}
template <>
hrkit::LeaveRequest SampleOf<hrkit::LeaveRequest>(std::int64_t id) {
  return SampleLeaveRequest(id);
}
template <>
hrkit::LeaveAdjustment SampleOf<hrkit::LeaveAdjustment>(std::int64_t id) {
  return SampleLeaveAdjustment(id);
}

template <>
hrkit::RatingScale SampleOf<hrkit::RatingScale>(std::int64_t id) {
  return SampleRatingScale(id);
}

template <>
hrkit::ReviewTemplate SampleOf<hrkit::ReviewTemplate>(std::int64_t id) {
  return SampleReviewTemplate(id);
}

template <>
hrkit::PerformanceCycle SampleOf<hrkit::PerformanceCycle>(std::int64_t id) {
  return SamplePerformanceCycle(id);
}

template <>
hrkit::Goal SampleOf<hrkit::Goal>(std::int64_t id) {
  return SampleGoal(id);
}

template <>
hrkit::Review SampleOf<hrkit::Review>(std::int64_t id) {
  return SampleReview(id);
}

template <>
hrkit::CalibrationChange SampleOf<hrkit::CalibrationChange>(std::int64_t id) {
  return SampleCalibrationChange(id);
}

namespace {

// A key of 64 lowercase hex digits that differs by id (not a real HMAC).
std::string SampleRespondentKey(std::int64_t id) {
  std::string key = absl::StrCat(absl::Hex(id, absl::kZeroPad16));
  while (key.size() < 64) key += "ab";
  return key;
}

}  // namespace

hrkit::Survey SampleSurvey(std::int64_t id) {
  hrkit::Survey s;
  s.id = hrkit::SurveyId(id);
  s.title = absl::StrCat("Pulse ", id, " \"Q1\", well-being");
  s.instruments = {"who5", "enps"};
  s.audience.org_subtrees = {hrkit::OrgUnitId(id)};
  s.audience.max_fte = 1.0;
  s.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)},
             {2, Date(2025, 9, 1), Date(2025, 9, 2), Date(2025, 9, 15)}};
  s.min_group = 5 + static_cast<std::int32_t>(id % 2);
  s.min_comment_group = 10;
  s.comments = id % 2 == 0;
  return s;
}

hrkit::SurveyInvitation SampleSurveyInvitation(std::int64_t id) {
  return {.id = hrkit::SurveyInvitationId(id),
          .survey = hrkit::SurveyId(1),
          .wave = 1,
          .respondent_key = SampleRespondentKey(id),
          .org_unit = hrkit::OrgUnitId(id),
          .location = hrkit::LocationId(1),
          .tenure_band = "1-3"};
}

hrkit::SurveyResponse SampleSurveyResponse(std::int64_t id) {
  return {.id = hrkit::SurveyResponseId(id),
          .survey = hrkit::SurveyId(1),
          .wave = 1 + static_cast<std::int32_t>(id % 2),
          .respondent_key = SampleRespondentKey(id),
          .submitted_on = Date(2025, 3, 5),
          .org_unit = hrkit::OrgUnitId(id),
          .location = hrkit::LocationId(1),
          .tenure_band = "0-1",
          .answers = {{"who5_1", 3}, {"enps_1", static_cast<std::int32_t>(id % 11)}},
          .comment = id % 2 == 1 ? absl::StrCat("More quiet rooms, please; line 2\nof ", id) : ""};
}

template <>
hrkit::Survey SampleOf<hrkit::Survey>(std::int64_t id) {
  return SampleSurvey(id);
}
template <>
hrkit::SurveyInvitation SampleOf<hrkit::SurveyInvitation>(std::int64_t id) {
  return SampleSurveyInvitation(id);
}
template <>
hrkit::SurveyResponse SampleOf<hrkit::SurveyResponse>(std::int64_t id) {
  return SampleSurveyResponse(id);
}

hrkit::CheckIn SampleCheckIn(std::int64_t id) {
  const hrkit::EmployeeId employee(id);
  const hrkit::EmployeeId manager(id + 1);
  hrkit::CheckIn c;
  c.id = hrkit::CheckInId(id);
  c.employee = employee;
  c.manager = manager;
  c.held_on = Date(2025, 4, 7);
  c.agenda = {"Workload, \"Q2\" plans", "Training; line 2\nof the item"};
  c.notes = absl::StrCat("Feeling stretched; agreed to drop one project (", id, ")");
  if (id % 2 == 0) c.mood = 2 + static_cast<std::int32_t>(id % 3);
  c.actions = {{.text = "Book the course", .owner = employee, .done = true},
               {.text = "Move the report deadline", .owner = manager, .done = false}};
  return c;
}

hrkit::Recognition SampleRecognition(std::int64_t id) {
  hrkit::Recognition r;
  r.id = hrkit::RecognitionId(id);
  r.giver = hrkit::EmployeeId(id);
  r.given_on = Date(2025, 5, 12);
  r.message = absl::StrCat("Thanks for \"the launch\", ", id, "; line 2\nof it");
  if (id % 2 == 0) {
    r.recipients = {hrkit::EmployeeId(id + 2), hrkit::EmployeeId(id + 1)};
    r.values = {"ownership", "candor"};
  } else {
    r.recipients = {hrkit::EmployeeId(id + 1)};
  }
  return r;
}

hrkit::ConflictCase SampleConflictCase(std::int64_t id) {
  const hrkit::EmployeeId handler(1000 + id);
  hrkit::ConflictCase c;
  c.id = hrkit::ConflictCaseId(id);
  c.opened_on = Date(2025, 6, 2);
  c.handlers = {handler, hrkit::EmployeeId(2000 + id)};
  c.notes = {{.written_on = Date(2025, 6, 2), .author = handler, .text = "Intake; both parties heard"},
             {.written_on = Date(2025, 6, 9), .author = hrkit::EmployeeId(2000 + id), .text = "Mediation planned"}};
  if (id % 2 == 0) {
    c.parties = {hrkit::EmployeeId(id), hrkit::EmployeeId(id + 1)};
    c.category = hrkit::CaseCategory::kHarassment;
    c.transitions = {{Date(2025, 6, 10), hrkit::CaseStatus::kOpen, hrkit::CaseStatus::kMediation, handler},
                     {Date(2025, 6, 10), hrkit::CaseStatus::kMediation, hrkit::CaseStatus::kResolved, handler}};
    c.status = hrkit::CaseStatus::kResolved;
  } else {
    c.parties = {hrkit::EmployeeId(id)};
    c.against_organization = true;
    c.category = hrkit::CaseCategory::kGrievance;
  }
  return c;
}

template <>
hrkit::CheckIn SampleOf<hrkit::CheckIn>(std::int64_t id) {
  return SampleCheckIn(id);
}
template <>
hrkit::Recognition SampleOf<hrkit::Recognition>(std::int64_t id) {
  return SampleRecognition(id);
}
template <>
hrkit::ConflictCase SampleOf<hrkit::ConflictCase>(std::int64_t id) {
  return SampleConflictCase(id);
}

hrkit::Dataset SampleDataset(int n) {
  hrkit::Dataset data;
  for (int i = 1; i <= n; ++i) {
    hrkit::ForEachEntityType([&]<class E>(std::type_identity<E>) { data.Of<E>().push_back(SampleOf<E>(i)); });
  }
  return data;
}

}  // namespace hrkit_test
