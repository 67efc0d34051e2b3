// Fault injection for the archive backend: a FileSystem that fails the Nth
// file operation of a save with EIO or ENOSPC, tried for every N. After each
// failure the commit reports the error, the store holds what it held before,
// and the file on disk is the previous snapshot, byte for byte.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/file_system.hpp"
#include "hrkit_test/files.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "store_test_data.hpp"

namespace hrkit {
// Prints the format by name (ctest lists parameters through it).
void PrintTo(ArchiveFormat format, std::ostream* os) {
  *os << (format == ArchiveFormat::kBinary ? "binary" : format == ArchiveFormat::kText ? "text" : "xml");
}
}  // namespace hrkit

namespace hrkit_test {
namespace {

using hrkit::ArchiveFormat;
using hrkit::Dataset;
using hrkit::FileSystem;
using hrkit::Location;
using hrkit::LocationId;
using hrkit::Store;
using hrkit::Versioned;
using hrkit::WritableFile;
using testing::HasSubstr;

// The POSIX file system, except that the `fail_at`-th counted operation
// (open for writing, append, write at an offset, fsync, close, rename, fsync
// of a directory; reads and removals are not counted) fails with `error`. A
// failing write first writes half of its data, as a full disk does.
class FaultFileSystem final : public FileSystem {
 public:
  // Counts from zero again; fails operation number `fail_at` (1-based; 0 =
  // never) with `error`.
  void Arm(int fail_at, int error) {
    fail_at_ = fail_at;
    error_ = error;
    count_ = 0;
    fired_ = false;
  }
  // Operations counted since Arm.
  int count() const { return count_; }
  // True if the armed failure happened.
  bool fired() const { return fired_; }
  // Names of the operations counted since Arm, in order.
  const std::vector<std::string>& log() const { return log_; }
  // The name of the operation that failed.
  const std::string& failed_op() const { return failed_op_; }

  absl::StatusOr<std::string> ReadFile(const std::string& path) override { return real_->ReadFile(path); }

  absl::StatusOr<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override {
    if (Fail("open")) return hrkit::FileErrorStatus("open", path, error_);
    HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file, real_->NewWritableFile(path));
    return std::unique_ptr<WritableFile>(std::make_unique<File>(*this, path, std::move(file)));
  }

  absl::Status Rename(const std::string& from, const std::string& to) override {
    if (Fail("rename")) return hrkit::FileErrorStatus(absl::StrCat("rename to ", to), from, error_);
    return real_->Rename(from, to);
  }

  absl::Status SyncDir(const std::string& dir) override {
    if (Fail("fsync directory")) return hrkit::FileErrorStatus("fsync directory", dir, error_);
    return real_->SyncDir(dir);
  }

  absl::Status RemoveFile(const std::string& path) override { return real_->RemoveFile(path); }

 private:
  class File final : public WritableFile {
   public:
    File(FaultFileSystem& fs, std::string path, std::unique_ptr<WritableFile> real)
        : fs_(fs), path_(std::move(path)), real_(std::move(real)) {}
    absl::Status Append(std::string_view data) override {
      if (fs_.Fail("write")) {
        real_->Append(data.substr(0, data.size() / 2)).IgnoreError();
        return hrkit::FileErrorStatus("write", path_, fs_.error_);
      }
      return real_->Append(data);
    }
    absl::Status WriteAt(std::uint64_t offset, std::string_view data) override {
      if (fs_.Fail("pwrite")) {
        real_->WriteAt(offset, data.substr(0, data.size() / 2)).IgnoreError();
        return hrkit::FileErrorStatus("pwrite", path_, fs_.error_);
      }
      return real_->WriteAt(offset, data);
    }
    absl::Status Sync() override {
      if (fs_.Fail("fsync")) return hrkit::FileErrorStatus("fsync", path_, fs_.error_);
      return real_->Sync();
    }
    absl::Status Close() override {
      if (fs_.Fail("close")) {
        real_->Close().IgnoreError();
        return hrkit::FileErrorStatus("close", path_, fs_.error_);
      }
      return real_->Close();
    }

   private:
    FaultFileSystem& fs_;
    std::string path_;
    std::unique_ptr<WritableFile> real_;
  };

