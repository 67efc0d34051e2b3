// Recognitions: every validation error, the company values of the book, and
// the counts per unit subtree and per value with hand-worked figures and
// confidentiality verdicts.
#include "hrkit/relations/recognition.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "hrkit/relations/recognition_book.hpp"
#include "hrkit/relations/recognition_report.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

using hrkit_test::Message;
using relations_test::MakeOrg;
using relations_test::Org;
using testing::HasSubstr;

Recognition Kudos(std::int64_t id, std::int64_t giver, std::vector<std::int64_t> recipients, Date on,
                  std::vector<std::string> values = {}) {
  Recognition r;
  r.id = RecognitionId(id);
  r.giver = EmployeeId(giver);
  for (const std::int64_t e : recipients) r.recipients.push_back(EmployeeId(e));
  r.given_on = on;
  r.message = "Thank you!";
  r.values = std::move(values);
  return r;
}

void ExpectInvalid(const Recognition& r, const std::string& field, const std::string& what = "") {
  const absl::Status s = ValidateRecognition(r);
  EXPECT_STATUS_CODE(s, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(s), HasSubstr(ToString(r.id) + ": " + field + ":"));
  EXPECT_THAT(Message(s), HasSubstr(what));
}

TEST(ValidateRecognition, RefusesEachBadField) {
  const Recognition good = Kudos(3, 1, {2, 4}, Date(2025, 3, 3), {"candor"});
  EXPECT_OK(ValidateRecognition(good));
  EXPECT_OK(ValidateStoredEntity(Kudos(3, 1, {2}, Date(2025, 3, 3))));  // no tags is fine

  Recognition r = good;
  r.id = RecognitionId();
  ExpectInvalid(r, "id");
  r = good;
  r.giver = EmployeeId();
  ExpectInvalid(r, "giver");
  r = good;
  r.recipients.clear();
  ExpectInvalid(r, "recipients", "at least one recipient");
  r = good;
  r.recipients = {EmployeeId(2), EmployeeId()};
  ExpectInvalid(r, "recipients[1]", "valid id");
  r = good;
  r.recipients = {EmployeeId(2), EmployeeId(4), EmployeeId(2)};
  ExpectInvalid(r, "recipients[2]", "employee:2 is listed twice");
  r = good;
  r.recipients = {EmployeeId(2), EmployeeId(1)};
  ExpectInvalid(r, "recipients[1]", "employee:1 is the giver");
  r = good;
  r.given_on = Date();
  ExpectInvalid(r, "given_on");
  r = good;
  r.message.clear();
  ExpectInvalid(r, "message");
  r = good;
  r.values = {"candor", ""};
  ExpectInvalid(r, "values[1]", "must not be empty");
  r = good;
  r.values = {"candor", "candor"};
  ExpectInvalid(r, "values[1]", "value candor is tagged twice");
}

TEST(RecognitionDescription, TheMessageIsPersonalAndTheTypeIsOfFormat2) {
  const std::vector<FieldInfo> fields = ListFields(Recognition{});
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0], (FieldInfo{"id", Sensitivity::kDirectory, FieldShape::kScalar, 2}));
  EXPECT_EQ(fields[2], (FieldInfo{"recipients", Sensitivity::kDirectory, FieldShape::kList, 1}));
  EXPECT_EQ(fields[4], (FieldInfo{"message", Sensitivity::kPersonal, FieldShape::kScalar, 1}));
  EXPECT_EQ(fields[5], (FieldInfo{"values", Sensitivity::kDirectory, FieldShape::kList, 1}));
}

TEST(RecognitionBook, CompanyValuesAreNonEmptyAndDistinct) {
  EXPECT_STATUS_CODE(RecognitionBook::Create({"candor", ""}), absl::StatusCode::kInvalidArgument);
  const auto twice = RecognitionBook::Create({"candor", "care", "candor"});
  EXPECT_STATUS_CODE(twice, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(twice), HasSubstr("company_values[2]: value candor is listed twice"));
  ASSERT_OK_AND_ASSIGN(const RecognitionBook book, RecognitionBook::Create({"candor", "care"}));
  EXPECT_EQ(book.company_values(), (std::vector<std::string>{"candor", "care"}));
}

