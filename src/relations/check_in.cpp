#include "hrkit/relations/check_in.hpp"

#include <string>

#include "absl/strings/str_cat.h"
#include "record_status.hpp"

namespace hrkit {

using relations_internal::InvalidField;
using relations_internal::RecordError;

absl::Status ValidateCheckIn(const CheckIn& c) {
  if (!c.id.valid()) return InvalidField(c.id, "id", "must be a positive id");
  if (!c.employee.valid()) return InvalidField(c.id, "employee", "must be a valid employee id");
  if (!c.manager.valid()) return InvalidField(c.id, "manager", "must be a valid employee id");
  if (c.employee == c.manager) {
    return InvalidField(c.id, "manager",
                        absl::StrCat("must differ from the employee, both are ", ToString(c.employee)));
  }
  if (!IsRealDate(c.held_on)) return InvalidField(c.id, "held_on", "must be a real date");
  for (std::size_t k = 0; k < c.agenda.size(); ++k) {
    if (c.agenda[k].empty()) return InvalidField(c.id, absl::StrCat("agenda[", k, "]"), "must not be empty");
  }
  if (c.mood.has_value() && (*c.mood < kMinMood || *c.mood > kMaxMood)) {
    return InvalidField(c.id, "mood", absl::StrCat("must be ", kMinMood, "..", kMaxMood, ", got ", *c.mood));
  }
  for (std::size_t k = 0; k < c.actions.size(); ++k) {
    const CheckInAction& a = c.actions[k];
    const std::string field = absl::StrCat("actions[", k, "]");
    if (a.text.empty()) return InvalidField(c.id, field, "text must not be empty");
    if (!IsInPair(c, a.owner)) {
      return InvalidField(c.id, field,
                          absl::StrCat("owner ", ToString(a.owner), " is not one of the pair ", ToString(c.employee),
                                       " and ", ToString(c.manager)));
    }
  }
  return absl::OkStatus();
}

bool IsInPair(const CheckIn& check_in, EmployeeId person) {
  return person.valid() && (person == check_in.employee || person == check_in.manager);
}

absl::StatusOr<CheckIn> ViewCheckIn(const CheckIn& check_in, EmployeeId viewer, CheckInNotes notes) {
  if (IsInPair(check_in, viewer)) return check_in;
  if (notes == CheckInNotes::kRequired) {
    return RecordError(absl::StatusCode::kPermissionDenied, check_in.id, "notes",
                       absl::StrCat("private to ", ToString(check_in.employee), " and ", ToString(check_in.manager),
                                    "; ", ToString(viewer), " is not one of them"));
  }
  CheckIn seen = check_in;
  seen.notes.clear();
  seen.mood.reset();
  return seen;
}

}  // namespace hrkit
