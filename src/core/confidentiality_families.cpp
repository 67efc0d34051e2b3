#include "confidentiality_families.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "confidentiality_derivable.hpp"

namespace hrkit::confidentiality_internal {
namespace {

constexpr std::int32_t kNone = -1;

// One step of the family rules: hide `cell` for `reason`.
struct Step {
  std::int32_t cell = kNone;
  Suppression reason = Suppression::kShown;
};

// Read-only views of a system that the rules use everywhere.
class View {
 public:
  explicit View(const FamilySystem& s) : s_(s) { BuildTouching(); }

  const FamilySystem& system() const { return s_; }
  std::size_t families() const { return s_.family_parent.size(); }
  bool Internal(std::int32_t c) const { return !s_.internal.empty() && s_.internal[Index(c)] != 0; }
  std::int64_t Count(std::int32_t c) const { return s_.count[Index(c)]; }
  // The families cell `c` is the parent or a member of, in family order.
  std::span<const std::int32_t> Touching(std::int32_t c) const {
    const std::size_t i = Index(c);
    if (!pairs_.empty()) {
      const std::int32_t* two = pairs_.data() + 2 * i;
      return std::span<const std::int32_t>(two, static_cast<std::size_t>(two[0] != kNone) + (two[1] != kNone));
    }
    return std::span<const std::int32_t>(touching_).subspan(touching_begin_[i],
                                                            touching_begin_[i + 1] - touching_begin_[i]);
  }
  // True if cell a comes before cell b globally: count, cell key, index.
  bool CellBefore(std::int32_t a, std::int32_t b) const {
    if (Count(a) != Count(b)) return Count(a) < Count(b);
    if (!s_.cell_key.empty() && s_.cell_key[Index(a)] != s_.cell_key[Index(b)]) {
      return s_.cell_key[Index(a)] < s_.cell_key[Index(b)];
    }
    return a < b;
  }
  // True if family f comes before family g: parent cell, then tag.
  bool FamilyBefore(std::size_t f, std::size_t g) const {
    const std::int32_t pf = s_.family_parent[f];
    const std::int32_t pg = s_.family_parent[g];
    if (pf != pg) return CellBefore(pf, pg);
    return Tag(f) < Tag(g);
  }

  static std::size_t Index(std::int32_t c) { return static_cast<std::size_t>(c); }

 private:
  std::int32_t Tag(std::size_t f) const { return s_.family_tag.empty() ? 0 : s_.family_tag[f]; }
  // The touching index. A tree (each cell the parent of at most one
  // family and a member of at most one) keeps two slots per cell; any other
  // system a CSR list.
  void BuildTouching() {
    if (!BuildPairs()) BuildLists();
  }
  // Slot 0: the family the cell is the parent of; slot 1: the family it is
  // a member of; then each pair is put in family order, the used slots
  // first. False (and nothing kept) if some cell needs more slots.
  bool BuildPairs() {
    const std::size_t n = s_.count.size();
    if (families() > n || s_.member.size() > n) return false;  // a crossed system, say
    pairs_.assign(2 * n, kNone);
    for (std::size_t f = 0; f < families(); ++f) {
      std::int32_t& as_parent = pairs_[2 * Index(s_.family_parent[f])];
      if (as_parent != kNone) return DropPairs();
      as_parent = static_cast<std::int32_t>(f);
      for (std::size_t j = s_.family_begin[f]; j < s_.family_begin[f + 1]; ++j) {
        std::int32_t& as_member = pairs_[2 * Index(s_.member[j]) + 1];
        if (as_member != kNone) return DropPairs();
        as_member = static_cast<std::int32_t>(f);
      }
    }
    for (std::size_t i = 0; i < pairs_.size(); i += 2) {
      if (pairs_[i] == kNone || (pairs_[i + 1] != kNone && pairs_[i + 1] < pairs_[i])) {
        std::swap(pairs_[i], pairs_[i + 1]);
      }
    }
    return true;
  }
  bool DropPairs() {
    pairs_ = {};
    return false;
  }
  // Counts each cell's entries at [c + 2], sums them up, and fills through
  // [c + 1], which leaves the start of cell c at [c]: no cursor array.
  void BuildLists() {
    const std::size_t n = s_.count.size();
    touching_begin_.assign(n + 2, 0);
    for (std::size_t f = 0; f < families(); ++f) {
      ++touching_begin_[Index(s_.family_parent[f]) + 2];
      for (std::size_t j = s_.family_begin[f]; j < s_.family_begin[f + 1]; ++j) {
        ++touching_begin_[Index(s_.member[j]) + 2];
      }
    }
    for (std::size_t i = 2; i < n + 2; ++i) touching_begin_[i] += touching_begin_[i - 1];
    touching_.resize(touching_begin_[n + 1]);
    for (std::size_t f = 0; f < families(); ++f) {
      const auto family = static_cast<std::int32_t>(f);
      touching_[touching_begin_[Index(s_.family_parent[f]) + 1]++] = family;
      for (std::size_t j = s_.family_begin[f]; j < s_.family_begin[f + 1]; ++j) {
        touching_[touching_begin_[Index(s_.member[j]) + 1]++] = family;
      }
    }
  }

