#include "hrkit/performance/review.hpp"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {
namespace {

absl::Status Invalid(const Review& r, std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToString(r.id), " (", ToString(r.reviewee), ") field ", ToAbsl(field), ": ", ToAbsl(problem)));
}

absl::Status CheckDates(const Review& r) {
  if (!IsRealDate(r.started_on)) return Invalid(r, "started_on", "must be a real date");
  if (r.status == ReviewStatus::kDraft) {
    if (!r.submitted_on.is_not_a_date()) return Invalid(r, "submitted_on", "a draft has no submission date");
    return absl::OkStatus();
  }
  if (!IsRealDate(r.submitted_on)) return Invalid(r, "submitted_on", "a submitted review needs a real date");
  if (r.submitted_on < r.started_on) {
    return Invalid(r, "submitted_on",
                   absl::StrCat(FormatIsoDate(r.submitted_on), " is before started_on ", FormatIsoDate(r.started_on)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateReview(const Review& r) {
  if (!r.id.valid()) return Invalid(r, "id", "must be positive");
  if (!r.cycle.valid()) return Invalid(r, "cycle", "must be a valid id");
  if (!r.reviewee.valid()) return Invalid(r, "reviewee", "must be a valid id");
  if (!r.reviewer.valid()) return Invalid(r, "reviewer", "must be a valid id");
  if (!IsNamedValue(r.role)) return Invalid(r, "role", "is not a reviewer role");
  if (!IsNamedValue(r.status)) return Invalid(r, "status", "is not a review status");
  if (r.role == ReviewerRole::kSelf && r.reviewer != r.reviewee) {
    return Invalid(r, "reviewer", absl::StrCat("a self review is written by the reviewee, not ", ToString(r.reviewer)));
  }
  if (r.role != ReviewerRole::kSelf && r.reviewer == r.reviewee) {
    return Invalid(r, "reviewer",
                   absl::StrCat("the reviewee cannot write their own ", ToAbsl(EnumToName(r.role)), " review"));
  }
  if (r.anonymous && r.role != ReviewerRole::kPeer) {
    return Invalid(r, "anonymous",
                   absl::StrCat("only peer reviews may be anonymous, not ", ToAbsl(EnumToName(r.role))));
  }
  if (r.overall_rating.has_value() && r.role != ReviewerRole::kManager) {
    return Invalid(r, "overall_rating", "only a manager review proposes an overall rating");
  }
  for (std::size_t i = 0; i < r.ratings.size(); ++i) {
    if (!std::isfinite(r.ratings[i].rating)) {
      return Invalid(r, absl::StrCat("ratings[", i, "].rating"), "must be a finite number");
    }
  }
  return CheckDates(r);
}

}  // namespace hrkit
