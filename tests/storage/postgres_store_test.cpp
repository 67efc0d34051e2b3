// The PostgreSQL backend: the conformance suite plus what is particular to
// it (the relational schema, the text escape, schema versions, retry after a
// serialization failure, lost connections before, during and after COMMIT).
//
// Needs a server: HRKIT_TEST_POSTGRES_URI names it (scripts/with-postgres
// starts a throwaway one and sets it). Every test works in a schema of its
// own, so the tests may run in parallel against one server.
#include "hrkit/storage/postgres_store.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "golden_v1_data.hpp"
#include "gtest/gtest.h"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "postgres_store_internal.hpp"
#include "store_conformance.hpp"
#include "store_test_data.hpp"

namespace hrkit_test {
namespace {

using hrkit::Dataset;
using hrkit::Employee;
using hrkit::EmployeeId;
using hrkit::Location;
using hrkit::LocationId;
using hrkit::PostgresOptions;
using hrkit::Store;
using hrkit::Transaction;
using hrkit::Versioned;
using hrkit::postgres_internal::WriteHooks;
using hrkit::postgres_internal::WriteStage;
using testing::HasSubstr;

constexpr char kNoServer[] =
    "HRKIT_TEST_POSTGRES_URI is not set, so there is no PostgreSQL server to test against: run the tests "
    "through scripts/with-postgres (e.g. `scripts/with-postgres ctest -L postgres`), which starts a "
    "throwaway server and sets the variable";

std::optional<std::string> ServerUri() {
  const char* uri = std::getenv("HRKIT_TEST_POSTGRES_URI");
  if (uri == nullptr || *uri == '\0') return std::nullopt;
  return std::string(uri);
}

// `base` with a search_path of `schema` and an application_name (which lets
// a test find the store's server process).
std::string UriFor(const std::string& base, const std::string& schema, const std::string& application) {
  return absl::StrCat(base, base.find('?') == std::string::npos ? "?" : "&", "options=-csearch_path%3D", schema,
                      "&application_name=", application);
}

// A plain libpq connection for setting up and inspecting what the store did.
class RawConnection {
 public:
  explicit RawConnection(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // quiet: no NOTICE lines in the log
  }
  ~RawConnection() { PQfinish(conn_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::string error() const { return PQerrorMessage(conn_); }

  // Runs `sql` with text parameters; the rows, each column as text ("NULL"
  // for null) joined by '|'. A failure is reported as a test failure.
  std::vector<std::string> Query(const std::string& sql, const std::vector<std::string>& args = {}) {
    std::vector<const char*> values;
    for (const std::string& a : args) values.push_back(a.c_str());
    PGresult* result =
        PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    std::vector<std::string> rows;
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(result);
    } else {
      for (int r = 0; r < PQntuples(result); ++r) {
        std::string row;
        for (int c = 0; c < PQnfields(result); ++c) {
          absl::StrAppend(&row, c == 0 ? "" : "|", PQgetisnull(result, r, c) ? "NULL" : PQgetvalue(result, r, c));
        }
        rows.push_back(row);
      }
    }
    PQclear(result);
    return rows;
  }

 private:
  PGconn* conn_;
};

// A schema name (at most 63 bytes) unique to `key` and this process.
std::string SchemaName(const std::string& key) {
  return absl::StrCat("hrkit_t", std::hash<std::string>()(key) % 1000000000000, "_", getpid());
}

// Drops the schemas the tests created when the test program ends.
class SchemaCleanup : public testing::Environment {
 public:
  static void Remember(const std::string& schema) {
    std::lock_guard<std::mutex> lock(Mutex());
    Schemas().push_back(schema);
  }
  void TearDown() override {
    const std::optional<std::string> uri = ServerUri();
    if (!uri.has_value()) return;
    RawConnection admin(*uri);
    if (!admin.ok()) return;
    std::lock_guard<std::mutex> lock(Mutex());
    for (const std::string& schema : Schemas()) {
      admin.Query(absl::StrCat("DROP SCHEMA IF EXISTS \"", schema, "\" CASCADE"));
    }
  }

