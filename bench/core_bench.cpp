// Core micro-benchmarks: Timeline lookups and business-day counting.
#include <cstdint>
#include <vector>

#include "benchmark/benchmark.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/timeline.hpp"

namespace hrkit {
namespace {

// At() on a timeline with `state.range(0)` monthly changes.
void BM_TimelineAt(benchmark::State& state) {
  Timeline<int> t;
  const Date start(2000, 1, 1);
  for (int i = 0; i < state.range(0); ++i) {
    (void)t.Add(AddMonthsClamped(start, i), i, start);
  }
  std::int64_t sum = 0;
  int i = 0;
  for (auto _ : state) {
    const int* v = t.At(AddMonthsClamped(start, i % static_cast<int>(state.range(0))));
    sum += *v;
    ++i;
  }
  benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_TimelineAt)->Arg(4)->Arg(36)->Arg(240);

// Business days over a year with ten holidays.
void BM_CountBusinessDays(benchmark::State& state) {
  std::vector<Date> holidays;
  for (int m = 1; m <= 10; ++m) holidays.push_back(Date(2025, static_cast<unsigned short>(m), 10));
  const Period year(Date(2025, 1, 1), Date(2026, 1, 1));
  for (auto _ : state) {
    auto days = CountBusinessDays(year, WeekdaySet::MondayToFriday(), holidays);
    benchmark::DoNotOptimize(days);
  }
}
BENCHMARK(BM_CountBusinessDays);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
