// Backend-neutral reading and writing of whole entities for the SQL backends:
// the entity row and the rows of every History and List table, including the
// tables of lists nested inside their records (see sql_schema.hpp for the
// layout). A backend supplies how a row is sent and how a table's rows come
// back; the walking of the description, the key columns and the rebuilding
// of records live here once. Internal to hrkit (src/).
//
// A RowWriter:
//   template <class Bind> absl::Status Row(std::size_t table, Bind&& bind);
//     // calls bind(sink) with a ParamSink (sql_row.hpp) for one row of child
//     // table `table` (an index into EntitySchema::children), then sends it.
// A RowFetcher:
//   template <class Fn> absl::Status ForEachRow(std::size_t table, Fn&& fn);
//     // runs the query of child table `table` over the entity ids of the
//     // page (at least those), rows in OrderBySql order, and calls
//     // fn(source) with a ColumnSource for each; stops at the first error.
//
// Thread safety: stateless; the writer's and fetcher's own rules apply.
#ifndef HRKIT_SRC_STORAGE_SQL_CHILDREN_HPP_
#define HRKIT_SRC_STORAGE_SQL_CHILDREN_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/describe.hpp"
#include "hrkit/core/status.hpp"
#include "hrkit/core/timeline.hpp"
#include "sql_row.hpp"
#include "sql_schema.hpp"

namespace hrkit::sql {

// WriteChildRows: every child table.
inline constexpr std::size_t kAllTables = static_cast<std::size_t>(-1);

namespace children_internal {

// The record type R of Timeline<R>.
template <class M>
struct TimelineRecord;
template <class R>
struct TimelineRecord<Timeline<R>> {
  using type = R;
};

// The number of tables a History or List of X occupies: its own and those of
// the lists inside X, recursively.
template <class X>
std::size_t TableCount() {
  if constexpr (ScalarField<X>) {
    return 1;
  } else {
    static const std::size_t count = [] {
      std::size_t n = 1;
      X sample{};
      ForEachChild(sample, [&](std::size_t, auto& member) {
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (IsTimeline<M>::value) {
          n += TableCount<typename TimelineRecord<M>::type>();
        } else {
          n += TableCount<typename M::value_type>();
        }
      });
      return n;
    }();
    return count;
  }
}

// Binds one list element (a record's fields or a scalar) from parameter `next`.
template <class Sink, class X>
void BindElement(Sink& sink, int next, const X& element) {
  if constexpr (ScalarField<X>) {
    BindScalar(sink, next, element);
  } else {
    BindFields(sink, next, element);
  }
}

// Reads one list element from column `column` on.
template <class Source, class X>
absl::Status ReadElement(Source& source, int column, X& element) {
  if constexpr (ScalarField<X>) {
    return ReadScalar(source, column, "value", element);
  } else {
    return ReadFields(source, column, element);
  }
}

// Sends the rows of an entity's child tables in pre-order.
template <class Writer>
class RowEmitter {
 public:
  RowEmitter(Writer& writer, std::int64_t id, std::size_t only) : writer_(writer), id_(id), only_(only) {}

  // Sends the rows of one member at `table`; returns its table count.
  template <class R>
  std::size_t Member(std::size_t table, const Timeline<R>& timeline) {
    const std::size_t count = TableCount<R>();
    if (!Wanted(table, count)) return count;
    std::int64_t ord = 0;
    for (const auto& part : {timeline.Entries(), timeline.ReplacedEntries()}) {
      for (const auto& entry : part) {
        if (!status_.ok()) return count;
        if (Wanted(table, 1)) {
          status_ = writer_.Row(table, [&](auto& sink) {
            int next = 1;
            BindKeys(sink, next, ord);
            sink.BindTempText(next++, EncodeDate(entry.effective).view());
            sink.BindInt(next++, entry.sequence);
            sink.BindTempText(next++, EncodeDate(entry.recorded).view());
            sink.BindTempText(next++, EncodeDate(entry.replaced).view());
            BindFields(sink, next, entry.value);
          });
        }
        Nested(table, ord++, entry.value);
      }
    }
    return count;
  }
  template <class X>
  std::size_t Member(std::size_t table, const std::vector<X>& list) {
    const std::size_t count = TableCount<X>();
    if (!Wanted(table, count)) return count;
    std::int64_t ord = 0;
    for (const X& element : list) {
      if (!status_.ok()) return count;
      if (Wanted(table, 1)) {
        status_ = writer_.Row(table, [&](auto& sink) {
          int next = 1;
          BindKeys(sink, next, ord);
          BindElement(sink, next, element);
        });
      }
      if constexpr (!ScalarField<X>) Nested(table, ord, element);
      ++ord;
    }
    return count;
  }

