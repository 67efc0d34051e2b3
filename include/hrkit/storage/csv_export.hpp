// CSV export of entities (RFC 4180), written from their field descriptions
// (describe.hpp): one header row, then one row per entity, lines ending in
// CRLF. The columns depend only on the entity type and the options, never on
// the data, so every row has as many cells as the header.
//
// Columns, in description order:
// - one per scalar field, named as the field; Money takes two,
//   "<field>.minor_units" and "<field>.currency";
// - with CsvOptions::as_of set, a History contributes the fields of the
//   record in force on that date, named "<history>.<field>" (empty cells
//   where no record is in force: before the first entry);
// - Lists have no columns (their records are rows of their own; use the JSON
//   export to see them with their entity).
// Fields whose sensitivity class is not in CsvOptions::include have no
// column.
//
// Cells: numbers, "true"/"false", enums as their stored integer, dates
// "YYYY-MM-DD" (open end "open"), ids as their number; empty for an invalid
// id, not-a-date and a double that is not finite. Text is quoted when it
// must be (export_text.hpp) and, with neutralize_formulas (the default),
// protected from being run as a spreadsheet formula: text starting with
// = + - @ tab or CR gets a leading apostrophe. That includes a phone number
// "+49 30 ..." (written '+49 30 ...); a file read by programs rather than
// opened in a spreadsheet should set neutralize_formulas = false.
//
// Example:
//   CsvOptions options{.include = {Sensitivity::kDirectory}, .as_of = Date(2025, 1, 1)};
//   std::string csv = ToCsv<Employee>(employees, options);
//   // id,employee_number,...,employment.status,employment.position,...
//
// Thread safety: pure functions.
#ifndef HRKIT_STORAGE_CSV_EXPORT_HPP_
#define HRKIT_STORAGE_CSV_EXPORT_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/export_text.hpp"

namespace hrkit {

// What a CSV export includes and how it writes it.
struct CsvOptions {
  SensitivitySet include = SensitivitySet::All();  // the classes of fields given columns
  Date as_of{};                                    // histories as of this date; not-a-date: no history columns
  bool neutralize_formulas = true;                 // prefix text starting with = + - @ tab CR with '
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

  // Writes into `out`; `first` is true until the row's first cell is written
  // (shared with the writers of nested records). Column names get `prefix`.
  CsvCellsWriter(std::string& out, const CsvOptions& options, Mode mode, std::string prefix, bool& first)
      : out_(out), options_(options), mode_(mode), prefix_(std::move(prefix)), first_(first) {}

  // The cells of a scalar field: one, two for Money.
  template <ScalarField T>
  void Field(std::string_view name, const T& value, Sensitivity s) {
    if (!options_.include.Contains(s)) return;
    using V = std::remove_const_t<T>;
    if constexpr (std::is_same_v<V, Money>) {
      Cell(absl::StrCat(prefix_, ToAbsl(name), ".minor_units"), [&] { absl::StrAppend(&out_, value.minor_units()); });
      Cell(absl::StrCat(prefix_, ToAbsl(name), ".currency"), [&] { AppendText(value.currency().code()); });
    } else {
      Cell(absl::StrCat(prefix_, ToAbsl(name)), [&] { AppendValue(value); });
    }
  }

  // The cells of the record in force on options.as_of (none without as_of).
  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity s) {
    if (!options_.include.Contains(s) || !IsRealDate(options_.as_of)) return;
    using Record = std::remove_cvref_t<decltype(*timeline.At(options_.as_of))>;
    const Record* record = mode_ == Mode::kValues ? timeline.At(options_.as_of) : nullptr;
    const Mode nested_mode = mode_ == Mode::kHeader ? Mode::kHeader : record != nullptr ? Mode::kValues : Mode::kBlank;
    CsvCellsWriter nested(out_, options_, nested_mode, absl::StrCat(prefix_, ToAbsl(name), "."), first_);
    if (record != nullptr) {
      Describe(nested, *record);
    } else {
      const Record blank{};
      Describe(nested, blank);
    }
  }

  // Lists have no columns.
  template <class Record>
  void List(std::string_view, const std::vector<Record>&, Sensitivity) {}

 private:
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
    if constexpr (std::is_same_v<V, std::string>) {
      AppendText(value);
    } else {
      AppendPlainScalar(out_, value);
    }
  }

  std::string& out_;
  const CsvOptions& options_;
  Mode mode_;
  std::string prefix_;
  bool& first_;
};

// The header row and one row per entity of `entities` (see the header
// comment). An empty span gives the header row alone.
template <class E>
std::string ToCsv(std::span<const E> entities, const CsvOptions& options = {}) {
  std::string out;
  bool first = true;
  const E blank{};
  CsvCellsWriter header(out, options, CsvCellsWriter::Mode::kHeader, "", first);
  Describe(header, blank);
  out += "\r\n";
  for (const E& entity : entities) {
    first = true;
    CsvCellsWriter row(out, options, CsvCellsWriter::Mode::kValues, "", first);
    Describe(row, entity);
    out += "\r\n";
  }
  return out;
}

}  // namespace hrkit

#endif  // HRKIT_STORAGE_CSV_EXPORT_HPP_
