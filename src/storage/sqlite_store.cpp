// The SQLite backend (see include/hrkit/storage/sqlite_store.hpp): one
// connection per store behind a mutex, statements prepared once and cached,
// tables and row binding from sql_schema.hpp / sql_row.hpp.
#include "hrkit/storage/sqlite_store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "format1.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"
#include "sqlite_adoption.hpp"
#include "sqlite_statement.hpp"

namespace hrkit {
namespace {

namespace format1 = storage_internal::format1;

using sqlite_internal::ResetOnExit;
using sqlite_internal::SqliteError;
using sqlite_internal::Statement;

struct ChildStatements {
  Statement insert;  // every column
  Statement remove;  // WHERE entity_id = ?1
  Statement range;   // WHERE entity_id > ?1 AND entity_id <= ?2 ORDER BY entity_id, positions, ord
  Statement clear;   // every row
};

struct KindStatements {
  sql::EntitySchema schema;
  Statement insert;   // every column
  Statement update;   // SET version, fields WHERE id = ?1
  Statement remove;   // WHERE id = ?1
  Statement version;  // SELECT version WHERE id = ?1
  Statement range;    // WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT ?3
  Statement clear;    // every row
  std::vector<ChildStatements> children;
};

constexpr std::int64_t kProgressEvery = 65536;
constexpr int kBusyAttempts = 5;

class SqliteStore final : public Store, private sql::KindReads<SqliteStore> {
  friend class sql::KindReads<SqliteStore>;

 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override {
    kinds_.clear();  // finalize every statement before closing
    sqlite3_close(db_);
  }

  std::string_view BackendName() const override { return "sqlite"; }

  // Sets the connection up, creates or migrates the schema, prepares the
  // statements.
  // Nothing is written before CheckDatabase accepts the database, so a
  // refused one keeps its bytes. Concurrent first opens of a new file are
  // safe: the journal mode switch is retried while another connection holds
  // the lock (within the busy timeout), and the schema is created and
  // stamped in one BEGIN IMMEDIATE transaction that checks again first.
  absl::Status Init(const SqliteOptions& options) {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    busy_timeout_ = std::chrono::milliseconds(std::max(options.busy_timeout_ms, 0));
    // One read transaction: the checks see one state of the file even while
    // another connection creates the schema.
    HRKIT_RETURN_IF_ERROR(RetryWhileBusy(
        [&] { return ReadTransaction([&] { return sqlite_internal::CheckDatabase(db_, path_).status(); }); }));
    HRKIT_RETURN_IF_ERROR(RetryWhileBusy([&] { return SetWalJournal(); }));
    HRKIT_RETURN_IF_ERROR(Exec(options.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
    HRKIT_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
    return Migrate();
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
    HRKIT_RETURN_IF_ERROR(WriteTransaction([&]() -> absl::Status {
      versions.clear();
      for (const WriteOp& w : writes) {
        HRKIT_ASSIGN_OR_RETURN(std::int64_t version, ApplyWrite(w));
        versions.push_back(version);
      }
      return absl::OkStatus();
    }));
    return versions;
  }

  absl::Status DoSaveAll(const Dataset& data, ProgressSink* progress) override {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto total = static_cast<std::int64_t>(data.TotalSize());
    return WriteTransaction([&]() -> absl::Status {
      for (KindStatements& k : kinds_) {
        for (ChildStatements& c : k.children) HRKIT_RETURN_IF_ERROR(StepDone(c.clear, "clear"));
        HRKIT_RETURN_IF_ERROR(StepDone(k.clear, "clear"));
      }
      std::int64_t done = 0;
      absl::Status status;
      ForEachEntityType([&]<class E>(std::type_identity<E>) {
        if (!status.ok()) return;
        KindStatements& k = kinds_[kKindOf<E>];
        for (const E& e : data.Of<E>()) {
          status = WriteRow(k, e, 1, /*update=*/false);
          if (!status.ok()) return;
          if (++done % kProgressEvery == 0) {
            status = ReportProgress(progress, "save", done, total);
            if (!status.ok()) return;
          }
        }
      });
      HRKIT_RETURN_IF_ERROR(status);
      return ReportProgress(progress, "save", total, total);
    });
  }

  absl::StatusOr<Dataset> DoLoadAll(ProgressSink* progress) override {
    std::lock_guard<std::mutex> lock(mutex_);
    Dataset data;
    HRKIT_RETURN_IF_ERROR(ReadTransaction([&]() -> absl::Status {
      absl::Status status;
      ForEachEntityType([&]<class E>(std::type_identity<E>) {
        if (!status.ok()) return;
        std::vector<std::int64_t> versions;
        status = ReadRange<E>(0, std::numeric_limits<std::int64_t>::max(), -1, data.Of<E>(), versions);
        if (status.ok()) {
          status = ReportProgress(progress, "load", static_cast<std::int64_t>(data.TotalSize()), 0);
        }
      });
      return status;
    }));
    return data;
  }

 private:
  absl::Status Exec(const char* sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
    return absl::OkStatus();
  }

  absl::Status StepDone(Statement& s, std::string_view what) {
    ResetOnExit reset(s);
    const int rc = s.Step();
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, what);
    return absl::OkStatus();
  }

  // Runs `fn` again while it fails with a busy database, until the busy
  // timeout has passed (then its last status).
  template <class Fn>
  absl::Status RetryWhileBusy(Fn&& fn) {
    const auto deadline = std::chrono::steady_clock::now() + busy_timeout_;
    for (;;) {
      absl::Status status = fn();
      if (!sqlite_internal::IsBusy(status) || std::chrono::steady_clock::now() >= deadline) return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  // PRAGMA journal_mode=WAL, checking that the database took it.
  absl::Status SetWalJournal() {
    HRKIT_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, "PRAGMA journal_mode=WAL"));
    const int rc = s.Step();
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, "PRAGMA journal_mode=WAL");
    if (s.Text(0) != "wal") {
      return absl::FailedPreconditionError(
          absl::StrCat("sqlite database ", QuoteUriForMessage(path_), " cannot use a WAL journal (journal mode stays ",
                       ToAbsl(s.Text(0)), "): give the path of a file on a local disk"));
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::int64_t> QueryInt(const std::string& sql) {
    HRKIT_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, sql));
    const int rc = s.Step();
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, sql);
    return s.Int(0);
  }

