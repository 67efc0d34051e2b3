#include "hrkit/relations/survey_book.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"
#include "hrkit/eligibility/audience.hpp"
#include "hrkit/relations/pseudonym.hpp"

namespace hrkit {
namespace {

std::string WaveKey(std::int32_t wave, std::string_view key) { return absl::StrCat(wave, "/", ToAbsl(key)); }

// FailedPrecondition naming `who` unless `on` is an open day of `wave`.
absl::Status CheckOpenOn(const std::string& who, const SurveyWave& wave, Date on) {
  if (IsRealDate(on) && on >= wave.opens_on && on <= wave.closes_on) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(who, ": submitted_on: wave ", wave.number, " is open from ",
                                                    FormatIsoDate(wave.opens_on), " to ", FormatIsoDate(wave.closes_on),
                                                    ", not on ", FormatIsoDate(on)));
}

}  // namespace

absl::StatusOr<SurveyBook> SurveyBook::Create(Survey survey, std::span<const InstrumentDefinition> instruments) {
  HRKIT_RETURN_IF_ERROR(ValidateSurvey(survey));
  SurveyBook book;
  const std::string who = ToString(survey.id);
  for (const std::string& code : survey.instruments) {
    auto it = std::find_if(instruments.begin(), instruments.end(),
                           [&](const InstrumentDefinition& i) { return i.code == code; });
    if (it == instruments.end()) {
      return absl::InvalidArgumentError(absl::StrCat(who, ": instruments: no definition given for ", code));
    }
    HRKIT_RETURN_IF_ERROR(ValidateInstrument(*it));
    const std::size_t index = book.instruments_.size();
    for (std::size_t k = 0; k < it->items.size(); ++k) {
      if (!book.items_.emplace(it->items[k].code, ItemRef{index, k}).second) {
        return absl::InvalidArgumentError(
            absl::StrCat(who, ": instruments: item code ", it->items[k].code, " is used by two instruments"));
      }
    }
    book.instruments_.push_back(*it);
  }
  book.survey_ = std::move(survey);
  return book;
}

absl::StatusOr<SurveyBook> SurveyBook::FromEntities(Survey survey, std::span<const InstrumentDefinition> instruments,
                                                    std::vector<SurveyInvitation> invitations,
                                                    std::vector<SurveyResponse> responses) {
  HRKIT_ASSIGN_OR_RETURN(SurveyBook book, Create(std::move(survey), instruments));
  book.invitations_.reserve(invitations.size());
  for (SurveyInvitation& i : invitations) HRKIT_RETURN_IF_ERROR(book.AddStoredInvitation(std::move(i)));
  book.responses_.reserve(responses.size());
  for (SurveyResponse& r : responses) HRKIT_RETURN_IF_ERROR(book.AddStoredResponse(std::move(r)));
  return book;
}

absl::Status SurveyBook::AddStoredInvitation(SurveyInvitation invitation) {
  HRKIT_RETURN_IF_ERROR(ValidateSurveyInvitation(invitation));
  const std::string who = ToString(invitation.id);
  if (invitation.survey != survey_.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": survey: ", ToString(invitation.survey), " is not ", ToString(survey_.id)));
  }
  if (FindWave(survey_, invitation.wave) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": wave: ", ToString(survey_.id), " has no wave ", invitation.wave));
  }
  if (!invitation_ids_.insert(invitation.id.value()).second) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": id: used twice"));
  }
  if (!invited_.emplace(WaveKey(invitation.wave, invitation.respondent_key), invitations_.size()).second) {
    return absl::AlreadyExistsError(
        absl::StrCat(who, ": respondent_key: the respondent is invited to wave ", invitation.wave, " twice"));
  }
  invitations_.push_back(std::move(invitation));
  return absl::OkStatus();
}

