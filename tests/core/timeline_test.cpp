#include "hrkit/core/timeline.hpp"

#include <string>

#include "gtest/gtest.h"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit {
namespace {

const Date kJan1(2024, 1, 1);
const Date kMar1(2024, 3, 1);
const Date kJun1(2024, 6, 1);

TEST(Timeline, EmptyHasNoValue) {
  Timeline<int> t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.At(kJan1), nullptr);
  EXPECT_TRUE(t.Segments().empty());
}

TEST(Timeline, ValueHoldsUntilTheDayBeforeTheNextChange) {
  Timeline<std::string> title;
  ASSERT_OK(title.Add(kJan1, "analyst", kJan1));
  ASSERT_OK(title.Add(kJun1, "senior analyst", kJun1));
  EXPECT_EQ(title.At(kJan1 - boost::gregorian::days(1)), nullptr);
  EXPECT_EQ(*title.At(kJan1), "analyst");
  EXPECT_EQ(*title.At(Date(2024, 5, 31)), "analyst");
  EXPECT_EQ(*title.At(kJun1), "senior analyst");
  EXPECT_EQ(*title.At(Date(9999, 12, 31)), "senior analyst");
  EXPECT_EQ(title.At(OpenEnd()), nullptr);
}

TEST(Timeline, SameDayChangesAreSequencedAndTheLastWins) {
  Timeline<int> grade;
  ASSERT_OK(grade.Add(kMar1, 5, kMar1));
  ASSERT_OK(grade.Add(kMar1, 6, kMar1));  // promotion later on the same day
  ASSERT_OK(grade.Add(kMar1, 7, kMar1));
  ASSERT_EQ(grade.size(), 3u);
  EXPECT_EQ(grade.Entries()[0].sequence, 0);
  EXPECT_EQ(grade.Entries()[1].sequence, 1);
  EXPECT_EQ(grade.Entries()[2].sequence, 2);
  EXPECT_EQ(*grade.At(kMar1), 7);
  const auto segments = grade.Segments();
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(*segments[0].value, 7);
  EXPECT_TRUE(IsOpenEnded(segments[0].period));
}

TEST(Timeline, InsertInTheMiddleRetainsLaterEntriesByDefault) {
  Timeline<int> fte;
  ASSERT_OK(fte.Add(kJan1, 100, kJan1));
  ASSERT_OK(fte.Add(kJun1, 80, kJun1));
  ASSERT_OK(fte.Add(kMar1, 60, Date(2024, 7, 1)));  // backdated, entered in July
  EXPECT_EQ(*fte.At(Date(2024, 2, 1)), 100);
  EXPECT_EQ(*fte.At(Date(2024, 4, 1)), 60);
  EXPECT_EQ(*fte.At(Date(2024, 6, 1)), 80);
  const auto segments = fte.Segments();
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[1].period, Period(kMar1, kJun1));
}

TEST(Timeline, InsertWithReplaceRetiresLaterEntriesButKeepsThemForAsKnownOn) {
  Timeline<int> fte;
  ASSERT_OK(fte.Add(kJan1, 100, kJan1));
  ASSERT_OK(fte.Add(kJun1, 80, kJun1));
  const Date correction_day(2024, 8, 1);
  ASSERT_OK(fte.Add(kMar1, 60, correction_day, LaterEntries::kReplace));
  EXPECT_EQ(fte.size(), 2u);
  EXPECT_EQ(*fte.At(Date(2024, 9, 1)), 60);
  ASSERT_EQ(fte.ReplacedEntries().size(), 1u);
  EXPECT_EQ(fte.ReplacedEntries()[0].value, 80);
  EXPECT_EQ(fte.ReplacedEntries()[0].replaced, correction_day);

  // As known in July, before the correction: the June change was in force.
  const Timeline<int> july = fte.AsKnownOn(Date(2024, 7, 1));
  EXPECT_EQ(*july.At(Date(2024, 9, 1)), 80);
  EXPECT_EQ(*july.At(Date(2024, 4, 1)), 100);
  // As known on the correction day: the correction counts.
  EXPECT_EQ(*fte.AsKnownOn(correction_day).At(Date(2024, 9, 1)), 60);
  // Before anything was entered: nothing.
  EXPECT_EQ(fte.AsKnownOn(Date(2023, 12, 31)).At(Date(2024, 9, 1)), nullptr);
}

