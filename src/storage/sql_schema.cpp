// Backend-neutral SQL text generation (see sql_schema.hpp).
#include "sql_schema.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit::sql {

std::vector<EntitySchema> BuildAllSchemas() {
  std::vector<EntitySchema> schemas;
  ForEachEntityType([&]<class E>(std::type_identity<E>) { schemas.push_back(BuildEntitySchema<E>()); });
  return schemas;
}

namespace internal {

void FlattenMember(const MemberTables& member, const std::string& parent, std::vector<Column> positions,
                   std::int32_t since, std::vector<Table>& out) {
  Table t;
  t.name = absl::StrCat(parent, "__", member.field);
  t.role = member.role;
  t.depth = positions.size() + 1;
  t.since = std::max(since, member.since);
  t.columns.push_back({"entity_id", ColumnType::kInteger, true, 1, {}});
  t.columns.insert(t.columns.end(), positions.begin(), positions.end());
  t.columns.push_back({"ord", ColumnType::kInteger, true, 1, {}});
  if (member.role == TableRole::kHistory) {
    t.columns.push_back({"effective", ColumnType::kText, true, 1, {}});
    t.columns.push_back({"sequence", ColumnType::kInteger, true, 1, {}});
    t.columns.push_back({"recorded", ColumnType::kText, true, 1, {}});
    t.columns.push_back({"replaced", ColumnType::kText, true, 1, {}});
  }
  t.key_columns = t.columns.size();
  t.columns.insert(t.columns.end(), member.columns.begin(), member.columns.end());
  const std::string name = t.name;
  const std::int32_t table_since = t.since;
  out.push_back(std::move(t));
  positions.push_back({absl::StrCat(member.field, "_ord"), ColumnType::kInteger, true, 1, {}});
  for (const MemberTables& nested : member.nested) FlattenMember(nested, name, positions, table_since, out);
}

}  // namespace internal

std::string QuoteLiteral(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string OrderBySql(const Table& table) {
  if (table.role == TableRole::kEntity) return "ORDER BY \"id\"";
  std::string sql = "ORDER BY ";
  for (std::size_t i = 0; i <= table.depth; ++i) {
    absl::StrAppend(&sql, i == 0 ? "" : ", ", QuoteIdentifier(table.columns[i].name));
  }
  return sql;
}

std::string EnumNameCaseSql(const Column& column, std::string_view otherwise) {
  std::string sql = absl::StrCat("CASE ", QuoteIdentifier(column.name));
  for (const auto& [value, name] : column.enum_names) {
    absl::StrAppend(&sql, " WHEN ", value, " THEN ", QuoteLiteral(name));
  }
  absl::StrAppend(&sql, " ELSE ", ToAbsl(otherwise), " END");
  return sql;
}

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Placeholder(const Dialect& dialect, int index) {
  return absl::StrCat(dialect.numbered_placeholders_dollar ? "$" : "?", index);
}

std::string_view TypeName(const Dialect& dialect, ColumnType type) {
  switch (type) {
    case ColumnType::kInteger:
      return dialect.integer_type;
    case ColumnType::kReal:
      return dialect.real_type;
    case ColumnType::kText:
      return dialect.text_type;
  }
  return dialect.text_type;
}

std::string CreateTableSql(const Dialect& dialect, const Table& table, std::string_view parent) {
  std::string sql = absl::StrCat("CREATE TABLE IF NOT EXISTS ", QuoteIdentifier(table.name), " (");
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    absl::StrAppend(&sql, i == 0 ? "" : ", ", QuoteIdentifier(c.name), " ", ToAbsl(TypeName(dialect, c.type)),
                    c.not_null ? " NOT NULL" : "");
  }
  if (table.role == TableRole::kEntity) {
    absl::StrAppend(&sql, ", PRIMARY KEY (\"id\"))");
    return sql;
  }
  absl::StrAppend(&sql, ", PRIMARY KEY (");
  for (std::size_t i = 0; i <= table.depth; ++i) {
    absl::StrAppend(&sql, i == 0 ? "" : ", ", QuoteIdentifier(table.columns[i].name));
  }
  absl::StrAppend(&sql, "), FOREIGN KEY (\"entity_id\") REFERENCES ", QuoteIdentifier(parent),
                  " (\"id\") ON DELETE CASCADE)", ToAbsl(dialect.child_table_options));
  return sql;
}

std::string AddColumnSql(const Dialect& dialect, const Table& table, const Column& column) {
  return absl::StrCat("ALTER TABLE ", QuoteIdentifier(table.name), " ADD COLUMN ", QuoteIdentifier(column.name), " ",
                      ToAbsl(TypeName(dialect, column.type)));
}

std::string InsertSql(const Dialect& dialect, const Table& table) {
  std::string names;
  std::string values;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    absl::StrAppend(&names, i == 0 ? "" : ", ", QuoteIdentifier(table.columns[i].name));
    absl::StrAppend(&values, i == 0 ? "" : ", ", Placeholder(dialect, static_cast<int>(i) + 1));
  }
  return absl::StrCat("INSERT INTO ", QuoteIdentifier(table.name), " (", names, ") VALUES (", values, ")");
}

std::string UpdateEntitySql(const Dialect& dialect, const Table& table) {
  std::string sql = absl::StrCat("UPDATE ", QuoteIdentifier(table.name), " SET ");
  for (std::size_t i = 1; i < table.columns.size(); ++i) {
    absl::StrAppend(&sql, i == 1 ? "" : ", ", QuoteIdentifier(table.columns[i].name), " = ",
                    Placeholder(dialect, static_cast<int>(i) + 1));
  }
  absl::StrAppend(&sql, " WHERE \"id\" = ", Placeholder(dialect, 1));
  return sql;
}

std::string SelectSql(const Table& table, std::string_view rest) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    absl::StrAppend(&sql, i == 0 ? "" : ", ", QuoteIdentifier(table.columns[i].name));
  }
  absl::StrAppend(&sql, " FROM ", QuoteIdentifier(table.name), " ", ToAbsl(rest));
  return sql;
}

}  // namespace hrkit::sql
