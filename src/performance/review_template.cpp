#include "hrkit/performance/review_template.hpp"

#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(std::string_view owner, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(owner), " field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

absl::Status CheckWeight(double weight, std::string_view owner, std::string_view field) {
  if (!std::isfinite(weight) || weight <= 0.0) {
    return Invalid(owner, field, absl::StrCat("must be a finite number above 0, got ", weight));
  }
  return absl::OkStatus();
}

absl::Status CheckSum(double sum, std::string_view owner, std::string_view field) {
  if (std::abs(sum - 100.0) > kWeightSumTolerance) {
    return Invalid(owner, field, absl::StrCat("weights sum to ", sum, ", not 100"));
  }
  return absl::OkStatus();
}

absl::Status CheckSection(const TemplateSection& section, std::string_view owner, const std::string& where) {
  if (section.name.empty()) return Invalid(owner, where + ".name", "must not be empty");
  if (!IsNamedValue(section.kind)) return Invalid(owner, where + ".kind", "is not a section kind");
  HRKIT_RETURN_IF_ERROR(CheckWeight(section.weight, owner, where + ".weight"));
  if (section.kind == SectionKind::kGoals) {
    if (!section.competencies.empty()) return Invalid(owner, where + ".competencies", "a goals section rates goals");
    return absl::OkStatus();
  }
  if (section.competencies.empty()) return Invalid(owner, where + ".competencies", "must not be empty");
  absl::flat_hash_set<std::string> seen;
  for (std::size_t i = 0; i < section.competencies.size(); ++i) {
    const std::string& c = section.competencies[i];
    const std::string field = absl::StrCat(where, ".competencies[", i, "]");
    if (c.empty()) return Invalid(owner, field, "must not be empty");
    if (!seen.insert(c).second) return Invalid(owner, field, absl::StrCat("\"", c, "\" repeats"));
  }
  return absl::OkStatus();
}

absl::Status CheckRoleWeights(const ScoringMethod& method, std::string_view owner) {
  if (method.role_weights.empty()) return Invalid(owner, "role_weights", "must weigh at least one role");
  double sum = 0.0;
  bool seen[4] = {};
  for (std::size_t i = 0; i < method.role_weights.size(); ++i) {
    const RoleWeight& w = method.role_weights[i];
    const std::string where = absl::StrCat("role_weights[", i, "]");
    if (!IsNamedValue(w.role)) return Invalid(owner, where + ".role", "is not a reviewer role");
    const auto index = static_cast<std::size_t>(w.role);
    if (seen[index])
      return Invalid(owner, where + ".role", absl::StrCat(ToAbsl(EnumToName(w.role)), " is weighted twice"));
    seen[index] = true;
    HRKIT_RETURN_IF_ERROR(CheckWeight(w.weight, owner, where + ".weight"));
    sum += w.weight;
  }
  return CheckSum(sum, owner, "role_weights");
}

}  // namespace

absl::Status ValidateScoringMethod(const ScoringMethod& method, std::string_view owner) {
  if (!method.scale.valid()) return Invalid(owner, "scale", "must be a valid id");
  if (method.sections.empty()) return Invalid(owner, "sections", "must not be empty");
  absl::flat_hash_set<std::string> names;
  int goal_sections = 0;
  double sum = 0.0;
  for (std::size_t i = 0; i < method.sections.size(); ++i) {
    const TemplateSection& section = method.sections[i];
    const std::string where = absl::StrCat("sections[", i, "]");
    HRKIT_RETURN_IF_ERROR(CheckSection(section, owner, where));
    if (!names.insert(section.name).second) {
      return Invalid(owner, where + ".name", absl::StrCat("\"", section.name, "\" repeats"));
    }
    if (section.kind == SectionKind::kGoals && ++goal_sections > 1) {
      return Invalid(owner, where + ".kind", "only one section may rate goals");
    }
    sum += section.weight;
  }
  HRKIT_RETURN_IF_ERROR(CheckSum(sum, owner, "sections"));
  HRKIT_RETURN_IF_ERROR(CheckRoleWeights(method, owner));
  if (!IsNamedValue(method.missing_role)) return Invalid(owner, "missing_role", "is not a missing-role rule");
  return absl::OkStatus();
}

double RoleWeightOf(const ScoringMethod& method, ReviewerRole role) {
  for (const RoleWeight& w : method.role_weights) {
    if (w.role == role) return w.weight;
  }
  return 0.0;
}

absl::Status ValidateReviewTemplate(const ReviewTemplate& t) {
  const std::string owner = ToString(t.id);
  if (!t.id.valid()) return Invalid(owner, "id", "must be positive");
  if (t.name.empty()) return Invalid(owner, "name", "must not be empty");
  return ValidateScoringMethod(t.method, owner);
}

}  // namespace hrkit
