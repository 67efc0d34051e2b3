// Backend-neutral SQL schema generation from the entities' Describe
// functions, shared by the SQL backends (sqlite, postgres). Internal to hrkit
// (lives in src/): a SQL backend target adds this folder to its private
// include path.
//
// For each registered entity type E (storage/entity_registry.hpp):
// - the entity table E::kEntityName: id, version, then every scalar field;
// - per History field F: table "<entity>__<F>": entity_id, ord, effective,
//   sequence, recorded, replaced, then the record's scalar fields;
// - per List field F: table "<entity>__<F>": entity_id, ord, then the
//   record's scalar fields.
// A Money field becomes two columns "<F>_minor" and "<F>_currency". Child
// tables reference the entity table (ON DELETE CASCADE); `ord` is the row's
// position (current history entries first, then replaced ones).
//
// Thread safety: pure functions; safe to use concurrently.
#ifndef HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_
#define HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hrkit/core/describe.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/storage/entity_registry.hpp"

namespace hrkit::sql {

// The portable column types; a dialect names them.
enum class ColumnType { kInteger, kReal, kText };

struct Column {
  std::string name;
  ColumnType type;
  bool not_null = false;
};

enum class TableRole { kEntity, kHistory, kList };

struct Table {
  std::string name;             // "employee", "employee__employment"
  TableRole role = TableRole::kEntity;
  std::vector<Column> columns;  // key columns first, then the fields
  // Number of leading key columns: 2 for an entity (id, version), 6 for a
  // history (entity_id, ord, effective, sequence, recorded, replaced), 2 for a
  // list (entity_id, ord).
  std::size_t key_columns = 0;
};

// The tables of one entity type: the entity table and its child tables in
// Describe order.
struct EntitySchema {
  EntityKind kind = 0;
  Table main;
  std::vector<Table> children;
};

// How a SQL dialect spells types, placeholders and table options.
struct Dialect {
  std::string_view integer_type;         // "INTEGER" (SQLite), "BIGINT" (PostgreSQL)
  std::string_view real_type;            // "REAL", "DOUBLE PRECISION"
  std::string_view text_type;            // "TEXT" (PostgreSQL: BYTEA if NUL bytes must survive)
  std::string_view child_table_options;  // appended to child tables: " WITHOUT ROWID" in SQLite
  bool numbered_placeholders_dollar;     // true: $1, $2 (PostgreSQL); false: ?1, ?2 (SQLite)
};

inline constexpr Dialect kSqliteDialect{"INTEGER", "REAL", "TEXT", " WITHOUT ROWID", false};

namespace internal {

// Collects the columns of a record's (or entity's) scalar fields and the
// names of its History/List fields.
class ColumnCollector {
 public:
  explicit ColumnCollector(bool skip_id) : skip_id_(skip_id) {}

  template <ScalarField T>
  void Field(std::string_view name, const T&, Sensitivity) {
    using U = std::remove_const_t<T>;
    if (skip_id_ && first_) {
      first_ = false;
      return;  // the id: already the key column
    }
    first_ = false;
    if constexpr (std::is_same_v<U, Money>) {
      columns.push_back({std::string(name) + "_minor", ColumnType::kInteger});
      columns.push_back({std::string(name) + "_currency", ColumnType::kText});
    } else if constexpr (std::is_same_v<U, double>) {
      columns.push_back({std::string(name), ColumnType::kReal});
    } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, Date>) {
      columns.push_back({std::string(name), ColumnType::kText});
    } else {
      columns.push_back({std::string(name), ColumnType::kInteger});
    }
  }
  template <class R>
  void History(std::string_view name, const Timeline<R>&, Sensitivity) {
    first_ = false;
    Table t;
    t.role = TableRole::kHistory;
    t.name = std::string(name);
    t.columns = {{"entity_id", ColumnType::kInteger, true}, {"ord", ColumnType::kInteger, true},
                 {"effective", ColumnType::kText, true},    {"sequence", ColumnType::kInteger, true},
                 {"recorded", ColumnType::kText, true},     {"replaced", ColumnType::kText, true}};
    t.key_columns = t.columns.size();
    ColumnCollector record(false);
    const R sample{};
    Describe(record, sample);
    t.columns.insert(t.columns.end(), record.columns.begin(), record.columns.end());
    children.push_back(std::move(t));
  }
  template <class R>
  void List(std::string_view name, const std::vector<R>&, Sensitivity) {
    first_ = false;
    Table t;
    t.role = TableRole::kList;
    t.name = std::string(name);
    t.columns = {{"entity_id", ColumnType::kInteger, true}, {"ord", ColumnType::kInteger, true}};
    t.key_columns = t.columns.size();
    ColumnCollector record(false);
    const R sample{};
    Describe(record, sample);
    t.columns.insert(t.columns.end(), record.columns.begin(), record.columns.end());
    children.push_back(std::move(t));
  }

  std::vector<Column> columns;
  std::vector<Table> children;  // names hold the field name only

 private:
  bool skip_id_;
  bool first_ = true;
};

}  // namespace internal

// The schema of entity type E, from its Describe.
template <StoredEntity E>
EntitySchema BuildEntitySchema() {
  internal::ColumnCollector collector(/*skip_id=*/true);
  const E sample{};
  Describe(collector, sample);
  EntitySchema schema;
  schema.kind = kKindOf<E>;
  schema.main.name = std::string(E::kEntityName);
  schema.main.role = TableRole::kEntity;
  schema.main.columns = {{"id", ColumnType::kInteger, true}, {"version", ColumnType::kInteger, true}};
  schema.main.key_columns = 2;
  schema.main.columns.insert(schema.main.columns.end(), collector.columns.begin(), collector.columns.end());
  for (Table& child : collector.children) {
    child.name = schema.main.name + "__" + child.name;
    schema.children.push_back(std::move(child));
  }
  return schema;
}

// The schemas of every registered entity type, indexed by kind.
std::vector<EntitySchema> BuildAllSchemas();

// `name` as a quoted SQL identifier: "name", with '"' doubled.
std::string QuoteIdentifier(std::string_view name);

// The placeholder for 1-based parameter `index`: "?3" or "$3".
std::string Placeholder(const Dialect& dialect, int index);

// CREATE TABLE IF NOT EXISTS for `table`; `parent` is the entity table a child
// table references (ignored for an entity table).
std::string CreateTableSql(const Dialect& dialect, const Table& table, std::string_view parent);

// The dialect's type name for a column.
std::string_view TypeName(const Dialect& dialect, ColumnType type);

// "ALTER TABLE t ADD COLUMN c TYPE": the forward migration for a field added
// after the table was created.
std::string AddColumnSql(const Dialect& dialect, const Table& table, const Column& column);

// INSERT of every column, parameters 1..n in column order.
std::string InsertSql(const Dialect& dialect, const Table& table);

// UPDATE of an entity row: SET version and fields WHERE id; parameters in
// the same order as InsertSql (1 = id, 2 = version, 3.. = fields).
std::string UpdateEntitySql(const Dialect& dialect, const Table& table);

// "SELECT <every column> FROM t" followed by `rest` (a WHERE/ORDER BY clause).
std::string SelectSql(const Table& table, std::string_view rest);

}  // namespace hrkit::sql

#endif  // HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_
