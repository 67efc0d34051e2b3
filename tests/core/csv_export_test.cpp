#include "hrkit/core/csv_export.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "export_test_types.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit_test/export_checks.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::export_test {
namespace {

using ::hrkit_test::ParseCsv;
using ::testing::HasSubstr;

// ToCsv names the classes it writes: it does not compile without them.
template <class E>
concept CsvWithoutClasses = requires(std::span<const E> all) {
  ToCsv(all);
}
|| requires(std::span<const E> all, const CsvOptions& options) { ToCsv(all, options); };
static_assert(!CsvWithoutClasses<Badge>);

constexpr char kAllHeader[] =
    "id,label,nickname,home_shift,allowance.minor_units,allowance.currency,tags,shifts,"
    "rota.shift,rota.max_hours,rota.steps,plans\r\n";

TEST(CsvExportTest, EveryMemberShapeWithEveryClass) {
  const std::vector<Badge> badges = {SampleBadge()};
  // As of 2024-03-01 the first rota record is in force. The empty optional
  // nickname is an empty cell; enums by name (7 is outside the table); each
  // list is one cell holding its JSON text, CSV-quoted with quotes doubled.
  EXPECT_EQ(ToCsv<Badge>(badges, SensitivitySet::All(), {.as_of = Date(2024, 3, 1)}),
            std::string(kAllHeader) +
                "5,Front desk,,night,1500,EUR,"
                R"("[""lobby"",""a,b \""c\""""]","[""day"",7]",)"
                R"(day,40,"[{""after_years"":1,""bonus"":0.5},{""after_years"":3,""bonus"":1}]",)"
                R"("[{""shift"":""night"",""max_hours"":12,""steps"":[{""after_years"":2,""bonus"":2.5}]}]")"
                "\r\n");
  // The cells read back to the JSON text of each list.
  const auto rows = ParseCsv(ToCsv<Badge>(badges, SensitivitySet::All(), {.as_of = Date(2024, 3, 1)}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][6], R"(["lobby","a,b \"c\""])");
  EXPECT_EQ(rows[1][7], R"(["day",7])");
}

TEST(CsvExportTest, AnEmptyListIsBracketsAndNoRecordInForceIsEmptyCells) {
  const std::vector<Badge> badges = {SampleBadge()};
  const SensitivitySet directory = kDirectoryFields;
  // From 2024-07-01: the night shift with no hour limit (an empty cell) and
  // no steps ([]). Before 2024-01-01: no record, every rota cell empty.
  EXPECT_EQ(ToCsv<Badge>(badges, directory, {.as_of = Date(2024, 7, 1)}),
            "id,label,home_shift,tags,shifts,rota.shift,rota.max_hours,rota.steps\r\n"
            R"(5,Front desk,night,"[""lobby"",""a,b \""c\""""]","[""day"",7]",night,,[])"
            "\r\n");
  EXPECT_EQ(ToCsv<Badge>(badges, directory, {.as_of = Date(2023, 12, 31)}),
            "id,label,home_shift,tags,shifts,rota.shift,rota.max_hours,rota.steps\r\n"
            R"(5,Front desk,night,"[""lobby"",""a,b \""c\""""]","[""day"",7]",,,)"
            "\r\n");
  // Without a date: no history columns; a nested list keeps only the
  // included fields of its records (no bonus).
  EXPECT_EQ(ToCsv<Badge>(badges, directory),
            "id,label,home_shift,tags,shifts\r\n"
            R"(5,Front desk,night,"[""lobby"",""a,b \""c\""""]","[""day"",7]")"
            "\r\n");
  EXPECT_THAT(ToCsv<Badge>(badges, directory, {.as_of = Date(2024, 1, 1)}),
              HasSubstr(R"(,day,40,"[{""after_years"":1},{""after_years"":3}]")"));
}

TEST(CsvExportTest, AnEmptyOptionalAndAnEmptyTextAreBothAnEmptyCell) {
  Badge b;
  b.id = BadgeId(1);
  const SensitivitySet personal{Sensitivity::kPersonal, Sensitivity::kCompensation};
  // nickname, allowance (two cells), plans.
  const std::vector<Badge> none = {b};
  EXPECT_EQ(ToCsv<Badge>(none, personal), "nickname,allowance.minor_units,allowance.currency,plans\r\n,,,[]\r\n");
  b.nickname = "";
  const std::vector<Badge> empty_text = {b};
  EXPECT_EQ(ToCsv<Badge>(empty_text, personal), "nickname,allowance.minor_units,allowance.currency,plans\r\n,,,[]\r\n");
  b.nickname = "=1+1";
  const std::vector<Badge> formula = {b};
  EXPECT_EQ(ToCsv<Badge>(formula, personal),
            "nickname,allowance.minor_units,allowance.currency,plans\r\n'=1+1,,,[]\r\n");
}

TEST(CsvExportTest, AnEnumOutsideItsNameTableIsItsInteger) {
  Badge b;
  b.id = BadgeId(2);
  b.home_shift = static_cast<Shift>(-3);
  const std::vector<Badge> badges = {b};
  EXPECT_EQ(ToCsv<Badge>(badges, SensitivitySet{Sensitivity::kDirectory}),
            "id,label,home_shift,tags,shifts\r\n2,,-3,[],[]\r\n");
}

TEST(CsvExportTest, FormulasAreNeutralizedInTextOnly) {
  Badge b = SampleBadge();
  b.label = "-1+2";
  b.tags = {"=HYPERLINK(\"http://x\")"};
  std::vector<Badge> badges = {b};
  EXPECT_EQ(ParseCsv(ToCsv<Badge>(badges, kDirectoryFields))[1],
            (std::vector<std::string>{"5", "'-1+2", "night", R"j(["=HYPERLINK(\"http://x\")"])j", R"(["day",7])"}));
  EXPECT_EQ(ParseCsv(ToCsv<Badge>(badges, kDirectoryFields, {.neutralize_formulas = false}))[1][1], "-1+2");
    // Numbers are never prefixed: a negative hour limit stays a number.
    b.rota = Timeline<Rota>();
    EXPECT_OK(b.rota.Add(Date(2024, 1, 1), Rota{Shift::kDay, -2, {}}, Date(2024, 1, 1)));
    badges = {b};
    EXPECT_THAT(ToCsv<Badge>(badges, kDirectoryFields, {.as_of = Date(2024, 1, 1)}), HasSubstr(",day,-2,[]\r\n"));
}

TEST(CsvExportTest, NothingIncludedGivesEmptyLines) {
    const std::vector<Badge> badges = {SampleBadge(), SampleBadge()};
    EXPECT_EQ(ToCsv<Badge>(badges, SensitivitySet{}), "\r\n\r\n\r\n");
}

}  // namespace
}  // namespace hrkit::export_test
