// Respondent keys are HMAC-SHA-256 of the decimal employee id under the
// survey's secret. The expected keys were computed independently with the
// OpenSSL command line: printf '42' | openssl dgst -sha256 -hmac '<secret>'.
#include "hrkit/relations/pseudonym.hpp"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;

TEST(RespondentKey, IsTheHmacOfTheDecimalId) {
  ASSERT_OK_AND_ASSIGN(const std::string key, RespondentKey("survey-2026-pulse-secret", EmployeeId(42)));
  EXPECT_EQ(key, "52256592ff7a8b38bab2e1f5b6c4c35148e6d2ddaabdbe7972a5bf79d92b730f");
  ASSERT_OK_AND_ASSIGN(const std::string next, RespondentKey("survey-2026-pulse-secret", EmployeeId(43)));
  EXPECT_EQ(next, "f566bc7ecf4c538af8cddaf71ae3289ffc70259a68e41ff258bb0804e1cc8e0d");
  // The shortest secret accepted.
  ASSERT_OK_AND_ASSIGN(const std::string shortest, RespondentKey("0123456789abcdef", EmployeeId(42)));
  EXPECT_EQ(shortest, "8d24a2a526d5f556469db8b6280e3a7b877a41155ca536be3a1f2a9d2be0eacd");
}

TEST(RespondentKey, DiffersBySurveySecret) {
  ASSERT_OK_AND_ASSIGN(const std::string other, RespondentKey("another-survey-secret-0001", EmployeeId(42)));
  EXPECT_EQ(other, "72a21323112db3077f3d6de091f838ff7888e527db376980e11cf937b4b562b7");
}

TEST(RespondentKey, RejectsWeakSecretsAndInvalidIds) {
  const auto short_secret = RespondentKey("0123456789abcde", EmployeeId(42));
  EXPECT_STATUS_CODE(short_secret, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(short_secret.status().message()), HasSubstr("secret: needs at least 16 bytes, got 15"));
  EXPECT_STATUS_CODE(RespondentKey(std::string(1025, 'x'), EmployeeId(42)), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(RespondentKey("survey-2026-pulse-secret", EmployeeId()), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit
