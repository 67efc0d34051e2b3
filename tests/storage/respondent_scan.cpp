// The respondent-privacy scan every backend passes (see respondent_scan.hpp).
#include "respondent_scan.hpp"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/status.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/pseudonym.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit_test {

using hrkit::Date;
using hrkit::EmployeeId;
using hrkit::Store;
using hrkit::SurveyAnswer;
using hrkit::SurveyInvitation;
using hrkit::SurveyResponse;
using testing::AllOf;
using testing::Contains;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

namespace {

// The 4 bytes of `id` as a 32-bit integer, least significant byte first if
// `little_endian`.
std::string Bytes32(std::int64_t id, bool little_endian) {
  std::string bytes(4, '\0');
  for (int i = 0; i < 4; ++i) {
    const auto byte = static_cast<char>((static_cast<std::uint64_t>(id) >> (8 * i)) & 0xff);
    bytes[static_cast<std::size_t>(little_endian ? i : 3 - i)] = byte;
  }
  return bytes;
}

}  // namespace

std::vector<std::string> FindIds(std::span<const RawTable> tables, std::span<const std::int64_t> ids) {
  std::vector<std::string> found;
  for (const RawTable& table : tables) {
    for (const std::int64_t id : ids) {
      const std::pair<std::string, std::string> encodings[] = {{absl::StrCat(id), "decimal text"},
                                                               {Bytes32(id, true), "little-endian binary"},
                                                               {Bytes32(id, false), "big-endian binary"}};
      for (const auto& [bytes, how] : encodings) {
        for (const std::string& value : table.values) {
          if (value.find(bytes) == std::string::npos) continue;
          found.push_back(absl::StrCat(table.name, ": ", id, " as ", how));
          break;
        }
      }
    }
  }
  return found;
}

std::vector<std::string> TablesHolding(std::span<const RawTable> tables, std::string_view text) {
  std::vector<std::string> names;
  for (const RawTable& table : tables) {
    for (const std::string& value : table.values) {
      if (value.find(text) == std::string::npos) continue;
      names.push_back(table.name);
      break;
    }
  }
  return names;
}

void RespondentScanTest::SetUp() {
  const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = absl::StrCat("hrkit_scan_", info->test_suite_name(), "_", info->name(), "_", getpid());
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  dir_ = (std::filesystem::path(testing::TempDir()) / name).string();
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
}

void RespondentScanTest::TearDown() { std::filesystem::remove_all(dir_); }

std::string RespondentScanTest::Location(const std::string& name) {
  const std::string location = absl::StrCat(dir_, "/", name);
  std::filesystem::create_directories(location);
  return location;
}

namespace {

constexpr std::string_view kSecret = "engagement-2025-secret-kept-apart";
// Employee ids no other value of the stored survey comes near: the survey,
// its invitations and responses, units and locations have ids below 200.
constexpr std::int64_t kEmployeeIds[] = {987654321, 123456789, 246813579, 864209753};
constexpr std::string_view kComment = "More quiet rooms, please";

// A survey run through SurveyBook, as it is stored.
struct SurveyRun {
  hrkit::Survey survey;
  std::vector<SurveyInvitation> invitations;
  std::vector<SurveyResponse> responses;
};

// HQ (unit 1) with Sales (unit 2) in Berlin (location 1). Employees
// 987654321, 123456789 and 864209753 work in Sales, 246813579 in HQ. All four
// are invited to the one wave of survey 3 (invitations 100-103, in employee
// id order); all but 864209753 answer (responses 1-3), 987654321 with a
// comment.
absl::StatusOr<SurveyRun> RunSurvey() {
  const Date start(2023, 1, 1);
  hrkit::Workforce w;
  HRKIT_RETURN_IF_ERROR(w.AddLocation(hrkit::Location{hrkit::LocationId(1), "Berlin", "DE", {}, {}}));
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(hrkit::OrgUnitId(1), "HQ", {.name = "Head office"}, start, start));
  HRKIT_RETURN_IF_ERROR(
      w.CreateOrgUnit(hrkit::OrgUnitId(2), "SAL", {.name = "Sales", .parent = hrkit::OrgUnitId(1)}, start, start));
  for (int unit = 1; unit <= 2; ++unit) {
    HRKIT_RETURN_IF_ERROR(w.CreatePosition(hrkit::PositionId(unit),
                                           {.org_unit = hrkit::OrgUnitId(unit), .fte_budget = 5.0}, start, start));
  }
  for (const std::int64_t id : kEmployeeIds) {
    hrkit::Employee e;
    e.id = EmployeeId(id);
    e.employee_number = absl::StrCat("E", id);
    HRKIT_RETURN_IF_ERROR(w.AddEmployee(e));
    const hrkit::PositionId seat(id == 246813579 ? 1 : 2);
    HRKIT_RETURN_IF_ERROR(w.ApplyEvent(
        e.id, hrkit::HireEvent{.effective = start, .position = seat, .location = hrkit::LocationId(1)}, start));
  }
  std::vector<hrkit::Employee> employees;
  for (const hrkit::Employee* e : w.Employees()) employees.push_back(*e);
  std::vector<hrkit::OrgUnit> units;
  for (const hrkit::OrgUnit* u : w.OrgUnits()) units.push_back(*u);
  std::vector<hrkit::Position> positions;
  for (const hrkit::Position* p : w.Positions()) positions.push_back(*p);
  HRKIT_ASSIGN_OR_RETURN(const hrkit::OrgLookup lookup, hrkit::OrgLookup::Build(units, positions));

