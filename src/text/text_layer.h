// The text layer in one call: normalized view, tokens, sentences.
#pragma once

#include "core/document.h"
#include "text/text_rules.h"

namespace claimtrace {

void build_text_layer(Document& doc, const TextRules& rules);

}  // namespace claimtrace
