#include "claim/certainty.h"

namespace claimtrace {

float label_strength(std::string_view label) {
  if (label == "asserted" || label == "confirmed") return 1.0f;
  if (label == "probable") return 0.7f;
  if (label == "possible") return 0.5f;
  if (label == "rumoured") return 0.3f;
  if (label == "denied") return 0.0f;
  return 1.0f;
}

void scope_cues(const SentenceView& v, const std::vector<std::pair<uint32_t, uint32_t>>& extents,
                const std::vector<int32_t>& segments, std::vector<std::vector<const CueRef*>>& per_frame) {
  per_frame.assign(extents.size(), {});
  for (const CueRef& c : v.cues) {
    const int32_t seg = v.segment_of(c.first);
    size_t last_before = extents.size();
    bool placed = false;
    for (size_t i = 0; i < extents.size(); ++i) {
      if (segments[i] != seg) continue;
      if (extents[i].second <= c.first) {
        last_before = i;
        continue;
      }
      per_frame[i].push_back(&c);
      placed = true;
      break;
    }
    // An adverb after the last event of its clause ("enverrait probablement").
    if (!placed && last_before < extents.size()) per_frame[last_before].push_back(&c);
  }
}

Certainty score_certainty(const std::vector<const CueRef*>& scope, std::string_view verb_label, Origin verb_why) {
  Certainty out;
  bool denied = verb_label == "denied";
  bool rumour = verb_label == "rumoured";  // "alleged"
  bool confirmed = false;
  std::string_view hedge;
  Origin hedge_why{};
  if (verb_label == "probable" || verb_label == "possible") {
    hedge = verb_label;
    hedge_why = verb_why;
  }
  std::vector<Origin> denial_why, rumour_why, confirm_why;
  for (const CueRef* cp : scope) {
    const CueRef& c = *cp;
    switch (c.cue->kind) {
      case CueKind::kDenial:
        denied = true;
        denial_why.push_back(c.cue->why);
        break;
      case CueKind::kRumour:
        rumour = true;
        rumour_why.push_back(c.cue->why);
        break;
      case CueKind::kConfirmation:
        confirmed = true;
        confirm_why.push_back(c.cue->why);
        break;
      case CueKind::kCertainty:
        if (hedge.empty() || label_strength(c.cue->key) < label_strength(hedge)) {
          hedge = c.cue->key;
          hedge_why = c.cue->why;
        }
        break;
      case CueKind::kNegation:
        break;
      default:
        continue;
    }
    out.cues.push_back(&c);
  }
  if (denied) {
    out.label = "denied";
    out.why = denial_why.empty() ? std::vector<Origin>{verb_why} : denial_why;
    out.why.push_back(Origin{"certainty.denial", {}});
  } else if (rumour) {
    out.label = "rumoured";
    out.why = rumour_why.empty() ? std::vector<Origin>{verb_why} : rumour_why;
    out.why.push_back(Origin{"certainty.rumour", {}});
  } else if (!hedge.empty() && label_strength(hedge) < 1.0f) {
    out.label = hedge;
    out.why = {hedge_why, Origin{"certainty.weakest_hedge_in_clause", {}}};
  } else if (confirmed) {
    out.label = "asserted";
    out.why = confirm_why;
    out.why.push_back(Origin{"certainty.confirmation", {}});
  } else {
    out.label = "asserted";
    out.why = {Origin{"certainty.no_hedge", {}}};
    if (!verb_label.empty()) out.why.push_back(verb_why);
  }
  return out;
}

}  // namespace claimtrace
