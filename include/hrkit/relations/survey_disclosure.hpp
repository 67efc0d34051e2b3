// Which cells of one survey wave may be published, decided once for every
// report of the wave. A wave's unit report (OrgReport), its breakdowns by
// location and by tenure band (SurveyBreakdown) and its trends share their
// unit totals: a reader who holds several of them can set the cells of one
// against the cells of another. So the verdicts of all of them come from one
// call of the joint confidentiality rules (core/joint_confidentiality.hpp)
// over the unit tree crossed with every breakdown the wave publishes, and
// each report reads its verdicts from the WaveDisclosure that call made.
//
// Typical use: decide once which breakdowns the wave publishes, then pass
// the same WaveDisclosure to every report of the wave:
//   const BreakdownAttribute published[] = {BreakdownAttribute::kLocation,
//                                           BreakdownAttribute::kTenureBand};
//   HRKIT_ASSIGN_OR_RETURN(WaveDisclosure disclosure,
//       DecideWaveDisclosure(book, 1, published, lookup));
//   HRKIT_ASSIGN_OR_RETURN(auto units, OrgReport(book, disclosure, 0, lookup));
//   HRKIT_ASSIGN_OR_RETURN(auto by_location,
//       SurveyBreakdown(book, disclosure, 0, BreakdownAttribute::kLocation, lookup));
// A disclosure that publishes no breakdown gives the verdicts of
// core/confidentiality.hpp on the unit tree, those of OrgReport without a
// disclosure. A report refuses a disclosure of another survey or wave, one
// decided before responses were added, or one for another unit tree.
//
// Cost: with breakdowns, that of SuppressJointGroups (meant for up to a few
// thousand units); without, linear.
//
// Thread safety: WaveDisclosure is an immutable value once made; safe to
// share between threads. DecideWaveDisclosure is a pure function.
#ifndef HRKIT_RELATIONS_SURVEY_DISCLOSURE_HPP_
#define HRKIT_RELATIONS_SURVEY_DISCLOSURE_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/survey_book.hpp"

namespace hrkit {

namespace survey_internal {
struct DisclosureAccess;
}  // namespace survey_internal

// An attribute the unit tree of a report can be crossed with.
enum class BreakdownAttribute {
  kLocation = 0,    // SurveyInvitation::location; invalid = no value
  kTenureBand = 1,  // SurveyInvitation::tenure_band; "unknown" or empty = no value
};

// "location", "tenure_band"; "unknown" for a value outside the enum.
std::string_view BreakdownAttributeName(BreakdownAttribute attribute);

// The verdict of every cell one survey wave may publish: each unit's total
// (the unit with its subtree, as on the wave's invitation day) and, for
// every breakdown the wave publishes, each value of each unit. Values are
// labelled as SurveyBreakdown labels them: a location id as
// ToString(LocationId) writes it, or a tenure band ("0-1", "1-3", "3-5",
// "5+").
class WaveDisclosure {
 public:
  // The survey and wave the verdicts are for.
  SurveyId survey() const { return survey_; }
  // The wave's number.
  std::int32_t wave() const { return wave_; }
  // The breakdowns published, in the order they were asked for.
  const std::vector<BreakdownAttribute>& breakdowns() const { return breakdowns_; }
  // Whether `attribute` is one of breakdowns().
  bool Publishes(BreakdownAttribute attribute) const;
  // The units of the wave's reports, parents before children (by depth,
  // then unit id).
  const std::vector<OrgUnitId>& units() const { return units_; }

  // The verdict of `unit`'s total. NotFound for a unit outside units().
  absl::StatusOr<Suppression> TotalOf(OrgUnitId unit) const;
  // The verdict of `unit` with value `value` of `attribute`.
  // FailedPrecondition when the breakdown is not published; NotFound for a
  // unit outside units() or a value no invitation of the wave has.
  absl::StatusOr<Suppression> ValueOf(BreakdownAttribute attribute, OrgUnitId unit, std::string_view value) const;

 private:
  friend struct survey_internal::DisclosureAccess;

  // The position of `unit` in units_; NotFound naming it otherwise.
  absl::StatusOr<std::size_t> UnitIndex(OrgUnitId unit) const;

  SurveyId survey_{};
  std::int32_t wave_ = 0;
  std::vector<BreakdownAttribute> breakdowns_;
  std::int64_t responses_ = 0;      // the wave's responses when decided
  std::vector<OrgUnitId> units_;    // parents first
  std::vector<OrgUnitId> parents_;  // invalid for a root
  std::vector<Suppression> total_;  // per unit
  // Per breakdown (as in breakdowns_): the values' labels in report order
  // (locations by id, tenure bands in service order), and per unit, per
  // value, the verdict.
  std::vector<std::vector<std::string>> values_;
  std::vector<std::vector<std::vector<Suppression>>> by_value_;
};

// Decides the disclosure of wave `wave` for the breakdowns in `breakdowns`
// (none, one or both attributes), with the survey's thresholds, over the
// wave's invitations and the responses the book holds now. Errors: NotFound
// (no such wave; a unit unknown to `lookup`), InvalidArgument (an attribute
// outside the enum, or listed twice, naming "breakdowns[i]"),
// FailedPrecondition (the unit tree has a cycle on the invitation day), and
// those of SuppressJointGroups.
absl::StatusOr<WaveDisclosure> DecideWaveDisclosure(const SurveyBook& book, std::int32_t wave,
                                                    std::span<const BreakdownAttribute> breakdowns,
                                                    const OrgLookup& lookup);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_DISCLOSURE_HPP_
