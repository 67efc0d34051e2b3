// Replays files through the archive loader's fuzz entry point, for compilers
// without libFuzzer (a ctest test over corpus/).
//
//   hrkit_archive_load_replay PATH...          files, or directories of files
//   hrkit_archive_load_replay --write-seeds DIR
//       writes the seed corpus: small valid archives in each format
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_request.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/leave/policy_assignment.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// One entity of each type, with a replaced history entry and odd strings.
hrkit::Dataset SeedData() {
  using hrkit::Date;
  hrkit::Dataset data;
  hrkit::Employee e;
  e.id = hrkit::EmployeeId(7);
  e.employee_number = "E7";
  e.legal_name = std::string("N\0x\xff", 4);
  e.birth_date = Date(1990, 2, 28);
  hrkit::EmploymentRecord r;
  r.position = hrkit::PositionId(3);
  r.fte = 0.5;
  r.cost_center = "CC";
  r.employment_start = r.seniority_start = Date(2020, 1, 1);
  (void)e.employment.Add(Date(2020, 1, 1), r, Date(2020, 1, 1));
  r.fte = 1.0;
  (void)e.employment.Add(Date(2021, 1, 1), r, Date(2021, 1, 1));
  r.carried_forward = true;
  (void)e.employment.Add(Date(2020, 6, 1), r, Date(2021, 2, 1), hrkit::LaterEntries::kReplace);
  data.Of<hrkit::Employee>().push_back(e);
  hrkit::OrgUnit u;
  u.id = hrkit::OrgUnitId(2);
  u.code = "U";
  (void)u.history.Add(Date(2019, 1, 1), hrkit::OrgUnitRecord{"Unit", {}, {}, "C"}, Date(2019, 1, 1));
  data.Of<hrkit::OrgUnit>().push_back(u);
  hrkit::Position p;
  p.id = hrkit::PositionId(3);
  (void)p.history.Add(Date(2019, 1, 1), hrkit::PositionRecord{hrkit::OrgUnitId(2), "J", "T", "G", 1.0, {}, {}},
                      Date(2019, 1, 1));
  data.Of<hrkit::Position>().push_back(p);
  data.Of<hrkit::Location>().push_back(
      hrkit::Location{hrkit::LocationId(1), "L", "DE", hrkit::HolidayCalendarId(1), {}});
  data.Of<hrkit::WorkSchedule>().push_back(hrkit::DefaultWorkSchedule(hrkit::WorkScheduleId(1)));
  data.Of<hrkit::HolidayCalendar>().push_back(hrkit::HolidayCalendar{
      hrkit::HolidayCalendarId(1), "C", {hrkit::FixedHoliday("H", 12, 25), hrkit::EasterHoliday("E", 1, true)}});
  data.Of<hrkit::LeaveType>().push_back(hrkit::LeaveType{hrkit::LeaveTypeId(1), "A", true, hrkit::LeaveUnit::kDays});
  hrkit::LeavePolicy policy{hrkit::LeavePolicyId(1), "P", hrkit::LeaveTypeId(1), {}, 1};
  hrkit::LeavePolicyVersion version;
  version.tiers.push_back(hrkit::LeaveTier{60, 30.0});
  version.eligibility.grades = {"G"};
  (void)policy.versions.Add(Date(2020, 1, 1), version, Date(2020, 1, 1));
  data.Of<hrkit::LeavePolicy>().push_back(policy);
  data.Of<hrkit::PolicyAssignment>().push_back(
      hrkit::PolicyAssignment{hrkit::PolicyAssignmentId(1), hrkit::EmployeeId(7), hrkit::LeaveTypeId(1),
                              hrkit::LeavePolicyId(1), Date(2021, 1, 1), hrkit::OpenEnd()});
  hrkit::LeaveRequest request;
  request.id = hrkit::LeaveRequestId(1);
  request.employee = hrkit::EmployeeId(7);
  request.first_day = request.last_day = Date(2021, 3, 1);
  request.last_day_half = hrkit::HalfDay::kMorning;
  request.duration = 0.5;
  data.Of<hrkit::LeaveRequest>().push_back(request);
  data.Of<hrkit::LeaveAdjustment>().push_back(hrkit::LeaveAdjustment{hrkit::LeaveAdjustmentId(1), hrkit::EmployeeId(7),
                                                                     hrkit::LeaveTypeId(1), Date(2021, 1, 1), -1.5,
                                                                     true, Date(2021, 1, 1), "R"});
  return data;
}

int WriteSeeds(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const struct {
    hrkit::ArchiveFormat format;
    const char* name;
  } formats[] = {{hrkit::ArchiveFormat::kBinary, "binary"},
                 {hrkit::ArchiveFormat::kText, "text"},
                 {hrkit::ArchiveFormat::kXml, "xml"}};
  for (const auto& f : formats) {
    for (const bool empty : {true, false}) {
      const std::filesystem::path path = dir / (std::string("seed_") + (empty ? "empty_" : "small_") + f.name);
      std::filesystem::remove(path);
      absl::StatusOr<std::unique_ptr<hrkit::Store>> store =
          hrkit::OpenArchiveStore(path.string(), {.format = f.format});
      if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
        return 1;
      }
      if (!empty) {
        if (absl::Status s = (*store)->SaveAll(SeedData()); !s.ok()) {
          std::fprintf(stderr, "%s\n", s.ToString().c_str());
          return 1;
        }
      }
    }
  }
  return 0;
}

bool Replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--write-seeds") return WriteSeeds(argv[2]);
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PATH... | --write-seeds DIR\n", argv[0]);
    return 2;
  }
  int replayed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(path);
    }
    for (const auto& file : files) {
      if (!Replay(file)) return 1;
      ++replayed;
    }
  }
  std::printf("replayed %d inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
