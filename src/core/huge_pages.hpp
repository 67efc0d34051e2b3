// Internal to the library: a hint to the kernel for large buffers that are
// written once, shared by the population runs (leave/accrual_run.cpp) and the
// survey roll-up (relations/survey_rollup.cpp).
//
// Thread safety: a system call on the caller's memory; safe to call
// concurrently on different buffers.
#ifndef HRKIT_SRC_CORE_HUGE_PAGES_HPP_
#define HRKIT_SRC_CORE_HUGE_PAGES_HPP_

#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hrkit::core_internal {

// Asks the kernel to back the capacity of `v` with transparent huge pages
// (Linux, THP in "madvise" mode): faulting a large fresh buffer in 2 MB at a
// time instead of 4 kB saves most of the page-fault cost. Only the 2 MB
// aligned interior is advised; failure is harmless, and elsewhere it does
// nothing.
template <class T>
void AdviseHugePages(const std::vector<T>& v) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t end = begin + v.capacity() * sizeof(T);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = end & ~(kHuge - 1);
  if (first < last) (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)v;
#endif
}

}  // namespace hrkit::core_internal

#endif  // HRKIT_SRC_CORE_HUGE_PAGES_HPP_
