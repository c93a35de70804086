// What can follow or precede a number as the thing it counts or measures,
// per language (resources/<lang>/quantity/): counted nouns with their
// contract class (nouns.tsv), physical and other units with their factor to
// the base unit (units.tsv), currencies with their ISO 4217 code
// (currencies.tsv), words that may stand between the number and its noun or
// after it (modifiers.tsv), demonyms (demonyms.tsv), words that make a
// demonym count military (military_context.tsv), words after which a
// bare number counts the noun of a previous quantity (ellipsis.tsv,
// coordination.tsv) or of the next one (partitive.tsv), words that make
// the number of a temperature negative (signs.tsv), fractions of a unit
// after it (fraction_after.tsv), articles that count one before a unit
// (one_before_unit.tsv).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "pipeline/annotator.h"
#include "number/filtered_matcher.h"

namespace claimtrace::quantity {

enum class EntryKind : uint8_t { kNoun, kUnit, kMoney, kModifier, kDemonym, kOfWord };

struct UnitEntry {
  EntryKind kind = EntryKind::kNoun;
  std::string unit;   // contract class: personnel, distance:m, money:USD, other
  double factor = 1;  // to the base unit of the class
  bool when_scaled = false;  // preferred only when the number has a scale word ("361 million pounds")
  std::string_view where;
  bool takes_sign = false;   // a sign word before the number applies: "moins 12 degrés", "- 20 °F"
  double sub_factor = 0;     // a bare two-digit number after is in this part of the unit: "1 m 80"
  // The letters of a currency symbol written in capitals ("$ AU", "CA$"):
  // the text must write them so, since phrases match case-insensitively and
  // "30 $ au vendeur" is no Australian dollar. Empty for other entries.
  std::string capitals = {};
  // Read only as the sub-unit of the unit before ("12 ft 2 in"): alone the
  // word is something else (English "in").
  bool only_sub = false;
  // A demonym that alone is the adjective, not the people, except for one
  // ("100 Russian stations"; "one Russian was killed", "100 Russians"): demonyms.tsv flag "adjective";
  // a noun that may qualify a counted noun after it ("four refugee children"): nouns.tsv flag "qualifier".
  bool adjective = false;
};

class UnitLexicon {
 public:
  static Result<UnitLexicon> load(const LanguageContext& context);

  // Phrases after a number: nouns, units, currencies written after, modifiers, demonyms, "de"/"of".
  const number::FilteredMatcher& after() const { return after_; }
  // Currencies written before a number: $, USD, € ...
  const number::FilteredMatcher& before() const { return before_; }
  const number::FilteredMatcher& military() const { return military_; }
  const number::FilteredMatcher& ellipsis() const { return ellipsis_; }
  const number::FilteredMatcher& coordination() const { return coordination_; }
  const number::FilteredMatcher& partitive() const { return partitive_; }
  // Words that end the look for a counted noun past other words (noun_stop.tsv):
  // "5 were soldiers", "killed 3 including soldiers".
  const number::FilteredMatcher& noun_stop() const { return noun_stop_; }
  // Words before a four-digit number that make it a year even before a counted
  // noun (year_before.tsv): "in 2014 rebel fighters seized", "depuis 2014 les soldats".
  const number::FilteredMatcher& year_before() const { return year_before_; }
  // Words or signs before a number that make it negative for a unit that takes a sign (signs.tsv).
  const number::FilteredMatcher& signs() const { return signs_; }
  // Phrases after the unit that make it negative: "sous zéro", "below zero".
  const number::FilteredMatcher& signs_after() const { return signs_after_; }
  const UnitEntry& entry(uint32_t payload) const { return entries_[payload]; }
  const UnitEntry& sign(uint32_t payload) const { return entries_[payload]; }  // unit: "-" or "±"
  // Fractions after a unit (fraction_after.tsv): "deux heures et demie", "an hour and a half";
  // the entry's factor is the fraction.
  const number::FilteredMatcher& fraction_after() const { return fraction_after_; }
  // "de", "d'", "of": also checked by folded key, since an elided "d'" alone
  // is no phrase the matcher can hold.
  bool is_of_word(std::string_view folded) const {
    return std::find(of_words_.begin(), of_words_.end(), folded) != of_words_.end();
  }
  // Single-word units by folded key (for pieces of "six-mile").
  const UnitEntry* word_unit(std::string_view folded) const;
  // Articles that are the number one before a unit (one_before_unit.tsv:
  // "une tonne"), and the units they are not ("un livre" is a book).
  const number::FilteredMatcher& one() const { return one_; }
  bool one_before(std::string_view folded_unit) const {
    return std::find(not_after_one_.begin(), not_after_one_.end(), folded_unit) == not_after_one_.end();
  }

 private:
  static Result<void> add_cldr_names(const LanguageContext& context, std::unordered_set<std::string>& listed,
                                     UnitLexicon& lex);

  std::vector<UnitEntry> entries_;
  number::FilteredMatcher after_, before_, military_, ellipsis_, coordination_, partitive_, signs_,
      fraction_after_, one_, signs_after_, noun_stop_, year_before_;
  std::vector<std::string> not_after_one_;
  std::vector<std::pair<std::string, uint32_t>> single_words_;
  std::vector<std::string> of_words_;
};

}  // namespace claimtrace::quantity
