// Event frames of one sentence and their arguments. A frame comes from a
// trigger cue (envoyer, visite, combats, killed...) or from a counted group
// with a status word ("600 tués"); a list split ("dont 4 000 auraient été
// blessés et 600 tués") gives one frame per figure. Arguments come from the
// entity, time and quantity layers with syntax-light rules: passive agent
// ("déployées par X"), "visites de X", the nationality of the group sent or
// hit, the nearest subject-like mention to the left; recipient after "en
// soutien à", "pour aider", "to help"; places after "en", "dans", "à"; the
// nearest time of the clause.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "claim/attribution.h"
#include "claim/frame_words.h"
#include "claim/sentence_view.h"

namespace claimtrace {

struct Frame {
  const EventType* type = nullptr;
  uint32_t anchor_first = 0;  // tokens of the trigger or the group
  uint32_t anchor_end = 0;
  uint32_t reach_end = 0;     // past the trigger and status word too
  int32_t segment = 0;
  const CueRef* trigger = nullptr;
  const CueRef* status_cue = nullptr;  // the casualty word of a casualty frame
  int32_t quantity = kNone;  // index into doc.quantities
  int32_t number = kNone;    // index into doc.numbers (a bare figure in a list)
  std::string_view status;
  std::string actor, recipient;
  std::vector<std::string> locations;
  int32_t time = kNone;      // index into doc.times
  Explain why;
};

void find_frames(const SentenceView& view, const FrameWords& words, std::vector<Frame>& out);

// Fills actor, recipient, locations and time of the frames of one sentence.
void fill_arguments(const SentenceView& view, const std::vector<AttributionUnit>& units, std::vector<Frame>& frames);

// The id a claim names an entity by: the entity's own, or its country's for
// people and organisations that belong to one (CAMEO codes actors by country).
std::string actor_id(const Document& doc, uint32_t entity);

// The index of the entity with this id in the document, or kNone.
int32_t entity_index(const Document& doc, const std::string& id);

}  // namespace claimtrace
