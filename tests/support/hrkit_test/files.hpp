// Whole-file reads and writes for tests that look at or edit the bytes of a
// store's file.
//
// Thread safety: functions over their arguments.
#ifndef HRKIT_TEST_FILES_HPP_
#define HRKIT_TEST_FILES_HPP_

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace hrkit_test {

// The content of the file at `path` ("" if it cannot be read).
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Replaces the content of the file at `path` with `bytes` (creating it).
inline void WriteAll(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace hrkit_test

#endif  // HRKIT_TEST_FILES_HPP_
