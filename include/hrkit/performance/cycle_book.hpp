// CycleBook: one performance cycle with its goals, reviews and calibration
// changes, and the one place every change to them goes through, so the
// cycle's rules hold (DOMAIN.md, "Performance cycles"):
// - every action happens in its phase (cycle.hpp), else FailedPrecondition
//   naming the phase, its dates and the date of the attempt:
//     choose participants: not started or goal setting, before any goal;
//     goals and cascading: goal setting;
//     progress check-ins: goal setting, self review, manager review;
//     self reviews: self review; manager reviews: manager review;
//     peer and upward reviews: self review or manager review;
//     calibration: calibration; closing: closed (from phases.closed);
// - nothing is added to or changed in a closed cycle (FailedPrecondition);
// - participants are the audience of an eligibility rule on a date
//   (eligibility/audience.hpp), and only participants have goals and are
//   reviewed;
// - one review per reviewee, role and cycle; for peer and upward reviews one
//   per reviewee, role and reviewer (AlreadyExists naming the review);
// - a reviewer who is not employed on the day the review is started (who
//   left the company) is rejected (FailedPrecondition), and so is a reviewer who is the reviewee
//   in any role but self (InvalidArgument);
// - every rating is a value of the cycle's scale (InvalidArgument);
// - the scoring method is fixed once any review exists (FailedPrecondition);
// - the cycle cannot close while a review is a draft (FailedPrecondition);
// - every calibration change is recorded with who, when, why, before and
//   after.
// Who is whose manager is not checked here: the caller asks the org
// snapshot (org/snapshot.hpp) before it starts a manager or upward review.
//
// Every call is all-or-nothing: on error nothing changes. Ids are assigned
// in order after the largest id loaded.
//
// Thread safety: a value; const methods may run concurrently, changes need
// external synchronization. Pointers returned stay valid until a change.
#ifndef HRKIT_PERFORMANCE_CYCLE_BOOK_HPP_
#define HRKIT_PERFORMANCE_CYCLE_BOOK_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/performance/calibration.hpp"
#include "hrkit/performance/cycle.hpp"
#include "hrkit/performance/goal.hpp"
#include "hrkit/performance/ids.hpp"
#include "hrkit/performance/nine_box.hpp"
#include "hrkit/performance/rating_scale.hpp"
#include "hrkit/performance/review.hpp"
#include "hrkit/performance/scoring.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/personnel/ids.hpp"

namespace hrkit {

// A new goal: an employee's (owner set) or a unit's (org_unit set).
struct GoalInput {
  EmployeeId owner{};    // an employee goal's owner
  OrgUnitId org_unit{};  // a unit goal's unit
  GoalId parent{};       // optional: a goal of the same cycle
  std::string title{};   // what is to be achieved
  double weight = 0.0;   // percent
};

// A new review.
struct ReviewInput {
  EmployeeId reviewee{};                    // who is reviewed
  EmployeeId reviewer{};                    // who writes the review
  ReviewerRole role = ReviewerRole::kSelf;  // the reviewer's role towards the reviewee
  bool anonymous = false;                   // peers only
};

// What the reviewee may see of their anonymous peer reviews.
struct AnonymousPeerResult {
  std::int64_t respondents = 0;                      // submitted anonymous peer reviews
  Suppression verdict = Suppression::kBelowMinimum;  // whether the result may be shown, and if not, why
  std::optional<double> mean_score;                  // shown only: the mean of their totals
};

// One performance cycle with its goals, reviews and calibration changes;
// every change goes through it so the rules of the header comment hold.
class CycleBook {
 public:
  // A book for `cycle` with no goals, reviews or changes yet; `scale` is the
  // scale of the cycle's scoring method. Returns the errors of
  // ValidatePerformanceCycle and ValidateRatingScale, and InvalidArgument
  // when scale.id is not cycle.scoring.scale.
  static absl::StatusOr<CycleBook> Create(PerformanceCycle cycle, RatingScale scale);

  // A book over stored entities of one cycle. Besides Create's checks, each
  // entity is validated (its Validate* function), must belong to the cycle
  // (InvalidArgument) and have a unique id (InvalidArgument); goal parents
  // must be goals of the book (InvalidArgument); two reviews with the same
  // key are AlreadyExists.
  static absl::StatusOr<CycleBook> FromEntities(PerformanceCycle cycle, RatingScale scale, std::vector<Goal> goals,
                                                std::vector<Review> reviews, std::vector<CalibrationChange> changes);

