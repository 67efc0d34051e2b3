// The flat survey roll-up: hand-worked figures on a small tree, agreement
// with OrgReport on seeded random organizations run through SurveyBook
// (every figure of every group, exactly), agreement with a naive recount,
// and every input error.
#include "hrkit/relations/survey_rollup.hpp"

#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

constexpr std::string_view kSecret = "rollup-test-secret-0123456789";
constexpr std::uint8_t kNa = kMissingAnswerByte;

// Six items on 1..5, item 1 reverse-scored. Every scale score is exact in
// binary (a mean of 4 or of 1-2 values, a sum), so a sum of scores does not
// depend on the order it is taken in.
InstrumentDefinition SixItems() {
  InstrumentDefinition d;
  d.code = "six";
  d.name = "Six items";
  d.min_answer = 1;
  d.max_answer = 5;
  for (int i = 0; i < 6; ++i) d.items.push_back({.code = absl::StrCat("six_", i), .reverse = i == 1});
  d.scales = {{.code = "core", .items = {0, 1, 2, 3}, .method = ScoreMethod::kMean, .min_answered = 4},
              {.code = "extra", .items = {4, 5}, .method = ScoreMethod::kSum, .multiplier = 2.5, .min_answered = 2},
              {.code = "pair", .items = {0, 5}, .method = ScoreMethod::kMean, .min_answered = 1}};
  return d;
}

// Two items on 1..5, the second reverse-scored, one mean scale.
InstrumentDefinition TwoItems() {
  InstrumentDefinition d;
  d.code = "two";
  d.min_answer = 1;
  d.max_answer = 5;
  d.items = {{.code = "two_a"}, {.code = "two_b", .reverse = true}};
  d.scales = {{.code = "mean", .items = {0, 1}, .method = ScoreMethod::kMean, .min_answered = 1}};
  return d;
}

TEST(SurveyRollup, HandWorkedTree) {
  // Units: 0 the root (2 own respondents), 1 Team A (6), 2 Team B (3), 3 a
  // team under A (0 respondents). Root 11; family of the root: 11 - 6
  // (A shown) = 5 hidden, fine; B has 3 < 5 (below_minimum); unit 3 is empty
  // (below_minimum); A's family: remainder 6 - 0 = 6, fine.
  const std::vector<OrgUnitId> units = {OrgUnitId(10), OrgUnitId(11), OrgUnitId(12), OrgUnitId(13)};
  const std::vector<std::int32_t> parents = {-1, 0, 0, 1};
  const std::vector<std::int64_t> invited = {2, 8, 4, 1};
  const std::vector<std::int32_t> who = {0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2};
  // Bytes are answer - 1. Team A: item a answers 5,5,4,4,3,missing; item b
  // answers 1,1,1,2,2,2 (reversed: 5,5,5,4,4,4).
  const std::vector<std::uint8_t> answers = {0, 0, 4, 4,  //
                                             4, 0, 4, 0, 3, 0, 3, 1, 2, 1, kNa, 1, 0, 0, 1, 1, 2, 2};
  const SurveyRollupInput in{
      .units = units, .parents = parents, .invited = invited, .respondent_units = who, .answers = answers};
  ASSERT_OK_AND_ASSIGN(const SurveyRollup r, SurveyRollup::Compute(in, TwoItems(), {}));
  EXPECT_EQ(r.suppression(0), Suppression::kShown);
  EXPECT_EQ(r.suppression(1), Suppression::kShown);
  EXPECT_EQ(r.suppression(2), Suppression::kBelowMinimum);
  EXPECT_EQ(r.suppression(3), Suppression::kBelowMinimum);
  // Team A: 6 of 9 invited (8 + 1 below); item a: 5 answers, mean
  // (5+5+4+4+3)/5 = 4.2, favourable (4-5) 4 of 5 = 80 %.
  EXPECT_EQ(r.respondents(1), 6);
  EXPECT_EQ(r.item_answered(1, 0), 5);
  EXPECT_DOUBLE_EQ(*r.item_mean(1, 0), 4.2);
  EXPECT_DOUBLE_EQ(*r.item_favorable_percent(1, 0), 80.0);
  EXPECT_THAT(r.item_distribution(1, 0), testing::ElementsAre(0, 0, 1, 2, 2));
  // Item b reversed: mean (5+5+5+4+4+4)/6 = 4.5; favourable = bottom two
  // answers (1-2): 6 of 6.
  EXPECT_DOUBLE_EQ(*r.item_mean(1, 1), 4.5);
  EXPECT_DOUBLE_EQ(*r.item_favorable_percent(1, 1), 100.0);
  // Scale "mean" per respondent: 5, 5, 4.5, 4, 3.5, 4 (a missing) -> 26 / 6.
  EXPECT_EQ(r.scale_scored(1, 0), 6);
  EXPECT_DOUBLE_EQ(*r.scale_mean(1, 0), 26.0 / 6.0);
  const SurveyGroupResult a = r.Group(1);
  EXPECT_EQ(a.unit, OrgUnitId(11));
  EXPECT_EQ(a.parent, OrgUnitId(10));
  EXPECT_EQ(a.invited, 9);
  EXPECT_DOUBLE_EQ(*a.response_rate_percent, 100.0 * 6.0 / 9.0);
  // Root: 11 respondents of 15; item a answered 10 times, sum (1 + 5) +
  // 21 + (1 + 2 + 3) = 33 -> 3.3.
  EXPECT_EQ(r.respondents(0), 11);
  EXPECT_EQ(r.Group(0).invited, 15);
  EXPECT_DOUBLE_EQ(*r.item_mean(0, 0), 3.3);
  // Hidden units hold no figure.
  for (const std::size_t g : {2u, 3u}) {
    EXPECT_EQ(r.respondents(g), std::nullopt);
    EXPECT_EQ(r.item_answered(g, 0), std::nullopt);
    EXPECT_EQ(r.item_mean(g, 0), std::nullopt);
    EXPECT_TRUE(r.item_distribution(g, 0).empty());
    EXPECT_EQ(r.scale_mean(g, 0), std::nullopt);
    const SurveyGroupResult hidden = r.Group(g);
    EXPECT_EQ(hidden.invited, std::nullopt);
    EXPECT_TRUE(hidden.items.empty());
    EXPECT_TRUE(hidden.scales.empty());
  }
}

