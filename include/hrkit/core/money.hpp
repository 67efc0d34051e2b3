// Money: an integer amount of minor units (cents, pence, yen) in an ISO 4217
// currency. Never floating point. Arithmetic checks the currency and overflow
// and reports both as a Status; multiplication by a rate rounds half to even.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_CORE_MONEY_HPP_
#define HRKIT_CORE_MONEY_HPP_

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace hrkit {

// An active ISO 4217 alphabetic currency code ("EUR", "JPY").
class CurrencyCode {
 public:
  // Validates `code`: three upper-case letters naming an active ISO 4217
  // currency (or XTS/XXX, the codes reserved for testing and "no currency").
  // Returns InvalidArgument otherwise ("eur", "EURO", "ABC").
  static absl::StatusOr<CurrencyCode> Parse(std::string_view code);

  // The three-letter code.
  std::string_view code() const { return {code_.data(), code_.size()}; }
  // Digits after the decimal point of the currency's minor unit: 2 for EUR,
  // 0 for JPY, 3 for KWD.
  int minor_digits() const { return minor_digits_; }

  friend bool operator==(const CurrencyCode&, const CurrencyCode&) = default;
  // Prints the code, e.g. "EUR".
  friend std::ostream& operator<<(std::ostream& os, const CurrencyCode& c) { return os << c.code(); }

 private:
  CurrencyCode(std::array<char, 3> code, int minor_digits) : code_(code), minor_digits_(minor_digits) {}
  std::array<char, 3> code_;
  int minor_digits_;
};

// An amount of money: minor units plus currency.
class Money {
 public:
  // `minor_units` of `currency` (e.g. 6'200'000 EUR minor units = 62,000.00 EUR).
  Money(std::int64_t minor_units, CurrencyCode currency) : minor_units_(minor_units), currency_(currency) {}

  // Validates the currency code, then builds the amount.
  // Returns InvalidArgument for an unknown currency code.
  static absl::StatusOr<Money> Make(std::int64_t minor_units, std::string_view currency_code);

  // The amount in minor units.
  std::int64_t minor_units() const { return minor_units_; }
  // The currency.
  const CurrencyCode& currency() const { return currency_; }

  friend bool operator==(const Money&, const Money&) = default;

 private:
  std::int64_t minor_units_;
  CurrencyCode currency_;
};

// a + b. Returns InvalidArgument if the currencies differ, OutOfRange on
// int64 overflow.
absl::StatusOr<Money> Add(const Money& a, const Money& b);

// a - b. Returns InvalidArgument if the currencies differ, OutOfRange on
// int64 overflow.
absl::StatusOr<Money> Subtract(const Money& a, const Money& b);

// m x numerator / denominator, exactly, rounded half to even (banker's
// rounding: 2.5 -> 2, 3.5 -> 4, -2.5 -> -2). Returns InvalidArgument for a zero
// denominator, OutOfRange if the result does not fit in int64.
absl::StatusOr<Money> MultiplyByRatio(const Money& m, std::int64_t numerator, std::int64_t denominator);

// m x rate. The rate is first rounded to nine decimal places (so 1.035 means
// exactly 1035/1000, not the nearest binary double), then MultiplyByRatio
// applies, rounding half to even. Returns InvalidArgument for a rate that is
// not finite or whose magnitude exceeds 9e9, OutOfRange on overflow.
absl::StatusOr<Money> MultiplyByRate(const Money& m, double rate);

// "62000.00 EUR", "-0.05 USD", "1500 JPY": the amount with the currency's
// minor digits, a '.' separator, no grouping, then the code.
std::string FormatMoney(const Money& m);

// Prints FormatMoney(m).
std::ostream& operator<<(std::ostream& os, const Money& m);

}  // namespace hrkit

#endif  // HRKIT_CORE_MONEY_HPP_
