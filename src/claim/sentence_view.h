// One sentence as the claim builder's rules see it: for each token, the frame
// word roles it carries, the entity mention, quantity, bare number, time and
// cues that cover it, and the clause segment it belongs to. Built once per
// sentence from the document's layers (never re-detecting them), in scratch
// storage reused across sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claim/cue_lexicon.h"
#include "claim/frame_words.h"
#include "core/document.h"

namespace claimtrace {

constexpr int32_t kNone = -1;

struct CueRef {
  uint32_t first = 0;  // tokens [first, end)
  uint32_t end = 0;
  const Cue* cue = nullptr;
  const CueEntry* entry = nullptr;
};

struct SpanRef {
  uint32_t first = 0;  // tokens [first, end)
  uint32_t end = 0;
  uint32_t index = 0;  // into the document's layer
};

struct SentenceView {
  const Document* doc = nullptr;
  const FrameWords* words = nullptr;
  const Sentence* sentence = nullptr;
  uint32_t index = 0;  // sentence index
  uint32_t first = 0;  // token range
  uint32_t end = 0;
  bool opens_in_quote = false;  // the sentence begins inside a quotation opened before it

  std::vector<RoleBits> roles;        // per token: bit (1 << Role) set when a frame word covers it
  std::vector<Origin> role_why;       // per token with a role: the resource line of its first role (else stale;
                                      // it never shrinks, so it may run past the sentence)
  std::vector<int32_t> mention;       // per token: index into doc.mentions or kNone
  std::vector<int32_t> segment;       // per token: clause segment number
  std::vector<char> punct;            // per token: the one-byte punctuation it is, or 0
  std::vector<uint8_t> speech;        // per token: 1 when a reporting or attribution cue covers it
  std::vector<CueRef> cues;           // cues of the sentence, in order
  std::vector<SpanRef> mentions;      // mentions of the sentence, in order
  std::vector<SpanRef> quantities;    // quantities of the sentence
  std::vector<SpanRef> numbers;       // bare counts not inside a quantity or time
  std::vector<SpanRef> times;         // times of the sentence

  // Whether a token is in the sentence: one unsigned compare (a token before
  // `first` wraps around to a large offset), as the rules ask it of nearly
  // every token they read.
  bool holds(uint32_t token) const { return token - first < end - first; }
  bool has(uint32_t token, Role role) const { return holds(token) && (roles[token - first] & role_bit(role)) != 0; }
  int32_t mention_at(uint32_t token) const { return holds(token) ? mention[token - first] : kNone; }
  int32_t segment_of(uint32_t token) const { return holds(token) ? segment[token - first] : kNone; }
  bool is_punct(uint32_t token, char c) const { return holds(token) && punct[token - first] == c; }
  // Covered by a reporting or attribution cue: read from a per-token mark,
  // as the rules ask it of most words they step over.
  bool is_cue_token(uint32_t token) const { return holds(token) && speech[token - first]; }
  // The first token of the sentence starting at or after byte `offset`, or
  // `end`. For an offset inside the sentence (a source's, a mention's) it is
  // the document-wide token_at_or_after, found among the sentence's few
  // tokens instead of all the document's.
  uint32_t token_at_or_after(uint32_t offset) const;
};

// The one-byte punctuation or symbol a token is (normalized: ” is "), or 0.
inline char punct_byte(const Document& doc, const Token& tok) {
  if (tok.kind != TokenKind::kPunct && tok.kind != TokenKind::kSymbol) return 0;
  return tok.nend - tok.nstart == 1 ? doc.normalized.text[tok.nstart] : 0;
}

// Per-document indexes that make building a view cheap: for each layer, its
// spans converted to token ranges, sorted by first token.
struct DocumentIndex {
  std::vector<SpanRef> mentions, quantities, numbers, times;
  std::vector<CueRef> cues;
  // Per sentence, where its spans begin in each layer (the first span
  // starting at or after its first token): found once by a merge walk
  // instead of a binary search per sentence and layer.
  struct Starts {
    uint32_t mentions = 0, quantities = 0, numbers = 0, times = 0, cues = 0;
  };
  std::vector<Starts> starts;
  // Whether some token folds to '"': without one, no sentence signs a
  // quotation, and that test is skipped.
  bool has_quote_mark = false;
};

// Whether a string holds this text. Compared as views, the length first:
// std::string == "..." calls memcmp whatever the length.
inline bool text_is(const std::string& s, std::string_view text) { return std::string_view(s) == text; }

// Whether an entity is of this type ("PERSON", "ORG"...).
inline bool has_type(const Entity& e, std::string_view type) { return text_is(e.type, type); }

// A person or an organisation: who can speak.
inline bool is_person_or_org(const Entity& e) { return has_type(e, "PERSON") || has_type(e, "ORG"); }

// Whether a cue of this kind can make a claim: a reporting verb, an
// attribution phrase, an event trigger or a status word.
inline bool makes_claims(CueKind k) {
  return k == CueKind::kReporting || k == CueKind::kAttribution || k == CueKind::kEventTrigger || k == CueKind::kStatus;
}

// Whether sentence `sentence` may hold a claim: a reporting verb or an
// attribution phrase, an event trigger that may make a frame there, or a
// speaker named before a colon or under a quotation. False means the
// claim rules would find nothing in it.
bool may_hold_claim(const Document& doc, const DocumentIndex& index, uint32_t sentence);

// '“The most unqualified child to ever run.” ― Francisco Herrero': a
// sentence that is only a name (after a dash) right after a sentence that
// closes a quotation signs that quotation. Returns the name's tokens
// [first, end), or {0, 0}.
std::pair<uint32_t, uint32_t> signature_after_quotation(const Document& doc, uint32_t sentence);

// Token index holding byte `offset` (the first token starting at or after it).
uint32_t token_at_or_after(const Document& doc, uint32_t offset);

void build_document_index(const Document& doc, const CueLexicon& lexicon, DocumentIndex& out);

void build_sentence_view(const Document& doc, const DocumentIndex& index, const FrameWords& words,
                         uint32_t sentence, SentenceView& view);

}  // namespace claimtrace
