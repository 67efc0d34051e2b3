// The writer process of the crash test: opens the store named by argv[1]
// and commits transactions 1, 2, 3, ... (continuing after the highest one
// already stored) until it is killed. Transaction k puts location k and
// employee k together. After each commit returns, it writes "k\n" to stdout
// (a pipe; one write(2) per line, so a line is whole or absent). On any error
// it writes "E <message>\n" and exits with status 2.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#if HRKIT_CRASH_WITH_SQLITE
#include "hrkit/storage/sqlite_store.hpp"
#endif

namespace {

void WriteLine(const std::string& line) {
  const std::string text = line + "\n";
  std::string_view rest = text;
  while (!rest.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, rest.data(), rest.size());
    if (n <= 0) _exit(3);  // the reader is gone
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

int Fail(const absl::Status& status) {
  WriteLine(absl::StrCat("E ", status.ToString()));
  return 2;
}

hrkit::Employee MakeEmployee(std::int64_t k) {
  hrkit::Employee e;
  e.id = hrkit::EmployeeId(k);
  e.employee_number = absl::StrCat("E", k);
  e.legal_name = absl::StrCat("Writer ", k);
  hrkit::EmploymentRecord r;
  r.location = hrkit::LocationId(k);
  r.cost_center = "CC-1";
  const hrkit::Date hired = hrkit::Date(2020, 1, 1) + boost::gregorian::days(k % 1000);
  r.employment_start = r.seniority_start = hired;
  (void)e.employment.Add(hired, r, hired);
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s STORE_URI\n", argv[0]);
    return 1;
  }
  // No registration: the archive backend is built in, and linking hrkit::sqlite registers "sqlite:".
  absl::StatusOr<std::unique_ptr<hrkit::Store>> store = hrkit::OpenStore(argv[1]);
  if (!store.ok()) return Fail(store.status());
  absl::StatusOr<std::vector<hrkit::Versioned<hrkit::Location>>> rows = (*store)->List<hrkit::Location>();
  if (!rows.ok()) return Fail(rows.status());
  std::int64_t next = rows->empty() ? 1 : rows->back().entity.id.value() + 1;
  for (;; ++next) {
    hrkit::Transaction txn;
    txn.Put(hrkit::Location{hrkit::LocationId(next), absl::StrCat("Site ", next), "DE", {}, {}}, 0);
    txn.Put(MakeEmployee(next), 0);
    if (absl::Status s = (*store)->Commit(txn).status(); !s.ok()) return Fail(s);
    WriteLine(std::to_string(next));
  }
}
