#include "hrkit/core/money.hpp"

#include <limits>

#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

Money Eur(std::int64_t cents) { return *Money::Make(cents, "EUR"); }

TEST(CurrencyCode, ValidatesAgainstIso4217) {
  EXPECT_OK(CurrencyCode::Parse("EUR"));
  EXPECT_OK(CurrencyCode::Parse("XTS"));
  for (const char* bad : {"eur", "EURO", "EU", "", "ABC", "E1R"}) {
    SCOPED_TRACE(bad);
    EXPECT_STATUS_CODE(CurrencyCode::Parse(bad), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(CurrencyCode::Parse("EUR")->minor_digits(), 2);
  EXPECT_EQ(CurrencyCode::Parse("JPY")->minor_digits(), 0);
  EXPECT_EQ(CurrencyCode::Parse("KWD")->minor_digits(), 3);
  EXPECT_EQ(CurrencyCode::Parse("CLF")->minor_digits(), 4);
}

TEST(Money, AddAndSubtractInOneCurrency) {
  ASSERT_OK_AND_ASSIGN(Money sum, Add(Eur(6'200'000), Eur(150)));
  EXPECT_EQ(sum, Eur(6'200'150));
  ASSERT_OK_AND_ASSIGN(Money diff, Subtract(Eur(100), Eur(250)));
  EXPECT_EQ(diff, Eur(-150));
}

TEST(Money, CurrencyMismatchIsAnError) {
  const Money usd = *Money::Make(100, "USD");
  EXPECT_STATUS_CODE(Add(Eur(100), usd), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(Subtract(Eur(100), usd), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(hrkit_test::Message(Add(Eur(100), usd)).find("EUR vs USD"), std::string::npos);
}

TEST(Money, OverflowIsAnError) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_STATUS_CODE(Add(Eur(kMax), Eur(1)), absl::StatusCode::kOutOfRange);
  EXPECT_OK(Add(Eur(kMax), Eur(0)));
  EXPECT_STATUS_CODE(Subtract(Eur(kMin), Eur(1)), absl::StatusCode::kOutOfRange);
  EXPECT_STATUS_CODE(MultiplyByRatio(Eur(kMax), 2, 1), absl::StatusCode::kOutOfRange);
  EXPECT_STATUS_CODE(MultiplyByRatio(Eur(kMin), -1, 1), absl::StatusCode::kOutOfRange);
}

TEST(Money, MultiplyRoundsHalfToEven) {
  // 5 cents x 1/2 = 2.5 -> 2; 15 x 1/2 = 7.5 -> 8; negatives mirror.
  EXPECT_EQ(*MultiplyByRatio(Eur(5), 1, 2), Eur(2));
  EXPECT_EQ(*MultiplyByRatio(Eur(15), 1, 2), Eur(8));
  EXPECT_EQ(*MultiplyByRatio(Eur(-5), 1, 2), Eur(-2));
  EXPECT_EQ(*MultiplyByRatio(Eur(-15), 1, 2), Eur(-8));
  EXPECT_EQ(*MultiplyByRatio(Eur(5), -1, 2), Eur(-2));
  // Not a tie: 10 x 1/3 = 3.33 -> 3; 20 x 1/3 = 6.67 -> 7.
  EXPECT_EQ(*MultiplyByRatio(Eur(10), 1, 3), Eur(3));
  EXPECT_EQ(*MultiplyByRatio(Eur(20), 1, 3), Eur(7));
  EXPECT_STATUS_CODE(MultiplyByRatio(Eur(20), 1, 0), absl::StatusCode::kInvalidArgument);
  // A product beyond int64 whose quotient fits: exact thanks to 128-bit math.
  EXPECT_EQ(*MultiplyByRatio(Eur(std::numeric_limits<std::int64_t>::max()), 3, 3),
            Eur(std::numeric_limits<std::int64_t>::max()));
}

TEST(Money, MultiplyByDecimalRateIsExactToNineDigits) {
  // A 3.5% raise on 62,000.00: 6,417,000 cents exactly.
  EXPECT_EQ(*MultiplyByRate(Eur(6'200'000), 1.035), Eur(6'417'000));
  // 0.125 x 20 = 2.5 -> 2 and 0.125 x 28 = 3.5 -> 4 (half to even).
  EXPECT_EQ(*MultiplyByRate(Eur(20), 0.125), Eur(2));
  EXPECT_EQ(*MultiplyByRate(Eur(28), 0.125), Eur(4));
  // 1.005 is not exact in binary; as a nine-digit decimal it is: 100 x 1.005 = 100.5 -> 100.
  EXPECT_EQ(*MultiplyByRate(Eur(100), 1.005), Eur(100));
  EXPECT_STATUS_CODE(MultiplyByRate(Eur(1), std::numeric_limits<double>::quiet_NaN()),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MultiplyByRate(Eur(1), std::numeric_limits<double>::infinity()),
                     absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(MultiplyByRate(Eur(1), 1e10), absl::StatusCode::kInvalidArgument);
}

TEST(Money, FormatsWithTheCurrencysMinorDigits) {
  EXPECT_EQ(FormatMoney(Eur(6'200'000)), "62000.00 EUR");
  EXPECT_EQ(FormatMoney(Eur(-5)), "-0.05 EUR");
  EXPECT_EQ(FormatMoney(Eur(0)), "0.00 EUR");
  EXPECT_EQ(FormatMoney(*Money::Make(1500, "JPY")), "1500 JPY");
  EXPECT_EQ(FormatMoney(*Money::Make(1, "KWD")), "0.001 KWD");
  EXPECT_EQ(FormatMoney(Eur(std::numeric_limits<std::int64_t>::min())), "-92233720368547758.08 EUR");
}

}  // namespace
}  // namespace hrkit
