// JSON export of entities, written from their field descriptions
// (describe.hpp), so every entity exports without code of its own. Data
// leaving the library goes through an explicit choice of sensitivity
// classes: every entry point takes the SensitivitySet to write, none has an
// "everything" default (kDirectoryFields, export_text.hpp, for a staff
// directory; SensitivitySet::All() only where the reader may see it all).
//
// An entity is one JSON object with its fields in description order:
// - bool, integers and doubles as JSON numbers and booleans (a double that
//   is not finite as null);
// - an enum as the JSON string of its name ("active", "permanent"); a value
//   outside its name table as its integer (a JSON number), never an error;
// - ids as their number, an invalid id as null;
// - dates as "YYYY-MM-DD", an open end as "open", not-a-date as null;
// - Money as {"minor_units": 6200000, "currency": "EUR"};
// - text as a JSON string (export_text.hpp: escaped, always valid UTF-8);
// - a std::optional as null when empty, otherwise as its value;
// - a History (Timeline) as an array of its current entries in effective
//   order, each {"effective": ..., "recorded": ..., <record fields>};
//   entries replaced by a correction are not exported;
// - a List of records as an array of objects (a List inside a record is a
//   nested array in that object); a List of scalars as an array of values.
// The storage format a member appeared in (Since) does not show: an export
// writes the current shape. Fields whose sensitivity class is not included
// are left out (a History or List left out whole when its own class is not
// included; inside it, each record field by its own class).
//
// Example:
//   std::string line = ToJson(location, kDirectoryFields);
//   // {"id":1,"name":"Berlin","country":"DE","holiday_calendar":10,"default_schedule":null}
//
// Thread safety: pure functions.
#ifndef HRKIT_CORE_JSON_EXPORT_HPP_
#define HRKIT_CORE_JSON_EXPORT_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/export_text.hpp"
#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

// Appends the JSON form of one scalar field value (see the header comment).
template <ScalarField T>
void AppendJsonValue(std::string& out, const T& value) {
  using V = std::remove_const_t<T>;
  if constexpr (OptionalField<V>) {
    if (value.has_value()) {
      AppendJsonValue(out, *value);
    } else {
      out += "null";
    }
  } else if constexpr (std::is_same_v<V, std::string>) {
    AppendJsonString(out, value);
  } else if constexpr (std::is_same_v<V, Money>) {
    absl::StrAppend(&out, "{\"minor_units\":", value.minor_units(), ",\"currency\":");
    AppendJsonString(out, value.currency().code());
    out += '}';
  } else if constexpr (std::is_same_v<V, Date>) {
    if (value.is_not_a_date()) {
      out += "null";
    } else {
      AppendJsonString(out, FormatIsoDate(value));  // a date is a JSON string
    }
  } else if constexpr (NamedEnum<V>) {
    const std::string_view name = EnumToName(value);
    if (name.empty()) {
      absl::StrAppend(&out, static_cast<std::int64_t>(value));  // outside the name table
    } else {
      AppendJsonString(out, name);
    }
  } else if (!AppendPlainScalar(out, value)) {
    out += "null";
  }
}

template <class Element>
void AppendJsonArray(std::string& out, const std::vector<Element>& items, SensitivitySet include);

// The visitor that writes the members of one JSON object (without its
// braces). Used by AppendJson; usable for records described the same way.
class JsonMembersWriter {
 public:
  // Writes into `out`, including the fields whose class is in `include`.
  JsonMembersWriter(std::string& out, SensitivitySet include) : out_(out), include_(include) {}

  // Writes `"name":` (after a comma unless it is the first member).
  void Key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    AppendJsonString(out_, name);
    out_ += ':';
  }

  // A scalar member.
  template <ScalarField T>
  void Field(std::string_view name, const T& value, Sensitivity s, Since = {}) {
    if (!include_.Contains(s)) return;
    Key(name);
    AppendJsonValue(out_, value);
  }

  // An array of the timeline's current entries.
  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity s, Since = {}) {
    if (!include_.Contains(s)) return;
    Key(name);
    out_ += '[';
    bool first = true;
    for (const auto& entry : timeline.Entries()) {
      if (!first) out_ += ',';
      first = false;
      out_ += '{';
      JsonMembersWriter record(out_, include_);
      record.Key("effective");
      AppendJsonValue(out_, entry.effective);
      record.Key("recorded");
      AppendJsonValue(out_, entry.recorded);
      Describe(record, entry.value);
      out_ += '}';
    }
    out_ += ']';
  }

  // An array of the records (objects) or scalars (values).
  template <class Element>
  void List(std::string_view name, const std::vector<Element>& items, Sensitivity s, Since = {}) {
    if (!include_.Contains(s)) return;
    Key(name);
    AppendJsonArray(out_, items, include_);
  }

 private:
  std::string& out_;
  SensitivitySet include_;
  bool first_ = true;
};

// Appends `items` as a JSON array: scalars as values (AppendJsonValue),
// records as objects with their fields whose class is in `include`.
template <class Element>
void AppendJsonArray(std::string& out, const std::vector<Element>& items, SensitivitySet include) {
  out += '[';
  bool first = true;
  for (const Element& item : items) {
    if (!first) out += ',';
    first = false;
    if constexpr (ScalarField<Element>) {
      AppendJsonValue(out, item);
    } else {
      out += '{';
      JsonMembersWriter record(out, include);
      Describe(record, item);
      out += '}';
    }
  }
  out += ']';
}

// Appends `entity` as one JSON object (no line break) with the fields whose
// class is in `include` (an empty set gives "{}").
template <class E>
void AppendJson(std::string& out, const E& entity, SensitivitySet include) {
  out += '{';
  JsonMembersWriter members(out, include);
  Describe(members, entity);
  out += '}';
}

// `entity` as one JSON object with the fields whose class is in `include`.
//
// Example:
//   ToJson(employee, kDirectoryFields);  // id, employee number, names, work e-mail
template <class E>
std::string ToJson(const E& entity, SensitivitySet include) {
  std::string out;
  AppendJson(out, entity, include);
  return out;
}

// `entities` as JSON Lines: one object per entity (fields whose class is in
// `include`), each followed by "\n". An empty span gives "".
template <class E>
std::string ToJsonLines(std::span<const E> entities, SensitivitySet include) {
  std::string out;
  for (const E& entity : entities) {
    AppendJson(out, entity, include);
    out += '\n';
  }
  return out;
}

}  // namespace hrkit

#endif  // HRKIT_CORE_JSON_EXPORT_HPP_
