#include "hrkit/relations/conflict_case_book.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "record_status.hpp"

namespace hrkit {

using relations_internal::InvalidField;
using relations_internal::RecordError;

absl::Status ConflictCaseBook::Open(ConflictCase conflict_case) {
  HRKIT_RETURN_IF_ERROR(ValidateConflictCase(conflict_case));
  if (conflict_case.status != CaseStatus::kOpen || !conflict_case.transitions.empty()) {
    return InvalidField(conflict_case.id, "status", "a case is opened with status open and no transitions");
  }
  if (index_.contains(conflict_case.id)) {
    return RecordError(absl::StatusCode::kAlreadyExists, conflict_case.id, "id", "is taken");
  }
  index_.emplace(conflict_case.id, cases_.size());
  cases_.push_back(std::move(conflict_case));
  return absl::OkStatus();
}

absl::Status ConflictCaseBook::AddNote(ConflictCaseId id, CaseNote note) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, note.author));
  ConflictCase edited = cases_[index];
  edited.notes.push_back(std::move(note));
  return Replace(index, std::move(edited));
}

absl::Status ConflictCaseBook::AddHandler(ConflictCaseId id, EmployeeId handler, EmployeeId by) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, by));
  ConflictCase edited = cases_[index];
  if (IsHandler(edited, handler)) {
    return RecordError(absl::StatusCode::kAlreadyExists, id, "handlers",
                       absl::StrCat(ToString(handler), " is a handler already"));
  }
  edited.handlers.push_back(handler);
  return Replace(index, std::move(edited));
}

absl::Status ConflictCaseBook::RemoveHandler(ConflictCaseId id, EmployeeId handler, EmployeeId by) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, by));
  const ConflictCase& c = cases_[index];
  if (!IsHandler(c, handler)) {
    return RecordError(absl::StatusCode::kNotFound, id, "handlers",
                       absl::StrCat(ToString(handler), " is not a handler of the case"));
  }
  if (c.handlers.size() == 1) {
    return RecordError(absl::StatusCode::kFailedPrecondition, id, "handlers",
                       absl::StrCat(ToString(handler), " is the only handler; a case keeps at least one"));
  }
  for (std::size_t k = 0; k < c.notes.size(); ++k) {
    if (c.notes[k].author == handler) {
      return RecordError(absl::StatusCode::kFailedPrecondition, id, absl::StrCat("notes[", k, "]"),
                         absl::StrCat("written by ", ToString(handler), ", who stays a handler of the case"));
    }
  }
  for (std::size_t k = 0; k < c.transitions.size(); ++k) {
    if (c.transitions[k].by == handler) {
      return RecordError(absl::StatusCode::kFailedPrecondition, id, absl::StrCat("transitions[", k, "]"),
                         absl::StrCat("made by ", ToString(handler), ", who stays a handler of the case"));
    }
  }
  ConflictCase edited = c;
  edited.handlers.erase(std::find(edited.handlers.begin(), edited.handlers.end(), handler));
  return Replace(index, std::move(edited));
}

absl::Status ConflictCaseBook::Transition(ConflictCaseId id, CaseStatus to, Date on, EmployeeId by) {
  const auto it = index_.find(id);
  if (it == index_.end()) return RecordError(absl::StatusCode::kNotFound, id, "id", "no such case");
  ConflictCase edited = cases_[it->second];
  if (!IsHandler(edited, by)) {
    return RecordError(absl::StatusCode::kPermissionDenied, id, "transitions",
                       absl::StrCat(ToString(by), " is not a handler of the case"));
  }
  if (!IsAllowedTransition(edited.status, to)) {
    return RecordError(absl::StatusCode::kFailedPrecondition, id, "status",
                       absl::StrCat("a case does not go from ", ToAbsl(EnumToName(edited.status)), " to ",
                                    ToAbsl(IsNamedValue(to) ? EnumToName(to) : std::string_view("an unknown status"))));
  }
  edited.transitions.push_back({.on = on, .from = edited.status, .to = to, .by = by});
  edited.status = to;
  return Replace(it->second, std::move(edited));
}

absl::StatusOr<ConflictCase> ConflictCaseBook::Find(ConflictCaseId id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return RecordError(absl::StatusCode::kNotFound, id, "id", "no such case");
  return cases_[it->second];
}

absl::StatusOr<std::size_t> ConflictCaseBook::EditableIndex(ConflictCaseId id, EmployeeId by) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return RecordError(absl::StatusCode::kNotFound, id, "id", "no such case");
  const ConflictCase& c = cases_[it->second];
  if (c.status == CaseStatus::kClosed) {
    return RecordError(absl::StatusCode::kFailedPrecondition, id, "status", "the case is closed");
  }
  if (!IsHandler(c, by)) {
    return RecordError(absl::StatusCode::kPermissionDenied, id, "handlers",
                       absl::StrCat(ToString(by), " is not a handler of the case"));
  }
  return it->second;
}

absl::Status ConflictCaseBook::Replace(std::size_t index, ConflictCase edited) {
  HRKIT_RETURN_IF_ERROR(ValidateConflictCase(edited));
  cases_[index] = std::move(edited);
  return absl::OkStatus();
}

}  // namespace hrkit
