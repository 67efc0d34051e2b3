// The crash test: a writer process (crash_writer.cpp) is killed with SIGKILL
// at random moments, 50 times per backend (20 under sanitizers, where each
// round is several times slower: hrkit_test/sweep.hpp). After every kill the
// store must open (nothing corrupt), hold every transaction the writer
// reported as committed, and hold each transaction whole: locations and
// employees are the same ids, 1..max with no gap.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit_test/status_matchers.hpp"
#include "hrkit_test/sweep.hpp"
#if HRKIT_CRASH_WITH_SQLITE
#include "hrkit/storage/sqlite_store.hpp"
#endif

namespace hrkit_test {
namespace {

constexpr int kRounds = SweepCount(/*full=*/50, /*sanitized=*/20);

// What one run of the writer reported.
struct Reported {
  std::vector<std::int64_t> committed;
  std::string errors;  // "E ..." lines
};

// Reads everything from `fd` until EOF and parses the complete lines.
Reported ReadReports(int fd) {
  std::string text;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  Reported out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = text.substr(start, end - start);
    if (!line.empty() && line[0] == 'E') {
      out.errors += line + "\n";
    } else {
      out.committed.push_back(std::stoll(line));
    }
  }
  return out;
}

// Waits up to `timeout` for `fd` to become readable.
bool WaitReadable(int fd, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, static_cast<int>(timeout.count())) > 0;
}

class CrashTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::path(testing::TempDir()) /
            absl::StrCat("hrkit_crash_", testing::UnitTest::GetInstance()->current_test_info()->name(), "_", getpid()))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs kRounds writer processes against `uri`, killing each at a random
  // moment, and checks the store after each kill.
  // `temporary` is a file whose presence after a kill shows the writer died
  // in the middle of a save (the archive's PATH.tmp); empty if none.
  void RunRounds(const std::string& uri, std::uint32_t seed, const std::string& temporary = "") {
    std::mt19937 rng(seed);
    std::int64_t highest_reported = 0;
    std::int64_t total_reported = 0;
    int killed_while_committing = 0;
    int killed_mid_save = 0;
    for (int round = 0; round < kRounds; ++round) {
      SCOPED_TRACE(absl::StrCat(uri, " round ", round, " seed ", seed));
      int fds[2];
      ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
      const pid_t pid = ::fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC on the copy
        ::execl(HRKIT_CRASH_WRITER, HRKIT_CRASH_WRITER, uri.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      ::close(fds[1]);
      // One round in five is killed at any moment from the start (often while
      // it opens the store); the others once the writer has committed
      // something, 0-80 ms later.
      if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 150)(rng)));
      } else {
        EXPECT_TRUE(WaitReadable(fds[0], std::chrono::seconds(10))) << "the writer reported nothing";
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 80'000)(rng)));
      }
      ::kill(pid, SIGKILL);
      int wstatus = 0;
      ASSERT_EQ(::waitpid(pid, &wstatus, 0), pid);
      const Reported reported = ReadReports(fds[0]);
      ::close(fds[0]);
      ASSERT_EQ(reported.errors, "") << "the writer failed";
      ASSERT_TRUE(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL)
          << "the writer ended on its own, status " << wstatus;
      if (!reported.committed.empty()) ++killed_while_committing;
      if (!temporary.empty() && std::filesystem::exists(temporary)) ++killed_mid_save;
      for (std::int64_t k : reported.committed) {
        EXPECT_EQ(k, highest_reported + 1) << "the writer skipped or repeated a transaction";
        highest_reported = k;
        ++total_reported;
      }

      // Reopen: nothing corrupt, every reported transaction whole.
      absl::StatusOr<std::unique_ptr<hrkit::Store>> store = hrkit::OpenStore(uri);
      ASSERT_OK(store.status());
      ASSERT_OK_AND_ASSIGN(auto locations, (*store)->List<hrkit::Location>());
      ASSERT_OK_AND_ASSIGN(auto employees, (*store)->List<hrkit::Employee>());
      ASSERT_EQ(locations.size(), employees.size()) << "a transaction was stored in part";
      for (std::size_t i = 0; i < locations.size(); ++i) {
        ASSERT_EQ(locations[i].entity.id.value(), static_cast<std::int64_t>(i) + 1) << "a gap in the transactions";
        ASSERT_EQ(employees[i].entity.id.value(), static_cast<std::int64_t>(i) + 1) << "a gap in the transactions";
        ASSERT_EQ(employees[i].entity.employment.size(), 1u);
      }
      const auto stored = static_cast<std::int64_t>(locations.size());
      ASSERT_GE(stored, highest_reported) << "a reported commit was lost";
      // A commit may land without being reported (killed before the write),
      // then the next writer continues after it.
      highest_reported = stored;
    }
    EXPECT_GT(total_reported, 0);
    EXPECT_GT(killed_while_committing, kRounds / 2);
    std::printf("%s: %d rounds, %lld transactions reported committed", uri.c_str(), kRounds,
                static_cast<long long>(total_reported));
    if (!temporary.empty()) std::printf(", %d kills in the middle of a save", killed_mid_save);
    std::printf("\n");
  }

  std::string dir_;
};

TEST_F(CrashTest, ArchiveBackendKeepsEveryReportedCommit) {
  RunRounds(absl::StrCat("archive:", dir_, "/hr.hrk"), 20261122, absl::StrCat(dir_, "/hr.hrk.tmp"));
}

#if HRKIT_CRASH_WITH_SQLITE
TEST_F(CrashTest, SqliteBackendKeepsEveryReportedCommit) {
  RunRounds(absl::StrCat("sqlite:", dir_, "/hr.db"), 20261123);
}
#endif

}  // namespace
}  // namespace hrkit_test
