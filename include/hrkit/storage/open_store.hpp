// OpenStore: opens a Store from a URI, and the table of backends it knows.
//
//   "memory:"                         always available (memory_store.hpp)
//   "archive:/path/hr.hrk?format=xml" always available (archive_store.hpp)
//   "sqlite:/path/hr.db"              in a program that links hrkit::sqlite
//   "postgresql://..."                in a program that links hrkit::postgres
//
// No call is needed to make a backend available: the archive backend is part
// of hrkit, and each optional backend library registers its scheme when the
// program starts (its link interface keeps the registering object file). A
// scheme whose backend is not linked returns Unimplemented saying which
// target to link, never a stand-in. RegisterStoreBackend adds a scheme of
// the caller's own (a test double, a backend outside hrkit).
//
// Thread safety: OpenStore and RegisterStoreBackend may be called from any
// thread; the table of schemes is guarded by a mutex.
#ifndef HRKIT_STORAGE_OPEN_STORE_HPP_
#define HRKIT_STORAGE_OPEN_STORE_HPP_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
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

// The longest part of a URI an error message quotes (longer ones are cut and
// end in "...").
inline constexpr std::size_t kMaxQuotedUriBytes = 200;

// `uri` quoted for an error message: in double quotes, at most
// kMaxQuotedUriBytes of it (then "..."), control bytes (NUL included) shown
// as \xNN. Backends use it so no message repeats a URI of any length.
std::string QuoteUriForMessage(std::string_view uri);

// Opens the store named by `uri`.
// Errors: InvalidArgument (no scheme, an unknown scheme, a malformed URI, a
// NUL byte anywhere in the URI: a path or connection string is never cut at
// it);
// Unimplemented (a known backend that is not built or not linked; the
// message names the CMake target); the backend's
// own errors (e.g. FailedPrecondition for a database of a newer schema).
//
// Example (a program linked with hrkit::sqlite):
//   HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore("sqlite:/var/lib/hr/hr.db"));
absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_OPEN_STORE_HPP_
