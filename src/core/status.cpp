#include "hrkit/core/status.hpp"

#include "absl/strings/str_cat.h"

namespace hrkit {

absl::Status StatusFromCurrentException(std::string_view context) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(absl::StrCat(ToAbsl(context), ": out of memory"));
  } catch (const std::out_of_range& e) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(context), ": ", e.what()));
  } catch (const std::invalid_argument& e) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(context), ": ", e.what()));
  } catch (const std::domain_error& e) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(context), ": ", e.what()));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat(ToAbsl(context), ": ", e.what()));
  } catch (...) {
    return absl::InternalError(absl::StrCat(ToAbsl(context), ": unknown exception"));
  }
}

}  // namespace hrkit
