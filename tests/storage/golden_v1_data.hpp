// The values of the format-1 golden files (see golden_v1_data.cpp): every
// entity type of format 1 with full timelines (same-day sequences, backdated
// entries, replaced entries).
#ifndef HRKIT_TESTS_STORAGE_GOLDEN_V1_DATA_HPP_
#define HRKIT_TESTS_STORAGE_GOLDEN_V1_DATA_HPP_

#include <cstdint>
#include <string>

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
#include "hrkit/storage/dataset.hpp"

namespace hrkit_golden_v1 {

// An employee with a hire, two same-day changes, a backdated correction that
// replaced a later entry, and a termination; every text field non-empty.
hrkit::Employee SampleEmployee(std::int64_t id);
// An org unit with a rename on the same day as its creation and a move.
hrkit::OrgUnit SampleOrgUnit(std::int64_t id);
// A position with a replaced entry.
hrkit::Position SamplePosition(std::int64_t id);
// A location.
hrkit::Location SampleLocation(std::int64_t id);
// A work schedule with a half day on Friday.
hrkit::WorkSchedule SampleWorkSchedule(std::int64_t id);
// A holiday calendar with one rule of every kind.
hrkit::HolidayCalendar SampleHolidayCalendar(std::int64_t id);
// A leave type, paid for even ids, counted in hours.
hrkit::LeaveType SampleLeaveType(std::int64_t id);
// A leave policy with a same-day sequence, a replacing backdated version,
// tiers in two versions, an eligibility rule and a priority.
hrkit::LeavePolicy SampleLeavePolicy(std::int64_t id);
// An open-ended explicit policy assignment (end = OpenEnd()) for odd ids, a
// closed one for even ids.
hrkit::PolicyAssignment SamplePolicyAssignment(std::int64_t id);
// An approved leave request with a half day, a reason and a comment.
hrkit::LeaveRequest SampleLeaveRequest(std::int64_t id);
hrkit::LeaveAdjustment SampleLeaveAdjustment(std::int64_t id);
// Two of each entity type, ids 1 and 2: what the format-1 golden files hold.
hrkit::Dataset GoldenDataset();

}  // namespace hrkit_golden_v1

#endif  // HRKIT_TESTS_STORAGE_GOLDEN_V1_DATA_HPP_
