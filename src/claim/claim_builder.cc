#include "claim/claim_builder.h"

#include <algorithm>
#include <optional>
#include <string>

#include "claim/attribution.h"
#include "claim/certainty.h"
#include "claim/cue_lexicon.h"
#include "claim/event_frames.h"
#include "claim/frame_words.h"
#include "claim/sentence_view.h"
#include "claim/source_context.h"

namespace claimtrace {
namespace {

constexpr uint32_t kQuoteReach = 4;

// Questions and hypotheticals ("Si ...", "If ...") state no claim.
bool states_nothing(const SentenceView& v) {
  uint32_t last = v.end;
  while (last > v.first && v.is_punct(last - 1, '"')) --last;
  if (last > v.first && v.is_punct(last - 1, '?')) {
    // 'Trump said: "Did she help ...?"': the question is quoted, the
    // sentence states who asked it.
    if (last == v.end) return true;
    for (uint32_t t = v.first + 1; t + 1 < last; ++t) {
      if (v.is_punct(t, '"')) return false;
    }
    return true;
  }
  // "Si la Russie attaquait, ..." states nothing; '"If he is asked, he would
  // deflect," she said' is what she said: a quotation is someone's words.
  if (v.is_punct(v.first, '"')) return false;
  uint32_t t = v.first;
  while (t < v.end && v.is_punct(t, '-')) ++t;
  return v.has(t, Role::kHypothetical);
}

// "Russia did not deploy troops", "have not been deployed", "La Russie n'a pas déployé de
// troupes": a negation right before the event's word (over one auxiliary) denies the event; so does
// one right after it where the language puts it there ("n'enverra pas": label negation_after_verb).
// Not "did not stop shelling" (another verb between). The negation cue, or nullptr.
const CueRef* negation_of_event(const SentenceView& v, const Frame& f, const std::vector<const CueRef*>& scope) {
  const CueRef* word = f.trigger ? f.trigger : f.status_cue;
  if (!word) return nullptr;
  for (const CueRef* c : scope) {
    if (c->cue->kind != CueKind::kNegation) continue;
    const bool before = c->end == word->first ||
                        (c->end + 1 == word->first && (v.has(c->end, Role::kAux) || v.has(c->end, Role::kPassiveAux)));
    const bool after = c->first == word->end && c->cue->key == "negation_after_verb";
    if (before || after) return c;
  }
  return nullptr;
}

// Whether a source phrase is headed by a document noun (rapport, note, report).
bool is_document(const SentenceView& v, const ClaimSource& s) {
  const Document& doc = *v.doc;
  for (uint32_t k = v.token_at_or_after(s.at.start); k < v.end && doc.tokens[k].at.end <= s.at.end; ++k) {
    if (v.has(k, Role::kSourceNoun)) return true;
  }
  return false;
}

// The unit that speaks for a frame: the nearest one in the sentence. A verb
// of intent ("North Korea plans to send troops") states the subject's aim;
// it is not a source of the event.
const AttributionUnit* unit_for(const std::vector<AttributionUnit>& units, uint32_t anchor) {
  const AttributionUnit* best = nullptr;
  uint32_t best_d = UINT32_MAX;
  for (const auto& u : units) {
    if (u.self || u.backward || u.chain.empty()) continue;
    if (!u.cues.empty() && u.cues.front()->entry && u.cues.front()->entry->frame_is("intent")) continue;
    uint32_t d = u.cue_first > anchor ? u.cue_first - anchor : anchor - u.cue_first;
    if (d < best_d) {
      best_d = d;
      best = &u;
    }
  }
  return best;
}

// Whether a time is the future as such: "in the coming weeks", « dans les
// prochains mois » (FUTURE_REF). A date ahead of publication is not enough:
// "the next day", "in one day" after a past verb are read against the
// publication date and would turn narrated facts into forecasts.
bool future_time(const TimeSpan& t) { return t.value == "FUTURE_REF"; }

// Sequence of tenses: "Officials said the troops would leave" reports
// "will leave"; after a reporting verb in the past, a backshifted modal is
// no hedge. Other hedges stay ("would likely", "could"). In French the
// conditional mood itself, found by its suffix, is the backshifted future
// (« a affirmé que les troupes partiraient »); the listed forms keep their
// sense (« pourraient », « auraient été blessés »).
void drop_backshifted(const SentenceView& v, const AttributionUnit* u, std::vector<const CueRef*>& cues) {
  if (!u || u->cues.empty() || u->cues.front()->cue->kind != CueKind::kReporting) return;
  const CueRef& verb = *u->cues.front();
  bool past = false;
  for (uint32_t t = verb.first; t < verb.end; ++t) past = past || v.has(t, Role::kPastReporting);
  if (!past) return;
  std::erase_if(cues, [&](const CueRef* c) {
    return c->cue->kind == CueKind::kCertainty && c->end == c->first + 1 &&
           (v.has(c->first, Role::kBackshifted) ||
            (c->first > verb.first && c->cue->why.rule == std::string_view("cue.conditional_suffix")));
  });
}

// Whether `c` lies on the verb of a speaking unit other than `u` (any unit
// when `u` is null): "denied" is both a reporting verb and a denial cue.
bool verb_of_other_unit(const std::vector<AttributionUnit>& units, const AttributionUnit* u, const CueRef& c) {
  for (const AttributionUnit& other : units) {
    if (&other != u && other.cue_end > other.cue_first && c.first < other.cue_end && other.cue_first < c.end) return true;
  }
  return false;
}

// "Moscow says it killed 300 soldiers, which Kyiv denies", « ce que dément
// Kiev »: a speaker whose verb is a denial, after the event and not its own
// speaker, denies that event.
const AttributionUnit* denier_of(const std::vector<AttributionUnit>& units, const AttributionUnit* speaker,
                                 uint32_t event_end) {
  for (const AttributionUnit& w : units) {
    if (&w != speaker && !w.self && !w.backward && !w.chain.empty() && w.cue_first >= event_end && !w.cues.empty() &&
        w.label == "denied")
      return &w;
  }
  return nullptr;
}

// The tokens that are a quotation mark (” and “ normalize to '"'), in
// order. Found by searching the normalized text for the byte, then the
// token starting there: quotation marks are rare, and looking at the kind
// of every token of the document cost more.
void find_quote_tokens(const Document& doc, std::vector<uint32_t>& out) {
  out.clear();
  const std::string& text = doc.normalized.text;
  auto by_start = [](const Token& t, size_t offset) { return t.nstart < offset; };
  for (size_t at = text.find('"'); at != std::string::npos; at = text.find('"', at + 1)) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), at, by_start);
    for (; it != doc.tokens.end() && it->nstart == at; ++it) {
      if (punct_byte(doc, *it) == '"') {
        out.push_back(static_cast<uint32_t>(it - doc.tokens.begin()));
        break;
      }
    }
  }
}

