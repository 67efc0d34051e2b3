// The archive backend's file format: a fixed header, then a Boost archive
// (binary, text or xml, written without Boost's own header) whose content is
//
//   kinds                      number of entity type sections that follow
//   per section, in any order (this build writes registry order):
//     kind                     the entity type's name (kEntityName, a
//                              checked string, see below)
//     rows                     number of rows
//     per row, ascending ids:  version, then the entity through Describe
//   end                        kPayloadEnd, so a text payload cut inside its
//                              last number does not load as a smaller one
//
// Sections are matched by name: a name this build does not know is DataLoss,
// a name seen twice is DataLoss, a type without a section loads empty.
//
// Format versions: the header's format version (kStorageFormatVersion when
// written by this build) is the format of the whole payload. Loading a file
// of format f skips every member whose Since is > f (it was not written), so
// the member keeps the value of a default-made record. The sections of
// format1::ChangedEntities in a format-1 file are read with those frozen
// types and converted (format1::UpgradeLeavePolicies).
//
// The Boost.Serialization adapter: every described type (entities and the
// records of their histories and lists) has a `serialize` that calls its
// Describe with a saving or a loading visitor. Boost writes a class version
// before the first object of each type; it is read and ignored (format 1
// wrote 1 for some types, 0 for others, and those numbers stay frozen; the
// layout follows the header's format version). Scalars are written as fixed-width
// integers or doubles: bools as 0/1, enums and ids as their integer, dates as
// a day number (negative codes for the special values), Money as minor units
// plus a currency string. A string is its length followed by its bytes as a
// binary object (base64 in text and xml), so any byte, NUL included,
// survives. An optional scalar is a presence flag (0/1) followed by the value
// when present. Timelines are a count of entries (current and replaced)
// followed by each entry's dates, sequence and record; lists a count and
// their records or scalars (records may hold lists in turn).
//
// Loading streams: the header is read and checked first, then the payload is
// decoded section by section as it is read from the file through one
// bounded buffer (PayloadReader), which hashes it on the way. The decoded
// tables are handed back only after the last byte was read and the hash
// matched the header's checksum, so a file that fails anywhere yields
// nothing; a failed decode still reads the rest, and a file whose bytes
// changed is reported as a checksum mismatch.
//
// Hostile input: Boost's own std::string and container loaders resize from a
// count read from the archive, so none of them is used. Every count and
// length is checked against the bytes left in the payload (as the header
// declares it, whether read yet or not) before anything is
// allocated, bools and enums are range-checked, dates must be real calendar
// days or one of the special codes, and every loaded entity must pass
// ValidateEntity with ids strictly ascending.
#include "archive_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <istream>
#include <limits>
#include <map>
#include <new>
#include <set>
#include <span>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive_adapter.hpp"
#include "boost/archive/archive_exception.hpp"
#include "boost/archive/binary_iarchive.hpp"
#include "boost/archive/binary_oarchive.hpp"
#include "boost/archive/text_iarchive.hpp"
#include "boost/archive/text_oarchive.hpp"
#include "boost/archive/xml_iarchive.hpp"
#include "boost/archive/xml_oarchive.hpp"
#include "boost/serialization/nvp.hpp"
#include "format1.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/entity_list.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/leave/leave_policy.hpp"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/validate.hpp"

