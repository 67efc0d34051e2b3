#include "hrkit/core/progress.hpp"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

TEST(ReportProgress, NullSinkIsAlwaysOk) { EXPECT_OK(ReportProgress(nullptr, "load", 1, 2)); }

TEST(ReportProgress, ForwardsUpdatesAndStopsOnCancel) {
  std::vector<std::string> seen;
  CancellableProgress sink([&](std::string_view stage, std::int64_t done, std::int64_t total) {
    seen.push_back(std::string(stage) + ":" + std::to_string(done) + "/" + std::to_string(total));
  });
  EXPECT_OK(ReportProgress(&sink, "accrual", 10, 100));
  sink.RequestCancel();
  const absl::Status cancelled = ReportProgress(&sink, "accrual", 20, 100);
  EXPECT_EQ(cancelled.code(), absl::StatusCode::kCancelled);
  EXPECT_NE(std::string(cancelled.message()).find("accrual"), std::string::npos);
  EXPECT_EQ(seen, (std::vector<std::string>{"accrual:10/100", "accrual:20/100"}));
}

}  // namespace
}  // namespace hrkit
