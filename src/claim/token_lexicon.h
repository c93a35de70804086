// A lexicon of phrases matched over tokens, tuned for the claim layer where
// most entries are one word and most tokens match nothing: a bit set of the
// first tokens' hashes rules out most positions with one probe; one-word
// entries sit in a flat hash table; only phrases of several words go to the
// PhraseMatcher. Longest match first, every payload of that match.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/fold.h"
#include "text/phrase_matcher.h"

namespace claimtrace {

class TokenLexicon {
 public:
  TokenLexicon() = default;

  void add(std::string_view phrase, uint32_t payload, const TextRules& rules);

  // Whether a phrase may start at a token of this hash: false for most
  // tokens, which a scan then steps over without calling matches_at.
  bool may_start(uint64_t hash) const { return starts_.test(hash); }

  // The first token of [i, end) at which a phrase may start, or `end`. A
  // loop of its own, with nothing stored: the lexicon's filter and the
  // tokens stay in registers, where a scan's loop reloads them per token.
  // Two tokens a round: the loop's own count and test are paid once for both.
  uint32_t next_start(const Document& doc, uint32_t i, uint32_t end) const {
    const Token* tokens = doc.tokens.data();
    for (; i + 1 < end; i += 2) {
      if (starts_.test(tokens[i].hash)) return i;
      if (starts_.test(tokens[i + 1].hash)) return i + 1;
    }
    if (i < end && !starts_.test(tokens[i].hash)) ++i;
    return i;
  }

  // Whether a phrase of several words may start at token `i`: its first
  // two tokens pass the filters. Most words that open a phrase ("the",
  // "to") are not followed by the rest of one.
  bool may_start_phrase(const Document& doc, uint32_t i, uint32_t end) const {
    const uint64_t h = doc.tokens[i].hash;
    return multi_starts_.test(h) && i + 1 < end && pairs_.test(combine_hash(h, doc.tokens[i + 1].hash));
  }

  // The payloads of the one-word entry of this hash (empty when none).
  // One word is known by its 64-bit folded-key hash alone, as in the entity
  // tables: a chance collision with a lexicon of a few thousand words is
  // about one in 10^15 per token, and a key compare cost a memcmp per hit.
  std::span<const uint32_t> single_payloads(uint64_t h) const {
    for (uint64_t slot = (h >> 7) & mask_; slots_[slot] >= 0; slot = (slot + 1) & mask_) {
      const Single& s = singles_[slots_[slot]];
      if (s.hash == h) return s.payloads;
    }
    return {};
  }

  // The longest phrases starting at token `i` (ending before `end`), all
  // their payloads, appended to `out` (cleared first).
  // Inline: most tokens are turned away by the first bit test, and most of
  // the rest are one-word entries found by one probe, without a call.
  void matches_at(const Document& doc, uint32_t i, uint32_t end, std::vector<PhraseMatcher::Match>& out) const {
    out.clear();
    const uint64_t h = doc.tokens[i].hash;
    if (!starts_.test(h)) return;
    if (may_start_phrase(doc, i, end) && multi_words_at(doc, i, end, out)) return;
    for (uint32_t p : single_payloads(h)) out.push_back({i, i + 1, p});
  }

 private:
  // Phrases of two words or more starting at `i` (whose first two tokens
  // passed the pair filter), the longest only; false (and `out` left empty)
  // when there is none.
  bool multi_words_at(const Document& doc, uint32_t i, uint32_t end, std::vector<PhraseMatcher::Match>& out) const;
  // A bit per hash, sized to the lexicon (16 bits an entry): most tokens are
  // turned away here, and every stage probes its own filters for every
  // token, so they must stay small enough for L1 (a fixed 64 Kbit cost 8 KB
  // each, for a lexicon of a hundred frame words).
  class Filter {
   public:
    void add(uint64_t h);
    bool test(uint64_t h) const {
      const uint64_t b = h & mask_;
      return (bits_[b >> 6] >> (b & 63)) & 1;
    }

   private:
    std::vector<uint64_t> bits_ = std::vector<uint64_t>(kMinBits / 64, 0);
    uint64_t mask_ = kMinBits - 1;
    std::vector<uint64_t> hashes_;  // to refill the bits when they grow
    static constexpr uint64_t kMinBits = 4096;
  };
  struct Single {
    uint64_t hash = 0;
    std::string key;
    std::vector<uint32_t> payloads;
  };
  void rehash();
  Filter starts_, multi_starts_, pairs_;  // pairs_: the first two tokens of phrases
  std::vector<Single> singles_;
  // Open addressing over singles_, -1 empty. Never empty itself (16 slots at
  // first), so that a probe needs no test for a lexicon without one-word entries.
  std::vector<int32_t> slots_ = std::vector<int32_t>(16, -1);
  uint64_t mask_ = 15;
  PhraseMatcher multi_;
};

}  // namespace claimtrace
