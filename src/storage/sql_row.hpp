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
// Column encoding (see sql_schema.hpp for the tables): bool, integers, enums
// and ids as integers (an invalid id 0 as NULL); doubles as reals; strings as
// text, byte for byte; dates as ISO text ("infinity"/"-infinity" for the
// special values, NULL for not_a_date_time); Money as minor units + currency.
//
// Thread safety: stateless functions; the sink/source's own rules apply.
#ifndef HRKIT_SRC_STORAGE_SQL_ROW_HPP_
#define HRKIT_SRC_STORAGE_SQL_ROW_HPP_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
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
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4, y) && digits(5, 2, m) &&
      digits(8, 2, d) && y >= 1400 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  }
  return absl::DataLossError(absl::StrCat("stored date \"", ToAbsl(text.substr(0, 32)), "\" is not an ISO date"));
}

// Binds scalar fields to consecutive parameters; ignores History and List.
template <class Sink>
class FieldBinder {
 public:
  FieldBinder(Sink& sink, int first_index, bool skip_first) : sink_(sink), next_(first_index), skip_(skip_first) {}

  template <ScalarField T>
  void Field(std::string_view, const T& value, Sensitivity) {
    if (skip_) {
      skip_ = false;
      return;
    }
    using U = std::remove_const_t<T>;
    if constexpr (std::is_same_v<U, Money>) {
      sink_.BindInt(next_++, value.minor_units());
      sink_.BindText(next_++, value.currency().code());
    } else if constexpr (std::is_same_v<U, double>) {
      sink_.BindReal(next_++, value);
    } else if constexpr (std::is_same_v<U, std::string>) {
      sink_.BindText(next_++, value);
    } else if constexpr (std::is_same_v<U, Date>) {
      if (value.is_not_a_date()) {
        sink_.BindNull(next_++);
      } else {
        sink_.BindTempText(next_++, EncodeDate(value).view());
      }
    } else if constexpr (IdField<U>) {
      if (value.value() == 0) {
        sink_.BindNull(next_++);
      } else {
        sink_.BindInt(next_++, value.value());
      }
    } else if constexpr (std::is_enum_v<U>) {
      sink_.BindInt(next_++, static_cast<std::int64_t>(value));
    } else {
      sink_.BindInt(next_++, static_cast<std::int64_t>(value));  // bool, int32, int64
    }
  }
  template <class C>
  void History(std::string_view, const C&, Sensitivity) {
    skip_ = false;
  }
  template <class C>
  void List(std::string_view, const C&, Sensitivity) {
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

// Reads scalar fields from consecutive columns; ignores History and List.
template <class Source>
class FieldReader {
 public:
  FieldReader(Source& source, int first_column, bool skip_first)
      : source_(source), next_(first_column), skip_(skip_first) {}

  template <ScalarField T>
  void Field(std::string_view name, T& value, Sensitivity) {
    if (skip_) {
      skip_ = false;
      return;
    }
    if (!status_.ok()) return;
    using U = std::remove_const_t<T>;
    const int column = next_++;
    if constexpr (std::is_same_v<U, Money>) {
      ++next_;
      absl::StatusOr<Money> money = Money::Make(source_.Int(column), source_.Text(column + 1));
      if (!money.ok()) return Fail(name, money.status().message());
      value = *money;
    } else if constexpr (std::is_same_v<U, double>) {
      value = source_.Real(column);
    } else if constexpr (std::is_same_v<U, std::string>) {
      const std::string_view text = source_.Text(column);
      value.assign(text.data(), text.size());
    } else if constexpr (std::is_same_v<U, Date>) {
      if (source_.IsNull(column)) {
        value = Date(boost::gregorian::not_a_date_time);
      } else {
        absl::StatusOr<Date> date = DecodeDate(source_.Text(column));
        if (!date.ok()) return Fail(name, date.status().message());
        value = *date;
      }
    } else if constexpr (IdField<U>) {
      value = source_.IsNull(column) ? U() : U(source_.Int(column));
    } else if constexpr (std::is_enum_v<U>) {
      value = static_cast<U>(static_cast<std::underlying_type_t<U>>(source_.Int(column)));
    } else if constexpr (std::is_same_v<U, bool>) {
      value = source_.Int(column) != 0;
    } else if constexpr (std::is_same_v<U, std::int32_t>) {
      const std::int64_t v = source_.Int(column);
      if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) {
        return Fail(name, "value out of 32-bit range");
      }
      value = static_cast<std::int32_t>(v);
    } else {
      value = source_.Int(column);
    }
  }
  template <class C>
  void History(std::string_view, C&, Sensitivity) {
    skip_ = false;
  }
  template <class C>
  void List(std::string_view, C&, Sensitivity) {
    skip_ = false;
  }

  const absl::Status& status() const { return status_; }

 private:
  void Fail(std::string_view field, absl::string_view problem) {
    status_ = absl::DataLossError(absl::StrCat("stored field ", ToAbsl(field), ": ", problem));
  }

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
  void Field(std::string_view, T&, Sensitivity) {}
  template <class C>
  void History(std::string_view, C& member, Sensitivity) {
    fn_(index_++, member);
  }
  template <class C>
  void List(std::string_view, C& member, Sensitivity) {
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
