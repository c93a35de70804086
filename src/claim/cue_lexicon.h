// The cue lexicons of one language (resources/<lang>/claim/): reporting verbs,
// attribution phrases, certainty cues, event triggers and quantity-status
// words, compiled into one PhraseMatcher, plus the conditional-mood suffix
// rule. Built once, immutable, shared by threads. The cue annotator uses it
// to fill Document::cues; the claim builder loads its own copy to read back
// the columns of the line a cue came from (Cue::why.resource).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "pipeline/annotator.h"
#include "claim/token_lexicon.h"
#include "text/phrase_matcher.h"

namespace claimtrace {

struct CueEntry {
  CueKind kind = CueKind::kReporting;
  bool ignore = false;   // a blocking entry: "selon lesquelles", "portrait"
  std::string key;       // certainty label, frame, event type or status
  float strength = 0;
  std::string frame;     // reporting: say|tell|show; trigger: verb|noun; status: agent|victim (its subject)
  std::string needs;     // trigger: "quantity" when it makes a claim only with a counted group
  Origin why;

  // Compared as views, the length first: std::string == "..." calls memcmp
  // whatever the length, and the rules ask this of every cue they look at.
  bool frame_is(std::string_view f) const { return std::string_view(frame) == f; }
  bool needs_is(std::string_view n) const { return std::string_view(needs) == n; }
};

class CueLexicon {
 public:
  static Result<CueLexicon> load(const LanguageContext& context);

  // Appends the cues of the document's sentences to `out`, in text order.
  void scan(const Document& doc, std::vector<Cue>& out) const;

  // The entry a cue came from, or nullptr. The entry the scan recorded,
  // when the cue is this lexicon's own, is found inline: every cue of a
  // document asks.
  const CueEntry* entry_of(const Cue& cue) const {
    if (cue.entry < entries_.size() && entries_[cue.entry].why.resource.data() == cue.why.resource.data())
      return &entries_[cue.entry];
    return entry_by_resource(cue);
  }

 private:
  struct Suffix {
    std::string suffix;
    uint32_t entry;
    uint32_t min_size;
  };
  // Appends the cues of the phrases of tokens [i, longest) with these
  // payloads (entry indexes); returns the token to go on from, or `i` when
  // token `i` is still to be tested for the conditional.
  template <typename Payloads>
  uint32_t add_phrase_cues(const Document& doc, uint32_t i, uint32_t longest, const Payloads& payloads,
                           std::vector<Cue>& out) const;
  // Appends the cues of tokens [first, end), one sentence, to `out`. Inline
  // in scan: a call per sentence paid the set-up again for a few tokens.
  void scan_sentence(const Document& doc, uint32_t first, uint32_t end, std::vector<PhraseMatcher::Match>& here,
                     std::vector<Cue>& out) const;
  // The conditional-mood suffix rule on one word ("enverrait").
  void add_conditional_cue(const Document& doc, const Token& t, std::vector<Cue>& out) const;
  // Whether a token is a word whose last byte ends some suffix: the test
  // that turns most words away before add_conditional_cue is called.
  bool may_take_suffix(const Document& doc, const Token& t) const {
    return t.kind == TokenKind::kWord && t.fold_size > 0 &&
           suffix_ends_[static_cast<unsigned char>(doc.folded[t.fold_start + t.fold_size - 1])];
  }
  Result<void> load_file(const LanguageContext& context, std::string_view file, CueKind kind);
  uint32_t add_entry(CueEntry entry);
  void add_phrase(std::string_view phrase, uint32_t entry, const TextRules& rules);
  // A cue read by another lexicon: its entry found by its resource line.
  const CueEntry* entry_by_resource(const Cue& cue) const;

  TokenLexicon matcher_;
  std::vector<CueEntry> entries_;
  std::vector<Suffix> suffixes_;
  std::array<bool, 256> suffix_ends_{};  // the last bytes of the suffixes
  std::unordered_map<std::string, std::vector<std::string>> inflections_;  // class -> endings
  std::unordered_map<std::string_view, uint32_t> by_resource_;
  std::unordered_set<std::string> listed_;  // while loading: kind, label, frame and form of every phrase added
};

// Expands "affirm+er" with the endings of class "er" ("0" is the empty
// ending); a phrase without '+' is itself. Only one token may carry a class.
std::vector<std::string> expand_inflections(std::string_view phrase,
                                            const std::unordered_map<std::string, std::vector<std::string>>& classes);

}  // namespace claimtrace