 private:
  static std::mutex& Mutex() {
    static auto* mutex = new std::mutex();
    return *mutex;
  }
  static std::vector<std::string>& Schemas() {
    static auto* schemas = new std::vector<std::string>();
    return *schemas;
  }
};
testing::Environment* const kSchemaCleanup = testing::AddGlobalTestEnvironment(new SchemaCleanup);

// Creates `schema` (if missing) on the server `uri`.
absl::Status CreateSchema(const std::string& uri, const std::string& schema) {
  RawConnection admin(uri);
  if (!admin.ok()) return absl::UnavailableError(absl::StrCat("test server: ", admin.error()));
  SchemaCleanup::Remember(schema);
  admin.Query(absl::StrCat("CREATE SCHEMA IF NOT EXISTS \"", schema, "\""));
  return absl::OkStatus();
}

// The conformance suite: one schema per test location, through OpenStore.
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresAt(const std::string& location) {
  const std::optional<std::string> uri = ServerUri();
  if (!uri.has_value()) return absl::FailedPreconditionError(kNoServer);
  const std::string schema = SchemaName(location);
  if (absl::Status s = CreateSchema(*uri, schema); !s.ok()) return s;
  if (absl::Status s = hrkit::RegisterPostgresBackend(); !s.ok()) return s;
  return hrkit::OpenStore(UriFor(*uri, schema, schema));
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformanceTest,
                         testing::Values(StoreBackend{"postgres", OpenPostgresAt, /*persistent=*/true}), BackendName);

// Polls `condition` every 10 ms for up to 30 s; true once it holds.
bool Eventually(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return condition();
}

class PostgresStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::string> uri = ServerUri();
    if (!uri.has_value()) GTEST_FAIL() << kNoServer;
    server_ = *uri;
    schema_ = SchemaName(testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_OK(CreateSchema(server_, schema_));
    admin_ = std::make_unique<RawConnection>(UriFor(server_, schema_, schema_ + "_admin"));
    ASSERT_TRUE(admin_->ok()) << admin_->error();
  }

  // The URI of this test's schema; the store's server process is named
  // `application`.
  std::string Uri(const std::string& application = "store") const {
    return UriFor(server_, schema_, absl::StrCat(schema_, "_", application));
  }

  absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& application = "store",
                                              std::function<void(WriteStage, int)> hook = nullptr,
                                              PostgresOptions options = {}) {
    return hrkit::postgres_internal::OpenPostgresStoreWithHooks(Uri(application), options, WriteHooks{std::move(hook)});
  }

  // Ends the server process of the store named `application` and waits
  // until it is gone.
  void Terminate(const std::string& application) {
    const std::string name = absl::StrCat(schema_, "_", application);
    EXPECT_THAT(admin_->Query("SELECT pg_terminate_backend(pid, 30000) FROM pg_stat_activity "
                              "WHERE application_name = $1",
                              {name}),
                testing::ElementsAre("t"));
    EXPECT_TRUE(Eventually([&] {
      return admin_->Query("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", {name}) ==
             std::vector<std::string>{"0"};
    }));
  }

  std::string server_;
  std::string schema_;
  std::unique_ptr<RawConnection> admin_;
};

TEST_F(PostgresStoreTest, WritesARelationalSchemaAPersonCanQuery) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  EXPECT_EQ(store->BackendName(), "postgres");
  ASSERT_OK(store->Put(SampleEmployee(42), 0).status());
  ASSERT_OK(store->Put(SampleLocation(3), 0).status());

  EXPECT_THAT(admin_->Query("SELECT version FROM hrkit_schema_version"), testing::ElementsAre("2"));
  // SampleEmployee(42): born 1980-01-01 + 42 days = 1980-02-12.
  EXPECT_THAT(admin_->Query("SELECT id, version, legal_name, birth_date FROM employee"),
              testing::ElementsAre("42|1|Legal Name 42|1980-02-12"));
  // 3 hire-day entries, the correction, the termination (current) + 1 replaced.
  EXPECT_THAT(admin_->Query("SELECT effective, sequence, recorded, replaced, status, fte, position, cost_center "
                            "FROM employee__employment WHERE entity_id = 42 ORDER BY ord"),
              // Enums hold their names.
              testing::ElementsAre("2020-03-01|0|2020-03-01|infinity|active|0.8|52|CC-100",
                                   "2020-03-01|1|2020-03-01|infinity|active|0.8|52|CC-200",
                                   "2020-03-01|2|2020-03-01|infinity|active|0.8|52|CC-200",
                                   "2021-05-01|0|2021-08-02|infinity|active|1|62|CC-200",
                                   "2023-01-01|0|2022-11-30|infinity|terminated|0|NULL|",
                                   "2021-07-01|0|2021-06-15|2021-08-02|active|1|52|CC-200"));
  EXPECT_THAT(
      admin_->Query("SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = 'employee__employment' "
                    "AND column_name IN ('fte', 'status', 'effective', 'position')"),
      testing::UnorderedElementsAre("effective|text", "status|text", "fte|double precision", "position|bigint"));
  EXPECT_THAT(admin_->Query("SELECT confdeltype, confrelid::regclass::text FROM pg_constraint "
                            "WHERE conrelid = 'org_unit__history'::regclass AND contype = 'f'"),
              testing::ElementsAre("c|org_unit"));  // c = ON DELETE CASCADE
  // An invalid id is NULL: location 3 has no default schedule.
  EXPECT_THAT(admin_->Query("SELECT name, country, holiday_calendar, default_schedule FROM location"),
              testing::ElementsAre("Site 3|DE|7|NULL"));

