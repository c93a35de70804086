// Byte extents into a Document's original text, and the provenance every
// annotation carries so that an analyst can see why it was produced.
#pragma once

#include <cstdint>
#include <string_view>

namespace claimtrace {

// [start, end) in UTF-8 bytes of Document::text, exactly as given.
struct Extent {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Extent& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Extent& o) const { return start < o.end && o.start < end; }
  friend bool operator==(const Extent&, const Extent&) = default;
};

// What produced an annotation: a rule name ("number.range.entre_et") and, when
// a resource line was used, where it is ("fr/quantity/nouns.tsv:12"). Both
// point into storage that outlives every Document (rule literals or the
// loaded Resources).
struct Origin {
  std::string_view rule;
  std::string_view resource;
};

}  // namespace claimtrace
