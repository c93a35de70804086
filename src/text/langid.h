// Language identification for --lang auto (CLD2, Debian's libcld2).
#pragma once

#include <string>
#include <string_view>

namespace claimtrace {

struct LanguageGuess {
  std::string lang;       // ISO 639-1 ("fr", "en"...), "" when unknown
  bool reliable = false;  // CLD2's own judgement: short texts rarely are
};

LanguageGuess detect_language(std::string_view text);

}  // namespace claimtrace