  // Erasing an entity removes its history rows.
  ASSERT_OK(store->Erase<Employee>(EmployeeId(42), 1));
  EXPECT_THAT(admin_->Query("SELECT count(*) FROM employee__employment"), testing::ElementsAre("0"));
}

TEST_F(PostgresStoreTest, TextTheServerCannotHoldIsEscapedAndOtherTextIsStoredAsIs) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const std::string marker(hrkit::postgres_internal::kEscapeMarker);
  const std::vector<std::pair<std::string, std::string>> cases = {
      // value, how a person sees it in the table
      {"Zo\xC3\xAB M\xC3\xBCller", "Zo\xC3\xAB M\xC3\xBCller"},
      {std::string("nul\0inside", 10), marker + "nul\\x00inside"},
      {"\xFF\xFE back\\slash", marker + "\\xff\\xfe back\\\\slash"},
      {marker + "starts with the marker", marker + "\\xef\\xbf\\xbfstarts with the marker"},
  };
  std::int64_t id = 0;
  for (const auto& [value, stored] : cases) {
    Location l = SampleLocation(++id);
    l.name = value;
    ASSERT_OK(store->Put(l, 0).status());
    EXPECT_THAT(admin_->Query("SELECT name FROM location WHERE id = $1", {absl::StrCat(id)}),
                testing::ElementsAre(stored));
    ASSERT_OK_AND_ASSIGN(Versioned<Location> got, store->Get<Location>(l.id));
    EXPECT_EQ(got.entity.name, value) << "case " << id;
  }
  // A marked value with a broken escape is corrupt data, not a crash.
  admin_->Query("UPDATE location SET name = $1 WHERE id = 2", {marker + "\\q"});
  const auto corrupt = store->Get<Location>(LocationId(2));
  EXPECT_STATUS_CODE(corrupt, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(corrupt), HasSubstr("location:2"));
  // LoadAll stops its COPY at the bad row; the connection stays usable.
  const auto all = store->LoadAll();
  EXPECT_STATUS_CODE(all, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(all), HasSubstr("location:2"));
  EXPECT_OK(store->Get<Location>(LocationId(3)));
}

