#include "claim/source_context.h"

namespace claimtrace {

void SourceContext::enter_paragraph(uint32_t p) {
  if (p == paragraph) return;
  paragraph = p;
  chain.clear();
  chain_why.clear();
}

void SourceContext::note_mentions(const SentenceView& view) {
  const Document& doc = *view.doc;
  for (const auto& m : view.mentions) {
    const Mention& mention = doc.mentions[m.index];
    const Entity& e = doc.entities[mention.entity];
    // "émissaire de X", "allié de X": X qualifies a relational noun.
    if (m.first >= view.first + 2 && view.has(m.first - 1, Role::kOf) && view.has(m.first - 2, Role::kRelational)) {
      continue;
    }
    if (e.type == "PERSON") last_person = static_cast<int32_t>(mention.entity);
    if (e.type == "ORG" && !mention.demonym) last_org = static_cast<int32_t>(mention.entity);
  }
}

}  // namespace claimtrace
