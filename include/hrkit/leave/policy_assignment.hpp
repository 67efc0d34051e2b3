// Effective-dated assignment of leave policies to employees: which policy of
// each leave type applies to an employee on which days, as PolicySegments
// (leave/policy_segment.hpp) for the accrual engine.
//
// Two sources decide it:
// - explicit assignments (PolicyAssignment, a stored entity): "employee E
//   gets policy P for leave type T from B to E". For that employee and leave
//   type they override every rule while they last;
// - rule-based candidates (PolicyCandidate): "policy P, for leave type T,
//   applies during its validity to the employees its EligibilityRule selects"
//   (one candidate per policy version; see leave/policy_candidates.hpp).
//
// Resolution, per employee and leave type, over a range of dates:
// 1. Only employed days count (status active or on leave): a termination
//    ends every segment, a rehire starts a new one; assignments too apply
//    only while employed.
// 2. On a day covered by an explicit assignment, its policy applies.
// 3. Otherwise every candidate valid on the day whose rule matches the
//    employee's facts on the day (org/org_lookup.hpp) competes; the one with
//    the highest `priority` wins, ties go to the lowest policy id. No match:
//    no segment (a gap the request workflow reports as "no policy").
// 4. The answer changes only where something changes: an employment record,
//    the position's unit or grade, the unit's place in the tree, a tenure
//    milestone a rule asks for, a candidate's validity boundary or an
//    assignment boundary. The resolver walks these change points, never days,
//    and splits segments exactly there; adjacent segments with the same policy
//    are merged (a new version of the same policy does not split a segment:
//    the accrual engine reads the version in force itself).
//
// Thread safety: value types and pure functions; safe to use concurrently on
// const inputs.
#ifndef HRKIT_LEAVE_POLICY_ASSIGNMENT_HPP_
#define HRKIT_LEAVE_POLICY_ASSIGNMENT_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/policy_segment.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// An explicit assignment of a policy to one employee for one leave type
// during [begin, end). It overrides the rules for that employee and type.
struct PolicyAssignment {
  static constexpr std::string_view kEntityName = "policy_assignment";

  PolicyAssignmentId id;   // the assignment's id
  EmployeeId employee;     // who gets the policy
  LeaveTypeId leave_type;  // for which leave type
  LeavePolicyId policy;    // the policy assigned
  Date begin;              // the first day (inclusive)
  Date end = OpenEnd();    // exclusive; OpenEnd() = until further notice

  friend bool operator==(const PolicyAssignment&, const PolicyAssignment&) = default;
};

// Field description of PolicyAssignment (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, PolicyAssignment>
void Describe(V& v, Self& a) {
  v.Field("id", a.id, Sensitivity::kDirectory);
  v.Field("employee", a.employee, Sensitivity::kPersonal);
  v.Field("leave_type", a.leave_type, Sensitivity::kPersonal);
  v.Field("policy", a.policy, Sensitivity::kPersonal);
  v.Field("begin", a.begin, Sensitivity::kPersonal);
  v.Field("end", a.end, Sensitivity::kPersonal);
}

// Checks one assignment on its own. Returns InvalidArgument naming the
// assignment and the field for an invalid id (assignment, employee, leave type
// or policy), a `begin` that is not a real date, an `end` that is neither a
// real date nor OpenEnd(), or end <= begin.
absl::Status ValidatePolicyAssignment(const PolicyAssignment& assignment);

// The domain validator the store runs on every write (found by ADL): the
// same as ValidatePolicyAssignment (overlaps between assignments are a
// property of the set: ValidatePolicyAssignments).
inline absl::Status ValidateStoredEntity(const PolicyAssignment& assignment) {
  return ValidatePolicyAssignment(assignment);
}

// Checks a set of assignments: each one as ValidatePolicyAssignment, and no
// two for the same employee and leave type overlapping. Returns
// InvalidArgument; an overlap names both assignments, the employee and the
// leave type.
absl::Status ValidatePolicyAssignments(std::span<const PolicyAssignment> assignments);

