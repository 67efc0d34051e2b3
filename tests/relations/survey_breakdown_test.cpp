// The unit x attribute breakdowns of a survey wave and the disclosure they
// share with the unit report: hand-worked figures and verdicts by location
// and by tenure band, a case where only the joint verdicts protect a
// respondent, every error, and a seeded differencing test: on random
// organizations answering two waves, nothing any published report hides can
// be computed from the cells all of them show, checked exactly by
// tests/support/hrkit_test/disclosure_checker.hpp.
#include "hrkit/relations/survey_breakdown.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey_disclosure.hpp"
#include "hrkit/relations/survey_report.hpp"
#include "hrkit_test/disclosure_checker.hpp"
#include "hrkit_test/property.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"
#include "org_fixture_support.hpp"

namespace hrkit {
namespace {

using relations_test::Hire;
using relations_test::MakeOrgOf;
using relations_test::Org;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

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

// The breakdown by `attribute` of wave 1, published on its own.
absl::StatusOr<std::vector<SurveyBreakdownCell>> BreakdownAlone(const SurveyBook& book, const Org& org,
                                                                BreakdownAttribute attribute) {
  const BreakdownAttribute published[] = {attribute};
  HRKIT_ASSIGN_OR_RETURN(const WaveDisclosure disclosure, DecideWaveDisclosure(book, 1, published, org.lookup));
  return SurveyBreakdown(book, disclosure, 0, attribute, org.lookup);
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
  ASSERT_OK_AND_ASSIGN(const auto cells, BreakdownAlone(book, org, BreakdownAttribute::kLocation));
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
  ASSERT_OK_AND_ASSIGN(const auto cells, BreakdownAlone(book, org, BreakdownAttribute::kTenureBand));
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
  SurveyBook book = InvitedWho5Book(org);
  const BreakdownAttribute location[] = {BreakdownAttribute::kLocation};
  EXPECT_STATUS_CODE(DecideWaveDisclosure(book, 2, location, org.lookup), absl::StatusCode::kNotFound);
  const BreakdownAttribute twice[] = {BreakdownAttribute::kLocation, BreakdownAttribute::kLocation};
  EXPECT_THAT(hrkit_test::Message(DecideWaveDisclosure(book, 1, twice, org.lookup)),
              HasSubstr("survey:1: breakdowns[1]: location is listed twice"));
  const BreakdownAttribute unknown[] = {static_cast<BreakdownAttribute>(5)};
  EXPECT_STATUS_CODE(DecideWaveDisclosure(book, 1, unknown, org.lookup), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure disclosure, DecideWaveDisclosure(book, 1, location, org.lookup));
  EXPECT_STATUS_CODE(SurveyBreakdown(book, disclosure, 1, BreakdownAttribute::kLocation, org.lookup),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(SurveyBreakdown(book, disclosure, 0, static_cast<BreakdownAttribute>(5), org.lookup),
                     absl::StatusCode::kInvalidArgument);
  // A breakdown the disclosure does not publish.
  const auto tenure = SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kTenureBand, org.lookup);
  EXPECT_STATUS_CODE(tenure, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(tenure), HasSubstr("does not publish the tenure_band breakdown"));
  EXPECT_STATUS_CODE(disclosure.ValueOf(BreakdownAttribute::kTenureBand, OrgUnitId(1), "1-3"),
                     absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(disclosure.ValueOf(BreakdownAttribute::kLocation, OrgUnitId(9), "location:1"),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(disclosure.ValueOf(BreakdownAttribute::kLocation, OrgUnitId(1), "location:7"),
                     absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(disclosure.TotalOf(OrgUnitId(9)), absl::StatusCode::kNotFound);
  // A disclosure decided before a response came in is stale, for every
  // report.
  ASSERT_OK(book.Submit(1, org.employees[0].id, kSecret, Who5(3), "", Date(2025, 3, 5), SurveyResponseId(1)));
  const auto stale = SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kLocation, org.lookup);
  EXPECT_STATUS_CODE(stale, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(stale), HasSubstr("decided on 0 responses of wave 1, the book now has 1"));
  EXPECT_STATUS_CODE(OrgReport(book, disclosure, 0, org.lookup), absl::StatusCode::kFailedPrecondition);
  // A disclosure of another survey.
  Survey other = book.survey();
  other.id = SurveyId(2);
  ASSERT_OK_AND_ASSIGN(SurveyBook other_book,
                       SurveyBook::Create(other, std::vector<InstrumentDefinition>{Who5Instrument()}));
  ASSERT_OK(other_book.Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)).status());
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure foreign, DecideWaveDisclosure(other_book, 1, location, org.lookup));
  EXPECT_STATUS_CODE(OrgReport(book, foreign, 0, org.lookup), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(BreakdownAttributeName(BreakdownAttribute::kTenureBand), "tenure_band");
  EXPECT_EQ(BreakdownAttributeName(static_cast<BreakdownAttribute>(5)), "unknown");
}

// Parent P (unit 1) with child C (unit 2). P's own: 1 at location 2 hired
// 2024-09-01 (tenure "0-1"), 5 at location 2 hired 2018 ("5+"); C: 5 at
// location 1 hired 2024-09-01 ("0-1"). Everyone answers. Counts: P 11,
// C 5; by location (P,1) 5, (P,2) 6, (C,1) 5; by tenure (P,0-1) 6,
// (P,5+) 5, (C,0-1) 5.
//  - The unit report alone shows C (5; 11 - 5 = 6).
//  - The tenure breakdown hides (C,0-1): (P,0-1) - 5 = 1 (complement), and
//    C's total with it (linked: C is all "0-1").
//  - The location breakdown alone would show (C,1) = 5 = all of C, and then
//    (P,0-1) - (C,1) = P's one own "0-1" respondent.
// Published together, from one disclosure: C's total is hidden in every
// report, (C,1) by hidden_parent, (P,1) = (C,1) by linked and (P,2) by
// sibling; the tenure breakdown keeps (P,0-1) and (P,5+).
TEST(SurveyBreakdown, AllReportsOfAWaveTakeTheirVerdictsFromOneDisclosure) {
  std::vector<Hire> hires = {{.unit = 0, .location = 2, .hired = Date(2024, 9, 1)}};
  for (int k = 0; k < 5; ++k) hires.push_back({.unit = 0, .location = 2, .hired = Date(2018, 1, 1)});
  for (int k = 0; k < 5; ++k) hires.push_back({.unit = 1, .location = 1, .hired = Date(2024, 9, 1)});
  const Org org = MakeOrgOf({-1, 0}, hires);
  SurveyBook book = InvitedWho5Book(org);
  std::int64_t id = 1;
  for (const Employee& e : org.employees) {
    ASSERT_OK(book.Submit(1, e.id, kSecret, Who5(3), "", Date(2025, 3, 5), SurveyResponseId(id++)));
  }
  ASSERT_OK_AND_ASSIGN(const auto alone, OrgReport(book, 1, 0, org.lookup));
  EXPECT_EQ(alone[1].suppression, Suppression::kShown);
  ASSERT_OK_AND_ASSIGN(const auto location_alone, BreakdownAlone(book, org, BreakdownAttribute::kLocation));
  EXPECT_EQ(Cell(location_alone, 2, "location:1").group.suppression, Suppression::kShown);

  const BreakdownAttribute both[] = {BreakdownAttribute::kLocation, BreakdownAttribute::kTenureBand};
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure disclosure, DecideWaveDisclosure(book, 1, both, org.lookup));
  EXPECT_TRUE(disclosure.Publishes(BreakdownAttribute::kTenureBand));
  EXPECT_THAT(disclosure.units(), ElementsAre(OrgUnitId(1), OrgUnitId(2)));
  ASSERT_OK_AND_ASSIGN(const auto units, OrgReport(book, disclosure, 0, org.lookup));
  EXPECT_EQ(units[0].suppression, Suppression::kShown);
  EXPECT_EQ(units[0].respondents, 11);
  EXPECT_EQ(units[1].suppression, Suppression::kLinked);
  EXPECT_EQ(units[1].respondents, std::nullopt);
  ASSERT_OK_AND_ASSIGN(const auto by_location,
                       SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kLocation, org.lookup));
  EXPECT_EQ(Cell(by_location, 1, "").group.suppression, Suppression::kShown);
  EXPECT_EQ(Cell(by_location, 1, "location:1").group.suppression, Suppression::kLinked);
  EXPECT_EQ(Cell(by_location, 1, "location:2").group.suppression, Suppression::kSibling);
  EXPECT_EQ(Cell(by_location, 2, "").group.suppression, Suppression::kLinked);
  EXPECT_EQ(Cell(by_location, 2, "location:1").group.suppression, Suppression::kHiddenParent);
  ASSERT_OK_AND_ASSIGN(const auto by_tenure,
                       SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kTenureBand, org.lookup));
  EXPECT_EQ(Cell(by_tenure, 1, "0-1").group.respondents, 6);
  EXPECT_EQ(Cell(by_tenure, 1, "5+").group.respondents, 5);
  EXPECT_EQ(Cell(by_tenure, 2, "0-1").group.suppression, Suppression::kComplement);
  EXPECT_EQ(Cell(by_tenure, 2, "").group.suppression, Suppression::kLinked);
  EXPECT_THAT(disclosure.ValueOf(BreakdownAttribute::kLocation, OrgUnitId(2), "location:1"),
              hrkit_test::IsOkAndHolds(Suppression::kHiddenParent));
  EXPECT_THAT(disclosure.TotalOf(OrgUnitId(2)), hrkit_test::IsOkAndHolds(Suppression::kLinked));
  // A disclosure without breakdowns gives the unit report on its own.
  ASSERT_OK_AND_ASSIGN(const WaveDisclosure none, DecideWaveDisclosure(book, 1, {}, org.lookup));
  EXPECT_THAT(OrgReport(book, none, 0, org.lookup), hrkit_test::IsOkAndHolds(alone));
}

