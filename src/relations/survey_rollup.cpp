#include "hrkit/relations/survey_rollup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "../core/huge_pages.hpp"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

constexpr std::size_t kMaxOptions = 254;

absl::Status Invalid(const std::string& field, const std::string& message) {
  return absl::InvalidArgumentError(absl::StrCat("survey rollup: ", field, ": ", message));
}

absl::Status CheckShape(const SurveyRollupInput& in, std::size_t items) {
  const std::size_t units = in.units.size();
  if (in.parents.size() != units) {
    return Invalid("parents", absl::StrCat("expected ", units, " entries (one per unit), got ", in.parents.size()));
  }
  if (!in.invited.empty() && in.invited.size() != units) {
    return Invalid("invited",
                   absl::StrCat("expected ", units, " entries (one per unit) or none, got ", in.invited.size()));
  }
  for (std::size_t g = 0; g < units; ++g) {
    const std::int32_t p = in.parents[g];
    if (p < -1 || p >= static_cast<std::int64_t>(g)) {
      return Invalid(absl::StrCat("parents[", g, "]"), absl::StrCat("parent ", p, " is not -1 or an earlier unit"));
    }
    if (!in.invited.empty() && in.invited[g] < 0) {
      return Invalid(absl::StrCat("invited[", g, "]"), absl::StrCat("negative count ", in.invited[g]));
    }
  }
  const std::size_t respondents = in.respondent_units.size();
  if (respondents > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    return Invalid("respondent_units", absl::StrCat(respondents, " respondents, more than 2^31-1"));
  }
  if (in.answers.size() != respondents * items) {
    return Invalid("answers", absl::StrCat("expected ", respondents, " x ", items, " = ", respondents * items,
                                           " bytes, got ", in.answers.size()));
  }
  for (std::size_t r = 0; r < respondents; ++r) {
    const std::int32_t u = in.respondent_units[r];
    if (u < -1 || u >= static_cast<std::int64_t>(units)) {
      return Invalid(absl::StrCat("respondent_units[", r, "]"), absl::StrCat("unit ", u, " is not -1 or a unit index"));
    }
  }
  return absl::OkStatus();
}

// The first answer byte outside the scale, as an error.
absl::Status FindBadAnswer(const SurveyRollupInput& in, const InstrumentDefinition& def, std::size_t options) {
  const std::size_t items = def.items.size();
  for (std::size_t k = 0; k < in.answers.size(); ++k) {
    const std::uint8_t a = in.answers[k];
    if (a < options || a == kMissingAnswerByte) continue;
    return Invalid(absl::StrCat("answers[", k / items, "][", def.items[k % items].code, "]"),
                   absl::StrCat("byte ", a, " (answer ", def.min_answer + a, ") is outside the scale ", def.min_answer,
                                "..", def.max_answer));
  }
  return absl::OkStatus();
}

}  // namespace

// Builds a SurveyRollup: the tables derived from the instrument, the pass
// over the answers, the reverse pass over the units and the verdicts.
class SurveyRollupBuilder {
 public:
  static absl::StatusOr<SurveyRollup> Build(const SurveyRollupInput& in, const InstrumentDefinition& def,
                                            const ConfidentialityThresholds& thresholds) {
    HRKIT_RETURN_IF_ERROR(ValidateInstrument(def));
    HRKIT_RETURN_IF_ERROR(ValidateThresholds(thresholds));
    const auto options = static_cast<std::size_t>(def.max_answer - def.min_answer + 1);
    if (options > kMaxOptions) {
      return Invalid("instrument", absl::StrCat("instrument:", def.code, " has ", options, " answer options, at most ",
                                                kMaxOptions, " fit a byte"));
    }
    HRKIT_RETURN_IF_ERROR(CheckShape(in, def.items.size()));
    SurveyRollup r;
    HRKIT_RETURN_IF_ERROR(Prepare(in, def, options, r));
    if (AnyBadByte(in.answers, options)) return FindBadAnswer(in, def, options);
    Accumulate(in, r);
    RollUp(r);
    std::vector<GroupCount> groups(r.units_.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      groups[g] = {.parent = r.parents_[g], .count = r.respondents_[g], .key = r.units_[g].value()};
    }
    HRKIT_ASSIGN_OR_RETURN(r.verdicts_, SuppressGroups(groups, thresholds, Disclosure::kAggregates));
    ClearHidden(r);
    return r;
  }

