// Survey roll-up benchmarks: n respondents x 12 items (1..5, two of them
// reverse-scored, three 4-item subscales and a total), about 10 respondents
// per unit (0-20 each, so many teams fall below the minimum group), a unit
// tree of 2-8 children per unit in breadth-first order (depth 7-8 at 1M),
// invitations of 0-3 more than the respondents per unit, 3 % of answers
// missing. Answers are bytes, respondents of one unit adjacent as in a
// table read in unit order (BM_SurveyRollup) or in a random order
// (BM_SurveyRollup_Shuffled).
// - BM_SurveyRollup: SurveyRollup::Compute, every unit's subtree figures
//   (respondents, invited, per item answered / distribution, per scale
//   scored count and score sum) with all the confidentiality rules of
//   core/confidentiality.hpp applied and hidden units cleared;
// - BM_SurveyRollup_Groups: the same plus every unit in OrgReport's shape
//   (SurveyRollup::Groups, one SurveyGroupResult with its vectors per unit);
// - BM_StreamBaseline: one plain pass summing the same answer bytes (the
//   missing ones left out): the floor of any roll-up over this data;
// - BM_SurveyRollup_SQLite: the per-item aggregation in SQLite (in memory):
//   a responses table (unit, 12 nullable item columns, indexed by unit), a
//   closure table (ancestor, unit), one GROUP BY ancestor with the count,
//   answered, value sum and favourable count of every item, and the minimum
//   group rule as HAVING. No distributions, no scale scores, no complement,
//   sibling or hidden-parent rule: SQL does less than the roll-up.
// Every benchmark checks its checksums against a direct count of the data
// (respondents, answers given, the sum of the answer bytes, the sum of the
// item values) and reports them as counters. Setup is never timed.
//
//   hrkit_bench_relations --benchmark_filter='Survey|Stream' --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "hrkit/relations/survey_rollup.hpp"

namespace hrkit {
namespace {

using bench_support::Exec;
using bench_support::Prepare;
using bench_support::SqliteDb;
using bench_support::Statement;

constexpr std::int64_t kSmall = 10'000;
constexpr std::int64_t kLarge = 1'000'000;
constexpr std::size_t kItems = 12;
constexpr int kMinGroup = 5;

// The reverse-scored items.
bool Reverse(std::size_t item) { return item == 3 || item == 7; }

InstrumentDefinition Instrument() {
  InstrumentDefinition d;
  d.code = "bench12";
  d.name = "Twelve-item benchmark scale";
  d.min_answer = 1;
  d.max_answer = 5;
  for (std::size_t i = 0; i < kItems; ++i) d.items.push_back({.code = absl::StrCat("q", i + 1), .reverse = Reverse(i)});
  for (std::size_t s = 0; s < 3; ++s) {
    d.scales.push_back(
        {.code = absl::StrCat("sub", s + 1), .items = {4 * s, 4 * s + 1, 4 * s + 2, 4 * s + 3}, .min_answered = 3});
  }
  ScaleDefinition total{.code = "total", .min_answered = 9};
  for (std::size_t i = 0; i < kItems; ++i) total.items.push_back(i);
  d.scales.push_back(total);
  return d;
}

// Peak resident set size of the process so far, in MiB.
double PeakResidentMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// What a direct count of the data gives; every benchmark checks against it.
struct Expected {
  std::int64_t respondents = 0;
  std::int64_t answered = 0;
  std::int64_t byte_sum = 0;   // the answer bytes (answer - 1), missing ones left out
  std::int64_t value_sum = 0;  // the item values (6 - answer for a reverse item)
};

struct Wave {
  InstrumentDefinition instrument = Instrument();
  std::vector<OrgUnitId> units;
  std::vector<std::int32_t> parents;
  std::vector<std::int64_t> invited;
  std::vector<std::int32_t> respondent_units;
  std::vector<std::uint8_t> answers;
  // The same respondents in a random order.
  std::vector<std::int32_t> shuffled_units;
  std::vector<std::uint8_t> shuffled_answers;
  Expected expected;
  SqliteDb db;

