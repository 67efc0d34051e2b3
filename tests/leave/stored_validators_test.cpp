// ValidateStoredEntity: the domain validator of each stored leave type, found
// by argument-dependent lookup the way the store calls it on every write.
#include <cmath>
#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/leave/entities.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::testing::HasSubstr;

// What a store does: an unqualified call, resolved by the entity's namespace.
template <class E>
absl::Status StoreCheck(const E& entity) {
  return ValidateStoredEntity(entity);
}

LeaveRequest ValidRequest() {
  LeaveRequest r;
  r.id = LeaveRequestId(3);
  r.employee = EmployeeId(7);
  r.leave_type = LeaveTypeId(1);
  r.first_day = Date(2024, 5, 3);
  r.last_day = Date(2024, 5, 6);
  r.duration = 2;
  r.submitted_on = Date(2024, 5, 1);
  return r;
}

TEST(ValidateStoredEntity, LeaveRequestChecksIdsShapeStatusAndDuration) {
  EXPECT_OK(StoreCheck(ValidRequest()));
  LeaveRequest r = ValidRequest();
  r.employee = EmployeeId();
  EXPECT_THAT(hrkit_test::Message(StoreCheck(r)), HasSubstr("employee"));
  r = ValidRequest();
  r.last_day = Date(2024, 5, 1);
  EXPECT_THAT(hrkit_test::Message(StoreCheck(r)), HasSubstr("last_day"));
  r = ValidRequest();
  r.status = static_cast<LeaveRequestStatus>(9);
  EXPECT_THAT(hrkit_test::Message(StoreCheck(r)), HasSubstr("status"));
  r = ValidRequest();
  r.duration = std::numeric_limits<double>::quiet_NaN();
  EXPECT_STATUS_CODE(StoreCheck(r), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(hrkit_test::Message(StoreCheck(r)), HasSubstr("duration"));
  r.duration = -1;
  EXPECT_STATUS_CODE(ValidateLeaveRequest(r), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateStoredEntity, ForwardsToEachTypesValidator) {
  EXPECT_OK(StoreCheck(LeaveType{LeaveTypeId(1), "Annual", true, LeaveUnit::kDays}));
  EXPECT_STATUS_CODE(StoreCheck(LeaveType{LeaveTypeId(1), "", true, LeaveUnit::kDays}),
                     absl::StatusCode::kInvalidArgument);

  PolicyAssignment a{PolicyAssignmentId(1), EmployeeId(7),    LeaveTypeId(1),
                     LeavePolicyId(2),      Date(2024, 1, 1), OpenEnd()};
  EXPECT_OK(StoreCheck(a));
  a.end = Date(2023, 1, 1);
  EXPECT_STATUS_CODE(StoreCheck(a), absl::StatusCode::kInvalidArgument);

  LeaveAdjustment adj;
  adj.id = LeaveAdjustmentId(1);
  adj.employee = EmployeeId(7);
  adj.leave_type = LeaveTypeId(1);
  adj.effective = adj.recorded_on = Date(2024, 2, 1);
  adj.amount = 1.5;
  EXPECT_OK(StoreCheck(adj));
  adj.amount = 0;
  EXPECT_STATUS_CODE(StoreCheck(adj), absl::StatusCode::kInvalidArgument);

  LeavePolicy p{LeavePolicyId(1), "Standard", LeaveTypeId(1), {}, 0};
  EXPECT_STATUS_CODE(StoreCheck(p), absl::StatusCode::kInvalidArgument);  // no versions
  ASSERT_OK(p.versions.Add(Date(2024, 1, 1), LeavePolicyVersion{}, Date(2024, 1, 1)));
  EXPECT_OK(StoreCheck(p));
}

}  // namespace
}  // namespace hrkit
