// The built-in instruments score DOMAIN.md's worked examples exactly, with
// their missing-answer rules, reverse-scored items and interpretation bands.
#include "hrkit/relations/instrument.hpp"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;
using Answers = std::vector<std::optional<int>>;

// The score named `code` of `answers`.
ScaleScore Score(const InstrumentDefinition& instrument, const Answers& answers, const std::string& code) {
  const auto scores = ScoreResponse(instrument, answers);
  EXPECT_OK(scores.status());
  if (!scores.ok()) return {};
  for (const ScaleScore& s : *scores) {
    if (s.code == code) return s;
  }
  ADD_FAILURE() << "no scale " << code;
  return {};
}

TEST(BuiltInInstruments, AreValid) {
  for (const InstrumentDefinition& i : {Who5Instrument(), Uwes9Instrument(), EnpsInstrument(),
                                        PsychologicalSafetyInstrument(), CopenhagenBurnoutInstrument()}) {
    EXPECT_TRUE(ValidateInstrument(i).ok()) << i.code << ": " << ValidateInstrument(i).message();
  }
}

TEST(Who5, WorkedExample) {
  // [3,3,3,3,2] -> raw 14, percentage 14 x 4 = 56, above 50: adequate.
  const Answers answers = {3, 3, 3, 3, 2};
  EXPECT_EQ(Score(Who5Instrument(), answers, "raw").value, 14.0);
  const ScaleScore pct = Score(Who5Instrument(), answers, "percentage");
  EXPECT_EQ(pct.value, 56.0);
  EXPECT_EQ(pct.band, "adequate");
}

TEST(Who5, BandsAtTheirBoundaries) {
  // raw 7 -> 28: at the "likely depression" bound; raw 8 -> 32 and raw 12 ->
  // 48: poor well-being; raw 13 -> 52: adequate.
  EXPECT_EQ(Score(Who5Instrument(), {2, 2, 1, 1, 1}, "percentage").band, "likely depression");
  EXPECT_EQ(Score(Who5Instrument(), {2, 2, 2, 1, 1}, "percentage").band, "poor well-being");
  EXPECT_EQ(Score(Who5Instrument(), {3, 3, 2, 2, 2}, "percentage").band, "poor well-being");
  const ScaleScore adequate = Score(Who5Instrument(), {3, 3, 3, 2, 2}, "percentage");
  EXPECT_EQ(adequate.value, 52.0);
  EXPECT_EQ(adequate.band, "adequate");
  // The extremes: 0 and 100.
  EXPECT_EQ(Score(Who5Instrument(), {0, 0, 0, 0, 0}, "percentage").value, 0.0);
  EXPECT_EQ(Score(Who5Instrument(), {5, 5, 5, 5, 5}, "percentage").value, 100.0);
}

TEST(Who5, AnyMissingAnswerGivesNoScore) {
  const ScaleScore pct = Score(Who5Instrument(), {5, 5, std::nullopt, 5, 5}, "percentage");
  EXPECT_EQ(pct.value, std::nullopt);
  EXPECT_EQ(pct.band, "");
}