  hrkit::Survey survey;
  survey.id = hrkit::SurveyId(3);
  survey.title = "Spring pulse";
  survey.instruments = {"who5", "enps"};
  survey.waves = {{1, Date(2025, 3, 1), Date(2025, 3, 2), Date(2025, 3, 15)}};
  survey.comments = true;
  const std::vector<hrkit::InstrumentDefinition> instruments = {hrkit::Who5Instrument(), hrkit::EnpsInstrument()};
  HRKIT_ASSIGN_OR_RETURN(hrkit::SurveyBook book, hrkit::SurveyBook::Create(survey, instruments));
  HRKIT_RETURN_IF_ERROR(book.Invite(1, employees, lookup, kSecret, hrkit::SurveyInvitationId(100)).status());
  const std::int64_t respondents[] = {987654321, 123456789, 246813579};
  for (std::int64_t k = 0; k < 3; ++k) {
    std::vector<SurveyAnswer> answers = {{"who5_1", 3}, {"who5_2", 4}, {"who5_3", 2}, {"who5_4", 3}, {"who5_5", 5}};
    answers.push_back({"enps_1", static_cast<std::int32_t>(7 + k)});
    HRKIT_RETURN_IF_ERROR(book.Submit(1, EmployeeId(respondents[k]), kSecret, std::move(answers),
                                      k == 0 ? std::string(kComment) : "", Date(2025, 3, 3),
                                      hrkit::SurveyResponseId(k + 1)));
  }
  return SurveyRun{book.survey(), book.invitations(), book.responses()};
}

// Stores `run` in one transaction in a new store of the backend at
// `location` and scans what the backend wrote.
absl::StatusOr<std::vector<RawTable>> StoreAndScan(const ScannedBackend& backend, const std::string& location,
                                                   const SurveyRun& run) {
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, backend.open(location));
  hrkit::Transaction tx;
  tx.Put(run.survey, 0);
  for (const SurveyInvitation& invitation : run.invitations) tx.Put(invitation, 0);
  for (const SurveyResponse& response : run.responses) tx.Put(response, 0);
  HRKIT_RETURN_IF_ERROR(store->Commit(tx).status());
  return backend.scan(std::move(store), location);
}

TEST_P(RespondentScanTest, StoredSurveysHoldRespondentKeysAndNoEmployeeId) {
  ASSERT_OK_AND_ASSIGN(const SurveyRun run, RunSurvey());
  ASSERT_EQ(run.invitations.size(), 4u);
  ASSERT_EQ(run.responses.size(), 3u);
  ASSERT_OK_AND_ASSIGN(const std::vector<RawTable> tables, StoreAndScan(GetParam(), Location("survey"), run));
  ASSERT_THAT(tables, Not(IsEmpty()));
  // No employee id anywhere in what the backend wrote.
  EXPECT_THAT(FindIds(tables, kEmployeeIds), IsEmpty());
  // The scan sees the data: every invitee's key where the backend keeps the
  // invitations, every respondent's key and the comment where it keeps the
  // responses.
  for (const std::int64_t id : kEmployeeIds) {
    ASSERT_OK_AND_ASSIGN(const std::string key, hrkit::RespondentKey(kSecret, EmployeeId(id)));
    EXPECT_THAT(TablesHolding(tables, key), Contains(GetParam().invitation_table)) << id;
    if (id != 864209753) {
      EXPECT_THAT(TablesHolding(tables, key), Contains(GetParam().response_table)) << id;
    }
  }
  EXPECT_THAT(TablesHolding(tables, kComment), Contains(GetParam().response_table));
}

TEST_P(RespondentScanTest, TheScanFindsAPlantedEmployeeId) {
  ASSERT_OK_AND_ASSIGN(const SurveyRun clean, RunSurvey());
  struct Plant {
    std::string name;
    std::int64_t id;
    std::string table;  // where the backend keeps it
    SurveyRun run;
  };
  std::vector<Plant> plants;
  // Text: an employee id in a response's comment.
  plants.push_back({"comment", 987654321, GetParam().response_table, clean});
  plants.back().run.responses[0].comment = "I am employee 987654321";
  // A 32-bit integer column: an invitation's wave number.
  plants.push_back({"wave", 123456789, GetParam().invitation_table, clean});
  plants.back().run.invitations[1].wave = 123456789;
  // A 64-bit id column (and the key of the response's answers).
  plants.push_back({"id", 246813579, GetParam().response_table, clean});
  plants.back().run.responses[2].id = hrkit::SurveyResponseId(246813579);
  for (const Plant& plant : plants) {
    SCOPED_TRACE(plant.name);
    ASSERT_OK_AND_ASSIGN(const std::vector<RawTable> tables, StoreAndScan(GetParam(), Location(plant.name), plant.run));
    EXPECT_THAT(FindIds(tables, kEmployeeIds),
                Contains(AllOf(HasSubstr(absl::StrCat(plant.table, ": ")), HasSubstr(absl::StrCat(plant.id)))));
  }
}

}  // namespace
}  // namespace hrkit_test
