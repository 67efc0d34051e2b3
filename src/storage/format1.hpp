// Internal to storage: the entity types whose layout in storage format 1
// (hrkit 0.1) differs from today's, frozen as they were, and their upgrade to
// the current types. The archive and SQL backends read format-1 data through
// these descriptions and convert it on load (archive) or on open (SQL), so
// stores written by hrkit 0.1 stay readable (tests/storage/golden/format1).
//
// What changed in format 2:
// - a leave policy's tenure tiers were a policy-level List tagged with their
//   version's effective date (LeaveTierV1::version_from); they are now a List
//   inside each version;
// - who a policy applies to was a separate entity, PolicyEligibilityV1 (same
//   id as the policy): a priority and flat kind/value criteria records tagged
//   with their version's date; the priority is now a field of the policy and
//   the rule (EligibilityRule) a part of each version;
// - "no limit" was the number -1 (carry_over_max, negative_limit) or 0
//   (balance_cap); it is now an empty std::optional.
// Never edit these types: they describe bytes already on disk.
//
// Thread safety: value types and pure functions.
#ifndef HRKIT_SRC_STORAGE_FORMAT1_HPP_
#define HRKIT_SRC_STORAGE_FORMAT1_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/entity_list.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/ids.hpp"
#include "hrkit/leave/leave_policy.hpp"

namespace hrkit::storage_internal::format1 {

// CriterionKind values of EligibilityCriterionV1::kind (stored as integers).
enum class CriterionKindV1 {
  kLocation = 0,         // id_value: a LocationId value
  kEmploymentType = 1,   // id_value: an EmploymentType's integer value
  kGrade = 2,            // text: a grade
  kOrgSubtree = 3,       // id_value: the OrgUnitId value of the subtree's root
  kMinFte = 4,           // number: the minimum FTE
  kMaxFte = 5,           // number: the maximum FTE
  kMinTenureMonths = 6,  // id_value: months of service
};
inline constexpr EnumName<CriterionKindV1> kCriterionKindV1Names[] = {
    {CriterionKindV1::kLocation, "location"},
    {CriterionKindV1::kEmploymentType, "employment_type"},
    {CriterionKindV1::kGrade, "grade"},
    {CriterionKindV1::kOrgSubtree, "org_subtree"},
    {CriterionKindV1::kMinFte, "min_fte"},
    {CriterionKindV1::kMaxFte, "max_fte"},
    {CriterionKindV1::kMinTenureMonths, "min_tenure_months"}};
constexpr std::span<const EnumName<CriterionKindV1>> EnumNamesOf(CriterionKindV1) { return kCriterionKindV1Names; }

struct LeavePolicyVersionV1 {
  // False for a type that keeps no balance (e.g. unpaid leave): no accrual,
  // no carry-over, and requests are not checked against a balance.
  bool keeps_balance = true;
  // The yearly entitlement of a full-time employee before tiers, >= 0.
  double amount_per_year = 0.0;
  AccrualFrequency frequency = AccrualFrequency::kMonthly;
  CreditTiming timing = CreditTiming::kStart;
  // True: a partial period earns amount x days accruing / days in period.
  // False: any day of accrual in a period earns the whole period's amount.
  bool prorate = true;
  AccrualRounding rounding = AccrualRounding::kNone;
  // True: credits are multiplied by the FTE (averaged over the period's days).
  bool fte_scaling = true;
  // The most the balance may reach by accrual; 0 = no cap. A credit that
  // would exceed it is reduced; accrual resumes once leave lowers the balance.
  double balance_cap = 0.0;
  // The carry-over (and accrual year start) month: on the 1st of it the
  // unused balance carries up to `carry_over_max` and the rest lapses.
  std::int32_t carry_over_month = 1;
  // The most that carries over (>= 0), or -1.0.
  double carry_over_max = -1.0;
  // Carried days expire this long after the carry-over date; 0 = never.
  // Months: 0..12; days: 0..366.
  std::int32_t carry_over_expiry = 0;
  ExpiryUnit carry_over_expiry_unit = ExpiryUnit::kMonths;
  // How far below zero a request may take the balance (>= 0), or -1.0.
  double negative_limit = 0.0;
  AccrualStart accrual_start = AccrualStart::kHire;
  // For kAfterProbation: 1..120 months; must be 0 for kHire.
  std::int32_t probation_months = 0;

  friend bool operator==(const LeavePolicyVersionV1&, const LeavePolicyVersionV1&) = default;
};

template <class V, class Self>
requires SameEntity<Self, LeavePolicyVersionV1>
void Describe(V& v, Self& r) {
  v.Field("keeps_balance", r.keeps_balance, Sensitivity::kDirectory);
  v.Field("amount_per_year", r.amount_per_year, Sensitivity::kDirectory);
  v.Field("frequency", r.frequency, Sensitivity::kDirectory);
  v.Field("timing", r.timing, Sensitivity::kDirectory);
  v.Field("prorate", r.prorate, Sensitivity::kDirectory);
  v.Field("rounding", r.rounding, Sensitivity::kDirectory);
  v.Field("fte_scaling", r.fte_scaling, Sensitivity::kDirectory);
  v.Field("balance_cap", r.balance_cap, Sensitivity::kDirectory);
  v.Field("carry_over_month", r.carry_over_month, Sensitivity::kDirectory);
  v.Field("carry_over_max", r.carry_over_max, Sensitivity::kDirectory);
  v.Field("carry_over_expiry", r.carry_over_expiry, Sensitivity::kDirectory);
  v.Field("carry_over_expiry_unit", r.carry_over_expiry_unit, Sensitivity::kDirectory);
  v.Field("negative_limit", r.negative_limit, Sensitivity::kDirectory);
  v.Field("accrual_start", r.accrual_start, Sensitivity::kDirectory);
  v.Field("probation_months", r.probation_months, Sensitivity::kDirectory);
}

struct LeaveTierV1 {
  Date version_from;              // the effective date of the version it belongs to
  std::int32_t after_months = 0;  // 1..1200 months of service
  double amount_per_year = 0.0;   // >= 0

