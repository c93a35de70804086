// A PhraseMatcher with a filter on the first token of its phrases: most
// tokens start no phrase, and the filter says so in one probe instead of a
// hash-map lookup. Used for the lexicons probed next to every number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "text/phrase_matcher.h"

namespace claimtrace::number {

// A filter over 64-bit key hashes: "certainly absent" in one probe. One
// byte per slot, not one bit: a probe is then a load and a compare, which
// matters where it runs on every token of a document. The byte holds tags,
// so that one probe also tells which of several word sets a hash may be in.
class HashFilter {
 public:
  void add(uint64_t h, uint8_t tag = 1) { slots_[slot(h)] |= tag; }
  bool may_contain(uint64_t h) const { return slots_[slot(h)] != 0; }
  // The tags of every set the hash may be in; 0 when it is certainly in none.
  uint8_t tags(uint64_t h) const { return slots_[slot(h)]; }
  // Also lets through every hash `other` lets through, with `tag`.
  void add_all(const HashFilter& other, uint8_t tag = 1) {
    for (size_t k = 0; k < std::size(slots_); ++k) slots_[k] |= other.slots_[k] ? tag : 0;
  }

 private:
  // Key hashes end with a mixer (text/fold.h): their low bits serve as they are.
  // 16384 slots keep frequent words ("the", "de") from passing by collision.
  static uint32_t slot(uint64_t h) { return static_cast<uint32_t>(h & 16383); }
  uint8_t slots_[16384] = {};
};

class FilteredMatcher {
 public:
  bool add(std::string_view phrase, uint32_t payload, const TextRules& rules) {
    Document d = tokenize_phrase(phrase, rules);
    if (d.tokens.empty()) return false;
    first_.add(d.tokens.front().hash);
    if (!matcher_.add(phrase, payload, rules)) return false;
    // "plus d'" also before a word: "plus d'un million".
    if (phrase.ends_with('\'')) matcher_.add_elided(phrase, payload, rules);
    return true;
  }
  // Whether a phrase may start at token `first` and end by `limit`: the
  // filter alone, for callers with work to spare when none can.
  bool may_match_at(const Document& doc, uint32_t first, uint32_t limit) const {
    return first < limit && first < doc.tokens.size() && first_.may_contain(doc.tokens[first].hash);
  }
  void matches_at(const Document& doc, uint32_t first, uint32_t limit,
                  std::vector<PhraseMatcher::Match>& out) const {
    if (may_match_at(doc, first, limit)) matcher_.matches_at(doc, first, limit, out);
  }
  void scan(const Document& doc, uint32_t first, uint32_t end, std::vector<PhraseMatcher::Match>& out) const {
    matcher_.scan(doc, first, end, out);
  }
  uint32_t max_tokens() const { return matcher_.max_tokens(); }
  size_t size() const { return matcher_.size(); }

 private:
  PhraseMatcher matcher_;
  HashFilter first_;
};

}  // namespace claimtrace::number
