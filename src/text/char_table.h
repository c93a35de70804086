// What ICU says about the code points that European news text is made of
// (U+0000 to U+07FF: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic), asked
// once and kept in a table so that the tokenizer and folding do not call ICU
// per character. Code points above the table are asked of ICU directly.
#pragma once

#include <cstdint>
#include <string_view>

namespace claimtrace {

enum class CharClass : uint8_t { kSpace, kNewline, kDigit, kLetter, kApostrophe, kHyphen, kPunct, kSymbol };

struct CharInfo {
  CharClass cls = CharClass::kSymbol;
  bool upper = false;
  bool nfc_stable = false;  // NFC quick check Yes and combining class 0: text of such characters is NFC
  uint8_t fold_size = 0;  // bytes of the folded form
  char fold[6] = {};      // folded form: lower case, accents removed, ligatures opened
};

inline constexpr uint32_t kCharTableSize = 0x800;

// The table, indexed by code point below kCharTableSize. Built on first use.
const CharInfo* char_table();
inline const CharInfo& char_info(uint32_t code_point) { return char_table()[code_point]; }

// NFC quick check Yes and combining class 0, for any code point: from the
// table below kCharTableSize, from a bitset over the rest of the BMP (built on
// first use), false above it.
bool nfc_stable_code_point(int32_t code_point);

// ICU's answers for any code point (used to build the table, and above it).
CharClass classify_code_point(int32_t code_point);
bool is_upper_code_point(int32_t code_point);

}  // namespace claimtrace