  const absl::Status& status() const { return status_; }

 private:
  bool Wanted(std::size_t first, std::size_t count) const {
    return only_ == kAllTables || (only_ >= first && only_ < first + count);
  }

  void BindKeys(auto& sink, int& next, std::int64_t ord) {
    sink.BindInt(next++, id_);
    for (const std::int64_t p : positions_) sink.BindInt(next++, p);
    sink.BindInt(next++, ord);
  }

  // The lists inside `record`, the row at `ord` of table `table`.
  template <class R>
  void Nested(std::size_t table, std::int64_t ord, const R& record) {
    if (TableCount<R>() == 1 || !status_.ok()) return;
    positions_.push_back(ord);
    std::size_t next = table + 1;
    ForEachChild(record, [&](std::size_t, const auto& member) { next += Member(next, member); });
    positions_.pop_back();
  }

  Writer& writer_;
  std::int64_t id_;
  std::size_t only_;
  std::vector<std::int64_t> positions_;  // the ords of the enclosing rows
  absl::Status status_;
};

// The member of `e` at child index `index`, of type Member.
template <class Member, class E>
Member& ChildMember(E& e, std::size_t index) {
  Member* out = nullptr;
  ForEachChild(e, [&](std::size_t i, auto& m) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(m)>, Member>) {
      if (i == index) out = &m;
    }
  });
  return *out;
}

// Appends the row of relative table `relative` (0 = the first list inside
// `record`) to the list it belongs in, found through `positions`.
template <class Source, class R>
absl::Status AppendNested(Source& source, int column, R& record, std::size_t relative,
                          std::span<const std::int64_t> positions) {
  absl::Status status = absl::DataLossError("a row of no list");
  std::size_t table = 0;
  bool done = false;
  ForEachChild(record, [&](std::size_t, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (!IsTimeline<M>::value) {
      using X = typename M::value_type;
      const std::size_t count = TableCount<X>();
      if (done || relative < table || relative >= table + count) {
        table += count;
        return;
      }
      done = true;
      if (relative == table) {
        status = ReadElement(source, column, member.emplace_back());
        return;
      }
      if constexpr (!ScalarField<X>) {
        if (positions.empty() || positions.front() < 0 ||
            static_cast<std::size_t>(positions.front()) >= member.size()) {
          status = absl::DataLossError("the enclosing row does not exist");
          return;
        }
        status = AppendNested(source, column, member[static_cast<std::size_t>(positions.front())], relative - table - 1,
                              positions.subspan(1));
      }
    }
  });
  return status;
}

// Finds the entity of each row in a page sorted by id.
template <class E>
class PageSeeker {
 public:
  explicit PageSeeker(std::span<E> page) : page_(page) {}
  // The entity with `id`, or nullptr (rows beyond a LIMIT are skipped).
  // REQUIRES: ids in ascending order between calls.
  E* Seek(std::int64_t id) {
    while (p_ < page_.size() && page_[p_].id.value() < id) ++p_;
    return p_ < page_.size() && page_[p_].id.value() == id ? &page_[p_] : nullptr;
  }
  std::size_t index() const { return p_; }

 private:
  std::span<E> page_;
  std::size_t p_ = 0;
};

}  // namespace children_internal

// DataLoss naming the table, the row and the problem: "employee:7: ..." for
// an entity row, "employee__employment row of entity 7: ..." for a child row.
inline absl::Status RowError(const Table& table, std::int64_t id, const absl::Status& why) {
  if (table.role == TableRole::kEntity) {
    return absl::DataLossError(absl::StrCat(table.name, ":", id, ": ", why.message()));
  }
  return absl::DataLossError(absl::StrCat(table.name, " row of entity ", id, ": ", why.message()));
}

