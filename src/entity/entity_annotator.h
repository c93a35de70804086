// Entities and their mentions, with coreference: fills Document::entities and Document::mentions.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext& context);

}  // namespace claimtrace
