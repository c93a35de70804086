// Entities and their mentions, with coreference: fills Document::entities and Document::mentions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext& context);

// The same with `extra` names (text, index of a known entity) added to the
// gazetteer: for benchmarks of matching with large name lists.
Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext& context,
                                                         const std::vector<std::pair<std::string, uint32_t>>& extra);

}  // namespace claimtrace
