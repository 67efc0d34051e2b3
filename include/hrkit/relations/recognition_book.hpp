// Keeping recognitions (relations/recognition.hpp) against the company's
// configured values: every recognition is checked with ValidateRecognition,
// and each of its value tags must be one of the configured values. Adding is
// all-or-nothing: a refused recognition changes nothing.
//
// Thread safety: const methods may run concurrently; Give needs external
// synchronization against every other call.
#ifndef HRKIT_RELATIONS_RECOGNITION_BOOK_HPP_
#define HRKIT_RELATIONS_RECOGNITION_BOOK_HPP_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/relations/recognition.hpp"

namespace hrkit {

// Example:
//   HRKIT_ASSIGN_OR_RETURN(RecognitionBook book, RecognitionBook::Create({"ownership", "candor"}));
//   HRKIT_RETURN_IF_ERROR(book.Give(Recognition{.id = RecognitionId(1), .giver = alice,
//                                               .recipients = {bob}, .given_on = today,
//                                               .message = "Thanks for the launch", .values = {"ownership"}}));
class RecognitionBook {
 public:
  // A book whose recognitions may be tagged with `company_values` (their
  // order is the order of the per-value report). Errors (InvalidArgument,
  // naming "company_values[i]"): an empty or repeated value.
  static absl::StatusOr<RecognitionBook> Create(std::vector<std::string> company_values);

  // Adds a recognition. Errors, nothing stored: InvalidArgument
  // (ValidateRecognition's errors; a value tag that is not a company value,
  // naming "values[i]" and the tag), AlreadyExists (the id is taken).
  absl::Status Give(Recognition recognition);

  // The configured values, in the order given to Create.
  const std::vector<std::string>& company_values() const { return company_values_; }
  // Every recognition, in the order given.
  const std::vector<Recognition>& recognitions() const { return recognitions_; }

 private:
  RecognitionBook() = default;

  std::vector<std::string> company_values_;
  absl::flat_hash_set<std::string> known_values_;
  std::vector<Recognition> recognitions_;
  absl::flat_hash_set<RecognitionId> ids_;
};

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_RECOGNITION_BOOK_HPP_
