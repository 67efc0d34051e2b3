// Internal to the PostgreSQL backend (see include/hrkit/storage/postgres_store.hpp):
// the store class. One libpq connection per store behind a mutex, named
// prepared statements with binary parameters and results, COPY BINARY for bulk
// saves, SERIALIZABLE write transactions with bounded retry. Its members are
// defined by concern: postgres_connection.cpp (connection, errors,
// transactions), postgres_schema.cpp (tables, statements, format upgrades),
// postgres_store.cpp (reads and writes); templates here.
//
// Thread safety: a Store; calls serialized by mutex_.
#ifndef HRKIT_SRC_STORAGE_POSTGRES_STORE_IMPL_HPP_
#define HRKIT_SRC_STORAGE_POSTGRES_STORE_IMPL_HPP_

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
#include "hrkit/storage/postgres_store.hpp"
#include "hrkit/storage/store.hpp"
#include "postgres_store_internal.hpp"
#include "postgres_wire.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::postgres_internal {

namespace format1 = storage_internal::format1;

class PostgresStore final : public Store, private sql::KindReads<PostgresStore> {
  friend class sql::KindReads<PostgresStore>;

 public:
  PostgresStore(PGconn* conn, const PostgresOptions& options, WriteHooks hooks)
      : conn_(conn), options_(options), hooks_(std::move(hooks)) {}
  ~PostgresStore() override { PQfinish(conn_); }

  std::string_view BackendName() const override { return "postgres"; }

  // Quiets notices, creates or migrates the schema, builds the statements.
  absl::Status Init();

 protected:
  absl::StatusOr<VersionedEntity> DoGet(EntityKind kind, std::int64_t id) override;

  absl::StatusOr<std::vector<VersionedEntity>> DoList(EntityKind kind, const ListOptions& options) override;

  absl::StatusOr<std::vector<std::int64_t>> DoCommit(std::span<const WriteOp> writes) override;

  absl::Status DoSaveAll(const Dataset& data, ProgressSink* progress) override;

  absl::StatusOr<Dataset> DoLoadAll(ProgressSink* progress) override;

 private:
  // ---- Connection and statements -------------------------------------------

  static void OnNotice(void* self, const PGresult* notice);

  // Maps a failed result (or a connection failure when `result` is null) to a
  // canonical Status and remembers whether a retry may succeed.
  absl::Status Error(const PGresult* result, std::string_view context);

  // Checks the outcome of a statement.
  absl::StatusOr<ResultPtr> Check(ResultPtr result, std::string_view context);

  // A statement without parameters (fixed text, never data).
  absl::StatusOr<ResultPtr> Exec(const std::string& sql, std::string_view context);
  absl::Status Command(const std::string& sql, std::string_view context) { return Exec(sql, context).status(); }

  // Runs the prepared statement `name` with the parameters in params_.
  absl::StatusOr<ResultPtr> ExecPrepared(const std::string& name, std::string_view context);
  absl::Status Run(const std::string& name, std::string_view context);

  // Reconnects after a lost connection, ends a transaction a failure left
  // open, and prepares the statements on a new connection.
  absl::Status EnsureReady();

  // Prepares every statement on this connection, once.
  absl::Status PrepareAll();

  // Ends the current transaction, if any, without committing.
  void Rollback();

  // Adds a statement to prepare, named after its position.
  std::string Statement(std::string sql, std::vector<Oid> types);

  static std::vector<Oid> TypesOf(const sql::Table& table);

  void BuildStatements();

  static const sql::Dialect& Dialect() { return sql::kPostgresDialect; }

  void Hook(WriteStage stage, int attempt);

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
  absl::Status CommitTransaction(std::string_view what, int attempt);

  // ---- Writes --------------------------------------------------------------

  absl::StatusOr<std::int64_t> StoredVersion(const WriteOp& w);

  absl::StatusOr<std::int64_t> ApplyWrite(const WriteOp& w, std::int64_t stored);

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
  absl::StatusOr<std::vector<ForeignKey>> DropForeignKeys();

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
  absl::StatusOr<ResultPtr> Query(const std::string& sql, std::vector<std::string> args, std::string_view context);

  // Brings the schema to kPostgresSchemaVersion in one transaction, holding
  // an advisory lock per schema so concurrent openers take turns. Version 1
  // is the initial schema; later versions append steps. Tables and columns
  // of newly registered entity types and fields are added.
  absl::Status Migrate();

  absl::Status MigrateInTransaction();
  // FailedPrecondition (nothing created) unless the current schema is empty
  // or hrkit's: it has hrkit_schema_version and only tables hrkit creates
  // (of this format or format 1). REQUIRES: inside the migration.
  absl::Status CheckSchemaIsHrkits();

  // The data types of the columns of `table` by name (empty: no table).
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> ColumnTypes(const std::string& table);

  // Turns the enum columns of `table` that format 1 made BIGINT into TEXT
  // columns of names (an integer that names nothing stays as its digits and
  // reads as DataLoss).
  absl::Status NameEnumColumns(const sql::Table& table, const absl::flat_hash_map<std::string, std::string>& types);

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
  absl::Status ReadFormat1Policies(Format1Policies& old);

  // Writes the current form of the format-1 policies, keeping their versions.
  absl::Status WriteUpgradedPolicies(Format1Policies old);

  absl::Status EnsureTable(const sql::Table& table, std::string_view parent);

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

}  // namespace hrkit::postgres_internal

#endif  // HRKIT_SRC_STORAGE_POSTGRES_STORE_IMPL_HPP_
