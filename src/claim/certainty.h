// How sure the wording is, from the cues in a claim's scope: its clause
// segment (cues before a boundary word do not reach past it), plus the
// certainty the reporting verb lends ("estimer" -> probable). Denial beats
// rumour beats hedges; among hedges the weakest wins; an official
// confirmation with no hedge is asserted. Labels: asserted probable possible
// rumoured denied (CONTRACT.md); docs/certainty.md lines them up with ICD 203
// and the Admiralty code.
#pragma once

#include <string_view>
#include <vector>

#include "claim/sentence_view.h"

namespace claimtrace {

struct Certainty {
  std::string_view label = "asserted";
  std::vector<const CueRef*> cues;  // every certainty, rumour, denial, confirmation, negation cue in scope
  std::vector<Origin> why;
};

// Scores the cues in scope (certainty, rumour, denial, confirmation,
// negation; others are skipped) with the certainty the reporting verb lends.
Certainty score_certainty(const std::vector<const CueRef*>& scope, std::string_view verb_label, Origin verb_why);

// Which frame each cue of the sentence governs: the first frame of its clause
// segment that does not end before it ("pourrait envoyer ... les visites de X":
// the hedge reaches the sending, not the visits). `extents` are the frames'
// token extents (trigger, group and status word together) and segments.
// Returns, per frame, its cues; cues of a sentence without frames go to
// `unscoped`.
void scope_cues(const SentenceView& view, const std::vector<std::pair<uint32_t, uint32_t>>& extents,
                const std::vector<int32_t>& segments, std::vector<std::vector<const CueRef*>>& per_frame);

// Strength of a label: asserted 1, probable .7, possible .5, rumoured .3, denied 0.
float label_strength(std::string_view label);

}  // namespace claimtrace
