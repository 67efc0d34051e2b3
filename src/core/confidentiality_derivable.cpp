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

// Sparse Gauss-Jordan elimination of `equations` over their unknowns
// (columns 0..columns-1): each row is taken in turn, reduced by the pivots
// so far, and its column used by the fewest rows becomes its pivot, which
// is then eliminated from every other row. The determined columns (a row
// with its pivot alone), or nullopt if a fraction overflowed.
template <class Q>
std::optional<std::vector<char>> Eliminate(const std::vector<std::vector<std::pair<std::int32_t, std::int32_t>>>& input,
                                           std::size_t columns) {
  using Row = std::vector<std::pair<std::int32_t, Q>>;  // sorted by column, no zeros
  std::vector<Row> rows;
  rows.reserve(input.size());
  std::vector<std::vector<std::size_t>> users(columns);  // rows that may use a column (lazily cleaned)
  for (const auto& in : input) {
    Row& row = rows.emplace_back();
    for (const auto& [c, x] : in) row.emplace_back(c, Q(x));
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [c, x] : row) users[static_cast<std::size_t>(c)].push_back(rows.size() - 1);
  }
  std::vector<std::size_t> order(rows.size());
  for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rows[a].size() < rows[b].size(); });
  std::vector<std::int32_t> pivot_of(rows.size(), -1);
  bool valid = true;
  // row[r] -= factor * row[p], merged by column into `out`, which then
  // trades places with row[r] (so buffers are reused, not reallocated).
  Row out;
  const auto subtract = [&](std::size_t r, std::size_t p, const Q& factor) {
    out.clear();
    out.reserve(rows[r].size() + rows[p].size());
    std::size_t i = 0, j = 0;
    while (i < rows[r].size() || j < rows[p].size()) {
      if (j == rows[p].size() || (i < rows[r].size() && rows[r][i].first < rows[p][j].first)) {
        out.push_back(rows[r][i++]);
      } else if (i == rows[r].size() || rows[p][j].first < rows[r][i].first) {
        const Q x = Q(0) - factor * rows[p][j].second;
        valid = valid && IsValid(x);
        users[static_cast<std::size_t>(rows[p][j].first)].push_back(r);
        out.emplace_back(rows[p][j++].first, x);
      } else {
        const Q x = rows[r][i].second - factor * rows[p][j].second;
        valid = valid && IsValid(x);
        if (!IsZero(x)) out.emplace_back(rows[r][i].first, x);
        ++i, ++j;
      }
    }
    rows[r].swap(out);
  };
  const auto coefficient = [&](std::size_t r, std::int32_t c) -> const Q* {
    auto it = std::lower_bound(rows[r].begin(), rows[r].end(), c,
                               [](const auto& e, std::int32_t col) { return e.first < col; });
    return it != rows[r].end() && it->first == c ? &it->second : nullptr;
  };
  for (const std::size_t r : order) {
    if (rows[r].empty()) continue;
    std::int32_t pivot = rows[r].front().first;
    for (const auto& [c, x] : rows[r]) {
      if (users[static_cast<std::size_t>(c)].size() < users[static_cast<std::size_t>(pivot)].size()) pivot = c;
    }
    const Q scale = *coefficient(r, pivot);
    for (auto& [c, x] : rows[r]) {
      x = x / scale;
      valid = valid && IsValid(x);
    }
    if (!valid) return std::nullopt;
    pivot_of[r] = pivot;
    std::vector<std::size_t> using_pivot;
    std::swap(using_pivot, users[static_cast<std::size_t>(pivot)]);
    std::sort(using_pivot.begin(), using_pivot.end());
    using_pivot.erase(std::unique(using_pivot.begin(), using_pivot.end()), using_pivot.end());
    for (const std::size_t other : using_pivot) {
      if (other == r) continue;
      const Q* x = coefficient(other, pivot);
      if (x == nullptr) continue;
      const Q factor = *x;
      subtract(other, r, factor);
      if (!valid) return std::nullopt;
    }
    users[static_cast<std::size_t>(pivot)] = {r};
  }
  std::vector<char> determined(columns, 0);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (pivot_of[r] >= 0 && rows[r].size() == 1) determined[static_cast<std::size_t>(pivot_of[r])] = 1;
  }
  return determined;
}

// Peels `equations`: an equation with one open unknown solves it; an unknown
// used by one active equation only makes that equation useless for the
// others (set aside, to be tried once the rest is known). Marks the solved
// unknowns in `determined` and the equations left in `active`; returns the
// equations set aside, in order.
std::vector<std::size_t> Peel(const std::vector<Equation>& equations, std::vector<char>& determined,
                              std::vector<char>& active) {
  const std::size_t unknowns = determined.size();
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
  return set_aside;
}

// Set-aside equations, last first: one open unknown left is solved.
void SolveSetAside(const std::vector<Equation>& equations, const std::vector<std::size_t>& set_aside,
                   std::vector<char>& determined) {
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
}

}  // namespace

Derivation::Derivation(std::size_t unknowns, const std::vector<Equation>& equations)
    : equations_(equations), after_peel_(unknowns, 0), active_(equations.size(), 1) {
  set_aside_ = Peel(equations_, after_peel_, active_);
  peeled_ = after_peel_;
  SolveSetAside(equations_, set_aside_, peeled_);
}

std::vector<char> Derivation::Exact() const {
  std::vector<char> determined = after_peel_;
  // The rest: sparse elimination over its open unknowns.
  std::vector<std::int32_t> column(determined.size(), -1);
  std::vector<std::size_t> unknown_of;
  std::vector<Equation> sparse;
  for (std::size_t e = 0; e < equations_.size(); ++e) {
    if (!active_[e]) continue;
    for (const auto& [u, coefficient] : equations_[e]) {
      const auto i = static_cast<std::size_t>(u);
      if (!determined[i] && column[i] < 0) {
        column[i] = static_cast<std::int32_t>(unknown_of.size());
        unknown_of.push_back(i);
      }
    }
  }
  for (std::size_t e = 0; e < equations_.size(); ++e) {
    if (!active_[e]) continue;
    Equation& row = sparse.emplace_back();
    for (const auto& [u, coefficient] : equations_[e]) {
      const auto i = static_cast<std::size_t>(u);
      if (!determined[i]) row.emplace_back(column[i], coefficient);
    }
  }
  std::optional<std::vector<char>> core = Eliminate<SmallFraction>(sparse, unknown_of.size());
  if (!core.has_value()) core = Eliminate<BigFraction>(sparse, unknown_of.size());
  for (std::size_t c = 0; c < unknown_of.size(); ++c) {
    if ((*core)[c]) determined[unknown_of[c]] = 1;
  }
  SolveSetAside(equations_, set_aside_, determined);
  return determined;
}

}  // namespace hrkit::confidentiality_internal
