// The number words of one language (resources/<lang>/number/words.tsv) and
// the abbreviations glued to or following digits (suffixes.tsv): what a word
// contributes to a numeral, looked up by the folded key of a token or of a
// hyphen-separated part of it ("quatre-vingt-dix-neuf").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "pipeline/annotator.h"

namespace claimtrace::number {

enum class WordKind : uint8_t {
  kUnit,        // zero .. nineteen, un, onze, seize
  kTen,         // twenty .. ninety, vingt .. soixante
  kMultiplier,  // hundred, cent, dozen, douzaine: multiplies what precedes below a thousand
  kScale,       // thousand, million, mille, milliard, lakh
  kAnd,         // and, et: joins parts of one numeral
  kArticle,     // a, an: stands for one before a multiplier, scale or fraction
  kPoint,       // point, virgule: decimal mark in words
  kNegative,    // minus, negative, négatif
  kDenominator, // half, third, quarter, fifths, demi, tiers, cinquième: a fraction's denominator
  kOver,        // over, sur, out of: a fraction "one over three"
};

struct NumberWord {
  WordKind kind = WordKind::kUnit;
  double value = 0;
  bool times_twenty = false;  // French "vingt" after "quatre": quatre-vingt = 80
  bool article = false;       // French un/une: also the indefinite article
  bool pronoun = false;       // English "one": a pronoun after a determiner
  bool words_only = false;    // not after digits (French "cents": "3 cents" is a coin)
  std::string_view where;     // resource line
};

enum class SuffixKind : uint8_t {
  kMultiplier,  // k, M, bn, mil: 30k, 1.2b, 12 M
  kOrdinal,     // er, e, ème, st, th: 1er, 3e, 21st
  kTime,        // h, am, pm: 15h30, 6pm
};

struct Suffix {
  SuffixKind kind = SuffixKind::kMultiplier;
  double value = 1;
  bool spaced = false;  // may also follow the digits after a space ("2.33 k", "12 M€")
  std::string_view where;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

class NumberLexicon {
 public:
  static Result<NumberLexicon> load(const LanguageContext& context);

  const NumberWord* word(std::string_view folded) const;
  // Suffixes are matched as written (case matters: "M" is a million, "m" a metre).
  const Suffix* suffix(std::string_view written) const;
  // Folded words after which "one" is a pronoun (the one, this one).
  bool is_determiner(std::string_view folded) const { return determiners_.contains(folded); }
  char decimal_mark() const { return decimal_; }

 private:
  StringMap<NumberWord> words_;
  StringMap<Suffix> suffixes_;
  StringMap<bool> determiners_;
  char decimal_ = '.';
};

}  // namespace claimtrace::number
