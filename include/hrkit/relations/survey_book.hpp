// Running one survey: its instruments, the invitations of each wave and the
// responses, with every rule checked on the way in. Invitations are taken
// from the survey's audience rule on the wave's invitation day (reusing
// eligibility/audience.hpp); each invitee is known only by their respondent
// key (relations/pseudonym.hpp), computed from a secret the caller passes in
// and keeps; the book never holds the secret or an employee id. A response
// is accepted only from an invitee, inside the wave's open days, once, with
// every answer on its item's scale. Every operation is all-or-nothing.
//
// Results about groups of people leave the library only through the
// confidentiality rules of core/confidentiality.hpp, with the survey's
// thresholds; the thresholds are fixed once the first wave opens.
//
// Thread safety: const methods may run concurrently; an edit needs external
// synchronization against every other call.
#ifndef HRKIT_RELATIONS_SURVEY_BOOK_HPP_
#define HRKIT_RELATIONS_SURVEY_BOOK_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/relations/instrument.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey.hpp"

namespace hrkit {

// The scores of one instrument in one response.
struct InstrumentScores {
  std::string instrument{};          // the instrument's code
  std::vector<ScaleScore> scales{};  // one per scale, in definition order

  friend bool operator==(const InstrumentScores&, const InstrumentScores&) = default;
};

// One survey with its invitations and responses; every change goes
// through it so the rules of the header comment hold.
class SurveyBook {
 public:
  // A book for `survey`, asking the instruments it lists (definitions in
  // `instruments`, any order; extra definitions are ignored).
  // Errors (InvalidArgument): ValidateSurvey's; an instrument the survey
  // lists without a definition; an invalid definition; an item code used by
  // two of the survey's instruments.
  static absl::StatusOr<SurveyBook> Create(Survey survey, std::span<const InstrumentDefinition> instruments);

  // A book over the stored entities of one survey (as a Store's LoadAll
  // gives them back), checked as Create, Invite and Submit check them, so
  // that a book read back from storage holds what one written through the
  // API could. Errors, naming "survey_invitation:<id>" or
  // "survey_response:<id>" and the field:
  // - those of Create, ValidateSurveyInvitation and ValidateSurveyResponse;
  // - InvalidArgument: an entity of another survey or of a wave the survey
  //   does not have; an id used twice; a response whose unit, location or
  //   tenure band differ from its invitation's; the errors of an answer
  //   (unknown item, an item answered twice, outside the scale); a comment
  //   on a survey without comments;
  // - AlreadyExists: two invitations or two responses of one respondent to
  //   one wave;
  // - FailedPrecondition: a response without an invitation to its wave, or
  //   submitted outside the wave's open days.
  // Invitations and responses keep the order given.
  static absl::StatusOr<SurveyBook> FromEntities(Survey survey, std::span<const InstrumentDefinition> instruments,
                                                 std::vector<SurveyInvitation> invitations,
                                                 std::vector<SurveyResponse> responses);

  // Replaces the confidentiality thresholds, on `today`.
  // Errors: FailedPrecondition (on or after the first wave opens: the
  // thresholds are fixed then), InvalidArgument (thresholds that
  // core/confidentiality.hpp refuses).
  absl::Status SetThresholds(ConfidentialityThresholds thresholds, Date today);

  // Invites wave `wave`'s audience: the employees of `employees` the
  // survey's rule selects on the wave's invitation day, each with their
  // respondent key under `secret` and the unit, location and tenure band of
  // that day. Invitation ids are `first_id`, `first_id` + 1, ... in employee
  // id order. Returns the number invited.
  // Errors: NotFound (no such wave), FailedPrecondition (the wave was
  // invited already), InvalidArgument (an invalid first_id; the secret, as
  // RespondentKey), AlreadyExists (an id of the range is taken by an
  // earlier invitation), the errors of AudienceOn and FactsOn.
  absl::StatusOr<std::int64_t> Invite(std::int32_t wave, std::span<const Employee> employees, const OrgLookup& lookup,
                                      std::string_view secret, SurveyInvitationId first_id);

