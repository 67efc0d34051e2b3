// Timeline<T>: effective-dated values. A value takes effect on a date and holds
// until the day before the next change (Oracle HCM / PeopleSoft EFFDT). Several
// changes on one day are ordered by a sequence number; the last one is the
// day's state. Every entry also records the date it was entered, so a query can
// be asked "as known on" an earlier date. History is never overwritten: a
// correction is a new entry, and entries replaced by a correction are kept
// (with the date they were replaced) so earlier knowledge stays reproducible.
//
// Thread safety: a const Timeline may be read from several threads; writes
// need external synchronization.
#ifndef HRKIT_CORE_TIMELINE_HPP_
#define HRKIT_CORE_TIMELINE_HPP_

#include <algorithm>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "hrkit/core/date.hpp"

namespace hrkit {

// What an insert in the middle of history does to the entries that take effect
// after it.
enum class LaterEntries {
  kRetain,   // keep them: the new value holds only until the next change
  kReplace,  // replace them: they leave the current history (kept as replaced)
};

// Values of T keyed by the date they take effect (see the header comment).
template <class T>
class Timeline {
 public:
  // One change.
  struct Entry {
    Date effective;             // the day the value takes effect
    int sequence = 0;           // order among changes on the same day, from 0
    Date recorded;              // the day the change was entered
    Date replaced = OpenEnd();  // the day a correction replaced it; OpenEnd() if current
    T value{};                  // the value in effect from `effective`

    friend bool operator==(const Entry&, const Entry&) = default;
  };

  // A stretch of time with one value: [period.begin(), period.end()).
  struct Segment {
    Period period;   // the days the value holds
    const T* value;  // points into the timeline; valid until it is modified
  };

  // An empty timeline: At() returns nullptr for every date.
  Timeline() = default;

  // Records that `value` takes effect on `effective`, entered on `recorded`.
  // A second change on the same day gets the next sequence number and wins.
  // With LaterEntries::kReplace, current entries effective after `effective`
  // are marked replaced on `recorded`.
  // Returns InvalidArgument if a date is not a real date, or if `recorded` is
  // earlier than the recorded date of an existing entry (knowledge only moves
  // forward; to load stored history use FromEntries).
  absl::Status Add(Date effective, T value, Date recorded, LaterEntries later = LaterEntries::kRetain);

  // The value in effect on `date`, or nullptr before the first change (or for
  // a date that is not real). The pointer is valid until the next modification.
  const T* At(Date date) const;

  // The timeline as it was known on `entry_date`: only entries recorded on or
  // before it, and entries replaced after it count as current.
  Timeline AsKnownOn(Date entry_date) const;

  // Current entries ordered by (effective, sequence).
  std::span<const Entry> Entries() const { return current_; }
  // Entries replaced by corrections, in the order they were replaced.
  std::span<const Entry> ReplacedEntries() const { return replaced_; }
  // True if there is no current entry.
  bool empty() const { return current_.empty(); }
  // Number of current entries.
  std::size_t size() const { return current_.size(); }

  // The day's final values as consecutive segments; the last one is open-ended.
  // Same-day entries superseded by a later sequence number produce no segment.
  std::vector<Segment> Segments() const;

  // Rebuilds a timeline from stored entries (current and replaced, any order).
  // Returns InvalidArgument for entries that are not real dates, duplicate
  // (effective, sequence) pairs among current entries, or a replaced date
  // earlier than the entry's recorded date.
  static absl::StatusOr<Timeline> FromEntries(std::vector<Entry> entries);

  friend bool operator==(const Timeline&, const Timeline&) = default;

 private:
  static bool EffectiveBefore(const Entry& a, const Entry& b) {
    return a.effective != b.effective ? a.effective < b.effective : a.sequence < b.sequence;
  }
  Date LatestRecorded() const;

