// The SQLite backend (CMake target hrkit::sqlite, built when
// HRKIT_WITH_SQLITE is ON). A real relational schema generated from the
// entities' Describe functions, readable with the sqlite3 shell:
// - one table per entity type (`employee`), `id INTEGER PRIMARY KEY` and a
//   `version` column, then one typed column per scalar field;
// - one history table per History field (`employee__employment`) with
//   entity_id (foreign key, ON DELETE CASCADE), ord, effective, sequence,
//   recorded, replaced, then the record's columns;
// - one child table per List field (`<entity>__<field>`) with entity_id, ord
//   and the record's columns (a list of scalars: one column `value`);
// - one table per List inside the records of a History or List
//   (`leave_policy__versions__tiers`) with entity_id, the enclosing row's
//   position (`versions_ord`), ord and the record's columns.
// Column encoding: integers, bools and ids as INTEGER (an invalid id 0 as
// NULL); enums as TEXT holding the value's name ("active", "full_time");
// an empty std::optional as NULL; doubles as REAL; strings as TEXT (byte
// exact, NUL bytes included); dates as ISO "YYYY-MM-DD" TEXT ("infinity" for
// OpenEnd(), "-infinity", NULL for not_a_date_time; a current history entry
// has replaced = 'infinity'); Money as two columns, <name>_minor INTEGER and
// <name>_currency TEXT.
//
// Durability: WAL journal with synchronous=FULL (every commit survives power
// loss) unless SqliteOptions::synchronous_full is false (synchronous=NORMAL:
// faster, but the last commits before a power loss may be lost; the database
// stays consistent). Write transactions use BEGIN IMMEDIATE with a busy
// timeout, and a busy database is retried, so SQLITE_BUSY never reaches the
// caller unless the timeout expires (then Unavailable).
//
// Which databases it opens: one hrkit created (PRAGMA application_id =
// 0x48524B54, "HRKT", and user_version = its storage format), an empty one,
// or one of hrkit 0.1 (format 1: user_version 1, no application_id, exactly
// format 1's tables and columns; marked when it is upgraded). Anything else
// (a foreign table, a view, a table of hrkit's name with other columns or
// key, another application's application_id or user_version) is refused
// with FailedPrecondition before a byte is written. A new file opened by
// several processes at once is created once: the journal switch is retried
// within the busy timeout and the schema is created and stamped in one
// BEGIN IMMEDIATE transaction.
//
// Schema versions: PRAGMA user_version holds the storage format the database
// was written in (core/describe.hpp). Opening an older database upgrades it
// in place, in one transaction: missing tables and columns are added (rows
// written before read them as the member's default), format-1 enum integers
// become names and format-1 leave policies take the current layout. A
// database written by a newer hrkit is refused with FailedPrecondition.
//
// Thread safety: a Store; one connection per store, calls serialized by a
// mutex. Several stores (or processes) may open the same file.
#ifndef HRKIT_STORAGE_SQLITE_STORE_HPP_
#define HRKIT_STORAGE_SQLITE_STORE_HPP_

#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {

// The schema version this build writes (PRAGMA user_version): the storage
// format.
inline constexpr int kSqliteSchemaVersion = kStorageFormatVersion;

// How a SQLite store opens its database.
struct SqliteOptions {
  // true: synchronous=FULL (durable). false: synchronous=NORMAL (may lose the
  // last commits on power loss, never consistency).
  bool synchronous_full = true;
  // How long a writer waits for another connection's write lock.
  int busy_timeout_ms = 10'000;
  // Create the file if it does not exist.
  bool create_if_missing = true;
};

// Opens (creating or migrating as needed) the database at `path`, a file
// path (SQLite's "file:" URIs and ":memory:" are not taken).
// Errors: NotFound (missing file and !create_if_missing), FailedPrecondition
// (a database hrkit did not create and that is not empty, or of a newer
// format; the file is left unchanged), DataLoss (not a database / corrupt),
// Unavailable (cannot open or lock within the busy timeout),
// InvalidArgument (empty path, a NUL byte, ":memory:" or a "file:" URI).
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(std::string_view path, const SqliteOptions& options = {});

// Registers the "sqlite" scheme with OpenStore: "sqlite:PATH" opens PATH with
// default options, "sqlite:PATH?synchronous=normal" with synchronous=NORMAL.
// Safe to call more than once and from any thread.
absl::Status RegisterSqliteBackend();

}  // namespace hrkit

#endif  // HRKIT_STORAGE_SQLITE_STORE_HPP_
