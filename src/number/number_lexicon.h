// The number words of one language (resources/<lang>/number/words.tsv) and
// the abbreviations glued to or following digits (suffixes.tsv): what a word
// contributes to a numeral, looked up by the folded key of a token or of a
// hyphen-separated part of it ("quatre-vingt-dix-neuf").
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/string_map.h"
#include "pipeline/annotator.h"
#include "number/filtered_matcher.h"

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

// Whether a numeral may start with a word of this kind: compose() refuses
// "and", a decimal point and "over" before any number ("and five" is five).
inline bool may_open_numeral(WordKind kind) {
  return kind != WordKind::kAnd && kind != WordKind::kPoint && kind != WordKind::kOver;
}

struct NumberWord {
  WordKind kind = WordKind::kUnit;
  double value = 0;
  bool times_twenty = false;  // French "vingt" after "quatre": quatre-vingt = 80
  bool article = false;       // French un/une: also the indefinite article
  bool pronoun = false;       // English "one": a pronoun after a determiner
  bool words_only = false;    // not after digits (French "cents": "3 cents" is a coin)
  bool counts_alone = false;  // a scale that counts without a number before it (French "mille")
  bool units_only = false;    // multiplies only a unit below twenty (French "cents": "deux cents",
                              // but "quarante-cinq cents" are coins)
  bool ordinal = false;       // a denominator that is also an ordinal: "un cinquième mandat" is the fifth
  bool approx = false;        // only approximates: "trois milliers" is about 3 000
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
  bool after_currency = false;  // a multiplier only after a currency sign ("$300m"; "300m" is a distance)
  std::string_view where;
};

class NumberLexicon {
 public:
  static Result<NumberLexicon> load(const LanguageContext& context);

  const NumberWord* word(std::string_view folded) const;
  // The same lookup for a token, by its precomputed hash (Token::hash).
  bool may_be_word(uint64_t hash) const { return filter_.may_contain(hash); }
  const HashFilter& word_filter() const { return filter_; }
  // The words a numeral may start with (may_open_numeral): not "and", "of".
  const HashFilter& opener_filter() const { return opener_filter_; }
  // The words of opener_filter_ that may make a numeral alone (may_stand_alone:
  // not "a", "minus").
  const HashFilter& stand_alone_filter() const { return stand_alone_filter_; }
  const NumberWord* word(uint64_t hash, std::string_view folded) const {
    return filter_.may_contain(hash) ? lookup(hash, folded) : nullptr;
  }
  // Whether a two-word entry ("out of") may start with the token of this
  // hash: most words after a number word start none, and are turned away
  // before their keys are read.
  bool may_start_pair(uint64_t first_hash) const { return pair_filter_.may_contain(first_hash); }
  // A two-word entry ("out of") starting with the token of this hash, whose
  // second word is `next`; nullptr when none.
  const NumberWord* pair(uint64_t first_hash, std::string_view first, std::string_view next) const;
  // Suffixes are matched as written (case matters: "M" is a million, "m" a metre).
  const Suffix* suffix(std::string_view written) const;
  // Folded words after which "one" is a pronoun (the one, this one).
  bool is_determiner(std::string_view folded) const { return determiners_.contains(folded); }
  // Folded words after which a negative word is no sign: "plus or minus 3 points" is a tolerance.
  bool is_not_negative_after(std::string_view folded) const { return not_negative_after_.contains(folded); }
  char decimal_mark() const { return decimal_; }
  // Month names and abbreviations of the language (from ICU/CLDR), by token hash.
  // Words after a number that make it a percentage: %, pour cent, percent.
  const FilteredMatcher& percent() const { return percent_; }
  // Words around a number that make it a time of day: "à 14 heures", "at 6 o'clock".
  const FilteredMatcher& time_before() const { return time_before_; }
  const FilteredMatcher& time_after() const { return time_after_; }
  bool time_after_alone(uint32_t payload) const { return payload & 1; }
  bool is_month(uint64_t hash) const { return month_filter_.may_contain(hash) && months_.contains(hash); }
  // Words after which "un cinquième" is a fraction (fraction_of.tsv: de, of).
  bool is_fraction_of(uint64_t hash) const {
    return std::find(fraction_of_.begin(), fraction_of_.end(), hash) != fraction_of_.end();
  }

 private:
  const NumberWord* lookup(uint64_t hash, std::string_view folded) const;
  struct Keyed {
    std::string key;
    NumberWord word;
  };
  void add_ordinal_denominators(const std::string& lang);
  // Lets the word of this hash through the filters it belongs to.
  void add_to_filters(uint64_t h, const NumberWord& w);

  std::vector<uint64_t> fraction_of_;           // key hashes of fraction_of.tsv
  std::unordered_map<uint64_t, Keyed> words_;  // by key_hash of the folded word
  HashFilter filter_;                          // most tokens are no number word: skip the map
  HashFilter opener_filter_;                   // the words of filter_ a numeral may start with
  HashFilter stand_alone_filter_;              // the words of filter_ that may be a numeral alone
  std::vector<std::pair<std::string, Keyed>> pairs_;  // "out" -> {"of", over}
  HashFilter pair_filter_;                            // first words of pairs_
  StringMap<Suffix> suffixes_;
  StringMap<bool> determiners_;
  StringMap<bool> not_negative_after_;
  char decimal_ = '.';
  std::unordered_map<uint64_t, bool> months_;
  FilteredMatcher percent_;
  FilteredMatcher time_before_, time_after_;
  HashFilter month_filter_;
};

}  // namespace claimtrace::number
