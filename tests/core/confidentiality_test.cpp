#include "hrkit/core/confidentiality.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr Suppression kShown = Suppression::kShown;
constexpr Suppression kBelowMinimum = Suppression::kBelowMinimum;
constexpr Suppression kComplement = Suppression::kComplement;
constexpr Suppression kSibling = Suppression::kSibling;
constexpr Suppression kHiddenParent = Suppression::kHiddenParent;

constexpr Disclosure kAggregates = Disclosure::kAggregates;
constexpr Disclosure kComments = Disclosure::kComments;

// k = 5 for aggregates, 10 for comments (the defaults).
constexpr ConfidentialityThresholds kDefaults;

GroupCount G(std::int32_t parent, std::int64_t count, std::int64_t key = 0) {
  return {.parent = parent, .count = count, .key = key};
}

absl::StatusOr<std::vector<Suppression>> Aggregates(const std::vector<GroupCount>& groups,
                                                    const ConfidentialityThresholds& thresholds = kDefaults) {
  return SuppressGroups(groups, thresholds, kAggregates);
}

// ---------------------------------------------------------------------------
// Thresholds, validation, names

TEST(ConfidentialityThresholdsTest, DefaultsAndTheFloorAreValid) {
  EXPECT_OK(ValidateThresholds(kDefaults));
  EXPECT_EQ(kDefaults.min_group, 5);
  EXPECT_EQ(kDefaults.min_comment_group, 10);
  EXPECT_OK(ValidateThresholds({.min_group = 3, .min_comment_group = 3}));
  EXPECT_OK(ValidateThresholds({.min_group = 7, .min_comment_group = 7}));
}

TEST(ConfidentialityThresholdsTest, RejectsAMinimumBelowThreeOrCommentsBelowTheMinimum) {
  const absl::Status low = ValidateThresholds({.min_group = 2, .min_comment_group = 10});
  EXPECT_STATUS_CODE(low, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(low), HasSubstr("min_group: must be at least 3, got 2"));

  const absl::Status comments = ValidateThresholds({.min_group = 6, .min_comment_group = 5});
  EXPECT_STATUS_CODE(comments, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(comments), HasSubstr("min_comment_group: must be at least min_group (6), got 5"));

  // Every entry point validates them.
  const std::vector<GroupCount> one = {G(-1, 20)};
  EXPECT_STATUS_CODE(SuppressGroups(one, {.min_group = 2}, kAggregates), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(SuppressGroups(one, {.min_group = 11}, kComments), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(SuppressBreakdown(20, {}, {.min_group = 0}, kAggregates), absl::StatusCode::kInvalidArgument);
}

TEST(ConfidentialityValidationTest, RejectsAnUnknownDisclosure) {
  const std::vector<GroupCount> one = {G(-1, 20)};
  const auto result = SuppressGroups(one, kDefaults, static_cast<Disclosure>(7));
  EXPECT_STATUS_CODE(result, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(result), HasSubstr("disclosure: unknown value 7"));
}

TEST(ConfidentialityValidationTest, NamesTheGroupAndFieldOfABadTree) {
  struct Case {
    std::vector<GroupCount> groups;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{G(-1, 10), G(2, 3), G(0, 3)}, "groups[1].parent: must be -1 (a root) or the index of an earlier group, got 2"},
      {{G(0, 3)}, "groups[0].parent: must be -1 (a root) or the index of an earlier group, got 0"},
      {{G(-1, 10), G(-2, 3)}, "groups[1].parent: must be -1 (a root) or the index of an earlier group, got -2"},
      {{G(-1, -1)}, "groups[0].count: must not be negative, got -1"},
      {{G(-1, 10), G(0, -3)}, "groups[1].count: must not be negative, got -3"},
      {{G(-1, 4), G(0, 5)}, "groups[1].count: 5 exceeds the count of its parent groups[0], 4"},
      {{G(-1, 10), G(0, 6), G(0, 5)}, "groups[0].count: 10 is less than the sum of its subgroups' counts (groups[2]"},
  };
  for (const Case& c : cases) {
    const auto result = Aggregates(c.groups);
    EXPECT_STATUS_CODE(result, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(result), HasSubstr(c.message));
  }
}

TEST(ConfidentialityValidationTest, HugeCountsDoNotOverflow) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // The subgroups add up to kMax + 1: rejected, without computing that sum.
  EXPECT_STATUS_CODE(Aggregates({G(-1, kMax), G(0, kMax), G(0, 1)}), absl::StatusCode::kInvalidArgument);
  // kMax - 10 and 10 fill the parent exactly; both complements are >= 5.
  EXPECT_THAT(Aggregates({G(-1, kMax), G(0, kMax - 10), G(0, 10)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown, kShown}));
}

