// The conformance tests every Store backend passes (see store_conformance.hpp).
#include "store_conformance.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hrkit/storage/entity_registry.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit_test/sample_data.hpp"
#include "hrkit_test/status_matchers.hpp"

namespace hrkit_test {

using hrkit::Dataset;
using hrkit::Employee;
using hrkit::EmployeeId;
using hrkit::Location;
using hrkit::LocationId;
using hrkit::OrgUnit;
using hrkit::OrgUnitId;
using hrkit::Position;
using hrkit::PositionId;
using hrkit::Store;
using hrkit::Transaction;
using hrkit::Versioned;
using testing::HasSubstr;

void StoreConformanceTest::SetUp() {
  const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = absl::StrCat("hrkit_store_", info->test_suite_name(), "_", info->name(), "_", getpid());
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  location_ = (std::filesystem::path(testing::TempDir()) / name).string();
  std::filesystem::remove_all(location_);
  std::filesystem::create_directories(location_);
}

void StoreConformanceTest::TearDown() { std::filesystem::remove_all(location_); }

absl::StatusOr<std::unique_ptr<Store>> StoreConformanceTest::Open() { return GetParam().open(location_); }

namespace {

// `timeline` with `edit` applied to the value of entry `index` (current
// entries first, then replaced ones, in the timeline's order).
template <class Record, class Edit>
hrkit::Timeline<Record> EditEntry(const hrkit::Timeline<Record>& timeline, std::size_t index, Edit edit) {
  std::vector<typename hrkit::Timeline<Record>::Entry> entries(timeline.Entries().begin(), timeline.Entries().end());
  entries.insert(entries.end(), timeline.ReplacedEntries().begin(), timeline.ReplacedEntries().end());
  edit(entries.at(index).value);
  absl::StatusOr<hrkit::Timeline<Record>> edited = hrkit::Timeline<Record>::FromEntries(std::move(entries));
  EXPECT_OK(edited.status());
  return edited.ok() ? *std::move(edited) : timeline;
}

TEST_P(StoreConformanceTest, RoundTripsEveryEntityTypeWithFullTimelines) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const Employee e = SampleEmployee(42);
  // The sample has 3 same-day entries, a replaced one and a termination.
  ASSERT_EQ(e.employment.size(), 5u);
  ASSERT_EQ(e.employment.ReplacedEntries().size(), 1u);
  // Every stored type: Put, Get and List of its shared sample (id 42).
  int types = 0;
  hrkit::ForEachEntityType([&]<class E>(std::type_identity<E>) {
    ++types;
    const E sample = SampleOf<E>(42);
    SCOPED_TRACE(std::string(E::kEntityName));
    ASSERT_OK_AND_ASSIGN(std::int64_t version, store->Put(sample, 0));
    EXPECT_EQ(version, 1);
    ASSERT_OK_AND_ASSIGN(Versioned<E> got, store->Get<E>(sample.id));
    EXPECT_EQ(got.entity, sample);
    EXPECT_EQ(got.version, 1);
    ASSERT_OK_AND_ASSIGN(std::vector<Versioned<E>> listed, store->List<E>());
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].entity, sample);
  });
  EXPECT_EQ(types, static_cast<int>(hrkit::kEntityKindCount));
}

