// Performance cycle benchmarks: scoring a whole cycle and the calibration
// distribution of every org unit's subtree.
// - BM_CycleScoring: ScoreFlatCycle (performance/flat_scoring.hpp) over a
//   generated cycle: every participant has 5 goals and 4 submitted reviews
//   (self, manager, two peers), each rating the 5 goals and 2 competencies
//   (goals 75 %, values 25 %; role weights self 12.5, manager 62.5,
//   peer 25), on a 1-5 scale; overall scores, the proposed level (nearest
//   to the overall score) and the level counts of every unit's subtree.
//   Participants sit in units of a generated tree (about 10 participants per
//   unit, depth 6-10).
// - BM_CycleScoring_SQLite: the same in SQLite SQL in the same binary, on an
//   in-memory database holding the same columns as rows (goal weights,
//   reviews, goal and competency ratings, a closure table of the units):
//   weighted sums and means by GROUP BY, the role combination, the nearest
//   level, and the subtree counts through the closure table.
// Goal, section and role weights are multiples of 12.5 %, so every
// intermediate value is exact in binary floating point and both sides give
// bit-identical scores whatever order SQL adds in. Both compute a checksum
// (sum of overall scores; sum over units and levels of count x level x
// (unit mod 1000 + 1)); the SQLite run fails when its checksum differs.
//
// Each size is generated once per process; setup (and the SQLite load) is
// never timed.
//
//   hrkit_bench_performance --benchmark_filter=CycleScoring
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "benchmark/benchmark.h"
#include "hrkit/performance/flat_scoring.hpp"

namespace hrkit {
namespace {

using bench_support::Exec;
using bench_support::Prepare;
using bench_support::SqliteDb;
using bench_support::Statement;

constexpr std::int64_t kSmall = 10'000;
constexpr std::int64_t kMedium = 100'000;
constexpr std::int64_t kLarge = 1'000'000;
constexpr int kGoals = 5;
constexpr int kCompetencies = 2;
constexpr ReviewerRole kRoles[] = {ReviewerRole::kSelf, ReviewerRole::kManager, ReviewerRole::kPeer,
                                   ReviewerRole::kPeer};

// Goal weights of one participant: patterns of multiples of 12.5 summing to 100.
constexpr double kWeightPatterns[][kGoals] = {
    {25, 25, 25, 12.5, 12.5}, {50, 12.5, 12.5, 12.5, 12.5}, {37.5, 25, 12.5, 12.5, 12.5}, {12.5, 12.5, 25, 25, 25}};

ScoringMethod Method() {
  ScoringMethod m;
  m.scale = RatingScaleId(1);
  m.sections = {{"Goals", SectionKind::kGoals, 75, {}},
                {"Values", SectionKind::kCompetencies, 25, {"ownership", "teamwork"}}};
  m.role_weights = {{ReviewerRole::kSelf, 12.5}, {ReviewerRole::kManager, 62.5}, {ReviewerRole::kPeer, 25}};
  return m;
}

// Steps an insert with the given integer and real columns bound in order.
void Insert(sqlite3_stmt* s, std::initializer_list<std::int64_t> ints, double real) {
  int column = 1;
  for (std::int64_t v : ints) sqlite3_bind_int64(s, column++, v);
  sqlite3_bind_double(s, column, real);
  if (sqlite3_step(s) != SQLITE_DONE) std::abort();
  sqlite3_reset(s);
}

// A generated cycle as columns, and (on demand) the same rows in SQLite.
struct Fixture {
  std::vector<std::int64_t> goal_begin{0};
  std::vector<double> goal_weights;
  std::vector<std::int64_t> review_begin{0};
  std::vector<ReviewerRole> review_roles;
  std::vector<std::uint8_t> ratings;
  std::vector<std::int32_t> participant_unit;
  std::vector<std::int32_t> unit_parent;  // pre-order
  std::int32_t max_depth = 0;
  SqliteDb db;

