// Leave policies: how much leave of one type an employee earns and what
// happens to it over time. A policy is an entity with effective-dated
// versions (Timeline<LeavePolicyVersion>); each version holds every accrual
// rule: the yearly amount and its tenure tiers, the accrual frequency, period
// anchors and credit timing, pro-rating, rounding, FTE scaling, a balance
// cap, a yearly allocation maximum, carry-over with a maximum and an expiry,
// a negative-balance limit, when accrual starts, and who the version applies
// to (an EligibilityRule). The accrual engine (leave/accrual.hpp) applies
// them.
//
// The accrual year. Every version counts its accrual (credit) year from
// `period_start_day` of `accrual_year_month` (the 1st of `carry_over_month`
// by default): periods are laid out from that day (months, quarters and
// half-years are blocks of months starting there), the yearly ceiling of
// rounded credits and the allocation maximum apply per accrual year. The
// carry-over always happens on the 1st of `carry_over_month`.
//
// "No limit" is an empty std::optional (balance_cap, carry_over_max,
// negative_limit, max_allocation_per_year).
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_LEAVE_LEAVE_POLICY_HPP_
#define HRKIT_LEAVE_LEAVE_POLICY_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/leave/ids.hpp"

namespace hrkit {

// How often accrual credits are made. Over a full accrual year the number of
// credits is: daily 365 (366 in a leap year), weekly 52, twice-monthly 24,
// monthly 12, quarterly 4, half-yearly 2, yearly 1.
//
// Weekly rule without `accrual_weekday`: weeks are 7-day blocks counted from
// the accrual year's first day; the 1 or 2 days left at the end of the year
// (365 = 52 x 7 + 1) belong to the 52nd week, which therefore lasts 8 or 9
// days. So a full year always has 52 weekly credits of amount_per_year / 52
// (never 53). With `accrual_weekday`, see LeavePolicyVersion::accrual_weekday.
// Twice-monthly: the 1st to the 15th and the 16th to the month's end.
enum class AccrualFrequency {
  kDaily = 0,
  kWeekly = 1,
  kTwiceMonthly = 2,
  kMonthly = 3,
  kQuarterly = 4,
  kHalfYearly = 5,
  kYearly = 6,
};

// The names of AccrualFrequency values (core/enum_names.hpp).
inline constexpr EnumName<AccrualFrequency> kAccrualFrequencyNames[] = {
    {AccrualFrequency::kDaily, "daily"},
    {AccrualFrequency::kWeekly, "weekly"},
    {AccrualFrequency::kTwiceMonthly, "twice_monthly"},
    {AccrualFrequency::kMonthly, "monthly"},
    {AccrualFrequency::kQuarterly, "quarterly"},
    {AccrualFrequency::kHalfYearly, "half_yearly"},
    {AccrualFrequency::kYearly, "yearly"}};
constexpr std::span<const EnumName<AccrualFrequency>> EnumNamesOf(AccrualFrequency) { return kAccrualFrequencyNames; }

// On which day of its period a credit is made.
enum class CreditTiming {
  // The period's first day, or the first day the employee accrues in it
  // (hire, policy start, end of probation).
  kStart = 0,
  // The period's last day: nothing is credited before it. When employment or
  // the policy ends within the period, its last day of accrual.
  kEnd = 1,
  // The employee's joining-day anniversary within the period: the day that
  // is a whole number of months after `employment_start` (clamped to month
  // ends), kept within the days the employee accrues in the period. Only for
  // monthly, quarterly, half-yearly and yearly frequencies.
  kAnniversary = 2,
};

// The names of CreditTiming values (core/enum_names.hpp).
inline constexpr EnumName<CreditTiming> kCreditTimingNames[] = {
    {CreditTiming::kStart, "start"}, {CreditTiming::kEnd, "end"}, {CreditTiming::kAnniversary, "anniversary"}};
constexpr std::span<const EnumName<CreditTiming>> EnumNamesOf(CreditTiming) { return kCreditTimingNames; }

// Rounding of each credit, to the nearest multiple (halves round up).
enum class AccrualRounding {
  kNone = 0,
  kQuarter = 1,  // 0.25
  kHalf = 2,     // 0.5
  kWhole = 3,    // 1
};

// The names of AccrualRounding values (core/enum_names.hpp).
inline constexpr EnumName<AccrualRounding> kAccrualRoundingNames[] = {{AccrualRounding::kNone, "none"},
                                                                      {AccrualRounding::kQuarter, "quarter"},
                                                                      {AccrualRounding::kHalf, "half"},
                                                                      {AccrualRounding::kWhole, "whole"}};
constexpr std::span<const EnumName<AccrualRounding>> EnumNamesOf(AccrualRounding) { return kAccrualRoundingNames; }

// When an employee starts to accrue in an employment period.
enum class AccrualStart {
  kHire = 0,            // from `employment_start`
  kAfterProbation = 1,  // from employment_start + probation_months (clamped)
};

// The names of AccrualStart values (core/enum_names.hpp).
inline constexpr EnumName<AccrualStart> kAccrualStartNames[] = {{AccrualStart::kHire, "hire"},
                                                                {AccrualStart::kAfterProbation, "after_probation"}};
constexpr std::span<const EnumName<AccrualStart>> EnumNamesOf(AccrualStart) { return kAccrualStartNames; }

// The unit of `carry_over_expiry`.
enum class ExpiryUnit {
  kMonths = 0,
  kDays = 1,
};

// The names of ExpiryUnit values (core/enum_names.hpp).
inline constexpr EnumName<ExpiryUnit> kExpiryUnitNames[] = {{ExpiryUnit::kMonths, "months"},
                                                            {ExpiryUnit::kDays, "days"}};
constexpr std::span<const EnumName<ExpiryUnit>> EnumNamesOf(ExpiryUnit) { return kExpiryUnitNames; }

// A day of the week, numbered as boost::gregorian's day_of_week().
enum class AccrualWeekday {
  kSunday = 0,
  kMonday = 1,
  kTuesday = 2,
  kWednesday = 3,
  kThursday = 4,
  kFriday = 5,
  kSaturday = 6,
};

// The names of AccrualWeekday values (core/enum_names.hpp).
inline constexpr EnumName<AccrualWeekday> kAccrualWeekdayNames[] = {
    {AccrualWeekday::kSunday, "sunday"},     {AccrualWeekday::kMonday, "monday"},
    {AccrualWeekday::kTuesday, "tuesday"},   {AccrualWeekday::kWednesday, "wednesday"},
    {AccrualWeekday::kThursday, "thursday"}, {AccrualWeekday::kFriday, "friday"},
    {AccrualWeekday::kSaturday, "saturday"}};
constexpr std::span<const EnumName<AccrualWeekday>> EnumNamesOf(AccrualWeekday) { return kAccrualWeekdayNames; }

// A tenure tier of one policy version: from the first full period that starts
// on or after seniority_start + after_months (clamped), the version accrues
// `amount_per_year` instead of its own. Among the tiers reached, the one with
// the largest after_months applies.
struct LeaveTier {
  std::int32_t after_months = 0;  // 1..1200 months of service
  double amount_per_year = 0.0;   // >= 0

