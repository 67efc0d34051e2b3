#include "charts_common.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/str_format.h"
#include "charts.hpp"

namespace workforce_report {

std::string Fixed(double value, int decimals) { return absl::StrFormat("%.*f", decimals, value); }

double NiceMax(double value) {
  if (value <= 0) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

std::string ScaleFill(double t) {
  t = std::clamp(t, 0.0, 1.0);
  // From #e8f1fa to #1f4e79.
  const auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return absl::StrFormat("fill=\"#%02x%02x%02x\"", mix(0xe8, 0x1f), mix(0xf1, 0x4e), mix(0xfa, 0x79));
}

std::string ScaleTextFill(double t) { return t > 0.55 ? "style=\"fill:#ffffff\"" : "style=\"fill:#1f2937\""; }

void AddHatch(Svg* svg, std::string_view id) {
  svg->Raw(absl::StrFormat(
      "<defs><pattern id=\"%s-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f3f4f6\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c4c8cf\" stroke-width=\"3\"/></pattern></defs>\n",
      id));
}

std::string HatchFill(std::string_view id) { return absl::StrFormat("fill=\"url(#%s-hatch)\"", id); }

void YAxis(Svg* svg, double x, double right, double top, double bottom, double max, int ticks, int decimals) {
  for (int i = 0; i <= ticks; ++i) {
    const double value = max * i / ticks;
    const double y = bottom - (bottom - top) * i / ticks;
    svg->Line(x, y, right, y, i == 0 ? "class=\"axis\"" : "class=\"grid\"");
    svg->Text(x - 6, y + 4, Fixed(value, decimals), "end", "class=\"tick\"");
  }
  svg->Line(x, top, x, bottom, "class=\"axis\"");
}

std::string HiddenLabel(hrkit::Suppression verdict) {
  if (hrkit::IsShown(verdict)) return "shown";
  // The rule's name as the library spells it, e.g. "below_minimum" -> "below minimum".
  std::string rule(hrkit::SuppressionName(verdict));
  std::replace(rule.begin(), rule.end(), '_', ' ');
  return "hidden (" + rule + ")";
}

}  // namespace workforce_report
