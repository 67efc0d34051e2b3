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

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "postgres_store_internal.hpp"
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
bool IsRetryableState(std::string_view state) {
  return state == "40001" || state == "40P01" || state == "23505";
}

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
      if (length_ < 0) return absl::UnavailableError(absl::StrCat("postgres copy out: ", Trimmed(PQerrorMessage(conn_))));
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
  std::string copy_out;  // COPY (SELECT ... ORDER BY entity_id, ord) TO STDOUT (FORMAT binary)
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
  std::string copy_out;  // COPY (SELECT ... ORDER BY id) TO STDOUT (FORMAT binary)
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

std::string CopyOutSql(const sql::Table& table, std::string_view order) {
  return absl::StrCat("COPY (", sql::SelectSql(table, order), ") TO STDOUT (FORMAT binary)");
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
    BuildStatements();
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
        HRKIT_RETURN_IF_ERROR(Command(absl::StrCat("ALTER TABLE ", sql::QuoteIdentifier(key.table), " ADD CONSTRAINT ",
                                                   sql::QuoteIdentifier(key.name),
                                                   " FOREIGN KEY (\"entity_id\") REFERENCES ",
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
        status = ReadAll(rows);
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
    if (!prepared_) {
      for (const PreparedSql& p : prepared_sql_) {
        ResultPtr result = Wrap(PQprepare(conn_, p.name.c_str(), p.sql.c_str(), static_cast<int>(p.types.size()),
                                          p.types.data()));
        HRKIT_RETURN_IF_ERROR(Check(std::move(result), absl::StrCat("prepare ", p.sql)).status());
      }
      prepared_ = true;
    }
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
      k.copy_out = CopyOutSql(t, "ORDER BY \"id\"");
      for (const sql::Table& child : schema.children) {
        ChildStatements c;
        const std::string child_name = sql::QuoteIdentifier(child.name);
        c.insert = Statement(sql::InsertSql(d, child), TypesOf(child));
        c.remove = Statement(absl::StrCat("DELETE FROM ", child_name, " WHERE \"entity_id\" = $1"), {kInt8Oid});
        c.range = Statement(
            sql::SelectSql(child, "WHERE \"entity_id\" > $1 AND \"entity_id\" <= $2 ORDER BY \"entity_id\", \"ord\""),
            {kInt8Oid, kInt8Oid});
        c.clear = Statement(absl::StrCat("DELETE FROM ", child_name), {});
        c.copy = CopySql(child);
        c.copy_out = CopyOutSql(child, "ORDER BY \"entity_id\", \"ord\"");
        k.children.push_back(std::move(c));
      }
      k.schema = std::move(schema);
      kinds_.push_back(std::move(k));
    }
  }

  static const sql::Dialect& Dialect() {
    static constexpr sql::Dialect kPostgresDialect{"BIGINT", "DOUBLE PRECISION", "TEXT", "", true};
    return kPostgresDialect;
  }

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
                                           options_.max_attempts, " attempts (re-read and retry): ",
                                           status.message()));
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
      absl::Status unknown = absl::UnknownError(absl::StrCat(
          "postgres ", ToAbsl(what), ": connection lost after COMMIT was sent (",
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
    const std::string row_name = RowName(kKindOf<E>, id);
    params_.Reset(static_cast<int>(k.schema.main.columns.size()));
    params_.BindInt(1, id);
    params_.BindInt(2, version);
    sql::BindFields(params_, 3, e, /*skip_first=*/true);
    HRKIT_RETURN_IF_ERROR(ExecPrepared(update ? k.update : k.insert, absl::StrCat("write ", row_name)).status());
    absl::Status status;
    sql::ForEachChild(e, [&](std::size_t index, const auto& member) {
      if (!status.ok()) return;
      ChildStatements& c = k.children[index];
      if (update) {
        params_.Reset(1);
        params_.BindInt(1, id);
        status = ExecPrepared(c.remove, absl::StrCat("rewrite child rows of ", row_name)).status();
        if (!status.ok()) return;
      }
      const int columns = static_cast<int>(k.schema.children[index].columns.size());
      std::int64_t ord = 0;
      ForEachChildRow(member, id, ord, [&](auto&& bind) {
        if (!status.ok()) return;
        params_.Reset(columns);
        bind(params_);
        status = ExecPrepared(c.insert, absl::StrCat("write child of ", row_name)).status();
      });
    });
    return status;
  }

  // Calls `fn(bind)` for every child row of `member` (a Timeline or a vector
  // of records), where bind(sink) binds the row's columns in table order.
  template <class Member, class Fn>
  static void ForEachChildRow(const Member& member, std::int64_t id, std::int64_t& ord, Fn&& fn) {
    if constexpr (sql::IsTimeline<Member>::value) {
      for (const auto& part : {member.Entries(), member.ReplacedEntries()}) {
        for (const auto& entry : part) {
          fn([&](auto& sink) {
            sink.BindInt(1, id);
            sink.BindInt(2, ord);
            sink.BindTempText(3, sql::EncodeDate(entry.effective).view());
            sink.BindInt(4, entry.sequence);
            sink.BindTempText(5, sql::EncodeDate(entry.recorded).view());
            sink.BindTempText(6, sql::EncodeDate(entry.replaced).view());
            sql::BindFields(sink, 7, entry.value);
          });
          ++ord;
        }
      }
    } else {
      for (const auto& record : member) {
        fn([&](auto& sink) {
          sink.BindInt(1, id);
          sink.BindInt(2, ord);
          sql::BindFields(sink, 3, record);
        });
        ++ord;
      }
    }
  }

  // Streams `rows` and their child rows into the tables of E with COPY.
  template <class E>
  absl::Status CopyKind(const std::vector<E>& rows, ProgressSink* progress, std::int64_t& done,
                        std::int64_t total) {
    if (rows.empty()) return absl::OkStatus();
    KindStatements& k = kinds_[kKindOf<E>];
    const std::size_t columns = k.schema.main.columns.size();
    HRKIT_RETURN_IF_ERROR(Copy(k.copy, [&](CopyBuffer& buffer, auto&& flush) -> absl::Status {
      for (const E& e : rows) {
        buffer.BeginTuple(columns);
        buffer.BindInt(1, e.id.value());
        buffer.BindInt(2, 1);
        sql::BindFields(buffer, 3, e, /*skip_first=*/true);
        HRKIT_RETURN_IF_ERROR(flush());
        if (++done % kProgressEvery == 0) HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "save", done, total));
      }
      return absl::OkStatus();
    }));
    for (std::size_t index = 0; index < k.children.size(); ++index) {
      const std::size_t child_columns = k.schema.children[index].columns.size();
      HRKIT_RETURN_IF_ERROR(Copy(k.children[index].copy, [&](CopyBuffer& buffer, auto&& flush) -> absl::Status {
        absl::Status status;
        for (const E& e : rows) {
          sql::ForEachChild(e, [&](std::size_t i, const auto& member) {
            if (i != index || !status.ok()) return;
            std::int64_t ord = 0;
            ForEachChildRow(member, e.id.value(), ord, [&](auto&& bind) {
              buffer.BeginTuple(child_columns);
              bind(buffer);
            });
          });
          status = flush();
          if (!status.ok()) return status;
        }
        return status;
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
      HRKIT_RETURN_IF_ERROR(ReadEntities(cursor, rows, versions));
    }
    if (rows.size() == first) return absl::OkStatus();
    std::span<E> page(rows.data() + first, rows.size() - first);
    params_.Reset(2);
    params_.BindInt(1, page.front().id.value() - 1);
    params_.BindInt(2, page.back().id.value());
    for (std::size_t index = 0; index < k.children.size(); ++index) {
      HRKIT_ASSIGN_OR_RETURN(ResultPtr result, ExecPrepared(k.children[index].range, "read child rows"));
      ResultCursor cursor(result.get());
      HRKIT_RETURN_IF_ERROR(ReadChildren(cursor, index, page));
    }
    return absl::OkStatus();
  }

  // Appends every row of E, with its children, to `rows` (in id order), each
  // table streamed with one COPY TO STDOUT. REQUIRES: inside a transaction.
  template <class E>
  absl::Status ReadAll(std::vector<E>& rows) {
    KindStatements& k = kinds_[kKindOf<E>];
    std::vector<std::int64_t> versions;
    auto copy = [&](const std::string& copy_sql, auto&& read) -> absl::Status {
      HRKIT_ASSIGN_OR_RETURN(ResultPtr started, Exec(copy_sql, "copy out"));
      if (PQresultStatus(started.get()) != PGRES_COPY_OUT) {
        return absl::InternalError(absl::StrCat("postgres copy out: the server did not start COPY for ", copy_sql));
      }
      CopyCursor cursor(conn_);
      absl::Status status = read(cursor);
      absl::Status finished = cursor.Finish();
      return status.ok() ? finished : status;
    };
    HRKIT_RETURN_IF_ERROR(copy(k.copy_out, [&](CopyCursor& cursor) { return ReadEntities(cursor, rows, versions); }));
    for (std::size_t index = 0; index < k.children.size(); ++index) {
      HRKIT_RETURN_IF_ERROR(copy(k.children[index].copy_out, [&](CopyCursor& cursor) {
        return ReadChildren(cursor, index, std::span<E>(rows));
      }));
    }
    return absl::OkStatus();
  }

  // Appends the entity rows of `cursor` (columns in table order) to `rows`
  // and their versions to `versions`; child members stay empty.
  template <class Cursor, class E>
  static absl::Status ReadEntities(Cursor& cursor, std::vector<E>& rows, std::vector<std::int64_t>& versions) {
    while (true) {
      HRKIT_ASSIGN_OR_RETURN(const bool more, cursor.Next());
      if (!more) return absl::OkStatus();
      BinaryRow& row = cursor.row();
      E& e = rows.emplace_back();
      e.id = EntityIdOf<E>(row.Int(0));
      versions.push_back(row.Int(1));
      absl::Status status = sql::ReadFields(row, 2, e, /*skip_first=*/true);
      if (status.ok()) status = row.EscapeStatus();
      if (!status.ok()) {
        return absl::DataLossError(absl::StrCat(RowName(kKindOf<E>, e.id.value()), ": ", status.message()));
      }
    }
  }

  // Member `index` (of type Member) of entity `e`.
  template <class Member, class E>
  static Member& ChildMember(E& e, std::size_t index) {
    Member* out = nullptr;
    sql::ForEachChild(e, [&](std::size_t i, auto& m) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(m)>, Member>) {
        if (i == index) out = &m;
      }
    });
    return *out;
  }

  // Reads the rows of child table `index` from `cursor` (ordered by
  // entity_id, ord) into the entities of `page` (sorted by id); rows of
  // other entities are skipped.
  template <class Cursor, class E>
  static absl::Status ReadChildren(Cursor& cursor, std::size_t index, std::span<E> page) {
    if (page.empty()) return absl::OkStatus();
    absl::Status status;
    sql::ForEachChild(page.front(), [&](std::size_t i, auto& probe) {
      if (i != index) return;
      using Member = std::remove_cvref_t<decltype(probe)>;
      status = ReadChildMembers<Member>(cursor, index, page);
    });
    return status;
  }

  template <class Member, class Cursor, class E>
  static absl::Status ReadChildMembers(Cursor& cursor, std::size_t index, std::span<E> page) {
    std::size_t p = 0;
    E* current = nullptr;
    std::int64_t current_id = std::numeric_limits<std::int64_t>::min();
    auto seek = [&](std::int64_t id) {
      while (p < page.size() && page[p].id.value() < id) ++p;
      current = p < page.size() && page[p].id.value() == id ? &page[p] : nullptr;  // beyond a LIMIT: skipped
      current_id = id;
    };
    auto corrupt = [&](std::int64_t id, const absl::Status& why) {
      return absl::DataLossError(absl::StrCat(RowName(kKindOf<E>, id), ": ", why.message()));
    };
    if constexpr (sql::IsTimeline<Member>::value) {
      using Entry = typename Member::Entry;
      std::vector<Entry> entries;
      auto flush = [&]() -> absl::Status {
        if (current == nullptr) return absl::OkStatus();
        absl::StatusOr<Member> timeline = Member::FromEntries(std::move(entries));
        entries.clear();
        if (!timeline.ok()) return corrupt(current_id, timeline.status());
        ChildMember<Member>(*current, index) = std::move(*timeline);
        return absl::OkStatus();
      };
      while (true) {
        HRKIT_ASSIGN_OR_RETURN(const bool more, cursor.Next());
        if (!more) break;
        BinaryRow& row = cursor.row();
        const std::int64_t id = row.Int(0);
        if (id != current_id) {
          HRKIT_RETURN_IF_ERROR(flush());
          seek(id);
        }
        if (current == nullptr) continue;
        Entry entry;
        absl::StatusOr<Date> effective = sql::DecodeDate(row.Text(2));
        absl::StatusOr<Date> recorded = sql::DecodeDate(row.Text(4));
        absl::StatusOr<Date> replaced = sql::DecodeDate(row.Text(5));
        if (!effective.ok()) return corrupt(id, effective.status());
        if (!recorded.ok()) return corrupt(id, recorded.status());
        if (!replaced.ok()) return corrupt(id, replaced.status());
        entry.effective = *effective;
        entry.sequence = static_cast<int>(row.Int(3));
        entry.recorded = *recorded;
        entry.replaced = *replaced;
        absl::Status status = sql::ReadFields(row, 6, entry.value);
        if (status.ok()) status = row.EscapeStatus();
        if (!status.ok()) return corrupt(id, status);
        entries.push_back(std::move(entry));
      }
      return flush();
    } else {
      while (true) {
        HRKIT_ASSIGN_OR_RETURN(const bool more, cursor.Next());
        if (!more) break;
        BinaryRow& row = cursor.row();
        const std::int64_t id = row.Int(0);
        if (id != current_id) seek(id);
        if (current == nullptr) continue;
        auto& record = ChildMember<Member>(*current, index).emplace_back();
        absl::Status status = sql::ReadFields(row, 2, record);
        if (status.ok()) status = row.EscapeStatus();
        if (!status.ok()) return corrupt(id, status);
      }
      return absl::OkStatus();
    }
  }

  // ---- Schema --------------------------------------------------------------

  // A text-format query with text parameters, for the schema queries.
  absl::StatusOr<ResultPtr> Query(const std::string& sql, std::vector<std::string> args, std::string_view context) {
    std::vector<const char*> values;
    for (const std::string& a : args) values.push_back(a.c_str());
    return Check(Wrap(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                   nullptr, nullptr, 0)),
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
    for (const sql::EntitySchema& entity : sql::BuildAllSchemas()) {
      HRKIT_RETURN_IF_ERROR(EnsureTable(entity.main, ""));
      for (const sql::Table& child : entity.children) HRKIT_RETURN_IF_ERROR(EnsureTable(child, entity.main.name));
    }
    if (version != kPostgresSchemaVersion) {
      HRKIT_RETURN_IF_ERROR(Command("DELETE FROM \"hrkit_schema_version\"", "migrate"));
      HRKIT_RETURN_IF_ERROR(Query("INSERT INTO \"hrkit_schema_version\" (\"version\") VALUES ($1)",
                                  {absl::StrCat(kPostgresSchemaVersion)}, "migrate")
                                .status());
    }
    return absl::OkStatus();
  }

  absl::Status EnsureTable(const sql::Table& table, std::string_view parent) {
    HRKIT_RETURN_IF_ERROR(Command(sql::CreateTableSql(Dialect(), table, parent), "create table"));
    HRKIT_ASSIGN_OR_RETURN(ResultPtr info,
                           Query("SELECT column_name FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() AND table_name = $1",
                                 {table.name}, "table columns"));
    absl::flat_hash_set<std::string> present;
    for (int r = 0; r < PQntuples(info.get()); ++r) present.insert(PQgetvalue(info.get(), r, 0));
    for (const sql::Column& column : table.columns) {
      if (present.contains(column.name)) continue;
      if (column.not_null) {
        return absl::FailedPreconditionError(absl::StrCat("postgres table ", schema_, ".", table.name,
                                                          " lacks key column ", column.name,
                                                          ": not an hrkit table"));
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
  bool retryable_ = false;        // the last error was a serialization failure or deadlock
  bool server_closing_ = false;   // a FATAL report arrived outside a query
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
