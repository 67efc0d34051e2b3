// The memory backend: one ordered map per entity type, a shared_mutex.
#include "hrkit/storage/memory_store.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "hrkit/core/progress.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/storage/store.hpp"

namespace hrkit {
namespace {

template <class Variant>
struct MapsOf;
template <class... Es>
struct MapsOf<std::variant<Es...>> {
  using Type = std::tuple<std::map<std::int64_t, Versioned<Es>>...>;
};
using Tables = MapsOf<AnyEntity>::Type;

template <class E>
using TableOf = std::map<std::int64_t, Versioned<E>>;

class MemoryStore final : public Store {
 public:
  std::string_view BackendName() const override { return "memory"; }

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
      for (auto it = table.upper_bound(options.after_id); it != table.end() && it->first <= options.last_id;
           ++it) {
        if (options.limit != 0 && out.size() == options.limit) break;
        out.push_back(VersionedEntity{AnyEntity(it->second.entity), it->second.version});
      }
      return out;
    });
  }

  absl::StatusOr<std::vector<std::int64_t>> DoCommit(std::span<const WriteOp> writes) override {
    std::unique_lock lock(mutex_);
    // Check every write first, so a failure changes nothing.
    for (const WriteOp& w : writes) {
      HRKIT_RETURN_IF_ERROR(CheckWriteVersion(w, StoredVersion(w.kind, w.id)));
    }
    std::vector<std::int64_t> versions;
    versions.reserve(writes.size());
    for (const WriteOp& w : writes) {
      versions.push_back(VisitEntityKind(w.kind, [&]<class E>(std::type_identity<E>) -> std::int64_t {
        TableOf<E>& table = std::get<TableOf<E>>(tables_);
        if (!w.entity.has_value()) {
          table.erase(w.id);
          return 0;
        }
        const std::int64_t version = w.expected_version + 1;
        table.insert_or_assign(w.id, Versioned<E>{std::get<E>(*w.entity), version});
        return version;
      }));
    }
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
        table.emplace_hint(table.end(), e.id.value(), Versioned<E>{e, 1});
        if (++done % kProgressEvery == 0) {
          status = ReportProgress(progress, "save", done, total);
          if (!status.ok()) return;
        }
      }
    });
    HRKIT_RETURN_IF_ERROR(status);
    {
      std::unique_lock lock(mutex_);
      std::swap(tables_, fresh);
    }
    if (progress != nullptr) progress->Update("save", total, total);  // saved: too late to cancel
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

  mutable std::shared_mutex mutex_;
  Tables tables_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace hrkit
