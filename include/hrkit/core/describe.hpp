// The field description protocol. Each entity is described once, by a
// `Describe` function template that shows a visitor every field with its name
// and sensitivity; serialization, the SQL schema and row binding, CSV/JSON
// export and field-level access checks are all visitors over it, so a new
// entity is written once and every backend stores it.
//
// An entity type E provides:
//   static constexpr std::string_view kEntityName = "employee";  // table name
//   template <class V, class Self> requires SameEntity<Self, E>
//   void Describe(V& v, Self& e) {
//     v.Field("id", e.id, Sensitivity::kDirectory);          // first: the id
//     v.Field("birth_date", e.birth_date, Sensitivity::kPersonal);
//     v.History("employment", e.employment, Sensitivity::kDirectory);
//     v.List("tiers", e.tiers, Sensitivity::kDirectory);      // std::vector<R>
//   }
// `Self` is E or const E, so the same description serves reading visitors
// (save, export) and writing ones (load). A History member is a Timeline<R>
// where R is a record type described the same way (fields only, no id, no
// nested History); a SQL backend stores it as a history table. A List member
// is a std::vector<R> of such records (ordered; a child table in SQL).
//
// Scalar field types every visitor must handle (the ScalarField concept):
// bool, std::int32_t, std::int64_t, double, std::string, Date, Id<Tag>, enums
// (stored as their underlying integer), and Money.
//
// Thread safety: stateless; a visitor's own rules apply.
#ifndef HRKIT_CORE_DESCRIBE_HPP_
#define HRKIT_CORE_DESCRIBE_HPP_

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/core/id.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

// True if Self is E, const or not: the constraint on every Describe overload.
template <class Self, class E>
concept SameEntity = std::same_as<std::remove_const_t<Self>, E>;

namespace describe_internal {
template <class T>
struct IsId : std::false_type {};
template <class Tag>
struct IsId<Id<Tag>> : std::true_type {};
}  // namespace describe_internal

// True for Id<Tag> of any tag.
template <class T>
concept IdField = describe_internal::IsId<std::remove_const_t<T>>::value;

// The scalar types a field may have (see the header comment).
template <class T>
concept ScalarField =
    std::same_as<std::remove_const_t<T>, bool> || std::same_as<std::remove_const_t<T>, std::int32_t> ||
    std::same_as<std::remove_const_t<T>, std::int64_t> || std::same_as<std::remove_const_t<T>, double> ||
    std::same_as<std::remove_const_t<T>, std::string> || std::same_as<std::remove_const_t<T>, Date> ||
    std::same_as<std::remove_const_t<T>, Money> || IdField<T> || std::is_enum_v<std::remove_const_t<T>>;

// What kind of member a described field is.
enum class FieldShape {
  kScalar,   // a ScalarField
  kHistory,  // a Timeline<Record>
  kList,     // a std::vector<Record>
};

// One described field: its name, sensitivity and shape.
struct FieldInfo {
  std::string name;
  Sensitivity sensitivity;
  FieldShape shape;

  friend bool operator==(const FieldInfo&, const FieldInfo&) = default;
};

// A visitor that lists an entity's or record's fields in description order.
class FieldLister {
 public:
  template <ScalarField T>
  void Field(std::string_view name, const T&, Sensitivity s) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kScalar});
  }
  template <class Timeline>
  void History(std::string_view name, const Timeline&, Sensitivity s) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kHistory});
  }
  template <class Record>
  void List(std::string_view name, const std::vector<Record>&, Sensitivity s) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kList});
  }
  // The fields seen so far.
  const std::vector<FieldInfo>& fields() const { return fields_; }

 private:
  std::vector<FieldInfo> fields_;
};

// The fields of `entity` in description order.
//
// Example:
//   for (const FieldInfo& f : ListFields(Employee{})) std::cout << f.name;
template <class E>
std::vector<FieldInfo> ListFields(const E& entity) {
  FieldLister lister;
  Describe(lister, entity);
  return lister.fields();
}

}  // namespace hrkit

#endif  // HRKIT_CORE_DESCRIBE_HPP_