TEST(SuppressionNameTest, NamesEveryVerdict) {
  EXPECT_EQ(SuppressionName(kShown), "shown");
  EXPECT_EQ(SuppressionName(kBelowMinimum), "below_minimum");
  EXPECT_EQ(SuppressionName(kComplement), "complement");
  EXPECT_EQ(SuppressionName(kSibling), "sibling");
  EXPECT_EQ(SuppressionName(kHiddenParent), "hidden_parent");
  EXPECT_EQ(SuppressionName(static_cast<Suppression>(9)), "unknown");
  std::ostringstream os;
  os << kSibling;
  EXPECT_EQ(os.str(), "sibling");
  EXPECT_TRUE(IsShown(kShown));
  EXPECT_FALSE(IsShown(kComplement));
}

// ---------------------------------------------------------------------------
// Each rule alone, at its boundary (k = 5 unless stated)

TEST(SuppressGroupsTest, EmptyTreeGivesNoVerdicts) {
  EXPECT_THAT(Aggregates({}), hrkit_test::IsOkAndHolds(std::vector<Suppression>{}));
}

TEST(SuppressGroupsTest, MinimumRuleAlone) {
  // Roots are unrelated, so each is judged by the minimum alone: 4 < 5 is
  // hidden, 5 = k is shown, 0 has nothing to show.
  EXPECT_THAT(Aggregates({G(-1, 4), G(-1, 5), G(-1, 0), G(-1, 1000)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kShown, kBelowMinimum, kShown}));
  // The boundary moves with k: at k = 3, 2 is hidden and 3 shown; at k = 6, 5 is hidden.
  EXPECT_THAT(Aggregates({G(-1, 2), G(-1, 3)}, {.min_group = 3, .min_comment_group = 10}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kShown}));
  EXPECT_THAT(Aggregates({G(-1, 5), G(-1, 6)}, {.min_group = 6, .min_comment_group = 10}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kShown}));
}

TEST(SuppressGroupsTest, ComplementRuleAlone) {
  // Parent 12, child 8, the other 4 are direct members: 12 - 8 = 4 < 5, so
  // showing the child would give away the 4. The child is hidden; the
  // parent's hidden remainder is then all 12.
  EXPECT_THAT(Aggregates({G(-1, 12), G(0, 8)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kComplement}));
  // The same with the 4 as a team of their own: the 4 are below the minimum.
  EXPECT_THAT(Aggregates({G(-1, 12), G(0, 8), G(0, 4)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kComplement, kBelowMinimum}));
  // Boundary: 13 - 8 = 5 = k, so the child is shown (and the remainder, 5, is
  // enough).
  EXPECT_THAT(Aggregates({G(-1, 13), G(0, 8)}), hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown}));
  // The whole parent: 8 - 8 = 0 reveals nobody else, so the child is shown.
  EXPECT_THAT(Aggregates({G(-1, 8), G(0, 8)}), hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown}));
}

TEST(SuppressGroupsTest, SiblingRuleAlone) {
  // Parent 18 = 3 + 6 + 9. The 3 is below the minimum; 18 - 6 - 9 = 3 would
  // give it away, so the next smallest, the 6, is hidden too: the hidden
  // total is 3 + 6 = 9 >= 5. The 9 stays (18 - 9 = 9 hides two teams).
  EXPECT_THAT(Aggregates({G(-1, 18), G(0, 3), G(0, 6), G(0, 9)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kSibling, kShown}));
  // Boundary k - 1: 19 = 4 + 6 + 9 leaves 4 hidden, so the 6 goes.
  EXPECT_THAT(Aggregates({G(-1, 19), G(0, 4), G(0, 6), G(0, 9)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kSibling, kShown}));
  // Boundary k: 16 = 2 + 3 + 11 leaves 2 + 3 = 5 hidden, which is enough;
  // 16 - 11 = 5 is no complement either.
  EXPECT_THAT(Aggregates({G(-1, 16), G(0, 2), G(0, 3), G(0, 11)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kBelowMinimum, kShown}));
  // The smallest is picked by count, wherever it is listed: 20 = 12 + 3 + 5.
  EXPECT_THAT(Aggregates({G(-1, 20), G(0, 12), G(0, 3), G(0, 5)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown, kBelowMinimum, kSibling}));
}

