// The archive backend: the whole dataset in memory, persisted after every
// committed transaction (and every SaveAll) as one Boost.Serialization
// snapshot file. Reachable as OpenStore("archive:PATH") once
// RegisterArchiveBackend() was called, "archive:PATH?format=text|xml|binary".
//
// Durability: a snapshot is written to PATH.tmp in the same directory
// (streamed in 1 MiB appends, the header written last), fsynced, renamed
// over PATH, and the directory is fsynced; a crash leaves the old or the new
// file, never a mix. A commit returns only after that.
// A failed write returns an error (ResourceExhausted for a full disk,
// Unavailable for other I/O errors, naming the operation and the path); the
// store's content then stays as before the commit and PATH keeps the
// previous snapshot (if only the final directory fsync fails, the new file
// is already in place, so the previous snapshot is written again; should
// that fail too, PATH holds the new one until the next successful write).
//
// File layout: a 32-byte header (magic "HRKITARC", format version, payload
// kind, payload size, FNV-1a 64 checksum of the payload), then a Boost
// archive (binary, text or xml) written through the entities' Describe
// functions, with row versions: one section per entity type, keyed by the
// type's name (kEntityName), in any order. A file of an older format loads
// with the members added since at their default values; a format-1 file's
// leave policies and policy eligibility are upgraded to today's leave
// policies. A section of a type this build does not know is DataLoss. The
// loader checks the header before it reads the payload, then decodes the
// payload as it reads it (through a 64 KiB buffer: loading takes the memory
// of the entities, not of the file as well), hashing it on the way; what it
// decoded is used only once the whole payload matched the checksum. It
// bounds every count and length by the payload bytes left, so a truncated,
// corrupt or hostile file yields DataLoss, never a crash or an unbounded
// allocation.
//
// One store per file at a time: two stores (or processes) writing the same
// PATH overwrite each other's snapshots.
//
// Thread safety: a Store; reads share a lock, writes (and their file I/O)
// take it exclusively.
#ifndef HRKIT_STORAGE_ARCHIVE_STORE_HPP_
#define HRKIT_STORAGE_ARCHIVE_STORE_HPP_

#include <cstdint>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/file_system.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {

// The snapshot file format version this build writes and the newest it
// reads: the storage format (kStorageFormatVersion, core/describe.hpp).
// Files of every format from 1 up to it load; see the file layout above.
inline constexpr std::uint32_t kArchiveFormatVersion = static_cast<std::uint32_t>(kStorageFormatVersion);

// Which Boost archive holds the payload.
enum class ArchiveFormat {
  kBinary = 0,  // boost::archive::binary_oarchive: smallest and fastest
  kText = 1,    // boost::archive::text_oarchive
  kXml = 2,     // boost::archive::xml_oarchive
};

// How an archive store opens and writes its file.
struct ArchiveOptions {
  // The format of the snapshots this store writes. An existing file is read
  // in whatever format its header names.
  ArchiveFormat format = ArchiveFormat::kBinary;
  // Create an empty snapshot if PATH does not exist.
  bool create_if_missing = true;
  // Where files are read and written; nullptr = DefaultFileSystem(). Must
  // outlive the store.
  FileSystem* file_system = nullptr;
};

// Opens the archive store kept in the file `path`, loading it if it exists.
// The file's fixed-size header is read and checked first (magic, version,
// payload kind, declared payload size against the file's size); the payload
// is read only if it passes, and decoded as it is read (FileSystem::
// NewSequentialFile); the store opens only if all of it decoded and matched
// the checksum.
// Errors: InvalidArgument (empty path; a file that is not an hrkit archive,
// of an unknown payload kind, or from a newer format version), NotFound
// (missing file and !create_if_missing; or a file that cannot be created,
// e.g. in a missing directory: the message names PATH), FailedPrecondition
// (PATH is a directory, FIFO or device: nothing is read), DataLoss (a
// truncated or corrupt file, a header whose payload size is not the file's,
// a file that got shorter while it was read),
// and the FileSystem's errors for I/O.
absl::StatusOr<std::unique_ptr<Store>> OpenArchiveStore(std::string_view path, const ArchiveOptions& options = {});

// The content of an archive file (`bytes` is the whole file), as a Dataset,
// without opening a store. Versions are dropped. Errors as OpenArchiveStore:
// InvalidArgument for a wrong magic, unknown kind or newer version, DataLoss
// for anything truncated, corrupt or inconsistent.
absl::StatusOr<Dataset> ParseArchive(std::string_view bytes);

// Registers the "archive" scheme with OpenStore: "archive:PATH" (binary),
// "archive:PATH?format=text" or "?format=xml". Any other query is
// InvalidArgument. Safe to call more than once and from any thread.
absl::Status RegisterArchiveBackend();

}  // namespace hrkit

#endif  // HRKIT_STORAGE_ARCHIVE_STORE_HPP_
