// Text building blocks of the JSON and CSV exports (core/json_export.hpp,
// core/csv_export.hpp): how each scalar field type is written. The exports call
// these; they are public so that an application writing its own format from
// the field descriptions writes values the same way.
//
// Values:
// - an enum is written by its name from its name table (enum_names.hpp:
//   "active", "permanent", "hire"); a value outside the table (an integer
//   cast to the enum that names nothing) is written as its integer, so a
//   damaged value still exports and is seen for what it is;
// - a double is written in the shortest form that reads back to the same
//   double ("0.1", "1e-07", "62000"); it must be finite;
// - a Date is "YYYY-MM-DD", an open end "open" (FormatIsoDate);
// - text is assumed UTF-8; a byte sequence that is not valid UTF-8 is written
//   as U+FFFD (the replacement character) instead of passing through, so the
//   output is always valid UTF-8.
//
// Thread safety: pure functions.
#ifndef HRKIT_CORE_EXPORT_TEXT_HPP_
#define HRKIT_CORE_EXPORT_TEXT_HPP_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

// The classes of a staff directory export: directory-class fields only (name,
// position, unit, work contact), what anyone in the organization may see.
// Every export names the classes it writes; this is the everyday choice.
//
// Example:
//   std::string csv = ToCsv<Employee>(employees, kDirectoryFields);
inline constexpr SensitivitySet kDirectoryFields{Sensitivity::kDirectory};

// Appends `value` in its shortest round-trip decimal form.
// REQUIRES: std::isfinite(value).
void AppendShortestDouble(std::string& out, double value);

// Appends `text` as a JSON string: quoted, with `"`, `\` and control
// characters escaped (\n, \t, ..., others as \u00XX) and invalid UTF-8
// replaced by U+FFFD.
//
// Example: a"b<newline>c  ->  "a\"b\nc"
void AppendJsonString(std::string& out, std::string_view text);

// Appends `text` with invalid UTF-8 replaced by U+FFFD, otherwise unchanged.
void AppendValidUtf8(std::string& out, std::string_view text);

// Appends `text` as one CSV cell (RFC 4180): quoted, with quotes doubled,
// when it holds a comma, a quote, CR or LF; as it is otherwise. Invalid
// UTF-8 is replaced by U+FFFD. With `neutralize_formula`, text a spreadsheet
// would run as a formula (starting with =, +, -, @, tab or CR) gets a
// leading apostrophe, so an exported name like =HYPERLINK(...) stays text.
void AppendCsvCell(std::string& out, std::string_view text, bool neutralize_formula);

// A scalar field written the same way by every text format: all but text,
// Money and optionals, which each format writes its own way.
template <class T>
concept PlainScalarField =
    ScalarField<T> && !OptionalField<T> && !std::is_same_v<std::remove_const_t<T>, std::string> &&
    !std::is_same_v<std::remove_const_t<T>, Money>;

// Appends `value` as plain text: "true"/"false", an integer, a double
// (AppendShortestDouble), "YYYY-MM-DD" ("open" for an open end), an id's
// number, an enum's name (its integer when it has no name). Returns false,
// appending nothing, for a value that has none: a double that is not finite,
// an invalid id, not-a-date (each format writes its own "no value": null, an
// empty cell).
template <PlainScalarField T>
bool AppendPlainScalar(std::string& out, const T& value) {
  using V = std::remove_const_t<T>;
  if constexpr (std::is_same_v<V, bool>) {
    out += value ? "true" : "false";
  } else if constexpr (std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t>) {
    absl::StrAppend(&out, value);
  } else if constexpr (std::is_same_v<V, double>) {
    if (!std::isfinite(value)) return false;
    AppendShortestDouble(out, value);
  } else if constexpr (std::is_same_v<V, Date>) {
    if (value.is_not_a_date()) return false;
    out += FormatIsoDate(value);
  } else if constexpr (IdField<V>) {
    if (!value.valid()) return false;
    absl::StrAppend(&out, value.value());
  } else {
    static_assert(NamedEnum<V>);
    const std::string_view name = EnumToName(value);
    if (name.empty()) {
      absl::StrAppend(&out, static_cast<std::int64_t>(value));
    } else {
      out.append(name);
    }
  }
  return true;
}

}  // namespace hrkit

#endif  // HRKIT_CORE_EXPORT_TEXT_HPP_
