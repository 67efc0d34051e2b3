// One small dataset through every storage backend this program is linked
// with: the same OpenStore call with another URI, the same SaveAll and
// LoadAll, and each backend reads back data equal to what was written.
//
//   memory:                   always (nothing leaves the process)
//   archive:<temp>/...hrk     always (a Boost.Serialization snapshot file)
//   sqlite:<temp>/...db       when the program links hrkit::sqlite
//   postgresql://...          when it links hrkit::postgres and a URI is
//                             given as argv[1] or in HRKIT_POSTGRES_URI
//
// SaveAll replaces the whole content of a store: point the PostgreSQL URI at
// a scratch database (or a scratch schema first in its search_path), never
// at one holding data you want to keep.
//
// Usage: hrkit_example_storage_backends [POSTGRES_URI]
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/leave/leave_type.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit/storage/workforce_dataset.hpp"

namespace {

using namespace hrkit;  // NOLINT: an example reads better without prefixes

// A head office with two seats and two people, a leave type and a policy:
// 7 entities of 5 types, each employee with an employment history.
absl::StatusOr<Dataset> SmallDataset() {
  const Date jan1(2024, 1, 1);
  Workforce w;
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(1), "HQ", {.name = "Head office"}, jan1, jan1));
  for (const char* title : {"Analyst", "Engineer"}) {
    HRKIT_RETURN_IF_ERROR(w.CreatePosition(w.NextPositionId(), {.org_unit = OrgUnitId(1), .title = title}, jan1, jan1));
  }
  for (const char* name : {"Ada Lovelace", "Alan Turing"}) {
    Employee e;
    e.id = w.NextEmployeeId();
    e.employee_number = absl::StrCat("E-", e.id.value());
    e.legal_name = name;
    HRKIT_RETURN_IF_ERROR(w.AddEmployee(e));
    const PositionId seat(e.id.value());
    HRKIT_RETURN_IF_ERROR(w.ApplyEvent(e.id, HireEvent{.effective = Date(2024, 3, 1), .position = seat}, jan1));
  }
  Dataset data;
  PutWorkforce(w, &data);
  data.Of<LeaveType>().push_back({LeaveTypeId(1), "Annual leave", /*paid=*/true, LeaveUnit::kDays});
  LeavePolicy policy{LeavePolicyId(1), "Standard", LeaveTypeId(1), {}, 0};
  LeavePolicyVersion rules;
  rules.amount_per_year = 25;
  rules.carry_over_max = 5;
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(jan1, rules, jan1));
  data.Of<LeavePolicy>().push_back(policy);
  return data;
}

// Writes `data` to the store at `uri`, opens it again and reads everything
// back; DataLoss when what is read differs from what was written.
absl::Status RoundTrip(const std::string& label, const std::string& uri, const Dataset& data) {
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(uri));
  HRKIT_RETURN_IF_ERROR(store->SaveAll(data));
  // A memory store lives only as long as its object: read it back from the
  // same one. The others are opened again, as another program would.
  if (uri != "memory:") {
    store.reset();
    HRKIT_ASSIGN_OR_RETURN(store, OpenStore(uri));
  }
  HRKIT_ASSIGN_OR_RETURN(const Dataset loaded, store->LoadAll());
  // Every row starts at version 1 after SaveAll.
  HRKIT_ASSIGN_OR_RETURN(const Versioned<Employee> ada, store->Get<Employee>(EmployeeId(1)));
  const bool equal = loaded == data && ada.entity == data.Of<Employee>().front() && ada.version == 1;
  std::cout << "  " << label << ": " << loaded.TotalSize() << " entities read back, equal: " << (equal ? "yes" : "NO")
            << "\n";
  return equal ? absl::OkStatus() : absl::DataLossError(absl::StrCat(label, ": the data read back differs"));
}

absl::Status Run(const std::string& postgres_uri) {
  HRKIT_ASSIGN_OR_RETURN(const Dataset data, SmallDataset());
  std::cout << data.TotalSize() << " entities written to each backend:\n";

  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::filesystem::path archive = dir / "hrkit_storage_backends.hrk";
  std::filesystem::remove(archive);
  HRKIT_RETURN_IF_ERROR(RoundTrip("memory", "memory:", data));
  HRKIT_RETURN_IF_ERROR(RoundTrip("archive", "archive:" + archive.string(), data));
  std::filesystem::remove(archive);
#ifdef HRKIT_EXAMPLE_WITH_SQLITE
  const std::filesystem::path db = dir / "hrkit_storage_backends.db";
  std::filesystem::remove(db);
  HRKIT_RETURN_IF_ERROR(RoundTrip("sqlite", "sqlite:" + db.string(), data));
  std::filesystem::remove(db);
#else
  std::cout << "  sqlite: not linked (hrkit::sqlite)\n";
#endif
#ifdef HRKIT_EXAMPLE_WITH_POSTGRES
  if (postgres_uri.empty()) {
    std::cout << "  postgres: no URI given (argv[1] or HRKIT_POSTGRES_URI)\n";
  } else {
    HRKIT_RETURN_IF_ERROR(RoundTrip("postgres", postgres_uri, data));
  }
#else
  if (!postgres_uri.empty()) return absl::UnimplementedError("a PostgreSQL URI, but hrkit::postgres is not linked");
  std::cout << "  postgres: not linked (hrkit::postgres)\n";
#endif
  std::cout << "every backend read back the data it was given\n";
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("HRKIT_POSTGRES_URI");
  const std::string postgres_uri = argc > 1 ? argv[1] : env != nullptr ? env : "";
  if (const absl::Status status = Run(postgres_uri); !status.ok()) {
    std::cerr << "storage_backends: " << status << "\n";
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
