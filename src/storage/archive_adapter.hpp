// Internal to the archive backend: the Boost.Serialization adapter of the
// described types. Every type with a Describe function (entities and the
// records of their histories and lists) gets a `serialize` that walks its
// description with a saving or a loading visitor; scalars, optionals, lists
// and timelines are encoded as archive_codec.cpp's file comment says. The
// loading side bounds every count and length by the bytes left in the payload
// (LoadContext, whose PayloadReader streams it from the file) and skips members newer than the file's format version.
// Include it from one translation unit only (archive_codec.cpp): it defines
// Boost class versions and a catch-all serialize overload.
//
// Thread safety: functions over their arguments; one archive per thread.
#ifndef HRKIT_SRC_STORAGE_ARCHIVE_ADAPTER_HPP_
#define HRKIT_SRC_STORAGE_ARCHIVE_ADAPTER_HPP_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "archive_payload_reader.hpp"
#include "boost/serialization/binary_object.hpp"
#include "boost/serialization/level.hpp"
#include "boost/serialization/nvp.hpp"
#include "boost/serialization/version.hpp"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/money.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit/storage/entity_registry.hpp"

// Boost's class versions, frozen: format 1 wrote 1 for these types, and
// Boost refuses to load a class version above the one declared here. They no
// longer describe layouts (Since and the file's format version do); never
// change them.
BOOST_CLASS_VERSION(hrkit::Employee, 1)
BOOST_CLASS_VERSION(hrkit::EmploymentRecord, 1)
BOOST_CLASS_VERSION(hrkit::OrgUnit, 1)
BOOST_CLASS_VERSION(hrkit::OrgUnitRecord, 1)
BOOST_CLASS_VERSION(hrkit::Position, 1)
BOOST_CLASS_VERSION(hrkit::PositionRecord, 1)
BOOST_CLASS_VERSION(hrkit::Location, 1)

// Records that appear in more than one entity type (a scoring method's
// sections and role weights are in both templates and cycles) are written
// without Boost's class preamble, which Boost would put only before the
// record's first occurrence in the file: with it, a section could not be read
// without the section written before it, and sections are keyed by name in
// any order. Only types of storage format 2 and later: format 1 files keep
// the preamble of their records, and never change.
BOOST_CLASS_IMPLEMENTATION(hrkit::RatingLevel, boost::serialization::object_serializable)
BOOST_CLASS_IMPLEMENTATION(hrkit::TemplateSection, boost::serialization::object_serializable)
BOOST_CLASS_IMPLEMENTATION(hrkit::RoleWeight, boost::serialization::object_serializable)
BOOST_CLASS_IMPLEMENTATION(hrkit::GoalCheckIn, boost::serialization::object_serializable)
BOOST_CLASS_IMPLEMENTATION(hrkit::ReviewRating, boost::serialization::object_serializable)

namespace hrkit::archive_internal {

// Thrown while decoding content that is well-formed for Boost but not a
// valid hrkit snapshot; becomes DataLoss.
class CorruptArchive : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Per-archive state of a load, kept in the archive's helper collection.
struct LoadContext {
  const PayloadReader* buffer = nullptr;        // what the archive reads from
  std::int32_t format = kStorageFormatVersion;  // the file's format version
  std::string where;                            // what is being read (a section), for messages
};
// The helper's key: the address of this object.
inline constexpr char kLoadContextKey = 0;

template <class Archive>
std::uint64_t Remaining(Archive& ar) {
  const LoadContext& context = ar.template get_helper<LoadContext>(const_cast<char*>(&kLoadContextKey));
  if (context.buffer == nullptr) throw CorruptArchive("archive load without a payload buffer");
  return context.buffer->remaining();
}

// The format version of the file being loaded.
template <class Archive>
std::int32_t FileFormat(Archive& ar) {
  return ar.template get_helper<LoadContext>(const_cast<char*>(&kLoadContextKey)).format;
}

// Throws CorruptArchive unless `count` items of at least one byte each fit
// in what is left of the payload.
template <class Archive>
void CheckCount(Archive& ar, std::uint64_t count, std::string_view what) {
  if (count > Remaining(ar)) {
    throw CorruptArchive(
        absl::StrCat(ToAbsl(what), ": count ", count, " exceeds the ", Remaining(ar), " bytes left in the archive"));
  }
}

// Element names must be NUL-terminated for Boost; descriptions use literals,
// but a string_view does not promise it.
class Name {
 public:
  explicit Name(std::string_view name) : name_(name) {}
  const char* c_str() const { return name_.c_str(); }

