// A randomized, seeded property test of the leave engine's domain integrity
// (issue 14): random sequences of operations (submit, approve, reject and
// cancel requests, half days and requests over the year end included;
// adjustments; policy versions with negative limits), many of them invalid,
// on one employee. After every step:
//  - a rejected operation changes nothing;
//  - the ledger with every approved request stays within the limit of each
//    day's policy version on every day (FirstLimitBreach from the hire);
// and after each sequence, for the facts it left:
//  - loaded in two random orders they give the same ledger, entry by entry
//    (ComputeLedger and RunAccrual alike), and the same accepted set: every
//    approved request passes the checked approval again, and every pending
//    one gets the same verdict in both.
// Requests go through LeaveRequestBook with LedgerEntitlements. Adjustments
// and policy versions have no service of their own: the desk below accepts
// one only if the ledger with the approved requests keeps its limits
// (the same LedgerWith + FirstLimitBreach the request checks ask).
//
// HRKIT_PROPERTY_STEPS sets the number of operations (default 24000, well
// under a few seconds); HRKIT_PROPERTY_SEED the seed (printed with every failure).
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "hrkit/leave/accrual_run.hpp"
#include "hrkit/leave/leave_adjustment.hpp"
#include "hrkit_test/property.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "leave_world.hpp"

