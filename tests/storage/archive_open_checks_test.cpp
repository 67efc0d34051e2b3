// Opening an archive reads and checks its fixed-size header first: a path
// that is not a regular file is refused before any read, a wrong magic or a
// payload size the file does not have costs one small read, and errors name
// the archive file and what to do.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "archive_codec.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit_test {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::Not;

class ArchiveOpenChecksTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(testing::TempDir()) /
            absl::StrCat("hrkit_arc_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A sparse file of `size` bytes (no disk used) starting with `head`.
  std::string SparseFile(const std::string& head, std::uint64_t size) {
    const std::string path = dir_ + "/sparse.hrk";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(::write(fd, head.data(), head.size()), static_cast<ssize_t>(head.size()));
    EXPECT_EQ(::ftruncate(fd, static_cast<off_t>(size)), 0);
    ::close(fd);
    return path;
  }

  std::string dir_;
};

constexpr std::uint64_t kSixGiB = std::uint64_t{6} << 30;

TEST_F(ArchiveOpenChecksTest, ASixGiBSparseFileWithAWrongMagicFailsFromItsHeader) {
  const std::string path = SparseFile("NOTANARCHIVE", kSixGiB);
  const auto opened = hrkit::OpenArchiveStore(path);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(opened), HasSubstr("wrong magic"));
  EXPECT_THAT(Message(opened), HasSubstr(path));
  EXPECT_EQ(fs::file_size(path), kSixGiB);  // untouched
}

TEST_F(ArchiveOpenChecksTest, APayloadSizeTheFileDoesNotHaveFailsBeforeThePayloadIsRead) {
  // A valid header prefix: magic, version 1, kind 0, declared size 10; the
  // file is 6 GiB, so 6 GiB - 32 payload bytes, not 10.
  std::string head(hrkit::archive_internal::kMagic);
  head += std::string("\x01\x00\x00\x00", 4) + std::string(4, '\0') + std::string("\x0a", 1) + std::string(7, '\0');
  head += std::string(8, '\0');
  ASSERT_EQ(head.size(), hrkit::archive_internal::kHeaderSize);
  const std::string path = SparseFile(head, kSixGiB);
  const auto opened = hrkit::OpenArchiveStore(path);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kDataLoss);
  // 6 GiB - 32 = 6442450944 - 32 = 6442450912.
  EXPECT_THAT(Message(opened), HasSubstr("announces 10 payload bytes, the file has 6442450912"));
}

TEST_F(ArchiveOpenChecksTest, AFifoIsRefusedWithoutWaitingForAWriter) {
  const std::string path = dir_ + "/pipe.hrk";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  const auto opened = hrkit::OpenArchiveStore(path);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(opened), HasSubstr("a FIFO, not a regular file"));
}

TEST_F(ArchiveOpenChecksTest, ADeviceIsRefusedBeforeAnyRead) {
  const auto opened = hrkit::OpenStore("archive:/dev/zero");
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(opened), HasSubstr("a character device, not a regular file"));
}

TEST_F(ArchiveOpenChecksTest, ADirectoryIsRefused) {
  const auto opened = hrkit::OpenArchiveStore(dir_);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(opened), HasSubstr("a directory, not a regular file"));
}

TEST_F(ArchiveOpenChecksTest, AFileThatCannotBeCreatedIsNamedNotItsTemporary) {
  const std::string path = dir_ + "/no/such/dir/hr.hrk";
  const auto opened = hrkit::OpenStore("archive:" + path);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(opened),
              HasSubstr(absl::StrCat("archive file \"", path, "\" does not exist and cannot be created")));
  EXPECT_THAT(Message(opened), HasSubstr("check that its directory exists"));
  EXPECT_THAT(Message(opened), Not(testing::StartsWith("open")));
}

TEST_F(ArchiveOpenChecksTest, AVeryLongPathIsCutInMessages) {
  std::string path = dir_ + "/missing";
  for (int i = 0; i < 30; ++i) path += "/" + std::string(100, 'd');
  path += "/hr.hrk";
  const auto opened = hrkit::OpenArchiveStore(path);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kNotFound);
  // The path (over 3000 bytes) appears twice, each time cut to 200 bytes.
  EXPECT_LT(Message(opened).size(), 700u);
  EXPECT_THAT(Message(opened), HasSubstr("...\" does not exist and cannot be created"));
  EXPECT_THAT(Message(opened), HasSubstr("...: No such file or directory"));
}

}  // namespace
}  // namespace hrkit_test
