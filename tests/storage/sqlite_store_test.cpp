// The SQLite backend: the conformance suite plus what is particular to SQL
// (a readable schema, schema versions and migration, busy writers).
#include "hrkit/storage/sqlite_store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "store_conformance.hpp"
#include "store_test_data.hpp"

namespace hrkit_test {
namespace {

using hrkit::Employee;
using hrkit::EmployeeId;
using hrkit::Location;
using hrkit::LocationId;
using hrkit::Store;
using hrkit::Versioned;
using testing::HasSubstr;

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteAt(const std::string& location) {
  if (absl::Status s = hrkit::RegisterSqliteBackend(); !s.ok()) return s;
  return hrkit::OpenStore(absl::StrCat("sqlite:", location, "/hr.db"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest,
                         testing::Values(StoreBackend{"sqlite", OpenSqliteAt, /*persistent=*/true}), BackendName);

// A raw connection for looking at what the backend wrote.
class RawDb {
 public:
  explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // The rows of `sql`, each column as text ("NULL" for null), joined by '|'.
  std::vector<std::string> Query(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        absl::StrAppend(&row, i == 0 ? "" : "|", text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
      }
      rows.push_back(row);
    }
    sqlite3_finalize(stmt);
    return rows;
  }
  void Exec(const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::path(testing::TempDir()) /
            absl::StrCat("hrkit_sqlite_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/hr.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, WritesARelationalSchemaAPersonCanQuery) {
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
    ASSERT_OK(store->Put(SampleEmployee(42), 0).status());
    ASSERT_OK(store->Put(SampleLocation(3), 0).status());
  }
  RawDb db(path_);
  EXPECT_THAT(db.Query("PRAGMA user_version"), testing::ElementsAre("2"));
  EXPECT_THAT(db.Query("PRAGMA journal_mode"), testing::ElementsAre("wal"));
  EXPECT_THAT(db.Query("SELECT id, version, legal_name, birth_date FROM employee"),
              // SampleEmployee(42): born 1980-01-01 + 42 days = 1980-02-12.
              testing::ElementsAre("42|1|Legal Name 42|1980-02-12"));
  // 3 hire-day entries, the correction, the termination (current) + 1 replaced.
  EXPECT_THAT(db.Query("SELECT effective, sequence, recorded, replaced, status, fte, position, cost_center "
                       "FROM employee__employment WHERE entity_id = 42 ORDER BY ord"),
              // Enums hold their names.
              testing::ElementsAre("2020-03-01|0|2020-03-01|infinity|active|0.8|52|CC-100",
                                   "2020-03-01|1|2020-03-01|infinity|active|0.8|52|CC-200",
                                   "2020-03-01|2|2020-03-01|infinity|active|0.8|52|CC-200",
                                   "2021-05-01|0|2021-08-02|infinity|active|1.0|62|CC-200",
                                   "2023-01-01|0|2022-11-30|infinity|terminated|0.0|NULL|",
                                   "2021-07-01|0|2021-06-15|2021-08-02|active|1.0|52|CC-200"));
  EXPECT_THAT(db.Query("SELECT name, type FROM pragma_table_info('employee__employment') "
                       "WHERE name IN ('fte', 'status', 'effective', 'position')"),
              testing::UnorderedElementsAre("effective|TEXT", "status|TEXT", "fte|REAL", "position|INTEGER"));
  EXPECT_THAT(
      db.Query("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('org_unit__history')"),
      testing::ElementsAre("org_unit|entity_id|id|CASCADE"));
  // An invalid id is NULL: location 3 has no default schedule.
  EXPECT_THAT(db.Query("SELECT name, country, holiday_calendar, default_schedule FROM location"),
              testing::ElementsAre("Site 3|DE|7|NULL"));
}

TEST_F(SqliteStoreTest, ListsInsideRecordsAreTablesKeyedByTheEnclosingRow) {
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
    ASSERT_OK(store->Put(SampleLeavePolicy(5), 0).status());
  }
  RawDb db(path_);
  // SampleLeavePolicy: versions ord 0 and 1 (2023-01-01, sequences 0 and 1)
  // with tiers 60 and 120 months, ord 2 (2024-01-01) with one tier of 36
  // months and a rule of every member, ord 3 (2024-07-01, replaced) none.
  EXPECT_THAT(db.Query("SELECT name FROM pragma_table_info('leave_policy__versions__tiers') WHERE pk > 0 "
                       "ORDER BY pk"),
              testing::ElementsAre("entity_id", "versions_ord", "ord"));
  EXPECT_THAT(db.Query("SELECT versions_ord, ord, after_months, amount_per_year FROM leave_policy__versions__tiers "
                       "WHERE entity_id = 5 ORDER BY versions_ord, ord"),
              testing::ElementsAre("0|0|60|26.5", "0|1|120|28.0", "1|0|60|26.5", "1|1|120|28.0", "2|0|36|27.0"));
  // A list of scalars: one `value` column; enums by name.
  EXPECT_THAT(db.Query("SELECT versions_ord, ord, value FROM leave_policy__versions__eligible_employment_types "
                       "ORDER BY versions_ord, ord"),
              testing::ElementsAre("2|0|fixed_term", "2|1|permanent"));
  EXPECT_THAT(db.Query("SELECT value FROM leave_policy__versions__eligible_locations ORDER BY ord"),
              testing::ElementsAre("3", "5"));
  // An empty optional is NULL: the first version has no carry-over maximum.
  EXPECT_THAT(db.Query("SELECT carry_over_max, negative_limit FROM leave_policy__versions WHERE ord = 0"),
              testing::ElementsAre("NULL|2.5"));
  // Erasing the policy removes the rows of every nested table.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  ASSERT_OK(store->Erase<hrkit::LeavePolicy>(hrkit::LeavePolicyId(5), 1));
  EXPECT_THAT(db.Query("SELECT count(*) FROM leave_policy__versions__tiers"), testing::ElementsAre("0"));
}

TEST_F(SqliteStoreTest, ErasingAnEntityRemovesItsHistoryRows) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  ASSERT_OK(store->Put(SampleEmployee(1), 0).status());
  ASSERT_OK(store->Put(SampleEmployee(2), 0).status());
  ASSERT_OK(store->Erase<Employee>(EmployeeId(1), 1));
  RawDb db(path_);
  EXPECT_THAT(db.Query("SELECT DISTINCT entity_id FROM employee__employment"), testing::ElementsAre("2"));
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerSchemaIsRefused) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  {
    RawDb db(path_);
    db.Exec("PRAGMA user_version = 3");
  }
  const auto newer = hrkit::OpenSqliteStore(path_);
  EXPECT_STATUS_CODE(newer, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(newer), HasSubstr("written by a newer hrkit (storage format 3"));
}

TEST_F(SqliteStoreTest, AnOlderDatabaseIsMigratedForward) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  {
    // An hrkit database (its application_id) of format 1 whose location
    // table is from before `country` and the calendars.
    RawDb db(path_);
    db.Exec("DROP TABLE location");
    db.Exec("CREATE TABLE location (id INTEGER NOT NULL, version INTEGER NOT NULL, name TEXT, PRIMARY KEY (id))");
    db.Exec("INSERT INTO location VALUES (3, 4, 'Old site')");
    db.Exec("PRAGMA user_version = 1");
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  ASSERT_OK_AND_ASSIGN(Versioned<Location> old, store->Get<Location>(LocationId(3)));
  EXPECT_EQ(old.entity.name, "Old site");
  EXPECT_EQ(old.entity.country, "");
  EXPECT_FALSE(old.entity.holiday_calendar.valid());
  EXPECT_EQ(old.version, 4);
  Location updated = old.entity;
  updated.country = "FR";
  ASSERT_OK(store->Put(updated, 4).status());
  store.reset();
  RawDb db(path_);
  EXPECT_THAT(db.Query("PRAGMA user_version"), testing::ElementsAre("2"));
  EXPECT_THAT(db.Query("SELECT name, country, version FROM location"), testing::ElementsAre("Old site|FR|5"));
}

TEST_F(SqliteStoreTest, Format1EnumIntegersBecomeNamesAndNullColumnsKeepDefaults) {
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  {
    // A format-1 employee: status as its integer (2 = terminated), fte and
    // type NULL (as a column added by a later format reads in older rows).
    RawDb db(path_);
    db.Exec("PRAGMA user_version = 1");
    db.Exec("INSERT INTO employee (id, version, legal_name) VALUES (7, 1, NULL)");
    db.Exec(
        "INSERT INTO employee__employment (entity_id, ord, effective, sequence, recorded, replaced, status) "
        "VALUES (7, 0, '2020-01-01', 0, '2020-01-01', 'infinity', 2)");
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  ASSERT_OK_AND_ASSIGN(Versioned<Employee> e, store->Get<Employee>(EmployeeId(7)));
  EXPECT_EQ(e.entity.legal_name, Employee{}.legal_name);
  ASSERT_EQ(e.entity.employment.Entries().size(), 1u);
  EXPECT_EQ(e.entity.employment.Entries()[0].value.status, hrkit::EmploymentStatus::kTerminated);
  // NULL leaves the defaults of a default-made record: fte 1.0, permanent.
  EXPECT_EQ(e.entity.employment.Entries()[0].value.fte, 1.0);
  EXPECT_EQ(e.entity.employment.Entries()[0].value.type, hrkit::EmploymentType::kPermanent);
  store.reset();
  RawDb db(path_);
  EXPECT_THAT(db.Query("SELECT status, typeof(status) FROM employee__employment"),
              testing::ElementsAre("terminated|text"));
  EXPECT_THAT(db.Query("PRAGMA user_version"), testing::ElementsAre("2"));
}

TEST_F(SqliteStoreTest, AnUnknownEnumNameIsDataLossNamingTableRowAndColumn) {
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
    ASSERT_OK(store->Put(SampleEmployee(5), 0).status());
  }
  {
    RawDb db(path_);
    db.Exec("UPDATE employee__employment SET status = 'retired' WHERE ord = 0");
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  const auto read = store->Get<Employee>(EmployeeId(5));
  EXPECT_STATUS_CODE(read, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(read), HasSubstr("employee__employment row of entity 5"));
  EXPECT_THAT(Message(read), HasSubstr("column status: unknown value \"retired\""));
  {
    RawDb db(path_);
    db.Exec("UPDATE employee__employment SET status = 9 WHERE ord = 0");
  }
  const auto number = store->Get<Employee>(EmployeeId(5));
  EXPECT_STATUS_CODE(number, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(number), HasSubstr("column status: unknown value 9"));
}

TEST_F(SqliteStoreTest, OpenErrorsAreCanonical) {
  EXPECT_STATUS_CODE(hrkit::OpenSqliteStore(""), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenSqliteStore(path_, {.create_if_missing = false}), absl::StatusCode::kNotFound);
  {
    std::ofstream junk(path_, std::ios::binary);
    junk << std::string(8192, 'x');
  }
  EXPECT_STATUS_CODE(hrkit::OpenSqliteStore(path_), absl::StatusCode::kDataLoss);
  EXPECT_STATUS_CODE(hrkit::OpenSqliteStore(dir_ + "/no/such/dir/hr.db"), absl::StatusCode::kUnavailable);
}

TEST_F(SqliteStoreTest, OpenStoreTakesTheSqliteSchemeWithOptions) {
  ASSERT_OK(hrkit::RegisterSqliteBackend());
  ASSERT_OK(hrkit::RegisterSqliteBackend());  // twice is fine
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenStore("sqlite:" + path_ + "?synchronous=normal"));
  EXPECT_EQ(store->BackendName(), "sqlite");
  EXPECT_STATUS_CODE(hrkit::OpenStore("sqlite:" + path_ + "?cache=huge"), absl::StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, InjectionLeavesTheSchemaUnchanged) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenSqliteStore(path_));
  RawDb db(path_);
  const std::vector<std::string> before = db.Query("SELECT type, name, sql FROM sqlite_master ORDER BY name");
  ASSERT_FALSE(before.empty());
  std::int64_t id = 0;
  for (const std::string text :
       {"'; DROP TABLE employee;--", "x\"); DROP TABLE \"location\"; --", "'); DELETE FROM employee__employment; --"}) {
    Employee e = SampleEmployee(++id);
    e.legal_name = e.employee_number = text;
    Location l = SampleLocation(id);
    l.name = text;
    ASSERT_OK(store->Put(e, 0).status());
    ASSERT_OK(store->Put(l, 0).status());
  }
  EXPECT_EQ(db.Query("SELECT type, name, sql FROM sqlite_master ORDER BY name"), before);
  EXPECT_THAT(db.Query("SELECT count(*) FROM employee__employment"), testing::ElementsAre("18"));  // 3 x 6
  EXPECT_THAT(db.Query("SELECT legal_name FROM employee WHERE id = 1"),
              testing::ElementsAre("'; DROP TABLE employee;--"));
}

TEST_F(SqliteStoreTest, FourWriterThreadsNeverSeeSqliteBusy) {
  // Four connections to one file, 1,000 transactions each: the busy timeout
  // and BEGIN IMMEDIATE keep SQLITE_BUSY from reaching the caller.
  constexpr int kThreads = 4;
  constexpr int kTransactions = 1000;
  { ASSERT_OK(hrkit::OpenSqliteStore(path_).status()); }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      absl::StatusOr<std::unique_ptr<Store>> store = hrkit::OpenSqliteStore(path_);
      if (!store.ok()) {
        ADD_FAILURE() << store.status();
        ++failures;
        return;
      }
      for (int i = 1; i <= kTransactions; ++i) {
        hrkit::Transaction txn;
        txn.Put(SampleLocation(t * kTransactions + i), 0);
        if (absl::Status s = (*store)->Commit(txn).status(); !s.ok()) {
          ADD_FAILURE() << s;
          ++failures;
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  RawDb db(path_);
  EXPECT_THAT(db.Query("SELECT count(*), min(id), max(id) FROM location"), testing::ElementsAre("4000|1|4000"));
}

}  // namespace
}  // namespace hrkit_test
