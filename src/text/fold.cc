#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/char_table.h"

#include <cstring>

namespace claimtrace {

void append_folded_by_icu(std::string_view text, std::string& out) {
  // Decompose, drop combining marks, case-fold: ICU does the Unicode part.
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed;
  status = U_ZERO_ERROR;
  nfd->normalize(s, decomposed, status);
  if (U_FAILURE(status)) decomposed = s;
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Ligatures have no canonical decomposition; French writes them.
    if (c == 0x0153 || c == 0x0152) { stripped.append(u"oe"); continue; }
    if (c == 0x00E6 || c == 0x00C6) { stripped.append(u"ae"); continue; }
    stripped.append(c);
  }
  stripped.foldCase();
  stripped.toUTF8String(out);
}

namespace {

// Eight ASCII bytes lower-cased at once: 0x20 added to the bytes in 'A'..'Z'.
uint64_t lower_ascii_block(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t low7 = w & ~kHigh;
  const uint64_t upper = (low7 + kOnes * (0x80 - 'A')) & ~(low7 + kOnes * (0x80 - 'Z' - 1)) & ~w & kHigh;
  return w | (upper >> 2);
}

// Folds `text` at `out` from the character table: ASCII runs eight bytes a
// step, other code points from their cached folded form. Returns the end of
// the written bytes, or null when a code point is above the table or has no
// cached form (the caller then asks ICU). `out` has room for 3 bytes per
// byte of text: a table code point is at most 2 bytes and folds to at most
// 6, and each step writes at most that bound past what it consumed.
char* fold_by_table(std::string_view text, char* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const CharInfo* table = char_table();
  for (int32_t i = 0; i < n;) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      w = lower_ascii_block(w);
      std::memcpy(out, &w, 8);
      out += 8;
      i += 8;
    }
    while (i < n && s[i] < 0x80) {
      const uint8_t c = s[i++];
      *out++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (i >= n) break;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || static_cast<uint32_t>(c) >= kCharTableSize) return nullptr;
    const CharInfo& ci = table[c];
    if (ci.fold_size == 0) return nullptr;
    std::memcpy(out, ci.fold, sizeof ci.fold);  // the whole field: within the 3-bytes-a-byte room
    out += ci.fold_size;
  }
  return out;
}

}  // namespace

void append_folded(std::string_view text, std::string& out) {
  // Code points in the table are folded one by one from ICU's cached
  // answers; text with anything above it goes through ICU whole, since
  // folding can then depend on neighbours.
  const size_t mark = out.size();
  bool in_table = true;
  out.resize_and_overwrite(mark + 3 * text.size(), [&](char* p, size_t) {
    char* end = fold_by_table(text, p + mark);
    in_table = end != nullptr;
    return in_table ? static_cast<size_t>(end - p) : mark;
  });
  if (!in_table) append_folded_by_icu(text, out);
}

}  // namespace claimtrace
