#include "hrkit/personnel/lifecycle.hpp"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/personnel/events.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

const PositionId kSeatA(10);
const PositionId kSeatB(11);
const PositionId kSeatC(12);
const LocationId kBerlin(1);
const LocationId kParis(2);
const Date kHired(2024, 1, 1);

Employee Person(std::int64_t id = 7, Date birth = Date(1990, 5, 17)) {
  Employee e;
  e.id = EmployeeId(id);
  e.employee_number = absl::StrCat("E", id);
  e.legal_name = "Ada Example";
  e.birth_date = birth;
  return e;
}

HireEvent Hire(Date effective = kHired, PositionId position = kSeatA, double fte = 1.0) {
  HireEvent h;
  h.effective = effective;
  h.position = position;
  h.location = kBerlin;
  h.cost_center = "CC-100";
  h.fte = fte;
  h.reason_code = "NEW";
  return h;
}

// An employee hired on kHired into kSeatA, recorded the same day.
Employee Hired() {
  absl::StatusOr<Employee> e = ApplyEvent(Person(), Hire(), kHired);
  EXPECT_TRUE(e.ok()) << e.status();
  return e.ok() ? *e : Person();
}

// ---------------------------------------------------------------------------
// Events

TEST(Events, EffectiveDateOfATerminationIsTheDayAfterTheLastDay) {
  EXPECT_EQ(EffectiveDate(TerminationEvent{Date(2024, 2, 29), TerminationKind::kVoluntary, ""}), Date(2024, 3, 1));
  EXPECT_EQ(EffectiveDate(FteChangeEvent{Date(2024, 3, 1), 0.5, ""}), Date(2024, 3, 1));
  EXPECT_EQ(EventKind(PromotionEvent{}), EmploymentEvent::kPromotion);
  EXPECT_EQ(EventKind(JobDataChangeEvent{}), EmploymentEvent::kDataChange);
  EXPECT_EQ(TargetPosition(TransferEvent{kHired, kSeatB, {}, {}, ""}), kSeatB);
  EXPECT_EQ(TargetPosition(LeaveOfAbsenceEvent{}), std::nullopt);
}

// ---------------------------------------------------------------------------
// Hire

TEST(Hire, CreatesAnActiveRecordOnTheHireDate) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Person(), Hire(), Date(2023, 12, 1)));
  ASSERT_EQ(e.employment.size(), 1u);
  EXPECT_EQ(RecordOn(e, Date(2023, 12, 31)), nullptr);
  const EmploymentRecord& r = *RecordOn(e, kHired);
  EXPECT_EQ(r.status, EmploymentStatus::kActive);
  EXPECT_EQ(r.position, kSeatA);
  EXPECT_EQ(r.location, kBerlin);
  EXPECT_EQ(r.cost_center, "CC-100");
  EXPECT_EQ(r.fte, 1.0);
  EXPECT_EQ(r.event, EmploymentEvent::kHire);
  EXPECT_EQ(r.employment_start, kHired);
  EXPECT_EQ(r.seniority_start, kHired);
  EXPECT_FALSE(r.carried_forward);
  EXPECT_EQ(e.employment.Entries()[0].recorded, Date(2023, 12, 1));
  EXPECT_TRUE(IsEmployedOn(e, kHired));
  EXPECT_FALSE(IsEmployedOn(e, Date(2023, 12, 31)));
}

TEST(Hire, TheHeaderExampleCompilesWithOnlyTheRequiredFields) {
  // Designated initializers that leave fields out must build warning-free.
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Person(), HireEvent{.effective = kHired, .position = kSeatA}, kHired));
  ASSERT_OK_AND_ASSIGN(Employee moved,
                       ApplyEvent(e, TransferEvent{.effective = Date(2024, 3, 1), .position = kSeatB}, kHired));
  EXPECT_EQ(RecordOn(moved, Date(2024, 3, 1))->position, kSeatB);
  EXPECT_EQ(RecordOn(moved, kHired)->cost_center, "");
}

