// Attribution frames of one sentence: who says what. Each reporting verb
// ("X a affirmé que", "X said", "said X") and attribution phrase ("selon X",
// "according to X", "consultée par X", "au micro de X", "émane d'une note de
// X") gives a unit holding a chain of sources, origin first, then relays.
// Source phrases are cut with syntax-light rules (a noun phrase to the left
// of a verb, or after a preposition, up to a clause edge), and resolved to
// entities through the entity layer, pronouns through the SourceContext.
#pragma once

#include <string_view>
#include <vector>

#include "claim/sentence_view.h"
#include "claim/source_context.h"

namespace claimtrace {

struct AttributionUnit {
  std::vector<ClaimSource> chain;  // origin first
  uint32_t cue_first = 0;          // the cue's tokens
  uint32_t cue_end = 0;
  std::vector<const CueRef*> cues; // the cues that made it
  std::string_view label;          // the certainty the verb lends ("probable" for estimer), or empty
  bool self = false;               // "selon moi": the author's own view
  bool backward = false;           // "Cette information émane de": attributes the sentence before
  std::vector<Origin> why;
};

void find_attributions(const SentenceView& view, const SourceContext& context, std::vector<AttributionUnit>& out);

// Whether `at` lies in one of the units' source phrases: entity mentions in
// there are speakers, not actors.
bool inside_source(const std::vector<AttributionUnit>& units, Extent at);

}  // namespace claimtrace
