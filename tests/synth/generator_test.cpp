#include "hrkit/synth/generator.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::synth {
namespace {

SynthOptions Options(std::int64_t employees, std::uint64_t seed) {
  SynthOptions o;
  o.employee_count = employees;
  o.seed = seed;
  return o;
}

// Employees employed on `date`.
std::int64_t EmployedOn(const Organization& org, Date date) {
  std::int64_t n = 0;
  for (const Employee& e : org.employees) {
    const EmploymentRecord* r = e.employment.At(date);
    if (r != nullptr && IsEmployed(*r)) ++n;
  }
  return n;
}

TEST(Generator, SameSeedGivesIdenticalOutput) {
  ASSERT_OK_AND_ASSIGN(Organization a, GenerateOrganization(Options(3000, 7)));
  ASSERT_OK_AND_ASSIGN(Organization b, GenerateOrganization(Options(3000, 7)));
  EXPECT_TRUE(a.locations == b.locations);
  EXPECT_TRUE(a.units == b.units);
  EXPECT_TRUE(a.positions == b.positions);
  EXPECT_TRUE(a.employees == b.employees);
}

TEST(Generator, DifferentSeedGivesDifferentOutput) {
  ASSERT_OK_AND_ASSIGN(Organization a, GenerateOrganization(Options(3000, 7)));
  ASSERT_OK_AND_ASSIGN(Organization b, GenerateOrganization(Options(3000, 8)));
  // (Small trees may coincide: every span is 3 below ~400 units.)
  EXPECT_FALSE(a.positions == b.positions);
  EXPECT_FALSE(a.employees == b.employees);
}

TEST(Generator, FixedOutputForAFixedSeed) {
  // Pins the PRNG mapping: a change of the output for a given seed is a
  // change of the generator, not of the platform.
  ASSERT_OK_AND_ASSIGN(Organization a, GenerateOrganization(Options(100, 1)));
  ASSERT_OK_AND_ASSIGN(Organization b, GenerateOrganization(Options(100, 1)));
  ASSERT_FALSE(a.employees.empty());
  EXPECT_EQ(a.employees.front().employee_number, "E0000001");
  EXPECT_EQ(a.employees.front().legal_name, b.employees.front().legal_name);
}

TEST(Generator, CountsMatchTheOptions) {
  const SynthOptions o = Options(20000, 3);
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(o));
  // Exactly employee_count people are employed on end_date.
  EXPECT_EQ(EmployedOn(org, o.end_date), 20000);
  // Positions: 20000 filled + round(20000 x 3 %) = 600 open + round(20000 x 0.5 %) = 100 frozen.
  EXPECT_EQ(org.positions.size(), 20700u);
  std::int64_t frozen = 0;
  for (const Position& p : org.positions) {
    if (p.history.At(o.end_date)->status == PositionStatus::kFrozen) ++frozen;
  }
  EXPECT_EQ(frozen, 100);
  // About 20700 / 10 units; the breadth-first growth stops at the target.
  EXPECT_GE(org.units.size(), 1800u);
  EXPECT_LE(org.units.size(), 2070u);
  EXPECT_EQ(org.locations.size(), 8u);
  // History: about 10 % leave per year over 3 years, so there are more people
  // than positions filled today, but not twice as many.
  EXPECT_GT(org.employees.size(), 24000u);
  EXPECT_LT(org.employees.size(), 30000u);
  for (std::size_t i = 0; i < org.employees.size(); ++i) {
    ASSERT_EQ(org.employees[i].id.value(), static_cast<std::int64_t>(i) + 1);
  }
}

TEST(Generator, UnitTreeHasTheRequestedDepthAndSpans) {
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(Options(20000, 11)));
  const Date d = Date(2026, 1, 1);
  std::vector<int> level(org.units.size() + 1, 0);
  std::vector<int> children(org.units.size() + 1, 0);
  int roots = 0;
  for (const OrgUnit& u : org.units) {
    const OrgUnitRecord* r = u.history.At(d);
    ASSERT_NE(r, nullptr);
    if (!r->parent.valid()) {
      ++roots;
      level[static_cast<std::size_t>(u.id.value())] = 1;
      continue;
    }
    // Units come in breadth-first order: the parent precedes the child.
    ASSERT_LT(r->parent.value(), u.id.value());
    level[static_cast<std::size_t>(u.id.value())] = level[static_cast<std::size_t>(r->parent.value())] + 1;
    ++children[static_cast<std::size_t>(r->parent.value())];
  }
  EXPECT_EQ(roots, 1);
  int max_level = 0;
  for (const OrgUnit& u : org.units) {
    const auto i = static_cast<std::size_t>(u.id.value());
    max_level = std::max(max_level, level[i]);
    if (children[i] == 0) {
      EXPECT_GE(level[i], 6) << u.id;
      EXPECT_LE(level[i], 10) << u.id;
    } else {
      EXPECT_GE(children[i], 3) << u.id;
      EXPECT_LE(children[i], 15) << u.id;
    }
  }
  EXPECT_GE(max_level, 6);
}

