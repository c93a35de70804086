#include "core/allocator.h"

#include <malloc.h>

namespace claimtrace {

void keep_freed_memory() {
#ifdef M_TRIM_THRESHOLD
  // Blocks up to 32 MiB (glibc's largest) from the heap, not from mmap,
  // which unmaps them on free; the heap's top trimmed only beyond 1 GiB free.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace claimtrace
