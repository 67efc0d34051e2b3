// A survey run end to end through SurveyBook: invitations from the audience
// rule with pseudonymous keys and grouping attributes, responses with every
// rule checked (each refusal leaves nothing stored), the respondent's own
// scores, and thresholds fixed once the survey opens.
#include "hrkit/relations/survey_book.hpp"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/pseudonym.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;

const Date kStart(2023, 1, 1);
constexpr std::string_view kSecret = "pulse-2025-secret-kept-by-hr";

std::vector<SurveyAnswer> Who5Answers(std::vector<int> values) {
  std::vector<SurveyAnswer> out;
  for (std::size_t k = 0; k < values.size(); ++k) out.push_back({absl::StrCat("who5_", k + 1), values[k]});
  return out;
}

// HQ (unit 1) with Sales (unit 2); employees 1-5 in Sales from 2023, 6 in
// HQ from 2024-06-01, 7 joins Sales only in 2026.
class SurveyBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Workforce w;
    ASSERT_OK(w.AddLocation(Location{LocationId(1), "Berlin", "DE", {}, {}}));
    ASSERT_OK(w.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, kStart, kStart));
    ASSERT_OK(w.CreateOrgUnit(OrgUnitId(2), "SAL", {.name = "Sales", .parent = OrgUnitId(1)}, kStart, kStart));
    ASSERT_OK(w.CreatePosition(PositionId(1), {.org_unit = OrgUnitId(1), .fte_budget = 5.0}, kStart, kStart));
    ASSERT_OK(w.CreatePosition(PositionId(2), {.org_unit = OrgUnitId(2), .fte_budget = 9.0}, kStart, kStart));
    for (int id = 1; id <= 7; ++id) {
      Employee e;
      e.id = EmployeeId(id);
      e.employee_number = absl::StrCat("E", id);
      ASSERT_OK(w.AddEmployee(e));
      const Date on = id <= 5 ? kStart : id == 6 ? Date(2024, 6, 1) : Date(2026, 1, 1);
      const PositionId seat = id == 6 ? PositionId(1) : PositionId(2);
      ASSERT_OK(w.ApplyEvent(e.id, HireEvent{.effective = on, .position = seat, .location = LocationId(1)}, on));
    }
    for (const Employee* e : w.Employees()) employees_.push_back(*e);
    std::vector<OrgUnit> units;
    for (const OrgUnit* u : w.OrgUnits()) units.push_back(*u);
    std::vector<Position> positions;
    for (const Position* p : w.Positions()) positions.push_back(*p);
    ASSERT_OK_AND_ASSIGN(lookup_, OrgLookup::Build(units, positions));

    survey_.id = SurveyId(3);
    survey_.title = "Spring pulse";
    survey_.instruments = {"who5", "enps"};
    survey_.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)},
                     {2, Date(2025, 9, 1), Date(2025, 9, 2), Date(2025, 9, 15)}};
    instruments_ = {EnpsInstrument(), Who5Instrument()};
  }

  SurveyBook InvitedBook() {
    auto book = SurveyBook::Create(survey_, instruments_);
    EXPECT_OK(book.status());
    EXPECT_OK(book->Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(100)).status());
    return *std::move(book);
  }

  std::vector<Employee> employees_;
  OrgLookup lookup_;
  Survey survey_;
  std::vector<InstrumentDefinition> instruments_;
};

