// The joint confidentiality rules (core/joint_confidentiality.hpp): a unit
// tree crossed with several attributes at once. Hand-worked cases where the
// reports of two attributes give away what neither does alone, the errors,
// and the property tests that decide it: on random trees crossed with two or
// three attributes, nothing hidden can be computed from every shown cell of
// every attribute together (exact linear algebra over the atoms, the
// respondents of one unit with one combination of values:
// tests/support/hrkit_test/disclosure_checker.hpp); with no attribute the
// verdicts are SuppressGroups'; and they do not depend on the order units,
// values or respondents are listed in.
#include "hrkit/core/joint_confidentiality.hpp"

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

// A joint problem: the tree, the attributes' value counts and the
// respondents.
struct Problem {
  std::vector<JointUnit> units{};
  std::vector<JointAttribute> attributes{};
  std::vector<JointRespondents> respondents{};
};

absl::StatusOr<JointSuppression> Joint(const Problem& p, std::int32_t k = 5) {
  return SuppressJointGroups(p.units, p.attributes, p.respondents,
                             {.min_group = k, .min_comment_group = std::max(k, 10)}, Disclosure::kAggregates);
}

// Atoms are numbered unit by unit, each unit's combinations in mixed radix
// (attribute 0 fastest; value index, with "no value" at m_a).
std::size_t Combinations(const Problem& p) {
  std::size_t n = 1;
  for (const JointAttribute& a : p.attributes) n *= a.value_keys.size() + 1;
  return n;
}

std::size_t Digit(const Problem& p, std::size_t combination, std::size_t attribute) {
  for (std::size_t a = 0; a < attribute; ++a) combination /= p.attributes[a].value_keys.size() + 1;
  return combination % (p.attributes[attribute].value_keys.size() + 1);
}

// The reader's view of every report together: the cells (U, *) and
// (U, a = v) of every attribute as unions of atoms, the column family of
// each cell and each attribute's family under (U, *).
hrkit_test::DisclosureModel ModelOf(const Problem& p, const JointSuppression& s) {
  const std::size_t n = p.units.size();
  const std::size_t combos = Combinations(p);
  hrkit_test::DisclosureModel model;
  model.atom_count.assign(n * combos, 0);
  for (const JointRespondents& r : p.respondents) {
    std::size_t combo = 0;
    for (std::size_t a = p.attributes.size(); a-- > 0;) {
      const std::size_t digit =
          r.values[a] < 0 ? p.attributes[a].value_keys.size() : static_cast<std::size_t>(r.values[a]);
      combo = combo * (p.attributes[a].value_keys.size() + 1) + digit;
    }
    model.atom_count[static_cast<std::size_t>(r.unit) * combos + combo] += r.count;
  }
  std::vector<std::vector<std::size_t>> subtree(n);
  for (std::size_t u = n; u-- > 0;) {
    subtree[u].push_back(u);
    if (p.units[u].parent >= 0) {
      auto& up = subtree[static_cast<std::size_t>(p.units[u].parent)];
      up.insert(up.end(), subtree[u].begin(), subtree[u].end());
    }
  }
  // Columns of a unit: 0 = *, then each attribute's values.
  std::vector<std::pair<std::size_t, std::size_t>> column = {{0, 0}};  // (attribute + 1, value)
  for (std::size_t a = 0; a < p.attributes.size(); ++a) {
    for (std::size_t v = 0; v < p.attributes[a].value_keys.size(); ++v) column.emplace_back(a + 1, v);
  }
  const std::size_t width = column.size();
  for (std::size_t u = 0; u < n; ++u) {
    for (std::size_t c = 0; c < width; ++c) {
      hrkit_test::DisclosureCell cell;
      for (const std::size_t d : subtree[u]) {
        for (std::size_t combo = 0; combo < combos; ++combo) {
          if (c == 0 || Digit(p, combo, column[c].first - 1) == column[c].second)
            cell.atoms.push_back(d * combos + combo);
        }
      }
      const auto [attribute, value] = column[c];
      cell.shown = IsShown(c == 0 ? s.total[u] : s.by_value[attribute - 1][u][value]);
      cell.name = c == 0 ? absl::StrCat("(unit ", u, ", *)")
                         : absl::StrCat("(unit ", u, ", a", attribute - 1, "=v", value, ")");
      model.cells.push_back(std::move(cell));
    }
  }
  for (std::size_t u = 0; u < n; ++u) {
    for (std::size_t c = 0; c < width; ++c) {
      hrkit_test::DisclosureFamily family{.parent = u * width + c, .members = {}};
      for (std::size_t child = u + 1; child < n; ++child) {
        if (p.units[child].parent == static_cast<std::int32_t>(u)) family.members.push_back(child * width + c);
      }
      if (!family.members.empty()) model.families.push_back(std::move(family));
    }
    for (std::size_t a = 0; a < p.attributes.size(); ++a) {
      hrkit_test::DisclosureFamily family{.parent = u * width, .members = {}};
      for (std::size_t c = 1; c < width; ++c) {
        if (column[c].first == a + 1) family.members.push_back(u * width + c);
      }
      if (!family.members.empty()) model.families.push_back(std::move(family));
    }
  }
  return model;
}

