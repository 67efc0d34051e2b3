// A performance cycle from goals to the rating distribution: participants
// chosen by an eligibility rule, two weighted goals each, self and manager
// reviews in their phases, the scores the cycle computes from them, one
// calibration change, and the distribution of ratings before and after
// calibration against a guideline.
//
// The figures the program checks (worked by hand). Scale 1..5. A review's
// total = 70 % goals (goal weights 40/60) + 30 % values (the mean of
// "ownership" and "teamwork"); the overall score = 30 % self + 70 % manager.
//   Ann  self 4 4 | 4 4 -> 4.0   manager 4 5 | 4 5 -> 0.7 x 4.6 + 0.3 x 4.5 = 4.57
//        overall 0.3 x 4.0 + 0.7 x 4.57 = 4.399 -> proposed 4
//   Ben  self 3 3 | 3 3 -> 3.0   manager 3 3 | 3 4 -> 0.7 x 3.0 + 0.3 x 3.5 = 3.15
//        overall 0.9 + 2.205 = 3.105 -> proposed 3
//   Cat  self 4 4 | 4 4 -> 4.0   manager 2 3 | 3 3 -> 0.7 x 2.6 + 0.3 x 3.0 = 2.72
//        overall 1.2 + 1.904 = 3.104 -> proposed 3
//   Dan  self 5 5 | 5 5 -> 5.0   manager 3 4 | 4 4 -> 0.7 x 3.6 + 0.3 x 4.0 = 3.72
//        overall 1.5 + 2.604 = 4.104; the manager proposes 4
// Calibration raises Ann from 4 to 5. Distribution of the four: proposed
// 3: 2 (50 %), 4: 2 (50 %); calibrated 3: 2 (50 %), 4: 1 (25 %), 5: 1 (25 %).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/performance/cycle_book.hpp"

