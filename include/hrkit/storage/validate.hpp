// Validation of entities before they are stored. Every Store runs it on every
// put and bulk save, so no backend stores an entity another could not load.
//
// Rules (checked through the entity's Describe, so new entity types follow):
// - the id is positive;
// - every Timeline entry (current or replaced) has real effective and
//   recorded dates, and a replaced date that is real or OpenEnd();
// - every double field is finite (SQL backends cannot store NaN).
// Scalar Date fields may hold any value (a real date, not_a_date_time for
// "unknown", or a special value such as OpenEnd()); strings may hold any bytes.
//
// Thread safety: pure functions; safe to use concurrently.
#ifndef HRKIT_STORAGE_VALIDATE_HPP_
#define HRKIT_STORAGE_VALIDATE_HPP_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/entity_registry.hpp"

namespace hrkit {

namespace storage_internal {

// Walks a description and keeps the first problem found. Names of rows and
// fields are built only when something fails: a bulk save validates millions
// of history entries.
class Validator {
 public:
  // Visits the fields of the row `id` of `kind`.
  Validator(EntityKind kind, std::int64_t id) : kind_(kind), id_(id) {}

  template <ScalarField T>
  void Field(std::string_view name, const T& value, Sensitivity) {
    if constexpr (std::is_same_v<std::remove_const_t<T>, double>) {
      if (status_.ok() && !std::isfinite(value)) {
        Fail(name, "must be a finite number");
      }
    }
  }

  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity) {
    std::size_t index = 0;
    auto check = [&](const auto& entry, std::string_view kind) {
      if (!status_.ok()) return;
      auto where = [&] { return absl::StrCat(ToAbsl(name), ToAbsl(kind), "[", index, "]"); };
      if (!IsRealDate(entry.effective)) {
        Fail(where(), absl::StrCat("effective date must be a real date, got ", FormatIsoDate(entry.effective)));
      } else if (!IsRealDate(entry.recorded)) {
        Fail(where(), absl::StrCat("recorded date must be a real date, got ", FormatIsoDate(entry.recorded)));
      } else if (entry.replaced != OpenEnd() && !IsRealDate(entry.replaced)) {
        Fail(where(), absl::StrCat("replaced date must be a real date or open, got ",
                                   FormatIsoDate(entry.replaced)));
      } else {
        Validator inner(this, name, kind, index);
        Describe(inner, entry.value);
        if (!inner.status_.ok()) status_ = inner.status_;
      }
      ++index;
    };
    for (const auto& entry : timeline.Entries()) check(entry, "");
    index = 0;
    for (const auto& entry : timeline.ReplacedEntries()) check(entry, " replaced");
  }

  template <class Record>
  void List(std::string_view name, const std::vector<Record>& records, Sensitivity) {
    for (std::size_t i = 0; i < records.size() && status_.ok(); ++i) {
      Validator inner(this, name, "", i);
      Describe(inner, records[i]);
      if (!inner.status_.ok()) status_ = inner.status_;
    }
  }

  const absl::Status& status() const { return status_; }

 private:
  // Visits the fields of a record: element `index` of the field `field`
  // (followed by `suffix`, e.g. " replaced") of what `outer` visits.
  Validator(const Validator* outer, std::string_view field, std::string_view suffix, std::size_t index)
      : kind_(outer->kind_), id_(outer->id_), outer_(outer), outer_field_(field), suffix_(suffix), index_(index) {}

  // "employee:7 field employment[2]" for a row's field; "employee:7 field
  // employment[2].fte" for a field of a record inside it.
  std::string Where(std::string_view field) const {
    if (outer_ == nullptr) return absl::StrCat(RowName(kind_, id_), " field ", ToAbsl(field));
    return absl::StrCat(outer_->Where(absl::StrCat(ToAbsl(outer_field_), ToAbsl(suffix_), "[", index_, "]")), ".",
                        ToAbsl(field));
  }

  void Fail(std::string_view field, std::string_view problem) {
    status_ = absl::InvalidArgumentError(absl::StrCat(Where(field), ": ", ToAbsl(problem)));
  }

  EntityKind kind_;
  std::int64_t id_;
  const Validator* outer_ = nullptr;
  std::string_view outer_field_;
  std::string_view suffix_;
  std::size_t index_ = 0;
  absl::Status status_;
};

}  // namespace storage_internal

// Checks `entity` against the rules in the header comment.
// Returns InvalidArgument naming the row and field, e.g.
// "employee:7 field employment[2]: recorded date must be a real date, got
// not-a-date".
template <StoredEntity E>
absl::Status ValidateEntity(const E& entity) {
  if (!entity.id.valid()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(E::kEntityName), ":", entity.id.value(),
                                                   " field id: must be positive"));
  }
  storage_internal::Validator validator(kKindOf<E>, entity.id.value());
  Describe(validator, entity);
  return validator.status();
}

// ValidateEntity for whichever entity `entity` holds.
absl::Status ValidateAnyEntity(const AnyEntity& entity);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_VALIDATE_HPP_
