// The umbrella header: includes hrkit's whole public API.
#ifndef HRKIT_HRKIT_HPP_
#define HRKIT_HRKIT_HPP_

#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/id.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/location.hpp"
#include "hrkit/org/org_unit.hpp"
#include "hrkit/org/position.hpp"
#include "hrkit/org/snapshot.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/policy/holiday_calendar.hpp"
#include "hrkit/policy/leave_day.hpp"
#include "hrkit/policy/leave_entitlements.hpp"
#include "hrkit/policy/leave_request.hpp"
#include "hrkit/policy/leave_requests.hpp"
#include "hrkit/policy/work_schedule.hpp"
#include "hrkit/policy/working_time.hpp"
#include "hrkit/personnel/events.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "hrkit/synth/generator.hpp"

#endif  // HRKIT_HRKIT_HPP_
