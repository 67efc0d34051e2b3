// FileSystem: the small file interface the archive backend reads and writes
// through (open for reading front to back; open, append, write at an
// offset, fsync, rename, fsync of a directory), in the manner of LevelDB's
// Env. The default implementation calls POSIX; tests substitute one that
// fails a chosen operation or records reads, so every error path of a save
// or a load can be tried.
//
// Errors follow errno: ENOENT -> NotFound, ENOSPC/EDQUOT -> ResourceExhausted,
// EACCES/EPERM -> PermissionDenied, anything else (EIO...) -> Unavailable.
// Every message names the operation and the path, e.g.
// "fsync /var/lib/hr/hr.hrk.tmp: Input/output error" (a path longer than
// kMaxQuotedUriBytes of open_store.hpp is cut there and ends in "...").
//
// Thread safety: a FileSystem must be safe to call from several threads; a
// SequentialFile or a WritableFile is used by one thread at a time.
#ifndef HRKIT_STORAGE_FILE_SYSTEM_HPP_
#define HRKIT_STORAGE_FILE_SYSTEM_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace hrkit {

// A file open for reading from its start to its end, one piece at a time
// (LevelDB's SequentialFile): whoever reads it decides how much it holds.
class SequentialFile {
 public:
  SequentialFile() = default;
  SequentialFile(const SequentialFile&) = delete;
  SequentialFile& operator=(const SequentialFile&) = delete;
  // Closes the file.
  virtual ~SequentialFile();

  // The file's size when it was opened. The file may change afterwards:
  // Read then ends elsewhere, and a reader that trusts the size must check.
  virtual std::uint64_t Size() const = 0;

  // Reads up to `buffer.size()` bytes into `buffer`, continuing where the
  // previous read stopped. Returns how many were read, which may be fewer
  // than asked (read again for more); 0 only at the end of the file (or for
  // an empty buffer).
  // Errors: Unavailable (read error, naming the operation and the path).
  virtual absl::StatusOr<std::size_t> Read(std::span<char> buffer) = 0;
};

// A file open for writing from its start (created or truncated).
class WritableFile {
 public:
  WritableFile() = default;
  WritableFile(const WritableFile&) = delete;
  WritableFile& operator=(const WritableFile&) = delete;
  // Closes the file if Close was not called (errors are then ignored).
  virtual ~WritableFile();

  // Appends `data` at the end of the file.
  virtual absl::Status Append(std::string_view data) = 0;
  // Overwrites the bytes at `offset` with `data` (pwrite); the file's end
  // does not move. REQUIRES: offset + data.size() <= the bytes appended.
  virtual absl::Status WriteAt(std::uint64_t offset, std::string_view data) = 0;
  // Flushes the file's data to stable storage (fsync).
  virtual absl::Status Sync() = 0;
  // Closes the file. REQUIRES: called at most once.
  virtual absl::Status Close() = 0;
};

// The file operations a snapshot writer needs.
class FileSystem {
 public:
  FileSystem() = default;
  FileSystem(const FileSystem&) = delete;
  FileSystem& operator=(const FileSystem&) = delete;
  virtual ~FileSystem();

  // The whole content of the file at `path`.
  // Errors: NotFound (no such file), FailedPrecondition (the POSIX file
  // system: not a regular file), Unavailable (read error).
  virtual absl::StatusOr<std::string> ReadFile(const std::string& path) = 0;

  // Opens the regular file at `path` for reading front to back. The POSIX
  // file system reads from the file as the caller asks, so the caller's
  // buffer is all the memory a read takes (an archive store loads this way).
  // The default serves the content of ReadFile from memory, so a FileSystem
  // that implements only ReadFile keeps working, without that saving.
  // Errors: NotFound (no such file), FailedPrecondition (the POSIX file
  // system: not a regular file, e.g. a directory, a FIFO or a device; it is
  // opened non-blocking and nothing is read), Unavailable (open error).
  virtual absl::StatusOr<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path);

  // Checks the first bytes of a file before the rest is read: gets them
  // (`header_bytes` of them, fewer if the file is shorter) and the file's
  // size; an error it returns is returned before anything more is read.
  using HeaderCheck = std::function<absl::Status(std::string_view header, std::uint64_t file_size)>;

  // The whole content of the regular file at `path`, read header first:
  // `check` sees its first `header_bytes` bytes and its size, and the rest
  // is read only if it returns OK (then exactly the size it was given, so a
  // wrong magic or a size the header does not declare costs one small
  // read). The default reads through NewSequentialFile.
  // Errors: NotFound (no such file), FailedPrecondition (not a regular file:
  // a directory, a FIFO, a device; nothing is read from it), `check`'s
  // errors, Unavailable (read error).
  virtual absl::StatusOr<std::string> ReadFileCheckingHeader(const std::string& path, std::size_t header_bytes,
                                                             const HeaderCheck& check);

  // Creates (or truncates) `path` for writing.
  virtual absl::StatusOr<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) = 0;

  // Atomically replaces `to` with `from` (rename(2)).
  virtual absl::Status Rename(const std::string& from, const std::string& to) = 0;

  // Flushes the directory `dir` (its entries, e.g. a rename) to stable storage.
  virtual absl::Status SyncDir(const std::string& dir) = 0;

  // Removes the file `path`. Errors: NotFound if it does not exist.
  virtual absl::Status RemoveFile(const std::string& path) = 0;
};

// The POSIX file system. Never null; lives for the whole program.
FileSystem* DefaultFileSystem();

// The Status for a failed file operation `op` on `path` with `errno_value`,
// mapped as the header comment says.
absl::Status FileErrorStatus(std::string_view op, std::string_view path, int errno_value);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_FILE_SYSTEM_HPP_
