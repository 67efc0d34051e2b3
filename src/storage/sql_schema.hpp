// Backend-neutral SQL schema generation from the entities' Describe
// functions, shared by the SQL backends (sqlite, postgres). Internal to hrkit
// (lives in src/): a SQL backend target adds this folder to its private
// include path.
//
// For each entity type E (the registered ones of storage/entity_registry.hpp,
// or a frozen older layout of storage/format*.hpp under an explicit name):
// - the entity table E::kEntityName: id, version, then every scalar field;
// - per History field F: table "<entity>__<F>": entity_id, ord, effective,
//   sequence, recorded, replaced, then the record's scalar fields;
// - per List field F: table "<entity>__<F>": entity_id, ord, then the
//   record's scalar fields, or for a list of scalars one column `value`;
// - per List G inside the records of a History or List F (recursively):
//   table "<entity>__<F>__<G>": entity_id, then one position column per
//   enclosing list or history, named "<F>_ord" (the `ord` of the enclosing
//   row in table "<entity>__<F>"; deeper: "<F>_ord", "<G>_ord", ...), then
//   ord, then the record's scalar fields (or `value`). Example: a leave
//   policy version's tiers are in "leave_policy__versions__tiers" keyed by
//   (entity_id, versions_ord, ord).
// A Money field becomes two columns "<F>_minor" and "<F>_currency". An enum
// is a TEXT column holding its value's name (core/enum_names.hpp), so the
// database reads as "active", "full_time". A std::optional field is a
// NULL-able column of its value type (NULL = no value). Child tables
// reference the entity table (ON DELETE CASCADE); their primary key is
// entity_id, the position columns and ord; `ord` is the row's position in its
// list (for a history: current entries first, then replaced ones).
//
// Thread safety: pure functions; safe to use concurrently.
#ifndef HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_
#define HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
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
  std::int32_t since = 1;  // the storage format the field appeared in
  // For an enum column: every (integer value, name) of the enum, for the
  // upgrade of format-1 columns that held the integer.
  std::vector<std::pair<std::int64_t, std::string_view>> enum_names;
};

enum class TableRole { kEntity, kHistory, kList };

struct Table {
  std::string name;  // "employee", "employee__employment"
  TableRole role = TableRole::kEntity;
  std::vector<Column> columns;  // key columns first, then the fields
  // Number of leading key columns: 2 for an entity (id, version), 6 for a
  // history (entity_id, ord, effective, sequence, recorded, replaced), 1 +
  // depth for a list (entity_id, the position columns, ord).
  std::size_t key_columns = 0;
  // 0 for the entity table, 1 for its History/List tables, 2 for the lists
  // inside their records, ...; the primary key is the first depth + 1
  // columns of a child table.
  std::size_t depth = 0;
  std::int32_t since = 1;  // the storage format the table appeared in
};

// The tables of one entity type: the entity table and its child tables in
// Describe order, each table followed by the tables of the lists inside its
// records (pre-order).
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
inline constexpr Dialect kPostgresDialect{"BIGINT", "DOUBLE PRECISION", "TEXT", "", true};

namespace internal {

// A History or List member of a record, with the tables inside its records.
struct MemberTables {
  std::string field;
  TableRole role = TableRole::kList;
  std::int32_t since = 1;
  std::vector<Column> columns;  // the element's columns
  std::vector<MemberTables> nested;
};

// The columns of a scalar of type U named `name`.
template <class U>
void AppendScalarColumns(std::vector<Column>& columns, std::string_view name, std::int32_t since) {
  if constexpr (OptionalField<U>) {
    AppendScalarColumns<typename U::value_type>(columns, name, since);
  } else if constexpr (std::is_same_v<U, Money>) {
    columns.push_back({std::string(name) + "_minor", ColumnType::kInteger, false, since, {}});
    columns.push_back({std::string(name) + "_currency", ColumnType::kText, false, since, {}});
  } else if constexpr (std::is_same_v<U, double>) {
    columns.push_back({std::string(name), ColumnType::kReal, false, since, {}});
  } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, Date>) {
    columns.push_back({std::string(name), ColumnType::kText, false, since, {}});
  } else if constexpr (std::is_enum_v<U>) {
    Column c{std::string(name), ColumnType::kText, false, since, {}};
    for (const EnumName<U>& entry : EnumNames<U>()) {
      c.enum_names.emplace_back(static_cast<std::int64_t>(entry.value), entry.name);
    }
    columns.push_back(std::move(c));
  } else {
    columns.push_back({std::string(name), ColumnType::kInteger, false, since, {}});
  }
}

