// What a reader can compute from a confidential report, checked exactly: the
// finest sets of respondents ("atoms") with their counts, the report's cells
// as unions of atoms, which cells are shown, and the families the rules work
// on. A reader knows every shown cell's count and which atoms are empty; any
// sum or difference of those is in the row space of their 0/1 vectors over
// the atoms. FindDisclosures reports:
//  (a) a shown cell with fewer than k respondents;
//  (b) a hidden cell with respondents in that space;
//  (c) an atom, or a family's hidden remainder (its parent minus its shown
//      members), with 1 to k-1 respondents in that space.
// The arithmetic is exact: fractions of 64-bit integers, redone with
// unbounded rationals (Boost.Multiprecision) if one would overflow.
#ifndef HRKIT_TESTS_SUPPORT_HRKIT_TEST_DISCLOSURE_CHECKER_HPP_
#define HRKIT_TESTS_SUPPORT_HRKIT_TEST_DISCLOSURE_CHECKER_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/multiprecision/cpp_int.hpp"

namespace hrkit_test {

struct DisclosureCell {
  std::vector<std::size_t> atoms;  // indexes into DisclosureModel::atom_count
  bool shown = false;
  std::string name;  // for messages
};

struct DisclosureFamily {
  std::size_t parent = 0;            // a cell
  std::vector<std::size_t> members;  // cells, disjoint subsets of the parent
};

struct DisclosureModel {
  std::vector<std::int64_t> atom_count;
  std::vector<DisclosureCell> cells;
  std::vector<DisclosureFamily> families;
};

namespace disclosure_internal {

__extension__ typedef __int128 Int128;

// A fraction of 64-bit integers in lowest terms (den > 0); throws
// std::overflow_error where a result does not fit.
class SmallFraction {
 public:
  SmallFraction(std::int64_t n = 0) : num_(n), den_(1) {}  // NOLINT: implicit on purpose
  bool IsZero() const { return num_ == 0; }
  friend SmallFraction operator-(const SmallFraction& a, const SmallFraction& b) {
    return Make(static_cast<Int128>(a.num_) * b.den_ - static_cast<Int128>(b.num_) * a.den_,
                static_cast<Int128>(a.den_) * b.den_);
  }
  friend SmallFraction operator*(const SmallFraction& a, const SmallFraction& b) {
    return Make(static_cast<Int128>(a.num_) * b.num_, static_cast<Int128>(a.den_) * b.den_);
  }
  friend SmallFraction operator/(const SmallFraction& a, const SmallFraction& b) {
    return Make(static_cast<Int128>(a.num_) * b.den_, static_cast<Int128>(a.den_) * b.num_);
  }

 private:
  static Int128 Gcd(Int128 a, Int128 b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) a = std::exchange(b, a % b);
    return a;
  }
  static SmallFraction Make(Int128 n, Int128 d) {
    if (d == 0) throw std::domain_error("division by zero");
    if (d < 0) n = -n, d = -d;
    const Int128 g = Gcd(n, d);
    if (g > 1) n /= g, d /= g;
    constexpr Int128 kMax = INT64_MAX;
    if (n > kMax || n < -kMax || d > kMax) throw std::overflow_error("fraction overflow");
    SmallFraction f;
    f.num_ = static_cast<std::int64_t>(n);
    f.den_ = static_cast<std::int64_t>(d);
    return f;
  }
  std::int64_t num_;
  std::int64_t den_;
};

using BigFraction = boost::multiprecision::cpp_rational;

inline bool IsZero(const SmallFraction& x) { return x.IsZero(); }
inline bool IsZero(const BigFraction& x) { return x == 0; }

// The row space of vectors over Q, kept in reduced row echelon form.
template <class Q>
class RowSpace {
 public:
  explicit RowSpace(std::size_t width) : width_(width) {}

  void Add(const std::vector<std::int64_t>& v) {
    std::vector<Q> row = Reduce(v);
    std::size_t col = 0;
    while (col < width_ && IsZero(row[col])) ++col;
    if (col == width_) return;
    const Q pivot = row[col];
    for (Q& x : row) x = x / pivot;
    for (std::vector<Q>& r : rows_) {
      const Q factor = r[col];  // a copy: Subtract changes r[col]
      Subtract(r, row, factor);
    }
    rows_.push_back(std::move(row));
    pivots_.push_back(col);
  }