absl::Status SurveyBook::AddStoredResponse(SurveyResponse response) {
  HRKIT_RETURN_IF_ERROR(ValidateSurveyResponse(response));
  const std::string who = ToString(response.id);
  if (response.survey != survey_.id) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": survey: ", ToString(response.survey), " is not ", ToString(survey_.id)));
  }
  const SurveyWave* w = FindWave(survey_, response.wave);
  if (w == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": wave: ", ToString(survey_.id), " has no wave ", response.wave));
  }
  if (response_ids_.contains(response.id.value()))
    return absl::InvalidArgumentError(absl::StrCat(who, ": id: used twice"));
  const std::string wave_key = WaveKey(response.wave, response.respondent_key);
  const auto invited = invited_.find(wave_key);
  if (invited == invited_.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat(who, ": respondent_key: the respondent was not invited to wave ", response.wave));
  }
  if (responded_.contains(wave_key)) {
    return absl::AlreadyExistsError(
        absl::StrCat(who, ": respondent_key: the respondent has responded to wave ", response.wave, " already"));
  }
  const SurveyInvitation& invitation = invitations_[invited->second];
  const char* differs = invitation.org_unit != response.org_unit         ? "org_unit"
                        : invitation.location != response.location       ? "location"
                        : invitation.tenure_band != response.tenure_band ? "tenure_band"
                                                                         : nullptr;
  if (differs != nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(who, ": ", differs, ": differs from its invitation's (", ToString(invitation.id), ")"));
  }
  HRKIT_RETURN_IF_ERROR(CheckOpenOn(who, *w, response.submitted_on));
  if (absl::Status s = CheckAnswers(response.answers); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": ", s.message()));
  }
  if (!response.comment.empty() && !survey_.comments) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": comment: ", ToString(survey_.id), " takes no comments"));
  }
  responded_.emplace(wave_key, responses_.size());
  response_ids_.insert(response.id.value());
  responses_.push_back(std::move(response));
  return absl::OkStatus();
}

absl::Status SurveyBook::SetThresholds(ConfidentialityThresholds thresholds, Date today) {
  const Date opens = survey_.waves.front().opens_on;
  if (!IsRealDate(today) || today >= opens) {
    return absl::FailedPreconditionError(absl::StrCat(ToString(survey_.id),
                                                      ": min_group: the thresholds are fixed once the survey opens on ",
                                                      FormatIsoDate(opens), "; it is ", FormatIsoDate(today)));
  }
  if (absl::Status s = ValidateThresholds(thresholds); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(ToString(survey_.id), ": min_group: ", s.message()));
  }
  survey_.min_group = thresholds.min_group;
  survey_.min_comment_group = thresholds.min_comment_group;
  return absl::OkStatus();
}

absl::StatusOr<std::int64_t> SurveyBook::Invite(std::int32_t wave, std::span<const Employee> employees,
                                                const OrgLookup& lookup, std::string_view secret,
                                                SurveyInvitationId first_id) {
  const std::string who = ToString(survey_.id);
  const SurveyWave* w = FindWave(survey_, wave);
  if (w == nullptr) return absl::NotFoundError(absl::StrCat(who, ": wave: no wave ", wave));
  if (std::any_of(invitations_.begin(), invitations_.end(), [&](const auto& i) { return i.wave == wave; })) {
    return absl::FailedPreconditionError(absl::StrCat(who, ": wave: wave ", wave, " was invited already"));
  }
  if (!first_id.valid()) return absl::InvalidArgumentError(absl::StrCat(who, ": first_id: must be a positive id"));
  HRKIT_ASSIGN_OR_RETURN(const std::vector<EmployeeId> audience,
                         AudienceOn(survey_.audience, employees, lookup, w->invited_on, who));
  absl::flat_hash_map<EmployeeId, const Employee*> by_id;
  for (const Employee& e : employees) by_id.emplace(e.id, &e);
  std::vector<SurveyInvitation> added;
  added.reserve(audience.size());
  for (const EmployeeId id : audience) {
    HRKIT_ASSIGN_OR_RETURN(const EmployeeFacts facts, FactsOn(*by_id.at(id), lookup, w->invited_on));
    HRKIT_ASSIGN_OR_RETURN(std::string key, RespondentKey(secret, id));
    added.push_back({.id = SurveyInvitationId(first_id.value() + static_cast<std::int64_t>(added.size())),
                     .survey = survey_.id,
                     .wave = wave,
                     .respondent_key = std::move(key),
                     .org_unit = facts.org_unit,
                     .location = facts.location,
                     .tenure_band = TenureBand(facts.seniority_start, w->invited_on)});
  }
  for (SurveyInvitation& i : added) {
    if (invitation_ids_.contains(i.id.value())) {
      return absl::AlreadyExistsError(absl::StrCat(who, ": first_id: ", ToString(i.id), " is taken"));
    }
  }
  for (SurveyInvitation& i : added) {
    invited_.emplace(WaveKey(wave, i.respondent_key), invitations_.size());
    invitation_ids_.insert(i.id.value());
    invitations_.push_back(std::move(i));
  }
  return static_cast<std::int64_t>(audience.size());
}

