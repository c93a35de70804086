#include "claim/sentence_view.h"

#include <algorithm>

namespace claimtrace {

uint32_t token_at_or_after(const Document& doc, uint32_t offset) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](const Token& t, uint32_t off) { return t.at.start < off; });
  return static_cast<uint32_t>(it - doc.tokens.begin());
}

uint32_t SentenceView::token_at_or_after(uint32_t offset) const {
  const Token* tokens = doc->tokens.data();
  return static_cast<uint32_t>(std::lower_bound(tokens + first, tokens + end, offset,
                                                [](const Token& t, uint32_t off) { return t.at.start < off; }) -
                               tokens);
}

namespace {

// Tokens [first, end) covered by extents. Each layer lists its spans in
// text order, so the cursor gallops forward from the last span instead of
// searching all the tokens again (a long OCR page has 100,000 of them).
class TokenCursor {
 public:
  explicit TokenCursor(const Document& doc) : doc_(doc) {}
  std::pair<uint32_t, uint32_t> range(Extent at) {
    const auto& tokens = doc_.tokens;
    if (at_ > 0 && (at_ > tokens.size() || tokens[at_ - 1].at.start >= at.start)) {
      at_ = token_at_or_after(doc_, at.start);
    }
    // Gallop forward, then search the last stretch.
    size_t step = 1, from = at_;
    while (from + step < tokens.size() && tokens[from + step].at.start < at.start) {
      from += step;
      step *= 2;
    }
    const size_t to = std::min(tokens.size(), from + step + 1);
    at_ = static_cast<uint32_t>(std::lower_bound(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                                                 tokens.begin() + static_cast<std::ptrdiff_t>(to), at.start,
                                                 [](const Token& t, uint32_t off) { return t.at.start < off; }) -
                                tokens.begin());
    uint32_t end = at_;
    while (end < tokens.size() && tokens[end].at.start < at.end) ++end;
    return {at_, end};
  }

 private:
  const Document& doc_;
  uint32_t at_ = 0;
};

template <typename Ref>
void sort_refs(std::vector<Ref>& refs) {
  auto by_first = [](const Ref& a, const Ref& b) { return a.first < b.first; };
  // Layers come in text order nearly always: check before sorting.
  if (!std::is_sorted(refs.begin(), refs.end(), by_first)) std::stable_sort(refs.begin(), refs.end(), by_first);
}

// The spans of `all` from position `start` that begin before token `end`.
// Inline: a view takes five slices, most of them empty or of one span.
template <typename Ref>
[[gnu::always_inline]] inline void slice(const std::vector<Ref>& all, uint32_t start, uint32_t end, std::vector<Ref>& out) {
  out.clear();
  for (auto it = all.begin() + start; it != all.end() && it->first < end; ++it) {
    if (it->end > it->first) out.push_back(*it);
  }
}

// Fills field `where` of each sentence's Starts: the position of the first
// ref starting at or after the sentence's first token (sentences and refs
// both come in token order).
template <typename Ref>
void find_sentence_starts(const Document& doc, const std::vector<Ref>& refs, uint32_t DocumentIndex::Starts::*where,
                          std::vector<DocumentIndex::Starts>& starts) {
  uint32_t at = 0;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    while (at < refs.size() && refs[at].first < doc.sentences[si].first_token) ++at;
    starts[si].*where = at;
  }
}

}  // namespace

