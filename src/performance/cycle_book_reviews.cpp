// CycleBook: reviews, calibration, closing and results (see
// performance/cycle_book.hpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/performance/cycle_book.hpp"
#include "hrkit/personnel/lifecycle.hpp"

namespace hrkit {
namespace {

constexpr CyclePhase kSelfPhases[] = {CyclePhase::kSelfReview};
constexpr CyclePhase kManagerPhases[] = {CyclePhase::kManagerReview};
constexpr CyclePhase kFeedbackPhases[] = {CyclePhase::kSelfReview, CyclePhase::kManagerReview};
constexpr CyclePhase kCalibrationPhases[] = {CyclePhase::kCalibration};
constexpr CyclePhase kClosePhases[] = {CyclePhase::kClosed};

absl::Status NotParticipant(const PerformanceCycle& cycle, EmployeeId employee, std::string_view what) {
  return absl::FailedPreconditionError(
      absl::StrCat(ToAbsl(what), ": ", ToString(employee), " is not a participant of ", ToString(cycle.id)));
}

}  // namespace

absl::Status CycleBook::CheckReviewPhase(ReviewerRole role, Date on, std::string_view action) const {
  const std::string what = absl::StrCat(ToAbsl(EnumToName(role)), " reviews are ", ToAbsl(action));
  switch (role) {
    case ReviewerRole::kSelf:
      return CheckPhase(cycle_, kSelfPhases, on, what);
    case ReviewerRole::kManager:
      return CheckPhase(cycle_, kManagerPhases, on, what);
    default:
      return CheckPhase(cycle_, kFeedbackPhases, on, what);
  }
}

absl::StatusOr<ReviewId> CycleBook::StartReview(const ReviewInput& input, const Employee& reviewer, Date on) {
  if (!IsNamedValue(input.role)) {
    return absl::InvalidArgumentError(
        absl::StrCat("new review of ", ToString(input.reviewee), " field role: is not a reviewer role"));
  }
  HRKIT_RETURN_IF_ERROR(CheckReviewPhase(input.role, on, "started"));
  if (reviewer.id != input.reviewer) {
    return absl::InvalidArgumentError(absl::StrCat("new review of ", ToString(input.reviewee),
                                                   " field reviewer: the record given is ", ToString(reviewer.id),
                                                   ", not ", ToString(input.reviewer)));
  }
  Review review;
  review.id = ReviewId(next_review_);
  review.cycle = cycle_.id;
  review.reviewee = input.reviewee;
  review.reviewer = input.reviewer;
  review.role = input.role;
  review.anonymous = input.anonymous;
  review.started_on = on;
  HRKIT_RETURN_IF_ERROR(ValidateReview(review));
  if (!IsParticipant(input.reviewee)) return NotParticipant(cycle_, input.reviewee, "new review");
  if (!IsEmployedOn(reviewer, on)) {
    return absl::FailedPreconditionError(absl::StrCat("new ", ToAbsl(EnumToName(input.role)), " review of ",
                                                      ToString(input.reviewee), ": reviewer ", ToString(reviewer.id),
                                                      " is not employed on ", FormatIsoDate(on)));
  }
  const auto existing = review_keys_.find(KeyOf(review));
  if (existing != review_keys_.end()) {
    const Review& other = reviews_[existing->second];
    return absl::AlreadyExistsError(absl::StrCat(
        "new ", ToAbsl(EnumToName(input.role)), " review of ", ToString(input.reviewee), " by ",
        ToString(input.reviewer), ": ", ToString(other.id), " is already that review in ", ToString(cycle_.id)));
  }
  HRKIT_RETURN_IF_ERROR(AddLoadedReview(std::move(review)));
  return ReviewId(next_review_ - 1);
}

absl::StatusOr<Review*> CycleBook::DraftFor(ReviewId id, Date on, std::string_view action) {
  const auto it = review_index_.find(id);
  if (it == review_index_.end()) {
    return absl::NotFoundError(absl::StrCat(ToString(id), " is not a review of ", ToString(cycle_.id)));
  }
  Review& review = reviews_[it->second];
  HRKIT_RETURN_IF_ERROR(CheckReviewPhase(review.role, on, action));
  if (review.status != ReviewStatus::kDraft) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(id), " was submitted on ", FormatIsoDate(review.submitted_on), ": it is final"));
  }
  return &review;
}

