// Review templates and scoring methods: what a review asks for (a goals
// section, competency sections) and how its parts combine into one score.
//
// The combination, in two documented and configurable steps:
//  1. A review's score is the weighted mean of its section scores:
//     sum(section weight x section score) / 100. A goals section scores the
//     reviewee's weighted goals (performance/scoring.hpp, WeightedScore); a
//     competency section the mean of its competencies' ratings. Example:
//     goals 70 % + competencies 30 %, section scores 2.8 and 4.0 -> 3.16.
//  2. A participant's overall score is the weighted mean of the scores per
//     reviewer role: sum(role weight x role score) / 100, where a role's
//     score is the mean of that role's submitted reviews of the participant
//     (several peers). "Manager only" is {manager 100}; "manager 80 + self
//     20" is two weights. A role with a weight but no submitted review is
//     handled as `missing_role` says: kRescale (the default) divides by the
//     weights of the roles present instead; kNoScore gives no overall score.
// A cycle copies its template's method when it is created and keeps that
// copy: editing a template never changes a running cycle, and the cycle's
// copy is fixed once any review exists (performance/cycle_book.hpp).
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_PERFORMANCE_REVIEW_TEMPLATE_HPP_
#define HRKIT_PERFORMANCE_REVIEW_TEMPLATE_HPP_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/enum_names.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/performance/ids.hpp"

namespace hrkit {

// Tolerance of "weights sum to 100": |sum - 100| <= kWeightSumTolerance.
inline constexpr double kWeightSumTolerance = 1e-6;

// What a section of a review rates.
enum class SectionKind {
  kGoals = 0,         // the reviewee's goals of the cycle, by their weights
  kCompetencies = 1,  // the section's competencies, equally weighted
};

// The names of SectionKind values (core/enum_names.hpp).
inline constexpr EnumName<SectionKind> kSectionKindNames[] = {{SectionKind::kGoals, "goals"},
                                                              {SectionKind::kCompetencies, "competencies"}};
constexpr std::span<const EnumName<SectionKind>> EnumNamesOf(SectionKind) { return kSectionKindNames; }

// Who writes a review, relative to the reviewee.
enum class ReviewerRole {
  kSelf = 0,     // the reviewee
  kManager = 1,  // the reviewee's manager
  kPeer = 2,     // a colleague (360 feedback), optionally anonymous
  kUpward = 3,   // a report reviewing their manager (the reviewee)
};

// The names of ReviewerRole values (core/enum_names.hpp).
inline constexpr EnumName<ReviewerRole> kReviewerRoleNames[] = {{ReviewerRole::kSelf, "self"},
                                                                {ReviewerRole::kManager, "manager"},
                                                                {ReviewerRole::kPeer, "peer"},
                                                                {ReviewerRole::kUpward, "upward"}};
constexpr std::span<const EnumName<ReviewerRole>> EnumNamesOf(ReviewerRole) { return kReviewerRoleNames; }

// What an overall score does about a weighted role without a submitted
// review (see the header comment).
enum class MissingRole {
  kRescale = 0,  // leave the role out and divide by the weights present
  kNoScore = 1,  // no overall score
};

// The names of MissingRole values (core/enum_names.hpp).
inline constexpr EnumName<MissingRole> kMissingRoleNames[] = {{MissingRole::kRescale, "rescale"},
                                                              {MissingRole::kNoScore, "no_score"}};
constexpr std::span<const EnumName<MissingRole>> EnumNamesOf(MissingRole) { return kMissingRoleNames; }

// One section of a review.
struct TemplateSection {
  std::string name;                        // unique within the method
  SectionKind kind = SectionKind::kGoals;  // goals or competencies
  double weight = 0.0;                     // percent of the review score
  std::vector<std::string> competencies;   // kCompetencies only: what is rated

  friend bool operator==(const TemplateSection&, const TemplateSection&) = default;
};

// Field description of TemplateSection (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, TemplateSection>
void Describe(V& v, Self& s) {
  v.Field("name", s.name, Sensitivity::kDirectory);
  v.Field("kind", s.kind, Sensitivity::kDirectory);
  v.Field("weight", s.weight, Sensitivity::kDirectory);
  v.List("competencies", s.competencies, Sensitivity::kDirectory);
}

// The weight of one reviewer role in the overall score.
struct RoleWeight {
  ReviewerRole role = ReviewerRole::kManager;  // the role weighted
  double weight = 0.0;                         // percent

