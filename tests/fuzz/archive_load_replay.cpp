// Replays files through the archive loader's fuzz entry point, for compilers
// without libFuzzer (a ctest test over corpus/).
//
//   hrkit_archive_load_replay PATH...          files, or directories of files
//   hrkit_archive_load_replay --write-seeds DIR
//       writes the seed corpus: small valid archives in each format (the
//       shared sample dataset, hrkit_test/sample_data.hpp)
// corpus/seed_format1_* are copies of the golden format-1 files
// (tests/storage/golden/format1), so the format-1 upgrade path is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "hrkit/personnel/employee.hpp"
#include "hrkit/storage/archive_store.hpp"
#include "hrkit/storage/dataset.hpp"
#include "hrkit/storage/store.hpp"
#include "hrkit_test/sample_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// The shared sample dataset (one entity of each type, full timelines,
// nested lists and optional fields), with an odd string: a NUL and a byte
// that is not UTF-8.
hrkit::Dataset SeedData() {
  hrkit::Dataset data = hrkit_test::SampleDataset(1);
  data.Of<hrkit::Employee>()[0].legal_name = std::string("N\0x\xff", 4);
  return data;
}

int WriteSeeds(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const struct {
    hrkit::ArchiveFormat format;
    const char* name;
  } formats[] = {{hrkit::ArchiveFormat::kBinary, "binary"},
                 {hrkit::ArchiveFormat::kText, "text"},
                 {hrkit::ArchiveFormat::kXml, "xml"}};
  for (const auto& f : formats) {
    for (const bool empty : {true, false}) {
      const std::filesystem::path path = dir / (std::string("seed_") + (empty ? "empty_" : "small_") + f.name);
      std::filesystem::remove(path);
      absl::StatusOr<std::unique_ptr<hrkit::Store>> store =
          hrkit::OpenArchiveStore(path.string(), {.format = f.format});
      if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
        return 1;
      }
      if (!empty) {
        if (absl::Status s = (*store)->SaveAll(SeedData()); !s.ok()) {
          std::fprintf(stderr, "%s\n", s.ToString().c_str());
          return 1;
        }
      }
    }
  }
  return 0;
}

bool Replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--write-seeds") return WriteSeeds(argv[2]);
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PATH... | --write-seeds DIR\n", argv[0]);
    return 2;
  }
  int replayed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(path);
    }
    for (const auto& file : files) {
      if (!Replay(file)) return 1;
      ++replayed;
    }
  }
  std::printf("replayed %d inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
