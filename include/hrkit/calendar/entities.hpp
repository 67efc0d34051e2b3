// The calendar module's stored entity types.
// Adding a stored entity type to this module: define it (with kEntityName, an
// id and a Describe), include its header here, append it to the list, and add
// a sample of it to the shared sample dataset (tests/support); every backend
// and the conformance suite then cover it.
//
// Thread safety: types only.
#ifndef HRKIT_CALENDAR_ENTITIES_HPP_
#define HRKIT_CALENDAR_ENTITIES_HPP_

#include "hrkit/calendar/holiday_calendar.hpp"
#include "hrkit/calendar/work_schedule.hpp"
#include "hrkit/core/entity_list.hpp"

namespace hrkit {

// The entity types the calendar module stores, in no significant order.
using CalendarEntities = EntityTypeList<WorkSchedule, HolidayCalendar>;

}  // namespace hrkit

#endif  // HRKIT_CALENDAR_ENTITIES_HPP_
