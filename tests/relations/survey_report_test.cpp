// The confidential org report of a survey wave: hand-worked figures and
// verdicts on a small tree, and a seeded property test on random trees that
// no hidden group's count can be derived from what is shown.
#include "hrkit/relations/survey_report.hpp"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

constexpr std::string_view kSecret = "report-test-secret-0123456789";

using relations_test::MakeOrg;
using relations_test::Org;

SurveyBook InvitedWho5Book(const Org& org) {
  Survey s;
  s.id = SurveyId(1);
  s.instruments = {"who5"};
  s.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)}};
  auto book = SurveyBook::Create(s, std::vector<InstrumentDefinition>{Who5Instrument()});
  EXPECT_OK(book.status());
  EXPECT_OK(book->Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)).status());
  return *std::move(book);
}

std::vector<SurveyAnswer> Who5(int a, int b, int c, int d, int e) {
  return {{"who5_1", a}, {"who5_2", b}, {"who5_3", c}, {"who5_4", d}, {"who5_5", e}};
}

const SurveyGroupResult& Group(const std::vector<SurveyGroupResult>& report, std::int64_t unit) {
  for (const SurveyGroupResult& g : report) {
    if (g.unit == OrgUnitId(unit)) return g;
  }
  ADD_FAILURE() << "no group for unit " << unit;
  return report.front();
}

