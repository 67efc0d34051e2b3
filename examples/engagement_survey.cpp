// An engagement survey from invitation to confidential report: a small
// organization, a survey asking the WHO-5 well-being index and the employee
// Net Promoter question, everyone invited under a pseudonymous key, the
// responses submitted, then the org report (a unit too small to report on
// appears only as suppressed, with the rule that hides it) and one
// respondent's own scores.
//
// The figures the program checks (worked by hand):
// - Company (unit 1) has 2 direct members and three teams: Engineering (2)
//   8 people, Sales (3) 6, Support (4) 3. All 19 are invited; one engineer
//   does not answer, so 18 respond.
// - Support has 3 respondents, fewer than the minimum group of 5: it is
//   suppressed (below_minimum). Company minus the shown teams is 18 - 7 - 6
//   = 5 people (Support and the 2 direct members), not below 5, so nothing
//   else needs hiding.
// - WHO-5 percentage (raw sum x 4): engineers answer 4,4,3,3,4 (18 -> 72),
//   sales 3,3,3,3,3 (60), support 2,2,2,2,2 (40), the direct members
//   5,5,4,4,4 (88). Company: (7 x 72 + 6 x 60 + 3 x 40 + 2 x 88) / 18 =
//   1160 / 18 = 64.4; Engineering 72.0; Sales 60.0.
// - eNPS (% promoters 9-10 minus % detractors 0-6): engineers answer 9, 10,
//   9, 8, 7, 6, 9 (4 promoters, 1 detractor of 7: +42.9); sales 8 each (0);
//   support 5 each; the direct members 10 each. Company: 6 promoters, 4
//   detractors of 18: +11.1.
// - The first engineer's own scores: WHO-5 raw 18, percentage 72
//   ("adequate"), eNPS answer 9 ("promoter").
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "hrkit/core/confidentiality.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/org/org_lookup.hpp"
#include "hrkit/org/workforce.hpp"
#include "hrkit/relations/instruments.hpp"
#include "hrkit/relations/survey_book.hpp"
#include "hrkit/relations/survey_report.hpp"