 private:
  // Copies the tree, sizes the rows and derives each option's value and
  // favourability from the instrument's own definitions (ItemValue and
  // SummarizeDistribution), so no rule is restated here.
  static absl::Status Prepare(const SurveyRollupInput& in, const InstrumentDefinition& def, std::size_t options,
                              SurveyRollup& r) {
    r.instrument_ = def;
    r.items_ = def.items.size();
    r.options_ = options;
    r.stride_ = options + 1;
    r.scales_ = def.scales.size();
    r.has_invited_ = !in.invited.empty();
    r.option_value_.resize(r.items_ * options);
    r.option_favorable_.resize(r.items_ * options);
    std::vector<std::int64_t> one(options, 0);
    for (std::size_t i = 0; i < r.items_; ++i) {
      for (std::size_t o = 0; o < options; ++o) {
        r.option_value_[i * options + o] = ItemValue(def, i, def.min_answer + static_cast<int>(o));
        one.assign(options, 0);
        one[o] = 1;
        HRKIT_ASSIGN_OR_RETURN(const ItemSummary s, SummarizeDistribution(def, i, one));
        r.option_favorable_[i * options + o] = s.favorable_percent == 100.0 ? 1 : 0;
      }
    }
    const std::size_t units = in.units.size();
    r.units_.assign(in.units.begin(), in.units.end());
    r.parents_.assign(in.parents.begin(), in.parents.end());
    r.respondents_.assign(units, 0);
    if (r.has_invited_) {
      r.invited_.assign(in.invited.begin(), in.invited.end());
    } else {
      r.invited_.assign(units, 0);
    }
    r.counts_.reserve(units * r.items_ * r.stride_);
    core_internal::AdviseHugePages(r.counts_);
    r.counts_.assign(units * r.items_ * r.stride_, 0);
    r.scale_sum_.assign(units * r.scales_, 0.0);
    r.scale_scored_.assign(units * r.scales_, 0);
    return absl::OkStatus();
  }

  // The scales' items as one flat list, and how each scale's score is
  // formed from its item values.
  struct ScaleTables {
    std::vector<std::uint32_t> begin;  // per scale, into items; one past the end last
    std::vector<std::uint32_t> items;
    // Per item and slot (an option, or the last slot for a missing
    // answer): the value and whether it counts as answered ...
    std::vector<double> value;
    std::vector<std::uint8_t> answered;
    // ... and, when every value is a small integer, both packed in one
    // integer: value x 256 + answered (a scale has fewer than 256 items).
    std::vector<std::int32_t> packed;
    // ... and, when every value is a small non-negative integer and every
    // scale has at most 15 items, the packed figures of four scales at once
    // in the 16-bit lanes of one word (value sum x 16 + answered, never
    // above 65535): `words` words per item and slot.
    std::size_t words = 0;
    std::vector<std::uint64_t> lanes;
  };

  static constexpr std::size_t kMaxLaneWords = 8;  // up to 32 scales

