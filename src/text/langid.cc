#include "text/langid.h"

#include <cld2/public/compact_lang_det.h>

namespace claimtrace {

LanguageGuess detect_language(std::string_view text) {
  // CLD2 reads a prefix well enough; long documents need no more than this.
  constexpr size_t kEnough = 16 * 1024;
  size_t n = std::min(text.size(), kEnough);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(n), /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return {};
  std::string code = CLD2::LanguageCode(lang);
  if (code == "un") return {};
  return {code, reliable};
}

}  // namespace claimtrace
