// CycleBook: construction, participants, scoring method and goals (see
// performance/cycle_book.hpp). Reviews, calibration and results are in
// cycle_book_reviews.cpp.
#include "hrkit/performance/cycle_book.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/eligibility/audience.hpp"

namespace hrkit {
namespace {

constexpr CyclePhase kParticipantPhases[] = {CyclePhase::kNotStarted, CyclePhase::kGoalSetting};
constexpr CyclePhase kGoalPhases[] = {CyclePhase::kGoalSetting};
constexpr CyclePhase kCheckInPhases[] = {CyclePhase::kGoalSetting, CyclePhase::kSelfReview, CyclePhase::kManagerReview};

std::string Owner(const GoalInput& input) {
  return input.owner.valid() ? ToString(input.owner) : ToString(input.org_unit);
}

absl::Status InvalidGoal(const GoalInput& input, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat("new goal of ", Owner(input), " field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

}  // namespace

CycleBook::ReviewKey CycleBook::KeyOf(const Review& r) {
  const bool many = r.role == ReviewerRole::kPeer || r.role == ReviewerRole::kUpward;
  return {r.reviewee.value(), static_cast<std::int32_t>(r.role), many ? r.reviewer.value() : 0};
}

absl::StatusOr<CycleBook> CycleBook::Create(PerformanceCycle cycle, RatingScale scale) {
  HRKIT_RETURN_IF_ERROR(ValidatePerformanceCycle(cycle));
  HRKIT_RETURN_IF_ERROR(ValidateRatingScale(scale));
  if (scale.id != cycle.scoring.scale) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(cycle.id), " field scale: the cycle rates on ",
                                                   ToString(cycle.scoring.scale), ", not ", ToString(scale.id)));
  }
  return CycleBook(std::move(cycle), std::move(scale));
}

absl::Status CycleBook::AddLoadedGoal(Goal goal) {
  HRKIT_RETURN_IF_ERROR(ValidateGoal(goal));
  if (goal.cycle != cycle_.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(goal.id), " field cycle: ", ToString(goal.cycle), " is not ", ToString(cycle_.id)));
  }
  if (!goal_index_.emplace(goal.id, goals_.size()).second) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(goal.id), " field id: repeats"));
  }
  if (goal.owner.valid()) goals_by_owner_[goal.owner].push_back(goals_.size());
  next_goal_ = std::max(next_goal_, goal.id.value() + 1);
  goals_.push_back(std::move(goal));
  return absl::OkStatus();
}

absl::Status CycleBook::AddLoadedReview(Review review) {
  HRKIT_RETURN_IF_ERROR(ValidateReview(review));
  if (review.cycle != cycle_.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(review.id), " field cycle: ", ToString(review.cycle), " is not ", ToString(cycle_.id)));
  }
  if (review_index_.contains(review.id)) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(review.id), " field id: repeats"));
  }
  const auto [it, added] = review_keys_.emplace(KeyOf(review), reviews_.size());
  if (!added) {
    return absl::AlreadyExistsError(absl::StrCat(ToString(review.id), ": ", ToString(reviews_[it->second].id),
                                                 " is already the ", ToAbsl(EnumToName(review.role)), " review of ",
                                                 ToString(review.reviewee), " by ", ToString(review.reviewer)));
  }
  review_index_.emplace(review.id, reviews_.size());
  reviews_by_reviewee_[review.reviewee].push_back(reviews_.size());
  next_review_ = std::max(next_review_, review.id.value() + 1);
  reviews_.push_back(std::move(review));
  return absl::OkStatus();
}

