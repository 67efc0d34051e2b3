#include "hrkit/leave/policy_assignment.hpp"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Date kJan1(2025, 1, 1);
const Date kNextJan1(2026, 1, 1);
const Period kYear2025(kJan1, kNextJan1);
const LeaveTypeId kAnnual(1);
const LeaveTypeId kSick(2);
const LocationId kBerlin(1);
const LocationId kMunich(2);

// The org used by every test:
//   10 Company
//   ├── 20 Sales
//   │   └── 40 Team (moves under 30 Ops on 2025-04-01)
//   └── 30 Ops
// Positions: 100 in unit 40 grade "G5"; 200 in unit 30 grade "G6" (regraded
// "G7" on 2025-10-01).
OrgUnit Unit(std::int64_t id, std::int64_t parent) {
  OrgUnit u;
  u.id = OrgUnitId(id);
  u.code = absl::StrCat("U", id);
  OrgUnitRecord r;
  r.name = u.code;
  r.parent = OrgUnitId(parent);
  EXPECT_OK(u.history.Add(Date(2020, 1, 1), r, Date(2020, 1, 1)));
  return u;
}

Position MakePosition(std::int64_t id, std::int64_t unit, std::string grade) {
  Position p;
  p.id = PositionId(id);
  PositionRecord r;
  r.org_unit = OrgUnitId(unit);
  r.grade = std::move(grade);
  EXPECT_OK(p.history.Add(Date(2020, 1, 1), r, Date(2020, 1, 1)));
  return p;
}

struct Org {
  std::vector<OrgUnit> units;
  std::vector<Position> positions;
  OrgLookup lookup;
};

Org MakeOrg() {
  Org org;
  org.units = {Unit(10, 0), Unit(20, 10), Unit(30, 10), Unit(40, 20)};
  OrgUnitRecord moved = *org.units[3].history.At(Date(2020, 1, 1));
  moved.parent = OrgUnitId(30);
  EXPECT_OK(org.units[3].history.Add(Date(2025, 4, 1), moved, Date(2025, 3, 1)));
  org.positions = {MakePosition(100, 40, "G5"), MakePosition(200, 30, "G6")};
  PositionRecord regraded = *org.positions[1].history.At(Date(2020, 1, 1));
  regraded.grade = "G7";
  EXPECT_OK(org.positions[1].history.Add(Date(2025, 10, 1), regraded, Date(2025, 9, 1)));
  absl::StatusOr<OrgLookup> lookup = OrgLookup::Build(org.units, org.positions);
  EXPECT_OK(lookup);
  if (lookup.ok()) org.lookup = *std::move(lookup);
  return org;
}

EmploymentRecord Active(PositionId position, LocationId location, double fte = 1.0) {
  EmploymentRecord r;
  r.status = EmploymentStatus::kActive;
  r.type = EmploymentType::kPermanent;
  r.fte = fte;
  r.position = position;
  r.location = location;
  r.employment_start = Date(2024, 1, 1);
  r.seniority_start = Date(2024, 1, 1);
  return r;
}

EmploymentRecord Terminated() {
  EmploymentRecord r;
  r.status = EmploymentStatus::kTerminated;
  r.fte = 0;
  r.event = EmploymentEvent::kTermination;
  r.termination = TerminationKind::kVoluntary;
  r.employment_start = Date(2024, 1, 1);
  r.seniority_start = Date(2024, 1, 1);
  return r;
}

Employee MakeEmployee(std::int64_t id, std::vector<std::pair<Date, EmploymentRecord>> history) {
  Employee e;
  e.id = EmployeeId(id);
  for (auto& [effective, record] : history) {
    EXPECT_OK(e.employment.Add(effective, std::move(record), Date(2024, 1, 1)));
  }
  return e;
}

PolicyCandidate Candidate(std::int64_t policy, EligibilityRule rule, std::int32_t priority = 0,
                          LeaveTypeId type = kAnnual, Period validity = OpenPeriod(Date(2020, 1, 1))) {
  PolicyCandidate c;
  c.policy = LeavePolicyId(policy);
  c.leave_type = type;
  c.validity = validity;
  c.rule = std::move(rule);
  c.priority = priority;
  return c;
}