TEST(PostgresTextEscape, KeepsValidUtf8AndEscapesEverythingElse) {
  using hrkit::postgres_internal::EscapeText;
  using hrkit::postgres_internal::StorableAsIs;
  using hrkit::postgres_internal::UnescapeText;
  EXPECT_TRUE(StorableAsIs(""));
  EXPECT_TRUE(StorableAsIs("plain ascii 'quoted' \\ \"x\""));
  EXPECT_TRUE(StorableAsIs("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // 2-, 3- and 4-byte forms
  EXPECT_TRUE(StorableAsIs("\xF4\x8F\xBF\xBF"));                        // U+10FFFF, the last code point
  EXPECT_TRUE(StorableAsIs("x\xEF\xBF\xBF"));                           // the marker, not at the start
  EXPECT_FALSE(StorableAsIs(std::string(1, '\0')));
  EXPECT_FALSE(StorableAsIs("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(StorableAsIs("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(StorableAsIs("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(StorableAsIs("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(StorableAsIs("\xE2\x82"));          // truncated
  EXPECT_FALSE(StorableAsIs("\x80"));              // a lone continuation byte
  EXPECT_FALSE(StorableAsIs("\xEF\xBF\xBF"));      // starts with the marker

  for (const std::string& text :
       {std::string("\0\x01\x7F\x80\xFF\\ok", 8), std::string("\xEF\xBF\xBF"), std::string("ascii"), std::string()}) {
    std::string back;
    ASSERT_TRUE(UnescapeText(EscapeText(text), back));
    EXPECT_EQ(back, text);
  }
  std::string out;
  EXPECT_FALSE(UnescapeText("\xEF\xBF\xBF\\x4", out));  // one hex digit
  EXPECT_FALSE(UnescapeText("\xEF\xBF\xBF\\xZZ", out));
  EXPECT_FALSE(UnescapeText("\xEF\xBF\xBF trailing\\", out));
}

// A schema written by the format-1 backend (golden/format1/postgres.sql: the
// golden data set's tables and rows as hrkit 0.1 wrote them) opens, is
// upgraded in place once, and loads the golden values.
TEST_F(PostgresStoreTest, AFormat1SchemaIsUpgradedInPlace) {
  std::ifstream script(std::string(HRKIT_GOLDEN_DIR) + "/format1/postgres.sql");
  ASSERT_TRUE(script.good());
  std::string line;
  while (std::getline(script, line)) {
    if (!line.empty() && !line.starts_with("--")) admin_->Query(line);
  }
  for (int open = 0; open < 2; ++open) {  // the second open reads the upgraded schema
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
    ASSERT_OK_AND_ASSIGN(hrkit::Dataset loaded, store->LoadAll());
    EXPECT_TRUE(loaded == hrkit_golden_v1::GoldenDataset()) << "open " << open;
    ASSERT_OK_AND_ASSIGN(Versioned<hrkit::LeavePolicy> policy, store->Get<hrkit::LeavePolicy>(hrkit::LeavePolicyId(1)));
    EXPECT_EQ(policy.entity, hrkit_golden_v1::GoldenDataset().Of<hrkit::LeavePolicy>()[0]);
  }
  EXPECT_THAT(admin_->Query("SELECT version FROM hrkit_schema_version"), testing::ElementsAre("2"));
  // The format-1 side tables are gone; enums read as names.
  EXPECT_THAT(admin_->Query("SELECT to_regclass('policy_eligibility') IS NULL, "
                            "to_regclass('leave_policy__tiers') IS NULL"),
              testing::ElementsAre("t|t"));
  EXPECT_THAT(admin_->Query("SELECT DISTINCT status FROM employee__employment ORDER BY status"),
              testing::ElementsAre("active", "terminated"));
}

TEST_F(PostgresStoreTest, ASchemaFromANewerVersionIsRefused) {
  { ASSERT_OK(Open().status()); }
  admin_->Query("UPDATE hrkit_schema_version SET version = 3");
  const auto newer = Open();
  EXPECT_STATUS_CODE(newer, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(newer), HasSubstr("schema version 3"));
}

TEST_F(PostgresStoreTest, AnOlderSchemaIsMigratedForward) {
  // Format 1 (hrkit's version table says so): a location table from before
  // `country` and the calendars.
  admin_->Query("CREATE TABLE hrkit_schema_version (version BIGINT NOT NULL)");
  admin_->Query("INSERT INTO hrkit_schema_version VALUES (1)");
  admin_->Query("CREATE TABLE location (id BIGINT NOT NULL, version BIGINT NOT NULL, name TEXT, PRIMARY KEY (id))");
  admin_->Query("INSERT INTO location VALUES (3, 4, 'Old site')");
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK_AND_ASSIGN(Versioned<Location> old, store->Get<Location>(LocationId(3)));
  EXPECT_EQ(old.entity.name, "Old site");
  EXPECT_EQ(old.entity.country, "");
  EXPECT_FALSE(old.entity.holiday_calendar.valid());
  EXPECT_EQ(old.version, 4);
  Location updated = old.entity;
  updated.country = "FR";
  ASSERT_OK(store->Put(updated, 4).status());
  EXPECT_THAT(admin_->Query("SELECT version FROM hrkit_schema_version"), testing::ElementsAre("2"));
  EXPECT_THAT(admin_->Query("SELECT name, country, version FROM location"), testing::ElementsAre("Old site|FR|5"));

  // A table that lacks a key column is not hrkit's.
  admin_->Query("DROP TABLE position CASCADE");
  admin_->Query("CREATE TABLE position (id BIGINT PRIMARY KEY)");
  const auto foreign = Open();
  EXPECT_STATUS_CODE(foreign, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(foreign), HasSubstr("lacks key column version"));
}

TEST_F(PostgresStoreTest, AForeignTableInTheSchemaIsRefusedAndNothingIsCreated) {
  admin_->Query("CREATE TABLE employee (id TEXT PRIMARY KEY, version INTEGER)");
  const auto foreign = Open();
  EXPECT_STATUS_CODE(foreign, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(foreign), HasSubstr("holds table \"employee\" and no hrkit_schema_version"));
  EXPECT_THAT(Message(foreign), HasSubstr("nothing was changed"));
  EXPECT_THAT(admin_->Query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"),
              testing::ElementsAre("employee"));
}

TEST_F(PostgresStoreTest, AForeignTableAddedToAnHrkitSchemaIsRefused) {
  { ASSERT_OK(Open().status()); }
  admin_->Query("CREATE VIEW notes AS SELECT 1 AS x");
  const auto foreign = Open();
  EXPECT_STATUS_CODE(foreign, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(foreign), HasSubstr("holds view \"notes\", which hrkit does not create"));
}

TEST(PostgresUri, APortOutOfRangeIsInvalidArgumentWithoutConnecting) {
  const auto opened = hrkit::OpenPostgresStore("postgresql://hrkit@127.0.0.1:99999/hrkit_test");
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(opened), HasSubstr("port \"99999\" is not a port number (1 to 65535)"));
}

TEST_F(PostgresStoreTest, SeveralStoresOpenOneSchemaAtOnce) {
  // The advisory lock makes concurrent migrations take turns.
  constexpr int kThreads = 4;
  std::vector<absl::Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] { results[t] = Open(absl::StrCat("opener", t)).status(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& status : results) EXPECT_OK(status);
  EXPECT_THAT(admin_->Query("SELECT count(*), max(version) FROM hrkit_schema_version"), testing::ElementsAre("1|2"));
}

TEST_F(PostgresStoreTest, OpenErrorsAreCanonical) {
  EXPECT_STATUS_CODE(hrkit::OpenPostgresStore("postgresql://localhost/db?no_such_option=1"),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenPostgresStore(Uri(), {.max_attempts = 0}), absl::StatusCode::kInvalidArgument);
  // Port 1 on the loopback: nothing listens there.
  EXPECT_STATUS_CODE(hrkit::OpenPostgresStore("postgresql://hrkit@127.0.0.1:1/hrkit_test?connect_timeout=5"),
                     absl::StatusCode::kUnavailable);
  const auto no_schema = hrkit::OpenPostgresStore(UriFor(server_, schema_ + "_missing", "x"));
  EXPECT_STATUS_CODE(no_schema, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(no_schema), HasSubstr("search_path"));
}

TEST_F(PostgresStoreTest, OpenStoreTakesBothSchemes) {
  ASSERT_OK(hrkit::RegisterPostgresBackend());
  ASSERT_OK(hrkit::RegisterPostgresBackend());  // twice is fine
  const std::string uri = Uri();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenStore(uri));
  EXPECT_EQ(store->BackendName(), "postgres");
  ASSERT_EQ(uri.rfind("postgresql://", 0), 0u) << "HRKIT_TEST_POSTGRES_URI should start with postgresql://";
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> short_scheme,
                       hrkit::OpenStore("postgres://" + uri.substr(std::string("postgresql://").size())));
  EXPECT_EQ(short_scheme->BackendName(), "postgres");
}

TEST_F(PostgresStoreTest, InjectionLeavesTheCatalogUnchanged) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const std::string catalog =
      "SELECT table_name, column_name, data_type FROM information_schema.columns "
      "WHERE table_schema = current_schema() ORDER BY 1, 2";
  const std::vector<std::string> before = admin_->Query(catalog);
  ASSERT_FALSE(before.empty());
  std::int64_t id = 0;
  for (const std::string text : {"'; DROP TABLE employee;--", "x\"); DROP TABLE \"location\"; --",
                                 "$1); DELETE FROM employee__employment; --", "$$; DROP SCHEMA public; $$"}) {
    Employee e = SampleEmployee(++id);
    e.legal_name = e.employee_number = text;
    ASSERT_OK(store->Put(e, 0).status());
  }
  EXPECT_EQ(admin_->Query(catalog), before);
  EXPECT_THAT(admin_->Query("SELECT count(*) FROM employee__employment"), testing::ElementsAre("24"));  // 4 x 6
  EXPECT_THAT(admin_->Query("SELECT legal_name FROM employee WHERE id = 1"),
              testing::ElementsAre("'; DROP TABLE employee;--"));
}

// The foreign keys of the child tables, as the catalog describes them.
std::vector<std::string> ForeignKeys(RawConnection& db) {
  return db.Query(
      "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
      "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2");
}

TEST_F(PostgresStoreTest, SaveAllKeepsTheForeignKeys) {
  // SaveAll drops the child tables' foreign keys for the load and adds them
  // back in the same transaction.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const std::vector<std::string> before = ForeignKeys(*admin_);
  EXPECT_THAT(before, testing::Contains(HasSubstr("REFERENCES employee(id) ON DELETE CASCADE")));
  ASSERT_OK(store->SaveAll(SampleDataset(3)));
  EXPECT_EQ(ForeignKeys(*admin_), before);
  // A cancelled SaveAll rolls the dropped keys back too.
  hrkit::CancellableProgress cancel;
  cancel.RequestCancel();
  EXPECT_STATUS_CODE(store->SaveAll(SampleDataset(4), &cancel), absl::StatusCode::kCancelled);
  EXPECT_EQ(ForeignKeys(*admin_), before);
  ASSERT_OK(store->Erase<Employee>(EmployeeId(1), 1));
  EXPECT_THAT(admin_->Query("SELECT count(*) FROM employee__employment WHERE entity_id = 1"),
              testing::ElementsAre("0"));
}

TEST_F(PostgresStoreTest, ARoleThatDoesNotOwnTheTablesCanSaveAll) {
  // Without ownership the keys stay in place and are checked row by row.
  { ASSERT_OK(Open().status()); }
  const std::vector<std::string> keys = ForeignKeys(*admin_);
  const std::string role = schema_ + "_writer";
  admin_->Query(absl::StrCat("CREATE ROLE \"", role, "\" LOGIN"));
  admin_->Query(absl::StrCat("GRANT USAGE, CREATE ON SCHEMA \"", schema_, "\" TO \"", role, "\""));
  admin_->Query(
      absl::StrCat("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"", schema_, "\" TO \"", role, "\""));
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenPostgresStore(Uri() + "&user=" + role));
    EXPECT_THAT(admin_->Query("SELECT usename FROM pg_stat_activity WHERE application_name = $1", {schema_ + "_store"}),
                testing::ElementsAre(role));
    ASSERT_OK(store->SaveAll(SampleDataset(3)));
    ASSERT_OK_AND_ASSIGN(Dataset loaded, store->LoadAll());
    EXPECT_EQ(loaded, SampleDataset(3));
  }
  EXPECT_EQ(ForeignKeys(*admin_), keys);
  admin_->Query(absl::StrCat("DROP OWNED BY \"", role, "\""));
  admin_->Query(absl::StrCat("DROP ROLE \"", role, "\""));
}

