#include "hrkit/synth/cycle_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/performance/cycle_book.hpp"
#include "synth_random.hpp"

namespace hrkit::synth {
namespace {

using boost::gregorian::days;
using internal::Rng;

constexpr char kGoalsSection[] = "Goals";
constexpr char kCompetencySection[] = "Competencies";
constexpr const char* kCompetencies[] = {"ownership", "collaboration", "craft"};
constexpr double kMiddleLevel = 3.0;

absl::Status CheckOptions(const CycleOptions& o) {
  if (o.min_goals < 1 || o.max_goals < o.min_goals || o.max_goals > 10) {
    return absl::InvalidArgumentError(
        absl::StrCat("cycle options: goals per participant ", o.min_goals, "..", o.max_goals, " not within 1..10"));
  }
  if (o.unit_goal_weight < 0 || o.unit_goal_weight > 50) {
    return absl::InvalidArgumentError(
        absl::StrCat("cycle options: unit_goal_weight ", o.unit_goal_weight, " not within 0..50"));
  }
  for (double rate : {o.peer_review_rate, o.anonymous_peer_rate, o.calibration_rate}) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      return absl::InvalidArgumentError(absl::StrCat("cycle options: rate ", rate, " outside [0, 1]"));
    }
  }
  for (double sd : {o.unit_effect_sd, o.person_sd, o.rating_noise_sd, o.self_inflation}) {
    if (!std::isfinite(sd) || sd < 0.0) {
      return absl::InvalidArgumentError(absl::StrCat("cycle options: ", sd, " is not a finite value >= 0"));
    }
  }
  if (!std::isfinite(o.mean_level)) return absl::InvalidArgumentError("cycle options: mean_level is not finite");
  if (!IsRealDate(o.goal_setting_starts)) {
    return absl::InvalidArgumentError("cycle options: goal_setting_starts is not a real date");
  }
  return absl::OkStatus();
}

RatingScale MakeScale() {
  return RatingScale{RatingScaleId(1),
                     "five levels",
                     {{1, "unsatisfactory"}, {2, "partially meets"}, {3, "meets"}, {4, "exceeds"}, {5, "outstanding"}}};
}

ReviewTemplate MakeTemplate() {
  ReviewTemplate t;
  t.id = ReviewTemplateId(1);
  t.name = "Goals and competencies";
  t.method.scale = RatingScaleId(1);
  t.method.sections = {
      {kGoalsSection, SectionKind::kGoals, 70, {}},
      {kCompetencySection, SectionKind::kCompetencies, 30, {kCompetencies[0], kCompetencies[1], kCompetencies[2]}}};
  t.method.role_weights = {{ReviewerRole::kManager, 70}, {ReviewerRole::kSelf, 10}, {ReviewerRole::kPeer, 20}};
  t.method.missing_role = MissingRole::kRescale;
  return t;
}

// One participant as the generator sees them.
struct Person {
  EmployeeId id;
  std::size_t employee = 0;  // index into org.employees
  OrgUnitId unit;
  double level = kMiddleLevel;
  std::optional<std::size_t> manager;  // index into org.employees
  std::vector<GoalId> goals;
  std::vector<double> goal_weights;
};

// Everything the steps share.
struct Run {
  const Organization& org;
  const CycleOptions& options;
  Rng rng;
  CycleBook book;
  RatingScale scale;
  std::vector<Person> people;
  absl::flat_hash_map<OrgUnitId, std::vector<std::size_t>> by_unit;  // indices into people
};

bool EmployedOn(const Employee& e, Date date) {
  const EmploymentRecord* r = e.employment.At(date);
  return r != nullptr && IsEmployed(*r);
}

// The employee (index) holding each position on `date`.
absl::flat_hash_map<PositionId, std::size_t> HoldersOn(const Organization& org, Date date) {
  absl::flat_hash_map<PositionId, std::size_t> holders;
  for (std::size_t i = 0; i < org.employees.size(); ++i) {
    const EmploymentRecord* r = org.employees[i].employment.At(date);
    if (r != nullptr && IsEmployed(*r) && r->position.valid()) holders.emplace(r->position, i);
  }
  return holders;
}

