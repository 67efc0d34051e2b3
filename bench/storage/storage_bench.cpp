// Bulk save and load through the storage backends (memory, archive in its
// three formats, sqlite), with the same rows
// inserted by plain prepared SQLite statements in one transaction for
// comparison (BM_RawSQLiteInsert). The data: `n` employees, each with four
// employment history entries (hire, transfer, FTE change, and a promotion
// replaced by a correction) built by a small local generator.
// With HRKIT_TEST_POSTGRES_URI set (`scripts/with-postgres hrkit_bench_storage`)
// the postgres backend runs too: BM_SaveAll_Postgres, BM_LoadAll_Postgres.
//
//   hrkit_bench_storage --benchmark_filter='SaveAll|Raw'
//   hrkit_bench_storage --benchmark_filter='Archive'
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench_employees.hpp"
#include "benchmark/benchmark.h"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/memory_store.hpp"
#include "hrkit/storage/sqlite_store.hpp"
#include "hrkit/storage/store.hpp"

#ifdef HRKIT_BENCH_WITH_POSTGRES
#include <libpq-fe.h>

#include <cstdlib>

#include "hrkit/storage/postgres_store.hpp"
#endif

namespace hrkit {
namespace {

// The dataset of `n` employees, built once per size.
const Dataset& Employees(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, Dataset>();
  Dataset& data = (*cache)[n];
  if (data.TotalSize() == 0) {
    auto& employees = data.Of<Employee>();
    employees.reserve(static_cast<std::size_t>(n));
    for (std::int64_t id = 1; id <= n; ++id) employees.push_back(MakeEmployee(id));
  }
  return data;
}

std::string DbPath() {
  return absl::StrCat(std::filesystem::temp_directory_path().string(), "/hrkit_bench_", getpid(), ".db");
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

std::int64_t HistoryRows(const Dataset& data) {
  std::int64_t rows = 0;
  for (const Employee& e : data.Of<Employee>())
    rows += static_cast<std::int64_t>(e.employment.size() + e.employment.ReplacedEntries().size());
  return rows;
}

void BM_SaveAll_Memory(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  for (auto _ : state) {
    std::unique_ptr<Store> store = NewMemoryStore();
    if (!store->SaveAll(data).ok()) state.SkipWithError("SaveAll failed");
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_LoadAll_Memory(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  std::unique_ptr<Store> store = NewMemoryStore();
  if (!store->SaveAll(data).ok()) state.SkipWithError("SaveAll failed");
  for (auto _ : state) {
    absl::StatusOr<Dataset> loaded = store->LoadAll();
    if (!loaded.ok()) state.SkipWithError("LoadAll failed");
    benchmark::DoNotOptimize(loaded);
    state.PauseTiming();
    loaded = Dataset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_SaveAll_Sqlite(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  const std::string path = DbPath();
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(path);
    if (!store.ok()) {
      state.SkipWithError("open failed");
      break;
    }
    state.ResumeTiming();
    if (!(*store)->SaveAll(data).ok()) state.SkipWithError("SaveAll failed");
    state.PauseTiming();
    store->reset();
    state.ResumeTiming();
  }
  RemoveDb(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["history_rows"] = static_cast<double>(HistoryRows(data));
}

void BM_LoadAll_Sqlite(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  const std::string path = DbPath();
  RemoveDb(path);
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(path);
  if (!store.ok() || !(*store)->SaveAll(data).ok()) {
    state.SkipWithError("setup failed");
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<Dataset> loaded = (*store)->LoadAll();
    if (!loaded.ok()) state.SkipWithError("LoadAll failed");
    benchmark::DoNotOptimize(loaded);
    state.PauseTiming();
    loaded = Dataset();
    state.ResumeTiming();
  }
  store->reset();
  RemoveDb(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The archive backend: SaveAll writes one snapshot file (range(1) is the
// format: 0 binary, 1 text, 2 xml); LoadAll_Archive opens the file (reads,
// checks and decodes it) and returns its content.
std::string ArchivePath() {
  return absl::StrCat(std::filesystem::temp_directory_path().string(), "/hrkit_bench_", getpid(), ".hrk");
}

void BM_SaveAll_Archive(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  const ArchiveOptions options{.format = static_cast<ArchiveFormat>(state.range(1))};
  const std::string path = ArchivePath();
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    absl::StatusOr<std::unique_ptr<Store>> store = OpenArchiveStore(path, options);
    if (!store.ok()) {
      state.SkipWithError("open failed");
      break;
    }
    state.ResumeTiming();
    if (!(*store)->SaveAll(data).ok()) state.SkipWithError("SaveAll failed");
    state.PauseTiming();
    store->reset();
    state.ResumeTiming();
  }
  state.counters["file_mib"] = static_cast<double>(std::filesystem::file_size(path)) / (1 << 20);
  state.counters["rows"] = static_cast<double>(data.TotalSize());
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_LoadAll_Archive(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  const ArchiveOptions options{.format = static_cast<ArchiveFormat>(state.range(1)), .create_if_missing = false};
  const std::string path = ArchivePath();
  std::filesystem::remove(path);
  {
    absl::StatusOr<std::unique_ptr<Store>> store = OpenArchiveStore(path, {.format = options.format});
    if (!store.ok() || !(*store)->SaveAll(data).ok()) {
      state.SkipWithError("setup failed");
      return;
    }
  }
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<Store>> store = OpenArchiveStore(path, options);
    if (!store.ok()) {
      state.SkipWithError("open failed");
      break;
    }
    absl::StatusOr<Dataset> loaded = (*store)->LoadAll();
    if (!loaded.ok()) state.SkipWithError("LoadAll failed");
    benchmark::DoNotOptimize(loaded);
    state.PauseTiming();
    loaded = Dataset();
    store->reset();
    state.ResumeTiming();
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// "YYYY-MM-DD" or "infinity", as a plain program would write it.
int FormatDate(Date d, char* out) {
  if (d.is_pos_infinity()) return std::snprintf(out, 16, "infinity");
  const auto ymd = d.year_month_day();
  const int y = ymd.year;
  const int m = ymd.month;
  const int day = ymd.day;
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return 10;
}

void BindDate(sqlite3_stmt* s, int index, Date d) {
  char text[16];
  const int n = FormatDate(d, text);
  sqlite3_bind_text(s, index, text, n, SQLITE_TRANSIENT);
}

void BindText(sqlite3_stmt* s, int index, const std::string& text) {
  sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void BindId(sqlite3_stmt* s, int index, std::int64_t id) {
  if (id == 0) {
    sqlite3_bind_null(s, index);
  } else {
    sqlite3_bind_int64(s, index, id);
  }
}

// The same rows as BM_SaveAll_Sqlite, into the same tables (created by the
// backend, then closed), with the same pragmas, written by hand-written
// prepared INSERTs in one transaction.
void BM_RawSQLiteInsert(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  const std::string path = DbPath();
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    { (void)OpenSqliteStore(path); }  // the same schema
    sqlite3* db = nullptr;
    // Single-threaded use, like the backend's own connection: no per-call mutex.
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt* employee = nullptr;
    sqlite3_stmt* history = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO employee (id, version, employee_number, legal_name, preferred_name, "
                       "birth_date, work_email, private_email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                       -1, &employee, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO employee__employment (entity_id, ord, effective, sequence, recorded, replaced, "
                       "status, type, fte, position, location, work_schedule, cost_center, acting_manager, event, "
                       "reason_code, termination, employment_start, seniority_start, carried_forward) VALUES "
                       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                       -1, &history, nullptr);
    state.ResumeTiming();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (const Employee& e : data.Of<Employee>()) {
      sqlite3_bind_int64(employee, 1, e.id.value());
      sqlite3_bind_int64(employee, 2, 1);
      BindText(employee, 3, e.employee_number);
      BindText(employee, 4, e.legal_name);
      BindText(employee, 5, e.preferred_name);
      BindDate(employee, 6, e.birth_date);
      BindText(employee, 7, e.work_email);
      BindText(employee, 8, e.private_email);
      BindText(employee, 9, e.phone);
      if (sqlite3_step(employee) != SQLITE_DONE) state.SkipWithError("insert failed");
      sqlite3_reset(employee);
      std::int64_t ord = 0;
      for (const auto& part : {e.employment.Entries(), e.employment.ReplacedEntries()}) {
        for (const auto& entry : part) {
          const EmploymentRecord& r = entry.value;
          sqlite3_bind_int64(history, 1, e.id.value());
          sqlite3_bind_int64(history, 2, ord++);
          BindDate(history, 3, entry.effective);
          sqlite3_bind_int64(history, 4, entry.sequence);
          BindDate(history, 5, entry.recorded);
          BindDate(history, 6, entry.replaced);
          sqlite3_bind_int64(history, 7, static_cast<int>(r.status));
          sqlite3_bind_int64(history, 8, static_cast<int>(r.type));
          sqlite3_bind_double(history, 9, r.fte);
          BindId(history, 10, r.position.value());
          BindId(history, 11, r.location.value());
          BindId(history, 12, r.work_schedule.value());
          BindText(history, 13, r.cost_center);
          BindId(history, 14, r.acting_manager.value());
          sqlite3_bind_int64(history, 15, static_cast<int>(r.event));
          BindText(history, 16, r.reason_code);
          sqlite3_bind_int64(history, 17, static_cast<int>(r.termination));
          BindDate(history, 18, r.employment_start);
          BindDate(history, 19, r.seniority_start);
          sqlite3_bind_int64(history, 20, r.carried_forward ? 1 : 0);
          if (sqlite3_step(history) != SQLITE_DONE) state.SkipWithError("insert failed");
          sqlite3_reset(history);
        }
      }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    state.PauseTiming();
    sqlite3_finalize(employee);
    sqlite3_finalize(history);
    sqlite3_close(db);
    state.ResumeTiming();
  }
  RemoveDb(path);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_SaveAll_Memory)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadAll_Memory)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SaveAll_Sqlite)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RawSQLiteInsert)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadAll_Sqlite)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
// Sizes x formats (0 binary, 1 text, 2 xml); 1M employees in binary only
// (the xml file of 1M would be several GiB).
BENCHMARK(BM_SaveAll_Archive)
    ->Args({100'000, 0})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Args({1'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_LoadAll_Archive)
    ->Args({100'000, 0})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Args({1'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

#ifdef HRKIT_BENCH_WITH_POSTGRES
// The postgres backend, against the server named by HRKIT_TEST_POSTGRES_URI
// (e.g. `scripts/with-postgres hrkit_bench_storage`); not registered without
// it. Each run works in a schema of its own, dropped at the end.
class PostgresBenchSchema {
 public:
  PostgresBenchSchema(std::string server, std::string schema)
      : server_(std::move(server)), schema_(std::move(schema)) {}
  // Drops and creates the schema: an empty database.
  bool Reset() { return Exec(absl::StrCat("DROP SCHEMA IF EXISTS ", schema_, " CASCADE; CREATE SCHEMA ", schema_)); }
  bool Drop() { return Exec(absl::StrCat("DROP SCHEMA IF EXISTS ", schema_, " CASCADE")); }
  std::string StoreUri() const {
    return absl::StrCat(server_, server_.find('?') == std::string::npos ? "?" : "&", "options=-csearch_path%3D",
                        schema_);
  }

 private:
  bool Exec(const std::string& sql) {
    PGconn* conn = PQconnectdb(server_.c_str());
    bool ok = PQstatus(conn) == CONNECTION_OK;
    if (ok) {
      PQsetNoticeProcessor(
          conn, [](void*, const char*) {}, nullptr);
      PGresult* result = PQexec(conn, sql.c_str());
      ok = PQresultStatus(result) == PGRES_COMMAND_OK;
      PQclear(result);
    }
    PQfinish(conn);
    return ok;
  }

  std::string server_;
  std::string schema_;
};

PostgresBenchSchema BenchSchema() {
  return PostgresBenchSchema(std::getenv("HRKIT_TEST_POSTGRES_URI"), absl::StrCat("hrkit_bench_", getpid()));
}

void BM_SaveAll_Postgres(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  PostgresBenchSchema schema = BenchSchema();
  for (auto _ : state) {
    state.PauseTiming();
    absl::StatusOr<std::unique_ptr<Store>> store;
    if (schema.Reset()) store = OpenPostgresStore(schema.StoreUri());
    if (!store.ok()) {
      state.SkipWithError("open failed");
      break;
    }
    state.ResumeTiming();
    if (!(*store)->SaveAll(data).ok()) state.SkipWithError("SaveAll failed");
    state.PauseTiming();
    store->reset();
    state.ResumeTiming();
  }
  schema.Drop();
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["history_rows"] = static_cast<double>(HistoryRows(data));
}

void BM_LoadAll_Postgres(benchmark::State& state) {
  const Dataset& data = Employees(state.range(0));
  PostgresBenchSchema schema = BenchSchema();
  absl::StatusOr<std::unique_ptr<Store>> store;
  if (schema.Reset()) store = OpenPostgresStore(schema.StoreUri());
  if (!store.ok() || !(*store)->SaveAll(data).ok()) {
    state.SkipWithError("setup failed");
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<Dataset> loaded = (*store)->LoadAll();
    if (!loaded.ok()) state.SkipWithError("LoadAll failed");
    benchmark::DoNotOptimize(loaded);
    state.PauseTiming();
    loaded = Dataset();
    state.ResumeTiming();
  }
  store->reset();
  schema.Drop();
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

const bool kPostgresBenchmarksRegistered = [] {
  const char* server = std::getenv("HRKIT_TEST_POSTGRES_URI");
  if (server == nullptr || *server == '\0') return false;
  for (auto* b : {benchmark::RegisterBenchmark("BM_SaveAll_Postgres", BM_SaveAll_Postgres),
                  benchmark::RegisterBenchmark("BM_LoadAll_Postgres", BM_LoadAll_Postgres)}) {
    b->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
  }
  return true;
}();
#endif  // HRKIT_BENCH_WITH_POSTGRES

}  // namespace
}  // namespace hrkit
BENCHMARK_MAIN();
