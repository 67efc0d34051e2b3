// Conflict cases: every validation error, the field description, every
// allowed and refused step of the workflow, and that a refused operation
// changes nothing.
#include "hrkit/relations/conflict_case.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/relations/conflict_case_book.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;
using hrkit_test::Message;
using testing::HasSubstr;

constexpr EmployeeId kAnna(1);  // a party
constexpr EmployeeId kBen(2);   // the other party
constexpr EmployeeId kHr(10);   // the case handler
constexpr EmployeeId kHr2(11);  // a second handler, named later
const Date kOpened(2025, 6, 2);

constexpr CaseStatus kAllStatuses[] = {CaseStatus::kOpen, CaseStatus::kMediation, CaseStatus::kResolved,
                                       CaseStatus::kClosed};

ConflictCase NewCase(std::int64_t id = 5) {
  ConflictCase c;
  c.id = ConflictCaseId(id);
  c.parties = {kAnna, kBen};
  c.opened_on = kOpened;
  c.category = CaseCategory::kInterpersonal;
  c.handlers = {kHr};
  c.notes = {{.written_on = kOpened, .author = kHr, .text = "Intake interview with both"}};
  return c;
}

// NewCase moved along open -> mediation -> resolved, one day per step.
ConflictCase ResolvedCase() {
  ConflictCase c = NewCase();
  c.transitions = {{kOpened + days(1), CaseStatus::kOpen, CaseStatus::kMediation, kHr},
                   {kOpened + days(2), CaseStatus::kMediation, CaseStatus::kResolved, kHr}};
  c.status = CaseStatus::kResolved;
  return c;
}

void ExpectInvalid(const ConflictCase& c, const std::string& field, const std::string& what = "") {
  const absl::Status s = ValidateConflictCase(c);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr(ToString(c.id) + ": " + field + ":"));
  EXPECT_THAT(Message(s), HasSubstr(what));
}

TEST(ValidateConflictCase, AcceptsTwoPartiesOrOneAgainstTheOrganization) {
  EXPECT_OK(ValidateConflictCase(NewCase()));
  EXPECT_OK(ValidateStoredEntity(ResolvedCase()));
  ConflictCase grievance = NewCase();
  grievance.parties = {kAnna};
  grievance.against_organization = true;
  grievance.category = CaseCategory::kGrievance;
  EXPECT_OK(ValidateConflictCase(grievance));
  // Several employees may raise a grievance together.
  grievance.parties = {kAnna, kBen};
  EXPECT_OK(ValidateConflictCase(grievance));
}

TEST(ValidateConflictCase, RefusesBadPartiesAndHandlers) {
  ConflictCase c = NewCase();
  c.id = ConflictCaseId();
  ExpectInvalid(c, "id");

  c = NewCase();
  c.parties = {kAnna};
  ExpectInvalid(c, "parties", "at least two parties");
  c.parties = {};
  c.against_organization = true;
  ExpectInvalid(c, "parties", "at least one employee party");

  c = NewCase();
  c.parties = {kAnna, EmployeeId()};
  ExpectInvalid(c, "parties[1]", "valid id");
  c.parties = {kAnna, kBen, kAnna};
  ExpectInvalid(c, "parties[2]", "employee:1 is listed twice");

  c = NewCase();
  c.handlers = {};
  ExpectInvalid(c, "handlers", "at least one handler");
  c.handlers = {kHr, EmployeeId()};
  ExpectInvalid(c, "handlers[1]", "valid id");
  c.handlers = {kHr, kHr};
  ExpectInvalid(c, "handlers[1]", "listed twice");
  c.handlers = {kHr, kBen};
  ExpectInvalid(c, "handlers[1]", "employee:2 is a party and may not handle the case");
}

TEST(ValidateConflictCase, RefusesBadDatesCategoryAndNotes) {
  ConflictCase c = NewCase();
  c.opened_on = Date();
  ExpectInvalid(c, "opened_on");

  c = NewCase();
  c.category = static_cast<CaseCategory>(17);
  ExpectInvalid(c, "category", "unknown category 17");

  c = NewCase();
  c.notes[0].written_on = Date();
  ExpectInvalid(c, "notes[0]", "real date");
  c.notes[0].written_on = kOpened - days(1);
  ExpectInvalid(c, "notes[0]", "before the case was opened on 2025-06-02");
  c = NewCase();
  c.notes[0].author = kAnna;  // a party writing in the case file
  ExpectInvalid(c, "notes[0]", "author employee:1 is not a handler");
  c = NewCase();
  c.notes[0].text = "";
  ExpectInvalid(c, "notes[0]", "text must not be empty");
}

