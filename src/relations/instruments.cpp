#include "hrkit/relations/instruments.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

// Items "<prefix>_1" .. "<prefix>_<count>" without text.
std::vector<SurveyItem> NumberedItems(const std::string& prefix, std::size_t count) {
  std::vector<SurveyItem> items;
  for (std::size_t k = 1; k <= count; ++k) items.push_back({.code = absl::StrCat(prefix, "_", k)});
  return items;
}

// 0-based indexes of the 1-based item numbers.
std::vector<std::size_t> Items(std::initializer_list<std::size_t> numbers) {
  std::vector<std::size_t> out;
  for (const std::size_t n : numbers) out.push_back(n - 1);
  return out;
}

std::vector<std::size_t> Range(std::size_t first, std::size_t last) {
  std::vector<std::size_t> out(last - first + 1);
  std::iota(out.begin(), out.end(), first - 1);
  return out;
}

ScaleDefinition MeanOf(std::string code, std::vector<std::size_t> items, std::size_t min_answered = 0) {
  const std::size_t all = items.size();
  return {.code = std::move(code),
          .items = std::move(items),
          .method = ScoreMethod::kMean,
          .min_answered = min_answered == 0 ? all : min_answered};
}

}  // namespace

Who5Change CompareWho5(double before_percent, double after_percent) {
  const double change = after_percent - before_percent;
  // Percentages are multiples of 4, so the comparison is exact; the margin
  // only absorbs rounding of percentages computed elsewhere.
  return {.before_percent = before_percent,
          .after_percent = after_percent,
          .change_points = change,
          .significant = std::abs(change) >= kWho5SignificantChange - 1e-9};
}

InstrumentDefinition Who5Instrument() {
  InstrumentDefinition i{
      .code = "who5",
      .name = "WHO-5 Well-Being Index",
      .source = "WHO Regional Office for Europe, 1998; free to use",
      .min_answer = 0,
      .max_answer = 5,
      .items = {{.code = "who5_1", .text = "I have felt cheerful and in good spirits"},
                {.code = "who5_2", .text = "I have felt calm and relaxed"},
                {.code = "who5_3", .text = "I have felt active and vigorous"},
                {.code = "who5_4", .text = "I woke up feeling fresh and rested"},
                {.code = "who5_5", .text = "My daily life has been filled with things that interest me"}},
  };
  i.scales.push_back({.code = "raw", .items = Range(1, 5), .method = ScoreMethod::kSum, .min_answered = 5});
  i.scales.push_back({.code = "percentage",
                      .items = Range(1, 5),
                      .method = ScoreMethod::kSum,
                      .multiplier = 4.0,
                      .min_answered = 5,
                      .bands = {{28.0, "likely depression"}, {50.0, "poor well-being"}},
                      .above_bands = "adequate"});
  return i;
}

InstrumentDefinition Uwes9Instrument() {
  InstrumentDefinition i{
      .code = "uwes9",
      .name = "Utrecht Work Engagement Scale (9 items)",
      .source = "Schaufeli & Bakker 2004; free for non-commercial use, commercial use needs the authors' permission",
      .min_answer = 0,
      .max_answer = 6,
      .items = NumberedItems("uwes9", 9),
  };
  i.scales = {MeanOf("vigor", Items({1, 2, 5})), MeanOf("dedication", Items({3, 4, 7})),
              MeanOf("absorption", Items({6, 8, 9})), MeanOf("total", Range(1, 9))};
  return i;
}

InstrumentDefinition EnpsInstrument() {
  InstrumentDefinition i{
      .code = "enps",
      .name = "Employee Net Promoter Score",
      .source = "Net Promoter question applied to employees; free to use",
      .min_answer = 0,
      .max_answer = 10,
      .items = {{.code = "enps_1", .text = "How likely are you to recommend this organization as a place to work?"}},
  };
  i.scales.push_back({.code = "answer",
                      .items = {0},
                      .method = ScoreMethod::kSum,
                      .min_answered = 1,
                      .bands = {{6.0, "detractor"}, {8.0, "passive"}},
                      .above_bands = "promoter"});
  return i;
}

InstrumentDefinition PsychologicalSafetyInstrument() {
  InstrumentDefinition i{
      .code = "psysafety",
      .name = "Team psychological safety",
      .source = "Edmondson 1999, Administrative Science Quarterly 44(2); wording from the paper",
      .min_answer = 1,
      .max_answer = 7,
      .items = NumberedItems("psysafety", 7),
  };
  for (const std::size_t k : Items({1, 3, 5})) i.items[k].reverse = true;
  i.scales = {MeanOf("score", Range(1, 7))};
  return i;
}

InstrumentDefinition CopenhagenBurnoutInstrument() {
  InstrumentDefinition i{
      .code = "cbi",
      .name = "Copenhagen Burnout Inventory",
      .source = "Kristensen, Borritz, Villadsen & Christensen 2005, Work & Stress 19(3); free to use",
      .min_answer = 1,
      .max_answer = 5,
      .option_values = {100.0, 75.0, 50.0, 25.0, 0.0},
      .items = NumberedItems("cbi", 19),
  };
  i.items[12].reverse = true;  // work item 7: energy for family and friends
  i.scales = {MeanOf("personal", Range(1, 6), 3), MeanOf("work", Range(7, 13), 4), MeanOf("client", Range(14, 19), 3)};
  return i;
}

absl::StatusOr<InstrumentDefinition> LikertInstrument(std::string code, std::string name, int min_answer,
                                                      int max_answer, std::vector<SurveyItem> items,
                                                      std::size_t min_answered) {
  InstrumentDefinition i{
      .code = std::move(code),
      .name = std::move(name),
      .source = "user-defined",
      .min_answer = min_answer,
      .max_answer = max_answer,
      .items = std::move(items),
  };
  i.scales = {MeanOf("mean", Range(1, i.items.size()), min_answered)};
  if (i.items.empty()) i.scales.clear();  // reported by ValidateInstrument
  HRKIT_RETURN_IF_ERROR(ValidateInstrument(i));
  return i;
}

}  // namespace hrkit
