// Internal to src/synth: the portable PRNG of the cycle and survey
// generators (splitmix64, as in generator.cpp) and an approximately normal
// draw built from it, so the same seed gives the same output everywhere (no
// std:: distributions).
//
// Thread safety: an Rng is a value; one instance per thread.
#ifndef HRKIT_SRC_SYNTH_SYNTH_RANDOM_HPP_
#define HRKIT_SRC_SYNTH_SYNTH_RANDOM_HPP_

#include <algorithm>
#include <cstdint>

namespace hrkit::synth::internal {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n). REQUIRES: 0 < n < 2^53.
  std::int64_t Below(std::int64_t n) {
    const auto r = static_cast<std::int64_t>(Unit() * static_cast<double>(n));
    return std::min(r, n - 1);
  }
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) { return lo + Below(hi - lo + 1); }
  bool Chance(double p) { return Unit() < p; }
  // Approximately normal with mean 0 and standard deviation `sd`: the sum
  // of 12 uniforms minus 6 (Irwin-Hall), exact in its arithmetic order.
  double Normal(double sd) {
    double sum = 0.0;
    for (int i = 0; i < 12; ++i) sum += Unit();
    return (sum - 6.0) * sd;
  }

 private:
  std::uint64_t state_;
};

// A seed for a sub-stream: mixes `salt` into `seed`.
inline std::uint64_t SubSeed(std::uint64_t seed, std::uint64_t salt) {
  Rng mix(seed ^ (salt * 0xd1342543de82ef95ULL));
  return mix.Next();
}

}  // namespace hrkit::synth::internal

#endif  // HRKIT_SRC_SYNTH_SYNTH_RANDOM_HPP_