  std::vector<Entry> current_;   // sorted by (effective, sequence)
  std::vector<Entry> replaced_;  // replaced entries, in replacement order
};

// ---------------------------------------------------------------------------
// Implementation.

template <class T>
Date Timeline<T>::LatestRecorded() const {
  Date latest(boost::gregorian::neg_infin);
  for (const Entry& e : current_) latest = std::max(latest, e.recorded);
  for (const Entry& e : replaced_) latest = std::max(latest, e.replaced);
  return latest;
}

template <class T>
absl::Status Timeline<T>::Add(Date effective, T value, Date recorded, LaterEntries later) {
  if (!IsRealDate(effective)) {
    return absl::InvalidArgumentError(
        absl::StrCat("timeline entry: effective date must be a real date, got ", FormatIsoDate(effective)));
  }
  if (!IsRealDate(recorded)) {
    return absl::InvalidArgumentError(
        absl::StrCat("timeline entry: recorded date must be a real date, got ", FormatIsoDate(recorded)));
  }
  if (const Date latest = LatestRecorded(); IsRealDate(latest) && recorded < latest) {
    return absl::InvalidArgumentError(absl::StrCat("timeline entry: recorded date ", FormatIsoDate(recorded),
                                                   " is before the latest recorded change (",
                                                   FormatIsoDate(latest), ")"));
  }
  // Position after every entry effective on or before `effective`.
  auto pos = std::upper_bound(current_.begin(), current_.end(), effective,
                              [](Date d, const Entry& e) { return d < e.effective; });
  const int sequence = (pos != current_.begin() && std::prev(pos)->effective == effective)
                           ? std::prev(pos)->sequence + 1
                           : 0;
  if (later == LaterEntries::kReplace) {
    for (auto it = pos; it != current_.end(); ++it) {
      Entry gone = std::move(*it);
      gone.replaced = recorded;
      replaced_.push_back(std::move(gone));
    }
    current_.erase(pos, current_.end());
    pos = current_.end();
  }
  current_.insert(pos, Entry{effective, sequence, recorded, OpenEnd(), std::move(value)});
  return absl::OkStatus();
}

template <class T>
const T* Timeline<T>::At(Date date) const {
  if (!IsRealDate(date)) return nullptr;
  auto pos = std::upper_bound(current_.begin(), current_.end(), date,
                              [](Date d, const Entry& e) { return d < e.effective; });
  if (pos == current_.begin()) return nullptr;
  return &std::prev(pos)->value;
}

template <class T>
Timeline<T> Timeline<T>::AsKnownOn(Date entry_date) const {
  Timeline known;
  for (const Entry& e : current_) {
    if (e.recorded <= entry_date) known.current_.push_back(e);
  }
  for (const Entry& e : replaced_) {
    if (e.recorded <= entry_date && entry_date < e.replaced) {
      Entry restored = e;
      restored.replaced = OpenEnd();
      known.current_.push_back(std::move(restored));
    } else if (e.replaced <= entry_date) {
      known.replaced_.push_back(e);
    }
  }
  std::sort(known.current_.begin(), known.current_.end(), EffectiveBefore);
  return known;
}

template <class T>
std::vector<typename Timeline<T>::Segment> Timeline<T>::Segments() const {
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < current_.size(); ++i) {
    const bool last_of_day = i + 1 == current_.size() || current_[i + 1].effective != current_[i].effective;
    if (!last_of_day) continue;
    const Date end = i + 1 == current_.size() ? OpenEnd() : current_[i + 1].effective;
    segments.push_back(Segment{Period(current_[i].effective, end), &current_[i].value});
  }
  return segments;
}

template <class T>
absl::StatusOr<Timeline<T>> Timeline<T>::FromEntries(std::vector<Entry> entries) {
  Timeline timeline;
  for (Entry& e : entries) {
    if (!IsRealDate(e.effective) || !IsRealDate(e.recorded)) {
      return absl::InvalidArgumentError(absl::StrCat("timeline entry effective ", FormatIsoDate(e.effective),
                                                     ": effective and recorded must be real dates"));
    }
    if (e.replaced != OpenEnd() && (!IsRealDate(e.replaced) || e.replaced < e.recorded)) {
      return absl::InvalidArgumentError(absl::StrCat("timeline entry effective ", FormatIsoDate(e.effective),
                                                     ": replaced date ", FormatIsoDate(e.replaced),
                                                     " is not a real date on or after its recorded date"));
    }
    (e.replaced == OpenEnd() ? timeline.current_ : timeline.replaced_).push_back(std::move(e));
  }
  std::sort(timeline.current_.begin(), timeline.current_.end(), EffectiveBefore);
  std::stable_sort(timeline.replaced_.begin(), timeline.replaced_.end(),
                   [](const Entry& a, const Entry& b) { return a.replaced < b.replaced; });
  for (std::size_t i = 1; i < timeline.current_.size(); ++i) {
    const Entry& a = timeline.current_[i - 1];
    const Entry& b = timeline.current_[i];
    if (a.effective == b.effective && a.sequence == b.sequence) {
      return absl::InvalidArgumentError(absl::StrCat("timeline entry effective ", FormatIsoDate(b.effective),
                                                     ": duplicate sequence ", b.sequence));
    }
  }
  return timeline;
}

}  // namespace hrkit

#endif  // HRKIT_CORE_TIMELINE_HPP_
