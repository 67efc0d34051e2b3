// The Store conformance suite: one parameterized GoogleTest suite that every
// backend passes. A backend joins with one line in its test executable:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest,
//                            testing::Values(StoreBackend{"sqlite", OpenSqliteAt, true}),
//                            BackendName);
//
// `open(location)` opens the store kept at `location` (a fresh path per test
// under the test's temporary directory; a backend may use it as a file name,
// a directory, or a key for a database/schema). For a persistent backend,
// opening the same location again sees what was committed before.
#ifndef HRKIT_TESTS_STORAGE_STORE_CONFORMANCE_HPP_
#define HRKIT_TESTS_STORAGE_STORE_CONFORMANCE_HPP_

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "hrkit/storage/store.hpp"

namespace hrkit_test {

struct StoreBackend {
  std::string name;
  std::function<absl::StatusOr<std::unique_ptr<hrkit::Store>>(const std::string& location)> open;
  bool persistent = false;
};

// Prints the backend by name (ctest lists parameters through it).
inline void PrintTo(const StoreBackend& backend, std::ostream* os) { *os << backend.name; }

// Names instantiations after the backend.
inline std::string BackendName(const testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

class StoreConformanceTest : public testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Opens (or reopens) the store at this test's location.
  absl::StatusOr<std::unique_ptr<hrkit::Store>> Open();

  std::string location_;
};

}  // namespace hrkit_test

#endif  // HRKIT_TESTS_STORAGE_STORE_CONFORMANCE_HPP_
