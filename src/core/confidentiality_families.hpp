// Internal to core: the family rules of core/confidentiality.hpp written once,
// over any set of cells grouped into families (a parent cell and its member
// cells). A tree of groups has one family per group with subgroups; a unit
// tree crossed with an attribute (core/crossed_confidentiality.hpp) puts
// every cell in two families, one per dimension. Both entry points build a
// FamilySystem and call SuppressFamilies; neither has rules of its own.
//
// Thread safety: pure functions over values; safe to use concurrently.
#ifndef HRKIT_SRC_CORE_CONFIDENTIALITY_FAMILIES_HPP_
#define HRKIT_SRC_CORE_CONFIDENTIALITY_FAMILIES_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"

namespace hrkit::confidentiality_internal {

// Cells and families. A family's members are listed in
// member[family_begin[f] .. family_begin[f + 1]); member_key[j] orders
// member[j] among its siblings (after the count, before the cell index).
// REQUIRES: counts are >= 0 and the members of a family add up to at most
// its parent's count (the rest are the family's direct members); a cell is
// in at most a few families (the cost is linear in the members).
struct FamilySystem {
  std::vector<std::int64_t> count;          // per cell
  std::vector<std::int32_t> family_parent;  // per family: the parent cell
  std::vector<std::size_t> family_begin;    // families + 1 entries, starting at 0
  std::vector<std::int32_t> member;         // member cells, family by family
  std::vector<std::int64_t> member_key;     // tie key of each member in its family

  // Optional, for systems whose families are exact (no direct members:
  // every set of respondents is a cell, the finest ones internal):
  // internal[c] marks a cell that is never reported (always hidden, never
  // picked); cell_key[c] orders cells of equal count globally and
  // family_tag[f] tells apart families with the same parent. With
  // close_bridges, hidden cells that a chain of families gives away are
  // closed too (see SuppressFamilies).
  std::vector<char> internal;
  std::vector<std::array<std::int64_t, 3>> cell_key;
  std::vector<std::int32_t> family_tag;
  bool close_bridges = false;

  // Starts a family under `parent` (members are appended with AddMember).
  void BeginFamily(std::int32_t parent, std::int32_t tag = 0);
  void AddMember(std::int32_t cell, std::int64_t key);
  // Closes the last family; call once after the last AddMember.
  void EndFamilies();
};

// The minimum for `disclosure` under valid `thresholds`.
// Errors (InvalidArgument): those of ValidateThresholds; an unknown
// disclosure.
absl::StatusOr<std::int64_t> MinimumFor(const ConfidentialityThresholds& thresholds, Disclosure disclosure);

// The verdict of every cell of `system` with minimum k: the rules of
// core/confidentiality.hpp in every family (minimum, complement, sibling,
// hidden parent, and the lone hidden member of crossed reports), applied in
// synchronous rounds (every family looks at the same verdicts, then all
// their steps are taken) until none changes anything, so the result
// depends on counts, keys and cell indexes only, never on the order
// families are listed in.
//
// With close_bridges, then: the cells a reader who knows the shown and the
// empty cells can compute are found from the equations of the exact
// families (parent = sum of members): first those solved one at a time,
// and, only when those give nothing away, exactly (Derivation::Exact). If
// that gives away a hidden reported cell with respondents, or an internal
// cell with 1 to k-1, the derivation is followed back to a shown cell it
// used (the smallest, by count then cell_key), which is hidden (`linked`),
// and the rules run again.
std::vector<Suppression> SuppressFamilies(const FamilySystem& system, std::int64_t k);

}  // namespace hrkit::confidentiality_internal

#endif  // HRKIT_SRC_CORE_CONFIDENTIALITY_FAMILIES_HPP_
