// Org benchmarks on a generated organization (hrkit::synth) of 10k, 100k
// and 1M employees, as of the generator's end date:
// - BM_GenerateOrganization: the generator itself, with the process's
//   resident and peak resident memory while the organization is alive;
// - BM_OrgSnapshotBuild: OrgSnapshot::Build from the entities;
// - BM_OrgRollup: head count, FTE, managers and direct reports (span of
//   control) for every unit's own members and subtree, on a built snapshot;
// - BM_TransitiveReports: everyone below a top, a middle and a leaf manager,
//   reading every id of the answer.
// The same queries run in SQLite in the same binary, on an in-memory database
// holding the same as-of data the snapshot holds (units with their parent,
// employees employed on the date with their unit, FTE and resolved manager),
// indexed: BM_OrgRollup_SQLite (recursive CTE over the unit tree),
// BM_OrgRollup_SQLiteClosure (a precomputed closure table) and
// BM_TransitiveReports_SQLite (recursive CTE over the manager column).
//
// Each size is generated once per process; setup is never timed. Memory
// counters are the whole process's (resident now, peak resident so far): they
// describe one organization only when its size runs alone in a process.
//
//   hrkit_bench_org --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
//   hrkit_bench_org --benchmark_filter='BM_GenerateOrganization/1000000$'   # memory alone
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "benchmark/benchmark.h"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/synth/generator.hpp"