  // Records the response of `employee` (identified by their key under
  // `secret`) to wave `wave`, stored as response `id`. `answers` may leave
  // items out (missing answers); `comment` may be empty.
  // Errors, nothing stored:
  // - NotFound: no such wave;
  // - FailedPrecondition: `submitted_on` before the wave opens or after it
  //   closes; the employee was not invited to the wave;
  // - AlreadyExists: the employee has responded to the wave already, or `id`
  //   is taken;
  // - InvalidArgument: an invalid id or secret; an item code no instrument
  //   of the survey has, or an item answered twice; an answer outside its
  //   instrument's scale (naming the item); a comment on a survey without
  //   comments.
  absl::Status Submit(std::int32_t wave, EmployeeId employee, std::string_view secret,
                      std::vector<SurveyAnswer> answers, std::string comment, Date submitted_on, SurveyResponseId id);

  // The respondent's own view: the scores of their response to `wave`, one
  // entry per instrument in survey order. Errors: NotFound (no such wave, or
  // no response of this employee to it), InvalidArgument (the secret).
  absl::StatusOr<std::vector<InstrumentScores>> OwnScores(std::int32_t wave, EmployeeId employee,
                                                          std::string_view secret) const;

  // The respondent's own WHO-5 change from wave `from_wave` to wave
  // `to_wave` (CompareWho5: significant at 10 points or more).
  // Errors: NotFound (no such wave, or no response of this employee to
  // one of them), FailedPrecondition (the survey does not ask "who5"; a
  // response without a WHO-5 score, i.e. with a missing answer),
  // InvalidArgument (the secret).
  absl::StatusOr<Who5Change> OwnWho5Change(std::int32_t from_wave, std::int32_t to_wave, EmployeeId employee,
                                           std::string_view secret) const;

  // The answers of `response` to the instrument at `instrument` (its
  // position in the survey), one entry per item in item order (nullopt =
  // missing); answers to other instruments' items are left out.
  // REQUIRES: instrument < instruments().size().
  std::vector<std::optional<int>> AnswerRow(const SurveyResponse& response, std::size_t instrument) const;

  // The answers of every response to `wave` for the instrument at
  // `instrument` (its position in the survey), one row per response in
  // response order, one entry per item in item order (nullopt = missing).
  // REQUIRES: instrument < instruments().size().
  std::vector<std::vector<std::optional<int>>> AnswersOf(std::int32_t wave, std::size_t instrument) const;

  // The survey, with the thresholds last set.
  const Survey& survey() const { return survey_; }
  // The survey's instruments, in survey order.
  const std::vector<InstrumentDefinition>& instruments() const { return instruments_; }
  // Every invitation and every response, in the order recorded.
  const std::vector<SurveyInvitation>& invitations() const { return invitations_; }
  const std::vector<SurveyResponse>& responses() const { return responses_; }

 private:
  // Where an item code is: instrument and item index.
  struct ItemRef {
    std::size_t instrument = 0;
    std::size_t item = 0;
  };

  SurveyBook() = default;
  absl::Status CheckAnswers(const std::vector<SurveyAnswer>& answers) const;
  const SurveyResponse* FindResponse(std::int32_t wave, const std::string& key) const;
  absl::Status AddStoredInvitation(SurveyInvitation invitation);
  absl::Status AddStoredResponse(SurveyResponse response);

  Survey survey_;
  std::vector<InstrumentDefinition> instruments_;
  absl::flat_hash_map<std::string, ItemRef> items_;
  std::vector<SurveyInvitation> invitations_;
  std::vector<SurveyResponse> responses_;
  // "<wave>/<key>" of every invitation and response, to its position.
  absl::flat_hash_map<std::string, std::size_t> invited_;
  absl::flat_hash_map<std::string, std::size_t> responded_;
  absl::flat_hash_set<std::int64_t> invitation_ids_;
  absl::flat_hash_set<std::int64_t> response_ids_;
};

}  // namespace hrkit

#endif  // HRKIT_RELATIONS_SURVEY_BOOK_HPP_