  const FamilySystem& s_;
  std::vector<std::int32_t> pairs_;  // two per cell, for a tree
  std::vector<std::size_t> touching_begin_;
  std::vector<std::int32_t> touching_;
};

// Rules 1 (minimum) and 2 (complement, in every family of a cell): they
// depend on counts alone. Internal cells start hidden.
std::vector<Suppression> StaticRules(const View& view, std::int64_t k) {
  const FamilySystem& s = view.system();
  std::vector<Suppression> verdicts(s.count.size(), Suppression::kShown);
  for (std::size_t i = 0; i < s.count.size(); ++i) {
    if (s.count[i] < k || view.Internal(static_cast<std::int32_t>(i))) verdicts[i] = Suppression::kBelowMinimum;
  }
  for (std::size_t f = 0; f < view.families(); ++f) {
    const std::int64_t parent_count = view.Count(s.family_parent[f]);
    for (std::size_t j = s.family_begin[f]; j < s.family_begin[f + 1]; ++j) {
      const std::size_t m = View::Index(s.member[j]);
      const std::int64_t rest = parent_count - s.count[m];
      if (IsShown(verdicts[m]) && rest > 0 && rest < k) verdicts[m] = Suppression::kComplement;
    }
  }
  return verdicts;
}

// The step family `f` asks for under `verdicts`, if any (rules 3 to 5).
std::optional<Step> FamilyStep(const View& view, std::size_t f, std::int64_t k,
                               const std::vector<Suppression>& verdicts) {
  const FamilySystem& s = view.system();
  const std::int32_t parent = s.family_parent[f];
  std::int64_t remainder = view.Count(parent);  // minus the shown members
  std::int64_t direct = view.Count(parent);     // minus every member
  std::size_t smallest = 0;                     // position in `member` of the smallest shown member
  bool any_shown = false;
  int hidden_with_respondents = 0;  // hidden members with respondents, and the direct members
  bool lone_is_reported = false;    // the last of them is a reported cell
  for (std::size_t j = s.family_begin[f]; j < s.family_begin[f + 1]; ++j) {
    const std::int32_t m = s.member[j];
    const std::int64_t count = view.Count(m);
    direct -= count;
    if (!IsShown(verdicts[View::Index(m)])) {
      if (count > 0) {
        ++hidden_with_respondents;
        lone_is_reported = !view.Internal(m);
      }
      continue;
    }
    remainder -= count;
    if (!any_shown || std::make_tuple(count, s.member_key[j], m) <
                          std::make_tuple(view.Count(s.member[smallest]), s.member_key[smallest], s.member[smallest])) {
      smallest = j;
      any_shown = true;
    }
  }
  if (direct > 0) {
    ++hidden_with_respondents;
    lone_is_reported = false;
  }
  const bool parent_shown = IsShown(verdicts[View::Index(parent)]);
  // Rule 5 (lone hidden member): under a shown parent, a hidden remainder
  // that is exactly one reported cell gives that cell away.
  const bool lone = parent_shown && hidden_with_respondents == 1 && lone_is_reported;
  if (!any_shown) {
    // Nothing to hide among the members: the parent equals its one member.
    if (lone) return Step{parent, Suppression::kLinked};
    return std::nullopt;
  }
  const std::int32_t pick = s.member[smallest];
  if (remainder > 0 && remainder < k) return Step{pick, Suppression::kSibling};
  if (remainder == 0 && !parent_shown && view.Count(parent) > 0) return Step{pick, Suppression::kHiddenParent};
  if (lone) return Step{pick, Suppression::kSibling};
  return std::nullopt;
}

// Rules 3 to 5 in synchronous rounds until none asks for a step. The first
// round visits every family; a later one only the families of a cell that
// changed in the round before.
void FamilyRules(const View& view, std::int64_t k, std::vector<Suppression>& verdicts) {
  std::vector<char> queued(view.families(), 0);
  std::vector<std::int32_t> dirty;
  std::vector<Step> steps;
  const auto ask = [&](std::size_t f) {
    if (const std::optional<Step> step = FamilyStep(view, f, k, verdicts)) steps.push_back(*step);
  };
  for (std::size_t f = 0; f < view.families(); ++f) ask(f);
  while (!steps.empty()) {
    dirty.clear();
    for (const Step& step : steps) {
      Suppression& v = verdicts[View::Index(step.cell)];
      // Two families may pick the same cell in one round: the smaller
      // reason wins, whatever order they were visited in.
      const bool first = IsShown(v);
      if (first || step.reason < v) v = step.reason;
      if (!first) continue;
      for (const std::int32_t f : view.Touching(step.cell)) {
        if (!queued[static_cast<std::size_t>(f)]) {
          queued[static_cast<std::size_t>(f)] = 1;
          dirty.push_back(f);
        }
      }
    }
    // Every dirty family looks at the same verdicts; the others would ask
    // for nothing, since none of their cells changed since they last did.
    steps.clear();
    for (const std::int32_t f : dirty) {
      queued[static_cast<std::size_t>(f)] = 0;
      ask(static_cast<std::size_t>(f));
    }
  }
}

// The rule that closes chains across families (close_bridges): the shown
// cell to hide, if the shown and empty cells give away a hidden reported
// cell with respondents, or an internal cell with 1 to k-1.
std::optional<std::int32_t> LinkedStep(const View& view, std::int64_t k, const std::vector<Suppression>& verdicts) {
  const FamilySystem& s = view.system();
  const std::size_t n = s.count.size();
  // Unknowns: hidden cells with respondents, numbered in cell order.
  std::vector<std::int32_t> unknown(n, kNone);
  std::vector<std::int32_t> cell_of;
  for (std::size_t c = 0; c < n; ++c) {
    if (!IsShown(verdicts[c]) && s.count[c] > 0) {
      unknown[c] = static_cast<std::int32_t>(cell_of.size());
      cell_of.push_back(static_cast<std::int32_t>(c));
    }
  }
  // One equation per exact family (parent - members = 0) with an unknown.
  std::vector<Equation> equations;
  for (std::size_t f = 0; f < view.families(); ++f) {
    const std::int32_t parent = s.family_parent[f];
    std::int64_t direct = view.Count(parent);
    Equation e;
    if (unknown[View::Index(parent)] != kNone) e.emplace_back(unknown[View::Index(parent)], 1);
    for (std::size_t j = s.family_begin[f]; j < s.family_begin[f + 1]; ++j) {
      direct -= view.Count(s.member[j]);
      if (unknown[View::Index(s.member[j])] != kNone) e.emplace_back(unknown[View::Index(s.member[j])], -1);
    }
    if (direct == 0 && !e.empty()) equations.push_back(std::move(e));
  }
  // The worst cell the equations give away, if any. The equations solved
  // one at a time find most chains cheaply; the exact elimination runs only
  // when they find none.
  const auto worst_of = [&](const std::vector<char>& determined) {
    std::int32_t worst = kNone;
    for (std::size_t i = 0; i < cell_of.size(); ++i) {
      const std::int32_t c = cell_of[i];
      const bool gives_away = !view.Internal(c) || view.Count(c) < k;
      if (determined[i] && gives_away && (worst == kNone || view.CellBefore(c, worst))) worst = c;
    }
    return worst;
  };
  const Derivation derivation(cell_of.size(), equations);
  std::int32_t worst = worst_of(derivation.peeled());
  if (worst == kNone) worst = worst_of(derivation.Exact());
  if (worst == kNone) return std::nullopt;
  // Hide the smallest shown cell of a family of `worst`; failing that, of a
  // family reached from it through hidden cells.
  std::vector<char> seen_cell(n, 0);
  std::vector<char> seen_family(view.families(), 0);
  std::vector<std::int32_t> layer = {worst};
  seen_cell[View::Index(worst)] = 1;
  while (!layer.empty()) {
    std::int32_t pick = kNone;
    std::vector<std::int32_t> next;
    for (const std::int32_t c : layer) {
      for (const std::int32_t f : view.Touching(c)) {
        if (seen_family[static_cast<std::size_t>(f)]) continue;
        seen_family[static_cast<std::size_t>(f)] = 1;
        const auto visit = [&](std::int32_t t) {
          if (IsShown(verdicts[View::Index(t)])) {
            if (pick == kNone || view.CellBefore(t, pick)) pick = t;
          } else if (!seen_cell[View::Index(t)]) {
            seen_cell[View::Index(t)] = 1;
            next.push_back(t);
          }
        };
        visit(s.family_parent[static_cast<std::size_t>(f)]);
        for (std::size_t j = s.family_begin[static_cast<std::size_t>(f)];
             j < s.family_begin[static_cast<std::size_t>(f) + 1]; ++j) {
          visit(s.member[j]);
        }
      }
    }
    if (pick != kNone) return pick;
    layer = std::move(next);
  }
  return std::nullopt;
}

}  // namespace

void FamilySystem::BeginFamily(std::int32_t parent, std::int32_t tag) {
  family_begin.push_back(member.size());
  family_parent.push_back(parent);
  family_tag.push_back(tag);
}

void FamilySystem::AddMember(std::int32_t cell, std::int64_t key) {
  member.push_back(cell);
  member_key.push_back(key);
}

void FamilySystem::EndFamilies() { family_begin.push_back(member.size()); }

absl::StatusOr<std::int64_t> MinimumFor(const ConfidentialityThresholds& thresholds, Disclosure disclosure) {
  if (absl::Status status = ValidateThresholds(thresholds); !status.ok()) return status;
  switch (disclosure) {
    case Disclosure::kAggregates:
      return thresholds.min_group;
    case Disclosure::kComments:
      return thresholds.min_comment_group;
  }
  return absl::InvalidArgumentError(absl::StrCat("disclosure: unknown value ", static_cast<int>(disclosure)));
}

std::vector<Suppression> SuppressFamilies(const FamilySystem& system, std::int64_t k) {
  const View view(system);
  std::vector<Suppression> verdicts = StaticRules(view, k);
  for (;;) {
    FamilyRules(view, k, verdicts);
    if (!system.close_bridges) break;
    const std::optional<std::int32_t> bridge = LinkedStep(view, k, verdicts);
    if (!bridge.has_value()) break;
    verdicts[View::Index(*bridge)] = Suppression::kLinked;
  }
  return verdicts;
}

}  // namespace hrkit::confidentiality_internal
