// What the number annotator works on inside one sentence: numbers found so
// far with their token extents, before they become NumberSpans.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace claimtrace::number {

struct Atom {
  uint32_t first = 0;  // tokens [first, end)
  uint32_t end = 0;
  NumberSpan span;
  bool plain = true;   // a number that may enter ranges and bounds (no phone, date, time, in_word)
};

// Token helpers over the normalized view.
inline std::string_view token_text(const Document& doc, uint32_t i) { return doc.normalized_of(doc.tokens[i]); }
inline bool glued(const Document& doc, uint32_t i) { return !doc.tokens[i].has(kSpaceBefore); }
inline bool is_punct(const Document& doc, uint32_t i, std::string_view p) {
  const Token& t = doc.tokens[i];
  return (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) && doc.normalized_of(t) == p;
}
inline Extent extent_of(const Document& doc, uint32_t first, uint32_t end) {
  return {doc.tokens[first].at.start, doc.tokens[end - 1].at.end};
}

}  // namespace claimtrace::number
