// A byte-class tokenizer over the normalized view, with an ASCII fast path;
// ICU is consulted only for the class of non-ASCII code points.
//
// Words keep internal hyphens (nord-coréens, Jong-un) and apostrophes
// (aujourd'hui, O'Brien) unless the part before the apostrophe is an elision
// of the language (l', jusqu'), which becomes its own token. English "'s" is
// its own token. Digit groups are joined into one number token across
// separators ("30 000", "1,500", "2,5", "1'000") when the shape says so; the
// number annotator reads their value. Letters glued to a number ("1er",
// "15h30", "30k") are separate tokens without kSpaceBefore.
#pragma once

#include "core/document.h"
#include "text/text_rules.h"

namespace claimtrace {

// Fills doc.tokens and doc.folded from doc.normalized.
void tokenize(Document& doc, const TextRules& rules);

}  // namespace claimtrace
