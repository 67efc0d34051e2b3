// Strong identifier types. An Id<Tag> wraps a 64-bit integer; ids of different
// entities do not convert into each other, so passing a PositionId where an
// EmployeeId is expected does not compile. Human-facing numbers (an employee
// number printed on a badge) are separate string fields, never these ids.
//
// Thread safety: value types; safe to share between threads when not mutated.
#ifndef HRKIT_CORE_ID_HPP_
#define HRKIT_CORE_ID_HPP_

#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace hrkit {

// A strongly typed 64-bit identifier. Value 0 is reserved for "no id"
// (`Id<Tag>()`, `valid() == false`); real ids are positive.
template <class Tag>
class Id {
 public:
  // The raw value's type.
  using ValueType = std::int64_t;

  // The invalid id (value 0).
  constexpr Id() = default;
  // An id with the given raw value; explicit so raw numbers never pass as ids.
  constexpr explicit Id(ValueType value) : value_(value) {}

  // The raw value, for storage and dense indexing.
  constexpr ValueType value() const { return value_; }
  // True for a real id (value > 0).
  constexpr bool valid() const { return value_ > 0; }

  friend constexpr auto operator<=>(const Id&, const Id&) = default;
  friend constexpr bool operator==(const Id&, const Id&) = default;

  // Abseil hashing (absl::flat_hash_map<EmployeeId, ...>).
  template <class H>
  friend H AbslHashValue(H h, const Id& id) {
    return H::combine(std::move(h), id.value_);
  }

  // Prints as "<Tag::kPrefix>:<value>", e.g. "employee:42".
  friend std::ostream& operator<<(std::ostream& os, const Id& id) { return os << Tag::kPrefix << ':' << id.value_; }

 private:
  ValueType value_ = 0;
};

// "employee:42": the printable form used in every error message.
template <class Tag>
std::string ToString(Id<Tag> id) {
  return std::string(Tag::kPrefix) + ':' + std::to_string(id.value());
}

// Tags name the entity; kPrefix is how ids of that entity print. Each module
// declares the tags of the entities it owns in its `ids.hpp` (an id another
// module below it must name lives in the lowest module that names it, e.g.
// PositionId in personnel/ids.hpp, since an employment record names its seat):
//   struct WorkScheduleTag { static constexpr const char* kPrefix = "work_schedule"; };
//   using WorkScheduleId = Id<WorkScheduleTag>;

}  // namespace hrkit

// std::hash, so ids also work as keys of standard unordered containers.
template <class Tag>
struct std::hash<hrkit::Id<Tag>> {
  std::size_t operator()(hrkit::Id<Tag> id) const noexcept { return std::hash<std::int64_t>()(id.value()); }
};

#endif  // HRKIT_CORE_ID_HPP_
