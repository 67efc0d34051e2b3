#include "hrkit/leave/leave_policy.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Bad(const std::string& owner, std::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(owner, ": ", ToAbsl(message)));
}

template <class E>
absl::Status CheckEnum(const std::string& owner, std::string_view field, E value, E last) {
  const int raw = static_cast<int>(value);
  if (raw < 0 || raw > static_cast<int>(last)) {
    return Bad(owner, absl::StrCat(ToAbsl(field), " is not a valid value: ", raw));
  }
  return absl::OkStatus();
}

// Checks a non-negative finite amount.
absl::Status CheckAmount(const std::string& owner, std::string_view field, double value) {
  if (!std::isfinite(value) || value < 0) {
    return Bad(owner, absl::StrCat(ToAbsl(field), " must be a finite amount >= 0, got ", value));
  }
  return absl::OkStatus();
}

// Checks a limit: empty (no limit) or a non-negative finite amount.
absl::Status CheckLimit(const std::string& owner, std::string_view field, const std::optional<double>& value) {
  if (!value.has_value() || (std::isfinite(*value) && *value >= 0)) return absl::OkStatus();
  return Bad(owner, absl::StrCat(ToAbsl(field), " must be a finite amount >= 0 or empty (no limit), got ", *value));
}

bool MonthBased(AccrualFrequency f) {
  return f == AccrualFrequency::kMonthly || f == AccrualFrequency::kQuarterly || f == AccrualFrequency::kHalfYearly ||
         f == AccrualFrequency::kYearly;
}

absl::Status ValidateTiers(const std::string& owner, const LeavePolicyVersion& v) {
  for (std::size_t i = 0; i < v.tiers.size(); ++i) {
    const LeaveTier& t = v.tiers[i];
    const std::string tier_owner = absl::StrCat(owner, " tier ", i);
    if (t.after_months < 1 || t.after_months > 1200) {
      return Bad(tier_owner, absl::StrCat("after_months must be 1..1200, got ", t.after_months));
    }
    HRKIT_RETURN_IF_ERROR(CheckAmount(tier_owner, "amount_per_year", t.amount_per_year));
    for (std::size_t j = 0; j < i; ++j) {
      if (v.tiers[j].after_months == t.after_months) {
        return Bad(tier_owner, absl::StrCat("after_months ", t.after_months, " repeats tier ", j));
      }
    }
  }
  return absl::OkStatus();
}

// The period anchors and the allocation maximum.
absl::Status ValidateAnchors(const std::string& owner, const LeavePolicyVersion& v) {
  HRKIT_RETURN_IF_ERROR(CheckLimit(owner, "max_allocation_per_year", v.max_allocation_per_year));
  if (v.accrual_year_month.has_value() && (*v.accrual_year_month < 1 || *v.accrual_year_month > 12)) {
    return Bad(owner, absl::StrCat("accrual_year_month must be 1..12 or empty, got ", *v.accrual_year_month));
  }
  if (v.accrual_weekday.has_value()) {
    HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "accrual_weekday", *v.accrual_weekday, AccrualWeekday::kSaturday));
    if (v.frequency != AccrualFrequency::kWeekly) {
      return Bad(owner, "accrual_weekday: a credit weekday needs the weekly frequency");
    }
  }
  if (v.period_start_day < 1 || v.period_start_day > 28) {
    return Bad(owner, absl::StrCat("period_start_day must be 1..28, got ", v.period_start_day));
  }
  if (v.period_start_day != 1 && !MonthBased(v.frequency)) {
    return Bad(owner, absl::StrCat("period_start_day must be 1 with a daily, weekly or twice-monthly frequency, got ",
                                   v.period_start_day));
  }
  if (v.period_start_day != 1 && v.timing == CreditTiming::kAnniversary) {
    return Bad(owner, absl::StrCat("period_start_day must be 1 with anniversary timing, got ", v.period_start_day));
  }
  return absl::OkStatus();
}

