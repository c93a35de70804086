// Numbers in digits and words, ranges and bounds: fills Document::numbers.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_number_annotator(const LanguageContext& context);

}  // namespace claimtrace
