// The comment report of a survey wave (hand-worked verdicts with the comment
// minimum, comments sorted by text) and the respondent's own WHO-5 change
// between two waves with the 10-point significance rule.
#include "hrkit/relations/survey_comments.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

using relations_test::MakeOrg;
using relations_test::Org;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kSecret = "comments-test-secret-0123456789";

SurveyBook Who5Book(const Org& org, bool comments, int waves = 1) {
  Survey s;
  s.id = SurveyId(3);
  s.instruments = {"who5"};
  s.comments = comments;
  s.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)}};
  if (waves == 2) s.waves.push_back({2, Date(2025, 9, 1), Date(2025, 9, 2), Date(2025, 9, 15)});
  auto book = SurveyBook::Create(s, std::vector<InstrumentDefinition>{Who5Instrument()});
  EXPECT_OK(book.status());
  for (int w = 1; w <= waves; ++w) {
    EXPECT_OK(book->Invite(w, org.employees, org.lookup, kSecret, SurveyInvitationId(1000 * w)).status());
  }
  return *std::move(book);
}

std::vector<SurveyAnswer> Who5(std::vector<int> values) {
  std::vector<SurveyAnswer> out;
  for (std::size_t k = 0; k < values.size(); ++k) out.push_back({"who5_" + std::to_string(k + 1), values[k]});
  return out;
}