  SurveyRollupInput Input(bool shuffled) const {
    return {.units = units,
            .parents = parents,
            .invited = invited,
            .respondent_units = shuffled ? shuffled_units : respondent_units,
            .answers = shuffled ? shuffled_answers : answers};
  }
};

void MakeTree(std::int64_t unit_count, std::mt19937_64& rng, Wave& w) {
  w.units.reserve(static_cast<std::size_t>(unit_count));
  w.parents.reserve(static_cast<std::size_t>(unit_count));
  std::int32_t parent = 0;
  std::int64_t children_left = 2 + static_cast<std::int64_t>(rng() % 7);
  for (std::int64_t u = 0; u < unit_count; ++u) {
    w.units.emplace_back(u + 1);
    if (u == 0) {
      w.parents.push_back(-1);
      continue;
    }
    w.parents.push_back(parent);
    if (--children_left == 0) {
      ++parent;
      children_left = 2 + static_cast<std::int64_t>(rng() % 7);
    }
  }
}

// Answers: a unit effect plus a person effect plus item noise around 3.4,
// rounded to 1..5, reversed for the reverse items; 3 % missing.
void AddRespondent(std::int32_t unit, double unit_effect, std::mt19937_64& rng, Wave& w) {
  std::normal_distribution<double> person(0.0, 0.7);
  std::normal_distribution<double> noise(0.0, 0.6);
  const double level = 3.4 + unit_effect + person(rng);
  w.respondent_units.push_back(unit);
  for (std::size_t i = 0; i < kItems; ++i) {
    if (rng() % 100 < 3) {
      w.answers.push_back(kMissingAnswerByte);
      continue;
    }
    const double v = std::clamp(std::round(level + noise(rng)), 1.0, 5.0);
    const int answer = Reverse(i) ? 6 - static_cast<int>(v) : static_cast<int>(v);
    w.answers.push_back(static_cast<std::uint8_t>(answer - 1));
  }
}

void Count(Wave& w) {
  Expected& e = w.expected;
  e.respondents = static_cast<std::int64_t>(w.respondent_units.size());
  for (std::size_t k = 0; k < w.answers.size(); ++k) {
    const std::uint8_t a = w.answers[k];
    if (a == kMissingAnswerByte) continue;
    ++e.answered;
    e.byte_sum += a;
    e.value_sum += Reverse(k % kItems) ? 5 - a : a + 1;
  }
}

Wave& Data(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::unique_ptr<Wave>>();
  std::unique_ptr<Wave>& w = (*cache)[n];
  if (w != nullptr) return *w;
  w = std::make_unique<Wave>();
  std::mt19937_64 rng(2026);
  const std::int64_t unit_count = std::max<std::int64_t>(1, n / 10);
  MakeTree(unit_count, rng, *w);
  w->invited.assign(static_cast<std::size_t>(unit_count), 0);
  w->respondent_units.reserve(static_cast<std::size_t>(n));
  w->answers.reserve(static_cast<std::size_t>(n) * kItems);
  std::normal_distribution<double> unit_effect(0.0, 0.4);
  std::int64_t left = n;
  for (std::int64_t pass = 0; left > 0; ++pass) {
    for (std::int64_t u = 0; u < unit_count && left > 0; ++u) {
      // The first pass gives each unit 0-20 respondents, later passes one
      // more each until n are placed.
      const std::int64_t own = std::min<std::int64_t>(left, pass == 0 ? static_cast<std::int64_t>(rng() % 21) : 1);
      const double effect = unit_effect(rng);
      for (std::int64_t k = 0; k < own; ++k) AddRespondent(static_cast<std::int32_t>(u), effect, rng, *w);
      w->invited[static_cast<std::size_t>(u)] += own + (pass == 0 ? static_cast<std::int64_t>(rng() % 4) : 0);
      left -= own;
    }
  }
  std::vector<std::size_t> order(w->respondent_units.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::shuffle(order.begin(), order.end(), rng);
  for (const std::size_t k : order) {
    w->shuffled_units.push_back(w->respondent_units[k]);
    w->shuffled_answers.insert(w->shuffled_answers.end(), w->answers.begin() + static_cast<std::ptrdiff_t>(k * kItems),
                               w->answers.begin() + static_cast<std::ptrdiff_t>((k + 1) * kItems));
  }
  Count(*w);
  return *w;
}

// ---- hrkit -----------------------------------------------------------------

// The root's checksums from a roll-up, against the direct count.
bool CheckRollup(const SurveyRollup& r, const Wave& w, benchmark::State& state) {
  std::int64_t answered = 0;
  std::int64_t byte_sum = 0;
  double value_sum = 0;
  for (std::size_t i = 0; i < kItems; ++i) {
    const std::span<const std::uint32_t> d = r.item_distribution(0, i);
    for (std::size_t o = 0; o < d.size(); ++o) {
      answered += d[o];
      byte_sum += static_cast<std::int64_t>(o) * d[o];
    }
    value_sum += r.item_mean(0, i).value_or(0) * static_cast<double>(*r.item_answered(0, i));
  }
  std::int64_t shown = 0;
  for (std::size_t g = 0; g < r.unit_count(); ++g) shown += IsShown(r.suppression(g)) ? 1 : 0;
  state.counters["units"] = static_cast<double>(r.unit_count());
  state.counters["shown_units"] = static_cast<double>(shown);
  state.counters["respondents"] = static_cast<double>(r.respondents(0).value_or(-1));
  state.counters["answered"] = static_cast<double>(answered);
  state.counters["byte_sum"] = static_cast<double>(byte_sum);
  state.counters["value_sum"] = value_sum;
  return r.respondents(0) == w.expected.respondents && answered == w.expected.answered &&
         byte_sum == w.expected.byte_sum && std::llround(value_sum) == w.expected.value_sum;
}

void RunRollup(benchmark::State& state, bool shuffled, bool groups) {
  const Wave& w = Data(state.range(0));
  const SurveyRollupInput input = w.Input(shuffled);
  const ConfidentialityThresholds thresholds{.min_group = kMinGroup};
  std::optional<SurveyRollup> last;
  for (auto _ : state) {
    absl::StatusOr<SurveyRollup> r = SurveyRollup::Compute(input, w.instrument, thresholds);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    if (groups) {
      const std::vector<SurveyGroupResult> all = r->Groups();
      benchmark::DoNotOptimize(all.data());
    }
    benchmark::DoNotOptimize(r->unit_count());
    state.PauseTiming();
    last = *std::move(r);
    state.ResumeTiming();
  }
  if (!CheckRollup(*last, w, state)) state.SkipWithError("checksum mismatch");
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(w.answers.size()));
  state.counters["peak_rss_mib"] = PeakResidentMiB();
}

void BM_SurveyRollup(benchmark::State& state) { RunRollup(state, false, false); }
BENCHMARK(BM_SurveyRollup)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond);

void BM_SurveyRollup_Shuffled(benchmark::State& state) { RunRollup(state, true, false); }
BENCHMARK(BM_SurveyRollup_Shuffled)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond);

