// The archive backend: the conformance suite in each of its three formats,
// the file format, and loading of truncated, corrupt and hostile files.
#include "hrkit/storage/archive_store.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/files.hpp"
#include "hrkit_test/sample_data.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"
#include "store_conformance.hpp"

namespace hrkit_test {
namespace {

using hrkit::ArchiveFormat;
using hrkit::Dataset;
using hrkit::Employee;
using hrkit::EmployeeId;
using hrkit::Location;
using hrkit::LocationId;
using hrkit::Store;
using hrkit::Versioned;
using testing::HasSubstr;

StoreBackend ArchiveBackend(const std::string& format) {
  return StoreBackend{format,
                      [format](const std::string& location) -> absl::StatusOr<std::unique_ptr<Store>> {
                        if (absl::Status s = hrkit::RegisterArchiveBackend(); !s.ok()) return s;
                        return hrkit::OpenStore(absl::StrCat("archive:", location, "/hr.hrk?format=", format));
                      },
                      /*persistent=*/true};
}

INSTANTIATE_TEST_SUITE_P(Archive, StoreConformanceTest,
                         testing::Values(ArchiveBackend("binary"), ArchiveBackend("text"), ArchiveBackend("xml")),
                         BackendName);

// The format's checksum, written independently of the library: FNV-1a 64.
std::uint64_t Fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t GetU64(std::string_view bytes, std::size_t offset) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[offset + static_cast<std::size_t>(i)]);
  return v;
}

void PutU64(std::string& bytes, std::size_t offset, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) bytes[offset + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
}

void PutU32(std::string& bytes, std::size_t offset, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes[offset + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
}

// Rewrites the header's payload size and checksum after an edit of the
// payload, so the edit reaches the deserializer.
void FixHeader(std::string& file) {
  const std::string_view payload = std::string_view(file).substr(32);
  PutU64(file, 16, payload.size());
  PutU64(file, 24, Fnv1a(payload));
}

class ArchiveStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        (std::filesystem::path(testing::TempDir()) /
         absl::StrCat("hrkit_archive_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
            .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ + "/hr.hrk";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The bytes of a store file holding SampleDataset(n) in `format`.
  std::string SampleFile(int n, ArchiveFormat format) {
    const std::string path = absl::StrCat(dir_, "/sample_", static_cast<int>(format), "_", n, ".hrk");
    std::filesystem::remove(path);
    {
      absl::StatusOr<std::unique_ptr<Store>> store = hrkit::OpenArchiveStore(path, {.format = format});
      EXPECT_OK(store.status());
      if (!store.ok()) return "";
      EXPECT_OK((*store)->SaveAll(SampleDataset(n)));
    }
    return ReadAll(path);
  }

  std::string dir_;
  std::string path_;
};

TEST_F(ArchiveStoreTest, FileStartsWithTheDocumentedHeader) {
  for (ArchiveFormat format : {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml}) {
    const std::string file = SampleFile(2, format);
    ASSERT_GT(file.size(), 32u);
    EXPECT_EQ(file.substr(0, 8), "HRKITARC");
    EXPECT_EQ(file[8], 2);  // format version 2 (kStorageFormatVersion), little-endian u32
    EXPECT_EQ(file[12], static_cast<char>(format));
    EXPECT_EQ(GetU64(file, 16), file.size() - 32);
    EXPECT_EQ(GetU64(file, 24), Fnv1a(std::string_view(file).substr(32)));
    ASSERT_OK_AND_ASSIGN(Dataset parsed, hrkit::ParseArchive(file));
    EXPECT_EQ(parsed, SampleDataset(2));
  }
}

TEST_F(ArchiveStoreTest, TextAndXmlPayloadsAreReadable) {
  const std::string text = SampleFile(1, ArchiveFormat::kText);
  // The number of kinds, then the first kind's name: 8 bytes, "employee" in base64.
  EXPECT_THAT(text.substr(32), testing::StartsWith(absl::StrCat(hrkit::kEntityKindCount, " 8\n\nZW1wbG95ZWU=\n1 ")));
  const std::string xml = SampleFile(1, ArchiveFormat::kXml);
  EXPECT_THAT(xml, HasSubstr(absl::StrCat("<kinds>", hrkit::kEntityKindCount, "</kinds>")));
  EXPECT_THAT(xml, HasSubstr("<employee class_id="));
  EXPECT_THAT(xml, HasSubstr("<fte>"));
}

TEST_F(ArchiveStoreTest, VersionsSurviveAReopen) {
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenArchiveStore(path_));
    Location l = SampleLocation(1);
    ASSERT_OK(store->Put(l, 0).status());
    for (int v = 1; v <= 4; ++v) {
      l.name = absl::StrCat("v", v + 1);
      ASSERT_OK(store->Put(l, v).status());
    }
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenArchiveStore(path_));
  ASSERT_OK_AND_ASSIGN(Versioned<Location> got, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(got.version, 5);  // inserted at 1, four updates
  EXPECT_EQ(got.entity.name, "v5");
  EXPECT_STATUS_CODE(store->Put(got.entity, 4), absl::StatusCode::kAborted);
}

TEST_F(ArchiveStoreTest, AnExistingFileIsReadInItsOwnFormatAndRewrittenInTheStoresFormat) {
  WriteAll(path_, SampleFile(3, ArchiveFormat::kXml));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store,
                       hrkit::OpenArchiveStore(path_, {.format = ArchiveFormat::kBinary}));
  ASSERT_OK_AND_ASSIGN(Dataset loaded, store->LoadAll());
  EXPECT_EQ(loaded, SampleDataset(3));
  ASSERT_OK(store->Erase<Location>(LocationId(3), 1));
  EXPECT_EQ(ReadAll(path_)[12], static_cast<char>(ArchiveFormat::kBinary));
}

