#include "hrkit/org/org_lookup.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {
constexpr std::int32_t kNoSlot = -1;  // DenseIdIndex::kNone
}  // namespace

template <class Entry>
std::int64_t OrgLookup::EntryOn(const std::vector<Entry>& entries, std::uint32_t begin, std::uint32_t end, Date date) {
  auto first = entries.begin() + begin;
  auto last = entries.begin() + end;
  auto pos = std::upper_bound(first, last, date, [](Date d, const Entry& e) { return d < e.effective; });
  if (pos == first) return -1;
  return std::prev(pos) - entries.begin();
}

template <class Entry>
Date OrgLookup::NextChange(const std::vector<Entry>& entries, std::uint32_t begin, std::uint32_t end, Date date) {
  auto first = entries.begin() + begin;
  auto last = entries.begin() + end;
  auto pos = std::upper_bound(first, last, date, [](Date d, const Entry& e) { return d < e.effective; });
  return pos == last ? OpenEnd() : pos->effective;
}

absl::StatusOr<OrgLookup> OrgLookup::Build(std::span<const OrgUnit> units, std::span<const Position> positions) {
  return GuardExceptions("org lookup", [&]() -> absl::StatusOr<OrgLookup> {
    OrgLookup lookup;
    std::int64_t max_unit_id = 0;
    for (const OrgUnit& unit : units) max_unit_id = std::max(max_unit_id, unit.id.value());
    std::int64_t max_position_id = 0;
    for (const Position& position : positions) max_position_id = std::max(max_position_id, position.id.value());
    lookup.unit_index_.Reset(max_unit_id, units.size());
    lookup.position_index_.Reset(max_position_id, positions.size());
    lookup.unit_offsets_.reserve(units.size() + 1);
    for (const OrgUnit& unit : units) {
      if (!unit.id.valid()) {
        return absl::InvalidArgumentError(absl::StrCat("org lookup: invalid org unit id ", unit.id.value()));
      }
      if (!lookup.unit_index_.Insert(unit.id, static_cast<std::int32_t>(lookup.unit_index_.size()))) {
        return absl::InvalidArgumentError(absl::StrCat("org lookup: duplicate ", ToString(unit.id)));
      }
      for (const auto& segment : unit.history.Segments()) {
        lookup.unit_entries_.push_back(UnitEntry{segment.period.begin(), segment.value->parent});
      }
      lookup.unit_offsets_.push_back(static_cast<std::uint32_t>(lookup.unit_entries_.size()));
    }
    lookup.position_offsets_.reserve(positions.size() + 1);
    for (const Position& position : positions) {
      if (!position.id.valid()) {
        return absl::InvalidArgumentError(absl::StrCat("org lookup: invalid position id ", position.id.value()));
      }
      if (!lookup.position_index_.Insert(position.id, static_cast<std::int32_t>(lookup.position_index_.size()))) {
        return absl::InvalidArgumentError(absl::StrCat("org lookup: duplicate ", ToString(position.id)));
      }
      for (const auto& segment : position.history.Segments()) {
        lookup.position_entries_.push_back(
            PositionEntry{segment.period.begin(), segment.value->org_unit, segment.value->grade});
      }
      lookup.position_offsets_.push_back(static_cast<std::uint32_t>(lookup.position_entries_.size()));
    }
    return lookup;
  });
}

absl::StatusOr<PositionPlacement> OrgLookup::PlacementOn(PositionId position, Date date) const {
  const std::int32_t slot = position_index_.Find(position);
  if (slot == kNoSlot) {
    return absl::NotFoundError(absl::StrCat(ToString(position), " is not in the org lookup"));
  }
  const std::int64_t entry = EntryOn(position_entries_, position_offsets_[slot], position_offsets_[slot + 1], date);
  if (entry < 0) return PositionPlacement{};
  const PositionEntry& e = position_entries_[static_cast<std::size_t>(entry)];
  return PositionPlacement{e.org_unit, e.grade};
}

Date OrgLookup::NextPositionChange(PositionId position, Date date) const {
  const std::int32_t slot = position_index_.Find(position);
  if (slot == kNoSlot) return OpenEnd();
  return NextChange(position_entries_, position_offsets_[slot], position_offsets_[slot + 1], date);
}

std::optional<OrgLookup::PositionView> OrgLookup::ViewPosition(PositionId position, Date date) const {
  const std::int32_t slot = position_index_.Find(position);
  if (slot == kNoSlot) return std::nullopt;
  const std::uint32_t begin = position_offsets_[slot];
  const std::uint32_t end = position_offsets_[slot + 1];
  PositionView view;
  const std::int64_t entry = EntryOn(position_entries_, begin, end, date);
  if (entry >= 0) {
    const PositionEntry& e = position_entries_[static_cast<std::size_t>(entry)];
    view.org_unit = e.org_unit;
    view.grade = e.grade;
  }
  view.next_change = NextChange(position_entries_, begin, end, date);
  return view;
}

