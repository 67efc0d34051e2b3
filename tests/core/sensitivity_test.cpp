#include "hrkit/core/sensitivity.hpp"

#include "gtest/gtest.h"

namespace hrkit {
namespace {

TEST(SensitivitySetTest, HoldsExactlyTheClassesGiven) {
  constexpr SensitivitySet kDirectoryAndPay{Sensitivity::kDirectory, Sensitivity::kCompensation};
  static_assert(kDirectoryAndPay.Contains(Sensitivity::kCompensation));
  EXPECT_TRUE(kDirectoryAndPay.Contains(Sensitivity::kDirectory));
  EXPECT_FALSE(kDirectoryAndPay.Contains(Sensitivity::kPersonal));
  EXPECT_FALSE(kDirectoryAndPay.Contains(Sensitivity::kConfidentialCase));
  EXPECT_TRUE(kDirectoryAndPay.With(Sensitivity::kHealth).Contains(Sensitivity::kHealth));
  EXPECT_FALSE(kDirectoryAndPay.Contains(Sensitivity::kHealth));  // With returns a copy

  const SensitivitySet none;
  const SensitivitySet all = SensitivitySet::All();
  for (Sensitivity s : {Sensitivity::kDirectory, Sensitivity::kPersonal, Sensitivity::kCompensation,
                        Sensitivity::kPerformance, Sensitivity::kHealth, Sensitivity::kConfidentialCase}) {
    EXPECT_FALSE(none.Contains(s)) << SensitivityName(s);
    EXPECT_TRUE(all.Contains(s)) << SensitivityName(s);
  }
  EXPECT_EQ(SensitivitySet({Sensitivity::kHealth, Sensitivity::kHealth}), SensitivitySet{Sensitivity::kHealth});
}

TEST(SensitivitySetTest, AValueOutsideTheEnumIsNeverContained) {
  EXPECT_FALSE(SensitivitySet::All().Contains(static_cast<Sensitivity>(6)));
  EXPECT_FALSE(SensitivitySet::All().Contains(static_cast<Sensitivity>(40)));
  EXPECT_FALSE(SensitivitySet::All().Contains(static_cast<Sensitivity>(-1)));
  // Adding one changes nothing.
  EXPECT_EQ(SensitivitySet().With(static_cast<Sensitivity>(99)), SensitivitySet());
}

}  // namespace
}  // namespace hrkit
