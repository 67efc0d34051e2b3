// The audience of a rule on one date (see audience.hpp).
#include "hrkit/eligibility/audience.hpp"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

absl::StatusOr<std::vector<EmployeeId>> AudienceOn(const EligibilityRule& rule, std::span<const Employee> employees,
                                                   const OrgLookup& lookup, Date date, std::string_view owner) {
  if (!IsRealDate(date)) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(owner), ": audience date must be a real date, got ", FormatIsoDate(date)));
  }
  HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(rule, owner));
  std::vector<EmployeeId> selected;
  EmployeeFacts facts;
  for (const Employee& employee : employees) {
    const EmploymentRecord* record = employee.employment.At(date);
    if (record == nullptr || !IsEmployed(*record)) continue;
    HRKIT_RETURN_IF_ERROR(FillFacts(employee.id, *record, lookup, date, &facts));
    if (Matches(rule, facts)) selected.push_back(employee.id);
  }
  std::sort(selected.begin(), selected.end());
  return selected;
}

}  // namespace hrkit