TEST(Hire, RejectsASecondHire) {
  const Employee e = Hired();
  const auto again = ApplyEvent(e, Hire(Date(2024, 6, 1)), Date(2024, 6, 1));
  EXPECT_STATUS_CODE(again, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(again), HasSubstr("employee:7"));
  EXPECT_THAT(Message(again), HasSubstr("rehired"));
}

TEST(Hire, NeedsAPosition) {
  const auto r = ApplyEvent(Person(), Hire(kHired, PositionId()), kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("position"));
}

TEST(Hire, FteMustBeAboveZeroAndAtMostOneAndAHalf) {
  EXPECT_OK(ApplyEvent(Person(), Hire(kHired, kSeatA, 1.5), kHired));
  EXPECT_OK(ApplyEvent(Person(), Hire(kHired, kSeatA, 0.01), kHired));
  for (double bad : {0.0, -0.5, 1.5000001, 2.0}) {
    const auto r = ApplyEvent(Person(), Hire(kHired, kSeatA, bad), kHired);
    EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(r), HasSubstr("employee:7: fte"));
  }
}

TEST(Hire, RejectsInvalidDates) {
  HireEvent h = Hire();
  h.effective = Date(boost::gregorian::not_a_date_time);
  EXPECT_STATUS_CODE(ApplyEvent(Person(), h, kHired), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ApplyEvent(Person(), Hire(), OpenEnd()), absl::StatusCode::kInvalidArgument);
}

TEST(MinimumAge, ExactlySixteenOnTheHireDateIsOldEnough) {
  // Born 2008-03-01: turns 16 on 2024-03-01.
  const Employee teen = Person(7, Date(2008, 3, 1));
  EXPECT_OK(ApplyEvent(teen, Hire(Date(2024, 3, 1)), kHired));
  const auto early = ApplyEvent(teen, Hire(Date(2024, 2, 29)), kHired);
  EXPECT_STATUS_CODE(early, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(early), HasSubstr("employee:7: birth_date"));
  EXPECT_THAT(Message(early), HasSubstr("minimum age of 16"));
}

TEST(MinimumAge, LeapDayBirthdayInALeapYearIsTheTwentyNinth) {
  // Born 2008-02-29: 2024 is a leap year, so the 16th birthday is 2024-02-29.
  const Employee teen = Person(7, Date(2008, 2, 29));
  EXPECT_OK(ApplyEvent(teen, Hire(Date(2024, 2, 29)), kHired));
  EXPECT_STATUS_CODE(ApplyEvent(teen, Hire(Date(2024, 2, 28)), kHired), absl::StatusCode::kFailedPrecondition);
}

TEST(MinimumAge, LeapDayBirthdayInACommonYearFollowsTheOption) {
  // Born 2005-02-29 does not exist; born 2004-02-29 turns 17 in 2021 (common year).
  const Employee teen = Person(7, Date(2004, 2, 29));
  LifecycleOptions march;  // default: 1 March
  march.minimum_age_years = 17;
  EXPECT_EQ(BirthdayAtAge(Date(2004, 2, 29), 17, LeapDayBirthday::kMarch1), Date(2021, 3, 1));
  EXPECT_OK(ApplyEvent(teen, Hire(Date(2021, 3, 1)), kHired, march));
  EXPECT_STATUS_CODE(ApplyEvent(teen, Hire(Date(2021, 2, 28)), kHired, march),
                     absl::StatusCode::kFailedPrecondition);

  LifecycleOptions feb = march;
  feb.leap_day_birthday = LeapDayBirthday::kFebruary28;
  EXPECT_EQ(BirthdayAtAge(Date(2004, 2, 29), 17, LeapDayBirthday::kFebruary28), Date(2021, 2, 28));
  EXPECT_OK(ApplyEvent(teen, Hire(Date(2021, 2, 28)), kHired, feb));
  EXPECT_STATUS_CODE(ApplyEvent(teen, Hire(Date(2021, 2, 27)), kHired, feb),
                     absl::StatusCode::kFailedPrecondition);
}

