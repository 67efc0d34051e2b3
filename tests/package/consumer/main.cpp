// A downstream program that uses only the installed hrkit package.
// Usage: consumer [SCRATCH_DIR]
#include <cstdlib>
#include <hrkit/hrkit.hpp>
#include <iostream>
#include <string>

namespace {

// A store opened by URI alone: the archive backend is built in, the SQLite
// one comes with linking hrkit::sqlite.
bool RoundTrip(const std::string& uri) {
  auto store = hrkit::OpenStore(uri);
  if (!store.ok()) {
    std::cerr << uri << ": " << store.status() << "\n";
    return false;
  }
  const hrkit::Location site{hrkit::LocationId(1), "Berlin", "DE", hrkit::HolidayCalendarId(), hrkit::WorkScheduleId()};
  if (!(*store)->Put(site, 0).ok()) return false;
  auto read = (*store)->Get<hrkit::Location>(hrkit::LocationId(1));
  return read.ok() && read->entity == site;
}

}  // namespace

int main(int argc, char** argv) {
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

  if (argc > 1) {
    const std::string dir = argv[1];
    if (!RoundTrip("archive:" + dir + "/consumer.hrk")) return EXIT_FAILURE;
#ifdef CONSUMER_WITH_SQLITE
    if (!RoundTrip("sqlite:" + dir + "/consumer.db")) return EXIT_FAILURE;
#endif
  }
  std::cout << "consumer ok: " << hrkit::EmployeeId(7) << " earns " << hrkit::FormatMoney(*salary) << "\n";
  return EXIT_SUCCESS;
}
