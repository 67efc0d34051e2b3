// Text building blocks of the JSON and CSV exports (json_export.hpp,
// csv_export.hpp): how each scalar field type is written. The exports call
// these; they are public so that an application writing its own format from
// the field descriptions writes values the same way.
//
// Values:
// - a double is written in the shortest form that reads back to the same
//   double ("0.1", "1e-07", "62000"); it must be finite;
// - a Date is "YYYY-MM-DD", an open end "open" (FormatIsoDate);
// - text is assumed UTF-8; a byte sequence that is not valid UTF-8 is written
//   as U+FFFD (the replacement character) instead of passing through, so the
//   output is always valid UTF-8.
//
// Thread safety: pure functions.
#ifndef HRKIT_STORAGE_EXPORT_TEXT_HPP_
#define HRKIT_STORAGE_EXPORT_TEXT_HPP_

#include <string>
#include <string_view>

namespace hrkit {

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

}  // namespace hrkit

#endif  // HRKIT_STORAGE_EXPORT_TEXT_HPP_