TEST(SuppressGroupsTest, DirectMembersCountAsAHiddenSibling) {
  // Parent 20 = 9 + 9 + 2 direct members (a head and a deputy). Both teams
  // pass alone (20 - 9 = 11), but 20 - 9 - 9 = 2 would give away the two, so
  // one team is hidden: the one with the smaller key (3, listed second).
  EXPECT_THAT(Aggregates({G(-1, 20), G(0, 9, 7), G(0, 9, 3)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown, kSibling}));
  // Equal keys: the one listed first.
  EXPECT_THAT(Aggregates({G(-1, 20), G(0, 9), G(0, 9)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kSibling, kShown}));
  // Parent 17 = 3 + 9 + 5 direct members: the hidden remainder is 3 + 5 = 8,
  // enough without hiding the 9 (17 - 9 = 8 is no complement either).
  EXPECT_THAT(Aggregates({G(-1, 17), G(0, 3), G(0, 9)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kShown}));
}

TEST(SuppressGroupsTest, EmptyGroupsAreHiddenButNeverHideASibling) {
  // 10 = 0 + 10: the empty team has nothing to show; the other is the whole
  // parent; the hidden remainder is 0, which exposes nobody.
  EXPECT_THAT(Aggregates({G(-1, 10), G(0, 0), G(0, 10)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kShown}));
  // 12 = 0 + 6 + 6: remainder 0, both 6s shown (12 - 6 = 6).
  EXPECT_THAT(Aggregates({G(-1, 12), G(0, 0), G(0, 6), G(0, 6)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kShown, kShown}));
  // An empty root and its empty child.
  EXPECT_THAT(Aggregates({G(-1, 0), G(0, 0)}),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kBelowMinimum}));
}

TEST(SuppressGroupsTest, HiddenParentRuleKeepsAHiddenGroupFromBeingTheSumOfItsTeams) {
  // 0: 14 = X + Y; 1: X = 10 = X1 + X2; 2: Y = 4; 3: X1 = 5; 4: X2 = 5.
  // Y < 5; X is hidden by the complement (14 - 10 = 4). X1 and X2 pass their
  // own family (10 - 5 = 5), but shown, 14 - 5 - 5 = 4 would give Y away, so
  // X's smallest team, X1 (tie: listed first), is hidden too. What a reader
  // can compute is now 14 - 5 = 9 = Y + X1, which cannot be split.
  EXPECT_THAT(
      Aggregates({G(-1, 14), G(0, 10), G(0, 4), G(1, 5), G(1, 5)}),
      hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kComplement, kBelowMinimum, kHiddenParent, kShown}));
  // The rule goes down a chain. 0: 29 = A + B; 1: A = 25 = A1; 2: B = 4;
  // 3: A1 = 25 = A1a + A1b; 4: A1a = 12; 5: A1b = 13. A is hidden by the
  // complement (29 - 25 = 4); A = A1 exactly, so A1 is hidden (hidden
  // parent); A1 = 12 + 13 exactly, so the 12 is hidden too. The 13 remains:
  // 29 - 13 = 16 = B + A1a.
  EXPECT_THAT(Aggregates({G(-1, 29), G(0, 25), G(0, 4), G(1, 25), G(3, 12), G(3, 13)}),
              hrkit_test::IsOkAndHolds(
                  std::vector<Suppression>{kShown, kComplement, kBelowMinimum, kHiddenParent, kHiddenParent, kShown}));
}

