// The PostgreSQL backend (CMake target hrkit::postgres, built when
// HRKIT_WITH_POSTGRES is ON): many application instances sharing one server.
// The same relational schema as the sqlite backend (sqlite_store.hpp),
// generated from the entities' Describe functions, in the first schema of the
// connection's search_path:
// - one table per entity type (`employee`): id BIGINT PRIMARY KEY, version
//   BIGINT, then one typed column per scalar field;
// - one history table per History field (`employee__employment`) and one
//   child table per List field, keyed (entity_id, ord), entity_id a foreign
//   key ON DELETE CASCADE; lists inside their records in tables keyed
//   (entity_id, <enclosing field>_ord, ord) (`leave_policy__versions__tiers`).
// Column encoding: integers, bools and ids as BIGINT (an invalid id 0 as
// NULL); enums as TEXT holding the value's name; an empty std::optional as
// NULL; doubles as DOUBLE PRECISION; dates as ISO "YYYY-MM-DD" TEXT
// ("infinity", "-infinity", NULL for not_a_date_time); Money as <name>_minor
// BIGINT and <name>_currency TEXT.
//
// Strings are TEXT and round-trip byte for byte. PostgreSQL TEXT cannot hold
// a NUL byte or bytes that are not UTF-8, so such a string is stored escaped:
// U+FFFF (a Unicode noncharacter, never used in text) followed by the bytes
// with printable ASCII kept, '\' written "\\" and every other byte written
// "\xHH". Example: std::string("nul\0inside", 10) is stored as
// "\uFFFFnul\x00inside". A valid UTF-8 string without NUL bytes that does not
// begin with U+FFFF (every name, e-mail, code a person writes) is stored as
// is, so SQL on the tables sees the real text.
//
// Statements: every statement is prepared once per connection and run with
// parameters (PQprepare / PQexecPrepared); no SQL text is ever built from
// data. SaveAll streams rows with COPY ... FROM STDIN (BINARY); where the
// store's role owns the tables, it drops the child tables' foreign keys for
// the load and adds them back (one validating join instead of a check per
// row) in the same transaction, which locks the tables until it commits.
// LoadAll streams each table with COPY (SELECT ...) TO STDOUT (BINARY), all
// in one snapshot.
//
// Transactions: writes run in SERIALIZABLE transactions; a serialization
// failure, deadlock or concurrent insert of the same key (SQLSTATE 40001,
// 40P01, 23505) restarts the whole transaction, at most
// PostgresOptions::max_attempts times (then Aborted). Row versions are
// checked inside the transaction, so a stale write is Aborted as with every
// backend. Reads run in REPEATABLE READ READ ONLY transactions (one snapshot
// per call).
//
// Lost connections:
// - lost before or during a transaction (before COMMIT was sent): Unavailable,
//   nothing written (the server rolls an unfinished transaction back);
// - lost after COMMIT was sent, before its result arrived: Unknown, and
//   IsCommitOutcomeUnknown() is true: the transaction may or may not have
//   committed. Re-read the rows (their versions tell) before retrying.
// The next call on the store reconnects (prepared statements are prepared
// again); it returns Unavailable while the server cannot be reached.
//
// Schema versions: table hrkit_schema_version (one row) holds the storage
// format (core/describe.hpp) the schema was written in. Opening an older
// schema upgrades it in place in one transaction (missing tables and columns
// are added and read as the member's default in older rows; format-1 BIGINT
// enum columns become TEXT names; format-1 leave policies take the current
// layout) under an advisory lock, so several processes may open
// the same schema at once; a schema written by a newer hrkit is refused with
// FailedPrecondition.
//
// Thread safety: a Store; one connection per store, calls serialized by a
// mutex. Several stores (or processes) may use the same schema at once.
#ifndef HRKIT_STORAGE_POSTGRES_STORE_HPP_
#define HRKIT_STORAGE_POSTGRES_STORE_HPP_

#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {

// The schema version this build writes (table hrkit_schema_version): the
// storage format.
inline constexpr int kPostgresSchemaVersion = kStorageFormatVersion;

// How a PostgreSQL store runs its transactions.
struct PostgresOptions {
  // How many times a write transaction is attempted when the server reports
  // a serialization failure or deadlock (at least 1; OpenPostgresStore
  // returns InvalidArgument otherwise).
  int max_attempts = 8;
};

// Connects to the server named by `uri`, a libpq connection URI or
// key=value string ("postgresql://user@host:5432/db?options=-csearch_path%3Dhr"),
// then creates or migrates the schema in the first schema of search_path.
// The schema must be empty or hrkit's (hrkit_schema_version and only the
// tables hrkit creates); otherwise nothing is created.
// Errors: InvalidArgument (a malformed URI, a port outside 1..65535,
// max_attempts < 1), Unavailable (the server cannot be reached or refuses
// the login), FailedPrecondition (a schema of a newer version, no schema to
// create tables in, a table or view that is not hrkit's), PermissionDenied
// (no right to create the tables).
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(std::string_view uri, const PostgresOptions& options = {});

// Registers the "postgresql" and "postgres" schemes with OpenStore; the whole
// URI is passed to libpq. Safe to call more than once and from any thread.
//
// Example:
//   HRKIT_RETURN_IF_ERROR(RegisterPostgresBackend());   // links hrkit::postgres
//   HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
//                          OpenStore("postgresql://hr@db.internal/hr"));
absl::Status RegisterPostgresBackend();

// True if `status` is the postgres backend's "commit outcome unknown" error:
// the connection was lost after COMMIT was sent (code Unknown, with a
// payload that marks it). The writes may have landed.
bool IsCommitOutcomeUnknown(const absl::Status& status);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_POSTGRES_STORE_HPP_
