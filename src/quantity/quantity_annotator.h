// Quantities: a number or range with its counted noun and unit class: fills Document::quantities.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_quantity_annotator(const LanguageContext& context);

}  // namespace claimtrace