namespace hrkit {
namespace {

using bench_support::Exec;
using bench_support::Prepare;
using bench_support::SqliteDb;
using bench_support::Statement;

constexpr std::int64_t kSmall = 10'000;
constexpr std::int64_t kMedium = 100'000;
constexpr std::int64_t kLarge = 1'000'000;

synth::SynthOptions Options(std::int64_t employees) {
  synth::SynthOptions o;
  o.employee_count = employees;
  o.seed = 2026;
  o.years_of_history = 3;
  return o;
}

// Resident set size of the process now, in MiB.
double ResidentMiB() {
  long pages_total = 0;
  long pages_resident = 0;
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  const int read = std::fscanf(f, "%ld %ld", &pages_total, &pages_resident);
  std::fclose(f);
  if (read != 2) return 0;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Peak resident set size of the process so far, in MiB.
double PeakResidentMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::int64_t HistoryEntries(const synth::Organization& org) {
  std::int64_t n = 0;
  for (const Employee& e : org.employees) n += static_cast<std::int64_t>(e.employment.size());
  return n;
}

// A generated organization, its snapshot, and (on demand) the same as-of
// data in SQLite.
struct Fixture {
  synth::Organization org;
  std::unique_ptr<OrgSnapshot> snapshot;
  double generated_rss_mib = 0;  // resident right after generation
  // Managers to ask for transitive reports: the top of the deepest chain, the
  // middle of it and its bottom manager.
  EmployeeId top;
  EmployeeId middle;
  EmployeeId leaf;
  SqliteDb db;
};

void ChooseManagers(Fixture& f) {
  const OrgSnapshot& s = *f.snapshot;
  std::vector<EmployeeId> deepest;
  for (const Employee& e : f.org.employees) {
    const absl::StatusOr<std::vector<EmployeeId>> chain = s.ManagerChain(e.id);
    if (chain.ok() && chain->size() > deepest.size()) deepest = *chain;
  }
  if (deepest.empty()) std::abort();
  f.leaf = deepest.front();
  f.middle = deepest[deepest.size() / 2];
  f.top = deepest.back();
}

Fixture& Org(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::unique_ptr<Fixture>>();
  std::unique_ptr<Fixture>& f = (*cache)[n];
  if (f == nullptr) {
    f = std::make_unique<Fixture>();
    absl::StatusOr<synth::Organization> org = synth::GenerateOrganization(Options(n));
    if (!org.ok()) std::abort();
    f->org = *std::move(org);
    f->generated_rss_mib = ResidentMiB();
    const synth::SynthOptions o = Options(n);
    absl::StatusOr<OrgSnapshot> s = OrgSnapshot::Build(f->org.units, f->org.positions, f->org.employees, o.end_date);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      std::abort();
    }
    f->snapshot = std::make_unique<OrgSnapshot>(*std::move(s));
    ChooseManagers(*f);
  }
  return *f;
}

// Loads the snapshot's as-of data into an in-memory SQLite database.
sqlite3* Database(std::int64_t n) {
  Fixture& f = Org(n);
  if (f.db != nullptr) return f.db.get();
  sqlite3* raw = nullptr;
  if (sqlite3_open(":memory:", &raw) != SQLITE_OK) std::abort();
  f.db.reset(raw);
  sqlite3* db = raw;
  Exec(db,
       "CREATE TABLE unit (id INTEGER PRIMARY KEY, parent INTEGER);"
       "CREATE TABLE employee (id INTEGER PRIMARY KEY, unit INTEGER NOT NULL, fte REAL NOT NULL, manager INTEGER);"
       "CREATE TABLE unit_closure (ancestor INTEGER NOT NULL, unit INTEGER NOT NULL, PRIMARY KEY (ancestor, unit))"
       " WITHOUT ROWID;"
       "BEGIN;");
  const OrgSnapshot& s = *f.snapshot;
  const Date date = s.date();
  {
    Statement insert = Prepare(db, "INSERT INTO unit (id, parent) VALUES (?1, ?2)");
    Statement closure = Prepare(db, "INSERT INTO unit_closure (ancestor, unit) VALUES (?1, ?2)");
    for (const OrgUnit& u : f.org.units) {
      const OrgUnitRecord* r = u.history.At(date);
      if (r == nullptr || r->status != OrgUnitStatus::kOpen) continue;
      sqlite3_bind_int64(insert.get(), 1, u.id.value());
      if (r->parent.valid()) {
        sqlite3_bind_int64(insert.get(), 2, r->parent.value());
      } else {
        sqlite3_bind_null(insert.get(), 2);
      }
      if (sqlite3_step(insert.get()) != SQLITE_DONE) std::abort();
      sqlite3_reset(insert.get());
      // The unit and each of its ancestors (ids are dense: index id - 1).
      for (OrgUnitId a = u.id; a.valid();
           a = f.org.units[static_cast<std::size_t>(a.value() - 1)].history.At(date)->parent) {
        sqlite3_bind_int64(closure.get(), 1, a.value());
        sqlite3_bind_int64(closure.get(), 2, u.id.value());
        if (sqlite3_step(closure.get()) != SQLITE_DONE) std::abort();
        sqlite3_reset(closure.get());
      }
    }
  }
  {
    // Unit of each position on the date (ids are dense).
    std::vector<std::int64_t> position_unit(f.org.positions.size() + 1, 0);
    for (const Position& p : f.org.positions) {
      const PositionRecord* r = p.history.At(date);
      if (r != nullptr) position_unit[static_cast<std::size_t>(p.id.value())] = r->org_unit.value();
    }
    Statement insert = Prepare(db, "INSERT INTO employee (id, unit, fte, manager) VALUES (?1, ?2, ?3, ?4)");
    for (const Employee& e : f.org.employees) {
      const EmploymentRecord* r = e.employment.At(date);
      if (r == nullptr || !IsEmployed(*r)) continue;
      const absl::StatusOr<EmployeeId> manager = s.ManagerOf(e.id);
      if (!manager.ok()) std::abort();
      sqlite3_bind_int64(insert.get(), 1, e.id.value());
      sqlite3_bind_int64(insert.get(), 2, position_unit[static_cast<std::size_t>(r->position.value())]);
      sqlite3_bind_double(insert.get(), 3, r->fte);
      if (manager->valid()) {
        sqlite3_bind_int64(insert.get(), 4, manager->value());
      } else {
        sqlite3_bind_null(insert.get(), 4);
      }
      if (sqlite3_step(insert.get()) != SQLITE_DONE) std::abort();
      sqlite3_reset(insert.get());
    }
  }
  Exec(db,
       "COMMIT;"
       "CREATE INDEX unit_parent ON unit (parent);"
       "CREATE INDEX employee_unit ON employee (unit);"
       "CREATE INDEX employee_manager ON employee (manager);"
       "ANALYZE;");
  return db;
}

// Per-unit own numbers: members, FTE, managers among them and their direct
// reports.
#define HRKIT_BENCH_UNIT_OWN                                                \
  "unit_own(unit, headcount, fte, managers, reports) AS ("                  \
  " SELECT e.unit, COUNT(*), SUM(e.fte), COUNT(d.n), COALESCE(SUM(d.n), 0)" \
  " FROM employee e LEFT JOIN (SELECT manager, COUNT(*) AS n FROM employee" \
  "   WHERE manager IS NOT NULL GROUP BY manager) d ON d.manager = e.id"    \
  " GROUP BY e.unit)"

constexpr const char* kRollupCte =
    "WITH RECURSIVE closure(ancestor, unit) AS ("
    " SELECT id, id FROM unit"
    " UNION ALL SELECT c.ancestor, u.id FROM closure c JOIN unit u ON u.parent = c.unit), " HRKIT_BENCH_UNIT_OWN
    " SELECT c.ancestor, SUM(o.headcount), SUM(o.fte), SUM(o.managers), SUM(o.reports)"
    " FROM closure c JOIN unit_own o ON o.unit = c.unit GROUP BY c.ancestor";

constexpr const char* kRollupClosure =
    "WITH " HRKIT_BENCH_UNIT_OWN
    " SELECT c.ancestor, SUM(o.headcount), SUM(o.fte), SUM(o.managers), SUM(o.reports)"
    " FROM unit_closure c JOIN unit_own o ON o.unit = c.unit GROUP BY c.ancestor";

constexpr const char* kTransitiveReports =
    "WITH RECURSIVE below(id) AS ("
    " SELECT id FROM employee WHERE manager = ?1"
    " UNION ALL SELECT e.id FROM employee e JOIN below b ON e.manager = b.id)"
    " SELECT id FROM below";

// ---- Generation and build --------------------------------------------------

void BM_GenerateOrganization(benchmark::State& state) {
  std::int64_t history = 0;
  double rss = 0;
  for (auto _ : state) {
    absl::StatusOr<synth::Organization> org = synth::GenerateOrganization(Options(state.range(0)));
    if (!org.ok()) state.SkipWithError("generation failed");
    state.PauseTiming();
    history = HistoryEntries(*org);
    rss = std::max(rss, ResidentMiB());
    org = synth::Organization();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["history_entries"] = static_cast<double>(history);
  state.counters["rss_mib"] = rss;
  state.counters["peak_rss_mib"] = PeakResidentMiB();
}
BENCHMARK(BM_GenerateOrganization)
    ->Arg(kSmall)
    ->Arg(kMedium)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_OrgSnapshotBuild(benchmark::State& state) {
  const Fixture& f = Org(state.range(0));
  const Date date = Options(state.range(0)).end_date;
  for (auto _ : state) {
    absl::StatusOr<OrgSnapshot> s = OrgSnapshot::Build(f.org.units, f.org.positions, f.org.employees, date);
    if (!s.ok()) state.SkipWithError("build failed");
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["units"] = static_cast<double>(f.snapshot->unit_count());
  state.counters["positions"] = static_cast<double>(f.snapshot->position_count());
  state.counters["employees"] = static_cast<double>(f.snapshot->employee_count());
  state.counters["rss_after_generation_mib"] = f.generated_rss_mib;
  state.counters["peak_rss_mib"] = PeakResidentMiB();
}
BENCHMARK(BM_OrgSnapshotBuild)->Arg(kSmall)->Arg(kMedium)->Arg(kLarge)->Unit(benchmark::kMillisecond);

// ---- Roll-up ---------------------------------------------------------------

void BM_OrgRollup(benchmark::State& state) {
  const OrgSnapshot& s = *Org(state.range(0)).snapshot;
  std::int64_t top_headcount = 0;
  for (auto _ : state) {
    const std::vector<UnitRollup> rollups = s.RollUpUnits();
    top_headcount = rollups.front().subtree_headcount;
    benchmark::DoNotOptimize(rollups.data());
  }
  state.counters["units"] = static_cast<double>(s.unit_count());
  state.counters["headcount"] = static_cast<double>(top_headcount);
  state.counters["avg_span"] = s.AverageSpanOfControl();
}
BENCHMARK(BM_OrgRollup)->Arg(kSmall)->Arg(kMedium)->Arg(kLarge)->Unit(benchmark::kMillisecond);

void RunSqlRollup(benchmark::State& state, const char* sql) {
  sqlite3* db = Database(state.range(0));
  Statement query = Prepare(db, sql);
  std::int64_t rows = 0;
  double max_headcount = 0;
  for (auto _ : state) {
    rows = 0;
    max_headcount = 0;
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
      ++rows;
      max_headcount = std::max(max_headcount, sqlite3_column_double(query.get(), 1));
    }
    sqlite3_reset(query.get());
  }
  state.counters["units"] = static_cast<double>(rows);
  state.counters["headcount"] = max_headcount;
}

void BM_OrgRollup_SQLite(benchmark::State& state) { RunSqlRollup(state, kRollupCte); }
BENCHMARK(BM_OrgRollup_SQLite)->Arg(kSmall)->Arg(kMedium)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OrgRollup_SQLite)->Arg(kLarge)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_OrgRollup_SQLiteClosure(benchmark::State& state) { RunSqlRollup(state, kRollupClosure); }
BENCHMARK(BM_OrgRollup_SQLiteClosure)->Arg(kSmall)->Arg(kMedium)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OrgRollup_SQLiteClosure)->Arg(kLarge)->Unit(benchmark::kMillisecond)->Iterations(2);

// ---- Transitive reports ----------------------------------------------------

// Which manager: 0 top, 1 middle, 2 leaf (see Fixture).
EmployeeId Manager(const Fixture& f, std::int64_t which) { return which == 0 ? f.top : which == 1 ? f.middle : f.leaf; }

void BM_TransitiveReports(benchmark::State& state) {
  const Fixture& f = Org(state.range(0));
  const EmployeeId manager = Manager(f, state.range(1));
  std::int64_t count = 0;
  for (auto _ : state) {
    absl::StatusOr<std::span<const EmployeeId>> below = f.snapshot->TransitiveReports(manager);
    if (!below.ok()) state.SkipWithError("not found");
    std::int64_t sum = 0;
    for (const EmployeeId id : *below) sum += id.value();
    benchmark::DoNotOptimize(sum);
    count = static_cast<std::int64_t>(below->size());
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.counters["reports"] = static_cast<double>(count);
}

void BM_TransitiveReports_SQLite(benchmark::State& state) {
  const Fixture& f = Org(state.range(0));
  const EmployeeId manager = Manager(f, state.range(1));
  sqlite3* db = Database(state.range(0));
  Statement query = Prepare(db, kTransitiveReports);
  std::int64_t count = 0;
  for (auto _ : state) {
    sqlite3_bind_int64(query.get(), 1, manager.value());
    count = 0;
    std::int64_t sum = 0;
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
      sum += sqlite3_column_int64(query.get(), 0);
      ++count;
    }
    benchmark::DoNotOptimize(sum);
    sqlite3_reset(query.get());
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.counters["reports"] = static_cast<double>(count);
}

void TransitiveArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"employees", "manager"});
  for (const std::int64_t n : {kSmall, kMedium, kLarge}) {
    for (const std::int64_t which : {0, 1, 2}) b->Args({n, which});
  }
}
BENCHMARK(BM_TransitiveReports)->Apply(TransitiveArgs)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TransitiveReports_SQLite)->Apply(TransitiveArgs)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
