// Backend-neutral row binding for the SQL backends: visitors over Describe
// that bind an entity's or record's scalar fields as statement parameters and
// read them back from result columns, through a small duck-typed interface
// each backend implements over its client library. Internal to hrkit (src/).
//
// A ParamSink (parameters are 1-based):
//   void BindNull(int index);
//   void BindInt(int index, std::int64_t value);
//   void BindReal(int index, double value);
//   void BindText(int index, std::string_view text);      // stays valid until the statement ran
//   void BindTempText(int index, std::string_view text);  // must be copied
// A ColumnSource (columns are 0-based):
//   bool IsNull(int column);
//   std::int64_t Int(int column);
//   double Real(int column);
//   std::string_view Text(int column);                    // valid until the next row
//
//   bool IsInteger(int column);  // the value is stored as an integer (a
//                                // format-1 enum); false where unknown
//
// Column encoding (see sql_schema.hpp for the tables): bool, integers and ids
// as integers (an invalid id 0 as NULL); enums as their name
// (core/enum_names.hpp; format 1 stored the integer, still read); doubles as
// reals; strings as text, byte for byte; dates as ISO text
// ("infinity"/"-infinity" for the special values, NULL for not_a_date_time);
// Money as minor units + currency; an empty std::optional as NULL. Reading
// NULL into a non-optional field leaves it as it is: a column added by a
// later format reads as the member's default in rows written before it.
//
// Thread safety: stateless functions; the sink/source's own rules apply.
#ifndef HRKIT_SRC_STORAGE_SQL_ROW_HPP_
#define HRKIT_SRC_STORAGE_SQL_ROW_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/core/timeline.hpp"

namespace hrkit::sql {

// A date's column text, without allocation.
struct DateText {
  char data[16];
  std::size_t size = 0;
  std::string_view view() const { return {data, size}; }
};

// "YYYY-MM-DD" for a real date, "infinity" for pos_infin, "-infinity" for
// neg_infin. REQUIRES: !d.is_not_a_date().
inline DateText EncodeDate(Date d) {
  DateText out;
  if (d.is_pos_infinity() || d.is_neg_infinity()) {
    const std::string_view text = d.is_pos_infinity() ? "infinity" : "-infinity";
    for (char c : text) out.data[out.size++] = c;
    return out;
  }
  const auto ymd = d.year_month_day();
  const unsigned y = ymd.year;
  const unsigned m = ymd.month;
  const unsigned day = ymd.day;
  out.data[0] = static_cast<char>('0' + y / 1000);
  out.data[1] = static_cast<char>('0' + y / 100 % 10);
  out.data[2] = static_cast<char>('0' + y / 10 % 10);
  out.data[3] = static_cast<char>('0' + y % 10);
  out.data[4] = '-';
  out.data[5] = static_cast<char>('0' + m / 10);
  out.data[6] = static_cast<char>('0' + m % 10);
  out.data[7] = '-';
  out.data[8] = static_cast<char>('0' + day / 10);
  out.data[9] = static_cast<char>('0' + day % 10);
  out.size = 10;
  return out;
}

// The inverse of EncodeDate. Returns DataLoss for any other text.
inline absl::StatusOr<Date> DecodeDate(std::string_view text) {
  if (text == "infinity") return Date(boost::gregorian::pos_infin);
  if (text == "-infinity") return Date(boost::gregorian::neg_infin);
  auto digits = [&](std::size_t from, std::size_t n, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4, y) && digits(5, 2, m) && digits(8, 2, d) &&
      y >= 1400 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  }
  return absl::DataLossError(absl::StrCat("stored date \"", ToAbsl(text.substr(0, 32)), "\" is not an ISO date"));
}