TEST(MinimumAge, UnknownBirthDateOrZeroMinimumSkipsTheCheck) {
  EXPECT_OK(ApplyEvent(Person(7, Date(boost::gregorian::not_a_date_time)), Hire(), kHired));
  LifecycleOptions none;
  none.minimum_age_years = 0;
  EXPECT_OK(ApplyEvent(Person(7, Date(2020, 1, 1)), Hire(), kHired, none));
  // Born after the hire date: always under age.
  EXPECT_STATUS_CODE(ApplyEvent(Person(7, Date(2030, 1, 1)), Hire(), kHired), absl::StatusCode::kFailedPrecondition);
}

// ---------------------------------------------------------------------------
// Events that need an employed person

TEST(Lifecycle, EventsBeforeTheHireDateOrWithoutAHireAreRejected) {
  const Employee e = Hired();
  const auto early = ApplyEvent(e, FteChangeEvent{Date(2023, 12, 31), 0.5, ""}, kHired);
  EXPECT_STATUS_CODE(early, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(early), HasSubstr("before the hire date 2024-01-01"));
  const auto never = ApplyEvent(Person(), FteChangeEvent{kHired, 0.5, ""}, kHired);
  EXPECT_STATUS_CODE(never, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(never), HasSubstr("never hired"));
}

TEST(Lifecycle, RecordedDatesOnlyMoveForward) {
  const Employee e = Hired();
  const auto r = ApplyEvent(e, FteChangeEvent{Date(2024, 3, 1), 0.5, ""}, Date(2023, 12, 31));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: recorded"));
}

TEST(Transfer, MovesToTheNewPositionAndKeepsTheRest) {
  TransferEvent t{Date(2024, 3, 1), kSeatB, kParis, std::nullopt, "REORG"};
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), t, Date(2024, 2, 1)));
  EXPECT_EQ(RecordOn(e, Date(2024, 2, 29))->position, kSeatA);
  const EmploymentRecord& r = *RecordOn(e, Date(2024, 3, 1));
  EXPECT_EQ(r.position, kSeatB);
  EXPECT_EQ(r.location, kParis);
  EXPECT_EQ(r.cost_center, "CC-100");  // not given: unchanged
  EXPECT_EQ(r.event, EmploymentEvent::kTransfer);
  EXPECT_EQ(r.reason_code, "REORG");
  EXPECT_EQ(r.employment_start, kHired);
}

TEST(Transfer, FailureCases) {
  const Employee e = Hired();
  EXPECT_STATUS_CODE(ApplyEvent(e, TransferEvent{Date(2024, 3, 1), kSeatA, {}, {}, ""}, kHired),
                     absl::StatusCode::kInvalidArgument);  // already held
  EXPECT_STATUS_CODE(ApplyEvent(e, TransferEvent{Date(2024, 3, 1), PositionId(), {}, {}, ""}, kHired),
                     absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(Employee gone,
                       ApplyEvent(e, TerminationEvent{Date(2024, 3, 31), TerminationKind::kVoluntary, ""}, kHired));
  const auto r = ApplyEvent(gone, TransferEvent{Date(2024, 4, 1), kSeatB, {}, {}, ""}, kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: status"));
  EXPECT_THAT(Message(r), HasSubstr("terminated"));
}

TEST(Promotion, MovesToAnotherPositionWithItsOwnEventCode) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), PromotionEvent{Date(2024, 7, 1), kSeatC, "MERIT"}, kHired));
  EXPECT_EQ(RecordOn(e, Date(2024, 7, 1))->position, kSeatC);
  EXPECT_EQ(RecordOn(e, Date(2024, 7, 1))->event, EmploymentEvent::kPromotion);
  EXPECT_STATUS_CODE(ApplyEvent(e, PromotionEvent{Date(2024, 8, 1), kSeatC, ""}, kHired),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ApplyEvent(Person(), PromotionEvent{Date(2024, 8, 1), kSeatC, ""}, kHired),
                     absl::StatusCode::kFailedPrecondition);
}

