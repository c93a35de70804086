// Per-language knowledge the text layer needs, loaded from resources/<lang>/text/.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>

#include "core/error.h"

namespace claimtrace {

struct TextRules {
  std::string lang;
  // Folded words that elide before an apostrophe and split off: l d qu jusqu.
  std::unordered_set<std::string> elisions;
  // Folded words with an apostrophe that stay one token: aujourd'hui.
  std::unordered_set<std::string> apostrophe_words;
  // Folded abbreviations that a period does not end a sentence after: m mme dr gen.
  std::unordered_set<std::string> abbreviations;
  // Folded function words, frequent and short: they tell the language of a
  // text too short for CLD2.
  std::unordered_set<std::string> stopwords;
};

// Loads resources/<lang>/text/{elisions,apostrophe_words,abbreviations,stopwords}.tsv;
// a missing file is an empty list.
Result<TextRules> load_text_rules(const std::filesystem::path& root, const std::string& lang);

}  // namespace claimtrace