TEST_P(StoreConformanceTest, PutsCheckTheEntityTypesOwnRules) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  // ValidateWorkSchedule: a weekday with 25 hours is not a day.
  hrkit::WorkSchedule schedule = SampleWorkSchedule(3);
  schedule.hours[2] = 25.0;
  const absl::StatusOr<std::int64_t> put = store->Put(schedule, 0);
  EXPECT_STATUS_CODE(put.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(put.status().message(), HasSubstr("work_schedule:3"));
  Transaction tx;
  tx.Put(SampleLocation(1), 0).Put(schedule, 0);
  EXPECT_STATUS_CODE(store->Commit(tx).status(), absl::StatusCode::kInvalidArgument);
  // Nothing was stored.
  EXPECT_STATUS_CODE(store->Get<hrkit::WorkSchedule>(hrkit::WorkScheduleId(3)).status(), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(1)).status(), absl::StatusCode::kNotFound);

  // ValidateLeavePolicy: carry-over month 13 in the policy's second version.
  hrkit::LeavePolicy policy = SampleLeavePolicy(4);
  policy.versions = EditEntry(policy.versions, 1, [](hrkit::LeavePolicyVersion& v) { v.carry_over_month = 13; });
  const absl::StatusOr<std::int64_t> month = store->Put(policy, 0);
  EXPECT_STATUS_CODE(month.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(month), HasSubstr("leave_policy:4"));
  EXPECT_THAT(Message(month), HasSubstr("carry_over_month must be 1..12, got 13"));
  Transaction with_policy;
  with_policy.Put(SampleLocation(2), 0).Put(policy, 0);
  EXPECT_STATUS_CODE(store->Commit(with_policy).status(), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(Dataset all, store->LoadAll());
  EXPECT_EQ(all.TotalSize(), 0u);
}

TEST_P(StoreConformanceTest, PutsCheckTheRelationsRecordsRules) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  // ValidateCheckIn: a mood of 7 on the 1..5 scale.
  hrkit::CheckIn check_in = SampleCheckIn(2);
  check_in.mood = 7;
  const absl::StatusOr<std::int64_t> mood = store->Put(check_in, 0);
  EXPECT_STATUS_CODE(mood.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(mood), HasSubstr("check_in:2: mood"));
  // ValidateRecognition: the giver among the recipients.
  hrkit::Recognition self = SampleRecognition(3);
  self.recipients.push_back(self.giver);
  const absl::StatusOr<std::int64_t> recognition = store->Put(self, 0);
  EXPECT_STATUS_CODE(recognition.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(recognition), HasSubstr("recognition:3: recipients[1]"));
  // ValidateConflictCase: a party named as a handler, in a transaction.
  hrkit::ConflictCase handled_by_party = SampleConflictCase(4);
  handled_by_party.handlers.push_back(handled_by_party.parties[0]);
  Transaction tx;
  tx.Put(SampleConflictCase(5), 0).Put(handled_by_party, 0);
  const absl::StatusOr<std::vector<std::int64_t>> committed = store->Commit(tx);
  EXPECT_STATUS_CODE(committed.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(committed), HasSubstr("conflict_case:4: handlers[2]"));
  ASSERT_OK_AND_ASSIGN(Dataset all, store->LoadAll());
  EXPECT_EQ(all.TotalSize(), 0u);
}

TEST_P(StoreConformanceTest, NonFiniteNumbersInOptionalsAndNestedListsAreRejectedByPath) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // The sample's current versions: 2023-01-01 (sequences 0 and 1), then
  // 2024-01-01; versions[1] holds the tiers {60, 26.5} and {120, 28}.
  hrkit::LeavePolicy tier = SampleLeavePolicy(4);
  tier.versions = EditEntry(tier.versions, 1, [&](hrkit::LeavePolicyVersion& v) { v.tiers[0].amount_per_year = nan; });
  const absl::StatusOr<std::int64_t> nested = store->Put(tier, 0);
  EXPECT_STATUS_CODE(nested.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(nested),
              HasSubstr("leave_policy:4 field versions[1].tiers[0].amount_per_year: must be a finite"));

  // An optional double holding infinity; an empty one is fine.
  hrkit::LeavePolicy cap = SampleLeavePolicy(5);
  cap.versions = EditEntry(
      cap.versions, 0, [](hrkit::LeavePolicyVersion& v) { v.balance_cap = std::numeric_limits<double>::infinity(); });
  const absl::StatusOr<std::int64_t> optional = store->Put(cap, 0);
  EXPECT_STATUS_CODE(optional.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(optional), HasSubstr("leave_policy:5 field versions[0].balance_cap: must be a finite"));
  cap.versions = EditEntry(cap.versions, 0, [](hrkit::LeavePolicyVersion& v) { v.balance_cap.reset(); });
  EXPECT_OK(store->Put(cap, 0));

  // A double inside the eligibility rule of a version (an optional FTE bound).
  hrkit::LeavePolicy rule = SampleLeavePolicy(6);
  rule.versions = EditEntry(rule.versions, 2, [&](hrkit::LeavePolicyVersion& v) { v.eligibility.max_fte = nan; });
  const absl::StatusOr<std::int64_t> fte = store->Put(rule, 0);
  EXPECT_STATUS_CODE(fte.status(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(fte), HasSubstr("leave_policy:6 field versions[2].max_fte: must be a finite"));

  ASSERT_OK_AND_ASSIGN(Dataset all, store->LoadAll());
  EXPECT_EQ(all.TotalSize(), 1u);  // only the policy with the empty cap
}

