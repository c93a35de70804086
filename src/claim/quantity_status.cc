#include "claim/quantity_status.h"

namespace claimtrace {
namespace {
constexpr uint32_t kAfter = 4;
constexpr uint32_t kWeightless = 3;  // auxiliaries a status may stand past kAfter by
constexpr uint32_t kBefore = 2;
}  // namespace

bool is_casualty_status(std::string_view s) {
  return s == "wounded" || s == "killed" || s == "captured" || s == "missing" || s == "total";
}

StatusHit adjacent_status(const SentenceView& v, uint32_t first, uint32_t end) {
  StatusHit best;
  uint32_t best_distance = UINT32_MAX;
  // Auxiliaries count for nothing: "4,000 of them have been killed", "deux autres ont été blessées".
  auto weightless = [&](uint32_t t) { return v.has(t, Role::kAux) || v.has(t, Role::kPassiveAux); };
  for (const CueRef& c : v.cues) {
    if (c.cue->kind != CueKind::kStatus || c.cue->key == "planned") continue;
    uint32_t distance = UINT32_MAX;
    if (c.first >= end && c.first - end < kAfter + kWeightless) {
      distance = 0;
      for (uint32_t t = end; t < c.first; ++t) distance += weightless(t) ? 0 : 1;
      if (distance >= kAfter) distance = UINT32_MAX;
      // Nothing but auxiliaries, adverbs and the counted noun between them.
      for (uint32_t t = end; t < c.first; ++t) {
        if (v.is_punct(t, ',') || v.has(t, Role::kBoundary) || v.mention_at(t) != kNone) {
          if (v.mention_at(t) == kNone || !v.doc->mentions[v.mention_at(t)].demonym) distance = UINT32_MAX;
        }
      }
    } else if (c.end <= first && first - c.end < kBefore) {
      distance = first - c.end + 1;
      // "290 personnes sont mortes et 900 ont été blessées": across "et" the word is the figure before's.
      for (uint32_t t = c.end; t < first; ++t) distance += v.has(t, Role::kCoordinator) ? 1 : 0;
    } else if (c.first >= first && c.end <= end && c.first > first) {
      distance = 0;  // the counted noun is the status: "12 dead and dozens wounded", "40 morts"
    }
    // A specific status beats "additional" at the same distance.
    if (distance < best_distance || (distance != UINT32_MAX && best.status == "additional" && c.cue->key != "additional")) {
      best_distance = distance;
      best = StatusHit{c.cue->key, &c};
    }
  }
  return best;
}

bool looks_ahead(const SentenceView& v, int32_t segment, Origin& why) {
  for (const CueRef& c : v.cues) {
    if (segment != kNone && v.segment_of(c.first) != segment) continue;
    if ((c.cue->kind == CueKind::kStatus && c.cue->key == "planned") ||
        (c.cue->kind == CueKind::kCertainty && (c.cue->key == "possible" || c.cue->key == "probable"))) {
      why = c.cue->why;
      return true;
    }
  }
  return false;
}

std::string_view deployment_status(const SentenceView& v, int32_t segment, StatusHit hit, std::vector<Origin>& why) {
  if (hit.cue) why.push_back(hit.cue->cue->why);
  if (hit.status == "deployed" || hit.status == "planned") {
    why.push_back(Origin{"status.adjacent_word", {}});
    return hit.status;
  }
  Origin ahead{};
  if (looks_ahead(v, segment, ahead)) {
    why.push_back(ahead);
    why.push_back(Origin{"status.planned_when_clause_looks_ahead", {}});
    return "planned";
  }
  why.push_back(Origin{"status.deployed_by_default", {}});
  return "deployed";
}

}  // namespace claimtrace
