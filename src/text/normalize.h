// The normalized view of a text, for matching, with its map back to the
// original bytes (see NormalizedText in core/document.h).
#pragma once

#include <string_view>

#include "core/document.h"

namespace claimtrace {

// NFC is applied only when ICU's quick check fails; typographic spaces,
// apostrophes, quotes and dashes are folded to their ASCII forms.
NormalizedText normalize_text(std::string_view original);

}  // namespace claimtrace
