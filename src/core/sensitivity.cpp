#include "hrkit/core/sensitivity.hpp"

namespace hrkit {

std::string_view SensitivityName(Sensitivity s) {
  switch (s) {
    case Sensitivity::kDirectory: return "directory";
    case Sensitivity::kPersonal: return "personal";
    case Sensitivity::kCompensation: return "compensation";
    case Sensitivity::kPerformance: return "performance";
    case Sensitivity::kHealth: return "health";
    case Sensitivity::kConfidentialCase: return "confidential_case";
  }
  return "unknown";
}

}  // namespace hrkit