  friend bool operator==(const LeaveTierV1&, const LeaveTierV1&) = default;
};

template <class V, class Self>
requires SameEntity<Self, LeaveTierV1>
void Describe(V& v, Self& t) {
  v.Field("version_from", t.version_from, Sensitivity::kDirectory);
  v.Field("after_months", t.after_months, Sensitivity::kDirectory);
  v.Field("amount_per_year", t.amount_per_year, Sensitivity::kDirectory);
}

struct LeavePolicyV1 {
  static constexpr std::string_view kEntityName = "leave_policy";

  LeavePolicyId id;
  std::string name;
  LeaveTypeId leave_type;
  Timeline<LeavePolicyVersionV1> versions;
  std::vector<LeaveTierV1> tiers;  // all versions' tiers, see the header comment

  friend bool operator==(const LeavePolicyV1&, const LeavePolicyV1&) = default;
};

template <class V, class Self>
requires SameEntity<Self, LeavePolicyV1>
void Describe(V& v, Self& p) {
  v.Field("id", p.id, Sensitivity::kDirectory);
  v.Field("name", p.name, Sensitivity::kDirectory);
  v.Field("leave_type", p.leave_type, Sensitivity::kDirectory);
  v.History("versions", p.versions, Sensitivity::kDirectory);
  v.List("tiers", p.tiers, Sensitivity::kDirectory);
}

struct EligibilityCriterionV1 {
  Date version_from;  // effective date of the policy version the criterion belongs to
  CriterionKindV1 kind = CriterionKindV1::kLocation;
  std::int64_t id_value = 0;
  std::string text;
  double number = 0.0;

  friend bool operator==(const EligibilityCriterionV1&, const EligibilityCriterionV1&) = default;
};

template <class V, class Self>
requires SameEntity<Self, EligibilityCriterionV1>
void Describe(V& v, Self& c) {
  v.Field("version_from", c.version_from, Sensitivity::kDirectory);
  v.Field("kind", c.kind, Sensitivity::kDirectory);
  v.Field("id_value", c.id_value, Sensitivity::kDirectory);
  v.Field("text", c.text, Sensitivity::kDirectory);
  v.Field("number", c.number, Sensitivity::kDirectory);
}

struct PolicyEligibilityV1 {
  static constexpr std::string_view kEntityName = "policy_eligibility";

  LeavePolicyId id;  // the policy's own id
  // Among matching policies of one leave type the highest priority wins
  // (ties: the lowest policy id).
  std::int32_t priority = 0;
  // The rules of every version, each record tagged with its version's
  // effective date.
  std::vector<EligibilityCriterionV1> criteria;

  friend bool operator==(const PolicyEligibilityV1&, const PolicyEligibilityV1&) = default;
};

template <class V, class Self>
requires SameEntity<Self, PolicyEligibilityV1>
void Describe(V& v, Self& e) {
  v.Field("id", e.id, Sensitivity::kDirectory);
  v.Field("priority", e.priority, Sensitivity::kDirectory);
  v.List("criteria", e.criteria, Sensitivity::kDirectory);
}

// The format-1 entity types that differ from today's; every other stored
// type reads as it is (its members all have Since{1} or are new).
using ChangedEntities = EntityTypeList<LeavePolicyV1, PolicyEligibilityV1>;

// The current LeavePolicy of each format-1 policy: every version (current
// and replaced entries, with their dates, sequences and entry dates) converted
// field by field ("no limit" values to empty optionals), the tiers tagged
// with a version's effective date moved into every entry of that date, the
// eligibility rule of each version rebuilt from `eligibility` (the entry of
// the same id, if any; none means everyone) and its priority moved to the
// policy. Policies keep their order.
// Criteria tagged with a date that is no entry's effective date are dropped:
// format 1 read a version's rule from its own date's records only, so they
// never selected anyone, and hrkit 0.1 wrote such records.
// Errors: DataLoss naming the policy for tiers that do not belong to any
// version, an eligibility entry without its policy (or two for one policy),
// or a rule that does not rebuild.
absl::StatusOr<std::vector<LeavePolicy>> UpgradeLeavePolicies(std::vector<LeavePolicyV1> policies,
                                                              std::vector<PolicyEligibilityV1> eligibility);

}  // namespace hrkit::storage_internal::format1

#endif  // HRKIT_SRC_STORAGE_FORMAT1_HPP_
