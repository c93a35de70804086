#include "text/normalize.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/utf8.h>

#include "text/char_table.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <string>

namespace claimtrace {
namespace {

// The ASCII stand-in for a typographic code point, or 0 to keep it.
char ascii_variant(UChar32 c) {
  switch (c) {
    case 0x00A0: case 0x2007: case 0x2009: case 0x200A: case 0x202F: case 0x2002:
    case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x205F:
    case 0x3000:
      return ' ';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
      return '\'';
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2039: case 0x203A:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default:
      return 0;
  }
}

// The end of the run of ASCII bytes from i: sixteen bytes a step where
// SSE2 is there (x86-64 always), eight, then one.
int32_t ascii_run_end(const uint8_t* s, int32_t i, int32_t n) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    if (const int high = _mm_movemask_epi8(v)) return i + std::countr_zero(static_cast<uint32_t>(high));
    i += 16;
  }
#endif
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

// Whether byte `b` may begin a character that fold_typography changes:
// all of them (ascii_variant's, U+2026, U+00AD) lie in U+00A0..U+3000 and
// are led by C2, CA, E2 or E3, bytes that never continue a sequence.
// Every other byte, malformed ones too, is copied as it is.
bool may_begin_variant(uint8_t b) { return b == 0xC2 || b == 0xCA || b == 0xE2 || b == 0xE3; }

// The end of the run of bytes from i that fold_typography copies as they
// are (ASCII, and the accented letters of French text): sixteen bytes a
// step where SSE2 is there, then one.
int32_t verbatim_run_end(const uint8_t* s, int32_t i, int32_t n) {
#if defined(__SSE2__)
  auto is = [](__m128i v, uint8_t b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i leads = _mm_or_si128(_mm_or_si128(is(v, 0xC2), is(v, 0xCA)), _mm_or_si128(is(v, 0xE2), is(v, 0xE3)));
    if (const int found = _mm_movemask_epi8(leads)) return i + std::countr_zero(static_cast<uint32_t>(found));
    i += 16;
  }
#endif
  while (i < n && !may_begin_variant(s[i])) ++i;
  return i;
}

// The offsets from one to another, as a forward iterator: an identity
// stretch of the offset map, appended in one insert.
struct Offsets {
  using iterator_category = std::forward_iterator_tag;
  using value_type = uint32_t;
  using difference_type = std::ptrdiff_t;
  using pointer = const uint32_t*;
  using reference = uint32_t;

  explicit Offsets(int32_t offset) : offset(static_cast<uint32_t>(offset)) {}
  uint32_t operator*() const { return offset; }
  Offsets& operator++() {
    ++offset;
    return *this;
  }
  Offsets operator++(int) {
    Offsets before = *this;
    ++offset;
    return before;
  }
  bool operator==(const Offsets&) const = default;

  uint32_t offset;
};

// Folds typographic variants of `in` into the result; `in_map` (empty:
// identity) gives each byte of `in` its original offset. Runs of bytes it
// leaves alone are copied whole.
NormalizedText fold_typography(std::string_view in, const std::vector<uint32_t>& in_map) {
  NormalizedText out;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  auto orig = [&](int32_t i) { return in_map.empty() ? static_cast<uint32_t>(i) : in_map[i]; };
  out.text.reserve(in.size());
  out.to_original.reserve(in.size() + 1);
  for (int32_t i = 0; i < n;) {
    const int32_t run = verbatim_run_end(s, i, n);
    if (run > i) {
      out.text.append(in.data() + i, static_cast<size_t>(run - i));
      // Inserted from iterators, not resized and overwritten: resize would
      // zero-fill the stretch first.
      if (in_map.empty()) {
        out.to_original.insert(out.to_original.end(), Offsets(i), Offsets(run));
      } else {
        out.to_original.insert(out.to_original.end(), in_map.begin() + i, in_map.begin() + run);
      }
      i = run;
      if (i >= n) break;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (char a = ascii_variant(c)) {
      out.text.push_back(a);
      out.to_original.push_back(orig(start));
    } else if (c == 0x2026) {  // ellipsis: three periods, all mapping to it
      out.text.append("...");
      for (int k = 0; k < 3; ++k) out.to_original.push_back(orig(start));
    } else if (c == 0x00AD) {  // soft hyphen: dropped
    } else {
      out.text.append(in.data() + start, static_cast<size_t>(i - start));
      for (int32_t k = start; k < i; ++k) out.to_original.push_back(orig(k));
    }
  }
  out.to_original.push_back(orig(n));
  return out;
}

// What the text needs: NFC composition (some character may not be stable
// under NFC), typographic folding, or nothing. One pass over the bytes,
// with ICU's per-character answers cached in the character table.
struct Needs {
  bool nfc = false;
  bool typography = false;
};

Needs survey(std::string_view text) {
  Needs needs;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const CharInfo* table = char_table();
  for (int32_t i = 0; i < n;) {
    i = ascii_run_end(s, i, n);
    if (i >= n) break;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (ascii_variant(c) || c == 0x2026 || c == 0x00AD) needs.typography = true;
    if (c < 0 || (static_cast<uint32_t>(c) < kCharTableSize ? !table[c].nfc_stable : !nfc_stable_code_point(c)))
      needs.nfc = true;
    if (needs.nfc && needs.typography) break;
  }
  return needs;
}

}  // namespace

NormalizedText normalize_text(std::string_view original) {
  Needs needs = survey(original);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (needs.nfc) {  // the table could not tell: ask ICU
    needs.nfc = !(U_SUCCESS(status) &&
                  nfc->isNormalizedUTF8(icu::StringPiece(original.data(), static_cast<int32_t>(original.size())), status) &&
                  U_SUCCESS(status));
  }
  if (!needs.nfc) {
    if (!needs.typography) return NormalizedText{std::string(original), {}};
    return fold_typography(original, {});
  }

  // Rare: compose, keeping the edits so that offsets map back.
  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits edits;
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, icu::StringPiece(original.data(), static_cast<int32_t>(original.size())), sink, &edits, status);
  if (U_FAILURE(status)) return fold_typography(original, {});

  std::vector<uint32_t> map;
  map.reserve(composed.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    for (int32_t k = 0; k < it.newLength(); ++k) {
      map.push_back(static_cast<uint32_t>(it.sourceIndex() + (it.hasChange() ? 0 : k)));
    }
  }
  map.resize(composed.size(), static_cast<uint32_t>(original.size()));
  map.push_back(static_cast<uint32_t>(original.size()));
  return fold_typography(composed, map);
}

}  // namespace claimtrace
