// Internal to the PostgreSQL backend: the binary wire formats it speaks
// (statement parameters, result rows, COPY BINARY in and out), the SQLSTATE
// classification and the SQL text of its statements.
//
// Thread safety: value types and pure functions; each object is used by one
// store under its lock.
#ifndef HRKIT_SRC_STORAGE_POSTGRES_WIRE_HPP_
#define HRKIT_SRC_STORAGE_POSTGRES_WIRE_HPP_

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
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "postgres_store_internal.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::postgres_internal {

// Type OIDs of the parameters we send (pg_type.dat).
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kTextOid = 25;
inline constexpr Oid kFloat8Oid = 701;

inline constexpr std::int64_t kProgressEvery = 65536;
// The payload that marks a commit whose outcome is unknown.
inline constexpr char kCommitOutcomeUnknownPayload[] = "type.hrkit/commit_outcome_unknown";
inline constexpr std::size_t kCopyFlushBytes = 1 << 20;

inline void AppendBigEndian(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::uint64_t ReadBigEndian(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

inline Oid OidOf(sql::ColumnType type) {
  switch (type) {
    case sql::ColumnType::kInteger:
      return kInt8Oid;
    case sql::ColumnType::kReal:
      return kFloat8Oid;
    case sql::ColumnType::kText:
      return kTextOid;
  }
  return kTextOid;
}

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

inline ResultPtr Wrap(PGresult* result) { return ResultPtr(result, &PQclear); }

inline std::string_view SqlState(const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr ? std::string_view(state) : std::string_view();
}

// True for SQLSTATEs that mean the connection or the server went away.
inline bool IsConnectionState(std::string_view state) {
  return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03";
}

// True for SQLSTATEs after which the whole transaction may simply be run again.
inline bool IsRetryableState(std::string_view state) {
  return state == "40001" || state == "40P01" || state == "23505";
}

// libpq's message without its trailing newline.
inline std::string Trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Statement parameters in binary format: the ParamSink of sql_row.hpp.
class Params {
 public:
  // Starts a new set of `n` parameters, all NULL.
  void Reset(int n) {
    n_ = n;
    if (owned_.size() < static_cast<std::size_t>(n)) owned_.resize(n);
    borrowed_.assign(n, nullptr);
    use_owned_.assign(n, false);
    lengths_.assign(n, 0);
    formats_.assign(n, 1);
    values_.assign(n, nullptr);
  }

  void BindNull(int index) {
    borrowed_[index - 1] = nullptr;
    use_owned_[index - 1] = false;
  }
  void BindInt(int index, std::int64_t value) {
    std::string& s = Own(index);
    AppendBigEndian(s, static_cast<std::uint64_t>(value), 8);
    lengths_[index - 1] = 8;
  }
  void BindReal(int index, double value) {
    std::string& s = Own(index);
    AppendBigEndian(s, std::bit_cast<std::uint64_t>(value), 8);
    lengths_[index - 1] = 8;
  }
  void BindText(int index, std::string_view text) {
    if (!postgres_internal::StorableAsIs(text)) return BindTempText(index, text);
    borrowed_[index - 1] = text.data() != nullptr ? text.data() : "";
    use_owned_[index - 1] = false;
    lengths_[index - 1] = static_cast<int>(text.size());
  }
  void BindTempText(int index, std::string_view text) {
    std::string& s = Own(index);
    if (postgres_internal::StorableAsIs(text)) {
      s.assign(text.data(), text.size());
    } else {
      s = postgres_internal::EscapeText(text);
    }
    lengths_[index - 1] = static_cast<int>(s.size());
  }

  int size() const { return n_; }
  // The value pointers (nullptr = SQL NULL); valid until the next Bind/Reset.
  const char* const* values() {
    for (int i = 0; i < n_; ++i) values_[i] = use_owned_[i] ? owned_[i].data() : borrowed_[i];
    return values_.data();
  }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  std::string& Own(int index) {
    std::string& s = owned_[index - 1];
    s.clear();
    use_owned_[index - 1] = true;
    return s;
  }

  int n_ = 0;
  std::vector<std::string> owned_;
  std::vector<const char*> borrowed_;
  std::vector<bool> use_owned_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
  std::vector<const char*> values_;
};

// One row of binary-format values (from a result or a COPY stream): the
// ColumnSource of sql_row.hpp. Values point into the cursor's buffer and
// stay valid until it moves on.
class BinaryRow {
 public:
  void Clear() { fields_.clear(); }
  void Add(const char* data, int length) { fields_.push_back(Field{data, length}); }
  std::size_t size() const { return fields_.size(); }

  bool IsNull(int column) { return fields_[column].length < 0; }
  // Enum columns are TEXT (an upgrade converts format-1 BIGINT columns).
  bool IsInteger(int) { return false; }
  std::int64_t Int(int column) {
    const Field& f = fields_[column];
    switch (f.length) {
      case 8:
        return static_cast<std::int64_t>(ReadBigEndian(f.data, 8));
      case 4:
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(ReadBigEndian(f.data, 4)));
      case 2:
        return static_cast<std::int16_t>(static_cast<std::uint16_t>(ReadBigEndian(f.data, 2)));
      default:
        return 0;  // NULL
    }
  }
  double Real(int column) {
    const Field& f = fields_[column];
    switch (f.length) {
      case 8:
        return std::bit_cast<double>(ReadBigEndian(f.data, 8));
      case 4:
        return std::bit_cast<float>(static_cast<std::uint32_t>(ReadBigEndian(f.data, 4)));
      default:
        return 0;  // NULL
    }
  }
  // The stored text, unescaped; valid until the next row.
  std::string_view Text(int column) {
    const Field& f = fields_[column];
    if (f.length <= 0) return {};
    const std::string_view raw(f.data, static_cast<std::size_t>(f.length));
    if (!raw.starts_with(postgres_internal::kEscapeMarker)) return raw;
    if (scratch_.size() <= static_cast<std::size_t>(column)) scratch_.resize(static_cast<std::size_t>(column) + 1);
    std::string& out = scratch_[column];
    out.clear();
    if (!postgres_internal::UnescapeText(raw, out)) {
      bad_escape_ = true;
      return raw;
    }
    return out;
  }

  // DataLoss once a marked text value with a malformed escape was read.
  absl::Status EscapeStatus() const {
    return bad_escape_ ? absl::DataLossError("a stored text has a malformed escape") : absl::OkStatus();
  }

 private:
  struct Field {
    const char* data;
    int length;  // -1 for NULL
  };
  std::vector<Field> fields_;
  std::vector<std::string> scratch_;
  bool bad_escape_ = false;
};

// The rows of a binary-format PGresult, one after the other.
class ResultCursor {
 public:
  explicit ResultCursor(const PGresult* result) : result_(result), rows_(PQntuples(result)) {}
  // Moves to the next row; false after the last.
  absl::StatusOr<bool> Next() {
    if (++row_ >= rows_) return false;
    row_data_.Clear();
    for (int c = 0; c < PQnfields(result_); ++c) {
      row_data_.Add(PQgetvalue(result_, row_, c), PQgetisnull(result_, row_, c) ? -1 : PQgetlength(result_, row_, c));
    }
    return true;
  }
  BinaryRow& row() { return row_data_; }
  int size() const { return rows_; }

 private:
  const PGresult* result_;
  int rows_;
  int row_ = -1;
  BinaryRow row_data_;
};

// The rows of a running COPY ... TO STDOUT (FORMAT binary), read one
// CopyData message at a time. Finish() must be called once, also after an
// error, to bring the connection back to its normal state.
class CopyCursor {
 public:
  explicit CopyCursor(PGconn* conn) : conn_(conn) {}
  CopyCursor(const CopyCursor&) = delete;
  CopyCursor& operator=(const CopyCursor&) = delete;
  ~CopyCursor() { PQfreemem(buffer_); }

  absl::StatusOr<bool> Next() {
    while (!done_) {
      if (pos_ < length_) return ParseTuple();
      PQfreemem(buffer_);
      buffer_ = nullptr;
      pos_ = 0;
      length_ = PQgetCopyData(conn_, &buffer_, /*async=*/0);
      if (length_ == -1) {
        done_ = true;  // the server ended the COPY (Finish reads its result)
        return false;
      }
      if (length_ < 0)
        return absl::UnavailableError(absl::StrCat("postgres copy out: ", Trimmed(PQerrorMessage(conn_))));
      if (!header_read_) {
        // Signature, flags, header extension length, then the extension.
        constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
        if (length_ < 19 || std::string_view(buffer_, 11) != kSignature) return Corrupt();
        const auto extension = static_cast<std::int64_t>(ReadBigEndian(buffer_ + 15, 4));
        if (extension < 0 || extension > length_ - 19) return Corrupt();
        pos_ = 19 + static_cast<int>(extension);
        header_read_ = true;
      }
    }
    return false;
  }
  BinaryRow& row() { return row_; }

  // Drains the COPY and returns the server's verdict on it.
  absl::Status Finish() {
    if (!done_) {
      PQfreemem(buffer_);
      buffer_ = nullptr;
      pos_ = length_ = 0;
      while (PQgetCopyData(conn_, &buffer_, 0) >= 0) {
        PQfreemem(buffer_);
        buffer_ = nullptr;
      }
      done_ = true;
    }
    absl::Status status;
    while (PGresult* r = PQgetResult(conn_)) {
      if (status.ok() && PQresultStatus(r) != PGRES_COMMAND_OK) {
        const char* message = PQresultErrorMessage(r);
        status = PQstatus(conn_) != CONNECTION_OK
                     ? absl::UnavailableError(absl::StrCat("postgres copy out: ", Trimmed(message)))
                     : absl::InternalError(absl::StrCat("postgres copy out: ", Trimmed(message)));
      }
      PQclear(r);
    }
    return status;
  }

 private:
  absl::Status Corrupt() { return absl::DataLossError("postgres copy out: malformed binary COPY data"); }

  // Reads the tuple at pos_ into row_.
  absl::StatusOr<bool> ParseTuple() {
    auto remaining = [&] { return length_ - pos_; };
    if (remaining() < 2) return Corrupt();
    const auto fields = static_cast<std::int16_t>(static_cast<std::uint16_t>(ReadBigEndian(buffer_ + pos_, 2)));
    pos_ += 2;
    if (fields == -1) {  // the trailer
      pos_ = length_;
      return Next();
    }
    row_.Clear();
    for (int f = 0; f < fields; ++f) {
      if (remaining() < 4) return Corrupt();
      const auto size = static_cast<std::int32_t>(static_cast<std::uint32_t>(ReadBigEndian(buffer_ + pos_, 4)));
      pos_ += 4;
      if (size == -1) {
        row_.Add(nullptr, -1);
        continue;
      }
      if (size < 0 || size > remaining()) return Corrupt();
      row_.Add(buffer_ + pos_, size);
      pos_ += size;
    }
    return true;
  }

  PGconn* conn_;
  char* buffer_ = nullptr;
  int length_ = 0;
  int pos_ = 0;
  bool header_read_ = false;
  bool done_ = false;
  BinaryRow row_;
};

// Rows of COPY ... (FORMAT binary): the ParamSink of sql_row.hpp (parameter
// indexes are ignored: fields are appended in order).
class CopyBuffer {
 public:
  void Header() {
    static constexpr char kSignature[] = "PGCOPY\n\377\r\n";
    data_.append(kSignature, sizeof(kSignature));  // 11 bytes with the NUL
    AppendBigEndian(data_, 0, 4);                  // flags
    AppendBigEndian(data_, 0, 4);                  // header extension length
  }
  void Trailer() { AppendBigEndian(data_, 0xFFFF, 2); }
  void BeginTuple(std::size_t fields) { AppendBigEndian(data_, fields, 2); }

  void BindNull(int) { AppendBigEndian(data_, 0xFFFFFFFFu, 4); }
  void BindInt(int, std::int64_t value) {
    AppendBigEndian(data_, 8, 4);
    AppendBigEndian(data_, static_cast<std::uint64_t>(value), 8);
  }
  void BindReal(int, double value) {
    AppendBigEndian(data_, 8, 4);
    AppendBigEndian(data_, std::bit_cast<std::uint64_t>(value), 8);
  }
  void BindText(int, std::string_view text) {
    if (postgres_internal::StorableAsIs(text)) {
      AppendBigEndian(data_, text.size(), 4);
      data_.append(text.data(), text.size());
    } else {
      const std::string escaped = postgres_internal::EscapeText(text);
      AppendBigEndian(data_, escaped.size(), 4);
      data_ += escaped;
    }
  }
  void BindTempText(int index, std::string_view text) { BindText(index, text); }

  std::string& data() { return data_; }

 private:
  std::string data_;
};

struct ChildStatements {
  std::string insert;  // every column
  std::string remove;  // WHERE entity_id = $1
  std::string range;   // WHERE entity_id > $1 AND entity_id <= $2 ORDER BY entity_id, ord
  std::string clear;   // every row
  std::string copy;    // COPY ... FROM STDIN (FORMAT binary)
};

struct KindStatements {
  sql::EntitySchema schema;
  std::string insert;   // every column
  std::string update;   // SET version, fields WHERE id = $1
  std::string remove;   // WHERE id = $1 (child rows cascade)
  std::string version;  // SELECT version WHERE id = $1
  std::string range;    // WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3
  std::string clear;    // every row
  std::string copy;
  std::vector<ChildStatements> children;
};

// A statement to prepare on every (re)connection.
struct PreparedSql {
  std::string name;
  std::string sql;
  std::vector<Oid> types;
};

inline std::string CopySql(const sql::Table& table) {
  std::string columns;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    absl::StrAppend(&columns, i == 0 ? "" : ", ", sql::QuoteIdentifier(table.columns[i].name));
  }
  return absl::StrCat("COPY ", sql::QuoteIdentifier(table.name), " (", columns, ") FROM STDIN (FORMAT binary)");
}

inline std::string CopyOutSql(const sql::Table& table) {
  return absl::StrCat("COPY (", sql::SelectSql(table, sql::OrderBySql(table)), ") TO STDOUT (FORMAT binary)");
}

}  // namespace hrkit::postgres_internal

#endif  // HRKIT_SRC_STORAGE_POSTGRES_WIRE_HPP_
