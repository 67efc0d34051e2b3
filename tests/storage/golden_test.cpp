// Files and databases written by earlier versions of hrkit stay readable.
// tests/storage/golden/format<N>/ holds a store written by the code of storage
// format N (see golden/README.md); each is copied to a scratch folder, opened
// through OpenStore like any store, and must load exactly the values it was
// written with (golden_v<N>_data.cpp). A change that makes any of them
// unreadable, or reads different values from them, fails here.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "golden_v1_data.hpp"
#include "gtest/gtest.h"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit_test/status_matchers.hpp"
#ifdef HRKIT_TEST_WITH_SQLITE
#include "hrkit/storage/sqlite_store.hpp"
#endif

namespace hrkit_test {
namespace {

namespace fs = std::filesystem;

// A scratch copy of a golden file: opening a store may write to it (an
// upgrade in place), and the committed file must never change.
class GoldenFileTest : public testing::Test {
 protected:
  void SetUp() override {
    scratch_ = fs::temp_directory_path() / absl::StrCat("hrkit_golden_", ::getpid(), "_",
                                                        testing::UnitTest::GetInstance()->random_seed(), "_",
                                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
  }
  void TearDown() override { fs::remove_all(scratch_); }

  // The path of a scratch copy of golden/<relative>.
  std::string CopyOf(const std::string& relative) {
    const fs::path source = fs::path(HRKIT_GOLDEN_DIR) / relative;
    const fs::path target = scratch_ / source.filename();
    fs::copy_file(source, target);
    return target.string();
  }

  fs::path scratch_;
};

void ExpectLoads(const std::string& uri, const hrkit::Dataset& expected) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore(uri));
  ASSERT_OK_AND_ASSIGN(hrkit::Dataset loaded, store->LoadAll());
  EXPECT_TRUE(loaded == expected) << uri << " loads other values than it was written with";
  // Row by row too: Get goes through each backend's own read path.
  ASSERT_OK_AND_ASSIGN(hrkit::Versioned<hrkit::Employee> employee, store->Get<hrkit::Employee>(hrkit::EmployeeId(2)));
  EXPECT_EQ(employee.entity, expected.Of<hrkit::Employee>()[1]);
  ASSERT_OK_AND_ASSIGN(hrkit::Versioned<hrkit::LeavePolicy> policy,
                       store->Get<hrkit::LeavePolicy>(hrkit::LeavePolicyId(1)));
  EXPECT_EQ(policy.entity, expected.Of<hrkit::LeavePolicy>()[0]);
}

TEST_F(GoldenFileTest, ArchiveBinaryFormat1Loads) {
  ExpectLoads(absl::StrCat("archive:", CopyOf("format1/binary.hrk")), hrkit_golden_v1::GoldenDataset());
}

TEST_F(GoldenFileTest, ArchiveTextFormat1Loads) {
  ExpectLoads(absl::StrCat("archive:", CopyOf("format1/text.hrk"), "?format=text"), hrkit_golden_v1::GoldenDataset());
}

TEST_F(GoldenFileTest, ArchiveXmlFormat1Loads) {
  ExpectLoads(absl::StrCat("archive:", CopyOf("format1/xml.hrk"), "?format=xml"), hrkit_golden_v1::GoldenDataset());
}

TEST_F(GoldenFileTest, ArchiveFormat1IsRewrittenInTheCurrentFormat) {
  const std::string path = CopyOf("format1/binary.hrk");
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore(absl::StrCat("archive:", path)));
    ASSERT_OK_AND_ASSIGN(hrkit::Dataset loaded, store->LoadAll());
    ASSERT_OK(store->SaveAll(loaded));  // writes a snapshot of format 2
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 12u);
  EXPECT_EQ(bytes[8], 2);  // the header's format version, little-endian u32
  ASSERT_OK_AND_ASSIGN(hrkit::Dataset reread, hrkit::ParseArchive(bytes));
  EXPECT_TRUE(reread == hrkit_golden_v1::GoldenDataset());
}

#ifdef HRKIT_TEST_WITH_SQLITE
TEST_F(GoldenFileTest, SqliteFormat1Loads) {
  const std::string uri = absl::StrCat("sqlite:", CopyOf("format1/hr.db"));
  ExpectLoads(uri, hrkit_golden_v1::GoldenDataset());
  // A second open reads what the first one may have upgraded.
  ExpectLoads(uri, hrkit_golden_v1::GoldenDataset());
}
#endif

}  // namespace
}  // namespace hrkit_test
