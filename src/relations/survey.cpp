#include "hrkit/relations/survey.hpp"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

template <class Tag>
absl::Status Invalid(Id<Tag> id, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(ToString(id), ": ", ToAbsl(field), ": ", ToAbsl(what)));
}

bool IsRespondentKey(std::string_view key) {
  if (key.size() != 64) return false;
  for (const char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

absl::Status CheckWaves(const Survey& s) {
  if (s.waves.empty()) return Invalid(s.id, "waves", "a survey needs at least one wave");
  for (std::size_t k = 0; k < s.waves.size(); ++k) {
    const SurveyWave& w = s.waves[k];
    const std::string field = absl::StrCat("waves[", k, "]");
    if (w.number != static_cast<std::int32_t>(k + 1)) {
      return Invalid(s.id, field,
                     absl::StrCat("waves are numbered 1, 2, ... in order; expected ", k + 1, ", got ", w.number));
    }
    if (!IsRealDate(w.invited_on) || !IsRealDate(w.opens_on) || !IsRealDate(w.closes_on)) {
      return Invalid(s.id, field, "invited_on, opens_on and closes_on must be real dates");
    }
    if (w.opens_on < w.invited_on || w.closes_on < w.opens_on) {
      return Invalid(s.id, field,
                     absl::StrCat("needs invited_on <= opens_on <= closes_on, got ", FormatIsoDate(w.invited_on), ", ",
                                  FormatIsoDate(w.opens_on), ", ", FormatIsoDate(w.closes_on)));
    }
    if (k > 0 && w.invited_on <= s.waves[k - 1].closes_on) {
      return Invalid(s.id, field,
                     absl::StrCat("wave ", w.number, " is invited on ", FormatIsoDate(w.invited_on), ", before wave ",
                                  k, " closes on ", FormatIsoDate(s.waves[k - 1].closes_on)));
    }
  }
  return absl::OkStatus();
}

// The fields an invitation and a response share: their id, the survey, the
// wave and the respondent key.
template <class Record>
absl::Status CheckRespondentRecord(const Record& r) {
  if (!r.id.valid()) return Invalid(r.id, "id", "must be a positive id");
  if (!r.survey.valid()) return Invalid(r.id, "survey", "must be a valid survey id");
  if (r.wave < 1) return Invalid(r.id, "wave", absl::StrCat("must be 1 or more, got ", r.wave));
  if (!IsRespondentKey(r.respondent_key)) return Invalid(r.id, "respondent_key", "must be 64 lowercase hex digits");
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateSurvey(const Survey& s) {
  if (!s.id.valid()) return Invalid(s.id, "id", "must be a positive id");
  if (s.instruments.empty()) return Invalid(s.id, "instruments", "a survey needs at least one instrument");
  absl::flat_hash_set<std::string> codes;
  for (const std::string& code : s.instruments) {
    if (code.empty()) return Invalid(s.id, "instruments", "an instrument code must not be empty");
    if (!codes.insert(code).second) {
      return Invalid(s.id, "instruments", absl::StrCat("instrument ", code, " is listed twice"));
    }
  }
  HRKIT_RETURN_IF_ERROR(ValidateEligibilityRule(s.audience, ToString(s.id)));
  HRKIT_RETURN_IF_ERROR(CheckWaves(s));
  if (absl::Status t = ValidateThresholds({.min_group = s.min_group, .min_comment_group = s.min_comment_group});
      !t.ok()) {
    return Invalid(s.id, "min_group", std::string(t.message()));
  }
  return absl::OkStatus();
}

const SurveyWave* FindWave(const Survey& survey, std::int32_t number) {
  for (const SurveyWave& w : survey.waves) {
    if (w.number == number) return &w;
  }
  return nullptr;
}

std::string TenureBand(Date service_start, Date on) {
  if (!IsRealDate(service_start) || !IsRealDate(on) || on < service_start) return "unknown";
  // Whole years of service: the anniversary counts on its day.
  int years = on.year() - service_start.year();
  if (on.month() < service_start.month() || (on.month() == service_start.month() && on.day() < service_start.day())) {
    --years;
  }
  if (years < 1) return "0-1";
  if (years < 3) return "1-3";
  if (years < 5) return "3-5";
  return "5+";
}

absl::Status ValidateSurveyInvitation(const SurveyInvitation& i) { return CheckRespondentRecord(i); }

absl::Status ValidateSurveyResponse(const SurveyResponse& r) {
  HRKIT_RETURN_IF_ERROR(CheckRespondentRecord(r));
  if (!IsRealDate(r.submitted_on)) return Invalid(r.id, "submitted_on", "must be a real date");
  absl::flat_hash_set<std::string> items;
  for (const SurveyAnswer& a : r.answers) {
    if (a.item.empty()) return Invalid(r.id, "answers", "an item code must not be empty");
    if (!items.insert(a.item).second)
      return Invalid(r.id, "answers", absl::StrCat("item ", a.item, " is answered twice"));
  }
  return absl::OkStatus();
}

}  // namespace hrkit
