// Validation of entities before they are stored. Every Store runs it on every
// put and bulk save, so no backend stores an entity another could not load.
//
// Rules (checked through the entity's Describe, so new entity types follow):
// - the id is positive;
// - every Timeline entry (current or replaced) has real effective and
//   recorded dates, and a replaced date that is real or OpenEnd();
// - every double is finite (SQL backends cannot store NaN): double fields,
//   optional doubles that hold a value, and doubles in lists, at any depth
//   (lists inside the records of histories and lists);
// - then the entity type's own domain rules: `ValidateStoredEntity(entity)`,
//   found by argument-dependent lookup, when the type's module declares one
//   (e.g. a leave policy's carry-over month, a work schedule's hours).
// Scalar Date fields may hold any value (a real date, not_a_date_time for
// "unknown", or a special value such as OpenEnd()); strings may hold any bytes.
//
// Thread safety: pure functions; safe to use concurrently.
#ifndef HRKIT_STORAGE_VALIDATE_HPP_
#define HRKIT_STORAGE_VALIDATE_HPP_

#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
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
  void Field(std::string_view name, const T& value, Sensitivity, Since = {}) {
    if (status_.ok() && !IsFinite(value)) Fail(name, "must be a finite number");
  }

  template <class Timeline>
  void History(std::string_view name, const Timeline& timeline, Sensitivity, Since = {}) {
    std::size_t index = 0;
    auto check = [&](const auto& entry, std::string_view kind) {
      if (!status_.ok()) return;
      auto where = [&] { return absl::StrCat(ToAbsl(name), ToAbsl(kind), "[", index, "]"); };
      if (!IsRealDate(entry.effective)) {
        Fail(where(), absl::StrCat("effective date must be a real date, got ", FormatIsoDate(entry.effective)));
      } else if (!IsRealDate(entry.recorded)) {
        Fail(where(), absl::StrCat("recorded date must be a real date, got ", FormatIsoDate(entry.recorded)));
      } else if (entry.replaced != OpenEnd() && !IsRealDate(entry.replaced)) {
        Fail(where(), absl::StrCat("replaced date must be a real date or open, got ", FormatIsoDate(entry.replaced)));
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

  template <class Element>
  void List(std::string_view name, const std::vector<Element>& elements, Sensitivity, Since = {}) {
    for (std::size_t i = 0; i < elements.size() && status_.ok(); ++i) {
      if constexpr (ScalarField<Element>) {
        if (!IsFinite(elements[i])) Fail(absl::StrCat(ToAbsl(name), "[", i, "]"), "must be a finite number");
      } else {
        Validator inner(this, name, "", i);
        Describe(inner, elements[i]);
        if (!inner.status_.ok()) status_ = inner.status_;
      }
    }
  }

  const absl::Status& status() const { return status_; }

 private:
  // Visits the fields of a record: element `index` of the field `field`
  // (followed by `suffix`, e.g. " replaced") of what `outer` visits.
  Validator(const Validator* outer, std::string_view field, std::string_view suffix, std::size_t index)
      : kind_(outer->kind_), id_(outer->id_), outer_(outer), outer_field_(field), suffix_(suffix), index_(index) {}

  // False for a double (or an optional double holding one) that is NaN or
  // infinite; true for everything else.
  template <class T>
  static bool IsFinite(const T& value) {
    using V = std::remove_const_t<T>;
    if constexpr (std::is_same_v<V, double>) {
      return std::isfinite(value);
    } else if constexpr (std::is_same_v<V, std::optional<double>>) {
      return !value.has_value() || std::isfinite(*value);
    } else {
      return true;
    }
  }

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

// True if entity type E has domain rules of its own: an overload
// `absl::Status ValidateStoredEntity(const E&)` that argument-dependent lookup
// finds (declared next to E in its module).
template <class E>
concept HasStoredEntityValidator = requires(const E& entity) {
  { ValidateStoredEntity(entity) } -> std::convertible_to<absl::Status>;
};

}  // namespace storage_internal

// Checks `entity` against the rules in the header comment: the generic checks
// first, then the type's ValidateStoredEntity if it has one.
// Returns InvalidArgument naming the row and field, e.g.
// "employee:7 field employment[2]: recorded date must be a real date, got
// not-a-date", "leave_policy:4 field versions[1].tiers[0].amount_per_year:
// must be a finite number", or the type validator's own error unchanged.
template <StoredEntity E>
absl::Status ValidateEntity(const E& entity) {
  if (!entity.id.valid()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(E::kEntityName), ":", entity.id.value(), " field id: must be positive"));
  }
  storage_internal::Validator validator(kKindOf<E>, entity.id.value());
  Describe(validator, entity);
  if (!validator.status().ok()) return validator.status();
  if constexpr (storage_internal::HasStoredEntityValidator<E>) {
    return ValidateStoredEntity(entity);
  } else {
    return absl::OkStatus();
  }
}

// ValidateEntity for whichever entity `entity` holds.
absl::Status ValidateAnyEntity(const AnyEntity& entity);

}  // namespace hrkit

#endif  // HRKIT_STORAGE_VALIDATE_HPP_
