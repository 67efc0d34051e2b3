#include "hrkit/leave/leave_request.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/leave/leave_entitlements.hpp"
#include "hrkit/leave/leave_requests.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit/leave/negative_limit.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

const EmployeeId kAda(7);
const EmployeeId kBob(8);
const LeaveTypeId kVacation(1);
const LeaveTypeId kSick(2);
const Date kHired(2024, 1, 1);
const Date kToday(2024, 4, 15);

// Calendar days of May 2024 used below: Fri 3, Sat 4, Sun 5, Mon 6, Tue 7,
// Wed 8, Thu 9, Fri 10, Sat 11, Sun 12.
Date May(int day) { return Date(2024, 5, day); }

HolidayCalendar TestCalendar() {
  HolidayCalendar c;
  c.id = HolidayCalendarId(1);
  c.name = "Test";
  c.rules = {FixedHoliday("New Year", 1, 1),        EasterHoliday("Good Friday", -2),
             EasterHoliday("Easter Monday", 1),     FixedHoliday("Christmas Eve", 12, 24, /*half_day=*/true),
             FixedHoliday("Christmas Day", 12, 25), FixedHoliday("Boxing Day", 12, 26)};
  return c;
}

EmploymentRecord Record(EmploymentStatus status, Date start) {
  EmploymentRecord r;
  r.status = status;
  r.position = status == EmploymentStatus::kTerminated ? PositionId() : PositionId(100);
  r.fte = status == EmploymentStatus::kTerminated ? 0.0 : 1.0;
  r.employment_start = start;
  r.seniority_start = start;
  return r;
}

// Hired on kHired; with `last_day`, terminated after it.
Employee Worker(EmployeeId id, std::optional<Date> last_day = std::nullopt) {
  Employee e;
  e.id = id;
  EXPECT_OK(e.employment.Add(kHired, Record(EmploymentStatus::kActive, kHired), kHired));
  if (last_day.has_value()) {
    EXPECT_OK(
        e.employment.Add(*last_day + boost::gregorian::days(1), Record(EmploymentStatus::kTerminated, kHired), kHired));
  }
  return e;
}

LeaveRequestInput Ask(Date first, Date last, HalfDay first_half = HalfDay::kNone, HalfDay last_half = HalfDay::kNone,
                      LeaveTypeId type = kVacation) {
  LeaveRequestInput in;
  in.employee = kAda;
  in.leave_type = type;
  in.first_day = first;
  in.last_day = last;
  in.first_day_half = first_half;
  in.last_day_half = last_half;
  in.reason = "holiday";
  return in;
}

class LeaveRequestTest : public ::testing::Test {
 protected:
  LeaveRequestContext Context(LeaveCountingRules counting = {}) {
    return LeaveRequestContext{ada_, schedule_, calendar_, counting, no_checks_};
  }
  // Submits `in` against `existing` as request `id`.
  absl::StatusOr<LeaveRequest> Submit(const LeaveRequestInput& in, LeaveCountingRules counting = {},
                                      std::vector<LeaveRequest> existing = {}, LeaveRequestId id = LeaveRequestId(50)) {
    return SubmitLeaveRequest(id, in, Context(counting), existing, kToday);
  }
  // The duration of `in` once submitted.
  double Duration(const LeaveRequestInput& in, LeaveCountingRules counting = {}) {
    absl::StatusOr<LeaveRequest> r = Submit(in, counting);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? r->duration : -1.0;  // -1: failed (reported above)
  }

  Employee ada_ = Worker(kAda);
  WorkSchedule schedule_ = DefaultWorkSchedule(WorkScheduleId(1));
  HolidayCalendar calendar_ = TestCalendar();
  FunctionLeaveEntitlements no_checks_{nullptr, nullptr};
};

LeaveCountingRules Sandwich() {
  LeaveCountingRules c;
  c.sandwich = true;
  return c;
}

LeaveCountingRules Hours() {
  LeaveCountingRules c;
  c.unit = DurationUnit::kHours;
  return c;
}

// Entitlements over a stand-in ledger: `*available` days adjusted in on
// 2024-01-01, then the days a check charges taken, the balance allowed down
// to -limit from 2024-01-01; `untracked` keeps no balance. The ledger engine
// is tested elsewhere: here it is the request checks. `*through` (if given)
// receives the last day the check asked for.
FunctionLeaveEntitlements FixedBalance(const double* available, double limit, LeaveTypeId untracked = LeaveTypeId(),
                                       Date* through = nullptr) {
  return FunctionLeaveEntitlements(
      nullptr,
      [=](EmployeeId, LeaveTypeId type, std::span<const LeaveDay> taken,
          Date asked) -> absl::StatusOr<std::optional<ProjectedLedger>> {
        if (through != nullptr) *through = asked;
        if (type == untracked) return std::optional<ProjectedLedger>();
        ProjectedLedger ledger;
        ledger.entries.push_back(LedgerEntry{Date(2024, 1, 1), LedgerEntryKind::kAdjustment, 0, *available, 0});
        for (const LeaveDay& d : taken) {
          ledger.entries.push_back(LedgerEntry{d.date, LedgerEntryKind::kTaken, 0, -d.amount, d.request.value()});
        }
        ledger.limits = {NegativeLimitFrom{Date(2024, 1, 1), limit}};
        ledger.horizon = asked;
        return std::optional<ProjectedLedger>(std::move(ledger));
      });
}

