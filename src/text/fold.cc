#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/char_table.h"

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

void append_folded(std::string_view text, std::string& out) {
  const size_t mark = out.size();
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  if (ascii) return;
  out.resize(mark);
  // Code points in the table are folded one by one from ICU's cached
  // answers; text with anything above it goes through ICU whole, since
  // folding can then depend on neighbours.
  {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    const CharInfo* table = char_table();
    bool in_table = true;
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0 || static_cast<uint32_t>(c) >= kCharTableSize) {
        in_table = false;
        break;
      }
      const CharInfo& ci = table[c];
      if (ci.fold_size == 0 && c >= 0x80) {
        in_table = false;
        break;
      }
      out.append(ci.fold, ci.fold_size);
    }
    if (in_table) return;
    out.resize(mark);
  }
  append_folded_by_icu(text, out);
}

}  // namespace claimtrace
