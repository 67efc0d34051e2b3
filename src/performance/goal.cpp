#include "hrkit/performance/goal.hpp"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const Goal& g, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(g.id), " field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

}  // namespace

absl::Status ValidateGoal(const Goal& g) {
  if (!g.id.valid()) return Invalid(g, "id", "must be positive");
  if (!g.cycle.valid()) return Invalid(g, "cycle", "must be a valid id");
  if (g.owner.valid() == g.org_unit.valid()) {
    return Invalid(g, "owner", "a goal belongs to exactly one of an employee (owner) and an org unit (org_unit)");
  }
  if (g.parent == g.id) return Invalid(g, "parent", "a goal cannot be its own parent");
  if (g.title.empty()) return Invalid(g, "title", "must not be empty");
  if (!std::isfinite(g.weight) || g.weight <= 0.0 || g.weight > 100.0) {
    return Invalid(g, "weight", absl::StrCat("must be in (0, 100], got ", g.weight));
  }
  for (std::size_t i = 0; i < g.check_ins.size(); ++i) {
    const GoalCheckIn& c = g.check_ins[i];
    if (!IsRealDate(c.on)) return Invalid(g, absl::StrCat("check_ins[", i, "].on"), "must be a real date");
    if (!std::isfinite(c.progress) || c.progress < 0.0 || c.progress > 1.0) {
      return Invalid(g, absl::StrCat("check_ins[", i, "].progress"),
                     absl::StrCat("must be in [0, 1], got ", c.progress));
    }
  }
  return absl::OkStatus();
}

double OwnProgress(const Goal& goal) {
  const GoalCheckIn* latest = nullptr;
  for (const GoalCheckIn& c : goal.check_ins) {
    if (latest == nullptr || c.on >= latest->on) latest = &c;  // same day: the later entry
  }
  return latest == nullptr ? 0.0 : latest->progress;
}

}  // namespace hrkit
