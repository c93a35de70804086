// Claims: event frames with sources and certainty, built from the other layers: fills Document::claims.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_claim_builder(const LanguageContext& context);

}  // namespace claimtrace
