#include "hrkit/relations/check_in_book.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "record_status.hpp"

namespace hrkit {

using relations_internal::RecordError;

absl::Status CheckInBook::Record(CheckIn check_in) {
  HRKIT_RETURN_IF_ERROR(ValidateCheckIn(check_in));
  if (index_.contains(check_in.id)) {
    return RecordError(absl::StatusCode::kAlreadyExists, check_in.id, "id", "is taken");
  }
  const std::size_t position = check_ins_.size();
  // Links the new check-in in front of each side's chain; the pair are two
  // people (ValidateCheckIn), so the two heads are distinct entries.
  std::size_t& employee_latest = latest_of_.try_emplace(check_in.employee, kNoPosition).first->second;
  const std::size_t employee_previous = std::exchange(employee_latest, position);
  std::size_t& manager_latest = latest_of_.try_emplace(check_in.manager, kNoPosition).first->second;
  const std::size_t manager_previous = std::exchange(manager_latest, position);
  links_.push_back({.employee_previous = employee_previous, .manager_previous = manager_previous});
  index_.emplace(check_in.id, position);
  check_ins_.push_back(std::move(check_in));
  return absl::OkStatus();
}

absl::StatusOr<CheckIn> CheckInBook::Read(CheckInId id, EmployeeId viewer, CheckInNotes notes) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return RecordError(absl::StatusCode::kNotFound, id, "id", "no such check-in");
  return ViewCheckIn(check_ins_[it->second], viewer, notes);
}

std::vector<CheckIn> CheckInBook::CheckInsOf(EmployeeId person, EmployeeId viewer) const {
  std::vector<CheckIn> out;
  const auto latest = latest_of_.find(person);
  if (latest == latest_of_.end()) return out;
  // The person's chain, newest first: each step follows the link of the side
  // of the pair they are on.
  for (std::size_t at = latest->second; at != kNoPosition;) {
    const CheckIn& c = check_ins_[at];
    absl::StatusOr<CheckIn> seen = ViewCheckIn(c, viewer, CheckInNotes::kIfPermitted);
    if (seen.ok()) out.push_back(*std::move(seen));  // kIfPermitted never fails
    at = c.employee == person ? links_[at].employee_previous : links_[at].manager_previous;
  }
  std::sort(out.begin(), out.end(), [](const CheckIn& a, const CheckIn& b) {
    return a.held_on != b.held_on ? a.held_on < b.held_on : a.id < b.id;
  });
  return out;
}

absl::Status CheckInBook::SetNotes(CheckInId id, EmployeeId author, std::string notes) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, author));
  CheckIn edited = check_ins_[index];
  edited.notes = std::move(notes);
  return Replace(index, std::move(edited));
}

absl::Status CheckInBook::SetMood(CheckInId id, EmployeeId by, std::optional<std::int32_t> mood) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, by));
  CheckIn edited = check_ins_[index];
  if (by != edited.employee) {
    return RecordError(
        absl::StatusCode::kPermissionDenied, id, "mood",
        absl::StrCat("only the employee ", ToString(edited.employee), " gives their mood, not ", ToString(by)));
  }
  edited.mood = mood;
  return Replace(index, std::move(edited));
}

absl::Status CheckInBook::AddAction(CheckInId id, EmployeeId by, CheckInAction action) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, by));
  CheckIn edited = check_ins_[index];
  edited.actions.push_back(std::move(action));
  return Replace(index, std::move(edited));
}

absl::Status CheckInBook::SetActionDone(CheckInId id, std::size_t action, EmployeeId by, bool done) {
  HRKIT_ASSIGN_OR_RETURN(const std::size_t index, EditableIndex(id, by));
  CheckIn edited = check_ins_[index];
  if (action >= edited.actions.size()) {
    return RecordError(absl::StatusCode::kNotFound, id, absl::StrCat("actions[", action, "]"), "no such action");
  }
  edited.actions[action].done = done;
  return Replace(index, std::move(edited));
}

absl::StatusOr<std::size_t> CheckInBook::EditableIndex(CheckInId id, EmployeeId by) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return RecordError(absl::StatusCode::kNotFound, id, "id", "no such check-in");
  const CheckIn& c = check_ins_[it->second];
  if (!IsInPair(c, by)) {
    return RecordError(
        absl::StatusCode::kPermissionDenied, id, "employee",
        absl::StrCat("only ", ToString(c.employee), " and ", ToString(c.manager), " edit it, not ", ToString(by)));
  }
  return it->second;
}

absl::Status CheckInBook::Replace(std::size_t index, CheckIn edited) {
  HRKIT_RETURN_IF_ERROR(ValidateCheckIn(edited));
  check_ins_[index] = std::move(edited);
  return absl::OkStatus();
}

}  // namespace hrkit
