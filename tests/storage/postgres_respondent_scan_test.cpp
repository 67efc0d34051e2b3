// The respondent-privacy scan (respondent_scan.hpp) on PostgreSQL: every
// value of every table of the store's schema, read with libpq.
//
// Needs a server: HRKIT_TEST_POSTGRES_URI names it (scripts/with-postgres
// starts a throwaway one and sets it). Each store works in a schema of its
// own, dropped once it has been scanned.
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/postgres_store.hpp"
#include "respondent_scan.hpp"

namespace hrkit_test {
namespace {

using hrkit::Store;

constexpr char kNoServer[] =
    "HRKIT_TEST_POSTGRES_URI is not set, so there is no PostgreSQL server to test against: run the tests "
    "through scripts/with-postgres, which starts a throwaway server and sets the variable";

absl::StatusOr<std::string> ServerUri() {
  const char* uri = std::getenv("HRKIT_TEST_POSTGRES_URI");
  if (uri == nullptr || *uri == '\0') return absl::FailedPreconditionError(kNoServer);
  return std::string(uri);
}

// The schema (at most 63 bytes) of the store at `location`.
std::string SchemaOf(const std::string& location) {
  return absl::StrCat("hrkit_scan", std::hash<std::string>()(location) % 1000000000000, "_", getpid());
}

// A libpq connection to the test server, closed when it goes.
class Connection {
 public:
  explicit Connection(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // quiet: no NOTICE lines in the log
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` with text parameters; every non-null value of the result, row
  // by row, as the server's text of it (an integer in decimal).
  absl::StatusOr<std::vector<std::string>> Values(const std::string& sql, const std::vector<std::string>& args = {}) {
    if (PQstatus(conn_) != CONNECTION_OK) return absl::UnavailableError(PQerrorMessage(conn_));
    std::vector<const char*> params;
    for (const std::string& a : args) params.push_back(a.c_str());
    PGresult* result =
        PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, params.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    std::vector<std::string> values;
    if (status == PGRES_TUPLES_OK) {
      for (int r = 0; r < PQntuples(result); ++r) {
        for (int c = 0; c < PQnfields(result); ++c) {
          if (PQgetisnull(result, r, c)) continue;
          values.emplace_back(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c)));
        }
      }
    }
    const std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      return absl::InternalError(absl::StrCat(sql, ": ", error));
    return values;
  }

 private:
  PGconn* conn_;
};

std::string Quoted(const std::string& identifier) { return absl::StrCat("\"", identifier, "\""); }

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresAt(const std::string& location) {
  HRKIT_ASSIGN_OR_RETURN(const std::string uri, ServerUri());
  const std::string schema = SchemaOf(location);
  Connection admin(uri);
  HRKIT_RETURN_IF_ERROR(admin.Values(absl::StrCat("CREATE SCHEMA IF NOT EXISTS ", Quoted(schema))).status());
  HRKIT_RETURN_IF_ERROR(hrkit::RegisterPostgresBackend());
  return hrkit::OpenStore(
      absl::StrCat(uri, uri.find('?') == std::string::npos ? "?" : "&", "options=-csearch_path%3D", schema));
}

// Every value of every table in the store's schema, once the store is
// closed; then drops the schema.
absl::StatusOr<std::vector<RawTable>> ScanPostgresSchema(std::unique_ptr<Store> store, const std::string& location) {
  store.reset();
  HRKIT_ASSIGN_OR_RETURN(const std::string uri, ServerUri());
  const std::string schema = SchemaOf(location);
  Connection admin(uri);
  absl::StatusOr<std::vector<std::string>> names = admin.Values(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name", {schema});
  std::vector<RawTable> tables;
  if (names.ok()) {
    for (const std::string& name : *names) {
      absl::StatusOr<std::vector<std::string>> values =
          admin.Values(absl::StrCat("SELECT * FROM ", Quoted(schema), ".", Quoted(name)));
      if (!values.ok()) {
        names = values.status();
        break;
      }
      tables.push_back(RawTable{name, *std::move(values)});
    }
  }
  const absl::Status dropped = admin.Values(absl::StrCat("DROP SCHEMA ", Quoted(schema), " CASCADE")).status();
  if (!names.ok()) return names.status();
  HRKIT_RETURN_IF_ERROR(dropped);
  return tables;
}

INSTANTIATE_TEST_SUITE_P(Postgres, RespondentScanTest,
                         testing::Values(ScannedBackend{"postgres", OpenPostgresAt, ScanPostgresSchema}),
                         ScannedBackendName);

}  // namespace
}  // namespace hrkit_test
