// The memory backend: the embedded default and the fastest store. Rows live
// in ordered maps guarded by a reader-writer lock; nothing is written to disk
// and everything is gone when the store is destroyed. Also reachable as
// OpenStore("memory:").
//
// Thread safety: a Store; safe to call from several threads (reads share the
// lock, writes take it exclusively).
#ifndef HRKIT_STORAGE_MEMORY_STORE_HPP_
#define HRKIT_STORAGE_MEMORY_STORE_HPP_

#include <memory>

#include "hrkit/storage/store.hpp"

namespace hrkit {

// A new, empty memory store.
std::unique_ptr<Store> NewMemoryStore();

}  // namespace hrkit

#endif  // HRKIT_STORAGE_MEMORY_STORE_HPP_