TEST(ValidateConflictCase, RefusesABrokenTrail) {
  ConflictCase c = ResolvedCase();
  c.transitions[1].on = Date();
  ExpectInvalid(c, "transitions[1]", "real date");
  c = ResolvedCase();
  c.transitions[0].on = kOpened - days(1);
  ExpectInvalid(c, "transitions[0]", "before 2025-06-02 (the case was opened)");
  c = ResolvedCase();
  c.transitions[1].on = kOpened;  // before the first transition, on the 3rd
  ExpectInvalid(c, "transitions[1]", "before 2025-06-03 (the previous transition)");
  c = ResolvedCase();
  c.transitions[1].from = CaseStatus::kOpen;
  ExpectInvalid(c, "transitions[1]", "starts from open but the case is mediation");
  c = ResolvedCase();
  c.transitions[0].to = CaseStatus::kResolved;  // open -> resolved skips mediation
  c.transitions[1].from = CaseStatus::kResolved;
  ExpectInvalid(c, "transitions[0]", "does not go from open to resolved");
  c = ResolvedCase();
  c.transitions[0].by = kAnna;
  ExpectInvalid(c, "transitions[0]", "employee:1 is not a handler");
  c = ResolvedCase();
  c.status = CaseStatus::kClosed;
  ExpectInvalid(c, "status", "is closed but the transitions end in resolved");
  c = NewCase();
  c.status = CaseStatus::kMediation;
  ExpectInvalid(c, "status", "the transitions end in open");
}

TEST(ConflictCaseDescription, EverythingButTheIdIsAConfidentialCase) {
  const std::vector<FieldInfo> fields = ListFields(ConflictCase{});
  ASSERT_EQ(fields.size(), 9u);
  EXPECT_EQ(fields[0], (FieldInfo{"id", Sensitivity::kDirectory, FieldShape::kScalar, 2}));
  for (std::size_t k = 1; k < fields.size(); ++k) {
    EXPECT_EQ(fields[k].sensitivity, Sensitivity::kConfidentialCase) << fields[k].name;
  }
  for (const FieldInfo& f : ListFields(CaseNote{})) EXPECT_EQ(f.sensitivity, Sensitivity::kConfidentialCase);
  for (const FieldInfo& f : ListFields(CaseTransition{})) EXPECT_EQ(f.sensitivity, Sensitivity::kConfidentialCase);
}

TEST(IsAllowedTransition, ExactlyTheFiveStepsOfTheWorkflow) {
  int allowed = 0;
  for (const CaseStatus from : kAllStatuses) {
    for (const CaseStatus to : kAllStatuses) allowed += IsAllowedTransition(from, to) ? 1 : 0;
  }
  EXPECT_EQ(allowed, 5);
  EXPECT_TRUE(IsAllowedTransition(CaseStatus::kOpen, CaseStatus::kMediation));
  EXPECT_TRUE(IsAllowedTransition(CaseStatus::kOpen, CaseStatus::kClosed));
  EXPECT_TRUE(IsAllowedTransition(CaseStatus::kMediation, CaseStatus::kResolved));
  EXPECT_TRUE(IsAllowedTransition(CaseStatus::kMediation, CaseStatus::kClosed));
  EXPECT_TRUE(IsAllowedTransition(CaseStatus::kResolved, CaseStatus::kClosed));
  EXPECT_FALSE(IsAllowedTransition(CaseStatus::kOpen, static_cast<CaseStatus>(9)));
}

