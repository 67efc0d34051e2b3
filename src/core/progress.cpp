#include "hrkit/core/progress.hpp"

#include "absl/strings/str_cat.h"
#include "hrkit/core/status.hpp"

namespace hrkit {

ProgressSink::~ProgressSink() = default;

absl::Status ReportProgress(ProgressSink* sink, std::string_view stage, std::int64_t done, std::int64_t total) {
  if (sink == nullptr) return absl::OkStatus();
  sink->Update(stage, done, total);
  if (sink->Cancelled()) {
    return absl::CancelledError(absl::StrCat(ToAbsl(stage), ": cancelled after ", done, " of ", total));
  }
  return absl::OkStatus();
}

void CancellableProgress::Update(std::string_view stage, std::int64_t done, std::int64_t total) {
  if (callback_) callback_(stage, done, total);
}

}  // namespace hrkit
