// Which SQLite databases hrkit opens, decided before anything is written:
// one hrkit created (PRAGMA application_id = kHrkitApplicationId and
// user_version = its storage format), an empty one, or one written by hrkit
// 0.1 (format 1, no application_id) recognised by its exact tables and
// columns. Anything else (a foreign table, a view or trigger, another
// application's application_id or user_version, a table of hrkit's name with
// other columns or key) is refused with FailedPrecondition naming what was
// found. Internal to the SQLite backend.
//
// Thread safety: pure functions of one connection; the caller serializes
// calls on that connection.
#ifndef HRKIT_SRC_STORAGE_SQLITE_ADOPTION_HPP_
#define HRKIT_SRC_STORAGE_SQLITE_ADOPTION_HPP_

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"

namespace hrkit::sqlite_internal {

// PRAGMA application_id of every database hrkit creates: "HRKT".
inline constexpr std::int32_t kHrkitApplicationId = 0x48524B54;

// What the database at hand is.
enum class Adoption {
  kEmpty,     // no schema objects, application_id and user_version 0: create
  kMarked,    // hrkit's application_id: open (and upgrade an older format)
  kUnmarked,  // an hrkit database written before the mark (format 1): stamp it
};

// Inspects the database of `db` (reads only). `path` names it in messages.
// Errors: FailedPrecondition (not hrkit's and not empty, or of a newer
// format: the message names what was found and what to do); the sqlite
// errors of the reads (Unavailable when busy, DataLoss when not a database).
absl::StatusOr<Adoption> CheckDatabase(sqlite3* db, std::string_view path);

}  // namespace hrkit::sqlite_internal

#endif  // HRKIT_SRC_STORAGE_SQLITE_ADOPTION_HPP_
