// Surveys and what they collect, as stored entities: the survey (its
// instruments, audience, waves and confidentiality thresholds), the
// invitations of each wave and the responses. Neither an invitation nor a
// response holds an employee id: each holds the respondent's pseudonymous
// key (relations/pseudonym.hpp) and only the grouping attributes captured
// when the wave's invitations went out (org unit, location, tenure band), so
// reports group answers without knowing who gave them. relations/survey_book.hpp
// runs a survey (invite, submit) with every rule checked.
//
// Thread safety: value types and pure functions; safe to use concurrently.
#ifndef HRKIT_RELATIONS_SURVEY_HPP_
#define HRKIT_RELATIONS_SURVEY_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/sensitivity.hpp"
#include "hrkit/eligibility/rule.hpp"
#include "hrkit/org/ids.hpp"
#include "hrkit/personnel/ids.hpp"
#include "hrkit/relations/ids.hpp"

namespace hrkit {

// One wave of a survey (a pulse survey has several): the audience is taken
// on `invited_on`, answers are accepted from `opens_on` to `closes_on`, both
// inclusive.
struct SurveyWave {
  std::int32_t number = 0;  // 1, 2, ... in date order
  Date invited_on{};        // the day the audience is taken
  Date opens_on{};          // the first day answers are accepted
  Date closes_on{};         // the last day answers are accepted

  friend bool operator==(const SurveyWave&, const SurveyWave&) = default;
};

// Field description of SurveyWave (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, SurveyWave>
void Describe(V& v, Self& w) {
  v.Field("number", w.number, Sensitivity::kDirectory);
  v.Field("invited_on", w.invited_on, Sensitivity::kDirectory);
  v.Field("opens_on", w.opens_on, Sensitivity::kDirectory);
  v.Field("closes_on", w.closes_on, Sensitivity::kDirectory);
}

// A survey.
struct Survey {
  static constexpr std::string_view kEntityName = "survey";

  SurveyId id{};        // the survey's id
  std::string title{};  // e.g. "Spring engagement survey"
  // Codes of the instruments asked, in order (built-in or user-defined; the
  // definitions are given to SurveyBook). Item codes must be unique across
  // them.
  std::vector<std::string> instruments{};
  EligibilityRule audience{};  // who is invited, as of each wave's invitation day
  std::vector<SurveyWave> waves{};
  // The confidentiality thresholds of every report on this survey
  // (core/confidentiality.hpp); fixed once the first wave opens.
  std::int32_t min_group = 5;
  std::int32_t min_comment_group = 10;
  bool comments = false;  // whether a response may carry a free-text comment

  friend bool operator==(const Survey&, const Survey&) = default;
};

// Field description of Survey (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, Survey>
void Describe(V& v, Self& s) {
  v.Field("id", s.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.Field("title", s.title, Sensitivity::kDirectory);
  v.List("instruments", s.instruments, Sensitivity::kDirectory);
  DescribeEligibility(v, s.audience, Since{1});
  v.List("waves", s.waves, Sensitivity::kDirectory);
  v.Field("min_group", s.min_group, Sensitivity::kDirectory);
  v.Field("min_comment_group", s.min_comment_group, Sensitivity::kDirectory);
  v.Field("comments", s.comments, Sensitivity::kDirectory);
}

// Checks a survey. InvalidArgument naming "survey:<id>" and the field: an
// invalid id; no instruments, or an empty or repeated instrument code; an
// invalid audience rule; no waves; waves not numbered 1, 2, ... in order; a
// wave whose dates are not real or not invited_on <= opens_on <= closes_on;
// a wave opening on or before the previous one closes; thresholds that
// core/confidentiality.hpp refuses.
absl::Status ValidateSurvey(const Survey& survey);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const Survey& survey) { return ValidateSurvey(survey); }

// The wave of `survey` numbered `number`, or nullptr.
const SurveyWave* FindWave(const Survey& survey, std::int32_t number);

// Service bands for grouping answers, counted to the invitation day.
// "0-1" (under one year), "1-3", "3-5", "5+" years; "unknown" without a
// service start date.
std::string TenureBand(Date service_start, Date on);

// One invitation: who was asked (pseudonymously) and the groups they count
// in for this wave.
struct SurveyInvitation {
  static constexpr std::string_view kEntityName = "survey_invitation";