TEST_F(SurveyBookTest, InvitesTheAudienceUnderPseudonymousKeys) {
  ASSERT_OK_AND_ASSIGN(SurveyBook book, SurveyBook::Create(survey_, instruments_));
  // On 2025-03-01 employees 1-6 are employed; 7 starts in 2026.
  ASSERT_OK_AND_ASSIGN(const std::int64_t invited,
                       book.Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(100)));
  EXPECT_EQ(invited, 6);
  ASSERT_EQ(book.invitations().size(), 6u);
  const SurveyInvitation& first = book.invitations().front();
  EXPECT_EQ(first.id, SurveyInvitationId(100));
  ASSERT_OK_AND_ASSIGN(const std::string key1, RespondentKey(kSecret, EmployeeId(1)));
  EXPECT_EQ(first.respondent_key, key1);
  EXPECT_EQ(first.org_unit, OrgUnitId(2));
  EXPECT_EQ(first.location, LocationId(1));
  EXPECT_EQ(first.tenure_band, "1-3");  // 2023-01-01 to 2025-03-01: two years
  const SurveyInvitation& sixth = book.invitations().back();
  EXPECT_EQ(sixth.id, SurveyInvitationId(105));
  EXPECT_EQ(sixth.org_unit, OrgUnitId(1));
  EXPECT_EQ(sixth.tenure_band, "0-1");  // 2024-06-01 to 2025-03-01
  // A wave is invited once.
  EXPECT_STATUS_CODE(book.Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(200)),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(book.Invite(3, employees_, lookup_, kSecret, SurveyInvitationId(200)),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(book.Invite(2, employees_, lookup_, "short", SurveyInvitationId(200)),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(book.invitations().size(), 6u);
}

TEST_F(SurveyBookTest, ARespondentSeesTheirOwnScores) {
  SurveyBook book = InvitedBook();
  std::vector<SurveyAnswer> answers = Who5Answers({3, 3, 3, 3, 2});
  answers.push_back({"enps_1", 9});
  ASSERT_OK(book.Submit(1, EmployeeId(2), kSecret, answers, "", Date(2025, 3, 2), SurveyResponseId(1)));
  ASSERT_OK_AND_ASSIGN(const auto scores, book.OwnScores(1, EmployeeId(2), kSecret));
  // Survey order: WHO-5 first (raw 14, 56 % adequate), then eNPS (9: promoter).
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].instrument, "who5");
  EXPECT_EQ(scores[0].scales[1], (ScaleScore{"percentage", 56.0, "adequate"}));
  EXPECT_EQ(scores[1].scales[0], (ScaleScore{"answer", 9.0, "promoter"}));
  // The stored response holds the key and the invitation's groups, no id.
  const SurveyResponse& stored = book.responses().front();
  ASSERT_OK_AND_ASSIGN(const std::string key2, RespondentKey(kSecret, EmployeeId(2)));
  EXPECT_EQ(stored.respondent_key, key2);
  EXPECT_EQ(stored.org_unit, OrgUnitId(2));
  // Nobody else's view: employee 3 has not answered.
  EXPECT_STATUS_CODE(book.OwnScores(1, EmployeeId(3), kSecret), absl::StatusCode::kNotFound);
  // Rows for statistics: one response, WHO-5 in item order.
  const auto rows = book.AnswersOf(1, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::optional<int>>{3, 3, 3, 3, 2}));
}