 private:
  std::string name_;
};

// ---- Scalars ---------------------------------------------------------------

inline constexpr std::int64_t kNotADateCode = -1;
inline constexpr std::int64_t kPosInfinityCode = -2;
inline constexpr std::int64_t kNegInfinityCode = -3;

inline std::int64_t EncodeDate(Date d) {
  if (d.is_not_a_date()) return kNotADateCode;
  if (d.is_pos_infinity()) return kPosInfinityCode;
  if (d.is_neg_infinity()) return kNegInfinityCode;
  return static_cast<std::int64_t>(d.day_number());
}

inline Date DecodeDate(std::int64_t code, std::string_view field) {
  switch (code) {
    case kNotADateCode:
      return Date(boost::gregorian::not_a_date_time);
    case kPosInfinityCode:
      return Date(boost::gregorian::pos_infin);
    case kNegInfinityCode:
      return Date(boost::gregorian::neg_infin);
    default:
      break;
  }
  const Date first(boost::gregorian::min_date_time);
  const Date last(boost::gregorian::max_date_time);
  const auto first_day = static_cast<std::int64_t>(first.day_number());
  const auto last_day = static_cast<std::int64_t>(last.day_number());
  if (code < first_day || code > last_day) {
    throw CorruptArchive(absl::StrCat("field ", ToAbsl(field), ": date code ", code, " is not a calendar day"));
  }
  return first + boost::gregorian::date_duration(code - first_day);
}

template <class Archive>
void SaveString(Archive& ar, const char* name, std::string_view text) {
  std::uint64_t size = text.size();
  ar << boost::serialization::make_nvp("size", size);
  const boost::serialization::binary_object bytes = boost::serialization::make_binary_object(text.data(), text.size());
  ar << boost::serialization::make_nvp(name, bytes);
}

template <class Archive>
std::string LoadString(Archive& ar, const char* name) {
  std::uint64_t size = 0;
  ar >> boost::serialization::make_nvp("size", size);
  CheckCount(ar, size, absl::StrCat("string ", name));
  std::string text(static_cast<std::size_t>(size), '\0');
  const boost::serialization::binary_object bytes = boost::serialization::make_binary_object(text.data(), text.size());
  ar >> boost::serialization::make_nvp(name, bytes);
  return text;
}

template <class Archive, ScalarField T>
void SaveScalar(Archive& ar, const char* name, const T& value) {
  using V = std::remove_const_t<T>;
  if constexpr (OptionalField<V>) {
    std::uint32_t present = value.has_value() ? 1 : 0;
    ar << boost::serialization::make_nvp("present", present);
    if (value.has_value()) SaveScalar(ar, name, *value);
  } else if constexpr (std::is_same_v<V, bool>) {
    std::uint32_t flag = value ? 1 : 0;
    ar << boost::serialization::make_nvp(name, flag);
  } else if constexpr (std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t> ||
                       std::is_same_v<V, double>) {
    V copy = value;
    ar << boost::serialization::make_nvp(name, copy);
  } else if constexpr (std::is_same_v<V, std::string>) {
    SaveString(ar, name, value);
  } else if constexpr (std::is_same_v<V, Date>) {
    std::int64_t code = EncodeDate(value);
    ar << boost::serialization::make_nvp(name, code);
  } else if constexpr (IdField<V>) {
    std::int64_t id = value.value();
    ar << boost::serialization::make_nvp(name, id);
  } else if constexpr (std::is_enum_v<V>) {
    auto number = static_cast<std::int64_t>(static_cast<std::underlying_type_t<V>>(value));
    ar << boost::serialization::make_nvp(name, number);
  } else {
    static_assert(std::is_same_v<V, Money>);
    std::int64_t minor = value.minor_units();
    ar << boost::serialization::make_nvp(name, minor);
    SaveString(ar, "currency", value.currency().code());
  }
}

template <class Archive, ScalarField T>
void LoadScalar(Archive& ar, const char* name, T& value) {
  using V = std::remove_const_t<T>;
  if constexpr (OptionalField<V>) {
    std::uint32_t present = 0;
    ar >> boost::serialization::make_nvp("present", present);
    if (present > 1) throw CorruptArchive(absl::StrCat("field ", name, ": presence flag ", present));
    if (present == 0) {
      value.reset();
    } else {
      typename V::value_type inner{};
      LoadScalar(ar, name, inner);
      value = std::move(inner);
    }
  } else if constexpr (std::is_same_v<V, bool>) {
    std::uint32_t flag = 0;
    ar >> boost::serialization::make_nvp(name, flag);
    if (flag > 1) throw CorruptArchive(absl::StrCat("field ", name, ": bool value ", flag));
    value = flag == 1;
  } else if constexpr (std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t> ||
                       std::is_same_v<V, double>) {
    ar >> boost::serialization::make_nvp(name, value);
  } else if constexpr (std::is_same_v<V, std::string>) {
    value = LoadString(ar, name);
  } else if constexpr (std::is_same_v<V, Date>) {
    std::int64_t code = 0;
    ar >> boost::serialization::make_nvp(name, code);
    value = DecodeDate(code, name);
  } else if constexpr (IdField<V>) {
    std::int64_t id = 0;
    ar >> boost::serialization::make_nvp(name, id);
    value = V(id);
  } else if constexpr (std::is_enum_v<V>) {
    using U = std::underlying_type_t<V>;
    std::int64_t number = 0;
    ar >> boost::serialization::make_nvp(name, number);
    if (number < std::numeric_limits<U>::min() || number > std::numeric_limits<U>::max()) {
      throw CorruptArchive(absl::StrCat("field ", name, ": enum value ", number, " out of range"));
    }
    value = static_cast<V>(static_cast<U>(number));
  } else {
    static_assert(std::is_same_v<V, Money>);
    std::int64_t minor = 0;
    ar >> boost::serialization::make_nvp(name, minor);
    const std::string code = LoadString(ar, "currency");
    absl::StatusOr<CurrencyCode> currency = CurrencyCode::Parse(code);
    if (!currency.ok()) {
      throw CorruptArchive(absl::StrCat("field ", name, ": ", currency.status().message()));
    }
    value = Money(minor, *currency);
  }
}

// ---- The Describe adapters -------------------------------------------------

template <class Archive>
class SaveVisitor {
 public:
  explicit SaveVisitor(Archive& ar) : ar_(ar) {}

