// Benchmarks of the relations records at the size of a large organization
// (1M employees, 100k units), each next to the same work in SQLite (in
// memory) in the same binary:
// - BM_CheckInRecord: n check-ins recorded into a fresh CheckInBook (each
//   validated, indexed by id and by person); BM_CheckInRecord_SQLite: the
//   same rows inserted through one prepared statement in one transaction
//   into a table indexed on employee and on manager.
// - BM_CheckInsOfThirdParty: CheckInBook::CheckInsOf(person, viewer) for
//   100 people by a third party (notes and mood withheld), in a book of n
//   check-ins; BM_CheckInsOfThirdParty_SQLite: the same 100 lists selected
//   by employee or manager, ordered by date and id, without notes and mood.
// - BM_RecognitionsByUnit: RecognitionsByUnit (recognition_report.hpp) for n
//   recognitions of 1-3 recipients over the generated 1M organization
//   (synth, seed 2026): each recipient placed through OrgLookup, distinct
//   recipients and recognitions received per unit subtree, all four
//   confidentiality rules. BM_RecognitionsByUnit_SQLite: one GROUP BY over
//   (recognition, recipient, date) rows joined to each recipient's unit (the
//   placement precomputed, as hrkit's would be) and a closure table of the
//   unit tree, HAVING the minimum group: SQL does less (no placement, one
//   rule of four).
// - BM_ConflictCaseWorkflow: n conflict cases opened and taken through a
//   note, mediation, a second handler, a note, resolved and closed (six
//   checked steps each after the opening) in a fresh ConflictCaseBook;
//   BM_ConflictCaseWorkflow_SQLite: the same steps as SQL (insert the case,
//   its parties and handler; per step a check of the status and the
//   handler, then the insert or update).
// The check-ins are here, the recognitions in recognition_bench.cpp, the
// conflict cases in conflict_case_bench.cpp (one program).
// Checksums (the root's counts; the number of rows listed) are compared
// between the two sides and a mismatch stops the run. Setup is never timed.
//
//   hrkit_bench_records --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "benchmark/benchmark.h"
#include "hrkit/relations/check_in_book.hpp"

