// One-to-one check-ins as stored entities: a meeting of two employees (an
// employee and their manager, or any two distinct colleagues: "the pair") on
// a date, its agenda, the notes the pair keeps, the employee's mood and the
// follow-up actions. The notes and the mood are private to the pair:
// ViewCheckIn is the one way a reader sees a check-in, and it removes them
// for anyone else. relations/check_in_book.hpp keeps check-ins with every
// rule checked.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_CHECK_IN_HPP_
#define HRKIT_RELATIONS_CHECK_IN_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/ids.hpp"

namespace hrkit {

// The lowest and highest mood of a check-in (1 = very low, 5 = very good).
inline constexpr std::int32_t kMinMood = 1;
inline constexpr std::int32_t kMaxMood = 5;

// A follow-up action agreed in a check-in, owned by one of the pair.
struct CheckInAction {
  std::string text{};  // what is to be done
  EmployeeId owner{};  // who does it: one of the pair
  bool done = false;   // whether it has been done

  friend bool operator==(const CheckInAction&, const CheckInAction&) = default;
};

// The field description of CheckInAction (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, CheckInAction>
void Describe(V& v, Self& a) {
  v.Field("text", a.text, Sensitivity::kPersonal);
  v.Field("owner", a.owner, Sensitivity::kPersonal);
  v.Field("done", a.done, Sensitivity::kPersonal);
}

// One check-in of the pair (`employee`, `manager`).
struct CheckIn {
  static constexpr std::string_view kEntityName = "check_in";

  CheckInId id{};                        // unique among check-ins
  EmployeeId employee{};                 // the employee the check-in is about (the mood is theirs)
  EmployeeId manager{};                  // the other person: usually the manager, any other employee allowed
  Date held_on{};                        // the day the pair met
  std::vector<std::string> agenda{};     // the topics, in order
  std::string notes{};                   // private to the pair
  std::optional<std::int32_t> mood{};    // the employee's mood, kMinMood..kMaxMood; nullopt = not given
  std::vector<CheckInAction> actions{};  // follow-up actions, in the order agreed

  friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

// Field description. Who met whom and when is what a shared calendar shows
// (kDirectory). The agenda and the actions are the pair's working topics and
// may touch personal matters (kPersonal). The notes and the mood get kHealth,
// the most restricted class that fits: a one-to-one is where workload,
// stress, illness and private circumstances are discussed, and the mood is a
// well-being signal like a WHO-5 answer. kConfidentialCase is for conflict
// and grievance cases (relations/conflict_case.hpp), which a check-in is not.
template <class V, class Self>
requires SameEntity<Self, CheckIn>
void Describe(V& v, Self& c) {
  v.Field("id", c.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.Field("employee", c.employee, Sensitivity::kDirectory);
  v.Field("manager", c.manager, Sensitivity::kDirectory);
  v.Field("held_on", c.held_on, Sensitivity::kDirectory);
  v.List("agenda", c.agenda, Sensitivity::kPersonal);
  v.Field("notes", c.notes, Sensitivity::kHealth);
  v.Field("mood", c.mood, Sensitivity::kHealth);
  v.List("actions", c.actions, Sensitivity::kPersonal);
}

// Checks a check-in. InvalidArgument naming "check_in:<id>" and the field:
// an invalid id, employee or manager; the employee and the manager being the
// same person; a held_on that is not a real date; an empty agenda item
// ("agenda[i]"); a mood outside kMinMood..kMaxMood; an action with empty
// text or an owner who is not one of the pair ("actions[i]").
absl::Status ValidateCheckIn(const CheckIn& check_in);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const CheckIn& check_in) { return ValidateCheckIn(check_in); }

// True if `person` is the employee or the manager of `check_in`.
bool IsInPair(const CheckIn& check_in, EmployeeId person);

// What a reader asks of a check-in's private fields (notes and mood).
enum class CheckInNotes {
  kIfPermitted,  // the notes and mood if the reader may see them; else without them
  kRequired,     // the notes and mood, or PermissionDenied
};

// The check-in as `viewer` may see it. One of the pair sees the whole
// record. Anyone else (a third party: another colleague, a skip-level
// manager, HR) sees it without its private fields, the notes empty and the
// mood nullopt, when asking kIfPermitted; asking kRequired is refused with
// PermissionDenied naming "check_in:<id>" and "notes". An invalid viewer id
// is a third party. (Roles such as an HR partner reading kHealth fields are
// the access layer's decision over the stored record; this function is the
// pair's own rule.)
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(CheckIn seen, ViewCheckIn(check_in, reader, CheckInNotes::kIfPermitted));
//   if (!IsInPair(seen, reader)) { /* seen.notes is empty, seen.mood nullopt */ }
absl::StatusOr<CheckIn> ViewCheckIn(const CheckIn& check_in, EmployeeId viewer, CheckInNotes notes);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_CHECK_IN_HPP_