TEST(SuppressGroupsTest, RulesCascadeOverSeveralLevels) {
  // 0: R = 100 = A + B + C          1: A = 50     2: B = 47 = B1 + B2
  // 3: C = 3                        4: B1 = 45 = B1a + B1b
  // 5: B2 = 2                       6: B1a = 20   7: B1b = 25
  // Minimum: C (3), B2 (2). Complement: B1, since 47 - 45 = 2.
  // Sibling at R: 100 - 50 - 47 = 3 exposes C, so the smallest shown child,
  // B (47 < 50), is hidden. Hidden parent at B1: it is hidden and 45 = 20 +
  // 25 exactly, so its smallest team B1a is hidden. Shown: R, A, B1b; a
  // reader gets R - A - B1b = 25 = C + B2 + B1a and nothing smaller.
  const std::vector<GroupCount> tree = {G(-1, 100), G(0, 50), G(0, 47), G(0, 3), G(2, 45), G(2, 2), G(4, 20), G(4, 25)};
  EXPECT_THAT(Aggregates(tree),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown, kSibling, kBelowMinimum, kComplement,
                                                                kBelowMinimum, kHiddenParent, kShown}));

  // The same tree listed in another order (keys make ties irrelevant here):
  // 0: R, 1: C, 2: B, 3: B2, 4: B1, 5: B1b, 6: B1a, 7: A.
  const std::vector<GroupCount> relisted = {G(-1, 100), G(0, 3),  G(0, 47), G(2, 2),
                                            G(2, 45),   G(4, 25), G(4, 20), G(0, 50)};
  EXPECT_THAT(Aggregates(relisted),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kBelowMinimum, kSibling, kBelowMinimum,
                                                                kComplement, kShown, kHiddenParent, kShown}));
}

TEST(SuppressGroupsTest, CommentsNeedTheCommentMinimumAndTheirOwnComplement) {
  // 9 respondents: enough for scores (>= 5), not for comments (< 10); 10 is.
  EXPECT_THAT(SuppressGroups(std::vector<GroupCount>{G(-1, 9), G(-1, 10)}, kDefaults, kComments),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kShown}));
  EXPECT_THAT(SuppressGroups(std::vector<GroupCount>{G(-1, 9), G(-1, 10)}, kDefaults, kAggregates),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown}));
  // Parent 25 = team 20 + 5 direct members. Scores: 25 - 20 = 5 >= 5, shown.
  // Comments: the parent's comments minus the team's are the 5 direct
  // members' own words, and 5 < 10: the team's comments are hidden.
  const std::vector<GroupCount> tree = {G(-1, 25), G(0, 20)};
  EXPECT_THAT(SuppressGroups(tree, kDefaults, kAggregates),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kShown}));
  EXPECT_THAT(SuppressGroups(tree, kDefaults, kComments),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kShown, kComplement}));
  // A configured comment minimum: 11 < 12 hidden, 12 shown.
  EXPECT_THAT(SuppressGroups(std::vector<GroupCount>{G(-1, 11), G(-1, 12)}, {.min_group = 5, .min_comment_group = 12},
                             kComments),
              hrkit_test::IsOkAndHolds(std::vector<Suppression>{kBelowMinimum, kShown}));
}

// ---------------------------------------------------------------------------
// Flat breakdowns

TEST(SuppressBreakdownTest, IsAOneLevelTree) {
  // 30 = 3 + 12 + 15: the 3 is below the minimum, 30 - 12 - 15 = 3 would
  // give it away, so the 12 is hidden too.
  ASSERT_OK_AND_ASSIGN(BreakdownSuppression b,
                       SuppressBreakdown(30, std::vector<std::int64_t>{3, 12, 15}, kDefaults, kAggregates));
  EXPECT_EQ(b.total, kShown);
  EXPECT_THAT(b.parts, ElementsAre(kBelowMinimum, kSibling, kShown));

  // 30 = 14 + 14 + 2 who answered no location: the 2 are like direct members,
  // so one 14 (the earlier part, on a tie) is hidden.
  ASSERT_OK_AND_ASSIGN(b, SuppressBreakdown(30, std::vector<std::int64_t>{14, 14}, kDefaults, kAggregates));
  EXPECT_THAT(b.parts, ElementsAre(kSibling, kShown));

  // A total below the minimum hides everything.
  ASSERT_OK_AND_ASSIGN(b, SuppressBreakdown(4, std::vector<std::int64_t>{2, 2}, kDefaults, kAggregates));
  EXPECT_EQ(b.total, kBelowMinimum);
  EXPECT_THAT(b.parts, ElementsAre(kBelowMinimum, kBelowMinimum));

  // No parts: the total alone, here for comments (9 < 10).
  ASSERT_OK_AND_ASSIGN(b, SuppressBreakdown(9, {}, kDefaults, kComments));
  EXPECT_EQ(b.total, kBelowMinimum);
  EXPECT_THAT(b.parts, IsEmpty());
}

