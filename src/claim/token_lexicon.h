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
  bool may_start(uint64_t hash) const { return starts_.tags(hash) != 0; }

  // The first token of [i, end) at which a phrase may start, or `end`. A
  // loop of its own, with nothing stored: the lexicon's filter and the
  // tokens stay in registers, where a scan's loop reloads them per token.
  // Two tokens a round: the loop's own count and test are paid once for both.
  uint32_t next_start(const Document& doc, uint32_t i, uint32_t end) const {
    const Token* tokens = doc.tokens.data();
    for (; i + 1 < end; i += 2) {
      if (starts_.tags(tokens[i].hash)) return i;
      if (starts_.tags(tokens[i + 1].hash)) return i + 1;
    }
    if (i < end && !starts_.tags(tokens[i].hash)) ++i;
    return i;
  }

  // Whether a phrase of several words may start at token `i`: its first
  // two tokens pass the filters. Most words that open a phrase ("the",
  // "to") are not followed by the rest of one.
  bool may_start_phrase(const Document& doc, uint32_t i, uint32_t end) const {
    const uint64_t h = doc.tokens[i].hash;
    return (starts_.tags(h) & kStartsPhrase) && i + 1 < end && pairs_.tags(combine_hash(h, doc.tokens[i + 1].hash));
  }

  // The payloads of the one-word entry of this hash (empty when none).
  // One word is known by its 64-bit folded-key hash alone, as in the entity
  // tables: a chance collision with a lexicon of a few thousand words is
  // about one in 10^15 per token, and a key compare cost a memcmp per hit.
  // The filter's tag first: most words that pass it only open phrases
  // ("of", "to", "in"), and the table is not probed for them.
  std::span<const uint32_t> single_payloads(uint64_t h) const {
    const int32_t k = single_index(h);
    return k < 0 ? std::span<const uint32_t>() : std::span<const uint32_t>(singles_[k].payloads);
  }

  // The one-word entry of this hash as a number in [0, single_count()), or
  // -1: for a user that keeps a summary of each word's payloads.
  int32_t single_index(uint64_t h) const {
    if (!(starts_.tags(h) & kStartsWord)) return -1;
    for (uint64_t slot = (h >> 7) & mask_; slots_[slot] >= 0; slot = (slot + 1) & mask_) {
      if (singles_[slots_[slot]].hash == h) return slots_[slot];
    }
    return -1;
  }
  size_t single_count() const { return singles_.size(); }
  std::span<const uint32_t> payloads_of_single(size_t k) const { return singles_[k].payloads; }

  // The longest phrases starting at token `i` (ending before `end`), all
  // their payloads, appended to `out` (cleared first).
  // Inline: most tokens are turned away by the first bit test, and most of
  // the rest are one-word entries found by one probe, without a call.
  void matches_at(const Document& doc, uint32_t i, uint32_t end, std::vector<PhraseMatcher::Match>& out) const {
    out.clear();
    const uint64_t h = doc.tokens[i].hash;
    if (!may_start(h)) return;
    if (may_start_phrase(doc, i, end) && multi_words_at(doc, i, end, out)) return;
    for (uint32_t p : single_payloads(h)) out.push_back({i, i + 1, p});
  }

 private:
  // Phrases of two words or more starting at `i` (whose first two tokens
  // passed the pair filter), the longest only; false (and `out` left empty)
  // when there is none.
  bool multi_words_at(const Document& doc, uint32_t i, uint32_t end, std::vector<PhraseMatcher::Match>& out) const;
  // A byte of tags per hash slot, sized to the lexicon (16 slots an entry,
  // so that frequent words rarely pass by collision): most tokens are turned
  // away here with a load and a compare, where a bit per slot cost a shift
  // and a mask more on every token of the scans. The tags tell which kinds
  // of entry a hash may start (0: none).
  class Filter {
   public:
    void add(uint64_t h, uint8_t tag);
    uint8_t tags(uint64_t h) const { return slots_[h & mask_]; }

   private:
    std::vector<uint8_t> slots_ = std::vector<uint8_t>(kMinSlots, 0);
    uint64_t mask_ = kMinSlots - 1;
    std::vector<std::pair<uint64_t, uint8_t>> added_;  // to refill the slots when they grow
    static constexpr uint64_t kMinSlots = 4096;
  };
  // Tags of starts_: a one-word entry, the first word of a longer phrase.
  static constexpr uint8_t kStartsWord = 1, kStartsPhrase = 2;
  struct Single {
    uint64_t hash = 0;
    std::string key;
    std::vector<uint32_t> payloads;
  };
  void rehash();
  Filter starts_, pairs_;  // pairs_: the first two tokens of phrases
  std::vector<Single> singles_;
  // Open addressing over singles_, -1 empty. Never empty itself (16 slots at
  // first), so that a probe needs no test for a lexicon without one-word entries.
  std::vector<int32_t> slots_ = std::vector<int32_t>(16, -1);
  uint64_t mask_ = 15;
  PhraseMatcher multi_;
};

}  // namespace claimtrace