using relations_test::MakeOrg;
using relations_test::Org;

// The roll-up input of one instrument of a book: every unit of the tree,
// invitations per unit, each response's unit and answer bytes.
struct BookInput {
  std::vector<OrgUnitId> units;
  std::vector<std::int32_t> parents;
  std::vector<std::int64_t> invited;
  std::vector<std::int32_t> respondent_units;
  std::vector<std::uint8_t> answers;

  SurveyRollupInput View() const {
    return {.units = units,
            .parents = parents,
            .invited = invited,
            .respondent_units = respondent_units,
            .answers = answers};
  }
};

BookInput InputOf(const SurveyBook& book, std::size_t instrument, const std::vector<int>& parent) {
  const InstrumentDefinition& def = book.instruments()[instrument];
  BookInput in;
  for (std::size_t u = 0; u < parent.size(); ++u) {
    in.units.emplace_back(static_cast<std::int64_t>(u + 1));
    in.parents.push_back(parent[u]);
  }
  in.invited.assign(parent.size(), 0);
  for (const SurveyInvitation& i : book.invitations()) ++in.invited[static_cast<std::size_t>(i.org_unit.value() - 1)];
  for (const SurveyResponse& r : book.responses()) {
    in.respondent_units.push_back(static_cast<std::int32_t>(r.org_unit.value() - 1));
    for (const std::optional<int>& answer : book.AnswerRow(r, instrument)) {
      in.answers.push_back(answer.has_value() ? static_cast<std::uint8_t>(*answer - def.min_answer) : kNa);
    }
  }
  return in;
}

// A random answer to each item of `def`, a tenth of them left out.
void AddAnswers(const InstrumentDefinition& def, std::mt19937& rng, std::vector<SurveyAnswer>& out) {
  const auto options = static_cast<unsigned>(def.max_answer - def.min_answer + 1);
  for (const SurveyItem& item : def.items) {
    if (rng() % 10 == 0) continue;
    out.push_back({item.code, def.min_answer + static_cast<int>(rng() % options)});
  }
}