TEST(SuppressBreakdownTest, NamesTheBadField) {
  const auto negative_total = SuppressBreakdown(-1, {}, kDefaults, kAggregates);
  EXPECT_STATUS_CODE(negative_total, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(negative_total), HasSubstr("total: must not be negative, got -1"));

  const auto negative_part = SuppressBreakdown(10, std::vector<std::int64_t>{3, -1}, kDefaults, kAggregates);
  EXPECT_STATUS_CODE(negative_part, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(negative_part), HasSubstr("part_counts[1]: must not be negative, got -1"));

  const auto too_many = SuppressBreakdown(10, std::vector<std::int64_t>{6, 5}, kDefaults, kAggregates);
  EXPECT_STATUS_CODE(too_many, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(too_many), HasSubstr("part_counts: the parts add up to more than total (10)"));
}

// The examples of confidentiality.hpp, as written there.
absl::Status HeaderExampleGroups(std::vector<Suppression>& out) {
  struct {
    ConfidentialityThresholds thresholds;
  } survey;
  const GroupCount groups[] = {
      {.parent = -1, .count = 17, .key = 100},  // the department
      {.parent = 0, .count = 3, .key = 101},    // team A
      {.parent = 0, .count = 6, .key = 102},    // team B
      {.parent = 0, .count = 7, .key = 103},    // team C
  };
  HRKIT_ASSIGN_OR_RETURN(std::vector<Suppression> verdicts,
                         SuppressGroups(groups, survey.thresholds, Disclosure::kAggregates));
  out = verdicts;
  return absl::OkStatus();
}

absl::Status HeaderExampleBreakdown(BreakdownSuppression& out) {
  const ConfidentialityThresholds thresholds;
  HRKIT_ASSIGN_OR_RETURN(BreakdownSuppression by_location, SuppressBreakdown(30, std::vector<std::int64_t>{3, 12, 15},
                                                                             thresholds, Disclosure::kAggregates));
  out = by_location;
  return absl::OkStatus();
}

TEST(ConfidentialityHeaderTest, ExamplesHoldAsDocumented) {
  std::vector<Suppression> verdicts;
  ASSERT_OK(HeaderExampleGroups(verdicts));
  EXPECT_THAT(verdicts, ElementsAre(kShown, kBelowMinimum, kSibling, kShown));
  BreakdownSuppression by_location;
  ASSERT_OK(HeaderExampleBreakdown(by_location));
  EXPECT_THAT(by_location.parts, ElementsAre(kBelowMinimum, kSibling, kShown));
}

// ---------------------------------------------------------------------------
// Random trees: the fast pass against a naive fixpoint, and the guarantees
// checked by brute force.

