#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/char_table.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

using Cls = CharClass;

// ASCII letters and digits by byte (0 for every byte >= 0x80), for the
// inner loop of words.
constexpr uint8_t kWordLetter = 1;
constexpr uint8_t kWordDigit = 2;

struct WordBytes {
  uint8_t bits[256] = {};
  WordBytes() {
    const CharInfo* table = char_table();
    for (int b = 0; b < 0x80; ++b) {
      if (table[b].cls == CharClass::kLetter) bits[b] = kWordLetter;
      if (table[b].cls == CharClass::kDigit) bits[b] = kWordDigit;
    }
  }
};

const uint8_t* word_bytes() {
  static const WordBytes bytes;
  return bytes.bits;
}

// The high bit of each byte of `w` that is an ASCII upper-case letter.
static_assert(std::endian::native == std::endian::little, "key folding reads words little-endian");
uint64_t ascii_upper_bytes(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t low7 = w & ~kHigh;
  const uint64_t ge_a = low7 + kOnes * (0x80 - 'A');      // high bit set where byte >= 'A'
  const uint64_t gt_z = low7 + kOnes * (0x80 - 'Z' - 1);  // high bit set where byte > 'Z'
  return ge_a & ~gt_z & ~w & kHigh;
}

// Eight ASCII bytes lower-cased at once (bytes >= 0x80 untouched): a byte
// gets 0x20 added when it lies in 'A'..'Z'.
uint64_t ascii_lower(uint64_t w) { return w | (ascii_upper_bytes(w) >> 2); }

// The high bit of each byte of `w` that is an ASCII letter (or digit, with
// `digits`): the word loop's test, eight bytes at once. Same classes as the
// character table's for ASCII (tested in text_layer_test).
uint64_t ascii_word_bytes(uint64_t w, bool digits) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t ascii = ~w & kHigh;
  const uint64_t lower7 = (w | kOnes * 0x20) & ~kHigh;  // letters folded to a..z
  const uint64_t letter = (lower7 + kOnes * (0x80 - 'a')) & ~(lower7 + kOnes * (0x80 - 'z' - 1));
  uint64_t word = letter;
  if (digits) {
    const uint64_t low7 = w & ~kHigh;
    word |= (low7 + kOnes * (0x80 - '0')) & ~(low7 + kOnes * (0x80 - '9' - 1));
  }
  return word & ascii;
}

// What the common-token loop does with a byte, without the character
// table's general dispatch. The order matters: kinds from kHyphenByte on
// may continue a word that ASCII letters began; the one-byte tokens are
// kSymbolByte to kHyphenByte.
enum ByteKind : uint8_t {
  kSpaceByte,       // ' '
  kLetterByte,      // an ASCII letter: a word starts
  kOtherByte,       // a digit, other white space, NUL: the general path; ends a word
  kSymbolByte,      // a one-byte symbol token
  kPunctByte,       // a one-byte punctuation token
  kHyphenByte,      // '-': a punctuation token, or inside a word
  kApostropheByte,  // '\'': the general path (elisions, possessives)
  kNonAsciiByte,    // a byte >= 0x80: the general path
};

struct ByteKinds {
  ByteKind kind[256];
  ByteKinds() {
    const CharInfo* table = char_table();
    for (int b = 0; b < 256; ++b) {
      if (b >= 0x80) {
        kind[b] = kNonAsciiByte;
        continue;
      }
      switch (table[b].cls) {
        case Cls::kLetter: kind[b] = kLetterByte; break;
        case Cls::kPunct: kind[b] = kPunctByte; break;
        case Cls::kSymbol: kind[b] = kSymbolByte; break;
        case Cls::kHyphen: kind[b] = kHyphenByte; break;
        case Cls::kApostrophe: kind[b] = kApostropheByte; break;
        default: kind[b] = kOtherByte; break;  // digits, white space, newlines
      }
    }
    kind[static_cast<unsigned char>(' ')] = kSpaceByte;
  }
};

const ByteKind* byte_kinds() {
  static const ByteKinds kinds;
  return kinds.kind;
}

// The key_hash of each one-byte ASCII key, for the one-byte punctuation
// and symbol tokens, computed once (a namespace-scope table is read
// without taking a register in scan_common).
const auto kOneByteKeyHash = [] {
  std::array<uint64_t, 0x80> hashes{};
  for (uint64_t b = 0; b < hashes.size(); ++b) hashes[b] = key_hash_finish(key_hash_step(kKeyHashSeed, b), 1);
  return hashes;
}();

