// Matching keys: lower case, without accents, ligatures opened
// ("Corée" -> "coree", "Œuvre" -> "oeuvre"). Lexicon entries and tokens are
// folded the same way, so a lookup is a byte comparison.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimtrace {

// The reference folding, all through ICU; the character table caches its
// answers per code point, and append_folded uses the table when it can.
void append_folded_by_icu(std::string_view text, std::string& out);

// Appends the folded form of `text` (normalized UTF-8) to `out`.
void append_folded(std::string_view text, std::string& out);

inline std::string fold(std::string_view text) {
  std::string out;
  append_folded(text, out);
  return out;
}

// The hash used for token keys and lexicon phrases (FNV-1a, 64 bits).
inline uint64_t key_hash(std::string_view key) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Combines token hashes into a phrase hash, order-sensitive.
inline uint64_t combine_hash(uint64_t phrase, uint64_t token) {
  return (phrase ^ token) * 0x9E3779B97F4A7C15ULL + (phrase << 6) + (phrase >> 2);
}

}  // namespace claimtrace
