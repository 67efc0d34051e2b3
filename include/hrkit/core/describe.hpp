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
//     v.Field("nickname", e.nickname, Sensitivity::kPersonal, Since{2});
//   }
// `Self` is E or const E, so the same description serves reading visitors
// (save, export) and writing ones (load).
//
// Members:
// - Field: a scalar (the ScalarField concept below).
// - History: a Timeline<R> of records R described the same way (no id); a SQL
//   backend stores it as a history table. Only an entity has histories.
// - List: a std::vector<R> of records, or a std::vector<S> of scalars
//   (ordered; a child table in SQL). A record inside a History or a List may
//   itself hold Lists (a policy version's tiers, a rule's locations); SQL
//   keeps those in grandchild tables keyed by the parent row's position.
//
// Scalar field types every visitor must handle (the ScalarField concept):
// bool, std::int32_t, std::int64_t, double, std::string, Date, Id<Tag>, enums
// with a name table (core/enum_names.hpp), Money, and std::optional of any of
// these ("no value", e.g. no limit; SQL NULL, JSON null).
//
// Format versions. The last argument of Field, History and List says in which
// storage format the member appeared (Since{1}, the default, for members that
// exist since the first format). kStorageFormatVersion is the format this
// build writes. Data written in an older format has no value for a newer
// member: readers leave the member at the value it has in a default-made
// record (the documented default), in every backend alike. A change that is
// not an addition (a member moved, retyped or removed) raises
// kStorageFormatVersion and teaches the backends to upgrade the older
// layout (src/storage/format*.hpp).
// A whole entity type added in a later format gives its id field that
// format's Since (and its other members the same, for clarity): a store of an
// older format has no section or table for the type and reads as holding no
// entity of it, and a SQL backend adds the table when it opens the store.
//
// Thread safety: stateless; a visitor's own rules apply.
#ifndef HRKIT_CORE_DESCRIBE_HPP_
#define HRKIT_CORE_DESCRIBE_HPP_

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/core/enum_names.hpp"
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

// The storage format this build writes (see the header comment). Format 1:
// hrkit 0.1. Format 2: lists inside records, optional scalars, enum names in
// SQL, leave policy tiers and eligibility inside their version.
inline constexpr std::int32_t kStorageFormatVersion = 2;

// The storage format a member appeared in; Since{1} (the default) for the
// members of the first format.
struct Since {
  std::int32_t version = 1;  // the storage format number (1, 2, ...)
};

namespace describe_internal {
template <class T>
concept PlainScalar =
    std::same_as<T, bool> || std::same_as<T, std::int32_t> || std::same_as<T, std::int64_t> ||
    std::same_as<T, double> || std::same_as<T, std::string> || std::same_as<T, Date> || std::same_as<T, Money> ||
    IsId<T>::value || NamedEnum<T>;
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {
  using Value = T;
};
}  // namespace describe_internal

// True for std::optional<T> of a non-optional scalar T.
template <class T>
concept OptionalField = describe_internal::IsOptional<std::remove_const_t<T>>::value &&
                        describe_internal::PlainScalar<
                            typename describe_internal::IsOptional<std::remove_const_t<T>>::Value>;

// The scalar types a field may have (see the header comment).
template <class T>
concept ScalarField = describe_internal::PlainScalar<std::remove_const_t<T>> || OptionalField<T>;

// What kind of member a described field is.
enum class FieldShape {
  kScalar,   // a ScalarField
  kHistory,  // a Timeline<Record>
  kList,     // a std::vector<Record> or std::vector<Scalar>
};

// One described field: its name, sensitivity and shape.
struct FieldInfo {
  std::string name;         // the field's name as described (column, key)
  Sensitivity sensitivity;  // its sensitivity class
  FieldShape shape;         // scalar, history or list
  std::int32_t since = 1;   // the storage format it appeared in

  friend bool operator==(const FieldInfo&, const FieldInfo&) = default;
};

// A visitor that lists an entity's or record's fields in description order.
class FieldLister {
 public:
  // The visitor calls of core/describe.hpp: each records one FieldInfo.
  template <ScalarField T>
  void Field(std::string_view name, const T&, Sensitivity s, Since since = {}) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kScalar, since.version});
  }
  template <class Timeline>
  void History(std::string_view name, const Timeline&, Sensitivity s, Since since = {}) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kHistory, since.version});
  }
  template <class Element>
  void List(std::string_view name, const std::vector<Element>&, Sensitivity s, Since since = {}) {
    fields_.push_back(FieldInfo{std::string(name), s, FieldShape::kList, since.version});
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