TEST_F(ArchiveStoreTest, OpenErrorsAreCanonical) {
  EXPECT_STATUS_CODE(hrkit::OpenArchiveStore(""), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenArchiveStore(path_, {.create_if_missing = false}), absl::StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_STATUS_CODE(hrkit::OpenArchiveStore(path_, {.format = static_cast<ArchiveFormat>(7)}),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenArchiveStore(dir_ + "/no/such/dir/hr.hrk"), absl::StatusCode::kNotFound);
  // Creating writes an empty snapshot at once.
  ASSERT_OK(hrkit::OpenArchiveStore(path_).status());
  ASSERT_OK_AND_ASSIGN(Dataset empty, hrkit::ParseArchive(ReadAll(path_)));
  EXPECT_EQ(empty.TotalSize(), 0u);
  EXPECT_FALSE(std::filesystem::exists(path_ + ".tmp"));
}

TEST_F(ArchiveStoreTest, OpenStoreTakesTheArchiveSchemeWithAFormat) {
  ASSERT_OK(hrkit::RegisterArchiveBackend());
  ASSERT_OK(hrkit::RegisterArchiveBackend());  // twice is fine
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, hrkit::OpenStore("archive:" + path_ + "?format=text"));
  EXPECT_EQ(store->BackendName(), "archive");
  ASSERT_OK(store->Put(SampleLocation(1), 0).status());
  EXPECT_EQ(ReadAll(path_)[12], static_cast<char>(ArchiveFormat::kText));
  const auto bad = hrkit::OpenStore("archive:" + path_ + "?format=json");
  EXPECT_STATUS_CODE(bad, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(bad), HasSubstr("format=json"));
  EXPECT_STATUS_CODE(hrkit::OpenStore("archive:"), absl::StatusCode::kInvalidArgument);
}

TEST_F(ArchiveStoreTest, WrongMagicIsInvalidArgument) {
  std::string file = SampleFile(1, ArchiveFormat::kBinary);
  file[0] = 'X';
  const auto wrong = hrkit::ParseArchive(file);
  EXPECT_STATUS_CODE(wrong, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(wrong), HasSubstr("not an hrkit archive"));
  EXPECT_STATUS_CODE(hrkit::ParseArchive("SQLite format 3"), absl::StatusCode::kInvalidArgument);
  // Through the store, the message names the file.
  WriteAll(path_, file);
  const auto opened = hrkit::OpenArchiveStore(path_);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(opened), HasSubstr(path_));
}

