#include "core/allocator.h"

#include <malloc.h>

#ifdef CLAIMTRACE_MIMALLOC
#include <mimalloc.h>
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
#endif
}

}  // namespace claimtrace
