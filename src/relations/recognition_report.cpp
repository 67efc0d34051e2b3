#include "hrkit/relations/recognition_report.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
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
  const Recognition* latest = nullptr;  // the latest recognition (then the highest id)
  OrgUnitId unit{};                     // where they were on its date
};

std::vector<std::pair<EmployeeId, Receipts>> CollectReceipts(const RecognitionBook& book,
                                                             const RecognitionCountQuery& q) {
  absl::flat_hash_map<EmployeeId, Receipts> by_recipient;
  for (const Recognition& r : book.recognitions()) {
    if (!Counted(r, q)) continue;
    for (const EmployeeId e : r.recipients) {
      Receipts& t = by_recipient[e];
      ++t.received;
      if (t.latest == nullptr || t.latest->given_on < r.given_on ||
          (t.latest->given_on == r.given_on && t.latest->id < r.id)) {
        t.latest = &r;
      }
    }
  }
  std::vector<std::pair<EmployeeId, Receipts>> out(by_recipient.begin(), by_recipient.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Places every recipient in the unit of their position on their latest
// recognition's date (invalid: no position then).
absl::Status PlaceRecipients(std::span<const Employee> employees, const OrgLookup& lookup,
                             std::vector<std::pair<EmployeeId, Receipts>>& receipts) {
  absl::flat_hash_map<EmployeeId, const Employee*> by_id;
  for (const Employee& e : employees) by_id.emplace(e.id, &e);
  for (auto& [id, t] : receipts) {
    const std::string where = absl::StrCat(ToString(t.latest->id), ": recipients: ");
    const auto it = by_id.find(id);
    if (it == by_id.end()) return absl::NotFoundError(absl::StrCat(where, ToString(id), " is not a known employee"));
    absl::StatusOr<EmployeeFacts> facts = FactsOn(*it->second, lookup, t.latest->given_on);
    if (!facts.ok()) return absl::Status(facts.status().code(), absl::StrCat(where, facts.status().message()));
    t.unit = facts->org_unit;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<RecognitionUnitCount>> RecognitionsByUnit(const RecognitionBook& book,
                                                                     std::span<const Employee> employees,
                                                                     const OrgLookup& lookup,
                                                                     const RecognitionCountQuery& query) {
  HRKIT_RETURN_IF_ERROR(CheckQuery(query));
  std::vector<std::pair<EmployeeId, Receipts>> receipts = CollectReceipts(book, query);
  HRKIT_RETURN_IF_ERROR(PlaceRecipients(employees, lookup, receipts));
  std::vector<OrgUnitId> placed;
  for (const auto& [id, t] : receipts) {
    if (t.unit.valid()) placed.push_back(t.unit);
  }
  HRKIT_ASSIGN_OR_RETURN(const relations_internal::UnitGroupTree tree,
                         relations_internal::BuildUnitGroupTree(placed, query.as_of, lookup));
  std::vector<GroupCount> groups(tree.unit.size());
  std::vector<std::int64_t> received(tree.unit.size(), 0);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = 0, .key = tree.unit[g].value()};
  }
  for (const auto& [id, t] : receipts) {
    if (!t.unit.valid()) continue;
    for (const std::size_t g : tree.path_of.at(t.unit)) {
      ++groups[g].count;
      received[g] += t.received;
    }
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
