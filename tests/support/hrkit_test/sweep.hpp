// Sizes of exhaustive test loops: every byte of a file flipped, every prefix
// of it loaded, many rounds of a race between processes. Such a loop runs in
// full in an unsanitized build; under AddressSanitizer and
// UndefinedBehaviorSanitizer (preset `dev`), where one iteration costs about
// ten times as much, it runs on a fixed, deterministic sample, so the two
// builds of scripts/test stay quick. Every sampled iteration asserts what the
// full loop asserts.
//
// How a test marks a loop as sampled under sanitizers:
//   for (std::size_t i : SweepOffsets(begin, file.size())) { ... }
//   const int rounds = SweepCount(/*full=*/200, /*sanitized=*/30);
//
// The one switch is HRKIT_TEST_SANITIZED, which tests/CMakeLists.txt defines
// for every test target when the compiler flags hold -fsanitize=. A target
// that does not link hrkit_test_support is still recognised as sanitized
// through the compilers' own macros (__SANITIZE_ADDRESS__, __has_feature).
//
// Thread safety: constants and pure functions.
#ifndef HRKIT_TEST_SWEEP_HPP_
#define HRKIT_TEST_SWEEP_HPP_

#include <cstddef>
#include <vector>

#if !defined(HRKIT_TEST_SANITIZED)
#if defined(__SANITIZE_ADDRESS__)
#define HRKIT_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define HRKIT_TEST_SANITIZED 1
#endif
#endif
#endif

namespace hrkit_test {

// True when the tests are built with sanitizers.
#if defined(HRKIT_TEST_SANITIZED)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// Under sanitizers a sweep visits every offset within kSweepEdge of either
// end (headers and trailers are dense with fields) and every kSweepStride-th
// offset in between. The stride is odd and prime, so the sampled offsets fall
// on every position within 2-, 4- and 8-byte fields alike.
inline constexpr std::size_t kSweepEdge = 64;
inline constexpr std::size_t kSweepStride = 11;

// The offsets in [begin, end) a sweep visits, ascending and distinct: all of
// them in an unsanitized build, the sample described above under sanitizers.
// Empty when begin >= end.
inline std::vector<std::size_t> SweepOffsets(std::size_t begin, std::size_t end) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = begin; i < end; ++i) {
    const bool at_edge = i - begin < kSweepEdge || end - i <= kSweepEdge;
    if (!kSanitized || at_edge || (i - begin) % kSweepStride == 0) offsets.push_back(i);
  }
  return offsets;
}

// The number of iterations of a loop that repeats one scenario (forks,
// races, random rounds): `full` in an unsanitized build, `sanitized` under
// sanitizers.
constexpr int SweepCount(int full, int sanitized) { return kSanitized ? sanitized : full; }

}  // namespace hrkit_test

#endif  // HRKIT_TEST_SWEEP_HPP_
