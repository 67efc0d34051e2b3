// JSON export of entities, written from their field descriptions
// (describe.hpp), so every entity exports without code of its own.
//
// An entity is one JSON object with its fields in description order:
// - bool, integers and doubles as JSON numbers and booleans (a double that
//   is not finite as null); enums as their stored integer;
// - ids as their number, an invalid id as null;
// - dates as "YYYY-MM-DD", an open end as "open", not-a-date as null;
// - Money as {"minor_units": 6200000, "currency": "EUR"};
// - text as a JSON string (export_text.hpp: escaped, always valid UTF-8);
// - a History (Timeline) as an array of its current entries in effective
//   order, each {"effective": ..., "recorded": ..., <record fields>};
//   entries replaced by a correction are not exported;
// - a List as an array of objects.
// Fields whose sensitivity class is not in `ExportOptions::include` are left
// out (a History or List left out whole when its own class is not included).
//
// Example:
//   ExportOptions directory{.include = {Sensitivity::kDirectory}};
//   std::string line = ToJson(location, directory);
//   // {"id":1,"name":"Berlin","country":"DE","holiday_calendar":10,"default_schedule":null}
//
// Thread safety: pure functions.
#ifndef HRKIT_STORAGE_JSON_EXPORT_HPP_
#define HRKIT_STORAGE_JSON_EXPORT_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/storage/export_text.hpp"

namespace hrkit {

// What an export includes.
struct ExportOptions {
  SensitivitySet include = SensitivitySet::All();  // the classes of fields written
};

// Appends the JSON form of one scalar field value (see the header comment).
template <ScalarField T>
void AppendJsonValue(std::string& out, const T& value) {
  using V = std::remove_const_t<T>;
  if constexpr (std::is_same_v<V, std::string>) {
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
  } else if (!AppendPlainScalar(out, value)) {
    out += "null";
  }
}

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
  void Field(std::string_view name, const T& value, Sensitivity s) {
    if (!include_.Contains(s)) return;
    Key(name);
    AppendJsonValue(out_, value);
  }

  // An array of the timeline's current entries.
  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity s) {
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

  // An array of the records.
  template <class Record>
  void List(std::string_view name, const std::vector<Record>& items, Sensitivity s) {
    if (!include_.Contains(s)) return;
    Key(name);
    out_ += '[';
    bool first = true;
    for (const Record& item : items) {
      if (!first) out_ += ',';
      first = false;
      out_ += '{';
      JsonMembersWriter record(out_, include_);
      Describe(record, item);
      out_ += '}';
    }
    out_ += ']';
  }

 private:
  std::string& out_;
  SensitivitySet include_;
  bool first_ = true;
};

// Appends `entity` as one JSON object (no line break).
template <class E>
void AppendJson(std::string& out, const E& entity, const ExportOptions& options = {}) {
  out += '{';
  JsonMembersWriter members(out, options.include);
  Describe(members, entity);
  out += '}';
}

// `entity` as one JSON object.
template <class E>
std::string ToJson(const E& entity, const ExportOptions& options = {}) {
  std::string out;
  AppendJson(out, entity, options);
  return out;
}

// `entities` as JSON Lines: one object per entity, each followed by "\n".
template <class E>
std::string ToJsonLines(std::span<const E> entities, const ExportOptions& options = {}) {
  std::string out;
  for (const E& entity : entities) {
    AppendJson(out, entity, options);
    out += '\n';
  }
  return out;
}

}  // namespace hrkit

#endif  // HRKIT_STORAGE_JSON_EXPORT_HPP_
