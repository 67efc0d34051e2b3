#include "hrkit/leave/policy_assignment.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

bool ValidEnd(Date end) { return IsRealDate(end) || end.is_pos_infinity(); }

bool Covers(Date begin, Date end, Date day) { return begin <= day && day < end; }

// Candidates of one leave type, best first: priority descending, then policy
// id ascending.
struct TypeCandidates {
  LeaveTypeId leave_type;
  std::vector<const PolicyCandidate*> ordered;
  // Per ordered candidate: its index in Resolver::tenure_months_, or -1.
  std::vector<int> tenure_slot;
};

// One stretch of employed days with constant facts.
struct FactInterval {
  Date begin;
  Date end;
  EmployeeFacts facts;
  std::vector<Date> milestones;  // TenureMilestone for each of Resolver::tenure_months_
};

// Resolves employees one after the other, reusing its buffers.
class Resolver {
 public:
  Resolver(std::span<const PolicyCandidate> candidates, const OrgLookup& lookup, const Period& range)
      : lookup_(lookup), range_begin_(range.begin()), range_end_(range.end()) {
    for (const PolicyCandidate& c : candidates) {
      auto it = std::find_if(types_.begin(), types_.end(),
                             [&](const TypeCandidates& t) { return t.leave_type == c.leave_type; });
      if (it == types_.end()) {
        types_.push_back(TypeCandidates{c.leave_type, {}, {}});
        it = std::prev(types_.end());
      }
      it->ordered.push_back(&c);
    }
    for (TypeCandidates& t : types_) {
      std::stable_sort(t.ordered.begin(), t.ordered.end(), [](const PolicyCandidate* a, const PolicyCandidate* b) {
        if (a->priority != b->priority) return a->priority > b->priority;
        return a->policy < b->policy;
      });
    }
    std::sort(types_.begin(), types_.end(),
              [](const TypeCandidates& a, const TypeCandidates& b) { return a.leave_type < b.leave_type; });
    for (const PolicyCandidate& c : candidates) {
      if (c.rule.min_tenure_months > 0) tenure_months_.push_back(c.rule.min_tenure_months);
    }
    std::sort(tenure_months_.begin(), tenure_months_.end());
    tenure_months_.erase(std::unique(tenure_months_.begin(), tenure_months_.end()), tenure_months_.end());
    for (TypeCandidates& t : types_) {
      for (const PolicyCandidate* c : t.ordered) {
        int slot = -1;
        if (c->rule.min_tenure_months > 0) {
          slot = static_cast<int>(
              std::lower_bound(tenure_months_.begin(), tenure_months_.end(), c->rule.min_tenure_months) -
              tenure_months_.begin());
        }
        t.tenure_slot.push_back(slot);
      }
    }
  }

  // Appends the segments of `employee` to `*out`. `assignments` are the
  // employee's own, sorted by (leave type, begin) and free of overlaps.
  absl::Status Resolve(const Employee& employee, std::span<const PolicyAssignment* const> assignments,
                       std::vector<PolicySegment>* out) {
    HRKIT_RETURN_IF_ERROR(BuildFactIntervals(employee));
    if (interval_count_ == 0) return absl::OkStatus();
    // Leave types: the candidates' (sorted) merged with the assignments' (sorted).
    std::size_t ti = 0;
    std::size_t ai = 0;
    while (ti < types_.size() || ai < assignments.size()) {
      LeaveTypeId type;
      if (ai == assignments.size() || (ti < types_.size() && types_[ti].leave_type <= assignments[ai]->leave_type)) {
        type = types_[ti].leave_type;
      } else {
        type = assignments[ai]->leave_type;
      }
      const TypeCandidates* candidates = nullptr;
      if (ti < types_.size() && types_[ti].leave_type == type) candidates = &types_[ti++];
      const std::size_t first_assignment = ai;
      while (ai < assignments.size() && assignments[ai]->leave_type == type) ++ai;
      ResolveType(employee.id, type, candidates, assignments.subspan(first_assignment, ai - first_assignment), out);
    }
    return absl::OkStatus();
  }