EligibilityRule AtLocation(LocationId location) {
  EligibilityRule rule;
  rule.locations = {location};
  return rule;
}

PolicySegment Seg(std::int64_t employee, LeaveTypeId type, std::int64_t policy, Date begin, Date end) {
  return PolicySegment{EmployeeId(employee), type, LeavePolicyId(policy), Period(begin, end)};
}

PolicyAssignment Assign(std::int64_t id, std::int64_t employee, std::int64_t policy, Date begin, Date end,
                        LeaveTypeId type = kAnnual) {
  return PolicyAssignment{PolicyAssignmentId(id), EmployeeId(employee), type, LeavePolicyId(policy), begin, end};
}

// ---------------------------------------------------------------------------
// OrgLookup

TEST(OrgLookup, PlacementPathAndSubtreeFollowTheDate) {
  const Org org = MakeOrg();
  ASSERT_OK_AND_ASSIGN(PositionPlacement p, org.lookup.PlacementOn(PositionId(200), Date(2025, 9, 30)));
  EXPECT_EQ(p, (PositionPlacement{OrgUnitId(30), "G6"}));
  ASSERT_OK_AND_ASSIGN(p, org.lookup.PlacementOn(PositionId(200), Date(2025, 10, 1)));
  EXPECT_EQ(p.grade, "G7");
  ASSERT_OK_AND_ASSIGN(p, org.lookup.PlacementOn(PositionId(200), Date(2019, 12, 31)));
  EXPECT_EQ(p, PositionPlacement{});  // before the first record
  EXPECT_STATUS_CODE(org.lookup.PlacementOn(PositionId(999), kJan1), absl::StatusCode::kNotFound);

  std::vector<OrgUnitId> path;
  ASSERT_OK(org.lookup.UnitPathOn(OrgUnitId(40), Date(2025, 3, 31), &path));
  EXPECT_THAT(path, ElementsAre(OrgUnitId(40), OrgUnitId(20), OrgUnitId(10)));
  ASSERT_OK(org.lookup.UnitPathOn(OrgUnitId(40), Date(2025, 4, 1), &path));
  EXPECT_THAT(path, ElementsAre(OrgUnitId(40), OrgUnitId(30), OrgUnitId(10)));
  EXPECT_STATUS_CODE(org.lookup.UnitPathOn(OrgUnitId(77), kJan1, &path), absl::StatusCode::kNotFound);

  EXPECT_TRUE(org.lookup.InSubtree(OrgUnitId(40), OrgUnitId(20), Date(2025, 3, 31)));
  EXPECT_FALSE(org.lookup.InSubtree(OrgUnitId(40), OrgUnitId(20), Date(2025, 4, 1)));
  EXPECT_TRUE(org.lookup.InSubtree(OrgUnitId(40), OrgUnitId(30), Date(2025, 4, 1)));
  EXPECT_TRUE(org.lookup.InSubtree(OrgUnitId(40), OrgUnitId(40), Date(2025, 4, 1)));
  EXPECT_TRUE(org.lookup.InSubtree(OrgUnitId(40), OrgUnitId(10), Date(2025, 4, 1)));
  EXPECT_FALSE(org.lookup.InSubtree(OrgUnitId(10), OrgUnitId(40), Date(2025, 4, 1)));
  EXPECT_FALSE(org.lookup.InSubtree(OrgUnitId(77), OrgUnitId(10), Date(2025, 4, 1)));

  // Next changes: unit 40's move on 2025-04-01, position 200's regrade on 2025-10-01.
  EXPECT_EQ(org.lookup.NextPathChange(OrgUnitId(40), kJan1), Date(2025, 4, 1));
  EXPECT_EQ(org.lookup.NextPathChange(OrgUnitId(40), Date(2025, 4, 1)), OpenEnd());
  EXPECT_EQ(org.lookup.NextPathChange(OrgUnitId(30), kJan1), OpenEnd());
  EXPECT_EQ(org.lookup.NextPositionChange(PositionId(200), kJan1), Date(2025, 10, 1));
  EXPECT_EQ(org.lookup.NextPositionChange(PositionId(100), kJan1), OpenEnd());
}

