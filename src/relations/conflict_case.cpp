#include "hrkit/relations/conflict_case.hpp"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "record_status.hpp"

namespace hrkit {
namespace {

using relations_internal::CheckDistinctIds;
using relations_internal::InvalidField;

std::string Name(CaseStatus s) {
  const std::string_view name = EnumToName(s);
  return name.empty() ? absl::StrCat("status ", static_cast<int>(s)) : std::string(name);
}

absl::Status CheckPeople(const ConflictCase& c) {
  const std::size_t needed = c.against_organization ? 1 : 2;
  if (c.parties.size() < needed) {
    return InvalidField(c.id, "parties",
                        c.against_organization ? "a case against the organization needs at least one employee party"
                                               : "a case needs at least two parties (or one against the organization)");
  }
  HRKIT_RETURN_IF_ERROR(CheckDistinctIds(c.id, "parties", c.parties));
  if (c.handlers.empty()) return InvalidField(c.id, "handlers", "a case needs at least one handler");
  HRKIT_RETURN_IF_ERROR(CheckDistinctIds(c.id, "handlers", c.handlers));
  for (std::size_t k = 0; k < c.handlers.size(); ++k) {
    if (std::find(c.parties.begin(), c.parties.end(), c.handlers[k]) != c.parties.end()) {
      return InvalidField(c.id, absl::StrCat("handlers[", k, "]"),
                          absl::StrCat(ToString(c.handlers[k]), " is a party and may not handle the case"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckNotes(const ConflictCase& c) {
  for (std::size_t k = 0; k < c.notes.size(); ++k) {
    const CaseNote& n = c.notes[k];
    const std::string field = absl::StrCat("notes[", k, "]");
    if (!IsRealDate(n.written_on)) return InvalidField(c.id, field, "written_on must be a real date");
    if (n.written_on < c.opened_on) {
      return InvalidField(c.id, field,
                          absl::StrCat("written on ", FormatIsoDate(n.written_on), ", before the case was opened on ",
                                       FormatIsoDate(c.opened_on)));
    }
    if (!IsHandler(c, n.author)) {
      return InvalidField(c.id, field, absl::StrCat("author ", ToString(n.author), " is not a handler of the case"));
    }
    if (n.text.empty()) return InvalidField(c.id, field, "text must not be empty");
  }
  return absl::OkStatus();
}

absl::Status CheckTrail(const ConflictCase& c) {
  CaseStatus status = CaseStatus::kOpen;
  Date last = c.opened_on;
  for (std::size_t k = 0; k < c.transitions.size(); ++k) {
    const CaseTransition& t = c.transitions[k];
    const std::string field = absl::StrCat("transitions[", k, "]");
    if (!IsRealDate(t.on)) return InvalidField(c.id, field, "on must be a real date");
    if (t.on < last) {
      return InvalidField(c.id, field,
                          absl::StrCat("dated ", FormatIsoDate(t.on), ", before ", FormatIsoDate(last),
                                       k == 0 ? " (the case was opened)" : " (the previous transition)"));
    }
    if (t.from != status) {
      return InvalidField(c.id, field, absl::StrCat("starts from ", Name(t.from), " but the case is ", Name(status)));
    }
    if (!IsAllowedTransition(t.from, t.to)) {
      return InvalidField(c.id, field, absl::StrCat("a case does not go from ", Name(t.from), " to ", Name(t.to)));
    }
    if (!IsHandler(c, t.by)) {
      return InvalidField(c.id, field, absl::StrCat(ToString(t.by), " is not a handler of the case"));
    }
    status = t.to;
    last = t.on;
  }
  if (c.status != status) {
    return InvalidField(c.id, "status",
                        absl::StrCat("is ", Name(c.status), " but the transitions end in ", Name(status)));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsAllowedTransition(CaseStatus from, CaseStatus to) {
  switch (from) {
    case CaseStatus::kOpen:
      return to == CaseStatus::kMediation || to == CaseStatus::kClosed;
    case CaseStatus::kMediation:
      return to == CaseStatus::kResolved || to == CaseStatus::kClosed;
    case CaseStatus::kResolved:
      return to == CaseStatus::kClosed;
    case CaseStatus::kClosed:
      return false;
  }
  return false;
}

bool IsHandler(const ConflictCase& c, EmployeeId person) {
  return person.valid() && std::find(c.handlers.begin(), c.handlers.end(), person) != c.handlers.end();
}

absl::Status ValidateConflictCase(const ConflictCase& c) {
  if (!c.id.valid()) return InvalidField(c.id, "id", "must be a positive id");
  HRKIT_RETURN_IF_ERROR(CheckPeople(c));
  if (!IsRealDate(c.opened_on)) return InvalidField(c.id, "opened_on", "must be a real date");
  if (!IsNamedValue(c.category)) {
    return InvalidField(c.id, "category", absl::StrCat("unknown category ", static_cast<int>(c.category)));
  }
  HRKIT_RETURN_IF_ERROR(CheckNotes(c));
  return CheckTrail(c);
}

}  // namespace hrkit
