#include "hrkit/core/csv_export.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/calendar/holiday_calendar.hpp"
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

std::vector<Location> Locations() {
  return {Location{LocationId(1), "Berlin", "DE", HolidayCalendarId(10), WorkScheduleId()},
          Location{LocationId(2), "Paris, La Défense", "FR", HolidayCalendarId(), WorkScheduleId(3)}};
}

using ::hrkit_test::ParseCsv;

TEST(CsvExportTest, AHeaderRowThenOneRowPerEntity) {
  const std::vector<Location> locations = Locations();
  EXPECT_EQ(ToCsv<Location>(locations, kDirectoryFields),
            "id,name,country,holiday_calendar,default_schedule\r\n"
            "1,Berlin,DE,10,\r\n"
            "2,\"Paris, La Défense\",FR,,3\r\n");
  EXPECT_EQ(ToCsv<Location>({}, kDirectoryFields), "id,name,country,holiday_calendar,default_schedule\r\n");
}

TEST(CsvExportTest, TextIsQuotedOnlyWhenItMustBe) {
  std::vector<Location> l = Locations();
  l[0].name = "say \"hi\"";
  l[1].name = "two\nlines";
  const std::string csv = ToCsv<Location>(l, kDirectoryFields);
  EXPECT_THAT(csv, HasSubstr("1,\"say \"\"hi\"\"\",DE"));
  EXPECT_THAT(csv, HasSubstr("2,\"two\nlines\",FR"));
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2][1], "two\nlines");
}

TEST(CsvExportTest, FormulasAreNeutralizedUnlessAskedNotTo) {
  std::vector<Location> l = Locations();
  l[0].name = "=HYPERLINK(\"http://x\",\"y\")";
  l[1].name = "-1+2";
  const std::string safe = ToCsv<Location>(l, kDirectoryFields);
  EXPECT_THAT(safe, HasSubstr("1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",DE"));
  EXPECT_THAT(safe, HasSubstr("2,'-1+2,FR"));
  const std::string raw = ToCsv<Location>(l, kDirectoryFields, {.neutralize_formulas = false});
  EXPECT_THAT(raw, HasSubstr("2,-1+2,FR"));
}

TEST(CsvExportTest, AListOfRecordsIsOneCellHoldingItsJson) {
  const std::vector<HolidayCalendar> calendars = {
      HolidayCalendar{HolidayCalendarId(2), "Test", {FixedHoliday("New Year", 1, 1)}}};
  // The rules column holds the JSON array of json_export_test's
  // ListsAreArraysOfObjects, quoted with its quotes doubled.
  EXPECT_EQ(ToCsv<HolidayCalendar>(calendars, kDirectoryFields),
            "id,name,rules\r\n"
            R"(2,Test,"[{""kind"":""fixed_date"",""name"":""New Year"",""half_day"":false,""month"":1,""day"":1,)"
            R"(""weekday"":0,""nth"":0,""easter_offset"":0,""date"":null,""from_year"":0,""to_year"":0}]")"
            "\r\n");
}

Employee Ada() {
  Employee e;
  e.id = EmployeeId(7);
  e.employee_number = "E-7";
  e.legal_name = "Ada Lovelace";
  EmploymentRecord r;
  r.fte = 0.8;
  r.position = PositionId(100);
  r.location = LocationId(1);
  r.employment_start = Date(2024, 3, 1);
  r.seniority_start = Date(2024, 3, 1);
  EXPECT_OK(e.employment.Add(Date(2024, 3, 1), r, Date(2024, 2, 1)));
  r.fte = 1.0;
  EXPECT_OK(e.employment.Add(Date(2024, 9, 1), r, Date(2024, 8, 1)));
  return e;
}

TEST(CsvExportTest, HistoriesGiveTheRecordInForceOnTheDate) {
  const std::vector<Employee> people = {Ada()};
  // Without a date: no history columns.
  const auto plain = ParseCsv(ToCsv<Employee>(people, SensitivitySet::All()));
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_THAT(plain[0], Not(testing::Contains(HasSubstr("employment."))));

  const auto in_june = ParseCsv(ToCsv<Employee>(people, SensitivitySet::All(), {.as_of = Date(2024, 6, 30)}));
  ASSERT_EQ(in_june.size(), 2u);
  const std::vector<std::string>& header = in_june[0];
  ASSERT_EQ(header.size(), in_june[1].size());
  const auto column = [&](std::string_view name) -> std::size_t {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
  };
  EXPECT_EQ(in_june[1][column("employment.fte")], "0.8");
  EXPECT_EQ(in_june[1][column("employment.status")], "active");  // enums by name
  EXPECT_EQ(in_june[1][column("employment.type")], "permanent");
  EXPECT_EQ(in_june[1][column("employment.event")], "hire");
  EXPECT_EQ(in_june[1][column("employment.position")], "100");
  EXPECT_EQ(in_june[1][column("employment.employment_start")], "2024-03-01");
  EXPECT_EQ(in_june[1][column("employment.acting_manager")], "");  // invalid id: empty
  const auto in_autumn = ParseCsv(ToCsv<Employee>(people, SensitivitySet::All(), {.as_of = Date(2024, 9, 1)}));
  EXPECT_EQ(in_autumn[1][column("employment.fte")], "1");
  // Before the hire: the same columns, empty.
  const auto before = ParseCsv(ToCsv<Employee>(people, SensitivitySet::All(), {.as_of = Date(2024, 2, 29)}));
  ASSERT_EQ(before[1].size(), header.size());
  EXPECT_EQ(before[1][column("employment.fte")], "");
  EXPECT_EQ(before[1][column("employee_number")], "E-7");
}

TEST(CsvExportTest, ColumnsOutsideTheIncludedClassesAreLeftOut) {
  const std::vector<Employee> people = {Ada()};
  const std::string csv = ToCsv<Employee>(people, kDirectoryFields, {.as_of = Date(2024, 6, 30)});
  const auto rows = ParseCsv(csv);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "employee_number", "preferred_name", "work_email"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"7", "E-7", "", ""}));
  EXPECT_THAT(csv, Not(HasSubstr("Lovelace")));
}

TEST(CsvExportTest, EveryStoredEntityTypeHasRowsAsWideAsItsHeader) {
  const Dataset data = hrkit_test::SampleDataset(3);
  for (const Date as_of : {Date(), Date(2019, 1, 1), Date(2021, 6, 1), Date(2030, 1, 1)}) {
    ForEachEntityType([&]<class E>(std::type_identity<E>) {
      const auto rows = ParseCsv(ToCsv<E>(data.Of<E>(), SensitivitySet::All(), {.as_of = as_of}));
      ASSERT_EQ(rows.size(), 4u) << E::kEntityName;
      EXPECT_EQ(rows[0][0], "id") << E::kEntityName;
      for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].size(), rows[0].size()) << E::kEntityName << " row " << i;
        EXPECT_EQ(rows[i][0], std::to_string(i)) << E::kEntityName;
      }
    });
  }
}

}  // namespace
}  // namespace hrkit
