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

// A one-to-one check-in between two employees (relations/check_in.hpp).
struct CheckInTag {
  static constexpr const char* kPrefix = "check_in";
};
using CheckInId = Id<CheckInTag>;

// A recognition (kudos) from one colleague to others
// (relations/recognition.hpp).
struct RecognitionTag {
  static constexpr const char* kPrefix = "recognition";
};
using RecognitionId = Id<RecognitionTag>;

// A conflict or grievance case (relations/conflict_case.hpp).
struct ConflictCaseTag {
  static constexpr const char* kPrefix = "conflict_case";
};
using ConflictCaseId = Id<ConflictCaseTag>;

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_IDS_HPP_
