#include "hrkit/core/json_export.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit_test/export_checks.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "store_test_data.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using ::hrkit_test::IsValidJson;

TEST(JsonCheckerTest, TellsValidFromInvalid) {
  EXPECT_TRUE(IsValidJson(R"({"a":[1,-2.5e3,true,null,"x\"\u00e9"],"b":{}})"));
  EXPECT_FALSE(IsValidJson(R"({"a":1,})"));
  EXPECT_FALSE(IsValidJson("{\"a\":\"line\nbreak\"}"));
  EXPECT_FALSE(IsValidJson(R"({"a":01})"));
  EXPECT_FALSE(IsValidJson(R"({"a":1} x)"));
}

Location Berlin() { return Location{LocationId(1), "Berlin", "DE", HolidayCalendarId(10), WorkScheduleId()}; }

TEST(JsonExportTest, ALocationIsOneObjectInDescriptionOrder) {
  EXPECT_EQ(ToJson(Berlin(), kDirectoryFields),
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

  const std::string json = ToJson(e, SensitivitySet::All());
  EXPECT_TRUE(IsValidJson(json)) << json;
  EXPECT_THAT(json, HasSubstr(R"("id":7,"employee_number":"E-7","legal_name":"Ada Lovelace",)"));
  EXPECT_THAT(json, HasSubstr(R"("birth_date":"1990-02-28")"));
  EXPECT_THAT(json, HasSubstr(R"("employment":[{"effective":"2024-01-01","recorded":"2023-12-01","status":"active",)"
                              R"("type":"permanent","fte":0.8,"position":100,"location":null,)"));
  EXPECT_THAT(
      json,
      HasSubstr(R"({"effective":"2024-06-01","recorded":"2024-06-20","status":"active","type":"permanent","fte":1,)"));
  EXPECT_THAT(json, Not(HasSubstr("0.5")));
}

TEST(JsonExportTest, FieldsOutsideTheIncludedClassesAreLeftOut) {
  Employee e = hrkit_test::SampleEmployee(3);
  const std::string json = ToJson(e, kDirectoryFields);
  EXPECT_TRUE(IsValidJson(json)) << json;
  EXPECT_THAT(json, HasSubstr(R"("employee_number":"E100003")"));
  EXPECT_THAT(json, HasSubstr(R"("work_email":"e3@example.com")"));
  // Personal: the legal name, birth date, private contact and the whole employment history.
  for (std::string_view hidden : {"legal_name", "birth_date", "private_email", "phone", "employment", "Legal Name"}) {
    EXPECT_THAT(json, Not(HasSubstr(hidden))) << hidden;
  }
  // Nothing included: an empty object.
  EXPECT_EQ(ToJson(e, SensitivitySet{}), "{}");
}

TEST(JsonExportTest, ListsAreArraysOfObjects) {
  const HolidayCalendar c{HolidayCalendarId(2), "Test", {FixedHoliday("New Year", 1, 1)}};
  EXPECT_EQ(
      ToJson(c, kDirectoryFields),
      R"({"id":2,"name":"Test","rules":[{"kind":"fixed_date","name":"New Year","half_day":false,"month":1,"day":1,)"
      R"("weekday":0,"nth":0,"easter_offset":0,"date":null,"from_year":0,"to_year":0}]})");
}

TEST(JsonExportTest, EveryStoredEntityTypeExportsValidJsonLines) {
  const Dataset data = hrkit_test::SampleDataset(3);
  int types = 0;
  ForEachEntityType([&]<class E>(std::type_identity<E>) {
    ++types;
    const std::vector<E>& entities = data.Of<E>();
    const std::string lines = ToJsonLines<E>(entities, SensitivitySet::All());
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
