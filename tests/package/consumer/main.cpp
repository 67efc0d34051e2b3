// A downstream program that uses only the installed hrkit package.
#include <cstdlib>
#include <iostream>

#include <hrkit/hrkit.hpp>

int main() {
  auto hired = hrkit::ParseIsoDate("2024-01-31");
  if (!hired.ok()) {
    std::cerr << hired.status() << "\n";
    return EXIT_FAILURE;
  }
  if (hrkit::AddMonthsClamped(*hired, 1) != hrkit::Date(2024, 2, 29)) return EXIT_FAILURE;

  hrkit::Timeline<int> fte_permille;
  if (!fte_permille.Add(*hired, 1000, *hired).ok()) return EXIT_FAILURE;
  const int* at = fte_permille.At(hrkit::Date(2025, 1, 1));
  if (at == nullptr || *at != 1000) return EXIT_FAILURE;

  auto salary = hrkit::Money::Make(6'200'000, "EUR");
  if (!salary.ok()) return EXIT_FAILURE;
  std::cout << "consumer ok: " << hrkit::EmployeeId(7) << " earns "
            << hrkit::FormatMoney(*salary) << "\n";
  return EXIT_SUCCESS;
}