absl::Status OrgLookup::UnitPathOn(OrgUnitId unit, Date date, std::vector<OrgUnitId>* path, Period* stable) const {
  path->clear();
  Date from(boost::gregorian::min_date_time);
  Date until = OpenEnd();
  OrgUnitId current = unit;
  while (current.valid()) {
    const std::int32_t slot = unit_index_.Find(current);
    if (slot == kNoSlot) {
      return absl::NotFoundError(
          absl::StrCat(ToString(current), " is not in the org lookup (on the path of ", ToString(unit), ")"));
    }
    if (path->size() > unit_index_.size()) {
      return absl::FailedPreconditionError(
          absl::StrCat("the parents of ", ToString(unit), " form a cycle on ", FormatIsoDate(date)));
    }
    path->push_back(current);
    const std::uint32_t begin = unit_offsets_[slot];
    const std::uint32_t end = unit_offsets_[slot + 1];
    const std::int64_t entry = EntryOn(unit_entries_, begin, end, date);
    if (stable != nullptr) {
      until = std::min(until, NextChange(unit_entries_, begin, end, date));
      if (entry >= 0) from = std::max(from, unit_entries_[static_cast<std::size_t>(entry)].effective);
    }
    current = entry < 0 ? OrgUnitId() : unit_entries_[static_cast<std::size_t>(entry)].parent;
  }
  if (stable != nullptr) *stable = Period(from, until);
  return absl::OkStatus();
}

bool OrgLookup::InSubtree(OrgUnitId unit, OrgUnitId root, Date date) const {
  OrgUnitId current = unit;
  for (std::size_t steps = 0; current.valid() && steps <= unit_index_.size(); ++steps) {
    const std::int32_t slot = unit_index_.Find(current);
    if (slot == kNoSlot) return false;
    if (current == root) return true;
    const std::int64_t entry = EntryOn(unit_entries_, unit_offsets_[slot], unit_offsets_[slot + 1], date);
    current = entry < 0 ? OrgUnitId() : unit_entries_[static_cast<std::size_t>(entry)].parent;
  }
  return false;
}

Date OrgLookup::NextPathChange(OrgUnitId unit, Date date) const {
  Date next = OpenEnd();
  OrgUnitId current = unit;
  for (std::size_t steps = 0; current.valid() && steps <= unit_index_.size(); ++steps) {
    const std::int32_t slot = unit_index_.Find(current);
    if (slot == kNoSlot) break;
    const std::uint32_t begin = unit_offsets_[slot];
    const std::uint32_t end = unit_offsets_[slot + 1];
    next = std::min(next, NextChange(unit_entries_, begin, end, date));
    const std::int64_t entry = EntryOn(unit_entries_, begin, end, date);
    current = entry < 0 ? OrgUnitId() : unit_entries_[static_cast<std::size_t>(entry)].parent;
  }
  return next;
}

void FillRecordFacts(const EmploymentRecord& record, Date date, EmployeeFacts* facts) {
  facts->as_of = date;
  facts->location = record.location;
  facts->employment_type = record.type;
  facts->fte = record.fte;
  facts->seniority_start = IsRealDate(record.seniority_start) ? record.seniority_start : record.employment_start;
  facts->grade.clear();
  facts->org_unit = OrgUnitId();
  facts->unit_path.clear();
}

absl::Status FillFacts(EmployeeId employee, const EmploymentRecord& record, const OrgLookup& lookup, Date date,
                       EmployeeFacts* facts) {
  FillRecordFacts(record, date, facts);
  if (!record.position.valid()) return absl::OkStatus();
  absl::StatusOr<PositionPlacement> placement = lookup.PlacementOn(record.position, date);
  if (!placement.ok()) {
    return absl::Status(placement.status().code(),
                        absl::StrCat(ToString(employee), ": ", placement.status().message()));
  }
  facts->org_unit = placement->org_unit;
  facts->grade = std::move(placement->grade);
  if (facts->org_unit.valid()) {
    if (absl::Status s = lookup.UnitPathOn(facts->org_unit, date, &facts->unit_path); !s.ok()) {
      return absl::Status(s.code(), absl::StrCat(ToString(employee), ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<EmployeeFacts> FactsFromRecord(EmployeeId employee, const EmploymentRecord& record,
                                              const OrgLookup& lookup, Date date) {
  EmployeeFacts facts;
  HRKIT_RETURN_IF_ERROR(FillFacts(employee, record, lookup, date, &facts));
  return facts;
}

absl::StatusOr<EmployeeFacts> FactsOn(const Employee& employee, const OrgLookup& lookup, Date date) {
  const EmploymentRecord* record = employee.employment.At(date);
  if (record == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(employee.id), " has no employment record on ", FormatIsoDate(date)));
  }
  return FactsFromRecord(employee.id, *record, lookup, date);
}

}  // namespace hrkit
