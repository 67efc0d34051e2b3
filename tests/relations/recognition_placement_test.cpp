// RecognitionsByUnit's placement of recipients: checked against the obvious
// computation (FactsOn for every recipient, each added to every group on
// their unit's path) on a generated organization, and, on hand-made
// entities, every error FactsOn gives on the recognition's own date: a unit
// whose path breaks only for a while, a cycle, a position unknown to the
// lookup, which recipient's error is reported first, and a recipient without
// a position (counted nowhere).
#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/recognition_book.hpp"
#include "hrkit/relations/recognition_report.hpp"
#include "hrkit/synth/generator.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using boost::gregorian::days;
using hrkit_test::Message;
using testing::HasSubstr;

// Per unit: its recipients and recognitions received, over its subtree.
struct NaiveGroup {
  OrgUnitId parent;
  std::size_t depth = 0;
  std::int64_t recipients = 0;
  std::int64_t received = 0;
};

// The obvious computation of RecognitionsByUnit's contract: each recipient's
// latest counted recognition, FactsOn on its date, the recipient added to
// every unit of their unit's path on as_of, the groups by depth then id,
// SuppressGroups. REQUIRES: every recipient is placed without error.
std::vector<RecognitionUnitCount> NaiveByUnit(const RecognitionBook& book, const std::vector<Employee>& employees,
                                              const OrgLookup& lookup, const RecognitionCountQuery& q) {
  std::map<EmployeeId, std::pair<std::int64_t, const Recognition*>> latest;
  for (const Recognition& r : book.recognitions()) {
    if (r.given_on > q.as_of || (IsRealDate(q.from) && r.given_on < q.from)) continue;
    for (const EmployeeId e : r.recipients) {
      auto& [count, last] = latest[e];
      ++count;
      if (last == nullptr || last->given_on < r.given_on || (last->given_on == r.given_on && last->id < r.id)) {
        last = &r;
      }
    }
  }
  std::map<OrgUnitId, NaiveGroup> groups;
  for (const auto& [id, seen] : latest) {
    const EmployeeId recipient = id;  // clang 14 does not capture structured bindings
    const auto employee =
        std::find_if(employees.begin(), employees.end(), [&](const Employee& e) { return e.id == recipient; });
    EXPECT_NE(employee, employees.end());
    if (employee == employees.end()) continue;
    const absl::StatusOr<EmployeeFacts> facts = FactsOn(*employee, lookup, seen.second->given_on);
    EXPECT_OK(facts.status());
    if (!facts.ok() || !facts->org_unit.valid()) continue;
    std::vector<OrgUnitId> path;
    EXPECT_OK(lookup.UnitPathOn(facts->org_unit, q.as_of, &path));
    for (std::size_t k = 0; k < path.size(); ++k) {
      NaiveGroup& g = groups[path[k]];
      g.parent = k + 1 < path.size() ? path[k + 1] : OrgUnitId();
      g.depth = path.size() - k - 1;
      ++g.recipients;
      g.received += seen.first;
    }
  }
  std::vector<OrgUnitId> order;
  for (const auto& [unit, g] : groups) order.push_back(unit);
  std::stable_sort(order.begin(), order.end(),
                   [&](OrgUnitId a, OrgUnitId b) { return groups.at(a).depth < groups.at(b).depth; });
  std::vector<GroupCount> counts;
  for (const OrgUnitId unit : order) {
    const NaiveGroup& g = groups.at(unit);
    const auto parent = std::find(order.begin(), order.end(), g.parent);
    counts.push_back({.parent = g.parent.valid() ? static_cast<std::int32_t>(parent - order.begin()) : -1,
                      .count = g.recipients,
                      .key = unit.value()});
  }
  const absl::StatusOr<std::vector<Suppression>> verdicts =
      SuppressGroups(counts, q.thresholds, Disclosure::kAggregates);
  EXPECT_OK(verdicts.status());
  std::vector<RecognitionUnitCount> out;
  for (std::size_t k = 0; k < order.size() && verdicts.ok(); ++k) {
    const NaiveGroup& g = groups.at(order[k]);
    RecognitionUnitCount c{.unit = order[k], .parent = g.parent, .suppression = (*verdicts)[k]};
    if (IsShown(c.suppression)) {
      c.recipients = g.recipients;
      c.received = g.received;
    }
    out.push_back(c);
  }
  return out;
}

