// The PostgreSQL backend: tables, prepared statements and the upgrade of
// older storage formats (see postgres_store_impl.hpp).
#include <libpq-fe.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "format1.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "postgres_store_impl.hpp"
#include "sql_children.hpp"
#include "sql_kind_reads.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::postgres_internal {

absl::Status PostgresStore::Init() {
  PQsetNoticeReceiver(conn_, &PostgresStore::OnNotice, this);
  HRKIT_RETURN_IF_ERROR(Migrate());
  if (kinds_.empty()) BuildStatements();
  return EnsureReady();
}

std::string PostgresStore::Statement(std::string sql, std::vector<Oid> types) {
  std::string name = absl::StrCat("hrkit_", prepared_sql_.size());
  prepared_sql_.push_back(PreparedSql{name, std::move(sql), std::move(types)});
  return name;
}

std::vector<Oid> PostgresStore::TypesOf(const sql::Table& table) {
  std::vector<Oid> types;
  for (const sql::Column& c : table.columns) types.push_back(OidOf(c.type));
  return types;
}

void PostgresStore::BuildStatements() {
  const sql::Dialect& d = Dialect();
  for (sql::EntitySchema& schema : sql::BuildAllSchemas()) {
    KindStatements k;
    const sql::Table& t = schema.main;
    const std::string name = sql::QuoteIdentifier(t.name);
    k.insert = Statement(sql::InsertSql(d, t), TypesOf(t));
    k.update = Statement(sql::UpdateEntitySql(d, t), TypesOf(t));
    k.remove = Statement(absl::StrCat("DELETE FROM ", name, " WHERE \"id\" = $1"), {kInt8Oid});
    k.version = Statement(absl::StrCat("SELECT \"version\" FROM ", name, " WHERE \"id\" = $1"), {kInt8Oid});
    k.range = Statement(sql::SelectSql(t, "WHERE \"id\" > $1 AND \"id\" <= $2 ORDER BY \"id\" LIMIT $3"),
                        {kInt8Oid, kInt8Oid, kInt8Oid});
    k.clear = Statement(absl::StrCat("DELETE FROM ", name), {});
    k.copy = CopySql(t);
    for (const sql::Table& child : schema.children) {
      ChildStatements c;
      const std::string child_name = sql::QuoteIdentifier(child.name);
      c.insert = Statement(sql::InsertSql(d, child), TypesOf(child));
      c.remove = Statement(absl::StrCat("DELETE FROM ", child_name, " WHERE \"entity_id\" = $1"), {kInt8Oid});
      c.range = Statement(sql::SelectSql(child, absl::StrCat("WHERE \"entity_id\" > $1 AND \"entity_id\" <= $2 ",
                                                             sql::OrderBySql(child))),
                          {kInt8Oid, kInt8Oid});
      c.clear = Statement(absl::StrCat("DELETE FROM ", child_name), {});
      c.copy = CopySql(child);
      k.children.push_back(std::move(c));
    }
    k.schema = std::move(schema);
    kinds_.push_back(std::move(k));
  }
}

absl::StatusOr<ResultPtr> PostgresStore::Query(const std::string& sql, std::vector<std::string> args,
                                               std::string_view context) {
  std::vector<const char*> values;
  for (const std::string& a : args) values.push_back(a.c_str());
  return Check(Wrap(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                 nullptr, 0)),
               context);
}

absl::Status PostgresStore::Migrate() {
  HRKIT_RETURN_IF_ERROR(Command("BEGIN", "migrate"));
  absl::Status status = MigrateInTransaction();
  if (!status.ok()) {
    Rollback();
    return status;
  }
  return Command("COMMIT", "migrate commit");
}