namespace hrkit::archive_internal {
namespace {

namespace format1 = storage_internal::format1;

// Boost archives without Boost's header: hrkit's header carries the format
// version, and Boost's header loader trusts the lengths it reads.
constexpr unsigned int kArchiveFlags = boost::archive::no_header;
// Loading xml also skips Boost's end-tag check: in Boost 1.74 it reads past
// the expected name when the file's tag is longer (found by the fuzzer).
// Elements are read by position, as in the binary and text formats.
constexpr unsigned int kXmlLoadFlags = kArchiveFlags | boost::archive::no_xml_tag_checking;

// The last value of every payload ("hrkitEND" as a little-endian integer).
constexpr std::uint64_t kPayloadEnd = 0x444E4554494B5248ULL;

template <class OArchive>
void WritePayload(OArchive& ar, const Tables& tables) {
  std::uint64_t kinds = kEntityKindCount;
  ar << boost::serialization::make_nvp("kinds", kinds);
  ForEachEntityType([&]<class E>(std::type_identity<E>) {
    const Name kind(E::kEntityName);
    SaveString(ar, "kind", E::kEntityName);
    const TableOf<E>& table = std::get<TableOf<E>>(tables);
    std::uint64_t rows = table.size();
    ar << boost::serialization::make_nvp("rows", rows);
    for (const auto& [id, row] : table) {
      std::int64_t version = row.version;
      ar << boost::serialization::make_nvp("version", version);
      ar << boost::serialization::make_nvp(kind.c_str(), row.entity);
    }
  });
  std::uint64_t end = kPayloadEnd;
  ar << boost::serialization::make_nvp("end", end);
}

// The kind whose entity type is named `name`, or kEntityKindCount.
EntityKind KindNamed(std::string_view name) {
  for (EntityKind kind = 0; kind < kEntityKindCount; ++kind) {
    if (EntityKindName(kind) == name) return kind;
  }
  return kEntityKindCount;
}

// Reads the rows of a section of entity type E (whose name the section
// carried): the row count, then each row's version and entity. Checks that
// versions are positive and ids strictly ascending, then hands each row to
// `sink(version, entity)`.
template <class E, class IArchive, class Sink>
void ReadRows(IArchive& ar, Sink&& sink) {
  const std::string_view name = E::kEntityName;
  std::uint64_t rows = 0;
  ar >> boost::serialization::make_nvp("rows", rows);
  CheckCount(ar, rows, absl::StrCat(ToAbsl(name), " rows"));
  const Name element(name);
  std::int64_t previous_id = 0;
  for (std::uint64_t i = 0; i < rows; ++i) {
    std::int64_t version = 0;
    ar >> boost::serialization::make_nvp("version", version);
    E entity{};
    ar >> boost::serialization::make_nvp(element.c_str(), entity);
    const std::int64_t id = entity.id.value();
    if (version < 1) {
      throw CorruptArchive(absl::StrCat(ToAbsl(name), ":", id, ": version ", version, " is not positive"));
    }
    if (id <= previous_id) {
      throw CorruptArchive(
          absl::StrCat(ToAbsl(name), ":", id, ": ids are not strictly ascending (after ", previous_id, ")"));
    }
    sink(version, std::move(entity));
    previous_id = id;
  }
}

// Adds a validated row to its table. Ids arrive ascending.
template <StoredEntity E>
void AddRow(Tables& tables, std::int64_t version, E entity) {
  if (absl::Status valid = ValidateEntity(entity); !valid.ok()) {
    throw CorruptArchive(std::string(valid.message()));
  }
  TableOf<E>& table = std::get<TableOf<E>>(tables);
  const std::int64_t id = entity.id.value();
  table.emplace_hint(table.end(), id, Versioned<E>{std::move(entity), version});
}

// The rows of a format-1 file's sections whose layout changed
// (format1::ChangedEntities), kept until the whole payload is read: a
// policy's eligibility may come before or after the policy.
struct Format1Rows {
  std::vector<format1::LeavePolicyV1> policies;
  std::vector<std::int64_t> policy_versions;  // the row version of each policy
  std::vector<format1::PolicyEligibilityV1> eligibility;
};
static_assert(
    std::is_same_v<format1::ChangedEntities, EntityTypeList<format1::LeavePolicyV1, format1::PolicyEligibilityV1>>,
    "a changed format-1 entity type needs its section reader here");

// Reads the section of entity type `name` if its format-1 layout differs
// from today's; false (nothing read) for every other name.
template <class IArchive>
bool ReadFormat1Section(IArchive& ar, std::string_view name, Format1Rows& rows) {
  if (name == format1::LeavePolicyV1::kEntityName) {
    ReadRows<format1::LeavePolicyV1>(ar, [&](std::int64_t version, format1::LeavePolicyV1 policy) {
      rows.policies.push_back(std::move(policy));
      rows.policy_versions.push_back(version);
    });
    return true;
  }
  if (name == format1::PolicyEligibilityV1::kEntityName) {
    // Merged into the policy of the same id; its row version goes with it.
    ReadRows<format1::PolicyEligibilityV1>(ar, [&](std::int64_t, format1::PolicyEligibilityV1 eligibility) {
      rows.eligibility.push_back(std::move(eligibility));
    });
    return true;
  }
  return false;
}

// Converts the format-1 rows to today's leave policies (keeping each
// policy's row version) and adds them, validated, to `tables`.
void AddUpgradedRows(Format1Rows rows, Tables& tables) {
  absl::StatusOr<std::vector<LeavePolicy>> upgraded =
      format1::UpgradeLeavePolicies(std::move(rows.policies), std::move(rows.eligibility));
  if (!upgraded.ok()) throw CorruptArchive(absl::StrCat("format-1 upgrade: ", upgraded.status().message()));
  if (upgraded->size() != rows.policy_versions.size()) {
    throw CorruptArchive(
        absl::StrCat("format-1 upgrade: ", rows.policy_versions.size(), " leave policies became ", upgraded->size()));
  }
  for (std::size_t i = 0; i < upgraded->size(); ++i) {
    AddRow(tables, rows.policy_versions[i], std::move((*upgraded)[i]));
  }
}

template <class IArchive>
Tables ReadPayload(IArchive& ar) {
  std::uint64_t sections = 0;
  ar >> boost::serialization::make_nvp("kinds", sections);
  CheckCount(ar, sections, "entity type sections");
  Tables tables;
  Format1Rows format1_rows;                 // format 1 only
  std::set<std::string, std::less<>> seen;  // bounded: a name repeats or is unknown after a few
  LoadContext& context = ar.template get_helper<LoadContext>(const_cast<char*>(&kLoadContextKey));
  for (std::uint64_t i = 0; i < sections; ++i) {
    context.where = absl::StrCat("the name of entity type section ", i + 1, " of ", sections);
    std::string name = LoadString(ar, "kind");
    context.where = absl::StrCat("section \"", absl::CHexEscape(name), "\"");
    if (seen.contains(name)) {
      throw CorruptArchive(absl::StrCat("entity type \"", absl::CHexEscape(name), "\" has two sections"));
    }
    if (FileFormat(ar) == 1 && ReadFormat1Section(ar, name, format1_rows)) {
      seen.insert(std::move(name));
      continue;
    }
    const EntityKind kind = KindNamed(name);
    if (kind == kEntityKindCount) {
      throw CorruptArchive(absl::StrCat("entity type \"", absl::CHexEscape(name), "\" is not one this build stores"));
    }
    seen.insert(std::move(name));
    VisitEntityKind(kind, [&]<class E>(std::type_identity<E>) {
      ReadRows<E>(ar, [&](std::int64_t version, E entity) { AddRow(tables, version, std::move(entity)); });
    });
  }
  context.where = "the end marker after the last section";
  std::uint64_t end = 0;
  ar >> boost::serialization::make_nvp("end", end);
  if (end != kPayloadEnd) throw CorruptArchive("the payload does not end with its end marker (truncated?)");
  if (FileFormat(ar) == 1) AddUpgradedRows(std::move(format1_rows), tables);
  return tables;
}

// The stream buffer a snapshot is encoded into: it hands the bytes to a
// WritableFile in chunks of kWriteChunk, counting and hashing the payload on
// the way, so a snapshot never exists whole in memory. The first chunk starts
// with kHeaderSize zero bytes that the header overwrites at the end. After
// the first failed Append it writes nothing more and keeps that error.
class SnapshotWriteBuffer final : public std::streambuf {
 public:
  static constexpr std::size_t kWriteChunk = std::size_t{1} << 20;

