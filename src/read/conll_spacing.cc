// Tokens joined back into prose, so that the engine reads what a reader would.
// One space between tokens, except none before closing punctuation and none
// after opening brackets and French elided words. French typography (a space
// before : ; ! ? » and after «) is not restored: the matchers fold both forms
// alike, and one simple rule for both languages is easier to predict.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "read/conll.h"

namespace claimtrace::conll {
namespace {

constexpr std::array<std::string_view, 13> kNoSpaceBefore = {",", ".", ";", ":", ")", "]", "!",
                                                             "?", "%", "»", "…", "...", "}"};

// English clitics split off by the Penn tokenizer: "Germany 's", "do n't".
constexpr std::array<std::string_view, 7> kClitics = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"};

constexpr std::array<std::string_view, 4> kNoSpaceAfter = {"(", "[", "«", "{"};

// French words that elide their vowel before the next word: l' d' qu' jusqu'.
constexpr std::array<std::string_view, 15> kElided = {"l", "d", "j", "m", "n", "s", "t", "c",
                                                      "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
                                                      "quelqu", "presqu"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "l'", "D’", "jusqu'": the elided word without its apostrophe, if `token` is one.
bool elided(std::string_view token) {
  std::string_view stem;
  if (token.ends_with('\'')) stem = token.substr(0, token.size() - 1);
  else if (token.ends_with("\xE2\x80\x99")) stem = token.substr(0, token.size() - 3);  // ’
  else return false;
  std::string folded = lower_ascii(stem);
  return std::find(kElided.begin(), kElided.end(), folded) != kElided.end();
}

bool clitic(std::string_view token) {
  if (token.size() > 6) return false;
  std::string folded;
  if (token.starts_with("\xE2\x80\x99")) {  // ’s
    folded.push_back('\'');
    token.remove_prefix(3);
  }
  folded += lower_ascii(token);
  return std::find(kClitics.begin(), kClitics.end(), folded) != kClitics.end();
}

}  // namespace

bool space_between(std::string_view prev, std::string_view next) {
  if (prev.empty() || next.empty()) return false;
  if (std::find(kNoSpaceBefore.begin(), kNoSpaceBefore.end(), next) != kNoSpaceBefore.end()) return false;
  if (std::find(kNoSpaceAfter.begin(), kNoSpaceAfter.end(), prev) != kNoSpaceAfter.end()) return false;
  return !elided(prev) && !clitic(next);
}

}  // namespace claimtrace::conll
