// Test support for the order-independence property test: the invariants
// checked after every step, each computed naively from the entities (no
// snapshot, no index) and returned as a description of the first violation,
// or an empty string when it holds.
//
// Thread safety: pure functions over const values; safe to use concurrently.
#ifndef HRKIT_TESTS_ORG_ORDER_CHECKS_SUPPORT_HPP_
#define HRKIT_TESTS_ORG_ORDER_CHECKS_SUPPORT_HPP_

#include <span>
#include <string>
#include <vector>

#include "hrkit/core/date.hpp"
#include "hrkit/org/workforce.hpp"

namespace hrkit::order_test {

// Every day from `from` on on which some unit, position or employee record
// takes effect, plus the days of `extra` from `from` on, sorted and without
// duplicates.
std::vector<Date> ChangeDays(const Workforce& w, std::span<const Date> extra, Date from);

// (a) The stored entities of `a` and `b` are identical (histories, replaced
// entries and recorded dates included), as are the holders on every day of
// `days` and the next free ids.
std::string StateDiff(const Workforce& a, const Workforce& b, std::span<const Date> days);

// (e) The as-of views are equal: for every entity, the record in effect on
// every day on which either side changes. Employment records are compared
// by their job data (status, type, FTE, position, location, schedule, cost
// centre, acting manager, termination kind, employment and seniority start),
// not by the bookkeeping fields (event code, reason, carried_forward) that
// say which entry set them. Entities named in `skip` ("position:3") are not
// compared, nor days from `until` on.
std::string ViewDiff(const Workforce& a, const Workforce& b, std::span<const std::string> skip, Date until = OpenEnd());

// An accepted edit effective on `from` changes nothing before it: every
// entity of `before` has the same as-of views on the days before `from` in
// `after`, and an entity the edit created has no history before `from`.
std::string EarlierDaysDiff(const Workforce& before, const Workforce& after, Date from);

// (b) + (c) OrgSnapshot::Build succeeds on each of `days`, and its head
// counts, FTE, holders and managers equal a naive recount from the entities.
std::string CheckSnapshots(const Workforce& w, std::span<const Date> days);

// (d) On each of `days`: the holders of a position hold no more FTE than its
// budget; nobody employed holds a missing or closed position; nobody enters
// a position (hire, rehire, transfer, promotion, or a backdated change that
// moves them) on a day it is not open; a position that is not closed sits in
// an open unit and reports to a position that is not closed; an open unit
// sits under an open unit; an acting manager is employed while set. And on
// every day: each event other than a hire, rehire or termination finds the
// person employed on its day (none is voided by a same-day termination).
std::string CheckDomain(const Workforce& w, std::span<const Date> days);

}  // namespace hrkit::order_test

#endif  // HRKIT_TESTS_ORG_ORDER_CHECKS_SUPPORT_HPP_
