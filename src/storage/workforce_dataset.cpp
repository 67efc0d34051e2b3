// Workforce <-> Dataset (see workforce_dataset.hpp).
#include "hrkit/storage/workforce_dataset.hpp"

#include <vector>

namespace hrkit {
namespace {

template <class E>
std::vector<E> Values(const std::vector<const E*>& pointers) {
  std::vector<E> values;
  values.reserve(pointers.size());
  for (const E* p : pointers) values.push_back(*p);
  return values;
}

}  // namespace

void PutWorkforce(const Workforce& workforce, Dataset* data) {
  data->Of<Location>() = Values(workforce.Locations());
  data->Of<OrgUnit>() = Values(workforce.OrgUnits());
  data->Of<Position>() = Values(workforce.Positions());
  data->Of<Employee>() = Values(workforce.Employees());
}

absl::StatusOr<Workforce> WorkforceFromDataset(const Dataset& data, LifecycleOptions options) {
  return Workforce::FromEntities(data.Of<Location>(), data.Of<OrgUnit>(), data.Of<Position>(), data.Of<Employee>(),
                                 options);
}

LeaveFacts LeaveFactsOf(const Dataset& data) {
  return LeaveFacts{.employees = data.Of<Employee>(),
                    .org_units = data.Of<OrgUnit>(),
                    .positions = data.Of<Position>(),
                    .locations = data.Of<Location>(),
                    .work_schedules = data.Of<WorkSchedule>(),
                    .holiday_calendars = data.Of<HolidayCalendar>(),
                    .leave_types = data.Of<LeaveType>(),
                    .policies = data.Of<LeavePolicy>(),
                    .assignments = data.Of<PolicyAssignment>(),
                    .requests = data.Of<LeaveRequest>(),
                    .adjustments = data.Of<LeaveAdjustment>()};
}

}  // namespace hrkit
