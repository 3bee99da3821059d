#pragma once

// For a program that runs one command and exits (ipseccmd): the heap grows once, by `bytes`
// of address space (nothing is touched yet), and the kernel is asked to back it with
// transparent huge pages (MADV_HUGEPAGE; honoured where THP is "madvise" or "always", as in
// Debian's default). A 10,000-filter assign builds lists of megabytes one after the other (the
// filters, their ranks, the table's elements, the netlink batch); faulted in 4 KiB at a time,
// every fresh page costs a page fault, and in a virtual machine these cost more than the work
// done on the lists (the "per-filter" time of the effective policy and the compilers was mostly
// that). The same as glibc's tunable glibc.malloc.hugetlb=1, which only the environment of a
// new process can set. Needs the allocations to come from the heap: call it after raising
// M_MMAP_THRESHOLD (and M_TRIM_THRESHOLD, so that freed memory stays for reuse).

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace ipsec {

inline void growHeapWithHugePages(std::size_t bytes)
{
    // The heap's top chunk becomes at least `bytes` large and stays (the trim threshold keeps
    // it): allocated and freed again, nothing but the chunk header is written.
    void *block = std::malloc(bytes);
    if (!block)
        return;
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    std::free(block);
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const std::uintptr_t from = (start + huge - 1) & ~(huge - 1);
    // Only when the block came from the heap (sbrk), not from a mapping of its own.
    if (start < top && top > from && top - start <= bytes + (std::uintptr_t(64) << 20))
        (void)madvise(reinterpret_cast<void *>(from), top - from, MADV_HUGEPAGE);
}

} // namespace ipsec