void BM_SurveyRollup_Groups(benchmark::State& state) { RunRollup(state, false, true); }
BENCHMARK(BM_SurveyRollup_Groups)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond);

// ---- Baseline --------------------------------------------------------------

void BM_StreamBaseline(benchmark::State& state) {
  const Wave& w = Data(state.range(0));
  std::int64_t byte_sum = 0;
  std::int64_t answered = 0;
  for (auto _ : state) {
    std::uint64_t sum = 0;
    std::uint64_t given = 0;
    for (const std::uint8_t a : w.answers) {
      const bool present = a != kMissingAnswerByte;
      sum += present ? a : 0u;
      given += present ? 1u : 0u;
    }
    benchmark::DoNotOptimize(sum);
    benchmark::DoNotOptimize(given);
    byte_sum = static_cast<std::int64_t>(sum);
    answered = static_cast<std::int64_t>(given);
  }
  if (byte_sum != w.expected.byte_sum || answered != w.expected.answered) state.SkipWithError("checksum mismatch");
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(w.answers.size()));
  state.counters["answered"] = static_cast<double>(answered);
  state.counters["byte_sum"] = static_cast<double>(byte_sum);
}
BENCHMARK(BM_StreamBaseline)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond);

// ---- SQLite ----------------------------------------------------------------

void Step(sqlite3_stmt* s) {
  if (sqlite3_step(s) != SQLITE_DONE) std::abort();
  sqlite3_reset(s);
}