// ---------------------------------------------------------------------------
// Duration

TEST_F(LeaveRequestTest, AWorkingWeekIsFiveDaysOrFortyHours) {
  EXPECT_EQ(Duration(Ask(May(6), May(10))), 5.0);            // Mon..Fri
  EXPECT_EQ(Duration(Ask(May(6), May(10)), Hours()), 40.0);  // 5 x 8 h
  EXPECT_EQ(Duration(Ask(May(4), May(12))), 5.0);            // Sat..Sun: the weekends add nothing
}

TEST_F(LeaveRequestTest, SandwichRuleOffAndOn) {
  // Fri 3 + Mon 6 May: off -> 1 + 0 + 0 + 1 = 2; on -> the weekend between counts: 4.
  EXPECT_EQ(Duration(Ask(May(3), May(6))), 2.0);
  EXPECT_EQ(Duration(Ask(May(3), May(6)), Sandwich()), 4.0);
  // Weekends at the edges are not between two leave days: Sat 4 .. Sun 12 is 5 either way.
  EXPECT_EQ(Duration(Ask(May(4), May(12)), Sandwich()), 5.0);
  // In hours the sandwiched days count a full day: 8 + 8 + 8 + 8 = 32.
  LeaveCountingRules hours = Sandwich();
  hours.unit = DurationUnit::kHours;
  EXPECT_EQ(Duration(Ask(May(3), May(6)), hours), 32.0);
}

TEST_F(LeaveRequestTest, SandwichDaysAreListedAsLeaveDays) {
  LeaveRequest r;
  r.id = LeaveRequestId(3);
  r.employee = kAda;
  r.first_day = May(3);
  r.last_day = May(6);
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> off, LeaveDaysOf(r, schedule_, calendar_));
  EXPECT_EQ(off, (std::vector<LeaveDay>{{May(3), 1.0, r.id}, {May(6), 1.0, r.id}}));
  r.counting.sandwich = true;
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> on, LeaveDaysOf(r, schedule_, calendar_));
  EXPECT_EQ(
      on, (std::vector<LeaveDay>{{May(3), 1.0, r.id}, {May(4), 1.0, r.id}, {May(5), 1.0, r.id}, {May(6), 1.0, r.id}}));
}

TEST_F(LeaveRequestTest, SandwichAcrossAHoliday) {
  // Thu 2024-03-28 .. Tue 04-02 around Easter (Good Friday 29, Easter Monday 1 April):
  // off: Thu 1 + Tue 1 = 2; on: Thu..Tue all 6 days.
  EXPECT_EQ(Duration(Ask(Date(2024, 3, 28), Date(2024, 4, 2))), 2.0);
  EXPECT_EQ(Duration(Ask(Date(2024, 3, 28), Date(2024, 4, 2)), Sandwich()), 6.0);
}

TEST_F(LeaveRequestTest, HalfDaysAtTheEdges) {
  // Mon 6 .. Wed 8: starting in the afternoon 0.5 + 1 + 1 = 2.5; ending at noon
  // 1 + 1 + 0.5 = 2.5; both 0.5 + 1 + 0.5 = 2.
  EXPECT_EQ(Duration(Ask(May(6), May(8), HalfDay::kAfternoon)), 2.5);
  EXPECT_EQ(Duration(Ask(May(6), May(8), HalfDay::kNone, HalfDay::kMorning)), 2.5);
  EXPECT_EQ(Duration(Ask(May(6), May(8), HalfDay::kAfternoon, HalfDay::kMorning)), 2.0);
  EXPECT_EQ(Duration(Ask(May(6), May(8), HalfDay::kAfternoon, HalfDay::kMorning), Hours()), 16.0);  // 4 + 8 + 4
  // One day, one half: 0.5 (given as first or last day half).
  EXPECT_EQ(Duration(Ask(May(6), May(6), HalfDay::kMorning)), 0.5);
  EXPECT_EQ(Duration(Ask(May(6), May(6), HalfDay::kNone, HalfDay::kAfternoon)), 0.5);
  EXPECT_EQ(Duration(Ask(May(6), May(6), HalfDay::kMorning, HalfDay::kMorning)), 0.5);
}

TEST_F(LeaveRequestTest, HalfDayHolidayAndHalfWorkingDay) {
  // Tue 2024-12-24 is a half-day holiday: a full-day request there costs 1 - 0.5 = 0.5.
  EXPECT_EQ(Duration(Ask(Date(2024, 12, 24), Date(2024, 12, 24))), 0.5);
  EXPECT_EQ(Duration(Ask(Date(2024, 12, 24), Date(2024, 12, 24)), Hours()), 4.0);
  // Asking for its morning: min(0.5 left, 0.5) = 0.5 (the holiday is the other half).
  EXPECT_EQ(Duration(Ask(Date(2024, 12, 24), Date(2024, 12, 24), HalfDay::kMorning)), 0.5);
  // A 4-hour Friday is worth 0.5; a half day on it min(0.5, 0.5) = 0.5, hours min(4, 4) = 4.
  schedule_.hours[5] = 4.0;
  EXPECT_EQ(Duration(Ask(May(10), May(10))), 0.5);
  EXPECT_EQ(Duration(Ask(May(10), May(10), HalfDay::kAfternoon)), 0.5);
  EXPECT_EQ(Duration(Ask(May(6), May(10))), 4.5);             // 4 x 1 + 0.5
  EXPECT_EQ(Duration(Ask(May(10), May(13)), Hours()), 12.0);  // Fri 4 h + Mon 8 h
}