  bool Contains(const std::vector<std::int64_t>& v) const {
    const std::vector<Q> row = Reduce(v);
    return std::all_of(row.begin(), row.end(), [](const Q& x) { return IsZero(x); });
  }

 private:
  static void Subtract(std::vector<Q>& v, const std::vector<Q>& row, const Q& factor) {
    if (IsZero(factor)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!IsZero(row[i])) v[i] = v[i] - factor * row[i];
    }
  }
  std::vector<Q> Reduce(const std::vector<std::int64_t>& v) const {
    std::vector<Q> out(v.begin(), v.end());
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      const Q factor = out[pivots_[r]];
      Subtract(out, rows_[r], factor);
    }
    return out;
  }
  std::size_t width_;
  std::vector<std::vector<Q>> rows_;
  std::vector<std::size_t> pivots_;
};

template <class Q>
std::vector<std::string> Find(const DisclosureModel& model, std::int64_t k) {
  // Empty atoms are known: drop their columns.
  std::vector<std::size_t> column(model.atom_count.size(), SIZE_MAX);
  std::size_t width = 0;
  for (std::size_t a = 0; a < model.atom_count.size(); ++a) {
    if (model.atom_count[a] > 0) column[a] = width++;
  }
  const auto vector_of = [&](const std::vector<std::size_t>& atoms, std::int64_t sign, std::vector<std::int64_t>& v) {
    for (const std::size_t a : atoms) {
      if (column[a] != SIZE_MAX) v[column[a]] += sign;
    }
  };
  const auto count_of = [&](const DisclosureCell& c) {
    std::int64_t n = 0;
    for (const std::size_t a : c.atoms) n += model.atom_count[a];
    return n;
  };
  std::vector<std::string> found;
  RowSpace<Q> shown(width);
  for (const DisclosureCell& c : model.cells) {
    if (!c.shown) continue;
    if (count_of(c) < k) found.push_back(absl::StrCat("(a) shown cell ", c.name, " has ", count_of(c)));
    std::vector<std::int64_t> v(width, 0);
    vector_of(c.atoms, 1, v);
    shown.Add(v);
  }
  for (const DisclosureCell& c : model.cells) {
    if (c.shown || count_of(c) == 0) continue;
    std::vector<std::int64_t> v(width, 0);
    vector_of(c.atoms, 1, v);
    if (shown.Contains(v)) found.push_back(absl::StrCat("(b) hidden cell ", c.name, " = ", count_of(c), " derivable"));
  }
  for (std::size_t a = 0; a < model.atom_count.size(); ++a) {
    if (model.atom_count[a] <= 0 || model.atom_count[a] >= k) continue;
    std::vector<std::int64_t> v(width, 0);
    vector_of({a}, 1, v);
    if (shown.Contains(v)) found.push_back(absl::StrCat("(c) atom ", a, " = ", model.atom_count[a], " derivable"));
  }
  for (const DisclosureFamily& f : model.families) {
    const DisclosureCell& parent = model.cells[f.parent];
    std::int64_t rest = count_of(parent);
    std::vector<std::int64_t> v(width, 0);
    vector_of(parent.atoms, 1, v);
    for (const std::size_t m : f.members) {
      if (!model.cells[m].shown) continue;
      rest -= count_of(model.cells[m]);
      vector_of(model.cells[m].atoms, -1, v);
    }
    if (rest > 0 && rest < k && shown.Contains(v)) {
      found.push_back(absl::StrCat("(c) hidden remainder of ", parent.name, " = ", rest, " derivable"));
    }
  }
  return found;
}

}  // namespace disclosure_internal

// Every disclosure of `model` at minimum k, described; empty if none.
inline std::vector<std::string> FindDisclosures(const DisclosureModel& model, std::int64_t k) {
  try {
    return disclosure_internal::Find<disclosure_internal::SmallFraction>(model, k);
  } catch (const std::overflow_error&) {
    return disclosure_internal::Find<disclosure_internal::BigFraction>(model, k);
  }
}

}  // namespace hrkit_test

#endif  // HRKIT_TESTS_SUPPORT_HRKIT_TEST_DISCLOSURE_CHECKER_HPP_