TEST(OrgLookup, RejectsDuplicateAndInvalidIdsAndDetectsCycles) {
  std::vector<OrgUnit> units = {Unit(1, 0), Unit(1, 0)};
  EXPECT_STATUS_CODE(OrgLookup::Build(units, {}), absl::StatusCode::kInvalidArgument);
  units = {Unit(0, 0)};
  EXPECT_STATUS_CODE(OrgLookup::Build(units, {}), absl::StatusCode::kInvalidArgument);
  std::vector<Position> positions = {MakePosition(5, 1, "A"), MakePosition(5, 1, "B")};
  EXPECT_STATUS_CODE(OrgLookup::Build({}, positions), absl::StatusCode::kInvalidArgument);

  units = {Unit(1, 2), Unit(2, 1)};  // 1 -> 2 -> 1
  ASSERT_OK_AND_ASSIGN(OrgLookup cyclic, OrgLookup::Build(units, {}));
  std::vector<OrgUnitId> path;
  EXPECT_STATUS_CODE(cyclic.UnitPathOn(OrgUnitId(1), kJan1, &path), absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(cyclic.InSubtree(OrgUnitId(1), OrgUnitId(3), kJan1));
}

TEST(OrgLookup, SparseIdsAreFoundToo) {
  // Ids far above twice the count: the lookup keeps a hash index instead of an array.
  const std::int64_t big = 9'000'000'000'000;
  const std::vector<OrgUnit> units = {Unit(big, 0), Unit(big + 7, big)};
  const std::vector<Position> positions = {MakePosition(big + 1, big + 7, "G1")};
  ASSERT_OK_AND_ASSIGN(OrgLookup lookup, OrgLookup::Build(units, positions));
  EXPECT_TRUE(lookup.HasUnit(OrgUnitId(big + 7)));
  EXPECT_FALSE(lookup.HasUnit(OrgUnitId(big + 1)));
  EXPECT_TRUE(lookup.HasPosition(PositionId(big + 1)));
  EXPECT_FALSE(lookup.HasPosition(PositionId(3)));
  EXPECT_TRUE(lookup.InSubtree(OrgUnitId(big + 7), OrgUnitId(big), kJan1));
  ASSERT_OK_AND_ASSIGN(PositionPlacement p, lookup.PlacementOn(PositionId(big + 1), kJan1));
  EXPECT_EQ(p, (PositionPlacement{OrgUnitId(big + 7), "G1"}));
  const std::optional<OrgLookup::PositionView> view = lookup.ViewPosition(PositionId(big + 1), kJan1);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->grade, "G1");
  EXPECT_EQ(view->next_change, OpenEnd());
  EXPECT_FALSE(lookup.ViewPosition(PositionId(big + 2), kJan1).has_value());

  // An empty lookup knows nothing.
  const OrgLookup empty;
  EXPECT_FALSE(empty.HasUnit(OrgUnitId(1)));
  EXPECT_STATUS_CODE(empty.PlacementOn(PositionId(1), kJan1), absl::StatusCode::kNotFound);
}

TEST(OrgLookup, PathStabilitySpansTheRecordsOfThePathsUnits) {
  const Org org = MakeOrg();
  std::vector<OrgUnitId> path;
  Period stable(kJan1, kJan1);
  // Unit 40's first record is from 2020-01-01 and it moves on 2025-04-01.
  ASSERT_OK(org.lookup.UnitPathOn(OrgUnitId(40), Date(2024, 6, 1), &path, &stable));
  EXPECT_EQ(stable, Period(Date(2020, 1, 1), Date(2025, 4, 1)));
  ASSERT_OK(org.lookup.UnitPathOn(OrgUnitId(40), Date(2025, 6, 1), &path, &stable));
  EXPECT_EQ(stable, Period(Date(2025, 4, 1), OpenEnd()));
  // Before any record: the unit alone, stable until its first record.
  ASSERT_OK(org.lookup.UnitPathOn(OrgUnitId(40), Date(2019, 6, 1), &path, &stable));
  EXPECT_THAT(path, ElementsAre(OrgUnitId(40)));
  EXPECT_EQ(stable.end(), Date(2020, 1, 1));
}

