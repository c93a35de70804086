#include "claim/source_context.h"

#include <algorithm>

namespace claimtrace {

void SourceContext::note_mentions(const Document& doc, const DocumentIndex& index, const FrameWords& words,
                                  uint32_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  for (auto it = index.mentions.begin() + index.starts[sentence].mentions;
       it != index.mentions.end() && it->first < s.end_token; ++it) {
    const Mention& mention = doc.mentions[it->index];
    const Entity& e = doc.entities[mention.entity];
    const bool person = has_type(e, "PERSON");
    const bool org = has_type(e, "ORG") && !mention.demonym;
    // Only a person or an organisation is noted: test the type before the
    // words before it (two lexicon probes).
    if (!person && !org) continue;
    // "émissaire de X", "allié de X": X qualifies a relational noun.
    if (it->first >= s.first_token + 2 && (words.roles_of_token(doc, it->first - 1) & role_bit(Role::kOf)) &&
        (words.roles_of_token(doc, it->first - 2) & role_bit(Role::kRelational))) {
      continue;
    }
    (person ? last_person : last_org) = static_cast<int32_t>(mention.entity);
    if (!person) last_org_sentence = sentence;
  }
}

}  // namespace claimtrace
