// Recognition (kudos) as a stored entity: one colleague thanks one or more
// others on a date, with a message and tags naming the company values the
// work showed. relations/recognition_book.hpp keeps recognitions against the
// configured set of company values; relations/recognition_report.hpp counts
// them per org unit and per value through the confidentiality rules.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_RECOGNITION_HPP_
#define HRKIT_RELATIONS_RECOGNITION_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/ids.hpp"

namespace hrkit {

// One recognition.
struct Recognition {
  static constexpr std::string_view kEntityName = "recognition";

  RecognitionId id{};                    // unique among recognitions
  EmployeeId giver{};                    // who gives the recognition
  std::vector<EmployeeId> recipients{};  // one or more, none of them the giver
  Date given_on{};                       // the day it was given
  std::string message{};                 // the words of thanks
  std::vector<std::string> values{};     // company value tags; may be empty

  friend bool operator==(const Recognition&, const Recognition&) = default;
};

// Field description. Kudos are given to be seen by colleagues: who thanked
// whom, when and for which values is kDirectory. The message is free text
// addressed to a person and may mention personal circumstances ("thanks
// for covering while my father was in hospital"): kPersonal.
template <class V, class Self>
requires SameEntity<Self, Recognition>
void Describe(V& v, Self& r) {
  v.Field("id", r.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.Field("giver", r.giver, Sensitivity::kDirectory);
  v.List("recipients", r.recipients, Sensitivity::kDirectory);
  v.Field("given_on", r.given_on, Sensitivity::kDirectory);
  v.Field("message", r.message, Sensitivity::kPersonal);
  v.List("values", r.values, Sensitivity::kDirectory);
}

// Checks a recognition on its own. InvalidArgument naming
// "recognition:<id>" and the field: an invalid id or giver; no recipients;
// an invalid or repeated recipient ("recipients[i]"); the giver among the
// recipients (no self-recognition); a given_on that is not a real date; an
// empty message; an empty or repeated value tag ("values[i]"). (Whether the
// tags are company values is checked by RecognitionBook, which knows them.)
absl::Status ValidateRecognition(const Recognition& recognition);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const Recognition& recognition) { return ValidateRecognition(recognition); }

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_RECOGNITION_HPP_
