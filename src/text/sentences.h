// Sentence splitting over tokens: terminal punctuation (with closing quotes
// and guillemets) unless it follows an abbreviation of the language or an
// initial; paragraph breaks; a line that ends without punctuation (headlines);
// a title repeated at the start of the body; dateline prefixes
// ("KYIV (Reuters) -", "22 mai 2012. -").
#pragma once

#include "core/document.h"
#include "text/text_rules.h"

namespace claimtrace {

// Fills doc.sentences from doc.tokens.
void split_sentences(Document& doc, const TextRules& rules);

}  // namespace claimtrace
