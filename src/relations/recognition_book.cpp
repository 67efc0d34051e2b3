#include "hrkit/relations/recognition_book.hpp"

#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "record_status.hpp"

namespace hrkit {

using relations_internal::InvalidField;
using relations_internal::RecordError;

absl::StatusOr<RecognitionBook> RecognitionBook::Create(std::vector<std::string> company_values) {
  RecognitionBook book;
  for (std::size_t k = 0; k < company_values.size(); ++k) {
    const std::string& value = company_values[k];
    if (value.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("recognition book: company_values[", k, "]: must not be empty"));
    }
    if (!book.known_values_.insert(value).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("recognition book: company_values[", k, "]: value ", value, " is listed twice"));
    }
  }
  book.company_values_ = std::move(company_values);
  return book;
}

absl::Status RecognitionBook::Give(Recognition recognition) {
  HRKIT_RETURN_IF_ERROR(ValidateRecognition(recognition));
  for (std::size_t k = 0; k < recognition.values.size(); ++k) {
    if (!known_values_.contains(recognition.values[k])) {
      return InvalidField(recognition.id, absl::StrCat("values[", k, "]"),
                          absl::StrCat("unknown company value ", recognition.values[k]));
    }
  }
  if (ids_.contains(recognition.id)) {
    return RecordError(absl::StatusCode::kAlreadyExists, recognition.id, "id", "is taken");
  }
  ids_.insert(recognition.id);
  recognitions_.push_back(std::move(recognition));
  return absl::OkStatus();
}

}  // namespace hrkit
