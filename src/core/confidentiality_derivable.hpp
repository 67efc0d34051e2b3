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

// determined[i] is 1 when the equations fix unknown i: e_i is a rational
// linear combination of the equations. Exact (rational arithmetic, 64-bit
// fractions redone with unbounded ones on overflow). Equations whose
// unknowns all appear elsewhere or are solved one by one are peeled off
// first; only what remains is eliminated densely.
std::vector<char> DeterminedUnknowns(std::size_t unknowns, const std::vector<Equation>& equations);

}  // namespace hrkit::confidentiality_internal

#endif  // HRKIT_SRC_CORE_CONFIDENTIALITY_DERIVABLE_HPP_
