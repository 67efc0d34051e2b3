// OpenStore: opens a Store from a URI, and the table of backends it knows.
//
//   "memory:"                         always available (memory_store.hpp)
//   "sqlite:/path/hr.db"              hrkit::sqlite, after RegisterSqliteBackend()
//   "archive:/path/hr.hrk?format=xml" the archive backend, once registered
//   "postgresql://..."                the postgres backend, once registered
//
// The core library cannot depend on its optional backends, so each backend
// library provides a `Register<Name>Backend()` function that adds its scheme
// here; a program that links the backend calls it once at start-up. A scheme
// whose backend was not registered returns Unimplemented saying which target
// to link and what to call, never a stand-in.
//
// Thread safety: OpenStore and RegisterStoreBackend may be called from any
// thread; the table of schemes is guarded by a mutex.
#ifndef HRKIT_STORAGE_OPEN_STORE_HPP_
#define HRKIT_STORAGE_OPEN_STORE_HPP_

#include <functional>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/storage/store.hpp"

namespace hrkit {

// Opens a store for a full URI (scheme included). Must be callable from any
// thread.
using StoreFactory = std::function<absl::StatusOr<std::unique_ptr<Store>>(std::string_view uri)>;

// Adds the backend for `scheme` (the text before the first ':', e.g. "sqlite";
// for "postgresql://" the scheme is "postgresql"). Registering the same
// scheme again replaces the factory (so Register*Backend may be called more
// than once). Returns InvalidArgument for an empty scheme, one containing ':'
// or "memory" (built in), or an empty factory.
absl::Status RegisterStoreBackend(std::string_view scheme, StoreFactory factory);

// Opens the store named by `uri`.
// Errors: InvalidArgument (no scheme, an unknown scheme, a malformed URI);
// Unimplemented (a known backend that is not built or not registered; the
// message names the CMake target and the registration call); the backend's
// own errors (e.g. FailedPrecondition for a database of a newer schema).
//
// Example:
//   HRKIT_RETURN_IF_ERROR(RegisterSqliteBackend());   // links hrkit::sqlite
//   HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
//                          OpenStore("sqlite:/var/lib/hr/hr.db"));
absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_OPEN_STORE_HPP_