  FlatCycleInput Input() const {
    return {goal_begin, goal_weights, review_begin, review_roles, ratings, {}, participant_unit, unit_parent};
  }
};

// A random tree of `units` units relabelled in pre-order: unit u's parent is
// drawn from u/6 .. u/4 of the drawing order, so depth grows with log n.
void GenerateUnits(std::mt19937_64& rng, std::int32_t units, Fixture& f) {
  std::vector<std::int32_t> parent(static_cast<std::size_t>(units), -1);
  std::vector<std::vector<std::int32_t>> children(static_cast<std::size_t>(units));
  for (std::int32_t u = 1; u < units; ++u) {
    const std::int32_t lo = (u - 1) / 6;
    const std::int32_t hi = std::max(lo, (u - 1) / 4);
    parent[static_cast<std::size_t>(u)] =
        lo + static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
    children[static_cast<std::size_t>(parent[static_cast<std::size_t>(u)])].push_back(u);
  }
  std::vector<std::int32_t> order(static_cast<std::size_t>(units), -1);  // drawing index -> pre-order index
  std::vector<std::pair<std::int32_t, std::int32_t>> stack = {{0, 0}};   // unit, depth
  f.unit_parent.assign(static_cast<std::size_t>(units), -1);
  std::int32_t next = 0;
  while (!stack.empty()) {
    const auto [u, depth] = stack.back();
    stack.pop_back();
    order[static_cast<std::size_t>(u)] = next++;
    f.max_depth = std::max(f.max_depth, depth + 1);
    const std::int32_t p = parent[static_cast<std::size_t>(u)];
    f.unit_parent[static_cast<std::size_t>(order[static_cast<std::size_t>(u)])] =
        p < 0 ? -1 : order[static_cast<std::size_t>(p)];
    for (auto it = children[static_cast<std::size_t>(u)].rbegin(); it != children[static_cast<std::size_t>(u)].rend();
         ++it) {
      stack.push_back({*it, depth + 1});
    }
  }
}

Fixture& Cycle(std::int64_t n) {
  static auto* cache = new std::map<std::int64_t, std::unique_ptr<Fixture>>();
  std::unique_ptr<Fixture>& f = (*cache)[n];
  if (f != nullptr) return *f;
  f = std::make_unique<Fixture>();
  std::mt19937_64 rng(2026);
  const auto units = static_cast<std::int32_t>(std::max<std::int64_t>(1, n / 10));
  GenerateUnits(rng, units, *f);
  f->goal_weights.reserve(static_cast<std::size_t>(n * kGoals));
  f->ratings.reserve(static_cast<std::size_t>(n * 4 * (kGoals + kCompetencies)));
  for (std::int64_t p = 0; p < n; ++p) {
    f->participant_unit.push_back(static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(units)));
    for (double w : kWeightPatterns[rng() % 4]) f->goal_weights.push_back(w);
    f->goal_begin.push_back(static_cast<std::int64_t>(f->goal_weights.size()));
    // A participant's typical level, with reviews scattered around it.
    const int center = static_cast<int>(rng() % 5);
    for (ReviewerRole role : kRoles) {
      f->review_roles.push_back(role);
      for (int i = 0; i < kGoals + kCompetencies; ++i) {
        const int level = std::clamp(center + static_cast<int>(rng() % 3) - 1, 0, 4);
        f->ratings.push_back(static_cast<std::uint8_t>(level));
      }
    }
    f->review_begin.push_back(static_cast<std::int64_t>(f->review_roles.size()));
  }
  return *f;
}

// The checksum of a result: sum of overall scores, and sum over units and
// levels of count x level value x (unit mod 1000 + 1).
struct Checksum {
  double overall = 0;
  std::int64_t subtrees = 0;
  friend bool operator==(const Checksum&, const Checksum&) = default;
};

Checksum ChecksumOf(const FlatCycleScores& s) {
  Checksum c;
  for (double o : s.overall) c.overall += o;
  for (std::size_t u = 0; u < s.subtree_rated.size(); ++u) {
    for (std::int32_t l = 0; l < s.levels; ++l) {
      const std::int64_t count = s.subtree_counts[u * static_cast<std::size_t>(s.levels) + static_cast<std::size_t>(l)];
      c.subtrees += count * (l + 1) * static_cast<std::int64_t>(u % 1000 + 1);
    }
  }
  return c;
}

const RatingScale& Scale() {
  static const auto* scale = new RatingScale(NumericScale(RatingScaleId(1), 5));
  return *scale;
}

// ---- hrkit -----------------------------------------------------------------

void BM_CycleScoring(benchmark::State& state) {
  const Fixture& f = Cycle(state.range(0));
  const ScoringMethod method = Method();
  const FlatCycleInput input = f.Input();
  Checksum checksum;
  for (auto _ : state) {
    absl::StatusOr<FlatCycleScores> scores = ScoreFlatCycle(method, Scale(), input);
    if (!scores.ok()) {
      state.SkipWithError(scores.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(scores->subtree_counts.data());
    checksum = ChecksumOf(*scores);  // O(participants + units); about 1 % of the run
  }
  state.counters["units"] = static_cast<double>(f.unit_parent.size());
  state.counters["max_depth"] = f.max_depth;
  state.counters["ratings"] = static_cast<double>(f.ratings.size());
  state.counters["checksum_overall"] = checksum.overall;
  state.counters["checksum_subtrees"] = static_cast<double>(checksum.subtrees);
}
BENCHMARK(BM_CycleScoring)->Arg(kSmall)->Arg(kMedium)->Arg(kLarge)->Unit(benchmark::kMillisecond);

// ---- SQLite ----------------------------------------------------------------

constexpr const char* kSchema = R"sql(
  PRAGMA journal_mode = OFF;
  PRAGMA synchronous = OFF;
  CREATE TABLE participant (p INTEGER PRIMARY KEY, unit INTEGER NOT NULL);
  CREATE TABLE goal (p INTEGER, ord INTEGER, weight REAL NOT NULL, PRIMARY KEY (p, ord)) WITHOUT ROWID;
  CREATE TABLE review (id INTEGER PRIMARY KEY, p INTEGER NOT NULL, role INTEGER NOT NULL);
  CREATE TABLE goal_rating (review INTEGER, ord INTEGER, rating REAL NOT NULL, PRIMARY KEY (review, ord)) WITHOUT ROWID;
  CREATE TABLE competency_rating (review INTEGER, ord INTEGER, rating REAL NOT NULL,
                                  PRIMARY KEY (review, ord)) WITHOUT ROWID;
  CREATE TABLE role_weight (role INTEGER PRIMARY KEY, weight REAL NOT NULL);
  CREATE TABLE unit_closure (unit INTEGER, ancestor INTEGER, PRIMARY KEY (unit, ancestor)) WITHOUT ROWID;
)sql";

// Overall scores, the nearest level (ties up: floor(score + 0.5) on the
// 1-5 scale) and the level counts of every unit's subtree, one row per unit
// and level that has a count; ScoreCycle's definitions (review_template.hpp).
constexpr const char* kCycleQuery = R"sql(
  WITH goals AS (
    SELECT gr.review AS review, SUM(g.weight * gr.rating) / 100.0 AS score
    FROM goal_rating gr JOIN review r ON r.id = gr.review JOIN goal g ON g.p = r.p AND g.ord = gr.ord
    GROUP BY gr.review),
  competencies AS (
    SELECT review, AVG(rating) AS score FROM competency_rating GROUP BY review),
  roles AS (
    SELECT r.p AS p, r.role AS role, AVG((75 * g.score + 25 * c.score) / 100.0) AS score
    FROM review r JOIN goals g ON g.review = r.id JOIN competencies c ON c.review = r.id
    GROUP BY r.p, r.role),
  overall AS (
    SELECT rs.p AS p, SUM(w.weight * rs.score) / SUM(w.weight) AS score
    FROM roles rs JOIN role_weight w ON w.role = rs.role GROUP BY rs.p),
  own AS (
    SELECT pa.unit AS unit, MIN(5, MAX(1, CAST(o.score + 0.5 AS INTEGER))) AS level, COUNT(*) AS n,
           SUM(o.score) AS score
    FROM overall o JOIN participant pa ON pa.p = o.p GROUP BY 1, 2)
  SELECT c.ancestor, own.level, SUM(own.n), SUM(CASE WHEN c.ancestor = c.unit THEN own.score ELSE 0 END)
  FROM own JOIN unit_closure c ON c.unit = own.unit
  GROUP BY c.ancestor, own.level
)sql";

void LoadUnits(sqlite3* db, const Fixture& f) {
  Statement participant = Prepare(db, "INSERT INTO participant VALUES (?, ?)");
  for (std::size_t p = 0; p < f.participant_unit.size(); ++p) {
    sqlite3_bind_int64(participant.get(), 1, static_cast<std::int64_t>(p));
    sqlite3_bind_int64(participant.get(), 2, f.participant_unit[p]);
    if (sqlite3_step(participant.get()) != SQLITE_DONE) std::abort();
    sqlite3_reset(participant.get());
  }
  Statement closure = Prepare(db, "INSERT INTO unit_closure VALUES (?, ?)");
  for (std::size_t u = 0; u < f.unit_parent.size(); ++u) {
    for (std::int32_t a = static_cast<std::int32_t>(u); a >= 0; a = f.unit_parent[static_cast<std::size_t>(a)]) {
      sqlite3_bind_int64(closure.get(), 1, static_cast<std::int64_t>(u));
      sqlite3_bind_int64(closure.get(), 2, a);
      if (sqlite3_step(closure.get()) != SQLITE_DONE) std::abort();
      sqlite3_reset(closure.get());
    }
  }
  Statement role = Prepare(db, "INSERT INTO role_weight VALUES (?, ?)");
  for (const RoleWeight& w : Method().role_weights) Insert(role.get(), {static_cast<std::int64_t>(w.role)}, w.weight);
}

void LoadReviews(sqlite3* db, const Fixture& f) {
  Statement goal = Prepare(db, "INSERT INTO goal VALUES (?, ?, ?)");
  Statement review = Prepare(db, "INSERT INTO review VALUES (?, ?, ?)");
  Statement goal_rating = Prepare(db, "INSERT INTO goal_rating VALUES (?, ?, ?)");
  Statement competency_rating = Prepare(db, "INSERT INTO competency_rating VALUES (?, ?, ?)");
  std::size_t cursor = 0;
  for (std::size_t p = 0; p + 1 < f.goal_begin.size(); ++p) {
    const std::int64_t first = f.goal_begin[p];
    const std::int64_t goals = f.goal_begin[p + 1] - first;
    for (std::int64_t g = 0; g < goals; ++g) {
      Insert(goal.get(), {static_cast<std::int64_t>(p), g}, f.goal_weights[static_cast<std::size_t>(first + g)]);
    }
    for (std::int64_t r = f.review_begin[p]; r < f.review_begin[p + 1]; ++r) {
      sqlite3_bind_int64(review.get(), 1, r);
      sqlite3_bind_int64(review.get(), 2, static_cast<std::int64_t>(p));
      sqlite3_bind_int64(review.get(), 3, static_cast<std::int64_t>(f.review_roles[static_cast<std::size_t>(r)]));
      if (sqlite3_step(review.get()) != SQLITE_DONE) std::abort();
      sqlite3_reset(review.get());
      for (std::int64_t g = 0; g < goals; ++g) Insert(goal_rating.get(), {r, g}, f.ratings[cursor++] + 1.0);
      for (std::int64_t c = 0; c < kCompetencies; ++c) {
        Insert(competency_rating.get(), {r, c}, f.ratings[cursor++] + 1.0);
      }
    }
  }
}

sqlite3* Database(std::int64_t n) {
  Fixture& f = Cycle(n);
  if (f.db != nullptr) return f.db.get();
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) std::abort();
  f.db.reset(db);
  Exec(db, kSchema);
  Exec(db, "BEGIN");
  LoadUnits(db, f);
  LoadReviews(db, f);
  Exec(db, "COMMIT");
  Exec(db, "ANALYZE");
  return db;
}

