// Composing a numeral from its parts: number words (by NumberLexicon kind)
// and plain digit values, as in "quatre-vingt-dix-neuf", "deux cent mille",
// "un million et demi", "a hundred and twelve", "4 thousand 3 hundred",
// "1,5 million", "two thirds", "one over three".
#pragma once

#include <optional>
#include <cstdint>
#include <span>

#include "number/number_lexicon.h"

namespace claimtrace::number {

struct Part {
  WordKind kind = WordKind::kUnit;
  double value = 0;
  bool digits = false;      // a digit token (its value), not a word
  bool integer = true;      // digits without a decimal part
  bool times_twenty = false;
  bool plural = false;      // denominators written in the plural: fifths, cinquièmes
  bool words_only = false;  // after digits, only inside a longer numeral (French "3 cents" is a coin, "3 cent un" 301)
  bool units_only = false;  // a multiplier of a unit below twenty only (French "cents")
  bool counts_alone = false;  // a scale that is a number alone (French "mille personnes")
  bool article = false;       // an article standing for one: "a", French "un"/"une"
  bool ordinal = false;       // a denominator that is also an ordinal: "cinquième", "fifth"
  bool approx = false;        // a word that only approximates: French "millier", "centaine"
};

// The value of the numeral made of all `parts`, or nullopt when they do not
// form one (two units in a row, a trailing "and", an article alone...).
std::optional<double> compose(std::span<const Part> parts);

// Whether one word of this kind alone may be a numeral: not an article
// ("a", "an"), a sign ("minus") or a word no numeral starts with.
inline bool may_stand_alone(WordKind kind) {
  return may_open_numeral(kind) && kind != WordKind::kArticle && kind != WordKind::kNegative;
}

// The longest prefix of `parts` (at least one part) that composes, ending
// where `may_end[i]` allows (the end of a token); 0 when none.
size_t longest_numeral(std::span<const Part> parts, std::span<const uint8_t> may_end, double& value);

}  // namespace claimtrace::number
