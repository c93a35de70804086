#include "text/utf8.h"

#include <unicode/utf8.h>

namespace claimtrace {

size_t repair_utf8(std::string& text) {
  // Fast path: valid text is left alone.
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool valid = true;
  while (i < n) {
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) { valid = false; break; }
  }
  if (valid) return 0;

  std::string out;
  out.reserve(text.size() + 16);
  size_t replaced = 0;
  i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
    } else {
      out.append(text, start, i - start);
    }
  }
  text = std::move(out);
  return replaced;
}

bool looks_binary(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) ++control;
  }
  return n > 0 && control * 20 > n;  // over 5% control bytes
}

}  // namespace claimtrace
