// The audience of a rule as of a date: which employees an eligibility rule
// selects on one day. A survey's invitations, a performance cycle's
// participants or a training requirement's population are this set, taken on
// the day they are fixed; leave policies, whose answer changes over a year,
// use the change-point resolver of leave/policy_assignment.hpp instead.
//
// Thread safety: a pure function of its inputs; safe to call concurrently.
#ifndef HRKIT_ELIGIBILITY_AUDIENCE_HPP_
#define HRKIT_ELIGIBILITY_AUDIENCE_HPP_

#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The ids, in ascending order, of the employees in `employees` who are
// employed on `date` (active or on leave of absence) and whom `rule` selects
// on that day (facts from their employment record in force and `lookup`).
// `owner` names the rule's owner in errors (e.g. "survey:3").
// Returns InvalidArgument for a date that is not real or an invalid rule
// (naming `owner` and the field), and the errors of FactsOn (NotFound naming
// the employee for a position or unit unknown to `lookup`).
//
// Example: everyone in the subtree of unit 7 on 2025-03-01:
//   EligibilityRule rule;
//   rule.org_subtrees = {OrgUnitId(7)};
//   HRKIT_ASSIGN_OR_RETURN(std::vector<EmployeeId> invited,
//                          AudienceOn(rule, employees, lookup, Date(2025, 3, 1), "survey:3"));
absl::StatusOr<std::vector<EmployeeId>> AudienceOn(const EligibilityRule& rule, std::span<const Employee> employees,
                                                   const OrgLookup& lookup, Date date, std::string_view owner);

}  // namespace hrkit

#endif  // HRKIT_ELIGIBILITY_AUDIENCE_HPP_
