#include "hrkit/relations/recognition.hpp"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "record_status.hpp"

namespace hrkit {

using relations_internal::CheckDistinctIds;
using relations_internal::InvalidField;

absl::Status ValidateRecognition(const Recognition& r) {
  if (!r.id.valid()) return InvalidField(r.id, "id", "must be a positive id");
  if (!r.giver.valid()) return InvalidField(r.id, "giver", "must be a valid employee id");
  if (r.recipients.empty()) return InvalidField(r.id, "recipients", "a recognition needs at least one recipient");
  HRKIT_RETURN_IF_ERROR(CheckDistinctIds(r.id, "recipients", r.recipients));
  for (std::size_t k = 0; k < r.recipients.size(); ++k) {
    if (r.recipients[k] == r.giver) {
      return InvalidField(r.id, absl::StrCat("recipients[", k, "]"),
                          absl::StrCat(ToString(r.giver), " is the giver: nobody recognizes themselves"));
    }
  }
  if (!IsRealDate(r.given_on)) return InvalidField(r.id, "given_on", "must be a real date");
  if (r.message.empty()) return InvalidField(r.id, "message", "must not be empty");
  absl::flat_hash_set<std::string> tags;
  for (std::size_t k = 0; k < r.values.size(); ++k) {
    const std::string field = absl::StrCat("values[", k, "]");
    if (r.values[k].empty()) return InvalidField(r.id, field, "a value tag must not be empty");
    if (!tags.insert(r.values[k]).second) {
      return InvalidField(r.id, field, absl::StrCat("value ", r.values[k], " is tagged twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace hrkit
