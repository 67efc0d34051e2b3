// Views of a stored Dataset for the modules' entry points. Between a Workforce (the in-memory organization every
// lifecycle and org change goes through, org/workforce.hpp) and a Dataset (what a Store saves and loads in bulk): the
// usual round trip of a program is
//   load a Dataset -> WorkforceFromDataset -> apply changes -> PutWorkforce -> save.
//
// Thread safety: pure functions; the Workforce rules apply to their arguments.
#ifndef HRKIT_STORAGE_WORKFORCE_DATASET_HPP_
#define HRKIT_STORAGE_WORKFORCE_DATASET_HPP_

#include "absl/status/statusor.h"
#include "hrkit/leave/balance.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/personnel/lifecycle.hpp"
#include "hrkit/storage/dataset.hpp"

namespace hrkit {

// Replaces the locations, org units, positions and employees of `*data` with
// those of `workforce`, in id order; the other entity types of `*data`
// (policies, requests, ...) are kept.
//
// Example:
//   Dataset data;
//   PutWorkforce(workforce, &data);
//   HRKIT_RETURN_IF_ERROR(store->SaveAll(data));
void PutWorkforce(const Workforce& workforce, Dataset* data);

// A Workforce of the locations, org units, positions and employees of
// `data` (the other types are ignored), through Workforce::FromEntities:
// InvalidArgument, AlreadyExists or NotFound as it says.
absl::StatusOr<Workforce> WorkforceFromDataset(const Dataset& data, LifecycleOptions options = {});

// The leave facts (leave/balance.hpp) of every entity in `data`: spans into
// it, valid while `data` lives and is not changed.
//
// Example:
//   HRKIT_ASSIGN_OR_RETURN(double left, LeaveBalanceOn(LeaveFactsOf(data), employee, annual, as_of));
LeaveFacts LeaveFactsOf(const Dataset& data);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_WORKFORCE_DATASET_HPP_
