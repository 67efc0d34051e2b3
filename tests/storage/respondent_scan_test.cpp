// Survey responses never hold an employee id, in the types and in what each
// backend writes: the field descriptions of the survey types have no
// EmployeeId field, and the respondent-privacy scan (respondent_scan.hpp)
// runs on the memory store, the archive in its three formats and SQLite.
// PostgreSQL runs it in its own executable (postgres_respondent_scan_test.cpp).
#include "respondent_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/json_export.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/relations/survey.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/files.hpp"
#include "hrkit_test/status_matchers.hpp"

#ifdef HRKIT_TEST_WITH_SQLITE
#include <sqlite3.h>

#include "hrkit/storage/sqlite_store.hpp"
#endif

namespace hrkit_test {
namespace {

using hrkit::EmployeeId;
using hrkit::Sensitivity;
using hrkit::Since;
using hrkit::Store;
using testing::ElementsAre;
using testing::IsEmpty;

// ---------------------------------------------------------------------------
// The types: no field of a survey type is an employee id.

template <class T>
constexpr bool kIsEmployeeId = std::is_same_v<T, EmployeeId> || std::is_same_v<T, std::optional<EmployeeId>>;

// A visitor that finds every member of type EmployeeId (or an optional or a
// list of it) in a description, descending into the records of histories
// and lists; each found member as its path ("members.employee").
class EmployeeIdFinder {
 public:
  template <hrkit::ScalarField T>
  void Field(std::string_view name, const T&, Sensitivity, Since = {}) {
    if constexpr (kIsEmployeeId<std::remove_const_t<T>>) found_.push_back(Path(name));
  }
  template <class Timeline>
  void History(std::string_view name, const Timeline&, Sensitivity, Since = {}) {
    Nested<std::remove_cvref_t<decltype(std::declval<typename Timeline::Entry&>().value)>>(name);
  }
  template <class Element>
  void List(std::string_view name, const std::vector<Element>&, Sensitivity, Since = {}) {
    if constexpr (hrkit::ScalarField<Element>) {
      if constexpr (kIsEmployeeId<Element>) found_.push_back(Path(name));
    } else {
      Nested<Element>(name);
    }
  }
  const std::vector<std::string>& found() const { return found_; }

 private:
  template <class Record>
  void Nested(std::string_view name) {
    const std::string outer = prefix_;
    prefix_ = absl::StrCat(Path(name), ".");
    const Record record{};
    Describe(*this, record);
    prefix_ = outer;
  }
  std::string Path(std::string_view name) const { return prefix_ + std::string(name); }

