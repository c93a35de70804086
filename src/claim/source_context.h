// What the text carries from one sentence to the next for attribution: the
// last person and organisation named (for "il", "He said", "It added"), the
// last speaker, and the paragraph's current chain of sources (for "Selon le
// rapport", for the reportative conditional, for "Cette information émane
// de ..." which attributes the sentence before).
#pragma once

#include <string>
#include <vector>

#include "claim/sentence_view.h"
#include "core/document.h"

namespace claimtrace {

struct SourceContext {
  int32_t last_person = kNone;   // entity index
  int32_t last_org = kNone;      // entity index
  uint32_t last_org_sentence = UINT32_MAX;  // where it was named: "it", "they" reach one sentence back
  int32_t last_speaker = kNone;  // entity index of the last source that was a person or organisation
  uint32_t paragraph = UINT32_MAX;
  std::vector<ClaimSource> chain;  // the paragraph's current chain, origin first
  std::vector<Origin> chain_why;
  // The last chain whose origin is a document ("une note de X, consultée par
  // Y"), kept across paragraphs for "selon le rapport", "the report said".
  std::vector<ClaimSource> document_chain;

  // Forgets the paragraph chain when `paragraph` differs from the current one.
  // Inline: it is asked for every sentence, and most stay in the paragraph.
  void enter_paragraph(uint32_t p) {
    if (p == paragraph) return;
    paragraph = p;
    chain.clear();
    chain_why.clear();
  }
  // Remembers the people and organisations named in the sentence, except
  // those that only qualify another noun ("émissaire de Vladimir Poutine").
  void note_mentions(const Document& doc, const DocumentIndex& index, const FrameWords& words, uint32_t sentence);
};

}  // namespace claimtrace