// Binds one scalar `value` of type U to parameter(s) next, next + 1.
template <class Sink, class U>
void BindScalar(Sink& sink, int& next, const U& value) {
  if constexpr (OptionalField<U>) {
    if (value.has_value()) {
      BindScalar(sink, next, *value);
    } else {
      sink.BindNull(next++);
      if constexpr (std::is_same_v<typename U::value_type, Money>) sink.BindNull(next++);
    }
  } else if constexpr (std::is_same_v<U, Money>) {
    sink.BindInt(next++, value.minor_units());
    sink.BindText(next++, value.currency().code());
  } else if constexpr (std::is_same_v<U, double>) {
    sink.BindReal(next++, value);
  } else if constexpr (std::is_same_v<U, std::string>) {
    sink.BindText(next++, value);
  } else if constexpr (std::is_same_v<U, Date>) {
    if (value.is_not_a_date()) {
      sink.BindNull(next++);
    } else {
      sink.BindTempText(next++, EncodeDate(value).view());
    }
  } else if constexpr (IdField<U>) {
    if (value.value() == 0) {
      sink.BindNull(next++);
    } else {
      sink.BindInt(next++, value.value());
    }
  } else if constexpr (std::is_enum_v<U>) {
    const std::string_view name = EnumToName(value);
    if (name.empty()) {
      sink.BindInt(next++, static_cast<std::int64_t>(value));  // a value outside the table: read back as DataLoss
    } else {
      sink.BindText(next++, name);  // the name table is static
    }
  } else {
    sink.BindInt(next++, static_cast<std::int64_t>(value));  // bool, int32, int64
  }
}

// Binds scalar fields to consecutive parameters; ignores History and List.
template <class Sink>
class FieldBinder {
 public:
  FieldBinder(Sink& sink, int first_index, bool skip_first) : sink_(sink), next_(first_index), skip_(skip_first) {}

  template <ScalarField T>
  void Field(std::string_view, const T& value, Sensitivity, Since = {}) {
    if (skip_) {
      skip_ = false;
      return;
    }
    BindScalar(sink_, next_, value);
  }
  template <class C>
  void History(std::string_view, const C&, Sensitivity, Since = {}) {
    skip_ = false;
  }
  template <class C>
  void List(std::string_view, const C&, Sensitivity, Since = {}) {
    skip_ = false;
  }

  int next() const { return next_; }

 private:
  Sink& sink_;
  int next_;
  bool skip_;
};

// Binds the scalar fields of `record` (an entity or a record) to parameters
// first_index, first_index + 1, ...; with skip_first the first field (an
// entity's id, bound separately) is skipped. Returns the next free index.
template <class Sink, class R>
int BindFields(Sink& sink, int first_index, const R& record, bool skip_first = false) {
  FieldBinder<Sink> binder(sink, first_index, skip_first);
  Describe(binder, record);
  return binder.next();
}

template <class Source, class U>
absl::Status ReadEnum(Source& source, int column, std::string_view name, U& value);

// Reads one scalar of type U from column(s) next, next + 1 into `value`;
// `name` is the column's name for messages. A NULL column leaves a
// non-optional value as it is (its default, see describe.hpp) and empties an
// optional one. Returns DataLoss for a value that cannot be decoded.
template <class Source, class U>
absl::Status ReadScalar(Source& source, int& next, std::string_view name, U& value) {
  auto fail = [&](absl::string_view problem) {
    return absl::DataLossError(absl::StrCat("column ", ToAbsl(name), ": ", problem));
  };
  const int column = next;
  if constexpr (OptionalField<U>) {
    if (source.IsNull(column)) {
      next += std::is_same_v<typename U::value_type, Money> ? 2 : 1;
      value.reset();
      return absl::OkStatus();
    }
    typename U::value_type inner{};
    HRKIT_RETURN_IF_ERROR(ReadScalar(source, next, name, inner));
    value = std::move(inner);
    return absl::OkStatus();
  } else {
    next += std::is_same_v<U, Money> ? 2 : 1;
    if (source.IsNull(column)) return absl::OkStatus();
    if constexpr (std::is_same_v<U, Money>) {
      absl::StatusOr<Money> money = Money::Make(source.Int(column), source.Text(column + 1));
      if (!money.ok()) return fail(money.status().message());
      value = *money;
    } else if constexpr (std::is_same_v<U, double>) {
      value = source.Real(column);
    } else if constexpr (std::is_same_v<U, std::string>) {
      const std::string_view text = source.Text(column);
      value.assign(text.data(), text.size());
    } else if constexpr (std::is_same_v<U, Date>) {
      absl::StatusOr<Date> date = DecodeDate(source.Text(column));
      if (!date.ok()) return fail(date.status().message());
      value = *date;
    } else if constexpr (IdField<U>) {
      value = U(source.Int(column));
    } else if constexpr (std::is_enum_v<U>) {
      return ReadEnum(source, column, name, value);
    } else if constexpr (std::is_same_v<U, bool>) {
      value = source.Int(column) != 0;
    } else if constexpr (std::is_same_v<U, std::int32_t>) {
      const std::int64_t v = source.Int(column);
      if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) {
        return fail("value out of 32-bit range");
      }
      value = static_cast<std::int32_t>(v);
    } else {
      value = source.Int(column);
    }
    return absl::OkStatus();
  }
}