// ---------------------------------------------------------------------------
// Differencing on random organizations

// One cell of any report of a wave: a unit's total (attribute -1) or a
// value of attribute 0 (location) or 1 (tenure band).
struct ReportCell {
  OrgUnitId unit;
  OrgUnitId parent;
  int attribute = -1;
  std::string value;
  Suppression verdict = Suppression::kShown;
  std::optional<std::int64_t> respondents;
};

// The attribute values of a response: location label ("" = none), band.
std::array<std::string, 2> ValuesOf(const SurveyResponse& r) {
  const std::string band = r.tenure_band == "unknown" ? "" : r.tenure_band;
  return {r.location.valid() ? ToString(r.location) : "", band};
}

// The reader's view of every report of wave `wave` together: atoms are the
// respondents of one unit itself with one location and one tenure band
// (counted from the responses); a cell is a unit's subtree, all or with
// one value; families are each column along the tree and each attribute's
// values under a unit's total.
hrkit_test::DisclosureModel ModelOf(const std::vector<ReportCell>& cells, const SurveyBook& book, std::int32_t wave) {
  absl::flat_hash_map<OrgUnitId, OrgUnitId> parent;
  for (const ReportCell& c : cells) parent[c.unit] = c.parent;
  const auto in_subtree = [&](OrgUnitId u, OrgUnitId root) {
    for (; u.valid(); u = parent.contains(u) ? parent.at(u) : OrgUnitId()) {
      if (u == root) return true;
    }
    return false;
  };
  hrkit_test::DisclosureModel model;
  std::vector<std::pair<OrgUnitId, std::array<std::string, 2>>> atom_of;
  absl::flat_hash_map<std::string, std::size_t> atom_index;
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    const std::array<std::string, 2> values = ValuesOf(r);
    const std::string key = absl::StrCat(r.org_unit.value(), "/", values[0], "/", values[1]);
    auto [it, added] = atom_index.emplace(key, atom_of.size());
    if (added) {
      atom_of.emplace_back(r.org_unit, values);
      model.atom_count.push_back(0);
    }
    ++model.atom_count[it->second];
  }
  for (const ReportCell& c : cells) {
    hrkit_test::DisclosureCell cell;
    std::int64_t count = 0;
    for (std::size_t a = 0; a < atom_of.size(); ++a) {
      const bool value_matches = c.attribute < 0 || atom_of[a].second[static_cast<std::size_t>(c.attribute)] == c.value;
      if (in_subtree(atom_of[a].first, c.unit) && value_matches) {
        cell.atoms.push_back(a);
        count += model.atom_count[a];
      }
    }
    cell.shown = IsShown(c.verdict);
    cell.name = absl::StrCat(ToString(c.unit), " ", c.attribute, " ", c.value.empty() ? "*" : c.value);
    if (cell.shown) {
      EXPECT_EQ(c.respondents, count) << cell.name;
    }
    model.cells.push_back(std::move(cell));
  }
  for (std::size_t p = 0; p < cells.size(); ++p) {
    hrkit_test::DisclosureFamily column{.parent = p, .members = {}};
    std::array<hrkit_test::DisclosureFamily, 2> attribute = {hrkit_test::DisclosureFamily{.parent = p, .members = {}},
                                                             hrkit_test::DisclosureFamily{.parent = p, .members = {}}};
    for (std::size_t m = 0; m < cells.size(); ++m) {
      const ReportCell& a = cells[p];
      const ReportCell& b = cells[m];
      if (b.parent == a.unit && b.attribute == a.attribute && b.value == a.value) column.members.push_back(m);
      if (a.attribute < 0 && b.unit == a.unit && b.attribute >= 0) {
        attribute[static_cast<std::size_t>(b.attribute)].members.push_back(m);
      }
    }
    if (!column.members.empty()) model.families.push_back(std::move(column));
    for (auto& family : attribute) {
      if (!family.members.empty()) model.families.push_back(std::move(family));
    }
  }
  return model;
}

