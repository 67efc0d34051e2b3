// The POSIX FileSystem the archive backend writes through.
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/file_system.hpp"

namespace hrkit {

WritableFile::~WritableFile() = default;
FileSystem::~FileSystem() = default;

absl::Status FileErrorStatus(std::string_view op, std::string_view path, int errno_value) {
  const std::string message = absl::StrCat(ToAbsl(op), " ", ToAbsl(path), ": ", std::strerror(errno_value));
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
      const ssize_t n = RetryOnEintr(
          [&] { return ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(offset)); });
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

class PosixFileSystem final : public FileSystem {
 public:
  absl::StatusOr<std::string> ReadFile(const std::string& path) override {
    const int fd = RetryOnEintr([&] { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); });
    if (fd < 0) return FileErrorStatus("open", path, errno);
    std::string content;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    while (true) {
      const ssize_t n = RetryOnEintr([&] { return ::read(fd, buffer, sizeof(buffer)); });
      if (n < 0) {
        const int error = errno;
        ::close(fd);
        return FileErrorStatus("read", path, error);
      }
      if (n == 0) break;
      content.append(buffer, static_cast<std::size_t>(n));
    }
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
