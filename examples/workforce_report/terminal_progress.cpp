#include "terminal_progress.hpp"

#include <cstdio>
#include <string>

namespace workforce_report {

TerminalProgress::~TerminalProgress() { Finish(); }

void TerminalProgress::Update(std::string_view stage, std::int64_t done, std::int64_t total) {
  if (stage != stage_) {
    Finish();
    stage_ = std::string(stage);
    drawn_percent_ = -1;
    stage_reported_ = false;
  }
  const bool finished = total > 0 && done >= total;
  if (!interactive_) {
    if (finished && !stage_reported_) {
      std::printf("  %s: %lld of %lld done\n", stage_.c_str(), static_cast<long long>(done),
                  static_cast<long long>(total));
      stage_reported_ = true;
    }
    return;
  }
  if (total <= 0) {  // the size is not known: say that the stage runs
    if (drawn_percent_ == -1) std::printf("\r  %-28.28s ...", stage_.c_str());
    drawn_percent_ = 0;
    line_open_ = true;
    std::fflush(stdout);
    return;
  }
  const int percent = static_cast<int>(done * 100 / total);
  if (percent == drawn_percent_) return;
  drawn_percent_ = percent;
  constexpr int kWidth = 30;
  const int filled = percent * kWidth / 100;
  std::printf("\r  %-28.28s [%s%s] %3d%%", stage_.c_str(), std::string(static_cast<std::size_t>(filled), '#').c_str(),
              std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(), percent);
  std::fflush(stdout);
  line_open_ = true;
}

void TerminalProgress::Finish() {
  if (line_open_) {
    std::printf("\n");
    std::fflush(stdout);
    line_open_ = false;
  }
}

}  // namespace workforce_report