TEST_F(LeaveRequestTest, HalfDayHolidayOnAHalfWorkingDayLeavesNothingToTake) {
  // 2026-12-24 is a Thursday; with 4-hour Thursdays the half-day holiday leaves 0.5 - 0.5 = 0.
  schedule_.hours[4] = 4.0;
  absl::StatusOr<LeaveRequest> r = Submit(Ask(Date(2026, 12, 24), Date(2026, 12, 24)));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("duration"));
}

TEST_F(LeaveRequestTest, AcrossTheYearEnd) {
  // Mon 2024-12-23 .. Fri 2025-01-03: 23 (1) + 24 (0.5) + 25, 26 (0) + 27 (1) + 30 (1)
  // + 31 (1) + 1 Jan (0) + 2 (1) + 3 (1) = 6.5; 4.5 of them in 2024, 2 in 2025.
  ASSERT_OK_AND_ASSIGN(LeaveRequest r, Submit(Ask(Date(2024, 12, 23), Date(2025, 1, 3))));
  EXPECT_EQ(r.duration, 6.5);
  ASSERT_OK_AND_ASSIGN(r, ApproveLeaveRequest(r, kToday));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> days, TakenDays(r, schedule_, calendar_));
  double in_2024 = 0.0;
  double in_2025 = 0.0;
  for (const LeaveDay& d : days) (d.date.year() == 2024 ? in_2024 : in_2025) += d.amount;
  EXPECT_EQ(in_2024, 4.5);
  EXPECT_EQ(in_2025, 2.0);
  EXPECT_EQ(days.size(), 7u);  // 23, 24, 27, 30, 31 December, 2 and 3 January
}

TEST_F(LeaveRequestTest, CalendarDayCounting) {
  LeaveCountingRules calendar_days;
  calendar_days.basis = DayCountBasis::kCalendarDays;
  EXPECT_EQ(Duration(Ask(May(3), May(6)), calendar_days), 4.0);  // Fri..Mon, 4 calendar days
  // Christmas Day counts too: 24..26 December = 3.
  EXPECT_EQ(Duration(Ask(Date(2024, 12, 24), Date(2024, 12, 26)), calendar_days), 3.0);
  EXPECT_EQ(Duration(Ask(May(4), May(4), HalfDay::kMorning), calendar_days), 0.5);  // half a Saturday
}

TEST_F(LeaveRequestTest, SundayToThursdayWeek) {
  schedule_.hours = {8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0};
  // Thu 9 .. Sun 12 May: Thu 1 + Fri 0 + Sat 0 + Sun 1 = 2; sandwich 4.
  EXPECT_EQ(Duration(Ask(May(9), May(12))), 2.0);
  EXPECT_EQ(Duration(Ask(May(9), May(12)), Sandwich()), 4.0);
  EXPECT_STATUS_CODE(Submit(Ask(May(10), May(11))), absl::StatusCode::kInvalidArgument);  // Fri + Sat: off
}

// ---------------------------------------------------------------------------
// Shape

TEST_F(LeaveRequestTest, RejectsBadShapes) {
  absl::StatusOr<LeaveRequest> r = Submit(Ask(May(8), May(6)));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("leave_request:50 (employee:7)"));
  EXPECT_THAT(Message(r), HasSubstr("last_day 2024-05-06 is before first_day 2024-05-08"));

  r = Submit(Ask(May(6), May(6), HalfDay::kMorning, HalfDay::kAfternoon));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("both halves"));
  EXPECT_STATUS_CODE(Submit(Ask(May(6), May(6), HalfDay::kAfternoon, HalfDay::kMorning)),
                     absl::StatusCode::kInvalidArgument);

  r = Submit(Ask(May(6), May(8), HalfDay::kMorning));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("first_day_half"));
  r = Submit(Ask(May(6), May(8), HalfDay::kNone, HalfDay::kAfternoon));
  EXPECT_THAT(Message(r), HasSubstr("last_day_half"));

  EXPECT_STATUS_CODE(Submit(Ask(Date(), May(6))), absl::StatusCode::kInvalidArgument);
  // 2024-01-01 .. 2027-01-01 is 1097 days: one more than the maximum.
  r = Submit(Ask(Date(2024, 1, 1), Date(2027, 1, 1)));
  EXPECT_THAT(Message(r), HasSubstr("1097 days"));
}

TEST_F(LeaveRequestTest, RejectsRequestsWithoutWorkingTime) {
  absl::StatusOr<LeaveRequest> r = Submit(Ask(May(4), May(5)));  // a weekend
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("duration"));
  // 25..26 December 2024: two holidays, nothing to take, with or without sandwich.
  EXPECT_STATUS_CODE(Submit(Ask(Date(2024, 12, 25), Date(2024, 12, 26))), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(Submit(Ask(Date(2024, 12, 25), Date(2024, 12, 26)), Sandwich()),
                     absl::StatusCode::kInvalidArgument);
  // Wed 25 .. Sun 29: only Friday 27 carries leave, so nothing is sandwiched: 1.
  EXPECT_EQ(Duration(Ask(Date(2024, 12, 25), Date(2024, 12, 29)), Sandwich()), 1.0);
}

TEST_F(LeaveRequestTest, ContextMustBeForTheRequestingEmployee) {
  LeaveRequestInput in = Ask(May(6), May(6));
  in.employee = kBob;
  absl::StatusOr<LeaveRequest> r = Submit(in);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(r), HasSubstr("employee"));
}

