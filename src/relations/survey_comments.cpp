#include "hrkit/relations/survey_comments.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "survey_figures.hpp"

namespace hrkit {

absl::StatusOr<std::vector<SurveyCommentGroup>> CommentReport(const SurveyBook& book, std::int32_t wave,
                                                              const OrgLookup& lookup) {
  const Survey& survey = book.survey();
  if (!survey.comments) {
    return absl::FailedPreconditionError(
        absl::StrCat(ToString(survey.id), ": comments: this survey takes no comments"));
  }
  const SurveyWave* w = FindWave(survey, wave);
  if (w == nullptr) return absl::NotFoundError(absl::StrCat(ToString(survey.id), ": wave: no wave ", wave));
  const std::vector<const SurveyInvitation*> invitations = survey_internal::WaveInvitations(book, wave);
  HRKIT_ASSIGN_OR_RETURN(const survey_internal::GroupTree tree,
                         survey_internal::BuildTree(invitations, w->invited_on, lookup));
  std::vector<GroupCount> groups(tree.unit.size());
  std::vector<std::vector<std::string>> comments(tree.unit.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    groups[g] = {.parent = tree.parent_index[g], .count = 0, .key = tree.unit[g].value()};
  }
  for (const SurveyResponse& r : book.responses()) {
    if (r.wave != wave) continue;
    auto it = tree.path_of.find(r.org_unit);
    if (it == tree.path_of.end()) continue;
    for (const std::size_t g : it->second) {
      ++groups[g].count;
      if (!r.comment.empty()) comments[g].push_back(r.comment);
    }
  }
  HRKIT_ASSIGN_OR_RETURN(const std::vector<Suppression> verdicts,
                         SuppressGroups(groups, survey_internal::ThresholdsOf(survey), Disclosure::kComments));
  std::vector<SurveyCommentGroup> out(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out[g].unit = tree.unit[g];
    out[g].parent = tree.parent[g];
    out[g].suppression = verdicts[g];
    if (!IsShown(verdicts[g])) continue;
    out[g].comments = std::move(comments[g]);
    std::sort(out[g].comments.begin(), out[g].comments.end());
  }
  return out;
}

}  // namespace hrkit