absl::StatusOr<CycleBook> CycleBook::FromEntities(PerformanceCycle cycle, RatingScale scale, std::vector<Goal> goals,
                                                  std::vector<Review> reviews, std::vector<CalibrationChange> changes) {
  HRKIT_ASSIGN_OR_RETURN(CycleBook book, Create(std::move(cycle), std::move(scale)));
  for (Goal& g : goals) HRKIT_RETURN_IF_ERROR(book.AddLoadedGoal(std::move(g)));
  for (const Goal& g : book.goals_) {
    if (g.parent.valid() && !book.goal_index_.contains(g.parent)) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToString(g.id), " field parent: ", ToString(g.parent), " is not a goal of the cycle"));
    }
  }
  for (Review& r : reviews) HRKIT_RETURN_IF_ERROR(book.AddLoadedReview(std::move(r)));
  absl::flat_hash_set<CalibrationChangeId> change_ids;
  for (CalibrationChange& c : changes) {
    HRKIT_RETURN_IF_ERROR(ValidateCalibrationChange(c));
    if (c.cycle != book.cycle_.id) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToString(c.id), " field cycle: ", ToString(c.cycle), " is not ", ToString(book.cycle_.id)));
    }
    if (!change_ids.insert(c.id).second) {
      return absl::InvalidArgumentError(absl::StrCat(ToString(c.id), " field id: repeats"));
    }
    book.next_change_ = std::max(book.next_change_, c.id.value() + 1);
    book.changes_.push_back(std::move(c));
  }
  return book;
}

absl::Status CycleBook::SelectParticipants(const EligibilityRule& rule, std::span<const Employee> employees,
                                           const OrgLookup& lookup, Date as_of, Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kParticipantPhases, on, "participants are chosen"));
  if (!goals_.empty() || !reviews_.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(cycle_.id), ": participants are chosen before any goal or review exists (",
                     goals_.empty() ? ToString(reviews_.front().id) : ToString(goals_.front().id), " exists)"));
  }
  HRKIT_ASSIGN_OR_RETURN(std::vector<EmployeeId> audience,
                         AudienceOn(rule, employees, lookup, as_of, ToString(cycle_.id)));
  cycle_.eligibility = rule;
  cycle_.participants_as_of = as_of;
  cycle_.participants = std::move(audience);
  return absl::OkStatus();
}

absl::Status CycleBook::ReplaceScoringMethod(const ScoringMethod& method, Date on) {
  if (!IsRealDate(on)) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(cycle_.id), ": the date must be a real date"));
  }
  if (cycle_.IsClosed()) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(cycle_.id), ": the scoring method cannot change: ", "the cycle is closed (since ",
                     FormatIsoDate(cycle_.closed_on), ")"));
  }
  if (!reviews_.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(ToString(cycle_.id), ": the scoring method is fixed once a ",
                                                      "review exists (", ToString(reviews_.front().id), ")"));
  }
  HRKIT_RETURN_IF_ERROR(ValidateScoringMethod(method, ToString(cycle_.id)));
  if (method.scale != scale_.id) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(cycle_.id), " field scale: the book rates on ",
                                                   ToString(scale_.id), ", not ", ToString(method.scale)));
  }
  cycle_.scoring = method;
  return absl::OkStatus();
}

std::vector<Goal> CycleBook::ScoredGoals(EmployeeId employee) const {
  std::vector<Goal> own;
  const auto it = goals_by_owner_.find(employee);
  if (it == goals_by_owner_.end()) return own;
  for (std::size_t i : it->second) own.push_back(goals_[i]);
  return ScoredGoalsOf(own, cycle_.id, employee);
}