TEST_P(StoreConformanceTest, RoundTripsEmptyAndSpecialValues) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  Employee e;  // empty strings, no timeline, birth date not_a_date_time
  e.id = EmployeeId(std::numeric_limits<std::int64_t>::max());
  EXPECT_OK(store->Put(e, 0));
  ASSERT_OK_AND_ASSIGN(Versioned<Employee> got, store->Get<Employee>(e.id));
  EXPECT_EQ(got.entity, e);
  EXPECT_TRUE(got.entity.birth_date.is_not_a_date());

  Employee f = SampleEmployee(5);
  f.birth_date = hrkit::OpenEnd();
  f.legal_name = std::string(1 << 20, 'x');  // 1 MiB
  EXPECT_OK(store->Put(f, 0));
  ASSERT_OK_AND_ASSIGN(Versioned<Employee> got_f, store->Get<Employee>(f.id));
  EXPECT_EQ(got_f.entity, f);
}

TEST_P(StoreConformanceTest, UpdatesIncrementTheVersion) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  Location l = SampleLocation(1);
  ASSERT_OK_AND_ASSIGN(std::int64_t v1, store->Put(l, 0));
  EXPECT_EQ(v1, 1);
  l.name = "Renamed";
  ASSERT_OK_AND_ASSIGN(std::int64_t v2, store->Put(l, 1));
  EXPECT_EQ(v2, 2);
  ASSERT_OK_AND_ASSIGN(Versioned<Location> got, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(got.entity.name, "Renamed");
  EXPECT_EQ(got.version, 2);

  // A shorter timeline replaces the stored one completely.
  Employee e = SampleEmployee(2);
  ASSERT_OK(store->Put(e, 0).status());
  e.employment = {};
  ASSERT_OK(e.employment.Add(hrkit::Date(2024, 1, 1), hrkit::EmploymentRecord{}, hrkit::Date(2024, 1, 1)));
  EXPECT_OK(store->Put(e, 1));
  ASSERT_OK_AND_ASSIGN(Versioned<Employee> got_e, store->Get<Employee>(EmployeeId(2)));
  EXPECT_EQ(got_e.entity, e);
  EXPECT_EQ(got_e.version, 2);
}

TEST_P(StoreConformanceTest, UnknownIdsAreNotFound) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const auto missing = store->Get<Employee>(EmployeeId(404));
  EXPECT_STATUS_CODE(missing, absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(missing), HasSubstr("employee:404"));
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(0)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Erase<Location>(LocationId(404), 1), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Erase<Location>(LocationId(404), 0), absl::StatusCode::kNotFound);
  // Updating a row that does not exist.
  EXPECT_STATUS_CODE(store->Put(SampleLocation(404), 3), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(404)), absl::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, StaleVersionsAreAbortedAndWriteNothing) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  Location l = SampleLocation(1);
  ASSERT_OK(store->Put(l, 0).status());
  l.name = "second";
  ASSERT_OK(store->Put(l, 1).status());

  Location stale = l;
  stale.name = "stale";
  const auto put = store->Put(stale, 1);  // stored version is 2
  EXPECT_STATUS_CODE(put, absl::StatusCode::kAborted);
  EXPECT_THAT(Message(put), HasSubstr("location:1"));
  EXPECT_STATUS_CODE(store->Put(stale, 0), absl::StatusCode::kAborted);  // "new" but exists
  EXPECT_STATUS_CODE(store->Put(stale, 3), absl::StatusCode::kAborted);  // from the future
  EXPECT_STATUS_CODE(store->Erase<Location>(LocationId(1), 1), absl::StatusCode::kAborted);

  ASSERT_OK_AND_ASSIGN(Versioned<Location> got, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(got.entity.name, "second");
  EXPECT_EQ(got.version, 2);
}

