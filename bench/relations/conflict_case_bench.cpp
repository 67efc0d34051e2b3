// The conflict-case workflow (BM_ConflictCaseWorkflow and its SQLite twin)
// for hrkit_bench_records; records_bench.cpp describes the program.
#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>

#include "../support/sqlite_bench.hpp"
#include "benchmark/benchmark.h"
#include "hrkit/relations/conflict_case_book.hpp"

namespace hrkit {
namespace {

using bench_support::Check;
using bench_support::Exec;
using bench_support::OpenMemoryDb;
using bench_support::Prepare;
using bench_support::SqliteDb;
using bench_support::Statement;
using boost::gregorian::days;

constexpr int kStepsAfterOpening = 6;
const Date kOpened(2025, 3, 3);

// Case k: parties 4k+1 and 4k+2, handler 4k+3, second handler 4k+4.
EmployeeId Person(std::int64_t k, int which) { return EmployeeId(4 * k + which); }

void RunCase(ConflictCaseBook& book, std::int64_t k) {
  const ConflictCaseId id(k + 1);
  const EmployeeId hr = Person(k, 3);
  const EmployeeId hr2 = Person(k, 4);
  Check(book.Open(ConflictCase{.id = id,
                               .parties = {Person(k, 1), Person(k, 2)},
                               .opened_on = kOpened,
                               .category = CaseCategory::kInterpersonal,
                               .handlers = {hr},
                               .notes = {{kOpened, hr, "Intake interview with both parties"}}})
            .ok(),
        "Open");
  Check(book.AddNote(id, {kOpened + days(1), hr, "Spoke with each party alone"}).ok(), "AddNote");
  Check(book.Transition(id, CaseStatus::kMediation, kOpened + days(2), hr).ok(), "to mediation");
  Check(book.AddHandler(id, hr2, hr).ok(), "AddHandler");
  Check(book.AddNote(id, {kOpened + days(9), hr2, "Mediation session held; agreement drafted"}).ok(), "AddNote");
  Check(book.Transition(id, CaseStatus::kResolved, kOpened + days(10), hr2).ok(), "to resolved");
  Check(book.Transition(id, CaseStatus::kClosed, kOpened + days(40), hr).ok(), "to closed");
}

void BM_ConflictCaseWorkflow(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    ConflictCaseBook book;
    for (std::int64_t k = 0; k < n; ++k) RunCase(book, k);
    Check(book.cases().back().status == CaseStatus::kClosed, "closed");
    benchmark::DoNotOptimize(book.cases().data());
  }
  state.SetItemsProcessed(state.iterations() * n * (1 + kStepsAfterOpening));
}
BENCHMARK(BM_ConflictCaseWorkflow)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

constexpr const char* kCaseSchema =
    "CREATE TABLE conflict_case (id INTEGER PRIMARY KEY, opened_on INTEGER NOT NULL, category TEXT NOT NULL,"
    " status TEXT NOT NULL);"
    "CREATE TABLE case_party (case_id INTEGER NOT NULL, employee INTEGER NOT NULL, PRIMARY KEY (case_id, employee))"
    " WITHOUT ROWID;"
    "CREATE TABLE case_handler (case_id INTEGER NOT NULL, employee INTEGER NOT NULL,"
    " PRIMARY KEY (case_id, employee)) WITHOUT ROWID;"
    "CREATE TABLE case_note (case_id INTEGER NOT NULL, written_on INTEGER NOT NULL, author INTEGER NOT NULL,"
    " text TEXT NOT NULL);"
    "CREATE INDEX case_note_case ON case_note (case_id);"
    "CREATE TABLE case_transition (case_id INTEGER NOT NULL, on_day INTEGER NOT NULL, from_status TEXT NOT NULL,"
    " to_status TEXT NOT NULL, by_employee INTEGER NOT NULL);"
    "CREATE INDEX case_transition_case ON case_transition (case_id);";

// The statements of the SQL workflow: each step checks the case's status
// and the acting handler, then writes, in one transaction.
struct CaseSql {
  explicit CaseSql(sqlite3* d)
      : db(d),
        begin(Prepare(d, "BEGIN")),
        commit(Prepare(d, "COMMIT")),
        insert_case(Prepare(d, "INSERT INTO conflict_case VALUES (?1, ?2, 'interpersonal', 'open')")),
        insert_party(Prepare(d, "INSERT INTO case_party VALUES (?1, ?2)")),
        insert_handler(Prepare(d, "INSERT INTO case_handler VALUES (?1, ?2)")),
        insert_note(Prepare(d, "INSERT INTO case_note VALUES (?1, ?2, ?3, ?4)")),
        status(Prepare(d, "SELECT status FROM conflict_case WHERE id = ?1")),
        is_handler(Prepare(d, "SELECT 1 FROM case_handler WHERE case_id = ?1 AND employee = ?2")),
        set_status(Prepare(d, "UPDATE conflict_case SET status = ?2 WHERE id = ?1")),
        insert_transition(Prepare(d, "INSERT INTO case_transition VALUES (?1, ?2, ?3, ?4, ?5)")) {}
  sqlite3* db;
  Statement begin, commit, insert_case, insert_party, insert_handler, insert_note, status, is_handler, set_status,
      insert_transition;
};

// Binds integers (or, for a negative index, nothing more) and runs `s` to
// its end; returns the first column of the first row as text ("" if none).
std::string Run(sqlite3_stmt* s, std::initializer_list<std::int64_t> ints, const char* text = nullptr,
                int text_at = 0) {
  int at = 1;
  for (const std::int64_t v : ints) sqlite3_bind_int64(s, at++, v);
  if (text != nullptr) sqlite3_bind_text(s, text_at, text, -1, SQLITE_STATIC);
  std::string first;
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    first = t == nullptr ? "" : reinterpret_cast<const char*>(t);
    while (rc == SQLITE_ROW) rc = sqlite3_step(s);
  }
  Check(rc == SQLITE_DONE, "sql step");
  sqlite3_reset(s);
  return first;
}

