#include "hrkit/storage/json_export.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/export_text.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "store_test_data.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A strict reader of the JSON grammar (RFC 8259) that only answers whether
// `text` is one valid JSON value: enough to show every export parses.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : text_(text) {}

  bool Valid() {
    SkipSpace();
    if (!Value()) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  bool Value() {
    if (pos_ >= text_.size()) return false;
    switch (text_[pos_]) {
      case '{':
        return Container('}', true);
      case '[':
        return Container(']', false);
      case '"':
        return String();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }
  bool Container(char close, bool object) {
    ++pos_;
    SkipSpace();
    if (Peek(close)) return ++pos_, true;
    while (true) {
      SkipSpace();
      if (object) {
        if (!String()) return false;
        SkipSpace();
        if (!Peek(':')) return false;
        ++pos_;
        SkipSpace();
      }
      if (!Value()) return false;
      SkipSpace();
      if (Peek(close)) return ++pos_, true;
      if (!Peek(',')) return false;
      ++pos_;
    }
  }
  bool String() {
    if (!Peek('"')) return false;
    for (++pos_; pos_ < text_.size(); ++pos_) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (++pos_ >= text_.size()) return false;
      if (text_[pos_] == 'u') {
        for (int i = 0; i < 4; ++i) {
          if (++pos_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[pos_]))) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(text_[pos_]) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool Number() {
    const std::size_t start = pos_;
    if (Peek('-')) ++pos_;
    if (Peek('0')) {
      ++pos_;
    } else if (!Digits()) {
      return false;
    }
    if (Peek('.')) {
      ++pos_;
      if (!Digits()) return false;
    }
    if (Peek('e') || Peek('E')) {
      ++pos_;
      if (Peek('+') || Peek('-')) ++pos_;
      if (!Digits()) return false;
    }
    return pos_ > start;
  }
  bool Digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return pos_ > start;
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void SkipSpace() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool IsValidJson(std::string_view text) { return JsonChecker(text).Valid(); }

TEST(JsonCheckerTest, TellsValidFromInvalid) {
  EXPECT_TRUE(IsValidJson(R"({"a":[1,-2.5e3,true,null,"x\"\u00e9"],"b":{}})"));
  EXPECT_FALSE(IsValidJson(R"({"a":1,})"));
  EXPECT_FALSE(IsValidJson("{\"a\":\"line\nbreak\"}"));
  EXPECT_FALSE(IsValidJson(R"({"a":01})"));
  EXPECT_FALSE(IsValidJson(R"({"a":1} x)"));
}

Location Berlin() { return Location{LocationId(1), "Berlin", "DE", HolidayCalendarId(10), WorkScheduleId()}; }

TEST(JsonExportTest, ALocationIsOneObjectInDescriptionOrder) {
  EXPECT_EQ(ToJson(Berlin()),
            R"({"id":1,"name":"Berlin","country":"DE","holiday_calendar":10,"default_schedule":null})");
}

TEST(JsonExportTest, AHistoryIsTheArrayOfItsCurrentEntries) {
  Employee e;
  e.id = EmployeeId(7);
  e.employee_number = "E-7";
  e.legal_name = "Ada Lovelace";
  e.birth_date = Date(1990, 2, 28);
  EmploymentRecord hired;
  hired.fte = 0.8;
  hired.position = PositionId(100);
  hired.employment_start = Date(2024, 1, 1);
  hired.seniority_start = Date(2024, 1, 1);
  ASSERT_OK(e.employment.Add(Date(2024, 1, 1), hired, Date(2023, 12, 1)));
  EmploymentRecord wrong = hired;
  wrong.fte = 0.5;
  ASSERT_OK(e.employment.Add(Date(2024, 7, 1), wrong, Date(2024, 6, 1)));
  // A backdated correction replaces the 2024-07-01 entry: it is not exported.
  EmploymentRecord corrected = hired;
  corrected.fte = 1.0;
  ASSERT_OK(e.employment.Add(Date(2024, 6, 1), corrected, Date(2024, 6, 20), LaterEntries::kReplace));

  const std::string json = ToJson(e);
  EXPECT_TRUE(IsValidJson(json)) << json;
  EXPECT_THAT(json, HasSubstr(R"("id":7,"employee_number":"E-7","legal_name":"Ada Lovelace",)"));
  EXPECT_THAT(json, HasSubstr(R"("birth_date":"1990-02-28")"));
  EXPECT_THAT(json, HasSubstr(R"("employment":[{"effective":"2024-01-01","recorded":"2023-12-01","status":0,)"
                              R"("type":0,"fte":0.8,"position":100,"location":null,)"));
  EXPECT_THAT(json, HasSubstr(R"({"effective":"2024-06-01","recorded":"2024-06-20","status":0,"type":0,"fte":1,)"));
  EXPECT_THAT(json, Not(HasSubstr("0.5")));
}

TEST(JsonExportTest, FieldsOutsideTheIncludedClassesAreLeftOut) {
  Employee e = hrkit_test::SampleEmployee(3);
  const ExportOptions directory{.include = {Sensitivity::kDirectory}};
  const std::string json = ToJson(e, directory);
  EXPECT_TRUE(IsValidJson(json)) << json;
  EXPECT_THAT(json, HasSubstr(R"("employee_number":"E100003")"));
  EXPECT_THAT(json, HasSubstr(R"("work_email":"e3@example.com")"));
  // Personal: the legal name, birth date, private contact and the whole employment history.
  for (std::string_view hidden : {"legal_name", "birth_date", "private_email", "phone", "employment", "Legal Name"}) {
    EXPECT_THAT(json, Not(HasSubstr(hidden))) << hidden;
  }
  // Nothing included: an empty object.
  EXPECT_EQ(ToJson(e, ExportOptions{.include = {}}), "{}");
}

TEST(JsonExportTest, TextIsEscapedAndAlwaysValidUtf8) {
  Location l = Berlin();
  l.name = "Zo\xC3\xAB \"HQ\"\\\n\t\x01\x7F";
  EXPECT_THAT(ToJson(l), HasSubstr(R"("name":"Zoë \"HQ\"\\\n\t\u0001\u007f")"));
  // Invalid UTF-8: a lone continuation byte, a truncated sequence, an
  // overlong '/', a surrogate, a code point above U+10FFFF.
  l.name =
      "a\x80"
      "b\xC3"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80";
  const std::string json = ToJson(l);
  EXPECT_TRUE(IsValidJson(json));
  EXPECT_THAT(json, HasSubstr("\"a\xEF\xBF\xBD"
                              "b\xEF\xBF\xBD"
                              "c"));
  EXPECT_THAT(json, Not(HasSubstr("\xC0")));
  EXPECT_THAT(json, Not(HasSubstr("\xED\xA0")));
  EXPECT_THAT(json, Not(HasSubstr("\xF4\x90")));
  // The longest valid sequences pass: U+10FFFF and U+FFFF.
  l.name = "\xF4\x8F\xBF\xBF\xEF\xBF\xBF";
  EXPECT_THAT(ToJson(l), HasSubstr("\"name\":\"\xF4\x8F\xBF\xBF\xEF\xBF\xBF\""));
}

TEST(JsonExportTest, NumbersDatesAndIdsAtTheirEdges) {
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
  AppendJsonValue(out, EmployeeId());
  AppendJsonValue(out, EmployeeId(42));
  EXPECT_EQ(out, "null42");
  out.clear();
  ASSERT_OK_AND_ASSIGN(const Money salary, Money::Make(6'200'000, "EUR"));
  AppendJsonValue(out, salary);
  EXPECT_EQ(out, R"({"minor_units":6200000,"currency":"EUR"})");
}

TEST(JsonExportTest, ListsAreArraysOfObjects) {
  const HolidayCalendar c{HolidayCalendarId(2), "Test", {FixedHoliday("New Year", 1, 1)}};
  EXPECT_EQ(ToJson(c),
            R"({"id":2,"name":"Test","rules":[{"kind":0,"name":"New Year","half_day":false,"month":1,"day":1,)"
            R"("weekday":0,"nth":0,"easter_offset":0,"date":null,"from_year":0,"to_year":0}]})");
}

TEST(JsonExportTest, EveryStoredEntityTypeExportsValidJsonLines) {
  const Dataset data = hrkit_test::SampleDataset(3);
  int types = 0;
  ForEachEntityType([&]<class E>(std::type_identity<E>) {
    ++types;
    const std::vector<E>& entities = data.Of<E>();
    const std::string lines = ToJsonLines<E>(entities);
    std::size_t begin = 0;
    int count = 0;
    for (std::size_t end = lines.find('\n'); end != std::string::npos; end = lines.find('\n', begin)) {
      const std::string_view line(lines.data() + begin, end - begin);
      EXPECT_TRUE(IsValidJson(line)) << E::kEntityName << ": " << line;
      EXPECT_THAT(std::string(line), HasSubstr(absl::StrCat("{\"id\":", count + 1, ",")));
      begin = end + 1;
      ++count;
    }
    EXPECT_EQ(begin, lines.size()) << E::kEntityName << ": the last line ends the text";
    EXPECT_EQ(count, 3) << E::kEntityName;
  });
  EXPECT_EQ(types, static_cast<int>(kEntityKindCount));
}

}  // namespace
}  // namespace hrkit