TEST(SurveyRollup, MatchesOrgReportOnRandomOrganizations) {
  std::mt19937 rng(20261129);
  const std::vector<InstrumentDefinition> defs = {SixItems(), Who5Instrument(), EnpsInstrument()};
  std::int64_t shown = 0;
  for (int round = 0; round < 12; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const int units = 2 + static_cast<int>(rng() % 14);
    std::vector<int> parent(static_cast<std::size_t>(units), -1);
    std::vector<int> people(static_cast<std::size_t>(units));
    for (int u = 1; u < units; ++u) parent[static_cast<std::size_t>(u)] = static_cast<int>(rng() % u);
    for (int& p : people) p = static_cast<int>(rng() % 10);
    const Org org = MakeOrg(parent, people);
    Survey s;
    s.id = SurveyId(1);
    s.instruments = {"six", "who5", "enps"};
    s.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)}};
    s.min_group = 3 + static_cast<int>(rng() % 3);
    ASSERT_OK_AND_ASSIGN(SurveyBook book, SurveyBook::Create(s, defs));
    ASSERT_OK(book.Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)).status());
    std::int64_t id = 1;
    for (const Employee& e : org.employees) {
      if (rng() % 5 == 0) continue;
      std::vector<SurveyAnswer> answers;
      for (const InstrumentDefinition& def : defs) AddAnswers(def, rng, answers);
      ASSERT_OK(book.Submit(1, e.id, kSecret, answers, "", Date(2025, 3, 3), SurveyResponseId(id++)));
    }
    for (std::size_t k = 0; k < defs.size(); ++k) {
      SCOPED_TRACE(defs[k].code);
      ASSERT_OK_AND_ASSIGN(const auto report, OrgReport(book, 1, k, org.lookup));
      const BookInput in = InputOf(book, k, parent);
      ASSERT_OK_AND_ASSIGN(const SurveyRollup r, SurveyRollup::Compute(in.View(), defs[k], {.min_group = s.min_group}));
      std::vector<bool> reported(static_cast<std::size_t>(units), false);
      for (const SurveyGroupResult& expected : report) {
        const auto g = static_cast<std::size_t>(expected.unit.value() - 1);
        reported[g] = true;
        shown += IsShown(expected.suppression) ? 1 : 0;
        EXPECT_EQ(r.Group(g), expected) << ToString(expected.unit);
      }
      // A unit OrgReport leaves out (nobody invited in its subtree) is an
      // empty group here: hidden, and hiding nothing else (checked above).
      for (std::size_t g = 0; g < reported.size(); ++g) {
        if (!reported[g]) {
          EXPECT_EQ(r.suppression(g), Suppression::kBelowMinimum);
        }
      }
    }
  }
  // The comparison covered shown groups with figures, not only verdicts.
  EXPECT_GT(shown, 30);
}

// Whether unit `g` is `ancestor` or below it.
bool Within(const std::vector<std::int32_t>& parents, std::int32_t g, std::int32_t ancestor) {
  for (; g >= 0; g = parents[static_cast<std::size_t>(g)]) {
    if (g == ancestor) return true;
  }
  return false;
}

// SixItems with other option values: fractions (exact in binary) or
// negative integers, so the scores take each of the engine's three ways of
// summing (16-bit lanes, one integer per scale, doubles).
InstrumentDefinition SixItemsWithOptionValues(std::vector<double> values) {
  InstrumentDefinition d = SixItems();
  d.option_values = std::move(values);
  return d;
}

TEST(SurveyRollup, MatchesANaiveRecount) {
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const InstrumentDefinition def = round % 3 == 0   ? SixItems()
                                     : round % 3 == 1 ? SixItemsWithOptionValues({-2.0, -1.0, 0.0, 1.0, 2.0})
                                                      : SixItemsWithOptionValues({0.0, 0.5, 1.25, 2.0, 3.5});
    const std::size_t items = def.items.size();
    const auto units = static_cast<std::int32_t>(1 + rng() % 40);
    std::vector<OrgUnitId> ids;
    std::vector<std::int32_t> parents;
    for (std::int32_t u = 0; u < units; ++u) {
      ids.emplace_back(1000 - u);  // keys in the opposite order of the indexes
      parents.push_back(u == 0 || rng() % 8 == 0 ? -1 : static_cast<std::int32_t>(rng() % u));
    }
    std::vector<std::int32_t> who(rng() % 300);
    std::vector<std::uint8_t> answers(who.size() * items);
    for (std::int32_t& u : who) u = static_cast<std::int32_t>(rng() % (units + 1)) - 1;  // -1: no unit
    for (std::uint8_t& a : answers) a = rng() % 8 == 0 ? kNa : static_cast<std::uint8_t>(rng() % 5);
    const SurveyRollupInput in{.units = ids, .parents = parents, .respondent_units = who, .answers = answers};
    ASSERT_OK_AND_ASSIGN(const SurveyRollup r, SurveyRollup::Compute(in, def, {}));
    // The naive recount: every unit against every respondent.
    std::vector<GroupCount> groups;
    for (std::int32_t g = 0; g < units; ++g) {
      std::int64_t n = 0;
      for (const std::int32_t u : who) n += Within(parents, u, g) ? 1 : 0;
      groups.push_back({.parent = parents[static_cast<std::size_t>(g)], .count = n, .key = ids[g].value()});
    }
    ASSERT_OK_AND_ASSIGN(const auto verdicts, SuppressGroups(groups, {}, Disclosure::kAggregates));
    for (std::int32_t g = 0; g < units; ++g) {
      const auto gi = static_cast<std::size_t>(g);
      ASSERT_EQ(r.suppression(gi), verdicts[gi]) << g;
      if (!IsShown(verdicts[gi])) {
        EXPECT_EQ(r.respondents(gi), std::nullopt);
        EXPECT_TRUE(r.item_distribution(gi, 0).empty());
        continue;
      }
      EXPECT_EQ(r.respondents(gi), groups[gi].count);
      // Every value and score here is exact in binary, so the sums do not
      // depend on their order.
      std::vector<std::vector<std::uint32_t>> dist(items, std::vector<std::uint32_t>(5, 0));
      std::vector<double> item_sum(items, 0.0);
      std::vector<double> scale_sum(def.scales.size(), 0.0);
      std::vector<std::int64_t> scale_scored(def.scales.size(), 0);
      for (std::size_t k = 0; k < who.size(); ++k) {
        if (!Within(parents, who[k], g)) continue;
        std::vector<std::optional<int>> row(items);
        for (std::size_t i = 0; i < items; ++i) {
          const std::uint8_t a = answers[k * items + i];
          if (a == kNa) continue;
          ++dist[i][a];
          item_sum[i] += ItemValue(def, i, a + 1);
          row[i] = a + 1;
        }
        ASSERT_OK_AND_ASSIGN(const auto scores, ScoreResponse(def, row));
        for (std::size_t s = 0; s < scores.size(); ++s) {
          if (!scores[s].value.has_value()) continue;
          scale_sum[s] += *scores[s].value;
          ++scale_scored[s];
        }
      }
      for (std::size_t i = 0; i < items; ++i) {
        EXPECT_THAT(r.item_distribution(gi, i), testing::ElementsAreArray(dist[i])) << g << " item " << i;
        std::int64_t answered = 0;
        for (const std::uint32_t c : dist[i]) answered += c;
        EXPECT_EQ(r.item_answered(gi, i), answered);
        if (answered > 0) {
          EXPECT_EQ(r.item_mean(gi, i), item_sum[i] / static_cast<double>(answered)) << g;
        }
      }
      for (std::size_t s = 0; s < def.scales.size(); ++s) {
        EXPECT_EQ(r.scale_scored(gi, s), scale_scored[s]);
        const std::optional<double> mean =
            scale_scored[s] > 0 ? std::optional<double>(scale_sum[s] / static_cast<double>(scale_scored[s]))
                                : std::nullopt;
        EXPECT_EQ(r.scale_mean(gi, s), mean) << g << " scale " << def.scales[s].code;
      }
    }
  }
}