absl::Status ValidateVersion(const std::string& owner, const LeavePolicyVersion& v) {
  HRKIT_RETURN_IF_ERROR(CheckAmount(owner, "amount_per_year", v.amount_per_year));
  HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "frequency", v.frequency, AccrualFrequency::kYearly));
  HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "timing", v.timing, CreditTiming::kAnniversary));
  HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "rounding", v.rounding, AccrualRounding::kWhole));
  HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "carry_over_expiry_unit", v.carry_over_expiry_unit, ExpiryUnit::kDays));
  HRKIT_RETURN_IF_ERROR(CheckEnum(owner, "accrual_start", v.accrual_start, AccrualStart::kAfterProbation));
  HRKIT_RETURN_IF_ERROR(CheckLimit(owner, "balance_cap", v.balance_cap));
  HRKIT_RETURN_IF_ERROR(CheckLimit(owner, "carry_over_max", v.carry_over_max));
  HRKIT_RETURN_IF_ERROR(CheckLimit(owner, "negative_limit", v.negative_limit));
  if (v.carry_over_month < 1 || v.carry_over_month > 12) {
    return Bad(owner, absl::StrCat("carry_over_month must be 1..12, got ", v.carry_over_month));
  }
  const int max_expiry = v.carry_over_expiry_unit == ExpiryUnit::kMonths ? 12 : 366;
  if (v.carry_over_expiry < 0 || v.carry_over_expiry > max_expiry) {
    return Bad(owner, absl::StrCat("carry_over_expiry must be 0..", max_expiry,
                                   v.carry_over_expiry_unit == ExpiryUnit::kMonths ? " months" : " days", ", got ",
                                   v.carry_over_expiry));
  }
  if (v.timing == CreditTiming::kAnniversary &&
      (v.frequency == AccrualFrequency::kDaily || v.frequency == AccrualFrequency::kWeekly ||
       v.frequency == AccrualFrequency::kTwiceMonthly)) {
    return Bad(owner, "timing: anniversary credits need a monthly, quarterly, half-yearly or yearly frequency");
  }
  if (v.accrual_start == AccrualStart::kAfterProbation && (v.probation_months < 1 || v.probation_months > 120)) {
    return Bad(owner, absl::StrCat("probation_months must be 1..120 after probation, got ", v.probation_months));
  }
  if (v.accrual_start == AccrualStart::kHire && v.probation_months != 0) {
    return Bad(owner, absl::StrCat("probation_months must be 0 when accrual starts at hire, got ", v.probation_months));
  }
  HRKIT_RETURN_IF_ERROR(ValidateTiers(owner, v));
  HRKIT_RETURN_IF_ERROR(ValidateAnchors(owner, v));
  const absl::Status rule = ValidateEligibilityRule(v.eligibility, owner);
  if (!rule.ok()) return absl::InvalidArgumentError(rule.message());
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateLeavePolicy(const LeavePolicy& policy) {
  const std::string owner = ToString(policy.id);
  if (!policy.id.valid()) return Bad(owner, "id must be positive");
  if (policy.name.empty()) return Bad(owner, "name must not be empty");
  if (!policy.leave_type.valid()) return Bad(owner, "leave_type must be a valid leave type id");
  if (policy.versions.empty()) return Bad(owner, "versions: a policy needs at least one version");
  for (const auto& entry : policy.versions.Entries()) {
    HRKIT_RETURN_IF_ERROR(
        ValidateVersion(absl::StrCat(owner, " version ", FormatIsoDate(entry.effective)), entry.value));
  }
  return absl::OkStatus();
}

Date VersionFromAt(const LeavePolicy& policy, Date date) {
  const auto entries = policy.versions.Entries();
  if (!IsRealDate(date)) return Date();
  auto pos =
      std::upper_bound(entries.begin(), entries.end(), date, [](Date d, const auto& e) { return d < e.effective; });
  if (pos == entries.begin()) return Date();
  return std::prev(pos)->effective;
}

std::vector<LeaveTier> SortedTiers(const LeavePolicyVersion& version) {
  std::vector<LeaveTier> tiers = version.tiers;
  std::sort(tiers.begin(), tiers.end(),
            [](const LeaveTier& a, const LeaveTier& b) { return a.after_months < b.after_months; });
  return tiers;
}

}  // namespace hrkit