  std::string prefix_;
  std::vector<std::string> found_;
};

template <class E>
std::vector<std::string> EmployeeIdFields() {
  EmployeeIdFinder finder;
  const E entity{};
  Describe(finder, entity);
  return finder.found();
}

// A record type that does hold employee ids, one level down, for the
// finder's own test.
struct TeamMember {
  EmployeeId employee;
  std::string role;
};
template <class V, class Self>
requires hrkit::SameEntity<Self, TeamMember>
void Describe(V& v, Self& m) {
  v.Field("employee", m.employee, Sensitivity::kDirectory);
  v.Field("role", m.role, Sensitivity::kDirectory);
}
struct Team {
  std::int64_t id = 0;
  std::vector<TeamMember> members;
  std::vector<EmployeeId> leads;
};
template <class V, class Self>
requires hrkit::SameEntity<Self, Team>
void Describe(V& v, Self& t) {
  v.Field("id", t.id, Sensitivity::kDirectory);
  v.List("members", t.members, Sensitivity::kDirectory);
  v.List("leads", t.leads, Sensitivity::kDirectory);
}

TEST(RespondentPrivacyTypes, NoSurveyTypeHasAnEmployeeIdField) {
  EXPECT_THAT(EmployeeIdFields<hrkit::Survey>(), IsEmpty());
  EXPECT_THAT(EmployeeIdFields<hrkit::SurveyInvitation>(), IsEmpty());
  EXPECT_THAT(EmployeeIdFields<hrkit::SurveyResponse>(), IsEmpty());
}

TEST(RespondentPrivacyTypes, TheFinderFindsEmployeeIdsAtEveryDepth) {
  EXPECT_THAT(EmployeeIdFields<hrkit::LeaveRequest>(), ElementsAre("employee"));
  EXPECT_THAT(EmployeeIdFields<Team>(), ElementsAre("members.employee", "leads"));
}

// ---------------------------------------------------------------------------
// The scanner itself.

TEST(RespondentScanner, FindsAnIdAsTextAndAsBinaryIntegersOfEitherSizeAndOrder) {
  // 987654321 = 0x3ADE68B1.
  const std::int64_t ids[] = {987654321};
  const std::vector<RawTable> tables = {
      {"text", {"x", "id=987654321;"}},
      {"le64", {std::string("\xB1\x68\xDE\x3A\0\0\0\0", 8)}},
      {"be64", {std::string("\0\0\0\0\x3A\xDE\x68\xB1", 8)}},
      {"le32", {std::string("ab\xB1\x68\xDE\x3A", 6)}},
      {"clean", {"98765432", "87654321", std::string("\xB1\x68\xDE", 3), ""}},
  };
  EXPECT_THAT(FindIds(tables, ids),
              ElementsAre("text: 987654321 as decimal text", "le64: 987654321 as little-endian binary",
                          "be64: 987654321 as big-endian binary", "le32: 987654321 as little-endian binary"));
  EXPECT_THAT(TablesHolding(tables, "id="), ElementsAre("text"));
}

// ---------------------------------------------------------------------------
// The backends.

// The memory store: every field of every stored entity, through its JSON
// export (ids and integers as decimal numbers), one table per entity type.
absl::StatusOr<std::vector<RawTable>> ScanMemoryStore(std::unique_ptr<Store> store, const std::string&) {
  std::vector<RawTable> tables;
  absl::Status status;
  hrkit::ForEachEntityType([&]<class E>(std::type_identity<E>) {
    absl::StatusOr<std::vector<hrkit::Versioned<E>>> rows = store->List<E>();
    if (!rows.ok()) {
      status.Update(rows.status());
      return;
    }
    RawTable table{std::string(E::kEntityName), {}};
    for (const hrkit::Versioned<E>& row : *rows) {
      table.values.push_back(hrkit::ToJson(row.entity, hrkit::SensitivitySet::All()));
    }
    tables.push_back(std::move(table));
  });
  if (!status.ok()) return status;
  return tables;
}

// The bytes that the base64 characters of `chars` stand for, read from the
// character at `offset` on (so that a run whose first characters are not
// the start of its encoding is still read at its true alignment for one of
// the offsets 0..3). '=' and any other character are skipped.
std::string DecodeBase64From(std::string_view chars, std::size_t offset) {
  std::string bytes;
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = offset; i < chars.size(); ++i) {
    const char c = chars[i];
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+') v = 62;
    if (c == '/') v = 63;
    if (v < 0) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return bytes;
}

// The values of an archive file: its bytes, and (the text and xml formats
// write every string as base64, in lines of up to 76 characters) the bytes
// of every run of consecutive lines made only of base64 characters, decoded
// at each of the four alignments.
std::vector<std::string> ArchiveValues(std::string_view file) {
  std::vector<std::string> values = {std::string(file)};
  std::string run;
  const auto flush = [&] {
    for (std::size_t offset = 0; offset < 4 && offset < run.size(); ++offset) {
      values.push_back(DecodeBase64From(run, offset));
    }
    run.clear();
  };
  std::size_t begin = 0;
  while (begin < file.size()) {
    std::size_t end = file.find('\n', begin);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(begin, end - begin);
    begin = end + 1;
    while (!line.empty() && absl::ascii_isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && absl::ascii_isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    const bool base64 = !line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
      return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
    });
    if (base64) {
      run.append(line);
    } else {
      flush();
    }
  }
  flush();
  return values;
}

// An archive store: the bytes of its file once the store is closed, with
// its base64 decoded (ArchiveValues).
absl::StatusOr<std::vector<RawTable>> ScanArchiveFile(std::unique_ptr<Store> store, const std::string& location) {
  store.reset();
  return std::vector<RawTable>{{"hr.hrk", ArchiveValues(ReadAll(location + "/hr.hrk"))}};
}

TEST(RespondentScanner, ReadsTheBase64OfTheArchiveTextFormats) {
  const std::int64_t ids[] = {987654321};
  // The id is bytes 22-30 of the text, base64 characters 29-41: the line
  // break after character 32 splits it, as a 76-character break can.
  const std::string encoded = absl::Base64Escape("a comment by employee 987654321, nobody else");
  const std::string file = absl::StrCat("1 3 44\n\n", encoded.substr(0, 32), "\n", encoded.substr(32), "\n2 1 3\n");
  EXPECT_THAT(FindIds(std::vector<RawTable>{{"raw", {file}}}, ids), IsEmpty());
  EXPECT_THAT(FindIds(std::vector<RawTable>{{"hr.hrk", ArchiveValues(file)}}, ids),
              ElementsAre("hr.hrk: 987654321 as decimal text"));
  // A run that starts with a count on the line before it (not a multiple of
  // four characters) is read at its own alignment too; xml indents.
  const std::string shifted = absl::StrCat("<size>44</size>\n\t15\n\t", encoded, "\n\t</comment>\n");
  EXPECT_THAT(FindIds(std::vector<RawTable>{{"hr.hrk", ArchiveValues(shifted)}}, ids),
              ElementsAre("hr.hrk: 987654321 as decimal text"));
}

ScannedBackend ArchiveBackend(const std::string& format) {
  return ScannedBackend{format,
                        [format](const std::string& location) -> absl::StatusOr<std::unique_ptr<Store>> {
                          HRKIT_RETURN_IF_ERROR(hrkit::RegisterArchiveBackend());
                          return hrkit::OpenStore(absl::StrCat("archive:", location, "/hr.hrk?format=", format));
                        },
                        ScanArchiveFile, "hr.hrk", "hr.hrk"};
}

#ifdef HRKIT_TEST_WITH_SQLITE
// The value of column `c` of the current row of `stmt`: an integer as its
// decimal text, a real as SQLite's text of it, text and blobs as stored.
std::string SqliteValue(sqlite3_stmt* stmt, int c) {
  switch (sqlite3_column_type(stmt, c)) {
    case SQLITE_INTEGER:
      return absl::StrCat(sqlite3_column_int64(stmt, c));
    case SQLITE_BLOB: {
      const void* blob = sqlite3_column_blob(stmt, c);
      const int size = sqlite3_column_bytes(stmt, c);
      return blob == nullptr ? std::string()
                             : std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size));
    }
    case SQLITE_NULL:
      return "";
    default: {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      const int size = sqlite3_column_bytes(stmt, c);
      return text == nullptr ? std::string()
                             : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
    }
  }
}

