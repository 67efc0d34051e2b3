// Sensitivity classes of fields. Every entity field carries one in its field
// description (see describe.hpp), and the access layer decides per role and
// relationship which classes a reader may see.
//
// Thread safety: constants only.
#ifndef HRKIT_CORE_SENSITIVITY_HPP_
#define HRKIT_CORE_SENSITIVITY_HPP_

#include <string_view>

namespace hrkit {

// How sensitive a field is, from least to most.
enum class Sensitivity {
  kDirectory,          // public directory: name, position, unit, work contact
  kPersonal,           // personal data: birth date, private contact, address
  kCompensation,       // pay, bands, benefits
  kPerformance,        // ratings, reviews, calibration
  kHealth,             // health and well-being, absence reasons
  kConfidentialCase,   // conflict and grievance cases, investigations
};

// "directory", "personal", "compensation", "performance", "health",
// "confidential_case".
std::string_view SensitivityName(Sensitivity s);

}  // namespace hrkit

#endif  // HRKIT_CORE_SENSITIVITY_HPP_