void BM_CycleScoring_SQLite(benchmark::State& state) {
  const Fixture& f = Cycle(state.range(0));
  sqlite3* db = Database(state.range(0));
  Statement query = Prepare(db, kCycleQuery);
  Checksum checksum;
  for (auto _ : state) {
    checksum = Checksum();
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
      const std::int64_t unit = sqlite3_column_int64(query.get(), 0);
      const std::int64_t level = sqlite3_column_int64(query.get(), 1);
      checksum.subtrees += sqlite3_column_int64(query.get(), 2) * level * (unit % 1000 + 1);
      checksum.overall += sqlite3_column_double(query.get(), 3);
    }
    sqlite3_reset(query.get());
  }
  absl::StatusOr<FlatCycleScores> expected = ScoreFlatCycle(Method(), Scale(), f.Input());
  if (!expected.ok() || !(ChecksumOf(*expected) == checksum)) {
    state.SkipWithError("the SQLite checksum differs from ScoreFlatCycle's");
  }
  state.counters["checksum_overall"] = checksum.overall;
  state.counters["checksum_subtrees"] = static_cast<double>(checksum.subtrees);
}
BENCHMARK(BM_CycleScoring_SQLite)->Arg(kSmall)->Arg(kMedium)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CycleScoring_SQLite)->Arg(kLarge)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
