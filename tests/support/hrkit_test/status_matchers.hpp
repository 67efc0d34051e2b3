// Status assertions for tests (Debian's Abseil ships none).
#ifndef HRKIT_TEST_STATUS_MATCHERS_HPP_
#define HRKIT_TEST_STATUS_MATCHERS_HPP_

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hrkit_test {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <class T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}
// The status message as std::string, for EXPECT_THAT(..., HasSubstr(...)).
template <class S>
std::string Message(const S& s) {
  return std::string(GetStatus(s).message());
}

// Matches an OK StatusOr whose value equals `expected`; explains an error:
//   EXPECT_THAT(RequestDuration(r, schedule, calendar), IsOkAndHolds(4.0));
MATCHER_P(IsOkAndHolds, expected, "is OK and holds " + ::testing::PrintToString(expected)) {
  if (!arg.ok()) {
    *result_listener << "whose status is " << arg.status();
    return false;
  }
  *result_listener << "whose value is " << ::testing::PrintToString(*arg);
  return *arg == expected;
}

}  // namespace hrkit_test

#define HRKIT_TEST_CONCAT_INNER_(a, b) a##b
#define HRKIT_TEST_CONCAT_(a, b) HRKIT_TEST_CONCAT_INNER_(a, b)

// Expects / asserts that a Status or StatusOr is OK, printing it otherwise.
#define EXPECT_OK(expr)                                                   \
  do {                                                                    \
    const auto& hrkit_test_value_ = (expr);                               \
    EXPECT_TRUE(::hrkit_test::GetStatus(hrkit_test_value_).ok())          \
        << ::hrkit_test::GetStatus(hrkit_test_value_);                    \
  } while (false)
#define ASSERT_OK(expr)                                                   \
  do {                                                                    \
    const auto& hrkit_test_value_ = (expr);                               \
    ASSERT_TRUE(::hrkit_test::GetStatus(hrkit_test_value_).ok())          \
        << ::hrkit_test::GetStatus(hrkit_test_value_);                    \
  } while (false)

// Expects a Status or StatusOr with the given canonical code.
#define EXPECT_STATUS_CODE(expr, code_value)                                   \
  do {                                                                         \
    const auto& hrkit_test_value_ = (expr);                                    \
    EXPECT_EQ(::hrkit_test::GetStatus(hrkit_test_value_).code(), (code_value)) \
        << ::hrkit_test::GetStatus(hrkit_test_value_);                         \
  } while (false)

// Asserts that `rexpr` (a StatusOr) is OK and moves its value into `lhs`.
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(HRKIT_TEST_CONCAT_(hrkit_test_statusor_, __LINE__), lhs, rexpr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                \
  ASSERT_TRUE(statusor.ok()) << statusor.status();        \
  lhs = std::move(statusor).value()

#endif  // HRKIT_TEST_STATUS_MATCHERS_HPP_