// An ASCII word read from the text: the key_hash of its folded form
// (written by the reader), its end, and kCapitalized, kAllCaps. 16 bytes,
// in this order, so that it is returned in registers, not through memory.
struct AsciiWord {
  uint64_t hash = 0;
  int32_t end = 0;
  uint16_t flags = 0;
};
static_assert(sizeof(AsciiWord) == 16);

// Reads the run of ASCII letters and digits from
// s[i], an ASCII letter, eight bytes a step, writing its lower-cased bytes
// at `out` (which has room for the run plus 8 bytes).
[[gnu::noinline]] AsciiWord scan_ascii_word(const char* s, int32_t i, int32_t n, char* out) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const int32_t start = i;
  uint64_t h = kKeyHashSeed;
  uint64_t lower_seen = 0;
  uint64_t more_upper = 0;  // upper-case letters after the first byte (all caps needs two)
  bool first_upper = false;
  for (bool first = true;; first = false) {
    uint64_t w = 0;  // up to eight bytes, zero past the text: a zero byte ends any word
    std::memcpy(&w, s + i, static_cast<size_t>(std::min(n - i, 8)));
    const uint64_t other = ~ascii_word_bytes(w, /*digits=*/true) & kHigh;
    const int32_t take = other ? std::countr_zero(other) / 8 : 8;
    if (take < 8) w &= (uint64_t{1} << (8 * take)) - 1;
    if (take > 0) {
      const uint64_t upper = ascii_upper_bytes(w);
      const uint64_t letters = ascii_word_bytes(w, /*digits=*/false);
      if (first) {
        first_upper = upper & 0x80;
        more_upper |= upper & (upper - 1);
      } else {
        more_upper |= upper;
      }
      lower_seen |= letters & ~upper;
      w |= upper >> 2;  // lower-cased
      std::memcpy(out + (i - start), &w, 8);
      h = key_hash_step(h, w);
      i += take;
    }
    if (take < 8) break;
  }
  AsciiWord word;
  word.end = i;
  word.hash = key_hash_finish(h, static_cast<size_t>(i - start));
  if (first_upper) {
    word.flags |= kCapitalized;
    if (!lower_seen && more_upper) word.flags |= kAllCaps;
  }
  return word;
}

#if defined(__SSE2__)
// Sixteen bytes at once (SSE2, part of x86-64): the words of up to 15 bytes
// that make nearly all of news text are read, folded and hashed from one
// load. Same bytes and hash as scan_ascii_word.

// The bytes of `v` in [lo, lo + count): shifted so that lo becomes -128,
// they are the ones below -128 + count as signed bytes (no byte >= 0x80
// lands there).
__m128i bytes_in_range(__m128i v, char lo, int count) {
  return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                        _mm_set1_epi8(static_cast<char>(-128 + count)));
}

// 0xFF in the first `k` bytes, 0 after: read at kKeepFirst + 16 - k.
alignas(32) constexpr uint8_t kKeepFirst[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// As scan_ascii_word, for a word shorter than 16 bytes with 16 readable
// bytes at s[i] and 16 bytes of room at `out`; nullopt for a longer word.
[[gnu::always_inline]] inline std::optional<AsciiWord> scan_short_ascii_word(const char* s, int32_t i, char* out) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  // A letter of either case is a byte that lies in 'a'..'z' with 0x20 set.
  const __m128i letters = bytes_in_range(_mm_or_si128(x, case_bit), 'a', 26);
  const __m128i word_bytes = _mm_or_si128(letters, bytes_in_range(x, '0', 10));
  const auto size = std::countr_one(static_cast<uint32_t>(_mm_movemask_epi8(word_bytes)));
  if (size >= 16) return std::nullopt;
  const __m128i keep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepFirst + 16 - size));
  // Lower-cased (0x20 set on letters), the bytes past the word zeroed.
  const __m128i key = _mm_and_si128(_mm_or_si128(x, _mm_and_si128(letters, case_bit)), keep);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), key);
  uint64_t h = key_hash_step(kKeyHashSeed, static_cast<uint64_t>(_mm_cvtsi128_si64(key)));
  if (size > 8) h = key_hash_step(h, static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(key, key))));
  AsciiWord word;
  word.end = i + size;
  word.hash = key_hash_finish(h, static_cast<size_t>(size));
  const auto first = static_cast<unsigned char>(s[i]);
  if (first >= 'A' && first <= 'Z') {  // the case masks are needed only then
    word.flags |= kCapitalized;
    const uint32_t letter_bits = static_cast<uint32_t>(_mm_movemask_epi8(letters)) & ((1u << size) - 1);
    // A letter is lower-case when its 0x20 bit is set: moved to the top bit for movemask.
    const uint32_t lower_bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(x, 2))) & letter_bits;
    const uint32_t upper_bits = letter_bits & ~lower_bits;
    if (!lower_bits && (upper_bits & (upper_bits - 1))) word.flags |= kAllCaps;
  }
  return word;
}
#endif