// ---- Retry after serialization failures ------------------------------------

TEST_F(PostgresStoreTest, AWriteSkewIsRetriedAndThenCommits) {
  // Store A updates location 1 and inserts location 2. Between its reads and
  // its writes, store B (another connection) inserts location 3: each read
  // what the other writes, a cycle SERIALIZABLE refuses. A's second attempt
  // runs alone and commits.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> other, Open("b"));
  ASSERT_OK(other->Put(SampleLocation(1), 0).status());
  std::vector<int> attempts;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open("a", [&](WriteStage stage, int attempt) {
                         if (stage != WriteStage::kBegun) return;
                         attempts.push_back(attempt);
                         if (attempt == 0) EXPECT_OK(other->Put(SampleLocation(3), 0));
                       }));
  Location renamed = SampleLocation(1);
  renamed.name = "renamed";
  Transaction txn;
  txn.Put(renamed, 1).Put(SampleLocation(2), 0);
  ASSERT_OK_AND_ASSIGN(std::vector<std::int64_t> versions, store->Commit(txn));
  EXPECT_EQ(versions, (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(attempts, (std::vector<int>{0, 1}));
  EXPECT_THAT(admin_->Query("SELECT id, version, name FROM location ORDER BY id"),
              testing::ElementsAre("1|2|renamed", "2|1|Site 2", "3|1|Site 3"));
}

TEST_F(PostgresStoreTest, AConcurrentUpdateIsRetriedAndThenReportedStale) {
  // B updates location 1 after A read its version: A's update hits a
  // serialization failure, the retry reads version 2, and A's write (made
  // against version 1) is Aborted instead of overwriting B's.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> other, Open("b"));
  ASSERT_OK(other->Put(SampleLocation(1), 0).status());
  std::vector<int> attempts;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open("a", [&](WriteStage stage, int attempt) {
                         if (stage != WriteStage::kBegun) return;
                         attempts.push_back(attempt);
                         if (attempt > 0) return;
                         Location by_b = SampleLocation(1);
                         by_b.name = "written by B";
                         EXPECT_OK(other->Put(by_b, 1));
                       }));
  Location by_a = SampleLocation(1);
  by_a.name = "written by A";
  const auto put = store->Put(by_a, 1);
  EXPECT_STATUS_CODE(put, absl::StatusCode::kAborted);
  EXPECT_THAT(Message(put), HasSubstr("location:1: expected version 1, stored version 2"));
  EXPECT_EQ(attempts, (std::vector<int>{0, 1}));
  EXPECT_THAT(admin_->Query("SELECT version, name FROM location"), testing::ElementsAre("2|written by B"));
}