// 2,000 recognitions of 2025 in a generated organization of 3,000 people
// (three years of transfers and leavers), each to 1-3 people who hold a
// position on the day; many recipients are recognized several times, on
// days between which some of them moved.
TEST(RecognitionPlacement, MatchesFactsOnForEveryRecipientOnAGeneratedOrganization) {
  synth::SynthOptions options;
  options.employee_count = 3000;
  options.seed = 11;
  ASSERT_OK_AND_ASSIGN(const synth::Organization org, synth::GenerateOrganization(options));
  ASSERT_OK_AND_ASSIGN(const OrgLookup lookup, OrgLookup::Build(org.units, org.positions));
  ASSERT_OK_AND_ASSIGN(RecognitionBook book, RecognitionBook::Create({}));
  std::mt19937_64 rng(5);
  const auto placed_on = [&](const Employee& e, Date day) {
    const absl::StatusOr<EmployeeFacts> facts = FactsOn(e, lookup, day);
    return facts.ok() && facts->org_unit.valid();
  };
  for (std::int64_t id = 1; id <= 2000; ++id) {
    Recognition r{.id = RecognitionId(id), .given_on = Date(2025, 1, 1) + days(static_cast<long>(rng() % 365))};
    const std::size_t wanted = 1 + rng() % 3;
    while (r.recipients.size() < wanted) {
      const Employee& e = org.employees[rng() % 600];  // 600 people: most recognized several times
      if (placed_on(e, r.given_on) && std::find(r.recipients.begin(), r.recipients.end(), e.id) == r.recipients.end()) {
        r.recipients.push_back(e.id);
      }
    }
    do {
      r.giver = org.employees[rng() % org.employees.size()].id;
    } while (std::find(r.recipients.begin(), r.recipients.end(), r.giver) != r.recipients.end());
    r.message = "Thanks";
    ASSERT_OK(book.Give(std::move(r)));
  }
  const std::vector<RecognitionCountQuery> queries = {
      {.as_of = Date(2025, 12, 31)},
      {.from = Date(2025, 4, 1), .as_of = Date(2025, 9, 30)},
      {.as_of = Date(2025, 6, 30), .thresholds = {.min_group = 3, .min_comment_group = 3}},
  };
  for (const RecognitionCountQuery& q : queries) {
    ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> counts,
                         RecognitionsByUnit(book, org.employees, lookup, q));
    const std::vector<RecognitionUnitCount> expected = NaiveByUnit(book, org.employees, lookup, q);
    EXPECT_GT(expected.size(), 50u);
    EXPECT_EQ(counts, expected) << FormatIsoDate(q.as_of);
  }
}

// Hand-made entities, which OrgLookup takes as they are: unit 1 is the root,
// unit 2 sits under unit 9 (unknown to the lookup) from 2025-06-01 until
// 2025-08-01 and under unit 1 otherwise; units 3 and 4 are each other's
// parent in March 2025 and under unit 1 otherwise. Seat p is in unit p
// (seat 77 is unknown to the lookup). Employee e holds seat seats[e - 1]
// from 2024-01-01 (invalid: employed without a seat).
struct HandMadeOrg {
  std::vector<Employee> employees;
  OrgLookup lookup;
};

HandMadeOrg MakeHandMadeOrg(const std::vector<std::int64_t>& seats) {
  const Date start(2020, 1, 1);
  const auto unit = [&](std::int64_t id, std::vector<std::pair<Date, std::int64_t>> parents) {
    OrgUnit u{.id = OrgUnitId(id), .code = "U" + std::to_string(id), .history = {}};
    for (const auto& [from, parent] : parents) {
      EXPECT_OK(u.history.Add(from, {.name = u.code, .parent = OrgUnitId(parent)}, from));
    }
    return u;
  };
  const std::vector<OrgUnit> units = {
      unit(1, {{start, 0}}),
      unit(2, {{start, 1}, {Date(2025, 6, 1), 9}, {Date(2025, 8, 1), 1}}),
      unit(3, {{start, 1}, {Date(2025, 3, 1), 4}, {Date(2025, 4, 1), 1}}),
      unit(4, {{start, 1}, {Date(2025, 3, 1), 3}, {Date(2025, 4, 1), 1}}),
  };
  std::vector<Position> positions;
  for (std::int64_t p = 1; p <= 4; ++p) {
    Position position{.id = PositionId(p), .history = {}};
    EXPECT_OK(position.history.Add(start, {.org_unit = OrgUnitId(p), .fte_budget = 20.0}, start));
    positions.push_back(std::move(position));
  }
  HandMadeOrg org;
  for (std::size_t k = 0; k < seats.size(); ++k) {
    Employee e;
    e.id = EmployeeId(static_cast<std::int64_t>(k + 1));
    e.employee_number = ToString(e.id);
    const Date hired(2024, 1, 1);
    EmploymentRecord record;
    record.position = PositionId(seats[k]);
    record.employment_start = hired;
    record.seniority_start = hired;
    EXPECT_OK(e.employment.Add(hired, record, hired));
    org.employees.push_back(std::move(e));
  }
  absl::StatusOr<OrgLookup> lookup = OrgLookup::Build(units, positions);
  EXPECT_OK(lookup.status());
  if (lookup.ok()) org.lookup = *std::move(lookup);
  return org;
}

