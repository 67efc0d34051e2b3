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
#include "hrkit/storage/archive_store.hpp"
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

// The archive backend is part of this library: it is there without a call.
void RegisterBuiltInBackends() {
  static std::once_flag once;
  std::call_once(once, [] { static_cast<void>(RegisterArchiveBackend()); });
}

// Optional backends hrkit knows of, with the target that provides each.
struct KnownBackend {
  std::string_view scheme;
  std::string_view target;
};
constexpr KnownBackend kKnownBackends[] = {
    {"sqlite", "hrkit::sqlite (built with HRKIT_WITH_SQLITE)"},
    {"postgresql", "hrkit::postgres (built with HRKIT_WITH_POSTGRES)"},
    {"postgres", "hrkit::postgres (built with HRKIT_WITH_POSTGRES)"},
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

std::string QuoteUriForMessage(std::string_view uri) {
  const bool cut = uri.size() > kMaxQuotedUriBytes;
  if (cut) uri = uri.substr(0, kMaxQuotedUriBytes);
  std::string out = "\"";
  for (const char c : uri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      absl::StrAppend(&out, "\\x", absl::Hex(byte, absl::kZeroPad2));
    } else {
      out += c;
    }
  }
  absl::StrAppend(&out, cut ? "...\"" : "\"");
  return out;
}

absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view uri) {
  if (const std::size_t nul = uri.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("store uri ", QuoteUriForMessage(uri), " has a NUL byte at offset ",
                                                   nul,
                                                   ": remove it (a path or connection string is never cut there)"));
  }
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("store uri ", QuoteUriForMessage(uri),
                     " has no scheme (expected memory:, sqlite:PATH, archive:PATH, postgresql://...)"));
  }
  const std::string_view scheme = uri.substr(0, colon);
  if (scheme == "memory") {
    if (uri.size() != colon + 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("store uri ", QuoteUriForMessage(uri), ": the memory backend takes no path (use \"memory:\")"));
    }
    return NewMemoryStore();
  }
  RegisterBuiltInBackends();
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
      return absl::UnimplementedError(absl::StrCat(
          "store backend \"", ToAbsl(scheme), "\" is not available: link the program with ", ToAbsl(known.target)));
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("store uri ", QuoteUriForMessage(uri), ": unknown scheme ",
                                                 QuoteUriForMessage(scheme),
                                                 " (expected memory:, sqlite:PATH, archive:PATH, postgresql://...)"));
}

}  // namespace hrkit