namespace hrkit {
namespace {

using ::hrkit::leave_test::kAda;
using ::hrkit::leave_test::kAnnual;
using ::hrkit::leave_test::kDecided;
using ::hrkit::leave_test::kHired;
using ::hrkit::leave_test::kHorizon;
using ::hrkit::leave_test::kSubmitted;
using ::hrkit::leave_test::LeaveWorld;
using ::hrkit::leave_test::Monthly12;
using Rng = std::mt19937_64;

constexpr int kOpsPerSequence = 60;

int Pick(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

template <class T>
T OneOf(Rng& rng, const std::vector<T>& values) {
  return values[static_cast<std::size_t>(Pick(rng, 0, static_cast<int>(values.size()) - 1))];
}

// A day of 2024 or 2025; one time in three one of a few days, so that
// facts meet on one date (two adjustments, a morning and an afternoon).
Date AnyDay(Rng& rng) {
  if (Pick(rng, 0, 2) == 0) return OneOf<Date>(rng, {Date(2024, 3, 4), Date(2024, 6, 3), Date(2024, 12, 30)});
  return kHired + boost::gregorian::days(Pick(rng, 0, 730));
}

std::optional<double> AnyLimit(Rng& rng) {
  return OneOf<std::optional<double>>(rng, {0.0, 0.0, 1.0, 3.0, 5.0, std::nullopt, -1.0});
}

LeavePolicyVersion AnyVersion(Rng& rng) {
  LeavePolicyVersion v = Monthly12();
  v.amount_per_year = OneOf<double>(rng, {12, 12, 6, 24});
  v.negative_limit = AnyLimit(rng);
  v.carry_over_max = OneOf<std::optional<double>>(rng, {std::nullopt, 0.0, 3.0});
  v.carry_over_expiry = OneOf<int>(rng, {0, 0, 3});
  v.carry_over_month = OneOf<int>(rng, {1, 1, 4});
  v.balance_cap = OneOf<std::optional<double>>(rng, {std::nullopt, std::nullopt, 8.0});
  v.frequency = OneOf(rng, std::vector<AccrualFrequency>{AccrualFrequency::kMonthly, AccrualFrequency::kQuarterly});
  v.timing = OneOf(rng, std::vector<CreditTiming>{CreditTiming::kStart, CreditTiming::kEnd});
  v.rounding = OneOf(rng, std::vector<AccrualRounding>{AccrualRounding::kNone, AccrualRounding::kHalf});
  v.keeps_balance = Pick(rng, 0, 15) != 0;
  return v;
}

// One operation.
struct Op {
  enum Kind { kSubmit, kApprove, kReject, kCancel, kAdjust, kVersion } kind = kSubmit;
  LeaveRequestInput input;
  LeaveRequestId target;
  LeaveAdjustment adjustment;
  Date version_from;
  LeavePolicyVersion version;
};

LeaveRequestInput AnyRequest(Rng& rng) {
  Date first = AnyDay(rng);
  if (Pick(rng, 0, 5) == 0) first = Date(static_cast<unsigned short>(Pick(rng, 2024, 2025)), 12, Pick(rng, 15, 31));
  const Date last = first + boost::gregorian::days(Pick(rng, -1, 12));  // -1: invalid
  const std::vector<HalfDay> halves = {HalfDay::kNone, HalfDay::kNone, HalfDay::kMorning, HalfDay::kAfternoon};
  return LeaveWorld::Ask(first, last, OneOf(rng, halves), OneOf(rng, halves));
}

Op AnyOp(Rng& rng, std::int64_t requests) {
  Op op;
  const int roll = Pick(rng, 0, 99);
  const LeaveRequestId target(Pick(rng, 1, static_cast<int>(requests) + 2));  // some unknown
  if (roll < 35) {
    op.kind = Op::kSubmit;
    op.input = AnyRequest(rng);
  } else if (roll < 65) {
    op.kind = Op::kApprove;
    op.target = target;
  } else if (roll < 72) {
    op.kind = Op::kReject;
    op.target = target;
  } else if (roll < 80) {
    op.kind = Op::kCancel;
    op.target = target;
  } else if (roll < 92) {
    op.kind = Op::kAdjust;
    op.adjustment = LeaveAdjustment{LeaveAdjustmentId(Pick(rng, 1, 1000)),
                                    kAda,
                                    kAnnual,
                                    AnyDay(rng),
                                    OneOf<double>(rng, {-3, -1.5, -0.5, 0, 0.5, 1, 2}),
                                    Pick(rng, 0, 4) == 0,
                                    kSubmitted,
                                    "desk"};
  } else {
    op.kind = Op::kVersion;
    op.version_from = AnyDay(rng);
    op.version = AnyVersion(rng);
  }
  return op;
}

std::string Describe(const LeavePolicyVersion& v) {
  auto opt = [](const std::optional<double>& x) { return x.has_value() ? absl::StrCat(*x) : std::string("none"); };
  return absl::StrCat(v.keeps_balance ? "" : "no balance ", v.amount_per_year, "/year freq ",
                      static_cast<int>(v.frequency), " timing ", static_cast<int>(v.timing), " rounding ",
                      static_cast<int>(v.rounding), " limit ", opt(v.negative_limit), " carry max ",
                      opt(v.carry_over_max), " month ", v.carry_over_month, " expiry ", v.carry_over_expiry, " cap ",
                      opt(v.balance_cap));
}

// The operation in words, for the trace of a failure.
std::string Describe(const Op& op) {
  switch (op.kind) {
    case Op::kSubmit:
      return absl::StrCat("submit ", FormatIsoDate(op.input.first_day), " ", static_cast<int>(op.input.first_day_half),
                          " .. ", FormatIsoDate(op.input.last_day), " ", static_cast<int>(op.input.last_day_half));
    case Op::kApprove:
      return absl::StrCat("approve ", ToString(op.target));
    case Op::kReject:
      return absl::StrCat("reject ", ToString(op.target));
    case Op::kCancel:
      return absl::StrCat("cancel ", ToString(op.target));
    case Op::kAdjust:
      return absl::StrCat("adjust ", FormatIsoDate(op.adjustment.effective), " ", op.adjustment.amount,
                          op.adjustment.encashment ? " encashment" : "");
    case Op::kVersion:
      return absl::StrCat("version from ", FormatIsoDate(op.version_from), ": ", Describe(op.version));
  }
  return "?";
}

// The ledger of `w` keeps its limits on every day (nullopt), or the breach.
std::optional<LimitBreach> BreachOf(const LeaveWorld& w) {
  absl::StatusOr<std::optional<LimitBreach>> breach = w.Breach();
  EXPECT_OK(breach.status());
  return breach.ok() ? *breach : std::nullopt;
}

absl::Status Refused(const LimitBreach& b, const std::string& what) {
  return absl::FailedPreconditionError(absl::StrCat(what, ": would leave a balance of ", b.balance, " on ",
                                                    FormatIsoDate(b.date), ", below the allowed ", 0.0 - b.limit));
}

// The desk: an adjustment is kept only if valid and within the limits.
absl::Status AddAdjustment(LeaveWorld& w, const LeaveAdjustment& a) {
  HRKIT_RETURN_IF_ERROR(ValidateLeaveAdjustment(a));
  for (const LedgerAdjustment& existing : w.adjustments) {
    if (existing.ref == a.id.value()) return absl::AlreadyExistsError(absl::StrCat(ToString(a.id), " exists"));
  }
  w.adjustments.push_back(LedgerAdjustment{a.effective, a.amount, a.encashment, a.id.value()});
  w.Rebuild();
  if (const std::optional<LimitBreach> b = BreachOf(w); b.has_value()) {
    w.adjustments.pop_back();
    w.Rebuild();
    return Refused(*b, ToString(a.id));
  }
  return absl::OkStatus();
}

// The desk: a policy version is kept only if valid, the only one of its
// day, and the limits still hold.
absl::Status AddVersion(LeaveWorld& w, Date from, const LeavePolicyVersion& v) {
  for (const auto& e : w.policy.versions.Entries()) {
    if (e.effective == from) return absl::AlreadyExistsError("a version takes effect that day");
  }
  const LeavePolicy before = w.policy;
  HRKIT_RETURN_IF_ERROR(w.policy.versions.Add(from, v, kHired));
  absl::Status status = ValidateLeavePolicy(w.policy);
  w.Rebuild();
  if (const std::optional<LimitBreach> b = status.ok() ? BreachOf(w) : std::nullopt; b.has_value()) {
    status = Refused(*b, "policy version");
  }
  if (!status.ok()) {
    w.policy = before;
    w.Rebuild();
  }
  return status;
}

absl::Status Apply(LeaveWorld& w, const Op& op) {
  switch (op.kind) {
    case Op::kSubmit:
      return w.book.Submit(op.input, w.Checked(), kSubmitted).status();
    case Op::kApprove:
      return w.book.Approve(op.target, w.Checked(), kDecided);
    case Op::kReject:
      return w.book.Reject(op.target, kDecided);
    case Op::kCancel:
      return w.book.Cancel(op.target, kDecided);
    case Op::kAdjust:
      return AddAdjustment(w, op.adjustment);
    case Op::kVersion:
      return AddVersion(w, op.version_from, op.version);
  }
  return absl::InternalError("unknown operation");
}

std::vector<std::pair<Date, LeavePolicyVersion>> VersionsOf(const LeavePolicy& p) {
  std::vector<std::pair<Date, LeavePolicyVersion>> versions;
  for (const auto& e : p.versions.Entries()) versions.emplace_back(e.effective, e.value);
  return versions;
}

// `from`'s facts loaded into `to` in an order drawn from `rng`.
void LoadShuffled(const LeaveWorld& from, LeaveWorld& to, Rng& rng) {
  std::vector<std::pair<Date, LeavePolicyVersion>> versions = VersionsOf(from.policy);
  std::shuffle(versions.begin(), versions.end(), rng);
  to.policy.versions = {};
  for (const auto& [date, v] : versions) ASSERT_OK(to.policy.versions.Add(date, v, kHired));
  to.adjustments = from.adjustments;
  std::shuffle(to.adjustments.begin(), to.adjustments.end(), rng);
  std::vector<LeaveRequest> requests(from.book.requests().begin(), from.book.requests().end());
  std::shuffle(requests.begin(), requests.end(), rng);
  ASSERT_OK_AND_ASSIGN(to.book, LeaveRequestBook::FromRequests(std::move(requests)));
  to.Rebuild();
}

// ComputeLedger over `w`'s facts as they are, through kHorizon (also when no
// version keeps a balance: the taken days and adjustments are then all).
std::vector<LedgerEntry> Computed(const LeaveWorld& w) {
  absl::StatusOr<std::vector<LeaveDay>> taken = TakenDaysOf(w.book.requests(), kAda, kAnnual, w.schedule, w.calendar);
  EXPECT_OK(taken.status());
  const std::vector<LeavePolicy> policies = {w.policy};
  const std::vector<PolicySegment> segments = {PolicySegment{kAda, kAnnual, w.policy.id, Period(kHired, OpenEnd())}};
  const AccrualFacts facts{kAda, kAnnual, &w.ada.employment, segments, policies, *taken, w.adjustments, 0.0};
  absl::StatusOr<std::vector<LedgerEntry>> ledger =
      ComputeLedger(facts, Period(kHired, kHorizon + boost::gregorian::days(1)));
  EXPECT_OK(ledger.status());
  return ledger.ok() ? *ledger : std::vector<LedgerEntry>();
}

// RunAccrual over `w`'s facts, taken days and adjustments shuffled.
std::vector<LedgerEntry> RunShuffled(const LeaveWorld& w, Rng& rng) {
  absl::StatusOr<std::vector<LeaveDay>> taken = TakenDaysOf(w.book.requests(), kAda, kAnnual, w.schedule, w.calendar);
  EXPECT_OK(taken.status());
  std::vector<TakenLeave> population_taken;
  for (const LeaveDay& d : *taken) population_taken.push_back(TakenLeave{kAda, kAnnual, d});
  std::shuffle(population_taken.begin(), population_taken.end(), rng);
  std::vector<EmployeeAdjustment> adjustments;
  for (const LedgerAdjustment& a : w.adjustments) adjustments.push_back(EmployeeAdjustment{kAda, kAnnual, a});
  std::shuffle(adjustments.begin(), adjustments.end(), rng);
  const std::vector<Employee> employees = {w.ada};
  const std::vector<LeavePolicy> policies = {w.policy};
  const std::vector<PolicySegment> segments = {PolicySegment{kAda, kAnnual, w.policy.id, Period(kHired, OpenEnd())}};
  const AccrualPopulation population{employees, policies, segments, population_taken, {}, adjustments};
  absl::StatusOr<AccrualRunResult> run =
      RunAccrual(population, Period(kHired, kHorizon + boost::gregorian::days(1)), nullptr);
  EXPECT_OK(run.status());
  if (!run.ok() || run->size() != 1) return {};
  return std::vector<LedgerEntry>(run->Ledger(0).begin(), run->Ledger(0).end());
}

// The verdict of approving each request of `w` now (an approved one as if it
// were still pending): "ok" or the error.
std::vector<std::string> Verdicts(const LeaveWorld& w) {
  std::vector<LeaveRequest> requests = w.book.OfEmployee(kAda);
  std::vector<std::string> verdicts;
  for (const LeaveRequest& r : requests) {
    if (r.status != LeaveRequestStatus::kSubmitted && r.status != LeaveRequestStatus::kApproved) continue;
    LeaveRequest pending = r;
    pending.status = LeaveRequestStatus::kSubmitted;
    pending.decided_on = Date();
    const absl::StatusOr<LeaveRequest> again =
        ApproveLeaveRequestChecked(pending, w.Checked(), w.book.requests(), kDecided);
    if (r.status == LeaveRequestStatus::kApproved) {
      EXPECT_TRUE(again.ok()) << LeaveRequestLabel(r) << ": " << again.status();
    }
    verdicts.push_back(again.ok() ? "ok" : again.status().ToString());
  }
  return verdicts;
}

// The order properties of the facts `w` holds.
void CheckOrderIndependence(const LeaveWorld& w, Rng& rng) {
  LeaveWorld one(VersionsOf(w.policy));
  LeaveWorld two(VersionsOf(w.policy));
  LoadShuffled(w, one, rng);
  LoadShuffled(w, two, rng);
  ASSERT_OK_AND_ASSIGN(const ProjectedLedger original, w.Ledger());
  ASSERT_OK_AND_ASSIGN(const ProjectedLedger first, one.Ledger());
  ASSERT_OK_AND_ASSIGN(const ProjectedLedger second, two.Ledger());
  EXPECT_EQ(first.entries, original.entries);
  EXPECT_EQ(second.entries, original.entries);
  EXPECT_EQ(RunShuffled(w, rng), Computed(w));
  if (!original.limits.empty()) {
    EXPECT_EQ(Computed(w), original.entries);
  }
  EXPECT_EQ(Verdicts(one), Verdicts(two));
}

struct State {
  LeaveRequestBook book;
  LeavePolicy policy;
  std::vector<LedgerAdjustment> adjustments;
  friend bool operator==(const State&, const State&) = default;
};

State StateOf(const LeaveWorld& w) { return State{w.book, w.policy, w.adjustments}; }

// Operations tried and accepted, by kind.
struct Tally {
  std::int64_t tried[6] = {};
  std::int64_t accepted[6] = {};
};

// One sequence from `seed`, counted into `tally`.
void RunSequence(std::uint64_t seed, int ops, Tally& tally) {
  Rng rng(seed);
  LeavePolicyVersion base = AnyVersion(rng);
  if (base.negative_limit.has_value() && *base.negative_limit < 0) base.negative_limit = 0.0;
  LeaveWorld w({{kHired, base}});
  std::string history = absl::StrCat("base version: ", Describe(base), "\n");
  for (int step = 0; step < ops; ++step) {
    const Op op = AnyOp(rng, static_cast<std::int64_t>(w.book.requests().size()));
    SCOPED_TRACE(absl::StrCat("seed ", seed, " step ", step, ": ", Describe(op), "\naccepted before:\n", history));
    const State before = StateOf(w);
    const absl::Status status = Apply(w, op);
    ++tally.tried[op.kind];
    if (status.ok()) {
      ++tally.accepted[op.kind];
      absl::StrAppend(&history, step, ": ", Describe(op), "\n");
    } else {
      EXPECT_TRUE(StateOf(w) == before) << status;
    }
    const std::optional<LimitBreach> breach = BreachOf(w);
    EXPECT_FALSE(breach.has_value()) << "after " << status << ": balance " << breach->balance << " on "
                                     << FormatIsoDate(breach->date) << " below -" << breach->limit;
    if (::testing::Test::HasFailure()) return;
  }
  SCOPED_TRACE(absl::StrCat("seed ", seed, " order independence"));
  CheckOrderIndependence(w, rng);
}

TEST(OrderProperty, RandomOperationsKeepTheLimitsAndDoNotDependOnOrder) {
  const auto steps = static_cast<std::int64_t>(hrkit_test::PropertySetting("HRKIT_PROPERTY_STEPS", 24000));
  const std::uint64_t seed = hrkit_test::PropertySetting("HRKIT_PROPERTY_SEED", 14);
  Tally tally;
  for (std::int64_t done = 0, sequence = 0; done < steps && !HasFailure(); done += kOpsPerSequence, ++sequence) {
    RunSequence(seed * 1000003 + static_cast<std::uint64_t>(sequence), kOpsPerSequence, tally);
  }
  // Many operations are invalid or refused, but every kind is also accepted
  // often enough for the accepted paths to be exercised.
  const char* const names[] = {"submit", "approve", "reject", "cancel", "adjust", "version"};
  for (int k = 0; k < 6; ++k) {
    std::cout << names[k] << ": " << tally.accepted[k] << " of " << tally.tried[k] << " accepted\n";
    EXPECT_GT(tally.accepted[k] * 50, tally.tried[k]) << names[k] << ", seed " << seed;
  }
}

}  // namespace
}  // namespace hrkit