TEST(Generator, EntitiesAreConsistent) {
  const SynthOptions o = Options(5000, 5);
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(o));
  absl::flat_hash_set<OrgUnitId> units;
  for (const OrgUnit& u : org.units) units.insert(u.id);
  absl::flat_hash_map<PositionId, const Position*> positions;
  for (const Position& p : org.positions) positions[p.id] = &p;

  // Every position sits in a known unit; reports_to forms a forest with one
  // top position that already exists when the reporting position does.
  int tops = 0;
  for (const Position& p : org.positions) {
    ASSERT_EQ(p.history.size(), 1u);
    const auto& entry = p.history.Entries().front();
    EXPECT_TRUE(units.contains(entry.value.org_unit)) << p.id;
    if (!entry.value.reports_to.valid()) {
      ++tops;
      continue;
    }
    const auto parent = positions.find(entry.value.reports_to);
    ASSERT_NE(parent, positions.end()) << p.id;
    EXPECT_LE(parent->second->history.Entries().front().effective, entry.effective) << p.id;
    // Walk up: no cycle means the top is reached within the position count.
    PositionId at = p.id;
    std::size_t steps = 0;
    while (at.valid() && steps <= org.positions.size()) {
      at = positions[at]->history.Entries().front().value.reports_to;
      ++steps;
    }
    EXPECT_FALSE(at.valid()) << "cycle above " << p.id;
  }
  EXPECT_EQ(tops, 1);

  // Employment records follow the employment semantics.
  for (const Employee& e : org.employees) {
    const auto entries = e.employment.Entries();
    ASSERT_FALSE(entries.empty()) << e.id;
    EXPECT_EQ(entries.front().value.event, EmploymentEvent::kHire) << e.id;
    EXPECT_EQ(entries.front().value.employment_start, entries.front().effective) << e.id;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& entry = entries[i];
      const EmploymentRecord& r = entry.value;
      EXPECT_EQ(entry.recorded, entry.effective);
      EXPECT_LE(entry.effective, o.end_date);
      if (i > 0) {
        EXPECT_LT(entries[i - 1].effective, entry.effective) << e.id;
      }
      if (IsEmployed(r)) {
        EXPECT_GT(r.fte, 0.0);
        EXPECT_LE(r.fte, 1.0);
        ASSERT_TRUE(positions.contains(r.position)) << e.id;
        const PositionRecord* p = positions[r.position]->history.At(entry.effective);
        ASSERT_NE(p, nullptr) << e.id << " holds " << r.position << " before it exists";
        EXPECT_EQ(p->status, PositionStatus::kOpen);
        EXPECT_TRUE(r.location.valid());
        EXPECT_LE(r.employment_start, entry.effective);
        EXPECT_LE(r.seniority_start, r.employment_start);
        EXPECT_EQ(r.termination, TerminationKind::kNone);
      } else {
        EXPECT_EQ(r.event, EmploymentEvent::kTermination);
        EXPECT_FALSE(r.position.valid());
        EXPECT_EQ(r.fte, 0.0);
        EXPECT_NE(r.termination, TerminationKind::kNone);
        // The next record, if any, is a rehire.
        if (i + 1 < entries.size()) {
          EXPECT_EQ(entries[i + 1].value.event, EmploymentEvent::kRehire) << e.id;
        }
      }
    }
  }

  // On any date, a position has at most one holder.
  for (const Date d : {Date(2023, 1, 1), Date(2024, 6, 15), Date(2025, 3, 1), o.end_date}) {
    absl::flat_hash_set<PositionId> held;
    for (const Employee& e : org.employees) {
      const EmploymentRecord* r = e.employment.At(d);
      if (r == nullptr || !IsEmployed(*r)) continue;
      EXPECT_TRUE(held.insert(r->position).second) << r->position << " held twice on " << FormatIsoDate(d);
    }
  }
}

TEST(Generator, HistoryHasEveryKindOfChange) {
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(Options(5000, 9)));
  absl::flat_hash_map<EmploymentEvent, int> events;
  for (const Employee& e : org.employees) {
    for (const auto& entry : e.employment.Entries()) ++events[entry.value.event];
  }
  for (const EmploymentEvent kind :
       {EmploymentEvent::kHire, EmploymentEvent::kTransfer, EmploymentEvent::kPromotion, EmploymentEvent::kFteChange,
        EmploymentEvent::kLeaveOfAbsence, EmploymentEvent::kReturnFromLeave, EmploymentEvent::kTermination,
        EmploymentEvent::kRehire}) {
    EXPECT_GT(events[kind], 0) << static_cast<int>(kind);
  }
  // ~10 % of 5000 leave each year: about 1500 terminations in 3 years.
  EXPECT_GT(events[EmploymentEvent::kTermination], 1200);
  EXPECT_LT(events[EmploymentEvent::kTermination], 1800);
}

TEST(Generator, NoHistoryMeansNoChanges) {
  SynthOptions o = Options(500, 2);
  o.years_of_history = 0;
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(o));
  EXPECT_EQ(org.employees.size(), 500u);
  for (const Employee& e : org.employees) EXPECT_EQ(e.employment.size(), 1u);
}

TEST(Generator, TinyOrganization) {
  ASSERT_OK_AND_ASSIGN(Organization org, GenerateOrganization(Options(1, 1)));
  EXPECT_EQ(org.units.size(), 1u);
  EXPECT_EQ(EmployedOn(org, Date(2026, 1, 1)), 1);
}

TEST(Generator, RejectsBadOptions) {
  SynthOptions o;
  o.employee_count = 0;
  EXPECT_STATUS_CODE(GenerateOrganization(o), absl::StatusCode::kInvalidArgument);
  o = SynthOptions();
  o.years_of_history = -1;
  EXPECT_STATUS_CODE(GenerateOrganization(o), absl::StatusCode::kInvalidArgument);
  o = SynthOptions();
  o.vacancy_rate = 1.0;
  EXPECT_STATUS_CODE(GenerateOrganization(o), absl::StatusCode::kInvalidArgument);
  o = SynthOptions();
  o.positions_per_unit = 0.5;
  EXPECT_STATUS_CODE(GenerateOrganization(o), absl::StatusCode::kInvalidArgument);
  o = SynthOptions();
  o.end_date = OpenEnd();
  EXPECT_STATUS_CODE(GenerateOrganization(o), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit::synth
