// Loading an archive streams it: the payload is decoded as it is read from
// the file through one bounded buffer and checked against the header's
// checksum at the end. Seen through a FileSystem that records every read:
// a large archive loads through reads no larger than the buffer, each byte
// read once; a file that ends early at any section boundary, or whose reads
// fail, or that arrives one byte per read, behaves as a whole file would.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive_payload_reader.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/file_system.hpp"
#include "hrkit_test/files.hpp"
#include "hrkit_test/sample_data.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"

namespace hrkit_test {
namespace {

using hrkit::ArchiveFormat;
using hrkit::Dataset;
using hrkit::FileSystem;
using hrkit::SequentialFile;
using hrkit::Store;
using hrkit::archive_internal::PayloadReader;
using testing::HasSubstr;

constexpr ArchiveFormat kFormats[] = {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml};

// The POSIX file system, but for NewSequentialFile, which it leaves to
// FileSystem's default (the content of ReadFile, served from memory), as a
// FileSystem written before NewSequentialFile existed does.
class ForwardingFileSystem : public FileSystem {
 public:
  absl::StatusOr<std::string> ReadFile(const std::string& path) override { return real_->ReadFile(path); }
  absl::StatusOr<std::unique_ptr<hrkit::WritableFile>> NewWritableFile(const std::string& path) override {
    return real_->NewWritableFile(path);
  }
  absl::Status Rename(const std::string& from, const std::string& to) override { return real_->Rename(from, to); }
  absl::Status SyncDir(const std::string& dir) override { return real_->SyncDir(dir); }
  absl::Status RemoveFile(const std::string& path) override { return real_->RemoveFile(path); }

 protected:
  FileSystem* real_ = hrkit::DefaultFileSystem();
};

// The POSIX file system, reading through files that record every read and
// may pretend to end early (`end_at`: the file's bytes after it are not
// delivered although Size() counts them, as for a file cut while it is
// read), fail their `fail_read`-th read (1-based; 0 = never) with EIO, or
// deliver at most `max_delivery` bytes per read. ReadFile, which would hold
// the whole file, is counted.
class RecordingFileSystem final : public ForwardingFileSystem {
 public:
  std::uint64_t end_at = UINT64_MAX;
  int fail_read = 0;
  std::size_t max_delivery = SIZE_MAX;

  std::size_t largest_read = 0;       // the largest buffer a read asked to fill
  std::uint64_t bytes_delivered = 0;  // over all reads
  int reads = 0;
  int whole_file_reads = 0;  // ReadFile calls

  absl::StatusOr<std::string> ReadFile(const std::string& path) override {
    ++whole_file_reads;
    return real_->ReadFile(path);
  }
  absl::StatusOr<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path) override {
    HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, real_->NewSequentialFile(path));
    return std::unique_ptr<SequentialFile>(std::make_unique<File>(*this, path, std::move(file)));
  }

 private:
  class File final : public SequentialFile {
   public:
    File(RecordingFileSystem& fs, std::string path, std::unique_ptr<SequentialFile> real)
        : fs_(fs), path_(std::move(path)), real_(std::move(real)) {}
    std::uint64_t Size() const override { return real_->Size(); }
    absl::StatusOr<std::size_t> Read(std::span<char> buffer) override {
      fs_.largest_read = std::max(fs_.largest_read, buffer.size());
      if (++fs_.reads == fs_.fail_read) return hrkit::FileErrorStatus("read", path_, EIO);
      const std::uint64_t left = fs_.end_at > offset_ ? fs_.end_at - offset_ : 0;
      const std::size_t want = static_cast<std::size_t>(
          std::min<std::uint64_t>({buffer.size(), left, static_cast<std::uint64_t>(fs_.max_delivery)}));
      HRKIT_ASSIGN_OR_RETURN(const std::size_t n, real_->Read(buffer.first(want)));
      offset_ += n;
      fs_.bytes_delivered += n;
      return n;
    }

   private:
    RecordingFileSystem& fs_;
    std::string path_;
    std::unique_ptr<SequentialFile> real_;
    std::uint64_t offset_ = 0;
  };
};

class ArchiveStreamingTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::path(testing::TempDir()) /
            absl::StrCat("hrkit_stream_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/hr.hrk";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `data` to path_ in `format`; false on failure.
  bool WriteStore(const Dataset& data, ArchiveFormat format) {
    std::filesystem::remove(path_);
    absl::StatusOr<std::unique_ptr<Store>> store = hrkit::OpenArchiveStore(path_, {.format = format});
    EXPECT_OK(store.status());
    if (!store.ok()) return false;
    absl::Status saved = (*store)->SaveAll(data);
    EXPECT_OK(saved);
    return saved.ok();
  }

  // Opens path_ through `fs`.
  absl::StatusOr<std::unique_ptr<Store>> OpenThrough(RecordingFileSystem& fs) {
    return hrkit::OpenArchiveStore(path_, {.create_if_missing = false, .file_system = &fs});
  }

  std::string dir_;
  std::string path_;
};

TEST_F(ArchiveStreamingTest, ALargeArchiveLoadsThroughBoundedReadsOfEachByteOnce) {
  // 6,000 of every entity type (66,000 entities with full histories) in
  // binary: a file of about 20 MB (3,000 gave 10,361,154 bytes); 1,000 in
  // text and xml, which decode more slowly (text: about 2.9 MB). Under
  // sanitizers 1,500 in binary, about 5.2 MB (hrkit_test/sweep.hpp).
  const int binary_count = SweepCount(/*full=*/6000, /*sanitized=*/1500);
  const std::uint64_t binary_chunks = SweepCount(/*full=*/300, /*sanitized=*/60);
  for (ArchiveFormat format : kFormats) {
    const Dataset data = SampleDataset(format == ArchiveFormat::kBinary ? binary_count : 1000);
    ASSERT_TRUE(WriteStore(data, format));
    const std::uint64_t file_size = std::filesystem::file_size(path_);
    RecordingFileSystem fs;
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenThrough(fs));
    ASSERT_OK_AND_ASSIGN(const Dataset loaded, store->LoadAll());
    EXPECT_TRUE(loaded == data) << "format " << static_cast<int>(format);
    // Every byte read once, never the whole file, and no read (so no buffer
    // of the loader) larger than PayloadReader::kChunk = 64 KiB: at least
    // 40 of them for the smallest file, 300 for the binary one (60 under
    // sanitizers).
    EXPECT_EQ(fs.whole_file_reads, 0);
    EXPECT_EQ(fs.bytes_delivered, file_size);
    EXPECT_LE(fs.largest_read, PayloadReader::kChunk);
    EXPECT_EQ(PayloadReader::kChunk, 65536u);
    EXPECT_GT(file_size, (format == ArchiveFormat::kBinary ? binary_chunks : 40) * PayloadReader::kChunk)
        << "format " << static_cast<int>(format);
  }
}

// Where each entity type section of a snapshot file starts (the encoded
// length of its name), and where the end marker starts: the section
// boundaries of the payload, ascending.
std::vector<std::size_t> SectionBoundaries(std::string_view file, ArchiveFormat format) {
  std::vector<std::size_t> at;
  for (hrkit::EntityKind kind = 0; kind < hrkit::kEntityKindCount; ++kind) {
    const std::string_view name = hrkit::EntityKindName(kind);
    std::size_t offset = std::string_view::npos;
    if (format == ArchiveFormat::kBinary) {
      // u64 length, then the bytes.
      std::string key(8, '\0');
      key[0] = static_cast<char>(name.size());
      offset = file.find(key + std::string(name), 40);
    } else {
      const std::string base64 = absl::Base64Escape(absl::string_view(name.data(), name.size()));
      if (format == ArchiveFormat::kText) {
        // "<length>\n\n<base64>\n": back to the start of the length.
        const std::size_t name_at = file.find(absl::StrCat("\n\n", base64, "\n"), 32);
        if (name_at != std::string_view::npos) offset = file.find_last_of(" \n", name_at - 1) + 1;
      } else {
        // "<size>N</size>\n<kind>\n<base64>\n</kind>".
        const std::size_t name_at = file.find(absl::StrCat("<kind>\n", base64, "\n</kind>"));
        if (name_at != std::string_view::npos) offset = file.rfind("<size>", name_at);
      }
    }
    EXPECT_NE(offset, std::string_view::npos) << name;
    at.push_back(offset);
  }
  const std::string_view end_marker = format == ArchiveFormat::kBinary ? "HRKITEND"
                                      : format == ArchiveFormat::kText ? "4921947671071773256"
                                                                       : "<end>";
  at.push_back(file.rfind(end_marker));
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
  return at;
}