TEST_P(StoreConformanceTest, TransactionsCommitAllOrNothing) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->Put(SampleLocation(1), 0).status());
  ASSERT_OK(store->Put(SampleOrgUnit(1), 0).status());

  // One stale write among four: none of them lands.
  Transaction failing;
  Location renamed = SampleLocation(1);
  renamed.name = "new name";
  failing.Put(SampleEmployee(1), 0).Put(renamed, 1).Put(SamplePosition(1), 0).Erase<OrgUnit>(OrgUnitId(1), 2);
  EXPECT_STATUS_CODE(store->Commit(failing), absl::StatusCode::kAborted);
  EXPECT_STATUS_CODE(store->Get<Employee>(EmployeeId(1)), absl::StatusCode::kNotFound);
  EXPECT_STATUS_CODE(store->Get<Position>(PositionId(1)), absl::StatusCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(Versioned<Location> l, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(l.entity, SampleLocation(1));
  EXPECT_EQ(l.version, 1);
  EXPECT_OK(store->Get<OrgUnit>(OrgUnitId(1)));

  // The same writes with the right versions land together.
  Transaction ok;
  ok.Put(SampleEmployee(1), 0).Put(renamed, 1).Put(SamplePosition(1), 0).Erase<OrgUnit>(OrgUnitId(1), 1);
  ASSERT_OK_AND_ASSIGN(std::vector<std::int64_t> versions, store->Commit(ok));
  EXPECT_EQ(versions, (std::vector<std::int64_t>{1, 2, 1, 0}));
  EXPECT_OK(store->Get<Employee>(EmployeeId(1)));
  EXPECT_OK(store->Get<Position>(PositionId(1)));
  EXPECT_STATUS_CODE(store->Get<OrgUnit>(OrgUnitId(1)), absl::StatusCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(l, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(l.entity.name, "new name");

  // An erased row can be inserted again, starting over at version 1.
  ASSERT_OK_AND_ASSIGN(std::int64_t again, store->Put(SampleOrgUnit(1), 0));
  EXPECT_EQ(again, 1);
  // An empty transaction is a no-op.
  ASSERT_OK_AND_ASSIGN(std::vector<std::int64_t> none, store->Commit(Transaction{}));
  EXPECT_TRUE(none.empty());
}

TEST_P(StoreConformanceTest, InvalidWritesAreRejectedNamingEntityAndField) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  Employee no_id = SampleEmployee(1);
  no_id.id = EmployeeId();
  const auto zero = store->Put(no_id, 0);
  EXPECT_STATUS_CODE(zero, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(zero), HasSubstr("employee:0 field id"));
  Location negative = SampleLocation(1);
  negative.id = LocationId(-5);
  EXPECT_STATUS_CODE(store->Put(negative, 0), absl::StatusCode::kInvalidArgument);

  Employee nan_fte = SampleEmployee(2);
  hrkit::EmploymentRecord bad;
  bad.fte = std::nan("");
  ASSERT_OK(nan_fte.employment.Add(hrkit::Date(2024, 1, 1), bad, hrkit::Date(2024, 1, 1)));
  const auto nan = store->Put(nan_fte, 0);
  EXPECT_STATUS_CODE(nan, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(nan), HasSubstr("employee:2 field employment[5].fte"));

  Position inf_budget = SamplePosition(3);
  hrkit::PositionRecord r;
  r.fte_budget = std::numeric_limits<double>::infinity();
  ASSERT_OK(inf_budget.history.Add(hrkit::Date(2025, 1, 1), r, hrkit::Date(2025, 1, 1)));
  EXPECT_STATUS_CODE(store->Put(inf_budget, 0), absl::StatusCode::kInvalidArgument);

  EXPECT_STATUS_CODE(store->Put(SampleLocation(4), -1), absl::StatusCode::kInvalidArgument);
  Transaction twice;
  twice.Put(SampleLocation(5), 0).Erase<Location>(LocationId(5), 1);
  EXPECT_STATUS_CODE(store->Commit(twice), absl::StatusCode::kInvalidArgument);

  // A valid write next to an invalid one is not stored either.
  Transaction mixed;
  mixed.Put(SampleLocation(6), 0).Put(no_id, 0);
  EXPECT_STATUS_CODE(store->Commit(mixed), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(Dataset all, store->LoadAll());
  EXPECT_EQ(all.TotalSize(), 0u);
}

TEST_P(StoreConformanceTest, ListsByIdRangeWithPagination) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  for (int id : {5, 1, 9, 3, 7}) ASSERT_OK(store->Put(SampleLocation(id), 0).status());
  ASSERT_OK(store->Put(SampleEmployee(2), 0).status());  // another type: not listed

  auto ids = [](const std::vector<Versioned<Location>>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.entity.id.value());
    return out;
  };
  ASSERT_OK_AND_ASSIGN(auto all, store->List<Location>());
  EXPECT_EQ(ids(all), (std::vector<std::int64_t>{1, 3, 5, 7, 9}));
  EXPECT_EQ(all[2].entity, SampleLocation(5));
  EXPECT_EQ(all[2].version, 1);

  ASSERT_OK_AND_ASSIGN(auto page1, store->List<Location>({.after_id = 0, .limit = 2}));
  EXPECT_EQ(ids(page1), (std::vector<std::int64_t>{1, 3}));
  ASSERT_OK_AND_ASSIGN(auto page2, store->List<Location>({.after_id = 3, .limit = 2}));
  EXPECT_EQ(ids(page2), (std::vector<std::int64_t>{5, 7}));
  ASSERT_OK_AND_ASSIGN(auto page3, store->List<Location>({.after_id = 7, .limit = 2}));
  EXPECT_EQ(ids(page3), (std::vector<std::int64_t>{9}));
  ASSERT_OK_AND_ASSIGN(auto page4, store->List<Location>({.after_id = 9, .limit = 2}));
  EXPECT_TRUE(page4.empty());
  // (after_id, last_id]: 3 is excluded, 7 included.
  ASSERT_OK_AND_ASSIGN(auto range, store->List<Location>({.after_id = 3, .last_id = 7}));
  EXPECT_EQ(ids(range), (std::vector<std::int64_t>{5, 7}));
  ASSERT_OK_AND_ASSIGN(auto empty_range, store->List<Location>({.after_id = 7, .last_id = 7}));
  EXPECT_TRUE(empty_range.empty());

  // Employees keep their timelines when listed.
  ASSERT_OK_AND_ASSIGN(auto employees, store->List<Employee>());
  ASSERT_EQ(employees.size(), 1u);
  EXPECT_EQ(employees[0].entity, SampleEmployee(2));
}

TEST_P(StoreConformanceTest, SaveAllAndLoadAllRoundTripADataset) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->Put(SampleLocation(99), 0).status());  // replaced by SaveAll
  Dataset data = SampleDataset(20);
  std::reverse(data.Of<Employee>().begin(), data.Of<Employee>().end());  // any order in
  int updates = 0;
  hrkit::CancellableProgress progress([&](std::string_view, std::int64_t, std::int64_t) { ++updates; });
  ASSERT_OK(store->SaveAll(data, &progress));
  EXPECT_GT(updates, 0);

  ASSERT_OK_AND_ASSIGN(Dataset loaded, store->LoadAll(&progress));
  std::reverse(data.Of<Employee>().begin(), data.Of<Employee>().end());  // id order out
  EXPECT_EQ(loaded, data);
  EXPECT_STATUS_CODE(store->Get<Location>(LocationId(99)), absl::StatusCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(Versioned<Employee> e, store->Get<Employee>(EmployeeId(20)));
  EXPECT_EQ(e.version, 1);
  EXPECT_EQ(e.entity, SampleEmployee(20));
}