std::string Describe(const Problem& p, const JointSuppression& s) {
  std::string out;
  for (std::size_t u = 0; u < p.units.size(); ++u) {
    absl::StrAppend(&out, "\n  unit ", u, " parent ", p.units[u].parent, " (*)=", s.total_count[u], " ",
                    ToAbsl(SuppressionName(s.total[u])));
    for (std::size_t a = 0; a < p.attributes.size(); ++a) {
      for (std::size_t v = 0; v < p.attributes[a].value_keys.size(); ++v) {
        absl::StrAppend(&out, "  a", a, "v", v, "=", s.value_count[a][u][v], " ",
                        ToAbsl(SuppressionName(s.by_value[a][u][v])));
      }
    }
  }
  for (const JointRespondents& r : p.respondents) {
    absl::StrAppend(&out, "\n  own of unit ", r.unit, " {");
    for (const std::int32_t v : r.values) absl::StrAppend(&out, v, " ");
    absl::StrAppend(&out, "} ", r.count);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Hand-worked cases (k = 5)

// One unit, location (a, b) x tenure (short, long): 6 in (a, short), 6 in
// (b, long). Every reported cell has 6 or 12. But location a's 6 and tenure
// short's 6 are the same people: neither report alone says so, and none of
// the four value cells is derivable from the others, since the total has
// two families that each need two members. Nothing is hidden; the sets a
// reader can compute are all of 6 or more.
TEST(SuppressJointGroupsTest, TwoAttributesOfOneUnitShowWhatHasEnough) {
  const Problem p{
      .units = {{.parent = -1, .key = 1}},
      .attributes = {{.value_keys = {1, 2}}, {.value_keys = {1, 2}}},
      .respondents = {{.unit = 0, .values = {0, 0}, .count = 6}, {.unit = 0, .values = {1, 1}, .count = 6}}};
  ASSERT_OK_AND_ASSIGN(const JointSuppression s, Joint(p));
  EXPECT_THAT(s.total, ElementsAre(kShown));
  EXPECT_THAT(s.by_value[0][0], ElementsAre(kShown, kShown));
  EXPECT_THAT(s.by_value[1][0], ElementsAre(kShown, kShown));
  EXPECT_THAT(s.value_count[0][0], ElementsAre(6, 6));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(p, s), 5), ::testing::IsEmpty());
}

// The example of joint_confidentiality.hpp. Parent P (key 1) with child C
// (key 2), location (a, b) x tenure (short, long). P's own: 1 at (b, short),
// 5 at (b, long); C's own: 5 at (a, short). Counts: (P, *) 11, (C, *) 5;
// location (P, a) 5, (P, b) 6, (C, a) 5; tenure (P, short) 6, (P, long) 5,
// (C, short) 5.
//  - tenure: (P, short) - (C, short) = 1, so (C, short) is hidden
//    (complement), and (C, *) = (C, short) with it (lone hidden member:
//    C has nobody with tenure long), reason linked;
//  - location, on its own, would show (C, a) = 5, all of C, and with it
//    (P, short) - (C, a) = P's one own respondent with tenure short. Here
//    (C, a) equals the hidden (C, *) (hidden parent), (P, a) = (C, a) +
//    nobody of P's own (linked), and then (P, b) = (P, *) - (P, a)
//    (sibling). The location report shows P's total only.
absl::Status HeaderExample(JointSuppression& cells) {
  const ConfidentialityThresholds thresholds{.min_group = 5, .min_comment_group = 10};
  const JointUnit units[] = {{.parent = -1, .key = 1}, {.parent = 0, .key = 2}};
  const JointAttribute attributes[] = {{.value_keys = {1, 2}}, {.value_keys = {1, 2}}};
  const JointRespondents respondents[] = {{.unit = 0, .values = {1, 0}, .count = 1},
                                          {.unit = 0, .values = {1, 1}, .count = 5},
                                          {.unit = 1, .values = {0, 0}, .count = 5}};
  HRKIT_ASSIGN_OR_RETURN(cells,
                         SuppressJointGroups(units, attributes, respondents, thresholds, Disclosure::kAggregates));
  return absl::OkStatus();
}

