// Pseudonymous respondent keys. A survey response is stored under a key that
// the survey's owner can recompute for an employee (to prevent a second
// submission, or to let a person see their own answers) but that reveals
// nothing about who answered to anyone without the survey's secret:
//   key = lowercase hex of HMAC-SHA-256(secret, decimal employee id),
// computed with OpenSSL. The caller supplies the secret for each survey and
// keeps it apart from the stored data; hrkit never stores it. With a new
// secret per survey, keys cannot be linked across surveys.
//
// Thread safety: pure function; safe to use concurrently.
#ifndef HRKIT_RELATIONS_PSEUDONYM_HPP_
#define HRKIT_RELATIONS_PSEUDONYM_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// The shortest secret accepted: 16 bytes (128 bits).
inline constexpr std::size_t kMinSurveySecretBytes = 16;
// The longest secret accepted: 1,024 bytes.
inline constexpr std::size_t kMaxSurveySecretBytes = 1024;

// The respondent key of `employee` under `survey_secret` (64 hex digits).
// Errors: InvalidArgument (an invalid employee id; a secret shorter than
// kMinSurveySecretBytes or longer than kMaxSurveySecretBytes), Internal (the hash library failed).
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(std::string key, RespondentKey(secret, EmployeeId(42)));
absl::StatusOr<std::string> RespondentKey(std::string_view survey_secret, EmployeeId employee);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_PSEUDONYM_HPP_