TEST_F(ArchiveStreamingTest, AFileEndingAtAnySectionBoundaryIsDataLossNamingTheFile) {
  for (ArchiveFormat format : kFormats) {
    ASSERT_TRUE(WriteStore(SampleDataset(2), format));
    const std::string file = ReadAll(path_);
    const std::vector<std::size_t> boundaries = SectionBoundaries(file, format);
    ASSERT_EQ(boundaries.size(), hrkit::kEntityKindCount + 1);
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
      const std::size_t cut = boundaries[i];
      SCOPED_TRACE(absl::StrCat("format ", static_cast<int>(format), ", cut at ", cut, " of ", file.size()));
      // The file ends there while it is read (its size said more).
      RecordingFileSystem fs;
      fs.end_at = cut;
      const auto shrunk = OpenThrough(fs);
      EXPECT_STATUS_CODE(shrunk, absl::StatusCode::kDataLoss);
      EXPECT_THAT(Message(shrunk), HasSubstr(path_));
      EXPECT_THAT(Message(shrunk),
                  HasSubstr(absl::StrCat("the file ended after ", cut, " of the ", file.size(), " bytes")));

      // The file cut there with a header that agrees (size and checksum
      // recomputed): the decoder notices that the payload ran out.
      std::string cut_file = file.substr(0, cut);
      const std::string_view payload = std::string_view(cut_file).substr(32);
      std::uint64_t checksum = hrkit::archive_internal::Fnv1a64(payload);
      for (int b = 0; b < 8; ++b) {
        cut_file[16 + b] = static_cast<char>(payload.size() >> (8 * b));
        cut_file[24 + b] = static_cast<char>(checksum >> (8 * b));
      }
      const std::string cut_path = dir_ + "/cut.hrk";
      WriteAll(cut_path, cut_file);
      const auto decoded = hrkit::OpenArchiveStore(cut_path, {.create_if_missing = false});
      EXPECT_STATUS_CODE(decoded, absl::StatusCode::kDataLoss);
      EXPECT_THAT(Message(decoded), HasSubstr(cut_path));
      if (i == 0) {
        // Only the section count is left (and a byte of white space in text
        // and xml): 11 sections cannot fit, which is seen before any is read.
        EXPECT_THAT(Message(decoded),
                    HasSubstr(absl::StrCat("entity type sections: count ", hrkit::kEntityKindCount, " exceeds the")));
      } else {
        // Section i + 1 of 11 (or the end marker) was next.
        EXPECT_THAT(Message(decoded),
                    HasSubstr(i < hrkit::kEntityKindCount ? absl::StrCat("the name of entity type section ", i + 1,
                                                                         " of ", hrkit::kEntityKindCount)
                                                          : std::string("the end marker after the last section")));
        EXPECT_THAT(Message(decoded), HasSubstr("(the payload ends there: truncated?)"));
      }

      // The same cut file with its original header: the size check fails
      // before the payload is read.
      WriteAll(cut_path, file.substr(0, cut));
      const auto header_says_more = hrkit::OpenArchiveStore(cut_path, {.create_if_missing = false});
      EXPECT_STATUS_CODE(header_says_more, absl::StatusCode::kDataLoss);
      EXPECT_THAT(Message(header_says_more), HasSubstr("payload bytes, the file has"));
    }
  }
}

