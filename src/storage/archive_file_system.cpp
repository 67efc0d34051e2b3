// The POSIX FileSystem the archive backend reads and writes through, and the
// FileSystem defaults for reading.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
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

SequentialFile::~SequentialFile() = default;
WritableFile::~WritableFile() = default;
FileSystem::~FileSystem() = default;

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

// The whole content of `content`, served front to back: the default
// SequentialFile.
class StringSequentialFile final : public SequentialFile {
 public:
  explicit StringSequentialFile(std::string content) : content_(std::move(content)) {}

  std::uint64_t Size() const override { return content_.size(); }

  absl::StatusOr<std::size_t> Read(std::span<char> buffer) override {
    const std::size_t n = std::min(buffer.size(), content_.size() - offset_);
    if (n > 0) std::memcpy(buffer.data(), content_.data() + offset_, n);
    offset_ += n;
    return n;
  }

 private:
  std::string content_;
  std::size_t offset_ = 0;
};

// Appends up to `size` bytes of `file` (fewer at its end) to `out`.
absl::Status ReadUpTo(SequentialFile& file, std::uint64_t size, std::string& out) {
  char buffer[1 << 16];
  while (size > 0) {
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(size, sizeof(buffer)));
    HRKIT_ASSIGN_OR_RETURN(const std::size_t n, file.Read(std::span<char>(buffer, want)));
    if (n == 0) break;
    out.append(buffer, n);
    size -= n;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<SequentialFile>> FileSystem::NewSequentialFile(const std::string& path) {
  HRKIT_ASSIGN_OR_RETURN(std::string content, ReadFile(path));
  return std::unique_ptr<SequentialFile>(std::make_unique<StringSequentialFile>(std::move(content)));
}

absl::StatusOr<std::string> FileSystem::ReadFileCheckingHeader(const std::string& path, std::size_t header_bytes,
                                                               const HeaderCheck& check) {
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, NewSequentialFile(path));
  const std::uint64_t size = file->Size();
  std::string content;
  HRKIT_RETURN_IF_ERROR(ReadUpTo(*file, std::min<std::uint64_t>(header_bytes, size), content));
  HRKIT_RETURN_IF_ERROR(check(content, size));
  content.reserve(static_cast<std::size_t>(size));
  HRKIT_RETURN_IF_ERROR(ReadUpTo(*file, size - content.size(), content));
  return content;
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

// A regular file open for reading; reads go straight to the caller's buffer.
class PosixSequentialFile final : public SequentialFile {
 public:
  PosixSequentialFile(std::string path, int fd, std::uint64_t size) : path_(std::move(path)), fd_(fd), size_(size) {}
  ~PosixSequentialFile() override { ::close(fd_); }

  std::uint64_t Size() const override { return size_; }

  absl::StatusOr<std::size_t> Read(std::span<char> buffer) override {
    const ssize_t n = RetryOnEintr([&] { return ::read(fd_, buffer.data(), buffer.size()); });
    if (n < 0) return FileErrorStatus("read", path_, errno);
    return static_cast<std::size_t>(n);
  }

 private:
  std::string path_;
  int fd_;
  std::uint64_t size_;
};

class PosixFileSystem final : public FileSystem {
 public:
  absl::StatusOr<std::string> ReadFile(const std::string& path) override {
    HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, NewSequentialFile(path));
    std::string content;
    content.reserve(static_cast<std::size_t>(file->Size()));
    HRKIT_RETURN_IF_ERROR(ReadUpTo(*file, file->Size(), content));
    return content;
  }

  absl::StatusOr<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path) override {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const int fd = RetryOnEintr([&] { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY); });
    if (fd < 0) return FileErrorStatus("open", path, errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
      const int error = errno;
      ::close(fd);
      return FileErrorStatus("stat", path, error);
    }
    if (!S_ISREG(info.st_mode)) {
      ::close(fd);
      return absl::FailedPreconditionError(absl::StrCat("read ", ToAbsl(path), ": ", ToAbsl(FileKind(info.st_mode)),
                                                        ", not a regular file: give the path of a file"));
    }
    return std::unique_ptr<SequentialFile>(
        std::make_unique<PosixSequentialFile>(path, fd, static_cast<std::uint64_t>(info.st_size)));
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