 private:
  absl::Status BuildFactIntervals(const Employee& employee) {
    interval_count_ = 0;
    const auto& entries = employee.employment.Entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i + 1 < entries.size() && entries[i + 1].effective == entries[i].effective) continue;  // not the day's last
      const EmploymentRecord& record = entries[i].value;
      if (!IsEmployed(record)) continue;
      const Date seg_end = i + 1 < entries.size() ? entries[i + 1].effective : OpenEnd();
      const Date begin = std::max(entries[i].effective, range_begin_);
      const Date end = std::min(seg_end, range_end_);
      Date day = begin;
      while (day < end) {
        if (interval_count_ == intervals_.size()) intervals_.emplace_back();
        FactInterval& interval = intervals_[interval_count_];
        Date next = end;
        HRKIT_RETURN_IF_ERROR(FillFactsCached(employee.id, record, day, &interval.facts, &next));
        interval.milestones.clear();
        for (std::int32_t months : tenure_months_) {
          interval.milestones.push_back(TenureMilestone(interval.facts.seniority_start, months));
        }
        interval.begin = day;
        interval.end = next;
        ++interval_count_;
        day = next;
      }
    }
    return absl::OkStatus();
  }

  // FillFacts (org/org_lookup.hpp) with one position look-up and a cache of
  // unit paths; lowers `*next` to the first day the position or the path
  // changes.
  absl::Status FillFactsCached(EmployeeId employee, const EmploymentRecord& record, Date day, EmployeeFacts* facts,
                               Date* next) {
    FillRecordFacts(record, day, facts);
    if (!record.position.valid()) return absl::OkStatus();
    const std::optional<OrgLookup::PositionView> view = lookup_.ViewPosition(record.position, day);
    if (!view.has_value()) {
      return absl::NotFoundError(
          absl::StrCat(ToString(employee), ": ", ToString(record.position), " is not in the org lookup"));
    }
    *next = std::min(*next, view->next_change);
    facts->org_unit = view->org_unit;
    facts->grade.assign(view->grade.data(), view->grade.size());
    if (!facts->org_unit.valid()) return absl::OkStatus();
    auto [it, inserted] = path_cache_.try_emplace(facts->org_unit);
    CachedPath& cached = it->second;
    if (inserted || day < cached.stable.begin() || !(day < cached.stable.end())) {
      if (absl::Status s = lookup_.UnitPathOn(facts->org_unit, day, &cached.path, &cached.stable); !s.ok()) {
        path_cache_.erase(it);
        return absl::Status(s.code(), absl::StrCat(ToString(employee), ": ", s.message()));
      }
    }
    facts->unit_path.assign(cached.path.begin(), cached.path.end());
    *next = std::min(*next, cached.stable.end());
    return absl::OkStatus();
  }

  void ResolveType(EmployeeId employee, LeaveTypeId type, const TypeCandidates* candidates,
                   std::span<const PolicyAssignment* const> assignments, std::vector<PolicySegment>* out) {
    const std::size_t first_out = out->size();
    for (std::size_t k = 0; k < interval_count_; ++k) {
      FactInterval& interval = intervals_[k];
      cuts_.clear();
      cuts_.push_back(interval.begin);
      cuts_.push_back(interval.end);
      auto add_cut = [&](Date d) {
        if (interval.begin < d && d < interval.end) cuts_.push_back(d);
      };
      if (candidates != nullptr) {
        for (std::size_t i = 0; i < candidates->ordered.size(); ++i) {
          const PolicyCandidate* c = candidates->ordered[i];
          if (c->validity.begin() >= interval.end || c->validity.end() <= interval.begin) continue;
          add_cut(c->validity.begin());
          add_cut(c->validity.end());
          if (const int slot = candidates->tenure_slot[i]; slot >= 0) {
            add_cut(interval.milestones[static_cast<std::size_t>(slot)]);
          }
        }
      }
      for (const PolicyAssignment* a : assignments) {
        add_cut(a->begin);
        add_cut(a->end);
      }
      std::sort(cuts_.begin(), cuts_.end());
      cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
      for (std::size_t c = 0; c + 1 < cuts_.size(); ++c) {
        const Date from = cuts_[c];
        const Date to = cuts_[c + 1];
        LeavePolicyId policy;
        bool found = false;
        for (const PolicyAssignment* a : assignments) {
          if (Covers(a->begin, a->end, from)) {
            policy = a->policy;
            found = true;
            break;
          }
        }
        if (!found && candidates != nullptr) {
          interval.facts.as_of = from;
          for (const PolicyCandidate* cand : candidates->ordered) {
            if (Covers(cand->validity.begin(), cand->validity.end(), from) && Matches(cand->rule, interval.facts)) {
              policy = cand->policy;
              found = true;
              break;
            }
          }
        }
        if (!found) continue;
        if (out->size() > first_out) {
          PolicySegment& last = out->back();
          if (last.policy == policy && last.period.end() == from) {
            last.period = Period(last.period.begin(), to);
            continue;
          }
        }
        out->push_back(PolicySegment{employee, type, policy, Period(from, to)});
      }
    }
  }

  const OrgLookup& lookup_;
  Date range_begin_;
  Date range_end_;
  std::vector<TypeCandidates> types_;
  std::vector<std::int32_t> tenure_months_;  // the distinct minimum tenures of the candidates
  std::vector<FactInterval> intervals_;      // the first interval_count_ are in use
  std::size_t interval_count_ = 0;
  std::vector<Date> cuts_;
  // A unit's path and the days it holds on.
  struct CachedPath {
    std::vector<OrgUnitId> path;
    Period stable{Date(2000, 1, 1), Date(2000, 1, 1)};
  };
  absl::flat_hash_map<OrgUnitId, CachedPath> path_cache_;
};