  template <ScalarField T>
  void Field(std::string_view name, const T& value, Sensitivity, Since = {}) {
    SaveScalar(ar_, Name(name).c_str(), value);
  }

  template <class Record>
  void History(std::string_view name, const Timeline<Record>& timeline, Sensitivity, Since = {}) {
    std::uint64_t count = timeline.Entries().size() + timeline.ReplacedEntries().size();
    ar_ << boost::serialization::make_nvp(Name(name).c_str(), count);
    for (const auto& part : {timeline.Entries(), timeline.ReplacedEntries()}) {
      for (const auto& entry : part) {
        SaveScalar(ar_, "effective", entry.effective);
        std::int32_t sequence = entry.sequence;
        ar_ << boost::serialization::make_nvp("sequence", sequence);
        SaveScalar(ar_, "recorded", entry.recorded);
        SaveScalar(ar_, "replaced", entry.replaced);
        ar_ << boost::serialization::make_nvp("value", entry.value);
      }
    }
  }

  template <class Element>
  void List(std::string_view name, const std::vector<Element>& elements, Sensitivity, Since = {}) {
    std::uint64_t count = elements.size();
    ar_ << boost::serialization::make_nvp(Name(name).c_str(), count);
    for (const Element& element : elements) {
      if constexpr (ScalarField<Element>) {
        SaveScalar(ar_, "item", element);
      } else {
        ar_ << boost::serialization::make_nvp("item", element);
      }
    }
  }