TEST_F(ArchiveStoreTest, NewerFormatVersionAndUnknownKindAreInvalidArgument) {
  std::string newer = SampleFile(1, ArchiveFormat::kBinary);
  // This build writes format 2 (kStorageFormatVersion); a file of format 3
  // is from a newer build.
  ASSERT_EQ(hrkit::kArchiveFormatVersion, 2u);
  PutU32(newer, 8, 3);  // a file from format version 3, otherwise intact
  const auto status = hrkit::ParseArchive(newer);
  EXPECT_STATUS_CODE(status, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("format version 3"));
  std::string zero = SampleFile(1, ArchiveFormat::kBinary);
  PutU32(zero, 8, 0);
  EXPECT_STATUS_CODE(hrkit::ParseArchive(zero), absl::StatusCode::kInvalidArgument);
  std::string kind = SampleFile(1, ArchiveFormat::kBinary);
  PutU32(kind, 12, 3);
  EXPECT_STATUS_CODE(hrkit::ParseArchive(kind), absl::StatusCode::kInvalidArgument);
}

TEST_F(ArchiveStoreTest, EveryTruncationIsDataLoss) {
  for (ArchiveFormat format : {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml}) {
    const std::string file = SampleFile(1, format);
    ASSERT_FALSE(file.empty());
    // Every proper prefix that still starts with the magic (or a part of it,
    // the empty file included) is a truncated hrkit archive (a sample of
    // them under sanitizers, hrkit_test/sweep.hpp).
    for (std::size_t length : SweepOffsets(0, file.size())) {
      const auto parsed = hrkit::ParseArchive(std::string_view(file).substr(0, length));
      ASSERT_EQ(parsed.status().code(), absl::StatusCode::kDataLoss)
          << "format " << static_cast<int>(format) << " length " << length << ": " << parsed.status();
    }
  }
}

TEST_F(ArchiveStoreTest, TruncationsThatPassTheChecksumAreStillDataLoss) {
  // A writer that lost the tail but recomputed the header: the deserializer
  // itself must notice. Every length past the header (a sample of them
  // under sanitizers, hrkit_test/sweep.hpp).
  for (ArchiveFormat format : {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml}) {
    const std::string file = SampleFile(1, format);
    for (std::size_t length : SweepOffsets(32, file.size())) {
      std::string cut = file.substr(0, length);
      FixHeader(cut);
      const auto parsed = hrkit::ParseArchive(cut);
      if (parsed.ok()) {
        // Only dropping trailing whitespace of a text payload may still parse.
        EXPECT_NE(format, ArchiveFormat::kBinary) << "length " << length;
        EXPECT_EQ(file.substr(length).find_first_not_of(" \n"), std::string::npos) << "length " << length;
        continue;
      }
      ASSERT_EQ(parsed.status().code(), absl::StatusCode::kDataLoss)
          << "format " << static_cast<int>(format) << " length " << length << ": " << parsed.status();
    }
  }
}

TEST_F(ArchiveStoreTest, EveryFlippedByteIsDetected) {
  // Every byte (a sample of them under sanitizers, hrkit_test/sweep.hpp).
  for (ArchiveFormat format : {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml}) {
    const std::string file = SampleFile(1, format);
    for (std::size_t i : SweepOffsets(0, file.size())) {
      std::string flipped = file;
      flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
      const absl::StatusCode code = hrkit::ParseArchive(flipped).status().code();
      if (i < 16) {
        // Magic, version and kind: the file is not (or not a known) hrkit archive.
        EXPECT_EQ(code, absl::StatusCode::kInvalidArgument) << "byte " << i;
      } else {
        EXPECT_EQ(code, absl::StatusCode::kDataLoss) << "byte " << i;
      }
    }
  }
}

