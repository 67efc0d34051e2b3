// Internals of the PostgreSQL backend that its tests reach: the text escape
// for strings PostgreSQL TEXT cannot hold, and fault-injection hooks called at
// fixed points of a write transaction (to lose the connection at a chosen
// moment or to provoke a serialization failure). Internal to hrkit (src/).
//
// Thread safety: the escape functions are pure; hooks run on the calling
// thread with the store's lock held, so a hook must not call the same store.
#ifndef HRKIT_SRC_STORAGE_POSTGRES_STORE_INTERNAL_HPP_
#define HRKIT_SRC_STORAGE_POSTGRES_STORE_INTERNAL_HPP_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "hrkit/storage/postgres_store.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit::postgres_internal {

// The marker that starts an escaped string: U+FFFF in UTF-8.
inline constexpr std::string_view kEscapeMarker = "\xEF\xBF\xBF";

// True if `text` can be stored in TEXT as is: valid UTF-8 (no overlong forms,
// no surrogates, at most U+10FFFF), no NUL byte, not starting with the marker.
bool StorableAsIs(std::string_view text);

// The TEXT form of `text` (see postgres_store.hpp): `text` itself when
// StorableAsIs, else the marker and the escaped bytes.
std::string EscapeText(std::string_view text);

// The inverse of EscapeText: appends the original bytes to `out`. Returns
// false for a marked value whose escape is malformed.
bool UnescapeText(std::string_view stored, std::string& out);

// Where a write transaction (Commit or SaveAll) calls WriteHooks::stage.
enum class WriteStage {
  kBegun,       // after BEGIN and the row-version reads (the snapshot is taken)
  kWritten,     // after every write, before COMMIT is sent
  kCommitSent,  // after COMMIT was sent, before its result is read
};

struct WriteHooks {
  // Called with the stage and the attempt (0 for the first).
  std::function<void(WriteStage stage, int attempt)> stage;
};

// OpenPostgresStore with fault-injection hooks.
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStoreWithHooks(std::string_view uri, const PostgresOptions& options,
                                                                  WriteHooks hooks);

}  // namespace hrkit::postgres_internal

#endif  // HRKIT_SRC_STORAGE_POSTGRES_STORE_INTERNAL_HPP_
