// Internal: Get and List by kind for the SQL backends. A store derives from
// KindReads<Self> (and befriends it) and provides
//   template <class Fn> absl::Status ReadTransaction(Fn&& body);
//   template <class E> absl::Status ReadRange(std::int64_t after, std::int64_t last, std::int64_t limit,
//                                             std::vector<E>& rows, std::vector<std::int64_t>& versions);
// reading the rows with after < id <= last (last 0: no bound), at most
// `limit` (-1: all), in id order.
//
// The kind is found by recursion over the kinds rather than VisitEntityKind:
// Clang 14 loses member-template instantiations made from the generic lambdas
// of its fold expression.
//
// Thread safety: as the store's reads (callers hold its lock).
#ifndef HRKIT_SRC_STORAGE_SQL_KIND_READS_HPP_
#define HRKIT_SRC_STORAGE_SQL_KIND_READS_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit::sql {

template <class Self>
class KindReads {
 protected:
  // DoGet for the entity type of `kind`.
  template <EntityKind I = 0>
  absl::StatusOr<VersionedEntity> GetOfKind(EntityKind kind, std::int64_t id) {
    if constexpr (I + 1 < kEntityKindCount) {
      if (kind != I) return GetOfKind<I + 1>(kind, id);
    }
    using E = EntityOfKind<I>;
    Self& self = static_cast<Self&>(*this);
    std::vector<E> rows;
    std::vector<std::int64_t> versions;
    HRKIT_RETURN_IF_ERROR(
        self.ReadTransaction([&] { return self.template ReadRange<E>(id - 1, id, 1, rows, versions); }));
    if (rows.empty()) return RowNotFoundError(kind, id);
    return VersionedEntity{AnyEntity(std::move(rows.front())), versions.front()};
  }

  // DoList for the entity type of `kind`.
  template <EntityKind I = 0>
  absl::StatusOr<std::vector<VersionedEntity>> ListOfKind(EntityKind kind, const ListOptions& options) {
    if constexpr (I + 1 < kEntityKindCount) {
      if (kind != I) return ListOfKind<I + 1>(kind, options);
    }
    using E = EntityOfKind<I>;
    Self& self = static_cast<Self&>(*this);
    std::vector<E> rows;
    std::vector<std::int64_t> versions;
    const std::int64_t limit = options.limit == 0 || options.limit > std::numeric_limits<std::int64_t>::max()
                                   ? -1
                                   : static_cast<std::int64_t>(options.limit);
    HRKIT_RETURN_IF_ERROR(self.ReadTransaction([&] {
      return self.template ReadRange<E>(std::max<std::int64_t>(options.after_id, 0), options.last_id, limit, rows,
                                        versions);
    }));
    std::vector<VersionedEntity> out;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out.push_back(VersionedEntity{AnyEntity(std::move(rows[i])), versions[i]});
    }
    return out;
  }
};

}  // namespace hrkit::sql

#endif  // HRKIT_SRC_STORAGE_SQL_KIND_READS_HPP_
