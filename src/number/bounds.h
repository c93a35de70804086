// The words around numbers that make bounds and ranges
// (resources/<lang>/number/bounds.tsv) and vague quantities
// (resources/<lang>/number/vague.tsv), compiled into phrase matchers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "pipeline/annotator.h"
#include "number/number_lexicon.h"
#include "text/phrase_matcher.h"

namespace claimtrace::number {

enum class BoundKind : uint8_t {
  kMore,         // plus de, more than, over, exceeded: min, exclusive
  kAtLeast,      // au moins, at least, no less than: min, inclusive
  kLess,         // moins de, fewer than, under: max, exclusive
  kUpTo,         // jusqu'à, up to, no more than, at most: max, inclusive
  kApprox,       // environ, about, nearly: the number is approximate
  kEqual,        // égal à, equal to: min = max
  kOrMore,       // (after) ou plus, or more: min, inclusive
  kOrLess,       // (after) ou moins, or less: max, inclusive
  kOrEqual,      // (after a strict bound) or equal, ou égal: makes it inclusive
  kBetween,      // entre, between ... kAnd
  kFrom,         // de, from ... kTo
  kTo,           // à, to, -: between two numbers
  kAnd,          // et, and: joins the two ends after kBetween, or two bounds
  kOr,           // ou, or: between two numbers, an approximate range ("10 ou 12 soldats")
  kCopula,       // est, is: "est de 20" is no range opener
  kRatio,        // in, in every, out of every: between two counts, a share ("one in five")
  kNone,         // written like a bound but is none (=>, <>): blocks shorter matches
};

struct BoundCue {
  BoundKind kind = BoundKind::kNone;
  std::string_view where;
};

struct VagueAmount {
  std::optional<double> min, max, value;
  bool max_inclusive = true;
  std::string_view where;
};

class BoundLexicon {
 public:
  static Result<BoundLexicon> load(const LanguageContext& context);

  const PhraseMatcher& cues() const { return cue_matcher_; }
  bool may_start_cue(uint64_t token_hash) const { return cue_filter_.may_contain(token_hash); }
  // The last words of vague phrases ("centaines", "thousands", "of"): a
  // cheap filter before the matcher, which alone tells a phrase ends there.
  const HashFilter& vague_end_filter() const { return vague_filter_; }
  // Whether a vague phrase may start with a token of this hash: most tokens
  // before a vague end ("of", "de", "thousand") start none.
  bool may_start_vague(uint64_t token_hash) const { return vague_first_filter_.may_contain(token_hash); }
  const BoundCue& cue(uint32_t payload) const { return cues_[payload]; }
  const PhraseMatcher& vague() const { return vague_matcher_; }
  const VagueAmount& vague_amount(uint32_t payload) const { return vague_[payload]; }

 private:
  PhraseMatcher cue_matcher_;
  std::vector<BoundCue> cues_;
  PhraseMatcher vague_matcher_;
  std::vector<VagueAmount> vague_;
  HashFilter vague_filter_;
  HashFilter vague_first_filter_;
  HashFilter cue_filter_;  // first tokens of the cues
};

}  // namespace claimtrace::number