namespace {

using namespace hrkit;  // NOLINT: an example reads better without prefixes

const Date kHired(2024, 1, 1);
const Date kGoalDay(2025, 1, 10);
const Date kSelfDay(2025, 3, 5);
const Date kManagerDay(2025, 4, 7);
const Date kCalibrationDay(2025, 5, 6);
const Date kCloseDay(2025, 6, 2);

// Self and manager ratings of one participant: goal 1, goal 2, ownership,
// teamwork.
struct Ratings {
  std::string name;
  double self[4];
  double manager[4];
  std::optional<double> proposed_by_manager;
};

// Product (unit 1) with its head, Maya (employee 1); the Platform team
// (unit 2) below it with Ann, Ben, Cat and Dan (employees 2-5).
absl::StatusOr<std::vector<Employee>> BuildOrg(Workforce& w, const std::vector<Ratings>& team) {
  HRKIT_RETURN_IF_ERROR(w.CreateOrgUnit(OrgUnitId(1), "PRD", {.name = "Product"}, kHired, kHired));
  HRKIT_RETURN_IF_ERROR(
      w.CreateOrgUnit(OrgUnitId(2), "PLT", {.name = "Platform", .parent = OrgUnitId(1)}, kHired, kHired));
  HRKIT_RETURN_IF_ERROR(
      w.CreatePosition(PositionId(1), {.org_unit = OrgUnitId(1), .title = "Head of product"}, kHired, kHired));
  HRKIT_RETURN_IF_ERROR(w.CreatePosition(
      PositionId(2), {.org_unit = OrgUnitId(2), .title = "Engineer", .fte_budget = 10.0}, kHired, kHired));
  std::vector<std::string> names = {"Maya"};
  for (const Ratings& r : team) names.push_back(r.name);
  for (const std::string& name : names) {
    Employee e;
    e.id = w.NextEmployeeId();
    e.employee_number = absl::StrCat("E-", e.id.value());
    e.legal_name = name;
    HRKIT_RETURN_IF_ERROR(w.AddEmployee(e));
    const PositionId seat(e.id.value() == 1 ? 1 : 2);
    HRKIT_RETURN_IF_ERROR(w.ApplyEvent(e.id, HireEvent{.effective = kHired, .position = seat}, kHired));
  }
  std::vector<Employee> employees;
  for (const Employee* e : w.Employees()) employees.push_back(*e);
  return employees;
}

// Starts, fills and submits one review.
absl::Status Review(CycleBook& book, const Employee& reviewer, EmployeeId reviewee, ReviewerRole role,
                    const std::vector<GoalId>& goals, const double (&r)[4], std::optional<double> overall, Date on) {
  HRKIT_ASSIGN_OR_RETURN(const ReviewId id,
                         book.StartReview({.reviewee = reviewee, .reviewer = reviewer.id, .role = role}, reviewer, on));
  // Section, goal (goals section), competency (values section), rating,
  // comment.
  std::vector<ReviewRating> ratings = {{"Goals", goals[0], "", r[0], ""},
                                       {"Goals", goals[1], "", r[1], ""},
                                       {"Values", GoalId(), "ownership", r[2], ""},
                                       {"Values", GoalId(), "teamwork", r[3], ""}};
  HRKIT_RETURN_IF_ERROR(book.SaveDraft(id, std::move(ratings), overall, "", on));
  return book.Submit(id, on);
}

// The scale every rating is on.
RatingScale FiveLevelScale() {
  return RatingScale{RatingScaleId(1),
                     "five levels",
                     {{1, "below"}, {2, "partly meets"}, {3, "meets"}, {4, "exceeds"}, {5, "outstanding"}}};
}

// The cycle: goals 70 % and values 30 %, the manager's review weighing 70 %
// and the self review 30 %, and the first day of each phase.
PerformanceCycle NewCycle(const RatingScale& scale) {
  PerformanceCycle cycle;
  cycle.id = PerformanceCycleId(1);
  cycle.name = "Performance 2025";
  cycle.scoring.scale = scale.id;
  cycle.scoring.sections = {{"Goals", SectionKind::kGoals, 70, {}},
                            {"Values", SectionKind::kCompetencies, 30, {"ownership", "teamwork"}}};
  cycle.scoring.role_weights = {{ReviewerRole::kSelf, 30}, {ReviewerRole::kManager, 70}};
  cycle.phases = {.goal_setting = Date(2025, 1, 6),
                  .self_review = Date(2025, 3, 1),
                  .manager_review = Date(2025, 4, 1),
                  .calibration = Date(2025, 5, 1),
                  .closed = Date(2025, 6, 1)};
  return cycle;
}

// Goal setting: two goals each, weighing 40 and 60 percent. Then self
// reviews in the self-review phase and manager reviews (by Maya, employee 1)
// in the manager-review phase.
absl::Status GoalsAndReviews(CycleBook& book, const std::vector<Employee>& employees,
                             const std::vector<Ratings>& team) {
  const Employee& maya = employees[0];
  std::vector<std::vector<GoalId>> goals;
  for (std::size_t i = 0; i < team.size(); ++i) {
    const EmployeeId owner = employees[i + 1].id;
    HRKIT_ASSIGN_OR_RETURN(const GoalId delivery,
                           book.AddGoal({.owner = owner, .title = "Ship the roadmap items", .weight = 40}, kGoalDay));
    HRKIT_ASSIGN_OR_RETURN(const GoalId quality,
                           book.AddGoal({.owner = owner, .title = "Halve the incident rate", .weight = 60}, kGoalDay));
    goals.push_back({delivery, quality});
  }
  for (std::size_t i = 0; i < team.size(); ++i) {
    const Employee& person = employees[i + 1];
    HRKIT_RETURN_IF_ERROR(
        Review(book, person, person.id, ReviewerRole::kSelf, goals[i], team[i].self, std::nullopt, kSelfDay));
    HRKIT_RETURN_IF_ERROR(Review(book, maya, person.id, ReviewerRole::kManager, goals[i], team[i].manager,
                                 team[i].proposed_by_manager, kManagerDay));
  }
  return absl::OkStatus();
}

// Prints the scores recomputed from the reviews, per role and overall, with
// the proposed rating; returns the overall scores in participant order.
absl::StatusOr<std::vector<double>> PrintScores(const CycleBook& book, const std::vector<Ratings>& team) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<ParticipantScore> scores, book.Scores());
  std::cout << "\n  name  self  manager  overall  proposed\n";
  std::vector<double> overall;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const ParticipantScore& s = scores[i];
    HRKIT_ASSIGN_OR_RETURN(const std::optional<double> proposed, book.ProposedRating(s.employee));
    const auto role = [&](ReviewerRole r) { return s.role_scores[static_cast<std::size_t>(r)].value_or(0); };
    std::printf("  %-4s  %4.2f  %7.2f  %7.3f  %.0f %s\n", team[i].name.c_str(), role(ReviewerRole::kSelf),
                role(ReviewerRole::kManager), s.overall.value_or(0), proposed.value_or(0),
                std::string(LabelOfRating(book.scale(), proposed.value_or(0))).c_str());
    overall.push_back(s.overall.value_or(0));
  }
  return overall;
}

