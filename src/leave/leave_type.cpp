#include "hrkit/leave/leave_type.hpp"

#include <string>

#include "absl/strings/str_cat.h"

namespace hrkit {

absl::Status ValidateLeaveType(const LeaveType& type) {
  const std::string owner = ToString(type.id);
  if (!type.id.valid()) return absl::InvalidArgumentError(absl::StrCat(owner, ": id must be positive"));
  if (type.name.empty()) return absl::InvalidArgumentError(absl::StrCat(owner, ": name must not be empty"));
  const int unit = static_cast<int>(type.unit);
  if (unit < 0 || unit > static_cast<int>(LeaveUnit::kHours)) {
    return absl::InvalidArgumentError(absl::StrCat(owner, ": unit is not a valid value: ", unit));
  }
  return absl::OkStatus();
}

}  // namespace hrkit
