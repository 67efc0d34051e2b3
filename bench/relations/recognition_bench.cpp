// Recognition counts per unit subtree (BM_RecognitionsByUnit and its SQLite
// twin) for hrkit_bench_records; records_bench.cpp describes the program.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "absl/container/flat_hash_map.h"
#include "benchmark/benchmark.h"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/recognition_report.hpp"
#include "hrkit/synth/generator.hpp"

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
const Date kFrom(2025, 1, 1);
const Date kAsOf(2025, 12, 31);

struct Org {
  synth::Organization org;
  OrgLookup lookup;
};

// The generated 1M organization (seed 2026, 3 years of history, ending
// 2026-01-01) and its lookup, made once.
const Org& LargeOrg() {
  static const Org* org = [] {
    synth::SynthOptions options;
    options.employee_count = kEmployees;
    options.seed = 2026;
    options.years_of_history = 3;
    absl::StatusOr<synth::Organization> generated = synth::GenerateOrganization(options);
    Check(generated.ok(), "GenerateOrganization");
    auto* made = new Org{.org = *std::move(generated), .lookup = {}};
    absl::StatusOr<OrgLookup> lookup = OrgLookup::Build(made->org.units, made->org.positions);
    Check(lookup.ok(), "OrgLookup::Build");
    made->lookup = *std::move(lookup);
    return made;
  }();
  return *org;
}

// The unit of `e`'s position on `day`, invalid if none (or no record yet).
OrgUnitId UnitOn(const Employee& e, const OrgLookup& lookup, Date day) {
  const absl::StatusOr<EmployeeFacts> facts = FactsOn(e, lookup, day);
  return facts.ok() ? facts->org_unit : OrgUnitId();
}

// n recognitions over 2025, each from a random person to 1-3 random others
// who hold a position on the day, tagged with 0-2 of four values.
struct Recognitions {
  RecognitionBook book;
  // Each recipient's unit on their latest recognition's date: the
  // placement RecognitionsByUnit makes, given to SQLite ready-made.
  absl::flat_hash_map<EmployeeId, OrgUnitId> placement;
};

const std::vector<std::string> kValues = {"ownership", "candor", "care", "craft"};

EmployeeId RandomPlacedPerson(const Org& o, std::mt19937_64& rng, Date day) {
  const auto count = static_cast<std::uint64_t>(o.org.employees.size());
  for (;;) {
    const Employee& e = o.org.employees[rng() % count];
    if (UnitOn(e, o.lookup, day).valid()) return e.id;
  }
}

Recognition RandomRecognition(const Org& o, std::mt19937_64& rng, std::int64_t id) {
  Recognition r;
  r.id = RecognitionId(id);
  r.given_on = kFrom + days(static_cast<long>(rng() % 365));
  r.message = "Thank you for the help with the release";
  const std::size_t recipients = 1 + rng() % 3;
  while (r.recipients.size() < recipients) {
    const EmployeeId p = RandomPlacedPerson(o, rng, r.given_on);
    if (std::find(r.recipients.begin(), r.recipients.end(), p) == r.recipients.end()) r.recipients.push_back(p);
  }
  do {
    r.giver = o.org.employees[rng() % o.org.employees.size()].id;
  } while (std::find(r.recipients.begin(), r.recipients.end(), r.giver) != r.recipients.end());
  const std::size_t tags = rng() % 3;
  for (std::size_t k = 0; k < tags; ++k) r.values.push_back(kValues[(id + k) % kValues.size()]);
  return r;
}

const Recognitions& RecognitionsOf(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::unique_ptr<Recognitions>>();
  std::unique_ptr<Recognitions>& made = (*cache)[n];
  if (made != nullptr) return *made;
  const Org& o = LargeOrg();
  absl::StatusOr<RecognitionBook> book = RecognitionBook::Create(kValues);
  Check(book.ok(), "RecognitionBook::Create");
  made = std::make_unique<Recognitions>(Recognitions{.book = *std::move(book), .placement = {}});
  std::mt19937_64 rng(2026);
  absl::flat_hash_map<EmployeeId, const Recognition*> latest;
  for (std::int64_t id = 1; id <= n; ++id) Check(made->book.Give(RandomRecognition(o, rng, id)).ok(), "Give");
  for (const Recognition& r : made->book.recognitions()) {
    for (const EmployeeId p : r.recipients) {
      const Recognition*& l = latest[p];
      if (l == nullptr || l->given_on < r.given_on || (l->given_on == r.given_on && l->id < r.id)) l = &r;
    }
  }
  for (const auto& [p, r] : latest) {
    made->placement[p] = UnitOn(o.org.employees[static_cast<std::size_t>(p.value() - 1)], o.lookup, r->given_on);
  }
  return *made;
}

// The root group's figures, the number of groups and of shown groups.
struct Counts {
  std::int64_t root = 0;
  std::int64_t root_recipients = -1;
  std::int64_t root_received = -1;
  std::int64_t groups = 0;
  std::int64_t shown = 0;
};

