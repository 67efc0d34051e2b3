// Eligibility rules: which employees a leave policy applies to. A rule selects
// employees by any combination of work location, employment type, grade, org
// unit subtree, FTE range and minimum tenure, read from the facts of one
// employee on one date (EmployeeFacts; see org/org_lookup.hpp to build them
// from the entities).
//
// Semantics: the criteria are ANDed; the values within one criterion are ORed;
// an empty set means "any". The FTE range is inclusive at both ends. Tenure is
// counted in whole months of service from `seniority_start`, with month ends
// clamped: service from 2020-02-29 reaches 60 months on 2025-02-28.
//
// Storage. A rule is part of the record that holds it (a leave policy
// version): that record's Describe calls DescribeEligibility inline, which
// shows the rule's members as the container's own fields (lists of scalars
// and optional scalars).
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_ELIGIBILITY_RULE_HPP_
#define HRKIT_ELIGIBILITY_RULE_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The largest minimum tenure a rule may ask for: 100 years.
inline constexpr std::int32_t kMaxTenureMonths = 1200;

// Selects employees; see the header comment for the semantics.
//
// Example: permanent or fixed-term staff in Berlin or Munich, in the subtree
// of unit 7, working at least half time, after 6 months of service:
//   EligibilityRule rule;
//   rule.locations = {LocationId(1), LocationId(2)};
//   rule.employment_types = {EmploymentType::kPermanent, EmploymentType::kFixedTerm};
//   rule.org_subtrees = {OrgUnitId(7)};
//   rule.min_fte = 0.5;
//   rule.min_tenure_months = 6;
struct EligibilityRule {
  std::vector<LocationId> locations;             // empty = any location
  std::vector<EmploymentType> employment_types;  // empty = any type
  std::vector<std::string> grades;               // empty = any grade; exact match
  std::vector<OrgUnitId> org_subtrees;           // a unit and all its descendants; empty = anywhere
  double min_fte = 0.0;                          // inclusive
  std::optional<double> max_fte;                 // inclusive; empty = no maximum
  std::int32_t min_tenure_months = 0;            // 0 = no tenure requirement

  // True if the rule selects every employee.
  bool SelectsEveryone() const;

  // Equality is field-wise: the order of values within a set matters.
  friend bool operator==(const EligibilityRule&, const EligibilityRule&) = default;
};

// Describes the members of `rule` as fields of the record holding it, all
// appearing in storage format `since`: eligible_locations,
// eligible_employment_types, eligible_grades, eligible_org_subtrees (lists of
// scalars), min_fte, max_fte (optional) and min_tenure_months. A containing
// record's Describe calls it inline.
//
// Example:
//   template <class V, class Self>
//   requires SameEntity<Self, MyVersion>
//   void Describe(V& v, Self& r) {
//     v.Field("amount", r.amount, Sensitivity::kDirectory);
//     DescribeEligibility(v, r.eligibility, Since{2});
//   }
template <class V, class Self>
requires SameEntity<Self, EligibilityRule>
void DescribeEligibility(V& v, Self& rule, Since since) {
  v.List("eligible_locations", rule.locations, Sensitivity::kDirectory, since);
  v.List("eligible_employment_types", rule.employment_types, Sensitivity::kDirectory, since);
  v.List("eligible_grades", rule.grades, Sensitivity::kDirectory, since);
  v.List("eligible_org_subtrees", rule.org_subtrees, Sensitivity::kDirectory, since);
  v.Field("min_fte", rule.min_fte, Sensitivity::kDirectory, since);
  v.Field("max_fte", rule.max_fte, Sensitivity::kDirectory, since);
  v.Field("min_tenure_months", rule.min_tenure_months, Sensitivity::kDirectory, since);
}

// Checks a rule. Returns InvalidArgument naming `owner` (e.g. "leave_policy:3")
// and the field for: an invalid (non-positive) location or org unit id, an
// employment type outside the enum, an empty grade, a negative or NaN min_fte,
// a NaN or negative max_fte, max_fte < min_fte, a negative min_tenure_months
// or one above kMaxTenureMonths.
absl::Status ValidateEligibilityRule(const EligibilityRule& rule, std::string_view owner);

// The date `seniority_start` + `months` reaches, month ends clamped
// (2020-02-29 + 60 = 2025-02-28), or OpenEnd() when `seniority_start` is not a
// real date or the result would be after 9999-12-31. REQUIRES: months >= 0.
Date TenureMilestone(Date seniority_start, std::int32_t months);

// Whole months of service from `seniority_start` to `as_of` (0 before the
// first milestone, and for an unknown start).
std::int32_t TenureMonths(Date seniority_start, Date as_of);

// True if `rule` selects the employee described by `facts`. Employment status
// is not a criterion: the resolver only asks about employed days.
bool Matches(const EligibilityRule& rule, const EmployeeFacts& facts);

}  // namespace hrkit

#endif  // HRKIT_ELIGIBILITY_RULE_HPP_
