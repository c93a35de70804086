// Every known name of one language compiled once into a shared immutable
// matcher: the PhraseMatcher's token-hash table, guarded by a bitset of the
// tokens that can open a name so that most tokens cost one bit test.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "entity/knowledge.h"
#include "entity/lexicon.h"
#include "pipeline/annotator.h"
#include "text/phrase_matcher.h"

namespace claimtrace {

struct NameRef {
  uint32_t entity = 0;  // index into Knowledge::entities
  uint8_t flags = 0;    // NameFlag
  Origin why;
};

class NameMatcher {
 public:
  // The common knowledge's names, the language's demonyms
  // (<lang>/entity/demonyms.tsv), and `extra` names (benchmarks, tests).
  static Result<NameMatcher> build(std::shared_ptr<const Knowledge> knowledge, const LanguageContext& context,
                                   const std::vector<std::pair<std::string, uint32_t>>& extra = {});

  bool may_start(uint64_t token_hash) const { return first_words_.has(token_hash); }
  // Whether an accepted name may start at the token as written: a name
  // written capitalized or in capitals needs such a token, so a lowercase
  // word ("the", "new", "can") is tested against the first words of the
  // others only (lowercase_first_words), and most are turned away.
  bool may_start(const Token& t) const {
    return (t.flags & (kCapitalized | kAllCaps)) ? first_words_.has(t.hash) : lowercase_first_words_.has(t.hash);
  }
  // The filter of the first words of names a lowercase word may open, to join other words to.
  const HashBits& lowercase_first_words() const { return lowercase_first_words_; }
  // Names that start at token `first`, longest first.
  void matches_at(const Document& doc, uint32_t first, uint32_t limit, std::vector<PhraseMatcher::Match>& out) const {
    phrases_.matches_at(doc, first, limit, out);
  }
  const NameRef& ref(uint32_t payload) const { return refs_[payload]; }
  // A one-word demonym ("ukrainienne"), by folded token hash: the country's
  // entity index, or -1. For the parts of compounds ("russo-ukrainienne").
  int64_t demonym(uint64_t folded_hash) const { return demonyms_.find(folded_hash); }
  const Knowledge& knowledge() const { return *knowledge_; }
  size_t size() const { return refs_.size(); }

 private:
  void add(std::string_view text, NameRef ref, const TextRules& rules);

  std::shared_ptr<const Knowledge> knowledge_;
  PhraseMatcher phrases_;
  std::vector<NameRef> refs_;
  HashBits first_words_;
  HashBits lowercase_first_words_;  // of the names neither capitalized nor in capitals (kNameCapital, kNameAllCaps)
  std::vector<uint64_t> first_hashes_;            // while building
  std::vector<uint64_t> lowercase_first_hashes_;  // while building
  HashTable64 demonyms_;
};

}  // namespace claimtrace