TEST(OrgLookup, FactsOnJoinsTheEmploymentRecordAndTheOrg) {
  const Org org = MakeOrg();
  EmploymentRecord r = Active(PositionId(100), kBerlin, 0.8);
  r.type = EmploymentType::kFixedTerm;
  r.seniority_start = Date(boost::gregorian::not_a_date_time);  // falls back to employment_start
  const Employee e = MakeEmployee(7, {{Date(2024, 1, 1), r}});
  ASSERT_OK_AND_ASSIGN(EmployeeFacts f, FactsOn(e, org.lookup, Date(2025, 5, 1)));
  EXPECT_EQ(f.as_of, Date(2025, 5, 1));
  EXPECT_EQ(f.location, kBerlin);
  EXPECT_EQ(f.employment_type, EmploymentType::kFixedTerm);
  EXPECT_EQ(f.grade, "G5");
  EXPECT_EQ(f.org_unit, OrgUnitId(40));
  EXPECT_THAT(f.unit_path, ElementsAre(OrgUnitId(40), OrgUnitId(30), OrgUnitId(10)));
  EXPECT_EQ(f.fte, 0.8);
  EXPECT_EQ(f.seniority_start, Date(2024, 1, 1));

  const auto before = FactsOn(e, org.lookup, Date(2023, 12, 31));
  EXPECT_STATUS_CODE(before, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(hrkit_test::Message(before), HasSubstr("employee:7"));

  const Employee lost = MakeEmployee(8, {{Date(2024, 1, 1), Active(PositionId(555), kBerlin)}});
  const auto unknown = FactsOn(lost, org.lookup, kJan1);
  EXPECT_STATUS_CODE(unknown, absl::StatusCode::kNotFound);
  EXPECT_THAT(hrkit_test::Message(unknown), HasSubstr("employee:8"));
  EXPECT_THAT(hrkit_test::Message(unknown), HasSubstr("position:555"));
}

// ---------------------------------------------------------------------------
// Resolution

TEST(ResolvePolicySegments, TransferToAnotherLocationSwitchesPolicyMidYear) {
  const Org org = MakeOrg();
  EmploymentRecord munich = Active(PositionId(100), kMunich);
  munich.event = EmploymentEvent::kTransfer;
  const Employee e =
      MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}, {Date(2025, 7, 1), munich}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin)),
                                                   Candidate(12, AtLocation(kMunich))};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // Berlin until the day before the transfer, Munich from it.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 11, kJan1, Date(2025, 7, 1)),
                                    Seg(1, kAnnual, 12, Date(2025, 7, 1), kNextJan1)));
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 6, 30)), LeavePolicyId(11));
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 7, 1)), LeavePolicyId(12));
  EXPECT_EQ(PolicyOn(segments, kSick, Date(2025, 7, 1)), std::nullopt);
}

TEST(ResolvePolicySegments, SubtreeMembershipFollowsAUnitMove) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  EligibilityRule sales;
  sales.org_subtrees = {OrgUnitId(20)};
  EligibilityRule ops;
  ops.org_subtrees = {OrgUnitId(30)};
  const std::vector<PolicyCandidate> candidates = {Candidate(21, sales), Candidate(22, ops)};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // Unit 40 sits under Sales until it moves under Ops on 2025-04-01.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 21, kJan1, Date(2025, 4, 1)),
                                    Seg(1, kAnnual, 22, Date(2025, 4, 1), kNextJan1)));
}

TEST(ResolvePolicySegments, GradeChangeOfThePositionSplits) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(200), kBerlin)}});
  EligibilityRule g7;
  g7.grades = {"G7"};
  const std::vector<PolicyCandidate> candidates = {Candidate(31, g7, 1), Candidate(32, {}, 0)};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // Position 200 is regraded G6 -> G7 on 2025-10-01.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 32, kJan1, Date(2025, 10, 1)),
                                    Seg(1, kAnnual, 31, Date(2025, 10, 1), kNextJan1)));
}