class ClaimBuilder final : public Annotator {
 public:
  ClaimBuilder(CueLexicon lexicon, FrameWords words)
      : lexicon_(std::move(lexicon)), words_(std::move(words)), statement_(words_.event_type("statement")) {}
  std::string_view name() const override { return "claim"; }
  void annotate(Document& doc) const override;

 private:
  void add_cue_texts(const Document& doc, Claim& claim, const std::vector<const CueRef*>& cues) const {
    for (const CueRef* c : cues) {
      // Compared as a view: a string is made only for a cue text the claim lacks.
      const std::string_view text = doc.slice(c->cue->at);
      if (std::find(claim.cues.begin(), claim.cues.end(), text) == claim.cues.end()) claim.cues.emplace_back(text);
    }
  }
  void set_sources(const Document& doc, const SentenceView& v, const SourceContext& ctx,
                   const AttributionUnit& u, Claim& claim) const;
  void backfill(Document& doc, size_t first_claim) const;

  CueLexicon lexicon_;
  FrameWords words_;
  // Looked up once: every attributed statement asks, and the lookup walks the list of types.
  const EventType* statement_;
};

void ClaimBuilder::set_sources(const Document& doc, const SentenceView& v, const SourceContext& ctx,
                               const AttributionUnit& u, Claim& claim) const {
  claim.sources = u.chain;
  claim.explain.add("sources", u.why);
  add_cue_texts(doc, claim, u.cues);
  // "selon le rapport": a definite document noun points back to the
  // paragraph's chain, whose relays it keeps.
  const ClaimSource& first = u.chain.front();
  if (u.chain.size() == 1 && first.entity.empty() && !ctx.document_chain.empty() &&
      is_document(v, first) && v.has(v.token_at_or_after(first.at.start), Role::kDeterminer)) {
    for (const auto& s : ctx.document_chain) {
      if (text_is(s.role, "relay")) claim.sources.push_back(s);
    }
    claim.explain.add("sources", {Origin{"claim.source.definite_document_keeps_its_relays", {}}});
  }
}

