// Per-language knowledge the text layer needs, loaded from resources/<lang>/text/.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "core/string_map.h"

namespace claimtrace {

// A set of words that answers for a string_view without building a string.
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// The same words by the 64-bit hash of their folded key (Token::hash), for
// the questions asked at every line break and period: a bit filter, then a
// binary search, and no hashing of the text.
class KeyHashSet {
 public:
  void insert(uint64_t key_hash);
  bool contains(uint64_t key_hash) const {
    const uint64_t bit = key_hash & (kFilterBits - 1);
    return ((filter_[bit >> 6] >> (bit & 63)) & 1) && std::binary_search(sorted_.begin(), sorted_.end(), key_hash);
  }

 private:
  static constexpr uint64_t kFilterBits = 1024;
  uint64_t filter_[kFilterBits / 64] = {};
  std::vector<uint64_t> sorted_;
};

struct TextRules {
  std::string lang;
  // Folded words that elide before an apostrophe and split off: l d qu jusqu.
  WordSet elisions;
  // Folded words with an apostrophe that stay one token: aujourd'hui.
  WordSet apostrophe_words;
  // Folded abbreviations that a period does not end a sentence after: m mme dr gen.
  WordSet abbreviations;
  KeyHashSet elision_keys, abbreviation_keys;  // the two above by key hash
  // Folded function words, frequent and short: they tell the language of a
  // text too short for CLD2.
  WordSet stopwords;
};

// Loads resources/<lang>/text/{elisions,apostrophe_words,abbreviations,stopwords}.tsv;
// a missing file is an empty list.
Result<TextRules> load_text_rules(const std::filesystem::path& root, const std::string& lang);

}  // namespace claimtrace
