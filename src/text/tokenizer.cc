#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "text/char_table.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

using Cls = CharClass;

// ASCII letters and digits by byte (0 for every byte >= 0x80), for the
// inner loop of words.
constexpr uint8_t kLetterByte = 1;
constexpr uint8_t kDigitByte = 2;

struct WordBytes {
  uint8_t bits[256] = {};
  WordBytes() {
    const CharInfo* table = char_table();
    for (int b = 0; b < 0x80; ++b) {
      if (table[b].cls == CharClass::kLetter) bits[b] = kLetterByte;
      if (table[b].cls == CharClass::kDigit) bits[b] = kDigitByte;
    }
  }
};

const uint8_t* word_bytes() {
  static const WordBytes bytes;
  return bytes.bits;
}

// Eight ASCII bytes lower-cased at once (bytes >= 0x80 untouched): a byte
// gets 0x20 added when it lies in 'A'..'Z'.
static_assert(std::endian::native == std::endian::little, "key folding reads words little-endian");
uint64_t ascii_lower(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t low7 = w & ~kHigh;
  const uint64_t ge_a = low7 + kOnes * (0x80 - 'A');      // high bit set where byte >= 'A'
  const uint64_t gt_z = low7 + kOnes * (0x80 - 'Z' - 1);  // high bit set where byte > 'Z'
  const uint64_t upper = ge_a & ~gt_z & ~w & kHigh;
  return w | (upper >> 2);
}

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

class Scanner {
 public:
  Scanner(Document& doc, const TextRules& rules)
      : doc_(doc), rules_(rules), s_(doc.normalized.text), n_(static_cast<int32_t>(s_.size())) {}

  void run() {
    doc_.tokens.clear();
    doc_.folded.clear();
    doc_.tokens.reserve(s_.size() / 5 + 8);
    // Folded keys are written at a cursor into a buffer sized once (folding
    // rarely grows a token); trimmed at the end.
    // (Not zero-filled: only bytes below the cursor are ever read.)
    doc_.folded.resize_and_overwrite(s_.size() + 16, [](char*, size_t n) { return n; });
    fold_end_ = 0;
    uint16_t pending = 0;
    int newlines = 0;
    bool after_number = false;
    for (int32_t i = 0; i < n_;) {
      if (s_[i] == ' ') {  // the most frequent byte, without the class lookup
        pending |= kSpaceBefore;
        ++i;
        after_number = false;
        continue;
      }
      int32_t len;
      Cls c = class_at(i, &len);
      if (c == Cls::kSpace || c == Cls::kNewline) {
        pending |= kSpaceBefore;
        if (c == Cls::kNewline) {
          pending |= kNewlineBefore;
          if (++newlines >= 2) pending |= kParagraphBefore;
        }
        i += len;
        after_number = false;
        continue;
      }
      newlines = 0;
      int32_t start = i;
      TokenKind kind;
      uint16_t flags = pending;
      pending = 0;
      if (c == Cls::kDigit && len == 1) {
        i = scan_number(i, &flags);
        kind = TokenKind::kNumber;
      } else if (c == Cls::kLetter || c == Cls::kDigit) {  // digits of other scripts read as words
        i = scan_word(i, &flags, /*stop_at_digit=*/after_number && !(flags & kSpaceBefore));
        kind = TokenKind::kWord;
      } else if (c == Cls::kApostrophe && i + 1 < n_ && (s_[i + 1] == 's' || s_[i + 1] == 'S') &&
                 (i + 2 >= n_ || class_at(i + 2, &len) != Cls::kLetter)) {
        i += 2;  // English possessive 's
        kind = TokenKind::kWord;
      } else {
        i += len;
        kind = c == Cls::kSymbol ? TokenKind::kSymbol : TokenKind::kPunct;
      }
      if (i <= start) i = start + len;  // every token consumes at least one character
      after_number = kind == TokenKind::kNumber;
      emit(start, i, kind, flags);
    }
    doc_.folded.resize(fold_end_);
  }

 private:
  Cls class_at(int32_t i, int32_t* len) const {
    auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) {
      *len = 1;
      return table_[b].cls;
    }
    int32_t j = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s_.data()), j, n_, c);
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
    const auto& map = doc_.normalized.to_original;
    return !map.empty() && map[i + 1] - map[i] > 1;
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
      const uint8_t want = stop_at_digit ? kLetterByte : kLetterByte | kDigitByte;
      while (i + 8 <= n_) {  // eight bytes a step: most words end within one
        uint64_t w;
        std::memcpy(&w, s_.data() + i, 8);
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
        std::string head = fold(std::string_view(s_).substr(start, i - start));
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

  void emit(int32_t start, int32_t end, TokenKind kind, uint16_t flags) {
    Token& t = doc_.tokens.emplace_back();  // filled in place, not copied in
    t.nstart = static_cast<uint32_t>(start);
    t.nend = static_cast<uint32_t>(end);
    t.at = {doc_.normalized.original(t.nstart), doc_.normalized.original(t.nend)};
    t.kind = kind;
    std::string_view text = std::string_view(s_).substr(start, end - start);
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
    t.flags = flags;
    // ASCII tokens (nearly all): lower-cased and hashed eight bytes a step,
    // written in place at the cursor; the same bytes and hash as
    // append_folded + key_hash. The buffer has 8 bytes of slack past any key.
    std::string& folded = doc_.folded;
    t.fold_start = static_cast<uint32_t>(fold_end_);
    if (fold_end_ + text.size() + 8 > folded.size()) folded.resize(2 * (fold_end_ + text.size() + 8));
    char* out = folded.data() + fold_end_;
    uint64_t h = kKeyHashSeed;
    uint64_t high = 0;
    for (size_t k = 0; k < text.size(); k += 8) {
      const size_t left = text.size() - k;
      uint64_t w = 0;
      if (static_cast<size_t>(start) + k + 8 <= s_.size()) {
        std::memcpy(&w, text.data() + k, 8);
        if (left < 8) w &= (uint64_t{1} << (8 * left)) - 1;
      } else {
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
      if (fold_end_ + size > folded.size()) folded.resize(2 * (fold_end_ + size));
      std::memcpy(folded.data() + fold_end_, scratch_.data(), size);
      h = key_hash(scratch_);
    }
    fold_end_ += size;
    t.fold_size = static_cast<uint32_t>(size);
    t.hash = h;
  }

  const CharInfo* table_ = char_table();
  const uint8_t* word_bytes_ = word_bytes();
  size_t fold_end_ = 0;   // end of the folded keys written so far
  std::string scratch_;   // a non-ASCII token's folded form
  Document& doc_;
  const TextRules& rules_;
  const std::string& s_;
  const int32_t n_;
};

}  // namespace

void tokenize(Document& doc, const TextRules& rules) { Scanner(doc, rules).run(); }

}  // namespace claimtrace
