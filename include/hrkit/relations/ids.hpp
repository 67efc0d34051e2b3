// The ids of the relations module's entities.
//
// Thread safety: types only.
#ifndef HRKIT_RELATIONS_IDS_HPP_
#define HRKIT_RELATIONS_IDS_HPP_

#include "hrkit/core/id.hpp"

namespace hrkit {

// A survey (relations/survey.hpp).
struct SurveyTag {
  static constexpr const char* kPrefix = "survey";
};
using SurveyId = Id<SurveyTag>;

// An invitation to one wave of a survey (relations/survey.hpp).
struct SurveyInvitationTag {
  static constexpr const char* kPrefix = "survey_invitation";
};
using SurveyInvitationId = Id<SurveyInvitationTag>;

// One submitted response (relations/survey.hpp).
struct SurveyResponseTag {
  static constexpr const char* kPrefix = "survey_response";
};
using SurveyResponseId = Id<SurveyResponseTag>;

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_IDS_HPP_
