// Makes the "postgres" scheme of OpenStore available to every program that links
// hrkit::postgres, with no call to forget: the library's link interface asks the
// linker to keep this file (its anchor symbol, see src/storage/CMakeLists.txt),
// and its static initializer registers the backend at start-up.
#include "hrkit/storage/postgres_store.hpp"

namespace {

[[maybe_unused]] const bool kRegistered = [] {
  // RegisterStoreBackend can only fail on an empty scheme or factory.
  static_cast<void>(hrkit::RegisterPostgresBackend());
  return true;
}();

}  // namespace

// Referenced by the link interface of hrkit::postgres (--undefined) so that a
// static link keeps this object file and runs its initializer.
extern "C" {
[[maybe_unused]] extern const int hrkit_postgres_backend_anchor;
const int hrkit_postgres_backend_anchor = 1;
}
