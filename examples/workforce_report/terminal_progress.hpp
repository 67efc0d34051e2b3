// A ProgressSink (hrkit/core/progress.hpp) for the terminal: a bar redrawn in
// place when stdout is a terminal, one plain line per finished stage
// otherwise (a log file or a test).
//
// Thread safety: one operation at a time (as ProgressSink says); not
// synchronized.
#ifndef HRKIT_EXAMPLES_WORKFORCE_REPORT_TERMINAL_PROGRESS_HPP_
#define HRKIT_EXAMPLES_WORKFORCE_REPORT_TERMINAL_PROGRESS_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hrkit/core/progress.hpp"

namespace workforce_report {

class TerminalProgress final : public hrkit::ProgressSink {
 public:
  // Draws bars when `interactive` (stdout is a terminal).
  explicit TerminalProgress(bool interactive) : interactive_(interactive) {}
  ~TerminalProgress() override;

  void Update(std::string_view stage, std::int64_t done, std::int64_t total) override;

  // Ends the current bar's line (before other output).
  void Finish();

 private:
  bool interactive_;
  std::string stage_;       // the stage drawn last
  int drawn_percent_ = -1;  // the percentage drawn last
  bool line_open_ = false;  // a bar is on the current line
  bool stage_reported_ = false;
};

}  // namespace workforce_report

#endif  // HRKIT_EXAMPLES_WORKFORCE_REPORT_TERMINAL_PROGRESS_HPP_