TEST(FteChange, ChangesFteWithinRange) {
  const Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(Employee part, ApplyEvent(e, FteChangeEvent{Date(2024, 4, 1), 0.6, "PARENTAL"}, kHired));
  EXPECT_EQ(RecordOn(part, Date(2024, 3, 31))->fte, 1.0);
  EXPECT_EQ(RecordOn(part, Date(2024, 4, 1))->fte, 0.6);
  EXPECT_EQ(RecordOn(part, Date(2024, 4, 1))->position, kSeatA);
  EXPECT_OK(ApplyEvent(e, FteChangeEvent{Date(2024, 4, 1), 1.5, ""}, kHired));
  const auto r = ApplyEvent(e, FteChangeEvent{Date(2024, 4, 1), 1.6, ""}, kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: fte: must be in (0, 1.5]"));
  EXPECT_STATUS_CODE(ApplyEvent(e, FteChangeEvent{Date(2024, 4, 1), 0.0, ""}, kHired),
                     absl::StatusCode::kInvalidArgument);
}

TEST(ManagerChange, SetsAndClearsTheActingManager) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), ManagerChangeEvent{Date(2024, 2, 1), EmployeeId(99), ""}, kHired));
  EXPECT_EQ(RecordOn(e, Date(2024, 2, 1))->acting_manager, EmployeeId(99));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, ManagerChangeEvent{Date(2024, 5, 1), EmployeeId(), ""}, kHired));
  EXPECT_FALSE(RecordOn(e, Date(2024, 5, 1))->acting_manager.valid());
  EXPECT_EQ(RecordOn(e, Date(2024, 4, 30))->acting_manager, EmployeeId(99));
  const auto self = ApplyEvent(e, ManagerChangeEvent{Date(2024, 6, 1), EmployeeId(7), ""}, kHired);
  EXPECT_STATUS_CODE(self, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(self), HasSubstr("acting_manager"));
}

TEST(Leave, LeaveAndReturnToggleTheStatusAndKeepThePosition) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), LeaveOfAbsenceEvent{Date(2024, 3, 1), "SABBATICAL"}, kHired));
  EXPECT_EQ(RecordOn(e, Date(2024, 3, 1))->status, EmploymentStatus::kOnLeave);
  EXPECT_EQ(RecordOn(e, Date(2024, 3, 1))->position, kSeatA);
  EXPECT_TRUE(IsEmployedOn(e, Date(2024, 3, 1)));  // on leave counts as employed
  // A transfer while on leave is allowed (the person is employed).
  EXPECT_OK(ApplyEvent(e, TransferEvent{Date(2024, 4, 1), kSeatB, {}, {}, ""}, kHired));
  const auto twice = ApplyEvent(e, LeaveOfAbsenceEvent{Date(2024, 4, 1), ""}, kHired);
  EXPECT_STATUS_CODE(twice, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(twice), HasSubstr("on leave"));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, ReturnFromLeaveEvent{Date(2024, 9, 1), ""}, kHired));
  EXPECT_EQ(RecordOn(e, Date(2024, 9, 1))->status, EmploymentStatus::kActive);
  EXPECT_EQ(RecordOn(e, Date(2024, 8, 31))->status, EmploymentStatus::kOnLeave);
}