TEST(SurveyRollup, RejectsInvalidInput) {
  const std::vector<OrgUnitId> units = {OrgUnitId(1), OrgUnitId(2)};
  const std::vector<std::int32_t> parents = {-1, 0};
  const std::vector<std::int32_t> who = {1, 0};
  const std::vector<std::uint8_t> answers = {0, 1, 2, kNa};
  const InstrumentDefinition def = TwoItems();
  const SurveyRollupInput ok{.units = units, .parents = parents, .respondent_units = who, .answers = answers};
  EXPECT_OK(SurveyRollup::Compute(ok, def, {}).status());
  auto fails = [&](SurveyRollupInput in, const InstrumentDefinition& d, ConfidentialityThresholds t,
                   const std::string& field) {
    const absl::StatusOr<SurveyRollup> r = SurveyRollup::Compute(in, d, t);
    EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), testing::HasSubstr(field));
  };
  InstrumentDefinition bad = def;
  bad.items.clear();
  fails(ok, bad, {}, "items");
  InstrumentDefinition wide = def;
  wide.max_answer = 300;
  fails(ok, wide, {}, "254");
  fails(ok, def, {.min_group = 2}, "min_group");
  const std::vector<std::int32_t> short_parents = {-1};
  fails({.units = units, .parents = short_parents, .respondent_units = who, .answers = answers}, def, {}, "parents");
  const std::vector<std::int32_t> later_parent = {1, -1};
  fails({.units = units, .parents = later_parent, .respondent_units = who, .answers = answers}, def, {}, "parents[0]");
  const std::vector<std::int64_t> short_invited = {1};
  fails({.units = units, .parents = parents, .invited = short_invited, .respondent_units = who, .answers = answers},
        def, {}, "invited");
  const std::vector<std::int64_t> negative_invited = {1, -1};
  fails({.units = units, .parents = parents, .invited = negative_invited, .respondent_units = who, .answers = answers},
        def, {}, "invited[1]");
  const std::vector<std::uint8_t> short_answers = {0, 1, 2};
  fails({.units = units, .parents = parents, .respondent_units = who, .answers = short_answers}, def, {}, "answers");
  const std::vector<std::int32_t> unknown_unit = {1, 2};
  fails({.units = units, .parents = parents, .respondent_units = unknown_unit, .answers = answers}, def, {},
        "respondent_units[1]");
  // Byte 5 is answer 6 on a 1..5 scale.
  const std::vector<std::uint8_t> off_scale = {0, 1, 2, 5};
  fails({.units = units, .parents = parents, .respondent_units = who, .answers = off_scale}, def, {},
        "answers[1][two_b]");
}

}  // namespace
}  // namespace hrkit