TEST_F(PostgresStoreTest, RetriesAreBounded) {
  // B inserts a new location between A's reads and writes on every attempt.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> other, Open("b"));
  ASSERT_OK(other->Put(SampleLocation(1), 0).status());
  int attempts = 0;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open("a",
                                                          [&](WriteStage stage, int attempt) {
                                                            if (stage != WriteStage::kBegun) return;
                                                            ++attempts;
                                                            EXPECT_OK(other->Put(SampleLocation(100 + attempt), 0));
                                                          },
                                                          {.max_attempts = 3}));
  Location renamed = SampleLocation(1);
  renamed.name = "renamed";
  Transaction txn;
  txn.Put(renamed, 1).Put(SampleLocation(2), 0);
  const auto commit = store->Commit(txn);
  EXPECT_STATUS_CODE(commit, absl::StatusCode::kAborted);
  EXPECT_THAT(Message(commit), HasSubstr("after 3 attempts"));
  EXPECT_EQ(attempts, 3);
  // Nothing of A's; B's three inserts.
  EXPECT_THAT(admin_->Query("SELECT id, version, name FROM location ORDER BY id"),
              testing::ElementsAre("1|1|Site 1", "100|1|Site 100", "101|1|Site 101", "102|1|Site 102"));
}

TEST_F(PostgresStoreTest, ADeadlockIsRetried) {
  // Store A renames locations 1 and 2 (in that order) while a raw
  // connection B updates 2 and then 1: each waits for the other. B's
  // deadlock_timeout is long, so A's server process finds the deadlock and
  // fails with 40P01; A runs again, waits for B's row locks, and once B has
  // committed (both rows at version 2) A's writes, made against version 1,
  // are stale.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open("setup"));
  ASSERT_OK(store->Put(SampleLocation(1), 0).status());
  ASSERT_OK(store->Put(SampleLocation(2), 0).status());
  const std::string deadlocks_sql = "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()";
  const std::vector<std::string> deadlocks_before = admin_->Query(deadlocks_sql);
  ASSERT_EQ(deadlocks_before.size(), 1u);

  std::vector<int> attempts;
  ASSERT_OK_AND_ASSIGN(store, Open("a", [&](WriteStage stage, int attempt) {
                         if (stage == WriteStage::kBegun) attempts.push_back(attempt);
                       }));
  RawConnection b(UriFor(server_, schema_, schema_ + "_b"));
  ASSERT_TRUE(b.ok()) << b.error();
  b.Query("BEGIN");
  b.Query("SET LOCAL deadlock_timeout = '60s'");
  b.Query("UPDATE location SET name = 'B', version = version + 1 WHERE id = 2");

  absl::Status commit;
  std::thread writer([&] {
    Location one = SampleLocation(1);
    Location two = SampleLocation(2);
    one.name = two.name = "A";
    Transaction txn;
    txn.Put(one, 1).Put(two, 1);
    commit = store->Commit(txn).status();
  });
  // A holds location 1 and waits for B's lock on location 2.
  EXPECT_TRUE(Eventually([&] {
    return admin_->Query(
               "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
               "AND wait_event_type = 'Lock'",
               {schema_ + "_a"}) == std::vector<std::string>{"1"};
  }));
  // Returns once A was chosen as the deadlock victim and let go of row 1.
  b.Query("UPDATE location SET name = 'B', version = version + 1 WHERE id = 1");
  b.Query("COMMIT");
  writer.join();

  EXPECT_STATUS_CODE(commit, absl::StatusCode::kAborted);
  EXPECT_THAT(Message(commit), HasSubstr("expected version 1, stored version 2"));
  ASSERT_GE(attempts.size(), 2u);
  EXPECT_EQ(attempts[0], 0);
  EXPECT_EQ(attempts[1], 1);
  EXPECT_THAT(admin_->Query("SELECT id, version, name FROM location ORDER BY id"),
              testing::ElementsAre("1|2|B", "2|2|B"));
  // The server counted the deadlock (its statistics arrive with a delay).
  EXPECT_TRUE(Eventually([&] {
    const std::vector<std::string> now = admin_->Query(deadlocks_sql);
    return now.size() == 1 && std::stoll(now[0]) > std::stoll(deadlocks_before[0]);
  }));
}