  // Sets the participants to AudienceOn(rule, employees, lookup, as_of) and
  // keeps the rule and as_of on the cycle. Phase: not started or goal
  // setting, on `on`; FailedPrecondition once any goal or review exists.
  // Returns the errors of AudienceOn (naming the cycle).
  //
  // Example: everyone in unit 7's subtree hired on or before 2025-01-01:
  //   EligibilityRule rule;
  //   rule.org_subtrees = {OrgUnitId(7)};
  //   HRKIT_RETURN_IF_ERROR(book.SelectParticipants(rule, employees, lookup,
  //                                                 Date(2025, 1, 1), today));
  absl::Status SelectParticipants(const EligibilityRule& rule, std::span<const Employee> employees,
                                  const OrgLookup& lookup, Date as_of, Date on);

  // Replaces the cycle's scoring method. FailedPrecondition naming a review
  // once any exists, or for a closed cycle; InvalidArgument for an invalid
  // method or one on another scale than the book's.
  absl::Status ReplaceScoringMethod(const ScoringMethod& method, Date on);

  // Adds a goal. Phase: goal setting. InvalidArgument (naming the new goal's
  // owner and the field) for: neither or both of owner and org_unit; an
  // empty title; a weight not in (0, 100]; an owner whose scored goals
  // (goal.hpp) would weigh more than 100; a parent unknown to the book.
  // FailedPrecondition for an owner who is not a participant.
  absl::StatusOr<GoalId> AddGoal(const GoalInput& input, Date on);

  // Cascades the unit goal `unit_goal` to `members`: each gets a goal with
  // the same title, the unit goal as parent and `weight`. All or nothing:
  // the first member's error (as AddGoal) fails the whole call. NotFound for
  // an unknown goal; InvalidArgument when it is not a unit goal or
  // `members` is empty or repeats someone. Returns the new ids in the order
  // of `members`.
  absl::StatusOr<std::vector<GoalId>> CascadeGoal(GoalId unit_goal, std::span<const EmployeeId> members, double weight,
                                                  Date on);

  // Records progress (0..1) on `goal` dated `on`. Phases: goal setting to
  // manager review. NotFound for an unknown goal; InvalidArgument for a
  // progress outside [0, 1].
  absl::Status CheckIn(GoalId goal, double progress, std::string note, Date on);

  // Starts a draft review; `reviewer` is the reviewer's employee record.
  // Phase: by role (header comment). InvalidArgument: reviewer.id is not
  // input.reviewer; a self review by someone else, another role's by the
  // reviewee; `anonymous` on a role other than peer. FailedPrecondition: the
  // reviewee is not a participant; the reviewer is not employed on `on`.
  // AlreadyExists naming the existing review of the same key.
  absl::StatusOr<ReviewId> StartReview(const ReviewInput& input, const Employee& reviewer, Date on);

  // Replaces a draft's ratings, overall rating and comment. Phase: by role.
  // NotFound for an unknown review; FailedPrecondition for a submitted one;
  // InvalidArgument for a rating ScoreReview refuses, or an overall rating
  // that is not on the scale or not on a manager review.
  absl::Status SaveDraft(ReviewId review, std::vector<ReviewRating> ratings, std::optional<double> overall_rating,
                         std::string comment, Date on);

  // Submits a draft. Phase: by role. NotFound for an unknown review;
  // FailedPrecondition when it is submitted already, when a section has an
  // unrated item (naming the section), or when the reviewee's goals do not
  // weigh 100 (naming the sum).
  absl::Status Submit(ReviewId review, Date on);

  // Changes `employee`'s rating to `after` and records it. Phase:
  // calibration. FailedPrecondition for a non-participant; InvalidArgument
  // for `after` not on the scale or equal to the current rating, an invalid
  // changed_by or an empty reason.
  absl::StatusOr<CalibrationChangeId> Calibrate(EmployeeId employee, double after, EmployeeId changed_by,
                                                std::string reason, Date on);

  // Closes the cycle on `on`. Phase: closed. FailedPrecondition naming a
  // draft review while any exists.
  absl::Status Close(Date on);

  // ---- Results ------------------------------------------------------------

