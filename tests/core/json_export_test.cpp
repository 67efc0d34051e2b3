#include "hrkit/core/json_export.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "export_test_types.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/export_text.hpp"
#include "hrkit_test/export_checks.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::export_test {
namespace {

using ::hrkit_test::IsValidJson;
using ::testing::HasSubstr;
using ::testing::Not;

// Every entry point names the classes it writes: none compiles without them.
template <class E>
concept JsonWithoutClasses = requires(const E& e, std::string& out) {
  ToJson(e);
}
|| requires(const E& e, std::string& out) { AppendJson(out, e); }
|| requires(std::span<const E> all) { ToJsonLines(all); };
static_assert(!JsonWithoutClasses<Badge>);
static_assert(kDirectoryFields == SensitivitySet{Sensitivity::kDirectory});

TEST(JsonExportTest, EveryMemberShapeWithEveryClass) {
  // Enums by name, 7 (outside the table) as a number; the empty optional
  // text is null; lists of scalars are arrays of values; the steps of each
  // rota record and plan are nested arrays of objects (empty: []).
  const std::string json = ToJson(SampleBadge(), SensitivitySet::All());
  EXPECT_EQ(json,
            R"({"id":5,"label":"Front desk","nickname":null,"home_shift":"night",)"
            R"("allowance":{"minor_units":1500,"currency":"EUR"},"tags":["lobby","a,b \"c\""],"shifts":["day",7],)"
            R"("rota":[{"effective":"2024-01-01","recorded":"2023-12-15","shift":"day","max_hours":40,)"
            R"("steps":[{"after_years":1,"bonus":0.5},{"after_years":3,"bonus":1}]},)"
            R"({"effective":"2024-07-01","recorded":"2024-06-01","shift":"night","max_hours":null,"steps":[]}],)"
            R"("plans":[{"shift":"night","max_hours":12,"steps":[{"after_years":2,"bonus":2.5}]}]})");
  EXPECT_TRUE(IsValidJson(json));
}

TEST(JsonExportTest, DirectoryFieldsLeaveOutOtherClassesAtEveryDepth) {
  // Left out: nickname (personal), allowance (compensation), plans (a
  // personal list) and each step's bonus (compensation) inside the rota.
  const std::string json = ToJson(SampleBadge(), kDirectoryFields);
  EXPECT_EQ(json,
            R"({"id":5,"label":"Front desk","home_shift":"night","tags":["lobby","a,b \"c\""],"shifts":["day",7],)"
            R"("rota":[{"effective":"2024-01-01","recorded":"2023-12-15","shift":"day","max_hours":40,)"
            R"("steps":[{"after_years":1},{"after_years":3}]},)"
            R"({"effective":"2024-07-01","recorded":"2024-06-01","shift":"night","max_hours":null,"steps":[]}]})");
  EXPECT_TRUE(IsValidJson(json));
  EXPECT_EQ(ToJson(SampleBadge(), SensitivitySet{}), "{}");
}

TEST(JsonExportTest, AnEmptyOptionalIsNullAndAnEmptyTextIsTheEmptyString) {
  Badge b;
  b.id = BadgeId(1);
  const SensitivitySet personal{Sensitivity::kPersonal, Sensitivity::kCompensation};
  EXPECT_EQ(ToJson(b, personal), R"({"nickname":null,"allowance":null,"plans":[]})");
  b.nickname = "";
  EXPECT_EQ(ToJson(b, personal), R"({"nickname":"","allowance":null,"plans":[]})");
}

TEST(JsonExportTest, AnEnumOutsideItsNameTableIsItsInteger) {
  Badge b;
  b.id = BadgeId(2);
  b.home_shift = static_cast<Shift>(-3);
  b.shifts = {Shift::kNight};
  EXPECT_EQ(ToJson(b, kDirectoryFields),
            R"({"id":2,"label":"","home_shift":-3,"tags":[],"shifts":["night"],"rota":[]})");
  std::string out;
  AppendJsonValue(out, Shift::kDay);
  AppendJsonValue(out, static_cast<Shift>(2));
  EXPECT_EQ(out, R"("day"2)");
}

