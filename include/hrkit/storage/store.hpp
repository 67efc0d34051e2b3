// hrkit::Store: the pluggable storage interface. Typed repositories (get, put,
// erase, list) over every registered entity type (storage/entity_registry.hpp),
// atomic multi-entity transactions with optimistic concurrency, and bulk
// SaveAll/LoadAll of a whole Dataset.
//
// Row versions: every stored row has a version, 1 when inserted and +1 on
// every update. Each write carries the version it expects:
// - 0 means "the row must not exist yet";
// - a put or erase whose expected version differs from the stored row's
//   returns Aborted (a write conflict: re-read and retry);
// - a put with expected version > 0, or any erase, on a row that does not
//   exist returns NotFound.
// A failed transaction changes nothing: all its writes or none.
//
// Backends: `memory:` (memory_store.hpp), `sqlite:PATH` (sqlite_store.hpp,
// target hrkit::sqlite), and more through OpenStore (open_store.hpp). A
// backend implements the protected Do* virtuals; the public API validates
// input once, in the base class, before any Do* call. A wrapper (an access or
// audit layer) derives from Store and forwards its Do* calls to the public
// methods of the Store it wraps.
//
// Thread safety: a Store must be safe to call from several threads at once;
// every method is atomic with respect to the others.
#ifndef HRKIT_STORAGE_STORE_HPP_
#define HRKIT_STORAGE_STORE_HPP_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/progress.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/entity_registry.hpp"

namespace hrkit {

// A stored entity with its row version (>= 1).
template <class E>
struct Versioned {
  E entity;                  // the entity as stored
  std::int64_t version = 0;  // 1 on insert, +1 per update

  friend bool operator==(const Versioned&, const Versioned&) = default;
};

// A stored entity of any type with its row version.
using VersionedEntity = Versioned<AnyEntity>;

// Which rows List returns: ids in (after_id, last_id], ascending, at most
// `limit` of them (0 = no limit). For pagination pass the last id of the
// previous page as `after_id`.
struct ListOptions {
  std::int64_t after_id = 0;                                        // exclusive lower bound of the ids
  std::int64_t last_id = std::numeric_limits<std::int64_t>::max();  // inclusive upper bound of the ids
  std::size_t limit = 0;                                            // the most rows returned; 0 = no limit
};

// One write of a transaction: a put (entity set) or an erase (entity empty).
struct WriteOp {
  EntityKind kind = 0;                // the entity type (storage/entity_registry.hpp)
  std::int64_t id = 0;                // the row's id
  std::int64_t expected_version = 0;  // the row's version now; 0 = the row must not exist
  std::optional<AnyEntity> entity;    // the new value; nullopt erases the row
};

// A set of puts and erases over any entity types, committed all-or-nothing
// by Store::Commit. A transaction may touch each row at most once.
//
// Example:
//   Transaction txn;
//   txn.Put(new_unit, 0).Put(moved_position, position_version);
//   txn.Erase<Location>(LocationId(3), location_version);
//   absl::StatusOr<std::vector<std::int64_t>> versions = store.Commit(txn);
//   if (absl::IsAborted(versions.status())) { /* re-read and retry */ }
class Transaction {
 public:
  // Stores `entity`, expecting the row to be at `expected_version` (0: new).
  template <StoredEntity E>
  Transaction& Put(E entity, std::int64_t expected_version) {
    // Built in place: GCC 12 at -O3 reports a false maybe-uninitialized when
    // a WriteOp holding the variant is moved into the vector.
    WriteOp& op = writes_.emplace_back();
    op.kind = kKindOf<E>;
    op.id = entity.id.value();
    op.expected_version = expected_version;
    op.entity.emplace(std::in_place_type<E>, std::move(entity));
    return *this;
  }
  // Erases the row `id`, expecting it to be at `expected_version`.
  template <StoredEntity E>
  Transaction& Erase(EntityIdOf<E> id, std::int64_t expected_version) {
    writes_.push_back(WriteOp{kKindOf<E>, id.value(), expected_version, std::nullopt});
    return *this;
  }
  // The writes in the order they were added.
  std::span<const WriteOp> writes() const { return writes_; }
  // True if the transaction has no write.
  bool empty() const { return writes_.empty(); }
  // Number of writes.
  std::size_t size() const { return writes_.size(); }

 private:
  std::vector<WriteOp> writes_;
};

// The storage interface. See the header comment for versions and threads.
class Store {
 public:
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store();

  // The backend's name: "memory", "sqlite", ...
  virtual std::string_view BackendName() const = 0;

  // ---- Typed API ----------------------------------------------------------

  // The entity with `id` and its version.
  // Returns NotFound ("employee:42 not found") if there is no such row.
  template <StoredEntity E>
  absl::StatusOr<Versioned<E>> Get(EntityIdOf<E> id) {
    absl::StatusOr<VersionedEntity> row = GetAny(kKindOf<E>, id.value());
    if (!row.ok()) return row.status();
    return Versioned<E>{std::get<E>(std::move(row->entity)), row->version};
  }

