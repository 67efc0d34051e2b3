#include "confidentiality_derivable.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "boost/multiprecision/cpp_int.hpp"

namespace hrkit::confidentiality_internal {
namespace {

__extension__ typedef __int128 Int128;

// A fraction of 64-bit integers in lowest terms; a result that does not fit
// becomes invalid (den 0), and stays so through every later operation.
struct SmallFraction {
  std::int64_t num = 0;
  std::int64_t den = 1;

  SmallFraction() = default;
  explicit SmallFraction(std::int64_t n) : num(n) {}

  static SmallFraction Make(Int128 n, Int128 d) {
    SmallFraction f;
    f.den = 0;
    if (d == 0) return f;
    if (d < 0) n = -n, d = -d;
    Int128 a = n < 0 ? -n : n;
    Int128 b = d;
    while (b != 0) a = std::exchange(b, a % b);
    if (a > 1) n /= a, d /= a;
    constexpr Int128 kMax = INT64_MAX;
    if (n > kMax || n < -kMax || d > kMax) return f;
    f.num = static_cast<std::int64_t>(n);
    f.den = static_cast<std::int64_t>(d);
    return f;
  }
  friend SmallFraction operator-(SmallFraction a, SmallFraction b) {
    if (a.den == 0 || b.den == 0) return Make(0, 0);
    return Make(Int128{a.num} * b.den - Int128{b.num} * a.den, Int128{a.den} * b.den);
  }
  friend SmallFraction operator*(SmallFraction a, SmallFraction b) {
    if (a.den == 0 || b.den == 0) return Make(0, 0);
    return Make(Int128{a.num} * b.num, Int128{a.den} * b.den);
  }
  friend SmallFraction operator/(SmallFraction a, SmallFraction b) {
    if (a.den == 0 || b.den == 0) return Make(0, 0);
    return Make(Int128{a.num} * b.den, Int128{a.den} * b.num);
  }
};

bool IsZero(const SmallFraction& x) { return x.num == 0 && x.den != 0; }
bool IsValid(const SmallFraction& x) { return x.den != 0; }

using BigFraction = boost::multiprecision::cpp_rational;
bool IsZero(const BigFraction& x) { return x == 0; }
bool IsValid(const BigFraction&) { return true; }

// Gauss-Jordan elimination of `rows` (dense, one column per unknown of the
// core); the determined columns, or nullopt if a fraction overflowed.
template <class Q>
std::optional<std::vector<char>> Eliminate(const std::vector<std::vector<std::int32_t>>& dense, std::size_t columns) {
  std::vector<std::vector<Q>> rows;
  rows.reserve(dense.size());
  for (const std::vector<std::int32_t>& d : dense) {
    std::vector<Q>& row = rows.emplace_back();
    row.reserve(columns);
    for (const std::int32_t x : d) row.push_back(Q(x));
  }
  std::vector<std::size_t> pivot_of_row;
  std::size_t rank = 0;
  for (std::size_t col = 0; col < columns && rank < rows.size(); ++col) {
    std::size_t r = rank;
    while (r < rows.size() && IsZero(rows[r][col])) ++r;
    if (r == rows.size()) continue;
    std::swap(rows[r], rows[rank]);
    const Q pivot = rows[rank][col];
    for (Q& x : rows[rank]) x = x / pivot;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == rank || IsZero(rows[i][col])) continue;
      const Q factor = rows[i][col];
      for (std::size_t c = col; c < columns; ++c) {
        if (!IsZero(rows[rank][c])) rows[i][c] = rows[i][c] - factor * rows[rank][c];
      }
    }
    pivot_of_row.push_back(col);
    ++rank;
  }
  std::vector<char> determined(columns, 0);
  for (std::size_t r = 0; r < rank; ++r) {
    int nonzero = 0;
    for (const Q& x : rows[r]) {
      if (!IsValid(x)) return std::nullopt;
      nonzero += IsZero(x) ? 0 : 1;
    }
    if (nonzero == 1) determined[pivot_of_row[r]] = 1;
  }
  return determined;
}

}  // namespace

