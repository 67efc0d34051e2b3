// The archive backend: tables in memory, a full snapshot file written after
// every change (see archive_store.hpp).
#include "hrkit/storage/archive_store.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "archive_codec.hpp"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/open_store.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {
namespace {

using archive_internal::TableOf;
using archive_internal::Tables;

// The directory holding `path` ("." for a bare file name).
std::string DirectoryOf(const std::string& path) {
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? std::string(".") : dir;
}

// Writes the snapshot of `tables` as the new content of `path`: PATH.tmp,
// fsync, rename, fsync of the directory. `renamed` tells whether the rename
// happened (then PATH holds the new content even if the directory sync
// failed).
absl::Status ReplaceFile(FileSystem& fs, const std::string& path, const Tables& tables, ArchiveFormat format,
                         bool& renamed) {
  renamed = false;
  const std::string tmp = path + ".tmp";
  absl::Status status = [&]() -> absl::Status {
    HRKIT_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file, fs.NewWritableFile(tmp));
    HRKIT_RETURN_IF_ERROR(archive_internal::WriteSnapshot(tables, format, *file));
    HRKIT_RETURN_IF_ERROR(file->Sync());
    HRKIT_RETURN_IF_ERROR(file->Close());
    return fs.Rename(tmp, path);
  }();
  if (!status.ok()) {
    fs.RemoveFile(tmp).IgnoreError();  // best effort: PATH itself is untouched
    return status;
  }
  renamed = true;
  return fs.SyncDir(DirectoryOf(path));
}

class ArchiveStore final : public Store {
 public:
  ArchiveStore(std::string path, ArchiveFormat format, FileSystem* fs, Tables tables)
      : path_(std::move(path)), format_(format), fs_(fs), tables_(std::move(tables)) {}

  std::string_view BackendName() const override { return "archive"; }

  // Writes the current tables (used when creating the file).
  absl::Status WriteInitialSnapshot() {
    std::unique_lock lock(mutex_);
    return Persist(tables_, nullptr);
  }

 protected:
  absl::StatusOr<VersionedEntity> DoGet(EntityKind kind, std::int64_t id) override {
    std::shared_lock lock(mutex_);
    return VisitEntityKind(kind, [&]<class E>(std::type_identity<E>) -> absl::StatusOr<VersionedEntity> {
      const TableOf<E>& table = std::get<TableOf<E>>(tables_);
      auto it = table.find(id);
      if (it == table.end()) return RowNotFoundError(kind, id);
      return VersionedEntity{AnyEntity(it->second.entity), it->second.version};
    });
  }

  absl::StatusOr<std::vector<VersionedEntity>> DoList(EntityKind kind, const ListOptions& options) override {
    std::shared_lock lock(mutex_);
    return VisitEntityKind(kind, [&]<class E>(std::type_identity<E>) -> absl::StatusOr<std::vector<VersionedEntity>> {
      const TableOf<E>& table = std::get<TableOf<E>>(tables_);
      std::vector<VersionedEntity> out;
      for (auto it = table.upper_bound(options.after_id); it != table.end() && it->first <= options.last_id; ++it) {
        if (options.limit != 0 && out.size() == options.limit) break;
        out.push_back(VersionedEntity{AnyEntity(it->second.entity), it->second.version});
      }
      return out;
    });
  }

