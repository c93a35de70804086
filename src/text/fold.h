// Matching keys: lower case, without accents, ligatures opened
// ("Corée" -> "coree", "Œuvre" -> "oeuvre"). Lexicon entries and tokens are
// folded the same way, so a lookup is a byte comparison.
#pragma once

#include <cstdint>
#include <cstring>
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

// A stable hash of bytes (FNV-1a, 64 bits), for values that are stored
// (simhash): it must never change.
inline uint64_t stable_hash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The hash used for token keys and lexicon phrases, in memory only. It reads
// eight bytes a step (the tail zero-padded), so that the tokenizer can fold
// and hash a token in the same few steps (key_hash_step, key_hash_finish), and ends with a
// mixer so that the low bits, which the first-token filters use, are good.
inline uint64_t key_hash_step(uint64_t h, uint64_t word) { return (h ^ word) * 0x9E3779B97F4A7C15ULL; }
inline uint64_t key_hash_finish(uint64_t h, size_t size) {
  h ^= size;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}
inline constexpr uint64_t kKeyHashSeed = 0x243F6A8885A308D3ULL;

inline uint64_t key_hash(std::string_view key) {
  uint64_t h = kKeyHashSeed;
  size_t k = 0;
  for (; k + 8 <= key.size(); k += 8) {
    uint64_t w;
    std::memcpy(&w, key.data() + k, 8);
    h = key_hash_step(h, w);
  }
  if (k < key.size()) {
    uint64_t w = 0;
    std::memcpy(&w, key.data() + k, key.size() - k);
    h = key_hash_step(h, w);
  }
  return key_hash_finish(h, key.size());
}

// Combines token hashes into a phrase hash, order-sensitive.
inline uint64_t combine_hash(uint64_t phrase, uint64_t token) {
  return (phrase ^ token) * 0x9E3779B97F4A7C15ULL + (phrase << 6) + (phrase >> 2);
}

}  // namespace claimtrace
