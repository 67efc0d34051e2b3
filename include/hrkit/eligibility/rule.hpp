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
// Storage. A rule belongs to one version of a leave policy, but a History
// record (Timeline<R>) may hold scalar fields only (core/describe.hpp), so the
// rule is not stored inside the version. It is stored flat, as a List of
// EligibilityCriterion records, each tagged with the effective date of the
// version it belongs to. The records of all versions of one policy live in a
// PolicyEligibility entity beside the policy (leave/policy_candidates.hpp),
// whose Describe holds `v.List("criteria", e.criteria, ...)`.
//
// Writing the rule R of the version effective on E:
//   HRKIT_RETURN_IF_ERROR(ReplaceCriteria(R, E, &eligibility.criteria));
// Reading it back:
//   HRKIT_ASSIGN_OR_RETURN(EligibilityRule rule, RuleFromCriteria(eligibility.criteria, E));
// A version without criteria has the empty rule: it applies to everyone.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_ELIGIBILITY_RULE_HPP_
#define HRKIT_ELIGIBILITY_RULE_HPP_

#include <cstdint>
#include <limits>
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
  std::vector<LocationId> locations;                         // empty = any location
  std::vector<EmploymentType> employment_types;              // empty = any type
  std::vector<std::string> grades;                           // empty = any grade; exact match
  std::vector<OrgUnitId> org_subtrees;                       // a unit and all its descendants; empty = anywhere
  double min_fte = 0.0;                                      // inclusive
  double max_fte = std::numeric_limits<double>::infinity();  // inclusive; infinity = no maximum
  std::int32_t min_tenure_months = 0;                        // 0 = no tenure requirement

  // True if the rule selects every employee.
  bool SelectsEveryone() const;

  // Equality is field-wise: the order of values within a set matters. A rule
  // rebuilt by RuleFromCriteria keeps the order it was written in.
  friend bool operator==(const EligibilityRule&, const EligibilityRule&) = default;
};

// Checks a rule. Returns InvalidArgument naming `owner` (e.g. "leave_policy:3")
// and the field for: an invalid (non-positive) location or org unit id, an
// employment type outside the enum, an empty grade, a negative or NaN min_fte,
// a NaN or negative max_fte, max_fte < min_fte, a negative min_tenure_months
// or one above kMaxTenureMonths.
absl::Status ValidateEligibilityRule(const EligibilityRule& rule, std::string_view owner);

// What one stored criterion says.
enum class CriterionKind {
  kLocation = 0,         // id_value: a LocationId value
  kEmploymentType = 1,   // id_value: an EmploymentType's integer value
  kGrade = 2,            // text: a grade
  kOrgSubtree = 3,       // id_value: the OrgUnitId value of the subtree's root
  kMinFte = 4,           // number: the minimum FTE
  kMaxFte = 5,           // number: the maximum FTE
  kMinTenureMonths = 6,  // id_value: months of service
};

// The names of CriterionKind values (core/enum_names.hpp).
inline constexpr EnumName<CriterionKind> kCriterionKindNames[] = {
    {CriterionKind::kLocation, "location"},
    {CriterionKind::kEmploymentType, "employment_type"},
    {CriterionKind::kGrade, "grade"},
    {CriterionKind::kOrgSubtree, "org_subtree"},
    {CriterionKind::kMinFte, "min_fte"},
    {CriterionKind::kMaxFte, "max_fte"},
    {CriterionKind::kMinTenureMonths, "min_tenure_months"}};
constexpr std::span<const EnumName<CriterionKind>> EnumNamesOf(CriterionKind) { return kCriterionKindNames; }

// One criterion of one policy version's rule, in the flat stored form (a List
// record: scalar fields only). Fields a kind does not use keep their defaults.
struct EligibilityCriterion {
  Date version_from;  // effective date of the policy version the criterion belongs to
  CriterionKind kind = CriterionKind::kLocation;
  std::int64_t id_value = 0;
  std::string text;
  double number = 0.0;

  friend bool operator==(const EligibilityCriterion&, const EligibilityCriterion&) = default;
};

template <class V, class Self>
requires SameEntity<Self, EligibilityCriterion>
void Describe(V& v, Self& c) {
  v.Field("version_from", c.version_from, Sensitivity::kDirectory);
  v.Field("kind", c.kind, Sensitivity::kDirectory);
  v.Field("id_value", c.id_value, Sensitivity::kDirectory);
  v.Field("text", c.text, Sensitivity::kDirectory);
  v.Field("number", c.number, Sensitivity::kDirectory);
}

// The criteria records of `rule` for the version effective on `version_from`,
// in a fixed order: locations, employment types, grades, subtrees (each in the
// rule's order), then min FTE (if > 0), max FTE (if finite) and min tenure (if
// > 0). The empty rule gives no record.
std::vector<EligibilityCriterion> ToCriteria(const EligibilityRule& rule, Date version_from);

// Replaces the records of version `version_from` in `*criteria` with those of
// `rule`, keeping the other versions' records in place. Returns
// InvalidArgument (and leaves `*criteria` unchanged) if the rule is invalid or
// `version_from` is not a real date.
absl::Status ReplaceCriteria(const EligibilityRule& rule, Date version_from,
                             std::vector<EligibilityCriterion>* criteria);

// Rebuilds the rule of the version effective on `version_from` from the
// records of all versions (records of other versions are skipped; none means
// the empty rule). Returns InvalidArgument naming the record for an unknown
// kind, a repeated min FTE, max FTE or tenure record, an id or number out of
// range, or a rule that fails ValidateEligibilityRule.
absl::StatusOr<EligibilityRule> RuleFromCriteria(std::span<const EligibilityCriterion> criteria, Date version_from);

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