void build_document_index(const Document& doc, const CueLexicon& lexicon, DocumentIndex& out) {
  out.mentions.clear();
  out.quantities.clear();
  out.times.clear();
  out.numbers.clear();
  out.cues.clear();
  TokenCursor cursor(doc);
  auto token_range = [&](Extent at) { return cursor.range(at); };
  for (uint32_t i = 0; i < doc.mentions.size(); ++i) {
    auto [f, e] = token_range(doc.mentions[i].at);
    out.mentions.push_back({f, e, i});
  }
  for (uint32_t i = 0; i < doc.quantities.size(); ++i) {
    auto [f, e] = token_range(doc.quantities[i].at);
    out.quantities.push_back({f, e, i});
  }
  for (uint32_t i = 0; i < doc.times.size(); ++i) {
    auto [f, e] = token_range(doc.times[i].at);
    out.times.push_back({f, e, i});
  }
  // Bare counts are those no quantity or time covers. The covering extents,
  // sorted by start with a running maximum of their ends, answer "does any
  // extent overlap this number?" with one binary search instead of a scan.
  thread_local std::vector<Extent> covers;
  thread_local std::vector<uint32_t> max_end;
  covers.clear();
  for (const auto& q : doc.quantities) covers.push_back(q.at);
  for (const auto& t : doc.times) covers.push_back(t.at);
  std::sort(covers.begin(), covers.end(), [](Extent a, Extent b) { return a.start < b.start; });
  max_end.resize(covers.size());
  for (size_t i = 0; i < covers.size(); ++i) max_end[i] = std::max(covers[i].end, i ? max_end[i - 1] : 0u);
  auto covered = [&](Extent at) {
    auto it = std::lower_bound(covers.begin(), covers.end(), at.end, [](Extent c, uint32_t e) { return c.start < e; });
    return it != covers.begin() && max_end[(it - covers.begin()) - 1] > at.start;
  };
  for (uint32_t i = 0; i < doc.numbers.size(); ++i) {
    const NumberSpan& n = doc.numbers[i];
    if (n.role != NumberRole::kCount) continue;
    if (covered(n.at)) continue;
    auto [f, e] = token_range(n.at);
    out.numbers.push_back({f, e, i});
  }
  for (const Cue& c : doc.cues) {
    auto [f, e] = token_range(c.at);
    out.cues.push_back({f, e, &c, lexicon.entry_of(c)});
  }
  sort_refs(out.mentions);
  sort_refs(out.quantities);
  sort_refs(out.times);
  // "exceeded 16,000" and the "16,000" inside it are one figure: keep the outer span.
  std::sort(out.numbers.begin(), out.numbers.end(),
            [](const SpanRef& a, const SpanRef& b) { return a.first != b.first ? a.first < b.first : a.end > b.end; });
  uint32_t outer_end = 0;
  std::erase_if(out.numbers, [&](const SpanRef& r) {
    if (r.end <= outer_end) return true;
    outer_end = r.end;
    return false;
  });
  sort_refs(out.cues);
  out.starts.resize(doc.sentences.size());
  using Starts = DocumentIndex::Starts;
  find_sentence_starts(doc, out.mentions, &Starts::mentions, out.starts);
  find_sentence_starts(doc, out.quantities, &Starts::quantities, out.starts);
  find_sentence_starts(doc, out.numbers, &Starts::numbers, out.starts);
  find_sentence_starts(doc, out.times, &Starts::times, out.starts);
  find_sentence_starts(doc, out.cues, &Starts::cues, out.starts);
  out.has_quote_mark = doc.folded.find('"') != std::string::npos;
}

namespace {

// Whether token `t` is the punctuation `c` (― and ” fold to - and "). One
// byte compared in place: this runs on the last tokens of every sentence.
bool is_punct_token(const Document& doc, uint32_t t, char c) {
  const Token& tok = doc.tokens[t];
  return (tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kSymbol) && tok.fold_size == 1 &&
         doc.folded[tok.fold_start] == c;
}

}  // namespace

// Whether tokens [first, end) can be a signature: at most a few
// capitalised words (abbreviation periods allowed).
static bool signature_name(const Document& doc, uint32_t first, uint32_t end) {
  constexpr uint32_t kMaxName = 5;
  if (end <= first || end - first > kMaxName) return false;
  for (uint32_t t = first; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.kind == TokenKind::kWord && !tok.has(kCapitalized) && !tok.has(kAllCaps)) return false;
    if (tok.kind != TokenKind::kWord && !is_punct_token(doc, t, '.')) return false;
  }
  return true;
}