absl::Status ValidateRange(const Period& range) {
  if (!IsRealDate(range.begin()) || !ValidEnd(range.end()) || range.end() <= range.begin()) {
    return absl::InvalidArgumentError(absl::StrCat("policy resolution: range [", FormatIsoDate(range.begin()), ", ",
                                                   FormatIsoDate(range.end()),
                                                   ") must start on a real date and end after it"));
  }
  return absl::OkStatus();
}

absl::Status ValidateCandidates(std::span<const PolicyCandidate> candidates) {
  for (const PolicyCandidate& c : candidates) HRKIT_RETURN_IF_ERROR(ValidatePolicyCandidate(c));
  return absl::OkStatus();
}

// Sorts one employee's assignments by (leave type, begin) and rejects overlaps.
absl::Status SortAndCheck(std::vector<const PolicyAssignment*>* assignments) {
  std::sort(assignments->begin(), assignments->end(), [](const PolicyAssignment* a, const PolicyAssignment* b) {
    if (a->leave_type != b->leave_type) return a->leave_type < b->leave_type;
    if (a->begin != b->begin) return a->begin < b->begin;
    return a->id < b->id;
  });
  for (std::size_t i = 1; i < assignments->size(); ++i) {
    const PolicyAssignment& prev = *(*assignments)[i - 1];
    const PolicyAssignment& next = *(*assignments)[i];
    if (prev.leave_type == next.leave_type && next.begin < prev.end) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToString(prev.id), " [", FormatIsoDate(prev.begin), ", ", FormatIsoDate(prev.end), ") and ",
                       ToString(next.id), " [", FormatIsoDate(next.begin), ", ", FormatIsoDate(next.end),
                       ") overlap for ", ToString(next.employee), " and ", ToString(next.leave_type)));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidatePolicyAssignment(const PolicyAssignment& a) {
  auto bad = [&](std::string_view field, std::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(a.id), ": ", ToAbsl(field), " ", ToAbsl(what)));
  };
  if (!a.id.valid()) return bad("id", "must be positive");
  if (!a.employee.valid()) return bad("employee", absl::StrCat("is invalid (", a.employee.value(), ")"));
  if (!a.leave_type.valid()) return bad("leave_type", absl::StrCat("is invalid (", a.leave_type.value(), ")"));
  if (!a.policy.valid()) return bad("policy", absl::StrCat("is invalid (", a.policy.value(), ")"));
  if (!IsRealDate(a.begin)) return bad("begin", absl::StrCat("must be a real date, got ", FormatIsoDate(a.begin)));
  if (!ValidEnd(a.end)) return bad("end", absl::StrCat("must be a real date or open, got ", FormatIsoDate(a.end)));
  if (a.end <= a.begin) {
    return bad("end", absl::StrCat(FormatIsoDate(a.end), " must be after begin ", FormatIsoDate(a.begin)));
  }
  return absl::OkStatus();
}

absl::Status ValidatePolicyAssignments(std::span<const PolicyAssignment> assignments) {
  absl::flat_hash_map<EmployeeId, std::vector<const PolicyAssignment*>> by_employee;
  for (const PolicyAssignment& a : assignments) {
    HRKIT_RETURN_IF_ERROR(ValidatePolicyAssignment(a));
    by_employee[a.employee].push_back(&a);
  }
  // Report the lowest employee's overlap first, so the message is stable.
  std::vector<EmployeeId> employees;
  employees.reserve(by_employee.size());
  for (const auto& [employee, list] : by_employee) employees.push_back(employee);
  std::sort(employees.begin(), employees.end());
  for (EmployeeId employee : employees) HRKIT_RETURN_IF_ERROR(SortAndCheck(&by_employee[employee]));
  return absl::OkStatus();
}

