// OpenStore's checks of a URI that hold for every scheme: a NUL byte
// anywhere is InvalidArgument (never a path cut at it), and messages quote
// at most kMaxQuotedUriBytes of a URI.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit_test {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::Not;

class OpenStoreUriTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(testing::TempDir()) /
            absl::StrCat("hrkit_uri_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string dir_;
};

TEST_F(OpenStoreUriTest, ANulByteAnywhereIsInvalidArgumentForEveryScheme) {
  using namespace std::string_literals;
  const std::string cut = dir_ + "/n1";
  const std::string uris[] = {
      "archive:"s + cut + "\0.evil.hrk"s,
      "sqlite:"s + cut + "\0.evil.db"s,
      "postgresql://localhost/hr\0?sslmode=disable"s,
      "postgres://localhost/hr\0"s,
      "memory:\0"s,
      "\0archive:x"s,
      "nosuchscheme:\0"s,
  };
  for (const std::string& uri : uris) {
    const auto opened = hrkit::OpenStore(uri);
    SCOPED_TRACE(hrkit::QuoteUriForMessage(uri));
    EXPECT_STATUS_CODE(opened, absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(opened), HasSubstr("NUL byte"));
    EXPECT_THAT(Message(opened), HasSubstr("\\x00"));
  }
  EXPECT_FALSE(fs::exists(cut));
  EXPECT_FALSE(fs::exists(cut + ".tmp"));
}

TEST_F(OpenStoreUriTest, MessagesQuoteAtMost200BytesOfAUri) {
  const std::string long_uri = absl::StrCat("nosuchscheme:", std::string(100'000, 'a'));
  const auto opened = hrkit::OpenStore(long_uri);
  EXPECT_STATUS_CODE(opened, absl::StatusCode::kInvalidArgument);
  // The quote: '"' + 200 bytes + '...' + '"'; the message has the scheme's
  // name and the list of schemes around it.
  EXPECT_LT(Message(opened).size(), 400u);
  EXPECT_THAT(Message(opened), HasSubstr("...\""));
  EXPECT_EQ(hrkit::QuoteUriForMessage("memory:"), "\"memory:\"");
  EXPECT_EQ(hrkit::QuoteUriForMessage(std::string(201, 'b')), absl::StrCat("\"", std::string(200, 'b'), "...\""));
  EXPECT_EQ(hrkit::QuoteUriForMessage(std::string_view("a\nb", 3)), "\"a\\x0ab\"");
}

}  // namespace
}  // namespace hrkit_test
