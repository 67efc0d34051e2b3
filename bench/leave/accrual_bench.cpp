// A year of leave accrual over a synthetic organization (BM_AccrualYear:
// RunAccrual with every ledger entry written), and the expressible core of the
// same computation in SQLite SQL (BM_AccrualYear_SQLite).
//
// The population: hrkit::synth::GenerateOrganization with `n` employees
// employed on 2026-01-01 (generated once per size and process); everyone
// employed on some day of 2025 (the `n` plus that year's leavers) gets a
// ledger. Four annual-leave policies, chosen by location:
//   1 "Standard"  24 days, monthly at the start, tiers 26 after 5 years and
//                 28 after 10, carry at most 5 expiring after 3 months, cap 40;
//   2 "Field"     20 days, monthly at the end, half-day rounding, tier 22
//                 after 3 years, carry at most 10;
//   3 "Senior"    30 days, monthly on the joining-day anniversary, unlimited
//                 carry-over, cap 45;
//   4 "Probation" 25 days, monthly, accrual after 6 months of probation,
//                 carry at most 5 expiring after 6 months.
// Every tenth employee changes policy on 2025-07-01 (two segments). Each
// employee brings an opening balance of 0..10 days into 2025 and takes one
// spell of 5 days. The year: [2025-01-01, 2026-01-01).
//
// The SQL version computes the monthly credits with pro-rating (days
// employed in the month / days in the month), FTE scaling, the tier rate and
// the balance cap (via a running sum: with no leave inside the SQL version a
// cap without resume is exact) for the same employment pieces and policies,
// and inserts one ledger row per credit. Carry-over, expiry, rounding,
// anniversary/end timing and taken leave are left out: they are sequential
// rules that plain SQL expresses only through recursive queries. Tier
// milestone dates are computed at load time (SQLite's '+N months' does not
// clamp month ends the way hrkit does).
//
//   hrkit_bench_policy --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../support/sqlite_bench.hpp"
#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/synth/generator.hpp"

namespace hrkit {
namespace {

using bench_support::Exec;

const LeaveTypeId kAnnual(1);
const Period kYear(Date(2025, 1, 1), Date(2026, 1, 1));

std::vector<LeavePolicy> Policies() {
  std::vector<LeavePolicy> policies;
  auto add = [&](std::int64_t id, const char* name, LeavePolicyVersion v, std::vector<LeaveTier> tiers) {
    LeavePolicy p{LeavePolicyId(id), name, kAnnual, {}, 0};
    v.tiers = std::move(tiers);
    (void)p.versions.Add(Date(2000, 1, 1), v, Date(2000, 1, 1));
    policies.push_back(std::move(p));
  };
  LeavePolicyVersion v;
  v.amount_per_year = 24;
  v.carry_over_max = 5;
  v.carry_over_expiry = 3;
  v.balance_cap = 40;
  add(1, "Standard", v, {{60, 26}, {120, 28}});
  v = LeavePolicyVersion();
  v.amount_per_year = 20;
  v.timing = CreditTiming::kEnd;
  v.rounding = AccrualRounding::kHalf;
  v.carry_over_max = 10;
  add(2, "Field", v, {{36, 22}});
  v = LeavePolicyVersion();
  v.amount_per_year = 30;
  v.timing = CreditTiming::kAnniversary;
  v.balance_cap = 45;
  add(3, "Senior", v, {});
  v = LeavePolicyVersion();
  v.amount_per_year = 25;
  v.accrual_start = AccrualStart::kAfterProbation;
  v.probation_months = 6;
  v.carry_over_max = 5;
  v.carry_over_expiry = 6;
  add(4, "Probation", v, {});
  return policies;
}

// The facts of one population size.
struct Population {
  synth::Organization org;
  std::vector<LeavePolicy> policies = Policies();
  std::vector<PolicySegment> segments;
  std::vector<TakenLeave> taken;
  std::vector<OpeningBalance> openings;
  std::int64_t people_in_year = 0;  // employed on some day of the year: one ledger each

