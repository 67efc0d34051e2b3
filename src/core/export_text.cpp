#include "hrkit/core/export_text.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>

namespace hrkit {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

bool InRange(unsigned char c, unsigned char low, unsigned char high) { return c >= low && c <= high; }

// The length of the well-formed UTF-8 sequence starting at text[i] (Unicode
// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0
// when the bytes there are not one.
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  if (InRange(lead, 0xC2, 0xDF)) return InRange(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (InRange(lead, 0xE0, 0xEF)) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return InRange(byte(1), low, high) && InRange(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (InRange(lead, 0xF0, 0xF4)) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return InRange(byte(1), low, high) && InRange(byte(2), 0x80, 0xBF) && InRange(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Calls `ascii(c)` for each ASCII byte and appends every other well-formed
// sequence as it is, U+FFFD for each byte that starts no well-formed one.
template <class AsciiFn>
void ForEachCharacter(std::string& out, std::string_view text, AsciiFn ascii) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = SequenceLength(text, i);
    if (length == 1) {
      ascii(text[i]);
    } else if (length == 0) {
      out += kReplacement;
    } else {
      out.append(text.substr(i, length));
    }
    i += length == 0 ? 1 : length;
  }
}

bool NeedsCsvQuotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

bool LooksLikeFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

void AppendShortestDouble(std::string& out, double value) {
  std::array<char, 32> buffer;  // the shortest form of a double needs at most 24
  const std::to_chars_result r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), r.ptr);
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  ForEachCharacter(out, text, [&out](char c) {
    switch (c) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      case '\b':
        out += "\\b";
        return;
      case '\f':
        out += "\\f";
        return;
      default:
        break;
    }
    const auto code = static_cast<unsigned char>(c);
    if (code < 0x20 || code == 0x7F) {
      constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\u00";
      out += kHex[code >> 4];
      out += kHex[code & 0xF];
      return;
    }
    out += c;
  });
  out += '"';
}

void AppendValidUtf8(std::string& out, std::string_view text) {
  ForEachCharacter(out, text, [&out](char c) { out += c; });
}

void AppendCsvCell(std::string& out, std::string_view text, bool neutralize_formula) {
  const bool quoted = NeedsCsvQuotes(text);
  if (quoted) out += '"';
  if (neutralize_formula && LooksLikeFormula(text)) out += '\'';
  ForEachCharacter(out, text, [&out](char c) {
    if (c == '"') out += '"';
    out += c;
  });
  if (quoted) out += '"';
}

}  // namespace hrkit
