// Status helpers shared by every hrkit module: early-return macros, the
// conversion of exceptions into absl::Status at the public API boundary, and
// the bridge between std::string_view and Debian's absl::string_view.
//
// Thread safety: everything here is stateless and safe to use concurrently.
#ifndef HRKIT_CORE_STATUS_HPP_
#define HRKIT_CORE_STATUS_HPP_

#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hrkit {

// Converts a std::string_view for an Abseil call (Debian builds Abseil with its
// own string_view type).
inline absl::string_view ToAbsl(std::string_view text) { return {text.data(), text.size()}; }

// Converts an absl::string_view (e.g. absl::Status::message()) to std::string_view.
inline std::string_view FromAbsl(absl::string_view text) { return {text.data(), text.size()}; }

// Maps the exception currently being handled to a Status whose message starts
// with `context`: std::bad_alloc -> ResourceExhausted; std::out_of_range,
// std::invalid_argument, std::domain_error (Boost.Date_Time's bad dates) ->
// InvalidArgument; any other exception -> Internal.
// REQUIRES: called inside a catch block.
absl::Status StatusFromCurrentException(std::string_view context);

// Runs `fn` (returning absl::Status or absl::StatusOr<T>) and converts any
// exception it throws into a Status via StatusFromCurrentException, so no
// exception escapes the public API.
//
// Example:
//   return GuardExceptions("parse date", [&]() -> absl::StatusOr<Date> { ... });
template <class Fn>
auto GuardExceptions(std::string_view context, Fn&& fn) -> std::invoke_result_t<Fn> {
  try {
    return fn();
  } catch (...) {
    return StatusFromCurrentException(context);
  }
}

}  // namespace hrkit

#define HRKIT_STATUS_CONCAT_INNER_(a, b) a##b
#define HRKIT_STATUS_CONCAT_(a, b) HRKIT_STATUS_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define HRKIT_RETURN_IF_ERROR(expr)                        \
  do {                                                     \
    if (::absl::Status hrkit_status_ = (expr); !hrkit_status_.ok()) { \
      return hrkit_status_;                                \
    }                                                      \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its Status from the
// enclosing function, otherwise moves the value into `lhs` (a declaration or an
// existing variable).
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(Date hired, ParseIsoDate(text));
#define HRKIT_ASSIGN_OR_RETURN(lhs, rexpr) \
  HRKIT_ASSIGN_OR_RETURN_IMPL_(HRKIT_STATUS_CONCAT_(hrkit_statusor_, __LINE__), lhs, rexpr)
#define HRKIT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                 \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // HRKIT_CORE_STATUS_HPP_