TEST(JointConfidentialityHeaderTest, ExampleHoldsAsDocumented) {
  JointSuppression s;
  ASSERT_OK(HeaderExample(s));
  EXPECT_THAT(s.total_count, ElementsAre(11, 5));
  EXPECT_THAT(s.total, ElementsAre(kShown, kLinked));
  EXPECT_THAT(s.by_value[0][0], ElementsAre(kLinked, kSibling));
  EXPECT_THAT(s.by_value[0][1], ElementsAre(kHiddenParent, kBelowMinimum));
  EXPECT_THAT(s.by_value[1][0], ElementsAre(kShown, kShown));
  EXPECT_THAT(s.by_value[1][1], ElementsAre(kComplement, kBelowMinimum));
  const Problem p{.units = {{.parent = -1, .key = 1}, {.parent = 0, .key = 2}},
                  .attributes = {{.value_keys = {1, 2}}, {.value_keys = {1, 2}}},
                  .respondents = {{.unit = 0, .values = {1, 0}, .count = 1},
                                  {.unit = 0, .values = {1, 1}, .count = 5},
                                  {.unit = 1, .values = {0, 0}, .count = 5}}};
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(p, s), 5), ::testing::IsEmpty());
  // Each attribute on its own (SuppressCrossedGroups' verdicts) shows
  // (C, location a) = 5, which the joint model finds gives P's one own
  // respondent with tenure short away.
  JointSuppression separate = s;
  for (std::size_t a = 0; a < 2; ++a) {
    Problem one{.units = p.units, .attributes = {p.attributes[a]}, .respondents = {}};
    for (const JointRespondents& r : p.respondents) {
      one.respondents.push_back({.unit = r.unit, .values = {r.values[a]}, .count = r.count});
    }
    ASSERT_OK_AND_ASSIGN(const JointSuppression alone, Joint(one));
    separate.by_value[a] = alone.by_value[0];
  }
  EXPECT_THAT(separate.by_value[0][1], ElementsAre(kShown, kBelowMinimum));
  EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(p, separate), 5), ::testing::Not(::testing::IsEmpty()));
}

TEST(SuppressJointGroupsTest, ValidatesUnitsAttributesAndRespondents) {
  EXPECT_STATUS_CODE(Joint({.units = {{.parent = -1, .key = 1}}}, 2), absl::StatusCode::kInvalidArgument);
  struct Case {
    Problem problem;
    std::string message;
  };
  const std::vector<JointAttribute> one = {{.value_keys = {1, 2}}};
  const std::vector<Case> cases = {
      {{.units = {{.parent = 0, .key = 1}}},
       "units[0].parent: must be -1 (a root) or the index of an earlier unit, got 0"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 1, .values = {0}, .count = 1}}},
       "respondents[0].unit: must index a unit (1), got 1"},
      {{.units = {{.parent = -1, .key = 1}}, .attributes = one, .respondents = {{.unit = 0, .values = {}, .count = 1}}},
       "respondents[0].values: must have one per attribute (1), got 0"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 0, .values = {2}, .count = 1}}},
       "respondents[0].values[0]: must be -1 or index a value (2), got 2"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 0, .values = {-2}, .count = 1}}},
       "respondents[0].values[0]: must be -1 or index a value (2), got -2"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 0, .values = {0}, .count = -1}}},
       "respondents[0].count: must not be negative, got -1"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 0, .values = {0}, .count = INT64_MAX}, {.unit = 0, .values = {1}, .count = 1}}},
       "units[0]: the respondents overflow"},
      {{.units = {{.parent = -1, .key = 1}},
        .attributes = one,
        .respondents = {{.unit = 0, .values = {0}, .count = INT64_MAX}, {.unit = 0, .values = {0}, .count = 1}}},
       "units[0]: the respondents overflow"},
  };
  for (const Case& c : cases) {
    const auto result = Joint(c.problem);
    EXPECT_STATUS_CODE(result, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(hrkit_test::Message(result), HasSubstr(c.message));
  }
}

// ---------------------------------------------------------------------------
// Random trees crossed with several attributes

