// The status of a counted group from the words around it: déployés/deployed,
// blessés/wounded, tués/killed, capturés/captured, disparus/missing,
// pertes/losses (total), and "supplémentaires"/"additional" or no word at
// all, which read as planned when the clause looks ahead (conditional,
// future, intent: "pourrait envoyer", "envisage d'envoyer", "will send") and
// as deployed otherwise.
#pragma once

#include <string_view>
#include <vector>

#include "claim/sentence_view.h"

namespace claimtrace {

struct StatusHit {
  std::string_view status;  // as in status.tsv, or empty
  const CueRef* cue = nullptr;
};

// A status word right after the group (a few tokens, over auxiliaries such as
// "auraient été", "déjà", "were") or right before it.
StatusHit adjacent_status(const SentenceView& view, uint32_t first, uint32_t end);

bool is_casualty_status(std::string_view status);

// Whether the clause looks ahead; `why` gets the cue that says so.
bool looks_ahead(const SentenceView& view, int32_t segment, Origin& why);

// The contract status for a deployment-like group.
std::string_view deployment_status(const SentenceView& view, int32_t segment, StatusHit hit,
                                   std::vector<Origin>& why);

}  // namespace claimtrace