// Collects the columns of a record's (or entity's) scalar fields and the
// tables of its History/List fields.
class ColumnCollector {
 public:
  explicit ColumnCollector(bool skip_id) : skip_id_(skip_id) {}

  template <ScalarField T>
  void Field(std::string_view name, const T&, Sensitivity, Since since = {}) {
    if (skip_id_ && first_) {
      first_ = false;
      id_since = since.version;
      return;  // the id: already the key column
    }
    first_ = false;
    AppendScalarColumns<std::remove_const_t<T>>(columns, name, since.version);
  }
  template <class R>
  void History(std::string_view name, const Timeline<R>&, Sensitivity, Since since = {}) {
    first_ = false;
    members.push_back(Member<R>(name, TableRole::kHistory, since.version));
  }
  template <class R>
  void List(std::string_view name, const std::vector<R>&, Sensitivity, Since since = {}) {
    first_ = false;
    members.push_back(Member<R>(name, TableRole::kList, since.version));
  }

  std::vector<Column> columns;
  std::vector<MemberTables> members;
  // The Since of the skipped id: the storage format the entity type
  // appeared in (core/describe.hpp).
  std::int32_t id_since = 1;

 private:
  template <class R>
  static MemberTables Member(std::string_view name, TableRole role, std::int32_t since) {
    MemberTables m;
    m.field = std::string(name);
    m.role = role;
    m.since = since;
    if constexpr (ScalarField<R>) {
      AppendScalarColumns<R>(m.columns, "value", since);
    } else {
      ColumnCollector record(false);
      const R sample{};
      Describe(record, sample);
      m.columns = std::move(record.columns);
      m.nested = std::move(record.members);
    }
    return m;
  }

  bool skip_id_;
  bool first_ = true;
};

// Appends the tables of `member` (named under `parent`) and of the lists
// inside its records to `out`, in pre-order.
void FlattenMember(const MemberTables& member, const std::string& parent, std::vector<Column> positions,
                   std::int32_t since, std::vector<Table>& out);

}  // namespace internal

// The schema of a described entity type E stored in table `table_name`, with
// no entity kind: also for the frozen layouts of storage/format*.hpp.
template <class E>
EntitySchema BuildEntitySchemaNamed(std::string_view table_name) {
  internal::ColumnCollector collector(/*skip_id=*/true);
  const E sample{};
  Describe(collector, sample);
  EntitySchema schema;
  schema.main.name = std::string(table_name);
  schema.main.role = TableRole::kEntity;
  schema.main.columns = {{"id", ColumnType::kInteger, true, 1, {}}, {"version", ColumnType::kInteger, true, 1, {}}};
  schema.main.key_columns = 2;
  schema.main.since = collector.id_since;
  schema.main.columns.insert(schema.main.columns.end(), collector.columns.begin(), collector.columns.end());
  for (const internal::MemberTables& member : collector.members) {
    internal::FlattenMember(member, schema.main.name, {}, schema.main.since, schema.children);
  }
  return schema;
}

// The schema of registered entity type E, from its Describe.
template <StoredEntity E>
EntitySchema BuildEntitySchema() {
  EntitySchema schema = BuildEntitySchemaNamed<E>(E::kEntityName);
  schema.kind = kKindOf<E>;
  return schema;
}

// The schemas of every registered entity type, indexed by kind.
std::vector<EntitySchema> BuildAllSchemas();

// `name` as a quoted SQL identifier: "name", with '"' doubled.
std::string QuoteIdentifier(std::string_view name);

// `text` as a quoted SQL string literal: 'text', with '\'' doubled.
std::string QuoteLiteral(std::string_view text);

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

// The ORDER BY clause of a table's rows: "ORDER BY id" for an entity table,
// "ORDER BY entity_id, <position columns>, ord" for a child table.
std::string OrderBySql(const Table& table);

// "CASE <column> WHEN 0 THEN 'name' ... ELSE <otherwise> END": the names of
// an enum column that holds format-1 integers. REQUIRES: an enum column.
std::string EnumNameCaseSql(const Column& column, std::string_view otherwise);

}  // namespace hrkit::sql

#endif  // HRKIT_SRC_STORAGE_SQL_SCHEMA_HPP_
