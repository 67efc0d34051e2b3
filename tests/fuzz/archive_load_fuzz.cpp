// Fuzz target for the archive loader: arbitrary bytes go to ParseArchive,
// once as they are and once with the header repaired (magic, a format
// version it reads, a known payload kind, the payload's size and checksum), so the fuzzer gets
// past the checksum into the Boost deserializer and hrkit's checks.
//
// Properties checked beyond "no crash, no leak, no undefined behaviour, no
// unbounded allocation": a failed load is DataLoss or InvalidArgument, and
// whatever the loader accepts is a dataset every store accepts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/memory_store.hpp"
#include "hrkit/storage/store.hpp"

namespace {

constexpr std::size_t kHeaderSize = 32;

std::uint64_t Fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

void Put(std::string& out, std::size_t offset, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out[offset + static_cast<std::size_t>(i)] = static_cast<char>(value >> (8 * i));
}

[[noreturn]] void Die(const char* what, const absl::Status& status) {
  std::fprintf(stderr, "archive_load_fuzz: %s: %s\n", what, status.ToString().c_str());
  std::abort();
}

void CheckLoad(std::string_view bytes) {
  absl::StatusOr<hrkit::Dataset> data = hrkit::ParseArchive(bytes);
  if (!data.ok()) {
    const absl::StatusCode code = data.status().code();
    if (code != absl::StatusCode::kDataLoss && code != absl::StatusCode::kInvalidArgument) {
      Die("a failed load must be DataLoss or InvalidArgument", data.status());
    }
    return;
  }
  std::unique_ptr<hrkit::Store> store = hrkit::NewMemoryStore();
  if (absl::Status saved = store->SaveAll(*data); !saved.ok()) Die("an accepted archive is not storable", saved);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckLoad(bytes);
  if (size >= kHeaderSize) {
    std::string repaired(bytes);
    std::memcpy(repaired.data(), "HRKITARC", 8);
    // A format version this build reads (1 or 2; the input's own if it is
    // one), so both layouts get fuzzed.
    const unsigned version = static_cast<unsigned char>(repaired[8]);
    Put(repaired, 8, 1 + (version + hrkit::kArchiveFormatVersion - 1) % hrkit::kArchiveFormatVersion, 4);
    Put(repaired, 12, static_cast<unsigned char>(repaired[12]) % 3, 4);
    const std::string_view payload = std::string_view(repaired).substr(kHeaderSize);
    Put(repaired, 16, payload.size(), 8);
    Put(repaired, 24, Fnv1a(payload), 8);
    CheckLoad(repaired);
  }
  return 0;
}
