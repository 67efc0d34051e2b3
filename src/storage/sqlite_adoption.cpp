// Which SQLite databases hrkit opens (see sqlite_adoption.hpp).
#include "sqlite_adoption.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "format1.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/sqlite_store.hpp"
#include "sql_schema.hpp"
#include "sqlite_statement.hpp"

namespace hrkit::sqlite_internal {
namespace {

namespace format1 = storage_internal::format1;

constexpr char kWhatToDo[] =
    ": hrkit opens only a database it created or an empty one (give the path of a new file, or move this one away); "
    "nothing was changed";

struct ActualColumn {
  std::string name;
  std::string type;  // upper case, as declared
  std::int64_t pk = 0;
};

struct SchemaObject {
  std::string type;  // table, view, index, trigger
  std::string name;
  std::vector<ActualColumn> columns;  // tables only
};

absl::StatusOr<std::int64_t> QueryInt(sqlite3* db, const std::string& sql) {
  HRKIT_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db, sql));
  const int rc = s.Step();
  if (rc != SQLITE_ROW) return SqliteError(db, rc, sql);
  return s.Int(0);
}

absl::Status ReadColumns(sqlite3* db, SchemaObject& table) {
  HRKIT_ASSIGN_OR_RETURN(
      Statement s, Statement::Prepare(db, absl::StrCat("PRAGMA table_info(", sql::QuoteIdentifier(table.name), ")")));
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    ActualColumn c{std::string(s.Text(1)), std::string(s.Text(2)), s.Int(5)};
    std::transform(c.type.begin(), c.type.end(), c.type.begin(), [](unsigned char ch) { return std::toupper(ch); });
    table.columns.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return SqliteError(db, rc, "table_info");
  return absl::OkStatus();
}

// Every schema object but SQLite's own (sqlite_*) and indexes (an index
// changes no row hrkit reads).
absl::StatusOr<std::vector<SchemaObject>> ReadObjects(sqlite3* db) {
  std::vector<SchemaObject> objects;
  {
    HRKIT_ASSIGN_OR_RETURN(Statement s,
                           Statement::Prepare(db,
                                              "SELECT type, name FROM sqlite_master WHERE type <> 'index' "
                                              "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"));
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) objects.push_back({std::string(s.Text(0)), std::string(s.Text(1)), {}});
    if (rc != SQLITE_DONE) return SqliteError(db, rc, "read sqlite_master");
  }
  for (SchemaObject& o : objects) {
    if (o.type == "table") HRKIT_RETURN_IF_ERROR(ReadColumns(db, o));
  }
  return objects;
}

// `table` with only the columns of formats up to `version`.
sql::Table AsOfFormat(const sql::Table& table, std::int64_t version) {
  sql::Table t = table;
  std::erase_if(t.columns, [&](const sql::Column& c) { return c.since > version; });
  return t;
}

// The tables hrkit writes in storage format `version` (1 or the current).
std::vector<sql::Table> TablesOfFormat(std::int64_t version) {
  std::vector<sql::EntitySchema> schemas = sql::BuildAllSchemas();
  if (version == 1) {
    const std::string_view changed[] = {format1::LeavePolicyV1::kEntityName, format1::PolicyEligibilityV1::kEntityName};
    std::erase_if(schemas, [&](const sql::EntitySchema& s) {
      return std::find(std::begin(changed), std::end(changed), s.main.name) != std::end(changed);
    });
    schemas.push_back(sql::BuildEntitySchemaNamed<format1::LeavePolicyV1>(format1::LeavePolicyV1::kEntityName));
    schemas.push_back(
        sql::BuildEntitySchemaNamed<format1::PolicyEligibilityV1>(format1::PolicyEligibilityV1::kEntityName));
  }
  std::vector<sql::Table> tables;
  for (const sql::EntitySchema& s : schemas) {
    if (s.main.since > version) continue;  // an entity type of a later format
    tables.push_back(AsOfFormat(s.main, version));
    for (const sql::Table& child : s.children) {
      if (child.since <= version) tables.push_back(AsOfFormat(child, version));
    }
  }
  return tables;
}