// "“... 14 million votes?” Trump said.": a quotation ending in ?” or !”
// closes a sentence, and the attribution that follows opens the next one.
// When a sentence opens with its speaker and verb, and the sentence before
// ends with a closing quotation mark, that quotation is what the speaker
// said: the evidence goes back to the sentence where it opened.
std::optional<uint32_t> quotation_before(const Document& doc, const SentenceView& v,
                                         const std::vector<AttributionUnit>& units,
                                         const std::vector<uint8_t>& inside_quote, uint32_t si) {
  constexpr uint32_t kSpeakerReach = 6;  // "Rep. Jim Jordan (R-Ohio) said": longer subjects are rare
  if (si == 0 || doc.sentences[si - 1].paragraph != doc.sentences[si].paragraph) return std::nullopt;
  const Sentence& prev = doc.sentences[si - 1];
  if (prev.end_token == prev.first_token) return std::nullopt;
  uint32_t last = prev.end_token - 1;
  if (doc.folded_key(doc.tokens[last]) == "-" && last > prev.first_token) --last;  // '.” ― Name'
  if (doc.folded_key(doc.tokens[last]) != "\"") return std::nullopt;  // ” folds to "
  for (const auto& u : units) {
    if (u.chain.empty() || u.backward || u.cue_first > v.first + kSpeakerReach) continue;
    for (uint32_t t = v.first; t < u.cue_first; ++t) {
      if (v.is_punct(t, '"')) return std::nullopt;
    }
    uint32_t k = si - 1;
    for (uint32_t n = 0; k > 0 && inside_quote[k] && n < kQuoteReach && doc.sentences[k - 1].paragraph == prev.paragraph;
         ++n) {
      --k;
    }
    return k;
  }
  return std::nullopt;
}

// "The New York Times reports:" then the words, often in a paragraph of
// their own: a sentence ending on a colon after its attribution takes the
// sentence after it (and the rest of a quotation that opens there).
std::optional<uint32_t> words_after_colon(const Document& doc, const SentenceView& v,
                                          const std::vector<AttributionUnit>& units,
                                          const std::vector<uint8_t>& inside_quote, uint32_t si) {
  uint32_t last = v.end;
  while (last > v.first && v.is_punct(last - 1, '"')) --last;
  if (last == v.first || !v.is_punct(last - 1, ':') || si + 1 >= doc.sentences.size()) return std::nullopt;
  bool attributed = false;
  for (const auto& u : units) attributed = attributed || (!u.chain.empty() && !u.backward && u.cue_first < last);
  if (!attributed) return std::nullopt;
  uint32_t k = si + 1;
  for (uint32_t n = 0; k + 1 < doc.sentences.size() && inside_quote[k + 1] && n < kQuoteReach; ++n) ++k;
  return k;
}

// '"We don't know that loophole," she said. "We have no context ..."': a
// speaker named after a quotation goes on speaking in the quotation that
// opens the next sentence of the paragraph; returns that quotation's last
// sentence.
std::optional<uint32_t> quotation_after(const Document& doc, const SentenceView& v,
                                        const std::vector<AttributionUnit>& units,
                                        const std::vector<uint8_t>& inside_quote, uint32_t si) {
  if (si + 1 >= doc.sentences.size() || doc.sentences[si + 1].paragraph != doc.sentences[si].paragraph) {
    return std::nullopt;
  }
  const Sentence& next = doc.sentences[si + 1];
  if (next.end_token == next.first_token || doc.folded_key(doc.tokens[next.first_token]) != "\"") return std::nullopt;
  uint32_t last_quote = v.end;
  for (uint32_t t = v.first; t < v.end; ++t) {
    if (v.is_punct(t, '"')) last_quote = t;
  }
  if (last_quote == v.end) return std::nullopt;
  bool speaker_after = false;
  for (const auto& u : units) speaker_after = speaker_after || (!u.chain.empty() && !u.backward && u.cue_first > last_quote);
  if (!speaker_after) return std::nullopt;
  uint32_t k = si + 1;
  for (uint32_t n = 0; k + 1 < doc.sentences.size() && inside_quote[k + 1] && n < kQuoteReach; ++n) ++k;
  return k;
}