// Up to 12 units over at most 4 levels, `attributes` attributes of 1 to 3
// values, small counts with many empty atoms, some respondents without a
// value; unit and value keys distinct.
Problem RandomProblem(std::mt19937_64& rng, std::size_t attributes) {
  const auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Problem p;
  const int n = uniform(1, 12);
  std::vector<int> depth;
  for (int u = 0; u < n; ++u) {
    JointUnit unit{.parent = -1, .key = 100 + u};
    std::vector<int> candidates;
    for (int q = 0; q < u; ++q) {
      if (depth[static_cast<std::size_t>(q)] < 3) candidates.push_back(q);
    }
    if (u > 0 && !candidates.empty() && uniform(0, 19) > 0) {
      unit.parent = candidates[static_cast<std::size_t>(uniform(0, static_cast<int>(candidates.size()) - 1))];
    }
    depth.push_back(unit.parent < 0 ? 0 : depth[static_cast<std::size_t>(unit.parent)] + 1);
    p.units.push_back(unit);
  }
  for (std::size_t a = 0; a < attributes; ++a) {
    JointAttribute attribute;
    for (int v = uniform(1, 3); v > 0; --v)
      attribute.value_keys.push_back(static_cast<std::int64_t>(attribute.value_keys.size()) + 1);
    p.attributes.push_back(std::move(attribute));
  }
  const int empty_percent = uniform(50, 85);
  const std::size_t combos = Combinations(p);
  for (int u = 0; u < n; ++u) {
    for (std::size_t combo = 0; combo < combos; ++combo) {
      if (uniform(1, 100) <= empty_percent) continue;
      JointRespondents r{.unit = u, .values = {}, .count = uniform(1, uniform(0, 3) == 0 ? 12 : 6)};
      bool has_none = false;
      for (std::size_t a = 0; a < attributes; ++a) {
        const std::size_t digit = Digit(p, combo, a);
        const bool none = digit == p.attributes[a].value_keys.size();
        has_none = has_none || none;
        r.values.push_back(none ? -1 : static_cast<std::int32_t>(digit));
      }
      if (has_none && uniform(0, 2) > 0) continue;  // fewer respondents without a value
      p.respondents.push_back(std::move(r));
    }
  }
  return p;
}

// HRKIT_PROPERTY_SEED (default 20261129) and HRKIT_PROPERTY_RUNS (default
// 600; 100 under sanitizers) set the search; a failure names the seed to replay with RUNS=1.
TEST(SuppressJointGroupsPropertyTest, NothingHiddenIsDerivableFromAllAttributesTogether) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(600, 100));
  std::array<int, 6> seen{};
  for (std::uint64_t run = 0; run < runs; ++run) {
    std::mt19937_64 rng(seed + run);
    const Problem p = RandomProblem(rng, 2 + rng() % 2);
    const std::int32_t k = rng() % 2 == 0 ? 3 : 5;
    ASSERT_OK_AND_ASSIGN(const JointSuppression s, Joint(p, k));
    for (const Suppression v : s.total) ++seen[static_cast<std::size_t>(v)];
    for (const auto& attribute : s.by_value) {
      for (const auto& row : attribute) {
        for (const Suppression v : row) ++seen[static_cast<std::size_t>(v)];
      }
    }
    const std::vector<std::string> found = hrkit_test::FindDisclosures(ModelOf(p, s), k);
    if (!found.empty()) {
      ADD_FAILURE() << found.front() << " (" << found.size() << " in all), k " << k << Describe(p, s)
                    << "\nreplay with HRKIT_PROPERTY_SEED=" << seed + run << " HRKIT_PROPERTY_RUNS=1";
      return;
    }
  }
  if (runs >= 500) {
    for (std::size_t reason = 0; reason < seen.size(); ++reason) {
      EXPECT_GE(seen[reason], 10) << SuppressionName(static_cast<Suppression>(reason));
    }
  }
}

