#include "anchor_tokenizer.h"

#include <array>

namespace claimtrace::bench {
namespace {

enum Class : uint8_t { kSpace, kLetter, kDigit, kPunct };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> c{};
  for (int b = 0; b < 256; ++b) c[b] = kPunct;
  for (int b : {' ', '\t', '\n', '\r', '\f', '\v'}) c[b] = kSpace;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = kLetter;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] = kLetter;
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
  for (int b = 0x80; b < 256; ++b) c[b] = kLetter;
  return c;
}
constexpr std::array<uint8_t, 256> kClass = make_classes();

uint8_t class_at(std::string_view s, size_t i) { return kClass[static_cast<unsigned char>(s[i])]; }

// Bytes of a no-break space at i (U+00A0: C2 A0; U+202F: E2 80 AF), else 0.
size_t nbsp_at(std::string_view s, size_t i) {
  if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') return 2;
  if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && s[i + 2] == '\xAF') return 3;
  return 0;
}

}  // namespace

size_t anchor_tokenize(std::string_view s, std::vector<AnchorToken>& out) {
  out.clear();
  size_t numbers = 0;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t c = class_at(s, i);
    if (c == kSpace) { ++i; continue; }
    if (const size_t w = nbsp_at(s, i)) { i += w; continue; }
    const size_t start = i;
    if (c == kDigit) {
      // 30 000, 30 000 (NBSP), 1,500, 1.500, 2,5: a group separator followed by a digit continues the number.
      for (;;) {
        while (i < n && class_at(s, i) == kDigit) ++i;
        if (i + 1 < n && (s[i] == ',' || s[i] == '.' || s[i] == ' ' || s[i] == '\'') && class_at(s, i + 1) == kDigit) {
          ++i;
          continue;
        }
        if (const size_t w = nbsp_at(s, i); w && i + w < n && class_at(s, i + w) == kDigit) {
          i += w;
          continue;
        }
        break;
      }
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), 1});
      ++numbers;
    } else if (c == kLetter) {
      while (i < n && (class_at(s, i) == kLetter || class_at(s, i) == kDigit) && !nbsp_at(s, i)) ++i;
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), 0});
    } else {
      ++i;
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), 2});
    }
  }
  return numbers;
}

uint64_t class_table_sum(std::string_view text) {
  uint64_t sum = 0;
  for (unsigned char b : text) sum += kClass[b];
  return sum;
}

}  // namespace claimtrace::bench