void ClaimBuilder::annotate(Document& doc) const {
  if (doc.sentences.empty()) return;
  const size_t first_claim = doc.claims.size();
  thread_local DocumentIndex index;  // reused: its vectors keep their capacity
  build_document_index(doc, lexicon_, index);
  // Room for about as many claims as cues that make them: a Claim is a
  // score of strings, and regrowing the list moved each one again.
  const auto claim_cues = std::count_if(doc.cues.begin(), doc.cues.end(), [](const Cue& c) { return makes_claims(c.kind); });
  doc.claims.reserve(first_claim + static_cast<size_t>(claim_cues));
  SourceContext ctx;
  // Thread-local scratch, reused: the vectors keep their capacity across
  // documents instead of regrowing in each. Each is refilled before it is read.
  thread_local SentenceView v;
  thread_local std::vector<AttributionUnit> units;
  thread_local std::vector<Frame> frames;
  thread_local std::vector<size_t> previous;  // claims of the sentence before
  thread_local std::vector<size_t> current;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> extents;
  thread_local std::vector<int32_t> segments;
  thread_local std::vector<const CueRef*> all_cues;
  std::vector<std::vector<const CueRef*>> per_frame;
  previous.clear();
  // Quotes that run over several sentences: whether each sentence opens
  // inside one, so that a claim's evidence can take in the whole quotation.
  std::vector<uint8_t> inside_quote(doc.sentences.size() + 1, 0);
  {
    thread_local std::vector<uint32_t> quotes;
    find_quote_tokens(doc, quotes);
    bool open = false;
    size_t q = 0;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (si > 0 && s.paragraph != doc.sentences[si - 1].paragraph) open = false;
      inside_quote[si] = open;
      for (; q < quotes.size() && quotes[q] < s.end_token; ++q) {
        if (quotes[q] >= s.first_token) open = !open;
      }
    }
  }
  auto evidence_of = [&](uint32_t si) {
    Extent e = doc.sentences[si].at;
    const uint32_t p = doc.sentences[si].paragraph;
    for (uint32_t k = si, n = 0; k > 0 && inside_quote[k] && n < kQuoteReach; --k, ++n) {
      if (doc.sentences[k - 1].paragraph != p) break;
      e.start = doc.sentences[k - 1].at.start;
    }
    for (uint32_t k = si + 1, n = 0; k < doc.sentences.size() && inside_quote[k] && n < kQuoteReach; ++k, ++n) {
      if (doc.sentences[k].paragraph != p) break;
      e.end = doc.sentences[k].at.end;
    }
    return e;
  };
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    ctx.enter_paragraph(doc.sentences[si].paragraph);
    if (!may_hold_claim(doc, index, si)) {
      ctx.note_mentions(doc, index, words_, si);
      previous.clear();
      continue;
    }
    build_sentence_view(doc, index, words_, si, v);
    v.opens_in_quote = inside_quote[si];
    current.clear();
    // Headlines are read like any sentence, unless the body repeats the
    // title as its first sentence (then that copy speaks for it).
    const bool repeated_title = doc.sentences[si].is_title && si + 1 < doc.sentences.size() &&
                                doc.slice(doc.sentences[si + 1].at) == doc.slice(doc.sentences[si].at);
    if (repeated_title || states_nothing(v)) {
      ctx.note_mentions(doc, index, words_, si);
      previous.clear();
      continue;
    }
    find_attributions(v, ctx, units);
    for (const auto& u : units) {
      if (u.backward && !u.chain.empty()) {
        // "Cette information émane d'une note de X, consultée par Y."
        for (size_t ci : previous) {
          Claim& c = doc.claims[ci];
          const Origin* last = c.explain.last("sources");
          if (!c.sources.empty() && last && last->rule != std::string_view("claim.source.carried_by_conditional")) {
            continue;
          }
          c.sources = u.chain;
          c.explain.set("sources", u.why);
          c.explain.add("sources", {Origin{"claim.source.attributes_sentence_before", {}}});
        }
        ctx.chain = u.chain;
        ctx.chain_why = u.why;
        if (is_document(v, u.chain.front())) ctx.document_chain = u.chain;
      }
    }
    find_frames(v, words_, frames);
    fill_arguments(v, units, frames);
    const Extent evidence = doc.sentences[si].at;
    Extent quoted_evidence = evidence_of(si);
    if (auto k = quotation_before(doc, v, units, inside_quote, si)) {
      quoted_evidence.start = std::min(quoted_evidence.start, doc.sentences[*k].at.start);
    }
    if (auto k = words_after_colon(doc, v, units, inside_quote, si)) {
      quoted_evidence.end = std::max(quoted_evidence.end, doc.sentences[*k].at.end);
    } else if (auto k2 = quotation_after(doc, v, units, inside_quote, si)) {
      quoted_evidence.end = std::max(quoted_evidence.end, doc.sentences[*k2].at.end);
    }
    extents.clear();
    segments.clear();
    for (const Frame& f : frames) {
      extents.push_back({f.anchor_first, f.reach_end});
      segments.push_back(f.segment);
    }
    scope_cues(v, extents, segments, per_frame);
    std::vector<const AttributionUnit*> deniers;  // speakers who deny an event of the sentence
    for (size_t fi = 0; fi < frames.size(); ++fi) {
      Frame& f = frames[fi];
      // Built in place: a Claim is a score of strings, and moving one in cost as much as filling it.
      Claim& c = doc.claims.emplace_back();
      c.event_type = f.type->name;
      c.cameo = f.type->cameo;
      c.explain = std::move(f.why);
      c.explain.add("cameo", {f.type->why});
      c.actor = f.actor;
      c.recipient = f.recipient;
      c.locations = f.locations;
      if (f.quantity != kNone || f.number != kNone) {
        ClaimQuantity q;
        if (f.quantity != kNone) {
          const QuantitySpan& qs = doc.quantities[f.quantity];
          q.amount = qs.amount;
          q.unit = qs.unit;
          q.at = qs.at;
        } else {
          const NumberSpan& n = doc.numbers[f.number];
          q.amount = n.amount;
          q.at = n.at;
          // A bare figure of a list counts what the figure before it counts.
          for (auto it = current.rbegin(); it != current.rend(); ++it) {
            if (doc.claims[*it].quantity && !doc.claims[*it].quantity->unit.empty()) {
              q.unit = doc.claims[*it].quantity->unit;
              break;
            }
          }
          // Else a group of people counted before it in the sentence ("2 months later, ... captured 144" is no month).
          if (q.unit.empty()) {
            for (const auto& qr : v.quantities) {
              const std::string& unit = doc.quantities[qr.index].unit;
              if (qr.first < f.anchor_first && (unit == "person" || unit == "personnel")) q.unit = unit;
            }
          }
        }
        q.status = std::string(f.status);
        c.quantity = std::move(q);
      }
      if (f.time != kNone) c.time = doc.times[f.time];
      const AttributionUnit* u = unit_for(units, f.anchor_first);
      drop_backshifted(v, u, per_frame[fi]);
      // Another speaker's verb is no wording of this one's claim ("which Kyiv denies").
      std::erase_if(per_frame[fi], [&](const CueRef* cr) { return verb_of_other_unit(units, u, *cr); });
      Certainty cert = score_certainty(per_frame[fi], u ? u->label : std::string_view(),
                                       u && !u->cues.empty() ? u->cues.front()->cue->why : Origin{});
      // A figure of a list without a verb of its own ("et 600 tués") shares
      // the wording of the figure before it.
      bool hedged_here = false;
      for (const CueRef* cr : per_frame[fi]) {
        const CueKind k = cr->cue->kind;
        hedged_here = hedged_here || k == CueKind::kCertainty || k == CueKind::kRumour || k == CueKind::kDenial ||
                      k == CueKind::kConfirmation;
      }
      if (!hedged_here && fi > 0 && frames[fi - 1].segment == f.segment && frames[fi - 1].type == f.type &&
          (f.quantity != kNone || f.number != kNone) && !current.empty()) {
        const Claim& before = doc.claims[current.back()];
        cert.label = before.certainty;
        cert.why = {Origin{"certainty.list_split_shares_wording", {}}};
        for (const auto& cue_text : before.cues) {
          if (std::find(c.cues.begin(), c.cues.end(), cue_text) == c.cues.end()) c.cues.push_back(cue_text);
        }
      }
      if (const CueRef* neg = negation_of_event(v, f, per_frame[fi]); neg && cert.label != "denied") {
        cert.label = "denied";
        cert.why = {neg->cue->why, Origin{"certainty.negated_event", {}}};
      }
      if (cert.label == "asserted" && f.status != "planned" && c.time && future_time(*c.time)) {
        // "thousands more will be killed in the coming weeks": an event placed
        // after publication is a forecast, which no text can assert as done.
        cert.label = "probable";
        cert.why = {c.time->why, Origin{"certainty.forecast", {}}};
      }
      c.certainty = std::string(cert.label);
      c.explain.add("certainty", cert.why);
      add_cue_texts(doc, c, cert.cues);
      if (u) {
        set_sources(doc, v, ctx, *u, c);
      } else if (!text_is(c.certainty, "asserted") && !ctx.chain.empty() &&
                 std::none_of(units.begin(), units.end(), [](const AttributionUnit& x) { return x.self; })) {
        // The reportative conditional carries the paragraph's attribution
        // (not when the author says whose view it is: "Selon moi, ... devrait").
        c.sources = ctx.chain;
        c.explain.set("sources", ctx.chain_why);
        c.explain.add("sources", {Origin{"claim.source.carried_by_conditional", {}}});
      }
      if (f.trigger) add_cue_texts(doc, c, {f.trigger});
      c.evidence = evidence;
      c.explain.add("evidence", {Origin{"evidence.sentence", {}}});
      current.push_back(doc.claims.size() - 1);
      if (const AttributionUnit* w = denier_of(units, u, f.reach_end)) {
        // The same event, denied by the other speaker: a claim of its own, so
        // that fusion sees the denial against the assertion.
        Claim d = c;
        d.sources.clear();
        set_sources(doc, v, ctx, *w, d);
        d.certainty = "denied";
        d.explain.set("certainty", {w->cues.front()->cue->why, Origin{"certainty.denied_by_other_speaker", {}}});
        add_cue_texts(doc, d, {w->cues.front()});
        doc.claims.push_back(std::move(d));
        current.push_back(doc.claims.size() - 1);
        deniers.push_back(w);
      }
    }
    {
      // Attributed statements: one claim per speaker that no event claim took.
      std::vector<const AttributionUnit*> taken = deniers;
      for (const Frame& f : frames) taken.push_back(unit_for(units, f.anchor_first));
      for (const auto& u : units) {
        if (u.self || u.backward || u.chain.empty()) continue;
        if (std::find(taken.begin(), taken.end(), &u) != taken.end()) continue;
        Claim& c = doc.claims.emplace_back();
        c.event_type = "statement";
        if (const EventType* t = statement_) {
          c.cameo = t->cameo;
          c.explain.add("cameo", {t->why});
        }
        c.explain.add("event_type", {Origin{"event.attributed_statement_fallback", {}}});
        // The sentence's cues, but not another speaker's verb: in "X said A
        // and denied B", "denied" is no wording of what X said.
        all_cues.clear();
        for (const CueRef& cr : v.cues) {
          if (!verb_of_other_unit(units, &u, cr)) all_cues.push_back(&cr);
        }
        drop_backshifted(v, &u, all_cues);
        Certainty cert = score_certainty(all_cues, u.label, u.cues.empty() ? Origin{} : u.cues.front()->cue->why);
        c.certainty = std::string(cert.label);
        c.explain.add("certainty", cert.why);
        add_cue_texts(doc, c, cert.cues);
        set_sources(doc, v, ctx, u, c);
        c.evidence = quoted_evidence;
        c.explain.add("evidence", {Origin{quoted_evidence == evidence ? "evidence.sentence" : "evidence.sentence_and_quotation", {}}});
        current.push_back(doc.claims.size() - 1);
      }
    }
    // The attribution the text carries on: the last speaking unit's chain,
    // moved, as the units are rebuilt for the next sentence.
    AttributionUnit* carried = nullptr;
    for (auto& u : units) {
      if (u.self || u.backward || u.chain.empty()) continue;
      carried = &u;
      if (u.chain.size() > 1 && is_document(v, u.chain.front())) ctx.document_chain = u.chain;
      int32_t e = entity_index(doc, u.chain.front().entity);
      if (e != kNone && is_person_or_org(doc.entities[e])) ctx.last_speaker = e;
    }
    if (carried) {
      ctx.chain = std::move(carried->chain);
      ctx.chain_why = std::move(carried->why);
    }
    ctx.note_mentions(doc, index, words_, si);
    previous = current;
  }
  backfill(doc, first_claim);
  // "<doc id>#c<n>", concatenated: fmt::format cost as much as the rest of the claim's strings.
  const std::string id_prefix = (doc.id.empty() ? std::string("doc") : doc.id) + "#c";
  for (size_t i = first_claim; i < doc.claims.size(); ++i) {
    doc.claims[i].id = id_prefix + std::to_string(i - first_claim);
  }
}