Recognition Thanks(std::int64_t id, std::vector<std::int64_t> recipients, Date on) {
  Recognition r{.id = RecognitionId(id), .giver = EmployeeId(100), .given_on = on, .message = "Thanks"};
  for (const std::int64_t e : recipients) r.recipients.push_back(EmployeeId(e));
  return r;
}

absl::StatusOr<std::vector<RecognitionUnitCount>> CountsOf(const std::vector<Recognition>& given,
                                                           const HandMadeOrg& org) {
  HRKIT_ASSIGN_OR_RETURN(RecognitionBook book, RecognitionBook::Create({}));
  for (const Recognition& r : given) HRKIT_RETURN_IF_ERROR(book.Give(r));
  return RecognitionsByUnit(book, org.employees, org.lookup, {.as_of = Date(2025, 12, 31)});
}

TEST(RecognitionPlacement, AUnitPathIsCheckedOnEachRecipientsOwnDate) {
  // Employees 1-6 in seat 2, 7 in seat 3.
  const HandMadeOrg org = MakeHandMadeOrg({2, 2, 2, 2, 2, 2, 3});
  // Before and after the break, unit 2's path is 2, 1: employees 1-5 in
  // unit 2 (5 people, 5 received; HQ the same and shown). Employee 1 on
  // 2025-05-31 and employee 2 on 2025-08-01 bracket the break.
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> around,
                       CountsOf({Thanks(1, {1}, Date(2025, 5, 31)), Thanks(2, {2, 3, 4, 5}, Date(2025, 8, 1))}, org));
  ASSERT_EQ(around.size(), 2u);
  EXPECT_EQ(around[0], (RecognitionUnitCount{OrgUnitId(1), OrgUnitId(), Suppression::kShown, 5, 5}));
  EXPECT_EQ(around[1], (RecognitionUnitCount{OrgUnitId(2), OrgUnitId(1), Suppression::kShown, 5, 5}));

  // Employee 1 is placed in unit 2 on 2025-05-31; employee 6, in the same
  // unit, on 2025-07-01, when its path runs into unit 9: FactsOn's NotFound,
  // naming the recognition and the recipient.
  const auto broken = CountsOf({Thanks(1, {1}, Date(2025, 5, 31)), Thanks(2, {6}, Date(2025, 7, 1))}, org);
  EXPECT_STATUS_CODE(broken, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(broken), HasSubstr("recognition:2: recipients: employee:6: org_unit:9 is not in the org lookup"));

  // Employee 7 in unit 3, recognized while units 3 and 4 are each other's
  // parent: FactsOn's FailedPrecondition.
  const auto cycle = CountsOf({Thanks(3, {7}, Date(2025, 3, 15))}, org);
  EXPECT_STATUS_CODE(cycle, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(cycle),
              HasSubstr("recognition:3: recipients: employee:7: the parents of org_unit:3 form a cycle"));
}

TEST(RecognitionPlacement, TheLowestRecipientsErrorIsReportedAndSeatlessPeopleCountNowhere) {
  // Employee 1 holds seat 77, unknown to the lookup; employee 2 no seat;
  // employee 3 is in unit 2 during its break.
  const HandMadeOrg org = MakeHandMadeOrg({77, 0, 2});
  const auto unknown_seat = CountsOf({Thanks(1, {1}, Date(2025, 2, 1))}, org);
  EXPECT_STATUS_CODE(unknown_seat, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(unknown_seat), HasSubstr("recognition:1: recipients: employee:1: position:77 is not in the org"));
  // Employees 3 and 1 both fail; 1 is first in id order whatever the order
  // of the recognitions.
  const auto both = CountsOf({Thanks(5, {3}, Date(2025, 7, 1)), Thanks(6, {1}, Date(2025, 2, 1))}, org);
  EXPECT_STATUS_CODE(both, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(both), HasSubstr("recognition:6: recipients: employee:1: position:77"));
  // Employee 2 holds no seat: placed nowhere, so there is no group at all.
  ASSERT_OK_AND_ASSIGN(const std::vector<RecognitionUnitCount> seatless,
                       CountsOf({Thanks(7, {2}, Date(2025, 2, 1))}, org));
  EXPECT_TRUE(seatless.empty());
  // An unknown recipient (employee 4) after a seatless one: NotFound.
  const auto stranger = CountsOf({Thanks(8, {2, 4}, Date(2025, 2, 1))}, org);
  EXPECT_STATUS_CODE(stranger, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(stranger), HasSubstr("recognition:8: recipients: employee:4 is not a known employee"));
}

}  // namespace
}  // namespace hrkit
