// Per-language knowledge the text layer needs, loaded from resources/<lang>/text/.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/error.h"

namespace claimtrace {

// A set of words that answers for a string_view without building a string:
// the text layer asks it at every line break and apostrophe.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct TextRules {
  std::string lang;
  // Folded words that elide before an apostrophe and split off: l d qu jusqu.
  WordSet elisions;
  // Folded words with an apostrophe that stay one token: aujourd'hui.
  WordSet apostrophe_words;
  // Folded abbreviations that a period does not end a sentence after: m mme dr gen.
  WordSet abbreviations;
  // Folded function words, frequent and short: they tell the language of a
  // text too short for CLD2.
  WordSet stopwords;
};

// Loads resources/<lang>/text/{elisions,apostrophe_words,abbreviations,stopwords}.tsv;
// a missing file is an empty list.
Result<TextRules> load_text_rules(const std::filesystem::path& root, const std::string& lang);

}  // namespace claimtrace