// Frame completion across the document: an event claim with no actor takes
// the actor that the document's other claims of that event type agree on; a
// claim with an actor and no recipient takes the recipient of the claims of
// that type and actor ("un allié du Kremlin envisage d'envoyer ...").
void ClaimBuilder::backfill(Document& doc, size_t first_claim) const {
  // Keys counted as views of the claims' own strings: no copy per claim.
  auto majority = [&](auto key_of, auto match) {
    std::vector<std::pair<std::string_view, int>> counts;
    for (size_t i = first_claim; i < doc.claims.size(); ++i) {
      const Claim& c = doc.claims[i];
      if (!match(c)) continue;
      const std::string_view k = key_of(c);
      if (k.empty()) continue;
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == k; });
      if (it == counts.end()) counts.push_back({k, 1});
      else ++it->second;
    }
    std::string_view best;
    int n = 0;
    for (const auto& [k, c] : counts) {
      if (c > n) {
        n = c;
        best = k;
      }
    }
    return std::string(best);
  };
  // The event types whose recipient the document's other claims may give.
  auto sends = [](const Claim& c) {
    return text_is(c.event_type, "troop_deployment") || text_is(c.event_type, "labour_deployment") ||
           text_is(c.event_type, "aid");
  };
  for (size_t i = first_claim; i < doc.claims.size(); ++i) {
    Claim& c = doc.claims[i];
    // Whose casualties a figure counts is never guessed from the rest of the
    // document: "45 children were wounded" in a speech about Russian losses
    // is not a Russian loss.
    if (text_is(c.event_type, "statement") || text_is(c.event_type, "casualties")) continue;
    if (c.actor.empty()) {
      std::string a = majority([](const Claim& o) { return std::string_view(o.actor); },
                               [&](const Claim& o) { return o.event_type == c.event_type && !o.actor.empty(); });
      if (!a.empty() && a != c.recipient) {
        c.actor = a;
        c.explain.set("actor", {Origin{"actor.document_majority_for_event_type", {}}});
      }
    }
  }
  for (size_t i = first_claim; i < doc.claims.size(); ++i) {
    Claim& c = doc.claims[i];
    if (text_is(c.event_type, "statement") || c.actor.empty() || !c.recipient.empty()) continue;
    if (!sends(c)) continue;
    std::string r = majority([](const Claim& o) { return std::string_view(o.recipient); },
                             [&](const Claim& o) { return o.actor == c.actor && !o.recipient.empty() && sends(o); });
    if (!r.empty() && r != c.actor) {
      c.recipient = r;
      c.explain.set("recipient", {Origin{"recipient.document_majority_for_actor", {}}});
    }
  }
}

}  // namespace

Result<std::unique_ptr<Annotator>> make_claim_builder(const LanguageContext& context) {
  auto lexicon = CueLexicon::load(context);
  if (!lexicon) return std::unexpected(lexicon.error());
  auto words = FrameWords::load(context);
  if (!words) return std::unexpected(words.error());
  return std::make_unique<ClaimBuilder>(std::move(*lexicon), std::move(*words));
}

}  // namespace claimtrace
