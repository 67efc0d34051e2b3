#include "hrkit/synth/survey_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "gtest/gtest.h"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/survey_report.hpp"
#include "hrkit/relations/survey_trends.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit::synth {
namespace {

constexpr std::size_t kTeam = 2;  // the team instrument's position in the survey

// A small organization (800 people) shared by the tests; generated once.
const Organization& Org() {
  static const Organization* org = [] {
    SynthOptions o;
    o.employee_count = 800;
    o.seed = 5;
    auto generated = GenerateOrganization(o);
    EXPECT_OK(generated.status());
    return new Organization(generated.ok() ? *std::move(generated) : Organization{});
  }();
  return *org;
}

// The generated book, or nullptr when generation failed (reported once).
const SurveyBook* BookOrNull() {
  static const SurveyBook* book = [] {
    auto generated = GenerateSurveyBook(Org(), SurveyOptions{});
    EXPECT_OK(generated.status());
    return generated.ok() ? new SurveyBook(*std::move(generated)) : nullptr;
  }();
  return book;
}

// REQUIRES: BookOrNull() != nullptr (each test asserts it first).
const SurveyBook& Book() { return *BookOrNull(); }

const OrgLookup& Lookup() {
  static const OrgLookup* lookup = [] {
    auto built = OrgLookup::Build(Org().units, Org().positions);
    EXPECT_OK(built.status());
    return new OrgLookup(built.ok() ? *std::move(built) : OrgLookup{});
  }();
  return *lookup;
}

TEST(SurveyGenerator, SameSeedGivesIdenticalOutput) {
  ASSERT_NE(BookOrNull(), nullptr);
  ASSERT_OK_AND_ASSIGN(GeneratedSurvey a, GenerateSurvey(Org(), SurveyOptions{}));
  ASSERT_OK_AND_ASSIGN(GeneratedSurvey b, GenerateSurvey(Org(), SurveyOptions{}));
  EXPECT_TRUE(a.instruments == b.instruments);
  EXPECT_TRUE(a.survey == b.survey);
  EXPECT_TRUE(a.invitations == b.invitations);
  EXPECT_TRUE(a.responses == b.responses);
  // The book and the entities agree.
  EXPECT_TRUE(a.responses == Book().responses());
  SurveyOptions other;
  other.seed = 9;
  ASSERT_OK_AND_ASSIGN(GeneratedSurvey c, GenerateSurvey(Org(), other));
  EXPECT_FALSE(a.responses == c.responses);
}

TEST(SurveyGenerator, EveryEntityIsValid) {
  ASSERT_NE(BookOrNull(), nullptr);
  const SurveyBook& book = Book();
  EXPECT_OK(ValidateStoredEntity(book.survey()));
  ASSERT_FALSE(book.invitations().empty());
  ASSERT_FALSE(book.responses().empty());
  for (const SurveyInvitation& i : book.invitations()) EXPECT_OK(ValidateStoredEntity(i));
  for (const SurveyResponse& r : book.responses()) EXPECT_OK(ValidateStoredEntity(r));
}

TEST(SurveyGenerator, ResponseRatesArePlausible) {
  ASSERT_NE(BookOrNull(), nullptr);
  std::map<std::int32_t, std::pair<double, double>> by_wave;  // invited, responded
  for (const SurveyInvitation& i : Book().invitations()) ++by_wave[i.wave].first;
  for (const SurveyResponse& r : Book().responses()) ++by_wave[r.wave].second;
  ASSERT_EQ(by_wave.size(), 2u);
  for (const auto& [wave, counts] : by_wave) {
    // Everyone employed is invited: 800 people.
    EXPECT_EQ(counts.first, 800) << "wave " << wave;
    const double rate = counts.second / counts.first;
    EXPECT_GE(rate, 0.60) << "wave " << wave;
    EXPECT_LE(rate, 0.95) << "wave " << wave;
  }
}

TEST(SurveyGenerator, LikertAlphaIsInTheUsualRange) {
  ASSERT_NE(BookOrNull(), nullptr);
  for (std::int32_t wave : {1, 2}) {
    ASSERT_OK_AND_ASSIGN(double alpha, ScaleAlpha(Book(), wave, kTeam, 0));
    EXPECT_GE(alpha, 0.7) << "wave " << wave;
    EXPECT_LE(alpha, 0.95) << "wave " << wave;
  }
}

TEST(SurveyGenerator, SomeUnitsAreHiddenAndSomeChangeInWaveTwo) {
  ASSERT_NE(BookOrNull(), nullptr);
  ASSERT_OK_AND_ASSIGN(std::vector<SurveyGroupResult> first, OrgReport(Book(), 1, kTeam, Lookup()));
  ASSERT_OK_AND_ASSIGN(std::vector<SurveyGroupResult> second, OrgReport(Book(), 2, kTeam, Lookup()));
  const auto hidden =
      std::count_if(first.begin(), first.end(), [](const SurveyGroupResult& g) { return !IsShown(g.suppression); });
  EXPECT_GE(hidden, 1);
  EXPECT_LT(hidden, static_cast<std::ptrdiff_t>(first.size()));
  std::map<std::int64_t, double> before;
  for (const SurveyGroupResult& g : first) {
    if (IsShown(g.suppression) && g.scales[0].mean.has_value()) before[g.unit.value()] = *g.scales[0].mean;
  }
  double largest_change = 0;
  for (const SurveyGroupResult& g : second) {
    const auto b = before.find(g.unit.value());
    if (!IsShown(g.suppression) || b == before.end() || !g.scales[0].mean.has_value()) continue;
    largest_change = std::max(largest_change, std::abs(*g.scales[0].mean - b->second));
  }
  // A changed unit moves by 0.6 trait units, about 0.45 scale points.
  EXPECT_GT(largest_change, 0.25);
}

TEST(SurveyGenerator, RejectsInvalidOptions) {
  SurveyOptions options;
  options.response_rate = -0.1;
  EXPECT_STATUS_CODE(GenerateSurvey(Org(), options).status(), absl::StatusCode::kInvalidArgument);
  options = SurveyOptions{};
  options.secret = "short";
  EXPECT_STATUS_CODE(GenerateSurvey(Org(), options).status(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hrkit::synth
