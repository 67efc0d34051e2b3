// The scoring engines against the obvious, slow computation on generated
// data (the pattern of tests/org/snapshot_test.cpp): goal trees by
// recursion, cycle scores by scanning every goal and review per participant.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "cycle_fixture.hpp"
#include "gtest/gtest.h"
#include "hrkit/performance/scoring.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::performance_test {
namespace {

// ---- Goal trees -------------------------------------------------------------

double NaiveProgress(const std::vector<Goal>& goals, std::size_t i) {
  double weighted = 0.0;
  double weights = 0.0;
  for (std::size_t c = 0; c < goals.size(); ++c) {
    if (goals[c].parent != goals[i].id) continue;
    weighted += goals[c].weight * NaiveProgress(goals, c);
    weights += goals[c].weight;
  }
  return weights > 0.0 ? weighted / weights : OwnProgress(goals[i]);
}

TEST(GoalTreeNaiveTest, MatchesRecursionOnRandomForests) {
  std::mt19937 rng(15);
  for (int round = 0; round < 20; ++round) {
    const int n = 1 + static_cast<int>(rng() % 300);
    // Ids are a shuffled 1..n; each goal's parent is an earlier one in a
    // random order, so parents come before or after their children in the list.
    std::vector<std::int64_t> ids(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) ids[static_cast<std::size_t>(i)] = i + 1;
    std::shuffle(ids.begin(), ids.end(), rng);
    std::vector<Goal> goals;
    for (int i = 0; i < n; ++i) {
      GoalId parent;
      if (i > 0 && rng() % 4 != 0) parent = GoalId(ids[rng() % static_cast<std::size_t>(i)]);
      Goal g{GoalId(ids[static_cast<std::size_t>(i)]),
             PerformanceCycleId(1),
             EmployeeId(1 + rng() % 5),
             OrgUnitId(),
             parent,
             "g",
             static_cast<double>(1 + rng() % 100),
             {}};
      for (std::uint32_t k = rng() % 3; k > 0; --k) {
        g.check_ins.push_back({Date(2025, 1, 1) + boost::gregorian::days(rng() % 60), (rng() % 101) / 100.0, ""});
      }
      goals.push_back(std::move(g));
    }
    std::shuffle(goals.begin(), goals.end(), rng);
    ASSERT_OK_AND_ASSIGN(const std::vector<double> fast, GoalTreeProgress(goals));
    for (std::size_t i = 0; i < goals.size(); ++i) {
      EXPECT_NEAR(fast[i], NaiveProgress(goals, i), 1e-12) << ToString(goals[i].id) << " in round " << round;
    }
  }
}

// ---- Cycle scores -----------------------------------------------------------

std::optional<double> RatingOf(const Review& r, std::string_view section, GoalId goal, std::string_view competency) {
  for (const ReviewRating& rating : r.ratings) {
    if (rating.section == section && rating.goal == goal && rating.competency == competency) return rating.rating;
  }
  return std::nullopt;
}

// The total of one review by the definitions of review_template.hpp.
std::optional<double> NaiveTotal(const ScoringMethod& m, const Review& r, const std::vector<Goal>& goals) {
  double total = 0.0;
  for (const TemplateSection& s : m.sections) {
    double section = 0.0;
    if (s.kind == SectionKind::kGoals) {
      if (goals.empty()) return std::nullopt;
      for (const Goal& g : goals) {
        const std::optional<double> rating = RatingOf(r, s.name, g.id, "");
        if (!rating.has_value()) return std::nullopt;
        section += g.weight * *rating / 100.0;
      }
    } else {
      for (const std::string& c : s.competencies) {
        const std::optional<double> rating = RatingOf(r, s.name, GoalId(), c);
        if (!rating.has_value()) return std::nullopt;
        section += *rating / static_cast<double>(s.competencies.size());
      }
    }
    total += s.weight * section / 100.0;
  }
  return total;
}

std::optional<double> NaiveOverall(const PerformanceCycle& cycle, EmployeeId p, const std::vector<Goal>& all_goals,
                                   const std::vector<Review>& reviews) {
  std::vector<Goal> goals;  // own goals whose parent is not also own
  for (const Goal& g : all_goals) {
    if (g.owner != p) continue;
    bool parent_own = false;
    for (const Goal& other : all_goals) parent_own = parent_own || (other.id == g.parent && other.owner == p);
    if (!parent_own) goals.push_back(g);
  }
  double weighted = 0.0;
  double weights = 0.0;
  for (const RoleWeight& w : cycle.scoring.role_weights) {
    double sum = 0.0;
    int n = 0;
    for (const Review& r : reviews) {
      if (r.reviewee != p || r.role != w.role || r.status != ReviewStatus::kSubmitted) continue;
      const std::optional<double> total = NaiveTotal(cycle.scoring, r, goals);
      if (total.has_value()) {
        sum += *total;
        ++n;
      }
    }
    if (n == 0) continue;
    weighted += w.weight * sum / n;
    weights += w.weight;
  }
  if (weights == 0.0) return std::nullopt;
  return weighted / weights;
}

TEST(CycleScoringNaiveTest, MatchesScanningEveryGoalAndReview) {
  std::mt19937 rng(1500);
  PerformanceCycle cycle = FixtureCycle();
  cycle.scoring.role_weights = {{ReviewerRole::kManager, 60}, {ReviewerRole::kSelf, 10}, {ReviewerRole::kPeer, 30}};
  const RatingScale scale = NumericScale(RatingScaleId(1), 5);
  const int participants = 200;
  for (int p = 1; p <= participants; ++p) cycle.participants.push_back(EmployeeId(p));
  cycle.participants_as_of = kAsOf;
  std::vector<Goal> goals;
  std::vector<Review> reviews;
  auto rate = [&] { return static_cast<double>(1 + rng() % 5); };
  for (int p = 1; p <= participants; ++p) {
    // 1 to 5 goals splitting 100; sometimes a sub-goal of the first.
    const int n = 1 + static_cast<int>(rng() % 5);
    std::vector<GoalId> own;
    double left = 100;
    for (int i = 0; i < n; ++i) {
      const double w = i + 1 == n ? left : std::min(left - (n - i - 1), 1.0 + rng() % 40);
      left -= w;
      goals.push_back({GoalId(static_cast<std::int64_t>(goals.size()) + 1),
                       cycle.id,
                       EmployeeId(p),
                       OrgUnitId(),
                       GoalId(),
                       "g",
                       w,
                       {}});
      own.push_back(goals.back().id);
    }
    if (rng() % 3 == 0) {
      goals.push_back({GoalId(static_cast<std::int64_t>(goals.size()) + 1),
                       cycle.id,
                       EmployeeId(p),
                       OrgUnitId(),
                       own[0],
                       "sub",
                       50,
                       {}});
    }
    const int peer_count = static_cast<int>(rng() % 4);
    for (int k = 0; k < 2 + peer_count; ++k) {
      Review r;
      r.id = ReviewId(static_cast<std::int64_t>(reviews.size()) + 1);
      r.cycle = cycle.id;
      r.reviewee = EmployeeId(p);
      r.role = k == 0 ? ReviewerRole::kSelf : k == 1 ? ReviewerRole::kManager : ReviewerRole::kPeer;
      r.reviewer = k == 0 ? r.reviewee : EmployeeId(participants + k);
      r.status = rng() % 8 == 0 ? ReviewStatus::kDraft : ReviewStatus::kSubmitted;
      for (GoalId g : own) {
        if (rng() % 20 != 0) r.ratings.push_back({"Goals", g, "", rate(), ""});  // sometimes one is left out
      }
      r.ratings.push_back({"Values", GoalId(), "ownership", rate(), ""});
      r.ratings.push_back({"Values", GoalId(), "teamwork", rate(), ""});
      std::shuffle(r.ratings.begin(), r.ratings.end(), rng);
      reviews.push_back(std::move(r));
    }
  }
  std::shuffle(reviews.begin(), reviews.end(), rng);
  ASSERT_OK_AND_ASSIGN(const std::vector<ParticipantScore> fast, ScoreCycle(cycle, scale, goals, reviews));
  ASSERT_EQ(fast.size(), static_cast<std::size_t>(participants));
  int scored = 0;
  for (int p = 1; p <= participants; ++p) {
    const std::optional<double> naive = NaiveOverall(cycle, EmployeeId(p), goals, reviews);
    const ParticipantScore& got = fast[static_cast<std::size_t>(p - 1)];
    EXPECT_EQ(got.employee, EmployeeId(p));
    ASSERT_EQ(got.overall.has_value(), naive.has_value()) << "employee " << p;
    if (naive.has_value()) {
      EXPECT_NEAR(*got.overall, *naive, 1e-9) << "employee " << p;
      ++scored;
    }
  }
  EXPECT_GT(scored, participants / 2);  // the generated data exercises the scored path
}

}  // namespace
}  // namespace hrkit::performance_test
