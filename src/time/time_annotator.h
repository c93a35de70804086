// Time expressions, TIMEX3 values resolved against the publication date: fills Document::times.
#pragma once

#include "pipeline/annotator.h"

namespace claimtrace {

Result<std::unique_ptr<Annotator>> make_time_annotator(const LanguageContext& context);

}  // namespace claimtrace
