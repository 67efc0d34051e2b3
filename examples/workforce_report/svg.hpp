// A small builder of inline SVG and HTML text: every text put into the
// document goes through HtmlEscape.
//
// Thread safety: functions are pure; an Svg is a value for one thread.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_SVG_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_SVG_HPP_

#include <string>
#include <string_view>

namespace workforce_report {

// `text` with & < > " ' replaced by entities: safe in HTML text and in
// attribute values.
std::string HtmlEscape(std::string_view text);

// `text` cut to `max_chars` characters (UTF-8 aware), with "…" when cut.
std::string Shorten(std::string_view text, std::size_t max_chars);

// One <svg> element with a stable id, drawn in a viewBox of width x height
// and scaled to the page's width.
class Svg {
 public:
  Svg(std::string_view id, std::string_view title, double width, double height);

  // Shapes. `attributes` is an attribute list of the program's own (e.g.
  // "class=\"bar\""), written as it is: never text from the data.
  void Rect(double x, double y, double w, double h, std::string_view attributes);
  void Line(double x1, double y1, double x2, double y2, std::string_view attributes);
  void Path(std::string_view d, std::string_view attributes);
  void Circle(double cx, double cy, double r, std::string_view attributes);
  // Text, escaped. `anchor` is start, middle or end.
  void Text(double x, double y, std::string_view text, std::string_view anchor = "start",
            std::string_view attributes = "");
  // Fixed markup of the program's own (a <defs> block), written as it is.
  void Raw(std::string_view markup) { out_ += markup; }

  // Closes the element and returns it.
  std::string Finish();

 private:
  std::string out_;
};

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_SVG_HPP_
