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
         std::isinf(max_fte) && max_fte > 0 && min_tenure_months <= 0;
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
  if (std::isnan(rule.max_fte) || rule.max_fte < 0.0) {
    return RuleError(owner, "max_fte", absl::StrCat("must be >= 0, got ", rule.max_fte));
  }
  if (rule.max_fte < rule.min_fte) {
    return RuleError(owner, "max_fte", absl::StrCat(rule.max_fte, " is below min_fte ", rule.min_fte));
  }
  if (rule.min_tenure_months < 0 || rule.min_tenure_months > kMaxTenureMonths) {
    return RuleError(owner, "min_tenure_months",
                     absl::StrCat("must be in 0..", kMaxTenureMonths, ", got ", rule.min_tenure_months));
  }
  return absl::OkStatus();
}

std::vector<EligibilityCriterion> ToCriteria(const EligibilityRule& rule, Date version_from) {
  std::vector<EligibilityCriterion> out;
  auto add = [&](CriterionKind kind) -> EligibilityCriterion& {
    EligibilityCriterion& c = out.emplace_back();
    c.version_from = version_from;
    c.kind = kind;
    return c;
  };
  for (LocationId id : rule.locations) add(CriterionKind::kLocation).id_value = id.value();
  for (EmploymentType t : rule.employment_types) {
    add(CriterionKind::kEmploymentType).id_value = static_cast<std::int64_t>(t);
  }
  for (const std::string& g : rule.grades) add(CriterionKind::kGrade).text = g;
  for (OrgUnitId id : rule.org_subtrees) add(CriterionKind::kOrgSubtree).id_value = id.value();
  if (rule.min_fte > 0.0) add(CriterionKind::kMinFte).number = rule.min_fte;
  if (!std::isinf(rule.max_fte)) add(CriterionKind::kMaxFte).number = rule.max_fte;
  if (rule.min_tenure_months > 0) add(CriterionKind::kMinTenureMonths).id_value = rule.min_tenure_months;
  return out;
}

absl::Status ReplaceCriteria(const EligibilityRule& rule, Date version_from,
                             std::vector<EligibilityCriterion>* criteria) {
  if (!IsRealDate(version_from)) {
    return absl::InvalidArgumentError(
        absl::StrCat("eligibility criteria: version_from must be a real date, got ", FormatIsoDate(version_from)));
  }
  HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(rule, absl::StrCat("the version from ", FormatIsoDate(version_from))));
  std::vector<EligibilityCriterion> added = ToCriteria(rule, version_from);
  std::erase_if(*criteria, [&](const EligibilityCriterion& c) { return c.version_from == version_from; });
  criteria->insert(criteria->end(), added.begin(), added.end());
  return absl::OkStatus();
}

absl::StatusOr<EligibilityRule> RuleFromCriteria(std::span<const EligibilityCriterion> criteria, Date version_from) {
  EligibilityRule rule;
  bool has_min_fte = false;
  bool has_max_fte = false;
  bool has_tenure = false;
  const std::string owner = absl::StrCat("the version from ", FormatIsoDate(version_from));
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const EligibilityCriterion& c = criteria[i];
    if (c.version_from != version_from) continue;
    auto bad = [&](std::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat("eligibility criterion #", i, " of ", owner, " (kind ",
                                                     static_cast<int>(c.kind), "): ", ToAbsl(what)));
    };
    switch (c.kind) {
      case CriterionKind::kLocation:
        rule.locations.push_back(LocationId(c.id_value));
        break;
      case CriterionKind::kEmploymentType:
        if (c.id_value < 0 || c.id_value > kLastEmploymentType) {
          return bad(absl::StrCat("id_value ", c.id_value, " is not an employment type"));
        }
        rule.employment_types.push_back(static_cast<EmploymentType>(c.id_value));
        break;
      case CriterionKind::kGrade:
        rule.grades.push_back(c.text);
        break;
      case CriterionKind::kOrgSubtree:
        rule.org_subtrees.push_back(OrgUnitId(c.id_value));
        break;
      case CriterionKind::kMinFte:
        if (has_min_fte) return bad("repeats the minimum FTE");
        has_min_fte = true;
        rule.min_fte = c.number;
        break;
      case CriterionKind::kMaxFte:
        if (has_max_fte) return bad("repeats the maximum FTE");
        has_max_fte = true;
        rule.max_fte = c.number;
        break;
      case CriterionKind::kMinTenureMonths:
        if (has_tenure) return bad("repeats the minimum tenure");
        if (c.id_value < 0 || c.id_value > kMaxTenureMonths) {
          return bad(absl::StrCat("id_value ", c.id_value, " is outside 0..", kMaxTenureMonths, " months"));
        }
        has_tenure = true;
        rule.min_tenure_months = static_cast<std::int32_t>(c.id_value);
        break;
      default:
        return bad("unknown criterion kind");
    }
  }
  HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(rule, owner));
  return rule;
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
  if (facts.fte < rule.min_fte || facts.fte > rule.max_fte) return false;
  if (rule.min_tenure_months > 0) {
    if (!IsRealDate(facts.as_of)) return false;
    if (TenureMilestone(facts.seniority_start, rule.min_tenure_months) > facts.as_of) return false;
  }
  return true;
}

}  // namespace hrkit