  // ScoreCycle over the book.
  absl::StatusOr<std::vector<ParticipantScore>> Scores() const;

  // The participant's rating before calibration: the manager review's
  // overall rating if it proposes one, else the scale level nearest the
  // overall score (rating_scale.hpp, NearestRating), else none.
  // NotFound for a non-participant.
  absl::StatusOr<std::optional<double>> ProposedRating(EmployeeId employee) const;

  // The rating after calibration: the latest change's `after`, else the
  // proposed rating.
  absl::StatusOr<std::optional<double>> FinalRating(EmployeeId employee) const;

  // The distribution of `group`'s ratings (proposed, or final when
  // `calibrated`), compared with `guideline`; members without a rating are
  // not counted. NotFound for a member who is not a participant; the errors
  // of DistributionOf.
  absl::StatusOr<RatingDistribution> Distribution(std::span<const EmployeeId> group,
                                                  std::span<const GuidelineShare> guideline, bool calibrated) const;

  // The anonymous peer results `reviewee` may see: the mean total of their
  // submitted anonymous peer reviews, shown only when SuppressBreakdown
  // (core/confidentiality.hpp) shows a group of that many respondents with
  // min_group = cycle.min_anonymous_peers. NotFound for a non-participant.
  absl::StatusOr<AnonymousPeerResult> AnonymousPeerFeedback(EmployeeId reviewee) const;

  // The 9-box placement of every participant with a final rating and an
  // assessment among `potentials`, in participant order: performance from
  // the final rating through `bands`, potential as assessed.
  // FailedPrecondition while the cycle is open (placements are as of its
  // close); InvalidArgument for invalid bands, an assessment of a
  // non-participant, two assessments of one person, or a level outside the
  // enum.
  absl::StatusOr<std::vector<NineBoxPlacement>> NineBox(std::span<const PotentialAssessment> potentials,
                                                        const PerformanceBands& bands) const;

  // The cycle, its scale, and every goal, review and calibration change of
  // the book, in the order recorded.
  const PerformanceCycle& cycle() const { return cycle_; }
  const RatingScale& scale() const { return scale_; }
  std::span<const Goal> goals() const { return goals_; }
  std::span<const Review> reviews() const { return reviews_; }
  std::span<const CalibrationChange> changes() const { return changes_; }
  // The goal / review with `id`, or nullptr.
  const Goal* FindGoal(GoalId id) const;
  const Review* FindReview(ReviewId id) const;
  // True if `employee` is a participant.
  bool IsParticipant(EmployeeId employee) const;

 private:
  CycleBook(PerformanceCycle cycle, RatingScale scale) : cycle_(std::move(cycle)), scale_(std::move(scale)) {}

  // (reviewee, role, reviewer for peer and upward reviews else 0).
  using ReviewKey = std::tuple<std::int64_t, std::int32_t, std::int64_t>;
  static ReviewKey KeyOf(const Review& review);

  absl::Status CheckReviewPhase(ReviewerRole role, Date on, std::string_view action) const;
  absl::Status CheckGoalInput(const GoalInput& input) const;
  absl::Status AddLoadedGoal(Goal goal);
  absl::Status AddLoadedReview(Review review);
  absl::StatusOr<ParticipantScore> ScoreOf(EmployeeId employee) const;
  std::vector<Goal> ScoredGoals(EmployeeId employee) const;
  absl::StatusOr<Review*> DraftFor(ReviewId id, Date on, std::string_view action);

  PerformanceCycle cycle_;
  RatingScale scale_;
  std::vector<Goal> goals_;
  std::vector<Review> reviews_;
  std::vector<CalibrationChange> changes_;
  absl::flat_hash_map<GoalId, std::size_t> goal_index_;
  absl::flat_hash_map<ReviewId, std::size_t> review_index_;
  absl::flat_hash_map<ReviewKey, std::size_t> review_keys_;
  absl::flat_hash_map<EmployeeId, std::vector<std::size_t>> goals_by_owner_;  // positions, in order
  absl::flat_hash_map<EmployeeId, std::vector<std::size_t>> reviews_by_reviewee_;
  std::int64_t next_goal_ = 1;
  std::int64_t next_review_ = 1;
  std::int64_t next_change_ = 1;
};

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_CYCLE_BOOK_HPP_