  bool Fail(const std::string& op) {
    log_.resize(static_cast<std::size_t>(count_));
    log_.push_back(op);
    if (++count_ != fail_at_) return false;
    fired_ = true;
    failed_op_ = op;
    return true;
  }

  FileSystem* real_ = hrkit::DefaultFileSystem();
  int fail_at_ = 0;
  int error_ = EIO;
  int count_ = 0;
  bool fired_ = false;
  std::vector<std::string> log_;
  std::string failed_op_;
};

class ArchiveFaultTest : public testing::TestWithParam<ArchiveFormat> {
 protected:
  void SetUp() override {
    std::string name = absl::StrCat("hrkit_archive_fault_",
                                    testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid());
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    dir_ = (std::filesystem::path(testing::TempDir()) / name).string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/hr.hrk";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  absl::StatusOr<std::unique_ptr<Store>> Open() {
    return hrkit::OpenArchiveStore(path_, {.format = GetParam(), .file_system = &fs_});
  }

  // Checks what must hold after a failed save: the error names the failed
  // operation and a path, the store and the file hold the `before` content.
  void ExpectUnchanged(const absl::Status& status, int error, Store& store, const Dataset& before,
                       const std::string& file_before, int n) {
    SCOPED_TRACE(absl::StrCat("failing operation ", n, " (", fs_.failed_op(), "), errno ", error));
    ASSERT_TRUE(fs_.fired());
    EXPECT_EQ(status.code(), error == ENOSPC ? absl::StatusCode::kResourceExhausted : absl::StatusCode::kUnavailable)
        << status;
    EXPECT_THAT(std::string(status.message()), HasSubstr(fs_.failed_op()));
    EXPECT_THAT(std::string(status.message()), HasSubstr(dir_));
    ASSERT_OK_AND_ASSIGN(Dataset now, store.LoadAll());
    EXPECT_EQ(now, before);
    EXPECT_EQ(ReadAll(path_), file_before);
    ASSERT_OK_AND_ASSIGN(Dataset on_disk, hrkit::ParseArchive(ReadAll(path_)));
    EXPECT_EQ(on_disk, before);
  }

  FaultFileSystem fs_;
  std::string dir_;
  std::string path_;
};

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveFaultTest,
                         testing::Values(ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml),
                         [](const testing::TestParamInfo<ArchiveFormat>& info) {
                           return std::string(info.param == ArchiveFormat::kBinary ? "binary"
                                              : info.param == ArchiveFormat::kText ? "text"
                                                                                   : "xml");
                         });

TEST_P(ArchiveFaultTest, ASaveIsSevenFileOperations) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  fs_.Arm(0, EIO);
  ASSERT_OK(store->Put(SampleLocation(1), 0).status());
  // A small snapshot is one append (header room and payload), then the header.
  EXPECT_THAT(fs_.log(),
              testing::ElementsAre("open", "write", "pwrite", "fsync", "close", "rename", "fsync directory"));
}

TEST_P(ArchiveFaultTest, EveryFailingOperationOfACommitLeavesStoreAndFileAsBefore) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->SaveAll(SampleDataset(3)));
  const Dataset before = SampleDataset(3);
  const std::string file_before = ReadAll(path_);

  Location renamed = SampleLocation(1);
  renamed.name = "renamed";
  hrkit::Transaction txn;
  txn.Put(SampleEmployee(10), 0).Put(renamed, 1).Erase<hrkit::Position>(hrkit::PositionId(2), 1);

  for (int error : {EIO, ENOSPC}) {
    for (int n = 1;; ++n) {
      fs_.Arm(n, error);
      const absl::StatusOr<std::vector<std::int64_t>> result = store->Commit(txn);
      if (!fs_.fired()) {
        // n is past the last operation: the commit went through. Undo it for
        // the next round with another commit.
        ASSERT_OK(result.status());
        EXPECT_EQ(n, 8);  // seven operations per save
        fs_.Arm(0, error);
        hrkit::Transaction back;
        back.Erase<hrkit::Employee>(hrkit::EmployeeId(10), 1).Put(SampleLocation(1), 2).Put(SamplePosition(2), 0);
        ASSERT_OK(store->Commit(back).status());
        ASSERT_OK(store->SaveAll(before));  // versions back to 1
        ASSERT_EQ(ReadAll(path_), file_before);
        break;
      }
      ExpectUnchanged(result.status(), error, *store, before, file_before, n);
      ASSERT_OK_AND_ASSIGN(Versioned<Location> l, store->Get<Location>(LocationId(1)));
      EXPECT_EQ(l.version, 1);
      // A store opened afresh from the file sees the old content too.
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> reopened, hrkit::OpenArchiveStore(path_));
      ASSERT_OK_AND_ASSIGN(Dataset reloaded, reopened->LoadAll());
      EXPECT_EQ(reloaded, before);
    }
  }
  // And after all that, the same commit succeeds and is durable.
  fs_.Arm(0, EIO);
  ASSERT_OK(store->Commit(txn).status());
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> reopened, hrkit::OpenArchiveStore(path_));
  ASSERT_OK_AND_ASSIGN(Versioned<Location> l, reopened->Get<Location>(LocationId(1)));
  EXPECT_EQ(l.entity.name, "renamed");
  EXPECT_EQ(l.version, 2);
  EXPECT_STATUS_CODE(reopened->Get<hrkit::Position>(hrkit::PositionId(2)), absl::StatusCode::kNotFound);
}