absl::Status SurveyBook::CheckAnswers(const std::vector<SurveyAnswer>& answers) const {
  const std::string who = ToString(survey_.id);
  absl::flat_hash_set<std::string> seen;
  for (const SurveyAnswer& a : answers) {
    auto it = items_.find(a.item);
    if (it == items_.end()) {
      return absl::InvalidArgumentError(absl::StrCat(who, ": answers: unknown item ", a.item));
    }
    if (!seen.insert(a.item).second) {
      return absl::InvalidArgumentError(absl::StrCat(who, ": answers: item ", a.item, " is answered twice"));
    }
    const InstrumentDefinition& i = instruments_[it->second.instrument];
    if (a.answer < i.min_answer || a.answer > i.max_answer) {
      return absl::InvalidArgumentError(absl::StrCat(who, ": answers[", a.item, "]: answer ", a.answer,
                                                     " is outside the scale ", i.min_answer, "..", i.max_answer));
    }
  }
  return absl::OkStatus();
}

absl::Status SurveyBook::Submit(std::int32_t wave, EmployeeId employee, std::string_view secret,
                                std::vector<SurveyAnswer> answers, std::string comment, Date submitted_on,
                                SurveyResponseId id) {
  const std::string who = ToString(survey_.id);
  const SurveyWave* w = FindWave(survey_, wave);
  if (w == nullptr) return absl::NotFoundError(absl::StrCat(who, ": wave: no wave ", wave));
  HRKIT_RETURN_IF_ERROR(CheckOpenOn(who, *w, submitted_on));
  if (!id.valid()) return absl::InvalidArgumentError(absl::StrCat(who, ": id: must be a positive id"));
  HRKIT_ASSIGN_OR_RETURN(std::string key, RespondentKey(secret, employee));
  const std::string wave_key = WaveKey(wave, key);
  const auto invited = invited_.find(wave_key);
  if (invited == invited_.end()) {
    return absl::FailedPreconditionError(absl::StrCat(who, ": respondent: not invited to wave ", wave));
  }
  if (responded_.contains(wave_key)) {
    return absl::AlreadyExistsError(absl::StrCat(who, ": respondent: has already responded to wave ", wave));
  }
  if (response_ids_.contains(id.value())) {
    return absl::AlreadyExistsError(absl::StrCat(who, ": id: ", ToString(id), " is taken"));
  }
  HRKIT_RETURN_IF_ERROR(CheckAnswers(answers));
  if (!comment.empty() && !survey_.comments) {
    return absl::InvalidArgumentError(absl::StrCat(who, ": comment: this survey takes no comments"));
  }
  const SurveyInvitation& invitation = invitations_[invited->second];
  SurveyResponse r{.id = id,
                   .survey = survey_.id,
                   .wave = wave,
                   .respondent_key = std::move(key),
                   .submitted_on = submitted_on,
                   .org_unit = invitation.org_unit,
                   .location = invitation.location,
                   .tenure_band = invitation.tenure_band,
                   .answers = std::move(answers),
                   .comment = std::move(comment)};
  HRKIT_RETURN_IF_ERROR(ValidateSurveyResponse(r));
  responded_.emplace(wave_key, responses_.size());
  response_ids_.insert(id.value());
  responses_.push_back(std::move(r));
  return absl::OkStatus();
}