namespace hrkit {
namespace {

using bench_support::Check;
using bench_support::Exec;
using bench_support::OpenMemoryDb;
using bench_support::Prepare;
using bench_support::SqliteDb;
using bench_support::Statement;
using boost::gregorian::days;

constexpr std::int64_t kEmployees = 1'000'000;
constexpr int kViewedPeople = 100;
const Date kFirstDay(2025, 1, 1);

// ---- Check-ins ------------------------------------------------------------

// n check-ins of employees 1..kEmployees with their manager (employee / 10 +
// 1, another person), spread over one year, three agenda items and one
// action each, notes and a mood.
const std::vector<CheckIn>& CheckIns(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::vector<CheckIn>>();
  std::vector<CheckIn>& v = (*cache)[n];
  if (!v.empty()) return v;
  std::mt19937_64 rng(2026);
  v.reserve(static_cast<std::size_t>(n));
  for (std::int64_t k = 1; k <= n; ++k) {
    const std::int64_t employee = (k - 1) % kEmployees + 1;
    const std::int64_t manager = employee / 10 + 1 == employee ? employee + 1 : employee / 10 + 1;
    CheckIn c;
    c.id = CheckInId(k);
    c.employee = EmployeeId(employee);
    c.manager = EmployeeId(manager);
    c.held_on = kFirstDay + days(static_cast<long>(rng() % 365));
    c.agenda = {"Workload", "Goals", "Development"};
    c.notes = "Discussed the quarter's priorities and a training plan.";
    c.mood = static_cast<std::int32_t>(rng() % 5 + 1);
    c.actions = {{.text = "Book the course", .owner = c.employee, .done = false}};
    v.push_back(std::move(c));
  }
  return v;
}

// The people whose check-ins are listed: managers (about 11 check-ins each:
// their own and their reports') spread over the ids.
std::vector<EmployeeId> ViewedPeople(std::int64_t n) {
  std::vector<EmployeeId> people;
  for (int k = 0; k < kViewedPeople; ++k) people.push_back(EmployeeId(1 + (n / 10 / kViewedPeople) * k));
  return people;
}

void BM_CheckInRecord(benchmark::State& state) {
  const std::vector<CheckIn>& input = CheckIns(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<CheckIn> copy = input;
    auto book = std::make_unique<CheckInBook>();
    state.ResumeTiming();
    for (CheckIn& c : copy) Check(book->Record(std::move(c)).ok(), "Record");
    benchmark::DoNotOptimize(book->records().data());
    state.PauseTiming();
    book.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CheckInRecord)->Arg(kEmployees)->Unit(benchmark::kMillisecond);

constexpr const char* kCheckInSchema =
    "CREATE TABLE check_in (id INTEGER PRIMARY KEY, employee INTEGER NOT NULL, manager INTEGER NOT NULL,"
    " held_on INTEGER NOT NULL, agenda TEXT NOT NULL, notes TEXT NOT NULL, mood INTEGER,"
    " action_text TEXT NOT NULL, action_owner INTEGER NOT NULL, action_done INTEGER NOT NULL);"
    "CREATE INDEX check_in_employee ON check_in (employee, held_on, id);"
    "CREATE INDEX check_in_manager ON check_in (manager, held_on, id);";

void InsertCheckIns(sqlite3* db, const std::vector<CheckIn>& input) {
  Exec(db, "BEGIN");
  Statement insert = Prepare(db,
                             "INSERT INTO check_in (id, employee, manager, held_on, agenda, notes, mood, action_text,"
                             " action_owner, action_done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sqlite3_stmt* s = insert.get();
  for (const CheckIn& c : input) {
    const std::string agenda = c.agenda[0] + "\n" + c.agenda[1] + "\n" + c.agenda[2];
    sqlite3_bind_int64(s, 1, c.id.value());
    sqlite3_bind_int64(s, 2, c.employee.value());
    sqlite3_bind_int64(s, 3, c.manager.value());
    sqlite3_bind_int64(s, 4, c.held_on.julian_day());
    sqlite3_bind_text(s, 5, agenda.c_str(), static_cast<int>(agenda.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, c.notes.c_str(), static_cast<int>(c.notes.size()), SQLITE_STATIC);
    sqlite3_bind_int(s, 7, *c.mood);
    sqlite3_bind_text(s, 8, c.actions[0].text.c_str(), static_cast<int>(c.actions[0].text.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 9, c.actions[0].owner.value());
    sqlite3_bind_int(s, 10, c.actions[0].done ? 1 : 0);
    Check(sqlite3_step(s) == SQLITE_DONE, "insert check_in");
    sqlite3_reset(s);
  }
  Exec(db, "COMMIT");
}

void BM_CheckInRecord_SQLite(benchmark::State& state) {
  const std::vector<CheckIn>& input = CheckIns(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    SqliteDb db = OpenMemoryDb();
    Exec(db.get(), kCheckInSchema);
    state.ResumeTiming();
    InsertCheckIns(db.get(), input);
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CheckInRecord_SQLite)->Arg(kEmployees)->Unit(benchmark::kMillisecond);

const CheckInBook& BookOfCheckIns(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::unique_ptr<CheckInBook>>();
  std::unique_ptr<CheckInBook>& book = (*cache)[n];
  if (book == nullptr) {
    book = std::make_unique<CheckInBook>();
    for (const CheckIn& c : CheckIns(n)) Check(book->Record(c).ok(), "Record");
  }
  return *book;
}

constexpr EmployeeId kThirdParty(kEmployees + 7);  // in no check-in

void BM_CheckInsOfThirdParty(benchmark::State& state) {
  const CheckInBook& book = BookOfCheckIns(state.range(0));
  const std::vector<EmployeeId> people = ViewedPeople(state.range(0));
  std::int64_t listed = 0;
  for (auto _ : state) {
    listed = 0;
    for (const EmployeeId p : people) {
      const std::vector<CheckIn> seen = book.CheckInsOf(p, kThirdParty);
      listed += static_cast<std::int64_t>(seen.size());
      Check(seen.empty() || (seen[0].notes.empty() && !seen[0].mood.has_value()), "third party sees notes");
    }
  }
  state.counters["lists"] = kViewedPeople;
  state.counters["listed"] = static_cast<double>(listed);
}
BENCHMARK(BM_CheckInsOfThirdParty)->Arg(100'000)->Arg(kEmployees)->Unit(benchmark::kMillisecond);

void BM_CheckInsOfThirdParty_SQLite(benchmark::State& state) {
  SqliteDb db = OpenMemoryDb();
  Exec(db.get(), kCheckInSchema);
  InsertCheckIns(db.get(), CheckIns(state.range(0)));
  Statement select = Prepare(db.get(),
                             "SELECT id, employee, manager, held_on, agenda, action_text, action_owner, action_done"
                             " FROM check_in WHERE employee = ?1 UNION ALL"
                             " SELECT id, employee, manager, held_on, agenda, action_text, action_owner, action_done"
                             " FROM check_in WHERE manager = ?1 ORDER BY held_on, id");
  const std::vector<EmployeeId> people = ViewedPeople(state.range(0));
  std::int64_t listed = 0;
  for (auto _ : state) {
    listed = 0;
    for (const EmployeeId p : people) {
      sqlite3_bind_int64(select.get(), 1, p.value());
      while (sqlite3_step(select.get()) == SQLITE_ROW) {
        benchmark::DoNotOptimize(sqlite3_column_text(select.get(), 4));
        ++listed;
      }
      sqlite3_reset(select.get());
    }
  }
  std::int64_t expected = 0;
  for (const EmployeeId p : people) {
    expected += static_cast<std::int64_t>(BookOfCheckIns(state.range(0)).CheckInsOf(p, kThirdParty).size());
  }
  Check(listed == expected, "check-ins listed differ from CheckInsOf");
  state.counters["lists"] = kViewedPeople;
  state.counters["listed"] = static_cast<double>(listed);
}
BENCHMARK(BM_CheckInsOfThirdParty_SQLite)->Arg(100'000)->Arg(kEmployees)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
