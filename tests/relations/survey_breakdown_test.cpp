// The unit x attribute breakdown of a survey wave: hand-worked figures and
// verdicts by location and by tenure band, and a seeded differencing test:
// on random organizations, nothing a report hides can be computed from the
// cells it shows (the unit report, and each crossed report on its own),
// checked exactly by tests/support/hrkit_test/disclosure_checker.hpp.
#include "hrkit/relations/survey_breakdown.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey_report.hpp"
#include "hrkit_test/disclosure_checker.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

using relations_test::Hire;
using relations_test::MakeOrgOf;
using relations_test::Org;

constexpr std::string_view kSecret = "breakdown-test-secret-0123456789";
const Date kInvited(2025, 3, 1);

SurveyBook InvitedWho5Book(const Org& org) {
  Survey s;
  s.id = SurveyId(1);
  s.instruments = {"who5"};
  s.waves = {{1, kInvited, Date(2025, 3, 2), Date(2025, 3, 15)}};
  auto book = SurveyBook::Create(s, std::vector<InstrumentDefinition>{Who5Instrument()});
  EXPECT_OK(book.status());
  EXPECT_OK(book->Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)).status());
  return *std::move(book);
}

std::vector<SurveyAnswer> Who5(int v) {
  return {{"who5_1", v}, {"who5_2", v}, {"who5_3", v}, {"who5_4", v}, {"who5_5", v}};
}

const SurveyBreakdownCell& Cell(const std::vector<SurveyBreakdownCell>& cells, std::int64_t unit,
                                const std::string& value) {
  for (const SurveyBreakdownCell& c : cells) {
    if (c.group.unit == OrgUnitId(unit) && c.value == value) return c;
  }
  ADD_FAILURE() << "no cell " << unit << " " << value;
  return cells.front();
}