  AccrualPopulation View() const { return {org.employees, policies, segments, taken, openings, {}}; }
};

const Population& PopulationOf(std::int64_t n) {
  static std::map<std::int64_t, std::unique_ptr<Population>> cache;
  auto& slot = cache[n];
  if (slot) return *slot;
  slot = std::make_unique<Population>();
  Population& p = *slot;
  synth::SynthOptions options;
  options.employee_count = n;
  absl::StatusOr<synth::Organization> org = synth::GenerateOrganization(options);
  if (!org.ok()) {
    std::fprintf(stderr, "generate: %s\n", std::string(org.status().message()).c_str());
    std::abort();
  }
  p.org = *std::move(org);
  for (const Employee& e : p.org.employees) {
    // Only people employed on some day of the year have a policy in it (a
    // resolver gives leavers of earlier years no segment).
    bool employed_in_year = false;
    for (const auto& piece : e.employment.Segments()) {
      employed_in_year = employed_in_year || (IsEmployed(*piece.value) && piece.period.begin() < kYear.end() &&
                                              kYear.begin() < piece.period.end());
    }
    if (!employed_in_year) continue;
    ++p.people_in_year;
    const EmploymentRecord* last = e.employment.Entries().empty() ? nullptr : &e.employment.Entries().back().value;
    const std::int64_t location = last != nullptr ? last->location.value() : 0;
    const std::int64_t policy = 1 + location % 4;
    const std::int64_t id = e.id.value();
    if (id % 10 == 0) {
      p.segments.push_back({e.id, kAnnual, LeavePolicyId(policy), Period(Date(1990, 1, 1), Date(2025, 7, 1))});
      p.segments.push_back({e.id, kAnnual, LeavePolicyId(1 + policy % 4), Period(Date(2025, 7, 1), OpenEnd())});
    } else {
      p.segments.push_back({e.id, kAnnual, LeavePolicyId(policy), Period(Date(1990, 1, 1), OpenEnd())});
    }
    p.openings.push_back({e.id, kAnnual, static_cast<double>(id % 11)});
    const Date spell = Date(2025, 3, 3) + boost::gregorian::days(id % 250);
    for (int d = 0; d < 5; ++d) {
      p.taken.push_back({e.id, kAnnual, LeaveDay{spell + boost::gregorian::days(d), 1.0, LeaveRequestId(id)}});
    }
  }
  return p;
}

// A checksum of every entry (date, kind, notes, amount bits, ref) and of the
// ledger boundaries: optimizations of the engine must leave it unchanged.
double Checksum(const AccrualRunResult& run) {
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
  for (const LedgerEntry& e : run.entries) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &e.amount, sizeof bits);
    mix(static_cast<std::uint64_t>(e.date.day_number()));
    mix(static_cast<std::uint64_t>(e.kind) << 8 | e.notes);
    mix(bits);
    mix(static_cast<std::uint64_t>(e.ref));
  }
  for (const std::uint64_t o : run.offsets) mix(o);
  return static_cast<double>(h >> 12);  // exact in a double
}

void BM_AccrualYear(benchmark::State& state) {
  const Population& p = PopulationOf(state.range(0));
  std::size_t entries = 0;
  for (auto _ : state) {
    absl::StatusOr<AccrualRunResult> run = RunAccrual(p.View(), kYear, nullptr);
    if (!run.ok()) {
      state.SkipWithError(std::string(run.status().message()).c_str());
      return;
    }
    entries = run->entries.size();
    benchmark::DoNotOptimize(run->entries.data());
  }
  state.counters["employees"] = static_cast<double>(p.people_in_year);
  state.counters["ledger_entries"] = static_cast<double>(entries);
  state.counters["employee_years_per_s"] =
      benchmark::Counter(static_cast<double>(p.people_in_year), benchmark::Counter::kIsIterationInvariantRate);
}