absl::Status ValidatePolicyCandidate(const PolicyCandidate& c) {
  const std::string owner = absl::StrCat("candidate ", ToString(c.policy));
  if (!c.policy.valid()) return absl::InvalidArgumentError(absl::StrCat(owner, ": policy is invalid"));
  if (!c.leave_type.valid()) {
    return absl::InvalidArgumentError(absl::StrCat(owner, ": leave_type is invalid (", c.leave_type.value(), ")"));
  }
  if (!IsRealDate(c.validity.begin()) || !ValidEnd(c.validity.end()) || c.validity.end() <= c.validity.begin()) {
    return absl::InvalidArgumentError(absl::StrCat(owner, ": validity [", FormatIsoDate(c.validity.begin()), ", ",
                                                   FormatIsoDate(c.validity.end()),
                                                   ") must start on a real date and end after it"));
  }
  return ValidateEligibilityRule(c.rule, owner);
}

absl::StatusOr<std::vector<PolicySegment>> ResolvePolicySegments(const Employee& employee,
                                                                 std::span<const PolicyCandidate> candidates,
                                                                 std::span<const PolicyAssignment> assignments,
                                                                 const OrgLookup& lookup, const Period& range) {
  return GuardExceptions("policy resolution", [&]() -> absl::StatusOr<std::vector<PolicySegment>> {
    HRKIT_RETURN_IF_ERROR(ValidateRange(range));
    HRKIT_RETURN_IF_ERROR(ValidateCandidates(candidates));
    std::vector<const PolicyAssignment*> own;
    for (const PolicyAssignment& a : assignments) {
      if (a.employee != employee.id) continue;
      HRKIT_RETURN_IF_ERROR(ValidatePolicyAssignment(a));
      own.push_back(&a);
    }
    HRKIT_RETURN_IF_ERROR(SortAndCheck(&own));
    Resolver resolver(candidates, lookup, range);
    std::vector<PolicySegment> out;
    HRKIT_RETURN_IF_ERROR(resolver.Resolve(employee, own, &out));
    return out;
  });
}

absl::StatusOr<PolicySegmentTable> ResolvePolicySegmentsForAll(std::span<const Employee> employees,
                                                               std::span<const PolicyCandidate> candidates,
                                                               std::span<const PolicyAssignment> assignments,
                                                               const OrgLookup& lookup, const Period& range,
                                                               ProgressSink* progress) {
  return GuardExceptions("policy resolution", [&]() -> absl::StatusOr<PolicySegmentTable> {
    constexpr std::string_view kStage = "resolve policies";
    const auto total = static_cast<std::int64_t>(employees.size());
    HRKIT_RETURN_IF_ERROR(ValidateRange(range));
    HRKIT_RETURN_IF_ERROR(ValidateCandidates(candidates));
    HRKIT_RETURN_IF_ERROR(ValidatePolicyAssignments(assignments));
    absl::flat_hash_map<EmployeeId, std::vector<const PolicyAssignment*>> by_employee;
    for (const PolicyAssignment& a : assignments) by_employee[a.employee].push_back(&a);
    for (auto& [employee, list] : by_employee) HRKIT_RETURN_IF_ERROR(SortAndCheck(&list));

    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, kStage, 0, total));
    Resolver resolver(candidates, lookup, range);
    PolicySegmentTable table;
    table.offsets.reserve(employees.size() + 1);
    table.segments.reserve(employees.size());
    constexpr std::size_t kReportEvery = 65536;
    for (std::size_t i = 0; i < employees.size(); ++i) {
      const Employee& employee = employees[i];
      std::span<const PolicyAssignment* const> own;
      if (!by_employee.empty()) {
        if (auto it = by_employee.find(employee.id); it != by_employee.end()) own = it->second;
      }
      HRKIT_RETURN_IF_ERROR(resolver.Resolve(employee, own, &table.segments));
      table.offsets.push_back(table.segments.size());
      if ((i + 1) % kReportEvery == 0) {
        HRKIT_RETURN_IF_ERROR(ReportProgress(progress, kStage, static_cast<std::int64_t>(i + 1), total));
      }
    }
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, kStage, total, total));
    return table;
  });
}

std::optional<LeavePolicyId> PolicyOn(std::span<const PolicySegment> segments, LeaveTypeId leave_type, Date date) {
  for (const PolicySegment& s : segments) {
    if (s.leave_type == leave_type && Covers(s.period.begin(), s.period.end(), date)) return s.policy;
  }
  return std::nullopt;
}

}  // namespace hrkit
