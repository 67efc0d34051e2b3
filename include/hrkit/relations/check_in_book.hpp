// Keeping one-to-one check-ins (relations/check_in.hpp): recording them,
// reading them with the pair's privacy rule, and the edits the pair makes
// afterwards (notes, mood, follow-up actions). Every edit is made by one of
// the pair, checked with ValidateCheckIn, and all-or-nothing: a refused edit
// changes nothing.
//
// Cost: Record is O(1) expected (plus ValidateCheckIn); Read and every edit
// find the check-in by id in O(1) expected and copy it once; CheckInsOf
// visits only the listed person's check-ins: O(k log k) for their k
// check-ins, whatever the size of the book. Memory besides the check-ins:
// the index by id (one hash slot of 16 bytes plus a control byte per
// check-in, about 18-37 bytes with the table's load of 7/16 to 7/8) and the
// index by person (per check-in two 8-byte links, to the previous check-in
// of its employee and of its manager; per person who took part in any
// check-in one hash slot of the same size). At 1M check-ins among 1M people:
// 16 MiB of links and 34 MiB for each of the two hash tables.
//
// Thread safety: const methods may run concurrently; an edit needs external
// synchronization against every other call.
#ifndef HRKIT_RELATIONS_CHECK_IN_BOOK_HPP_
#define HRKIT_RELATIONS_CHECK_IN_BOOK_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/check_in.hpp"

namespace hrkit {

// Example:
//   CheckInBook book;
//   HRKIT_RETURN_IF_ERROR(book.Record(check_in));
//   HRKIT_RETURN_IF_ERROR(book.SetActionDone(check_in.id, 0, check_in.employee, true));
//   HRKIT_ASSIGN_OR_RETURN(CheckIn seen, book.Read(check_in.id, reader, CheckInNotes::kIfPermitted));
class CheckInBook {
 public:
  // Records a new check-in, as given (notes, mood and actions included).
  // Errors, nothing stored: InvalidArgument (ValidateCheckIn's errors),
  // AlreadyExists (the id is taken).
  absl::Status Record(CheckIn check_in);

  // Check-in `id` as `viewer` may see it (ViewCheckIn). Errors: NotFound
  // (no such check-in), PermissionDenied (kRequired by a third party).
  absl::StatusOr<CheckIn> Read(CheckInId id, EmployeeId viewer, CheckInNotes notes) const;

  // Every check-in `person` took part in (as the employee or as the
  // manager), by date then id, each as `viewer` may see it (ViewCheckIn with
  // kIfPermitted): a third party gets them without notes and mood. Empty for
  // a person in no check-in (and for an invalid id). Reads only that
  // person's check-ins, through the index by person.
  std::vector<CheckIn> CheckInsOf(EmployeeId person, EmployeeId viewer) const;

  // Replaces the notes of check-in `id`, written by `author`.
  // Errors: NotFound (no such check-in), PermissionDenied (the author is not
  // one of the pair).
  absl::Status SetNotes(CheckInId id, EmployeeId author, std::string notes);

  // Sets (or, with nullopt, clears) the employee's mood. Only the employee
  // gives their own mood. Errors: NotFound, PermissionDenied (`by` is not
  // the check-in's employee), InvalidArgument (outside kMinMood..kMaxMood).
  absl::Status SetMood(CheckInId id, EmployeeId by, std::optional<std::int32_t> mood);

  // Adds a follow-up action, agreed by `by`. Errors: NotFound,
  // PermissionDenied (`by` is not one of the pair), InvalidArgument (empty
  // text, an owner outside the pair).
  absl::Status AddAction(CheckInId id, EmployeeId by, CheckInAction action);

  // Marks action `action` (its position) done or not done. Errors: NotFound
  // (no such check-in, or no action at that position), PermissionDenied
  // (`by` is not one of the pair).
  absl::Status SetActionDone(CheckInId id, std::size_t action, EmployeeId by, bool done);

  // Every check-in in full, in the order recorded: what a store saves.
  // Readers go through Read or CheckInsOf.
  const std::vector<CheckIn>& records() const { return check_ins_; }

 private:
  // The check-in `id` for an edit by `by`: NotFound or PermissionDenied.
  absl::StatusOr<std::size_t> EditableIndex(CheckInId id, EmployeeId by) const;
  // Validates `edited` and stores it at `index`. REQUIRES: `edited` has the
  // pair (employee and manager) of the check-in it replaces: the index by
  // person links the position under both (no edit changes the pair).
  absl::Status Replace(std::size_t index, CheckIn edited);

  // No check-in: the end of a person's chain.
  static constexpr std::size_t kNoPosition = static_cast<std::size_t>(-1);

  // For the check-in at the same position: the position of the previous
  // check-in (recorded earlier) of its employee and of its manager, or
  // kNoPosition. Each person's check-ins form one chain, newest first.
  struct PersonLinks {
    std::size_t employee_previous = kNoPosition;
    std::size_t manager_previous = kNoPosition;
  };

  std::vector<CheckIn> check_ins_;
  absl::flat_hash_map<CheckInId, std::size_t> index_;
  // The index by person: links_[i] belongs to check_ins_[i]; latest_of_
  // holds the position of each person's newest check-in (either side).
  std::vector<PersonLinks> links_;
  absl::flat_hash_map<EmployeeId, std::size_t> latest_of_;
};

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_CHECK_IN_BOOK_HPP_