// ---------------------------------------------------------------------------
// Overlap

LeaveRequest Existing(std::int64_t id, Date first, Date last, LeaveRequestStatus status,
                      HalfDay first_half = HalfDay::kNone, HalfDay last_half = HalfDay::kNone,
                      EmployeeId employee = kAda) {
  LeaveRequest r;
  r.id = LeaveRequestId(id);
  r.employee = employee;
  r.leave_type = kVacation;
  r.first_day = first;
  r.last_day = last;
  r.first_day_half = first_half;
  r.last_day_half = last_half;
  r.status = status;
  r.submitted_on = Date(2024, 4, 1);
  return r;
}

TEST_F(LeaveRequestTest, OverlapWithSubmittedOrApprovedRequestsOfTheSameEmployee) {
  const std::vector<LeaveRequest> existing = {Existing(1, May(6), May(8), LeaveRequestStatus::kApproved)};
  absl::StatusOr<LeaveRequest> r = Submit(Ask(May(8), May(10)), {}, existing);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("overlaps approved leave_request:1"));
  EXPECT_OK(Submit(Ask(May(9), May(10)), {}, existing));  // the next day is free
  // A different leave type still overlaps: one person, one absence at a time.
  EXPECT_STATUS_CODE(Submit(Ask(May(7), May(7), HalfDay::kNone, HalfDay::kNone, kSick), {}, existing),
                     absl::StatusCode::kFailedPrecondition);
  const std::vector<LeaveRequest> pending = {Existing(2, May(6), May(6), LeaveRequestStatus::kSubmitted)};
  EXPECT_STATUS_CODE(Submit(Ask(May(6), May(6)), {}, pending), absl::StatusCode::kFailedPrecondition);
}

TEST_F(LeaveRequestTest, RejectedCancelledAndOtherPeoplesRequestsDoNotCompete) {
  const std::vector<LeaveRequest> existing = {
      Existing(1, May(6), May(8), LeaveRequestStatus::kRejected),
      Existing(2, May(6), May(8), LeaveRequestStatus::kCancelled),
      Existing(3, May(6), May(8), LeaveRequestStatus::kApproved, HalfDay::kNone, HalfDay::kNone, kBob)};
  EXPECT_OK(Submit(Ask(May(6), May(8)), {}, existing));
  // Resubmitting under the id of an existing request does not overlap itself.
  const std::vector<LeaveRequest> self = {Existing(50, May(6), May(8), LeaveRequestStatus::kSubmitted)};
  EXPECT_OK(Submit(Ask(May(6), May(8)), {}, self, LeaveRequestId(50)));
}

TEST_F(LeaveRequestTest, MorningAndAfternoonOfOneDateDoNotOverlap) {
  const std::vector<LeaveRequest> morning = {
      Existing(1, May(6), May(6), LeaveRequestStatus::kApproved, HalfDay::kMorning)};
  EXPECT_OK(Submit(Ask(May(6), May(6), HalfDay::kAfternoon), {}, morning));
  EXPECT_STATUS_CODE(Submit(Ask(May(6), May(6), HalfDay::kMorning), {}, morning),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(Submit(Ask(May(6), May(6)), {}, morning), absl::StatusCode::kFailedPrecondition);
  // A multi-day request starting in the afternoon of 6 May fits after the morning.
  EXPECT_OK(Submit(Ask(May(6), May(8), HalfDay::kAfternoon), {}, morning));
  // A request ending at noon on Wed 8 and another starting that afternoon.
  const std::vector<LeaveRequest> until_noon = {
      Existing(2, May(6), May(8), LeaveRequestStatus::kSubmitted, HalfDay::kNone, HalfDay::kMorning)};
  EXPECT_OK(Submit(Ask(May(8), May(10), HalfDay::kAfternoon), {}, until_noon));
  EXPECT_STATUS_CODE(Submit(Ask(May(8), May(10)), {}, until_noon), absl::StatusCode::kFailedPrecondition);
}

TEST(RequestsOverlap, IsSymmetricAndChecksHalves) {
  const LeaveRequest a = Existing(1, May(6), May(8), LeaveRequestStatus::kSubmitted, HalfDay::kNone, HalfDay::kMorning);
  const LeaveRequest b = Existing(2, May(8), May(9), LeaveRequestStatus::kSubmitted, HalfDay::kAfternoon);
  const LeaveRequest c = Existing(3, May(9), May(9), LeaveRequestStatus::kSubmitted);
  EXPECT_FALSE(RequestsOverlap(a, b));
  EXPECT_FALSE(RequestsOverlap(b, a));
  EXPECT_TRUE(RequestsOverlap(b, c));
  EXPECT_FALSE(RequestsOverlap(a, c));
}

// ---------------------------------------------------------------------------
// Employment

TEST_F(LeaveRequestTest, OutsideEmploymentIsRejected) {
  // Hired 2024-01-01: Fri 2023-12-29 .. Tue 2024-01-02 starts before the hire.
  absl::StatusOr<LeaveRequest> r = Submit(Ask(Date(2023, 12, 29), Date(2024, 1, 2)));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("employee:7 is not employed on 2023-12-29 (before the hire)"));

  // Last day Sunday 2024-06-30: a request into July reaches past it.
  ada_ = Worker(kAda, Date(2024, 6, 30));
  r = Submit(Ask(Date(2024, 6, 28), Date(2024, 7, 2)));
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("not employed on 2024-07-01 (employment has ended)"));
  EXPECT_OK(Submit(Ask(Date(2024, 6, 28), Date(2024, 6, 30))));  // up to the last day is fine
}

