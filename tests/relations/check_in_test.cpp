// One-to-one check-ins: every validation error, the field description, the
// pair's privacy of notes and mood, and the book's edits (a refused edit
// changes nothing).
#include "hrkit/relations/check_in.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/relations/check_in_book.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using hrkit_test::Message;
using testing::HasSubstr;

constexpr EmployeeId kAnna(1);   // the employee
constexpr EmployeeId kBoris(2);  // her manager
constexpr EmployeeId kCleo(3);   // a colleague: a third party

CheckIn ValidCheckIn(std::int64_t id = 7) {
  CheckIn c;
  c.id = CheckInId(id);
  c.employee = kAnna;
  c.manager = kBoris;
  c.held_on = Date(2025, 4, 7);
  c.agenda = {"Workload", "Training"};
  c.notes = "Anna is tired; Boris takes one project off her plate";
  c.mood = 2;
  c.actions = {{.text = "Hand over the audit", .owner = kBoris, .done = false}};
  return c;
}

// Expects InvalidArgument naming the check-in and `field`.
void ExpectInvalid(const CheckIn& c, const std::string& field) {
  const absl::Status s = ValidateCheckIn(c);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr(ToString(c.id)));
  EXPECT_THAT(Message(s), HasSubstr(field + ":"));
}

TEST(ValidateCheckIn, AcceptsAValidCheckInWithAndWithoutMood) {
  CheckIn c = ValidCheckIn();
  EXPECT_OK(ValidateCheckIn(c));
  EXPECT_OK(ValidateStoredEntity(c));
  c.mood.reset();
  c.agenda.clear();
  c.actions.clear();
  c.notes.clear();
  EXPECT_OK(ValidateCheckIn(c));
  c.mood = kMinMood;
  EXPECT_OK(ValidateCheckIn(c));
  c.mood = kMaxMood;
  EXPECT_OK(ValidateCheckIn(c));
}

TEST(ValidateCheckIn, RefusesEachBadField) {
  CheckIn c = ValidCheckIn();
  c.id = CheckInId();
  ExpectInvalid(c, "id");

  c = ValidCheckIn();
  c.employee = EmployeeId();
  ExpectInvalid(c, "employee");

  c = ValidCheckIn();
  c.manager = EmployeeId(-4);
  ExpectInvalid(c, "manager");

  c = ValidCheckIn();
  c.manager = kAnna;  // a check-in with oneself
  ExpectInvalid(c, "manager");
  EXPECT_THAT(Message(ValidateCheckIn(c)), HasSubstr("must differ from the employee"));

  c = ValidCheckIn();
  c.held_on = Date();
  ExpectInvalid(c, "held_on");

  c = ValidCheckIn();
  c.agenda = {"Workload", ""};
  ExpectInvalid(c, "agenda[1]");

  c = ValidCheckIn();
  c.mood = kMinMood - 1;
  ExpectInvalid(c, "mood");
  EXPECT_THAT(Message(ValidateCheckIn(c)), HasSubstr("must be 1..5, got 0"));
  c.mood = kMaxMood + 1;
  ExpectInvalid(c, "mood");

  c = ValidCheckIn();
  c.actions.push_back({.text = "", .owner = kAnna});
  ExpectInvalid(c, "actions[1]");

  c = ValidCheckIn();
  c.actions[0].owner = kCleo;  // not one of the pair
  ExpectInvalid(c, "actions[0]");
  EXPECT_THAT(Message(ValidateCheckIn(c)), HasSubstr("employee:3 is not one of the pair"));
}

