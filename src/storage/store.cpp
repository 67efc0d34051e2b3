// The backend-independent half of hrkit::Store: argument validation, the
// shared error messages, and the version rules.
#include "hrkit/storage/store.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/validate.hpp"

namespace hrkit {

std::string RowName(EntityKind kind, std::int64_t id) {
  return absl::StrCat(ToAbsl(EntityKindName(kind)), ":", id);
}

absl::Status ValidateAnyEntity(const AnyEntity& entity) {
  return std::visit([](const auto& e) { return ValidateEntity(e); }, entity);
}

absl::Status RowNotFoundError(EntityKind kind, std::int64_t id) {
  return absl::NotFoundError(absl::StrCat(RowName(kind, id), " not found"));
}

absl::Status StaleVersionError(EntityKind kind, std::int64_t id, std::int64_t expected, std::int64_t stored) {
  return absl::AbortedError(absl::StrCat(RowName(kind, id), ": expected version ", expected,
                                         ", stored version ", stored, " (write conflict: re-read and retry)"));
}

absl::Status CheckWriteVersion(const WriteOp& write, std::int64_t stored) {
  if (stored == 0) {
    if (write.expected_version == 0 && write.entity.has_value()) return absl::OkStatus();
    return RowNotFoundError(write.kind, write.id);
  }
  if (write.expected_version != stored) {
    return StaleVersionError(write.kind, write.id, write.expected_version, stored);
  }
  return absl::OkStatus();
}

namespace {

absl::Status CheckKind(EntityKind kind) {
  if (kind >= kEntityKindCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("entity kind ", kind, " is out of range (", kEntityKindCount, " kinds)"));
  }
  return absl::OkStatus();
}

absl::Status CheckWrites(std::span<const WriteOp> writes) {
  absl::flat_hash_set<std::pair<EntityKind, std::int64_t>> seen;
  seen.reserve(writes.size());
  for (const WriteOp& w : writes) {
    HRKIT_RETURN_IF_ERROR(CheckKind(w.kind));
    if (w.entity.has_value()) {
      if (KindOf(*w.entity) != w.kind || IdValueOf(*w.entity) != w.id) {
        return absl::InvalidArgumentError(
            absl::StrCat(RowName(w.kind, w.id), ": write holds a different entity"));
      }
      HRKIT_RETURN_IF_ERROR(ValidateAnyEntity(*w.entity));
    } else if (w.id <= 0) {
      return absl::InvalidArgumentError(absl::StrCat(RowName(w.kind, w.id), " field id: must be positive"));
    }
    if (w.expected_version < 0) {
      return absl::InvalidArgumentError(absl::StrCat(RowName(w.kind, w.id), ": expected version ",
                                                     w.expected_version, " is negative"));
    }
    if (!seen.insert({w.kind, w.id}).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(RowName(w.kind, w.id), ": written twice in one transaction"));
    }
  }
  return absl::OkStatus();
}

template <class E>
absl::Status CheckTable(const std::vector<E>& rows) {
  absl::flat_hash_set<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const E& e : rows) {
    HRKIT_RETURN_IF_ERROR(ValidateEntity(e));
    if (!ids.insert(e.id.value()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(RowName(kKindOf<E>, e.id.value()), ": appears twice in the dataset"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

Store::~Store() = default;

absl::StatusOr<VersionedEntity> Store::GetAny(EntityKind kind, std::int64_t id) {
  HRKIT_RETURN_IF_ERROR(CheckKind(kind));
  if (id <= 0) return RowNotFoundError(kind, id);
  return GuardExceptions("store get", [&] { return DoGet(kind, id); });
}

absl::StatusOr<std::vector<VersionedEntity>> Store::ListAny(EntityKind kind, const ListOptions& options) {
  HRKIT_RETURN_IF_ERROR(CheckKind(kind));
  if (options.last_id <= options.after_id) return std::vector<VersionedEntity>{};
  return GuardExceptions("store list", [&] { return DoList(kind, options); });
}

absl::StatusOr<std::vector<std::int64_t>> Store::Commit(const Transaction& txn) {
  if (txn.empty()) return std::vector<std::int64_t>{};
  HRKIT_RETURN_IF_ERROR(CheckWrites(txn.writes()));
  return GuardExceptions("store commit", [&] { return DoCommit(txn.writes()); });
}

absl::Status Store::SaveAll(const Dataset& data, ProgressSink* progress) {
  absl::Status status;
  ForEachEntityType([&]<class E>(std::type_identity<E>) {
    if (status.ok()) status = CheckTable(data.Of<E>());
  });
  HRKIT_RETURN_IF_ERROR(status);
  HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "save", 0, static_cast<std::int64_t>(data.TotalSize())));
  return GuardExceptions("store save all", [&] { return DoSaveAll(data, progress); });
}

absl::StatusOr<Dataset> Store::LoadAll(ProgressSink* progress) {
  HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "load", 0, 0));
  return GuardExceptions("store load all", [&] { return DoLoadAll(progress); });
}

}  // namespace hrkit