TEST(RecognitionBook, RefusedRecognitionsChangeNothing) {
  ASSERT_OK_AND_ASSIGN(RecognitionBook book, RecognitionBook::Create({"candor", "care"}));
  const absl::Status unknown = book.Give(Kudos(1, 1, {2}, Date(2025, 3, 3), {"care", "speed"}));
  EXPECT_STATUS_CODE(unknown, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(unknown), HasSubstr("recognition:1: values[1]: unknown company value speed"));
  EXPECT_STATUS_CODE(book.Give(Kudos(1, 1, {1}, Date(2025, 3, 3))), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(book.recognitions().empty());
  ASSERT_OK(book.Give(Kudos(1, 1, {2}, Date(2025, 3, 3), {"care"})));
  EXPECT_STATUS_CODE(book.Give(Kudos(1, 3, {4}, Date(2025, 3, 4))), absl::StatusCode::kAlreadyExists);
  ASSERT_EQ(book.recognitions().size(), 1u);
  EXPECT_EQ(book.recognitions()[0], Kudos(1, 1, {2}, Date(2025, 3, 3), {"care"}));
}

// HQ (unit 1: the CEO, employee 1) with Sales (2, nobody of its own) and
// Ops (3: employees 2-9); Sales has Team A (4: 10-16) and Team B (5: 17-19).
Org Company() { return MakeOrg({-1, 0, 0, 1, 1}, {1, 0, 8, 7, 3}); }

RecognitionBook CompanyKudos() {
  auto book = RecognitionBook::Create({"ownership", "candor", "care", "courage"});
  EXPECT_OK(book.status());
  EXPECT_OK(book->Give(Kudos(1, 2, {10, 11, 12}, Date(2025, 3, 3), {"ownership"})));
  EXPECT_OK(book->Give(Kudos(2, 10, {13, 14, 15, 17}, Date(2025, 3, 10), {"ownership", "candor"})));
  EXPECT_OK(book->Give(Kudos(3, 1, {2, 3, 4, 5, 6, 7}, Date(2025, 4, 1), {"care"})));
  EXPECT_OK(book->Give(Kudos(4, 3, {10, 18}, Date(2025, 4, 2), {"candor"})));
  EXPECT_OK(book->Give(Kudos(5, 19, {1}, Date(2025, 5, 5), {"courage"})));
  EXPECT_OK(book->Give(Kudos(6, 1, {2}, Date(2025, 5, 6), {"care", "ownership"})));
  return *std::move(book);
}

const RecognitionUnitCount& Unit(const std::vector<RecognitionUnitCount>& counts, std::int64_t unit) {
  for (const RecognitionUnitCount& c : counts) {
    if (c.unit == OrgUnitId(unit)) return c;
  }
  ADD_FAILURE() << "no group for unit " << unit;
  return counts.front();
}

TEST(RecognitionsByUnit, HandWorkedTreeWithHiddenUnits) {
  const Org org = Company();
  const RecognitionBook book = CompanyKudos();
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> counts,
                       RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 12, 31)}));
  // Received per recipient: 10 twice (R1, R4), 11-15 once (Team A: 6
  // people, 7 received); 17 and 18 once (Team B: 2 people, 2 received);
  // 2 twice (R3, R6), 3-7 once (Ops: 6 people, 7 received); 1 once (HQ's
  // own). Sales = A + B: 8 people, 9 received; HQ = 8 + 6 + 1 = 15 people,
  // 9 + 7 + 1 = 17 received.
  // Verdicts (k = 5): Team B 2 < 5: below_minimum. Team A: Sales - A = 2:
  // complement. HQ's family: 15 - 8 - 6 = 1 (the CEO), so its smallest
  // shown sub-unit, Ops, is hidden too: sibling (remainder 7).
  ASSERT_EQ(counts.size(), 5u);
  // Parents first, by depth then id.
  EXPECT_EQ(counts[0].unit, OrgUnitId(1));
  EXPECT_EQ(counts[1].unit, OrgUnitId(2));
  EXPECT_EQ(counts[2].unit, OrgUnitId(3));
  EXPECT_EQ(counts[3].unit, OrgUnitId(4));
  EXPECT_EQ(counts[4].unit, OrgUnitId(5));
  EXPECT_EQ(Unit(counts, 1), (RecognitionUnitCount{OrgUnitId(1), OrgUnitId(), Suppression::kShown, 15, 17}));
  EXPECT_EQ(Unit(counts, 2), (RecognitionUnitCount{OrgUnitId(2), OrgUnitId(1), Suppression::kShown, 8, 9}));
  // Hidden units carry their reason and no number.
  EXPECT_EQ(Unit(counts, 3), (RecognitionUnitCount{OrgUnitId(3), OrgUnitId(1), Suppression::kSibling, {}, {}}));
  EXPECT_EQ(Unit(counts, 4), (RecognitionUnitCount{OrgUnitId(4), OrgUnitId(2), Suppression::kComplement, {}, {}}));
  EXPECT_EQ(Unit(counts, 5), (RecognitionUnitCount{OrgUnitId(5), OrgUnitId(2), Suppression::kBelowMinimum, {}, {}}));
}

