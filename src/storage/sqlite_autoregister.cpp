// Makes the "sqlite" scheme of OpenStore available to every program that links
// hrkit::sqlite, with no call to forget: the library's link interface asks the
// linker to keep this file (its anchor symbol, see src/storage/CMakeLists.txt),
// and its static initializer registers the backend at start-up.
#include "hrkit/storage/sqlite_store.hpp"

namespace {

[[maybe_unused]] const bool kRegistered = [] {
  // RegisterStoreBackend can only fail on an empty scheme or factory.
  static_cast<void>(hrkit::RegisterSqliteBackend());
  return true;
}();

}  // namespace

// Referenced by the link interface of hrkit::sqlite (--undefined) so that a
// static link keeps this object file and runs its initializer.
extern "C" {
[[maybe_unused]] extern const int hrkit_sqlite_backend_anchor;
const int hrkit_sqlite_backend_anchor = 1;
}