// Sends the rows of every child table of `e` (or of child table `only`) to
// `writer`. Returns the first error of writer.Row.
template <class E, class Writer>
absl::Status WriteChildRows(const E& e, Writer& writer, std::size_t only = kAllTables) {
  children_internal::RowEmitter<Writer> emitter(writer, e.id.value(), only);
  std::size_t table = 0;
  ForEachChild(e, [&](std::size_t, const auto& member) {
    if (emitter.status().ok()) table += emitter.Member(table, member);
  });
  return emitter.status();
}

// Binds the columns of the entity row of `e` (id, version, fields) from
// parameter 1.
template <class Sink, class E>
void BindEntityRow(Sink& sink, const E& e, std::int64_t version) {
  sink.BindInt(1, e.id.value());
  sink.BindInt(2, version);
  BindFields(sink, 3, e, /*skip_first=*/true);
}

// Reads an entity row (columns as in SelectSql of `table`) into a new
// element of `rows` and its version into `versions`. Returns DataLoss naming
// the table, the row and the column for a value that does not decode.
template <class Source, class E>
absl::Status ReadEntityRow(const Table& table, Source& source, std::vector<E>& rows,
                           std::vector<std::int64_t>& versions) {
  E& e = rows.emplace_back();
  e.id = decltype(e.id)(source.Int(0));
  versions.push_back(source.Int(1));
  absl::Status status = ReadFields(source, 2, e, /*skip_first=*/true);
  return status.ok() ? status : RowError(table, e.id.value(), status);
}

