// The archive payload's stream buffer (archive_payload_reader.hpp).
#include "archive_payload_reader.hpp"

#include <algorithm>
#include <cstring>

namespace hrkit::archive_internal {

std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

PayloadReader::PayloadReader(SequentialFile& file, std::uint64_t size)
    : file_(file), size_(size), chunk_(new char[kChunk]) {
  setg(chunk_.get(), chunk_.get(), chunk_.get());
}

std::uint64_t PayloadReader::remaining() const { return size_ - read_ + static_cast<std::uint64_t>(egptr() - gptr()); }

PayloadReader::int_type PayloadReader::underflow() {
  if (gptr() == egptr() && !Fill()) return traits_type::eof();
  return traits_type::to_int_type(*gptr());
}

bool PayloadReader::Fill() {
  if (!status_.ok() || file_ended_early_) return false;
  if (read_ == size_) {
    wanted_past_end_ = true;
    return false;
  }
  const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(size_ - read_, kChunk));
  absl::StatusOr<std::size_t> n = file_.Read(std::span<char>(chunk_.get(), want));
  if (!n.ok()) {
    status_ = n.status();
    return false;
  }
  if (*n == 0) {
    file_ended_early_ = true;
    return false;
  }
  const std::size_t got = std::min(*n, want);  // a file must not claim more than it was asked for
  hash_ = Fnv1a64(std::string_view(chunk_.get(), got), hash_);
  read_ += got;
  setg(chunk_.get(), chunk_.get(), chunk_.get() + got);
  return true;
}

PayloadReader::Rest PayloadReader::ConsumeRest() {
  Rest rest;
  rest.bytes = remaining();
  do {
    const std::string_view bytes(gptr(), static_cast<std::size_t>(egptr() - gptr()));
    if (rest.only_space && bytes.find_first_not_of(" \t\r\n") != std::string_view::npos) rest.only_space = false;
    setg(eback(), egptr(), egptr());
  } while (read_ < size_ && Fill());
  return rest;
}

absl::StatusOr<std::size_t> MemoryFile::Read(std::span<char> buffer) {
  const std::size_t n = std::min(buffer.size(), bytes_.size() - offset_);
  if (n > 0) std::memcpy(buffer.data(), bytes_.data() + offset_, n);
  offset_ += n;
  return n;
}

}  // namespace hrkit::archive_internal