// Every cell of the unit report and of the published breakdowns of wave
// `wave`, all from one disclosure. A unit's total appears once; the
// breakdowns must give it the unit report's verdict.
std::vector<ReportCell> PublishedCells(const SurveyBook& book, std::int32_t wave,
                                       const std::vector<BreakdownAttribute>& published, const Org& org) {
  std::vector<ReportCell> out;
  const auto disclosure = DecideWaveDisclosure(book, wave, published, org.lookup);
  EXPECT_OK(disclosure.status());
  if (!disclosure.ok()) return out;
  const auto units = OrgReport(book, *disclosure, 0, org.lookup);
  EXPECT_OK(units.status());
  if (!units.ok()) return out;
  absl::flat_hash_map<OrgUnitId, Suppression> total;
  for (const SurveyGroupResult& g : *units) {
    out.push_back({.unit = g.unit,
                   .parent = g.parent,
                   .attribute = -1,
                   .value = "",
                   .verdict = g.suppression,
                   .respondents = g.respondents});
    total[g.unit] = g.suppression;
  }
  for (const BreakdownAttribute attribute : published) {
    const auto cells = SurveyBreakdown(book, *disclosure, 0, attribute, org.lookup);
    EXPECT_OK(cells.status());
    if (!cells.ok()) return out;
    for (const SurveyBreakdownCell& c : *cells) {
      if (c.value.empty()) {
        EXPECT_EQ(c.group.suppression, total.at(c.group.unit)) << ToString(c.group.unit);
        continue;
      }
      out.push_back({.unit = c.group.unit,
                     .parent = c.group.parent,
                     .attribute = static_cast<int>(attribute),
                     .value = c.value,
                     .verdict = c.group.suppression,
                     .respondents = c.group.respondents});
    }
  }
  return out;
}