  SurveyInvitationId id{};       // the invitation's id
  SurveyId survey{};             // the survey invited to
  std::int32_t wave = 0;         // the wave's number
  std::string respondent_key{};  // relations/pseudonym.hpp
  OrgUnitId org_unit{};          // the unit of the invitee's position on the invitation day
  LocationId location{};         // the invitee's location on the invitation day
  std::string tenure_band{};     // TenureBand on the invitation day

  friend bool operator==(const SurveyInvitation&, const SurveyInvitation&) = default;
};

// Field description of SurveyInvitation (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, SurveyInvitation>
void Describe(V& v, Self& i) {
  v.Field("id", i.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.Field("survey", i.survey, Sensitivity::kDirectory);
  v.Field("wave", i.wave, Sensitivity::kDirectory);
  v.Field("respondent_key", i.respondent_key, Sensitivity::kHealth);
  v.Field("org_unit", i.org_unit, Sensitivity::kHealth);
  v.Field("location", i.location, Sensitivity::kHealth);
  v.Field("tenure_band", i.tenure_band, Sensitivity::kHealth);
}

// Checks an invitation: InvalidArgument naming "survey_invitation:<id>" and
// the field for an invalid id or survey, a wave below 1, or a respondent key
// that is not 64 lowercase hex digits.
absl::Status ValidateSurveyInvitation(const SurveyInvitation& invitation);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const SurveyInvitation& invitation) {
  return ValidateSurveyInvitation(invitation);
}

// One answer: the item's code and the answer on its instrument's scale.
struct SurveyAnswer {
  std::string item{};       // the item's code, e.g. "who5_1"
  std::int32_t answer = 0;  // on the item's instrument's scale

  friend bool operator==(const SurveyAnswer&, const SurveyAnswer&) = default;
};

// Field description of SurveyAnswer (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, SurveyAnswer>
void Describe(V& v, Self& a) {
  v.Field("item", a.item, Sensitivity::kHealth);
  v.Field("answer", a.answer, Sensitivity::kHealth);
}

// One submitted response, with the grouping attributes of its invitation.
// Items left unanswered are absent from `answers`.
struct SurveyResponse {
  static constexpr std::string_view kEntityName = "survey_response";

  SurveyResponseId id{};                // the response's id
  SurveyId survey{};                    // the survey answered
  std::int32_t wave = 0;                // the wave's number
  std::string respondent_key{};         // the respondent's key, as on the invitation
  Date submitted_on{};                  // the day it was submitted
  OrgUnitId org_unit{};                 // from the invitation
  LocationId location{};                // from the invitation
  std::string tenure_band{};            // from the invitation
  std::vector<SurveyAnswer> answers{};  // one per answered item
  std::string comment{};                // free text; empty when none

  friend bool operator==(const SurveyResponse&, const SurveyResponse&) = default;
};

// Field description of SurveyResponse (core/describe.hpp).
template <class V, class Self>
requires SameEntity<Self, SurveyResponse>
void Describe(V& v, Self& r) {
  v.Field("id", r.id, Sensitivity::kDirectory, Since{2});  // a type of format 2
  v.Field("survey", r.survey, Sensitivity::kDirectory);
  v.Field("wave", r.wave, Sensitivity::kDirectory);
  v.Field("respondent_key", r.respondent_key, Sensitivity::kHealth);
  v.Field("submitted_on", r.submitted_on, Sensitivity::kHealth);
  v.Field("org_unit", r.org_unit, Sensitivity::kHealth);
  v.Field("location", r.location, Sensitivity::kHealth);
  v.Field("tenure_band", r.tenure_band, Sensitivity::kHealth);
  v.List("answers", r.answers, Sensitivity::kHealth);
  v.Field("comment", r.comment, Sensitivity::kHealth);
}

// Checks a response on its own: InvalidArgument naming
// "survey_response:<id>" and the field for an invalid id or survey, a wave
// below 1, a respondent key that is not 64 lowercase hex digits, a
// submission date that is not real, an empty or repeated item code.
// (Whether the items and answers fit the survey's instruments is checked by
// SurveyBook, which knows them.)
absl::Status ValidateSurveyResponse(const SurveyResponse& response);

// The domain validator the store runs on every write (found by ADL).
inline absl::Status ValidateStoredEntity(const SurveyResponse& response) { return ValidateSurveyResponse(response); }

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_HPP_