// The ASCII word at s[i], by the fastest way the place allows; `out` has
// room for the rest of the text plus 16 bytes.
[[gnu::always_inline]] inline AsciiWord read_ascii_word(const char* s, int32_t i, int32_t n, char* out) {
#if defined(__SSE2__)
  if (i + 16 <= n) {
    if (auto word = scan_short_ascii_word(s, i, out)) return *word;
  }
#endif
  return scan_ascii_word(s, i, n, out);
}

class Scanner {
 public:
  Scanner(Document& doc, const TextRules& rules)
      : doc_(doc),
        rules_(rules),
        s_(doc.normalized.text.data()),
        n_(static_cast<int32_t>(doc.normalized.text.size())),
        map_(doc.normalized.to_original.empty() ? nullptr : doc.normalized.to_original.data()) {}

  void run() {
    std::vector<Token>& tokens = doc_.tokens;
    tokens.clear();
    // News text holds about one token in four bytes (short words, spaces,
    // punctuation): room for one in three is made once, where one in five
    // left most documents' tokens to be moved to a vector twice the size.
    tokens.reserve(static_cast<size_t>(n_) / 3 + 8);
    // Folded keys are written at a cursor into a buffer sized once (folding
    // rarely grows a token); trimmed at the end.
    // (Not zero-filled: only bytes below the cursor are ever read.)
    doc_.folded.clear();
    doc_.folded.resize_and_overwrite(static_cast<size_t>(n_) + 16, [](char*, size_t size) { return size; });
    // Tokens are made into a small batch, copied to the vector when it is
    // full: the common ones by scan_common, the rest by general_token, out
    // of line.
    Token batch[kBatch];
    size_t made = 0;
    Cursor c;
    while (c.i < n_) {
      // Room for every key scan_common can write: its keys are ASCII, never
      // longer than the bytes they come from, and it writes 16 bytes at a time.
      const size_t room = size_t{c.fold_end} + static_cast<size_t>(n_ - c.i) + 16;
      if (room > doc_.folded.size()) doc_.folded.resize(2 * room);
      made = map_ ? scan_common<true>(c, batch, made) : scan_common<false>(c, batch, made);
      if (made < kBatch && c.i < n_) {
        c = general_token(c, batch[made]);
        made += c.made_token;
      }
      if (made == kBatch || c.i >= n_) {
        tokens.insert(tokens.end(), batch, batch + made);
        made = 0;
      }
    }
    doc_.folded.resize(c.fold_end);
  }

 private:
  static constexpr size_t kBatch = 64;

  // Where the scan stands between tokens (16 bytes: passed in registers).
  struct Cursor {
    int32_t i = 0;              // the next byte
    uint32_t fold_end = 0;      // end of the folded keys written so far
    int32_t newlines = 0;       // line breaks since the last token
    uint16_t pending = 0;       // flags for the next token (the white space before it)
    bool after_number = false;  // the last token was a number, and nothing since
    uint8_t made_token = 0;     // general_token's last step made a token (1) or took white space (0)

    void token_done() {
      pending = 0;
      newlines = 0;
      after_number = false;
    }
  };

