#include "hrkit/core/status.hpp"

#include <new>
#include <stdexcept>
#include <vector>

#include "boost/date_time/gregorian/gregorian_types.hpp"
#include "gtest/gtest.h"
#include "hrkit/core/date.hpp"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/timeline.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("odd");
  return x / 2;
}

absl::StatusOr<int> Quarter(int x) {
  HRKIT_ASSIGN_OR_RETURN(int half, Half(x));
  HRKIT_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

absl::Status CheckEven(int x) {
  HRKIT_RETURN_IF_ERROR(Half(x).status());
  return absl::OkStatus();
}

TEST(StatusMacros, PropagateErrorsAndValues) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_STATUS_CODE(Quarter(6), absl::StatusCode::kInvalidArgument);
  EXPECT_OK(CheckEven(4));
  EXPECT_STATUS_CODE(CheckEven(3), absl::StatusCode::kInvalidArgument);
}

TEST(GuardExceptions, ConvertsExceptionsToStatus) {
  const absl::Status bad_day = GuardExceptions("build date", []() -> absl::Status {
    (void)Date(2026, 2, 30);  // boost throws bad_day_of_month (an out_of_range)
    return absl::OkStatus();
  });
  EXPECT_EQ(bad_day.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(bad_day.message()).find("build date"), std::string::npos);

  const absl::StatusOr<int> oom = GuardExceptions("load", []() -> absl::StatusOr<int> { throw std::bad_alloc(); });
  EXPECT_STATUS_CODE(oom, absl::StatusCode::kResourceExhausted);

  const absl::Status other = GuardExceptions("x", []() -> absl::Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(other.code(), absl::StatusCode::kInternal);

  const absl::StatusOr<int> fine = GuardExceptions("x", []() -> absl::StatusOr<int> { return 3; });
  EXPECT_EQ(*fine, 3);
}

// A record type described with the field-description protocol.
struct SampleRecord {
  std::string title;
  double fte = 1.0;
};
template <class V, class Self>
requires SameEntity<Self, SampleRecord>
void Describe(V& v, Self& r) {
  v.Field("title", r.title, Sensitivity::kDirectory);
  v.Field("fte", r.fte, Sensitivity::kDirectory);
}

struct SampleTag {
  [[maybe_unused]] static constexpr const char* kPrefix = "sample";
};

struct SampleEntity {
  [[maybe_unused]] static constexpr std::string_view kEntityName = "sample";
  Id<SampleTag> id;
  Date birth_date;
  Timeline<SampleRecord> jobs;
  std::vector<SampleRecord> notes;
};
template <class V, class Self>
requires SameEntity<Self, SampleEntity>
void Describe(V& v, Self& e) {
  v.Field("id", e.id, Sensitivity::kDirectory);
  v.Field("birth_date", e.birth_date, Sensitivity::kPersonal);
  v.History("jobs", e.jobs, Sensitivity::kDirectory);
  v.List("notes", e.notes, Sensitivity::kPerformance);
}

TEST(Describe, ListsFieldsInOrderWithSensitivity) {
  const std::vector<FieldInfo> fields = ListFields(SampleEntity{});
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0], (FieldInfo{"id", Sensitivity::kDirectory, FieldShape::kScalar}));
  EXPECT_EQ(fields[1], (FieldInfo{"birth_date", Sensitivity::kPersonal, FieldShape::kScalar}));
  EXPECT_EQ(fields[2], (FieldInfo{"jobs", Sensitivity::kDirectory, FieldShape::kHistory}));
  EXPECT_EQ(fields[3], (FieldInfo{"notes", Sensitivity::kPerformance, FieldShape::kList}));
  EXPECT_EQ(ListFields(SampleRecord{}).size(), 2u);
  EXPECT_EQ(SensitivityName(Sensitivity::kHealth), "health");
}

}  // namespace
}  // namespace hrkit