TEST_F(PostgresStoreTest, WritersOnSeparateConnectionsLoseNoUpdate) {
  // Four stores (four connections, as four application instances would
  // have) increment one counter 25 times each with read-modify-write:
  // conflicts surface as Aborted and are retried by the caller; the final
  // count is 4 x 25 = 100.
  constexpr int kWriters = 4;
  constexpr int kIncrements = 25;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> setup, Open("setup"));
    Location counter = SampleLocation(1);
    counter.name = "0";
    ASSERT_OK(setup->Put(counter, 0).status());
  }
  std::vector<std::unique_ptr<Store>> stores;
  for (int w = 0; w < kWriters; ++w) {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open(absl::StrCat("writer", w)));
    stores.push_back(std::move(store));
  }
  std::vector<absl::Status> errors(kWriters);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      Store& store = *stores[w];
      for (int done = 0; done < kIncrements;) {
        absl::StatusOr<Versioned<Location>> row = store.Get<Location>(LocationId(1));
        if (!row.ok()) {
          errors[w] = row.status();
          return;
        }
        Location next = row->entity;
        next.name = std::to_string(std::stoi(next.name) + 1);
        const absl::StatusOr<std::int64_t> put = store.Put(next, row->version);
        if (put.ok()) {
          ++done;
        } else if (!absl::IsAborted(put.status())) {
          errors[w] = put.status();
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& error : errors) EXPECT_OK(error);
  EXPECT_THAT(admin_->Query("SELECT name, version FROM location WHERE id = 1"),
              testing::ElementsAre("100|101"));  // 100 increments after the insert at version 1
}

// ---- Lost connections -------------------------------------------------------