  explicit SnapshotWriteBuffer(WritableFile& file) : file_(file), chunk_(kWriteChunk, '\0') {
    setp(chunk_.data(), chunk_.data() + chunk_.size());
    pbump(static_cast<int>(kHeaderSize));  // room for the header
  }

  // Writes what is buffered; the error of the first failed write, if any.
  absl::Status Finish() {
    Flush();
    return status_;
  }
  std::uint64_t payload_size() const { return payload_size_; }
  std::uint64_t payload_hash() const { return hash_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  // A flush of the stream writes nothing: Finish writes what is left, so a
  // small snapshot is one append.
  int sync() override { return status_.ok() ? 0 : -1; }

 private:
  bool Flush() {
    if (!status_.ok()) return false;
    const std::string_view bytes(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    if (bytes.empty()) return true;
    const std::string_view payload = bytes.substr(header_pending_ ? kHeaderSize : 0);
    hash_ = Fnv1a64(payload, hash_);
    payload_size_ += payload.size();
    header_pending_ = false;
    status_ = file_.Append(bytes);
    setp(chunk_.data(), chunk_.data() + chunk_.size());
    return status_.ok();
  }

  WritableFile& file_;
  std::string chunk_;
  absl::Status status_;
  bool header_pending_ = true;  // the buffer still starts with the header's room
  std::uint64_t payload_size_ = 0;
  std::uint64_t hash_ = kFnv1a64Basis;
};

template <class OArchive>
void EncodePayload(const Tables& tables, std::streambuf& buffer) {
  std::ostream out(&buffer);
  OArchive ar(out, kArchiveFlags);
  WritePayload(ar, tables);
}  // text archives finish their output when destroyed

// What went wrong at a decoder's failure `what`: where in the payload, and
// whether the payload had run out there.
std::string FailureAt(const LoadContext& context, const PayloadReader& reader, std::string_view what) {
  std::string out;
  if (!context.where.empty()) absl::StrAppend(&out, context.where, ": ");
  absl::StrAppend(&out, ToAbsl(what));
  if (reader.wanted_past_end()) absl::StrAppend(&out, " (the payload ends there: truncated?)");
  return out;
}

// Decodes the payload `reader` streams, then reads what is left of it: for
// a text or xml payload white space, for a binary payload nothing. Boost's
// own errors are rethrown as CorruptArchive naming the section.
template <class IArchive>
Tables DecodePayload(PayloadReader& reader, std::int32_t format, bool text, unsigned int flags) {
  std::istream in(&reader);
  IArchive ar(in, flags);
  LoadContext& context = ar.template get_helper<LoadContext>(const_cast<char*>(&kLoadContextKey));
  context.buffer = &reader;
  context.format = format;
  Tables tables;
  try {
    tables = ReadPayload(ar);
  } catch (const boost::archive::archive_exception& e) {
    throw CorruptArchive(FailureAt(context, reader, e.what()));
  }
  const PayloadReader::Rest rest = reader.ConsumeRest();
  if (rest.bytes > 0 && !(text && rest.only_space)) {
    throw CorruptArchive(absl::StrCat(rest.bytes, " unexpected bytes after the last row"));
  }
  return tables;
}

void PutLittleEndian(std::string& out, std::size_t offset, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out[offset + static_cast<std::size_t>(i)] = static_cast<char>(value >> (8 * i));
}

std::uint64_t GetLittleEndian(std::string_view in, std::size_t offset, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[offset + static_cast<std::size_t>(i)]))
             << (8 * i);
  }
  return value;
}

absl::Status Corrupt(std::string_view what) {
  return absl::DataLossError(absl::StrCat("archive file is corrupt: ", ToAbsl(what)));
}

// The tables of the payload `reader` streams, of payload kind `kind`; a
// failure as DataLoss.
absl::StatusOr<Tables> DecodeStream(PayloadReader& reader, std::uint64_t kind, std::int32_t format) {
  try {
    switch (static_cast<ArchiveFormat>(kind)) {
      case ArchiveFormat::kBinary:
        return DecodePayload<boost::archive::binary_iarchive>(reader, format, false, kArchiveFlags);
      case ArchiveFormat::kText:
        return DecodePayload<boost::archive::text_iarchive>(reader, format, true, kArchiveFlags);
      case ArchiveFormat::kXml:
        return DecodePayload<boost::archive::xml_iarchive>(reader, format, true, kXmlLoadFlags);
    }
  } catch (const CorruptArchive& e) {
    return Corrupt(e.what());
  } catch (const boost::archive::archive_exception& e) {
    return Corrupt(e.what());
  } catch (const std::bad_alloc&) {
    return Corrupt("out of memory while loading");
  } catch (const std::exception& e) {
    return Corrupt(e.what());
  } catch (...) {
    return Corrupt("unknown error while loading");
  }
  return Corrupt("unreachable payload kind");
}

}  // namespace

