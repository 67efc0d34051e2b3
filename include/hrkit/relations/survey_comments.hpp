// The confidential report of the free-text comments of one survey wave along
// the org tree: for each unit (with everything below it) its respondents'
// comments, or, for a unit the confidentiality rules of
// core/confidentiality.hpp hide for comments (Disclosure::kComments: the
// survey's min_comment_group with the complement, sibling and hidden-parent
// rules), only the rule that hides it and no comment. The groups are the
// units of OrgReport (survey_report.hpp), counted by respondents.
//
// A shown unit's comments come sorted by their text (byte order), never in
// submission order, which could point at who wrote which; empty comments
// are left out.
//
// Thread safety: a pure function of its inputs; safe to call concurrently.
#ifndef HRKIT_RELATIONS_SURVEY_COMMENTS_HPP_
#define HRKIT_RELATIONS_SURVEY_COMMENTS_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/relations/survey_book.hpp"

namespace hrkit {

// The comments of one unit and its subtree.
struct SurveyCommentGroup {
  OrgUnitId unit{};                               // the unit; the group is the unit and everything below it
  OrgUnitId parent{};                             // invalid for a top unit
  Suppression suppression = Suppression::kShown;  // kShown, or the rule that hides the comments
  std::vector<std::string> comments{};            // sorted; empty when hidden

  friend bool operator==(const SurveyCommentGroup&, const SurveyCommentGroup&) = default;
};

// The comment report of wave `wave`: one entry per group, parents before
// children (by depth, then unit id). Errors: FailedPrecondition (the survey
// takes no comments; the unit tree has a cycle on the invitation day),
// NotFound (no such wave; a unit unknown to `lookup`), and the errors of
// SuppressGroups.
absl::StatusOr<std::vector<SurveyCommentGroup>> CommentReport(const SurveyBook& book, std::int32_t wave,
                                                              const OrgLookup& lookup);

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_COMMENTS_HPP_