// Prints the distribution of the participants' ratings, proposed or
// calibrated, against the company's guideline; appends the count of each
// level to `counts`.
absl::Status PrintDistribution(const CycleBook& book, const std::vector<EmployeeId>& group, bool calibrated,
                               std::vector<std::int64_t>* counts) {
  // The guideline the company aims for.
  const std::vector<GuidelineShare> guideline = {{1, 5}, {2, 15}, {3, 50}, {4, 20}, {5, 10}};
  HRKIT_ASSIGN_OR_RETURN(const RatingDistribution d, book.Distribution(group, guideline, calibrated));
  std::cout << "\nDistribution " << (calibrated ? "after" : "before") << " calibration (" << d.rated << " rated):\n";
  for (const DistributionLevel& level : d.levels) {
    std::printf("  %.0f %-13s %lld  %5.1f%%  guideline %4.1f%%  %+6.1f\n", level.rating,
                std::string(level.label).c_str(), static_cast<long long>(level.count), level.percent,
                level.guideline_percent, level.difference);
    counts->push_back(level.count);
  }
  return absl::OkStatus();
}

// InternalError naming `what` unless `ok`.
absl::Status Check(bool ok, const std::string& what) {
  return ok ? absl::OkStatus() : absl::InternalError(absl::StrCat("unexpected figure: ", what));
}

absl::Status Run() {
  const std::vector<Ratings> team = {
      {"Ann", {4, 4, 4, 4}, {4, 5, 4, 5}, std::nullopt},
      {"Ben", {3, 3, 3, 3}, {3, 3, 3, 4}, std::nullopt},
      {"Cat", {4, 4, 4, 4}, {2, 3, 3, 3}, std::nullopt},
      {"Dan", {5, 5, 5, 5}, {3, 4, 4, 4}, 4.0},
  };
  Workforce w;
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Employee> employees, BuildOrg(w, team));
  std::vector<OrgUnit> units;
  for (const OrgUnit* u : w.OrgUnits()) units.push_back(*u);
  std::vector<Position> positions;
  for (const Position* p : w.Positions()) positions.push_back(*p);
  HRKIT_ASSIGN_OR_RETURN(const OrgLookup lookup, OrgLookup::Build(units, positions));
  const Employee& maya = employees[0];

  // 1. The cycle (FiveLevelScale, NewCycle).
  const RatingScale scale = FiveLevelScale();
  HRKIT_ASSIGN_OR_RETURN(CycleBook book, CycleBook::Create(NewCycle(scale), scale));

  // 2. Participants: the Platform team's subtree as of 5 January.
  EligibilityRule platform;
  platform.org_subtrees = {OrgUnitId(2)};
  HRKIT_RETURN_IF_ERROR(book.SelectParticipants(platform, employees, lookup, Date(2025, 1, 5), Date(2025, 1, 5)));
  std::cout << book.cycle().name << ": " << book.cycle().participants.size() << " participants\n";

  // 3. and 4. Goals, then self and manager reviews (GoalsAndReviews).
  HRKIT_RETURN_IF_ERROR(GoalsAndReviews(book, employees, team));

  // 5. Scores, recomputed from the reviews.
  HRKIT_ASSIGN_OR_RETURN(const std::vector<double> overall, PrintScores(book, team));
  const std::vector<EmployeeId>& group = book.cycle().participants;

  // 6. Calibration: the committee raises Ann to 5, with a recorded reason.
  HRKIT_RETURN_IF_ERROR(
      book.Calibrate(employees[1].id, 5, maya.id, "led the platform migration beyond its goals", kCalibrationDay)
          .status());
  const CalibrationChange& change = book.changes().front();
  std::cout << "\nCalibration: " << change.employee << " " << change.before.value_or(0) << " -> " << change.after
            << " by " << change.changed_by << " on " << FormatIsoDate(change.changed_on) << ": " << change.reason
            << "\n";
  HRKIT_RETURN_IF_ERROR(book.Close(kCloseDay));

  // 7. The distribution before and after calibration.
  std::vector<std::int64_t> before;
  std::vector<std::int64_t> after;
  HRKIT_RETURN_IF_ERROR(PrintDistribution(book, group, /*calibrated=*/false, &before));
  HRKIT_RETURN_IF_ERROR(PrintDistribution(book, group, /*calibrated=*/true, &after));

  // The hand-worked figures of the header comment.
  const std::vector<double> expected = {4.399, 3.105, 3.104, 4.104};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    HRKIT_RETURN_IF_ERROR(Check(std::fabs(overall[i] - expected[i]) < 1e-9, team[i].name + "'s overall score"));
  }
  HRKIT_RETURN_IF_ERROR(Check(before == std::vector<std::int64_t>{0, 0, 2, 2, 0}, "distribution before"));
  HRKIT_RETURN_IF_ERROR(Check(after == std::vector<std::int64_t>{0, 0, 2, 1, 1}, "distribution after"));
  std::cout << "\nall figures as worked by hand\n";
  return absl::OkStatus();
}

}  // namespace

int main() {
  if (const absl::Status status = Run(); !status.ok()) {
    std::cerr << "review_cycle: " << status << "\n";
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