TEST_P(StoreConformanceTest, SaveAllRejectsBadDataAndCancelsWithoutChanges) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  ASSERT_OK(store->SaveAll(SampleDataset(3)));

  Dataset duplicate = SampleDataset(2);
  duplicate.Of<Location>().push_back(SampleLocation(1));
  const absl::Status dup = store->SaveAll(duplicate);
  EXPECT_STATUS_CODE(dup, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(dup), HasSubstr("location:1"));

  Dataset invalid = SampleDataset(2);
  invalid.Of<Employee>()[1].id = EmployeeId(-1);
  EXPECT_STATUS_CODE(store->SaveAll(invalid), absl::StatusCode::kInvalidArgument);

  hrkit::CancellableProgress cancel;
  cancel.RequestCancel();
  EXPECT_STATUS_CODE(store->SaveAll(SampleDataset(5), &cancel), absl::StatusCode::kCancelled);
  EXPECT_STATUS_CODE(store->LoadAll(&cancel), absl::StatusCode::kCancelled);

  ASSERT_OK_AND_ASSIGN(Dataset loaded, store->LoadAll());
  EXPECT_EQ(loaded, SampleDataset(3));
}

// Strings an SQL backend that built statements by concatenation would get
// wrong.
std::vector<std::string> InjectionCorpus() {
  std::vector<std::string> corpus = {
      "O'Brien",
      "'; DROP TABLE employee;--",
      "\"; DROP TABLE \"employee\"; --",
      "Robert'); DELETE FROM employee__employment; --",
      "back\\slash\\' and \\\"",
      "1' OR '1'='1",
      "\xE2\x80\x99 \xCA\xBC \xEF\xBC\x87 \xE2\x80\x9C",  // unicode look-alike quotes
      "$1 $$ :name ?1 ? %s %n",
      "\n\r\t",
      "",
      "\xFF\xFE not UTF-8",
  };
  corpus.push_back(std::string("nul\0inside", 10));
  corpus.push_back(std::string("\0", 1));
  corpus.push_back(std::string(1 << 20, '\''));  // 1 MiB of quotes
  return corpus;
}

