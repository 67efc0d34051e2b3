#include "hrkit/relations/recognition_report.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/dense_index.hpp"
#include "hrkit/core/status.hpp"
#include "unit_group_tree.hpp"

namespace hrkit {
namespace {

absl::Status CheckQuery(const RecognitionCountQuery& q) {
  if (!IsRealDate(q.as_of)) return absl::InvalidArgumentError("recognition count: as_of: must be a real date");
  if (IsRealDate(q.from) && q.as_of < q.from) {
    return absl::InvalidArgumentError(
        absl::StrCat("recognition count: from: ", FormatIsoDate(q.from), " is after as_of ", FormatIsoDate(q.as_of)));
  }
  return ValidateThresholds(q.thresholds);
}

bool Counted(const Recognition& r, const RecognitionCountQuery& q) {
  return r.given_on <= q.as_of && (!IsRealDate(q.from) || q.from <= r.given_on);
}

// What one recipient received in the counted days.
struct Receipts {
  std::int64_t received = 0;
  RecognitionId latest_id{};  // the latest recognition (then the highest id)
  Date latest_on{};           // its date
};

// The recipients of the counted recognitions, by id.
std::vector<std::pair<EmployeeId, Receipts>> CollectReceipts(const RecognitionBook& book,
                                                             const RecognitionCountQuery& q) {
  absl::flat_hash_map<EmployeeId, Receipts> by_recipient;
  for (const Recognition& r : book.recognitions()) {
    if (!Counted(r, q)) continue;
    for (const EmployeeId e : r.recipients) {
      Receipts& t = by_recipient[e];
      if (t.received++ == 0 || t.latest_on < r.given_on || (t.latest_on == r.given_on && t.latest_id < r.id)) {
        t.latest_id = r.id;
        t.latest_on = r.given_on;
      }
    }
  }
  std::vector<std::pair<EmployeeId, Receipts>> out(by_recipient.begin(), by_recipient.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Places recipients in the unit of their position on a date: what
// FactsOn(...).org_unit says, without building EmployeeFacts. The employees
// are indexed once by id (a flat array when the ids are dense), and a unit's
// path is resolved once for all the days on which it stays the same
// (OrgLookup::UnitPathOn's stable period). Whatever is not the plain case (no
// employment record, a position or unit unknown to the lookup, a cycle) is
// answered by FactsOn itself, so the errors are FactsOn's.
class RecipientPlacer {
 public:
  RecipientPlacer(std::span<const Employee> employees, const OrgLookup& lookup)
      : employees_(employees), lookup_(lookup) {
    std::int64_t max_id = 0;
    for (const Employee& e : employees) max_id = std::max(max_id, e.id.value());
    index_.Reset(max_id, employees.size());
    for (std::size_t i = 0; i < employees.size(); ++i) {
      // A repeated id keeps its first employee; an invalid one is nobody's
      // recipient (recognitions name valid ids only).
      if (employees[i].id.valid()) index_.Insert(employees[i].id, static_cast<std::int32_t>(i));
    }
  }

  // The unit of `id` on `day`; invalid if they hold no position then.
  // Errors: NotFound (not in `employees`), those of FactsOn.
  absl::StatusOr<OrgUnitId> UnitOf(EmployeeId id, Date day) {
    const std::int32_t slot = index_.Find(id);
    if (slot == DenseIdIndex<EmployeeId>::kNone) {
      return absl::NotFoundError(absl::StrCat(ToString(id), " is not a known employee"));
    }
    const Employee& e = employees_[static_cast<std::size_t>(slot)];
    const EmploymentRecord* record = e.employment.At(day);
    if (record == nullptr) return FactsOnUnit(e, day);
    if (!record->position.valid()) return OrgUnitId();
    const std::optional<OrgLookup::PositionView> view = lookup_.ViewPosition(record->position, day);
    if (!view.has_value()) return FactsOnUnit(e, day);
    const OrgUnitId unit = view->org_unit;
    if (!unit.valid()) return unit;
    const auto known = resolved_.find(unit);
    if (known != resolved_.end() && known->second.contains(day)) return unit;
    Period stable = OpenPeriod(day);
    if (!lookup_.UnitPathOn(unit, day, &path_, &stable).ok()) return FactsOnUnit(e, day);
    resolved_.insert_or_assign(unit, stable);
    return unit;
  }

 private:
  absl::StatusOr<OrgUnitId> FactsOnUnit(const Employee& e, Date day) const {
    HRKIT_ASSIGN_OR_RETURN(const EmployeeFacts facts, FactsOn(e, lookup_, day));
    return facts.org_unit;
  }

  std::span<const Employee> employees_;
  const OrgLookup& lookup_;
  DenseIdIndex<EmployeeId> index_;
  absl::flat_hash_map<OrgUnitId, Period> resolved_;  // days on which the unit's path resolves
  std::vector<OrgUnitId> path_;                      // scratch for UnitPathOn
};

// The recipients and recognitions placed in each unit (its own people, not
// its subtree's).
struct UnitReceipts {
  std::vector<OrgUnitId> units;  // each placed unit once, in the order first placed
  std::vector<std::int64_t> recipients;
  std::vector<std::int64_t> received;
};

// Places every recipient in the unit of their position on their latest
// recognition's date (none: no position then), in id order, and sums per
// unit. Errors name the recipient's latest recognition.
absl::StatusOr<UnitReceipts> PlaceRecipients(std::span<const Employee> employees, const OrgLookup& lookup,
                                             const std::vector<std::pair<EmployeeId, Receipts>>& receipts) {
  RecipientPlacer placer(employees, lookup);
  UnitReceipts out;
  absl::flat_hash_map<OrgUnitId, std::size_t> slot_of;
  for (const auto& [id, t] : receipts) {
    absl::StatusOr<OrgUnitId> unit = placer.UnitOf(id, t.latest_on);
    if (!unit.ok()) {
      return absl::Status(unit.status().code(),
                          absl::StrCat(ToString(t.latest_id), ": recipients: ", unit.status().message()));
    }
    if (!unit->valid()) continue;
    const auto [it, added] = slot_of.try_emplace(*unit, out.units.size());
    if (added) {
      out.units.push_back(*unit);
      out.recipients.push_back(0);
      out.received.push_back(0);
    }
    ++out.recipients[it->second];
    out.received[it->second] += t.received;
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<RecognitionUnitCount>> RecognitionsByUnit(const RecognitionBook& book,
                                                                     std::span<const Employee> employees,
                                                                     const OrgLookup& lookup,
                                                                     const RecognitionCountQuery& query) {
  HRKIT_RETURN_IF_ERROR(CheckQuery(query));
  HRKIT_ASSIGN_OR_RETURN(const UnitReceipts placed, PlaceRecipients(employees, lookup, CollectReceipts(book, query)));
  HRKIT_ASSIGN_OR_RETURN(
      const relations_internal::UnitGroupTree tree,
      relations_internal::BuildUnitGroupTree(placed.units, query.as_of, lookup, relations_internal::UnitPaths::kNone));
  std::vector<GroupCount> groups(tree.unit.size());
  std::vector<std::int64_t> received(tree.unit.size(), 0);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = 0, .key = tree.unit[g].value()};
  }
  for (std::size_t u = 0; u < placed.units.size(); ++u) {
    const std::size_t g = tree.index_of.at(placed.units[u]);
    groups[g].count += placed.recipients[u];
    received[g] += placed.received[u];
  }
  // Subtree sums: children come after their parents, so a pass from the
  // back adds each group's total to its parent once the group is complete.
  for (std::size_t g = groups.size(); g-- > 0;) {
    if (groups[g].parent < 0) continue;
    const auto parent = static_cast<std::size_t>(groups[g].parent);
    groups[parent].count += groups[g].count;
    received[parent] += received[g];
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Suppression> verdicts,
                         SuppressGroups(groups, query.thresholds, Disclosure::kAggregates));
  std::vector<RecognitionUnitCount> out(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out[g].unit = tree.unit[g];
    out[g].parent = tree.parent[g];
    out[g].suppression = verdicts[g];
    if (IsShown(verdicts[g])) {
      out[g].recipients = groups[g].count;
      out[g].received = received[g];
    }
  }
  return out;
}

absl::StatusOr<std::vector<RecognitionValueCount>> RecognitionsByValue(const RecognitionBook& book,
                                                                       const RecognitionCountQuery& query) {
  HRKIT_RETURN_IF_ERROR(CheckQuery(query));
  const std::vector<std::string>& values = book.company_values();
  absl::flat_hash_map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < values.size(); ++k) index.emplace(values[k], k);
  std::vector<std::int64_t> tagged(values.size(), 0);
  std::vector<absl::flat_hash_set<EmployeeId>> recipients(values.size());
  for (const Recognition& r : book.recognitions()) {
    if (!Counted(r, query)) continue;
    for (const std::string& tag : r.values) {
      const auto it = index.find(tag);
      if (it == index.end()) continue;  // the book refuses unknown tags
      ++tagged[it->second];
      recipients[it->second].insert(r.recipients.begin(), r.recipients.end());
    }
  }
  // Every value is a root of its own: values overlap and are no parts of a
  // whole, so only the minimum rule applies to them.
  std::vector<GroupCount> groups(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    groups[k] = {
        .parent = -1, .count = static_cast<std::int64_t>(recipients[k].size()), .key = static_cast<std::int64_t>(k)};
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Suppression> verdicts,
                         SuppressGroups(groups, query.thresholds, Disclosure::kAggregates));
  std::vector<RecognitionValueCount> out(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    out[k].value = values[k];
    out[k].suppression = verdicts[k];
    if (IsShown(verdicts[k])) {
      out[k].recognitions = tagged[k];
      out[k].recipients = groups[k].count;
    }
  }
  return out;
}

}  // namespace hrkit