TEST(SuppressJointGroupsPropertyTest, WithoutAttributesTheVerdictsAreThoseOfTheTree) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(600, 100));
  for (std::uint64_t run = 0; run < runs; ++run) {
    std::mt19937_64 rng(seed + run);
    Problem p = RandomProblem(rng, 1);
    const std::int32_t k = rng() % 2 == 0 ? 3 : 5;
    // The same respondents with the attribute dropped.
    p.attributes.clear();
    for (JointRespondents& r : p.respondents) r.values.clear();
    ASSERT_OK_AND_ASSIGN(const JointSuppression s, Joint(p, k));
    std::vector<GroupCount> groups;
    for (std::size_t u = 0; u < p.units.size(); ++u) {
      groups.push_back({.parent = p.units[u].parent, .count = s.total_count[u], .key = p.units[u].key});
    }
    ASSERT_OK_AND_ASSIGN(
        const std::vector<Suppression> tree,
        SuppressGroups(groups, {.min_group = k, .min_comment_group = std::max(k, 10)}, Disclosure::kAggregates));
    if (tree != s.total) {
      ADD_FAILURE() << "k " << k << Describe(p, s) << "\nreplay with HRKIT_PROPERTY_SEED=" << seed + run
                    << " HRKIT_PROPERTY_RUNS=1";
      return;
    }
  }
}

// The same problem with units relisted (parents still first), each
// attribute's values relisted with their keys, and the respondents
// shuffled and split: the verdict of every cell is the same.
TEST(SuppressJointGroupsPropertyTest, VerdictsDoNotDependOnTheOrderOfUnitsValuesOrRespondents) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(600, 100));
  for (std::uint64_t run = 0; run < runs; ++run) {
    std::mt19937_64 rng(seed + run);
    const Problem p = RandomProblem(rng, 2 + rng() % 2);
    const std::int32_t k = rng() % 2 == 0 ? 3 : 5;
    const std::size_t n = p.units.size();
    // Units: a random order that keeps parents first.
    std::vector<std::size_t> new_unit(n), ready;
    for (std::size_t u = 0; u < n; ++u) {
      if (p.units[u].parent < 0) ready.push_back(u);
    }
    Problem q;
    while (!ready.empty()) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, ready.size() - 1)(rng);
      const std::size_t u = ready[pick];
      ready.erase(ready.begin() + static_cast<std::ptrdiff_t>(pick));
      new_unit[u] = q.units.size();
      JointUnit moved = p.units[u];
      if (moved.parent >= 0) moved.parent = static_cast<std::int32_t>(new_unit[static_cast<std::size_t>(moved.parent)]);
      q.units.push_back(moved);
      for (std::size_t c = u + 1; c < n; ++c) {
        if (p.units[c].parent == static_cast<std::int32_t>(u)) ready.push_back(c);
      }
    }
    std::vector<std::vector<std::size_t>> new_value;
    for (const JointAttribute& a : p.attributes) {
      std::vector<std::size_t> order(a.value_keys.size());
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), rng);
      JointAttribute moved{.value_keys = std::vector<std::int64_t>(a.value_keys.size())};
      for (std::size_t v = 0; v < order.size(); ++v) moved.value_keys[order[v]] = a.value_keys[v];
      q.attributes.push_back(std::move(moved));
      new_value.push_back(std::move(order));
    }
    for (const JointRespondents& r : p.respondents) {
      JointRespondents moved{.unit = static_cast<std::int32_t>(new_unit[static_cast<std::size_t>(r.unit)]),
                             .values = r.values,
                             .count = r.count};
      for (std::size_t a = 0; a < r.values.size(); ++a) {
        if (r.values[a] >= 0)
          moved.values[a] = static_cast<std::int32_t>(new_value[a][static_cast<std::size_t>(r.values[a])]);
      }
      if (moved.count > 1 && rng() % 2 == 0) {  // the same respondents in two entries
        JointRespondents part = moved;
        part.count = 1;
        --moved.count;
        q.respondents.push_back(std::move(part));
      }
      q.respondents.push_back(std::move(moved));
    }
    std::shuffle(q.respondents.begin(), q.respondents.end(), rng);
    ASSERT_OK_AND_ASSIGN(const JointSuppression a, Joint(p, k));
    ASSERT_OK_AND_ASSIGN(const JointSuppression b, Joint(q, k));
    bool same = true;
    for (std::size_t u = 0; u < n; ++u) {
      same = same && a.total[u] == b.total[new_unit[u]];
      for (std::size_t t = 0; t < p.attributes.size(); ++t) {
        for (std::size_t v = 0; v < new_value[t].size(); ++v) {
          same = same && a.by_value[t][u][v] == b.by_value[t][new_unit[u]][new_value[t][v]];
        }
      }
    }
    if (!same) {
      ADD_FAILURE() << "k " << k << Describe(p, a) << "\nrelisted:" << Describe(q, b)
                    << "\nreplay with HRKIT_PROPERTY_SEED=" << seed + run << " HRKIT_PROPERTY_RUNS=1";
      return;
    }
  }
}

}  // namespace
}  // namespace hrkit