// The rules of confidentiality.hpp applied literally: minimum and complement
// first, then one sibling or hidden-parent step at a time, rescanning every
// family after each change until nothing changes. Quadratic or worse.
std::vector<Suppression> NaiveSuppress(const std::vector<GroupCount>& g, std::int64_t k) {
  const int n = static_cast<int>(g.size());
  std::vector<Suppression> v(g.size(), kShown);
  const auto shown = [&](int i) { return v[static_cast<std::size_t>(i)] == kShown; };
  const auto at = [&](int i) -> const GroupCount& { return g[static_cast<std::size_t>(i)]; };
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = 0; i < n; ++i) {
      if (shown(i) && at(i).count < k) {
        v[static_cast<std::size_t>(i)] = kBelowMinimum;
        changed = true;
      }
    }
    for (int i = 0; i < n; ++i) {
      if (!shown(i) || at(i).parent < 0) continue;
      const std::int64_t rest = at(at(i).parent).count - at(i).count;
      if (rest > 0 && rest < k) {
        v[static_cast<std::size_t>(i)] = kComplement;
        changed = true;
      }
    }
    for (int p = 0; p < n && !changed; ++p) {
      std::int64_t remainder = at(p).count;  // minus the shown children
      int smallest = -1;
      for (int c = 0; c < n; ++c) {
        if (at(c).parent != p || !shown(c)) continue;
        remainder -= at(c).count;
        if (smallest == -1 || std::make_tuple(at(c).count, at(c).key, c) <
                                  std::make_tuple(at(smallest).count, at(smallest).key, smallest)) {
          smallest = c;
        }
      }
      if (smallest == -1) continue;
      if (remainder > 0 && remainder < k) {
        v[static_cast<std::size_t>(smallest)] = kSibling;
        changed = true;
      } else if (remainder == 0 && !shown(p) && at(p).count > 0) {
        v[static_cast<std::size_t>(smallest)] = kHiddenParent;
        changed = true;
      }
    }
  }
  return v;
}

// The row space of 0/1 vectors over GF(p), p = 1e9+7, kept fully reduced.
// Exact over the rationals here: a minor of a 0/1 matrix of size m is at most
// (m+1)^((m+1)/2) / 2^m, about 1.5e3 for the m <= 11 used, so p divides none.
class RowSpace {
 public:
  static constexpr std::int64_t kPrime = 1'000'000'007;

  void Add(std::vector<std::int64_t> v) {
    Reduce(v);
    const auto pivot = std::find_if(v.begin(), v.end(), [](std::int64_t x) { return x != 0; });
    if (pivot == v.end()) return;
    const std::size_t col = static_cast<std::size_t>(pivot - v.begin());
    const std::int64_t inverse = Power(v[col], kPrime - 2);
    for (std::int64_t& x : v) x = x * inverse % kPrime;
    for (std::vector<std::int64_t>& row : rows_) Subtract(row, v, row[col]);
    rows_.push_back(std::move(v));
    pivots_.push_back(col);
  }
  bool Contains(std::vector<std::int64_t> v) const {
    Reduce(v);
    return std::all_of(v.begin(), v.end(), [](std::int64_t x) { return x == 0; });
  }

 private:
  static std::int64_t Power(std::int64_t base, std::int64_t exp) {
    std::int64_t result = 1;
    for (base %= kPrime; exp > 0; exp >>= 1, base = base * base % kPrime) {
      if (exp & 1) result = result * base % kPrime;
    }
    return result;
  }
  // v -= factor * row.
  static void Subtract(std::vector<std::int64_t>& v, const std::vector<std::int64_t>& row, std::int64_t factor) {
    if (factor == 0) return;
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = ((v[i] - factor * row[i]) % kPrime + kPrime) % kPrime;
  }
  void Reduce(std::vector<std::int64_t>& v) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) Subtract(v, rows_[r], v[pivots_[r]]);
  }
  std::vector<std::vector<std::int64_t>> rows_;
  std::vector<std::size_t> pivots_;
};

std::string Describe(const std::vector<GroupCount>& g, const std::vector<Suppression>& v) {
  std::string out;
  for (std::size_t i = 0; i < g.size(); ++i) {
    absl::StrAppend(&out, i, ":", g[i].parent, "/", g[i].count, "/k", g[i].key, "=",
                    ToAbsl(i < v.size() ? SuppressionName(v[i]) : "?"), " ");
  }
  return out;
}

bool IsAncestorOrSelf(const std::vector<GroupCount>& g, std::int32_t ancestor, std::int32_t node) {
  for (; node != -1; node = g[static_cast<std::size_t>(node)].parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// (a) shown groups have >= k respondents; (b) for each shown group, its count
// minus its shown children (hidden children plus direct members) and its
// count minus its nearest shown descendants are 0 or >= k.
void CheckShownGroups(const std::vector<GroupCount>& g, const std::vector<Suppression>& v, std::int64_t k) {
  const auto n = static_cast<std::int32_t>(g.size());
  std::vector<std::int64_t> minus_children(g.size()), minus_nearest(g.size());
  for (std::int32_t i = 0; i < n; ++i) minus_children[i] = minus_nearest[i] = g[i].count;
  for (std::int32_t i = 0; i < n; ++i) {
    if (!IsShown(v[i]) || g[i].parent == -1) continue;
    minus_children[g[i].parent] -= g[i].count;
    std::int32_t a = g[i].parent;  // nearest shown proper ancestor
    while (a != -1 && !IsShown(v[a])) a = g[a].parent;
    if (a != -1) minus_nearest[a] -= g[i].count;
  }
  for (std::int32_t i = 0; i < n; ++i) {
    if (!IsShown(v[i])) continue;
    EXPECT_GE(g[i].count, k) << "group " << i;
    EXPECT_TRUE(minus_children[i] == 0 || minus_children[i] >= k) << "group " << i << ": " << minus_children[i];
    EXPECT_TRUE(minus_nearest[i] == 0 || minus_nearest[i] >= k) << "group " << i << ": " << minus_nearest[i];
  }
}

// What a reader can compute. Respondents fall into cells, one per group with
// direct members (count minus its children's counts); every group is a union
// of cells, so any sum and difference of shown groups is a vector over cells.
// (b, exhaustive) every union of cells in the span of the shown groups has 0
// or >= k respondents; (c) no hidden group with respondents is in that span,
// i.e. its count is not visible-parent minus visible siblings and other
// shown groups in any combination.
void CheckDerivable(const std::vector<GroupCount>& g, const std::vector<Suppression>& v, std::int64_t k) {
  const auto n = static_cast<std::int32_t>(g.size());
  std::vector<std::int64_t> direct(g.size());
  for (std::int32_t i = 0; i < n; ++i) direct[i] = g[i].count;
  for (std::int32_t i = 0; i < n; ++i) {
    if (g[i].parent != -1) direct[g[i].parent] -= g[i].count;
  }
  std::vector<std::int32_t> cells;
  for (std::int32_t i = 0; i < n; ++i) {
    if (direct[i] > 0) cells.push_back(i);
  }
  const auto vector_of = [&](std::int32_t group) {
    std::vector<std::int64_t> out;
    for (std::int32_t c : cells) out.push_back(IsAncestorOrSelf(g, group, c) ? 1 : 0);
    return out;
  };
  RowSpace shown;
  for (std::int32_t i = 0; i < n; ++i) {
    if (IsShown(v[i])) shown.Add(vector_of(i));
  }
  for (std::int32_t i = 0; i < n; ++i) {
    if (!IsShown(v[i]) && g[i].count > 0) {
      EXPECT_FALSE(shown.Contains(vector_of(i))) << "hidden group " << i;
    }
  }
  for (std::uint32_t mask = 1; mask < (1u << cells.size()); ++mask) {
    std::vector<std::int64_t> set(cells.size());
    std::int64_t respondents = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (((mask >> c) & 1u) == 0) continue;
      set[c] = 1;
      respondents += direct[cells[c]];
    }
    if (shown.Contains(set)) {
      EXPECT_GE(respondents, k) << "derivable cells mask " << mask;
    }
  }
}

// A random tree of up to 10 groups with small counts, so that every rule
// fires often; a third of the children take all their parent has left, so
// exact sums (complement 0, hidden parent) are common. Keys collide.
std::vector<GroupCount> RandomTree(std::mt19937& rng) {
  const auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const auto n = static_cast<std::int32_t>(uniform(1, 10));
  std::vector<GroupCount> g;
  std::vector<std::int64_t> room;  // count minus the children so far
  for (std::int32_t i = 0; i < n; ++i) {
    GroupCount x{.parent = -1, .count = 0, .key = uniform(0, 3)};
    if (i == 0 || uniform(0, 9) == 0) {
      x.count = uniform(0, 40);
    } else {
      x.parent = static_cast<std::int32_t>(uniform(0, i - 1));
      for (int retry = 0; retry < 3 && room[x.parent] == 0; ++retry) {
        x.parent = static_cast<std::int32_t>(uniform(0, i - 1));
      }
      x.count = uniform(0, 2) == 0 ? room[x.parent] : uniform(0, room[x.parent]);
      room[x.parent] -= x.count;
    }
    room.push_back(x.count);
    g.push_back(x);
  }
  return g;
}

// The same tree in a random order that keeps parents before children;
// new_index[i] is where group i went.
std::vector<GroupCount> Relist(const std::vector<GroupCount>& g, std::mt19937& rng,
                               std::vector<std::int32_t>& new_index) {
  std::vector<std::vector<std::int32_t>> children(g.size());
  std::vector<std::int32_t> ready;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const auto index = static_cast<std::int32_t>(i);
    (g[i].parent == -1 ? ready : children[g[i].parent]).push_back(index);
  }
  new_index.assign(g.size(), -1);
  std::vector<GroupCount> out;
  while (!ready.empty()) {
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, ready.size() - 1)(rng);
    const std::int32_t i = ready[pick];
    ready[pick] = ready.back();
    ready.pop_back();
    new_index[i] = static_cast<std::int32_t>(out.size());
    GroupCount moved = g[i];
    if (moved.parent != -1) moved.parent = new_index[moved.parent];
    out.push_back(moved);
    ready.insert(ready.end(), children[i].begin(), children[i].end());
  }
  return out;
}

