// CSV export of entities (RFC 4180), written from their field descriptions
// (describe.hpp): one header row, then one row per entity, lines ending in
// CRLF. The columns depend only on the entity type, the sensitivity classes
// and the options, never on the data, so every row has as many cells as the
// header. Data leaving the library goes through an explicit choice of
// sensitivity classes: ToCsv takes the SensitivitySet to write, with no
// "everything" default (kDirectoryFields, export_text.hpp, for a staff
// directory).
//
// Columns, in description order:
// - one per scalar field, named as the field; Money takes two,
//   "<field>.minor_units" and "<field>.currency";
// - with CsvOptions::as_of set, a History contributes the fields of the
//   record in force on that date, named "<history>.<field>" (empty cells
//   where no record is in force: before the first entry);
// - one per List, holding the JSON text of the list as the JSON export
//   writes it (json_export.hpp): a list of scalars as a JSON array of values
//   (["de","fr"], [3,5], ["permanent","fixed_term"]), a list of records as a
//   JSON array of objects with their included fields, nested lists inside.
//   An empty list is "[]"; the cell is empty only where there is no record
//   at all (a History with no record in force).
// Fields whose sensitivity class is not included have no column. The
// storage format a member appeared in (Since) does not show.
//
// Cells: numbers, "true"/"false", enums by name ("active", "permanent"; a
// value outside the enum's name table as its integer), dates "YYYY-MM-DD"
// (open end "open"), ids as their number; empty for an invalid id,
// not-a-date and a double that is not finite. A std::optional is its value
// when it has one and an empty cell when it is empty (both cells of an
// optional Money). CSV has no null: an empty optional and an optional (or
// plain) text holding "" both give an empty cell; a reader that must tell
// them apart uses the JSON export (null versus ""). Text is quoted when it
// must be (export_text.hpp) and, with neutralize_formulas (the default),
// protected from being run as a spreadsheet formula: text starting with
// = + - @ tab or CR gets a leading apostrophe. That includes a phone number
// "+49 30 ..." (written '+49 30 ...); a file read by programs rather than
// opened in a spreadsheet should set neutralize_formulas = false. A list
// cell starts with '[' and is never prefixed. Every cell is valid UTF-8.
//
// Example:
//   std::string csv = ToCsv<Employee>(employees, kDirectoryFields, {.as_of = Date(2025, 1, 1)});
//   // id,employee_number,preferred_name,work_email
//
// Thread safety: pure functions.
#ifndef HRKIT_CORE_CSV_EXPORT_HPP_
#define HRKIT_CORE_CSV_EXPORT_HPP_

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/export_text.hpp"
#include "hrkit/core/json_export.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {

// How a CSV export writes its rows (which fields: the SensitivitySet that
// ToCsv takes).
struct CsvOptions {
  Date as_of{};                     // histories as of this date; not-a-date: no history columns
  bool neutralize_formulas = true;  // prefix text starting with = + - @ tab CR with '
};

// The visitor that writes the cells of one row (or the header row) without
// its line end. Used by ToCsv; usable for records described the same way.
class CsvCellsWriter {
 public:
  // What the cells hold.
  enum class Mode {
    kHeader,  // the column names
    kValues,  // the visited values
    kBlank,   // empty cells, as many as the values would take
  };

  // Writes into `out` the columns of fields whose class is in `include`;
  // `first` is true until the row's first cell is written (shared with the
  // writers of nested records). Column names get `prefix`.
  CsvCellsWriter(std::string& out, SensitivitySet include, const CsvOptions& options, Mode mode, std::string prefix,
                 bool& first)
      : out_(out), include_(include), options_(options), mode_(mode), prefix_(std::move(prefix)), first_(first) {}

  // The cells of a scalar field: one, two for Money; empty for an empty optional.
  template <ScalarField T>
  void Field(std::string_view name, const T& value, Sensitivity s, Since = {}) {
    if (!include_.Contains(s)) return;
    if constexpr (OptionalField<T>) {
      ScalarCells(name, value.has_value() ? &*value : nullptr);
    } else {
      ScalarCells(name, &value);
    }
  }