  static ScaleTables MakeScaleTables(const SurveyRollup& r) {
    ScaleTables t;
    const std::size_t stride = r.stride_;
    t.value.assign(r.items_ * stride, 0.0);
    t.answered.assign(r.items_ * stride, 0);
    bool integral = true;
    for (std::size_t i = 0; i < r.items_; ++i) {
      for (std::size_t o = 0; o < r.options_; ++o) {
        const double v = r.option_value_[i * r.options_ + o];
        t.value[i * stride + o] = v;
        t.answered[i * stride + o] = 1;
        integral = integral && v == std::trunc(v) && std::abs(v) <= 65536.0;
      }
    }
    for (const ScaleDefinition& s : r.instrument_.scales) {
      t.begin.push_back(static_cast<std::uint32_t>(t.items.size()));
      for (const std::size_t i : s.items) t.items.push_back(static_cast<std::uint32_t>(i));
      integral = integral && s.items.size() < 256;
    }
    t.begin.push_back(static_cast<std::uint32_t>(t.items.size()));
    if (!integral) return t;
    t.packed.resize(t.value.size());
    for (std::size_t k = 0; k < t.value.size(); ++k) {
      t.packed[k] = static_cast<std::int32_t>(t.value[k]) * 256 + t.answered[k];
    }
    const double high = *std::max_element(t.value.begin(), t.value.end());
    bool lanes = *std::min_element(t.value.begin(), t.value.end()) >= 0.0 && r.scales_ <= 4 * kMaxLaneWords;
    for (const ScaleDefinition& s : r.instrument_.scales) {
      lanes = lanes && s.items.size() <= 15 && high * static_cast<double>(s.items.size()) <= 4095.0;
    }
    if (!lanes) return t;
    t.words = (r.scales_ + 3) / 4;
    t.lanes.assign(t.value.size() * t.words, 0);
    for (std::size_t s = 0; s < r.scales_; ++s) {
      for (std::uint32_t j = t.begin[s]; j < t.begin[s + 1]; ++j) {
        for (std::size_t o = 0; o < stride; ++o) {
          const std::size_t k = t.items[j] * stride + o;
          const auto lane = static_cast<std::uint64_t>(t.value[k]) * 16 + t.answered[k];
          t.lanes[k * t.words + s / 4] += lane << (16 * (s % 4));
        }
      }
    }
    return t;
  }

  // True when any answer byte is outside the scale (and not missing).
  static bool AnyBadByte(std::span<const std::uint8_t> answers, std::size_t options) {
    const auto last = static_cast<std::uint8_t>(options);
    std::uint8_t bad = 0;
    for (const std::uint8_t a : answers) bad |= static_cast<std::uint8_t>((a >= last) & (a != kMissingAnswerByte));
    return bad != 0;
  }

  // One pass over the answers into each respondent's own unit. Each answer
  // byte indexes its option's slot; a missing byte lands in the last slot,
  // which the scale tables count as unanswered. A respondent's scale scores
  // are formed as ScoreResponse forms them: the answered values summed in
  // the scale's item order (in integers when every value is an integer,
  // which gives the same double), divided by the answered count for a mean,
  // times the multiplier. REQUIRES: no byte outside the scale.
  static void Accumulate(const SurveyRollupInput& in, SurveyRollup& r) {
    const std::size_t items = r.items_;
    const std::size_t stride = r.stride_;
    const auto last = static_cast<std::uint8_t>(r.options_);
    const ScaleTables t = MakeScaleTables(r);
    const std::vector<ScaleDefinition>& scales = r.instrument_.scales;
    const bool packed = !t.packed.empty();
    const std::int32_t* packed_value = t.packed.data();
    const std::uint32_t* scale_items = t.items.data();
    // Each answer's slot; on the stack for up to kLocalItems items, so the
    // compiler knows the count increments cannot change it.
    constexpr std::size_t kLocalItems = 64;
    std::uint32_t local[kLocalItems];
    std::vector<std::uint32_t> heap(items > kLocalItems ? items : 0);
    std::uint32_t* slot = items > kLocalItems ? heap.data() : local;
    const std::uint8_t* row = in.answers.data();
    for (std::size_t k = 0; k < in.respondent_units.size(); ++k, row += items) {
      const std::int32_t u = in.respondent_units[k];
      if (u < 0) continue;
      const auto unit = static_cast<std::size_t>(u);
      ++r.respondents_[unit];
      std::uint32_t* counts = r.counts_.data() + unit * items * stride;
      for (std::size_t i = 0; i < items; ++i) {
        slot[i] = static_cast<std::uint32_t>(i * stride + std::min(row[i], last));
        ++counts[slot[i]];
      }
      double* sums = r.scale_sum_.data() + unit * r.scales_;
      std::int64_t* scored = r.scale_scored_.data() + unit * r.scales_;
      std::uint64_t lane_sums[kMaxLaneWords] = {};
      for (std::size_t i = 0; i < items && t.words > 0; ++i) {
        const std::uint64_t* e = t.lanes.data() + slot[i] * t.words;
        for (std::size_t w = 0; w < t.words; ++w) lane_sums[w] += e[w];
      }
      for (std::size_t s = 0; s < scales.size(); ++s) {
        double sum = 0.0;
        std::size_t n = 0;
        if (t.words > 0) {
          const std::uint64_t lane = (lane_sums[s / 4] >> (16 * (s % 4))) & 0xFFFF;
          n = static_cast<std::size_t>(lane & 15);
          sum = static_cast<double>(lane >> 4);
        } else if (packed) {
          std::int32_t acc = 0;
          for (std::uint32_t j = t.begin[s]; j < t.begin[s + 1]; ++j) acc += packed_value[slot[scale_items[j]]];
          n = static_cast<std::size_t>(acc & 255);
          sum = static_cast<double>((acc - static_cast<std::int32_t>(n)) / 256);
        } else {
          for (std::uint32_t j = t.begin[s]; j < t.begin[s + 1]; ++j) {
            sum += t.value[slot[scale_items[j]]];
            n += t.answered[slot[scale_items[j]]];
          }
        }
        const ScaleDefinition& def = scales[s];
        if (n < def.min_answered) continue;
        const double combined = def.method == ScoreMethod::kSum ? sum : sum / static_cast<double>(n);
        sums[s] += combined * def.multiplier;
        ++scored[s];
      }
    }
  }