TEST(CommentReport, HandWorkedTreeWithTheCommentMinimum) {
  // HQ (unit 1, 10 people of its own) with Team A (unit 2, 10) and Team B
  // (unit 3, 4); everyone answers. Comment minimum 10 (the default).
  // HQ 24: shown. A 10: 24 - 10 = 14 is no complement: shown. B 4 < 10:
  // below the minimum. HQ's hidden remainder 24 - 10 = 14 >= 10: enough.
  const Org org = MakeOrg({-1, 0, 0}, {10, 10, 4});
  SurveyBook book = Who5Book(org, true);
  // Employees 1-10 in HQ, 11-20 in A, 21-24 in B. Team A comments, in
  // submission order: "zebra crossing", "", "Apples", "more training";
  // one in B: "B only".
  const std::vector<std::pair<std::int64_t, std::string>> said = {
      {11, "zebra crossing"}, {12, ""}, {13, "Apples"}, {14, "more training"}, {21, "B only"}};
  std::int64_t id = 1;
  for (const Employee& e : org.employees) {
    std::string comment;
    for (const auto& [who, text] : said) {
      if (e.id == EmployeeId(who)) comment = text;
    }
    ASSERT_OK(book.Submit(1, e.id, kSecret, Who5({3, 3, 3, 3, 3}), comment, Date(2025, 3, 4), SurveyResponseId(id++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto report, CommentReport(book, 1, org.lookup));
  ASSERT_EQ(report.size(), 3u);
  // Byte order: uppercase before lowercase; the empty comment is left out.
  EXPECT_EQ(report[0].unit, OrgUnitId(1));
  EXPECT_EQ(report[0].suppression, Suppression::kShown);
  EXPECT_THAT(report[0].comments, ElementsAre("Apples", "B only", "more training", "zebra crossing"));
  EXPECT_EQ(report[1].unit, OrgUnitId(2));
  EXPECT_EQ(report[1].suppression, Suppression::kShown);
  EXPECT_THAT(report[1].comments, ElementsAre("Apples", "more training", "zebra crossing"));
  EXPECT_EQ(report[2].unit, OrgUnitId(3));
  EXPECT_EQ(report[2].suppression, Suppression::kBelowMinimum);
  EXPECT_THAT(report[2].comments, IsEmpty());
}

TEST(CommentReport, TheComplementHidesATeamWhoseParentHasFewOthers) {
  // HQ (2 of its own) with A (10) and B (4): HQ 16. A: 16 - 10 = 6 < 10,
  // complement (HQ's comments minus A's would be 6 people's own words).
  // B 4: below the minimum. HQ keeps its comments: nothing is subtracted
  // from it.
  const Org org = MakeOrg({-1, 0, 0}, {2, 10, 4});
  SurveyBook book = Who5Book(org, true);
  std::int64_t id = 1;
  for (const Employee& e : org.employees) {
    ASSERT_OK(book.Submit(1, e.id, kSecret, Who5({3, 3, 3, 3, 3}), e.id.value() == 5 ? "ok" : "", Date(2025, 3, 4),
                          SurveyResponseId(id++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto report, CommentReport(book, 1, org.lookup));
  EXPECT_EQ(report[0].suppression, Suppression::kShown);
  EXPECT_THAT(report[0].comments, ElementsAre("ok"));
  EXPECT_EQ(report[1].suppression, Suppression::kComplement);
  EXPECT_THAT(report[1].comments, IsEmpty());
  EXPECT_EQ(report[2].suppression, Suppression::kBelowMinimum);
}

TEST(CommentReport, RefusesASurveyWithoutCommentsAndAnUnknownWave) {
  const Org org = MakeOrg({-1}, {3});
  EXPECT_STATUS_CODE(CommentReport(Who5Book(org, false), 1, org.lookup), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(CommentReport(Who5Book(org, true), 4, org.lookup), absl::StatusCode::kNotFound);
}

TEST(OwnWho5Change, TenPointsOrMoreIsSignificant) {
  // CompareWho5: 56 -> 44 is -12, significant; 56 -> 48 is -8, not; a rise
  // of exactly 10 (40 -> 50) is.
  EXPECT_EQ(CompareWho5(56, 44), (Who5Change{56, 44, -12, true}));
  EXPECT_EQ(CompareWho5(56, 48), (Who5Change{56, 48, -8, false}));
  EXPECT_TRUE(CompareWho5(40, 50).significant);
  // Through the book: employee 1 answers [3,3,3,3,2] (raw 14, 56 %) and then
  // [3,3,2,2,1] (11, 44 %); employee 2 [3,3,3,3,2] then [3,3,3,2,1] (12,
  // 48 %); employee 3 leaves an item out in wave 2; employee 4 skips it.
  const Org org = MakeOrg({-1}, {4});
  SurveyBook book = Who5Book(org, false, 2);
  ASSERT_OK(book.Submit(1, EmployeeId(1), kSecret, Who5({3, 3, 3, 3, 2}), "", Date(2025, 3, 4), SurveyResponseId(1)));
  ASSERT_OK(book.Submit(1, EmployeeId(2), kSecret, Who5({3, 3, 3, 3, 2}), "", Date(2025, 3, 4), SurveyResponseId(2)));
  ASSERT_OK(book.Submit(1, EmployeeId(3), kSecret, Who5({3, 3, 3, 3, 2}), "", Date(2025, 3, 4), SurveyResponseId(3)));
  ASSERT_OK(book.Submit(1, EmployeeId(4), kSecret, Who5({3, 3, 3, 3, 2}), "", Date(2025, 3, 4), SurveyResponseId(4)));
  ASSERT_OK(book.Submit(2, EmployeeId(1), kSecret, Who5({3, 3, 2, 2, 1}), "", Date(2025, 9, 4), SurveyResponseId(5)));
  ASSERT_OK(book.Submit(2, EmployeeId(2), kSecret, Who5({3, 3, 3, 2, 1}), "", Date(2025, 9, 4), SurveyResponseId(6)));
  ASSERT_OK(book.Submit(2, EmployeeId(3), kSecret, Who5({3, 3, 3, 2}), "", Date(2025, 9, 4), SurveyResponseId(7)));
  ASSERT_OK_AND_ASSIGN(const Who5Change drop, book.OwnWho5Change(1, 2, EmployeeId(1), kSecret));
  EXPECT_EQ(drop, (Who5Change{56, 44, -12, true}));
  ASSERT_OK_AND_ASSIGN(const Who5Change small, book.OwnWho5Change(1, 2, EmployeeId(2), kSecret));
  EXPECT_EQ(small, (Who5Change{56, 48, -8, false}));
  EXPECT_STATUS_CODE(book.OwnWho5Change(1, 2, EmployeeId(3), kSecret), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(book.OwnWho5Change(1, 2, EmployeeId(4), kSecret), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(book.OwnWho5Change(1, 3, EmployeeId(1), kSecret), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit
