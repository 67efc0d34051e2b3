// The crossed confidentiality rules (core/crossed_confidentiality.hpp):
// each rule alone on hand-worked cells, the errors, and the property test
// that is their arbiter: on random trees crossed with a random attribute,
// nothing hidden can be computed from what is shown (exact linear algebra
// over the atoms, tests/support/hrkit_test/disclosure_checker.hpp), and the
// verdicts do not depend on the order units and values are listed in.
#include "hrkit/core/crossed_confidentiality.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit_test/disclosure_checker.hpp"
#include "hrkit_test/property.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr Suppression kShown = Suppression::kShown;
constexpr Suppression kBelowMinimum = Suppression::kBelowMinimum;
constexpr Suppression kComplement = Suppression::kComplement;
constexpr Suppression kSibling = Suppression::kSibling;
constexpr Suppression kHiddenParent = Suppression::kHiddenParent;
constexpr Suppression kLinked = Suppression::kLinked;

CrossedUnit Unit(std::int32_t parent, std::int64_t key, std::vector<std::int64_t> by_value,
                 std::int64_t without_value = 0) {
  return {.parent = parent, .key = key, .by_value = std::move(by_value), .without_value = without_value};
}

absl::StatusOr<CrossedSuppression> Crossed(const std::vector<CrossedUnit>& units, std::vector<std::int64_t> keys,
                                           std::int32_t k = 5) {
  return SuppressCrossedGroups(units, keys, {.min_group = k, .min_comment_group = std::max(k, 10)},
                               Disclosure::kAggregates);
}

// The reader's view of a crossed result: atoms (unit u's own respondents
// with value v, or none at v = m), cells and both families of each cell.
hrkit_test::DisclosureModel ModelOf(const std::vector<CrossedUnit>& units, const CrossedSuppression& verdicts) {
  const std::size_t n = units.size();
  const std::size_t m = n == 0 ? 0 : units[0].by_value.size();
  const std::size_t width = m + 1;
  hrkit_test::DisclosureModel model;
  for (const CrossedUnit& u : units) {
    model.atom_count.insert(model.atom_count.end(), u.by_value.begin(), u.by_value.end());
    model.atom_count.push_back(u.without_value);
  }
  // subtree[u]: u and its descendants.
  std::vector<std::vector<std::size_t>> subtree(n);
  for (std::size_t u = n; u-- > 0;) {
    subtree[u].push_back(u);
    if (units[u].parent >= 0) {
      auto& up = subtree[static_cast<std::size_t>(units[u].parent)];
      up.insert(up.end(), subtree[u].begin(), subtree[u].end());
    }
  }
  // Cell u * width is (U, *), u * width + 1 + v is (U, v).
  for (std::size_t u = 0; u < n; ++u) {
    for (std::size_t c = 0; c < width; ++c) {
      hrkit_test::DisclosureCell cell;
      for (const std::size_t d : subtree[u]) {
        for (std::size_t a = 0; a < width; ++a) {
          if (c == 0 || a == c - 1) cell.atoms.push_back(d * width + a);
        }
      }
      cell.shown = IsShown(c == 0 ? verdicts.total[u] : verdicts.by_value[u][c - 1]);
      cell.name = absl::StrCat("(unit ", u, ", ", c == 0 ? std::string("*") : absl::StrCat("v", c - 1), ")");
      model.cells.push_back(std::move(cell));
    }
  }
  for (std::size_t u = 0; u < n; ++u) {
    for (std::size_t c = 0; c < width; ++c) {
      hrkit_test::DisclosureFamily column{.parent = u * width + c, .members = {}};
      for (std::size_t child = u + 1; child < n; ++child) {
        if (units[child].parent == static_cast<std::int32_t>(u)) column.members.push_back(child * width + c);
      }
      if (!column.members.empty()) model.families.push_back(std::move(column));
    }
    hrkit_test::DisclosureFamily attribute{.parent = u * width, .members = {}};
    for (std::size_t v = 0; v < m; ++v) attribute.members.push_back(u * width + 1 + v);
    if (m > 0) model.families.push_back(std::move(attribute));
  }
  return model;
}

std::string Describe(const std::vector<CrossedUnit>& units, const CrossedSuppression& s) {
  std::string out;
  for (std::size_t u = 0; u < units.size(); ++u) {
    absl::StrAppend(&out, "\n  unit ", u, " parent ", units[u].parent, " own {");
    for (const std::int64_t n : units[u].by_value) absl::StrAppend(&out, n, " ");
    absl::StrAppend(&out, "| ", units[u].without_value, "}  (*)=", s.total_count[u], " ",
                    ToAbsl(SuppressionName(s.total[u])));
    for (std::size_t v = 0; v < units[u].by_value.size(); ++v) {
      absl::StrAppend(&out, "  v", v, "=", s.value_count[u][v], " ", ToAbsl(SuppressionName(s.by_value[u][v])));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The 2 x 2 case and each rule alone (k = 5)

TEST(SuppressCrossedGroupsTest, TwoByTwoLoneHiddenCellTakesItsSiblingAlong) {
  // Unit U (key 20) with child C (key 12); locations a and b. Atoms: U's own
  // a = 5, b = 3; C's own a = 5, b = 7. Cells: (U,*) 20, (U,a) 10, (U,b) 10,
  // (C,*) 12, (C,a) 5, (C,b) 7.
  // Column b: (U,b) - (C,b) = 3, so (C,b) is hidden (complement).
  // C's attribute family: (C,*) - (C,a) = 7 would be exactly (C,b): the lone
  // hidden member, so the smallest shown member, (C,a), is hidden (sibling).
  // Without that, (U,*) - (U,a) - (C,*) + (C,a) = 20 - 10 - 12 + 5 = 3, U's
  // own b, would be computable.
  const std::vector<CrossedUnit> units = {Unit(-1, 20, {5, 3}), Unit(0, 12, {5, 7})};
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, {1, 2}));
  EXPECT_THAT(s.total, ElementsAre(kShown, kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kShown, kShown));
  EXPECT_THAT(s.by_value[1], ElementsAre(kSibling, kComplement));
  EXPECT_THAT(s.total_count, ElementsAre(20, 12));
  EXPECT_THAT(s.value_count[0], ElementsAre(10, 10));
  EXPECT_THAT(s.value_count[1], ElementsAre(5, 7));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, s), 5), ::testing::IsEmpty());
  // The 3 is what the rule protects: with (C,a) shown it would be derivable.
  CrossedSuppression leaky = s;
  leaky.by_value[1][0] = kShown;
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, leaky), 5),
              ::testing::Contains(HasSubstr("(b) hidden cell (unit 1, v1) = 7 derivable")));
}

TEST(SuppressCrossedGroupsTest, MinimumRuleAlone) {
  // One unit, values a = 4, b = 9, c = 8: (U,a) 4 < 5 is hidden; the
  // remainder 21 - 9 - 8 = 4 < 5 then hides the smallest shown value, c.
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed({Unit(-1, 1, {4, 9, 8})}, {1, 2, 3}));
  EXPECT_THAT(s.total, ElementsAre(kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kBelowMinimum, kShown, kSibling));
  // A unit below the minimum hides its every cell.
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression small, Crossed({Unit(-1, 1, {2, 2})}, {1, 2}));
  EXPECT_THAT(small.total, ElementsAre(kBelowMinimum));
  EXPECT_THAT(small.by_value[0], ElementsAre(kBelowMinimum, kBelowMinimum));
}

TEST(SuppressCrossedGroupsTest, ComplementRuleInTheAttributeFamily) {
  // One unit: a = 12, b = 0, and 3 without a value. (U,a) = 12 of 15:
  // 15 - 12 = 3, the people without a value, so (U,a) is hidden
  // (complement); (U,b) is empty. The remainder is 15, two hidden parts.
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed({Unit(-1, 1, {12, 0}, 3)}, {1, 2}));
  EXPECT_THAT(s.total, ElementsAre(kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kComplement, kBelowMinimum));
}

TEST(SuppressCrossedGroupsTest, SiblingRuleInAColumn) {
  // Root R with no own respondents and children X (key 1), Y (key 2), Z
  // (key 3), one value a: X has 3, Y 6, Z 9. Column a: (X,a) 3 < 5; 18 - 6 -
  // 9 = 3 would give it away, so (Y,a) is hidden (sibling). The column *
  // is the same tree and hides the same (X below the minimum, Y sibling).
  const std::vector<CrossedUnit> units = {Unit(-1, 9, {0}), Unit(0, 1, {3}), Unit(0, 2, {6}), Unit(0, 3, {9})};
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, {1}));
  EXPECT_THAT(s.total, ElementsAre(kShown, kBelowMinimum, kSibling, kShown));
  // (R,a) = (R,*) and (Z,a) = (Z,*): both shown, equal to shown cells.
  EXPECT_EQ(s.by_value[0][0], kShown);
  EXPECT_EQ(s.by_value[1][0], kBelowMinimum);
  EXPECT_EQ(s.by_value[2][0], kSibling);
  EXPECT_EQ(s.by_value[3][0], kShown);
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, s), 5), ::testing::IsEmpty());
}

TEST(SuppressCrossedGroupsTest, HiddenParentRuleInAColumn) {
  // R (key 1) has 3 own respondents with value b; its children X (key 2)
  // and Y (key 3) have 5 each with value a. Cells: (R,*) 13, (R,a) 10,
  // (R,b) 3, (X,*) = (X,a) = 5, (Y,*) = (Y,a) = 5.
  // (R,b) 3 < 5: below the minimum. R's attribute family: 13 - 10 = 3, so
  // (R,a) is hidden (complement). Column a: the hidden (R,a) is exactly
  // (X,a) + (Y,a), so the smaller key, (X,a), is hidden (hidden parent).
  // Column *: 13 - 5 - 5 = 3 own respondents of R, so (X,*) is hidden
  // (sibling). Shown: (R,*) 13, (Y,*) 5 and (Y,a) 5; X's 5 and R's 3 only
  // as their sum 8.
  const std::vector<CrossedUnit> units = {Unit(-1, 1, {0, 3}), Unit(0, 2, {5, 0}), Unit(0, 3, {5, 0})};
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, {1, 2}));
  EXPECT_THAT(s.total, ElementsAre(kShown, kSibling, kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kComplement, kBelowMinimum));
  EXPECT_THAT(s.by_value[1], ElementsAre(kHiddenParent, kBelowMinimum));
  EXPECT_THAT(s.by_value[2], ElementsAre(kShown, kBelowMinimum));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, s), 5), ::testing::IsEmpty());
}

TEST(SuppressCrossedGroupsTest, LinkedRuleClosesAChainAcrossBothDimensions) {
  // R (key 1, nobody of its own) with A (key 2: a 3, b 13) and B (key 3: a 7),
  // B with B1 (key 4: b 7, and 3 without a value). Cells: (R,*) 33, (R,a)
  // 10, (R,b) 20; (A,*) 16, (A,a) 3, (A,b) 13; (B,*) 17, (B,a) 7, (B,b) 7;
  // (B1,*) 10, (B1,a) 0, (B1,b) 7.
  // Minimum: (A,a) 3. Complement: (A,b) (16 - 13 = 3), (B,a) (column a:
  // 10 - 7 = 3), (B1,b) (10 - 7 = 3). Round 1: R's attribute family leaves
  // the 3 without a value, so (R,a) goes (sibling); column b under R would
  // give (A,b) away alone, so (B,b) goes (sibling). No family rule is left,
  // yet (B,*) - (B1,*) = 7 = (B,a): B's own respondents all have value a and
  // B1 has none. The chain runs through column *, column a and B's
  // attribute family; the smallest shown cell of a family of (B,a), (B,*),
  // is hidden (linked). Then column * under R would give (B,*) away alone,
  // so (A,*) goes (sibling).
  const std::vector<CrossedUnit> units = {Unit(-1, 1, {0, 0}), Unit(0, 2, {3, 13}), Unit(0, 3, {7, 0}),
                                          Unit(2, 4, {0, 7}, 3)};
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, {1, 2}));
  EXPECT_THAT(s.total, ElementsAre(kShown, kSibling, kLinked, kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kSibling, kShown));
  EXPECT_THAT(s.by_value[1], ElementsAre(kBelowMinimum, kComplement));
  EXPECT_THAT(s.by_value[2], ElementsAre(kComplement, kSibling));
  EXPECT_THAT(s.by_value[3], ElementsAre(kBelowMinimum, kComplement));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, s), 5), ::testing::IsEmpty());
  // With (B,*) shown, the checker finds the 7.
  CrossedSuppression leaky = s;
  leaky.total[2] = kShown;
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, leaky), 5),
              ::testing::Contains(HasSubstr("(b) hidden cell (unit 2, v0) = 7 derivable")));
}

TEST(SuppressCrossedGroupsTest, LoneRuleHidesAParentEqualToItsHiddenMember) {
  // P (key 1: 5 own with b) with one child C (key 2: a 6, b 3). Cells: (P,*)
  // 14, (P,a) 6, (P,b) 8, (C,*) 9, (C,a) 6, (C,b) 3. (C,b) 3 < 5; C's
  // attribute family: 9 - 6 = 3 hides (C,a) (complement). Column a: (P,a)
  // is exactly the hidden (C,a), with no member left to hide, so (P,a)
  // itself is hidden (linked). P's attribute family: 14 - 8 = 6 would now
  // be (P,a) alone, so (P,b) goes too (sibling). Column *: 14 - 9 = 5 own
  // respondents of P, enough.
  const std::vector<CrossedUnit> units = {Unit(-1, 1, {0, 5}), Unit(0, 2, {6, 3})};
  ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, {1, 2}));
  EXPECT_THAT(s.total, ElementsAre(kShown, kShown));
  EXPECT_THAT(s.by_value[0], ElementsAre(kLinked, kSibling));
  EXPECT_THAT(s.by_value[1], ElementsAre(kComplement, kBelowMinimum));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(units, s), 5), ::testing::IsEmpty());
}

TEST(SuppressCrossedGroupsTest, ValidatesUnitsAndValues) {
  EXPECT_STATUS_CODE(Crossed({Unit(-1, 1, {5})}, {1}, 2), absl::StatusCode::kInvalidArgument);
  struct Case {
    std::vector<CrossedUnit> units;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{Unit(0, 1, {1})}, "units[0].parent: must be -1 (a root) or the index of an earlier unit, got 0"},
      {{Unit(-1, 1, {1, 2})}, "units[0].by_value: must have one count per value (1), got 2"},
      {{Unit(-1, 1, {-1})}, "units[0].by_value[0]: must not be negative, got -1"},
      {{Unit(-1, 1, {1}, -2)}, "units[0].without_value: must not be negative, got -2"},
      {{Unit(-1, 1, {INT64_MAX}, 1)}, "units[0]: the respondents overflow"},
  };
  for (const Case& c : cases) {
    const auto result = Crossed(c.units, {1});
    EXPECT_STATUS_CODE(result, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(result), HasSubstr(c.message));
  }
  EXPECT_THAT(SuppressionName(kLinked), "linked");
}

// The example of crossed_confidentiality.hpp, as written there.
absl::Status HeaderExample(CrossedSuppression& out) {
  const ConfidentialityThresholds thresholds;
  std::vector<CrossedUnit> units = {
      {.parent = -1, .key = 20, .by_value = {5, 3}},  // 8 of its own
      {.parent = 0, .key = 12, .by_value = {5, 7}},
  };
  const std::int64_t locations[] = {1, 2};
  HRKIT_ASSIGN_OR_RETURN(CrossedSuppression cells,
                         SuppressCrossedGroups(units, locations, thresholds, Disclosure::kAggregates));
  out = cells;
  return absl::OkStatus();
}

TEST(CrossedConfidentialityHeaderTest, ExampleHoldsAsDocumented) {
  CrossedSuppression cells;
  ASSERT_OK(HeaderExample(cells));
  EXPECT_THAT(cells.by_value[1], ElementsAre(kSibling, kComplement));
}

// ---------------------------------------------------------------------------
// Random trees crossed with a random attribute

// Up to 15 units over at most 4 levels, 1 to 3 values, small counts with
// many empty atoms and some respondents without a value; keys distinct.
std::vector<CrossedUnit> RandomUnits(std::mt19937_64& rng) {
  const auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int n = uniform(1, 15);
  const auto m = static_cast<std::size_t>(uniform(1, 3));
  const int empty_percent = uniform(20, 70);
  std::vector<CrossedUnit> units;
  std::vector<int> depth;
  for (int u = 0; u < n; ++u) {
    CrossedUnit unit;
    unit.key = 100 + u;
    std::vector<int> candidates;
    for (int p = 0; p < u; ++p) {
      if (depth[static_cast<std::size_t>(p)] < 3) candidates.push_back(p);
    }
    if (u > 0 && !candidates.empty() && uniform(0, 19) > 0) {
      unit.parent = candidates[static_cast<std::size_t>(uniform(0, static_cast<int>(candidates.size()) - 1))];
    }
    depth.push_back(unit.parent < 0 ? 0 : depth[static_cast<std::size_t>(unit.parent)] + 1);
    for (std::size_t v = 0; v < m; ++v) {
      unit.by_value.push_back(uniform(1, 100) <= empty_percent ? 0 : uniform(1, uniform(0, 3) == 0 ? 14 : 7));
    }
    unit.without_value = uniform(0, 2) == 0 ? uniform(1, 4) : 0;
    units.push_back(std::move(unit));
  }
  return units;
}

// HRKIT_PROPERTY_SEED (default 20261129) and HRKIT_PROPERTY_RUNS (default
// 2000; 300 under sanitizers) set the search; a failure names the seed to replay with RUNS=1.
TEST(SuppressCrossedGroupsPropertyTest, NothingHiddenIsDerivableOnRandomTrees) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(2000, 300));
  std::array<int, 6> seen{};
  for (std::uint64_t run = 0; run < runs; ++run) {
    std::mt19937_64 rng(seed + run);
    const std::vector<CrossedUnit> units = RandomUnits(rng);
    const std::int32_t k = rng() % 2 == 0 ? 3 : 5;
    std::vector<std::int64_t> keys(units[0].by_value.size());
    std::iota(keys.begin(), keys.end(), 1);
    ASSERT_OK_AND_ASSIGN(const CrossedSuppression s, Crossed(units, keys, k));
    for (const Suppression v : s.total) ++seen[static_cast<std::size_t>(v)];
    for (const auto& row : s.by_value) {
      for (const Suppression v : row) ++seen[static_cast<std::size_t>(v)];
    }
    const std::vector<std::string> found = hrkit_test::FindDisclosures(ModelOf(units, s), k);
    if (!found.empty()) {
      ADD_FAILURE() << found.front() << " (" << found.size() << " in all), k " << k << Describe(units, s)
                    << "\nreplay with HRKIT_PROPERTY_SEED=" << seed + run << " HRKIT_PROPERTY_RUNS=1";
      return;
    }
  }
  if (runs >= 1000) {
    for (std::size_t reason = 0; reason < seen.size(); ++reason) {
      EXPECT_GE(seen[reason], 20) << SuppressionName(static_cast<Suppression>(reason));
    }
  }
}

// The same units in another order that keeps parents first, and the values
// in another order: new_unit[u] and new_value[v] say where each went.
std::vector<CrossedUnit> Relist(const std::vector<CrossedUnit>& units, std::mt19937_64& rng,
                                std::vector<std::size_t>& new_unit, std::vector<std::size_t>& new_value) {
  const std::size_t m = units[0].by_value.size();
  new_value.resize(m);
  std::iota(new_value.begin(), new_value.end(), 0);
  std::shuffle(new_value.begin(), new_value.end(), rng);
  std::vector<std::size_t> ready;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].parent < 0) ready.push_back(u);
  }
  new_unit.assign(units.size(), 0);
  std::vector<CrossedUnit> out;
  while (!ready.empty()) {
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, ready.size() - 1)(rng);
    const std::size_t u = ready[pick];
    ready.erase(ready.begin() + static_cast<std::ptrdiff_t>(pick));
    new_unit[u] = out.size();
    CrossedUnit moved = units[u];
    if (moved.parent >= 0) moved.parent = static_cast<std::int32_t>(new_unit[static_cast<std::size_t>(moved.parent)]);
    for (std::size_t v = 0; v < m; ++v) moved.by_value[new_value[v]] = units[u].by_value[v];
    out.push_back(std::move(moved));
    for (std::size_t c = u + 1; c < units.size(); ++c) {
      if (units[c].parent == static_cast<std::int32_t>(u)) ready.push_back(c);
    }
  }
  return out;
}

TEST(SuppressCrossedGroupsPropertyTest, VerdictsDoNotDependOnTheOrderOfUnitsOrValues) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(2000, 300));
  for (std::uint64_t run = 0; run < runs; ++run) {
    std::mt19937_64 rng(seed + run);
    const std::vector<CrossedUnit> units = RandomUnits(rng);
    const std::int32_t k = rng() % 2 == 0 ? 3 : 5;
    const std::size_t m = units[0].by_value.size();
    std::vector<std::int64_t> keys(m);
    std::iota(keys.begin(), keys.end(), 1);
    std::vector<std::size_t> new_unit, new_value;
    const std::vector<CrossedUnit> relisted = Relist(units, rng, new_unit, new_value);
    std::vector<std::int64_t> relisted_keys(m);
    for (std::size_t v = 0; v < m; ++v) relisted_keys[new_value[v]] = keys[v];
    ASSERT_OK_AND_ASSIGN(const CrossedSuppression a, Crossed(units, keys, k));
    ASSERT_OK_AND_ASSIGN(const CrossedSuppression b, Crossed(relisted, relisted_keys, k));
    bool same = true;
    for (std::size_t u = 0; u < units.size(); ++u) {
      same = same && a.total[u] == b.total[new_unit[u]];
      for (std::size_t v = 0; v < m; ++v) same = same && a.by_value[u][v] == b.by_value[new_unit[u]][new_value[v]];
    }
    if (!same) {
      ADD_FAILURE() << "k " << k << Describe(units, a) << "\nrelisted:" << Describe(relisted, b)
                    << "\nreplay with HRKIT_PROPERTY_SEED=" << seed + run << " HRKIT_PROPERTY_RUNS=1";
      return;
    }
  }
}

}  // namespace
}  // namespace hrkit