  // Stores `entity` (insert or update) if its row is at `expected_version`
  // (0: must not exist yet). Returns the new version (1 for an insert).
  // Errors: InvalidArgument (ValidateEntity, negative expected version),
  // Aborted (stale version), NotFound (expected > 0 but no row).
  template <StoredEntity E>
  absl::StatusOr<std::int64_t> Put(const E& entity, std::int64_t expected_version) {
    Transaction txn;
    txn.Put(entity, expected_version);
    absl::StatusOr<std::vector<std::int64_t>> versions = Commit(txn);
    if (!versions.ok()) return versions.status();
    return versions->front();
  }

  // Erases the row `id` if it is at `expected_version`.
  // Errors: NotFound (no row), Aborted (stale version).
  template <StoredEntity E>
  absl::Status Erase(EntityIdOf<E> id, std::int64_t expected_version) {
    Transaction txn;
    txn.Erase<E>(id, expected_version);
    return Commit(txn).status();
  }

  // The rows of type E selected by `options`, ascending by id.
  //
  // Example (pages of 500):
  //   ListOptions page{.limit = 500};
  //   while (true) {
  //     HRKIT_ASSIGN_OR_RETURN(auto rows, store.List<Employee>(page));
  //     if (rows.empty()) break;
  //     ...;
  //     page.after_id = rows.back().entity.id.value();
  //   }
  template <StoredEntity E>
  absl::StatusOr<std::vector<Versioned<E>>> List(const ListOptions& options = {}) {
    absl::StatusOr<std::vector<VersionedEntity>> rows = ListAny(kKindOf<E>, options);
    if (!rows.ok()) return rows.status();
    std::vector<Versioned<E>> out;
    out.reserve(rows->size());
    for (VersionedEntity& row : *rows) {
      out.push_back(Versioned<E>{std::get<E>(std::move(row.entity)), row.version});
    }
    return out;
  }

  // ---- Type-erased API (what the typed calls use) --------------------------

  // The row (kind, id). REQUIRES: kind < kEntityKindCount.
  // Returns NotFound if there is no such row.
  absl::StatusOr<VersionedEntity> GetAny(EntityKind kind, std::int64_t id);

  // The rows of `kind` selected by `options`, ascending by id.
  // REQUIRES: kind < kEntityKindCount.
  absl::StatusOr<std::vector<VersionedEntity>> ListAny(EntityKind kind, const ListOptions& options);

  // Applies every write of `txn` atomically. Returns the new version of each
  // write in order (0 for an erase). An empty transaction returns {}.
  // Errors (nothing written): InvalidArgument (an invalid entity, a negative
  // expected version, a kind out of range, the same row twice), Aborted
  // (a stale version), NotFound (see the header comment); a backend may also
  // return Unavailable or DataLoss for I/O trouble.
  absl::StatusOr<std::vector<std::int64_t>> Commit(const Transaction& txn);

  // Replaces the whole content of the store with `data` in one atomic step;
  // every row gets version 1. Reports progress per entity type and stops
  // with Cancelled (nothing changed) when `progress` asks.
  // Errors: InvalidArgument (an invalid entity, two entities of one type
  // with the same id), Cancelled.
  absl::Status SaveAll(const Dataset& data, ProgressSink* progress = nullptr);

  // Every stored entity, each type in id order (versions are not included;
  // use Get or List for them). Errors: Cancelled, backend I/O errors.
  absl::StatusOr<Dataset> LoadAll(ProgressSink* progress = nullptr);

 protected:
  Store() = default;

  // Backend hooks. The base class has validated the arguments: kinds are in
  // range, entities are valid, ids in a Commit are distinct per kind, ids in
  // SaveAll are distinct per kind. Each must be atomic and thread-safe.
  virtual absl::StatusOr<VersionedEntity> DoGet(EntityKind kind, std::int64_t id) = 0;
  virtual absl::StatusOr<std::vector<VersionedEntity>> DoList(EntityKind kind, const ListOptions& options) = 0;
  virtual absl::StatusOr<std::vector<std::int64_t>> DoCommit(std::span<const WriteOp> writes) = 0;
  virtual absl::Status DoSaveAll(const Dataset& data, ProgressSink* progress) = 0;
  virtual absl::StatusOr<Dataset> DoLoadAll(ProgressSink* progress) = 0;
};

// The error every backend returns for a missing row: NotFound "employee:42
// not found".
absl::Status RowNotFoundError(EntityKind kind, std::int64_t id);

// The error every backend returns for a version mismatch: Aborted
// "employee:42: expected version 3, stored version 4".
absl::Status StaleVersionError(EntityKind kind, std::int64_t id, std::int64_t expected, std::int64_t stored);

// Applies the version rules of the header comment to one write against the
// stored version (`stored` = 0 if the row does not exist). Backends call it
// so every one reports conflicts the same way.
absl::Status CheckWriteVersion(const WriteOp& write, std::int64_t stored);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_STORE_HPP_