// Reads an enum column: its value's name, or (format 1) its integer value;
// DataLoss for anything else.
template <class Source, class U>
absl::Status ReadEnum(Source& source, int column, std::string_view name, U& value) {
  std::int64_t number = 0;
  bool is_number = source.IsInteger(column);
  if (is_number) {
    number = source.Int(column);
  } else {
    const std::string_view text = source.Text(column);
    if (std::optional<U> named = EnumFromName<U>(text)) {
      value = *named;
      return absl::OkStatus();
    }
    // An integer converted to text by an upgrade: a value outside the table.
    is_number = !text.empty() && text.size() < 19 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!is_number) {
      return absl::DataLossError(
          absl::StrCat("column ", ToAbsl(name), ": unknown value \"", ToAbsl(text.substr(0, 64)), "\""));
    }
    for (char c : text) number = number * 10 + (c - '0');
  }
  const auto candidate = static_cast<U>(static_cast<std::underlying_type_t<U>>(number));
  if (static_cast<std::int64_t>(candidate) != number || !IsNamedValue(candidate)) {
    return absl::DataLossError(absl::StrCat("column ", ToAbsl(name), ": unknown value ", number));
  }
  value = candidate;
  return absl::OkStatus();
}

// Reads scalar fields from consecutive columns; ignores History and List.
template <class Source>
class FieldReader {
 public:
  FieldReader(Source& source, int first_column, bool skip_first)
      : source_(source), next_(first_column), skip_(skip_first) {}

  template <ScalarField T>
  void Field(std::string_view name, T& value, Sensitivity, Since = {}) {
    if (skip_) {
      skip_ = false;
      return;
    }
    if (!status_.ok()) return;
    status_ = ReadScalar(source_, next_, name, value);
  }
  template <class C>
  void History(std::string_view, C&, Sensitivity, Since = {}) {
    skip_ = false;
  }
  template <class C>
  void List(std::string_view, C&, Sensitivity, Since = {}) {
    skip_ = false;
  }

  const absl::Status& status() const { return status_; }

 private:
  Source& source_;
  int next_;
  bool skip_;
  absl::Status status_;
};

// Reads the scalar fields of `record` from columns first_column, ... (the
// counterpart of BindFields). Returns DataLoss for a value that cannot be
// decoded.
template <class Source, class R>
absl::Status ReadFields(Source& source, int first_column, R& record, bool skip_first = false) {
  FieldReader<Source> reader(source, first_column, skip_first);
  Describe(reader, record);
  return reader.status();
}

// Calls fn(index, member) for an entity's History (Timeline<R>) and List
// (std::vector<R>) members, in Describe order; index counts from 0 and
// matches EntitySchema::children.
template <class Fn>
class ChildVisitor {
 public:
  explicit ChildVisitor(Fn& fn) : fn_(fn) {}
  template <ScalarField T>
  void Field(std::string_view, T&, Sensitivity, Since = {}) {}
  template <class C>
  void History(std::string_view, C& member, Sensitivity, Since = {}) {
    fn_(index_++, member);
  }
  template <class C>
  void List(std::string_view, C& member, Sensitivity, Since = {}) {
    fn_(index_++, member);
  }

 private:
  Fn& fn_;
  std::size_t index_ = 0;
};

template <class E, class Fn>
void ForEachChild(E& entity, Fn&& fn) {
  ChildVisitor<Fn> visitor(fn);
  Describe(visitor, entity);
}

// True for Timeline<R>.
template <class T>
struct IsTimeline : std::false_type {};
template <class R>
struct IsTimeline<Timeline<R>> : std::true_type {};

}  // namespace hrkit::sql

#endif  // HRKIT_SRC_STORAGE_SQL_ROW_HPP_