  friend bool operator==(const LeaveTier&, const LeaveTier&) = default;
};

// Field description of LeaveTier (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, LeaveTier>
void Describe(V& v, Self& t) {
  v.Field("after_months", t.after_months, Sensitivity::kDirectory);
  v.Field("amount_per_year", t.amount_per_year, Sensitivity::kDirectory);
}

// One version of a policy's rules, in force from its Timeline entry's date.
// Amounts are in the leave type's unit (days or hours).
struct LeavePolicyVersion {
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
  // The most the balance may reach by accrual (>= 0); empty = no cap. A
  // credit that would exceed it is reduced; accrual resumes once leave lowers
  // the balance.
  std::optional<double> balance_cap;
  // The carry-over month: on its 1st the unused balance carries up to
  // `carry_over_max` and the rest lapses. Also the accrual year's month when
  // `accrual_year_month` is empty.
  std::int32_t carry_over_month = 1;
  // The most that carries over (>= 0); empty = no limit.
  std::optional<double> carry_over_max;
  // Carried days expire this long after the carry-over date; 0 = never.
  // Months: 0..12; days: 0..366.
  std::int32_t carry_over_expiry = 0;
  ExpiryUnit carry_over_expiry_unit = ExpiryUnit::kMonths;
  // How far below zero a request may take the balance (>= 0); empty = no
  // limit.
  std::optional<double> negative_limit = 0.0;
  AccrualStart accrual_start = AccrualStart::kHire;
  // For kAfterProbation: 1..120 months; must be 0 for kHire.
  std::int32_t probation_months = 0;
  // The tenure tiers (any order; after_months unique). None: everyone
  // accrues `amount_per_year`.
  std::vector<LeaveTier> tiers;
  // Who the version applies to (eligibility/rule.hpp); the empty rule
  // selects everyone.
  EligibilityRule eligibility;
  // The most one accrual year may allocate in total (>= 0), whatever the
  // frequency; empty = no maximum. Credits stop once the year's total reaches
  // it (the credit that reaches it is reduced). Counted per policy and
  // accrual year, on the credits after rounding and before the balance cap.
  // Distinct from balance_cap, which limits the balance at any moment.
  std::optional<double> max_allocation_per_year;
  // The month (1..12) the accrual (credit) year starts in; empty = the
  // carry-over month. Example: accrual years from April, carry-over on
  // January 1: accrual_year_month = 4, carry_over_month = 1.
  std::optional<std::int32_t> accrual_year_month;
  // Weekly frequency only: credit weeks run from this weekday. Empty: weeks
  // are 7-day blocks from the accrual year's first day (AccrualFrequency).
  // With a weekday, the first week of an accrual year starts on the year's
  // first such weekday; the 0..6 days of the year before it belong to the
  // previous year's 52nd (last) week, which runs up to the day before the
  // next year's first week and so lasts 7 or 14 days. A full accrual year
  // therefore still has exactly 52 weekly credits of amount_per_year / 52.
  std::optional<AccrualWeekday> accrual_weekday;
  // The day of the month (1..28) month-based periods (monthly, quarterly,
  // half-yearly, yearly) start on: 13 gives monthly periods from the 13th to
  // the 12th, and an accrual year from the 13th of its month. Pro-rating
  // counts days within those periods. Must be 1 for daily, weekly and
  // twice-monthly frequencies and with anniversary timing.
  std::int32_t period_start_day = 1;

