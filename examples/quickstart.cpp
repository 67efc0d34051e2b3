// Quickstart: hire someone into a position, ask the headcount as of a date,
// set up a leave policy and read a balance, then save everything to a store
// and read it back. Usage: hrkit_example_quickstart [STORE_URI]
// (default: a SQLite file when hrkit::sqlite is built, else an archive, in
// the system's temporary folder).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "hrkit/hrkit.hpp"

namespace {

using namespace hrkit;  // NOLINT: an example reads better without prefixes

absl::Status Run(const std::string& uri) {
  const Date jan1(2024, 1, 1);
  Workforce w;
  // The organization: one unit, one seat. The workforce hands out the ids.
  const OrgUnitId hq = w.NextOrgUnitId();
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(hq, "HQ", {.name = "Head office"}, jan1, jan1));
  const PositionId seat = w.NextPositionId();
  HRKIT_RETURN_IF_ERROR(w.CreatePosition(seat, {.org_unit = hq, .title = "Analyst"}, jan1, jan1));
  // A hire on 11 June 2024.
  Employee ada;
  ada.id = w.NextEmployeeId();
  ada.employee_number = "E-1";
  ada.legal_name = "Ada Lovelace";
  HRKIT_RETURN_IF_ERROR(w.AddEmployee(ada));
  HRKIT_RETURN_IF_ERROR(w.ApplyEvent(ada.id, HireEvent{.effective = Date(2024, 6, 11), .position = seat}, jan1));

  // Headcount as of two dates.
  for (const Date d : {Date(2024, 3, 1), Date(2024, 12, 31)}) {
    HRKIT_ASSIGN_OR_RETURN(const OrgSnapshot snapshot, OrgSnapshot::Build(w, d));
    HRKIT_ASSIGN_OR_RETURN(const UnitRollup rollup, snapshot.RollUp(hq));
    std::cout << "headcount on " << FormatIsoDate(d) << ": " << rollup.subtree_headcount << "\n";
  }

  // Annual leave: 24 days a year, credited monthly, pro-rated.
  Dataset data;
  PutWorkforce(w, &data);
  data.Of<LeaveType>().push_back({.id = LeaveTypeId(1), .name = "Annual leave"});
  LeavePolicy policy;
  policy.id = LeavePolicyId(1);
  policy.name = "Standard";
  policy.leave_type = LeaveTypeId(1);
  LeavePolicyVersion rules;
  rules.amount_per_year = 24;
  HRKIT_RETURN_IF_ERROR(policy.versions.Add(jan1, rules, jan1));
  data.Of<LeavePolicy>().push_back(policy);

  // June earns 2 x 20/30 = 1.3333; July to December 6 x 2 = 12.
  HRKIT_ASSIGN_OR_RETURN(const double balance,
                         LeaveBalanceOn(LeaveFactsOf(data), ada.id, LeaveTypeId(1), Date(2024, 12, 31)));
  std::printf("annual leave balance on 2024-12-31: %.4f days\n", balance);

  // Save and read back.
  {
    HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(uri));
    HRKIT_RETURN_IF_ERROR(store->SaveAll(data));
  }
  HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(uri));
  HRKIT_ASSIGN_OR_RETURN(const Dataset loaded, store->LoadAll());
  HRKIT_ASSIGN_OR_RETURN(const double reloaded,
                         LeaveBalanceOn(LeaveFactsOf(loaded), ada.id, LeaveTypeId(1), Date(2024, 12, 31)));
  std::cout << "read back from " << uri << ": " << loaded.TotalSize()
            << " entities, same balance: " << (loaded == data && reloaded == balance ? "yes" : "NO") << "\n";
  return loaded == data && reloaded == balance ? absl::OkStatus() : absl::DataLossError("round trip differs");
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
#ifdef HRKIT_EXAMPLE_WITH_SQLITE
  const std::string fallback = "sqlite:" + (dir / "hrkit_quickstart.db").string();
#else
  const std::string fallback = "archive:" + (dir / "hrkit_quickstart.hrk").string();
#endif
  const std::string uri = argc > 1 ? argv[1] : fallback;
  if (argc <= 1) std::filesystem::remove(uri.substr(uri.find(':') + 1));
  if (const absl::Status status = Run(uri); !status.ok()) {
    std::cerr << "quickstart: " << status << "\n";
    return 1;
  }
  return 0;
}
