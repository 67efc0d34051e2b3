// Internal to the org module: the message helpers and timeline walks shared
// by the workforce edits (workforce.cpp) and the cross-entity checks
// (workforce_checks.cpp), and the declaration of those checks.
#ifndef HRKIT_SRC_ORG_WORKFORCE_INTERNAL_HPP_
#define HRKIT_SRC_ORG_WORKFORCE_INTERNAL_HPP_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/org/workforce.hpp"

namespace hrkit::workforce_internal {

// Tolerance for FTE sums (0.1 + 0.2 must fit a budget of 0.3).
inline constexpr double kFteEpsilon = 1e-9;

inline std::string_view PositionStatusName(PositionStatus s) {
  switch (s) {
    case PositionStatus::kOpen:
      return "open";
    case PositionStatus::kFrozen:
      return "frozen";
    case PositionStatus::kClosed:
      return "closed";
  }
  return "unknown";
}

// "<who>: <field>: <what>" with the given code.
inline absl::Status Error(absl::StatusCode code, std::string_view who, std::string_view field, std::string_view what) {
  return absl::Status(code, absl::StrCat(ToAbsl(who), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}
inline absl::Status Precondition(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kFailedPrecondition, who, field, what);
}
inline absl::Status Invalid(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kInvalidArgument, who, field, what);
}
inline absl::Status Missing(std::string_view who, std::string_view field, std::string_view what) {
  return Error(absl::StatusCode::kNotFound, who, field, what);
}

// The segments of `timeline` that overlap [from, OpenEnd()).
template <class T>
std::vector<typename Timeline<T>::Segment> SegmentsFrom(const Timeline<T>& timeline, Date from) {
  std::vector<typename Timeline<T>::Segment> out;
  for (const auto& s : timeline.Segments()) {
    if (s.period.end() > from) out.push_back(s);
  }
  return out;
}

// Appends the days in [begin, end) on which `timeline` changes.
template <class T>
void CollectChangeDays(const Timeline<T>& timeline, Date begin, Date end, std::vector<Date>& out) {
  for (const auto& e : timeline.Entries()) {
    if (e.effective >= begin && e.effective < end) out.push_back(e.effective);
  }
}

// Sorts `days` and drops repeats.
inline void SortUnique(std::vector<Date>& days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

// The first day on or after `from` on which `timeline` has a record whose
// `status` member equals `closed`, or not_a_date_time.
template <class T, class S>
Date FirstDayWith(const Timeline<T>& timeline, Date from, S T::*status, S closed) {
  for (const auto& s : SegmentsFrom(timeline, from)) {
    if (s.value->*status == closed) return std::max(s.period.begin(), from);
  }
  return Date(boost::gregorian::not_a_date_time);
}

// After a status change effective on `effective` turned `old` into
// `updated`: the first later day on which `old` changed the status and
// `updated` no longer does (a later freeze of a seat the edit already froze
// would silently become a no-op, while entered the other way round it is
// refused), or not_a_date_time.
template <class T, class S>
Date LostStatusChange(const Timeline<T>& old, const Timeline<T>& updated, Date effective, S T::*status) {
  for (const auto& entry : old.Entries()) {
    if (entry.effective <= effective) continue;
    const Date before = entry.effective - boost::gregorian::days(1);
    const T* old_prev = old.At(before);
    const T* old_final = old.At(entry.effective);
    const T* new_prev = updated.At(before);
    if (old_prev == nullptr || old_final == nullptr || new_prev == nullptr) continue;
    if (old_prev->*status != old_final->*status && new_prev->*status == old_final->*status) return entry.effective;
  }
  return Date(boost::gregorian::not_a_date_time);
}

}  // namespace hrkit::workforce_internal

namespace hrkit {

// The rules that need several entities, checked on a workforce with one
// edited entity (`unit`, `position` or `employee`, at most one set) standing
// in for the stored one of the same id. An edit is applied to its entity's
// timeline first; then the edit's entry point below checks every invariant
// the change can reach, on every day from its effective date to the end of
// the affected histories. Each returns OK or the first violation (entities
// are visited in id order, so the answer is deterministic).
struct Workforce::Checker {
  const Workforce& w;
  const OrgUnit* unit = nullptr;
  const Position* position = nullptr;
  const Employee* employee = nullptr;

  // ---- Entry points, one per kind of edited entity ------------------------

  // A created or changed unit, from `from` on: the parent is open wherever
  // the unit is, the tree has no cycle, a closed unit stays closed under the
  // same parent, and nothing is left in the unit once it is closed.
  absl::Status UnitEdit(Date from) const;
  // A created or changed position, from `from` on: a closed position stays
  // closed and unchanged; where not closed it sits in an open unit and
  // reports to an existing position that is not closed, without a cycle;
  // nothing that is not closed reports to it while it is closed; every
  // holder's rules (held only while not closed, entered only while open, FTE
  // within budget); reporting lines without a cycle.
  absl::Status PositionEdit(Date from) const;
  // A changed employee after `event`, from `from` on: the target position is
  // open then; every stretch from `from` on names an existing location, an
  // acting manager employed throughout, and a position that exists, is not
  // closed while held, was open when entered and stays within its budget; a
  // terminated person manages no one; reporting lines without a cycle.
  absl::Status EmployeeEdit(const LifecycleEvent& event, Date from) const;

  // The first day in [begin, end) on which `e` holds `position` while
  // employed, or not_a_date_time.
  static Date FirstHeld(const Employee& e, PositionId position, Date begin, Date end);

 private:
  // Lookups that see the edited entity in place of the stored one.
  const OrgUnit* Unit(OrgUnitId id) const;
  const Position* Pos(PositionId id) const;
  const Employee* Emp(EmployeeId id) const;
  // Everyone who ever held `id` in any record, by id.
  std::vector<const Employee*> EverHolders(PositionId id) const;
  // The lowest-id employee holding `id` while employed on `date`, or invalid.
  EmployeeId FirstHolderOn(PositionId id, Date date) const;

  absl::Status ParentOpen(std::string_view who, OrgUnitId parent, Date begin, Date end) const;
  absl::Status UnitParents(const OrgUnit& u, Date from) const;
  absl::Status UnitAcyclic(const OrgUnit& u, Date from) const;
  absl::Status UnitEmpty(OrgUnitId id, Date from) const;

  absl::Status PositionUnits(const Position& p, Date from) const;
  absl::Status ReportsToOpen(const Position& p, Date from) const;
  absl::Status NothingReportsTo(PositionId id, Date from) const;
  absl::Status PositionAcyclic(const Position& p, Date from) const;
  absl::Status Budget(const Position& p, Date begin, Date end) const;

  absl::Status HeldPositions(const Employee& e, Date from) const;
  absl::Status StretchReferences(const Employee& e, Date from) const;
  absl::Status ManagesNoOneAfter(const Employee& e, Date from) const;

  // The manager of `id` on `date` by the rules of org/snapshot.hpp, or an
  // invalid id.
  EmployeeId ManagerOn(EmployeeId id, Date date) const;
  // Reporting lines (acting managers and the position lines together) have
  // no cycle on any day from `from` on; `who` names the edited entity.
  absl::Status ReportingAcyclic(std::string_view who, Date from) const;
};

}  // namespace hrkit

#endif  // HRKIT_SRC_ORG_WORKFORCE_INTERNAL_HPP_
