// EntityTypeList: a compile-time list of stored entity types. Each module
// declares the entity types it owns in its `entities.hpp` as one such list;
// storage concatenates the modules' lists into the registry of everything it
// keeps (storage/entity_registry.hpp). Entities are identified by their
// `kEntityName` wherever they are persisted, never by their place in a list.
//
// Thread safety: types only.
#ifndef HRKIT_CORE_ENTITY_LIST_HPP_
#define HRKIT_CORE_ENTITY_LIST_HPP_

#include <cstddef>
#include <variant>

namespace hrkit {

// A compile-time list of entity types.
template <class... E>
struct EntityTypeList {
  // A std::variant holding any one of the listed entities.
  using Variant = std::variant<E...>;
  // Number of types in the list.
  static constexpr std::size_t kSize = sizeof...(E);
};

namespace entity_list_internal {
template <class... Lists>
struct Concat;
template <>
struct Concat<> {
  using Type = EntityTypeList<>;
};
template <class... E>
struct Concat<EntityTypeList<E...>> {
  using Type = EntityTypeList<E...>;
};
template <class... A, class... B, class... Rest>
struct Concat<EntityTypeList<A...>, EntityTypeList<B...>, Rest...> {
  using Type = typename Concat<EntityTypeList<A..., B...>, Rest...>::Type;
};
}  // namespace entity_list_internal

// The types of every list, in order: ConcatEntityLists<EntityTypeList<A, B>,
// EntityTypeList<C>> is EntityTypeList<A, B, C>.
template <class... Lists>
using ConcatEntityLists = typename entity_list_internal::Concat<Lists...>::Type;

}  // namespace hrkit

#endif  // HRKIT_CORE_ENTITY_LIST_HPP_