absl::Status CycleBook::SaveDraft(ReviewId id, std::vector<ReviewRating> ratings, std::optional<double> overall_rating,
                                  std::string comment, Date on) {
  HRKIT_ASSIGN_OR_RETURN(Review * review, DraftFor(id, on, "edited"));
  Review changed = *review;
  changed.ratings = std::move(ratings);
  changed.overall_rating = overall_rating;
  changed.comment = std::move(comment);
  HRKIT_RETURN_IF_ERROR(ValidateReview(changed));
  if (overall_rating.has_value()) {
    HRKIT_RETURN_IF_ERROR(ValidateRating(scale_, *overall_rating, absl::StrCat(ToString(id), " field overall_rating")));
  }
  HRKIT_RETURN_IF_ERROR(ValidateReviewRatings(cycle_.scoring, scale_, changed, ScoredGoals(changed.reviewee)));
  *review = std::move(changed);
  return absl::OkStatus();
}

absl::Status CycleBook::Submit(ReviewId id, Date on) {
  HRKIT_ASSIGN_OR_RETURN(Review * review, DraftFor(id, on, "submitted"));
  const std::vector<Goal> goals = ScoredGoals(review->reviewee);
  double weight = 0.0;
  for (const Goal& g : goals) weight += g.weight;
  if (!goals.empty() && std::abs(weight - 100.0) > kWeightSumTolerance) {
    return absl::FailedPreconditionError(absl::StrCat(
        ToString(id), " cannot be submitted: ", ToString(review->reviewee), "'s goals weigh ", weight, " %, not 100"));
  }
  HRKIT_ASSIGN_OR_RETURN(const ReviewScore score, ScoreReview(cycle_.scoring, scale_, *review, goals));
  for (std::size_t s = 0; s < score.sections.size(); ++s) {
    if (score.sections[s].has_value()) continue;
    const TemplateSection& section = cycle_.scoring.sections[s];
    const bool no_goals = section.kind == SectionKind::kGoals && goals.empty();
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(id), " cannot be submitted: section \"", section.name, "\" ",
                     no_goals ? absl::StrCat("has nothing to rate (", ToString(review->reviewee), " has no goals)")
                              : std::string("has unrated items")));
  }
  review->status = ReviewStatus::kSubmitted;
  review->submitted_on = on;
  return absl::OkStatus();
}

absl::StatusOr<CalibrationChangeId> CycleBook::Calibrate(EmployeeId employee, double after, EmployeeId changed_by,
                                                         std::string reason, Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kCalibrationPhases, on, "ratings are calibrated"));
  if (!IsParticipant(employee)) return NotParticipant(cycle_, employee, "calibration");
  HRKIT_RETURN_IF_ERROR(
      ValidateRating(scale_, after, absl::StrCat("calibration of ", ToString(employee), " field after")));
  HRKIT_ASSIGN_OR_RETURN(const std::optional<double> before, FinalRating(employee));
  CalibrationChange change{
      CalibrationChangeId(next_change_), cycle_.id, employee, before, after, changed_by, on, std::move(reason)};
  HRKIT_RETURN_IF_ERROR(ValidateCalibrationChange(change));
  changes_.push_back(std::move(change));
  return CalibrationChangeId(next_change_++);
}