  // Runs `body` between BEGIN and COMMIT (a consistent snapshot for reads).
  template <class Fn>
  absl::Status ReadTransaction(Fn&& body) {
    HRKIT_RETURN_IF_ERROR(Exec("BEGIN"));
    absl::Status status = body();
    if (!status.ok()) {
      (void)Exec("ROLLBACK");
      return status;
    }
    return Exec("COMMIT");
  }

  // Runs `body` in a BEGIN IMMEDIATE transaction; commits if it returns OK and
  // rolls back otherwise. A busy database is retried (after the busy timeout
  // the last Unavailable is returned).
  template <class Fn>
  absl::Status WriteTransaction(Fn&& body) {
    absl::Status status;
    for (int attempt = 0; attempt < kBusyAttempts; ++attempt) {
      status = Exec("BEGIN IMMEDIATE");
      if (!status.ok()) {
        if (absl::IsUnavailable(status) && (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY) continue;
        return status;
      }
      status = body();
      if (status.ok()) status = Exec("COMMIT");
      if (status.ok()) return status;
      const bool busy = (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY && absl::IsUnavailable(status);
      if (!sqlite3_get_autocommit(db_)) (void)Exec("ROLLBACK");
      if (!busy) return status;
    }
    return status;
  }

  absl::StatusOr<std::int64_t> ApplyWrite(const WriteOp& w) {
    KindStatements& k = kinds_[w.kind];
    std::int64_t stored = 0;
    {
      ResetOnExit reset(k.version);
      k.version.BindInt(1, w.id);
      const int rc = k.version.Step();
      if (rc == SQLITE_ROW) {
        stored = k.version.Int(0);
      } else if (rc != SQLITE_DONE) {
        return SqliteError(db_, rc, "read version");
      }
    }
    HRKIT_RETURN_IF_ERROR(CheckWriteVersion(w, stored));
    if (!w.entity.has_value()) {
      for (ChildStatements& c : k.children) {
        ResetOnExit reset(c.remove);
        c.remove.BindInt(1, w.id);
        HRKIT_RETURN_IF_ERROR(StepDone(c.remove, "erase child rows"));
      }
      ResetOnExit reset(k.remove);
      k.remove.BindInt(1, w.id);
      HRKIT_RETURN_IF_ERROR(StepDone(k.remove, "erase"));
      return 0;
    }
    const std::int64_t version = stored + 1;
    HRKIT_RETURN_IF_ERROR(
        std::visit([&](const auto& e) { return WriteRow(k, e, version, /*update=*/stored != 0); }, *w.entity));
    return version;
  }

  // Sends child rows to the insert statements of `k`.
  struct ChildWriter {
    SqliteStore& store;
    KindStatements& k;
    std::string_view what;
    template <class Bind>
    absl::Status Row(std::size_t table, Bind&& bind) {
      Statement& s = k.children[table].insert;
      ResetOnExit reset(s);
      bind(s);
      const int rc = s.Step();
      if (rc != SQLITE_DONE) return SqliteError(store.db_, rc, what);
      return absl::OkStatus();
    }
  };

  // Inserts (or updates) the row of `e` and rewrites its child rows.
  template <class E>
  absl::Status WriteRow(KindStatements& k, const E& e, std::int64_t version, bool update) {
    const std::int64_t id = e.id.value();
    {
      Statement& s = update ? k.update : k.insert;
      ResetOnExit reset(s);
      sql::BindEntityRow(s, e, version);
      const int rc = s.Step();
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, absl::StrCat("write ", k.schema.main.name, ":", id));
    }
    if (update) {
      for (ChildStatements& c : k.children) {
        ResetOnExit reset(c.remove);
        c.remove.BindInt(1, id);
        HRKIT_RETURN_IF_ERROR(StepDone(c.remove, "rewrite child rows"));
      }
    }
    ChildWriter writer{*this, k, "write child rows"};
    return sql::WriteChildRows(e, writer);
  }

  // Runs a child table's range statement over (lo, hi].
  struct RangeFetcher {
    SqliteStore& store;
    KindStatements& k;
    std::int64_t lo;
    std::int64_t hi;
    template <class Fn>
    absl::Status ForEachRow(std::size_t table, Fn&& fn) {
      Statement& s = k.children[table].range;
      ResetOnExit reset(s);
      s.BindInt(1, lo);
      s.BindInt(2, hi);
      int rc;
      while ((rc = s.Step()) == SQLITE_ROW) HRKIT_RETURN_IF_ERROR(fn(s));
      if (rc != SQLITE_DONE) return SqliteError(store.db_, rc, "read child rows");
      return absl::OkStatus();
    }
  };

  // Appends the rows with ids in (after, last] (at most `limit`, -1 = all),
  // with their children, to `rows` and their versions to `versions`.
  // REQUIRES: inside a transaction.
  template <class E>
  absl::Status ReadRange(std::int64_t after, std::int64_t last, std::int64_t limit, std::vector<E>& rows,
                         std::vector<std::int64_t>& versions) {
    KindStatements& k = kinds_[kKindOf<E>];
    const std::size_t first = rows.size();
    {
      ResetOnExit reset(k.range);
      k.range.BindInt(1, after);
      k.range.BindInt(2, last);
      k.range.BindInt(3, limit);
      int rc;
      while ((rc = k.range.Step()) == SQLITE_ROW) {
        HRKIT_RETURN_IF_ERROR(sql::ReadEntityRow(k.schema.main, k.range, rows, versions));
      }
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, absl::StrCat("read ", ToAbsl(E::kEntityName)));
    }
    if (rows.size() == first) return absl::OkStatus();
    std::span<E> page(rows.data() + first, rows.size() - first);
    RangeFetcher fetcher{*this, k, page.front().id.value() - 1, page.back().id.value()};
    return sql::ReadChildRows(k.schema, page, fetcher);
  }

