// Cues: reporting verbs, attribution phrases, hedges, event triggers: fills Document::cues.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_cue_annotator(const LanguageContext& context);

}  // namespace claimtrace
