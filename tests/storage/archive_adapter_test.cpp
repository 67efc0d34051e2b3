// The archive's Boost.Serialization adapter on records made for the test:
// optional scalars, lists of scalars, lists nested in list records, and the
// Since rule (a member newer than the file's format is not read and keeps its
// default).
#include "archive_adapter.hpp"

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "boost/archive/binary_iarchive.hpp"
#include "boost/archive/binary_oarchive.hpp"
#include "boost/archive/text_iarchive.hpp"
#include "boost/archive/text_oarchive.hpp"
#include "gtest/gtest.h"
#include "hrkit/core/describe.hpp"

namespace hrkit_test {
namespace {

using hrkit::Sensitivity;
using hrkit::Since;

struct Inner {
  std::vector<std::int32_t> numbers;

  friend bool operator==(const Inner&, const Inner&) = default;
};

template <class V, class Self>
requires hrkit::SameEntity<Self, Inner>
void Describe(V& v, Self& r) { v.List("numbers", r.numbers, Sensitivity::kDirectory); }

// The record as format 1 wrote it.
struct ProbeV1 {
  std::int32_t a = 0;
  std::optional<double> b;
  std::vector<std::string> c;
  std::vector<Inner> inner;
};

template <class V, class Self>
requires hrkit::SameEntity<Self, ProbeV1>
void Describe(V& v, Self& r) {
  v.Field("a", r.a, Sensitivity::kDirectory);
  v.Field("b", r.b, Sensitivity::kDirectory);
  v.List("c", r.c, Sensitivity::kDirectory);
  v.List("inner", r.inner, Sensitivity::kDirectory);
}

// The same record in format 2: one member more, since format 2.
struct Probe {
  std::int32_t a = 0;
  std::optional<double> b;
  std::vector<std::string> c;
  std::vector<Inner> inner;
  std::optional<std::int32_t> added = 7;  // the documented default

  friend bool operator==(const Probe&, const Probe&) = default;
};

template <class V, class Self>
requires hrkit::SameEntity<Self, Probe>
void Describe(V& v, Self& r) {
  v.Field("a", r.a, Sensitivity::kDirectory);
  v.Field("b", r.b, Sensitivity::kDirectory);
  v.List("c", r.c, Sensitivity::kDirectory);
  v.List("inner", r.inner, Sensitivity::kDirectory);
  v.Field("added", r.added, Sensitivity::kDirectory, Since{2});
}

template <class OArchive, class T>
std::string Save(const T& value) {
  std::ostringstream out;
  {
    OArchive ar(out, boost::archive::no_header);
    ar << boost::serialization::make_nvp("probe", value);
  }
  return out.str();
}

// Loads a T from `bytes` as a file of `format`; the bytes left unread.
template <class IArchive, class T>
std::size_t Load(std::string_view bytes, std::int32_t format, T& value) {
  hrkit::archive_internal::MemoryFile file(bytes);
  hrkit::archive_internal::PayloadReader reader(file, bytes.size());
  std::istream in(&reader);
  IArchive ar(in, boost::archive::no_header);
  auto& context = ar.template get_helper<hrkit::archive_internal::LoadContext>(
      const_cast<char*>(&hrkit::archive_internal::kLoadContextKey));
  context.buffer = &reader;
  context.format = format;
  ar >> boost::serialization::make_nvp("probe", value);
  const hrkit::archive_internal::PayloadReader::Rest rest = reader.ConsumeRest();
  return rest.only_space ? 0 : static_cast<std::size_t>(rest.bytes);
}

template <class OArchive, class IArchive>
void ExpectRoundTripsAndSkipsNewerMembers() {
  const Probe probe{-4, 2.5, {"x", std::string("\0y", 2), ""}, {Inner{{1, 2}}, Inner{}}, std::nullopt};
  Probe loaded;
  EXPECT_EQ(Load<IArchive>(Save<OArchive>(probe), 2, loaded), 0u);
  EXPECT_EQ(loaded, probe);
  const Probe no_b{1, std::nullopt, {}, {}, 9};
  EXPECT_EQ(Load<IArchive>(Save<OArchive>(no_b), 2, loaded), 0u);
  EXPECT_EQ(loaded, no_b);

  // A format-1 file has no `added`: it is not read and keeps its default 7.
  const ProbeV1 old{3, 0.5, {"old"}, {Inner{{5}}}};
  Probe upgraded;
  upgraded.added = 7;
  EXPECT_EQ(Load<IArchive>(Save<OArchive>(old), 1, upgraded), 0u);
  EXPECT_EQ(upgraded, (Probe{3, 0.5, {"old"}, {Inner{{5}}}, 7}));
}

TEST(ArchiveAdapter, BinaryRoundTripsAndSkipsNewerMembers) {
  ExpectRoundTripsAndSkipsNewerMembers<boost::archive::binary_oarchive, boost::archive::binary_iarchive>();
}

TEST(ArchiveAdapter, TextRoundTripsAndSkipsNewerMembers) {
  ExpectRoundTripsAndSkipsNewerMembers<boost::archive::text_oarchive, boost::archive::text_iarchive>();
}

TEST(ArchiveAdapter, ABadPresenceFlagIsCorrupt) {
  // Text payload of ProbeV1{1, nullopt, {}, {}}: "0 0 1 0 0 0" (class
  // preamble tracking 0 and version 0, a = 1, presence 0, two empty lists).
  std::string text = Save<boost::archive::text_oarchive>(ProbeV1{1, std::nullopt, {}, {}});
  ASSERT_EQ(text.substr(0, 8), "0 0 1 0 ");
  text[6] = '2';
  ProbeV1 loaded;
  EXPECT_THROW(Load<boost::archive::text_iarchive>(text, 2, loaded), hrkit::archive_internal::CorruptArchive);
}

}  // namespace
}  // namespace hrkit_test
