// A tour of hrkit's core value types: dates, an effective-dated salary
// history queried as of a date and as known on a date, money arithmetic.
#include <cstdlib>
#include <iostream>

#include "hrkit/hrkit.hpp"

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "error: " << status << "\n";
  return EXIT_FAILURE;
}

}  // namespace

int main() {
  using hrkit::Date;

  absl::StatusOr<Date> hired = hrkit::ParseIsoDate("2024-01-31");
  if (!hired.ok()) return Fail(hired.status());
  std::cout << "hired " << hrkit::FormatIsoDate(*hired) << "; first monthly review due "
            << hrkit::FormatIsoDate(hrkit::AddMonthsClamped(*hired, 1)) << " (clamped to the month end)\n";

  // Bad input is a Status, never an exception.
  absl::StatusOr<Date> bad = hrkit::ParseIsoDate("2026-02-30");
  std::cout << "parsing 2026-02-30: " << bad.status() << "\n";

  // Salary history: a raise in July, then a backdated correction entered in
  // September that moves the raise to June.
  absl::StatusOr<hrkit::Money> base = hrkit::Money::Make(6'200'000, "EUR");
  if (!base.ok()) return Fail(base.status());
  absl::StatusOr<hrkit::Money> raised = hrkit::MultiplyByRate(*base, 1.035);
  if (!raised.ok()) return Fail(raised.status());

  hrkit::Timeline<hrkit::Money> salary;
  if (auto s = salary.Add(*hired, *base, *hired); !s.ok()) return Fail(s);
  if (auto s = salary.Add(Date(2024, 7, 1), *raised, Date(2024, 6, 20)); !s.ok()) return Fail(s);
  if (auto s = salary.Add(Date(2024, 6, 1), *raised, Date(2024, 9, 2), hrkit::LaterEntries::kReplace); !s.ok()) {
    return Fail(s);
  }

  const Date june15(2024, 6, 15);
  std::cout << "salary on 2024-06-15: " << *salary.At(june15) << "\n";
  std::cout << "salary on 2024-06-15 as known on 2024-08-01: " << *salary.AsKnownOn(Date(2024, 8, 1)).At(june15)
            << "\n";

  // Working days in June 2024 with one public holiday on a Monday.
  const std::vector<Date> holidays = {Date(2024, 6, 10)};
  absl::StatusOr<std::int64_t> days =
      hrkit::CountBusinessDays(hrkit::Period(Date(2024, 6, 1), Date(2024, 7, 1)),
                               hrkit::WeekdaySet::MondayToFriday(), holidays);
  if (!days.ok()) return Fail(days.status());
  std::cout << "working days in June 2024: " << *days << "\n";

  absl::StatusOr<hrkit::Money> mixed = hrkit::Add(*base, *hrkit::Money::Make(100, "USD"));
  std::cout << "adding EUR and USD: " << mixed.status() << "\n";
  return EXIT_SUCCESS;
}