absl::Status CycleBook::CheckGoalInput(const GoalInput& input) const {
  if (input.owner.valid() == input.org_unit.valid()) {
    return InvalidGoal(input, "owner", "a goal belongs to exactly one of an employee (owner) and an org unit");
  }
  if (input.title.empty()) return InvalidGoal(input, "title", "must not be empty");
  if (!std::isfinite(input.weight) || input.weight <= 0.0 || input.weight > 100.0) {
    return InvalidGoal(input, "weight", absl::StrCat("must be in (0, 100], got ", input.weight));
  }
  const Goal* parent = nullptr;
  if (input.parent.valid()) {
    parent = FindGoal(input.parent);
    if (parent == nullptr) {
      return InvalidGoal(input, "parent",
                         absl::StrCat(ToString(input.parent), " is not a goal of ", ToString(cycle_.id)));
    }
  }
  if (!input.owner.valid()) return absl::OkStatus();
  if (!IsParticipant(input.owner)) {
    return absl::FailedPreconditionError(
        absl::StrCat("new goal of ", ToString(input.owner), ": not a participant of ", ToString(cycle_.id)));
  }
  if (parent != nullptr && parent->owner == input.owner) return absl::OkStatus();  // a sub-goal
  double weight = input.weight;
  for (const Goal& g : ScoredGoals(input.owner)) weight += g.weight;
  if (weight > 100.0 + kWeightSumTolerance) {
    return InvalidGoal(input, "weight", absl::StrCat(ToString(input.owner), "'s goals would weigh ", weight, " %"));
  }
  return absl::OkStatus();
}

absl::StatusOr<GoalId> CycleBook::AddGoal(const GoalInput& input, Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kGoalPhases, on, "goals are set"));
  HRKIT_RETURN_IF_ERROR(CheckGoalInput(input));
  Goal goal{GoalId(next_goal_), cycle_.id, input.owner, input.org_unit, input.parent, input.title, input.weight, {}};
  const GoalId id = goal.id;
  HRKIT_RETURN_IF_ERROR(AddLoadedGoal(std::move(goal)));
  return id;
}

absl::StatusOr<std::vector<GoalId>> CycleBook::CascadeGoal(GoalId unit_goal, std::span<const EmployeeId> members,
                                                           double weight, Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kGoalPhases, on, "goals are cascaded"));
  const Goal* goal = FindGoal(unit_goal);
  if (goal == nullptr) {
    return absl::NotFoundError(absl::StrCat(ToString(unit_goal), " is not a goal of ", ToString(cycle_.id)));
  }
  if (!goal->IsUnitGoal()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(unit_goal), ": only a unit goal is cascaded; it belongs to ", ToString(goal->owner)));
  }
  if (members.empty())
    return absl::InvalidArgumentError(absl::StrCat(ToString(unit_goal), ": no member to cascade to"));
  absl::flat_hash_set<EmployeeId> seen;
  for (EmployeeId m : members) {
    if (!seen.insert(m).second) {
      return absl::InvalidArgumentError(absl::StrCat(ToString(unit_goal), ": ", ToString(m), " is listed twice"));
    }
  }
  CycleBook copy = *this;  // all or nothing
  std::vector<GoalId> ids;
  const std::string title = goal->title;
  for (EmployeeId m : members) {
    HRKIT_ASSIGN_OR_RETURN(GoalId id, copy.AddGoal(GoalInput{m, OrgUnitId(), unit_goal, title, weight}, on));
    ids.push_back(id);
  }
  *this = std::move(copy);
  return ids;
}

absl::Status CycleBook::CheckIn(GoalId goal, double progress, std::string note, Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kCheckInPhases, on, "progress is checked in"));
  const auto it = goal_index_.find(goal);
  if (it == goal_index_.end()) {
    return absl::NotFoundError(absl::StrCat(ToString(goal), " is not a goal of ", ToString(cycle_.id)));
  }
  if (!std::isfinite(progress) || progress < 0.0 || progress > 1.0) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToString(goal), " field progress: must be in [0, 1], got ", progress));
  }
  goals_[it->second].check_ins.push_back(GoalCheckIn{on, progress, std::move(note)});
  return absl::OkStatus();
}

const Goal* CycleBook::FindGoal(GoalId id) const {
  const auto it = goal_index_.find(id);
  return it == goal_index_.end() ? nullptr : &goals_[it->second];
}

const Review* CycleBook::FindReview(ReviewId id) const {
  const auto it = review_index_.find(id);
  return it == review_index_.end() ? nullptr : &reviews_[it->second];
}

bool CycleBook::IsParticipant(EmployeeId employee) const {
  return std::binary_search(cycle_.participants.begin(), cycle_.participants.end(), employee);
}

}  // namespace hrkit
