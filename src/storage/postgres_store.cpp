// The PostgreSQL backend: reads and writes of the Store interface, COPY for
// bulk saves (see postgres_store_impl.hpp).
#include <libpq-fe.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "format1.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "postgres_store_impl.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::postgres_internal {

absl::StatusOr<VersionedEntity> PostgresStore::DoGet(EntityKind kind, std::int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return GetOfKind(kind, id);
}

absl::StatusOr<std::vector<VersionedEntity>> PostgresStore::DoList(EntityKind kind, const ListOptions& options) {
  std::lock_guard<std::mutex> lock(mutex_);
  return ListOfKind(kind, options);
}

absl::StatusOr<std::vector<std::int64_t>> PostgresStore::DoCommit(std::span<const WriteOp> writes) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::int64_t> versions;
  HRKIT_RETURN_IF_ERROR(WriteTransaction("commit", [&](int attempt) -> absl::Status {
    // Every stored version first (this also takes the snapshot), then the
    // version checks, then the writes.
    std::vector<std::int64_t> stored;
    stored.reserve(writes.size());
    for (const WriteOp& w : writes) {
      HRKIT_ASSIGN_OR_RETURN(std::int64_t version, StoredVersion(w));
      stored.push_back(version);
    }
    Hook(WriteStage::kBegun, attempt);
    for (std::size_t i = 0; i < writes.size(); ++i) HRKIT_RETURN_IF_ERROR(CheckWriteVersion(writes[i], stored[i]));
    versions.clear();
    for (std::size_t i = 0; i < writes.size(); ++i) {
      HRKIT_ASSIGN_OR_RETURN(std::int64_t version, ApplyWrite(writes[i], stored[i]));
      versions.push_back(version);
    }
    return absl::OkStatus();
  }));
  return versions;
}

absl::Status PostgresStore::DoSaveAll(const Dataset& data, ProgressSink* progress) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto total = static_cast<std::int64_t>(data.TotalSize());
  return WriteTransaction("save all", [&](int attempt) -> absl::Status {
    Hook(WriteStage::kBegun, attempt);
    // Checking each child row's foreign key as it arrives costs more than
    // the COPY itself; where this role owns the tables the keys are
    // dropped for the load and added back (one validating join) before
    // COMMIT, all inside the transaction.
    HRKIT_ASSIGN_OR_RETURN(std::vector<ForeignKey> keys, DropForeignKeys());
    for (KindStatements& k : kinds_) {
      for (ChildStatements& c : k.children) HRKIT_RETURN_IF_ERROR(Run(c.clear, "clear"));
      HRKIT_RETURN_IF_ERROR(Run(k.clear, "clear"));
    }
    std::int64_t done = 0;
    absl::Status status;
    ForEachEntityType([&]<class E>(std::type_identity<E>) {
      if (status.ok()) status = CopyKind<E>(data.Of<E>(), progress, done, total);
    });
    HRKIT_RETURN_IF_ERROR(status);
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "save", total, total));
    for (const ForeignKey& key : keys) {
      HRKIT_RETURN_IF_ERROR(
          Command(absl::StrCat("ALTER TABLE ", sql::QuoteIdentifier(key.table), " ADD CONSTRAINT ",
                               sql::QuoteIdentifier(key.name), " FOREIGN KEY (\"entity_id\") REFERENCES ",
                               sql::QuoteIdentifier(key.parent), " (\"id\") ON DELETE CASCADE"),
                  "restore foreign key"));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<Dataset> PostgresStore::DoLoadAll(ProgressSink* progress) {
  std::lock_guard<std::mutex> lock(mutex_);
  Dataset data;
  HRKIT_RETURN_IF_ERROR(ReadTransaction([&]() -> absl::Status {
    absl::Status status;
    ForEachEntityType([&]<class E>(std::type_identity<E>) {
      if (!status.ok()) return;
      std::vector<E>& rows = data.Of<E>();
      rows.clear();
      std::vector<std::int64_t> versions;
      status = ReadAll(kinds_[kKindOf<E>].schema, rows, versions);
      if (status.ok()) status = ReportProgress(progress, "load", static_cast<std::int64_t>(data.TotalSize()), 0);
    });
    return status;
  }));
  return data;
}

absl::StatusOr<std::int64_t> PostgresStore::StoredVersion(const WriteOp& w) {
  params_.Reset(1);
  params_.BindInt(1, w.id);
  HRKIT_ASSIGN_OR_RETURN(ResultPtr result, ExecPrepared(kinds_[w.kind].version, "read version"));
  ResultCursor cursor(result.get());
  HRKIT_ASSIGN_OR_RETURN(const bool found, cursor.Next());
  return found ? cursor.row().Int(0) : 0;
}

absl::StatusOr<std::int64_t> PostgresStore::ApplyWrite(const WriteOp& w, std::int64_t stored) {
  KindStatements& k = kinds_[w.kind];
  if (!w.entity.has_value()) {
    params_.Reset(1);
    params_.BindInt(1, w.id);
    HRKIT_RETURN_IF_ERROR(ExecPrepared(k.remove, absl::StrCat("erase ", RowName(w.kind, w.id))).status());
    return 0;
  }
  const std::int64_t version = stored + 1;
  HRKIT_RETURN_IF_ERROR(
      std::visit([&](const auto& e) { return WriteRow(k, e, version, /*update=*/stored != 0); }, *w.entity));
  return version;
}

absl::StatusOr<std::vector<PostgresStore::ForeignKey>> PostgresStore::DropForeignKeys() {
  std::vector<ForeignKey> keys;
  bool owner = true;
  for (const KindStatements& k : kinds_) {
    for (const sql::Table& child : k.schema.children) {
      HRKIT_ASSIGN_OR_RETURN(
          ResultPtr found,
          Query("SELECT c.conname, pg_has_role(t.relowner, 'USAGE') FROM pg_constraint c "
                "JOIN pg_class t ON t.oid = c.conrelid WHERE c.conrelid = $1::regclass AND c.contype = 'f'",
                {sql::QuoteIdentifier(child.name)}, "find foreign keys"));
      for (int r = 0; r < PQntuples(found.get()); ++r) {
        keys.push_back(ForeignKey{child.name, PQgetvalue(found.get(), r, 0), k.schema.main.name});
        owner = owner && std::string_view(PQgetvalue(found.get(), r, 1)) == "t";
      }
    }
  }
  if (!owner) return std::vector<ForeignKey>{};
  for (const ForeignKey& key : keys) {
    HRKIT_RETURN_IF_ERROR(Command(absl::StrCat("ALTER TABLE ", sql::QuoteIdentifier(key.table), " DROP CONSTRAINT ",
                                               sql::QuoteIdentifier(key.name)),
                                  "drop foreign key"));
  }
  return keys;
}

}  // namespace hrkit::postgres_internal
