// Settings of the seeded property tests, read from the environment so that a
// failure can be replayed and a search widened without a rebuild:
// HRKIT_PROPERTY_SEED (the first seed), HRKIT_PROPERTY_RUNS (how many seeds)
// and HRKIT_PROPERTY_STEPS (operations per sequence). Every failure message
// names the settings that replay it.
//
// Thread safety: reads the environment; call from the test's thread.
#ifndef HRKIT_TEST_PROPERTY_HPP_
#define HRKIT_TEST_PROPERTY_HPP_

#include <cstdint>
#include <cstdlib>

namespace hrkit_test {

// The value of the environment variable `name` as an unsigned number, or
// `fallback` when it is unset or empty.
inline std::uint64_t PropertySetting(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 10);
}

}  // namespace hrkit_test

#endif  // HRKIT_TEST_PROPERTY_HPP_