TEST(RecognitionsByUnit, CountsOnlyTheDaysAskedFor) {
  const Org org = Company();
  const RecognitionBook book = CompanyKudos();
  // Up to 2025-03-31: R1 and R2 only. Team A 10-15 (6 people, 6 received),
  // Team B 17 (1). Sales 7 = HQ 7; Ops and the CEO received nothing, so Ops
  // is no group. Team B: below_minimum; Team A: Sales - A = 1, complement;
  // Sales: HQ - Sales = 0, shown (its figures are HQ's).
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> march,
                       RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 3, 31)}));
  ASSERT_EQ(march.size(), 4u);
  EXPECT_EQ(Unit(march, 1), (RecognitionUnitCount{OrgUnitId(1), OrgUnitId(), Suppression::kShown, 7, 7}));
  EXPECT_EQ(Unit(march, 2), (RecognitionUnitCount{OrgUnitId(2), OrgUnitId(1), Suppression::kShown, 7, 7}));
  EXPECT_EQ(Unit(march, 4).suppression, Suppression::kComplement);
  EXPECT_EQ(Unit(march, 5).suppression, Suppression::kBelowMinimum);

  // From 2025-04-01 to 2025-05-06 with k = 3: R3-R6. Ops 2-7 (6 people; 2
  // twice: 7 received); Team A 10 and Team B 18 (1 each); Sales 2; the CEO 1;
  // HQ 9 people, 10 received. Team A, Team B, Sales: 1, 1, 2 < 3,
  // below_minimum. HQ's family: 9 - 6 = 3 hidden, not below 3: Ops shown.
  const RecognitionCountQuery spring{
      .from = Date(2025, 4, 1), .as_of = Date(2025, 5, 6), .thresholds = {.min_group = 3, .min_comment_group = 3}};
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> counts,
                       RecognitionsByUnit(book, org.employees, org.lookup, spring));
  ASSERT_EQ(counts.size(), 5u);
  EXPECT_EQ(Unit(counts, 1), (RecognitionUnitCount{OrgUnitId(1), OrgUnitId(), Suppression::kShown, 9, 10}));
  EXPECT_EQ(Unit(counts, 3), (RecognitionUnitCount{OrgUnitId(3), OrgUnitId(1), Suppression::kShown, 6, 7}));
  EXPECT_EQ(Unit(counts, 2).suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(Unit(counts, 4).suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(Unit(counts, 5).suppression, Suppression::kBelowMinimum);
}

TEST(RecognitionsByUnit, RefusesBadQueriesAndUnknownRecipients) {
  const Org org = Company();
  const RecognitionBook book = CompanyKudos();
  EXPECT_STATUS_CODE(RecognitionsByUnit(book, org.employees, org.lookup, {}), absl::StatusCode::kInvalidArgument);
  const auto reversed =
      RecognitionsByUnit(book, org.employees, org.lookup, {.from = Date(2025, 6, 1), .as_of = Date(2025, 5, 1)});
  EXPECT_STATUS_CODE(reversed, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(reversed), HasSubstr("from: 2025-06-01 is after as_of 2025-05-01"));
  EXPECT_STATUS_CODE(
      RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 5, 1), .thresholds = {.min_group = 2}}),
      absl::StatusCode::kInvalidArgument);

  // Employee 99 is nobody's; employee 3 was hired on 2023-01-01.
  ASSERT_OK_AND_ASSIGN(RecognitionBook stranger, RecognitionBook::Create({}));
  ASSERT_OK(stranger.Give(Kudos(7, 1, {99}, Date(2025, 3, 3))));
  const auto unknown = RecognitionsByUnit(stranger, org.employees, org.lookup, {.as_of = Date(2025, 5, 1)});
  EXPECT_STATUS_CODE(unknown, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(unknown), HasSubstr("recognition:7: recipients: employee:99"));
  ASSERT_OK_AND_ASSIGN(RecognitionBook early, RecognitionBook::Create({}));
  ASSERT_OK(early.Give(Kudos(8, 1, {3}, Date(2022, 6, 1))));
  const auto before_hire = RecognitionsByUnit(early, org.employees, org.lookup, {.as_of = Date(2025, 5, 1)});
  EXPECT_STATUS_CODE(before_hire, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(before_hire), HasSubstr("recognition:8: recipients: "));
}

