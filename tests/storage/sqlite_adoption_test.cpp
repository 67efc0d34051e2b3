// Which SQLite databases hrkit opens: one it created (its application_id),
// an empty one, or a format-1 one recognised by its tables; anything else is
// refused with FailedPrecondition naming what was found, before a byte is
// written. Also the first open of a new file by two processes at once, and
// the SQLite path syntaxes hrkit refuses.
#include "sqlite_adoption.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/sqlite_store.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"

namespace hrkit_test {
namespace {

namespace fs = std::filesystem;
using hrkit::Store;
using testing::HasSubstr;
using testing::Not;

std::string BytesOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `sql` on a plain connection (rollback journal, as another
// application would leave it).
void MakeDatabase(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

std::string QueryOne(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

class SqliteAdoptionTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(testing::TempDir()) /
            absl::StrCat("hrkit_adopt_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ + "/hr.db";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Opens path_, expects FailedPrecondition whose message has every one of
  // `parts`, and that the file kept its bytes (and got no WAL file).
  void ExpectRefusedUnchanged(const std::vector<std::string>& parts) {
    const std::string before = BytesOf(path_);
    const auto opened = hrkit::OpenSqliteStore(path_);
    EXPECT_STATUS_CODE(opened, absl::StatusCode::kFailedPrecondition);
    for (const std::string& part : parts) EXPECT_THAT(Message(opened), HasSubstr(part));
    EXPECT_THAT(Message(opened), HasSubstr("nothing was changed"));
    EXPECT_EQ(BytesOf(path_), before);
    EXPECT_FALSE(fs::exists(path_ + "-wal"));
  }

  std::string dir_;
  std::string path_;
};

TEST_F(SqliteAdoptionTest, ANewDatabaseIsMarkedWithHrkitsApplicationIdAndFormat) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  // 0x48524B54 ("HRKT") = 1213352788.
  EXPECT_EQ(QueryOne(path_, "PRAGMA application_id"), "1213352788");
  EXPECT_EQ(QueryOne(path_, "PRAGMA user_version"), "2");
  EXPECT_EQ(QueryOne(path_, "PRAGMA journal_mode"), "wal");
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }  // and opens again
}

TEST_F(SqliteAdoptionTest, AnEmptyDatabaseOfUserVersionZeroIsTaken) {
  MakeDatabase(path_, "CREATE TABLE t (x); DROP TABLE t;");
  ASSERT_OK(hrkit::OpenSqliteStore(path_).status());
  EXPECT_EQ(QueryOne(path_, "PRAGMA application_id"), "1213352788");
}

TEST_F(SqliteAdoptionTest, AForeignEmployeeTableWithATextKeyIsRefusedUnchanged) {
  MakeDatabase(path_, "CREATE TABLE employee(id TEXT PRIMARY KEY, version INTEGER);");
  ExpectRefusedUnchanged(
      {"not created by hrkit", "table \"employee\"", "column \"id\" is TEXT where hrkit's is INTEGER"});
}

TEST_F(SqliteAdoptionTest, AForeignEmployeeTableWithOtherColumnsIsRefusedNotAltered) {
  MakeDatabase(path_, "CREATE TABLE employee(id, version, name NOT NULL);");
  ExpectRefusedUnchanged({"table \"employee\"", "column \"id\" is untyped where hrkit's is INTEGER"});
  EXPECT_EQ(QueryOne(path_, "SELECT count(*) FROM pragma_table_info('employee')"), "3");
}

TEST_F(SqliteAdoptionTest, AnotherApplicationsDatabaseOfUserVersionZeroIsRefusedUnchanged) {
  MakeDatabase(path_, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('keep me');");
  ExpectRefusedUnchanged({"not created by hrkit (no application_id, user_version 0)", "table \"notes\""});
  EXPECT_EQ(QueryOne(path_, "PRAGMA journal_mode"), "delete");
}

TEST_F(SqliteAdoptionTest, AnotherApplicationsUserVersionIsNotCalledNewerHrkit) {
  MakeDatabase(path_, "CREATE TABLE notes(body TEXT); PRAGMA user_version = 7;");
  ExpectRefusedUnchanged({"user_version 7", "belongs to another application"});
  EXPECT_THAT(Message(hrkit::OpenSqliteStore(path_)), Not(HasSubstr("newer hrkit")));
}

TEST_F(SqliteAdoptionTest, AnotherApplicationIdIsRefusedUnchanged) {
  MakeDatabase(path_, "PRAGMA application_id = 305419896;");  // 0x12345678
  ExpectRefusedUnchanged({"application_id 305419896", "belongs to another application"});
}

TEST_F(SqliteAdoptionTest, AnEmptyDatabaseWithAnotherUserVersionIsRefused) {
  MakeDatabase(path_, "PRAGMA user_version = 5;");
  ExpectRefusedUnchanged({"no tables but user_version 5"});
}

TEST_F(SqliteAdoptionTest, AViewNamedLikeAnHrkitTableIsRefusedNotInternal) {
  MakeDatabase(path_, "CREATE TABLE t(x); CREATE VIEW employee AS SELECT x AS id FROM t;");
  ExpectRefusedUnchanged({"view \"employee\" where hrkit keeps a table"});
}

TEST_F(SqliteAdoptionTest, AForeignTableAddedToAnHrkitDatabaseIsRefused) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  MakeDatabase(path_, "CREATE TABLE notes(body TEXT);");
  ExpectRefusedUnchanged({"has hrkit's application_id but holds table \"notes\", which hrkit does not create"});
}

TEST_F(SqliteAdoptionTest, AnHrkitTableWithAnotherKeyIsRefusedInAnHrkitDatabase) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  MakeDatabase(path_,
               "DROP TABLE leave_type; CREATE TABLE leave_type (id INTEGER NOT NULL, version INTEGER NOT NULL, "
               "name TEXT, PRIMARY KEY (id, version));");
  ExpectRefusedUnchanged({"table \"leave_type\"", "its primary key differs"});
}

TEST_F(SqliteAdoptionTest, AnUnmarkedDatabaseThatIsNotExactlyFormat1IsRefused) {
  MakeDatabase(path_,
               "CREATE TABLE employee(id INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (id)); "
               "PRAGMA user_version = 1;");
  ExpectRefusedUnchanged({"user_version 1 and no application_id but is not an hrkit database of format 1"});
}

TEST_F(SqliteAdoptionTest, TheFormat1GoldenDatabaseIsRecognisedAndStamped) {
  fs::copy_file(fs::path(HRKIT_GOLDEN_DIR) / "format1/hr.db", path_);
  EXPECT_EQ(QueryOne(path_, "PRAGMA application_id"), "0");
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  EXPECT_EQ(QueryOne(path_, "PRAGMA application_id"), "1213352788");
  EXPECT_EQ(QueryOne(path_, "PRAGMA user_version"), "2");
}

TEST_F(SqliteAdoptionTest, SqlitesOwnPathSyntaxIsRefusedWithTheReason) {
  ASSERT_OK(hrkit::RegisterSqliteBackend());
  const auto memory = hrkit::OpenStore("sqlite::memory:");
  EXPECT_STATUS_CODE(memory, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(memory), HasSubstr("use the store \"memory:\""));
  const std::string uri_path = absl::StrCat("file:", path_, "?mode=memory");
  EXPECT_STATUS_CODE(hrkit::OpenStore("sqlite:" + uri_path), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenSqliteStore(uri_path), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(path_));
  // A file whose name starts with "file:" is reached as a relative path.
  ASSERT_OK(hrkit::OpenSqliteStore(dir_ + "/./file:x.db").status());
  EXPECT_TRUE(fs::exists(dir_ + "/file:x.db"));
}

// Two processes open the same new file at the same moment, many times: each
// open succeeds (the journal switch and the schema creation wait for the
// other process within the busy timeout) and the database is hrkit's.
TEST_F(SqliteAdoptionTest, TwoProcessesOpeningANewFileAtOnceBothSucceed) {
  // 200 rounds take about 7 s in a release build; a sanitized build forks
  // and opens about ten times slower, so it runs fewer (hrkit_test/sweep.hpp).
  constexpr int kRounds = SweepCount(/*full=*/200, /*sanitized=*/30);
  // synchronous=NORMAL: no fsync per commit, so the rounds are quick; the
  // locking is the same.
  const hrkit::SqliteOptions kFast{.synchronous_full = false};
  // In memory-backed /dev/shm where there is one (fsync costs nothing there).
  const fs::path shm = "/dev/shm";
  const std::string dir = fs::is_directory(shm) ? (shm / fs::path(dir_).filename()).string() : dir_ + "/race";
  fs::create_directories(dir);
  int failures = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::string path = absl::StrCat(dir, "/race", round, ".db");
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      const auto opened = hrkit::OpenSqliteStore(path, kFast);
      _exit(opened.ok() ? 0 : 1);
    }
    const auto opened = hrkit::OpenSqliteStore(path, kFast);
    EXPECT_OK(opened.status());
    if (!opened.ok()) ++failures;
    int wstatus = 0;
    ASSERT_EQ(waitpid(child, &wstatus, 0), child);
    EXPECT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) << "child failed in round " << round;
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) ++failures;
    if (failures > 3) break;  // enough to show the defect
  }
  fs::remove_all(dir);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace hrkit_test
