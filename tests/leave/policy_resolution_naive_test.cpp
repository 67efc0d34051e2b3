// Checks the change-point resolver against a day-by-day recomputation on a
// generated organization: for every employee and every day of the year, the
// policy the segments give must be the one found by reading the facts of that
// day and applying the rules directly.
#include <optional>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/synth/generator.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

// The answer for one day, straight from the definitions.
std::optional<LeavePolicyId> NaivePolicy(const Employee& e, LeaveTypeId type, Date day,
                                         const std::vector<PolicyCandidate>& candidates,
                                         const std::vector<PolicyAssignment>& assignments, const OrgLookup& lookup) {
  const EmploymentRecord* record = e.employment.At(day);
  if (record == nullptr || !IsEmployed(*record)) return std::nullopt;
  for (const PolicyAssignment& a : assignments) {
    if (a.employee == e.id && a.leave_type == type && a.begin <= day && day < a.end) return a.policy;
  }
  absl::StatusOr<EmployeeFacts> facts = FactsOn(e, lookup, day);
  EXPECT_OK(facts);
  if (!facts.ok()) return std::nullopt;
  const PolicyCandidate* best = nullptr;
  for (const PolicyCandidate& c : candidates) {
    if (c.leave_type != type || day < c.validity.begin() || !(day < c.validity.end())) continue;
    if (!Matches(c.rule, *facts)) continue;
    if (best == nullptr || c.priority > best->priority || (c.priority == best->priority && c.policy < best->policy)) {
      best = &c;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->policy;
}

TEST(PolicyResolutionNaive, EveryDayOfTheYearAgreesOnAGeneratedOrganization) {
  synth::SynthOptions options;
  options.employee_count = 150;
  options.seed = 7;
  options.end_date = Date(2026, 1, 1);
  ASSERT_OK_AND_ASSIGN(synth::Organization org, synth::GenerateOrganization(options));
  ASSERT_OK_AND_ASSIGN(OrgLookup lookup, OrgLookup::Build(org.units, org.positions));

  // Move a mid-level unit under another parent in mid-year, so subtree rules change.
  ASSERT_GE(org.units.size(), 6u);
  OrgUnitRecord moved = *org.units[5].history.At(Date(2025, 1, 1));
  moved.parent = org.units[1].id;
  ASSERT_OK(org.units[5].history.Add(Date(2025, 5, 17), moved, Date(2025, 5, 1)));
  ASSERT_OK_AND_ASSIGN(lookup, OrgLookup::Build(org.units, org.positions));

  const LeaveTypeId annual(1);
  const LeaveTypeId sick(2);
  std::vector<PolicyCandidate> candidates;
  auto add = [&](std::int64_t policy, LeaveTypeId type, Period validity, EligibilityRule rule, std::int32_t prio) {
    candidates.push_back(PolicyCandidate{LeavePolicyId(policy), type, validity, std::move(rule), prio});
  };
  const Period always = OpenPeriod(Date(2000, 1, 1));
  for (const Location& l : org.locations) {
    EligibilityRule here;
    here.locations = {l.id};
    add(100 + l.id.value(), annual, always, here, 0);
    here.min_tenure_months = 36;
    add(200 + l.id.value(), annual, always, here, 1);
  }
  EligibilityRule subtree;
  subtree.org_subtrees = {org.units[1].id, org.units[3].id};
  subtree.min_fte = 0.9;
  add(300, annual, Period(Date(2025, 3, 1), Date(2025, 10, 15)), subtree, 2);
  EligibilityRule permanent;
  permanent.employment_types = {EmploymentType::kPermanent};
  add(400, sick, Period(Date(2000, 1, 1), Date(2025, 8, 1)), permanent, 0);
  add(401, sick, OpenPeriod(Date(2025, 8, 1)), {}, 0);
  EligibilityRule part_time;
  part_time.max_fte = 0.8;
  add(402, sick, always, part_time, 1);

  std::vector<PolicyAssignment> assignments;
  for (std::size_t i = 0; i < org.employees.size(); i += 9) {
    const EmployeeId e = org.employees[i].id;
    assignments.push_back(PolicyAssignment{PolicyAssignmentId(static_cast<std::int64_t>(i) + 1), e, annual,
                                           LeavePolicyId(900), Date(2025, 2, 10), Date(2025, 6, 20)});
  }

  const Period year(Date(2025, 1, 1), Date(2026, 1, 1));
  ASSERT_OK_AND_ASSIGN(PolicySegmentTable table,
                       ResolvePolicySegmentsForAll(org.employees, candidates, assignments, lookup, year));
  ASSERT_EQ(table.offsets.size(), org.employees.size() + 1);
  std::int64_t days_with_policy = 0;
  for (std::size_t i = 0; i < org.employees.size(); ++i) {
    const Employee& e = org.employees[i];
    const std::span<const PolicySegment> segments = table.ForEmployee(i);
    // Ordered by type then begin, inside the range, not overlapping, merged.
    for (std::size_t k = 0; k < segments.size(); ++k) {
      EXPECT_EQ(segments[k].employee, e.id);
      EXPECT_LE(year.begin(), segments[k].period.begin());
      EXPECT_LE(segments[k].period.end(), year.end());
      EXPECT_LT(segments[k].period.begin(), segments[k].period.end());
      if (k > 0 && segments[k - 1].leave_type == segments[k].leave_type) {
        EXPECT_LE(segments[k - 1].period.end(), segments[k].period.begin());
        EXPECT_FALSE(segments[k - 1].period.end() == segments[k].period.begin() &&
                     segments[k - 1].policy == segments[k].policy)
            << e.id << " has two adjacent segments of one policy";
      } else if (k > 0) {
        EXPECT_LT(segments[k - 1].leave_type, segments[k].leave_type);
      }
    }
    for (Date day = year.begin(); day < year.end(); day += boost::gregorian::days(1)) {
      for (LeaveTypeId type : {annual, sick}) {
        const std::optional<LeavePolicyId> expected = NaivePolicy(e, type, day, candidates, assignments, lookup);
        ASSERT_EQ(PolicyOn(segments, type, day), expected) << e.id << " " << type << " on " << FormatIsoDate(day);
        if (expected.has_value()) ++days_with_policy;
      }
    }
  }
  // Most days of most people carry a policy: the check is not vacuous.
  EXPECT_GT(days_with_policy, static_cast<std::int64_t>(org.employees.size()) * 365);
}

}  // namespace
}  // namespace hrkit