TEST_F(ArchiveStreamingTest, AChangedByteIsAChecksumMismatchEvenWhenItBreaksTheDecodeFirst) {
  ASSERT_TRUE(WriteStore(SampleDataset(2), ArchiveFormat::kBinary));
  std::string file = ReadAll(path_);
  // The section count (payload offset 0) set to 2^40: the decoder fails at
  // once, but the rest is still read and the checksum names the cause.
  file[32 + 5] = 1;
  WriteAll(path_, file);
  RecordingFileSystem fs;
  const auto opened = OpenThrough(fs);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(opened), HasSubstr("checksum mismatch"));
  EXPECT_EQ(fs.bytes_delivered, file.size());
}

TEST_F(ArchiveStreamingTest, AReadErrorIsReportedAndNothingOpens) {
  ASSERT_TRUE(WriteStore(SampleDataset(2), ArchiveFormat::kText));
  // Read 1 is the header, 2 the payload's first chunk, which is all of it.
  for (int fail : {1, 2}) {
    RecordingFileSystem fs;
    fs.fail_read = fail;
    const auto opened = OpenThrough(fs);
    EXPECT_STATUS_CODE(opened, absl::StatusCode::kUnavailable);
    EXPECT_THAT(Message(opened), HasSubstr(absl::StrCat("read ", path_, ": Input/output error")));
  }
}

TEST_F(ArchiveStreamingTest, AFileDeliveredOneByteAtATimeLoads) {
  const Dataset data = SampleDataset(2);
  for (ArchiveFormat format : kFormats) {
    ASSERT_TRUE(WriteStore(data, format));
    RecordingFileSystem fs;
    fs.max_delivery = 1;
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenThrough(fs));
    ASSERT_OK_AND_ASSIGN(const Dataset loaded, store->LoadAll());
    EXPECT_TRUE(loaded == data) << "format " << static_cast<int>(format);
    // One read per byte, and the one that finds the payload's end is never
    // asked for: the reader stops at the size the header declares.
    EXPECT_EQ(fs.reads, static_cast<int>(std::filesystem::file_size(path_)));
  }
}

TEST_F(ArchiveStreamingTest, AFileSystemWithoutNewSequentialFileStillLoads) {
  // FileSystem's default NewSequentialFile serves ReadFile's content, and
  // ReadFileCheckingHeader reads through it.
  const Dataset data = SampleDataset(2);
  ASSERT_TRUE(WriteStore(data, ArchiveFormat::kXml));
  ForwardingFileSystem fs;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store,
                       hrkit::OpenArchiveStore(path_, {.create_if_missing = false, .file_system = &fs}));
  ASSERT_OK_AND_ASSIGN(const Dataset loaded, store->LoadAll());
  EXPECT_TRUE(loaded == data);
  ASSERT_OK_AND_ASSIGN(const std::string whole,
                       fs.ReadFileCheckingHeader(path_, 8, [](std::string_view header, std::uint64_t size) {
                         EXPECT_EQ(header, "HRKITARC");
                         EXPECT_GT(size, 32u);
                         return absl::OkStatus();
                       }));
  EXPECT_EQ(whole, ReadAll(path_));
}

TEST_F(ArchiveStreamingTest, APosixSequentialFileReadsTheFileAndRefusesADirectory) {
  WriteAll(path_, "0123456789");
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SequentialFile> file, hrkit::DefaultFileSystem()->NewSequentialFile(path_));
  EXPECT_EQ(file->Size(), 10u);
  char buffer[4];
  std::string got;
  while (true) {
    ASSERT_OK_AND_ASSIGN(const std::size_t n, file->Read(buffer));
    if (n == 0) break;
    got.append(buffer, n);
  }
  EXPECT_EQ(got, "0123456789");
  EXPECT_STATUS_CODE(hrkit::DefaultFileSystem()->NewSequentialFile(dir_), absl::StatusCode::kFailedPrecondition);
  EXPECT_STATUS_CODE(hrkit::DefaultFileSystem()->NewSequentialFile(dir_ + "/missing"), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hrkit_test