// The values of every row and column of the result of `sql` on `db`.
absl::StatusOr<std::vector<std::string>> SqliteValues(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return absl::InternalError(absl::StrCat(sql, ": ", sqlite3_errmsg(db)));
  }
  std::vector<std::string> values;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) values.push_back(SqliteValue(stmt, c));
  }
  sqlite3_finalize(stmt);
  if (step != SQLITE_DONE) return absl::InternalError(absl::StrCat(sql, ": ", sqlite3_errmsg(db)));
  return values;
}

// A SQLite store: every value of every table of its database, read with
// the sqlite3 API once the store is closed.
absl::StatusOr<std::vector<RawTable>> ScanSqliteDatabase(std::unique_ptr<Store> store, const std::string& location) {
  store.reset();
  sqlite3* db = nullptr;
  const std::string path = location + "/hr.db";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return absl::InternalError(absl::StrCat("cannot open ", path));
  }
  std::vector<RawTable> tables;
  absl::StatusOr<std::vector<std::string>> names =
      SqliteValues(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  if (names.ok()) {
    for (const std::string& name : *names) {
      absl::StatusOr<std::vector<std::string>> values = SqliteValues(db, absl::StrCat("SELECT * FROM \"", name, "\""));
      if (!values.ok()) {
        names = values.status();
        break;
      }
      tables.push_back(RawTable{name, *std::move(values)});
    }
  }
  sqlite3_close(db);
  if (!names.ok()) return names.status();
  return tables;
}

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteAt(const std::string& location) {
  HRKIT_RETURN_IF_ERROR(hrkit::RegisterSqliteBackend());
  return hrkit::OpenStore(absl::StrCat("sqlite:", location, "/hr.db"));
}
#endif

INSTANTIATE_TEST_SUITE_P(Memory, RespondentScanTest,
                         testing::Values(ScannedBackend{"memory",
                                                        [](const std::string&) { return hrkit::OpenStore("memory:"); },
                                                        ScanMemoryStore}),
                         ScannedBackendName);

INSTANTIATE_TEST_SUITE_P(Archive, RespondentScanTest,
                         testing::Values(ArchiveBackend("binary"), ArchiveBackend("text"), ArchiveBackend("xml")),
                         ScannedBackendName);

#ifdef HRKIT_TEST_WITH_SQLITE
INSTANTIATE_TEST_SUITE_P(Sqlite, RespondentScanTest,
                         testing::Values(ScannedBackend{"sqlite", OpenSqliteAt, ScanSqliteDatabase}),
                         ScannedBackendName);
#endif

}  // namespace
}  // namespace hrkit_test