  // Adds every unit into its parent, children first (a reverse pass over
  // the parent-before-child order).
  static void RollUp(SurveyRollup& r) {
    const std::size_t row = r.items_ * r.stride_;
    for (std::size_t g = r.units_.size(); g-- > 0;) {
      const std::int32_t p = r.parents_[g];
      if (p < 0) continue;
      const auto parent = static_cast<std::size_t>(p);
      r.respondents_[parent] += r.respondents_[g];
      r.invited_[parent] += r.invited_[g];
      std::uint32_t* to = r.counts_.data() + parent * row;
      const std::uint32_t* from = r.counts_.data() + g * row;
      for (std::size_t k = 0; k < row; ++k) to[k] += from[k];
      for (std::size_t s = 0; s < r.scales_; ++s) {
        r.scale_sum_[parent * r.scales_ + s] += r.scale_sum_[g * r.scales_ + s];
        r.scale_scored_[parent * r.scales_ + s] += r.scale_scored_[g * r.scales_ + s];
      }
    }
  }

  // A hidden unit keeps its verdict only.
  static void ClearHidden(SurveyRollup& r) {
    const std::size_t row = r.items_ * r.stride_;
    for (std::size_t g = 0; g < r.units_.size(); ++g) {
      if (IsShown(r.verdicts_[g])) continue;
      r.respondents_[g] = 0;
      r.invited_[g] = 0;
      std::fill_n(r.counts_.begin() + static_cast<std::ptrdiff_t>(g * row), row, 0u);
      std::fill_n(r.scale_sum_.begin() + static_cast<std::ptrdiff_t>(g * r.scales_), r.scales_, 0.0);
      std::fill_n(r.scale_scored_.begin() + static_cast<std::ptrdiff_t>(g * r.scales_), r.scales_, 0);
    }
  }
};

absl::StatusOr<SurveyRollup> SurveyRollup::Compute(const SurveyRollupInput& input,
                                                   const InstrumentDefinition& instrument,
                                                   const ConfidentialityThresholds& thresholds) {
  return SurveyRollupBuilder::Build(input, instrument, thresholds);
}

std::optional<std::int64_t> SurveyRollup::respondents(std::size_t g) const {
  if (Hidden(g)) return std::nullopt;
  return respondents_[g];
}

