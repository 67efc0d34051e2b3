// Internal to the SQLite backend: a prepared statement (the ParamSink and
// ColumnSource of sql_row.hpp), a scope guard that resets one, and the mapping
// of SQLite result codes to canonical Status codes.
//
// Thread safety: a Statement belongs to one connection; the store's lock
// serializes its use.
#ifndef HRKIT_SRC_STORAGE_SQLITE_STATEMENT_HPP_
#define HRKIT_SRC_STORAGE_SQLITE_STATEMENT_HPP_

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit::sqlite_internal {

// The payload SqliteError puts on the Unavailable of SQLITE_BUSY or
// SQLITE_LOCKED: another connection holds the lock (retrying may succeed).
inline constexpr char kBusyPayload[] = "type.hrkit.dev/sqlite.busy";

// Maps a SQLite result code to a canonical Status.
inline absl::Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  const std::string message =
      absl::StrCat("sqlite ", ToAbsl(context), ": ", db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
      absl::Status busy = absl::UnavailableError(message);
      busy.SetPayload(kBusyPayload, absl::Cord("busy"));
      return busy;
    }
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return absl::UnavailableError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return absl::DataLossError(message);
    case SQLITE_NOMEM:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::InternalError(message);
  }
}

// Whether `status` is SqliteError's of a busy or locked database.
inline bool IsBusy(const absl::Status& status) { return status.GetPayload(kBusyPayload).has_value(); }

// A prepared statement; also the ParamSink and ColumnSource of sql_row.hpp.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
  Statement& operator=(Statement&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  static absl::StatusOr<Statement> Prepare(sqlite3* db, const std::string& sql) {
    Statement s;
    const int rc =
        sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s.stmt_, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db, rc, absl::StrCat("prepare ", sql));
    return s;
  }

  void BindNull(int index) { sqlite3_bind_null(stmt_, index); }
  void BindInt(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void BindReal(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  void BindText(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_, index, text.data() != nullptr ? text.data() : "", text.size(), SQLITE_STATIC,
                        SQLITE_UTF8);
  }
  void BindTempText(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_, index, text.data() != nullptr ? text.data() : "", text.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
  }

  bool IsNull(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  bool IsInteger(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_INTEGER; }
  std::int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) { return sqlite3_column_double(stmt_, column); }
  std::string_view Text(int column) {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

  int Step() { return sqlite3_step(stmt_); }
  void Reset() { sqlite3_reset(stmt_); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when the scope ends, so it never holds a read lock.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& s) : s_(s) {}
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;
  ~ResetOnExit() { s_.Reset(); }

 private:
  Statement& s_;
};

}  // namespace hrkit::sqlite_internal

#endif  // HRKIT_SRC_STORAGE_SQLITE_STATEMENT_HPP_
