// Running conflict cases (relations/conflict_case.hpp): opening them, the
// handlers' notes, naming more handlers or taking one off the case, and the
// status workflow. Every
// operation is checked with ValidateConflictCase and is all-or-nothing: a
// refused operation changes nothing. A closed case takes no more notes,
// handlers or transitions.
//
// Thread safety: const methods may run concurrently; an edit needs external
// synchronization against every other call.
#ifndef HRKIT_RELATIONS_CONFLICT_CASE_BOOK_HPP_
#define HRKIT_RELATIONS_CONFLICT_CASE_BOOK_HPP_

#include <cstddef>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/conflict_case.hpp"

namespace hrkit {

// Example:
//   ConflictCaseBook cases;
//   HRKIT_RETURN_IF_ERROR(cases.Open(ConflictCase{.id = ConflictCaseId(1), .parties = {ann, bob},
//                                                 .opened_on = day, .handlers = {hr}}));
//   HRKIT_RETURN_IF_ERROR(cases.Transition(ConflictCaseId(1), CaseStatus::kMediation, day + days(3), hr));
class ConflictCaseBook {
 public:
  // Opens a case, given with its parties, date, category, handlers and any
  // first notes. Errors, nothing stored: InvalidArgument
  // (ValidateConflictCase's errors; a status other than open, or
  // transitions: a case starts open), AlreadyExists (the id is taken).
  absl::Status Open(ConflictCase conflict_case);

  // Adds a note to the case file. Errors: NotFound (no such case),
  // FailedPrecondition (the case is closed), PermissionDenied (the author is
  // not a handler of the case), InvalidArgument (a date that is not real or
  // before the case was opened, empty text).
  absl::Status AddNote(ConflictCaseId id, CaseNote note);

  // Names `handler` as a further handler, done by `by`, already a handler.
  // Errors: NotFound, FailedPrecondition (closed), PermissionDenied (`by` is
  // not a handler), InvalidArgument (an invalid id; the new handler is a
  // party), AlreadyExists (already a handler).
  absl::Status AddHandler(ConflictCaseId id, EmployeeId handler, EmployeeId by);

  // Takes `handler` off the case, done by `by`, a handler (possibly
  // `handler` stepping down). Like AddHandler it is not dated: a case keeps
  // its current handlers, not a history of them. A handler who wrote a note
  // or made a step of the trail stays: the file must keep naming a handler
  // of the case for each. Errors, nothing changed: NotFound (no such case;
  // `handler` is not a handler of the case, field "handlers"),
  // FailedPrecondition (the case is closed; `handler` is the last handler;
  // `handler` wrote "notes[i]" or made "transitions[i]"), PermissionDenied
  // (`by` is not a handler).
  absl::Status RemoveHandler(ConflictCaseId id, EmployeeId handler, EmployeeId by);

  // Moves the case to `to` on `on`, by handler `by`, appending the step to
  // the trail. Errors: NotFound; PermissionDenied (`by` is not a handler);
  // FailedPrecondition (the workflow does not allow the step from the
  // current status, e.g. anything from closed); InvalidArgument (`on` is
  // not a real date, or is before the case was opened or before the
  // previous transition).
  absl::Status Transition(ConflictCaseId id, CaseStatus to, Date on, EmployeeId by);

  // The case `id`. Errors: NotFound.
  absl::StatusOr<ConflictCase> Find(ConflictCaseId id) const;

  // Every case, in the order opened: what a store saves.
  const std::vector<ConflictCase>& cases() const { return cases_; }

 private:
  // The index of case `id`, open to edits by handler `by`: NotFound,
  // FailedPrecondition (closed), PermissionDenied.
  absl::StatusOr<std::size_t> EditableIndex(ConflictCaseId id, EmployeeId by) const;
  // Validates `edited` and stores it at `index`.
  absl::Status Replace(std::size_t index, ConflictCase edited);

  std::vector<ConflictCase> cases_;
  absl::flat_hash_map<ConflictCaseId, std::size_t> index_;
};

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_CONFLICT_CASE_BOOK_HPP_