TEST(RecognitionsByUnit, AMoverCountsOnceWhereTheyWereLastRecognized) {
  Org org = Company();
  // Employee 17 moves from Team B (unit 5) to the Ops seat (unit 3) on
  // 2025-04-15.
  for (Employee& e : org.employees) {
    if (e.id != EmployeeId(17)) continue;
    ASSERT_OK_AND_ASSIGN(
        e, ApplyEvent(e, TransferEvent{.effective = Date(2025, 4, 15), .position = PositionId(3)}, Date(2025, 4, 15)));
  }
  ASSERT_OK_AND_ASSIGN(RecognitionBook book, RecognitionBook::Create({}));
  ASSERT_OK(book.Give(Kudos(1, 1, {17}, Date(2025, 3, 10))));
  ASSERT_OK(book.Give(Kudos(2, 1, {17, 2, 3, 4, 5}, Date(2025, 5, 1))));
  // Through 2025-12-31, 17's latest recognition is on 2025-05-01, in Ops:
  // both of theirs count there. Ops: 2-5 and 17, 5 people, 4 + 2 = 6
  // received; HQ the same (HQ - Ops = 0: shown). Team B and Sales are no
  // groups: nobody is placed there.
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> year,
                       RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 12, 31)}));
  ASSERT_EQ(year.size(), 2u);
  EXPECT_EQ(year[0], (RecognitionUnitCount{OrgUnitId(1), OrgUnitId(), Suppression::kShown, 5, 6}));
  EXPECT_EQ(year[1], (RecognitionUnitCount{OrgUnitId(3), OrgUnitId(1), Suppression::kShown, 5, 6}));
  // Through 2025-04-30 only the first counts, where 17 was then: Team B,
  // under Sales and HQ (1 person each, all below_minimum).
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> april,
                       RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 4, 30)}));
  ASSERT_EQ(april.size(), 3u);
  EXPECT_EQ(april[0].unit, OrgUnitId(1));
  EXPECT_EQ(april[1].unit, OrgUnitId(2));
  EXPECT_EQ(april[2].unit, OrgUnitId(5));
  for (const RecognitionUnitCount& c : april) EXPECT_EQ(c.suppression, Suppression::kBelowMinimum);
}

TEST(RecognitionsByValue, HandWorkedCountsPerCompanyValue) {
  const RecognitionBook book = CompanyKudos();
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionValueCount> counts,
                       RecognitionsByValue(book, {.as_of = Date(2025, 12, 31)}));
  // ownership: R1 {10,11,12}, R2 {13,14,15,17}, R6 {2}: 3 recognitions, 8
  // people. candor: R2 {13,14,15,17}, R4 {10,18}: 2, 6 people. care: R3
  // {2..7}, R6 {2}: 2, 6 people. courage: R5 {1}: 1 person < 5, hidden.
  ASSERT_EQ(counts.size(), 4u);
  EXPECT_EQ(counts[0], (RecognitionValueCount{"ownership", Suppression::kShown, 3, 8}));
  EXPECT_EQ(counts[1], (RecognitionValueCount{"candor", Suppression::kShown, 2, 6}));
  EXPECT_EQ(counts[2], (RecognitionValueCount{"care", Suppression::kShown, 2, 6}));
  EXPECT_EQ(counts[3], (RecognitionValueCount{"courage", Suppression::kBelowMinimum, {}, {}}));

  // Up to 2025-03-31 (R1, R2): ownership 2 recognitions, 7 people; candor 1,
  // 4 people < 5; care and courage nobody (empty: below_minimum).
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionValueCount> march,
                       RecognitionsByValue(book, {.as_of = Date(2025, 3, 31)}));
  EXPECT_EQ(march[0], (RecognitionValueCount{"ownership", Suppression::kShown, 2, 7}));
  EXPECT_EQ(march[1].suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(march[1].recognitions, std::nullopt);
  EXPECT_EQ(march[2].suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(march[3].suppression, Suppression::kBelowMinimum);
  EXPECT_STATUS_CODE(RecognitionsByValue(book, {}), absl::StatusCode::kInvalidArgument);
}

// The examples of recognition_book.hpp and recognition_report.hpp, as
// written.
absl::Status HeaderExamples(EmployeeId alice, EmployeeId bob, Date today, std::span<const Employee> employees,
                            const OrgLookup& lookup) {
  HRKIT_ASSIGN_OR_RETURN(RecognitionBook book, RecognitionBook::Create({"ownership", "candor"}));
  HRKIT_RETURN_IF_ERROR(book.Give(Recognition{.id = RecognitionId(1),
                                              .giver = alice,
                                              .recipients = {bob},
                                              .given_on = today,
                                              .message = "Thanks for the launch",
                                              .values = {"ownership"}}));
  HRKIT_ASSIGN_OR_RETURN(std::vector<RecognitionUnitCount> counts,
                         RecognitionsByUnit(book, employees, lookup, {.as_of = today}));
  for (const RecognitionUnitCount& c : counts) {
    if (!IsShown(c.suppression)) continue;  // reported as hidden, with its reason
    ADD_FAILURE() << "one recipient is never shown";
  }
  return absl::OkStatus();
}

TEST(RecognitionHeaders, ExamplesRunAsWritten) {
  const Org org = Company();
  EXPECT_OK(HeaderExamples(EmployeeId(1), EmployeeId(2), Date(2025, 3, 3), org.employees, org.lookup));
}

}  // namespace
}  // namespace hrkit