std::optional<std::int64_t> SurveyRollup::item_answered(std::size_t g, std::size_t item) const {
  if (Hidden(g)) return std::nullopt;
  std::int64_t n = 0;
  for (const std::uint32_t c : item_distribution(g, item)) n += c;
  return n;
}

std::span<const std::uint32_t> SurveyRollup::item_distribution(std::size_t g, std::size_t item) const {
  if (Hidden(g)) return {};
  return std::span<const std::uint32_t>(counts_).subspan(Row(g, item), options_);
}

std::optional<double> SurveyRollup::item_mean(std::size_t g, std::size_t item) const {
  if (Hidden(g)) return std::nullopt;
  return Item(g, item).mean;
}

std::optional<double> SurveyRollup::item_favorable_percent(std::size_t g, std::size_t item) const {
  if (Hidden(g)) return std::nullopt;
  return Item(g, item).favorable_percent;
}

std::optional<std::int64_t> SurveyRollup::scale_scored(std::size_t g, std::size_t scale) const {
  if (Hidden(g)) return std::nullopt;
  return scale_scored_[g * scales_ + scale];
}

std::optional<double> SurveyRollup::scale_mean(std::size_t g, std::size_t scale) const {
  if (Hidden(g) || scale_scored_[g * scales_ + scale] == 0) return std::nullopt;
  return scale_sum_[g * scales_ + scale] / static_cast<double>(scale_scored_[g * scales_ + scale]);
}

// The arithmetic of SummarizeDistribution, from the option tables.
ItemSummary SurveyRollup::Item(std::size_t g, std::size_t item) const {
  ItemSummary out;
  const std::span<const std::uint32_t> counts = item_distribution(g, item);
  out.distribution.assign(counts.begin(), counts.end());
  double sum = 0.0;
  std::int64_t favorable = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const std::int64_t n = counts[k];
    out.answered += n;
    sum += static_cast<double>(n) * option_value_[item * options_ + k];
    if (option_favorable_[item * options_ + k] != 0) favorable += n;
  }
  if (out.answered > 0) {
    const auto n = static_cast<double>(out.answered);
    out.mean = sum / n;
    out.favorable_percent = 100.0 * static_cast<double>(favorable) / n;
  }
  return out;
}

SurveyGroupResult SurveyRollup::Group(std::size_t g) const {
  SurveyGroupResult out;
  out.unit = units_[g];
  out.parent = parents_[g] < 0 ? OrgUnitId() : units_[static_cast<std::size_t>(parents_[g])];
  out.suppression = verdicts_[g];
  if (Hidden(g)) return out;
  out.respondents = respondents_[g];
  if (has_invited_) {
    out.invited = invited_[g];
    if (invited_[g] > 0) {
      out.response_rate_percent = 100.0 * static_cast<double>(respondents_[g]) / static_cast<double>(invited_[g]);
    }
  }
  for (std::size_t s = 0; s < scales_; ++s) {
    out.scales.push_back({.code = instrument_.scales[s].code, .scored = *scale_scored(g, s), .mean = scale_mean(g, s)});
  }
  for (std::size_t i = 0; i < items_; ++i) out.items.push_back(Item(g, i));
  if (items_ == 1 && instrument_.min_answer == 0 && instrument_.max_answer == 10) {
    // As OrgReport: the eNPS of the answers behind the distribution.
    std::vector<int> answers;
    const std::span<const std::uint32_t> d = item_distribution(g, 0);
    for (int a = 0; a <= 10; ++a) answers.insert(answers.end(), d[static_cast<std::size_t>(a)], a);
    const absl::StatusOr<std::optional<double>> enps = NetPromoterScore(answers);
    if (enps.ok()) out.enps = *enps;  // always ok: every answer is 0..10
  }
  return out;
}

std::vector<SurveyGroupResult> SurveyRollup::Groups() const {
  std::vector<SurveyGroupResult> out;
  out.reserve(units_.size());
  for (std::size_t g = 0; g < units_.size(); ++g) out.push_back(Group(g));
  return out;
}

}  // namespace hrkit
