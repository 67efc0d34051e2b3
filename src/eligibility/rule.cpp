#include "hrkit/eligibility/rule.hpp"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr int kLastEmploymentType = static_cast<int>(EmploymentType::kContractor);

bool ValidEmploymentType(EmploymentType t) {
  const int v = static_cast<int>(t);
  return v >= 0 && v <= kLastEmploymentType;
}

absl::Status RuleError(std::string_view owner, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("eligibility rule of ", ToAbsl(owner), ": ", ToAbsl(field), " ", ToAbsl(what)));
}

template <class T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

bool EligibilityRule::SelectsEveryone() const {
  return locations.empty() && employment_types.empty() && grades.empty() && org_subtrees.empty() && min_fte <= 0.0 &&
         !max_fte.has_value() && min_tenure_months <= 0;
}

absl::Status ValidateEligibilityRule(const EligibilityRule& rule, std::string_view owner) {
  for (LocationId id : rule.locations) {
    if (!id.valid()) return RuleError(owner, "locations", absl::StrCat("holds an invalid id ", id.value()));
  }
  for (EmploymentType t : rule.employment_types) {
    if (!ValidEmploymentType(t)) {
      return RuleError(owner, "employment_types",
                       absl::StrCat("holds an unknown employment type ", static_cast<int>(t)));
    }
  }
  for (const std::string& g : rule.grades) {
    if (g.empty()) return RuleError(owner, "grades", "holds an empty grade");
  }
  for (OrgUnitId id : rule.org_subtrees) {
    if (!id.valid()) return RuleError(owner, "org_subtrees", absl::StrCat("holds an invalid id ", id.value()));
  }
  if (std::isnan(rule.min_fte) || rule.min_fte < 0.0) {
    return RuleError(owner, "min_fte", absl::StrCat("must be >= 0, got ", rule.min_fte));
  }
  if (rule.max_fte.has_value()) {
    const double max_fte = *rule.max_fte;
    if (!std::isfinite(max_fte) || max_fte < 0.0) {
      return RuleError(owner, "max_fte", absl::StrCat("must be a finite number >= 0 or empty, got ", max_fte));
    }
    if (max_fte < rule.min_fte) {
      return RuleError(owner, "max_fte", absl::StrCat(max_fte, " is below min_fte ", rule.min_fte));
    }
  }
  if (rule.min_tenure_months < 0 || rule.min_tenure_months > kMaxTenureMonths) {
    return RuleError(owner, "min_tenure_months",
                     absl::StrCat("must be in 0..", kMaxTenureMonths, ", got ", rule.min_tenure_months));
  }
  return absl::OkStatus();
}

Date TenureMilestone(Date seniority_start, std::int32_t months) {
  if (!IsRealDate(seniority_start)) return OpenEnd();
  const int index = static_cast<int>(seniority_start.year()) * 12 + static_cast<int>(seniority_start.month()) - 1 +
                    static_cast<int>(months);
  if (index / 12 > 9999) return OpenEnd();
  return AddMonthsClamped(seniority_start, months);
}

std::int32_t TenureMonths(Date seniority_start, Date as_of) {
  if (!IsRealDate(seniority_start) || !IsRealDate(as_of) || as_of < seniority_start) return 0;
  // Calendar month difference, minus one if the clamped milestone is not yet reached.
  std::int32_t months = (static_cast<int>(as_of.year()) - static_cast<int>(seniority_start.year())) * 12 +
                        (static_cast<int>(as_of.month()) - static_cast<int>(seniority_start.month()));
  if (months > 0 && TenureMilestone(seniority_start, months) > as_of) --months;
  return months;
}

bool Matches(const EligibilityRule& rule, const EmployeeFacts& facts) {
  if (!rule.locations.empty() && !Contains(rule.locations, facts.location)) return false;
  if (!rule.employment_types.empty() && !Contains(rule.employment_types, facts.employment_type)) return false;
  if (!rule.grades.empty() && !Contains(rule.grades, facts.grade)) return false;
  if (!rule.org_subtrees.empty()) {
    const bool inside = std::any_of(rule.org_subtrees.begin(), rule.org_subtrees.end(),
                                    [&](OrgUnitId root) { return Contains(facts.unit_path, root); });
    if (!inside) return false;
  }
  if (facts.fte < rule.min_fte) return false;
  if (rule.max_fte.has_value() && facts.fte > *rule.max_fte) return false;
  if (rule.min_tenure_months > 0) {
    if (!IsRealDate(facts.as_of)) return false;
    if (TenureMilestone(facts.seniority_start, rule.min_tenure_months) > facts.as_of) return false;
  }
  return true;
}

}  // namespace hrkit