  // Brings the database to kSqliteSchemaVersion (the storage format) in one
  // transaction and prepares the statements. A database of format 1 is
  // upgraded in place: its enum columns get the names, and the leave
  // policies and policy eligibility of format 1 are read through their
  // frozen descriptions, converted and written in the current tables. Tables
  // and columns of newer entity types and fields are added (old rows read
  // them as NULL: the member's default).
  absl::Status Migrate() {
    const std::vector<sql::EntitySchema> schemas = sql::BuildAllSchemas();
    return WriteTransaction([&]() -> absl::Status {
      // Again inside the transaction: another connection may have created
      // the schema since the first check.
      HRKIT_ASSIGN_OR_RETURN(const sqlite_internal::Adoption adoption, sqlite_internal::CheckDatabase(db_, path_));
      HRKIT_ASSIGN_OR_RETURN(std::int64_t version, QueryInt("PRAGMA user_version"));
      if (adoption == sqlite_internal::Adoption::kEmpty) version = kSqliteSchemaVersion;
      Format1Policies old;
      if (version < 2) HRKIT_RETURN_IF_ERROR(ReadFormat1Policies(old));
      for (const sql::EntitySchema& schema : schemas) {
        HRKIT_RETURN_IF_ERROR(EnsureTable(schema.main, ""));
        for (const sql::Table& child : schema.children) HRKIT_RETURN_IF_ERROR(EnsureTable(child, schema.main.name));
      }
      if (version < 2) {
        for (const sql::EntitySchema& schema : schemas) {
          HRKIT_RETURN_IF_ERROR(NameEnumColumns(schema.main));
          for (const sql::Table& child : schema.children) HRKIT_RETURN_IF_ERROR(NameEnumColumns(child));
        }
      }
      HRKIT_RETURN_IF_ERROR(PrepareStatements());
      if (old.present) HRKIT_RETURN_IF_ERROR(WriteUpgradedPolicies(std::move(old)));
      if (adoption != sqlite_internal::Adoption::kMarked) {
        HRKIT_RETURN_IF_ERROR(
            Exec(absl::StrCat("PRAGMA application_id=", sqlite_internal::kHrkitApplicationId).c_str()));
      }
      if (adoption == sqlite_internal::Adoption::kEmpty || version != kSqliteSchemaVersion) {
        HRKIT_RETURN_IF_ERROR(Exec(absl::StrCat("PRAGMA user_version=", kSqliteSchemaVersion).c_str()));
      }
      return absl::OkStatus();
    });
  }

