// Forwarding header: the sample entities moved to the shared test support
// (hrkit_test/sample_data.hpp), used by the storage, export and fuzz-seed
// tests alike.
#ifndef HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_
#define HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_

#include "hrkit_test/sample_data.hpp"

#endif  // HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_
