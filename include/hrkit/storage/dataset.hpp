// Dataset: every stored entity of every registered type, as plain vectors.
// The unit of Store::SaveAll and Store::LoadAll (bulk load and save).
//
// Thread safety: a value type; safe to share when not mutated.
#ifndef HRKIT_STORAGE_DATASET_HPP_
#define HRKIT_STORAGE_DATASET_HPP_

#include <cstddef>
#include <tuple>
#include <variant>
#include <vector>

#include "hrkit/storage/entity_registry.hpp"

namespace hrkit {

namespace storage_internal {
template <class Variant>
struct VectorsOf;
template <class... Es>
struct VectorsOf<std::variant<Es...>> {
  using Type = std::tuple<std::vector<Es>...>;
};
}  // namespace storage_internal

// One vector per stored entity type.
//
// Example:
//   Dataset data;
//   data.Of<Employee>().push_back(alice);
//   data.Of<OrgUnit>().push_back(finance);
//   HRKIT_RETURN_IF_ERROR(store.SaveAll(data));
class Dataset {
 public:
  // The entities of type E (any order when saving; id order when loaded).
  template <StoredEntity E>
  std::vector<E>& Of() {
    return std::get<std::vector<E>>(tables_);
  }
  template <StoredEntity E>
  const std::vector<E>& Of() const {
    return std::get<std::vector<E>>(tables_);
  }

  // Number of entities of all types.
  std::size_t TotalSize() const {
    return std::apply([](const auto&... v) { return (v.size() + ... + std::size_t{0}); }, tables_);
  }

  friend bool operator==(const Dataset&, const Dataset&) = default;

 private:
  typename storage_internal::VectorsOf<AnyEntity>::Type tables_;
};

}  // namespace hrkit

#endif  // HRKIT_STORAGE_DATASET_HPP_
