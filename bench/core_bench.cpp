// Core micro-benchmarks: Timeline lookups, business-day counting and the
// confidentiality rules (one tree, and a tree crossed with an attribute).
#include <cstdint>
#include <random>
#include <vector>

#include "benchmark/benchmark.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/crossed_confidentiality.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/joint_confidentiality.hpp"
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

// A random tree of `units` units (each unit's parent drawn among the earlier
// ones, at most `fanout` levels of spread) with 0..`max_direct` respondents
// attached to each unit itself; seeded, so every run sees the same tree.
std::vector<GroupCount> RandomGroups(std::int64_t units, int max_direct) {
  std::mt19937_64 rng(2026);
  std::vector<GroupCount> groups(static_cast<std::size_t>(units));
  std::vector<std::int64_t> direct(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    groups[i].parent = i == 0 ? -1 : static_cast<std::int32_t>(rng() % i);
    groups[i].key = static_cast<std::int64_t>(i);
    direct[i] = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(max_direct + 1));
  }
  for (std::size_t i = groups.size(); i-- > 0;) {
    groups[i].count += direct[i];
    if (groups[i].parent >= 0) groups[static_cast<std::size_t>(groups[i].parent)].count += groups[i].count;
  }
  return groups;
}

// SuppressGroups with every rule over a random tree of `state.range(0)`
// groups (about 10 respondents attached to each).
void BM_SuppressGroups(benchmark::State& state) {
  const std::vector<GroupCount> groups = RandomGroups(state.range(0), 20);
  std::int64_t shown = 0;
  for (auto _ : state) {
    absl::StatusOr<std::vector<Suppression>> verdicts =
        SuppressGroups(groups, ConfidentialityThresholds{}, Disclosure::kAggregates);
    if (!verdicts.ok()) {
      state.SkipWithError("SuppressGroups failed");
      break;
    }
    shown = 0;
    for (const Suppression v : *verdicts) shown += IsShown(v) ? 1 : 0;
  }
  state.counters["groups"] = static_cast<double>(groups.size());
  state.counters["shown"] = static_cast<double>(shown);
}
BENCHMARK(BM_SuppressGroups)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// SuppressCrossedGroups over a random tree of `state.range(0)` units
// crossed with 8 values (0..4 respondents per unit and value, a few without
// a value): the unit x location report of an organization.
void BM_SuppressCrossedGroups(benchmark::State& state) {
  constexpr int kValues = 8;
  const std::vector<GroupCount> tree = RandomGroups(state.range(0), 0);
  std::mt19937_64 rng(7);
  std::vector<CrossedUnit> units(tree.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    units[i].parent = tree[i].parent;
    units[i].key = tree[i].key;
    units[i].by_value.resize(kValues);
    for (std::int64_t& c : units[i].by_value) c = static_cast<std::int64_t>(rng() % 5);
    units[i].without_value = static_cast<std::int64_t>(rng() % 2);
  }
  std::vector<std::int64_t> value_keys(kValues);
  for (int v = 0; v < kValues; ++v) value_keys[static_cast<std::size_t>(v)] = v;
  std::int64_t shown = 0;
  for (auto _ : state) {
    absl::StatusOr<CrossedSuppression> verdicts =
        SuppressCrossedGroups(units, value_keys, ConfidentialityThresholds{}, Disclosure::kAggregates);
    if (!verdicts.ok()) {
      state.SkipWithError("SuppressCrossedGroups failed");
      break;
    }
    shown = 0;
    for (const std::vector<Suppression>& row : verdicts->by_value) {
      for (const Suppression v : row) shown += IsShown(v) ? 1 : 0;
    }
  }
  state.counters["cells"] = static_cast<double>(units.size() * (kValues + 1));
  state.counters["shown_value_cells"] = static_cast<double>(shown);
}
BENCHMARK(BM_SuppressCrossedGroups)->Arg(50)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

// SuppressJointGroups over a random tree of `state.range(0)` units crossed
// with 8 locations and 4 tenure bands at once (0..19 respondents per unit,
// each with a random location and band, one in 20 without a location): a
// wave's unit report published with both breakdowns.
void BM_SuppressJointGroups(benchmark::State& state) {
  constexpr int kLocations = 8;
  constexpr int kBands = 4;
  const std::vector<GroupCount> tree = RandomGroups(state.range(0), 0);
  std::mt19937_64 rng(11);
  std::vector<JointUnit> units(tree.size());
  std::vector<JointRespondents> respondents;
  for (std::size_t i = 0; i < units.size(); ++i) {
    units[i] = {.parent = tree[i].parent, .key = tree[i].key};
    for (auto n = rng() % 20; n > 0; --n) {
      const auto location = rng() % 20 == 0 ? -1 : static_cast<std::int32_t>(rng() % kLocations);
      respondents.push_back({.unit = static_cast<std::int32_t>(i),
                             .values = {location, static_cast<std::int32_t>(rng() % kBands)},
                             .count = 1});
    }
  }
  std::vector<JointAttribute> attributes(2);
  for (int v = 0; v < kLocations; ++v) attributes[0].value_keys.push_back(v);
  for (int v = 0; v < kBands; ++v) attributes[1].value_keys.push_back(v);
  std::int64_t shown = 0;
  for (auto _ : state) {
    absl::StatusOr<JointSuppression> verdicts =
        SuppressJointGroups(units, attributes, respondents, ConfidentialityThresholds{}, Disclosure::kAggregates);
    if (!verdicts.ok()) {
      state.SkipWithError("SuppressJointGroups failed");
      break;
    }
    shown = 0;
    for (const auto& attribute : verdicts->by_value) {
      for (const std::vector<Suppression>& row : attribute) {
        for (const Suppression v : row) shown += IsShown(v) ? 1 : 0;
      }
    }
  }
  state.counters["cells"] = static_cast<double>(units.size() * (1 + kLocations + kBands));
  state.counters["respondents"] = static_cast<double>(respondents.size());
  state.counters["shown_value_cells"] = static_cast<double>(shown);
}
BENCHMARK(BM_SuppressJointGroups)->Arg(50)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hrkit

BENCHMARK_MAIN();
