// Near-duplicate detection for syndicated copies: a 64-bit SimHash over word
// trigrams, split into four 16-bit bands. Two texts within 3 bits of each
// other share at least one band, so candidates come from four index probes.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

namespace claimtrace {

uint64_t simhash(std::string_view text);

inline std::array<int64_t, 4> simhash_bands(uint64_t h) {
  return {static_cast<int64_t>(h & 0xFFFF), static_cast<int64_t>((h >> 16) & 0xFFFF),
          static_cast<int64_t>((h >> 32) & 0xFFFF), static_cast<int64_t>(h >> 48)};
}

inline bool near_duplicate(uint64_t a, uint64_t b) { return std::popcount(a ^ b) <= 3; }

}  // namespace claimtrace