TEST_P(StoreConformanceTest, InjectionCorpusIsStoredByteForByteInEveryTextField) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  const std::vector<std::string> corpus = InjectionCorpus();
  std::int64_t id = 0;
  for (const std::string& text : corpus) {
    ++id;
    Employee e = SampleEmployee(id);
    e.employee_number = e.legal_name = e.preferred_name = e.work_email = e.private_email = e.phone = text;
    hrkit::EmploymentRecord r;
    r.cost_center = r.reason_code = text;
    ASSERT_OK(e.employment.Add(hrkit::Date(2024, 1, 1), r, hrkit::Date(2024, 1, 1)));
    OrgUnit u = SampleOrgUnit(id);
    u.code = text;
    ASSERT_OK(
        u.history.Add(hrkit::Date(2024, 1, 1), hrkit::OrgUnitRecord{text, {}, {}, text}, hrkit::Date(2024, 1, 1)));
    Position p = SamplePosition(id);
    hrkit::PositionRecord pr;
    pr.job_code = pr.title = pr.grade = text;
    ASSERT_OK(p.history.Add(hrkit::Date(2024, 1, 1), pr, hrkit::Date(2024, 1, 1)));
    Location l = SampleLocation(id);
    l.name = l.country = text;

    Transaction txn;
    txn.Put(e, 0).Put(u, 0).Put(p, 0).Put(l, 0);
    ASSERT_OK(store->Commit(txn).status());
    ASSERT_OK_AND_ASSIGN(Versioned<Employee> got_e, store->Get<Employee>(e.id));
    EXPECT_EQ(got_e.entity, e) << "corpus entry " << id;
    ASSERT_OK_AND_ASSIGN(Versioned<OrgUnit> got_u, store->Get<OrgUnit>(u.id));
    EXPECT_EQ(got_u.entity, u) << "corpus entry " << id;
    ASSERT_OK_AND_ASSIGN(Versioned<Position> got_p, store->Get<Position>(p.id));
    EXPECT_EQ(got_p.entity, p) << "corpus entry " << id;
    ASSERT_OK_AND_ASSIGN(Versioned<Location> got_l, store->Get<Location>(l.id));
    EXPECT_EQ(got_l.entity, l) << "corpus entry " << id;
  }
  // Nothing was dropped or deleted: every row is still there, and the store
  // still takes writes to every table.
  ASSERT_OK_AND_ASSIGN(Dataset all, store->LoadAll());
  EXPECT_EQ(all.TotalSize(), 4 * corpus.size());
  EXPECT_EQ(all.Of<Employee>().back().legal_name, corpus.back());
  EXPECT_OK(store->Put(SampleEmployee(1000), 0));
}