TEST(ResolvePolicySegments, TenureMilestoneOnAClampedMonthEnd) {
  const Org org = MakeOrg();
  EmploymentRecord r = Active(PositionId(100), kBerlin);
  r.employment_start = Date(2020, 2, 29);
  r.seniority_start = Date(2020, 2, 29);
  const Employee e = MakeEmployee(1, {{Date(2020, 2, 29), r}});
  EligibilityRule senior;
  senior.min_tenure_months = 60;
  const std::vector<PolicyCandidate> candidates = {Candidate(41, senior, 1), Candidate(42, {}, 0)};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // 2020-02-29 + 60 months = 2025-02-29, clamped to 2025-02-28.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 42, kJan1, Date(2025, 2, 28)),
                                    Seg(1, kAnnual, 41, Date(2025, 2, 28), kNextJan1)));
}

TEST(ResolvePolicySegments, FteChangeSplits) {
  const Org org = MakeOrg();
  EmploymentRecord part_time = Active(PositionId(100), kBerlin, 0.5);
  part_time.event = EmploymentEvent::kFteChange;
  const Employee e =
      MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin, 1.0)}, {Date(2025, 5, 1), part_time}});
  EligibilityRule full;
  full.min_fte = 0.8;
  EligibilityRule part;
  part.max_fte = 0.79;
  const std::vector<PolicyCandidate> candidates = {Candidate(51, full), Candidate(52, part)};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // FTE 1.0 >= 0.8 until 2025-04-30; 0.5 <= 0.79 from 2025-05-01.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 51, kJan1, Date(2025, 5, 1)),
                                    Seg(1, kAnnual, 52, Date(2025, 5, 1), kNextJan1)));
}

TEST(ResolvePolicySegments, TerminationEndsAndRehireStartsASegment) {
  const Org org = MakeOrg();
  EmploymentRecord rehire = Active(PositionId(100), kBerlin);
  rehire.event = EmploymentEvent::kRehire;
  rehire.employment_start = Date(2025, 9, 1);
  // Last day 2025-03-31: the terminated record takes effect on 2025-04-01.
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)},
                                      {Date(2025, 4, 1), Terminated()},
                                      {Date(2025, 9, 1), rehire}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin))};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 11, kJan1, Date(2025, 4, 1)),
                                    Seg(1, kAnnual, 11, Date(2025, 9, 1), kNextJan1)));
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 3, 31)), LeavePolicyId(11));
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 4, 1)), std::nullopt);
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 8, 31)), std::nullopt);
}

TEST(ResolvePolicySegments, LeaveOfAbsenceCountsAsEmployed) {
  const Org org = MakeOrg();
  EmploymentRecord away = Active(PositionId(100), kBerlin);
  away.status = EmploymentStatus::kOnLeave;
  away.event = EmploymentEvent::kLeaveOfAbsence;
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}, {Date(2025, 3, 1), away}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, {})};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  // The record change on 2025-03-01 keeps the same policy: one merged segment.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 11, kJan1, kNextJan1)));
}

TEST(ResolvePolicySegments, ExplicitAssignmentOverridesTheRuleForPartOfTheYear) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin))};
  const std::vector<PolicyAssignment> assignments = {
      Assign(1, 1, 99, Date(2025, 3, 1), Date(2025, 6, 1)),
      Assign(2, 2, 98, Date(2025, 1, 1), OpenEnd()),  // someone else's: ignored
  };
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, assignments, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 11, kJan1, Date(2025, 3, 1)),
                                    Seg(1, kAnnual, 99, Date(2025, 3, 1), Date(2025, 6, 1)),
                                    Seg(1, kAnnual, 11, Date(2025, 6, 1), kNextJan1)));
}

