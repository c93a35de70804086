#include "core/content_hash.h"

#include <fmt/format.h>
#include <xxhash.h>

#include "text/normalize.h"

namespace claimtrace {

std::string content_hash(std::string_view text) {
  std::string norm = normalize_text(text).text;
  std::string collapsed;
  collapsed.reserve(norm.size());
  bool space = false;
  for (char c : norm) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  XXH128_hash_t h = XXH3_128bits(collapsed.data(), collapsed.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace claimtrace
