// Internal to the archive backend: the in-memory tables of an archive store
// and the snapshot file format that holds them (see archive_store.hpp for the
// layout). Encoding walks each entity through its Describe function with a
// Boost.Serialization adapter; decoding streams the payload from the file
// (archive_payload_reader.hpp) and bounds every count and length by the
// bytes left in the payload before it allocates anything.
//
// Thread safety: pure functions over their arguments.
#ifndef HRKIT_SRC_STORAGE_ARCHIVE_CODEC_HPP_
#define HRKIT_SRC_STORAGE_ARCHIVE_CODEC_HPP_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "absl/status/statusor.h"
#include "archive_payload_reader.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/file_system.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit::archive_internal {

template <class Variant>
struct TablesOf;
template <class... Es>
struct TablesOf<std::variant<Es...>> {
  using Type = std::tuple<std::map<std::int64_t, Versioned<Es>>...>;
};

// One ordered map per stored entity type, keyed by id, with row versions.
using Tables = TablesOf<AnyEntity>::Type;
template <class E>
using TableOf = std::map<std::int64_t, Versioned<E>>;

// The file header: magic, format version, payload kind, payload size and the
// FNV-1a 64 checksum of the payload, all little-endian.
inline constexpr std::size_t kHeaderSize = 32;
inline constexpr std::string_view kMagic = "HRKITARC";

// Writes the complete snapshot file (header and payload) for `tables` to
// `file`, which must be new and empty. The payload is streamed in 1 MiB
// appends; the header, whose size and checksum are known only at the end, is
// written last at offset 0 (so a file cut short never carries a valid one).
// Errors: the file's errors unchanged (the file is then incomplete: discard
// it); Internal if Boost fails to write (it should not).
absl::Status WriteSnapshot(const Tables& tables, ArchiveFormat format, WritableFile& file);

// Checks the fixed-size header of a snapshot file of `file_size` bytes
// whose first bytes are `header` (kHeaderSize of them, fewer if the file is
// shorter), before the rest is read: the magic, the format version, the
// payload kind, and the payload size it declares against the file's size.
// Errors: as DecodeSnapshot (InvalidArgument for a wrong magic, DataLoss for
// a size mismatch or a truncated header).
absl::Status CheckHeader(std::string_view header, std::uint64_t file_size);

// The tables held by the snapshot file `file`, read from its start to its
// end once. The header is read and checked first (CheckHeader, against
// file.Size()); then the payload is decoded section by section as it is
// read, through one PayloadReader::kChunk buffer, and hashed on the way.
// Peak memory is the decoded tables plus that buffer, never the payload.
// The tables are returned only if the whole payload decoded and its
// checksum matched; when decoding fails, the rest of the payload is still
// read, so a file whose bytes changed reports the checksum mismatch rather
// than what the change broke.
// Errors: InvalidArgument (not an hrkit archive, unknown payload kind, a
// newer or unknown format version), DataLoss (truncated, also while being
// read; corrupt; failing the checksum; content that would not pass
// ValidateEntity), the file's read errors.
absl::StatusOr<Tables> ReadSnapshot(SequentialFile& file);

// ReadSnapshot of a whole snapshot file already in memory.
absl::StatusOr<Tables> DecodeSnapshot(std::string_view bytes);

}  // namespace hrkit::archive_internal

#endif  // HRKIT_SRC_STORAGE_ARCHIVE_CODEC_HPP_
