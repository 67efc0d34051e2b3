// Conflict cases as stored entities: a conflict or grievance between
// employees, or between an employee and the organization, handled by named
// HR case handlers, with confidential dated notes and a status workflow
// whose every step is kept:
//
//   open ----> mediation ----> resolved ----> closed
//    |             |                            ^  ^
//    |             +----------------------------+  |
//    +---------------------------------------------+
//
// Allowed: open -> mediation, open -> closed, mediation -> resolved,
// mediation -> closed, resolved -> closed. Nothing else; in particular
// nothing leaves closed, and a case is resolved only through mediation.
// Each transition is dated (not before the case was opened nor before the
// previous transition) and made by one of the case's handlers.
// relations/conflict_case_book.hpp runs cases with every rule checked.
//
// Parties. A case has at least two distinct employees as parties, or at
// least one with `against_organization` set: a grievance against the
// organization itself (a policy, a decision) names the employee(s) raising
// it and sets the flag instead of naming a person who stands for the
// organization. A party is never a handler of their own case.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_CONFLICT_CASE_HPP_
#define HRKIT_RELATIONS_CONFLICT_CASE_HPP_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/ids.hpp"

namespace hrkit {

// Where a case stands (see the workflow in the header comment).
enum class CaseStatus {
  kOpen = 0,
  kMediation = 1,
  kResolved = 2,
  kClosed = 3,
};
inline constexpr EnumName<CaseStatus> kCaseStatusNames[] = {{CaseStatus::kOpen, "open"},
                                                            {CaseStatus::kMediation, "mediation"},
                                                            {CaseStatus::kResolved, "resolved"},
                                                            {CaseStatus::kClosed, "closed"}};
constexpr std::span<const EnumName<CaseStatus>> EnumNamesOf(CaseStatus) { return kCaseStatusNames; }

// What a case is about.
enum class CaseCategory {
  kInterpersonal = 0,   // a dispute between colleagues
  kHarassment = 1,      // bullying or harassment, sexual or otherwise
  kDiscrimination = 2,  // unequal treatment on a protected ground
  kGrievance = 3,       // a complaint about a decision, a policy or working conditions
  kOther = 4,
};
inline constexpr EnumName<CaseCategory> kCaseCategoryNames[] = {{CaseCategory::kInterpersonal, "interpersonal"},
                                                                {CaseCategory::kHarassment, "harassment"},
                                                                {CaseCategory::kDiscrimination, "discrimination"},
                                                                {CaseCategory::kGrievance, "grievance"},
                                                                {CaseCategory::kOther, "other"}};
constexpr std::span<const EnumName<CaseCategory>> EnumNamesOf(CaseCategory) { return kCaseCategoryNames; }

// A confidential note of the case file, written by one of its handlers.
struct CaseNote {
  Date written_on{};    // the day the note was written
  EmployeeId author{};  // a handler of the case
  std::string text{};   // the note itself

  friend bool operator==(const CaseNote&, const CaseNote&) = default;
};

// The field description of CaseNote (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, CaseNote>
void Describe(V& v, Self& n) {
  v.Field("written_on", n.written_on, Sensitivity::kConfidentialCase);
  v.Field("author", n.author, Sensitivity::kConfidentialCase);
  v.Field("text", n.text, Sensitivity::kConfidentialCase);
}

// One step of the workflow.
struct CaseTransition {
  Date on{};                            // the day of the step
  CaseStatus from = CaseStatus::kOpen;  // the status before it
  CaseStatus to = CaseStatus::kOpen;    // the status after it
  EmployeeId by{};                      // a handler of the case

  friend bool operator==(const CaseTransition&, const CaseTransition&) = default;
};

// The field description of CaseTransition (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, CaseTransition>
void Describe(V& v, Self& t) {
  v.Field("on", t.on, Sensitivity::kConfidentialCase);
  v.Field("from", t.from, Sensitivity::kConfidentialCase);
  v.Field("to", t.to, Sensitivity::kConfidentialCase);
  v.Field("by", t.by, Sensitivity::kConfidentialCase);
}

// A conflict case.
struct ConflictCase {
  static constexpr std::string_view kEntityName = "conflict_case";

  ConflictCaseId id{};                                   // unique among conflict cases
  std::vector<EmployeeId> parties{};                     // the employees in conflict, none of them a handler
  bool against_organization = false;                     // the organization itself is a party
  Date opened_on{};                                      // the day the case was opened
  CaseCategory category = CaseCategory::kInterpersonal;  // what the conflict is about
  std::vector<EmployeeId> handlers{};                    // HR case handlers; at least one
  std::vector<CaseNote> notes{};                         // in the order written
  CaseStatus status = CaseStatus::kOpen;                 // where the case stands now
  std::vector<CaseTransition> transitions{};             // the trail, oldest first; status is the last one's `to`

  friend bool operator==(const ConflictCase&, const ConflictCase&) = default;
};

// Field description: everything but the id is kConfidentialCase. Even the
// parties and the category are: that two people are in a harassment case
// is itself the confidential fact.
template <class V, class Self>
requires SameEntity<Self, ConflictCase>
void Describe(V& v, Self& c) {
  v.Field("id", c.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.List("parties", c.parties, Sensitivity::kConfidentialCase);
  v.Field("against_organization", c.against_organization, Sensitivity::kConfidentialCase);
  v.Field("opened_on", c.opened_on, Sensitivity::kConfidentialCase);
  v.Field("category", c.category, Sensitivity::kConfidentialCase);
  v.List("handlers", c.handlers, Sensitivity::kConfidentialCase);
  v.List("notes", c.notes, Sensitivity::kConfidentialCase);
  v.Field("status", c.status, Sensitivity::kConfidentialCase);
  v.List("transitions", c.transitions, Sensitivity::kConfidentialCase);
}

// True if the workflow allows `from` -> `to` (see the header comment).
bool IsAllowedTransition(CaseStatus from, CaseStatus to);

// True if `person` is a handler of `c`.
bool IsHandler(const ConflictCase& c, EmployeeId person);

// Checks a case. InvalidArgument naming "conflict_case:<id>" and the field:
// - id: not a positive id;
// - parties: fewer than two, or fewer than one with against_organization;
//   "parties[i]": an invalid or repeated party;
// - opened_on: not a real date; category: not a named value;
// - handlers: none; "handlers[i]": an invalid or repeated handler, or one
//   who is a party;
// - "notes[i]": a date that is not real or before opened_on, an author who
//   is not a handler, empty text;
// - "transitions[i]": a date that is not real or before opened_on or the
//   previous transition, `from` not the status before it (open for the
//   first), a step the workflow does not allow, `by` not a handler;
// - status: not the last transition's `to` (open without transitions).
absl::Status ValidateConflictCase(const ConflictCase& conflict_case);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const ConflictCase& conflict_case) {
  return ValidateConflictCase(conflict_case);
}

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_CONFLICT_CASE_HPP_