const sql::Table* Find(const std::vector<sql::Table>& tables, std::string_view name) {
  for (const sql::Table& t : tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::int64_t ExpectedPk(const sql::Table& table, std::size_t index) {
  const std::size_t key = table.role == sql::TableRole::kEntity ? 0 : table.depth;
  return index <= key ? static_cast<std::int64_t>(index) + 1 : 0;
}

// What differs between `actual` and hrkit's `expected` table ("" when they
// match). `exact`: every column of `expected` must be there (else only the
// key columns). An enum column may be INTEGER (format 1) or TEXT.
std::string TableMismatch(const SchemaObject& actual, const sql::Table& expected, bool exact) {
  for (const ActualColumn& c : actual.columns) {
    const auto it = std::find_if(expected.columns.begin(), expected.columns.end(),
                                 [&](const sql::Column& e) { return e.name == c.name; });
    if (it == expected.columns.end()) return absl::StrCat("column \"", c.name, "\" is not one of hrkit's");
    const std::string_view want = sql::TypeName(sql::kSqliteDialect, it->type);
    const bool enum_ok = !it->enum_names.empty() && (c.type == "INTEGER" || c.type == "TEXT");
    if (c.type != want && !enum_ok) {
      return absl::StrCat("column \"", c.name, "\" is ", c.type.empty() ? "untyped" : c.type, " where hrkit's is ",
                          ToAbsl(want));
    }
    const std::int64_t pk = ExpectedPk(expected, static_cast<std::size_t>(it - expected.columns.begin()));
    if (c.pk != pk) {
      return absl::StrCat("its primary key differs (column \"", c.name, "\" ", c.pk == 0 ? "is not" : "is",
                          " part of it", pk == 0 ? "" : absl::StrCat(", hrkit's key is ", expected.columns[0].name),
                          ")");
    }
  }
  for (std::size_t i = 0; i < expected.columns.size(); ++i) {
    const sql::Column& e = expected.columns[i];
    if (!exact && !e.not_null) continue;
    const bool present = std::any_of(actual.columns.begin(), actual.columns.end(),
                                     [&](const ActualColumn& c) { return c.name == e.name; });
    if (!present) return absl::StrCat("it lacks column \"", e.name, "\"");
  }
  return "";
}

// `object` described for a message, with how it differs from hrkit's table
// of that name if there is one.
std::string Describe(const SchemaObject& object, const std::vector<sql::Table>& tables) {
  std::string text = absl::StrCat(object.type, " \"", object.name, "\"");
  const sql::Table* own = Find(tables, object.name);
  if (own == nullptr) return text;
  if (object.type != "table") return absl::StrCat(text, " where hrkit keeps a table");
  const std::string mismatch = TableMismatch(object, *own, /*exact=*/false);
  return mismatch.empty() ? text : absl::StrCat(text, " (", mismatch, ")");
}

// "" when every object is a table hrkit writes in one of `formats`, with its
// columns (some may be missing: the upgrade adds them).
std::string MarkedMismatch(const std::vector<SchemaObject>& objects,
                           const std::vector<std::vector<sql::Table>>& formats) {
  for (const SchemaObject& o : objects) {
    bool ok = false;
    std::string first;
    for (const std::vector<sql::Table>& tables : formats) {
      const sql::Table* own = Find(tables, o.name);
      if (own == nullptr || o.type != "table") continue;
      const std::string mismatch = TableMismatch(o, *own, /*exact=*/false);
      ok = ok || mismatch.empty();
      if (first.empty()) first = mismatch;
    }
    if (ok) continue;
    if (!first.empty()) return absl::StrCat("table \"", o.name, "\" (", first, ")");
    return absl::StrCat(Describe(o, formats.front()), ", which hrkit does not create");
  }
  return "";
}

// "" when the objects are exactly the tables of `tables`.
std::string ExactMismatch(const std::vector<SchemaObject>& objects, const std::vector<sql::Table>& tables) {
  for (const SchemaObject& o : objects) {
    const sql::Table* own = Find(tables, o.name);
    if (own == nullptr || o.type != "table") return absl::StrCat(Describe(o, tables), ", which hrkit does not create");
    const std::string mismatch = TableMismatch(o, *own, /*exact=*/true);
    if (!mismatch.empty()) return absl::StrCat("table \"", o.name, "\" (", mismatch, ")");
  }
  for (const sql::Table& t : tables) {
    const bool present =
        std::any_of(objects.begin(), objects.end(), [&](const SchemaObject& o) { return o.name == t.name; });
    if (!present) return absl::StrCat("table \"", t.name, "\" is missing");
  }
  return "";
}

}  // namespace

absl::StatusOr<Adoption> CheckDatabase(sqlite3* db, std::string_view path) {
  HRKIT_ASSIGN_OR_RETURN(const std::int64_t application_id, QueryInt(db, "PRAGMA application_id"));
  HRKIT_ASSIGN_OR_RETURN(const std::int64_t user_version, QueryInt(db, "PRAGMA user_version"));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SchemaObject> objects, ReadObjects(db));
  const std::string where = absl::StrCat("sqlite database ", QuoteUriForMessage(path));
  auto refuse = [](auto&&... parts) { return absl::FailedPreconditionError(absl::StrCat(parts..., kWhatToDo)); };
  if (application_id == kHrkitApplicationId) {
    if (user_version > kSqliteSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrCat(where, " was written by a newer hrkit (storage format ",
                                                        user_version, "; this hrkit reads formats up to ",
                                                        kSqliteSchemaVersion, "): open it with a newer hrkit"));
    }
    if (user_version < 1) return refuse(where, " has hrkit's application_id but no storage format (user_version 0)");
    const std::string mismatch = MarkedMismatch(objects, {TablesOfFormat(kSqliteSchemaVersion), TablesOfFormat(1)});
    if (!mismatch.empty()) return refuse(where, " has hrkit's application_id but holds ", mismatch);
    return Adoption::kMarked;
  }
  if (application_id != 0) {
    return refuse(where, " belongs to another application (application_id ", application_id, "; hrkit's is ",
                  kHrkitApplicationId, ")");
  }
  if (objects.empty()) {
    if (user_version == 0) return Adoption::kEmpty;
    return refuse(where, " has no tables but user_version ", user_version, ", set by another application");
  }
  if (user_version == 0) {
    // Named: the first object with one of hrkit's names, else the first.
    const std::vector<sql::Table> tables = TablesOfFormat(kSqliteSchemaVersion);
    const auto named = std::find_if(objects.begin(), objects.end(),
                                    [&](const SchemaObject& o) { return Find(tables, o.name) != nullptr; });
    return refuse(where, " was not created by hrkit (no application_id, user_version 0) and holds ",
                  Describe(named != objects.end() ? *named : objects.front(), tables),
                  objects.size() > 1 ? absl::StrCat(" and ", objects.size() - 1, " more schema objects") : "");
  }
  if (user_version <= kSqliteSchemaVersion) {
    const std::string mismatch = ExactMismatch(objects, TablesOfFormat(user_version));
    if (mismatch.empty()) return Adoption::kUnmarked;
    return refuse(where, " has user_version ", user_version, " and no application_id but is not an hrkit database of ",
                  "format ", user_version, ": ", mismatch);
  }
  return refuse(where, " has user_version ", user_version,
                " and no hrkit application_id: it belongs to another application");
}

}  // namespace hrkit::sqlite_internal