TEST_P(ArchiveFaultTest, EveryFailingOperationOfASaveAllLeavesStoreAndFileAsBefore) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->SaveAll(SampleDataset(2)));
  const Dataset before = SampleDataset(2);
  const std::string file_before = ReadAll(path_);
  for (int error : {EIO, ENOSPC}) {
    for (int n = 1; n <= 7; ++n) {
      fs_.Arm(n, error);
      const absl::Status status = store->SaveAll(SampleDataset(5));
      ExpectUnchanged(status, error, *store, before, file_before, n);
    }
  }
  fs_.Arm(0, EIO);
  ASSERT_OK(store->SaveAll(SampleDataset(5)));
  ASSERT_OK_AND_ASSIGN(Dataset on_disk, hrkit::ParseArchive(ReadAll(path_)));
  EXPECT_EQ(on_disk, SampleDataset(5));
}

TEST_P(ArchiveFaultTest, ALargeSnapshotIsStreamedInChunksAndEveryFailureLeavesTheFileAsBefore) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->SaveAll(SampleDataset(2)));
  const Dataset before = SampleDataset(2);
  const std::string file_before = ReadAll(path_);
  // A 2.5 MiB name: the payload spans three 1 MiB appends in binary, four in
  // text and xml (base64).
  Location big = SampleLocation(9);
  big.name = std::string((5u << 20) / 2, 'x');
  fs_.Arm(0, EIO);
  ASSERT_OK(store->Put(big, 0).status());
  const std::vector<std::string> ops = fs_.log();
  const int appends = static_cast<int>(std::count(ops.begin(), ops.end(), std::string("write")));
  EXPECT_EQ(appends, GetParam() == ArchiveFormat::kBinary ? 3 : 4);
  ASSERT_EQ(ops.size(), static_cast<std::size_t>(appends) + 6);  // open, writes, pwrite, fsync, close, rename, dir
  ASSERT_OK_AND_ASSIGN(Dataset on_disk, hrkit::ParseArchive(ReadAll(path_)));
  ASSERT_EQ(on_disk.Of<Location>().size(), before.Of<Location>().size() + 1);

  // Back to `before`, then fail each operation of the big save in turn.
  ASSERT_OK(store->SaveAll(before));
  ASSERT_EQ(ReadAll(path_), file_before);
  for (int n = 1; n <= static_cast<int>(ops.size()); ++n) {
    fs_.Arm(n, ENOSPC);
    ExpectUnchanged(store->Put(big, 0).status(), ENOSPC, *store, before, file_before, n);
  }
}

TEST_P(ArchiveFaultTest, AFailedCreationLeavesNoFileBehind) {
  for (int n = 1; n <= 6; ++n) {  // open .. rename of the temporary file
    fs_.Arm(n, ENOSPC);
    EXPECT_STATUS_CODE(Open(), absl::StatusCode::kResourceExhausted);
    EXPECT_FALSE(std::filesystem::exists(path_)) << "operation " << n;
    EXPECT_FALSE(std::filesystem::exists(path_ + ".tmp")) << "operation " << n;
  }
  fs_.Arm(0, EIO);
  EXPECT_OK(Open());
  EXPECT_TRUE(std::filesystem::exists(path_));
}

}  // namespace
}  // namespace hrkit_test
