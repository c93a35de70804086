// Language identification for --lang auto (CLD2, Debian's libcld2).
#pragma once

#include <string>
#include <string_view>

namespace claimtrace {

// ISO 639-1 code of the text's language ("fr", "en"...), or "" when unknown.
std::string detect_language(std::string_view text);

}  // namespace claimtrace
