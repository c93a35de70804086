// Names that no resource knows: runs of capitalized tokens, read as an
// organisation when a head noun ends or opens them ("le Stimson Center",
// "Institut Montaigne", "the Retired American Warriors political action
// committee"), as a person when a role or title introduces them ("le député
// sud-coréen Lee Seong-kweun", "Gen Oleksandr Syrskyi") or when two or more
// capitalized words stand inside a sentence ("Jenny Town").
#pragma once

#include <cstdint>

#include "core/document.h"
#include "entity/lexicon.h"

namespace claimtrace {

struct NameRun {
  uint32_t first = 0;  // tokens [first, end)
  uint32_t end = 0;
  uint32_t words = 0;  // capitalized words in it (particles not counted)
};

// A capitalized letter alone, without the period of an initial ("O", "S"):
// OCR debris, a list mark or a tag, never a name.
bool lone_letter(const Document& doc, const Token& t);

// A token that may be part of a name: a capitalized or all-caps word that is
// not one of the language's capitalized function words.
// Inline: asked of every capitalized word the scan meets and of the words
// around it; only a word short enough to be one letter pays a call.
inline bool is_name_word(const Document& doc, const Token& t, const EntityLexicon& lex) {
  if (t.kind != TokenKind::kWord || !(t.flags & (kCapitalized | kAllCaps)) || (t.flags & kElision)) return false;
  if (lex.not_names.find(t.hash) >= 0) return false;
  constexpr uint32_t kLongestCodePoint = 4;  // bytes
  return t.fold_size > kLongestCodePoint || !lone_letter(doc, t);
}

// The longest run from token `i` (a name word) of name words, with particles
// (de, van, bin) between them, within [i, end) and at most `max_words` words.
NameRun name_run(const Document& doc, const EntityLexicon& lex, uint32_t i, uint32_t end, uint32_t max_words);

struct OrgName {
  uint32_t end = 0;  // tokens [first, end); 0 when the run is not an organisation
  const OrgHeadInfo* head = nullptr;
  uint32_t first = 0;  // the run's first token, or a ministry's head before it
};

// The run read as an organisation through an org head noun inside it, at
// its start, right after it, or, for a ministry, in lower case before it
// ("le ministère de l'Intérieur").
OrgName organisation_name(const Document& doc, const EntityLexicon& lex, NameRun run, uint32_t sentence_end);

// "Islamic Revolutionary Guard Corps (IRGC)": the token of an acronym that
// the name [first, end) defines in parentheses right after it (2 to 6
// capitals, the name's first letter first); 0 when there is none.
uint32_t defined_acronym(const Document& doc, uint32_t first, uint32_t end);

// Headline case ("Russia Sends More Troops"): most words capitalized, so
// capitals say nothing about names.
bool headline_case(const Document& doc, const Sentence& s);

}  // namespace claimtrace