TEST_P(StoreConformanceTest, ConcurrentWritersOnOneRowGetAbortedNotLostUpdates) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
  Location counter = SampleLocation(1);
  counter.name = "0";
  ASSERT_OK(store->Put(counter, 0).status());

  constexpr int kThreads = 4;
  constexpr int kIncrementsPerThread = 25;
  std::atomic<int> aborted{0};
  std::atomic<int> other_errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int done = 0; done < kIncrementsPerThread;) {
        absl::StatusOr<Versioned<Location>> row = store->Get<Location>(LocationId(1));
        if (!row.ok()) {
          ++other_errors;
          return;
        }
        Location next = row->entity;
        next.name = std::to_string(std::stoi(next.name) + 1);
        const absl::StatusOr<std::int64_t> put = store->Put(next, row->version);
        if (put.ok()) {
          ++done;
        } else if (absl::IsAborted(put.status())) {
          ++aborted;  // lost the race: re-read and retry
        } else {
          ++other_errors;
          return;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(other_errors.load(), 0);
  // Every successful increment is counted once: 4 x 25 = 100 on top of 0,
  // and the version went 1 -> 101.
  ASSERT_OK_AND_ASSIGN(Versioned<Location> final_row, store->Get<Location>(LocationId(1)));
  EXPECT_EQ(final_row.entity.name, "100");
  EXPECT_EQ(final_row.version, 101);
}

TEST_P(StoreConformanceTest, ReopenSeesEverythingCommittedWhenPersistent) {
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Open());
    ASSERT_OK(store->SaveAll(SampleDataset(4)));
    Location l = SampleLocation(2);
    l.name = "updated";
    ASSERT_OK(store->Put(l, 1).status());
    ASSERT_OK(store->Erase<Position>(PositionId(3), 1));
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> reopened, Open());
  ASSERT_OK_AND_ASSIGN(Dataset loaded, reopened->LoadAll());
  if (!GetParam().persistent) {
    EXPECT_EQ(loaded.TotalSize(), 0u);  // a fresh store: nothing survives
    return;
  }
  Dataset expected = SampleDataset(4);
  expected.Of<Location>()[1].name = "updated";
  expected.Of<Position>().erase(expected.Of<Position>().begin() + 2);
  EXPECT_EQ(loaded, expected);
  ASSERT_OK_AND_ASSIGN(Versioned<Location> l, reopened->Get<Location>(LocationId(2)));
  EXPECT_EQ(l.version, 2);
}

}  // namespace
}  // namespace hrkit_test