  absl::StatusOr<std::vector<std::int64_t>> DoCommit(std::span<const WriteOp> writes) override {
    std::unique_lock lock(mutex_);
    for (const WriteOp& w : writes) {
      HRKIT_RETURN_IF_ERROR(CheckWriteVersion(w, StoredVersion(w.kind, w.id)));
    }
    // Apply in memory, remembering each row's previous state, then persist;
    // if persisting fails, put every row back.
    std::vector<std::optional<VersionedEntity>> previous;
    previous.reserve(writes.size());
    std::vector<std::int64_t> versions;
    versions.reserve(writes.size());
    for (const WriteOp& w : writes) {
      VisitEntityKind(w.kind, [&]<class E>(std::type_identity<E>) {
        TableOf<E>& table = std::get<TableOf<E>>(tables_);
        auto it = table.find(w.id);
        if (it == table.end()) {
          previous.emplace_back(std::nullopt);
        } else {
          previous.emplace_back(VersionedEntity{AnyEntity(std::move(it->second.entity)), it->second.version});
        }
        if (!w.entity.has_value()) {
          table.erase(w.id);
          versions.push_back(0);
          return;
        }
        const std::int64_t version = w.expected_version + 1;
        table.insert_or_assign(w.id, Versioned<E>{std::get<E>(*w.entity), version});
        versions.push_back(version);
      });
    }
    auto undo = [&] {
      for (std::size_t i = writes.size(); i-- > 0;) {
        const WriteOp& w = writes[i];
        VisitEntityKind(w.kind, [&]<class E>(std::type_identity<E>) {
          TableOf<E>& table = std::get<TableOf<E>>(tables_);
          if (!previous[i].has_value()) {
            table.erase(w.id);
          } else {
            table.insert_or_assign(w.id,
                                   Versioned<E>{std::get<E>(std::move(previous[i]->entity)), previous[i]->version});
          }
        });
      }
    };
    HRKIT_RETURN_IF_ERROR(Persist(tables_, undo));
    return versions;
  }

  absl::Status DoSaveAll(const Dataset& data, ProgressSink* progress) override {
    Tables fresh;
    const auto total = static_cast<std::int64_t>(data.TotalSize());
    std::int64_t done = 0;
    absl::Status status;
    ForEachEntityType([&]<class E>(std::type_identity<E>) {
      if (!status.ok()) return;
      TableOf<E>& table = std::get<TableOf<E>>(fresh);
      for (const E& e : data.Of<E>()) {
        table.emplace(e.id.value(), Versioned<E>{e, 1});
        if (++done % kProgressEvery == 0) {
          status = ReportProgress(progress, "save", done, total);
          if (!status.ok()) return;
        }
      }
    });
    HRKIT_RETURN_IF_ERROR(status);
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "save", total, total));
    std::unique_lock lock(mutex_);
    HRKIT_RETURN_IF_ERROR(Persist(fresh, nullptr));
    std::swap(tables_, fresh);
    return absl::OkStatus();
  }

  absl::StatusOr<Dataset> DoLoadAll(ProgressSink* progress) override {
    Dataset data;
    {
      std::shared_lock lock(mutex_);
      ForEachEntityType([&]<class E>(std::type_identity<E>) {
        const TableOf<E>& table = std::get<TableOf<E>>(tables_);
        std::vector<E>& out = data.Of<E>();
        out.reserve(table.size());
        for (const auto& [id, row] : table) out.push_back(row.entity);
      });
    }
    const auto total = static_cast<std::int64_t>(data.TotalSize());
    HRKIT_RETURN_IF_ERROR(ReportProgress(progress, "load", total, total));
    return data;
  }

 private:
  static constexpr std::int64_t kProgressEvery = 65536;

  // REQUIRES: mutex_ held.
  std::int64_t StoredVersion(EntityKind kind, std::int64_t id) const {
    return VisitEntityKind(kind, [&]<class E>(std::type_identity<E>) -> std::int64_t {
      const TableOf<E>& table = std::get<TableOf<E>>(tables_);
      auto it = table.find(id);
      return it == table.end() ? 0 : it->second.version;
    });
  }

  // Writes `tables` as the new snapshot. On failure runs `undo` (which puts
  // tables_ back as it was before the change, if the change was applied to
  // it) and, if the new file had already been renamed into place, writes
  // tables_ again so the file matches what the store holds.
  // REQUIRES: mutex_ held exclusively.
  template <class Undo>
  absl::Status Persist(const Tables& tables, Undo undo) {
    auto roll_back = [&] {
      if constexpr (!std::is_same_v<Undo, std::nullptr_t>) undo();
    };
    bool renamed = false;
    absl::Status status = ReplaceFile(*fs_, path_, tables, format_, renamed);
    if (status.ok()) return status;
    roll_back();
    if (renamed) {
      // The directory sync failed after the rename: put the previous
      // snapshot back (best effort; the error is reported either way).
      bool ignored = false;
      ReplaceFile(*fs_, path_, tables_, format_, ignored).IgnoreError();
    }
    return status;
  }

  const std::string path_;
  const ArchiveFormat format_;
  FileSystem* const fs_;
  mutable std::shared_mutex mutex_;
  Tables tables_;
};

