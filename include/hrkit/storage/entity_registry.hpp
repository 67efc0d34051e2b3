// The registry of stored entity types: the one list every storage backend
// reads. Each type in it has `kEntityName`, an `id` member of a strong Id type
// and a `Describe` function (see core/describe.hpp); memory, archive and SQL
// backends derive everything else (tables, columns, row binding, validation)
// from that description.
//
// An entity type is added to its module's list (<module>/entities.hpp), not
// here. Kinds (indexes into the registry) are an in-memory convenience only:
// what is persisted names an entity type by its kEntityName.
//
// Thread safety: types and constexpr helpers only; safe everywhere.
#ifndef HRKIT_STORAGE_ENTITY_REGISTRY_HPP_
#define HRKIT_STORAGE_ENTITY_REGISTRY_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "hrkit/calendar/entities.hpp"
#include "hrkit/core/entity_list.hpp"
#include "hrkit/leave/entities.hpp"
#include "hrkit/org/entities.hpp"
#include "hrkit/performance/entities.hpp"
#include "hrkit/personnel/entities.hpp"
#include "hrkit/relations/entities.hpp"

namespace hrkit {

// THE registry: every entity type the stores keep, the modules' lists
// (<module>/entities.hpp) concatenated. A new module adds its list here.
using StoredEntityTypes =
    ConcatEntityLists<PersonnelEntities, OrgEntities, CalendarEntities, LeaveEntities, PerformanceEntities,
                      RelationsEntities>;

// One entity of any stored type.
using AnyEntity = StoredEntityTypes::Variant;

// The kind of an entity: its index in StoredEntityTypes.
using EntityKind = std::size_t;

// Number of stored entity types.
inline constexpr std::size_t kEntityKindCount = StoredEntityTypes::kSize;

namespace storage_internal {
template <class E, class List>
struct KindIndex;
template <class E, class... Es>
struct KindIndex<E, std::variant<Es...>> {
  static constexpr std::array<bool, sizeof...(Es)> kMatches{std::is_same_v<E, Es>...};
  static constexpr std::size_t Find() {
    for (std::size_t i = 0; i < kMatches.size(); ++i) {
      if (kMatches[i]) return i;
    }
    return kMatches.size();
  }
  static constexpr std::size_t kValue = Find();
};
}  // namespace storage_internal

// True if E is a stored entity type.
template <class E>
concept StoredEntity = storage_internal::KindIndex<E, AnyEntity>::kValue < kEntityKindCount;

// The kind (registry index) of entity type E.
template <StoredEntity E>
inline constexpr EntityKind kKindOf = storage_internal::KindIndex<E, AnyEntity>::kValue;

// The entity type of a kind.
template <EntityKind K>
using EntityOfKind = std::variant_alternative_t<K, AnyEntity>;

// The id type of entity E (e.g. EmployeeId for Employee).
template <class E>
using EntityIdOf = std::remove_cvref_t<decltype(std::declval<E&>().id)>;

// The table name of a kind ("employee"). REQUIRES: kind < kEntityKindCount.
inline std::string_view EntityKindName(EntityKind kind) {
  static constexpr auto kNames = []<class... Es>(std::variant<Es...>*) {
    return std::array<std::string_view, sizeof...(Es)>{Es::kEntityName...};
  }(static_cast<AnyEntity*>(nullptr));
  return kNames[kind];
}

// Calls `fn(std::type_identity<E>{})` for every stored entity type E, in
// registry order.
template <class Fn>
void ForEachEntityType(Fn&& fn) {
  [&]<class... Es>(std::variant<Es...>*) { (fn(std::type_identity<Es>{}), ...); }(static_cast<AnyEntity*>(nullptr));
}

// Calls `fn(std::type_identity<E>{})` for the entity type E of `kind` and
// returns its result. REQUIRES: kind < kEntityKindCount.
template <class Fn>
decltype(auto) VisitEntityKind(EntityKind kind, Fn&& fn) {
  return [&]<std::size_t... I>(std::index_sequence<I...>)->decltype(auto) {
    using Result = decltype(fn(std::type_identity<EntityOfKind<0>>{}));
    if constexpr (std::is_void_v<Result>) {
      static_cast<void>(((kind == I ? (fn(std::type_identity<EntityOfKind<I>>{}), true) : false) || ...));
    } else {
      Result result{};
      static_cast<void>(((kind == I ? (result = fn(std::type_identity<EntityOfKind<I>>{}), true) : false) || ...));
      return result;
    }
  }
  (std::make_index_sequence<kEntityKindCount>{});
}

// The kind of the entity held by `entity`.
inline EntityKind KindOf(const AnyEntity& entity) { return entity.index(); }

// The raw id value of the entity held by `entity`.
inline std::int64_t IdValueOf(const AnyEntity& entity) {
  return std::visit([](const auto& e) { return e.id.value(); }, entity);
}

// "employee:42": the printable name of a row, used in error messages.
std::string RowName(EntityKind kind, std::int64_t id);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_ENTITY_REGISTRY_HPP_
