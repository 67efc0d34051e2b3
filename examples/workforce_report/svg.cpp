#include "svg.hpp"

#include <string>

#include "absl/strings/str_format.h"

namespace workforce_report {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars) return std::string(text.substr(0, i)) + "\u2026";
    ++chars;
  }
  return std::string(text);
}

Svg::Svg(std::string_view id, std::string_view title, double width, double height) {
  out_ = absl::StrFormat(
      "<svg id=\"%s\" class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" role=\"img\" "
      "aria-labelledby=\"%s-title\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"%s-title\">%s</title>\n",
      HtmlEscape(id), width, height, HtmlEscape(id), HtmlEscape(id), HtmlEscape(title));
}

void Svg::Rect(double x, double y, double w, double h, std::string_view attributes) {
  absl::StrAppendFormat(&out_, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s/>\n", x, y, w, h,
                        attributes);
}

void Svg::Line(double x1, double y1, double x2, double y2, std::string_view attributes) {
  absl::StrAppendFormat(&out_, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n", x1, y1, x2, y2,
                        attributes);
}

void Svg::Path(std::string_view d, std::string_view attributes) {
  absl::StrAppendFormat(&out_, "<path d=\"%s\" %s/>\n", d, attributes);
}

void Svg::Circle(double cx, double cy, double r, std::string_view attributes) {
  absl::StrAppendFormat(&out_, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>\n", cx, cy, r, attributes);
}

void Svg::Text(double x, double y, std::string_view text, std::string_view anchor, std::string_view attributes) {
  absl::StrAppendFormat(&out_, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>\n", x, y, anchor,
                        attributes, HtmlEscape(text));
}

std::string Svg::Finish() {
  out_ += "</svg>\n";
  return std::move(out_);
}

}  // namespace workforce_report