// A policy that applies, during `validity`, to the employees `rule` selects.
struct PolicyCandidate {
  LeavePolicyId policy;                                 // the policy
  LeaveTypeId leave_type;                               // its leave type
  Period validity{Date(2000, 1, 1), Date(2000, 1, 1)};  // a policy version's effective span
  EligibilityRule rule;                                 // who it selects (eligibility/rule.hpp)
  // Among matching candidates of one leave type the highest priority wins;
  // equal priorities go to the lowest policy id.
  std::int32_t priority = 0;

  friend bool operator==(const PolicyCandidate&, const PolicyCandidate&) = default;
};

// Checks one candidate. Returns InvalidArgument naming the policy and the
// field for an invalid policy or leave type id, a validity whose begin is not
// a real date or whose end is neither a real date nor OpenEnd() or not after
// its begin, or an invalid rule (ValidateEligibilityRule).
absl::Status ValidatePolicyCandidate(const PolicyCandidate& candidate);

// The policy segments of `employee` within `range`, following the rules in
// the header comment. `assignments` may hold other employees' assignments
// (they are ignored). The result is ordered by leave type, then begin; for
// one leave type the segments do not overlap. A segment's end is at most
// range.end() (OpenEnd() for an open range while nothing ends it).
// Returns InvalidArgument for a range whose begin is not a real date or whose
// end is neither a real date nor OpenEnd() or not after its begin, an invalid
// candidate or assignment, or two of the employee's assignments overlapping
// for one leave type (naming both); the errors of FactsOn (NotFound for a
// position or unit unknown to `lookup`, FailedPrecondition for a cyclic tree).
//
// Example: a transfer from Berlin (policy 1's rule) to Munich (policy 2's) on
// 2025-07-01, range [2025-01-01, 2026-01-01):
//   {employee, leave_type, policy 1, [2025-01-01, 2025-07-01)}
//   {employee, leave_type, policy 2, [2025-07-01, 2026-01-01)}
absl::StatusOr<std::vector<PolicySegment>> ResolvePolicySegments(const Employee& employee,
                                                                 std::span<const PolicyCandidate> candidates,
                                                                 std::span<const PolicyAssignment> assignments,
                                                                 const OrgLookup& lookup, const Period& range);

// The segments of a whole population, flat: the segments of employees[i] are
// segments[offsets[i], offsets[i + 1]).
struct PolicySegmentTable {
  std::vector<std::size_t> offsets{0};  // employees + 1 entries
  std::vector<PolicySegment> segments;  // every employee's segments, employee after employee

  // The segments of the i-th employee. REQUIRES: i + 1 < offsets.size().
  std::span<const PolicySegment> ForEmployee(std::size_t i) const {
    return std::span<const PolicySegment>(segments).subspan(offsets[i], offsets[i + 1] - offsets[i]);
  }

  friend bool operator==(const PolicySegmentTable&, const PolicySegmentTable&) = default;
};

// ResolvePolicySegments for every employee, with candidates and assignments
// prepared once (assignments are grouped by employee; an assignment of an
// employee not in `employees` is still validated). Work is proportional to
// the number of change points, not of days. Reports progress to `progress`
// (may be null) under the stage "resolve policies" and returns CancelledError
// when it asks to stop. Errors as ResolvePolicySegments; nothing is returned
// on error.
absl::StatusOr<PolicySegmentTable> ResolvePolicySegmentsForAll(std::span<const Employee> employees,
                                                               std::span<const PolicyCandidate> candidates,
                                                               std::span<const PolicyAssignment> assignments,
                                                               const OrgLookup& lookup, const Period& range,
                                                               ProgressSink* progress = nullptr);

// The policy that applies for `leave_type` on `date` among one employee's
// `segments`, or nullopt (no policy that day).
std::optional<LeavePolicyId> PolicyOn(std::span<const PolicySegment> segments, LeaveTypeId leave_type, Date date);

}  // namespace hrkit

#endif  // HRKIT_LEAVE_POLICY_ASSIGNMENT_HPP_