// Inline in may_hold_claim, which asks it of most sentences of a document
// with a quotation mark; signature_after_quotation for the attribution rules.
[[gnu::always_inline]] static inline std::pair<uint32_t, uint32_t> find_signature(const Document& doc,
                                                                                 uint32_t sentence) {
  constexpr uint32_t kMaxName = 5;
  const Sentence& s = doc.sentences[sentence];
  {
    // 'He lies.”― Pamela Padilla': with no space after the dash the
    // sentence splitter keeps the signature in the quotation's last sentence.
    uint32_t end = s.end_token;
    while (end > s.first_token && doc.tokens[end - 1].kind != TokenKind::kWord) --end;
    for (uint32_t d = end; d > s.first_token + 1 && end - d <= kMaxName; --d) {
      if (!is_punct_token(doc, d - 1, '-')) continue;
      if (is_punct_token(doc, d - 2, '"') && signature_name(doc, d, end)) return {d, end};
      break;
    }
  }
  if (sentence == 0) return {0, 0};
  const Sentence& prev = doc.sentences[sentence - 1];
  if (prev.end_token == prev.first_token || s.end_token == s.first_token) return {0, 0};
  // The quotation closes the sentence before, or just before a dash.
  uint32_t last = prev.end_token - 1;
  bool dash = is_punct_token(doc, last, '-');
  if (dash && last > prev.first_token) --last;
  if (!is_punct_token(doc, last, '"')) return {0, 0};
  uint32_t first = s.first_token;
  if (is_punct_token(doc, first, '-')) {
    dash = true;
    ++first;
  }
  // The dash may belong to neither sentence.
  for (uint32_t t = prev.end_token; t < s.first_token; ++t) dash = dash || is_punct_token(doc, t, '-');
  uint32_t end = s.end_token;
  while (end > first && doc.tokens[end - 1].kind != TokenKind::kWord) --end;
  if (!dash || !signature_name(doc, first, end)) return {0, 0};
  return {first, end};
}

std::pair<uint32_t, uint32_t> signature_after_quotation(const Document& doc, uint32_t sentence) {
  return find_signature(doc, sentence);
}

// "Zelensky: Russia has lost 16,000 soldiers", "PENCE: Well, look, ...": a
// named speaker (an entity mention, or a name in capitals as transcripts
// write them) opening the sentence before a colon. Static, so that it is
// inlined in may_hold_claim, which asks it of most sentences.
static bool opens_with_named_speaker(const Document& doc, const DocumentIndex& index, const Sentence& s) {
  constexpr uint32_t kMaxName = 4;
  // A transcript may quote the whole turn: '"WALLACE: Let's start ...'.
  const uint32_t first = s.first_token + (s.end_token > s.first_token + 1 && is_punct_token(doc, s.first_token, '"'));
  bool colon = false;
  for (uint32_t k = first + 1; k < s.end_token && k <= first + kMaxName && !colon; ++k) {
    colon = is_punct_token(doc, k, ':');
  }
  if (!colon) return false;
  auto m = std::lower_bound(index.mentions.begin(), index.mentions.end(), first,
                            [](const SpanRef& r, uint32_t f) { return r.first < f; });
  uint32_t named_until = first;  // tokens [first_token, named_until) are a mention
  if (m != index.mentions.end() && m->first == first) named_until = m->end;
  for (uint32_t k = first + 1; k < s.end_token && k <= first + kMaxName; ++k) {
    const Token& prev = doc.tokens[k - 1];
    // A headline writes names in capitals the entity layer may not know
    // ("Sanders: Clinton needs to ...", "Politifact: Trump Is Right").
    if (k - 1 >= named_until && !prev.has(kAllCaps) && !(s.is_title && prev.has(kCapitalized))) return false;
    if (is_punct_token(doc, k, ':')) return k + 1 < s.end_token;
  }
  return false;
}

// Whether some span of `refs` from position `start` begins before token `end`.
template <typename Ref>
static bool any_before(const std::vector<Ref>& refs, uint32_t start, uint32_t end) {
  return start < refs.size() && refs[start].first < end;
}

// Whether a trigger may make an event frame in a sentence that counts
// nothing: not one that needs a counted group ("killed", "reinforcements")
// or an amount (aid, weapons fired), and a status word never ("tués"
// describes a group).
static bool frames_without_count(const CueRef& c) {
  if (c.cue->kind != CueKind::kEventTrigger || !c.entry) return false;
  return !c.entry->needs_is("quantity") && !c.entry->needs_is("materiel") && !c.entry->needs_is("weapons");
}

// Whether a speaker may open the sentence before a colon or a dash (the
// attribution rules' speaker_before_colon): one of its first tokens is one.
static bool may_open_with_speaker(const Document& doc, const Sentence& s) {
  constexpr uint32_t kReach = 5;  // a quotation mark, then a name of up to four tokens
  for (uint32_t k = s.first_token + 1; k + 1 < s.end_token && k <= s.first_token + kReach; ++k) {
    const char c = punct_byte(doc, doc.tokens[k]);
    if (c == ':' || c == '-') return true;
  }
  return false;
}

