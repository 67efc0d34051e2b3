// The peak memory of opening an archive store, measured from outside:
//
//   hrkit_archive_load_rss write N PATH [binary|text|xml]
//       writes an archive of N benchmark employees (bench_employees.hpp)
//   /usr/bin/time -v hrkit_archive_load_rss load PATH
//       opens the store (reads, checks and decodes the file) and prints
//       what it holds; "Maximum resident set size" is the figure
//
// A separate process per measurement, so the peak is the load's alone (a
// Google Benchmark run would mix in the generator's memory).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "bench_employees.hpp"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {
namespace {

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "%s\n", status.ToString().c_str());
  return 1;
}

int Write(std::int64_t n, const std::string& path, std::string_view format_name) {
  ArchiveOptions options;
  if (format_name == "text") {
    options.format = ArchiveFormat::kText;
  } else if (format_name == "xml") {
    options.format = ArchiveFormat::kXml;
  } else if (format_name != "binary") {
    std::fprintf(stderr, "unknown format %s\n", std::string(format_name).c_str());
    return 2;
  }
  Dataset data;
  auto& employees = data.Of<Employee>();
  employees.reserve(static_cast<std::size_t>(n));
  for (std::int64_t id = 1; id <= n; ++id) employees.push_back(MakeEmployee(id));
  std::filesystem::remove(path);
  absl::StatusOr<std::unique_ptr<Store>> store = OpenArchiveStore(path, options);
  if (!store.ok()) return Fail(store.status());
  if (absl::Status saved = (*store)->SaveAll(data); !saved.ok()) return Fail(saved);
  std::printf("%lld employees, %llu bytes\n", static_cast<long long>(n),
              static_cast<unsigned long long>(std::filesystem::file_size(path)));
  return 0;
}

int Load(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenArchiveStore(path, {.create_if_missing = false});
  if (!store.ok()) return Fail(store.status());
  // One row, not a copy of all: the store's own tables are what is measured
  // (it opens only once the whole file decoded and matched its checksum).
  absl::StatusOr<std::vector<Versioned<Employee>>> first = (*store)->List<Employee>({.limit = 1});
  if (!first.ok()) return Fail(first.status());
  std::printf("opened; the first employee is %s\n",
              first->empty() ? "-" : first->front().entity.employee_number.c_str());
  return 0;
}

}  // namespace
}  // namespace hrkit

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "write" && (argc == 4 || argc == 5)) {
    return hrkit::Write(std::atoll(argv[2]), argv[3], argc == 5 ? argv[4] : "binary");
  }
  if (mode == "load" && argc == 3) return hrkit::Load(argv[2]);
  std::fprintf(stderr, "usage: %s write N PATH [binary|text|xml] | load PATH\n", argv[0]);
  return 2;
}
