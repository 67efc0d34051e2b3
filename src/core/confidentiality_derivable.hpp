// Internal to core: which unknowns a set of linear equations determines, in
// exact arithmetic. The crossed confidentiality rules use it to find hidden
// cells that shown cells give away through a chain of families.
//
// Thread safety: a pure function; safe to call concurrently.
#ifndef HRKIT_SRC_CORE_CONFIDENTIALITY_DERIVABLE_HPP_
#define HRKIT_SRC_CORE_CONFIDENTIALITY_DERIVABLE_HPP_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace hrkit::confidentiality_internal {

// One equation: the sum of coefficient x unknown over its terms equals a
// known number (which does not matter here). Unknowns are 0..n-1; an
// unknown appears at most once per equation.
using Equation = std::vector<std::pair<std::int32_t, std::int32_t>>;  // (unknown, coefficient)

// Which unknowns the equations fix (e_i is a rational linear combination of
// them), in two stages, for a caller that can often stop after the cheap
// one: construction solves the equations one unknown at a time (an equation
// with a single unknown left solves it, and so on; linear in the equations
// times the rounds); Exact() eliminates the rest, exactly (rational
// arithmetic, 64-bit fractions redone with unbounded ones on overflow).
// Equations whose unknowns all appear elsewhere or are solved one by one are
// peeled off first; only what remains is eliminated.
class Derivation {
 public:
  // REQUIRES: `equations` outlives the Derivation.
  Derivation(std::size_t unknowns, const std::vector<Equation>& equations);

  // The unknowns fixed one at a time: a subset of Exact().
  const std::vector<char>& peeled() const { return peeled_; }
  // determined[i] is 1 when the equations fix unknown i.
  std::vector<char> Exact() const;

 private:
  const std::vector<Equation>& equations_;
  std::vector<char> after_peel_;  // solved by peeling, before the set-aside equations
  std::vector<char> active_;      // equations left for the elimination
  std::vector<std::size_t> set_aside_;
  std::vector<char> peeled_;
};

}  // namespace hrkit::confidentiality_internal

#endif  // HRKIT_SRC_CORE_CONFIDENTIALITY_DERIVABLE_HPP_
