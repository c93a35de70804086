#include "core/allocator.h"

#include <malloc.h>

#ifdef CLAIMTRACE_MIMALLOC
#include <mimalloc.h>

#include <cstddef>
#endif

namespace claimtrace {

void keep_freed_memory() {
#ifdef M_TRIM_THRESHOLD
  // Blocks up to 32 MiB (glibc's largest) from the heap, not from mmap,
  // which unmaps them on free; the heap's top trimmed only beyond 1 GiB free.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
#ifdef CLAIMTRACE_MIMALLOC
  // mimalloc decommits free pages after a short delay; a document of a few
  // MB then faults its ~25 bytes a byte in again (the kernel's share of
  // the corpus run: 21% -> 14%).
  mi_option_disable(mi_option_allow_decommit);
  // Blocks of more than a segment (a 1.5 MB document's tokens) come from the
  // OS and go back to it on free unless an arena holds them: 1 GiB of
  // address space, mapped read-write so that mimalloc never decommits it;
  // pages count in memory only once touched (the kernel's share 14% -> 7%).
  // Where the system refuses the mapping, mimalloc goes on without it.
  (void)mi_reserve_os_memory(size_t{1} << 30, /*commit=*/true, /*allow_large=*/false);
#endif
}

}  // namespace claimtrace
