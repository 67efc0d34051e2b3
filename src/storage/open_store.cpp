// OpenStore and the table of registered backends.
#include "hrkit/storage/open_store.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/memory_store.hpp"

namespace hrkit {
namespace {

// The registered factories. The only process-wide state of the storage
// module: a table of plug-ins, filled by the backends' Register*Backend().
struct BackendTable {
  std::mutex mutex;
  std::map<std::string, StoreFactory, std::less<>> factories;
};

BackendTable& Backends() {
  static BackendTable* table = new BackendTable();  // never destroyed: usable during exit
  return *table;
}

// Schemes hrkit knows of, with the target that provides each and its
// registration call.
struct KnownBackend {
  std::string_view scheme;
  std::string_view target;
  std::string_view call;
};
constexpr KnownBackend kKnownBackends[] = {
    {"sqlite", "hrkit::sqlite (HRKIT_WITH_SQLITE)", "hrkit::RegisterSqliteBackend()"},
    {"archive", "the hrkit archive backend", "hrkit::RegisterArchiveBackend()"},
    {"postgresql", "hrkit::postgres (HRKIT_WITH_POSTGRES)", "hrkit::RegisterPostgresBackend()"},
    {"postgres", "hrkit::postgres (HRKIT_WITH_POSTGRES)", "hrkit::RegisterPostgresBackend()"},
};

}  // namespace

absl::Status RegisterStoreBackend(std::string_view scheme, StoreFactory factory) {
  if (scheme.empty() || scheme.find(':') != std::string_view::npos || scheme == "memory") {
    return absl::InvalidArgumentError(
        absl::StrCat("store backend scheme \"", ToAbsl(scheme), "\" is empty, contains ':' or is built in"));
  }
  if (!factory) {
    return absl::InvalidArgumentError(absl::StrCat("store backend \"", ToAbsl(scheme), "\": empty factory"));
  }
  BackendTable& table = Backends();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.factories.insert_or_assign(std::string(scheme), std::move(factory));
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri) {
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "store uri \"", ToAbsl(uri), "\" has no scheme (expected memory:, sqlite:PATH, archive:PATH, postgresql://...)"));
  }
  const std::string_view scheme = uri.substr(0, colon);
  if (scheme == "memory") {
    if (uri.size() != colon + 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("store uri \"", ToAbsl(uri), "\": the memory backend takes no path (use \"memory:\")"));
    }
    return NewMemoryStore();
  }
  StoreFactory factory;
  {
    BackendTable& table = Backends();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (auto it = table.factories.find(scheme); it != table.factories.end()) factory = it->second;
  }
  if (factory) {
    return GuardExceptions(absl::StrCat("open store ", ToAbsl(scheme)), [&] { return factory(uri); });
  }
  for (const KnownBackend& known : kKnownBackends) {
    if (known.scheme == scheme) {
      return absl::UnimplementedError(absl::StrCat("store backend \"", ToAbsl(scheme),
                                                   "\" is not available: link ", ToAbsl(known.target),
                                                   " and call ", ToAbsl(known.call), " once before OpenStore"));
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("store uri \"", ToAbsl(uri), "\": unknown scheme \"",
                                                 ToAbsl(scheme), "\""));
}

}  // namespace hrkit