TEST_F(SurveyBookTest, EveryRefusalNamesTheProblemAndStoresNothing) {
  SurveyBook book = InvitedBook();
  const auto submit = [&](std::int32_t wave, int employee, std::vector<SurveyAnswer> answers, Date on,
                          std::string comment = "") {
    return book.Submit(wave, EmployeeId(employee), kSecret, std::move(answers), std::move(comment), on,
                       SurveyResponseId(50 + employee));
  };
  const std::vector<SurveyAnswer> ok = Who5Answers({3, 3, 3, 3, 2});
  // The open days, both ends included.
  const absl::Status early = submit(1, 1, ok, Date(2025, 3, 1));
  EXPECT_STATUS_CODE(early, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(early.message()),
              HasSubstr("survey:3: submitted_on: wave 1 is open from 2025-03-02 to 2025-03-15, not on 2025-03-01"));
  EXPECT_STATUS_CODE(submit(1, 1, ok, Date(2025, 3, 16)), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(submit(4, 1, ok, Date(2025, 3, 5)), absl::StatusCode::kNotFound);
  // Not invited: employee 7 joins only in 2026.
  EXPECT_THAT(std::string(submit(1, 7, ok, Date(2025, 3, 5)).message()), HasSubstr("not invited to wave 1"));
  // Unknown item, out-of-scale answer, an item twice, a comment not allowed.
  EXPECT_THAT(std::string(submit(1, 1, {{"q12_1", 3}}, Date(2025, 3, 5)).message()),
              HasSubstr("survey:3: answers: unknown item q12_1"));
  EXPECT_THAT(std::string(submit(1, 1, {{"who5_2", 6}}, Date(2025, 3, 5)).message()),
              HasSubstr("survey:3: answers[who5_2]: answer 6 is outside the scale 0..5"));
  EXPECT_THAT(std::string(submit(1, 1, {{"who5_2", 1}, {"who5_2", 2}}, Date(2025, 3, 5)).message()),
              HasSubstr("item who5_2 is answered twice"));
  EXPECT_THAT(std::string(submit(1, 1, ok, Date(2025, 3, 5), "too much work").message()),
              HasSubstr("survey:3: comment: this survey takes no comments"));
  EXPECT_TRUE(book.responses().empty());
  // Both ends of the open days are accepted; a second submission is not.
  ASSERT_OK(submit(1, 1, ok, Date(2025, 3, 2)));
  ASSERT_OK(submit(1, 2, ok, Date(2025, 3, 15)));
  const absl::Status again = submit(1, 1, ok, Date(2025, 3, 3));
  EXPECT_STATUS_CODE(again, absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(again.message()), HasSubstr("has already responded to wave 1"));
  EXPECT_EQ(book.responses().size(), 2u);
  // A missing answer is allowed (and gives WHO-5 no score).
  ASSERT_OK(submit(1, 3, Who5Answers({3, 3, 3, 3}), Date(2025, 3, 4)));
  ASSERT_OK_AND_ASSIGN(const auto partial, book.OwnScores(1, EmployeeId(3), kSecret));
  EXPECT_EQ(partial[0].scales[1].value, std::nullopt);
}

// A book read back from stored entities holds what the API wrote and goes
// on as the original would; every entity a book could not have written is
// refused with its id and field.
TEST_F(SurveyBookTest, FromEntitiesReadsBackWhatTheBookWrote) {
  SurveyBook book = InvitedBook();
  ASSERT_OK(book.Invite(2, employees_, lookup_, kSecret, SurveyInvitationId(200)).status());
  ASSERT_OK(
      book.Submit(1, EmployeeId(1), kSecret, Who5Answers({3, 3, 3, 3, 2}), "", Date(2025, 3, 2), SurveyResponseId(1)));
  ASSERT_OK(book.Submit(1, EmployeeId(6), kSecret, {{"enps_1", 9}}, "", Date(2025, 3, 15), SurveyResponseId(2)));
  ASSERT_OK_AND_ASSIGN(SurveyBook read,
                       SurveyBook::FromEntities(book.survey(), instruments_, book.invitations(), book.responses()));
  EXPECT_EQ(read.survey(), book.survey());
  EXPECT_EQ(read.invitations(), book.invitations());
  EXPECT_EQ(read.responses(), book.responses());
  EXPECT_THAT(read.OwnScores(1, EmployeeId(1), kSecret),
              hrkit_test::IsOkAndHolds(*book.OwnScores(1, EmployeeId(1), kSecret)));
  // It refuses what the original refuses, and takes what it takes.
  EXPECT_STATUS_CODE(read.Submit(1, EmployeeId(1), kSecret, {}, "", Date(2025, 3, 3), SurveyResponseId(3)),
                     absl::StatusCode::kAlreadyExists);
  EXPECT_STATUS_CODE(read.Submit(1, EmployeeId(2), kSecret, {}, "", Date(2025, 3, 3), SurveyResponseId(2)),
                     absl::StatusCode::kAlreadyExists);
  EXPECT_OK(read.Submit(1, EmployeeId(2), kSecret, {}, "", Date(2025, 3, 3), SurveyResponseId(3)));
  EXPECT_STATUS_CODE(read.Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(900)),
                     absl::StatusCode::kFailedPrecondition);

  struct Case {
    std::string name;
    std::vector<SurveyInvitation> invitations;
    std::vector<SurveyResponse> responses;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<SurveyInvitation> invited = book.invitations();
  const std::vector<SurveyResponse> answered = book.responses();
  const auto invitation_with = [&](auto change) {
    std::vector<SurveyInvitation> out = invited;
    change(out);
    return out;
  };
  const auto response_with = [&](auto change) {
    std::vector<SurveyResponse> out = answered;
    change(out);
    return out;
  };
  const std::vector<Case> cases = {
      {"another survey", invitation_with([](auto& v) { v[0].survey = SurveyId(9); }), answered,
       absl::StatusCode::kInvalidArgument, "survey_invitation:100: survey: survey:9 is not survey:3"},
      {"no such wave", invitation_with([](auto& v) { v[0].wave = 3; }), answered, absl::StatusCode::kInvalidArgument,
       "survey_invitation:100: wave: survey:3 has no wave 3"},
      {"invitation id twice", invitation_with([](auto& v) { v[1].id = v[0].id; }), answered,
       absl::StatusCode::kInvalidArgument, "survey_invitation:100: id: used twice"},
      {"invited twice", invitation_with([](auto& v) { v[1].respondent_key = v[0].respondent_key; }), answered,
       absl::StatusCode::kAlreadyExists,
       "survey_invitation:101: respondent_key: the respondent is invited to wave 1 twice"},
      {"bad key", invitation_with([](auto& v) { v[0].respondent_key = "E1"; }), answered,
       absl::StatusCode::kInvalidArgument, "survey_invitation:100"},
      {"response of another survey", invited, response_with([](auto& v) { v[0].survey = SurveyId(9); }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: survey: survey:9 is not survey:3"},
      {"response to no such wave", invited, response_with([](auto& v) { v[0].wave = 4; }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: wave: survey:3 has no wave 4"},
      {"response id twice", invited, response_with([](auto& v) { v[1].id = v[0].id; }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: id: used twice"},
      {"not invited", invited,
       response_with([&](auto& v) { v[0].respondent_key = *RespondentKey(kSecret, EmployeeId(7)); }),
       absl::StatusCode::kFailedPrecondition,
       "survey_response:1: respondent_key: the respondent was not invited to wave 1"},
      {"responded twice", invited, response_with([](auto& v) {
         v[1].respondent_key = v[0].respondent_key;
         v[1].org_unit = v[0].org_unit;
       }),
       absl::StatusCode::kAlreadyExists,
       "survey_response:2: respondent_key: the respondent has responded to wave 1 already"},
      {"unit differs", invited, response_with([](auto& v) { v[0].org_unit = OrgUnitId(1); }),
       absl::StatusCode::kInvalidArgument,
       "survey_response:1: org_unit: differs from its invitation's (survey_invitation:100)"},
      {"location differs", invited, response_with([](auto& v) { v[0].location = LocationId(); }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: location: differs"},
      {"band differs", invited, response_with([](auto& v) { v[0].tenure_band = "5+"; }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: tenure_band: differs"},
      {"after closing", invited, response_with([](auto& v) { v[0].submitted_on = Date(2025, 3, 16); }),
       absl::StatusCode::kFailedPrecondition,
       "survey_response:1: submitted_on: wave 1 is open from 2025-03-02 to 2025-03-15"},
      {"unknown item", invited, response_with([](auto& v) { v[0].answers[0].item = "q12_1"; }),
       absl::StatusCode::kInvalidArgument, "survey_response:1: survey:3: answers: unknown item q12_1"},
      {"out of scale", invited, response_with([](auto& v) { v[1].answers[0].answer = 11; }),
       absl::StatusCode::kInvalidArgument, "answer 11 is outside the scale 0..10"},
      {"comment", invited, response_with([](auto& v) { v[0].comment = "hi"; }), absl::StatusCode::kInvalidArgument,
       "survey_response:1: comment: survey:3 takes no comments"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto result = SurveyBook::FromEntities(book.survey(), instruments_, c.invitations, c.responses);
    EXPECT_STATUS_CODE(result, c.code);
    EXPECT_THAT(hrkit_test::Message(result), ::testing::HasSubstr(c.message));
  }
  // An invitation id already used by an earlier wave is refused by Invite.
  ASSERT_OK_AND_ASSIGN(SurveyBook fresh, SurveyBook::Create(survey_, instruments_));
  ASSERT_OK(fresh.Invite(1, employees_, lookup_, kSecret, SurveyInvitationId(100)).status());
  EXPECT_STATUS_CODE(fresh.Invite(2, employees_, lookup_, kSecret, SurveyInvitationId(105)),
                     absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(fresh.invitations().size(), 6u);
}

TEST_F(SurveyBookTest, ThresholdsAreFixedOnceTheSurveyOpens) {
  SurveyBook book = InvitedBook();
  EXPECT_STATUS_CODE(book.SetThresholds({.min_group = 2, .min_comment_group = 10}, Date(2025, 3, 1)),
                     absl::StatusCode::kInvalidArgument);
  ASSERT_OK(book.SetThresholds({.min_group = 7, .min_comment_group = 12}, Date(2025, 3, 1)));
  EXPECT_EQ(book.survey().min_group, 7);
  const absl::Status late = book.SetThresholds({.min_group = 5, .min_comment_group = 10}, Date(2025, 3, 2));
  EXPECT_STATUS_CODE(late, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(late.message()), HasSubstr("the thresholds are fixed once the survey opens on 2025-03-02"));
  EXPECT_EQ(book.survey().min_group, 7);
}

TEST_F(SurveyBookTest, CreateChecksTheInstruments) {
  EXPECT_THAT(
      std::string(SurveyBook::Create(survey_, std::vector<InstrumentDefinition>{Who5Instrument()}).status().message()),
      HasSubstr("survey:3: instruments: no definition given for enps"));
  ASSERT_OK_AND_ASSIGN(InstrumentDefinition clash, LikertInstrument("enps", "Clash", 1, 5, {{.code = "who5_1"}}));
  EXPECT_THAT(
      std::string(
          SurveyBook::Create(survey_, std::vector<InstrumentDefinition>{Who5Instrument(), clash}).status().message()),
      HasSubstr("item code who5_1 is used by two instruments"));
  Survey overlapping = survey_;
  overlapping.waves[1].invited_on = Date(2025, 3, 10);
  EXPECT_STATUS_CODE(SurveyBook::Create(overlapping, instruments_), absl::StatusCode::kInvalidArgument);
}

TEST(TenureBand, CountsWholeYearsToTheDay) {
  EXPECT_EQ(TenureBand(Date(2024, 3, 1), Date(2025, 2, 28)), "0-1");
  EXPECT_EQ(TenureBand(Date(2024, 3, 1), Date(2025, 3, 1)), "1-3");
  EXPECT_EQ(TenureBand(Date(2022, 3, 1), Date(2025, 2, 28)), "1-3");
  EXPECT_EQ(TenureBand(Date(2022, 3, 1), Date(2025, 3, 1)), "3-5");
  EXPECT_EQ(TenureBand(Date(2020, 3, 1), Date(2025, 3, 1)), "5+");
  EXPECT_EQ(TenureBand(Date(boost::gregorian::not_a_date_time), Date(2025, 3, 1)), "unknown");
}

}  // namespace
}  // namespace hrkit