TEST(Leave, ReturnWithoutLeaveIsRejected) {
  const auto r = ApplyEvent(Hired(), ReturnFromLeaveEvent{Date(2024, 3, 1), ""}, kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: status: return from leave on 2024-03-01 needs an employee on leave"));
}

TEST(JobDataChange, ChangesOnlyTheFieldsGiven) {
  JobDataChangeEvent c;
  c.effective = Date(2024, 5, 1);
  c.cost_center = "CC-200";
  c.work_schedule = WorkScheduleId(3);
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), c, kHired));
  const EmploymentRecord& r = *RecordOn(e, Date(2024, 5, 1));
  EXPECT_EQ(r.cost_center, "CC-200");
  EXPECT_EQ(r.work_schedule, WorkScheduleId(3));
  EXPECT_EQ(r.location, kBerlin);
  EXPECT_EQ(r.event, EmploymentEvent::kDataChange);
  const auto empty = ApplyEvent(Hired(), JobDataChangeEvent{Date(2024, 5, 1), {}, {}, {}, {}, ""}, kHired);
  EXPECT_STATUS_CODE(empty, absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
// Termination and rehire

TEST(Termination, TakesEffectTheDayAfterTheLastDayAndEndsTheAssignment) {
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, ManagerChangeEvent{Date(2024, 2, 1), EmployeeId(99), ""}, kHired));
  ASSERT_OK_AND_ASSIGN(
      e, ApplyEvent(e, TerminationEvent{Date(2024, 6, 30), TerminationKind::kInvoluntary, "REDUNDANCY"}, kHired));
  EXPECT_TRUE(IsEmployedOn(e, Date(2024, 6, 30)));
  const EmploymentRecord& r = *RecordOn(e, Date(2024, 7, 1));
  EXPECT_EQ(r.status, EmploymentStatus::kTerminated);
  EXPECT_EQ(r.fte, 0.0);
  EXPECT_FALSE(r.position.valid());
  EXPECT_FALSE(r.acting_manager.valid());
  EXPECT_EQ(r.termination, TerminationKind::kInvoluntary);
  EXPECT_EQ(r.reason_code, "REDUNDANCY");
  EXPECT_EQ(r.location, kBerlin);  // kept for reporting by location
  EXPECT_EQ(e.employment.Entries().back().effective, Date(2024, 7, 1));
}

TEST(Termination, TheLastRepresentableDayHasNoDayAfterIt) {
  const auto r = ApplyEvent(Hired(), TerminationEvent{Date(9999, 12, 31), TerminationKind::kVoluntary, ""}, kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: last_day"));
  EXPECT_OK(ApplyEvent(Hired(), TerminationEvent{Date(9999, 12, 30), TerminationKind::kVoluntary, ""}, kHired));
}

TEST(Termination, OnTheHireDayIsAOneDayEmployment) {
  ASSERT_OK_AND_ASSIGN(Employee e,
                       ApplyEvent(Hired(), TerminationEvent{kHired, TerminationKind::kVoluntary, ""}, kHired));
  ASSERT_EQ(EmploymentPeriods(e).size(), 1u);
  EXPECT_EQ(EmploymentPeriods(e)[0], Period(kHired, Date(2024, 1, 2)));
}

TEST(Termination, FailureCases) {
  const Employee e = Hired();
  EXPECT_STATUS_CODE(ApplyEvent(e, TerminationEvent{Date(2024, 6, 30), TerminationKind::kNone, ""}, kHired),
                     absl::StatusCode::kInvalidArgument);
  const auto before = ApplyEvent(e, TerminationEvent{Date(2023, 12, 30), TerminationKind::kVoluntary, ""}, kHired);
  EXPECT_STATUS_CODE(before, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(before), HasSubstr("last_day"));
  ASSERT_OK_AND_ASSIGN(Employee gone,
                       ApplyEvent(e, TerminationEvent{Date(2024, 6, 30), TerminationKind::kVoluntary, ""}, kHired));
  EXPECT_STATUS_CODE(ApplyEvent(gone, TerminationEvent{Date(2024, 8, 31), TerminationKind::kVoluntary, ""}, kHired),
                     absl::StatusCode::kFailedPrecondition);
}

RehireEvent Rehire(Date effective, SeniorityOnRehire seniority = SeniorityOnRehire::kRestart) {
  RehireEvent r;
  r.effective = effective;
  r.position = kSeatB;
  r.location = kParis;
  r.fte = 0.8;
  r.seniority = seniority;
  return r;
}

Employee LeftInJune() {
  absl::StatusOr<Employee> e =
      ApplyEvent(Hired(), TerminationEvent{Date(2024, 6, 30), TerminationKind::kVoluntary, "RESIGNATION"}, kHired);
  EXPECT_TRUE(e.ok()) << e.status();
  return *e;
}

TEST(Rehire, StartsANewPeriodAndKeepsHistory) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(LeftInJune(), Rehire(Date(2025, 1, 1)), Date(2024, 12, 1)));
  ASSERT_EQ(e.employment.size(), 3u);
  EXPECT_EQ(RecordOn(e, Date(2024, 3, 1))->position, kSeatA);  // old history intact
  EXPECT_FALSE(IsEmployedOn(e, Date(2024, 12, 31)));
  const EmploymentRecord& r = *RecordOn(e, Date(2025, 1, 1));
  EXPECT_EQ(r.status, EmploymentStatus::kActive);
  EXPECT_EQ(r.position, kSeatB);
  EXPECT_EQ(r.fte, 0.8);
  EXPECT_EQ(r.event, EmploymentEvent::kRehire);
  EXPECT_EQ(r.employment_start, Date(2025, 1, 1));
  EXPECT_EQ(r.seniority_start, Date(2025, 1, 1));  // restarted
  const auto periods = EmploymentPeriods(e);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0], Period(kHired, Date(2024, 7, 1)));
  EXPECT_EQ(periods[1], OpenPeriod(Date(2025, 1, 1)));
}

TEST(Rehire, BridgedSeniorityCountsEarlierServiceButNotTheBreak) {
  // Served 2024-01-01..2024-06-30 (182 days); break 2024-07-01..2024-12-31 (184 days).
  // Bridged seniority start = 2024-01-01 + 184 days = 2024-07-03; 2025-01-01 - 182 days = 2024-07-03.
  ASSERT_OK_AND_ASSIGN(Employee e,
                       ApplyEvent(LeftInJune(), Rehire(Date(2025, 1, 1), SeniorityOnRehire::kBridge), Date(2024, 12, 1)));
  EXPECT_EQ(RecordOn(e, Date(2025, 1, 1))->seniority_start, Date(2024, 7, 3));
}

TEST(Rehire, FailureCases) {
  const auto employed = ApplyEvent(Hired(), Rehire(Date(2024, 5, 1)), kHired);
  EXPECT_STATUS_CODE(employed, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(employed), HasSubstr("former employee"));
  EXPECT_STATUS_CODE(ApplyEvent(Person(), Rehire(Date(2024, 5, 1)), kHired), absl::StatusCode::kFailedPrecondition);
  RehireEvent no_seat = Rehire(Date(2025, 1, 1));
  no_seat.position = PositionId();
  EXPECT_STATUS_CODE(ApplyEvent(LeftInJune(), no_seat, kHired), absl::StatusCode::kInvalidArgument);
  RehireEvent big = Rehire(Date(2025, 1, 1));
  big.fte = 1.75;
  EXPECT_STATUS_CODE(ApplyEvent(LeftInJune(), big, kHired), absl::StatusCode::kInvalidArgument);
}

TEST(Rehire, LastDayBeforeTheCurrentPeriodIsRejected) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(LeftInJune(), Rehire(Date(2025, 1, 1)), kHired));
  // The day before the rehire is in the break: terminating "then" is a termination of a non-employee.
  EXPECT_STATUS_CODE(ApplyEvent(e, TerminationEvent{Date(2024, 12, 30), TerminationKind::kVoluntary, ""}, kHired),
                     absl::StatusCode::kFailedPrecondition);
  // Last day 2024-12-31 means the record takes effect on the rehire day, before the period started.
  const auto r = ApplyEvent(e, TerminationEvent{Date(2024, 12, 31), TerminationKind::kVoluntary, ""}, kHired);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: last_day"));
  EXPECT_OK(ApplyEvent(e, TerminationEvent{Date(2025, 1, 1), TerminationKind::kVoluntary, ""}, kHired));
}

// ---------------------------------------------------------------------------
// Backdated events

TEST(Backdated, ATransferCarriesIntoLaterRecordsAsNewEntries) {
  const Date may1(2024, 5, 1);
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(Hired(), FteChangeEvent{may1, 0.8, ""}, Date(2024, 4, 15)));
  const Date entered(2024, 6, 10);
  ASSERT_OK_AND_ASSIGN(Employee fixed, ApplyEvent(e, TransferEvent{Date(2024, 3, 1), kSeatB, {}, {}, "FIX"}, entered));

  EXPECT_EQ(RecordOn(fixed, Date(2024, 2, 29))->position, kSeatA);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 3, 1))->position, kSeatB);
  const EmploymentRecord& later = *RecordOn(fixed, may1);
  EXPECT_EQ(later.position, kSeatB);  // carried forward
  EXPECT_EQ(later.fte, 0.8);          // the later record's own change kept
  EXPECT_EQ(later.event, EmploymentEvent::kFteChange);
  EXPECT_TRUE(later.carried_forward);

  // hire, transfer, FTE change, restated FTE change: nothing overwritten.
  ASSERT_EQ(fixed.employment.size(), 4u);
  const auto& restated = fixed.employment.Entries()[3];
  EXPECT_EQ(restated.effective, may1);
  EXPECT_EQ(restated.sequence, 1);
  EXPECT_EQ(restated.recorded, entered);
  EXPECT_EQ(fixed.employment.Entries()[2].value.position, kSeatA);  // the original May record

  // As known before the correction: still seat A throughout.
  const Timeline<EmploymentRecord> before = fixed.employment.AsKnownOn(Date(2024, 6, 9));
  EXPECT_EQ(before.At(Date(2024, 3, 1))->position, kSeatA);
  EXPECT_EQ(before.At(may1)->position, kSeatA);
  EXPECT_EQ(before.At(may1)->fte, 0.8);
}

TEST(Backdated, CarryingStopsAtALaterRecordThatSetsTheSameField) {
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, FteChangeEvent{Date(2024, 5, 1), 0.8, ""}, kHired));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, JobDataChangeEvent{Date(2024, 7, 1), "CC-300", {}, {}, {}, ""}, kHired));
  ASSERT_OK_AND_ASSIGN(Employee fixed, ApplyEvent(e, FteChangeEvent{Date(2024, 3, 1), 0.5, ""}, Date(2024, 8, 1)));
  // 03-01 adds one entry; May sets its own FTE so nothing later changes.
  EXPECT_EQ(fixed.employment.size(), 4u);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 4, 30))->fte, 0.5);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 5, 1))->fte, 0.8);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 7, 1))->fte, 0.8);
}

TEST(Backdated, ALocationChangeCarriesIntoALaterTermination) {
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, TerminationEvent{Date(2024, 6, 30), TerminationKind::kVoluntary, ""}, kHired));
  JobDataChangeEvent move{Date(2024, 4, 1), {}, {}, kParis, {}, ""};
  ASSERT_OK_AND_ASSIGN(Employee fixed, ApplyEvent(e, move, Date(2024, 8, 1)));
  const EmploymentRecord& end = *RecordOn(fixed, Date(2024, 7, 1));
  EXPECT_EQ(end.location, kParis);
  EXPECT_EQ(end.status, EmploymentStatus::kTerminated);
  EXPECT_FALSE(end.position.valid());
  EXPECT_TRUE(end.carried_forward);
}

