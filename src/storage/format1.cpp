// The upgrade of format-1 leave policies (format1.hpp) to the current
// LeavePolicy: tiers and eligibility rules move into the versions they were
// tagged with, the priority moves to the policy, and "no limit" numbers
// become empty optionals.
#include "format1.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit::storage_internal::format1 {
namespace {

constexpr std::int64_t kLastEmploymentType = static_cast<std::int64_t>(EmploymentType::kContractor);

// -1 meant "no limit" for carry_over_max and negative_limit.
std::optional<double> LimitOf(double v1) {
  if (v1 == -1.0) return std::nullopt;
  return v1;
}

LeavePolicyVersion ConvertVersion(const LeavePolicyVersionV1& old) {
  LeavePolicyVersion v;
  v.keeps_balance = old.keeps_balance;
  v.amount_per_year = old.amount_per_year;
  v.frequency = old.frequency;
  v.timing = old.timing;
  v.prorate = old.prorate;
  v.rounding = old.rounding;
  v.fte_scaling = old.fte_scaling;
  // 0 meant "no cap".
  if (old.balance_cap != 0.0) v.balance_cap = old.balance_cap;
  v.carry_over_month = old.carry_over_month;
  v.carry_over_max = LimitOf(old.carry_over_max);
  v.carry_over_expiry = old.carry_over_expiry;
  v.carry_over_expiry_unit = old.carry_over_expiry_unit;
  v.negative_limit = LimitOf(old.negative_limit);
  v.accrual_start = old.accrual_start;
  v.probation_months = old.probation_months;
  return v;
}

// Adds one criterion record to `rule`; `seen` tracks the single-valued kinds
// (min FTE, max FTE, tenure). Returns the problem, or an empty string.
std::string AddCriterion(const EligibilityCriterionV1& c, EligibilityRule& rule, bool seen[3]) {
  switch (c.kind) {
    case CriterionKindV1::kLocation:
      rule.locations.push_back(LocationId(c.id_value));
      return "";
    case CriterionKindV1::kEmploymentType:
      if (c.id_value < 0 || c.id_value > kLastEmploymentType) {
        return absl::StrCat("id_value ", c.id_value, " is not an employment type");
      }
      rule.employment_types.push_back(static_cast<EmploymentType>(c.id_value));
      return "";
    case CriterionKindV1::kGrade:
      rule.grades.push_back(c.text);
      return "";
    case CriterionKindV1::kOrgSubtree:
      rule.org_subtrees.push_back(OrgUnitId(c.id_value));
      return "";
    case CriterionKindV1::kMinFte:
      if (seen[0]) return "repeats the minimum FTE";
      seen[0] = true;
      rule.min_fte = c.number;
      return "";
    case CriterionKindV1::kMaxFte:
      if (seen[1]) return "repeats the maximum FTE";
      seen[1] = true;
      rule.max_fte = c.number;
      return "";
    case CriterionKindV1::kMinTenureMonths:
      if (seen[2]) return "repeats the minimum tenure";
      if (c.id_value < 0 || c.id_value > kMaxTenureMonths) {
        return absl::StrCat("id_value ", c.id_value, " is outside 0..", kMaxTenureMonths, " months");
      }
      seen[2] = true;
      rule.min_tenure_months = static_cast<std::int32_t>(c.id_value);
      return "";
  }
  return absl::StrCat("unknown criterion kind ", static_cast<int>(c.kind));
}

// The rule of the version effective on `from`, rebuilt from the criteria
// records tagged with that date.
absl::StatusOr<EligibilityRule> RuleOf(const LeavePolicyV1& policy, const PolicyEligibilityV1* eligibility, Date from) {
  EligibilityRule rule;
  if (eligibility == nullptr) return rule;
  bool seen[3] = {false, false, false};
  const std::string owner = absl::StrCat(ToString(policy.id), " version ", FormatIsoDate(from));
  for (std::size_t i = 0; i < eligibility->criteria.size(); ++i) {
    const EligibilityCriterionV1& c = eligibility->criteria[i];
    if (c.version_from != from) continue;
    const std::string problem = AddCriterion(c, rule, seen);
    if (!problem.empty()) {
      return absl::DataLossError(
          absl::StrCat("format-1 policy_eligibility of ", owner, ": criterion #", i, ": ", problem));
    }
  }
  const absl::Status valid = ValidateEligibilityRule(rule, owner);
  if (!valid.ok()) return absl::DataLossError(absl::StrCat("format-1 policy_eligibility: ", valid.message()));
  return rule;
}

// The entries of `policy`, current then replaced, converted (tiers and rules
// not yet filled in).
std::vector<Timeline<LeavePolicyVersion>::Entry> ConvertEntries(const LeavePolicyV1& policy) {
  std::vector<Timeline<LeavePolicyVersion>::Entry> entries;
  for (const auto& part : {policy.versions.Entries(), policy.versions.ReplacedEntries()}) {
    for (const auto& old : part) {
      Timeline<LeavePolicyVersion>::Entry e;
      e.effective = old.effective;
      e.sequence = old.sequence;
      e.recorded = old.recorded;
      e.replaced = old.replaced;
      e.value = ConvertVersion(old.value);
      entries.push_back(std::move(e));
    }
  }
  return entries;
}

bool HasEntryOn(const std::vector<Timeline<LeavePolicyVersion>::Entry>& entries, Date date) {
  return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.effective == date; });
}