TEST(Timeline, SameDayCorrectionIsVisibleOnlyFromItsEntryDate) {
  Timeline<int> salary;
  ASSERT_OK(salary.Add(kJan1, 50, kJan1));
  ASSERT_OK(salary.Add(kJan1, 55, Date(2024, 2, 10)));  // typo fixed in February
  EXPECT_EQ(*salary.At(kJan1), 55);
  EXPECT_EQ(*salary.AsKnownOn(Date(2024, 2, 9)).At(kJan1), 50);
  EXPECT_EQ(*salary.AsKnownOn(Date(2024, 2, 10)).At(kJan1), 55);
}

TEST(Timeline, RejectsInvalidEdits) {
  Timeline<int> t;
  EXPECT_STATUS_CODE(t.Add(Date(boost::gregorian::not_a_date_time), 1, kJan1), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(t.Add(OpenEnd(), 1, kJan1), absl::StatusCode::kInvalidArgument);
  EXPECT_STATUS_CODE(t.Add(kJan1, 1, OpenEnd()), absl::StatusCode::kInvalidArgument);
  ASSERT_OK(t.Add(kJan1, 1, kJun1));
  // Knowledge cannot move backwards: an entry recorded before the latest one.
  EXPECT_STATUS_CODE(t.Add(kMar1, 2, kMar1), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(t.size(), 1u);  // the failed edit changed nothing
}

TEST(Timeline, FromEntriesRestoresAndValidates) {
  Timeline<int> fte;
  ASSERT_OK(fte.Add(kJan1, 100, kJan1));
  ASSERT_OK(fte.Add(kJun1, 80, kJun1));
  ASSERT_OK(fte.Add(kMar1, 60, Date(2024, 8, 1), LaterEntries::kReplace));
  std::vector<Timeline<int>::Entry> all(fte.ReplacedEntries().begin(), fte.ReplacedEntries().end());
  all.insert(all.end(), fte.Entries().begin(), fte.Entries().end());
  ASSERT_OK_AND_ASSIGN(Timeline<int> restored, Timeline<int>::FromEntries(all));
  EXPECT_EQ(restored, fte);

  std::vector<Timeline<int>::Entry> duplicate = {{kJan1, 0, kJan1, OpenEnd(), 1}, {kJan1, 0, kJan1, OpenEnd(), 2}};
  EXPECT_STATUS_CODE(Timeline<int>::FromEntries(duplicate), absl::StatusCode::kInvalidArgument);
  std::vector<Timeline<int>::Entry> replaced_early = {{kJun1, 0, kJun1, kJan1, 1}};
  EXPECT_STATUS_CODE(Timeline<int>::FromEntries(replaced_early), absl::StatusCode::kInvalidArgument);
}

TEST(Timeline, LeapDayEffectiveDates) {
  Timeline<int> t;
  ASSERT_OK(t.Add(Date(2024, 2, 29), 1, Date(2024, 2, 29)));
  ASSERT_OK(t.Add(Date(2024, 3, 1), 2, Date(2024, 3, 1)));
  EXPECT_EQ(t.At(Date(2024, 2, 28)), nullptr);
  EXPECT_EQ(*t.At(Date(2024, 2, 29)), 1);
  EXPECT_EQ(*t.At(Date(2024, 3, 1)), 2);
  EXPECT_EQ(DayCount(t.Segments()[0].period), 1);
}

}  // namespace
}  // namespace hrkit