  // The format-1 rows of the entity types that changed in format 2.
  struct Format1Policies {
    bool present = false;
    std::vector<format1::LeavePolicyV1> policies;
    std::vector<std::int64_t> versions;
    std::vector<format1::PolicyEligibilityV1> eligibility;
  };

  absl::StatusOr<bool> TableExists(std::string_view name) {
    HRKIT_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_,
                                                           "SELECT count(*) FROM sqlite_master WHERE type = "
                                                           "'table' AND name = ?1"));
    s.BindText(1, name);
    const int rc = s.Step();
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, "sqlite_master");
    return s.Int(0) > 0;
  }

  // Runs a whole-table query for the tables of one frozen schema.
  struct TableFetcher {
    SqliteStore& store;
    const sql::EntitySchema& schema;
    template <class Fn>
    absl::Status ForEachRow(std::size_t table, Fn&& fn) {
      const sql::Table& t = schema.children[table];
      return store.ForEachRowOf(t, fn);
    }
  };

  template <class Fn>
  absl::Status ForEachRowOf(const sql::Table& table, Fn&& fn) {
    HRKIT_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, sql::SelectSql(table, sql::OrderBySql(table))));
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) HRKIT_RETURN_IF_ERROR(fn(s));
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, absl::StrCat("read ", table.name));
    return absl::OkStatus();
  }

  // Reads every row of the format-1 entity type E (table `name`) and drops
  // its tables.
  template <class E>
  absl::Status ReadAndDropFormat1(std::string_view name, std::vector<E>& rows, std::vector<std::int64_t>& versions) {
    const sql::EntitySchema schema = sql::BuildEntitySchemaNamed<E>(name);
    HRKIT_ASSIGN_OR_RETURN(const bool exists, TableExists(name));
    if (!exists) return absl::OkStatus();
    HRKIT_RETURN_IF_ERROR(ForEachRowOf(
        schema.main, [&](Statement& row) { return sql::ReadEntityRow(schema.main, row, rows, versions); }));
    TableFetcher fetcher{*this, schema};
    HRKIT_RETURN_IF_ERROR(sql::ReadChildRows(schema, std::span<E>(rows), fetcher));
    for (auto child = schema.children.rbegin(); child != schema.children.rend(); ++child) {
      HRKIT_RETURN_IF_ERROR(Exec(absl::StrCat("DROP TABLE IF EXISTS ", sql::QuoteIdentifier(child->name)).c_str()));
    }
    return Exec(absl::StrCat("DROP TABLE ", sql::QuoteIdentifier(name)).c_str());
  }

  // Reads (and drops) the format-1 tables of format1::ChangedEntities, if
  // the database has them.
  absl::Status ReadFormat1Policies(Format1Policies& old) {
    HRKIT_ASSIGN_OR_RETURN(const bool tiers, TableExists("leave_policy__tiers"));
    HRKIT_ASSIGN_OR_RETURN(const bool eligibility, TableExists("policy_eligibility"));
    if (!tiers && !eligibility) return absl::OkStatus();
    old.present = true;
    std::vector<std::int64_t> unused;
    HRKIT_RETURN_IF_ERROR(ReadAndDropFormat1(format1::PolicyEligibilityV1::kEntityName, old.eligibility, unused));
    return ReadAndDropFormat1(format1::LeavePolicyV1::kEntityName, old.policies, old.versions);
  }

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

  // Replaces the format-1 integers of the enum columns of `table` (stored
  // as integers, or as digits where the column has TEXT affinity) by names;
  // an integer that names nothing stays, and reads as DataLoss.
  absl::Status NameEnumColumns(const sql::Table& table) {
    for (const sql::Column& column : table.columns) {
      if (column.enum_names.empty()) continue;
      const std::string name = sql::QuoteIdentifier(column.name);
      HRKIT_RETURN_IF_ERROR(Exec(absl::StrCat("UPDATE ", sql::QuoteIdentifier(table.name), " SET ", name, " = ",
                                              sql::EnumNameCaseSql(column, name), " WHERE typeof(", name,
                                              ") = 'integer' OR (", name, " <> '' AND ", name, " NOT GLOB '*[^0-9]*')")
                                     .c_str()));
    }
    return absl::OkStatus();
  }

  absl::Status EnsureTable(const sql::Table& table, std::string_view parent) {
    HRKIT_RETURN_IF_ERROR(Exec(sql::CreateTableSql(sql::kSqliteDialect, table, parent).c_str()));
    absl::flat_hash_set<std::string> present;
    {
      HRKIT_ASSIGN_OR_RETURN(
          Statement info,
          Statement::Prepare(db_, absl::StrCat("PRAGMA table_info(", sql::QuoteIdentifier(table.name), ")")));
      int rc;
      while ((rc = info.Step()) == SQLITE_ROW) present.insert(std::string(info.Text(1)));
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, "table_info");
    }
    for (const sql::Column& column : table.columns) {
      if (present.contains(column.name)) continue;
      if (column.not_null) {
        return absl::FailedPreconditionError(
            absl::StrCat("sqlite table ", table.name, " lacks key column ", column.name, ": not an hrkit database"));
      }
      HRKIT_RETURN_IF_ERROR(Exec(sql::AddColumnSql(sql::kSqliteDialect, table, column).c_str()));
    }
    return absl::OkStatus();
  }

  absl::Status PrepareStatements() {
    kinds_.clear();
    const sql::Dialect& d = sql::kSqliteDialect;
    for (sql::EntitySchema& schema : sql::BuildAllSchemas()) {
      KindStatements k;
      const sql::Table& t = schema.main;
      const std::string name = sql::QuoteIdentifier(t.name);
      HRKIT_ASSIGN_OR_RETURN(k.insert, Statement::Prepare(db_, sql::InsertSql(d, t)));
      HRKIT_ASSIGN_OR_RETURN(k.update, Statement::Prepare(db_, sql::UpdateEntitySql(d, t)));
      HRKIT_ASSIGN_OR_RETURN(k.remove,
                             Statement::Prepare(db_, absl::StrCat("DELETE FROM ", name, " WHERE \"id\" = ?1")));
      HRKIT_ASSIGN_OR_RETURN(
          k.version, Statement::Prepare(db_, absl::StrCat("SELECT \"version\" FROM ", name, " WHERE \"id\" = ?1")));
      HRKIT_ASSIGN_OR_RETURN(
          k.range,
          Statement::Prepare(db_, sql::SelectSql(t, "WHERE \"id\" > ?1 AND \"id\" <= ?2 ORDER BY \"id\" LIMIT ?3")));
      HRKIT_ASSIGN_OR_RETURN(k.clear, Statement::Prepare(db_, absl::StrCat("DELETE FROM ", name)));
      for (const sql::Table& child : schema.children) {
        ChildStatements c;
        const std::string child_name = sql::QuoteIdentifier(child.name);
        HRKIT_ASSIGN_OR_RETURN(c.insert, Statement::Prepare(db_, sql::InsertSql(d, child)));
        HRKIT_ASSIGN_OR_RETURN(
            c.remove, Statement::Prepare(db_, absl::StrCat("DELETE FROM ", child_name, " WHERE \"entity_id\" = ?1")));
        HRKIT_ASSIGN_OR_RETURN(
            c.range, Statement::Prepare(
                         db_, sql::SelectSql(child, absl::StrCat("WHERE \"entity_id\" > ?1 AND \"entity_id\" <= ?2 ",
                                                                 sql::OrderBySql(child)))));
        HRKIT_ASSIGN_OR_RETURN(c.clear, Statement::Prepare(db_, absl::StrCat("DELETE FROM ", child_name)));
        k.children.push_back(std::move(c));
      }
      k.schema = std::move(schema);
      kinds_.push_back(std::move(k));
    }
    return absl::OkStatus();
  }

  std::mutex mutex_;
  sqlite3* db_;
  std::string path_;
  std::chrono::milliseconds busy_timeout_{0};
  std::vector<KindStatements> kinds_;  // by kind
};