TEST(ConflictCaseBook, OpensOnlyNewOpenCases) {
  ConflictCaseBook book;
  ConflictCase resolved = ResolvedCase();
  const absl::Status started = book.Open(resolved);
  EXPECT_STATUS_CODE(started, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(started), HasSubstr("conflict_case:5: status"));
  ConflictCase invalid = NewCase();
  invalid.handlers = {kAnna};
  EXPECT_STATUS_CODE(book.Open(invalid), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(book.cases().empty());
  ASSERT_OK(book.Open(NewCase()));
  EXPECT_STATUS_CODE(book.Open(NewCase()), absl::StatusCode::kAlreadyExists);
  ASSERT_EQ(book.cases().size(), 1u);
  EXPECT_THAT(book.Find(ConflictCaseId(5)), hrkit_test::IsOkAndHolds(NewCase()));
  EXPECT_STATUS_CODE(book.Find(ConflictCaseId(6)), absl::StatusCode::kNotFound);
}

// A book holding NewCase() moved to `status` along allowed steps, one day each.
ConflictCaseBook BookAt(CaseStatus status) {
  ConflictCaseBook book;
  EXPECT_OK(book.Open(NewCase()));
  std::vector<CaseStatus> path;
  if (status == CaseStatus::kMediation) path = {CaseStatus::kMediation};
  if (status == CaseStatus::kResolved) path = {CaseStatus::kMediation, CaseStatus::kResolved};
  if (status == CaseStatus::kClosed) path = {CaseStatus::kClosed};
  Date on = kOpened;
  for (const CaseStatus to : path) EXPECT_OK(book.Transition(ConflictCaseId(5), to, on += days(1), kHr));
  return book;
}

TEST(ConflictCaseBook, EveryAllowedPathIsTakenAndTrailed) {
  struct Path {
    std::vector<CaseStatus> steps;
  };
  const std::vector<Path> paths = {
      {{CaseStatus::kMediation, CaseStatus::kResolved, CaseStatus::kClosed}},
      {{CaseStatus::kMediation, CaseStatus::kClosed}},
      {{CaseStatus::kClosed}},
  };
  for (const Path& p : paths) {
    ConflictCaseBook book;
    ASSERT_OK(book.Open(NewCase()));
    CaseStatus from = CaseStatus::kOpen;
    std::vector<CaseTransition> expected;
    // Same-day steps are allowed: all on 2025-06-10.
    for (const CaseStatus to : p.steps) {
      ASSERT_OK(book.Transition(ConflictCaseId(5), to, Date(2025, 6, 10), kHr));
      expected.push_back({Date(2025, 6, 10), from, to, kHr});
      from = to;
    }
    EXPECT_EQ(book.cases()[0].status, CaseStatus::kClosed);
    EXPECT_EQ(book.cases()[0].transitions, expected);
  }
}

TEST(ConflictCaseBook, EveryRefusedStepIsRefusedAndChangesNothing) {
  for (const CaseStatus from : kAllStatuses) {
    for (const CaseStatus to : kAllStatuses) {
      if (IsAllowedTransition(from, to)) continue;
      SCOPED_TRACE(std::string(EnumToName(from)) + " -> " + std::string(EnumToName(to)));
      ConflictCaseBook book = BookAt(from);
      const ConflictCase before = book.cases()[0];
      ASSERT_EQ(before.status, from);
      const absl::Status s = book.Transition(ConflictCaseId(5), to, Date(2025, 7, 1), kHr);
      EXPECT_STATUS_CODE(s, absl::StatusCode::kFailedPrecondition);
      EXPECT_THAT(Message(s), HasSubstr(std::string("does not go from ") + std::string(EnumToName(from))));
      EXPECT_EQ(book.cases()[0], before);
    }
  }
}

TEST(ConflictCaseBook, TransitionsNeedAHandlerAndDatesInOrder) {
  ConflictCaseBook book = BookAt(CaseStatus::kMediation);  // mediation since 2025-06-03
  const ConflictCase before = book.cases()[0];
  const absl::Status party = book.Transition(ConflictCaseId(5), CaseStatus::kResolved, Date(2025, 7, 1), kAnna);
  EXPECT_STATUS_CODE(party, absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(party), HasSubstr("employee:1 is not a handler"));
  const absl::Status early = book.Transition(ConflictCaseId(5), CaseStatus::kResolved, Date(2025, 6, 2), kHr);
  EXPECT_STATUS_CODE(early, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(early), HasSubstr("transitions[1]: dated 2025-06-02, before 2025-06-03"));
  EXPECT_STATUS_CODE(book.Transition(ConflictCaseId(5), CaseStatus::kResolved, Date(), kHr),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.Transition(ConflictCaseId(6), CaseStatus::kResolved, Date(2025, 7, 1), kHr),
                     absl::StatusCode::kNotFound);
  EXPECT_EQ(book.cases()[0], before);
}

TEST(ConflictCaseBook, NotesAreWrittenByHandlersUntilTheCaseCloses) {
  ConflictCaseBook book = BookAt(CaseStatus::kMediation);
  const CaseNote note{.written_on = Date(2025, 6, 4), .author = kHr, .text = "First mediation session"};
  ASSERT_OK(book.AddNote(ConflictCaseId(5), note));
  const ConflictCase before = book.cases()[0];
  ASSERT_EQ(before.notes.size(), 2u);
  EXPECT_EQ(before.notes[1], note);

  EXPECT_STATUS_CODE(book.AddNote(ConflictCaseId(5), {Date(2025, 6, 4), kBen, "My side"}),
                     absl::StatusCode::kPermissionDenied);
  const absl::Status early = book.AddNote(ConflictCaseId(5), {Date(2025, 6, 1), kHr, "Backdated"});
  EXPECT_STATUS_CODE(early, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(early), HasSubstr("notes[2]"));
  EXPECT_STATUS_CODE(book.AddNote(ConflictCaseId(5), {Date(2025, 6, 4), kHr, ""}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.AddNote(ConflictCaseId(9), note), absl::StatusCode::kNotFound);
  EXPECT_EQ(book.cases()[0], before);

  ConflictCaseBook closed = BookAt(CaseStatus::kClosed);
  const ConflictCase closed_before = closed.cases()[0];
  const absl::Status late = closed.AddNote(ConflictCaseId(5), note);
  EXPECT_STATUS_CODE(late, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(late), HasSubstr("the case is closed"));
  EXPECT_EQ(closed.cases()[0], closed_before);
}

TEST(ConflictCaseBook, HandlersNameFurtherHandlersWhoAreNoParty) {
  ConflictCaseBook book = BookAt(CaseStatus::kOpen);
  const ConflictCase before = book.cases()[0];
  EXPECT_STATUS_CODE(book.AddHandler(ConflictCaseId(5), kHr2, kAnna), absl::StatusCode::kPermissionDenied);
  const absl::Status party = book.AddHandler(ConflictCaseId(5), kBen, kHr);
  EXPECT_STATUS_CODE(party, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(party), HasSubstr("handlers[1]: employee:2 is a party"));
  EXPECT_STATUS_CODE(book.AddHandler(ConflictCaseId(5), EmployeeId(), kHr), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.AddHandler(ConflictCaseId(5), kHr, kHr), absl::StatusCode::kAlreadyExists);
  EXPECT_STATUS_CODE(book.AddHandler(ConflictCaseId(8), kHr2, kHr), absl::StatusCode::kNotFound);
  EXPECT_EQ(book.cases()[0], before);

  // Before being named, the second handler may not move the case; after, they may.
  EXPECT_STATUS_CODE(book.Transition(ConflictCaseId(5), CaseStatus::kMediation, Date(2025, 6, 5), kHr2),
                     absl::StatusCode::kPermissionDenied);
  ASSERT_OK(book.AddHandler(ConflictCaseId(5), kHr2, kHr));
  EXPECT_EQ(book.cases()[0].handlers, (std::vector<EmployeeId>{kHr, kHr2}));
  ASSERT_OK(book.Transition(ConflictCaseId(5), CaseStatus::kMediation, Date(2025, 6, 5), kHr2));

  ConflictCaseBook closed = BookAt(CaseStatus::kClosed);
  EXPECT_STATUS_CODE(closed.AddHandler(ConflictCaseId(5), kHr2, kHr), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(closed.cases()[0].handlers, (std::vector<EmployeeId>{kHr}));
}

TEST(ConflictCaseBook, HandlersStepDownWhileTheFileStillNamesAHandlerForEachEntry) {
  constexpr EmployeeId kHr3(12);                      // a third handler
  ConflictCaseBook book = BookAt(CaseStatus::kOpen);  // kHr wrote notes[0]
  ASSERT_OK(book.AddHandler(ConflictCaseId(5), kHr2, kHr));
  ASSERT_OK(book.AddHandler(ConflictCaseId(5), kHr3, kHr));
  ASSERT_OK(book.AddNote(ConflictCaseId(5), {Date(2025, 6, 3), kHr2, "Spoke with Ben"}));  // notes[1]
  const ConflictCase before = book.cases()[0];

  const absl::Status stranger = book.RemoveHandler(ConflictCaseId(5), kHr3, kAnna);
  EXPECT_STATUS_CODE(stranger, absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(stranger), HasSubstr("conflict_case:5: handlers: employee:1 is not a handler"));
  const absl::Status absent = book.RemoveHandler(ConflictCaseId(5), kBen, kHr);
  EXPECT_STATUS_CODE(absent, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(absent), HasSubstr("conflict_case:5: handlers: employee:2 is not a handler of the case"));
  EXPECT_STATUS_CODE(book.RemoveHandler(ConflictCaseId(5), EmployeeId(), kHr), absl::StatusCode::kNotFound);
  const absl::Status wrote = book.RemoveHandler(ConflictCaseId(5), kHr2, kHr);
  EXPECT_STATUS_CODE(wrote, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(wrote), HasSubstr("conflict_case:5: notes[1]: written by employee:11"));
  const absl::Status no_case = book.RemoveHandler(ConflictCaseId(8), kHr3, kHr);
  EXPECT_STATUS_CODE(no_case, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(no_case), HasSubstr("conflict_case:8: id: no such case"));
  EXPECT_EQ(book.cases()[0], before);

  // kHr3 wrote nothing and is taken off by kHr; once off, kHr3 may not act.
  ASSERT_OK(book.RemoveHandler(ConflictCaseId(5), kHr3, kHr));
  EXPECT_EQ(book.cases()[0].handlers, (std::vector<EmployeeId>{kHr, kHr2}));
  EXPECT_STATUS_CODE(book.AddNote(ConflictCaseId(5), {Date(2025, 6, 4), kHr3, "Late"}),
                     absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.RemoveHandler(ConflictCaseId(5), kHr3, kHr), absl::StatusCode::kNotFound);
  // The handler who made a step of the trail stays too.
  ASSERT_OK(book.Transition(ConflictCaseId(5), CaseStatus::kMediation, Date(2025, 6, 5), kHr2));
  ASSERT_OK(book.AddHandler(ConflictCaseId(5), kHr3, kHr2));
  ASSERT_OK(book.Transition(ConflictCaseId(5), CaseStatus::kResolved, Date(2025, 6, 6), kHr3));
  const absl::Status stepped = book.RemoveHandler(ConflictCaseId(5), kHr3, kHr);
  EXPECT_STATUS_CODE(stepped, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(stepped), HasSubstr("conflict_case:5: transitions[1]: made by employee:12"));

  // The last handler may not step down, even one who wrote nothing.
  ConflictCaseBook lone;
  ConflictCase quiet = NewCase();
  quiet.notes.clear();
  ASSERT_OK(lone.Open(quiet));
  const absl::Status last = lone.RemoveHandler(ConflictCaseId(5), kHr, kHr);
  EXPECT_STATUS_CODE(last, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(last), HasSubstr("conflict_case:5: handlers: employee:10 is the only handler"));
  // With a second handler named, the first may step down (self-removal).
  ASSERT_OK(lone.AddHandler(ConflictCaseId(5), kHr2, kHr));
  ASSERT_OK(lone.RemoveHandler(ConflictCaseId(5), kHr, kHr));
  EXPECT_EQ(lone.cases()[0].handlers, (std::vector<EmployeeId>{kHr2}));

  // A closed case keeps its handlers.
  ConflictCaseBook closed;
  ASSERT_OK(closed.Open(NewCase()));
  ASSERT_OK(closed.AddHandler(ConflictCaseId(5), kHr2, kHr));
  ASSERT_OK(closed.Transition(ConflictCaseId(5), CaseStatus::kClosed, Date(2025, 6, 3), kHr));
  const absl::Status shut = closed.RemoveHandler(ConflictCaseId(5), kHr2, kHr);
  EXPECT_STATUS_CODE(shut, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(shut), HasSubstr("conflict_case:5: status: the case is closed"));
  EXPECT_EQ(closed.cases()[0].handlers, (std::vector<EmployeeId>{kHr, kHr2}));
}

// The example of conflict_case_book.hpp, as written.
absl::Status HeaderExample(EmployeeId ann, EmployeeId bob, EmployeeId hr, Date day) {
  ConflictCaseBook cases;
  HRKIT_RETURN_IF_ERROR(
      cases.Open(ConflictCase{.id = ConflictCaseId(1), .parties = {ann, bob}, .opened_on = day, .handlers = {hr}}));
  HRKIT_RETURN_IF_ERROR(cases.Transition(ConflictCaseId(1), CaseStatus::kMediation, day + days(3), hr));
  EXPECT_EQ(cases.cases()[0].status, CaseStatus::kMediation);
  return absl::OkStatus();
}

TEST(ConflictCaseHeaders, ExampleRunsAsWritten) { EXPECT_OK(HeaderExample(kAnna, kBen, kHr, kOpened)); }

}  // namespace
}  // namespace hrkit