std::optional<std::size_t> ManagerOf(const Organization& org, const Employee& e, Date date,
                                     const absl::flat_hash_map<PositionId, std::size_t>& holders,
                                     const absl::flat_hash_map<PositionId, std::size_t>& position_index) {
  const EmploymentRecord* r = e.employment.At(date);
  if (r == nullptr || !r->position.valid()) return std::nullopt;
  const auto p = position_index.find(r->position);
  if (p == position_index.end()) return std::nullopt;
  const PositionRecord* pr = org.positions[p->second].history.At(date);
  if (pr == nullptr || !pr->reports_to.valid()) return std::nullopt;
  const auto h = holders.find(pr->reports_to);
  if (h == holders.end()) return std::nullopt;
  return h->second;
}

absl::Status CollectPeople(Run& run, const OrgLookup& lookup, Date on) {
  absl::flat_hash_map<EmployeeId, std::size_t> employee_index;
  for (std::size_t i = 0; i < run.org.employees.size(); ++i) employee_index.emplace(run.org.employees[i].id, i);
  absl::flat_hash_map<PositionId, std::size_t> position_index;
  for (std::size_t i = 0; i < run.org.positions.size(); ++i) position_index.emplace(run.org.positions[i].id, i);
  const auto holders = HoldersOn(run.org, on);
  absl::flat_hash_map<OrgUnitId, double> unit_effect;
  for (const OrgUnit& u : run.org.units) unit_effect.emplace(u.id, run.rng.Normal(run.options.unit_effect_sd));
  for (EmployeeId id : run.book.cycle().participants) {
    Person p;
    p.id = id;
    p.employee = employee_index.at(id);
    const Employee& e = run.org.employees[p.employee];
    HRKIT_ASSIGN_OR_RETURN(EmployeeFacts facts, FactsOn(e, lookup, on));
    p.unit = facts.org_unit;
    const auto effect = unit_effect.find(p.unit);
    p.level = run.options.mean_level + (effect == unit_effect.end() ? 0.0 : effect->second) +
              run.rng.Normal(run.options.person_sd);
    p.manager = ManagerOf(run.org, e, on, holders, position_index);
    run.by_unit[p.unit].push_back(run.people.size());
    run.people.push_back(std::move(p));
  }
  return absl::OkStatus();
}

// `count` whole-percent weights summing to exactly `sum`.
std::vector<double> GoalWeights(Rng& rng, int count, std::int64_t sum) {
  std::vector<std::int64_t> parts(static_cast<std::size_t>(count));
  std::int64_t total = 0;
  for (auto& part : parts) total += (part = rng.Between(2, 6));
  std::vector<double> weights;
  std::int64_t used = 0;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::int64_t w = std::max<std::int64_t>(1, parts[i] * sum / total);
    weights.push_back(static_cast<double>(w));
    used += w;
  }
  weights.push_back(static_cast<double>(sum - used));
  return weights;
}

// A unit goal for each unit with two or more participants, cascaded to
// them (in the order of org.units).
absl::Status CascadeUnitGoals(Run& run, Date on) {
  if (run.options.unit_goal_weight == 0) return absl::OkStatus();
  const auto weight = static_cast<double>(run.options.unit_goal_weight);
  for (const OrgUnit& unit : run.org.units) {
    const auto members = run.by_unit.find(unit.id);
    if (members == run.by_unit.end() || members->second.size() < 2) continue;
    GoalInput input;
    input.org_unit = unit.id;
    input.title = absl::StrCat("Unit goal of org_unit:", unit.id.value());
    input.weight = 100;
    HRKIT_ASSIGN_OR_RETURN(GoalId unit_goal, run.book.AddGoal(input, on));
    std::vector<EmployeeId> ids;
    for (std::size_t m : members->second) ids.push_back(run.people[m].id);
    HRKIT_ASSIGN_OR_RETURN(std::vector<GoalId> cascaded, run.book.CascadeGoal(unit_goal, ids, weight, on));
    for (std::size_t k = 0; k < cascaded.size(); ++k) {
      Person& p = run.people[members->second[k]];
      p.goals.push_back(cascaded[k]);
      p.goal_weights.push_back(weight);
    }
  }
  return absl::OkStatus();
}