// Loads the wave: response (unit, q1..q12, NULL = missing), unit_closure
// (ancestor, unit) with every unit and its ancestors.
sqlite3* Database(std::int64_t n) {
  Wave& w = Data(n);
  if (w.db != nullptr) return w.db.get();
  sqlite3* raw = nullptr;
  if (sqlite3_open(":memory:", &raw) != SQLITE_OK) std::abort();
  w.db.reset(raw);
  std::string columns;
  std::string params;
  for (std::size_t i = 0; i < kItems; ++i) {
    absl::StrAppend(&columns, ", q", i + 1, " INTEGER");
    absl::StrAppend(&params, ", ?", i + 2);
  }
  Exec(raw, absl::StrCat("CREATE TABLE response (id INTEGER PRIMARY KEY, unit INTEGER NOT NULL", columns,
                         ");"
                         "CREATE TABLE unit_closure (ancestor INTEGER NOT NULL, unit INTEGER NOT NULL,"
                         " PRIMARY KEY (ancestor, unit)) WITHOUT ROWID;"
                         "BEGIN;"));
  {
    Statement insert = Prepare(raw, absl::StrCat("INSERT INTO response VALUES (NULL, ?1", params, ")"));
    for (std::size_t k = 0; k < w.respondent_units.size(); ++k) {
      sqlite3_bind_int64(insert.get(), 1, w.units[static_cast<std::size_t>(w.respondent_units[k])].value());
      for (std::size_t i = 0; i < kItems; ++i) {
        const std::uint8_t a = w.answers[k * kItems + i];
        const int column = static_cast<int>(i + 2);
        if (a == kMissingAnswerByte) {
          sqlite3_bind_null(insert.get(), column);
        } else {
          sqlite3_bind_int(insert.get(), column, a + 1);
        }
      }
      Step(insert.get());
    }
    Statement closure = Prepare(raw, "INSERT INTO unit_closure VALUES (?1, ?2)");
    for (std::size_t u = 0; u < w.units.size(); ++u) {
      for (std::int32_t a = static_cast<std::int32_t>(u); a >= 0; a = w.parents[static_cast<std::size_t>(a)]) {
        sqlite3_bind_int64(closure.get(), 1, w.units[static_cast<std::size_t>(a)].value());
        sqlite3_bind_int64(closure.get(), 2, w.units[u].value());
        Step(closure.get());
      }
    }
  }
  Exec(raw, "COMMIT; CREATE INDEX response_unit ON response (unit); ANALYZE;");
  return raw;
}

// Per ancestor unit: respondents, then per item answered, value sum (6 - q
// for a reverse item) and favourable count (4-5, or 1-2 reversed); groups
// below the minimum left out.
std::string RollupSql() {
  std::string select = "SELECT c.ancestor, COUNT(*)";
  for (std::size_t i = 0; i < kItems; ++i) {
    const std::string q = absl::StrCat("r.q", i + 1);
    absl::StrAppend(&select, ", COUNT(", q, ")");
    if (Reverse(i)) {
      absl::StrAppend(&select, ", SUM(6 - ", q, "), SUM(", q, " <= 2)");
    } else {
      absl::StrAppend(&select, ", SUM(", q, "), SUM(", q, " >= 4)");
    }
  }
  return absl::StrCat(select,
                      " FROM unit_closure c JOIN response r ON r.unit = c.unit"
                      " GROUP BY c.ancestor HAVING COUNT(*) >= ",
                      kMinGroup);
}

void BM_SurveyRollup_SQLite(benchmark::State& state) {
  const Wave& w = Data(state.range(0));
  sqlite3* db = Database(state.range(0));
  Statement query = Prepare(db, RollupSql());
  const std::int64_t root = w.units.front().value();
  std::int64_t rows = 0;
  std::int64_t respondents = 0;
  std::int64_t answered = 0;
  std::int64_t value_sum = 0;
  for (auto _ : state) {
    rows = 0;
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
      ++rows;
      if (sqlite3_column_int64(query.get(), 0) != root) continue;
      respondents = sqlite3_column_int64(query.get(), 1);
      answered = 0;
      value_sum = 0;
      for (std::size_t i = 0; i < kItems; ++i) {
        answered += sqlite3_column_int64(query.get(), static_cast<int>(2 + 3 * i));
        value_sum += sqlite3_column_int64(query.get(), static_cast<int>(3 + 3 * i));
      }
    }
    sqlite3_reset(query.get());
  }
  if (respondents != w.expected.respondents || answered != w.expected.answered || value_sum != w.expected.value_sum) {
    state.SkipWithError("checksum mismatch");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["groups_at_least_k"] = static_cast<double>(rows);
  state.counters["respondents"] = static_cast<double>(respondents);
  state.counters["answered"] = static_cast<double>(answered);
  state.counters["value_sum"] = static_cast<double>(value_sum);
  state.counters["peak_rss_mib"] = PeakResidentMiB();
}
BENCHMARK(BM_SurveyRollup_SQLite)->Arg(kSmall)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SurveyRollup_SQLite)->Arg(kLarge)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