absl::Status WriteSnapshot(const Tables& tables, ArchiveFormat format, WritableFile& file) {
  SnapshotWriteBuffer buffer(file);
  try {
    switch (format) {
      case ArchiveFormat::kBinary:
        EncodePayload<boost::archive::binary_oarchive>(tables, buffer);
        break;
      case ArchiveFormat::kText:
        EncodePayload<boost::archive::text_oarchive>(tables, buffer);
        break;
      case ArchiveFormat::kXml:
        EncodePayload<boost::archive::xml_oarchive>(tables, buffer);
        break;
      default:
        return absl::InvalidArgumentError(
            absl::StrCat("archive format ", static_cast<int>(format), " is not binary, text or xml"));
    }
  } catch (...) {
    // A failed write makes Boost throw: report the file's error, not Boost's.
    HRKIT_RETURN_IF_ERROR(buffer.Finish());
    return StatusFromCurrentException("archive: write snapshot");
  }
  // Boost may only have set the stream's failbit: the buffer has the error.
  HRKIT_RETURN_IF_ERROR(buffer.Finish());
  std::string header(kHeaderSize, '\0');
  std::memcpy(header.data(), kMagic.data(), kMagic.size());
  PutLittleEndian(header, 8, static_cast<std::uint64_t>(kStorageFormatVersion), 4);
  PutLittleEndian(header, 12, static_cast<std::uint64_t>(format), 4);
  PutLittleEndian(header, 16, buffer.payload_size(), 8);
  PutLittleEndian(header, 24, buffer.payload_hash(), 8);
  return file.WriteAt(0, header);
}