TEST_F(LeaveRequestTest, OnLeaveOfAbsenceCountsAsEmployed) {
  ASSERT_OK(ada_.employment.Add(May(1), Record(EmploymentStatus::kOnLeave, kHired), kHired));
  EXPECT_OK(Submit(Ask(May(6), May(6))));
}

// ---------------------------------------------------------------------------
// Policy and balance (through LeaveEntitlements)

TEST_F(LeaveRequestTest, NoApplicablePolicyIsRejected) {
  // The policy ends with 2024: the year-end request (see AcrossTheYearEnd) reaches 2025-01-02.
  FunctionLeaveEntitlements policy_2024(
      [](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<bool> { return d.year() == 2024; }, nullptr);
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, policy_2024};
  absl::StatusOr<LeaveRequest> r =
      SubmitLeaveRequest(LeaveRequestId(4), Ask(Date(2024, 12, 23), Date(2025, 1, 3)), context, {}, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("no leave policy for leave_type:1 applies to employee:7 on 2025-01-02"));
  EXPECT_OK(SubmitLeaveRequest(LeaveRequestId(4), Ask(Date(2024, 12, 23), Date(2024, 12, 31)), context, {}, kToday));
}

TEST_F(LeaveRequestTest, EntitlementErrorsArePassedOn) {
  FunctionLeaveEntitlements broken(
      [](EmployeeId, LeaveTypeId, Date) -> absl::StatusOr<bool> { return absl::UnavailableError("policy store"); },
      nullptr);
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, broken};
  EXPECT_STATUS_CODE(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(6)), context, {}, kToday),
                     absl::StatusCode::kUnavailable);
}

TEST_F(LeaveRequestTest, NegativeBalanceLimitAtAndBeyond) {
  // 3 days available, may go down to -2: a request may cost at most 3 + 2 = 5.
  const double available = 3.0;
  Date through;
  const FunctionLeaveEntitlements balance = FixedBalance(&available, 2.0, LeaveTypeId(), &through);
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, balance};
  // Mon 6 .. Fri 10 = 5 days: 3 - 5 = -2 on Fri 10, exactly the limit.
  EXPECT_OK(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(10)), context, {}, kToday));
  EXPECT_EQ(through, Date(2026, 12, 31));  // the end of the second year after the last day charged
  // Mon 6 .. Mon 13 morning = 5.5 days: 3 - 5.5 = -2.5 on Mon 13, beyond the limit.
  absl::StatusOr<LeaveRequest> r = SubmitLeaveRequest(
      LeaveRequestId(4), Ask(May(6), May(13), HalfDay::kNone, HalfDay::kMorning), context, {}, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(
      Message(r),
      HasSubstr("duration: 5.5 would leave a balance of -2.5 on 2024-05-13, below the allowed -2 for leave_type:1"));
  // A pending request of 1 day of the same type (Mon 20 May) is charged as
  // if approved: 3 - 5 - 1 = -3 < -2 on May 20. One of another type is not.
  LeaveRequest pending = Existing(1, May(20), May(20), LeaveRequestStatus::kSubmitted);
  pending.duration = 1.0;
  std::vector<LeaveRequest> existing = {pending};
  r = SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(10)), context, existing, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("would leave a balance of -3 on 2024-05-20, below the allowed -2 for leave_type:1 "
                                    "(with 1 other submitted request(s) of the type counted as taken)"));
  existing[0].leave_type = kSick;
  EXPECT_OK(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(10)), context, existing, kToday));
}

TEST_F(LeaveRequestTest, NoNegativeBalanceAndUntrackedTypes) {
  const double available = 1.0;
  const FunctionLeaveEntitlements balance = FixedBalance(&available, 0.0, kSick);
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, balance};
  EXPECT_OK(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(6)), context, {}, kToday));  // 1 - 1 = 0
  EXPECT_STATUS_CODE(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(7)), context, {}, kToday),
                     absl::StatusCode::kFailedPrecondition);  // 1 - 2 = -1 < 0 on May 7
  EXPECT_OK(SubmitLeaveRequest(LeaveRequestId(4), Ask(May(6), May(17), HalfDay::kNone, HalfDay::kNone, kSick), context,
                               {}, kToday));
}

// ---------------------------------------------------------------------------
// State transitions