TEST(SuppressGroupsPropertyTest, RandomTreesAgreeWithTheNaiveFixpointAndMeetTheGuarantees) {
  std::mt19937 rng(20240611);
  std::array<int, 5> seen{};  // verdicts of aggregates by reason: every rule must fire often
  for (int round = 0; round < 3000; ++round) {
    std::vector<GroupCount> g = RandomTree(rng);
    const auto k = static_cast<std::int32_t>(std::uniform_int_distribution<int>(3, 6)(rng));
    const ConfidentialityThresholds thresholds{.min_group = k,
                                               .min_comment_group = k + std::uniform_int_distribution<int>(0, 5)(rng)};
    ASSERT_OK_AND_ASSIGN(const std::vector<Suppression> aggregates, SuppressGroups(g, thresholds, kAggregates));
    ASSERT_OK_AND_ASSIGN(const std::vector<Suppression> comments, SuppressGroups(g, thresholds, kComments));
    SCOPED_TRACE(
        absl::StrCat("round ", round, " k ", k, "/", thresholds.min_comment_group, ": ", Describe(g, aggregates)));
    EXPECT_EQ(aggregates, NaiveSuppress(g, thresholds.min_group));
    EXPECT_EQ(comments, NaiveSuppress(g, thresholds.min_comment_group));
    for (Suppression s : aggregates) ++seen[static_cast<std::size_t>(s)];
    for (const auto& [verdicts, minimum] :
         {std::pair{&aggregates, thresholds.min_group}, std::pair{&comments, thresholds.min_comment_group}}) {
      CheckShownGroups(g, *verdicts, minimum);
      CheckDerivable(g, *verdicts, minimum);
    }
    // A larger minimum only hides more: comments are shown only where scores are.
    for (std::size_t i = 0; i < g.size(); ++i) {
      if (IsShown(comments[i])) {
        EXPECT_TRUE(IsShown(aggregates[i])) << "group " << i;
      }
    }
    // With distinct keys the verdicts depend on the tree only, not the listing.
    std::vector<std::int64_t> keys(g.size());
    std::iota(keys.begin(), keys.end(), 0);
    std::shuffle(keys.begin(), keys.end(), rng);
    for (std::size_t i = 0; i < g.size(); ++i) g[i].key = keys[i];
    std::vector<std::int32_t> new_index;
    const std::vector<GroupCount> relisted = Relist(g, rng, new_index);
    ASSERT_OK_AND_ASSIGN(const std::vector<Suppression> original, SuppressGroups(g, thresholds, kAggregates));
    ASSERT_OK_AND_ASSIGN(const std::vector<Suppression> shuffled, SuppressGroups(relisted, thresholds, kAggregates));
    for (std::size_t i = 0; i < g.size(); ++i) {
      EXPECT_EQ(original[i], shuffled[new_index[i]]) << "group " << i << " listed as " << new_index[i];
    }
    if (HasFailure()) return;
  }
  for (std::size_t reason = 0; reason < seen.size(); ++reason) {
    EXPECT_GE(seen[reason], 100) << SuppressionName(static_cast<Suppression>(reason));
  }
}

}  // namespace
}  // namespace hrkit
