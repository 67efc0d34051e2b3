// The POSIX FileSystem the archive backend writes through.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/file_system.hpp"
#include "hrkit/storage/open_store.hpp"

namespace hrkit {

WritableFile::~WritableFile() = default;
FileSystem::~FileSystem() = default;

absl::StatusOr<std::string> FileSystem::ReadFileCheckingHeader(const std::string& path, std::size_t header_bytes,
                                                               const HeaderCheck& check) {
  HRKIT_ASSIGN_OR_RETURN(std::string content, ReadFile(path));
  HRKIT_RETURN_IF_ERROR(check(std::string_view(content).substr(0, header_bytes), content.size()));
  return content;
}

absl::Status FileErrorStatus(std::string_view op, std::string_view path, int errno_value) {
  // A path of any length is cut to what an error message quotes.
  const bool cut = path.size() > kMaxQuotedUriBytes;
  const std::string message = absl::StrCat(ToAbsl(op), " ", ToAbsl(path.substr(0, kMaxQuotedUriBytes)),
                                           cut ? "..." : "", ": ", std::strerror(errno_value));
  switch (errno_value) {
    case ENOENT:
      return absl::NotFoundError(message);
    case ENOSPC:
    case EDQUOT:
      return absl::ResourceExhaustedError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    default:
      return absl::UnavailableError(message);
  }
}

namespace {

// Retries a system call interrupted by a signal.
template <class Fn>
auto RetryOnEintr(Fn fn) {
  auto result = fn();
  while (result < 0 && errno == EINTR) result = fn();
  return result;
}

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }

  absl::Status Append(std::string_view data) override {
    while (!data.empty()) {
      const ssize_t n = RetryOnEintr([&] { return ::write(fd_, data.data(), data.size()); });
      if (n < 0) return FileErrorStatus("write", path_, errno);
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return absl::OkStatus();
  }

  absl::Status WriteAt(std::uint64_t offset, std::string_view data) override {
    while (!data.empty()) {
      const ssize_t n =
          RetryOnEintr([&] { return ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(offset)); });
      if (n < 0) return FileErrorStatus("pwrite", path_, errno);
      data.remove_prefix(static_cast<std::size_t>(n));
      offset += static_cast<std::uint64_t>(n);
    }
    return absl::OkStatus();
  }

  absl::Status Sync() override {
    if (RetryOnEintr([&] { return ::fsync(fd_); }) != 0) return FileErrorStatus("fsync", path_, errno);
    return absl::OkStatus();
  }

  absl::Status Close() override {
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) return FileErrorStatus("close", path_, errno);
    return absl::OkStatus();
  }

 private:
  std::string path_;
  int fd_;
};

// What a file that is not a regular file is, for a message.
std::string_view FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Reads `size` bytes from `fd` at `offset` into `out` (fewer at the end of
// the file).
absl::Status ReadAt(int fd, const std::string& path, std::uint64_t offset, std::uint64_t size, std::string& out) {
  char buffer[1 << 16];
  while (size > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, sizeof(buffer)));
    const ssize_t n = RetryOnEintr([&] { return ::pread(fd, buffer, want, static_cast<off_t>(offset)); });
    if (n < 0) return FileErrorStatus("read", path, errno);
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
    size -= static_cast<std::uint64_t>(n);
  }
  return absl::OkStatus();
}

// The content of the open `fd`: refuses anything but a regular file, reads
// the header, checks it, then the rest up to the size fstat gave.
absl::StatusOr<std::string> ReadOpenFile(int fd, const std::string& path, std::size_t header_bytes,
                                         const FileSystem::HeaderCheck& check) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return FileErrorStatus("stat", path, errno);
  if (!S_ISREG(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat("read ", ToAbsl(path), ": ", ToAbsl(FileKind(info.st_mode)),
                                                      ", not a regular file: give the path of a file"));
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  std::string content;
  HRKIT_RETURN_IF_ERROR(ReadAt(fd, path, 0, std::min<std::uint64_t>(header_bytes, size), content));
  HRKIT_RETURN_IF_ERROR(check(content, size));
  content.reserve(static_cast<std::size_t>(size));
  HRKIT_RETURN_IF_ERROR(ReadAt(fd, path, content.size(), size - content.size(), content));
  return content;
}

class PosixFileSystem final : public FileSystem {
 public:
  absl::StatusOr<std::string> ReadFile(const std::string& path) override {
    return ReadFileCheckingHeader(path, 0, [](std::string_view, std::uint64_t) { return absl::OkStatus(); });
  }

  absl::StatusOr<std::string> ReadFileCheckingHeader(const std::string& path, std::size_t header_bytes,
                                                     const HeaderCheck& check) override {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const int fd = RetryOnEintr([&] { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY); });
    if (fd < 0) return FileErrorStatus("open", path, errno);
    absl::StatusOr<std::string> content = ReadOpenFile(fd, path, header_bytes, check);
    ::close(fd);
    return content;
  }

  absl::StatusOr<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override {
    const int fd = RetryOnEintr([&] { return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644); });
    if (fd < 0) return FileErrorStatus("open", path, errno);
    return std::unique_ptr<WritableFile>(std::make_unique<PosixWritableFile>(path, fd));
  }

  absl::Status Rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) return FileErrorStatus(absl::StrCat("rename to ", to), from, errno);
    return absl::OkStatus();
  }

  absl::Status SyncDir(const std::string& dir) override {
    const int fd = RetryOnEintr([&] { return ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); });
    if (fd < 0) return FileErrorStatus("open directory", dir, errno);
    const int result = RetryOnEintr([&] { return ::fsync(fd); });
    const int error = errno;
    ::close(fd);
    if (result != 0) return FileErrorStatus("fsync directory", dir, error);
    return absl::OkStatus();
  }

  absl::Status RemoveFile(const std::string& path) override {
    if (::unlink(path.c_str()) != 0) return FileErrorStatus("remove", path, errno);
    return absl::OkStatus();
  }
};

}  // namespace

FileSystem* DefaultFileSystem() {
  static FileSystem* file_system = new PosixFileSystem();  // never destroyed: usable during exit
  return file_system;
}

}  // namespace hrkit
