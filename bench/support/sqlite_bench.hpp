// Shared by the benchmarks that run the same work in SQLite: owning handles
// for a database and a statement, and prepare / exec helpers that stop the
// benchmark on an SQL error (a benchmark with a broken comparison must not
// report a figure).
//
// Thread safety: the handles follow SQLite's rules for their connection.
#ifndef HRKIT_BENCH_SUPPORT_SQLITE_BENCH_HPP_
#define HRKIT_BENCH_SUPPORT_SQLITE_BENCH_HPP_

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace hrkit::bench_support {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
// An open database, closed when it goes.
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
// A prepared statement, finalized when it goes.
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Prepares `sql`; aborts with SQLite's message on an error.
inline Statement Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare failed: %s\n%s\n", sqlite3_errmsg(db), sql.c_str());
    std::abort();
  }
  return Statement(s);
}

// Runs `sql` (any number of statements); aborts with SQLite's message on an
// error.
inline void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "exec failed: %s\n%s\n", error, sql.c_str());
    std::abort();
  }
}

// Stops the benchmark with `what` unless `ok`: a failed check (a refused
// operation, differing checksums) must not leave a figure behind.
inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "benchmark check failed: %s\n", what);
    std::abort();
  }
}

// A new in-memory database; aborts if SQLite cannot open one.
inline SqliteDb OpenMemoryDb() {
  sqlite3* raw = nullptr;
  Check(sqlite3_open(":memory:", &raw) == SQLITE_OK, "sqlite3_open(:memory:)");
  return SqliteDb(raw);
}

}  // namespace hrkit::bench_support

#endif  // HRKIT_BENCH_SUPPORT_SQLITE_BENCH_HPP_
