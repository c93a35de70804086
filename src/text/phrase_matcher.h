// Lexicon lookup fused with the tokenizer's output: phrases are stored as
// hashes of their folded token sequences, so that matching costs a few hash
// probes per token and never rescans the text. Case- and accent-insensitive,
// longest match first. Built once, then immutable and shared by threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "text/fold.h"
#include "text/text_rules.h"

namespace claimtrace {

class PhraseMatcher {
 public:
  struct Match {
    uint32_t first = 0;  // tokens [first, end)
    uint32_t end = 0;
    uint32_t payload = 0;
  };

  // Adds a phrase, tokenized and folded as documents are. Returns false when
  // the phrase holds no token.
  bool add(std::string_view phrase, uint32_t payload, const TextRules& rules);
  // A phrase ending in an elided word ("plus d'") as it is tokenized before
  // a word ("plus d'un", where "d'" is one token; before digits, "plus d'1",
  // it is two and add() covers it). False when the phrase ends otherwise.
  bool add_elided(std::string_view phrase, uint32_t payload, const TextRules& rules);

  // Every phrase that starts at token `first` and ends at or before `limit`,
  // longest first.
  // Inline: most tokens start no phrase and are turned away by a bit test or
  // two, without a call.
  void matches_at(const Document& doc, uint32_t first, uint32_t limit, std::vector<Match>& out) const {
    if (first < limit && first < doc.tokens.size() && may_start_at(doc, first, limit))
      matches_from(doc, first, limit, out);
  }

  // Left to right over tokens [first, end): at each position the longest
  // phrases (all payloads of that phrase), then on after them.
  void scan(const Document& doc, uint32_t first, uint32_t end, std::vector<Match>& out) const;

  size_t size() const { return count_; }
  uint32_t max_tokens() const { return max_tokens_; }

 private:
  struct Entry {
    std::string key;  // folded tokens joined by '\x1f', to rule out hash collisions
    uint32_t payload;
  };
  bool add_tokens(const Document& doc, uint32_t n, uint32_t payload);  // the first n tokens of doc
  bool same_key(const Document& doc, uint32_t first, uint32_t end, std::string_view key) const;
  void matches_from(const Document& doc, uint32_t first, uint32_t limit, std::vector<Match>& out) const;

  // One open-addressing table for phrase and prefix hashes: a probe is a
  // cache line, not a node chase. `group` indexes groups_ (phrases ending
  // here), or is kNoGroup for a bare prefix.
  struct Slot {
    uint64_t key = 0;
    uint32_t group = 0;
    bool used = false;
    bool prefix = false;
  };
  static constexpr uint32_t kNoGroup = UINT32_MAX;
  Slot& slot_for(uint64_t key);  // inserts an empty slot when absent
  const Slot* find(uint64_t key) const;
  void grow();
  // Bits for three kinds of key: each phrase's first-token hash, the phrase
  // hash of each one-token phrase, and the phrase hash of each longer
  // phrase's first two tokens. Most tokens start no phrase; most of those
  // that open one (the, people) are followed by a word that no phrase
  // continues with. Both are turned away before any probe.
  bool filter_has(uint64_t key) const { return (filter_[(key >> 6) & filter_mask_] >> (key & 63)) & 1; }
  void filter_set(uint64_t key) { filter_[(key >> 6) & filter_mask_] |= uint64_t{1} << (key & 63); }
  bool may_start_at(const Document& doc, uint32_t first, uint32_t limit) const {
    const uint64_t head = doc.tokens[first].hash;
    if (!filter_has(head)) return false;
    const uint64_t one = combine_hash(0, head);
    if (filter_has(one)) return true;
    const uint32_t second = first + 1;
    return second < limit && second < doc.tokens.size() && filter_has(combine_hash(one, doc.tokens[second].hash));
  }
  void add_filter_key(uint64_t key);

  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t used_ = 0;
  std::vector<std::vector<Entry>> groups_;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(64);
  uint64_t filter_mask_ = 63;
  std::vector<uint64_t> filter_keys_;  // every key set in filter_, to rebuild it larger
  uint32_t max_tokens_ = 0;
  size_t count_ = 0;
};

// Tokenizes a phrase as a document would be (used to build lexicons).
Document tokenize_phrase(std::string_view phrase, const TextRules& rules);

}  // namespace claimtrace
