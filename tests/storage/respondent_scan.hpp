// The respondent-privacy scan: one parameterized GoogleTest suite that runs a
// small survey through SurveyBook, stores its invitations and responses in a
// backend, reads back what the backend wrote at the lowest level the test can
// reach (the archive file's bytes, with the base64 in which its text and xml
// formats write strings decoded; every value of every SQL table; every field
// of every entity of the memory store) and checks that no employee id
// is in it while every respondent key is. Planted ids (in a comment, an
// integer column, an id column) show that the scan would find one.
//
// A backend joins with one line in its test executable:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, RespondentScanTest,
//                            testing::Values(ScannedBackend{"sqlite", OpenSqliteAt, ScanSqliteAt}),
//                            ScannedBackendName);
//
// Thread safety: test code; one test at a time per fixture.
#ifndef HRKIT_TESTS_STORAGE_RESPONDENT_SCAN_HPP_
#define HRKIT_TESTS_STORAGE_RESPONDENT_SCAN_HPP_

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "hrkit/storage/store.hpp"

namespace hrkit_test {

// What a backend wrote for one table (SQL), one file (archive) or one entity
// type (memory): every value as its bytes (an integer value as its decimal
// text, a text or blob value as stored, a whole file as one value).
struct RawTable {
  std::string name;
  std::vector<std::string> values;
};

struct ScannedBackend {
  std::string name;
  // Opens an empty store kept at `location` (a fresh directory per store).
  std::function<absl::StatusOr<std::unique_ptr<hrkit::Store>>(const std::string& location)> open;
  // Everything the store at `location` holds, read past the Store interface
  // where the backend allows it. Takes the store (opened by `open` at
  // `location`): a persistent backend closes it first, the memory backend
  // reads from it.
  std::function<absl::StatusOr<std::vector<RawTable>>(std::unique_ptr<hrkit::Store> store, const std::string& location)>
      scan;
  // The table `scan` names for the invitations and for the responses (the
  // entity type's name; an archive scan has one table, its file).
  std::string invitation_table = "survey_invitation";
  std::string response_table = "survey_response";
};

// Prints the backend by name (ctest lists parameters through it).
inline void PrintTo(const ScannedBackend& backend, std::ostream* os) { *os << backend.name; }

// Names instantiations after the backend.
inline std::string ScannedBackendName(const testing::TestParamInfo<ScannedBackend>& info) { return info.param.name; }

// Every place where one of `ids` shows in `tables`, one line each:
// "<table>: <id> as <encoding>". An id is looked for in each value as decimal
// text and as the 4 bytes of its 32-bit little- and big-endian encodings
// (the first 4 bytes of its 64-bit little-endian encoding and the last 4 of
// its big-endian one, so fixed-width binary integers of either size are
// found). REQUIRES: every id is in 1..2^31-1.
std::vector<std::string> FindIds(std::span<const RawTable> tables, std::span<const std::int64_t> ids);

// The names of the tables of `tables` in which `text` occurs in some value.
std::vector<std::string> TablesHolding(std::span<const RawTable> tables, std::string_view text);

class RespondentScanTest : public testing::TestWithParam<ScannedBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // A fresh location under this test's directory, named `name`.
  std::string Location(const std::string& name);

  std::string dir_;
};

}  // namespace hrkit_test

#endif  // HRKIT_TESTS_STORAGE_RESPONDENT_SCAN_HPP_
