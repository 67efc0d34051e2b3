// Internal to the archive backend: the stream buffer a snapshot's payload is
// decoded from. It reads the payload from a SequentialFile through one
// buffer of kChunk bytes, hashing each chunk (FNV-1a 64, the header's
// checksum) as it arrives, and never hands out more than the payload size
// the header declared. So a load holds the entities it decoded and one
// chunk of the file, never the whole payload; the checksum is known once the
// last byte was read, and the caller keeps what it decoded only if it
// matches.
//
// Thread safety: one reader per load, used by one thread.
#ifndef HRKIT_SRC_STORAGE_ARCHIVE_PAYLOAD_READER_HPP_
#define HRKIT_SRC_STORAGE_ARCHIVE_PAYLOAD_READER_HPP_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <streambuf>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/storage/file_system.hpp"

namespace hrkit::archive_internal {

// The FNV-1a 64 offset basis: the hash of no bytes.
inline constexpr std::uint64_t kFnv1a64Basis = 0xcbf29ce484222325ULL;

// FNV-1a, 64 bits, over `bytes`, continuing from `hash` (the hash of the
// bytes before them), so a payload can be hashed chunk by chunk.
std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t hash = kFnv1a64Basis);

// A read-only stream buffer over the next `size` bytes of a file.
class PayloadReader final : public std::streambuf {
 public:
  // The most a reader asks of its file at once, and all it buffers.
  static constexpr std::size_t kChunk = std::size_t{64} << 10;

  // Reads the `size` bytes that follow in `file` (which must outlive it).
  PayloadReader(SequentialFile& file, std::uint64_t size);

  // Payload bytes not handed out yet.
  std::uint64_t remaining() const;

  // What was left of the payload when ConsumeRest was called.
  struct Rest {
    std::uint64_t bytes = 0;  // how many bytes
    bool only_space = true;   // all of them " ", "\t", "\r" or "\n"
  };
  // Reads (and hashes) the rest of the payload, handing nothing out.
  Rest ConsumeRest();

  // The hash of the payload bytes read so far: of the whole payload once
  // everything was consumed, unless the file ended early or failed.
  std::uint64_t hash() const { return hash_; }
  // Bytes read from the file so far.
  std::uint64_t bytes_read() const { return read_; }
  // True if the file ended before `size` bytes.
  bool file_ended_early() const { return file_ended_early_; }
  // True if the decoder asked for more bytes than the payload holds.
  bool wanted_past_end() const { return wanted_past_end_; }
  // The file's read error, if one happened (nothing is read after it).
  const absl::Status& status() const { return status_; }

 protected:
  int_type underflow() override;

 private:
  // Reads the next chunk into the buffer; false at the payload's end, at the
  // file's end or on an error.
  bool Fill();

  SequentialFile& file_;
  const std::uint64_t size_;
  std::unique_ptr<char[]> chunk_;
  std::uint64_t read_ = 0;
  std::uint64_t hash_ = kFnv1a64Basis;
  bool file_ended_early_ = false;
  bool wanted_past_end_ = false;
  absl::Status status_;
};

// A SequentialFile over bytes in memory, which it does not own (they must
// outlive it): how a whole file already in memory is decoded.
class MemoryFile final : public SequentialFile {
 public:
  explicit MemoryFile(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t Size() const override { return bytes_.size(); }
  absl::StatusOr<std::size_t> Read(std::span<char> buffer) override;

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
};

}  // namespace hrkit::archive_internal

#endif  // HRKIT_SRC_STORAGE_ARCHIVE_PAYLOAD_READER_HPP_