// "PATH" or "PATH?synchronous=normal|full".
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteUri(std::string_view uri) {
  std::string_view rest = uri.substr(uri.find(':') + 1);
  SqliteOptions options;
  if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    const std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    if (query == "synchronous=normal") {
      options.synchronous_full = false;
    } else if (query != "synchronous=full") {
      return absl::InvalidArgumentError(absl::StrCat("store uri ", QuoteUriForMessage(uri), ": unknown option \"",
                                                     ToAbsl(query), "\" (synchronous=full|normal)"));
    }
  }
  return OpenSqliteStore(rest, options);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(std::string_view path, const SqliteOptions& options) {
  if (path.empty()) return absl::InvalidArgumentError("sqlite store: empty path (give the path of a database file)");
  if (path.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("sqlite store path ", QuoteUriForMessage(path), " has a NUL byte: remove it"));
  }
  if (path == ":memory:" || path.starts_with("file:")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "sqlite store path ", QuoteUriForMessage(path),
        " is SQLite's own syntax (\":memory:\" or a \"file:\" URI), which hrkit does not take: give a file path "
        "(\"./file:x\" for a file of that name), or use the store \"memory:\" for one that is not persisted"));
  }
  const std::string file(path);
  std::error_code ec;
  if (!options.create_if_missing && !std::filesystem::exists(file, ec)) {
    return absl::NotFoundError(
        absl::StrCat("sqlite database ", QuoteUriForMessage(file), " does not exist (create_if_missing is off)"));
  }
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = SqliteError(db, rc, absl::StrCat("open ", QuoteUriForMessage(file)));
    sqlite3_close(db);
    return status;
  }
  auto store = std::make_unique<SqliteStore>(db, file);
  HRKIT_RETURN_IF_ERROR(GuardExceptions("open sqlite store", [&] { return store->Init(options); }));
  return std::unique_ptr<Store>(std::move(store));
}

absl::Status RegisterSqliteBackend() { return RegisterStoreBackend("sqlite", OpenSqliteUri); }

}  // namespace hrkit
