#include "text/char_table.h"

#include "text/fold.h"

#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <string>

namespace claimtrace {

CharClass classify_code_point(int32_t c) {
  if (c < 0) return CharClass::kSymbol;
  if (c < 0x80) {
    if (c == '\n') return CharClass::kNewline;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return CharClass::kSpace;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c == '\'') return CharClass::kApostrophe;
    if (c == '-') return CharClass::kHyphen;
    switch (c) {
      case '$': case '%': case '&': case '+': case '<': case '=': case '>': case '@':
      case '#': case '^': case '|': case '~': case '*': case '`':
        return CharClass::kSymbol;
      default:
        return c < 0x20 ? CharClass::kSpace : CharClass::kPunct;
    }
  }
  if (u_isUWhiteSpace(c)) return c == 0x2028 || c == 0x2029 || c == 0x85 ? CharClass::kNewline : CharClass::kSpace;
  if (u_isdigit(c)) return CharClass::kDigit;
  int8_t type = u_charType(c);
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK)
    return CharClass::kLetter;
  if (type == U_CONNECTOR_PUNCTUATION || type == U_DASH_PUNCTUATION || type == U_START_PUNCTUATION ||
      type == U_END_PUNCTUATION || type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
      type == U_OTHER_PUNCTUATION)
    return CharClass::kPunct;
  if (type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) return CharClass::kSpace;
  return CharClass::kSymbol;
}

bool is_upper_code_point(int32_t c) { return c >= 0 && u_isupper(c); }

namespace {

// Folded UTF-8 of one code point, as the reference folding gives it.
std::string fold_code_point(int32_t c) {
  icu::UnicodeString s(static_cast<UChar32>(c));
  std::string utf8, out;
  s.toUTF8String(utf8);
  append_folded_by_icu(utf8, out);
  return out;
}

struct Table {
  std::array<CharInfo, kCharTableSize> info;
  Table() {
    for (uint32_t c = 0; c < kCharTableSize; ++c) {
      CharInfo& ci = info[c];
      ci.cls = classify_code_point(static_cast<int32_t>(c));
      ci.upper = is_upper_code_point(static_cast<int32_t>(c));
      ci.nfc_stable = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                      u_getCombiningClass(static_cast<UChar32>(c)) == 0;
      std::string f = c < 0x80 ? std::string(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c))
                               : fold_code_point(static_cast<int32_t>(c));
      if (f.size() > sizeof ci.fold) f.resize(0);
      ci.fold_size = static_cast<uint8_t>(f.size());
      std::copy(f.begin(), f.end(), ci.fold);
    }
  }
};

}  // namespace

const CharInfo* char_table() {
  static const Table table;
  return table.info.data();
}

bool nfc_stable_code_point(int32_t c) {
  if (c < 0 || c > 0xFFFF) return false;
  if (static_cast<uint32_t>(c) < kCharTableSize) return char_table()[c].nfc_stable;
  static const std::vector<uint64_t> bits = [] {
    std::vector<uint64_t> b(0x10000 / 64, 0);
    for (UChar32 k = 0; k <= 0xFFFF; ++k) {
      if (u_getIntPropertyValue(k, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(k) == 0)
        b[k >> 6] |= uint64_t{1} << (k & 63);
    }
    return b;
  }();
  return (bits[static_cast<uint32_t>(c) >> 6] >> (c & 63)) & 1;
}

}  // namespace claimtrace
