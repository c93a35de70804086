#include "text/normalize.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/utf8.h>

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

// Folds typographic variants of `in` into `out`; `in_map` (may be empty:
// identity) gives each byte of `in` its original offset.
NormalizedText fold_typography(std::string_view in, const std::vector<uint32_t>& in_map) {
  NormalizedText out;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  auto orig = [&](int32_t i) { return in_map.empty() ? static_cast<uint32_t>(i) : in_map[i]; };

  // First pass: is there anything to fold at all?
  bool any = false;
  for (int32_t i = 0; i < n && !any;) {
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (ascii_variant(c) || c == 0x2026 || c == 0x00AD) any = true;
  }
  if (!any) {
    out.text.assign(in);
    out.to_original = in_map;
    return out;
  }
  out.text.reserve(in.size());
  out.to_original.reserve(in.size() + 1);
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    if (s[i] < 0x80) {
      out.text.push_back(static_cast<char>(s[i]));
      out.to_original.push_back(orig(i));
      ++i;
      continue;
    }
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
      for (int32_t k = start; k < i; ++k) {
        out.text.push_back(static_cast<char>(s[k]));
        out.to_original.push_back(orig(k));
      }
    }
  }
  out.to_original.push_back(orig(n));
  return out;
}

}  // namespace

NormalizedText normalize_text(std::string_view original) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  bool is_nfc = U_SUCCESS(status) &&
                nfc->isNormalizedUTF8(icu::StringPiece(original.data(), static_cast<int32_t>(original.size())), status) &&
                U_SUCCESS(status);
  if (is_nfc) return fold_typography(original, {});

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
