// DenseIdIndex: maps the ids of one entity kind to dense indexes 0..n-1, the
// building block of every flat, structure-of-arrays view (org snapshots, the
// as-of org lookup, roll-ups). Ids handed out in sequence are the usual case,
// so the index is a plain array indexed by the id when the ids are dense
// enough (max id <= 4 x count + 64) and a hash map otherwise.
//
// Thread safety: a value type; concurrent Find calls on an index nobody
// mutates are safe.
#ifndef HRKIT_CORE_DENSE_INDEX_HPP_
#define HRKIT_CORE_DENSE_INDEX_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace hrkit {

// Example:
//   DenseIdIndex<EmployeeId> index;
//   index.Reset(/*max_id=*/max_id, /*count=*/employees.size());
//   for (std::size_t i = 0; i < employees.size(); ++i) {
//     if (!index.Insert(employees[i].id, static_cast<std::int32_t>(i))) { /* duplicate id */ }
//   }
//   std::int32_t i = index.Find(EmployeeId(42));  // kNone if absent
template <class IdT>
class DenseIdIndex {
 public:
  // What Find returns for an id that is not in the index.
  static constexpr std::int32_t kNone = -1;

  // Clears the index and prepares it for `count` ids no larger than `max_id`.
  void Reset(std::int64_t max_id, std::size_t count) {
    dense_ = max_id <= 4 * static_cast<std::int64_t>(count) + 64;
    vector_.clear();
    map_.clear();
    size_ = 0;
    if (dense_) {
      vector_.assign(static_cast<std::size_t>(std::max<std::int64_t>(max_id, 0)) + 1, kNone);
    } else {
      map_.reserve(count);
    }
  }

  // Maps `id` to `index`. REQUIRES: id.valid(), id.value() <= the max_id of
  // the last Reset, index >= 0. Returns false (and keeps the old index) if
  // `id` is mapped already.
  bool Insert(IdT id, std::int32_t index) {
    if (dense_) {
      std::int32_t& slot = vector_[static_cast<std::size_t>(id.value())];
      if (slot != kNone) return false;
      slot = index;
    } else if (!map_.emplace(id, index).second) {
      return false;
    }
    ++size_;
    return true;
  }

  // The index of `id`, or kNone.
  std::int32_t Find(IdT id) const {
    if (dense_) {
      const std::int64_t v = id.value();
      return v > 0 && v < static_cast<std::int64_t>(vector_.size()) ? vector_[static_cast<std::size_t>(v)] : kNone;
    }
    const auto it = map_.find(id);
    return it == map_.end() ? kNone : it->second;
  }

  // True if `id` is mapped.
  bool Contains(IdT id) const { return Find(id) != kNone; }

  // Number of ids mapped.
  std::size_t size() const { return size_; }

 private:
  bool dense_ = true;
  std::size_t size_ = 0;
  std::vector<std::int32_t> vector_;
  absl::flat_hash_map<IdT, std::int32_t> map_;
};

}  // namespace hrkit

#endif  // HRKIT_CORE_DENSE_INDEX_HPP_