// The checks every step makes: the case exists and is not closed (or is in
// `from`), and `by` handles it.
void CheckStep(CaseSql& q, std::int64_t id, std::int64_t by, const char* from = nullptr) {
  const std::string status = Run(q.status.get(), {id});
  Check(!status.empty() && status != "closed" && (from == nullptr || status == from), "case status");
  Check(Run(q.is_handler.get(), {id, by}) == "1", "handler");
}

void SqlNote(CaseSql& q, std::int64_t id, std::int64_t author, Date on, const char* text) {
  Run(q.begin.get(), {});
  CheckStep(q, id, author);
  Run(q.insert_note.get(), {id, on.julian_day(), author}, text, 4);
  Run(q.commit.get(), {});
}

void SqlTransition(CaseSql& q, std::int64_t id, const char* from, const char* to, Date on, std::int64_t by) {
  Run(q.begin.get(), {});
  CheckStep(q, id, by, from);
  Run(q.set_status.get(), {id}, to, 2);
  sqlite3_bind_text(q.insert_transition.get(), 3, from, -1, SQLITE_STATIC);
  sqlite3_bind_text(q.insert_transition.get(), 4, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64(q.insert_transition.get(), 5, by);
  Run(q.insert_transition.get(), {id, on.julian_day()});
  Run(q.commit.get(), {});
}

void RunCaseSql(CaseSql& q, std::int64_t k) {
  const std::int64_t id = k + 1;
  const std::int64_t hr = Person(k, 3).value();
  const std::int64_t hr2 = Person(k, 4).value();
  Run(q.begin.get(), {});
  Run(q.insert_case.get(), {id, kOpened.julian_day()});
  Run(q.insert_party.get(), {id, Person(k, 1).value()});
  Run(q.insert_party.get(), {id, Person(k, 2).value()});
  Run(q.insert_handler.get(), {id, hr});
  Run(q.insert_note.get(), {id, kOpened.julian_day(), hr}, "Intake interview with both parties", 4);
  Run(q.commit.get(), {});
  SqlNote(q, id, hr, kOpened + days(1), "Spoke with each party alone");
  SqlTransition(q, id, "open", "mediation", kOpened + days(2), hr);
  Run(q.begin.get(), {});
  CheckStep(q, id, hr);
  Run(q.insert_handler.get(), {id, hr2});
  Run(q.commit.get(), {});
  SqlNote(q, id, hr2, kOpened + days(9), "Mediation session held; agreement drafted");
  SqlTransition(q, id, "mediation", "resolved", kOpened + days(10), hr2);
  SqlTransition(q, id, "resolved", "closed", kOpened + days(40), hr);
}

void BM_ConflictCaseWorkflow_SQLite(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    state.PauseTiming();
    SqliteDb db = OpenMemoryDb();
    Exec(db.get(), kCaseSchema);
    auto q = std::make_unique<CaseSql>(db.get());
    state.ResumeTiming();
    for (std::int64_t k = 0; k < n; ++k) RunCaseSql(*q, k);
    state.PauseTiming();
    Check(Run(q->status.get(), {n}) == "closed", "closed");
    q.reset();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * n * (1 + kStepsAfterOpening));
}
BENCHMARK(BM_ConflictCaseWorkflow_SQLite)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hrkit
