// What can follow or precede a number as the thing it counts or measures,
// per language (resources/<lang>/quantity/): counted nouns with their
// contract class (nouns.tsv), physical and other units with their factor to
// the base unit (units.tsv), currencies with their ISO 4217 code
// (currencies.tsv), words that may stand between the number and its noun or
// after it (modifiers.tsv), demonyms (demonyms.tsv), words that make a
// demonym count military (military_context.tsv) and words after which a
// bare number counts the noun of a previous quantity (ellipsis.tsv).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "pipeline/annotator.h"
#include "text/phrase_matcher.h"

namespace claimtrace::quantity {

enum class EntryKind : uint8_t { kNoun, kUnit, kMoney, kModifier, kDemonym, kOfWord };

struct UnitEntry {
  EntryKind kind = EntryKind::kNoun;
  std::string unit;   // contract class: personnel, distance:m, money:USD, other
  double factor = 1;  // to the base unit of the class
  bool when_scaled = false;  // preferred only when the number has a scale word ("361 million pounds")
  std::string_view where;
};

class UnitLexicon {
 public:
  static Result<UnitLexicon> load(const LanguageContext& context);

  // Phrases after a number: nouns, units, currencies written after, modifiers, demonyms, "de"/"of".
  const PhraseMatcher& after() const { return after_; }
  // Currencies written before a number: $, USD, € ...
  const PhraseMatcher& before() const { return before_; }
  const PhraseMatcher& military() const { return military_; }
  const PhraseMatcher& ellipsis() const { return ellipsis_; }
  const PhraseMatcher& coordination() const { return coordination_; }
  const UnitEntry& entry(uint32_t payload) const { return entries_[payload]; }
  // Single-word units by folded key (for pieces of "six-mile").
  const UnitEntry* word_unit(std::string_view folded) const;

 private:
  std::vector<UnitEntry> entries_;
  PhraseMatcher after_, before_, military_, ellipsis_, coordination_;
  std::vector<std::pair<std::string, uint32_t>> single_words_;
};

}  // namespace claimtrace::quantity