Counts CountHrkit(const Recognitions& r) {
  const absl::StatusOr<std::vector<RecognitionUnitCount>> counts =
      RecognitionsByUnit(r.book, LargeOrg().org.employees, LargeOrg().lookup, {.from = kFrom, .as_of = kAsOf});
  Check(counts.ok(), "RecognitionsByUnit");
  Counts c;
  c.groups = static_cast<std::int64_t>(counts->size());
  for (const RecognitionUnitCount& g : *counts) {
    if (IsShown(g.suppression)) ++c.shown;
    if (!g.parent.valid() && g.recipients.has_value()) {
      c.root = g.unit.value();
      c.root_recipients = *g.recipients;
      c.root_received = *g.received;
    }
  }
  return c;
}

void BM_RecognitionsByUnit(benchmark::State& state) {
  const Recognitions& r = RecognitionsOf(state.range(0));
  Counts c;
  for (auto _ : state) {
    c = CountHrkit(r);
    benchmark::DoNotOptimize(c);
  }
  state.counters["groups"] = static_cast<double>(c.groups);
  state.counters["shown"] = static_cast<double>(c.shown);
  state.counters["recipients"] = static_cast<double>(c.root_recipients);
  state.counters["received"] = static_cast<double>(c.root_received);
}
BENCHMARK(BM_RecognitionsByUnit)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The recognitions as (recognition, recipient, day) rows, the placement,
// and the closure of the unit tree on kAsOf.
SqliteDb RecognitionDb(const Recognitions& r) {
  SqliteDb db = OpenMemoryDb();
  Exec(db.get(),
       "CREATE TABLE received (recognition INTEGER NOT NULL, employee INTEGER NOT NULL, given_on INTEGER NOT NULL);"
       "CREATE TABLE placement (employee INTEGER PRIMARY KEY, unit INTEGER NOT NULL);"
       "CREATE TABLE unit_closure (unit INTEGER NOT NULL, ancestor INTEGER NOT NULL,"
       " PRIMARY KEY (unit, ancestor)) WITHOUT ROWID;"
       "BEGIN");
  Statement received = Prepare(db.get(), "INSERT INTO received VALUES (?1, ?2, ?3)");
  for (const Recognition& g : r.book.recognitions()) {
    for (const EmployeeId p : g.recipients) {
      sqlite3_bind_int64(received.get(), 1, g.id.value());
      sqlite3_bind_int64(received.get(), 2, p.value());
      sqlite3_bind_int64(received.get(), 3, g.given_on.julian_day());
      Check(sqlite3_step(received.get()) == SQLITE_DONE, "insert received");
      sqlite3_reset(received.get());
    }
  }
  Statement placement = Prepare(db.get(), "INSERT INTO placement VALUES (?1, ?2)");
  for (const auto& [p, unit] : r.placement) {
    if (!unit.valid()) continue;
    sqlite3_bind_int64(placement.get(), 1, p.value());
    sqlite3_bind_int64(placement.get(), 2, unit.value());
    Check(sqlite3_step(placement.get()) == SQLITE_DONE, "insert placement");
    sqlite3_reset(placement.get());
  }
  Statement closure = Prepare(db.get(), "INSERT INTO unit_closure VALUES (?1, ?2)");
  std::vector<OrgUnitId> path;
  for (const OrgUnit& u : LargeOrg().org.units) {
    Check(LargeOrg().lookup.UnitPathOn(u.id, kAsOf, &path).ok(), "UnitPathOn");
    for (const OrgUnitId a : path) {
      sqlite3_bind_int64(closure.get(), 1, u.id.value());
      sqlite3_bind_int64(closure.get(), 2, a.value());
      Check(sqlite3_step(closure.get()) == SQLITE_DONE, "insert closure");
      sqlite3_reset(closure.get());
    }
  }
  Exec(db.get(), "COMMIT; ANALYZE");
  return db;
}

void BM_RecognitionsByUnit_SQLite(benchmark::State& state) {
  const Recognitions& r = RecognitionsOf(state.range(0));
  const SqliteDb db = RecognitionDb(r);
  Statement query = Prepare(db.get(),
                            "SELECT c.ancestor, COUNT(DISTINCT v.employee), COUNT(*) FROM received v"
                            " JOIN placement p ON p.employee = v.employee JOIN unit_closure c ON c.unit = p.unit"
                            " WHERE v.given_on BETWEEN ?1 AND ?2 GROUP BY c.ancestor"
                            " HAVING COUNT(DISTINCT v.employee) >= 5");
  const Counts expected = CountHrkit(r);
  const std::int64_t root = expected.root;
  Counts c;
  for (auto _ : state) {
    c = Counts{};
    sqlite3_bind_int64(query.get(), 1, kFrom.julian_day());
    sqlite3_bind_int64(query.get(), 2, kAsOf.julian_day());
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
      ++c.shown;
      if (sqlite3_column_int64(query.get(), 0) == root) {
        c.root_recipients = sqlite3_column_int64(query.get(), 1);
        c.root_received = sqlite3_column_int64(query.get(), 2);
      }
    }
    sqlite3_reset(query.get());
  }
  Check(c.root_recipients == expected.root_recipients && c.root_received == expected.root_received,
        "the root's counts differ between SQLite and RecognitionsByUnit");
  state.counters["at_least_5"] = static_cast<double>(c.shown);
  state.counters["recipients"] = static_cast<double>(c.root_recipients);
  state.counters["received"] = static_cast<double>(c.root_received);
}
BENCHMARK(BM_RecognitionsByUnit_SQLite)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace hrkit