// The same run into one result kept across iterations: the steady state of a
// recomputation that reuses its buffers (no page faults for the ledgers).
void BM_AccrualYear_ReusedResult(benchmark::State& state) {
  const Population& p = PopulationOf(state.range(0));
  AccrualRunResult run;
  if (!RunAccrual(p.View(), kYear, nullptr, &run).ok()) {  // warm-up: the buffers reach their size
    state.SkipWithError("warm-up run failed");
    return;
  }
  for (auto _ : state) {
    const absl::Status status = RunAccrual(p.View(), kYear, nullptr, &run);
    if (!status.ok()) {
      state.SkipWithError(std::string(status.message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(run.entries.data());
  }
  state.counters["employees"] = static_cast<double>(p.people_in_year);
  state.counters["ledger_entries"] = static_cast<double>(run.entries.size());
  state.counters["checksum"] = Checksum(run);
  state.counters["employee_years_per_s"] =
      benchmark::Counter(static_cast<double>(p.people_in_year), benchmark::Counter::kIsIterationInvariantRate);
}

// ---------------------------------------------------------------------------
// SQLite.

double Julian(Date d) { return static_cast<double>(d.julian_day()) - 0.5; }

// Loads the employment pieces (employed, clipped to the year), the policies
// and the segments of `p` into an in-memory database.
sqlite3* LoadSqlite(const Population& p) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  Exec(db,
       "CREATE TABLE piece(emp INTEGER, seg INTEGER, b REAL, e REAL, fte REAL, tier1 REAL, tier2 REAL);"
       "CREATE TABLE policy(id INTEGER PRIMARY KEY, rate REAL, tier1_rate REAL, tier2_rate REAL, cap REAL);"
       "CREATE TABLE month(m INTEGER PRIMARY KEY, b REAL, e REAL, days REAL);"
       "CREATE TABLE segment(id INTEGER PRIMARY KEY, emp INTEGER, policy INTEGER, b REAL, e REAL);"
       "CREATE TABLE opening(emp INTEGER PRIMARY KEY, balance REAL);"
       "CREATE TABLE ledger(emp INTEGER, m INTEGER, policy INTEGER, amount REAL);");
  Exec(db, "BEGIN");
  for (const LeavePolicy& policy : p.policies) {
    const LeavePolicyVersion& v = policy.versions.Entries().front().value;
    const auto tiers = SortedTiers(v);
    const double t1 = tiers.size() > 0 ? tiers[0].amount_per_year : v.amount_per_year;
    const double t2 = tiers.size() > 1 ? tiers[1].amount_per_year : t1;
    Exec(db, absl::StrCat("INSERT INTO policy VALUES(", policy.id.value(), ",", v.amount_per_year, ",", t1, ",", t2,
                          ",", v.balance_cap.value_or(1e18), ")")
                 .c_str());
  }
  for (int m = 1; m <= 12; ++m) {
    const Date b(2025, m, 1);
    const Date e = AddMonthsClamped(b, 1);
    Exec(
        db,
        absl::StrCat("INSERT INTO month VALUES(", m, ",", Julian(b), ",", Julian(e), ",", (e - b).days(), ")").c_str());
  }
  sqlite3_stmt* seg_stmt = nullptr;
  sqlite3_stmt* piece_stmt = nullptr;
  sqlite3_stmt* opening_stmt = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO segment VALUES(?,?,?,?,?)", -1, &seg_stmt, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO piece VALUES(?,?,?,?,?,?,?)", -1, &piece_stmt, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO opening VALUES(?,?)", -1, &opening_stmt, nullptr);
  std::size_t s = 0;
  std::int64_t seg_id = 0;
  const double year_b = Julian(kYear.begin());
  const double year_e = Julian(kYear.end());
  for (const Employee& emp : p.org.employees) {
    for (; s < p.segments.size() && p.segments[s].employee == emp.id; ++s) {
      const PolicySegment& seg = p.segments[s];
      const LeavePolicy& policy = p.policies[static_cast<std::size_t>(seg.policy.value() - 1)];
      const auto tiers = SortedTiers(policy.versions.Entries().front().value);
      const double sb = std::max(Julian(seg.period.begin()), year_b);
      const double se = seg.period.end() == OpenEnd() ? year_e : std::min(Julian(seg.period.end()), year_e);
      ++seg_id;
      sqlite3_bind_int64(seg_stmt, 1, seg_id);
      sqlite3_bind_int64(seg_stmt, 2, emp.id.value());
      sqlite3_bind_int64(seg_stmt, 3, seg.policy.value());
      sqlite3_bind_double(seg_stmt, 4, sb);
      sqlite3_bind_double(seg_stmt, 5, se);
      sqlite3_step(seg_stmt);
      sqlite3_reset(seg_stmt);
      for (const Timeline<EmploymentRecord>::Segment& piece : emp.employment.Segments()) {
        if (!IsEmployed(*piece.value)) continue;
        const double b = std::max(Julian(piece.period.begin()), sb);
        const double e = piece.period.end() == OpenEnd() ? se : std::min(Julian(piece.period.end()), se);
        if (b >= e) continue;
        const Date seniority = piece.value->seniority_start;
        const double far = 1e18;
        sqlite3_bind_int64(piece_stmt, 1, emp.id.value());
        sqlite3_bind_int64(piece_stmt, 2, seg_id);
        sqlite3_bind_double(piece_stmt, 3, b);
        sqlite3_bind_double(piece_stmt, 4, e);
        sqlite3_bind_double(piece_stmt, 5, piece.value->fte);
        sqlite3_bind_double(piece_stmt, 6,
                            tiers.size() > 0 ? Julian(AddMonthsClamped(seniority, tiers[0].after_months)) : far);
        sqlite3_bind_double(piece_stmt, 7,
                            tiers.size() > 1 ? Julian(AddMonthsClamped(seniority, tiers[1].after_months)) : far);
        sqlite3_step(piece_stmt);
        sqlite3_reset(piece_stmt);
      }
    }
  }
  for (const OpeningBalance& o : p.openings) {
    sqlite3_bind_int64(opening_stmt, 1, o.employee.value());
    sqlite3_bind_double(opening_stmt, 2, o.balance);
    sqlite3_step(opening_stmt);
    sqlite3_reset(opening_stmt);
  }
  sqlite3_finalize(seg_stmt);
  sqlite3_finalize(piece_stmt);
  sqlite3_finalize(opening_stmt);
  Exec(db, "COMMIT");
  Exec(db, "CREATE INDEX piece_seg ON piece(seg)");
  return db;
}

// Monthly credits: pro-rated by days employed, FTE-scaled, at the tier rate
// of the month's first day, capped through the running balance.
constexpr const char* kAccrualSql = R"sql(
INSERT INTO ledger(emp, m, policy, amount)
WITH credit AS (
  SELECT s.emp AS emp, mo.m AS m, s.policy AS policy, po.cap AS cap,
         SUM((MIN(pc.e, mo.e) - MAX(pc.b, mo.b)) * pc.fte
             * (CASE WHEN mo.b >= pc.tier2 THEN po.tier2_rate
                     WHEN mo.b >= pc.tier1 THEN po.tier1_rate ELSE po.rate END))
           / 12.0 / mo.days AS raw
  FROM segment s
  JOIN policy po ON po.id = s.policy
  JOIN piece pc ON pc.seg = s.id
  JOIN month mo ON pc.b < mo.e AND pc.e > mo.b
  GROUP BY s.emp, mo.m, s.policy
), running AS (
  SELECT c.emp, c.m, c.policy, c.cap, c.raw,
         COALESCE(o.balance, 0) + SUM(c.raw) OVER (PARTITION BY c.emp ORDER BY c.m, c.policy) AS cum
  FROM credit c LEFT JOIN opening o ON o.emp = c.emp
)
SELECT emp, m, policy, MAX(0, MIN(cum, cap) - MIN(cum - raw, cap)) FROM running
)sql";

void BM_AccrualYear_SQLite(benchmark::State& state) {
  const Population& p = PopulationOf(state.range(0));
  sqlite3* db = LoadSqlite(p);
  std::int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Exec(db, "DELETE FROM ledger");
    state.ResumeTiming();
    Exec(db, kAccrualSql);
    rows = sqlite3_changes(db);
  }
  sqlite3_close(db);
  state.counters["employees"] = static_cast<double>(p.people_in_year);
  state.counters["ledger_rows"] = static_cast<double>(rows);
}

BENCHMARK(BM_AccrualYear)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AccrualYear_ReusedResult)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AccrualYear_SQLite)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