TEST_F(LeaveRequestTest, StateTransitions) {
  ASSERT_OK_AND_ASSIGN(const LeaveRequest submitted, Submit(Ask(May(6), May(7))));
  EXPECT_EQ(submitted.status, LeaveRequestStatus::kSubmitted);
  EXPECT_EQ(submitted.submitted_on, kToday);
  EXPECT_TRUE(submitted.decided_on.is_not_a_date());

  ASSERT_OK_AND_ASSIGN(const LeaveRequest approved, ApproveLeaveRequest(submitted, Date(2024, 4, 16), "enjoy"));
  EXPECT_EQ(approved.status, LeaveRequestStatus::kApproved);
  EXPECT_EQ(approved.decided_on, Date(2024, 4, 16));
  EXPECT_EQ(approved.decision_comment, "enjoy");
  EXPECT_STATUS_CODE(ApproveLeaveRequest(approved, Date(2024, 4, 17)), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(RejectLeaveRequest(approved, Date(2024, 4, 17)), absl::StatusCode::kFailedPrecondition);

  ASSERT_OK_AND_ASSIGN(const LeaveRequest cancelled, CancelLeaveRequest(approved, Date(2024, 4, 20)));
  EXPECT_EQ(cancelled.status, LeaveRequestStatus::kCancelled);
  EXPECT_EQ(cancelled.cancelled_on, Date(2024, 4, 20));
  EXPECT_EQ(cancelled.decided_on, Date(2024, 4, 16));  // the approval date is kept
  absl::StatusOr<LeaveRequest> again = ApproveLeaveRequest(cancelled, Date(2024, 4, 21));
  EXPECT_STATUS_CODE(again, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(again),
              HasSubstr("leave_request:50 (employee:7): status: cannot approve a request that is cancelled"));
  EXPECT_STATUS_CODE(CancelLeaveRequest(cancelled, Date(2024, 4, 21)), absl::StatusCode::kFailedPrecondition);

  ASSERT_OK_AND_ASSIGN(const LeaveRequest rejected, RejectLeaveRequest(submitted, kToday, "team offsite"));
  EXPECT_EQ(rejected.status, LeaveRequestStatus::kRejected);
  EXPECT_STATUS_CODE(CancelLeaveRequest(rejected, kToday), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(ApproveLeaveRequest(rejected, kToday), absl::StatusCode::kFailedPrecondition);
  // A submitted request may be withdrawn.
  EXPECT_OK(CancelLeaveRequest(submitted, kToday));
  // A decision before the submission is bad input.
  EXPECT_STATUS_CODE(ApproveLeaveRequest(submitted, Date(2024, 4, 14)), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ApproveLeaveRequest(submitted, Date()), absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
// Approval with checks: the facts may have changed since submission

TEST_F(LeaveRequestTest, CheckedApprovalDrawsOnTheBalanceInApprovalOrder) {
  // 5 days available, no negative balance. A (Mon 6..Wed 8, 3 days) and
  // B (Mon 13..Tue 14, 2 days) fit together on submission: 5 - 3 - 2 = 0.
  double available = 5.0;
  const FunctionLeaveEntitlements balance = FixedBalance(&available, 0.0);
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, balance};
  LeaveRequestBook book;
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId a, book.Submit(Ask(May(6), May(8)), context, kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId b, book.Submit(Ask(May(13), May(14)), context, kToday));
  // Approving A charges A only: 5 - 3 = 2 >= 0; the pending B does not hold
  // A back.
  ASSERT_OK(book.Approve(a, context, kToday, "ok"));
  EXPECT_EQ(book.Find(a)->status, LeaveRequestStatus::kApproved);
  EXPECT_EQ(book.Find(a)->decision_comment, "ok");
  // An adjustment takes half a day away: approving B charges A and B,
  // 4.5 - 3 - 2 = -0.5 < 0 on Tue 14: refused, B stays pending.
  available = 5.0 - 0.5;
  const absl::Status refused = book.Approve(b, context, kToday);
  EXPECT_STATUS_CODE(refused, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.message(), HasSubstr("leave_request:2 (employee:7): duration: 2 would leave a balance of -0.5 "
                                           "on 2024-05-14, below the allowed 0 for leave_type:1"));
  EXPECT_EQ(book.Find(b)->status, LeaveRequestStatus::kSubmitted);
  // Without the adjustment B fits exactly: 5 - 3 - 2 = 0.
  available = 5.0;
  ASSERT_OK(book.Approve(b, context, kToday));
  EXPECT_EQ(book.Find(b)->status, LeaveRequestStatus::kApproved);
}

TEST_F(LeaveRequestTest, CheckedApprovalRefusesWhatNoLongerHolds) {
  ASSERT_OK_AND_ASSIGN(const LeaveRequest submitted, Submit(Ask(Date(2024, 6, 27), Date(2024, 7, 2))));
  // A termination with last day Sunday 2024-06-30 was entered after the submission.
  ada_ = Worker(kAda, Date(2024, 6, 30));
  absl::StatusOr<LeaveRequest> r = ApproveLeaveRequestChecked(submitted, Context(), {}, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("not employed on 2024-07-01 (employment has ended)"));

  // The policy was withdrawn from July on.
  ada_ = Worker(kAda);
  FunctionLeaveEntitlements until_june(
      [](EmployeeId, LeaveTypeId, Date d) -> absl::StatusOr<bool> { return d.month() <= 6; }, nullptr);
  const LeaveRequestContext withdrawn{ada_, schedule_, calendar_, {}, until_june};
  r = ApproveLeaveRequestChecked(submitted, withdrawn, {}, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("no leave policy for leave_type:1 applies to employee:7 on 2024-07-01"));

  // An overlapping approved request loaded from storage.
  const std::vector<LeaveRequest> existing = {
      Existing(9, Date(2024, 7, 2), Date(2024, 7, 2), LeaveRequestStatus::kApproved)};
  r = ApproveLeaveRequestChecked(submitted, Context(), existing, kToday);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(r), HasSubstr("overlaps approved leave_request:9"));

  // Wrong employee, not pending, a bad date: as for the unchecked approval.
  const Employee bob = Worker(kBob);
  const LeaveRequestContext bobs{bob, schedule_, calendar_, {}, no_checks_};
  EXPECT_STATUS_CODE(ApproveLeaveRequestChecked(submitted, bobs, {}, kToday), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(const LeaveRequest approved, ApproveLeaveRequestChecked(submitted, Context(), {}, kToday));
  EXPECT_EQ(approved.status, LeaveRequestStatus::kApproved);
  EXPECT_EQ(approved.duration, submitted.duration);  // 4 days: Thu 27, Fri 28, Mon 1, Tue 2
  EXPECT_EQ(approved.duration, 4.0);
  EXPECT_STATUS_CODE(ApproveLeaveRequestChecked(approved, Context(), {}, kToday),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(ApproveLeaveRequestChecked(submitted, Context(), {}, Date(2024, 4, 1)),
                     absl::StatusCode::kInvalidArgument);
  LeaveRequestBook book;
  EXPECT_STATUS_CODE(book.Approve(LeaveRequestId(99), Context(), kToday), absl::StatusCode::kNotFound);
}

TEST_F(LeaveRequestTest, CheckedApprovalRecountsTheDurationUnderTodaysCalendar) {
  // Submitted: Mon 6 .. Fri 10 May = 5 days. Then the company declares Wed 8
  // May a holiday: the request now costs 1 + 1 + 0 + 1 + 1 = 4 days.
  double available = 4.0;
  const FunctionLeaveEntitlements balance = FixedBalance(&available, 0.0);
  ASSERT_OK_AND_ASSIGN(const LeaveRequest week, Submit(Ask(May(6), May(10))));
  ASSERT_OK_AND_ASSIGN(const LeaveRequest wednesday, Submit(Ask(May(8), May(8)), {}, {}, LeaveRequestId(51)));
  EXPECT_EQ(week.duration, 5.0);
  calendar_.rules.push_back(OneOffHoliday("Company day", May(8)));
  const LeaveRequestContext context{ada_, schedule_, calendar_, {}, balance};
  // 4 available - 4 recounted = 0, allowed; the submitted 5 would have been refused (-1).
  ASSERT_OK_AND_ASSIGN(const LeaveRequest approved, ApproveLeaveRequestChecked(week, context, {}, kToday));
  EXPECT_EQ(approved.duration, 4.0);
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> taken, TakenDays(approved, schedule_, calendar_));
  EXPECT_EQ(taken.size(), 4u);  // what the ledger is charged agrees with the duration
  available = 3.5;              // 3.5 - 4 = -0.5: refused, naming the recounted duration
  const absl::StatusOr<LeaveRequest> short_balance = ApproveLeaveRequestChecked(week, context, {}, kToday);
  EXPECT_STATUS_CODE(short_balance, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(short_balance), HasSubstr("duration: 4 would leave a balance of -0.5 on 2024-05-10"));

  // The one-day request on Wed 8 May now takes nothing: refused, not approved at 0.
  available = 10.0;
  const absl::StatusOr<LeaveRequest> nothing = ApproveLeaveRequestChecked(wednesday, context, {}, kToday);
  EXPECT_STATUS_CODE(nothing, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(nothing), HasSubstr("leave_request:51 (employee:7): duration: 2024-05-08..2024-05-08 no "
                                          "longer has working time to take (only days off and holidays); it was 1 "
                                          "on submission"));

  // The counting rules stay those stored on the request: Fri 3 .. Mon 6
  // submitted with the sandwich rule is 4 days even if today's policy drops it.
  ASSERT_OK_AND_ASSIGN(const LeaveRequest sandwich, Submit(Ask(May(3), May(6)), Sandwich(), {}, LeaveRequestId(52)));
  const LeaveRequestContext no_sandwich{ada_, schedule_, calendar_, {}, no_checks_};
  ASSERT_OK_AND_ASSIGN(const LeaveRequest kept, ApproveLeaveRequestChecked(sandwich, no_sandwich, {}, kToday));
  EXPECT_EQ(kept.duration, 4.0);
}

TEST_F(LeaveRequestTest, TakenDaysOnlyForApprovedRequests) {
  ASSERT_OK_AND_ASSIGN(const LeaveRequest submitted, Submit(Ask(May(3), May(6)), Sandwich()));
  EXPECT_STATUS_CODE(TakenDays(submitted, schedule_, calendar_), absl::StatusCode::kFailedPrecondition);
  ASSERT_OK_AND_ASSIGN(const LeaveRequest approved, ApproveLeaveRequest(submitted, kToday));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> taken, TakenDays(approved, schedule_, calendar_));
  ASSERT_EQ(taken.size(), 4u);  // sandwich: Fri, Sat, Sun, Mon
  EXPECT_EQ(taken[1], (LeaveDay{May(4), 1.0, LeaveRequestId(50)}));
  ASSERT_OK_AND_ASSIGN(const LeaveRequest cancelled, CancelLeaveRequest(approved, kToday));
  EXPECT_STATUS_CODE(TakenDays(cancelled, schedule_, calendar_), absl::StatusCode::kFailedPrecondition);
}

TEST_F(LeaveRequestTest, TakenDaysOfCollectsTheApprovedRequestsOfOneEmployeeAndType) {
  LeaveRequestBook book;
  // Submitted in reverse date order, so the result's order is the sort's.
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId late, book.Submit(Ask(May(13), May(14)), Context(), kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId early,
                       book.Submit(Ask(May(6), May(7), HalfDay::kNone, HalfDay::kMorning), Context(), kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId cancelled, book.Submit(Ask(May(8), May(8)), Context(), kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId pending, book.Submit(Ask(May(9), May(9)), Context(), kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId sick,
                       book.Submit(Ask(May(10), May(10), HalfDay::kNone, HalfDay::kNone, kSick), Context(), kToday));
  for (const LeaveRequestId id : {late, early, cancelled, sick}) ASSERT_OK(book.ApproveUnchecked(id, kToday));
  ASSERT_OK(book.Cancel(cancelled, kToday));

  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> vacation,
                       TakenDaysOf(book.requests(), kAda, kVacation, schedule_, calendar_));
  // May 6 (Mon) 1, May 7 morning 0.5, May 13-14 1 each; not the cancelled
  // May 8, the pending May 9 or the sick May 10.
  ASSERT_EQ(vacation.size(), 4u);
  EXPECT_EQ(vacation[0], (LeaveDay{May(6), 1.0, early}));
  EXPECT_EQ(vacation[1], (LeaveDay{May(7), 0.5, early}));
  EXPECT_EQ(vacation[2], (LeaveDay{May(13), 1.0, late}));
  EXPECT_EQ(vacation[3], (LeaveDay{May(14), 1.0, late}));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> sick_days,
                       TakenDaysOf(book.requests(), kAda, kSick, schedule_, calendar_));
  EXPECT_EQ(sick_days, (std::vector<LeaveDay>{{May(10), 1.0, sick}}));
  ASSERT_OK_AND_ASSIGN(const std::vector<LeaveDay> none,
                       TakenDaysOf(book.requests(), kBob, kVacation, schedule_, calendar_));
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(book.Find(pending)->status, LeaveRequestStatus::kSubmitted);  // counted nowhere
}

// ---------------------------------------------------------------------------
// LeaveRequestBook

TEST_F(LeaveRequestTest, BookAssignsIdsAndAppliesTheWorkflow) {
  LeaveRequestBook book;
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId first, book.Submit(Ask(May(6), May(7)), Context(), kToday));
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId second, book.Submit(Ask(May(9), May(10)), Context(), kToday));
  EXPECT_EQ(first, LeaveRequestId(1));
  EXPECT_EQ(second, LeaveRequestId(2));
  // Overlapping the first: rejected, and nothing is stored.
  EXPECT_STATUS_CODE(book.Submit(Ask(May(7), May(8)), Context(), kToday), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(book.requests().size(), 2u);

  ASSERT_OK(book.ApproveUnchecked(first, kToday));
  EXPECT_EQ(book.Find(first)->status, LeaveRequestStatus::kApproved);
  ASSERT_OK(book.Cancel(first, kToday, "plans changed"));
  EXPECT_STATUS_CODE(book.ApproveUnchecked(first, kToday), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(book.Find(first)->status, LeaveRequestStatus::kCancelled);  // unchanged by the failure
  // The cancelled request frees its days.
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId third, book.Submit(Ask(May(7), May(8)), Context(), kToday));
  EXPECT_EQ(third, LeaveRequestId(3));
  ASSERT_OK(book.Reject(second, kToday));
  EXPECT_STATUS_CODE(book.ApproveUnchecked(LeaveRequestId(99), kToday), absl::StatusCode::kNotFound);
  EXPECT_EQ(book.Find(LeaveRequestId(99)), nullptr);
  EXPECT_EQ(book.OfEmployee(kAda).size(), 3u);
  EXPECT_TRUE(book.OfEmployee(kBob).empty());
}

TEST_F(LeaveRequestTest, BookFromStoredRequests) {
  ASSERT_OK_AND_ASSIGN(LeaveRequestBook book,
                       LeaveRequestBook::FromRequests({Existing(7, May(6), May(8), LeaveRequestStatus::kApproved),
                                                       Existing(3, May(13), May(13), LeaveRequestStatus::kSubmitted)}));
  EXPECT_STATUS_CODE(book.Submit(Ask(May(8), May(8)), Context(), kToday), absl::StatusCode::kFailedPrecondition);
  ASSERT_OK_AND_ASSIGN(const LeaveRequestId next, book.Submit(Ask(May(9), May(9)), Context(), kToday));
  EXPECT_EQ(next, LeaveRequestId(8));  // after the largest stored id
  const std::vector<LeaveRequest> mine = book.OfEmployee(kAda);
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[0].id, LeaveRequestId(3));  // id order

  EXPECT_STATUS_CODE(LeaveRequestBook::FromRequests({Existing(1, May(6), May(6), LeaveRequestStatus::kApproved),
                                                     Existing(1, May(7), May(7), LeaveRequestStatus::kApproved)}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(LeaveRequestBook::FromRequests({Existing(0, May(6), May(6), LeaveRequestStatus::kApproved)}),
                     absl::StatusCode::kInvalidArgument);
}

TEST(LeaveRequestDescribe, IdFirstAndAllScalar) {
  const std::vector<FieldInfo> fields = ListFields(LeaveRequest{});
  ASSERT_EQ(fields.size(), 17u);
  EXPECT_EQ(fields[0].name, "id");
  for (const FieldInfo& f : fields) EXPECT_EQ(f.shape, FieldShape::kScalar) << f.name;
  EXPECT_EQ(LeaveRequest::kEntityName, "leave_request");
  EXPECT_EQ(LeaveRequestStatusName(LeaveRequestStatus::kCancelled), "cancelled");
}

}  // namespace
}  // namespace hrkit
