// Status helpers of the relations records (check-ins, recognitions, conflict
// cases): every message reads "<entity>:<id>: <field>: <what>".
//
// Thread safety: pure functions.
#ifndef HRKIT_SRC_RELATIONS_RECORD_STATUS_HPP_
#define HRKIT_SRC_RELATIONS_RECORD_STATUS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/id.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit::relations_internal {

// A status of `code` about `field` of the record `id`.
template <class Tag>
absl::Status RecordError(absl::StatusCode code, Id<Tag> id, std::string_view field, std::string_view what) {
  return absl::Status(code, absl::StrCat(ToString(id), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}

// InvalidArgument about `field` of the record `id`.
template <class Tag>
absl::Status InvalidField(Id<Tag> id, std::string_view field, std::string_view what) {
  return RecordError(absl::StatusCode::kInvalidArgument, id, field, what);
}

// InvalidArgument naming "field[i]" unless every id of `ids` is valid and
// listed once.
template <class Tag, class ListedTag>
absl::Status CheckDistinctIds(Id<Tag> owner, std::string_view field, const std::vector<Id<ListedTag>>& ids) {
  absl::flat_hash_set<Id<ListedTag>> seen;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const std::string where = absl::StrCat(ToAbsl(field), "[", k, "]");
    if (!ids[k].valid()) return InvalidField(owner, where, "must be a valid id");
    if (!seen.insert(ids[k]).second) {
      return InvalidField(owner, where, absl::StrCat(ToString(ids[k]), " is listed twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace hrkit::relations_internal

#endif  // HRKIT_SRC_RELATIONS_RECORD_STATUS_HPP_
