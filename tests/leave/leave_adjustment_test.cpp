#include "hrkit/leave/leave_adjustment.hpp"

#include <limits>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/leave/accrual.hpp"
#include "hrkit/leave/ledger.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

using ::hrkit_test::Message;
using ::testing::HasSubstr;

constexpr double kTol = 1e-9;
const EmployeeId kAda(7);
const EmployeeId kBob(8);
const LeaveTypeId kAnnual(1);
const LeaveTypeId kSick(2);

LeaveAdjustment Adjustment(std::int64_t id, EmployeeId employee, LeaveTypeId type, Date effective, double amount,
                           bool encashment = false) {
  return LeaveAdjustment{LeaveAdjustmentId(id), employee,       type, effective, amount, encashment,
                         Date(2024, 1, 2),      "entered by HR"};
}

TEST(LeaveAdjustment, ValidationNamesTheAdjustmentAndTheField) {
  EXPECT_OK(ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), 3.5)));
  EXPECT_OK(ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), -3.5)));
  EXPECT_OK(ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), -2.0, true)));

  const absl::Status positive_encashment =
      ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), 2.0, true));
  EXPECT_STATUS_CODE(positive_encashment, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(positive_encashment), HasSubstr("leave_adjustment:4 (employee:7): amount is +2"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), 0.0))),
              HasSubstr("amount is 0"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(
                  Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), std::numeric_limits<double>::infinity()))),
              HasSubstr("amount must be a finite number"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(Adjustment(4, kAda, kAnnual, Date(), 1.0))),
              HasSubstr("effective must be a real date"));
  LeaveAdjustment unrecorded = Adjustment(4, kAda, kAnnual, Date(2024, 1, 1), 1.0);
  unrecorded.recorded_on = Date(boost::gregorian::pos_infin);
  EXPECT_THAT(Message(ValidateLeaveAdjustment(unrecorded)), HasSubstr("recorded_on must be a real date"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(Adjustment(0, kAda, kAnnual, Date(2024, 1, 1), 1.0))),
              HasSubstr("id must be positive"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(Adjustment(4, EmployeeId(), kAnnual, Date(2024, 1, 1), 1.0))),
              HasSubstr("employee must be a valid id"));
  EXPECT_THAT(Message(ValidateLeaveAdjustment(Adjustment(4, kAda, LeaveTypeId(), Date(2024, 1, 1), 1.0))),
              HasSubstr("leave_type must be a valid id"));
}

TEST(LeaveAdjustment, AdjustmentsOfSelectsOneLedgerInDateThenIdOrder) {
  const std::vector<LeaveAdjustment> stored = {
      Adjustment(9, kAda, kAnnual, Date(2024, 6, 30), -5.0, true), Adjustment(3, kBob, kAnnual, Date(2024, 1, 1), 1.0),
      Adjustment(8, kAda, kAnnual, Date(2024, 1, 1), 3.5),         Adjustment(2, kAda, kSick, Date(2024, 1, 1), 1.0),
      Adjustment(5, kAda, kAnnual, Date(2024, 6, 30), 1.0),
  };
  ASSERT_OK_AND_ASSIGN(const std::vector<LedgerAdjustment> ada, AdjustmentsOf(stored, kAda, kAnnual));
  EXPECT_EQ(ada, (std::vector<LedgerAdjustment>{{Date(2024, 1, 1), 3.5, false, 8},
                                                {Date(2024, 6, 30), 1.0, false, 5},
                                                {Date(2024, 6, 30), -5.0, true, 9}}));
  ASSERT_OK_AND_ASSIGN(const std::vector<LedgerAdjustment> none, AdjustmentsOf(stored, kBob, kSick));
  EXPECT_TRUE(none.empty());

  // A bad adjustment of the ledger asked for is an error; one of another ledger is not looked at.
  std::vector<LeaveAdjustment> with_bad = stored;
  with_bad.push_back(Adjustment(6, kBob, kSick, Date(2024, 1, 1), 0.0));
  EXPECT_OK(AdjustmentsOf(with_bad, kAda, kAnnual).status());
  EXPECT_STATUS_CODE(AdjustmentsOf(with_bad, kBob, kSick), absl::StatusCode::kInvalidArgument);

  ASSERT_OK_AND_ASSIGN(const std::vector<EmployeeAdjustment> population, PopulationAdjustments(stored));
  ASSERT_EQ(population.size(), 5u);
  // Employee, leave type, date, id.
  EXPECT_EQ(population[0].adjustment.ref, 8);
  EXPECT_EQ(population[1].adjustment.ref, 5);
  EXPECT_EQ(population[2].adjustment.ref, 9);
  EXPECT_EQ(population[3].leave_type, kSick);
  EXPECT_EQ(population[4].employee, kBob);
  EXPECT_STATUS_CODE(PopulationAdjustments(with_bad), absl::StatusCode::kInvalidArgument);
}