  friend bool operator==(const RoleWeight&, const RoleWeight&) = default;
};

// Field description of RoleWeight (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, RoleWeight>
void Describe(V& v, Self& w) {
  v.Field("role", w.role, Sensitivity::kDirectory);
  v.Field("weight", w.weight, Sensitivity::kDirectory);
}

// How reviews are scored (see the header comment).
//
// Example: goals 70 % + one competency section 30 %, manager only:
//   ScoringMethod m;
//   m.scale = RatingScaleId(1);
//   m.sections = {{"Goals", SectionKind::kGoals, 70, {}},
//                 {"Values", SectionKind::kCompetencies, 30, {"ownership", "teamwork"}}};
//   m.role_weights = {{ReviewerRole::kManager, 100}};
struct ScoringMethod {
  RatingScaleId scale;                               // every rating is on it
  std::vector<TemplateSection> sections;             // weights sum to 100
  std::vector<RoleWeight> role_weights;              // weights sum to 100, one per role at most
  MissingRole missing_role = MissingRole::kRescale;  // what happens without a weighted role's review

  friend bool operator==(const ScoringMethod&, const ScoringMethod&) = default;
};

// Describes the members of `method` as fields of the record holding it
// (a template, a cycle), all of storage format `since`: scale, sections,
// role_weights, missing_role.
template <class V, class Self>
requires SameEntity<Self, ScoringMethod>
void DescribeScoringMethod(V& v, Self& m, Since since) {
  v.Field("scale", m.scale, Sensitivity::kDirectory, since);
  v.List("sections", m.sections, Sensitivity::kDirectory, since);
  v.List("role_weights", m.role_weights, Sensitivity::kDirectory, since);
  v.Field("missing_role", m.missing_role, Sensitivity::kDirectory, since);
}

// Checks a method. Returns InvalidArgument naming `owner` (e.g.
// "review_template:2") and the field when: the scale id is not valid; there
// is no section; a section name is empty or repeats; a kind is outside the
// enum; more than one goals section; a competency section without
// competencies, with an empty or repeated competency, or a goals section
// with competencies; a weight (section or role) not finite or not above 0;
// section or role weights not summing to 100 ("sections", "role_weights",
// naming the sum); no role weight; a role outside the enum or weighted twice;
// `missing_role` outside the enum.
absl::Status ValidateScoringMethod(const ScoringMethod& method, std::string_view owner);

// The weight of `role` in `method`, 0 when it has none.
double RoleWeightOf(const ScoringMethod& method, ReviewerRole role);

// A reusable review template; cycles copy its method.
struct ReviewTemplate {
  static constexpr std::string_view kEntityName = "review_template";

  ReviewTemplateId id;   // the template's id
  std::string name;      // e.g. "Annual review"
  ScoringMethod method;  // what cycles copy

  friend bool operator==(const ReviewTemplate&, const ReviewTemplate&) = default;
};

// Field description; a type of storage format 2 (the id's Since).
template <class V, class Self>
requires SameEntity<Self, ReviewTemplate>
void Describe(V& v, Self& t) {
  v.Field("id", t.id, Sensitivity::kDirectory, Since{2});
  v.Field("name", t.name, Sensitivity::kDirectory, Since{2});
  DescribeScoringMethod(v, t.method, Since{2});
}

// Checks a template: a valid id, a non-empty name, then
// ValidateScoringMethod. InvalidArgument naming "review_template:<id>".
absl::Status ValidateReviewTemplate(const ReviewTemplate& review_template);

// The domain validator the store runs on every write (found by ADL):
// ValidateReviewTemplate.
inline absl::Status ValidateStoredEntity(const ReviewTemplate& t) { return ValidateReviewTemplate(t); }

}  // namespace hrkit

#endif  // HRKIT_PERFORMANCE_REVIEW_TEMPLATE_HPP_
