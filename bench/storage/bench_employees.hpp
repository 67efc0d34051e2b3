// The employees of the storage benchmarks: employee `id` with four
// employment history entries (hire, transfer, FTE change, and a promotion
// replaced by a correction), the same for every run.
//
// Thread safety: a pure function.
#ifndef HRKIT_BENCH_STORAGE_BENCH_EMPLOYEES_HPP_
#define HRKIT_BENCH_STORAGE_BENCH_EMPLOYEES_HPP_

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "hrkit/personnel/employee.hpp"

namespace hrkit {

inline Employee MakeEmployee(std::int64_t id) {
  Employee e;
  e.id = EmployeeId(id);
  e.employee_number = absl::StrCat("E", 1000000 + id);
  e.legal_name = absl::StrCat("Person Number ", id);
  e.preferred_name = absl::StrCat("P", id);
  e.birth_date = Date(1960, 1, 1) + boost::gregorian::days(id % 15000);
  e.work_email = absl::StrCat("person", id, "@example.com");
  e.private_email = absl::StrCat("p", id, "@mail.example.org");
  e.phone = "+49 30 5550100";
  const Date hire = Date(2010, 1, 1) + boost::gregorian::days(id % 4000);
  EmploymentRecord r;
  r.position = PositionId(id);
  r.location = LocationId(1 + id % 20);
  r.cost_center = absl::StrCat("CC-", id % 500);
  r.reason_code = "NEW";
  r.employment_start = hire;
  r.seniority_start = hire;
  (void)e.employment.Add(hire, r, hire);
  r.event = EmploymentEvent::kTransfer;
  r.position = PositionId(id + 1);
  r.reason_code = "REORG";
  const Date transfer = hire + boost::gregorian::days(400);
  (void)e.employment.Add(transfer, r, transfer);
  r.event = EmploymentEvent::kPromotion;
  const Date promotion = hire + boost::gregorian::days(800);
  (void)e.employment.Add(promotion, r, promotion);
  r.event = EmploymentEvent::kFteChange;
  r.fte = 0.8;
  const Date correction = hire + boost::gregorian::days(820);
  (void)e.employment.Add(hire + boost::gregorian::days(790), r, correction, LaterEntries::kReplace);
  return e;
}

}  // namespace hrkit

#endif  // HRKIT_BENCH_STORAGE_BENCH_EMPLOYEES_HPP_
