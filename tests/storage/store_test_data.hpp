// Sample entities for the storage tests: every registered type with full
// timelines (same-day sequences, backdated entries, replaced entries).
#ifndef HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_
#define HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_

#include <cstdint>
#include <string>

#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/dataset.hpp"

namespace hrkit_test {

// An employee with a hire, two same-day changes, a backdated correction that
// replaced a later entry, and a termination; every text field non-empty.
hrkit::Employee SampleEmployee(std::int64_t id);
// An org unit with a rename on the same day as its creation and a move.
hrkit::OrgUnit SampleOrgUnit(std::int64_t id);
// A position with a replaced entry.
hrkit::Position SamplePosition(std::int64_t id);
// A location.
hrkit::Location SampleLocation(std::int64_t id);
// `n` of each entity type, ids 1..n.
hrkit::Dataset SampleDataset(int n);

}  // namespace hrkit_test

#endif  // HRKIT_TESTS_STORAGE_STORE_TEST_DATA_HPP_