absl::Status PostgresStore::MigrateInTransaction() {
  HRKIT_ASSIGN_OR_RETURN(ResultPtr schema, Exec("SELECT current_schema()", "migrate"));
  if (PQgetisnull(schema.get(), 0, 0)) {
    return absl::FailedPreconditionError(
        "postgres store: no schema to create tables in (the search_path names no existing schema)");
  }
  schema_ = PQgetvalue(schema.get(), 0, 0);
  HRKIT_RETURN_IF_ERROR(
      Query("SELECT pg_advisory_xact_lock(hashtext($1))", {absl::StrCat("hrkit schema ", schema_)}, "migrate lock")
          .status());
  HRKIT_RETURN_IF_ERROR(CheckSchemaIsHrkits());
  HRKIT_RETURN_IF_ERROR(
      Command("CREATE TABLE IF NOT EXISTS \"hrkit_schema_version\" (\"version\" BIGINT NOT NULL)", "migrate"));
  HRKIT_ASSIGN_OR_RETURN(ResultPtr stored, Exec("SELECT max(\"version\") FROM \"hrkit_schema_version\"", "migrate"));
  const std::int64_t version =
      PQgetisnull(stored.get(), 0, 0) ? 0 : std::strtoll(PQgetvalue(stored.get(), 0, 0), nullptr, 10);
  if (version > kPostgresSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat("postgres schema ", schema_, " has schema version ", version,
                                                      ", newer than this hrkit (", kPostgresSchemaVersion,
                                                      "): open it with a newer hrkit"));
  }
  Format1Policies old;
  if (version < 2) HRKIT_RETURN_IF_ERROR(ReadFormat1Policies(old));
  for (const sql::EntitySchema& entity : sql::BuildAllSchemas()) {
    HRKIT_RETURN_IF_ERROR(EnsureTable(entity.main, ""));
    for (const sql::Table& child : entity.children) HRKIT_RETURN_IF_ERROR(EnsureTable(child, entity.main.name));
  }
  if (old.present) {
    BuildStatements();
    HRKIT_RETURN_IF_ERROR(PrepareAll());
    HRKIT_RETURN_IF_ERROR(WriteUpgradedPolicies(std::move(old)));
  }
  if (version != kPostgresSchemaVersion) {
    HRKIT_RETURN_IF_ERROR(Command("DELETE FROM \"hrkit_schema_version\"", "migrate"));
    HRKIT_RETURN_IF_ERROR(Query("INSERT INTO \"hrkit_schema_version\" (\"version\") VALUES ($1)",
                                {absl::StrCat(kPostgresSchemaVersion)}, "migrate")
                              .status());
  }
  return absl::OkStatus();
}