TEST_F(ArchiveStoreTest, FlippedBytesBehindAValidChecksumNeverCrash) {
  // Hostile edits with a recomputed checksum: each load either fails with
  // DataLoss or yields entities that pass validation. Every payload byte (a
  // sample of them under sanitizers, hrkit_test/sweep.hpp).
  for (ArchiveFormat format : {ArchiveFormat::kBinary, ArchiveFormat::kText, ArchiveFormat::kXml}) {
    const std::string file = SampleFile(1, format);
    for (std::size_t i : SweepOffsets(32, file.size())) {
      for (unsigned char mask : {0x01, 0xFF}) {
        std::string edited = file;
        edited[i] = static_cast<char>(edited[i] ^ mask);
        FixHeader(edited);
        const auto parsed = hrkit::ParseArchive(edited);
        if (!parsed.ok()) {
          ASSERT_EQ(parsed.status().code(), absl::StatusCode::kDataLoss) << "byte " << i << ": " << parsed.status();
        }
      }
    }
  }
}

TEST_F(ArchiveStoreTest, HugeCountsAreRejectedBeforeAllocating) {
  const std::string file = SampleFile(1, ArchiveFormat::kBinary);
  // Binary payload: kinds (u64), the first kind's name length (u64) and its
  // 8 bytes, then the employee row count (u64) at payload offset 24.
  ASSERT_EQ(GetU64(file, 32), hrkit::kEntityKindCount);
  ASSERT_EQ(GetU64(file, 40), 8u);
  ASSERT_EQ(file.substr(48, 8), "employee");
  ASSERT_EQ(GetU64(file, 56), 1u);
  for (std::uint64_t huge : {std::uint64_t{1} << 40, ~std::uint64_t{0}, std::uint64_t{1} << 62}) {
    std::string rows = file;
    PutU64(rows, 56, huge);
    FixHeader(rows);
    const auto parsed_rows = hrkit::ParseArchive(rows);
    EXPECT_STATUS_CODE(parsed_rows, absl::StatusCode::kDataLoss);
    EXPECT_THAT(Message(parsed_rows), HasSubstr("employee rows: count"));

    std::string name = file;
    PutU64(name, 40, huge);
    FixHeader(name);
    EXPECT_STATUS_CODE(hrkit::ParseArchive(name), absl::StatusCode::kDataLoss);

    std::string kinds = file;
    PutU64(kinds, 32, huge);
    FixHeader(kinds);
    EXPECT_STATUS_CODE(hrkit::ParseArchive(kinds), absl::StatusCode::kDataLoss);
  }
  // The same in a text payload: "<kinds> 8\n\nZW1wbG95ZWU=\n1 ..." with a huge row count.
  std::string text = SampleFile(1, ArchiveFormat::kText);
  const std::size_t at = text.find("ZW1wbG95ZWU=\n1 ");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + 13, 1, "18446744073709551615");
  FixHeader(text);
  EXPECT_STATUS_CODE(hrkit::ParseArchive(text), absl::StatusCode::kDataLoss);
}

TEST_F(ArchiveStoreTest, ContentThatFailsValidationIsDataLoss) {
  // A text payload whose location has id 0. After the name "location" (in
  // base64): 1 row, version 1, the class preamble (tracking 0, version 1),
  // then the id.
  std::string text = SampleFile(1, ArchiveFormat::kText);
  const std::string row = "bG9jYXRpb24=\n1 1 0 1 1 ";
  const std::size_t at = text.find(row);
  ASSERT_NE(at, std::string::npos) << text.substr(32);
  text[at + row.size() - 2] = '0';
  FixHeader(text);
  const auto parsed = hrkit::ParseArchive(text);
  EXPECT_STATUS_CODE(parsed, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(parsed), HasSubstr("location:0"));
}

// The offset in a binary file of the section of `name`: its name's length
// (u64) followed by the name's bytes; npos if absent.
std::size_t SectionOffset(std::string_view file, std::string_view name) {
  std::string key(8, '\0');
  key[0] = static_cast<char>(name.size());
  key += name;
  return file.find(key, 32 + 8);
}

// A binary file whose payload is `payload`, with a valid header of format 2.
std::string BinaryFileOf(std::string_view template_file, std::string_view payload) {
  std::string file(template_file.substr(0, 32));
  file += payload;
  FixHeader(file);
  return file;
}

// The binary payload's last value: "hrkitEND" (kPayloadEnd).
constexpr std::string_view kEndMarker = "HRKITEND";

