#include "hrkit/synth/cycle_generator.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gtest/gtest.h"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/performance/cycle_book.hpp"
#include "hrkit/performance/scoring.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::synth {
namespace {

// A small organization (600 people) shared by the tests; generated once.
const Organization& Org() {
  static const Organization* org = [] {
    SynthOptions o;
    o.employee_count = 600;
    o.seed = 11;
    auto generated = GenerateOrganization(o);
    EXPECT_OK(generated.status());
    return new Organization(generated.ok() ? *std::move(generated) : Organization{});
  }();
  return *org;
}

const GeneratedCycle& Cycle() {
  static const GeneratedCycle* cycle = [] {
    auto generated = GenerateCycle(Org(), CycleOptions{});
    EXPECT_OK(generated.status());
    return new GeneratedCycle(generated.ok() ? *std::move(generated) : GeneratedCycle{});
  }();
  return *cycle;
}

TEST(CycleGenerator, SameSeedGivesIdenticalOutput) {
  ASSERT_OK_AND_ASSIGN(GeneratedCycle again, GenerateCycle(Org(), CycleOptions{}));
  const GeneratedCycle& first = Cycle();
  EXPECT_TRUE(first.scale == again.scale);
  EXPECT_TRUE(first.review_template == again.review_template);
  EXPECT_TRUE(first.cycle == again.cycle);
  EXPECT_TRUE(first.goals == again.goals);
  EXPECT_TRUE(first.reviews == again.reviews);
  EXPECT_TRUE(first.changes == again.changes);
}

TEST(CycleGenerator, AnotherSeedGivesOtherRatings) {
  CycleOptions options;
  options.seed = 2;
  ASSERT_OK_AND_ASSIGN(GeneratedCycle other, GenerateCycle(Org(), options));
  EXPECT_TRUE(other.cycle.participants == Cycle().cycle.participants);  // the rule decides, not the seed
  EXPECT_FALSE(other.reviews == Cycle().reviews);
}

TEST(CycleGenerator, EveryEntityIsValidAndTheCycleIsClosed) {
  const GeneratedCycle& c = Cycle();
  EXPECT_OK(ValidateStoredEntity(c.scale));
  EXPECT_OK(ValidateStoredEntity(c.review_template));
  EXPECT_OK(ValidateStoredEntity(c.cycle));
  for (const Goal& g : c.goals) EXPECT_OK(ValidateStoredEntity(g));
  for (const Review& r : c.reviews) EXPECT_OK(ValidateStoredEntity(r));
  for (const CalibrationChange& ch : c.changes) EXPECT_OK(ValidateStoredEntity(ch));
  EXPECT_TRUE(c.cycle.IsClosed());
  // The stored entities load back into a book: every rule of the cycle holds.
  EXPECT_OK(CycleBook::FromEntities(c.cycle, c.scale, c.goals, c.reviews, c.changes).status());
}

TEST(CycleGenerator, ParticipantsHaveGoalsOf100AndSubmittedReviews) {
  const GeneratedCycle& c = Cycle();
  // At least 3 months of service on 2026-01-05: most of the 600 employed.
  EXPECT_GT(c.cycle.participants.size(), 450u);
  EXPECT_LE(c.cycle.participants.size(), 600u);
  std::map<ReviewerRole, std::int64_t> by_role;
  std::int64_t anonymous = 0;
  for (const Review& r : c.reviews) {
    EXPECT_EQ(r.status, ReviewStatus::kSubmitted);
    ++by_role[r.role];
    if (r.anonymous) ++anonymous;
  }
  const auto participants = static_cast<std::int64_t>(c.cycle.participants.size());
  EXPECT_EQ(by_role[ReviewerRole::kSelf], participants);
  EXPECT_GT(by_role[ReviewerRole::kManager], participants * 8 / 10);
  EXPECT_GT(by_role[ReviewerRole::kPeer], 0);
  EXPECT_GT(anonymous, 0);
  EXPECT_FALSE(c.changes.empty());
  std::int64_t unit_goals = 0, cascaded = 0;
  for (const Goal& g : c.goals) {
    if (g.IsUnitGoal()) ++unit_goals;
    if (g.parent.valid()) {
      ++cascaded;
      EXPECT_EQ(g.weight, 20.0);
    }
  }
  EXPECT_GT(unit_goals, 10);
  EXPECT_GT(cascaded, participants / 2);
  for (EmployeeId p : c.cycle.participants) {
    const std::vector<Goal> goals = ScoredGoalsOf(c.goals, c.cycle.id, p);
    // 3..5 own goals, plus the cascaded unit goal in units of 2 or more.
    ASSERT_GE(goals.size(), 3u);
    ASSERT_LE(goals.size(), 6u);
    double sum = 0;
    for (const Goal& g : goals) sum += g.weight;
    EXPECT_EQ(sum, 100.0) << "employee " << p.value();
  }
}

TEST(CycleGenerator, WithoutUnitGoalsOwnGoalsWeigh100) {
  CycleOptions options;
  options.unit_goal_weight = 0;
  options.close = false;
  ASSERT_OK_AND_ASSIGN(GeneratedCycle c, GenerateCycle(Org(), options));
  EXPECT_FALSE(c.cycle.IsClosed());
  for (const Goal& g : c.goals) EXPECT_FALSE(g.IsUnitGoal() || g.parent.valid()) << g.id.value();
  for (EmployeeId p : c.cycle.participants) {
    double sum = 0;
    for (const Goal& g : ScoredGoalsOf(c.goals, c.cycle.id, p)) sum += g.weight;
    EXPECT_EQ(sum, 100.0) << "employee " << p.value();
  }
}

TEST(CycleGenerator, RatingsSpreadOverLevelsAndDifferByUnit) {
  const GeneratedCycle& c = Cycle();
  ASSERT_OK_AND_ASSIGN(CycleBook book, CycleBook::FromEntities(c.cycle, c.scale, c.goals, c.reviews, c.changes));
  ASSERT_OK_AND_ASSIGN(OrgLookup lookup, OrgLookup::Build(Org().units, Org().positions));
  absl::flat_hash_map<EmployeeId, const Employee*> employees;
  for (const Employee& e : Org().employees) employees.emplace(e.id, &e);
  std::set<double> levels;
  std::map<std::int64_t, std::pair<double, int>> by_unit;  // unit -> (sum, count)
  for (EmployeeId p : c.cycle.participants) {
    ASSERT_OK_AND_ASSIGN(std::optional<double> rating, book.FinalRating(p));
    if (!rating.has_value()) continue;
    levels.insert(*rating);
    ASSERT_OK_AND_ASSIGN(EmployeeFacts facts, FactsOn(*employees.at(p), lookup, c.cycle.participants_as_of));
    auto& [sum, count] = by_unit[facts.org_unit.value()];
    sum += *rating;
    ++count;
  }
  EXPECT_GE(levels.size(), 3u);
  double lowest = 10, highest = 0;
  for (const auto& [unit, sum_count] : by_unit) {
    if (sum_count.second < 5) continue;
    const double mean = sum_count.first / sum_count.second;
    lowest = std::min(lowest, mean);
    highest = std::max(highest, mean);
  }
  // Unit effects (sd 0.45) make the unit means of groups of 5+ differ.
  EXPECT_GT(highest - lowest, 0.5);
}

TEST(CycleGenerator, RejectsInvalidOptions) {
  CycleOptions options;
  options.min_goals = 0;
  EXPECT_STATUS_CODE(GenerateCycle(Org(), options).status(), absl::StatusCode::kInvalidArgument);
  options = CycleOptions{};
  options.unit_goal_weight = 60;
  EXPECT_STATUS_CODE(GenerateCycle(Org(), options).status(), absl::StatusCode::kInvalidArgument);
  options = CycleOptions{};
  options.peer_review_rate = 1.5;
  EXPECT_STATUS_CODE(GenerateCycle(Org(), options).status(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit::synth