TEST(ResolvePolicySegments, AssignmentGivesAPolicyWhereNoRuleMatchesButOnlyWhileEmployed) {
  const Org org = MakeOrg();
  const Employee e =
      MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kMunich)}, {Date(2025, 11, 1), Terminated()}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin))};
  // For sick leave (no candidate at all), assigned from 2025-02-01 on.
  const std::vector<PolicyAssignment> assignments = {Assign(1, 1, 70, Date(2025, 2, 1), OpenEnd(), kSick)};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, assignments, org.lookup, kYear2025));
  // Annual: Munich matches nothing. Sick: the assignment, cut by the termination on 2025-11-01.
  EXPECT_THAT(segments, ElementsAre(Seg(1, kSick, 70, Date(2025, 2, 1), Date(2025, 11, 1))));
}

TEST(ResolvePolicySegments, OverlappingAssignmentsAreRejectedNamingBoth) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  const std::vector<PolicyAssignment> assignments = {
      Assign(5, 1, 99, Date(2025, 3, 1), Date(2025, 6, 1)),
      Assign(6, 1, 98, Date(2025, 5, 31), Date(2025, 9, 1)),  // overlaps on 2025-05-31
  };
  const auto result = ResolvePolicySegments(e, {}, assignments, org.lookup, kYear2025);
  EXPECT_STATUS_CODE(result, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(result), HasSubstr("policy_assignment:5"));
  EXPECT_THAT(hrkit_test::Message(result), HasSubstr("policy_assignment:6"));
  EXPECT_THAT(hrkit_test::Message(result), HasSubstr("employee:1"));
  EXPECT_STATUS_CODE(ValidatePolicyAssignments(assignments), absl::StatusCode::kInvalidArgument);

  // Touching (end == next begin) is no overlap; another leave type neither.
  std::vector<PolicyAssignment> fine = {Assign(5, 1, 99, Date(2025, 3, 1), Date(2025, 6, 1)),
                                        Assign(6, 1, 98, Date(2025, 6, 1), Date(2025, 9, 1)),
                                        Assign(7, 1, 97, Date(2025, 3, 1), OpenEnd(), kSick)};
  EXPECT_OK(ValidatePolicyAssignments(fine));
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, {}, fine, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 99, Date(2025, 3, 1), Date(2025, 6, 1)),
                                    Seg(1, kAnnual, 98, Date(2025, 6, 1), Date(2025, 9, 1)),
                                    Seg(1, kSick, 97, Date(2025, 3, 1), kNextJan1)));
}

TEST(ResolvePolicySegments, PolicyVersionChangeMidYear) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  // Policy 61 version 1 (2024-01-01..2025-06-30) covers Berlin; version 2 from
  // 2025-07-01 only Munich. Policy 62 is the fallback for everyone (priority -1).
  const std::vector<PolicyCandidate> candidates = {
      Candidate(61, AtLocation(kBerlin), 0, kAnnual, Period(Date(2024, 1, 1), Date(2025, 7, 1))),
      Candidate(61, AtLocation(kMunich), 0, kAnnual, OpenPeriod(Date(2025, 7, 1))),
      Candidate(62, {}, -1),
  };
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 61, kJan1, Date(2025, 7, 1)),
                                    Seg(1, kAnnual, 62, Date(2025, 7, 1), kNextJan1)));

  // A new version that still selects the employee does not split the segment.
  const std::vector<PolicyCandidate> same = {
      Candidate(61, AtLocation(kBerlin), 0, kAnnual, Period(Date(2024, 1, 1), Date(2025, 7, 1))),
      Candidate(61, {}, 0, kAnnual, OpenPeriod(Date(2025, 7, 1))),
  };
  ASSERT_OK_AND_ASSIGN(segments, ResolvePolicySegments(e, same, {}, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 61, kJan1, kNextJan1)));
}

TEST(ResolvePolicySegments, NoMatchingPolicyLeavesAGap) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kMunich)}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin))};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  EXPECT_TRUE(segments.empty());
  EXPECT_EQ(PolicyOn(segments, kAnnual, Date(2025, 5, 5)), std::nullopt);
}