TEST(Uwes9, WorkedExample) {
  // Items V,V,D,D,V,A,D,A,A = [5,4,5,6,3,2,5,4,3]:
  // vigor (1,2,5) = (5+4+3)/3 = 4; dedication (3,4,7) = (5+6+5)/3 = 16/3;
  // absorption (6,8,9) = (2+4+3)/3 = 3; total = 37/9.
  const Answers answers = {5, 4, 5, 6, 3, 2, 5, 4, 3};
  EXPECT_DOUBLE_EQ(*Score(Uwes9Instrument(), answers, "vigor").value, 4.0);
  EXPECT_DOUBLE_EQ(*Score(Uwes9Instrument(), answers, "dedication").value, 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(*Score(Uwes9Instrument(), answers, "absorption").value, 3.0);
  EXPECT_DOUBLE_EQ(*Score(Uwes9Instrument(), answers, "total").value, 37.0 / 9.0);
  EXPECT_NEAR(*Score(Uwes9Instrument(), answers, "total").value, 4.111, 5e-4);
}

TEST(Uwes9, AMissingItemLeavesOnlyItsScalesUnscored) {
  // Item 6 (absorption) missing: absorption and total have no score.
  const Answers answers = {5, 4, 5, 6, 3, std::nullopt, 5, 4, 3};
  EXPECT_EQ(Score(Uwes9Instrument(), answers, "absorption").value, std::nullopt);
  EXPECT_EQ(Score(Uwes9Instrument(), answers, "total").value, std::nullopt);
  EXPECT_DOUBLE_EQ(*Score(Uwes9Instrument(), answers, "vigor").value, 4.0);
}

TEST(Enps, BandsThePersonsAnswer) {
  EXPECT_EQ(Score(EnpsInstrument(), {6}, "answer").band, "detractor");
  EXPECT_EQ(Score(EnpsInstrument(), {7}, "answer").band, "passive");
  EXPECT_EQ(Score(EnpsInstrument(), {8}, "answer").band, "passive");
  EXPECT_EQ(Score(EnpsInstrument(), {9}, "answer").band, "promoter");
  EXPECT_EQ(Score(EnpsInstrument(), {0}, "answer").band, "detractor");
}

TEST(PsychologicalSafety, WorkedExampleWithReversedItems) {
  // [3,5,2,6,4,6,5]; items 1, 3, 5 reversed (8 - x): [5,5,6,6,4,6,5] -> 37/7.
  const ScaleScore s = Score(PsychologicalSafetyInstrument(), {3, 5, 2, 6, 4, 6, 5}, "score");
  EXPECT_DOUBLE_EQ(*s.value, 37.0 / 7.0);
  EXPECT_NEAR(*s.value, 5.286, 5e-4);
}

TEST(CopenhagenBurnout, ScalesWithOptionValuesAndTheReversedWorkItem) {
  // Options 1..5 -> 100, 75, 50, 25, 0.
  // Personal [1,2,3,4,5,2] -> 100+75+50+25+0+75 = 325 / 6.
  // Work [2,2,3,3,4,1,5] -> 75+75+50+50+25+100 + item 13 (5 -> 0, reversed
  // 100 - 0 = 100) = 475 / 7.
  // Client: only 2 of 6 answered, fewer than 3 -> no score.
  const Answers answers = {
      1, 2, 3, 4, 5, 2, 2, 2, 3, 3, 4, 1, 5, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 3, 3};
  EXPECT_DOUBLE_EQ(*Score(CopenhagenBurnoutInstrument(), answers, "personal").value, 325.0 / 6.0);
  EXPECT_DOUBLE_EQ(*Score(CopenhagenBurnoutInstrument(), answers, "work").value, 475.0 / 7.0);
  EXPECT_EQ(Score(CopenhagenBurnoutInstrument(), answers, "client").value, std::nullopt);
}

TEST(CopenhagenBurnout, HalfTheItemsAnsweredIsEnough) {
  // Work with 4 of 7 answered: 75 + 25 + 100 + item 13 (1 -> 100, reversed
  // 0) = 200 / 4 = 50. With 3 of 7: no score.
  Answers four(19, std::nullopt);
  four[6] = 2;
  four[10] = 4;
  four[11] = 1;
  four[12] = 1;
  EXPECT_DOUBLE_EQ(*Score(CopenhagenBurnoutInstrument(), four, "work").value, 50.0);
  Answers three = four;
  three[6] = std::nullopt;
  EXPECT_EQ(Score(CopenhagenBurnoutInstrument(), three, "work").value, std::nullopt);
  // Personal with exactly 3 of 6: scored.
  Answers personal(19, std::nullopt);
  personal[0] = personal[1] = personal[2] = 3;
  EXPECT_DOUBLE_EQ(*Score(CopenhagenBurnoutInstrument(), personal, "personal").value, 50.0);
}

TEST(Likert, UserDefinedWithAReverseItem) {
  ASSERT_OK_AND_ASSIGN(const InstrumentDefinition i,
                       LikertInstrument("team", "Team climate", 1, 5,
                                        {{.code = "a"}, {.code = "b", .reverse = true}, {.code = "c"}}, 2));
  // [5, 2, -] -> values 5 and 6 - 2 = 4 -> 4.5 (2 of 3 answered is enough).
  EXPECT_DOUBLE_EQ(*Score(i, {5, 2, std::nullopt}, "mean").value, 4.5);
  EXPECT_EQ(Score(i, {5, std::nullopt, std::nullopt}, "mean").value, std::nullopt);
  EXPECT_STATUS_CODE(LikertInstrument("x", "X", 1, 5, {}), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(LikertInstrument("x", "X", 5, 1, {{.code = "a"}}), absl::StatusCode::kInvalidArgument);
}

TEST(ScoreResponse, RejectsAnswersThatDoNotFit) {
  const auto wrong_count = ScoreResponse(Who5Instrument(), Answers{1, 2, 3});
  EXPECT_STATUS_CODE(wrong_count, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(wrong_count.status().message()),
              HasSubstr("instrument:who5: answers: expected one answer per item (5), got 3"));
  const auto out_of_scale = ScoreResponse(Who5Instrument(), Answers{1, 2, 6, 1, 1});
  EXPECT_STATUS_CODE(out_of_scale, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(out_of_scale.status().message()),
              HasSubstr("instrument:who5: answers[who5_3]: answer 6 is outside the scale 0..5"));
  EXPECT_STATUS_CODE(ScoreResponse(Who5Instrument(), Answers{-1, 2, 3, 1, 1}), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateInstrument, NamesWhatIsWrong) {
  auto message = [](const InstrumentDefinition& i) { return std::string(ValidateInstrument(i).message()); };
  InstrumentDefinition i = Who5Instrument();
  i.items[1].code = "who5_1";
  EXPECT_THAT(message(i), HasSubstr("instrument:who5: items: item code who5_1 is repeated"));
  i = Who5Instrument();
  i.scales[0].items.push_back(9);
  EXPECT_THAT(message(i), HasSubstr("scales[raw]: item index 9 is out of range"));
  i = Who5Instrument();
  i.scales[0].min_answered = 0;
  EXPECT_THAT(message(i), HasSubstr("min_answered must be in 1..5, got 0"));
  i = Who5Instrument();
  i.scales[1].bands = {{50.0, "a"}, {28.0, "b"}};
  EXPECT_THAT(message(i), HasSubstr("strictly ascending"));
  i = CopenhagenBurnoutInstrument();
  i.option_values.pop_back();
  EXPECT_THAT(message(i), HasSubstr("option_values: needs one value per option (5), got 4"));
  i = Who5Instrument();
  i.favorable_options = 7;
  EXPECT_THAT(message(i), HasSubstr("favorable_options: must be in 1..6"));
  i = Who5Instrument();
  i.scales[1].code = "raw";
  EXPECT_THAT(message(i), HasSubstr("scale code raw is repeated"));
}

}  // namespace
}  // namespace hrkit