TEST(JsonExportTest, JsonLinesAreOneObjectPerLine) {
  const std::vector<Badge> badges = {SampleBadge(), Badge{}};
  const std::string lines = ToJsonLines<Badge>(badges, SensitivitySet{Sensitivity::kConfidentialCase});
  EXPECT_EQ(lines, "{}\n{}\n");
  EXPECT_EQ(ToJsonLines<Badge>({}, SensitivitySet::All()), "");
  const std::string ids = ToJsonLines<Badge>(badges, kDirectoryFields);
  EXPECT_THAT(ids, HasSubstr("\n{\"id\":null,\"label\":\"\",\"home_shift\":\"day\",\"tags\":[],\"shifts\":[],"
                             "\"rota\":[]}\n"));
}

TEST(JsonExportTest, TextIsEscapedAndAlwaysValidUtf8) {
  Badge b;
  b.label = "Zo\xC3\xAB \"HQ\"\\\n\t\x01\x7F";
  EXPECT_THAT(ToJson(b, kDirectoryFields), HasSubstr(R"("label":"Zoë \"HQ\"\\\n\t\u0001\u007f")"));
  // Invalid UTF-8: a lone continuation byte, a truncated sequence, an
  // overlong '/', a surrogate, a code point above U+10FFFF.
  b.label =
      "a\x80"
      "b\xC3"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80";
  b.tags = {"x\xFFy"};
  const std::string json = ToJson(b, kDirectoryFields);
  EXPECT_TRUE(IsValidJson(json));
  EXPECT_THAT(json, HasSubstr("\"a\xEF\xBF\xBD"
                              "b\xEF\xBF\xBD"
                              "c"));
  EXPECT_THAT(json, HasSubstr("\"tags\":[\"x\xEF\xBF\xBDy\"]"));
  EXPECT_THAT(json, Not(HasSubstr("\xC0")));
  EXPECT_THAT(json, Not(HasSubstr("\xED\xA0")));
  EXPECT_THAT(json, Not(HasSubstr("\xF4\x90")));
  // The longest valid sequences pass: U+10FFFF and U+FFFF.
  b.label = "\xF4\x8F\xBF\xBF\xEF\xBF\xBF";
  EXPECT_THAT(ToJson(b, kDirectoryFields), HasSubstr("\"label\":\"\xF4\x8F\xBF\xBF\xEF\xBF\xBF\""));
}

TEST(JsonExportTest, NumbersDatesIdsAndOptionalsAtTheirEdges) {
  std::string out;
  AppendJsonValue(out, 0.1);
  EXPECT_EQ(out, "0.1");  // shortest round trip, not 0.10000000000000001
  out.clear();
  AppendJsonValue(out, std::numeric_limits<double>::quiet_NaN());
  AppendJsonValue(out, std::numeric_limits<double>::infinity());
  EXPECT_EQ(out, "nullnull");
  out.clear();
  AppendJsonValue(out, 1e-7);
  EXPECT_EQ(out, "1e-07");
  out.clear();
  AppendJsonValue(out, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(out, "-9223372036854775808");
  out.clear();
  AppendJsonValue(out, Date());
  AppendJsonValue(out, OpenEnd());
  AppendJsonValue(out, Date(2024, 2, 29));
  EXPECT_EQ(out, R"(null"open""2024-02-29")");
  out.clear();
  AppendJsonValue(out, BadgeId());
  AppendJsonValue(out, BadgeId(42));
  EXPECT_EQ(out, "null42");
  out.clear();
  // An optional holding a value with no JSON value of its own is null too.
  AppendJsonValue(out, std::optional<Date>(Date()));
  AppendJsonValue(out, std::optional<Date>(Date(2025, 1, 31)));
  AppendJsonValue(out, std::optional<double>());
  AppendJsonValue(out, std::optional<bool>(false));
  AppendJsonValue(out, std::optional<Shift>(Shift::kNight));
  EXPECT_EQ(out, R"(null"2025-01-31"nullfalse"night")");
}

}  // namespace
}  // namespace hrkit::export_test