  // Takes the common tokens from c.i: spaces, ASCII words that end at an
  // ASCII byte that joins nothing, and one-byte punctuation and symbols,
  // written to out[made] on (up to kBatch in all); returns the new count.
  // Stops at anything else, with `c` at it. Its state lives in locals and
  // nothing in the loop calls out, so that it all stays in registers.
  // `kMapped`: to_original is not the identity.
  template <bool kMapped>
  size_t scan_common(Cursor& c, Token* out, size_t made) const {
    const char* const s = s_;  // s[n] is the string's NUL, which ends any word
    const int32_t n = n_;
    const uint32_t* const map = map_;
    const ByteKind* const kinds = kinds_;
    char* const keys = doc_.folded.data();
    int32_t i = c.i;
    uint32_t fold_end = c.fold_end;
    uint16_t pending = c.pending;
    // Letters glued to a number ("5km", "1er") are left to the general path
    // (its scan_word stops them at a digit): words read here never stop at one.
    if (c.after_number && !(pending & kSpaceBefore) && kinds[static_cast<unsigned char>(s[i])] == kLetterByte)
      return made;
    // Tokens are written at a pointer (no index to scale per token).
    Token* next = out + made;
    Token* const batch_end = out + kBatch;
    while (i < n && next < batch_end) {
      const auto b = static_cast<unsigned char>(s[i]);
      const ByteKind kind = kinds[b];
      int32_t end;
      unsigned char after;  // s[end]: a space after the token is taken in this round
      uint32_t fold_size;
      uint64_t hash;
      TokenKind token_kind;
      uint16_t flags = pending;
      if (kind == kSpaceByte) {
        pending |= kSpaceBefore;
        ++i;
        continue;
      }
      if (kind == kLetterByte) {
        const AsciiWord word = read_ascii_word(s, i, n, keys + fold_end);
        // A hyphen, apostrophe or non-ASCII letter may continue the word:
        // the general path reads it again. A space, after most words, does not.
        after = static_cast<unsigned char>(s[word.end]);
        if (after != ' ' && kinds[after] >= kHyphenByte) break;
        end = word.end;
        fold_size = static_cast<uint32_t>(word.end - i);
        hash = word.hash;
        token_kind = TokenKind::kWord;
        flags |= word.flags;
      } else if (kind >= kSymbolByte && kind <= kHyphenByte) {  // one byte, its own folded key
        keys[fold_end] = static_cast<char>(b);
        end = i + 1;
        after = static_cast<unsigned char>(s[end]);
        fold_size = 1;
        hash = kOneByteKeyHash[b];  // b < 0x80: bytes >= 0x80 are kNonAsciiByte
        token_kind = kind == kSymbolByte ? TokenKind::kSymbol : TokenKind::kPunct;
      } else {
        break;
      }
      Token& t = *next++;
      t.at = kMapped ? Extent{map[i], map[end]} : Extent{static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
      t.nstart = static_cast<uint32_t>(i);
      t.nend = static_cast<uint32_t>(end);
      t.fold_start = fold_end;
      t.fold_size = fold_size;
      t.hash = hash;
      t.kind = token_kind;
      t.flags = flags;
      fold_end += fold_size;
      i = end;
      pending = 0;
      if (after == ' ') {  // the space after a token, without another round
        pending = kSpaceBefore;
        ++i;
      }
    }
    if (i != c.i) c.after_number = false;  // a space or a token came after the number
    // Newlines are reset by the first token; every token has a key of at
    // least one byte, so a token was made when the keys grew (no register
    // kept for it in the loop).
    if (fold_end != c.fold_end) c.newlines = 0;
    c.i = i;
    c.fold_end = fold_end;
    c.pending = pending;
    return static_cast<size_t>(next - out);
  }

  // One step of the general path from c.i: white space of any kind, or a
  // token written to `out` (a number, a word with anything besides ASCII
  // letters and digits, the English possessive, any other punctuation or
  // symbol).
  [[gnu::noinline]] Cursor general_token(Cursor c, Token& out) {
    c.made_token = 0;
    int32_t len;
    Cls cls = class_at(c.i, &len);
    if (cls == Cls::kSpace || cls == Cls::kNewline) {
      c.pending |= kSpaceBefore;
      if (cls == Cls::kNewline) {
        c.pending |= kNewlineBefore;
        if (++c.newlines >= 2) c.pending |= kParagraphBefore;
      }
      c.i += len;
      c.after_number = false;
      return c;
    }
    const int32_t start = c.i;
    int32_t i = c.i;
    TokenKind kind;
    uint16_t flags = c.pending;
    if (cls == Cls::kDigit && len == 1) {
      i = scan_number(i, &flags);
      kind = TokenKind::kNumber;
    } else if (cls == Cls::kLetter || cls == Cls::kDigit) {  // digits of other scripts read as words
      i = scan_word(i, &flags, /*stop_at_digit=*/c.after_number && !(flags & kSpaceBefore));
      kind = TokenKind::kWord;
    } else if (cls == Cls::kApostrophe && i + 1 < n_ && (s_[i + 1] == 's' || s_[i + 1] == 'S') &&
               (i + 2 >= n_ || class_at(i + 2, &len) != Cls::kLetter)) {
      i += 2;  // English possessive 's
      kind = TokenKind::kWord;
    } else {
      i += len;
      kind = cls == Cls::kSymbol ? TokenKind::kSymbol : TokenKind::kPunct;
    }
    if (i <= start) i = start + len;  // every token consumes at least one character
    c.fold_end = static_cast<uint32_t>(emit(out, start, i, kind, flags, c.fold_end));
    c.made_token = 1;
    c.i = i;
    c.token_done();
    c.after_number = kind == TokenKind::kNumber;
    return c;
  }

  uint32_t original(int32_t offset) const {
    return map_ ? map_[offset] : static_cast<uint32_t>(offset);
  }


  Cls class_at(int32_t i, int32_t* len) const {
    auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) {
      *len = 1;
      return table_[b].cls;
    }
    int32_t j = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s_), j, n_, c);
    *len = j - i;
    if (c >= 0 && static_cast<uint32_t>(c) < kCharTableSize) return table_[c].cls;
    return classify_code_point(c);
  }

  bool digit_at(int32_t i) const { return i < n_ && s_[i] >= '0' && s_[i] <= '9'; }

  int32_t digits_from(int32_t i) const {
    int32_t j = i;
    while (digit_at(j)) ++j;
    return j - i;
  }

  bool hard_space(int32_t i) const {  // the normalized space at i was NBSP-like in the original
    return map_ && map_[i + 1] - map_[i] > 1;
  }

  int32_t scan_number(int32_t i, uint16_t* flags) {
    int32_t group = digits_from(i);
    i += group;
    while (i < n_) {
      char sep = s_[i];
      if ((sep == '.' || sep == ',' || sep == '\'') && digit_at(i + 1)) {
        group = digits_from(i + 1);
        if (group == 3) *flags |= kDigitGroups;
        i += 1 + group;
      } else if (sep == ' ' && group <= 3 && digits_from(i + 1) == 3) {
        // "30 000": a space joins only three-digit groups after a short lead.
        if (hard_space(i)) *flags |= kHardSpaceGroups;
        *flags |= kDigitGroups;
        group = 3;
        i += 4;
      } else {
        break;
      }
    }
    return i;
  }

  int32_t scan_word(int32_t i, uint16_t* flags, bool stop_at_digit) {
    int32_t start = i;
    while (i < n_) {
      // ASCII letters (and digits) first, without the general dispatch.
      const uint8_t want = stop_at_digit ? kWordLetter : kWordLetter | kWordDigit;
      while (i + 8 <= n_) {  // eight bytes a step: most words end within one
        uint64_t w;
        std::memcpy(&w, s_ + i, 8);
        const uint64_t other = ~ascii_word_bytes(w, !stop_at_digit) & 0x8080808080808080ULL;
        if (other) {
          i += std::countr_zero(other) / 8;
          break;
        }
        i += 8;
      }
      while (i < n_ && (word_bytes_[static_cast<unsigned char>(s_[i])] & want)) ++i;
      if (i >= n_) break;
      int32_t len;
      Cls c = class_at(i, &len);
      if (c == Cls::kLetter || (c == Cls::kDigit && !stop_at_digit)) {
        if (len > 1) *flags |= kNonAscii;
        i += len;
        continue;
      }
      if (c == Cls::kHyphen && i + 1 < n_) {
        int32_t next_len;
        Cls next = class_at(i + 1, &next_len);
        if (next == Cls::kLetter || next == Cls::kDigit) {
          *flags |= kHyphenated;
          i += 1;
          continue;
        }
      }
      if (c == Cls::kApostrophe && i + 1 < n_) {
        int32_t next_len;
        if (class_at(i + 1, &next_len) != Cls::kLetter) break;
        std::string head = fold(std::string_view(s_ + start, static_cast<size_t>(i - start)));
        if (rules_.elisions.contains(head)) {
          *flags |= kElision;
          return i + 1;
        }
        // English possessive: stop before 's.
        if ((s_[i + 1] == 's' || s_[i + 1] == 'S')) {
          int32_t after_len;
          if (i + 2 >= n_ || class_at(i + 2, &after_len) != Cls::kLetter) break;
        }
        i += 1;  // aujourd'hui, O'Brien, don't
        continue;
      }
      break;
    }
    return i;
  }

  // The general token: flags of a word from its first code point and its
  // bytes, the key folded (ASCII eight bytes a step, else append_folded).
  // Returns the new end of the folded keys.
  size_t emit(Token& t, int32_t start, int32_t end, TokenKind kind, uint16_t flags,
              size_t fold_end) {
    std::string_view text(s_ + start, static_cast<size_t>(end - start));
    if (kind == TokenKind::kWord) {
      auto first = static_cast<unsigned char>(text[0]);
      bool upper_first;
      if (first < 0x80) {
        upper_first = first >= 'A' && first <= 'Z';
      } else {
        int32_t j = 0;
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), j, static_cast<int32_t>(text.size()), c);
        upper_first = c >= 0 && static_cast<uint32_t>(c) < kCharTableSize ? table_[c].upper
                                                                           : is_upper_code_point(c);
      }
      if (upper_first) flags |= kCapitalized;
      if (upper_first && text.size() >= 2) {
        bool all_upper = true;
        int letters = 0;
        for (unsigned char b : text) {
          if (b >= 'a' && b <= 'z') { all_upper = false; break; }
          if (b >= 'A' && b <= 'Z') ++letters;
        }
        if (all_upper && letters >= 2 && !(flags & kNonAscii)) flags |= kAllCaps;
      }
    }
    // ASCII tokens: lower-cased and hashed eight bytes a step, written in
    // place at the cursor; the same bytes and hash as append_folded +
    // key_hash. The buffer has 8 bytes of slack past any key.
    std::string& folded = doc_.folded;
    if (fold_end + text.size() + 8 > folded.size()) folded.resize(2 * (fold_end + text.size() + 8));
    char* out = folded.data() + fold_end;
    uint64_t h = kKeyHashSeed;
    uint64_t high = 0;
    for (size_t k = 0; k < text.size(); k += 8) {
      const size_t left = text.size() - k;
      uint64_t w;
      if (static_cast<size_t>(start) + k + 8 <= static_cast<size_t>(n_)) {
        std::memcpy(&w, text.data() + k, 8);
        if (left < 8) w &= (uint64_t{1} << (8 * left)) - 1;
      } else {
        w = 0;
        std::memcpy(&w, text.data() + k, std::min<size_t>(left, 8));
      }
      high |= w;
      w = ascii_lower(w);
      std::memcpy(out + k, &w, 8);
      h = key_hash_step(h, w);
    }
    h = key_hash_finish(h, text.size());
    size_t size = text.size();
    if (high & 0x8080808080808080ULL) {
      scratch_.clear();
      append_folded(text, scratch_);
      size = scratch_.size();
      if (fold_end + size > folded.size()) folded.resize(2 * (fold_end + size));
      std::memcpy(folded.data() + fold_end, scratch_.data(), size);
      h = key_hash(scratch_);
    }
    t = Token{.at = {original(start), original(end)},
              .nstart = static_cast<uint32_t>(start),
              .nend = static_cast<uint32_t>(end),
              .fold_start = static_cast<uint32_t>(fold_end),
              .fold_size = static_cast<uint32_t>(size),
              .hash = h,
              .kind = kind,
              .flags = flags};
    return fold_end + size;
  }

  const CharInfo* table_ = char_table();
  const uint8_t* word_bytes_ = word_bytes();
  const ByteKind* kinds_ = byte_kinds();
  std::string scratch_;  // a non-ASCII token's folded form
  Document& doc_;
  const TextRules& rules_;
  const char* const s_;
  const int32_t n_;
  const uint32_t* const map_;  // normalized.to_original, or null when it is the identity
};

}  // namespace

void tokenize(Document& doc, const TextRules& rules) { Scanner(doc, rules).run(); }

}  // namespace claimtrace
