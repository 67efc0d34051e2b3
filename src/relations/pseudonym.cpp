#include "hrkit/relations/pseudonym.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace hrkit {

absl::StatusOr<std::string> RespondentKey(std::string_view survey_secret, EmployeeId employee) {
  if (!employee.valid()) {
    return absl::InvalidArgumentError(absl::StrCat("respondent key: employee: ", ToString(employee), " is not valid"));
  }
  if (survey_secret.size() < kMinSurveySecretBytes) {
    return absl::InvalidArgumentError(absl::StrCat("respondent key: secret: needs at least ", kMinSurveySecretBytes,
                                                   " bytes, got ", survey_secret.size()));
  }
  if (survey_secret.size() > kMaxSurveySecretBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("respondent key: secret: at most ", kMaxSurveySecretBytes, " bytes, got ", survey_secret.size()));
  }
  const std::string message = absl::StrCat(employee.value());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), survey_secret.data(), static_cast<int>(survey_secret.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(), &length) == nullptr ||
      length != 32) {
    return absl::InternalError("respondent key: HMAC-SHA-256 failed");
  }
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

}  // namespace hrkit