// "PATH", "PATH?format=binary|text|xml".
absl::StatusOr<std::unique_ptr<Store>> OpenArchiveUri(std::string_view uri) {
  std::string_view rest = uri.substr(uri.find(':') + 1);
  ArchiveOptions options;
  if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    const std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    if (query == "format=binary") {
      options.format = ArchiveFormat::kBinary;
    } else if (query == "format=text") {
      options.format = ArchiveFormat::kText;
    } else if (query == "format=xml") {
      options.format = ArchiveFormat::kXml;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("store uri ", QuoteUriForMessage(uri), ": unknown option \"",
                                                     ToAbsl(query), "\" (format=binary|text|xml)"));
    }
  }
  return OpenArchiveStore(rest, options);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenArchiveStore(std::string_view path, const ArchiveOptions& options) {
  if (path.empty()) return absl::InvalidArgumentError("archive store: empty path");
  if (options.format != ArchiveFormat::kBinary && options.format != ArchiveFormat::kText &&
      options.format != ArchiveFormat::kXml) {
    return absl::InvalidArgumentError(
        absl::StrCat("archive store: format ", static_cast<int>(options.format), " is not binary, text or xml"));
  }
  FileSystem* fs = options.file_system != nullptr ? options.file_system : DefaultFileSystem();
  std::string file(path);
  return GuardExceptions("open archive store", [&]() -> absl::StatusOr<std::unique_ptr<Store>> {
    const std::string quoted = QuoteUriForMessage(file);
    absl::StatusOr<std::unique_ptr<SequentialFile>> input = fs->NewSequentialFile(file);
    if (absl::IsNotFound(input.status())) {
      if (!options.create_if_missing) {
        return absl::NotFoundError(absl::StrCat("archive file ", quoted, " does not exist (create_if_missing is off)"));
      }
      auto store = std::make_unique<ArchiveStore>(std::move(file), options.format, fs, Tables{});
      if (absl::Status created = store->WriteInitialSnapshot(); !created.ok()) {
        return absl::Status(created.code(),
                            absl::StrCat("archive file ", quoted, " does not exist and cannot be created (",
                                         created.message(), "): check that its directory exists and is writable"));
      }
      return std::unique_ptr<Store>(std::move(store));
    }
    if (!input.ok()) {
      return absl::Status(input.status().code(), absl::StrCat("archive file ", quoted, ": ", input.status().message()));
    }
    // Decoded as it is read: the file is never in memory whole.
    absl::StatusOr<Tables> tables = archive_internal::ReadSnapshot(**input);
    input->reset();
    if (!tables.ok()) {
      return absl::Status(tables.status().code(),
                          absl::StrCat("archive file ", quoted, ": ", tables.status().message()));
    }
    return std::unique_ptr<Store>(
        std::make_unique<ArchiveStore>(std::move(file), options.format, fs, *std::move(tables)));
  });
}

absl::StatusOr<Dataset> ParseArchive(std::string_view bytes) {
  return GuardExceptions("parse archive", [&]() -> absl::StatusOr<Dataset> {
    HRKIT_ASSIGN_OR_RETURN(Tables tables, archive_internal::DecodeSnapshot(bytes));
    Dataset data;
    ForEachEntityType([&]<class E>(std::type_identity<E>) {
      TableOf<E>& table = std::get<TableOf<E>>(tables);
      std::vector<E>& out = data.Of<E>();
      out.reserve(table.size());
      for (auto& [id, row] : table) out.push_back(std::move(row.entity));
    });
    return data;
  });
}

absl::Status RegisterArchiveBackend() { return RegisterStoreBackend("archive", OpenArchiveUri); }

}  // namespace hrkit