absl::Status PostgresStore::CheckSchemaIsHrkits() {
  HRKIT_ASSIGN_OR_RETURN(ResultPtr relations,
                         Exec("SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = "
                              "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                              "('r', 'p', 'v', 'm', 'f') ORDER BY c.relname",
                              "inspect schema"));
  const int rows = PQntuples(relations.get());
  absl::flat_hash_set<std::string> own = {"hrkit_schema_version"};
  auto add = [&](const sql::EntitySchema& schema) {
    own.insert(schema.main.name);
    for (const sql::Table& child : schema.children) own.insert(child.name);
  };
  for (const sql::EntitySchema& schema : sql::BuildAllSchemas()) add(schema);
  add(sql::BuildEntitySchemaNamed<format1::LeavePolicyV1>(format1::LeavePolicyV1::kEntityName));
  add(sql::BuildEntitySchemaNamed<format1::PolicyEligibilityV1>(format1::PolicyEligibilityV1::kEntityName));
  bool marked = false;
  for (int r = 0; r < rows; ++r)
    marked = marked || std::string_view(PQgetvalue(relations.get(), r, 0)) == "hrkit_schema_version";
  for (int r = 0; r < rows; ++r) {
    const std::string name = PQgetvalue(relations.get(), r, 0);
    const std::string_view kind = PQgetvalue(relations.get(), r, 1);
    const bool table = kind == "r" || kind == "p";
    if (marked && table && own.contains(name)) continue;
    const std::string what = absl::StrCat(table ? "table" : kind == "v" ? "view" : "relation", " \"", name, "\"");
    return absl::FailedPreconditionError(absl::StrCat(
        "postgres schema ", QuoteUriForMessage(schema_), " holds ", what,
        marked ? ", which hrkit does not create" : " and no hrkit_schema_version (it was not created by hrkit)",
        ": hrkit keeps its tables only in an empty schema or one it created (name another schema first in the "
        "URI's search_path option); nothing was changed"));
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> PostgresStore::ColumnTypes(const std::string& table) {
  HRKIT_ASSIGN_OR_RETURN(ResultPtr info, Query("SELECT column_name, data_type FROM information_schema.columns "
                                               "WHERE table_schema = current_schema() AND table_name = $1",
                                               {table}, "table columns"));
  absl::flat_hash_map<std::string, std::string> types;
  for (int r = 0; r < PQntuples(info.get()); ++r) types[PQgetvalue(info.get(), r, 0)] = PQgetvalue(info.get(), r, 1);
  return types;
}

absl::Status PostgresStore::NameEnumColumns(const sql::Table& table,
                                            const absl::flat_hash_map<std::string, std::string>& types) {
  for (const sql::Column& column : table.columns) {
    const auto type = types.find(column.name);
    if (column.enum_names.empty() || type == types.end() || type->second != "bigint") continue;
    const std::string name = sql::QuoteIdentifier(column.name);
    HRKIT_RETURN_IF_ERROR(
        Command(absl::StrCat("ALTER TABLE ", sql::QuoteIdentifier(table.name), " ALTER COLUMN ", name,
                             " TYPE TEXT USING ", sql::EnumNameCaseSql(column, absl::StrCat(name, "::text"))),
                "name enum column"));
  }
  return absl::OkStatus();
}

absl::Status PostgresStore::ReadFormat1Policies(Format1Policies& old) {
  HRKIT_ASSIGN_OR_RETURN(auto tiers, ColumnTypes("leave_policy__tiers"));
  HRKIT_ASSIGN_OR_RETURN(auto eligibility, ColumnTypes("policy_eligibility"));
  if (tiers.empty() && eligibility.empty()) return absl::OkStatus();
  old.present = true;
  std::vector<std::int64_t> unused;
  HRKIT_RETURN_IF_ERROR(ReadAndDropFormat1(format1::PolicyEligibilityV1::kEntityName, old.eligibility, unused));
  return ReadAndDropFormat1(format1::LeavePolicyV1::kEntityName, old.policies, old.versions);
}

absl::Status PostgresStore::WriteUpgradedPolicies(Format1Policies old) {
  std::vector<std::int64_t> versions = std::move(old.versions);
  HRKIT_ASSIGN_OR_RETURN(std::vector<LeavePolicy> policies,
                         format1::UpgradeLeavePolicies(std::move(old.policies), std::move(old.eligibility)));
  KindStatements& k = kinds_[kKindOf<LeavePolicy>];
  for (std::size_t i = 0; i < policies.size(); ++i) {
    HRKIT_RETURN_IF_ERROR(WriteRow(k, policies[i], versions[i], /*update=*/false));
  }
  return absl::OkStatus();
}

absl::Status PostgresStore::EnsureTable(const sql::Table& table, std::string_view parent) {
  HRKIT_RETURN_IF_ERROR(Command(sql::CreateTableSql(Dialect(), table, parent), "create table"));
  HRKIT_ASSIGN_OR_RETURN(auto present, ColumnTypes(table.name));
  HRKIT_RETURN_IF_ERROR(NameEnumColumns(table, present));
  for (const sql::Column& column : table.columns) {
    if (present.contains(column.name)) continue;
    if (column.not_null) {
      return absl::FailedPreconditionError(absl::StrCat("postgres table ", schema_, ".", table.name,
                                                        " lacks key column ", column.name, ": not an hrkit table"));
    }
    HRKIT_RETURN_IF_ERROR(Command(sql::AddColumnSql(Dialect(), table, column), "add column"));
  }
  return absl::OkStatus();
}

}  // namespace hrkit::postgres_internal