  friend bool operator==(const LeavePolicyVersion&, const LeavePolicyVersion&) = default;
};

// Field description of LeavePolicyVersion (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, LeavePolicyVersion>
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
  v.List("tiers", r.tiers, Sensitivity::kDirectory, Since{2});
  DescribeEligibility(v, r.eligibility, Since{2});
  v.Field("max_allocation_per_year", r.max_allocation_per_year, Sensitivity::kDirectory, Since{2});
  v.Field("accrual_year_month", r.accrual_year_month, Sensitivity::kDirectory, Since{2});
  v.Field("accrual_weekday", r.accrual_weekday, Sensitivity::kDirectory, Since{2});
  v.Field("period_start_day", r.period_start_day, Sensitivity::kDirectory, Since{2});
}

// A leave policy for one leave type.
//
// Example: 24 days a year credited monthly, 26 after five years of service,
// for staff in location 1:
//   LeavePolicy p{LeavePolicyId(1), "Standard", LeaveTypeId(1), {}, 0};
//   LeavePolicyVersion v;
//   v.amount_per_year = 24;
//   v.tiers.push_back(LeaveTier{60, 26});
//   v.eligibility.locations = {LocationId(1)};
//   (void)p.versions.Add(Date(2024, 1, 1), v, Date(2024, 1, 1));
struct LeavePolicy {
  static constexpr std::string_view kEntityName = "leave_policy";

  LeavePolicyId id;                       // the policy's id
  std::string name;                       // e.g. "Annual leave Berlin"
  LeaveTypeId leave_type;                 // the leave type it accrues
  Timeline<LeavePolicyVersion> versions;  // the rules, effective-dated
  // Among the policies of one leave type whose rule selects an employee, the
  // highest priority wins (ties: the lowest policy id).
  std::int32_t priority = 0;

  friend bool operator==(const LeavePolicy&, const LeavePolicy&) = default;
};

// Field description of LeavePolicy (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, LeavePolicy>
void Describe(V& v, Self& p) {
  v.Field("id", p.id, Sensitivity::kDirectory);
  v.Field("name", p.name, Sensitivity::kDirectory);
  v.Field("leave_type", p.leave_type, Sensitivity::kDirectory);
  v.History("versions", p.versions, Sensitivity::kDirectory);
  v.Field("priority", p.priority, Sensitivity::kDirectory, Since{2});
}

// Checks a policy and every current version. Returns
// InvalidArgument naming the policy, the version (by effective date) and the
// field, e.g. "leave_policy:4 version 2024-01-01: carry_over_month must be
// 1..12, got 13". Rejected: an invalid id or leave type, an empty name, no
// versions; in a version: a negative or non-finite amount, cap, maximum or
// limit, an enum value out of range, carry_over_month or accrual_year_month
// outside 1..12, an expiry outside its unit's range, anniversary timing with
// a daily, weekly or twice-monthly frequency, probation_months outside 1..120
// with kAfterProbation or not 0 with kHire, an accrual_weekday with a
// frequency other than weekly, period_start_day outside 1..28 or other than 1
// with a daily, weekly or twice-monthly frequency or anniversary timing, an
// eligibility rule failing ValidateEligibilityRule; in a tier: after_months
// outside 1..1200, a negative amount, or two tiers of one version with the
// same after_months.
absl::Status ValidateLeavePolicy(const LeavePolicy& policy);

// The domain validator the store runs on every write (found by ADL): the
// same as ValidateLeavePolicy.
inline absl::Status ValidateStoredEntity(const LeavePolicy& policy) { return ValidateLeavePolicy(policy); }

// The version in force on `date`, or nullptr before the first version.
inline const LeavePolicyVersion* VersionAt(const LeavePolicy& policy, Date date) { return policy.versions.At(date); }

// The effective date of the version in force on `date`, or not_a_date_time
// before the first version.
Date VersionFromAt(const LeavePolicy& policy, Date date);

// The tiers of `version` ordered by after_months.
std::vector<LeaveTier> SortedTiers(const LeavePolicyVersion& version);

// The month (1..12) the accrual year of `version` starts in:
// accrual_year_month, else carry_over_month.
inline std::int32_t AccrualYearMonth(const LeavePolicyVersion& version) {
  return version.accrual_year_month.value_or(version.carry_over_month);
}

}  // namespace hrkit

#endif  // HRKIT_LEAVE_LEAVE_POLICY_HPP_
