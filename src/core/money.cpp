#include "hrkit/core/money.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

__extension__ typedef __int128 Int128;  // exact intermediate products

// Active ISO 4217 codes (list of 2024), excluding precious metals and bond
// units, plus XTS (testing) and XXX (no currency).
constexpr std::string_view kCurrencies =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN "
    "BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
    "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR "
    "KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV "
    "MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG "
    "SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN "
    "UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF XTS XXX YER ZAR ZMW ZWG ZWL";
constexpr std::string_view kZeroDigit = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
constexpr std::string_view kThreeDigits = "BHD IQD JOD KWD LYD OMR TND";
constexpr std::string_view kFourDigits = "CLF UYW";

bool ListContains(std::string_view list, std::string_view code) {
  for (std::size_t i = 0; i + 3 <= list.size(); i += 4) {
    if (list.substr(i, 3) == code) return true;
  }
  return false;
}

absl::StatusOr<Money> FromInt128(Int128 value, const CurrencyCode& currency, std::string_view operation) {
  if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min()) {
    return absl::OutOfRangeError(
        absl::StrCat("money ", ToAbsl(operation), " in ", ToAbsl(currency.code()), ": result overflows int64"));
  }
  return Money(static_cast<std::int64_t>(value), currency);
}

absl::Status CheckSameCurrency(const Money& a, const Money& b, std::string_view operation) {
  if (a.currency() == b.currency()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("money ", ToAbsl(operation), ": currency mismatch ",
                                                 ToAbsl(a.currency().code()), " vs ",
                                                 ToAbsl(b.currency().code())));
}

}  // namespace

absl::StatusOr<CurrencyCode> CurrencyCode::Parse(std::string_view code) {
  const bool shaped = code.size() == 3 && code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == code.npos;
  if (!shaped || !ListContains(kCurrencies, code)) {
    return absl::InvalidArgumentError(absl::StrCat("currency code \"", ToAbsl(code.substr(0, 16)),
                                                   "\": not an active ISO 4217 code"));
  }
  const int digits = ListContains(kZeroDigit, code)     ? 0
                     : ListContains(kThreeDigits, code) ? 3
                     : ListContains(kFourDigits, code)  ? 4
                                                        : 2;
  return CurrencyCode({code[0], code[1], code[2]}, digits);
}

absl::StatusOr<Money> Money::Make(std::int64_t minor_units, std::string_view currency_code) {
  HRKIT_ASSIGN_OR_RETURN(CurrencyCode currency, CurrencyCode::Parse(currency_code));
  return Money(minor_units, currency);
}

absl::StatusOr<Money> Add(const Money& a, const Money& b) {
  HRKIT_RETURN_IF_ERROR(CheckSameCurrency(a, b, "add"));
  return FromInt128(Int128{a.minor_units()} + b.minor_units(), a.currency(), "add");
}

absl::StatusOr<Money> Subtract(const Money& a, const Money& b) {
  HRKIT_RETURN_IF_ERROR(CheckSameCurrency(a, b, "subtract"));
  return FromInt128(Int128{a.minor_units()} - b.minor_units(), a.currency(), "subtract");
}

absl::StatusOr<Money> MultiplyByRatio(const Money& m, std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("money multiply in ", ToAbsl(m.currency().code()), ": denominator must not be zero"));
  }
  Int128 product = Int128{m.minor_units()} * numerator;
  Int128 divisor = denominator;
  if (divisor < 0) {
    divisor = -divisor;
    product = -product;
  }
  Int128 quotient = product / divisor;  // truncated toward zero
  const Int128 remainder = product % divisor;
  const Int128 twice = 2 * (remainder < 0 ? -remainder : remainder);
  // Round half to even: away from zero above the half, and at exactly the half
  // only when the truncated quotient is odd.
  if (twice > divisor || (twice == divisor && quotient % 2 != 0)) {
    quotient += product < 0 ? -1 : 1;
  }
  return FromInt128(quotient, m.currency(), "multiply");
}

absl::StatusOr<Money> MultiplyByRate(const Money& m, double rate) {
  constexpr double kScale = 1e9;
  if (!std::isfinite(rate) || std::fabs(rate) > 9e9) {
    return absl::InvalidArgumentError(absl::StrCat("money multiply in ", ToAbsl(m.currency().code()),
                                                   ": rate must be finite and at most 9e9 in magnitude, got ",
                                                   rate));
  }
  const auto scaled = static_cast<std::int64_t>(std::llround(static_cast<long double>(rate) * kScale));
  return MultiplyByRatio(m, scaled, static_cast<std::int64_t>(kScale));
}

std::string FormatMoney(const Money& m) {
  const std::int64_t units = m.minor_units();
  // Work on the magnitude as unsigned so INT64_MIN formats too.
  const std::uint64_t magnitude =
      units < 0 ? ~static_cast<std::uint64_t>(units) + 1 : static_cast<std::uint64_t>(units);
  std::string digits = std::to_string(magnitude);
  const auto fraction = static_cast<std::size_t>(m.currency().minor_digits());
  if (fraction > 0) {
    if (digits.size() <= fraction) digits.insert(0, fraction + 1 - digits.size(), '0');
    digits.insert(digits.size() - fraction, 1, '.');
  }
  return absl::StrCat(units < 0 ? "-" : "", digits, " ", ToAbsl(m.currency().code()));
}

std::ostream& operator<<(std::ostream& os, const Money& m) { return os << FormatMoney(m); }

}  // namespace hrkit