absl::Status CheckHeader(std::string_view header, std::uint64_t file_size) {
  const std::size_t magic_bytes = std::min(header.size(), kMagic.size());
  if (header.substr(0, magic_bytes) != kMagic.substr(0, magic_bytes)) {
    return absl::InvalidArgumentError("not an hrkit archive file (wrong magic)");
  }
  if (file_size < kHeaderSize || header.size() < kHeaderSize) {
    return Corrupt(absl::StrCat("truncated header (", file_size, " of ", kHeaderSize, " bytes)"));
  }
  const std::uint64_t version = GetLittleEndian(header, 8, 4);
  if (version == 0 || version > kArchiveFormatVersion) {
    return absl::InvalidArgumentError(absl::StrCat("archive format version ", version,
                                                   " is not one this build reads (1 to ", kArchiveFormatVersion, ")"));
  }
  const std::uint64_t kind = GetLittleEndian(header, 12, 4);
  if (kind > static_cast<std::uint64_t>(ArchiveFormat::kXml)) {
    return absl::InvalidArgumentError(absl::StrCat("archive payload kind ", kind, " is unknown"));
  }
  const std::uint64_t size = GetLittleEndian(header, 16, 8);
  if (size != file_size - kHeaderSize) {
    return Corrupt(
        absl::StrCat("the header announces ", size, " payload bytes, the file has ", file_size - kHeaderSize));
  }
  return absl::OkStatus();
}

absl::StatusOr<Tables> ReadSnapshot(SequentialFile& file) {
  std::string header(kHeaderSize, '\0');
  std::size_t got = 0;
  while (got < kHeaderSize) {
    HRKIT_ASSIGN_OR_RETURN(const std::size_t n, file.Read(std::span<char>(header.data() + got, kHeaderSize - got)));
    if (n == 0) break;
    got += std::min(n, kHeaderSize - got);
  }
  header.resize(got);
  HRKIT_RETURN_IF_ERROR(CheckHeader(header, file.Size()));
  const auto format = static_cast<std::int32_t>(GetLittleEndian(header, 8, 4));
  const std::uint64_t kind = GetLittleEndian(header, 12, 4);
  const std::uint64_t size = GetLittleEndian(header, 16, 8);
  const std::uint64_t checksum = GetLittleEndian(header, 24, 8);
  PayloadReader reader(file, size);
  absl::StatusOr<Tables> tables = DecodeStream(reader, kind, format);
  // A failed decode stops anywhere: read the rest, so the checksum can say
  // whether the file changed (what is decoded so far is dropped either way).
  if (!tables.ok()) reader.ConsumeRest();
  HRKIT_RETURN_IF_ERROR(reader.status());
  if (reader.file_ended_early()) {
    return Corrupt(absl::StrCat("the file ended after ", kHeaderSize + reader.bytes_read(), " of the ",
                                kHeaderSize + size, " bytes its header announces (truncated while it was read?)"));
  }
  if (reader.hash() != checksum) return Corrupt("checksum mismatch");
  return tables;
}

absl::StatusOr<Tables> DecodeSnapshot(std::string_view bytes) {
  MemoryFile file(bytes);
  return ReadSnapshot(file);
}

}  // namespace hrkit::archive_internal
