// Sensitivity classes of fields. Every entity field carries one in its field
// description (see describe.hpp), and the access layer decides per role and
// relationship which classes a reader may see.
//
// Thread safety: constants and value types only.
#ifndef HRKIT_CORE_SENSITIVITY_HPP_
#define HRKIT_CORE_SENSITIVITY_HPP_

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace hrkit {

// How sensitive a field is, from least to most.
enum class Sensitivity {
  kDirectory,         // public directory: name, position, unit, work contact
  kPersonal,          // personal data: birth date, private contact, address
  kCompensation,      // pay, bands, benefits
  kPerformance,       // ratings, reviews, calibration
  kHealth,            // health and well-being, absence reasons
  kConfidentialCase,  // conflict and grievance cases, investigations
};

// "directory", "personal", "compensation", "performance", "health",
// "confidential_case".
std::string_view SensitivityName(Sensitivity s);

// A set of sensitivity classes: which fields an export (or, later, a reader)
// may see. A value outside the enum is never contained.
//
// Example:
//   constexpr SensitivitySet kDirectoryOnly{Sensitivity::kDirectory};
//   if (kDirectoryOnly.Contains(Sensitivity::kPersonal)) { /* not reached */ }
class SensitivitySet {
 public:
  // The empty set.
  constexpr SensitivitySet() = default;
  // The set of `classes`.
  constexpr SensitivitySet(std::initializer_list<Sensitivity> classes) {
    for (Sensitivity s : classes) bits_ |= Bit(s);
  }
  // Every class.
  static constexpr SensitivitySet All() {
    return {Sensitivity::kDirectory,   Sensitivity::kPersonal, Sensitivity::kCompensation,
            Sensitivity::kPerformance, Sensitivity::kHealth,   Sensitivity::kConfidentialCase};
  }
  // True if `s` is in the set.
  constexpr bool Contains(Sensitivity s) const { return Bit(s) != 0 && (bits_ & Bit(s)) != 0; }
  // This set with `s` added.
  constexpr SensitivitySet With(Sensitivity s) const {
    SensitivitySet copy = *this;
    copy.bits_ |= Bit(s);
    return copy;
  }

  friend constexpr bool operator==(SensitivitySet, SensitivitySet) = default;

 private:
  // 0 for a value outside the enum.
  static constexpr std::uint32_t Bit(Sensitivity s) {
    const auto index = static_cast<std::uint32_t>(s);
    return index <= static_cast<std::uint32_t>(Sensitivity::kConfidentialCase) ? 1u << index : 0u;
  }
  std::uint32_t bits_ = 0;
};

}  // namespace hrkit

#endif  // HRKIT_CORE_SENSITIVITY_HPP_
