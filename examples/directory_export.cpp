// Exports from a generated organization, written from the entities' field
// descriptions: a staff directory as CSV with directory-class fields only
// (what anyone in the company may see), the same people with their
// employment as of a date for HR, and one employee as JSON.
//
// What the output should show:
// - the directory header has no personal column (no legal name, birth date,
//   private e-mail or phone) and no employment columns, because the
//   employment history is personal;
// - the HR file adds those columns, with the employment record in force on
//   the generator's end date, its status and type written by name
//   ("active", "permanent");
// The generator fills legal names only; the example gives everyone a
// preferred name and a work e-mail derived from it first.
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hrkit/core/csv_export.hpp"
#include "hrkit/core/json_export.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/synth/generator.hpp"

namespace {

// The first `n` lines of `text`, CRLF or LF ended.
std::string_view FirstLines(std::string_view text, int n) {
  std::size_t end = 0;
  for (int i = 0; i < n && end != std::string_view::npos; ++i) {
    end = text.find('\n', end == 0 ? 0 : end + 1);
  }
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

}  // namespace

int main() {
  hrkit::synth::SynthOptions options;
  options.employee_count = 50;
  options.seed = 11;
  absl::StatusOr<hrkit::synth::Organization> org = hrkit::synth::GenerateOrganization(options);
  if (!org.ok()) {
    std::cerr << "error: " << org.status() << "\n";
    return EXIT_FAILURE;
  }
  for (hrkit::Employee& e : org->employees) {
    const std::size_t space = e.legal_name.find(' ');
    e.preferred_name = e.legal_name.substr(0, space);
    std::string address;
    for (char c : e.legal_name)
      address += c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    e.work_email = address + "@example.com";
  }
  const std::span<const hrkit::Employee> people = org->employees;

  // 1. The staff directory: directory-class fields only.
  const std::string directory_csv = hrkit::ToCsv(people, hrkit::kDirectoryFields);
  std::cout << "Staff directory (" << people.size() << " people; first rows):\n" << FirstLines(directory_csv, 4);

  // 2. For HR: personal fields too, with the employment in force on a date.
  // Enums are written by name: employment.status "active", employment.type "permanent".
  const hrkit::SensitivitySet for_hr{hrkit::Sensitivity::kDirectory, hrkit::Sensitivity::kPersonal};
  const hrkit::CsvOptions hr_options{.as_of = options.end_date,
                                     // Read by a program, not opened in a spreadsheet: keep "+49 ..." as it is.
                                     .neutralize_formulas = false};
  const std::string hr_csv = hrkit::ToCsv(people, for_hr, hr_options);
  std::cout << "\nHR file as of " << hrkit::FormatIsoDate(options.end_date) << " (first rows):\n"
            << FirstLines(hr_csv, 3);
  if (directory_csv.find("legal_name") != std::string::npos || hr_csv.find(",active,") == std::string::npos) {
    std::cerr << "error: the directory shows a personal field or the HR file has no status by name\n";
    return EXIT_FAILURE;
  }

  // 3. One employee as JSON, every class named explicitly (an HR administrator's view).
  std::cout << "\nJSON of " << hrkit::ToString(people.front().id) << ":\n"
            << hrkit::ToJson(people.front(), hrkit::SensitivitySet::All()) << "\n";
  return EXIT_SUCCESS;
}