TEST_F(ArchiveStoreTest, SectionsAreKeyedByNameInAnyOrder) {
  const std::string file = SampleFile(2, ArchiveFormat::kBinary);
  ASSERT_OK_AND_ASSIGN(const hrkit::Dataset expected, hrkit::ParseArchive(file));
  // Cut the payload into its sections (registry order as written) and write
  // them back in reverse order.
  std::vector<std::size_t> starts;
  for (hrkit::EntityKind kind = 0; kind < hrkit::kEntityKindCount; ++kind) {
    starts.push_back(SectionOffset(file, hrkit::EntityKindName(kind)));
    ASSERT_NE(starts.back(), std::string::npos) << hrkit::EntityKindName(kind);
  }
  const std::size_t end = file.size() - 8;
  ASSERT_EQ(file.substr(end), kEndMarker);
  std::string payload = file.substr(32, 8);  // the section count
  for (std::size_t i = starts.size(); i-- > 0;) {
    const std::size_t stop = i + 1 < starts.size() ? starts[i + 1] : end;
    payload += file.substr(starts[i], stop - starts[i]);
  }
  payload += kEndMarker;
  ASSERT_OK_AND_ASSIGN(const hrkit::Dataset reversed, hrkit::ParseArchive(BinaryFileOf(file, payload)));
  EXPECT_TRUE(reversed == expected);

  // Only the location section: the other types load empty.
  const hrkit::EntityKind location = hrkit::kKindOf<hrkit::Location>;
  std::string only_location(8, '\0');
  only_location[0] = 1;
  only_location += file.substr(starts[location], starts[location + 1] - starts[location]);
  only_location += kEndMarker;
  ASSERT_OK_AND_ASSIGN(const hrkit::Dataset locations, hrkit::ParseArchive(BinaryFileOf(file, only_location)));
  EXPECT_EQ(locations.TotalSize(), 2u);
  EXPECT_EQ(locations.Of<hrkit::Location>(), expected.Of<hrkit::Location>());

  // No section at all: an empty dataset.
  std::string none(8, '\0');
  none += kEndMarker;
  ASSERT_OK_AND_ASSIGN(const hrkit::Dataset empty, hrkit::ParseArchive(BinaryFileOf(file, none)));
  EXPECT_EQ(empty.TotalSize(), 0u);
}

TEST_F(ArchiveStoreTest, AnUnknownOrRepeatedSectionIsDataLossNamingIt) {
  const std::string file = SampleFile(1, ArchiveFormat::kBinary);
  // "employee" renamed to "employez", a type this build does not store.
  std::string unknown = file;
  const std::size_t at = SectionOffset(file, "employee");
  ASSERT_NE(at, std::string::npos);
  unknown[at + 8 + 7] = 'z';
  FixHeader(unknown);
  const auto parsed = hrkit::ParseArchive(unknown);
  EXPECT_STATUS_CODE(parsed, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(parsed), HasSubstr("\"employez\""));

  // The location section twice.
  const std::size_t location = SectionOffset(file, "location");
  const std::size_t next = SectionOffset(file, hrkit::EntityKindName(hrkit::kKindOf<hrkit::Location> + 1));
  std::string payload = file.substr(32, file.size() - 32 - 8);
  payload[0] = static_cast<char>(payload[0] + 1);
  payload += file.substr(location, next - location);
  payload += kEndMarker;
  const auto twice = hrkit::ParseArchive(BinaryFileOf(file, payload));
  EXPECT_STATUS_CODE(twice, absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(twice), HasSubstr("\"location\" has two sections"));
}

TEST_F(ArchiveStoreTest, ACorruptFileIsNeverOverwrittenByOpen) {
  std::string file = SampleFile(2, ArchiveFormat::kBinary);
  file[file.size() / 2] = static_cast<char>(file[file.size() / 2] ^ 1);
  WriteAll(path_, file);
  EXPECT_STATUS_CODE(hrkit::OpenArchiveStore(path_), absl::StatusCode::kDataLoss);
  EXPECT_EQ(ReadAll(path_), file);
}

}  // namespace
}  // namespace hrkit_test
