// The PostgreSQL backend (see include/hrkit/storage/postgres_store.hpp): one
// libpq connection per store behind a mutex, named prepared statements with
// binary parameters and results, COPY BINARY for bulk saves, SERIALIZABLE
// write transactions with bounded retry. Tables and row binding come from
// sql_schema.hpp / sql_row.hpp, shared with the sqlite backend.
#include "hrkit/storage/postgres_store.hpp"

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
#include "postgres_store_internal.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit {
namespace postgres_internal {

bool StorableAsIs(std::string_view text) {
  if (text.starts_with(kEscapeMarker)) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return false;
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;  // bounds of the second byte (RFC 3629, table 3-7)
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlong forms
      if (c == 0xF4) hi = 0x8F;  // at most U+10FFFF
    } else {
      return false;
    }
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

std::string EscapeText(std::string_view text) {
  if (StorableAsIs(text)) return std::string(text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(kEscapeMarker);
  out.reserve(kEscapeMarker.size() + text.size() + text.size() / 4);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

bool UnescapeText(std::string_view stored, std::string& out) {
  if (!stored.starts_with(kEscapeMarker)) {
    out.append(stored.data(), stored.size());
    return true;
  }
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const std::string_view body = stored.substr(kEscapeMarker.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    if (i + 1 < body.size() && body[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else if (i + 3 < body.size() && body[i + 1] == 'x' && hex(body[i + 2]) >= 0 && hex(body[i + 3]) >= 0) {
      out += static_cast<char>(hex(body[i + 2]) * 16 + hex(body[i + 3]));
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace postgres_internal

namespace {

namespace format1 = storage_internal::format1;
using postgres_internal::WriteHooks;
using postgres_internal::WriteStage;

// Type OIDs of the parameters we send (pg_type.dat).
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr Oid kFloat8Oid = 701;

constexpr std::int64_t kProgressEvery = 65536;
// The payload that marks a commit whose outcome is unknown.
constexpr char kCommitOutcomeUnknownPayload[] = "type.hrkit/commit_outcome_unknown";
constexpr std::size_t kCopyFlushBytes = 1 << 20;

void AppendBigEndian(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t ReadBigEndian(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

Oid OidOf(sql::ColumnType type) {
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

ResultPtr Wrap(PGresult* result) { return ResultPtr(result, &PQclear); }

std::string_view SqlState(const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr ? std::string_view(state) : std::string_view();
}

// True for SQLSTATEs that mean the connection or the server went away.
bool IsConnectionState(std::string_view state) {
  return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03";
}

// True for SQLSTATEs after which the whole transaction may simply be run again.
bool IsRetryableState(std::string_view state) { return state == "40001" || state == "40P01" || state == "23505"; }

// libpq's message without its trailing newline.
std::string Trimmed(const char* message) {
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

std::string CopySql(const sql::Table& table) {
  std::string columns;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    absl::StrAppend(&columns, i == 0 ? "" : ", ", sql::QuoteIdentifier(table.columns[i].name));
  }
  return absl::StrCat("COPY ", sql::QuoteIdentifier(table.name), " (", columns, ") FROM STDIN (FORMAT binary)");
}

std::string CopyOutSql(const sql::Table& table) {
  return absl::StrCat("COPY (", sql::SelectSql(table, sql::OrderBySql(table)), ") TO STDOUT (FORMAT binary)");
}

class PostgresStore final : public Store, private sql::KindReads<PostgresStore> {
  friend class sql::KindReads<PostgresStore>;

 public:
  PostgresStore(PGconn* conn, const PostgresOptions& options, WriteHooks hooks)
      : conn_(conn), options_(options), hooks_(std::move(hooks)) {}
  ~PostgresStore() override { PQfinish(conn_); }

  std::string_view BackendName() const override { return "postgres"; }

  // Quiets notices, creates or migrates the schema, builds the statements.
  absl::Status Init() {
    PQsetNoticeReceiver(conn_, &PostgresStore::OnNotice, this);
    HRKIT_RETURN_IF_ERROR(Migrate());
    if (kinds_.empty()) BuildStatements();
    return EnsureReady();
  }

 protected:
  absl::StatusOr<VersionedEntity> DoGet(EntityKind kind, std::int64_t id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return GetOfKind(kind, id);
  }

  absl::StatusOr<std::vector<VersionedEntity>> DoList(EntityKind kind, const ListOptions& options) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return ListOfKind(kind, options);
  }

  absl::StatusOr<std::vector<std::int64_t>> DoCommit(std::span<const WriteOp> writes) override {
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

  absl::Status DoSaveAll(const Dataset& data, ProgressSink* progress) override {
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

  absl::StatusOr<Dataset> DoLoadAll(ProgressSink* progress) override {
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

 private:
  // ---- Connection and statements -------------------------------------------

  static void OnNotice(void* self, const PGresult* notice) {
    // A FATAL or PANIC report outside a query: the server is closing this
    // connection (e.g. pg_terminate_backend). Other notices are dropped.
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity != nullptr && (std::string_view(severity) == "FATAL" || std::string_view(severity) == "PANIC")) {
      static_cast<PostgresStore*>(self)->server_closing_ = true;
    }
  }

  // Maps a failed result (or a connection failure when `result` is null) to a
  // canonical Status and remembers whether a retry may succeed.
  absl::Status Error(const PGresult* result, std::string_view context) {
    const std::string_view state = SqlState(result);
    const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = absl::StrCat("postgres ", ToAbsl(context), ": ",
                                       primary != nullptr ? std::string(primary) : Trimmed(PQerrorMessage(conn_)));
    if (!state.empty()) absl::StrAppend(&message, " (SQLSTATE ", ToAbsl(state), ")");
    if (PQstatus(conn_) != CONNECTION_OK || IsConnectionState(state) || (result == nullptr && state.empty())) {
      return absl::UnavailableError(
          absl::StrCat(message, ": connection lost (an unfinished transaction is rolled back: nothing was written)"));
    }
    if (IsRetryableState(state)) {
      retryable_ = true;
      return absl::AbortedError(message);
    }
    if (state == "42501") return absl::PermissionDeniedError(message);
    if (state == "3F000" || state == "3D000") return absl::FailedPreconditionError(message);
    if (state == "53300") return absl::UnavailableError(message);
    if (state.starts_with("53")) return absl::ResourceExhaustedError(message);
    if (state.starts_with("22")) return absl::InvalidArgumentError(message);
    return absl::InternalError(message);
  }

  // Checks the outcome of a statement.
  absl::StatusOr<ResultPtr> Check(ResultPtr result, std::string_view context) {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
        status == PGRES_COPY_OUT) {
      return result;
    }
    return Error(result.get(), context);
  }

  // A statement without parameters (fixed text, never data).
  absl::StatusOr<ResultPtr> Exec(const std::string& sql, std::string_view context) {
    return Check(Wrap(PQexec(conn_, sql.c_str())), context);
  }
  absl::Status Command(const std::string& sql, std::string_view context) { return Exec(sql, context).status(); }

  // Runs the prepared statement `name` with the parameters in params_.
  absl::StatusOr<ResultPtr> ExecPrepared(const std::string& name, std::string_view context) {
    return Check(Wrap(PQexecPrepared(conn_, name.c_str(), params_.size(), params_.values(), params_.lengths(),
                                     params_.formats(), /*resultFormat=*/1)),
                 context);
  }
  absl::Status Run(const std::string& name, std::string_view context) {
    params_.Reset(0);
    return ExecPrepared(name, context).status();
  }

  // Reconnects after a lost connection, ends a transaction a failure left
  // open, and prepares the statements on a new connection.
  absl::Status EnsureReady() {
    if (PQstatus(conn_) != CONNECTION_OK) {
      PQreset(conn_);
      prepared_ = false;
      if (PQstatus(conn_) != CONNECTION_OK) {
        return absl::UnavailableError(absl::StrCat("postgres reconnect: ", Trimmed(PQerrorMessage(conn_))));
      }
    }
    server_closing_ = false;
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Rollback();
    return PrepareAll();
  }

  // Prepares every statement on this connection, once.
  absl::Status PrepareAll() {
    if (prepared_) return absl::OkStatus();
    for (const PreparedSql& p : prepared_sql_) {
      ResultPtr result =
          Wrap(PQprepare(conn_, p.name.c_str(), p.sql.c_str(), static_cast<int>(p.types.size()), p.types.data()));
      HRKIT_RETURN_IF_ERROR(Check(std::move(result), absl::StrCat("prepare ", p.sql)).status());
    }
    prepared_ = true;
    return absl::OkStatus();
  }

  // Ends the current transaction, if any, without committing.
  void Rollback() {
    if (PQstatus(conn_) != CONNECTION_OK) return;
    if (PQtransactionStatus(conn_) == PQTRANS_ACTIVE) {
      // In a COPY: end it (FROM STDIN: abort it; TO STDOUT: read it to its
      // end) and drain its results.
      (void)PQputCopyEnd(conn_, "abandoned by hrkit");
      while (PGresult* r = PQgetResult(conn_)) {
        const bool copy_out = PQresultStatus(r) == PGRES_COPY_OUT;
        PQclear(r);
        if (copy_out) {
          char* buffer = nullptr;
          while (PQgetCopyData(conn_, &buffer, 0) >= 0) {
            PQfreemem(buffer);
            buffer = nullptr;
          }
        }
        if (PQstatus(conn_) != CONNECTION_OK) return;
      }
    }
    if (PQtransactionStatus(conn_) == PQTRANS_INTRANS || PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      PQclear(PQexec(conn_, "ROLLBACK"));
    }
  }

  // Adds a statement to prepare, named after its position.
  std::string Statement(std::string sql, std::vector<Oid> types) {
    std::string name = absl::StrCat("hrkit_", prepared_sql_.size());
    prepared_sql_.push_back(PreparedSql{name, std::move(sql), std::move(types)});
    return name;
  }

  static std::vector<Oid> TypesOf(const sql::Table& table) {
    std::vector<Oid> types;
    for (const sql::Column& c : table.columns) types.push_back(OidOf(c.type));
    return types;
  }

  void BuildStatements() {
    const sql::Dialect& d = Dialect();
    for (sql::EntitySchema& schema : sql::BuildAllSchemas()) {
      KindStatements k;
      const sql::Table& t = schema.main;
      const std::string name = sql::QuoteIdentifier(t.name);
      k.insert = Statement(sql::InsertSql(d, t), TypesOf(t));
      k.update = Statement(sql::UpdateEntitySql(d, t), TypesOf(t));
      k.remove = Statement(absl::StrCat("DELETE FROM ", name, " WHERE \"id\" = $1"), {kInt8Oid});
      k.version = Statement(absl::StrCat("SELECT \"version\" FROM ", name, " WHERE \"id\" = $1"), {kInt8Oid});
      k.range = Statement(sql::SelectSql(t, "WHERE \"id\" > $1 AND \"id\" <= $2 ORDER BY \"id\" LIMIT $3"),
                          {kInt8Oid, kInt8Oid, kInt8Oid});
      k.clear = Statement(absl::StrCat("DELETE FROM ", name), {});
      k.copy = CopySql(t);
      for (const sql::Table& child : schema.children) {
        ChildStatements c;
        const std::string child_name = sql::QuoteIdentifier(child.name);
        c.insert = Statement(sql::InsertSql(d, child), TypesOf(child));
        c.remove = Statement(absl::StrCat("DELETE FROM ", child_name, " WHERE \"entity_id\" = $1"), {kInt8Oid});
        c.range = Statement(sql::SelectSql(child, absl::StrCat("WHERE \"entity_id\" > $1 AND \"entity_id\" <= $2 ",
                                                               sql::OrderBySql(child))),
                            {kInt8Oid, kInt8Oid});
        c.clear = Statement(absl::StrCat("DELETE FROM ", child_name), {});
        c.copy = CopySql(child);
        k.children.push_back(std::move(c));
      }
      k.schema = std::move(schema);
      kinds_.push_back(std::move(k));
    }
  }

  static const sql::Dialect& Dialect() { return sql::kPostgresDialect; }

  void Hook(WriteStage stage, int attempt) {
    if (hooks_.stage) hooks_.stage(stage, attempt);
  }

  // ---- Transactions --------------------------------------------------------

  // Runs `body` in a REPEATABLE READ READ ONLY transaction (one snapshot).
  template <class Fn>
  absl::Status ReadTransaction(Fn&& body) {
    HRKIT_RETURN_IF_ERROR(EnsureReady());
    HRKIT_RETURN_IF_ERROR(Command("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "begin"));
    absl::Status status = body();
    if (!status.ok()) {
      Rollback();
      return status;
    }
    return Command("COMMIT", "commit read");
  }

  // Runs `body(attempt)` in a SERIALIZABLE transaction and commits it; runs
  // it again after a serialization failure or deadlock, at most
  // options_.max_attempts times. Any other failure rolls back and returns.
  template <class Fn>
  absl::Status WriteTransaction(std::string_view what, Fn&& body) {
    absl::Status status;
    for (int attempt = 0; attempt < options_.max_attempts; ++attempt) {
      if (attempt > 0) {
        // A short, growing pause lets the competing transaction finish.
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt * attempt, 50)));
      }
      HRKIT_RETURN_IF_ERROR(EnsureReady());
      retryable_ = false;
      HRKIT_RETURN_IF_ERROR(Command("BEGIN ISOLATION LEVEL SERIALIZABLE", what));
      status = body(attempt);
      if (status.ok()) {
        Hook(WriteStage::kWritten, attempt);
        status = CommitTransaction(what, attempt);
        if (status.ok() || !retryable_) return status;
        continue;
      }
      const bool retry = retryable_;
      Rollback();
      if (!retry) return status;
    }
    return absl::AbortedError(absl::StrCat("postgres ", ToAbsl(what), ": still conflicting after ",
                                           options_.max_attempts, " attempts (re-read and retry): ", status.message()));
  }

  // Sends COMMIT and reads its outcome. A connection lost before COMMIT left
  // is Unavailable (the server rolls back); one lost after it left is Unknown.
  absl::Status CommitTransaction(std::string_view what, int attempt) {
    // Reads whatever the server sent since the last statement: a FATAL
    // report (parsed by PQisBusy, passed to OnNotice) or the end of the
    // connection.
    const bool read_ok = PQconsumeInput(conn_) != 0;
    (void)PQisBusy(conn_);
    if (!read_ok || PQstatus(conn_) != CONNECTION_OK || server_closing_) {
      return absl::UnavailableError(absl::StrCat("postgres ", ToAbsl(what), ": connection lost before COMMIT (",
                                                 Trimmed(PQerrorMessage(conn_)), "); nothing was written"));
    }
    if (PQsendQuery(conn_, "COMMIT") == 0) {
      return absl::UnavailableError(absl::StrCat("postgres ", ToAbsl(what), ": could not send COMMIT (",
                                                 Trimmed(PQerrorMessage(conn_)), "); nothing was written"));
    }
    Hook(WriteStage::kCommitSent, attempt);
    ResultPtr result = Wrap(nullptr);
    while (PGresult* r = PQgetResult(conn_)) {
      if (result == nullptr || PQresultStatus(r) != PGRES_COMMAND_OK) {
        result = Wrap(r);
      } else {
        PQclear(r);
      }
    }
    const std::string_view state = SqlState(result.get());
    if (result != nullptr && PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
      if (std::string_view(PQcmdStatus(result.get())) == "COMMIT") return absl::OkStatus();
      return absl::InternalError(absl::StrCat("postgres ", ToAbsl(what), ": the server rolled the transaction back"));
    }
    if (result == nullptr || PQstatus(conn_) != CONNECTION_OK || IsConnectionState(state)) {
      const char* primary = result != nullptr ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      absl::Status unknown = absl::UnknownError(
          absl::StrCat("postgres ", ToAbsl(what), ": connection lost after COMMIT was sent (",
                       primary != nullptr ? std::string(primary) : Trimmed(PQerrorMessage(conn_)),
                       "): the outcome is unknown, the transaction may or may not have committed; re-read the rows "
                       "(their versions tell) before retrying"));
      unknown.SetPayload(kCommitOutcomeUnknownPayload, absl::Cord("unknown"));
      return unknown;
    }
    return Error(result.get(), absl::StrCat(ToAbsl(what), " COMMIT"));
  }

  // ---- Writes --------------------------------------------------------------

  absl::StatusOr<std::int64_t> StoredVersion(const WriteOp& w) {
    params_.Reset(1);
    params_.BindInt(1, w.id);
    HRKIT_ASSIGN_OR_RETURN(ResultPtr result, ExecPrepared(kinds_[w.kind].version, "read version"));
    ResultCursor cursor(result.get());
    HRKIT_ASSIGN_OR_RETURN(const bool found, cursor.Next());
    return found ? cursor.row().Int(0) : 0;
  }

  absl::StatusOr<std::int64_t> ApplyWrite(const WriteOp& w, std::int64_t stored) {
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

  // Inserts (or updates) the row of `e` and rewrites its child rows.
  template <class E>
  absl::Status WriteRow(KindStatements& k, const E& e, std::int64_t version, bool update) {
    const std::int64_t id = e.id.value();
    const std::string row_name = absl::StrCat(k.schema.main.name, ":", id);
    params_.Reset(static_cast<int>(k.schema.main.columns.size()));
    sql::BindEntityRow(params_, e, version);
    HRKIT_RETURN_IF_ERROR(ExecPrepared(update ? k.update : k.insert, absl::StrCat("write ", row_name)).status());
    if (update) {
      for (ChildStatements& c : k.children) {
        params_.Reset(1);
        params_.BindInt(1, id);
        HRKIT_RETURN_IF_ERROR(ExecPrepared(c.remove, absl::StrCat("rewrite child rows of ", row_name)).status());
      }
    }
    InsertWriter writer{*this, k, row_name};
    return sql::WriteChildRows(e, writer);
  }

  // Sends child rows to the prepared inserts of `k`.
  struct InsertWriter {
    PostgresStore& store;
    KindStatements& k;
    const std::string& row_name;
    template <class Bind>
    absl::Status Row(std::size_t table, Bind&& bind) {
      store.params_.Reset(static_cast<int>(k.schema.children[table].columns.size()));
      bind(store.params_);
      return store.ExecPrepared(k.children[table].insert, absl::StrCat("write child of ", row_name)).status();
    }
  };

  // Appends the child rows of one table to a COPY buffer.
  struct CopyWriter {
    CopyBuffer& buffer;
    std::size_t columns;
    template <class Bind>
    absl::Status Row(std::size_t, Bind&& bind) {
      buffer.BeginTuple(columns);
      bind(buffer);
      return absl::OkStatus();
    }
  };

  // Streams `rows` and their child rows into the tables of E with COPY.
  template <class E>
  absl::Status CopyKind(const std::vector<E>& rows, ProgressSink* progress, std::int64_t& done, std::int64_t total) {
    if (rows.empty()) return absl::OkStatus();
    KindStatements& k = kinds_[kKindOf<E>];
    const std::size_t columns = k.schema.main.columns.size();
    HRKIT_RETURN_IF_ERROR(Copy(k.copy, [&](CopyBuffer& buffer, auto&& flush) -> absl::Status {
      for (const E& e : rows) {
        buffer.BeginTuple(columns);
        sql::BindEntityRow(buffer, e, 1);
        HRKIT_RETURN_IF_ERROR(flush());
        if (++done % kProgressEvery == 0) HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "save", done, total));
      }
      return absl::OkStatus();
    }));
    for (std::size_t index = 0; index < k.children.size(); ++index) {
      HRKIT_RETURN_IF_ERROR(Copy(k.children[index].copy, [&](CopyBuffer& buffer, auto&& flush) -> absl::Status {
        CopyWriter writer{buffer, k.schema.children[index].columns.size()};
        for (const E& e : rows) {
          HRKIT_RETURN_IF_ERROR(sql::WriteChildRows(e, writer, index));
          HRKIT_RETURN_IF_ERROR(flush());
        }
        return absl::OkStatus();
      }));
    }
    return absl::OkStatus();
  }

  // Runs one COPY FROM STDIN: `fill(buffer, flush)` appends tuples and calls
  // flush() now and then, which sends the buffer once it is large.
  template <class Fill>
  absl::Status Copy(const std::string& copy_sql, Fill&& fill) {
    HRKIT_ASSIGN_OR_RETURN(ResultPtr started, Exec(copy_sql, "copy"));
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
      return absl::InternalError(absl::StrCat("postgres copy: the server did not start COPY for ", copy_sql));
    }
    CopyBuffer buffer;
    buffer.Header();
    auto send = [&](bool force) -> absl::Status {
      std::string& data = buffer.data();
      if (data.empty() || (!force && data.size() < kCopyFlushBytes)) return absl::OkStatus();
      if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) {
        return Error(nullptr, "copy data");
      }
      data.clear();
      return absl::OkStatus();
    };
    absl::Status status = fill(buffer, [&] { return send(false); });
    if (status.ok()) {
      buffer.Trailer();
      status = send(true);
    }
    if (!status.ok()) {
      Rollback();  // ends the COPY and the transaction
      return status;
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) return Error(nullptr, "copy end");
    absl::Status outcome;
    while (PGresult* r = PQgetResult(conn_)) {
      ResultPtr result = Wrap(r);
      if (outcome.ok()) outcome = Check(std::move(result), "copy").status();
    }
    return outcome;
  }

  // A child table's foreign key to its entity table.
  struct ForeignKey {
    std::string table;
    std::string name;
    std::string parent;
  };

  // Drops the foreign keys of the child tables this role owns (all of them
  // or none) and returns them for DoSaveAll to add back.
  // REQUIRES: inside a transaction.
  absl::StatusOr<std::vector<ForeignKey>> DropForeignKeys() {
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

  // ---- Reads ---------------------------------------------------------------

  // Appends the rows with ids in (after, last] (at most `limit`, -1 = all),
  // with their children, to `rows` and their versions to `versions`.
  // REQUIRES: inside a transaction.
  template <class E>
  absl::Status ReadRange(std::int64_t after, std::int64_t last, std::int64_t limit, std::vector<E>& rows,
                         std::vector<std::int64_t>& versions) {
    KindStatements& k = kinds_[kKindOf<E>];
    const std::size_t first = rows.size();
    {
      params_.Reset(3);
      params_.BindInt(1, after);
      params_.BindInt(2, last);
      if (limit >= 0) params_.BindInt(3, limit);
      HRKIT_ASSIGN_OR_RETURN(ResultPtr result, ExecPrepared(k.range, absl::StrCat("read ", ToAbsl(E::kEntityName))));
      ResultCursor cursor(result.get());
      rows.reserve(rows.size() + static_cast<std::size_t>(cursor.size()));
      HRKIT_RETURN_IF_ERROR(ReadEntities(k.schema.main, cursor, rows, versions));
    }
    if (rows.size() == first) return absl::OkStatus();
    std::span<E> page(rows.data() + first, rows.size() - first);
    RangeFetcher fetcher{*this, k, page.front().id.value() - 1, page.back().id.value()};
    return sql::ReadChildRows(k.schema, page, fetcher);
  }

  // Runs a child table's range statement over (lo, hi].
  struct RangeFetcher {
    PostgresStore& store;
    KindStatements& k;
    std::int64_t lo;
    std::int64_t hi;
    template <class Fn>
    absl::Status ForEachRow(std::size_t table, Fn&& fn) {
      store.params_.Reset(2);
      store.params_.BindInt(1, lo);
      store.params_.BindInt(2, hi);
      HRKIT_ASSIGN_OR_RETURN(ResultPtr result, store.ExecPrepared(k.children[table].range, "read child rows"));
      ResultCursor cursor(result.get());
      return ForEachCursorRow(k.schema.children[table], cursor, fn);
    }
  };

  // Calls fn(row) for each row of `cursor`; DataLoss for a malformed escape.
  template <class Cursor, class Fn>
  static absl::Status ForEachCursorRow(const sql::Table& table, Cursor& cursor, Fn&& fn) {
    while (true) {
      HRKIT_ASSIGN_OR_RETURN(const bool more, cursor.Next());
      if (!more) return absl::OkStatus();
      BinaryRow& row = cursor.row();
      HRKIT_RETURN_IF_ERROR(fn(row));
      absl::Status escape = row.EscapeStatus();
      if (!escape.ok()) {
        return sql::RowError(table, row.Int(0), escape);
      }
    }
  }

  // Runs COPY (SELECT ...) TO STDOUT and `read(cursor)` over its rows.
  template <class Read>
  absl::Status CopyOut(const std::string& copy_sql, Read&& read) {
    HRKIT_ASSIGN_OR_RETURN(ResultPtr started, Exec(copy_sql, "copy out"));
    if (PQresultStatus(started.get()) != PGRES_COPY_OUT) {
      return absl::InternalError(absl::StrCat("postgres copy out: the server did not start COPY for ", copy_sql));
    }
    CopyCursor cursor(conn_);
    absl::Status status = read(cursor);
    absl::Status finished = cursor.Finish();
    return status.ok() ? finished : status;
  }

  // Appends every row of E (tables of `schema`), with its children, to `rows`
  // (in id order) and the versions to `versions`, each table streamed with
  // one COPY TO STDOUT. REQUIRES: inside a transaction.
  template <class E>
  absl::Status ReadAll(const sql::EntitySchema& schema, std::vector<E>& rows, std::vector<std::int64_t>& versions) {
    HRKIT_RETURN_IF_ERROR(CopyOut(CopyOutSql(schema.main), [&](CopyCursor& cursor) {
      return ReadEntities(schema.main, cursor, rows, versions);
    }));
    CopyOutFetcher fetcher{*this, schema};
    return sql::ReadChildRows(schema, std::span<E>(rows), fetcher);
  }

  // Streams a whole child table with COPY TO STDOUT.
  struct CopyOutFetcher {
    PostgresStore& store;
    const sql::EntitySchema& schema;
    template <class Fn>
    absl::Status ForEachRow(std::size_t table, Fn&& fn) {
      return store.CopyOut(CopyOutSql(schema.children[table]),
                           [&](CopyCursor& cursor) { return ForEachCursorRow(schema.children[table], cursor, fn); });
    }
  };

  // Appends the entity rows of `cursor` (columns in table order) to `rows`
  // and their versions to `versions`; child members stay empty.
  template <class Cursor, class E>
  static absl::Status ReadEntities(const sql::Table& table, Cursor& cursor, std::vector<E>& rows,
                                   std::vector<std::int64_t>& versions) {
    return ForEachCursorRow(table, cursor,
                            [&](BinaryRow& row) { return sql::ReadEntityRow(table, row, rows, versions); });
  }

  // ---- Schema --------------------------------------------------------------

  // A text-format query with text parameters, for the schema queries.
  absl::StatusOr<ResultPtr> Query(const std::string& sql, std::vector<std::string> args, std::string_view context) {
    std::vector<const char*> values;
    for (const std::string& a : args) values.push_back(a.c_str());
    return Check(Wrap(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                   nullptr, 0)),
                 context);
  }

  // Brings the schema to kPostgresSchemaVersion in one transaction, holding
  // an advisory lock per schema so concurrent openers take turns. Version 1
  // is the initial schema; later versions append steps. Tables and columns
  // of newly registered entity types and fields are added.
  absl::Status Migrate() {
    HRKIT_RETURN_IF_ERROR(Command("BEGIN", "migrate"));
    absl::Status status = MigrateInTransaction();
    if (!status.ok()) {
      Rollback();
      return status;
    }
    return Command("COMMIT", "migrate commit");
  }

  absl::Status MigrateInTransaction() {
    HRKIT_ASSIGN_OR_RETURN(ResultPtr schema, Exec("SELECT current_schema()", "migrate"));
    if (PQgetisnull(schema.get(), 0, 0)) {
      return absl::FailedPreconditionError(
          "postgres store: no schema to create tables in (the search_path names no existing schema)");
    }
    schema_ = PQgetvalue(schema.get(), 0, 0);
    HRKIT_RETURN_IF_ERROR(
        Query("SELECT pg_advisory_xact_lock(hashtext($1))", {absl::StrCat("hrkit schema ", schema_)}, "migrate lock")
            .status());
    HRKIT_RETURN_IF_ERROR(
        Command("CREATE TABLE IF NOT EXISTS \"hrkit_schema_version\" (\"version\" BIGINT NOT NULL)", "migrate"));
    HRKIT_ASSIGN_OR_RETURN(ResultPtr stored, Exec("SELECT max(\"version\") FROM \"hrkit_schema_version\"", "migrate"));
    const std::int64_t version =
        PQgetisnull(stored.get(), 0, 0) ? 0 : std::strtoll(PQgetvalue(stored.get(), 0, 0), nullptr, 10);
    if (version > kPostgresSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrCat("postgres schema ", schema_, " has schema version ", version,
                                                        ", newer than this hrkit (", kPostgresSchemaVersion,
                                                        "): open it with a newer hrkit"));
    }
    Format1Policies old;
    if (version < 2) HRKIT_RETURN_IF_ERROR(ReadFormat1Policies(old));
    for (const sql::EntitySchema& entity : sql::BuildAllSchemas()) {
      HRKIT_RETURN_IF_ERROR(EnsureTable(entity.main, ""));
      for (const sql::Table& child : entity.children) HRKIT_RETURN_IF_ERROR(EnsureTable(child, entity.main.name));
    }
    if (old.present) {
      BuildStatements();
      HRKIT_RETURN_IF_ERROR(PrepareAll());
      HRKIT_RETURN_IF_ERROR(WriteUpgradedPolicies(std::move(old)));
    }
    if (version != kPostgresSchemaVersion) {
      HRKIT_RETURN_IF_ERROR(Command("DELETE FROM \"hrkit_schema_version\"", "migrate"));
      HRKIT_RETURN_IF_ERROR(Query("INSERT INTO \"hrkit_schema_version\" (\"version\") VALUES ($1)",
                                  {absl::StrCat(kPostgresSchemaVersion)}, "migrate")
                                .status());
    }
    return absl::OkStatus();
  }

  // The data types of the columns of `table` by name (empty: no table).
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> ColumnTypes(const std::string& table) {
    HRKIT_ASSIGN_OR_RETURN(ResultPtr info, Query("SELECT column_name, data_type FROM information_schema.columns "
                                                 "WHERE table_schema = current_schema() AND table_name = $1",
                                                 {table}, "table columns"));
    absl::flat_hash_map<std::string, std::string> types;
    for (int r = 0; r < PQntuples(info.get()); ++r) types[PQgetvalue(info.get(), r, 0)] = PQgetvalue(info.get(), r, 1);
    return types;
  }

  // Turns the enum columns of `table` that format 1 made BIGINT into TEXT
  // columns of names (an integer that names nothing stays as its digits and
  // reads as DataLoss).
  absl::Status NameEnumColumns(const sql::Table& table, const absl::flat_hash_map<std::string, std::string>& types) {
    for (const sql::Column& column : table.columns) {
      const auto type = types.find(column.name);
      if (column.enum_names.empty() || type == types.end() || type->second != "bigint") continue;
      const std::string name = sql::QuoteIdentifier(column.name);
      HRKIT_RETURN_IF_ERROR(
          Command(absl::StrCat("ALTER TABLE ", sql::QuoteIdentifier(table.name), " ALTER COLUMN ", name,
                               " TYPE TEXT USING ", sql::EnumNameCaseSql(column, absl::StrCat(name, "::text"))),
                  "name enum column"));
    }
    return absl::OkStatus();
  }

  // The format-1 rows of the entity types that changed in format 2.
  struct Format1Policies {
    bool present = false;
    std::vector<format1::LeavePolicyV1> policies;
    std::vector<std::int64_t> versions;
    std::vector<format1::PolicyEligibilityV1> eligibility;
  };

  // Reads every row of the format-1 entity type E (table `name`), if the
  // table exists, and drops its tables.
  template <class E>
  absl::Status ReadAndDropFormat1(std::string_view name, std::vector<E>& rows, std::vector<std::int64_t>& versions) {
    const sql::EntitySchema schema = sql::BuildEntitySchemaNamed<E>(name);
    HRKIT_ASSIGN_OR_RETURN(auto types, ColumnTypes(schema.main.name));
    if (types.empty()) return absl::OkStatus();
    HRKIT_RETURN_IF_ERROR(NameEnumColumns(schema.main, types));
    for (const sql::Table& child : schema.children) {
      HRKIT_ASSIGN_OR_RETURN(auto child_types, ColumnTypes(child.name));
      HRKIT_RETURN_IF_ERROR(NameEnumColumns(child, child_types));
    }
    HRKIT_RETURN_IF_ERROR(ReadAll(schema, rows, versions));
    for (auto child = schema.children.rbegin(); child != schema.children.rend(); ++child) {
      HRKIT_RETURN_IF_ERROR(Command(absl::StrCat("DROP TABLE IF EXISTS ", sql::QuoteIdentifier(child->name)), "drop"));
    }
    return Command(absl::StrCat("DROP TABLE ", sql::QuoteIdentifier(schema.main.name)), "drop");
  }

  // Reads (and drops) the format-1 tables of format1::ChangedEntities, if
  // the schema has them.
  absl::Status ReadFormat1Policies(Format1Policies& old) {
    HRKIT_ASSIGN_OR_RETURN(auto tiers, ColumnTypes("leave_policy__tiers"));
    HRKIT_ASSIGN_OR_RETURN(auto eligibility, ColumnTypes("policy_eligibility"));
    if (tiers.empty() && eligibility.empty()) return absl::OkStatus();
    old.present = true;
    std::vector<std::int64_t> unused;
    HRKIT_RETURN_IF_ERROR(ReadAndDropFormat1(format1::PolicyEligibilityV1::kEntityName, old.eligibility, unused));
    return ReadAndDropFormat1(format1::LeavePolicyV1::kEntityName, old.policies, old.versions);
  }

  // Writes the current form of the format-1 policies, keeping their versions.
  absl::Status WriteUpgradedPolicies(Format1Policies old) {
    std::vector<std::int64_t> versions = std::move(old.versions);
    HRKIT_ASSIGN_OR_RETURN(std::vector<LeavePolicy> policies,
                           format1::UpgradeLeavePolicies(std::move(old.policies), std::move(old.eligibility)));
    KindStatements& k = kinds_[kKindOf<LeavePolicy>];
    for (std::size_t i = 0; i < policies.size(); ++i) {
      HRKIT_RETURN_IF_ERROR(WriteRow(k, policies[i], versions[i], /*update=*/false));
    }
    return absl::OkStatus();
  }

  absl::Status EnsureTable(const sql::Table& table, std::string_view parent) {
    HRKIT_RETURN_IF_ERROR(Command(sql::CreateTableSql(Dialect(), table, parent), "create table"));
    HRKIT_ASSIGN_OR_RETURN(auto present, ColumnTypes(table.name));
    HRKIT_RETURN_IF_ERROR(NameEnumColumns(table, present));
    for (const sql::Column& column : table.columns) {
      if (present.contains(column.name)) continue;
      if (column.not_null) {
        return absl::FailedPreconditionError(absl::StrCat("postgres table ", schema_, ".", table.name,
                                                          " lacks key column ", column.name, ": not an hrkit table"));
      }
      HRKIT_RETURN_IF_ERROR(Command(sql::AddColumnSql(Dialect(), table, column), "add column"));
    }
    return absl::OkStatus();
  }

  std::mutex mutex_;
  PGconn* conn_;
  PostgresOptions options_;
  WriteHooks hooks_;
  std::string schema_;
  std::vector<PreparedSql> prepared_sql_;
  std::vector<KindStatements> kinds_;  // by kind
  Params params_;
  bool prepared_ = false;
  bool retryable_ = false;       // the last error was a serialization failure or deadlock
  bool server_closing_ = false;  // a FATAL report arrived outside a query
};

}  // namespace

namespace postgres_internal {

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStoreWithHooks(std::string_view uri, const PostgresOptions& options,
                                                                  WriteHooks hooks) {
  if (options.max_attempts < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("postgres store: max_attempts must be at least 1, got ", options.max_attempts));
  }
  const std::string conninfo(uri);
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (parsed == nullptr) {
    // The message never repeats the URI: it may hold a password.
    const std::string why = parse_error != nullptr ? Trimmed(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return absl::InvalidArgumentError(absl::StrCat("postgres store uri: ", why));
  }
  PQconninfoFree(parsed);
  // The URI first; the keywords after it override it (client_encoding) or
  // fill a gap (fallback_application_name).
  const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name", nullptr};
  const char* const values[] = {conninfo.c_str(), "UTF8", "hrkit", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return absl::ResourceExhaustedError("postgres connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status status = absl::UnavailableError(absl::StrCat("postgres connect: ", Trimmed(PQerrorMessage(conn))));
    PQfinish(conn);
    return status;
  }
  auto store = std::make_unique<PostgresStore>(conn, options, std::move(hooks));
  HRKIT_RETURN_IF_ERROR(GuardExceptions("open postgres store", [&] { return store->Init(); }));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace postgres_internal

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(std::string_view uri, const PostgresOptions& options) {
  return postgres_internal::OpenPostgresStoreWithHooks(uri, options, {});
}

absl::Status RegisterPostgresBackend() {
  auto open = [](std::string_view uri) { return OpenPostgresStore(uri); };
  HRKIT_RETURN_IF_ERROR(RegisterStoreBackend("postgresql", open));
  return RegisterStoreBackend("postgres", open);
}

bool IsCommitOutcomeUnknown(const absl::Status& status) {
  return absl::IsUnknown(status) && status.GetPayload(kCommitOutcomeUnknownPayload).has_value();
}

}  // namespace hrkit