bool may_hold_claim(const Document& doc, const DocumentIndex& index, uint32_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  const DocumentIndex::Starts& starts = index.starts[sentence];
  // Event frames are made of counted groups, amounts and triggers; most
  // sentences with a trigger or a status word count nothing, and then only
  // a trigger that frames alone ("visited", "shelling") makes a claim.
  const bool counts = any_before(index.quantities, starts.quantities, s.end_token) ||
                      any_before(index.numbers, starts.numbers, s.end_token);
  bool event_words = false;
  for (auto it = index.cues.begin() + starts.cues; it != index.cues.end() && it->first < s.end_token; ++it) {
    const CueKind kind = it->cue->kind;
    if (kind == CueKind::kReporting || kind == CueKind::kAttribution) return true;
    if (kind != CueKind::kEventTrigger && kind != CueKind::kStatus) continue;
    if (counts || frames_without_count(*it)) return true;
    event_words = true;
  }
  // Without a cue that makes a claim, a speaker named before a colon or
  // signing a quotation still speaks. (A sentence with event words only was
  // read whole before, so it keeps the wider test of the attribution rules.)
  return (index.has_quote_mark && find_signature(doc, sentence).second) ||
         opens_with_named_speaker(doc, index, s) || (event_words && may_open_with_speaker(doc, s));
}

namespace {

// Each token's one-byte punctuation, and the clause segments: a boundary
// word or ';' opens a new one. One pass over the sentence for both, after
// the roles are marked: every element of both is written, so neither is
// cleared first.
void mark_punct_and_segments(const Document& doc, SentenceView& view) {
  constexpr RoleBits kBoundaryBit = role_bit(Role::kBoundary);
  const uint32_t n = view.end - view.first;
  view.punct.resize(n);
  view.segment.resize(n);
  const Token* tokens = doc.tokens.data() + view.first;
  int32_t seg = 0;
  for (uint32_t k = 0; k < n; ++k) {
    const char c = punct_byte(doc, tokens[k]);
    view.punct[k] = c;
    const bool opens = k > 0 && ((view.roles[k] & kBoundaryBit) || c == ';');
    if (opens && !(view.roles[k - 1] & kBoundaryBit)) ++seg;
    view.segment[k] = seg;
  }
}

}  // namespace

void build_sentence_view(const Document& doc, const DocumentIndex& index, const FrameWords& words,
                         uint32_t sentence, SentenceView& view) {
  const Sentence& s = doc.sentences[sentence];
  view.doc = &doc;
  view.words = &words;
  view.sentence = &s;
  view.index = sentence;
  view.first = s.first_token;
  view.end = s.end_token;
  const uint32_t n = s.end_token - s.first_token;
  view.roles.assign(n, 0);
  // Written by mark_roles wherever a role is set, read only there: it only
  // grows, as shrinking and regrowing it cleared each Origin again.
  if (view.role_why.size() < n) view.role_why.resize(n);
  view.mention.assign(n, kNone);

  words.mark_roles(doc, s.first_token, s.end_token, view.roles, std::span(view.role_why).first(n));
  mark_punct_and_segments(doc, view);
  const DocumentIndex::Starts& starts = index.starts[sentence];
  slice(index.mentions, starts.mentions, s.end_token, view.mentions);
  for (const auto& m : view.mentions) {
    for (uint32_t t = m.first; t < std::min(m.end, s.end_token); ++t) {
      if (view.mention[t - s.first_token] == kNone) view.mention[t - s.first_token] = static_cast<int32_t>(m.index);
    }
  }
  slice(index.quantities, starts.quantities, s.end_token, view.quantities);
  slice(index.numbers, starts.numbers, s.end_token, view.numbers);
  slice(index.times, starts.times, s.end_token, view.times);
  slice(index.cues, starts.cues, s.end_token, view.cues);
  view.speech.assign(n, 0);
  for (const auto& c : view.cues) {
    if (c.cue->kind != CueKind::kReporting && c.cue->kind != CueKind::kAttribution) continue;
    for (uint32_t t = c.first; t < std::min(c.end, s.end_token); ++t) view.speech[t - s.first_token] = 1;
  }
}

}  // namespace claimtrace