TEST(ResolvePolicySegments, PriorityThenLowestPolicyIdBreaksTies) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  std::vector<PolicyCandidate> candidates = {Candidate(8, {}), Candidate(3, {}), Candidate(5, {})};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 3, kJan1, kNextJan1)));  // all priority 0: lowest id
  candidates[0].priority = 2;
  ASSERT_OK_AND_ASSIGN(segments, ResolvePolicySegments(e, candidates, {}, org.lookup, kYear2025));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 8, kJan1, kNextJan1)));  // priority 2 beats id 3
}

TEST(ResolvePolicySegments, SeveralLeaveTypesComeOutOrderedByType) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 6, 1), Active(PositionId(100), kBerlin)}});
  const std::vector<PolicyCandidate> candidates = {Candidate(21, {}, 0, kSick), Candidate(11, {}, 0, kAnnual)};
  // Hired 2024-06-01; the range 2024-01-01..2024-12-31 starts before the hire.
  ASSERT_OK_AND_ASSIGN(auto segments,
                       ResolvePolicySegments(e, candidates, {}, org.lookup, Period(Date(2024, 1, 1), kJan1)));
  EXPECT_THAT(segments,
              ElementsAre(Seg(1, kAnnual, 11, Date(2024, 6, 1), kJan1), Seg(1, kSick, 21, Date(2024, 6, 1), kJan1)));
}

TEST(ResolvePolicySegments, OpenRangeAndSameDayChanges) {
  const Org org = MakeOrg();
  // Two records on 2025-03-01: the second (Munich) is the day's final state.
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)},
                                      {Date(2025, 3, 1), Active(PositionId(100), kBerlin, 0.5)},
                                      {Date(2025, 3, 1), Active(PositionId(100), kMunich)}});
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin)),
                                                   Candidate(12, AtLocation(kMunich))};
  ASSERT_OK_AND_ASSIGN(auto segments, ResolvePolicySegments(e, candidates, {}, org.lookup, OpenPeriod(kJan1)));
  EXPECT_THAT(segments, ElementsAre(Seg(1, kAnnual, 11, kJan1, Date(2025, 3, 1)),
                                    Seg(1, kAnnual, 12, Date(2025, 3, 1), OpenEnd())));
}

TEST(ResolvePolicySegments, RejectsBadInput) {
  const Org org = MakeOrg();
  const Employee e = MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}});
  const std::vector<PolicyCandidate> ok = {Candidate(11, {})};
  // A range that ends before it begins.
  EXPECT_STATUS_CODE(ResolvePolicySegments(e, ok, {}, org.lookup, Period(kNextJan1, kJan1)),
                     absl::StatusCode::kInvalidArgument);
  EligibilityRule bad_rule;
  bad_rule.min_fte = -1;
  const std::vector<PolicyCandidate> bad = {Candidate(11, bad_rule)};
  const auto r = ResolvePolicySegments(e, bad, {}, org.lookup, kYear2025);
  EXPECT_STATUS_CODE(r, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(r), HasSubstr("leave_policy:11"));
  EXPECT_THAT(hrkit_test::Message(r), HasSubstr("min_fte"));
  std::vector<PolicyCandidate> no_type = ok;
  no_type[0].leave_type = LeaveTypeId();
  EXPECT_STATUS_CODE(ResolvePolicySegments(e, no_type, {}, org.lookup, kYear2025), absl::StatusCode::kInvalidArgument);

  const std::vector<PolicyAssignment> backwards = {Assign(1, 1, 9, Date(2025, 6, 1), Date(2025, 6, 1))};
  const auto r2 = ResolvePolicySegments(e, ok, backwards, org.lookup, kYear2025);
  EXPECT_STATUS_CODE(r2, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(r2), HasSubstr("policy_assignment:1: end"));
  EXPECT_STATUS_CODE(ValidatePolicyAssignment(Assign(1, 0, 9, kJan1, OpenEnd())), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(ValidatePolicyAssignment(Assign(1, 1, 0, kJan1, OpenEnd())), absl::StatusCode::kInvalidArgument);
  EXPECT_OK(ValidatePolicyAssignment(Assign(1, 1, 9, kJan1, OpenEnd())));

  // A position the lookup does not know.
  const Employee lost = MakeEmployee(2, {{Date(2024, 1, 1), Active(PositionId(555), kBerlin)}});
  EXPECT_STATUS_CODE(ResolvePolicySegments(lost, ok, {}, org.lookup, kYear2025), absl::StatusCode::kNotFound);
}