TEST(LeaveAdjustment, AnOpeningBalanceAndAnEncashmentInTheLedger) {
  // Hired 2024-01-01 on 24 days a year, monthly at the start of each month.
  Employee ada;
  ada.id = kAda;
  EmploymentRecord record;
  record.employment_start = record.seniority_start = Date(2024, 1, 1);
  ASSERT_OK(ada.employment.Add(Date(2024, 1, 1), record, Date(2024, 1, 1)));
  LeavePolicyVersion version;
  version.amount_per_year = 24;
  LeavePolicy policy{LeavePolicyId(1), "Annual", kAnnual, {}, {}};
  ASSERT_OK(policy.versions.Add(Date(2000, 1, 1), version, Date(2000, 1, 1)));
  const std::vector<LeavePolicy> policies = {policy};
  const std::vector<PolicySegment> segments = {{kAda, kAnnual, LeavePolicyId(1), OpenPeriod(Date(2024, 1, 1))}};

  // 3.5 days brought over from the previous system, 5 days paid out at the end of June.
  const std::vector<LeaveAdjustment> stored = {Adjustment(12, kAda, kAnnual, Date(2024, 6, 30), -5.0, true),
                                               Adjustment(11, kAda, kAnnual, Date(2024, 1, 1), 3.5)};
  ASSERT_OK_AND_ASSIGN(const std::vector<LedgerAdjustment> manual, AdjustmentsOf(stored, kAda, kAnnual));
  const AccrualFacts facts{kAda, kAnnual, &ada.employment, segments, policies, {}, manual, 0.0};
  ASSERT_OK_AND_ASSIGN(const std::vector<LedgerEntry> ledger,
                       ComputeLedger(facts, Period(Date(2024, 1, 1), Date(2025, 1, 1))));
  // 29 June: 6 monthly credits of 2 + 3.5 = 15.5; 30 June: 15.5 - 5 = 10.5;
  // year end: 12 credits of 2 + 3.5 - 5 = 22.5.
  EXPECT_NEAR(Balance(ledger, Date(2024, 6, 29)), 15.5, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 6, 30)), 10.5, kTol);
  EXPECT_NEAR(Balance(ledger, Date(2024, 12, 31)), 22.5, kTol);
  const std::string statement = FormatStatement(ledger, Date(2024, 6, 30));
  // On one date an adjustment comes before the accrual (ledger.hpp orders by kind).
  EXPECT_THAT(statement, HasSubstr("2024-01-01  adjustment     +3.5000  =    3.5000  ref 11\n"
                                   "2024-01-01  accrual        +2.0000  =    5.5000  leave_policy:1\n"));
  EXPECT_THAT(statement, HasSubstr("2024-06-30  encashment     -5.0000  =   10.5000  ref 12\n"));

  // The ledger itself refuses a positive encashment.
  const std::vector<LedgerAdjustment> wrong = {{Date(2024, 6, 30), 5.0, true, 12}};
  const AccrualFacts wrong_facts{kAda, kAnnual, &ada.employment, segments, policies, {}, wrong, 0.0};
  const absl::StatusOr<std::vector<LedgerEntry>> refused =
      ComputeLedger(wrong_facts, Period(Date(2024, 1, 1), Date(2025, 1, 1)));
  EXPECT_STATUS_CODE(refused, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(refused), HasSubstr("encashment on 2024-06-30 of +5"));
}

TEST(LeaveAdjustment, DescribedAsOneRowOfScalars) {
  const std::vector<FieldInfo> fields = ListFields(LeaveAdjustment{});
  ASSERT_EQ(fields.size(), 8u);
  EXPECT_EQ(fields[0].name, "id");
  for (const FieldInfo& f : fields) EXPECT_EQ(f.shape, FieldShape::kScalar) << f.name;
  EXPECT_EQ(fields.back().sensitivity, Sensitivity::kHealth);  // the reason
}

}  // namespace
}  // namespace hrkit