TEST(OrgReport, HandWorkedTree) {
  // HQ (unit 1, the CEO) with Sales (2) and Ops (3); Sales has Team A (4,
  // 7 people) and Team B (5, 3 people); Ops has 7 people. All 18 invited;
  // everyone answers except one person in Team A.
  const Org org = MakeOrg({-1, 0, 0, 1, 1}, {1, 0, 7, 7, 3});
  SurveyBook book = InvitedWho5Book(org);
  std::int64_t response = 1;
  for (const Employee& e : org.employees) {
    // Employees are numbered unit by unit: 1 in HQ, 2-8 in Ops, 9-15 in
    // Team A, 16-18 in Team B.
    const std::int64_t n = e.id.value();
    const OrgUnitId unit(n == 1 ? 1 : n <= 8 ? 3 : n <= 15 ? 4 : 5);
    std::vector<SurveyAnswer> answers;
    if (unit == OrgUnitId(1)) answers = Who5(5, 5, 5, 5, 5);  // 100
    if (unit == OrgUnitId(3)) answers = Who5(4, 4, 4, 4, 4);  // 80
    if (unit == OrgUnitId(5)) answers = Who5(1, 1, 1, 1, 1);  // 20
    if (unit == OrgUnitId(4)) {
      if (e.id == EmployeeId(9)) continue;  // the one who does not answer
      answers = Who5(3, 3, 3, 3, 2);        // 56
    }
    ASSERT_OK(book.Submit(1, e.id, kSecret, answers, "", Date(2025, 3, 5), SurveyResponseId(response++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto report, OrgReport(book, 1, 0, org.lookup));
  ASSERT_EQ(report.size(), 5u);
  // Respondents: HQ 17, Sales 9, Team A 6, Team B 3, Ops 7 (CEO: 1 direct).
  // Team B: 3 < 5, below_minimum. Team A: Sales - A = 3, complement.
  // HQ family: 17 - (9 + 7) = 1 hidden (the CEO), so the smallest shown
  // sibling, Ops, is hidden too (sibling): the remainder becomes 8.
  EXPECT_EQ(Group(report, 1).suppression, Suppression::kShown);
  EXPECT_EQ(Group(report, 2).suppression, Suppression::kShown);
  EXPECT_EQ(Group(report, 3).suppression, Suppression::kSibling);
  EXPECT_EQ(Group(report, 4).suppression, Suppression::kComplement);
  EXPECT_EQ(Group(report, 5).suppression, Suppression::kBelowMinimum);
  // HQ: 17 of 18, WHO-5 percentage (6 x 56 + 3 x 20 + 7 x 80 + 100) / 17.
  const SurveyGroupResult& hq = Group(report, 1);
  EXPECT_EQ(hq.invited, 18);
  EXPECT_EQ(hq.respondents, 17);
  EXPECT_DOUBLE_EQ(*hq.response_rate_percent, 100.0 * 17.0 / 18.0);
  EXPECT_EQ(hq.scales[1].code, "percentage");
  EXPECT_EQ(hq.scales[1].scored, 17);
  EXPECT_DOUBLE_EQ(*hq.scales[1].mean, 1056.0 / 17.0);
  // Sales: 9 of 10, (6 x 56 + 3 x 20) / 9 = 44; item 5 answered 2 by six
  // and 1 by three.
  const SurveyGroupResult& sales = Group(report, 2);
  EXPECT_EQ(sales.parent, OrgUnitId(1));
  EXPECT_DOUBLE_EQ(*sales.response_rate_percent, 90.0);
  EXPECT_DOUBLE_EQ(*sales.scales[1].mean, 44.0);
  EXPECT_EQ(sales.items[4].distribution, (std::vector<std::int64_t>{0, 3, 6, 0, 0, 0}));
  // A hidden group says only that it is hidden, and why.
  for (const std::int64_t hidden : {3, 4, 5}) {
    const SurveyGroupResult& g = Group(report, hidden);
    EXPECT_EQ(g.invited, std::nullopt);
    EXPECT_EQ(g.respondents, std::nullopt);
    EXPECT_EQ(g.response_rate_percent, std::nullopt);
    EXPECT_TRUE(g.scales.empty());
    EXPECT_TRUE(g.items.empty());
  }
}

TEST(OrgReport, RejectsWhatItCannotReport) {
  const Org org = MakeOrg({-1}, {6});
  const SurveyBook book = InvitedWho5Book(org);
  EXPECT_STATUS_CODE(OrgReport(book, 2, 0, org.lookup), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(OrgReport(book, 1, 1, org.lookup), absl::StatusCode::kInvalidArgument);
  // Nobody answered: the one group is hidden (0 < 5).
  ASSERT_OK_AND_ASSIGN(const auto report, OrgReport(book, 1, 0, org.lookup));
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(report[0].respondents, std::nullopt);
}

// Differencing: on random trees with random response counts, every shown
// group has at least k respondents, and a shown group minus its shown
// children is 0 or at least k (so no hidden group, nor any set of fewer than
// k respondents, can be had by subtraction), and hidden groups show nothing.
TEST(OrgReport, NothingHiddenCanBeDerivedOnRandomTrees) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 25; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const int units = 2 + static_cast<int>(rng() % 9);
    std::vector<int> parent(static_cast<std::size_t>(units), -1);
    std::vector<int> people(static_cast<std::size_t>(units));
    for (int u = 1; u < units; ++u) parent[static_cast<std::size_t>(u)] = static_cast<int>(rng() % u);
    for (int& p : people) p = static_cast<int>(rng() % 9);
    const Org org = MakeOrg(parent, people);
    SurveyBook book = InvitedWho5Book(org);
    std::int64_t id = 1;
    for (const Employee& e : org.employees) {
      if (rng() % 4 == 0) continue;
      const int v = static_cast<int>(rng() % 6);
      ASSERT_OK(book.Submit(1, e.id, kSecret, Who5(v, v, v, v, v), "", Date(2025, 3, 3), SurveyResponseId(id++)));
    }
    ASSERT_OK_AND_ASSIGN(const auto report, OrgReport(book, 1, 0, org.lookup));
    for (const SurveyGroupResult& g : report) {
      if (!IsShown(g.suppression)) {
        EXPECT_EQ(g.respondents, std::nullopt);
        EXPECT_TRUE(g.scales.empty());
        continue;
      }
      ASSERT_TRUE(g.respondents.has_value());
      EXPECT_GE(*g.respondents, book.survey().min_group);
      std::int64_t rest = *g.respondents;
      for (const SurveyGroupResult& child : report) {
        if (child.parent == g.unit && IsShown(child.suppression)) rest -= *child.respondents;
      }
      EXPECT_TRUE(rest == 0 || rest >= book.survey().min_group) << ToString(g.unit) << " leaves " << rest;
    }
  }
}

}  // namespace
}  // namespace hrkit