// A random organization answers two waves (tenure bands move on between
// them); in each wave, whatever set of breakdowns is published with the
// unit report, nothing any of them hides can be computed from the cells
// all of them show. HRKIT_PROPERTY_SEED / HRKIT_PROPERTY_RUNS (default
// 20261129 / 200; 40 runs under sanitizers).
TEST(SurveyBreakdown, NothingHiddenIsDerivableFromAllReportsOfAWaveOnRandomOrgs) {
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 20261129);
  const std::uint64_t runs = hrkit_test::PropertySetting("HRKIT_PROPERTY_RUNS", hrkit_test::SweepCount(200, 40));
  const Date hired[] = {Date(2024, 9, 1), Date(2023, 1, 1), Date(2021, 1, 1), Date(2018, 1, 1)};
  const std::vector<std::vector<BreakdownAttribute>> publications = {
      {BreakdownAttribute::kLocation},
      {BreakdownAttribute::kTenureBand},
      {BreakdownAttribute::kLocation, BreakdownAttribute::kTenureBand}};
  for (std::uint64_t run = 0; run < runs; ++run) {
    SCOPED_TRACE(absl::StrCat("replay with HRKIT_PROPERTY_SEED=", seed + run, " HRKIT_PROPERTY_RUNS=1"));
    std::mt19937_64 rng(seed + run);
    const int units = 1 + static_cast<int>(rng() % 10);
    std::vector<int> parent(static_cast<std::size_t>(units), -1);
    for (int u = 1; u < units; ++u) parent[static_cast<std::size_t>(u)] = static_cast<int>(rng() % u);
    std::vector<Hire> hires;
    for (int u = 0; u < units; ++u) {
      for (int k = static_cast<int>(rng() % 9); k > 0; --k) {
        hires.push_back({.unit = u, .location = static_cast<std::int64_t>(rng() % 4), .hired = hired[rng() % 4]});
      }
    }
    if (hires.empty()) continue;
    const Org org = MakeOrgOf(parent, hires);
    Survey s;
    s.id = SurveyId(1);
    s.instruments = {"who5"};
    s.waves = {{1, kInvited, Date(2025, 3, 2), Date(2025, 3, 15)},
               {2, Date(2025, 9, 1), Date(2025, 9, 2), Date(2025, 9, 15)}};
    ASSERT_OK_AND_ASSIGN(SurveyBook book, SurveyBook::Create(s, std::vector<InstrumentDefinition>{Who5Instrument()}));
    ASSERT_OK_AND_ASSIGN(const auto first, book.Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)));
    ASSERT_OK(book.Invite(2, org.employees, org.lookup, kSecret, SurveyInvitationId(1000)).status());
    std::int64_t id = 1;
    for (const std::int32_t wave : {1, 2}) {
      const Date on = wave == 1 ? Date(2025, 3, 3) : Date(2025, 9, 3);
      for (const Employee& e : org.employees) {
        if (rng() % 4 == 0) continue;
        ASSERT_OK(book.Submit(wave, e.id, kSecret, Who5(static_cast<int>(rng() % 6)), "", on, SurveyResponseId(id++)));
      }
    }
    static_cast<void>(first);
    for (const std::int32_t wave : {1, 2}) {
      for (const std::vector<BreakdownAttribute>& published : publications) {
        SCOPED_TRACE(absl::StrCat("wave ", wave, ", ", published.size(), " breakdowns, first ",
                                  ToAbsl(BreakdownAttributeName(published[0]))));
        const std::vector<ReportCell> cells = PublishedCells(book, wave, published, org);
        EXPECT_THAT(hrkit_test::FindDisclosures(ModelOf(cells, book, wave), 5), ::testing::IsEmpty());
      }
    }
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace hrkit