absl::Status AddGoals(Run& run, Date on, Date check_in_on) {
  HRKIT_RETURN_IF_ERROR(CascadeUnitGoals(run, on));
  for (Person& p : run.people) {
    const int count = static_cast<int>(run.rng.Between(run.options.min_goals, run.options.max_goals));
    const double cascaded = p.goal_weights.empty() ? 0.0 : p.goal_weights.front();
    for (double w : GoalWeights(run.rng, count, 100 - static_cast<std::int64_t>(cascaded))) {
      p.goal_weights.push_back(w);
    }
    for (int g = 0; g < count; ++g) {
      GoalInput input;
      input.owner = p.id;
      input.title = absl::StrCat("Goal ", g + 1, " of employee ", p.id.value());
      input.weight = p.goal_weights[p.goals.size()];
      HRKIT_ASSIGN_OR_RETURN(GoalId id, run.book.AddGoal(input, on));
      p.goals.push_back(id);
    }
  }
  for (const Person& p : run.people) {
    for (GoalId id : p.goals) {
      const double progress = std::clamp(0.2 + 0.1 * p.level + run.rng.Normal(0.1), 0.0, 1.0);
      HRKIT_RETURN_IF_ERROR(run.book.CheckIn(id, progress, "mid-cycle check-in", check_in_on));
    }
  }
  return absl::OkStatus();
}

// Ratings of every goal and competency around `level`; `*total` receives
// the review's score (goals 70 % + competencies 30 %).
std::vector<ReviewRating> RateAll(Run& run, const Person& p, double level, double* total) {
  std::vector<ReviewRating> ratings;
  double goals = 0.0;
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    const double r = NearestRating(run.scale, level + run.rng.Normal(run.options.rating_noise_sd));
    goals += p.goal_weights[g] * r / 100.0;
    ratings.push_back(ReviewRating{kGoalsSection, p.goals[g], "", r, ""});
  }
  double competencies = 0.0;
  for (const char* c : kCompetencies) {
    const double r = NearestRating(run.scale, level + run.rng.Normal(run.options.rating_noise_sd));
    competencies += r / 3.0;
    ratings.push_back(ReviewRating{kCompetencySection, GoalId(), c, r, ""});
  }
  *total = 0.7 * goals + 0.3 * competencies;
  return ratings;
}

absl::Status WriteReview(Run& run, const Person& p, std::size_t reviewer, ReviewerRole role, bool anonymous,
                         double level, Date on) {
  const Employee& e = run.org.employees[reviewer];
  if (!EmployedOn(e, on)) return absl::OkStatus();  // left before the review: no review
  HRKIT_ASSIGN_OR_RETURN(ReviewId id, run.book.StartReview(ReviewInput{p.id, e.id, role, anonymous}, e, on));
  double total = 0.0;
  std::vector<ReviewRating> ratings = RateAll(run, p, level, &total);
  std::optional<double> overall;
  if (role == ReviewerRole::kManager) overall = NearestRating(run.scale, total);
  HRKIT_RETURN_IF_ERROR(run.book.SaveDraft(id, std::move(ratings), overall, "", on));
  return run.book.Submit(id, on);
}

absl::Status WriteSelfAndPeerReviews(Run& run, Date on) {
  for (const Person& p : run.people) {
    HRKIT_RETURN_IF_ERROR(
        WriteReview(run, p, p.employee, ReviewerRole::kSelf, false, p.level + run.options.self_inflation, on));
    if (!run.rng.Chance(run.options.peer_review_rate)) continue;
    const std::vector<std::size_t>& unit = run.by_unit[p.unit];
    const std::int64_t wanted = run.rng.Between(1, 3);
    std::vector<std::size_t> chosen;
    for (int attempt = 0; attempt < 10 && static_cast<std::int64_t>(chosen.size()) < wanted; ++attempt) {
      const std::size_t peer = unit[static_cast<std::size_t>(run.rng.Below(static_cast<std::int64_t>(unit.size())))];
      if (run.people[peer].id == p.id || std::find(chosen.begin(), chosen.end(), peer) != chosen.end()) continue;
      chosen.push_back(peer);
      const bool anonymous = run.rng.Chance(run.options.anonymous_peer_rate);
      HRKIT_RETURN_IF_ERROR(
          WriteReview(run, p, run.people[peer].employee, ReviewerRole::kPeer, anonymous, p.level, on));
    }
  }
  return absl::OkStatus();
}