namespace {

using namespace hrkit;  // NOLINT: an example reads better without prefixes

// The survey's secret: it turns employee ids into respondent keys. The
// caller keeps it; the book and the stored responses never see it.
constexpr char kSecret[] = "engagement-2025-example-secret";

// One unit of the organization, with one seat for everyone in it.
struct Team {
  OrgUnitId id;
  OrgUnitId parent;
  std::string name;
  int people;
  std::vector<int> who5;  // everyone's WHO-5 answers in the team
};

// The organization and the lookup the survey reads units from.
struct Org {
  std::vector<Employee> employees;
  std::map<EmployeeId, OrgUnitId> unit_of;
  OrgLookup lookup;
};

// Builds the units, their seats and people (hired on 2023-01-01, numbered
// unit by unit) through a Workforce.
absl::StatusOr<Org> BuildOrg(const std::vector<Team>& teams) {
  const Date start(2023, 1, 1);
  Workforce w;
  Org org;
  for (const Team& team : teams) {
    HRKIT_RETURN_IF_ERROR(
        w.CreateOrgUnit(team.id, team.name, {.name = team.name, .parent = team.parent}, start, start));
    const PositionId seat(team.id.value());
    HRKIT_RETURN_IF_ERROR(w.CreatePosition(seat, {.org_unit = team.id, .fte_budget = 20.0}, start, start));
    for (int k = 0; k < team.people; ++k) {
      Employee e;
      e.id = w.NextEmployeeId();
      e.employee_number = absl::StrCat("E-", e.id.value());
      HRKIT_RETURN_IF_ERROR(w.AddEmployee(e));
      HRKIT_RETURN_IF_ERROR(w.ApplyEvent(e.id, HireEvent{.effective = start, .position = seat}, start));
      org.unit_of[e.id] = team.id;
    }
  }
  for (const Employee* e : w.Employees()) org.employees.push_back(*e);
  std::vector<OrgUnit> units;
  for (const OrgUnit* u : w.OrgUnits()) units.push_back(*u);
  std::vector<Position> positions;
  for (const Position* p : w.Positions()) positions.push_back(*p);
  HRKIT_ASSIGN_OR_RETURN(org.lookup, OrgLookup::Build(units, positions));
  return org;
}

// Prints one instrument's report and returns the figures of the shown
// groups by unit (the mean of scale `scale`, or the eNPS when scale < 0).
absl::StatusOr<std::map<OrgUnitId, double>> PrintReport(const SurveyBook& book, std::size_t instrument, int scale,
                                                        const OrgLookup& lookup,
                                                        const std::map<OrgUnitId, std::string>& names) {
  HRKIT_ASSIGN_OR_RETURN(const std::vector<SurveyGroupResult> report, OrgReport(book, 1, instrument, lookup));
  std::map<OrgUnitId, double> figures;
  std::cout << "\n" << book.instruments()[instrument].name << ", wave 1:\n";
  for (const SurveyGroupResult& g : report) {
    std::printf("  %-12s ", names.at(g.unit).c_str());
    if (!IsShown(g.suppression)) {
      // A hidden group says that it is hidden and why, never a number.
      std::cout << "suppressed (" << SuppressionName(g.suppression) << ")\n";
      continue;
    }
    const std::optional<double> figure = scale < 0 ? g.enps : g.scales[static_cast<std::size_t>(scale)].mean;
    if (!figure.has_value()) return absl::InternalError("a shown group without its figure");
    figures[g.unit] = *figure;
    std::printf(scale < 0 ? "%2lld of %2lld responded (%5.1f%%)  eNPS %+.1f\n"
                          : "%2lld of %2lld responded (%5.1f%%)  mean percentage %.1f\n",
                static_cast<long long>(*g.respondents), static_cast<long long>(*g.invited), *g.response_rate_percent,
                *figure);
  }
  return figures;
}

// Everyone responds except the eighth engineer: the team's WHO-5 answers
// and an eNPS answer of the unit's list; engineers answer the eNPS question
// 9, 10, 9, 8, 7, 6, 9.
absl::Status SubmitResponses(SurveyBook& book, const Org& org, const std::vector<Team>& teams) {
  const std::map<OrgUnitId, std::vector<int>> enps = {{OrgUnitId(1), {10, 10}},
                                                      {OrgUnitId(2), {9, 10, 9, 8, 7, 6, 9}},
                                                      {OrgUnitId(3), {8, 8, 8, 8, 8, 8}},
                                                      {OrgUnitId(4), {5, 5, 5}}};
  std::map<OrgUnitId, std::size_t> answered;
  std::int64_t next_response = 1;
  for (const Employee& e : org.employees) {
    const OrgUnitId unit = org.unit_of.at(e.id);
    const std::size_t k = answered[unit];
    if (k == enps.at(unit).size()) continue;  // does not respond
    ++answered[unit];
    const std::vector<int>& who5 = teams[static_cast<std::size_t>(unit.value() - 1)].who5;
    std::vector<SurveyAnswer> answers;
    for (std::size_t item = 0; item < who5.size(); ++item) {
      answers.push_back({.item = absl::StrCat("who5_", item + 1), .answer = who5[item]});
    }
    answers.push_back({.item = "enps_1", .answer = enps.at(unit)[k]});
    HRKIT_RETURN_IF_ERROR(
        book.Submit(1, e.id, kSecret, std::move(answers), "", Date(2025, 3, 6), SurveyResponseId(next_response++)));
  }
  return absl::OkStatus();
}

// InternalError naming `what` unless `ok`.
absl::Status Check(bool ok, const std::string& what) {
  return ok ? absl::OkStatus() : absl::InternalError(absl::StrCat("unexpected figure: ", what));
}

// Equal up to rounding.
bool Near(double a, double b) { return std::fabs(a - b) < 1e-9; }

absl::Status Run() {
  const std::vector<Team> teams = {
      {OrgUnitId(1), OrgUnitId(), "Company", 2, {5, 5, 4, 4, 4}},
      {OrgUnitId(2), OrgUnitId(1), "Engineering", 8, {4, 4, 3, 3, 4}},
      {OrgUnitId(3), OrgUnitId(1), "Sales", 6, {3, 3, 3, 3, 3}},
      {OrgUnitId(4), OrgUnitId(1), "Support", 3, {2, 2, 2, 2, 2}},
  };
  std::map<OrgUnitId, std::string> names;
  for (const Team& t : teams) names[t.id] = t.name;
  HRKIT_ASSIGN_OR_RETURN(const Org org, BuildOrg(teams));

  // 1. The survey: two instruments, everyone in the audience (the empty
  //    rule), one wave: invitations on 3 March, answers 4 to 14 March.
  Survey survey;
  survey.id = SurveyId(1);
  survey.title = "Spring engagement survey";
  survey.instruments = {"who5", "enps"};
  survey.waves = {
      {.number = 1, .invited_on = Date(2025, 3, 3), .opens_on = Date(2025, 3, 4), .closes_on = Date(2025, 3, 14)}};
  const std::vector<InstrumentDefinition> instruments = {Who5Instrument(), EnpsInstrument()};
  HRKIT_ASSIGN_OR_RETURN(SurveyBook book, SurveyBook::Create(survey, instruments));

  // 2. Invite: each invitee is stored under HMAC(secret, employee id) with
  //    the unit, location and tenure band of the invitation day.
  HRKIT_ASSIGN_OR_RETURN(const std::int64_t invited,
                         book.Invite(1, org.employees, org.lookup, kSecret, SurveyInvitationId(1)));
  std::cout << survey.title << ": " << invited << " invited\n";

  // 3. The responses (SubmitResponses).
  HRKIT_RETURN_IF_ERROR(SubmitResponses(book, org, teams));
  std::cout << book.responses().size() << " responses\n";

  // 4. The confidential org report, per instrument: WHO-5's "percentage"
  //    scale (the instrument's second) and the eNPS.
  HRKIT_ASSIGN_OR_RETURN(const auto who5, PrintReport(book, 0, 1, org.lookup, names));
  HRKIT_ASSIGN_OR_RETURN(const auto net_promoter, PrintReport(book, 1, -1, org.lookup, names));

  // 5. What one respondent may see: their own scores, found by their key.
  const EmployeeId engineer = org.employees[2].id;  // the first engineer
  HRKIT_ASSIGN_OR_RETURN(const std::vector<InstrumentScores> own, book.OwnScores(1, engineer, kSecret));
  std::cout << "\nOwn scores of " << engineer << ":\n";
  for (const InstrumentScores& scores : own) {
    for (const ScaleScore& s : scores.scales) {
      std::cout << "  " << scores.instrument << " " << s.code << ": " << s.value.value_or(-1)
                << (s.band.empty() ? "" : " (" + s.band + ")") << "\n";
    }
  }

  // The hand-worked figures of the header comment.
  HRKIT_RETURN_IF_ERROR(Check(invited == 19 && book.responses().size() == 18, "invited / responses"));
  HRKIT_RETURN_IF_ERROR(Check(who5.size() == 3 && !who5.contains(OrgUnitId(4)), "suppressed Support"));
  HRKIT_RETURN_IF_ERROR(Check(Near(who5.at(OrgUnitId(1)), 1160.0 / 18.0), "Company WHO-5"));
  HRKIT_RETURN_IF_ERROR(Check(Near(who5.at(OrgUnitId(2)), 72.0), "Engineering WHO-5"));
  HRKIT_RETURN_IF_ERROR(Check(Near(who5.at(OrgUnitId(3)), 60.0), "Sales WHO-5"));
  HRKIT_RETURN_IF_ERROR(Check(Near(net_promoter.at(OrgUnitId(1)), 100.0 * 2 / 18), "Company eNPS"));
  HRKIT_RETURN_IF_ERROR(Check(Near(net_promoter.at(OrgUnitId(2)), 100.0 * 3 / 7), "Engineering eNPS"));
  HRKIT_RETURN_IF_ERROR(Check(Near(net_promoter.at(OrgUnitId(3)), 0.0), "Sales eNPS"));
  HRKIT_RETURN_IF_ERROR(Check(own.size() == 2 && own[0].scales.size() >= 2 && own[0].scales[0].value == 18.0 &&
                                  own[0].scales[1].value == 72.0 && own[1].scales[0].band == "promoter",
                              "own scores"));
  std::cout << "\nall figures as worked by hand\n";
  return absl::OkStatus();
}

}  // namespace

int main() {
  if (const absl::Status status = Run(); !status.ok()) {
    std::cerr << "engagement_survey: " << status << "\n";
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
