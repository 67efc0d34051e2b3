// Names of enum values, for everything a person reads: exports (JSON, CSV),
// SQL columns, messages. Every enum that appears in a field description has a
// name table, found by argument-dependent lookup next to the enum:
//
//   enum class LeaveUnit { kDays = 0, kHours = 1 };
//   inline constexpr EnumName<LeaveUnit> kLeaveUnitNames[] = {
//       {LeaveUnit::kDays, "days"}, {LeaveUnit::kHours, "hours"}};
//   constexpr std::span<const EnumName<LeaveUnit>> EnumNamesOf(LeaveUnit) { return kLeaveUnitNames; }
//
// Names are lower snake_case, unique within their enum, and never change once
// released (stored data and exports carry them); the integer values stay too,
// since binary archives store those.
//
// Thread safety: constants and pure functions.
#ifndef HRKIT_CORE_ENUM_NAMES_HPP_
#define HRKIT_CORE_ENUM_NAMES_HPP_

#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

namespace hrkit {

// One value of enum E and its name.
template <class E>
struct EnumName {
  E value;                // the value
  std::string_view name;  // its name in exports, SQL columns and messages
};

// True for an enum with a name table (see the header comment).
template <class E>
concept NamedEnum = std::is_enum_v<E> && requires(E e) {
  { EnumNamesOf(e) } -> std::convertible_to<std::span<const EnumName<E>>>;
};

// The name table of E.
template <NamedEnum E>
constexpr std::span<const EnumName<E>> EnumNames() {
  return EnumNamesOf(E{});
}

// The name of `value`, or "" for a value outside the table (an integer cast
// to the enum that names nothing).
template <NamedEnum E>
constexpr std::string_view EnumToName(E value) {
  for (const EnumName<E>& entry : EnumNames<E>()) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

// The value named `name` (exact, case-sensitive), or nullopt.
template <NamedEnum E>
constexpr std::optional<E> EnumFromName(std::string_view name) {
  for (const EnumName<E>& entry : EnumNames<E>()) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// True if `value` is one of E's named values.
template <NamedEnum E>
constexpr bool IsNamedValue(E value) {
  return !EnumToName(value).empty();
}

}  // namespace hrkit

#endif  // HRKIT_CORE_ENUM_NAMES_HPP_