absl::StatusOr<LeavePolicy> UpgradeOne(LeavePolicyV1 old, const PolicyEligibilityV1* eligibility) {
  std::vector<Timeline<LeavePolicyVersion>::Entry> entries = ConvertEntries(old);
  for (const LeaveTierV1& t : old.tiers) {
    if (!HasEntryOn(entries, t.version_from)) {
      return absl::DataLossError(absl::StrCat("format-1 ", ToString(old.id), ": a tier names version ",
                                              FormatIsoDate(t.version_from), ", which the policy does not have"));
    }
    for (auto& e : entries) {
      if (e.effective == t.version_from) e.value.tiers.push_back(LeaveTier{t.after_months, t.amount_per_year});
    }
  }
  // Criteria tagged with a date that is no entry's effective date are
  // dropped: format 1 read a version's rule from the records of its own date
  // only, so they never selected anyone (hrkit 0.1 wrote such records, see
  // tests/storage/golden_v1_data.cpp).
  for (auto& e : entries) {
    HRKIT_ASSIGN_OR_RETURN(e.value.eligibility, RuleOf(old, eligibility, e.effective));
  }
  absl::StatusOr<Timeline<LeavePolicyVersion>> versions = Timeline<LeavePolicyVersion>::FromEntries(std::move(entries));
  if (!versions.ok()) {
    return absl::DataLossError(
        absl::StrCat("format-1 ", ToString(old.id), ": versions do not rebuild: ", versions.status().message()));
  }
  LeavePolicy policy;
  policy.id = old.id;
  policy.name = std::move(old.name);
  policy.leave_type = old.leave_type;
  policy.versions = *std::move(versions);
  policy.priority = eligibility != nullptr ? eligibility->priority : 0;
  return policy;
}

}  // namespace

absl::StatusOr<std::vector<LeavePolicy>> UpgradeLeavePolicies(std::vector<LeavePolicyV1> policies,
                                                              std::vector<PolicyEligibilityV1> eligibility) {
  return GuardExceptions("format-1 leave policy upgrade", [&]() -> absl::StatusOr<std::vector<LeavePolicy>> {
    absl::flat_hash_map<LeavePolicyId, const PolicyEligibilityV1*> by_policy;
    for (const PolicyEligibilityV1& e : eligibility) {
      if (!by_policy.emplace(e.id, &e).second) {
        return absl::DataLossError(absl::StrCat("format-1 policy_eligibility ", ToString(e.id), ": duplicate"));
      }
    }
    for (const LeavePolicyV1& p : policies) by_policy.erase(p.id);
    if (!by_policy.empty()) {
      // Report the first orphan in input order, so the message is stable.
      for (const PolicyEligibilityV1& e : eligibility) {
        if (by_policy.contains(e.id)) {
          return absl::DataLossError(
              absl::StrCat("format-1 policy_eligibility ", ToString(e.id), ": no leave policy of that id"));
        }
      }
    }
    for (const PolicyEligibilityV1& e : eligibility) by_policy.emplace(e.id, &e);
    std::vector<LeavePolicy> out;
    out.reserve(policies.size());
    for (LeavePolicyV1& old : policies) {
      const auto it = by_policy.find(old.id);
      HRKIT_ASSIGN_OR_RETURN(LeavePolicy policy,
                             UpgradeOne(std::move(old), it == by_policy.end() ? nullptr : it->second));
      out.push_back(std::move(policy));
    }
    return out;
  });
}

}  // namespace hrkit::storage_internal::format1