 private:
  Archive& ar_;
};

// Loads what SaveVisitor saved, skipping the members newer than the file's
// format (they keep the value of the default-made record being filled).
template <class Archive>
class LoadVisitor {
 public:
  explicit LoadVisitor(Archive& ar) : ar_(ar) {}

  template <ScalarField T>
  void Field(std::string_view name, T& value, Sensitivity, Since since = {}) {
    if (since.version > FileFormat(ar_)) return;
    LoadScalar(ar_, Name(name).c_str(), value);
  }

  template <class Record>
  void History(std::string_view name, Timeline<Record>& timeline, Sensitivity, Since since = {}) {
    if (since.version > FileFormat(ar_)) return;
    const Name element(name);
    std::uint64_t count = 0;
    ar_ >> boost::serialization::make_nvp(element.c_str(), count);
    CheckCount(ar_, count, absl::StrCat("history ", ToAbsl(name)));
    // No reserve: each entry grows the vector only after its bytes were read.
    std::vector<typename Timeline<Record>::Entry> entries;
    for (std::uint64_t i = 0; i < count; ++i) {
      typename Timeline<Record>::Entry entry;
      LoadScalar(ar_, "effective", entry.effective);
      ar_ >> boost::serialization::make_nvp("sequence", entry.sequence);
      LoadScalar(ar_, "recorded", entry.recorded);
      LoadScalar(ar_, "replaced", entry.replaced);
      ar_ >> boost::serialization::make_nvp("value", entry.value);
      entries.push_back(std::move(entry));
    }
    absl::StatusOr<Timeline<Record>> loaded = Timeline<Record>::FromEntries(std::move(entries));
    if (!loaded.ok()) {
      throw CorruptArchive(absl::StrCat("history ", ToAbsl(name), ": ", loaded.status().message()));
    }
    timeline = *std::move(loaded);
  }

  template <class Element>
  void List(std::string_view name, std::vector<Element>& elements, Sensitivity, Since since = {}) {
    if (since.version > FileFormat(ar_)) return;
    std::uint64_t count = 0;
    ar_ >> boost::serialization::make_nvp(Name(name).c_str(), count);
    CheckCount(ar_, count, absl::StrCat("list ", ToAbsl(name)));
    // No reserve, as for histories.
    elements.clear();
    for (std::uint64_t i = 0; i < count; ++i) {
      Element element{};
      if constexpr (ScalarField<Element>) {
        LoadScalar(ar_, "item", element);
      } else {
        ar_ >> boost::serialization::make_nvp("item", element);
      }
      elements.push_back(std::move(element));
    }
  }

 private:
  Archive& ar_;
};

// A visitor that accepts anything: the probe for "T has a Describe".
struct ProbeVisitor {
  template <class T>
  void Field(std::string_view, T&, Sensitivity, Since = {}) {}
  template <class T>
  void History(std::string_view, T&, Sensitivity, Since = {}) {}
  template <class T>
  void List(std::string_view, T&, Sensitivity, Since = {}) {}
};

// True for the types with a Describe function (entities and their records).
template <class T>
concept Described = requires(ProbeVisitor& v, T& t) {
  Describe(v, t);
};

// The body of `serialize` for every described type. The class version Boost
// passes is ignored: the file's format version decides the layout (see the
// file comment).
template <class Archive, class T>
void SerializeDescribed(Archive& ar, T& value) {
  if constexpr (Archive::is_saving::value) {
    SaveVisitor<Archive> visitor(ar);
    Describe(visitor, std::as_const(value));
  } else {
    LoadVisitor<Archive> visitor(ar);
    Describe(visitor, value);
  }
}

}  // namespace hrkit::archive_internal

namespace boost::serialization {

// The Boost.Serialization adapter: a described type serializes through its
// Describe function.
template <class Archive, class T>
requires hrkit::archive_internal::Described<T>
void serialize(Archive& ar, T& value, const unsigned int /*version*/) {
  hrkit::archive_internal::SerializeDescribed(ar, value);
}

}  // namespace boost::serialization

#endif  // HRKIT_SRC_STORAGE_ARCHIVE_ADAPTER_HPP_
