// Readers for checking exported text in tests: a strict JSON grammar check
// and a CSV splitter (core/json_export.hpp, core/csv_export.hpp).
#ifndef HRKIT_TEST_EXPORT_CHECKS_HPP_
#define HRKIT_TEST_EXPORT_CHECKS_HPP_

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace hrkit_test {

// A strict reader of the JSON grammar (RFC 8259) that only answers whether
// `text` is one valid JSON value: enough to show every export parses.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : text_(text) {}

  bool Valid() {
    SkipSpace();
    if (!Value()) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  bool Value() {
    if (pos_ >= text_.size()) return false;
    switch (text_[pos_]) {
      case '{':
        return Container('}', true);
      case '[':
        return Container(']', false);
      case '"':
        return String();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }
  bool Container(char close, bool object) {
    ++pos_;
    SkipSpace();
    if (Peek(close)) return ++pos_, true;
    while (true) {
      SkipSpace();
      if (object) {
        if (!String()) return false;
        SkipSpace();
        if (!Peek(':')) return false;
        ++pos_;
        SkipSpace();
      }
      if (!Value()) return false;
      SkipSpace();
      if (Peek(close)) return ++pos_, true;
      if (!Peek(',')) return false;
      ++pos_;
    }
  }
  bool String() {
    if (!Peek('"')) return false;
    for (++pos_; pos_ < text_.size(); ++pos_) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (++pos_ >= text_.size()) return false;
      if (text_[pos_] == 'u') {
        for (int i = 0; i < 4; ++i) {
          if (++pos_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[pos_]))) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(text_[pos_]) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool Number() {
    const std::size_t start = pos_;
    if (Peek('-')) ++pos_;
    if (Peek('0')) {
      ++pos_;
    } else if (!Digits()) {
      return false;
    }
    if (Peek('.')) {
      ++pos_;
      if (!Digits()) return false;
    }
    if (Peek('e') || Peek('E')) {
      ++pos_;
      if (Peek('+') || Peek('-')) ++pos_;
      if (!Digits()) return false;
    }
    return pos_ > start;
  }
  bool Digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return pos_ > start;
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void SkipSpace() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// True if `text` is one valid JSON value (RFC 8259).
inline bool IsValidJson(std::string_view text) { return JsonChecker(text).Valid(); }

// Splits `csv` into rows at CRLF, then each row into cells at commas outside
// quotes: enough to count the cells of the files these tests write.
inline std::vector<std::vector<std::string>> ParseCsv(std::string_view csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      cell += c;
    }
  }
  EXPECT_TRUE(cell.empty() && row.empty()) << "the text does not end with CRLF";
  return rows;
}

}  // namespace hrkit_test

#endif  // HRKIT_TEST_EXPORT_CHECKS_HPP_