std::vector<char> DeterminedUnknowns(std::size_t unknowns, const std::vector<Equation>& equations) {
  std::vector<char> determined(unknowns, 0);
  std::vector<char> active(equations.size(), 1);
  std::vector<int> open(equations.size(), 0);  // unknowns not yet determined
  std::vector<int> uses(unknowns, 0);          // active equations using an undetermined unknown
  std::vector<std::vector<std::size_t>> in(unknowns);
  for (std::size_t e = 0; e < equations.size(); ++e) {
    for (const auto& [u, coefficient] : equations[e]) {
      in[static_cast<std::size_t>(u)].push_back(e);
      ++uses[static_cast<std::size_t>(u)];
      ++open[e];
    }
  }
  // Peel: an equation with one open unknown solves it; an unknown used by
  // one active equation only makes that equation useless for the others
  // (set aside, to be tried once the rest is known).
  std::vector<std::size_t> set_aside;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t e = 0; e < equations.size(); ++e) {
      if (!active[e] || open[e] != 1) continue;
      for (const auto& [u, coefficient] : equations[e]) {
        const auto i = static_cast<std::size_t>(u);
        if (determined[i]) continue;
        determined[i] = 1;
        for (const std::size_t f : in[i]) {
          --open[f];
          if (active[f]) --uses[i];
        }
      }
      active[e] = 0;
      changed = true;
    }
    for (std::size_t i = 0; i < unknowns; ++i) {
      if (determined[i] || uses[i] != 1) continue;
      for (const std::size_t e : in[i]) {
        if (!active[e]) continue;
        active[e] = 0;
        set_aside.push_back(e);
        for (const auto& [u, coefficient] : equations[e]) {
          if (!determined[static_cast<std::size_t>(u)]) --uses[static_cast<std::size_t>(u)];
        }
      }
      changed = true;
    }
  }
  // The rest: dense elimination over its open unknowns.
  std::vector<std::int32_t> column(unknowns, -1);
  std::vector<std::size_t> unknown_of;
  std::vector<std::vector<std::int32_t>> dense;
  for (std::size_t e = 0; e < equations.size(); ++e) {
    if (!active[e]) continue;
    for (const auto& [u, coefficient] : equations[e]) {
      const auto i = static_cast<std::size_t>(u);
      if (!determined[i] && column[i] < 0) {
        column[i] = static_cast<std::int32_t>(unknown_of.size());
        unknown_of.push_back(i);
      }
    }
  }
  for (std::size_t e = 0; e < equations.size(); ++e) {
    if (!active[e]) continue;
    std::vector<std::int32_t>& row = dense.emplace_back(unknown_of.size(), 0);
    for (const auto& [u, coefficient] : equations[e]) {
      if (!determined[static_cast<std::size_t>(u)])
        row[static_cast<std::size_t>(column[static_cast<std::size_t>(u)])] = coefficient;
    }
  }
  std::optional<std::vector<char>> core = Eliminate<SmallFraction>(dense, unknown_of.size());
  if (!core.has_value()) core = Eliminate<BigFraction>(dense, unknown_of.size());
  for (std::size_t c = 0; c < unknown_of.size(); ++c) {
    if ((*core)[c]) determined[unknown_of[c]] = 1;
  }
  // Set-aside equations, last first: one open unknown left is solved.
  for (auto it = set_aside.rbegin(); it != set_aside.rend(); ++it) {
    std::int32_t last = -1;
    int still_open = 0;
    for (const auto& [u, coefficient] : equations[*it]) {
      if (!determined[static_cast<std::size_t>(u)]) {
        ++still_open;
        last = u;
      }
    }
    if (still_open == 1) determined[static_cast<std::size_t>(last)] = 1;
  }
  return determined;
}

}  // namespace hrkit::confidentiality_internal