TEST_F(PostgresStoreTest, AConnectionLostBetweenCallsIsUnavailableThenReconnects) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->Put(SampleLocation(1), 0).status());
  Terminate("store");
  const auto put = store->Put(SampleLocation(2), 0);
  EXPECT_STATUS_CODE(put, absl::StatusCode::kUnavailable);
  EXPECT_FALSE(hrkit::IsCommitOutcomeUnknown(put.status()));
  EXPECT_THAT(admin_->Query("SELECT count(*) FROM location"), testing::ElementsAre("1"));
  // The next call reconnects and prepares its statements again.
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(2)), absl::StatusCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(std::int64_t version, store->Put(SampleLocation(2), 0));
  EXPECT_EQ(version, 1);
}

// A transaction of an employee (with its history rows) and a location, with
// the connection ended at `when`; returns the commit's status.
absl::Status CommitLosingTheConnectionAt(
    WriteStage when,
    const std::function<absl::StatusOr<std::unique_ptr<Store>>(std::function<void(WriteStage, int)>)>& open,
    const std::function<void()>& terminate) {
  absl::StatusOr<std::unique_ptr<Store>> store = open([&](WriteStage stage, int) {
    if (stage == when) terminate();
  });
  if (!store.ok()) return store.status();
  Transaction txn;
  txn.Put(SampleEmployee(7), 0).Put(SampleLocation(7), 0);
  return (*store)->Commit(txn).status();
}

TEST_F(PostgresStoreTest, AConnectionLostDuringTheTransactionIsUnavailableAndWritesNothing) {
  for (const WriteStage when : {WriteStage::kBegun, WriteStage::kWritten}) {
    SCOPED_TRACE(when == WriteStage::kBegun ? "lost before the writes" : "lost after the writes, before COMMIT");
    const absl::Status status = CommitLosingTheConnectionAt(
        when, [&](auto hook) { return Open("store", std::move(hook)); }, [&] { Terminate("store"); });
    EXPECT_STATUS_CODE(status, absl::StatusCode::kUnavailable);
    EXPECT_FALSE(hrkit::IsCommitOutcomeUnknown(status));
    EXPECT_THAT(Message(status), HasSubstr("nothing was written"));
    EXPECT_THAT(admin_->Query("SELECT (SELECT count(*) FROM employee) + (SELECT count(*) FROM employee__employment) "
                              "+ (SELECT count(*) FROM location)"),
                testing::ElementsAre("0"));
  }
}

TEST_F(PostgresStoreTest, AConnectionLostAfterCommitWasSentHasAnUnknownOutcome) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());  // creates the tables
  // Hold the COMMIT on the server: a deferred trigger on location waits for
  // an advisory lock that this test holds, so the store's COMMIT cannot
  // finish before its connection is ended.
  const std::string key = absl::StrCat(getpid());
  admin_->Query(
      "CREATE FUNCTION hold_commit() RETURNS trigger LANGUAGE plpgsql AS "
      "$$ BEGIN PERFORM pg_advisory_xact_lock(TG_ARGV[0]::bigint); RETURN NULL; END $$");
  admin_->Query(
      absl::StrCat("CREATE CONSTRAINT TRIGGER hold_commit AFTER INSERT ON location "
                   "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hold_commit('",
                   key, "')"));
  admin_->Query("SELECT pg_advisory_lock($1::bigint)", {key});
  const std::string name = absl::StrCat(schema_, "_held");
  const absl::Status status = CommitLosingTheConnectionAt(
      WriteStage::kCommitSent, [&](auto hook) { return Open("held", std::move(hook)); },
      [&] {
        // The COMMIT is running and waits for the lock.
        EXPECT_TRUE(Eventually([&] {
          return admin_->Query(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
                     "AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
                     {name}) == std::vector<std::string>{"1"};
        }));
        Terminate("held");
      });
  admin_->Query("SELECT pg_advisory_unlock($1::bigint)", {key});
  EXPECT_STATUS_CODE(status, absl::StatusCode::kUnknown);
  EXPECT_TRUE(hrkit::IsCommitOutcomeUnknown(status));
  EXPECT_THAT(Message(status), HasSubstr("the outcome is unknown"));
  EXPECT_FALSE(hrkit::IsCommitOutcomeUnknown(absl::UnknownError("some other unknown error")));
  // Here the server had not committed yet, so it rolled back: re-reading
  // tells the caller.
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(7)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Get<Employee>(EmployeeId(7)), absl::StatusCode::kNotFound);
}

TEST_F(PostgresStoreTest, SaveAllLosingItsConnectionChangesNothing) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open("store", [&](WriteStage stage, int) {
                         if (stage == WriteStage::kWritten) Terminate("store");
                       }));
  EXPECT_STATUS_CODE(store->SaveAll(SampleDataset(5)), absl::StatusCode::kUnavailable);
  EXPECT_THAT(admin_->Query("SELECT count(*) FROM employee"), testing::ElementsAre("0"));
}

}  // namespace
}  // namespace hrkit_test