TEST(Backdated, ATerminationBeforeALaterTransferIsRejected) {
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, TransferEvent{Date(2024, 5, 1), kSeatB, {}, {}, ""}, kHired));
  const auto r = ApplyEvent(e, TerminationEvent{Date(2024, 3, 31), TerminationKind::kVoluntary, ""}, Date(2024, 6, 1));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("employee:7: termination on 2024-04-01 contradicts the later transfer on 2024-05-01"));
}

TEST(Backdated, ALeaveBeforeALaterLeaveIsRejected) {
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, LeaveOfAbsenceEvent{Date(2024, 3, 1), ""}, kHired));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, ReturnFromLeaveEvent{Date(2024, 5, 1), ""}, kHired));
  const auto r = ApplyEvent(e, LeaveOfAbsenceEvent{Date(2024, 2, 1), ""}, Date(2024, 6, 1));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("contradicts the later leave of absence on 2024-03-01"));
  // A backdated change that does not touch the status passes through both records.
  ASSERT_OK_AND_ASSIGN(Employee fixed, ApplyEvent(e, FteChangeEvent{Date(2024, 2, 1), 0.5, ""}, Date(2024, 6, 1)));
  EXPECT_EQ(RecordOn(fixed, Date(2024, 3, 1))->status, EmploymentStatus::kOnLeave);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 3, 1))->fte, 0.5);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 5, 1))->status, EmploymentStatus::kActive);
  EXPECT_EQ(RecordOn(fixed, Date(2024, 5, 1))->fte, 0.5);
}

TEST(Backdated, ABackdatedRehireBeforeALaterRehireIsRejected) {
  ASSERT_OK_AND_ASSIGN(Employee e, ApplyEvent(LeftInJune(), Rehire(Date(2025, 1, 1)), kHired));
  const auto r = ApplyEvent(e, Rehire(Date(2024, 9, 1)), Date(2025, 2, 1));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("later rehire on 2025-01-01"));
}

TEST(Backdated, TwoCorrectionsKeepEveryEarlierPicture) {
  const Date may1(2024, 5, 1);
  Employee e = Hired();
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, FteChangeEvent{may1, 0.8, ""}, Date(2024, 4, 1)));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, TransferEvent{Date(2024, 3, 1), kSeatB, {}, {}, ""}, Date(2024, 6, 1)));
  ASSERT_OK_AND_ASSIGN(e, ApplyEvent(e, TransferEvent{Date(2024, 2, 1), kSeatC, {}, {}, ""}, Date(2024, 7, 1)));
  // The 02-01 transfer to C does not reach past the 03-01 transfer to B.
  EXPECT_EQ(RecordOn(e, Date(2024, 2, 1))->position, kSeatC);
  EXPECT_EQ(RecordOn(e, Date(2024, 3, 1))->position, kSeatB);
  EXPECT_EQ(RecordOn(e, may1)->position, kSeatB);
  EXPECT_EQ(e.employment.AsKnownOn(Date(2024, 6, 30)).At(Date(2024, 2, 1))->position, kSeatA);
  EXPECT_EQ(e.employment.AsKnownOn(Date(2024, 5, 31)).At(may1)->position, kSeatA);
  EXPECT_EQ(e.employment.AsKnownOn(Date(2024, 6, 1)).At(may1)->position, kSeatB);
}

}  // namespace
}  // namespace hrkit

namespace hrkit {
namespace {

TEST(EmploymentRecordDescription, IncludesTheCarriedForwardFlag) {
  const std::vector<FieldInfo> fields = ListFields(EmploymentRecord{});
  ASSERT_FALSE(fields.empty());
  EXPECT_EQ(fields.back().name, "carried_forward");
  EXPECT_EQ(fields.size(), 14u);
}

}  // namespace
}  // namespace hrkit