absl::Status WriteManagerReviews(Run& run, Date on) {
  for (const Person& p : run.people) {
    if (!p.manager.has_value()) continue;
    HRKIT_RETURN_IF_ERROR(WriteReview(run, p, *p.manager, ReviewerRole::kManager, false, p.level, on));
  }
  return absl::OkStatus();
}

absl::Status CalibrateSome(Run& run, Date on) {
  EmployeeId changed_by = run.people.empty() ? EmployeeId() : run.people.front().id;
  const auto holders = HoldersOn(run.org, on);
  if (!run.org.positions.empty()) {
    const auto top = holders.find(run.org.positions.front().id);
    if (top != holders.end()) changed_by = run.org.employees[top->second].id;
  }
  for (const Person& p : run.people) {
    if (!run.rng.Chance(run.options.calibration_rate)) continue;
    HRKIT_ASSIGN_OR_RETURN(std::optional<double> rating, run.book.FinalRating(p.id));
    if (!rating.has_value() || *rating == kMiddleLevel) continue;
    const double after = *rating > kMiddleLevel ? *rating - 1.0 : *rating + 1.0;
    HRKIT_RETURN_IF_ERROR(
        run.book.Calibrate(p.id, after, changed_by, "aligned with the guideline distribution", on).status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GeneratedCycle> GenerateCycle(const Organization& org, const CycleOptions& options) {
  HRKIT_RETURN_IF_ERROR(CheckOptions(options));
  HRKIT_ASSIGN_OR_RETURN(OrgLookup lookup, OrgLookup::Build(org.units, org.positions));
  const Date start = options.goal_setting_starts;
  const ReviewTemplate review_template = MakeTemplate();
  PerformanceCycle cycle;
  cycle.id = PerformanceCycleId(1);
  cycle.name = absl::StrCat("Performance cycle ", static_cast<int>(start.year()));
  cycle.source_template = review_template.id;
  cycle.scoring = review_template.method;
  cycle.phases = {start, start + days(30), start + days(60), start + days(90), start + days(120)};
  HRKIT_ASSIGN_OR_RETURN(CycleBook book, CycleBook::Create(cycle, MakeScale()));
  HRKIT_RETURN_IF_ERROR(book.SelectParticipants(options.eligibility, org.employees, lookup, start, start));
  Run run{org, options, Rng(options.seed), std::move(book), MakeScale(), {}, {}};
  HRKIT_RETURN_IF_ERROR(CollectPeople(run, lookup, start));
  HRKIT_RETURN_IF_ERROR(AddGoals(run, start, cycle.phases.self_review));
  HRKIT_RETURN_IF_ERROR(WriteSelfAndPeerReviews(run, cycle.phases.self_review));
  HRKIT_RETURN_IF_ERROR(WriteManagerReviews(run, cycle.phases.manager_review));
  HRKIT_RETURN_IF_ERROR(CalibrateSome(run, cycle.phases.calibration));
  if (options.close) HRKIT_RETURN_IF_ERROR(run.book.Close(cycle.phases.closed));
  GeneratedCycle out;
  out.scale = run.scale;
  out.review_template = review_template;
  out.cycle = run.book.cycle();
  out.goals.assign(run.book.goals().begin(), run.book.goals().end());
  out.reviews.assign(run.book.reviews().begin(), run.book.reviews().end());
  out.changes.assign(run.book.changes().begin(), run.book.changes().end());
  return out;
}

}  // namespace hrkit::synth
