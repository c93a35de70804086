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

  // Every phrase that starts at token `first` and ends at or before `limit`,
  // longest first.
  void matches_at(const Document& doc, uint32_t first, uint32_t limit, std::vector<Match>& out) const;

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
  bool same_key(const Document& doc, uint32_t first, uint32_t end, std::string_view key) const;

  std::unordered_map<uint64_t, std::vector<Entry>> phrases_;
  std::unordered_map<uint64_t, uint32_t> prefixes_;  // hash of a phrase prefix -> longest continuation
  uint32_t max_tokens_ = 0;
  size_t count_ = 0;
};

// Tokenizes a phrase as a document would be (used to build lexicons).
Document tokenize_phrase(std::string_view phrase, const TextRules& rules);

}  // namespace claimtrace