TEST(ResolvePolicySegmentsForAll, MatchesTheOneByOneResultsInFlatArrays) {
  const Org org = MakeOrg();
  EmploymentRecord munich = Active(PositionId(200), kMunich);
  const std::vector<Employee> employees = {
      MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}, {Date(2025, 7, 1), munich}}),
      MakeEmployee(2, {{Date(2026, 1, 1), Active(PositionId(100), kBerlin)}}),  // hired after the range
      MakeEmployee(3, {{Date(2024, 1, 1), Active(PositionId(200), kBerlin)}}),
  };
  const std::vector<PolicyCandidate> candidates = {Candidate(11, AtLocation(kBerlin)),
                                                   Candidate(12, AtLocation(kMunich))};
  const std::vector<PolicyAssignment> assignments = {Assign(1, 3, 99, Date(2025, 10, 1), OpenEnd())};
  ASSERT_OK_AND_ASSIGN(PolicySegmentTable table,
                       ResolvePolicySegmentsForAll(employees, candidates, assignments, org.lookup, kYear2025));
  EXPECT_THAT(table.offsets, ElementsAre(0u, 2u, 2u, 4u));
  for (std::size_t i = 0; i < employees.size(); ++i) {
    ASSERT_OK_AND_ASSIGN(auto one, ResolvePolicySegments(employees[i], candidates, assignments, org.lookup, kYear2025));
    EXPECT_EQ(std::vector<PolicySegment>(table.ForEmployee(i).begin(), table.ForEmployee(i).end()), one);
  }
  EXPECT_THAT(table.ForEmployee(2), ElementsAre(Seg(3, kAnnual, 11, kJan1, Date(2025, 10, 1)),
                                                Seg(3, kAnnual, 99, Date(2025, 10, 1), kNextJan1)));

  // An overlap anywhere in the population is an error, even for someone not in `employees`.
  std::vector<PolicyAssignment> overlapping = assignments;
  overlapping.push_back(Assign(2, 42, 1, kJan1, OpenEnd()));
  overlapping.push_back(Assign(3, 42, 2, Date(2025, 2, 1), OpenEnd()));
  EXPECT_STATUS_CODE(ResolvePolicySegmentsForAll(employees, candidates, overlapping, org.lookup, kYear2025),
                     absl::StatusCode::kInvalidArgument);
}

TEST(ResolvePolicySegmentsForAll, ReportsProgressAndStopsWhenCancelled) {
  const Org org = MakeOrg();
  const std::vector<Employee> employees = {MakeEmployee(1, {{Date(2024, 1, 1), Active(PositionId(100), kBerlin)}})};
  const std::vector<PolicyCandidate> candidates = {Candidate(11, {})};
  std::vector<std::int64_t> done;
  CancellableProgress progress([&](std::string_view stage, std::int64_t d, std::int64_t total) {
    EXPECT_EQ(stage, "resolve policies");
    EXPECT_EQ(total, 1);
    done.push_back(d);
  });
  ASSERT_OK(ResolvePolicySegmentsForAll(employees, candidates, {}, org.lookup, kYear2025, &progress));
  EXPECT_THAT(done, ElementsAre(0, 1));
  progress.RequestCancel();
  EXPECT_STATUS_CODE(ResolvePolicySegmentsForAll(employees, candidates, {}, org.lookup, kYear2025, &progress),
                     absl::StatusCode::kCancelled);
}

TEST(PolicyAssignment, DescribeListsTheStoredFields) {
  const std::vector<FieldInfo> fields = ListFields(PolicyAssignment{});
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0].name, "id");
  EXPECT_EQ(fields[5].name, "end");
  EXPECT_EQ(PolicyAssignment::kEntityName, "policy_assignment");
}

}  // namespace
}  // namespace hrkit