TEST(SurveyBreakdown, ByLocationHandWorked) {
  // U (unit 1) with child C (unit 2). U's own: 6 at location 1 (one of them
  // does not answer), 3 at location 2; C: 5 at location 1, 7 at location 2.
  // Respondents: (U,*) 20, (U,1) 10, (U,2) 10, (C,*) 12, (C,1) 5, (C,2) 7.
  // k = 5. Column 2: (U,2) - (C,2) = 3, so (C,2) is hidden (complement);
  // C's attribute family: 12 - 5 would be the 7 alone, so (C,1) is hidden
  // too (sibling). Otherwise (U,*) - (U,1) - (C,*) + (C,1) = 3 would give
  // away U's own three at location 2.
  std::vector<Hire> hires;
  for (int k = 0; k < 6; ++k) hires.push_back({.unit = 0, .location = 1, .hired = Date(2023, 1, 1)});
  for (int k = 0; k < 3; ++k) hires.push_back({.unit = 0, .location = 2, .hired = Date(2023, 1, 1)});
  for (int k = 0; k < 5; ++k) hires.push_back({.unit = 1, .location = 1, .hired = Date(2023, 1, 1)});
  for (int k = 0; k < 7; ++k) hires.push_back({.unit = 1, .location = 2, .hired = Date(2023, 1, 1)});
  const Org org = MakeOrgOf({-1, 0}, hires);
  SurveyBook book = InvitedWho5Book(org);
  // WHO-5 percentages: U's own at 1 answer 3s (60), at 2 4s (80); C's at 1
  // 2s (40), at 2 5s (100). Employee 1 does not answer.
  std::int64_t id = 1;
  for (const Employee& e : org.employees) {
    const std::int64_t n = e.id.value();
    if (n == 1) continue;
    const int v = n <= 6 ? 3 : n <= 9 ? 4 : n <= 14 ? 2 : 5;
    ASSERT_OK(book.Submit(1, e.id, kSecret, Who5(v), "", Date(2025, 3, 5), SurveyResponseId(id++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto cells, SurveyBreakdown(book, 1, 0, BreakdownAttribute::kLocation, org.lookup));
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_EQ(cells[0].group.unit, OrgUnitId(1));
  EXPECT_EQ(cells[0].value, "");
  EXPECT_EQ(cells[1].value, "location:1");
  EXPECT_EQ(cells[2].value, "location:2");
  EXPECT_EQ(cells[3].group.unit, OrgUnitId(2));
  EXPECT_EQ(cells[3].group.parent, OrgUnitId(1));
  EXPECT_EQ(Cell(cells, 2, "location:1").group.suppression, Suppression::kSibling);
  EXPECT_EQ(Cell(cells, 2, "location:2").group.suppression, Suppression::kComplement);
  // (U,*): 20 of 21; (5 x 60 + 3 x 80 + 5 x 40 + 7 x 100) / 20 = 1440 / 20 = 72.
  const SurveyGroupResult& total = Cell(cells, 1, "").group;
  EXPECT_EQ(total.suppression, Suppression::kShown);
  EXPECT_EQ(total.invited, 21);
  EXPECT_EQ(total.respondents, 20);
  EXPECT_DOUBLE_EQ(*total.response_rate_percent, 100.0 * 20.0 / 21.0);
  EXPECT_DOUBLE_EQ(*total.scales[1].mean, 72.0);
  // (U,1): 10 of 11; (5 x 60 + 5 x 40) / 10 = 50; item 1: five 3s, five 2s.
  const SurveyGroupResult& u1 = Cell(cells, 1, "location:1").group;
  EXPECT_EQ(u1.invited, 11);
  EXPECT_DOUBLE_EQ(*u1.response_rate_percent, 100.0 * 10.0 / 11.0);
  EXPECT_DOUBLE_EQ(*u1.scales[1].mean, 50.0);
  EXPECT_EQ(u1.items[0].distribution, (std::vector<std::int64_t>{0, 0, 5, 5, 0, 0}));
  // (U,2): 10 of 10; (3 x 80 + 7 x 100) / 10 = 94. (C,*): (5 x 40 + 7 x 100) / 12 = 75.
  EXPECT_DOUBLE_EQ(*Cell(cells, 1, "location:2").group.scales[1].mean, 94.0);
  EXPECT_DOUBLE_EQ(*Cell(cells, 2, "").group.scales[1].mean, 75.0);
  // Hidden cells carry their reason and no figure.
  for (const std::string value : {"location:1", "location:2"}) {
    const SurveyGroupResult& hidden = Cell(cells, 2, value).group;
    EXPECT_EQ(hidden.invited, std::nullopt);
    EXPECT_EQ(hidden.respondents, std::nullopt);
    EXPECT_TRUE(hidden.scales.empty());
    EXPECT_TRUE(hidden.items.empty());
  }
}

TEST(SurveyBreakdown, ByTenureBandHandWorked) {
  // One unit, invited on 2025-03-01: 3 hired 2024-09-01 ("0-1"), 5 hired
  // 2023-01-01 ("1-3"), 5 hired 2018-01-01 ("5+"); nobody in "3-5", which
  // gets no cell. All answer. (U,0-1) 3 < 5: below the minimum; 13 - 5 - 5
  // = 3 would give it away, so the smaller key of the two 5s, "1-3", is
  // hidden too (sibling). Shown: the total (13) and "5+".
  std::vector<Hire> hires;
  for (int k = 0; k < 3; ++k) hires.push_back({.unit = 0, .location = 1, .hired = Date(2024, 9, 1)});
  for (int k = 0; k < 5; ++k) hires.push_back({.unit = 0, .location = 1, .hired = Date(2023, 1, 1)});
  for (int k = 0; k < 5; ++k) hires.push_back({.unit = 0, .location = 1, .hired = Date(2018, 1, 1)});
  const Org org = MakeOrgOf({-1}, hires);
  SurveyBook book = InvitedWho5Book(org);
  std::int64_t id = 1;
  for (const Employee& e : org.employees) {
    // "5+" answer 1s (20), the others 5s (100).
    ASSERT_OK(
        book.Submit(1, e.id, kSecret, Who5(e.id.value() > 8 ? 1 : 5), "", Date(2025, 3, 5), SurveyResponseId(id++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto cells, SurveyBreakdown(book, 1, 0, BreakdownAttribute::kTenureBand, org.lookup));
  ASSERT_EQ(cells.size(), 4u);
  EXPECT_EQ(cells[1].value, "0-1");
  EXPECT_EQ(cells[2].value, "1-3");
  EXPECT_EQ(cells[3].value, "5+");
  EXPECT_EQ(cells[0].group.suppression, Suppression::kShown);
  EXPECT_EQ(cells[1].group.suppression, Suppression::kBelowMinimum);
  EXPECT_EQ(cells[2].group.suppression, Suppression::kSibling);
  EXPECT_EQ(cells[3].group.suppression, Suppression::kShown);
  // Total: (8 x 100 + 5 x 20) / 13; "5+": 20.
  EXPECT_DOUBLE_EQ(*cells[0].group.scales[1].mean, 900.0 / 13.0);
  EXPECT_EQ(cells[3].group.respondents, 5);
  EXPECT_DOUBLE_EQ(*cells[3].group.scales[1].mean, 20.0);
}

TEST(SurveyBreakdown, RejectsWhatItCannotReport) {
  const Org org = MakeOrgOf({-1}, {{.unit = 0, .location = 1, .hired = Date(2023, 1, 1)}});
  const SurveyBook book = InvitedWho5Book(org);
  EXPECT_STATUS_CODE(SurveyBreakdown(book, 2, 0, BreakdownAttribute::kLocation, org.lookup),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(SurveyBreakdown(book, 1, 1, BreakdownAttribute::kLocation, org.lookup),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(SurveyBreakdown(book, 1, 0, static_cast<BreakdownAttribute>(5), org.lookup),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BreakdownAttributeName(BreakdownAttribute::kTenureBand), "tenure_band");
}

// ---------------------------------------------------------------------------
// Differencing on random organizations

// The reader's view of a report: atoms are the respondents of one unit
// itself with one value ("" = none), counted from the responses; a cell is
// (unit, value) over the unit's subtree, value "" meaning every value.
hrkit_test::DisclosureModel ModelOf(const std::vector<SurveyBreakdownCell>& cells,
                                    const absl::flat_hash_map<std::string, std::int64_t>& atoms_by_key,
                                    const std::vector<std::string>& values, std::int64_t units) {
  // Unit ids are 1..units; parent of each from the report.
  std::vector<std::int64_t> parent(static_cast<std::size_t>(units + 1), 0);
  for (const SurveyBreakdownCell& c : cells)
    parent[static_cast<std::size_t>(c.group.unit.value())] = c.group.parent.value();
  const auto in_subtree = [&](std::int64_t u, std::int64_t root) {
    for (; u != 0; u = parent[static_cast<std::size_t>(u)]) {
      if (u == root) return true;
    }
    return false;
  };
  hrkit_test::DisclosureModel model;
  std::vector<std::pair<std::int64_t, std::string>> atom_of;
  for (std::int64_t u = 1; u <= units; ++u) {
    for (const std::string& v : values) {
      const auto it = atoms_by_key.find(absl::StrCat(u, "/", v));
      model.atom_count.push_back(it == atoms_by_key.end() ? 0 : it->second);
      atom_of.emplace_back(u, v);
    }
  }
  for (const SurveyBreakdownCell& c : cells) {
    hrkit_test::DisclosureCell cell;
    for (std::size_t a = 0; a < atom_of.size(); ++a) {
      if (in_subtree(atom_of[a].first, c.group.unit.value()) && (c.value.empty() || atom_of[a].second == c.value)) {
        cell.atoms.push_back(a);
      }
    }
    cell.shown = IsShown(c.group.suppression);
    cell.name = absl::StrCat(ToString(c.group.unit), " ", c.value.empty() ? "*" : c.value);
    std::int64_t count = 0;
    for (const std::size_t a : cell.atoms) count += model.atom_count[a];
    if (cell.shown) {
      EXPECT_EQ(c.group.respondents, count) << cell.name;
    }
    model.cells.push_back(std::move(cell));
  }
  // Families: (U, c) over (C, c) for the child units C, and (U, *) over
  // (U, v); a cell the report leaves out (nobody invited) is empty.
  for (std::size_t p = 0; p < cells.size(); ++p) {
    hrkit_test::DisclosureFamily column{.parent = p, .members = {}};
    hrkit_test::DisclosureFamily attribute{.parent = p, .members = {}};
    for (std::size_t m = 0; m < cells.size(); ++m) {
      const SurveyBreakdownCell& a = cells[p];
      const SurveyBreakdownCell& b = cells[m];
      if (b.group.parent == a.group.unit && b.value == a.value) column.members.push_back(m);
      if (a.value.empty() && b.group.unit == a.group.unit && !b.value.empty()) attribute.members.push_back(m);
    }
    if (!column.members.empty()) model.families.push_back(std::move(column));
    if (!attribute.members.empty()) model.families.push_back(std::move(attribute));
  }
  return model;
}

std::uint64_t EnvOr(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 10);
}

// HRKIT_PROPERTY_SEED / HRKIT_PROPERTY_RUNS (default 20261129 / 200).
TEST(SurveyBreakdown, NothingHiddenIsDerivableInAnyReportOnRandomOrgs) {
  const std::uint64_t seed = EnvOr("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = EnvOr("HRKIT_PROPERTY_RUNS", 200);
  const Date bands[] = {Date(2024, 9, 1), Date(2023, 1, 1), Date(2021, 1, 1), Date(2018, 1, 1)};
  for (std::uint64_t run = 0; run < runs; ++run) {
    SCOPED_TRACE(absl::StrCat("replay with HRKIT_PROPERTY_SEED=", seed + run, " HRKIT_PROPERTY_RUNS=1"));
    std::mt19937_64 rng(seed + run);
    const int units = 1 + static_cast<int>(rng() % 10);
    std::vector<int> parent(static_cast<std::size_t>(units), -1);
    for (int u = 1; u < units; ++u) parent[static_cast<std::size_t>(u)] = static_cast<int>(rng() % u);
    std::vector<Hire> hires;
    for (int u = 0; u < units; ++u) {
      for (int k = static_cast<int>(rng() % 9); k > 0; --k) {
        hires.push_back({.unit = u, .location = static_cast<std::int64_t>(rng() % 4), .hired = bands[rng() % 4]});
      }
    }
    if (hires.empty()) continue;
    const Org org = MakeOrgOf(parent, hires);
    SurveyBook book = InvitedWho5Book(org);
    std::int64_t id = 1;
    for (const Employee& e : org.employees) {
      if (rng() % 4 == 0) continue;
      ASSERT_OK(book.Submit(1, e.id, kSecret, Who5(static_cast<int>(rng() % 6)), "", Date(2025, 3, 3),
                            SurveyResponseId(id++)));
    }
    // The unit report: one value, every respondent in it.
    ASSERT_OK_AND_ASSIGN(const auto org_report, OrgReport(book, 1, 0, org.lookup));
    std::vector<SurveyBreakdownCell> as_cells;
    absl::flat_hash_map<std::string, std::int64_t> own;
    for (const SurveyResponse& r : book.responses()) ++own[absl::StrCat(r.org_unit.value(), "/")];
    for (const SurveyGroupResult& g : org_report) as_cells.push_back({.value = "", .group = g});
    EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(as_cells, own, {""}, units), 5), ::testing::IsEmpty());
    for (const BreakdownAttribute attribute : {BreakdownAttribute::kLocation, BreakdownAttribute::kTenureBand}) {
      SCOPED_TRACE(BreakdownAttributeName(attribute));
      ASSERT_OK_AND_ASSIGN(const auto cells, SurveyBreakdown(book, 1, 0, attribute, org.lookup));
      std::vector<std::string> values = {""};
      absl::flat_hash_map<std::string, std::int64_t> atoms;
      for (const SurveyResponse& r : book.responses()) {
        std::string v = attribute == BreakdownAttribute::kTenureBand ? r.tenure_band
                        : r.location.valid()                         ? ToString(r.location)
                                                                     : "";
        if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
        ++atoms[absl::StrCat(r.org_unit.value(), "/", v)];
      }
      EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(cells, atoms, values, units), 5), ::testing::IsEmpty());
    }
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace hrkit
