// ProgressSink: how long operations (bulk loads, accrual runs, roll-ups over a
// million people) report progress and learn that the caller wants them to stop.
//
// Thread safety: an operation calls its sink from the thread it runs on; a
// sink shared by concurrent operations must synchronize itself. RequestCancel
// on CancellableProgress may be called from any thread.
#ifndef HRKIT_CORE_PROGRESS_HPP_
#define HRKIT_CORE_PROGRESS_HPP_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/status.h"

namespace hrkit {

// Receives progress from a long operation.
class ProgressSink {
 public:
  ProgressSink() = default;
  ProgressSink(const ProgressSink&) = delete;
  ProgressSink& operator=(const ProgressSink&) = delete;
  virtual ~ProgressSink();

  // `done` of `total` units of the named stage are finished (total may be 0
  // when unknown). Called at least once per stage and at its end.
  virtual void Update(std::string_view stage, std::int64_t done, std::int64_t total) = 0;

  // True once the caller wants the operation to stop. An operation that sees
  // it stops at the next safe point, leaves stored data as it was, and returns
  // absl::CancelledError.
  virtual bool Cancelled() const { return false; }
};

// Reports progress to `sink` (which may be null: no reporting) and returns
// CancelledError naming the stage if the sink asks to stop, OK otherwise.
// Long operations call it between units of work.
absl::Status ReportProgress(ProgressSink* sink, std::string_view stage, std::int64_t done, std::int64_t total);

// A sink that forwards updates to a callback and can be cancelled from any
// thread.
class CancellableProgress final : public ProgressSink {
 public:
  // Receives every update (ProgressSink::Update's arguments).
  using Callback = std::function<void(std::string_view stage, std::int64_t done, std::int64_t total)>;

  // `callback` may be empty (only cancellation is wanted).
  explicit CancellableProgress(Callback callback = {}) : callback_(std::move(callback)) {}

  void Update(std::string_view stage, std::int64_t done, std::int64_t total) override;
  bool Cancelled() const override { return cancelled_.load(std::memory_order_relaxed); }

  // Asks the running operation to stop.
  void RequestCancel() { cancelled_.store(true, std::memory_order_relaxed); }

 private:
  Callback callback_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace hrkit

#endif  // HRKIT_CORE_PROGRESS_HPP_