  // The cells of the record in force on options.as_of (none without as_of).
  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity s, Since = {}) {
    if (!include_.Contains(s) || !IsRealDate(options_.as_of)) return;
    using Record = std::remove_cvref_t<decltype(*timeline.At(options_.as_of))>;
    const Record* record = mode_ == Mode::kValues ? timeline.At(options_.as_of) : nullptr;
    const Mode nested_mode = mode_ == Mode::kHeader ? Mode::kHeader : record != nullptr ? Mode::kValues : Mode::kBlank;
    CsvCellsWriter nested(out_, include_, options_, nested_mode, absl::StrCat(prefix_, ToAbsl(name), "."), first_);
    if (record != nullptr) {
      Describe(nested, *record);
    } else {
      const Record blank{};
      Describe(nested, blank);
    }
  }

  // One cell: the list's JSON text (see the header comment).
  template <class Element>
  void List(std::string_view name, const std::vector<Element>& items, Sensitivity s, Since = {}) {
    if (!include_.Contains(s)) return;
    Cell(absl::StrCat(prefix_, ToAbsl(name)), [&] {
      std::string json;
      AppendJsonArray(json, items, include_);
      AppendCsvCell(out_, json, false);  // starts with '[': never a formula
    });
  }

 private:
  // The cells of a scalar of type V (not optional); `value` is null for an
  // empty optional.
  template <class V>
  void ScalarCells(std::string_view name, const V* value) {
    if constexpr (std::is_same_v<std::remove_const_t<V>, Money>) {
      Cell(absl::StrCat(prefix_, ToAbsl(name), ".minor_units"), [&] {
        if (value != nullptr) absl::StrAppend(&out_, value->minor_units());
      });
      Cell(absl::StrCat(prefix_, ToAbsl(name), ".currency"), [&] {
        if (value != nullptr) AppendText(value->currency().code());
      });
    } else {
      Cell(absl::StrCat(prefix_, ToAbsl(name)), [&] {
        if (value != nullptr) AppendValue(*value);
      });
    }
  }

  // Starts a cell, then writes the column name or calls `write_value`.
  template <class WriteValue>
  void Cell(std::string_view column, WriteValue write_value) {
    if (!first_) out_ += ',';
    first_ = false;
    if (mode_ == Mode::kHeader) {
      AppendCsvCell(out_, column, false);
    } else if (mode_ == Mode::kValues) {
      write_value();
    }
  }

  void AppendText(std::string_view text) { AppendCsvCell(out_, text, options_.neutralize_formulas); }

  // Text goes through AppendText; everything else is plain, empty for no value.
  template <class V>
  void AppendValue(const V& value) {
    if constexpr (std::is_same_v<std::remove_const_t<V>, std::string>) {
      AppendText(value);
    } else {
      AppendPlainScalar(out_, value);
    }
  }

  std::string& out_;
  SensitivitySet include_;
  const CsvOptions& options_;
  Mode mode_;
  std::string prefix_;
  bool& first_;
};

// The header row and one row per entity of `entities`, with the columns of
// the fields whose class is in `include` (see the header comment). An empty
// span gives the header row alone; an empty `include` gives rows without
// cells (each an empty line).
//
// Example:
//   ToCsv<Location>(locations, kDirectoryFields);
//   // id,name,country,holiday_calendar,default_schedule\r\n1,Berlin,DE,10,\r\n
template <class E>
std::string ToCsv(std::span<const E> entities, SensitivitySet include, const CsvOptions& options = {}) {
  std::string out;
  bool first = true;
  const E blank{};
  CsvCellsWriter header(out, include, options, CsvCellsWriter::Mode::kHeader, "", first);
  Describe(header, blank);
  out += "\r\n";
  for (const E& entity : entities) {
    first = true;
    CsvCellsWriter row(out, include, options, CsvCellsWriter::Mode::kValues, "", first);
    Describe(row, entity);
    out += "\r\n";
  }
  return out;
}

}  // namespace hrkit

#endif  // HRKIT_CORE_CSV_EXPORT_HPP_