namespace children_internal {

// The position columns of a row of `table` (depth >= 2): columns 1..depth-1.
template <class Source>
std::vector<std::int64_t> Positions(const Table& table, Source& source) {
  std::vector<std::int64_t> positions;
  for (std::size_t c = 1; c < table.depth; ++c) positions.push_back(source.Int(static_cast<int>(c)));
  return positions;
}

// Reads the tables nested inside the elements of a member (tables
// first + 1 .. first + count - 1); element(page_index, ord) is the record at
// `ord` of the member of the page's entity at page_index, or nullptr.
template <class E, class Fetcher, class ElementFn>
absl::Status ReadNestedTables(const EntitySchema& schema, std::size_t first, std::size_t count, std::span<E> page,
                              Fetcher& fetcher, ElementFn&& element) {
  for (std::size_t k = first + 1; k < first + count; ++k) {
    const Table& table = schema.children[k];
    PageSeeker<E> seeker(page);
    HRKIT_RETURN_IF_ERROR(fetcher.ForEachRow(k, [&](auto& source) -> absl::Status {
      const std::int64_t id = source.Int(0);
      if (seeker.Seek(id) == nullptr) return absl::OkStatus();
      const std::vector<std::int64_t> positions = Positions(table, source);
      auto* record = positions.empty() ? nullptr : element(seeker.index(), positions.front());
      if (record == nullptr) return RowError(table, id, absl::DataLossError("the enclosing row does not exist"));
      absl::Status status = AppendNested(source, static_cast<int>(table.key_columns), *record, k - first - 1,
                                         std::span<const std::int64_t>(positions).subspan(1));
      return status.ok() ? status : RowError(table, id, status);
    }));
  }
  return absl::OkStatus();
}

// The element at `ord` of `list`, or nullptr.
template <class T>
T* At(std::vector<T>& list, std::int64_t ord) {
  return ord >= 0 && static_cast<std::size_t>(ord) < list.size() ? &list[static_cast<std::size_t>(ord)] : nullptr;
}

// Reads the history at child index `index` (table `first`) and the tables
// inside its records for the entities of `page`.
template <class M, class E, class Fetcher>
absl::Status ReadHistory(const EntitySchema& schema, std::size_t first, std::size_t index, std::span<E> page,
                         Fetcher& fetcher) {
  using Entry = typename M::Entry;
  const Table& table = schema.children[first];
  std::vector<std::vector<Entry>> staged(page.size());
  PageSeeker<E> seeker(page);
  HRKIT_RETURN_IF_ERROR(fetcher.ForEachRow(first, [&](auto& source) -> absl::Status {
    const std::int64_t id = source.Int(0);
    if (seeker.Seek(id) == nullptr) return absl::OkStatus();
    Entry entry;
    absl::StatusOr<Date> effective = DecodeDate(source.Text(2));
    absl::StatusOr<Date> recorded = DecodeDate(source.Text(4));
    absl::StatusOr<Date> replaced = DecodeDate(source.Text(5));
    if (!effective.ok()) return RowError(table, id, effective.status());
    if (!recorded.ok()) return RowError(table, id, recorded.status());
    if (!replaced.ok()) return RowError(table, id, replaced.status());
    entry.effective = *effective;
    entry.sequence = static_cast<int>(source.Int(3));
    entry.recorded = *recorded;
    entry.replaced = *replaced;
    absl::Status status = ReadFields(source, static_cast<int>(table.key_columns), entry.value);
    if (!status.ok()) return RowError(table, id, status);
    staged[seeker.index()].push_back(std::move(entry));
    return absl::OkStatus();
  }));
  using R = typename TimelineRecord<M>::type;
  HRKIT_RETURN_IF_ERROR(
      ReadNestedTables(schema, first, TableCount<R>(), page, fetcher, [&](std::size_t p, std::int64_t ord) -> R* {
        Entry* entry = At(staged[p], ord);
        return entry != nullptr ? &entry->value : nullptr;
      }));
  for (std::size_t p = 0; p < page.size(); ++p) {
    if (staged[p].empty()) continue;
    absl::StatusOr<M> timeline = M::FromEntries(std::move(staged[p]));
    if (!timeline.ok()) return RowError(table, page[p].id.value(), timeline.status());
    ChildMember<M>(page[p], index) = std::move(*timeline);
  }
  return absl::OkStatus();
}

// Reads the list at child index `index` (table `first`) and the tables
// inside its records for the entities of `page`.
template <class M, class E, class Fetcher>
absl::Status ReadList(const EntitySchema& schema, std::size_t first, std::size_t index, std::span<E> page,
                      Fetcher& fetcher) {
  using X = typename M::value_type;
  const Table& table = schema.children[first];
  PageSeeker<E> seeker(page);
  HRKIT_RETURN_IF_ERROR(fetcher.ForEachRow(first, [&](auto& source) -> absl::Status {
    const std::int64_t id = source.Int(0);
    E* e = seeker.Seek(id);
    if (e == nullptr) return absl::OkStatus();
    absl::Status status =
        ReadElement(source, static_cast<int>(table.key_columns), ChildMember<M>(*e, index).emplace_back());
    return status.ok() ? status : RowError(table, id, status);
  }));
  if constexpr (ScalarField<X>) {
    return absl::OkStatus();
  } else {
    return ReadNestedTables(schema, first, TableCount<X>(), page, fetcher, [&](std::size_t p, std::int64_t ord) -> X* {
      return At(ChildMember<M>(page[p], index), ord);
    });
  }
}

}  // namespace children_internal

// Reads every child table of `schema` (through `fetcher`) into the entities
// of `page` (sorted by id, their History/List members empty). Returns the
// fetcher's first error, or DataLoss naming the table, the entity and the
// column for a row that does not decode or belongs nowhere.
template <class E, class Fetcher>
absl::Status ReadChildRows(const EntitySchema& schema, std::span<E> page, Fetcher& fetcher) {
  if (page.empty()) return absl::OkStatus();
  absl::Status status;
  std::size_t table = 0;
  ForEachChild(page.front(), [&](std::size_t index, auto& probe) {
    using M = std::remove_cvref_t<decltype(probe)>;
    if (!status.ok()) return;
    if constexpr (IsTimeline<M>::value) {
      status = children_internal::ReadHistory<M>(schema, table, index, page, fetcher);
      table += children_internal::TableCount<typename children_internal::TimelineRecord<M>::type>();
    } else {
      status = children_internal::ReadList<M>(schema, table, index, page, fetcher);
      table += children_internal::TableCount<typename M::value_type>();
    }
  });
  return status;
}

}  // namespace hrkit::sql

#endif  // HRKIT_SRC_STORAGE_SQL_CHILDREN_HPP_
