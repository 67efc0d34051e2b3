// The memory backend runs the conformance suite, plus OpenStore's own rules.
#include "hrkit/storage/memory_store.hpp"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/open_store.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "store_conformance.hpp"

namespace hrkit_test {
namespace {

using testing::HasSubstr;

INSTANTIATE_TEST_SUITE_P(Memory, StoreConformanceTest,
                         testing::Values(StoreBackend{
                             "memory", [](const std::string&) { return hrkit::OpenStore("memory:"); }, false}),
                         BackendName);

TEST(OpenStore, MemoryIsBuiltIn) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore("memory:"));
  EXPECT_EQ(store->BackendName(), "memory");
}

TEST(OpenStore, RejectsMalformedAndUnknownUris) {
  EXPECT_STATUS_CODE(hrkit::OpenStore(""), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenStore("/var/lib/hr.db"), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenStore(":memory:"), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::OpenStore("memory:/tmp/x"), absl::StatusCode::kInvalidArgument);
  const auto unknown = hrkit::OpenStore("mongodb://localhost");
  EXPECT_STATUS_CODE(unknown, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(unknown), HasSubstr("unknown scheme \"mongodb\""));
}

TEST(OpenStore, AnUnregisteredKnownBackendIsUnimplementedNotFaked) {
  // This test binary does not link hrkit::postgres.
  const auto pg = hrkit::OpenStore("postgresql://localhost/hr");
  EXPECT_STATUS_CODE(pg, absl::StatusCode::kUnimplemented);
  EXPECT_THAT(Message(pg), HasSubstr("hrkit::postgres"));
  EXPECT_THAT(Message(pg), HasSubstr("link the program with"));
}

TEST(OpenStore, RegisteredBackendsAreUsedByScheme) {
  std::string seen_uri;
  ASSERT_OK(hrkit::RegisterStoreBackend("testonly", [&](std::string_view uri) {
    seen_uri = std::string(uri);
    return hrkit::OpenStore("memory:");
  }));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<hrkit::Store> store, hrkit::OpenStore("testonly:abc?x=1"));
  EXPECT_EQ(seen_uri, "testonly:abc?x=1");
  EXPECT_STATUS_CODE(hrkit::RegisterStoreBackend("memory", [](std::string_view) { return hrkit::OpenStore("memory:"); }),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::RegisterStoreBackend("", [](std::string_view) { return hrkit::OpenStore("memory:"); }),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(hrkit::RegisterStoreBackend("x", nullptr), absl::StatusCode::kInvalidArgument);
}

TEST(EntityRegistry, KindsFollowTheRegistryOrder) {
  EXPECT_EQ(hrkit::kKindOf<hrkit::Employee>, 0u);
  EXPECT_EQ(hrkit::kKindOf<hrkit::Location>, 3u);
  EXPECT_EQ(hrkit::EntityKindName(hrkit::kKindOf<hrkit::OrgUnit>), "org_unit");
  EXPECT_EQ(hrkit::RowName(hrkit::kKindOf<hrkit::Position>, 12), "position:12");
}

}  // namespace
}  // namespace hrkit_test