const SurveyResponse* SurveyBook::FindResponse(std::int32_t wave, const std::string& key) const {
  const auto it = responded_.find(WaveKey(wave, key));
  return it == responded_.end() ? nullptr : &responses_[it->second];
}

absl::StatusOr<std::vector<InstrumentScores>> SurveyBook::OwnScores(std::int32_t wave, EmployeeId employee,
                                                                    std::string_view secret) const {
  const std::string who = ToString(survey_.id);
  if (FindWave(survey_, wave) == nullptr) return absl::NotFoundError(absl::StrCat(who, ": wave: no wave ", wave));
  HRKIT_ASSIGN_OR_RETURN(const std::string key, RespondentKey(secret, employee));
  const SurveyResponse* r = FindResponse(wave, key);
  if (r == nullptr) return absl::NotFoundError(absl::StrCat(who, ": respondent: no response to wave ", wave));
  std::vector<InstrumentScores> out;
  for (std::size_t k = 0; k < instruments_.size(); ++k) {
    HRKIT_ASSIGN_OR_RETURN(std::vector<ScaleScore> scales, ScoreResponse(instruments_[k], AnswerRow(*r, k)));
    out.push_back({.instrument = instruments_[k].code, .scales = std::move(scales)});
  }
  return out;
}

absl::StatusOr<Who5Change> SurveyBook::OwnWho5Change(std::int32_t from_wave, std::int32_t to_wave, EmployeeId employee,
                                                     std::string_view secret) const {
  const std::string who = ToString(survey_.id);
  const std::string code = Who5Instrument().code;
  const auto instrument = std::find(survey_.instruments.begin(), survey_.instruments.end(), code);
  if (instrument == survey_.instruments.end()) {
    return absl::FailedPreconditionError(absl::StrCat(who, ": instruments: the survey does not ask ", code));
  }
  const auto index = static_cast<std::size_t>(instrument - survey_.instruments.begin());
  double percent[2] = {0.0, 0.0};
  const std::int32_t waves[2] = {from_wave, to_wave};
  for (int k = 0; k < 2; ++k) {
    HRKIT_ASSIGN_OR_RETURN(const std::vector<InstrumentScores> scores, OwnScores(waves[k], employee, secret));
    const std::vector<ScaleScore>& scales = scores[index].scales;
    const auto scale =
        std::find_if(scales.begin(), scales.end(), [](const ScaleScore& s) { return s.code == "percentage"; });
    if (scale == scales.end() || !scale->value.has_value()) {
      return absl::FailedPreconditionError(
          absl::StrCat(who, ": answers: no WHO-5 score in wave ", waves[k], " (an item is unanswered)"));
    }
    percent[k] = *scale->value;
  }
  return CompareWho5(percent[0], percent[1]);
}

std::vector<std::optional<int>> SurveyBook::AnswerRow(const SurveyResponse& response, std::size_t instrument) const {
  std::vector<std::optional<int>> row(instruments_[instrument].items.size());
  for (const SurveyAnswer& a : response.answers) {
    auto it = items_.find(a.item);
    if (it != items_.end() && it->second.instrument == instrument) row[it->second.item] = a.answer;
  }
  return row;
}

std::vector<std::vector<std::optional<int>>> SurveyBook::AnswersOf(std::int32_t wave, std::size_t instrument) const {
  std::vector<std::vector<std::optional<int>>> rows;
  for (const SurveyResponse& r : responses_) {
    if (r.wave == wave) rows.push_back(AnswerRow(r, instrument));
  }
  return rows;
}

}  // namespace hrkit