absl::Status CycleBook::Close(Date on) {
  HRKIT_RETURN_IF_ERROR(CheckPhase(cycle_, kClosePhases, on, "the cycle is closed"));
  for (const Review& r : reviews_) {
    if (r.status == ReviewStatus::kDraft) {
      return absl::FailedPreconditionError(absl::StrCat(ToString(cycle_.id), " cannot close: ", ToString(r.id), " (",
                                                        ToAbsl(EnumToName(r.role)), " review of ", ToString(r.reviewee),
                                                        ") is still a draft"));
    }
  }
  cycle_.closed_on = on;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ParticipantScore>> CycleBook::Scores() const {
  return ScoreCycle(cycle_, scale_, goals_, reviews_);
}

absl::StatusOr<ParticipantScore> CycleBook::ScoreOf(EmployeeId employee) const {
  if (!IsParticipant(employee)) {
    return absl::NotFoundError(absl::StrCat(ToString(employee), " is not a participant of ", ToString(cycle_.id)));
  }
  PerformanceCycle one = cycle_;
  one.participants = {employee};
  std::vector<Review> reviews;
  const auto it = reviews_by_reviewee_.find(employee);
  if (it != reviews_by_reviewee_.end()) {
    for (std::size_t i : it->second) reviews.push_back(reviews_[i]);
  }
  HRKIT_ASSIGN_OR_RETURN(std::vector<ParticipantScore> scores, ScoreCycle(one, scale_, ScoredGoals(employee), reviews));
  return scores.front();
}

absl::StatusOr<std::optional<double>> CycleBook::ProposedRating(EmployeeId employee) const {
  HRKIT_ASSIGN_OR_RETURN(const ParticipantScore score, ScoreOf(employee));
  const auto it = reviews_by_reviewee_.find(employee);
  if (it != reviews_by_reviewee_.end()) {
    for (std::size_t i : it->second) {
      const Review& r = reviews_[i];
      if (r.role == ReviewerRole::kManager && r.status == ReviewStatus::kSubmitted && r.overall_rating.has_value()) {
        return r.overall_rating;
      }
    }
  }
  if (!score.overall.has_value()) return std::optional<double>();
  return std::optional<double>(NearestRating(scale_, *score.overall));
}

absl::StatusOr<std::optional<double>> CycleBook::FinalRating(EmployeeId employee) const {
  HRKIT_ASSIGN_OR_RETURN(std::optional<double> rating, ProposedRating(employee));
  for (const CalibrationChange& c : changes_) {
    if (c.employee == employee) rating = c.after;  // in the order recorded: the latest wins
  }
  return rating;
}

absl::StatusOr<RatingDistribution> CycleBook::Distribution(std::span<const EmployeeId> group,
                                                           std::span<const GuidelineShare> guideline,
                                                           bool calibrated) const {
  std::vector<double> ratings;
  for (EmployeeId employee : group) {
    HRKIT_ASSIGN_OR_RETURN(const std::optional<double> rating,
                           calibrated ? FinalRating(employee) : ProposedRating(employee));
    if (rating.has_value()) ratings.push_back(*rating);
  }
  return DistributionOf(ratings, scale_, guideline);
}

absl::StatusOr<AnonymousPeerResult> CycleBook::AnonymousPeerFeedback(EmployeeId reviewee) const {
  if (!IsParticipant(reviewee)) {
    return absl::NotFoundError(absl::StrCat(ToString(reviewee), " is not a participant of ", ToString(cycle_.id)));
  }
  AnonymousPeerResult result;
  double sum = 0.0;
  std::int64_t scored = 0;
  const std::vector<Goal> goals = ScoredGoals(reviewee);
  const auto it = reviews_by_reviewee_.find(reviewee);
  if (it != reviews_by_reviewee_.end()) {
    for (std::size_t i : it->second) {
      const Review& r = reviews_[i];
      if (r.role != ReviewerRole::kPeer || !r.anonymous || r.status != ReviewStatus::kSubmitted) continue;
      ++result.respondents;
      HRKIT_ASSIGN_OR_RETURN(const ReviewScore score, ScoreReview(cycle_.scoring, scale_, r, goals));
      if (score.total.has_value()) {
        sum += *score.total;
        ++scored;
      }
    }
  }
  ConfidentialityThresholds thresholds;
  thresholds.min_group = cycle_.min_anonymous_peers;
  thresholds.min_comment_group = std::max(thresholds.min_comment_group, thresholds.min_group);
  HRKIT_ASSIGN_OR_RETURN(const BreakdownSuppression verdict,
                         SuppressBreakdown(result.respondents, {}, thresholds, Disclosure::kAggregates));
  result.verdict = verdict.total;
  if (IsShown(result.verdict) && scored > 0) result.mean_score = sum / static_cast<double>(scored);
  return result;
}

absl::StatusOr<std::vector<NineBoxPlacement>> CycleBook::NineBox(std::span<const PotentialAssessment> potentials,
                                                                 const PerformanceBands& bands) const {
  if (!cycle_.IsClosed()) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(cycle_.id), ": the 9-box is placed as of the close; the cycle is still open"));
  }
  HRKIT_RETURN_IF_ERROR(ValidatePerformanceBands(bands));
  absl::flat_hash_map<EmployeeId, NineBoxLevel> potential_of;
  for (std::size_t i = 0; i < potentials.size(); ++i) {
    const PotentialAssessment& a = potentials[i];
    const std::string where = absl::StrCat("potentials[", i, "] (", ToString(a.employee), ")");
    if (!IsParticipant(a.employee)) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": not a participant of ", ToString(cycle_.id)));
    }
    if (!IsNamedValue(a.potential)) return absl::InvalidArgumentError(absl::StrCat(where, ": not a level"));
    if (!potential_of.emplace(a.employee, a.potential).second) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": assessed twice"));
    }
  }
  std::vector<NineBoxPlacement> placements;
  for (EmployeeId employee : cycle_.participants) {
    const auto it = potential_of.find(employee);
    if (it == potential_of.end()) continue;
    HRKIT_ASSIGN_OR_RETURN(const std::optional<double> rating, FinalRating(employee));
    if (!rating.has_value()) continue;
    placements.push_back({employee, PerformanceLevelOf(*rating, bands), it->second});
  }
  return placements;
}

}  // namespace hrkit
