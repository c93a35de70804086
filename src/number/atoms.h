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
  bool replaced = false;  // part of a larger number that stands in its place ("five" in "one in five")
  bool bounded = false;   // taken into a range or bound by find_ranges
};

// Token helpers over the normalized view.
inline std::string_view token_text(const Document& doc, uint32_t i) { return doc.normalized_of(doc.tokens[i]); }
inline bool glued(const Document& doc, uint32_t i) { return !doc.tokens[i].has(kSpaceBefore); }
inline bool is_punct(const Document& doc, uint32_t i, std::string_view p) {
  const Token& t = doc.tokens[i];
  return (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) && doc.normalized_of(t) == p;
}
// A token of currency signs only ("$", "€", "£"): it may stand between a
// bound and its number ("more than $915 million") and after both ends of a
// range ("$500 to $2,000", "entre 30 000 € et 60 000 €").
bool is_currency_sign(const Document& doc, uint32_t i);
// A token that ends with a currency sign: "$", "US$", "C$".
bool ends_with_currency_sign(const Document& doc, uint32_t i);

inline Extent extent_of(const Document& doc, uint32_t first, uint32_t end) {
  return {doc.tokens[first].at.start, doc.tokens[end - 1].at.end};
}

}  // namespace claimtrace::number
