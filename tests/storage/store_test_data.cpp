#include "store_test_data.hpp"

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace hrkit_test {

using hrkit::Date;

namespace {
template <class T>
void MustAdd(hrkit::Timeline<T>& t, Date effective, T value, Date recorded,
             hrkit::LaterEntries later = hrkit::LaterEntries::kRetain) {
  const absl::Status status = t.Add(effective, std::move(value), recorded, later);
  EXPECT_TRUE(status.ok()) << status;
}
}  // namespace

hrkit::Employee SampleEmployee(std::int64_t id) {
  hrkit::Employee e;
  e.id = hrkit::EmployeeId(id);
  e.employee_number = absl::StrCat("E", 100000 + id);
  e.legal_name = absl::StrCat("Legal Name ", id);
  e.preferred_name = absl::StrCat("Pref ", id);
  e.birth_date = Date(1980, 1, 1) + boost::gregorian::days(id % 5000);
  e.work_email = absl::StrCat("e", id, "@example.com");
  e.private_email = absl::StrCat("p", id, "@example.org");
  e.phone = "+49 30 1234567";

  const Date hire(2020, 3, 1);
  hrkit::EmploymentRecord r;
  r.status = hrkit::EmploymentStatus::kActive;
  r.type = hrkit::EmploymentType::kFixedTerm;
  r.fte = 0.8;
  r.position = hrkit::PositionId(id + 10);
  r.location = hrkit::LocationId(3);
  r.work_schedule = hrkit::WorkScheduleId(2);
  r.cost_center = "CC-100";
  r.event = hrkit::EmploymentEvent::kHire;
  r.reason_code = "NEW";
  r.employment_start = hire;
  r.seniority_start = Date(2019, 9, 1);
  MustAdd(e.employment, hire, r, hire);
  // Two more changes on the hire day: sequences 1 and 2.
  r.event = hrkit::EmploymentEvent::kDataChange;
  r.cost_center = "CC-200";
  MustAdd(e.employment, hire, r, hire);
  r.acting_manager = hrkit::EmployeeId(id + 1);
  MustAdd(e.employment, hire, r, hire);
  // A promotion in 2021, later replaced by a backdated correction.
  r.event = hrkit::EmploymentEvent::kPromotion;
  r.fte = 1.0;
  MustAdd(e.employment, Date(2021, 7, 1), r, Date(2021, 6, 15));
  r.event = hrkit::EmploymentEvent::kTransfer;
  r.position = hrkit::PositionId(id + 20);
  r.carried_forward = true;
  MustAdd(e.employment, Date(2021, 5, 1), r, Date(2021, 8, 2), hrkit::LaterEntries::kReplace);
  // Termination.
  r = hrkit::EmploymentRecord{};
  r.status = hrkit::EmploymentStatus::kTerminated;
  r.fte = 0.0;
  r.event = hrkit::EmploymentEvent::kTermination;
  r.termination = hrkit::TerminationKind::kVoluntary;
  r.reason_code = "RESIGNATION";
  r.employment_start = hire;
  r.seniority_start = Date(2019, 9, 1);
  MustAdd(e.employment, Date(2023, 1, 1), r, Date(2022, 11, 30));
  return e;
}

hrkit::OrgUnit SampleOrgUnit(std::int64_t id) {
  hrkit::OrgUnit u;
  u.id = hrkit::OrgUnitId(id);
  u.code = absl::StrCat("U-", id);
  const Date opened(2019, 1, 1);
  MustAdd(u.history, opened, hrkit::OrgUnitRecord{"Finance", hrkit::OrgUnitId(), hrkit::OrgUnitStatus::kOpen, "F"},
          opened);
  MustAdd(u.history, opened,
          hrkit::OrgUnitRecord{"Finance & Control", hrkit::OrgUnitId(), hrkit::OrgUnitStatus::kOpen, "F"}, opened);
  MustAdd(u.history, Date(2022, 4, 1),
          hrkit::OrgUnitRecord{"Finance & Control", hrkit::OrgUnitId(id + 1), hrkit::OrgUnitStatus::kClosed, "F2"},
          Date(2022, 3, 1));
  return u;
}

hrkit::Position SamplePosition(std::int64_t id) {
  hrkit::Position p;
  p.id = hrkit::PositionId(id);
  hrkit::PositionRecord r{hrkit::OrgUnitId(4), "J-1", "Analyst", "G7", 1.0, hrkit::PositionStatus::kOpen,
                          hrkit::PositionId()};
  MustAdd(p.history, Date(2020, 1, 1), r, Date(2020, 1, 1));
  r.title = "Senior Analyst";
  r.fte_budget = 1.5;
  MustAdd(p.history, Date(2021, 1, 1), r, Date(2021, 1, 1));
  r.status = hrkit::PositionStatus::kFrozen;
  r.reports_to = hrkit::PositionId(id + 1);
  MustAdd(p.history, Date(2020, 6, 1), r, Date(2021, 2, 1), hrkit::LaterEntries::kReplace);
  return p;
}

hrkit::Location SampleLocation(std::int64_t id) {
  return hrkit::Location{hrkit::LocationId(id), absl::StrCat("Site ", id), "DE", hrkit::HolidayCalendarId(7),
                         hrkit::WorkScheduleId()};
}

hrkit::Dataset SampleDataset(int n) {
  hrkit::Dataset data;
  for (int i = 1; i <= n; ++i) {
    data.Of<hrkit::Employee>().push_back(SampleEmployee(i));
    data.Of<hrkit::OrgUnit>().push_back(SampleOrgUnit(i));
    data.Of<hrkit::Position>().push_back(SamplePosition(i));
    data.Of<hrkit::Location>().push_back(SampleLocation(i));
  }
  return data;
}

}  // namespace hrkit_test