TEST(CheckInDescription, NotesAndMoodAreHealthDataAndTheTypeIsOfFormat2) {
  const std::vector<FieldInfo> fields = ListFields(CheckIn{});
  ASSERT_EQ(fields.size(), 8u);
  EXPECT_EQ(fields[0], (FieldInfo{"id", Sensitivity::kDirectory, FieldShape::kScalar, 2}));
  EXPECT_EQ(fields[1], (FieldInfo{"employee", Sensitivity::kDirectory, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[2], (FieldInfo{"manager", Sensitivity::kDirectory, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[3], (FieldInfo{"held_on", Sensitivity::kDirectory, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[4], (FieldInfo{"agenda", Sensitivity::kPersonal, FieldShape::kList, 1}));
  EXPECT_EQ(fields[5], (FieldInfo{"notes", Sensitivity::kHealth, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[6], (FieldInfo{"mood", Sensitivity::kHealth, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[7], (FieldInfo{"actions", Sensitivity::kPersonal, FieldShape::kList, 1}));
}

TEST(ViewCheckIn, ThePairSeesEverything) {
  const CheckIn c = ValidCheckIn();
  for (const EmployeeId viewer : {kAnna, kBoris}) {
    for (const CheckInNotes notes : {CheckInNotes::kIfPermitted, CheckInNotes::kRequired}) {
      ASSERT_OK_AND_ASSIGN(const CheckIn seen, ViewCheckIn(c, viewer, notes));
      EXPECT_EQ(seen, c);
    }
  }
}

TEST(ViewCheckIn, AThirdPartySeesNoNotesAndNoMood) {
  const CheckIn c = ValidCheckIn();
  ASSERT_OK_AND_ASSIGN(const CheckIn seen, ViewCheckIn(c, kCleo, CheckInNotes::kIfPermitted));
  EXPECT_EQ(seen.notes, "");
  EXPECT_EQ(seen.mood, std::nullopt);
  // Everything else is as stored.
  CheckIn expected = c;
  expected.notes.clear();
  expected.mood.reset();
  EXPECT_EQ(seen, expected);
  // An invalid viewer id is a third party too.
  ASSERT_OK_AND_ASSIGN(const CheckIn anonymous, ViewCheckIn(c, EmployeeId(), CheckInNotes::kIfPermitted));
  EXPECT_EQ(anonymous, expected);
}

TEST(ViewCheckIn, AThirdPartyAskingForTheNotesIsRefused) {
  const absl::StatusOr<CheckIn> seen = ViewCheckIn(ValidCheckIn(), kCleo, CheckInNotes::kRequired);
  EXPECT_STATUS_CODE(seen, absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(seen), HasSubstr("check_in:7: notes: private to employee:1 and employee:2"));
  EXPECT_STATUS_CODE(ViewCheckIn(ValidCheckIn(), EmployeeId(), CheckInNotes::kRequired),
                     absl::StatusCode::kPermissionDenied);
}

TEST(CheckInBook, RecordsAndReadsWithThePairsPrivacy) {
  CheckInBook book;
  ASSERT_OK(book.Record(ValidCheckIn()));
  ASSERT_OK_AND_ASSIGN(const CheckIn own, book.Read(CheckInId(7), kAnna, CheckInNotes::kRequired));
  EXPECT_EQ(own, ValidCheckIn());
  ASSERT_OK_AND_ASSIGN(const CheckIn other, book.Read(CheckInId(7), kCleo, CheckInNotes::kIfPermitted));
  EXPECT_EQ(other.notes, "");
  EXPECT_EQ(other.mood, std::nullopt);
  EXPECT_STATUS_CODE(book.Read(CheckInId(7), kCleo, CheckInNotes::kRequired), absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.Read(CheckInId(8), kAnna, CheckInNotes::kIfPermitted), absl::StatusCode::kNotFound);
}

TEST(CheckInBook, RefusedRecordsStoreNothing) {
  CheckInBook book;
  CheckIn bad = ValidCheckIn();
  bad.mood = 9;
  EXPECT_STATUS_CODE(book.Record(bad), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(book.records().empty());
  ASSERT_OK(book.Record(ValidCheckIn()));
  CheckIn again = ValidCheckIn();
  again.notes = "another";
  const absl::Status taken = book.Record(again);
  EXPECT_STATUS_CODE(taken, absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(Message(taken), HasSubstr("check_in:7: id"));
  ASSERT_EQ(book.records().size(), 1u);
  EXPECT_EQ(book.records()[0], ValidCheckIn());
}

TEST(CheckInBook, OnlyThePairEditsAndRefusedEditsChangeNothing) {
  CheckInBook book;
  ASSERT_OK(book.Record(ValidCheckIn()));
  const CheckIn before = ValidCheckIn();

  EXPECT_STATUS_CODE(book.SetNotes(CheckInId(7), kCleo, "gossip"), absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.SetNotes(CheckInId(9), kAnna, "x"), absl::StatusCode::kNotFound);
  // The mood is the employee's own: not even the manager sets it.
  EXPECT_STATUS_CODE(book.SetMood(CheckInId(7), kBoris, 5), absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.SetMood(CheckInId(7), kCleo, 5), absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.SetMood(CheckInId(7), kAnna, 6), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.AddAction(CheckInId(7), kCleo, {.text = "x", .owner = kAnna}),
                     absl::StatusCode::kPermissionDenied);
  EXPECT_STATUS_CODE(book.AddAction(CheckInId(7), kAnna, {.text = "x", .owner = kCleo}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.AddAction(CheckInId(7), kAnna, {.text = "", .owner = kAnna}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(book.SetActionDone(CheckInId(7), 1, kAnna, true), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(book.SetActionDone(CheckInId(7), 0, kCleo, true), absl::StatusCode::kPermissionDenied);
  ASSERT_EQ(book.records().size(), 1u);
  EXPECT_EQ(book.records()[0], before);

  // The edits the pair makes.
  ASSERT_OK(book.SetNotes(CheckInId(7), kBoris, "Audit handed over"));
  ASSERT_OK(book.SetMood(CheckInId(7), kAnna, 4));
  ASSERT_OK(book.AddAction(CheckInId(7), kAnna, {.text = "Plan leave", .owner = kAnna}));
  ASSERT_OK(book.SetActionDone(CheckInId(7), 0, kBoris, true));
  CheckIn after = before;
  after.notes = "Audit handed over";
  after.mood = 4;
  after.actions[0].done = true;
  after.actions.push_back({.text = "Plan leave", .owner = kAnna, .done = false});
  EXPECT_EQ(book.records()[0], after);
  ASSERT_OK(book.SetMood(CheckInId(7), kAnna, std::nullopt));
  EXPECT_EQ(book.records()[0].mood, std::nullopt);
}

TEST(CheckInBook, CheckInsOfAPersonByDateAsTheViewerMaySeeThem) {
  CheckInBook book;
  CheckIn late = ValidCheckIn(1);
  late.held_on = Date(2025, 6, 2);
  CheckIn early = ValidCheckIn(2);
  early.held_on = Date(2025, 5, 5);
  CheckIn with_cleo = ValidCheckIn(3);
  with_cleo.manager = kCleo;
  with_cleo.actions.clear();
  CheckIn without_anna = ValidCheckIn(4);
  without_anna.employee = kCleo;
  without_anna.actions.clear();
  for (const CheckIn& c : {late, early, with_cleo, without_anna}) ASSERT_OK(book.Record(c));

  // Anna's own view: her three check-ins by date (04-07, 05-05, 06-02), in full.
  const std::vector<CheckIn> own = book.CheckInsOf(kAnna, kAnna);
  ASSERT_EQ(own.size(), 3u);
  EXPECT_EQ(own[0], with_cleo);
  EXPECT_EQ(own[1], early);
  EXPECT_EQ(own[2], late);
  // Boris sees the two he was in with their notes, the one with Cleo without.
  const std::vector<CheckIn> boris = book.CheckInsOf(kAnna, kBoris);
  ASSERT_EQ(boris.size(), 3u);
  EXPECT_EQ(boris[0].id, CheckInId(3));
  EXPECT_EQ(boris[0].notes, "");
  EXPECT_EQ(boris[0].mood, std::nullopt);
  EXPECT_EQ(boris[1], early);
  EXPECT_EQ(boris[2], late);
}

// The obvious listing: every record of the book with `person` in the pair,
// as `viewer` may see it, by date then id.
std::vector<CheckIn> ScanCheckInsOf(const CheckInBook& book, EmployeeId person, EmployeeId viewer) {
  std::vector<CheckIn> out;
  for (const CheckIn& c : book.records()) {
    if (!IsInPair(c, person)) continue;
    absl::StatusOr<CheckIn> seen = ViewCheckIn(c, viewer, CheckInNotes::kIfPermitted);
    EXPECT_OK(seen.status());
    if (seen.ok()) out.push_back(*std::move(seen));
  }
  std::sort(out.begin(), out.end(), [](const CheckIn& a, const CheckIn& b) {
    return a.held_on != b.held_on ? a.held_on < b.held_on : a.id < b.id;
  });
  return out;
}

// CheckInsOf reads a person's check-ins through the index by person; this
// checks it against the scan above on 400 generated check-ins among 30
// people (each on both sides of pairs, many on the same day so the id
// decides), with edits in between and refused records that must link
// nobody.
TEST(CheckInBook, CheckInsOfMatchesAScanOfEveryRecordThroughEditsAndRefusals) {
  constexpr int kPeople = 30;
  constexpr int kCheckIns = 400;
  constexpr EmployeeId kOnlyRefused(98);  // in refused records only
  constexpr EmployeeId kOutsider(1000);   // in no check-in: a third party
  std::mt19937 rng(2026);
  CheckInBook book;
  for (int k = 1; k <= kCheckIns; ++k) {
    CheckIn c;
    c.id = CheckInId(k);
    c.employee = EmployeeId(1 + static_cast<std::int64_t>(rng() % kPeople));
    const auto other = static_cast<std::int64_t>(1 + rng() % (kPeople - 1));
    c.manager = EmployeeId(other >= c.employee.value() ? other + 1 : other);
    c.held_on = Date(2025, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 20));
    c.agenda = {"Goals"};
    c.notes = "notes of " + std::to_string(k);
    c.mood = 1 + k % kMaxMood;
    ASSERT_OK(book.Record(c));
    if (k % 50 == 0) {
      CheckIn taken = c;  // the id is taken: AlreadyExists, nothing linked
      taken.employee = kOnlyRefused;
      EXPECT_STATUS_CODE(book.Record(taken), absl::StatusCode::kAlreadyExists);
      CheckIn invalid = c;  // a check-in with oneself: InvalidArgument
      invalid.id = CheckInId(10'000 + k);
      invalid.employee = kOnlyRefused;
      invalid.manager = kOnlyRefused;
      EXPECT_STATUS_CODE(book.Record(invalid), absl::StatusCode::kInvalidArgument);
    }
    if (k % 7 == 0) {  // edits of an earlier check-in, by each side
      const CheckIn& earlier = book.records()[static_cast<std::size_t>(k / 2)];
      ASSERT_OK(book.SetNotes(earlier.id, earlier.manager, "edited " + std::to_string(k)));
      ASSERT_OK(book.AddAction(earlier.id, earlier.employee, {.text = "Follow up", .owner = earlier.manager}));
    }
  }
  ASSERT_EQ(book.records().size(), static_cast<std::size_t>(kCheckIns));

  std::size_t listed = 0;
  for (std::int64_t p = 0; p <= kPeople + 1; ++p) {  // 0: an invalid id; 31: in no check-in
    const EmployeeId person(p);
    for (const EmployeeId viewer : {person, kOutsider, EmployeeId(1)}) {
      EXPECT_EQ(book.CheckInsOf(person, viewer), ScanCheckInsOf(book, person, viewer)) << ToString(person);
    }
    listed += book.CheckInsOf(person, kOutsider).size();
  }
  // Every check-in is in the lists of its two people: 2 x 400.
  EXPECT_EQ(listed, 800u);
  EXPECT_TRUE(book.CheckInsOf(EmployeeId(0), kOutsider).empty());
  EXPECT_TRUE(book.CheckInsOf(EmployeeId(kPeople + 1), kOutsider).empty());
  EXPECT_TRUE(book.CheckInsOf(kOnlyRefused, kOnlyRefused).empty());
}

// The examples of check_in.hpp and check_in_book.hpp, as written.
absl::Status HeaderExamples(const CheckIn& check_in, EmployeeId reader) {
  {
    HRKIT_ASSIGN_OR_RETURN(CheckIn seen, ViewCheckIn(check_in, reader, CheckInNotes::kIfPermitted));
    if (!IsInPair(seen, reader)) { /* seen.notes is empty, seen.mood nullopt */
      EXPECT_EQ(seen.notes, "");
    }
  }
  CheckInBook book;
  HRKIT_RETURN_IF_ERROR(book.Record(check_in));
  HRKIT_RETURN_IF_ERROR(book.SetActionDone(check_in.id, 0, check_in.employee, true));
  HRKIT_ASSIGN_OR_RETURN(CheckIn seen, book.Read(check_in.id, reader, CheckInNotes::kIfPermitted));
  EXPECT_TRUE(seen.actions[0].done);
  return absl::OkStatus();
}

TEST(CheckInHeaders, ExamplesRunAsWritten) {
  EXPECT_OK(HeaderExamples(ValidCheckIn(), kCleo));
  EXPECT_OK(HeaderExamples(ValidCheckIn(), kBoris));
}

}  // namespace
}  // namespace hrkit
