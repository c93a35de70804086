#include "core/document.h"

#include <algorithm>

namespace claimtrace {

uint32_t Document::sentence_at(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.at.start; });
  if (it == sentences.begin()) return static_cast<uint32_t>(sentences.size());
  --it;
  if (offset >= it->at.end) return static_cast<uint32_t>(sentences.size());
  return static_cast<uint32_t>(it - sentences.begin());
}

}  // namespace claimtrace
