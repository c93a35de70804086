#include "claim/attribution.h"

#include <algorithm>
#include <optional>

namespace claimtrace {
namespace {

constexpr uint32_t kMaxRight = 14;
constexpr uint32_t kMaxLeft = 9;
constexpr uint32_t kMaxLeftLong = 16;
constexpr uint32_t kMaxCommaSubject = 6;  // a subject opening the sentence, with no clause edge in it
constexpr uint32_t kMaxInverted = 7;
constexpr uint32_t kMaxAgentGap = 6;
constexpr uint32_t kMaxTitle = 3;  // "Mr.", "Sen.", "Rep."

// '"', and the '' `` quotes of some newspapers (tokens ' and `).
// Inline, as clause_edge: the phrase searches ask them of every token they step over.
[[gnu::always_inline]] inline bool is_quote(const SentenceView& v, uint32_t t) {
  return v.is_punct(t, '"') || v.is_punct(t, '\'') || v.is_punct(t, '`');
}

// A period inside a sentence ends an abbreviation ("Roberts Jr. spoke"),
// as the sentence splitter did not end the sentence there.
[[gnu::always_inline]] inline bool clause_edge(const SentenceView& v, uint32_t t) {
  return v.is_punct(t, ',') || (v.is_punct(t, '.') && t + 1 == v.end) || v.is_punct(t, ';') || v.is_punct(t, ':') ||
         v.is_punct(t, '(') || v.is_punct(t, ')') || v.is_punct(t, '?') || v.is_punct(t, '!') || is_quote(v, t) ||
         v.is_punct(t, '-') || v.has(t, Role::kComplementizer) || v.has(t, Role::kBoundary);
}

// The first token of a name that opens the sentence after up to kMaxTitle
// capitalised words or dots ("Mr.", "Dr."); the sentence start when no
// mention follows them.
uint32_t name_after_title(const SentenceView& v, uint32_t before) {
  uint32_t name = v.first;
  while (name < v.first + kMaxTitle && name + 1 < before && v.mention_at(name) == kNone &&
         (v.doc->tokens[name].has(kCapitalized) || v.is_punct(name, '.'))) {
    ++name;
  }
  return v.mention_at(name) == kNone ? v.first : name;
}

// Whether token `t` lies inside a quotation (double quotes, counted from
// the sentence start and whether the sentence opens inside one).
bool in_quotation(const SentenceView& v, uint32_t t) {
  bool open = v.opens_in_quote;
  for (uint32_t k = v.first; k < t; ++k) open = open != v.is_punct(k, '"');
  return open;
}

// The length of an inverted subject in words: abbreviation periods
// ("Representative Charles B. Rangel") do not count.
uint32_t words_in(const SentenceView& v, uint32_t first, uint32_t end) {
  uint32_t n = 0;
  for (uint32_t t = first; t < end; ++t) n += !v.is_punct(t, '.');
  return n;
}

// Whether a form of "be" stands before token `t`, over auxiliaries and at
// most one adverb not listed ("has been harshly criticized").
bool after_passive_aux(const SentenceView& v, uint32_t t) {
  bool adverb = false;
  for (uint32_t k = t; k > v.first && v.mention_at(k - 1) == kNone; --k) {
    if (v.has(k - 1, Role::kPassiveAux)) return true;
    if (v.has(k - 1, Role::kAux)) continue;
    if (adverb || v.has(k - 1, Role::kInfinitive) || v.doc->tokens[k - 1].kind != TokenKind::kWord || v.is_cue_token(k - 1)) return false;
    adverb = true;
  }
  return false;
}

// "those reports", "une annonce", "L'annonce du retrait": a word after a
// noun marker, or after le, la, l' opening the sentence, is a noun.
bool after_noun_marker(const SentenceView& v, uint32_t t) {
  if (t <= v.first) return false;
  if (const int32_t m = v.mention_at(t - 1); m != kNone) {
    // "a CNN report", "a New York Times report": an indefinite article cannot
    // open a speaker's name, so the name qualifies a noun.
    uint32_t k = t - 1;
    while (k > v.first && v.mention_at(k - 1) == m) --k;
    return k > v.first && v.has(k - 1, Role::kIndefinite);
  }
  return v.has(t - 1, Role::kNounMarker) || (t - 1 == v.first && v.has(t - 1, Role::kOpeningNounMarker));
}

// Whether a phrase [first, end) runs to the end of the sentence (its final
// punctuation and closing quotes aside).
bool ends_sentence(const SentenceView& v, std::pair<uint32_t, uint32_t> phrase) {
  if (phrase.second <= phrase.first) return false;
  for (uint32_t t = phrase.second; t < v.end; ++t) {
    if (!v.is_punct(t, '.') && !v.is_punct(t, '!') && !is_quote(v, t)) return false;
  }
  return true;
}

// Some mention in the phrase whose entity (and mention) `accept` takes.
template <class Accept>
bool names_entity(const SentenceView& v, std::pair<uint32_t, uint32_t> phrase, Accept accept) {
  for (uint32_t t = phrase.first; t < phrase.second; ++t) {
    const int32_t m = v.mention_at(t);
    if (m != kNone && accept(v.doc->entities[v.doc->mentions[m].entity], v.doc->mentions[m])) return true;
  }
  return false;
}

bool names_person_or_org(const SentenceView& v, std::pair<uint32_t, uint32_t> phrase) {
  return names_entity(v, phrase, [](const Entity& e, const Mention&) { return is_person_or_org(e); });
}

// "Sans mentionner de noms", "After the vote", "In Kyiv": a phrase opening on
// a preposition is a circumstance, not a subject.
bool opens_on_preposition(const SentenceView& v, uint32_t t) {
  return v.mention_at(t) == kNone && (v.has(t, Role::kCircumstance) || v.has(t, Role::kParticipleOpener) ||
                                      v.has(t, Role::kLocation) || v.has(t, Role::kBoundary));
}

// A person or organisation, or a noun that speaks unnamed ("one GOP
// source", "a senior official").
bool names_speaker(const SentenceView& v, std::pair<uint32_t, uint32_t> phrase) {
  if (names_person_or_org(v, phrase)) return true;
  for (uint32_t t = phrase.first; t < phrase.second; ++t) {
    if (v.has(t, Role::kSpeakerNoun) || v.has(t, Role::kOfficeNoun)) return true;
  }
  return false;
}

// Whether tokens [first, end) are auxiliaries after which the subject may
// follow the verb: French ", a indiqué le gouverneur", never English ", have
// also endorsed Clinton".
bool only_inversion_aux_between(const SentenceView& v, uint32_t first, uint32_t end) {
  for (uint32_t t = first; t < end; ++t) {
    if (!v.has(t, Role::kInversionAux)) return false;
  }
  return true;
}

// A state named as a speaker: "the Kremlin", "Washington", "Russia" (not a demonym).
bool names_state(const SentenceView& v, std::pair<uint32_t, uint32_t> phrase) {
  return names_entity(v, phrase, [](const Entity& e, const Mention& m) { return !m.demonym && has_type(e, "COUNTRY"); });
}

// A country or place id: where something was said, not who heard it.
bool is_place_id(std::string_view entity) { return entity.starts_with("country/") || entity.starts_with("place/"); }

// Whether a source holds a document noun ("the poll", "leaked documents").
bool holds_document_noun(const SentenceView& v, const ClaimSource& s) {
  for (uint32_t t = v.token_at_or_after(s.at.start); t < v.end && v.doc->tokens[t].at.end <= s.at.end; ++t) {
    if (v.has(t, Role::kSourceNoun)) return true;
  }
  return false;
}

// Tokens [first, end) exactly one mention?
bool is_one_mention(const SentenceView& v, uint32_t first, uint32_t end) {
  if (first >= end) return false;
  int32_t m = v.mention_at(first);
  if (m == kNone) return false;
  for (uint32_t t = first; t < end; ++t) {
    if (v.mention_at(t) != m) return false;
  }
  return true;
}

// The source phrase after a preposition or verb: up to a clause edge or the
// next cue; a comma followed by an apposed name ("..., Jenny Town,") goes on.
std::pair<uint32_t, uint32_t> right_phrase(const SentenceView& v, uint32_t from) {
  uint32_t t = from;
  while (t < v.end && t - from < kMaxRight) {
    // A document noun that is also a cue word ("report") is a noun of the
    // phrase after a noun marker: "a report by the ISW".
    if (v.is_cue_token(t) && !(t > from && v.has(t, Role::kSourceNoun) && after_noun_marker(v, t))) break;
    if (v.mention_at(t) == kNone && clause_edge(v, t)) {
      if (v.is_punct(t, ',') && t > from) {
        uint32_t next = t + 1;
        uint32_t stop = next;
        while (stop < v.end && !v.is_punct(stop, ',') && !v.is_punct(stop, '.') && !is_quote(v, stop)) ++stop;
        if (is_one_mention(v, next, stop)) {
          const Entity& e = v.doc->entities[v.doc->mentions[v.mention_at(next)].entity];
          if (is_person_or_org(e)) {
            t = stop;
            break;
          }
        }
      }
      break;
    }
    ++t;
  }
  return {from, t};
}

// The subject after a reporting verb (", a annoncé jeudi l'armée de l'air"): a time right after
// the verb is no part of it.
std::pair<uint32_t, uint32_t> inverted_subject(const SentenceView& v, uint32_t verb_end) {
  for (const SpanRef& r : v.times) {
    if (r.first == verb_end) verb_end = r.end;
  }
  return right_phrase(v, verb_end);
}

// "Johnnie Wilson, of Springfield, Va., said", "Donna Rawlings, 59, of Ashton, Md., said",
// "Barack Obama, 55, said": an age and a hometown set off by commas stand between the speaker and
// the verb. The comma after the speaker, or `comma` when no such insert ends there.
uint32_t comma_before_age_and_hometown(const SentenceView& v, uint32_t comma) {
  constexpr uint32_t kMaxHometown = 5;  // "of Ashton", "of New York City", "Va."
  const auto& tokens = v.doc->tokens;
  auto capitalized_only = [&](uint32_t open, uint32_t close) {
    for (uint32_t k = open; k < close; ++k) {
      if (!tokens[k].has(kCapitalized) && !v.is_punct(k, '.')) return false;
    }
    return true;
  };
  uint32_t speaker_comma = comma;
  bool hometown = false;
  for (uint32_t close = comma, segments = 0; v.is_punct(close, ',') && segments < 4; ++segments) {
    uint32_t open = close;
    while (open > v.first && !v.is_punct(open - 1, ',') && close - open <= kMaxHometown) --open;
    if (open == close || open == v.first || !v.is_punct(open - 1, ',')) break;
    const bool age = close - open == 1 && tokens[open].kind == TokenKind::kNumber;
    const bool of_place = close - open >= 2 && v.has(open, Role::kOf) && capitalized_only(open + 1, close);
    if (age || of_place) {
      speaker_comma = open - 1;
      hometown = hometown || of_place;
    } else if (hometown || !capitalized_only(open, close) || close - open > 3) {
      break;  // "Va." after "of Springfield" only: a name alone ("The chairman, Phil Lovas, said") is the speaker
    }
    close = open - 1;
  }
  return speaker_comma;
}

// The subject before a reporting verb: back over auxiliaries and adverbs,
// then to a clause edge; a relative clause ("Clinton, who spoke, said")
// is stepped over.
// Whether token `t` is part of a figure ("$20 million", "two weeks").
bool inside_figure(const SentenceView& v, uint32_t t) {
  auto holds = [t](const SpanRef& r) { return r.first <= t && t < r.end; };
  return std::any_of(v.quantities.begin(), v.quantities.end(), holds) ||
         std::any_of(v.numbers.begin(), v.numbers.end(), holds) || std::any_of(v.times.begin(), v.times.end(), holds);
}

constexpr uint32_t kMaxSpeakerNounPhrase = 6;  // "Obama's former campaign strategist"

std::pair<uint32_t, uint32_t> left_phrase(const SentenceView& v, uint32_t cue_first) {
  uint32_t end = cue_first;
  while (end > v.first && (v.has(end - 1, Role::kAux) || v.has(end - 1, Role::kClitic)) && v.mention_at(end - 1) == kNone)
    --end;
  const bool infinitive = end > v.first && v.has(end - 1, Role::kInfinitive);
  // "Trump made the reference Monday as he discussed": a pronoun just
  // before the verb is its subject, whatever clause stands before it.
  if (end > v.first + 1 && v.mention_at(end - 1) == kNone &&
      (v.has(end - 1, Role::kPersonPronoun) || v.has(end - 1, Role::kThingPronoun))) {
    return {end - 1, end};
  }
  // "the minimum $20 million experts say it costs": a speaker noun just
  // before the verb heads its subject, with the few words that modify it.
  if (!infinitive && end > v.first + 1 && v.mention_at(end - 1) == kNone && v.has(end - 1, Role::kSpeakerNoun)) {
    uint32_t k = end - 1;
    while (k > v.first && end - k < kMaxSpeakerNounPhrase &&
           (v.doc->tokens[k - 1].kind == TokenKind::kWord || v.doc->folded_key(v.doc->tokens[k - 1]) == "'s") &&
           !clause_edge(v, k - 1) && !v.is_cue_token(k - 1) && !v.has(k - 1, Role::kAux) &&
           !v.has(k - 1, Role::kDeterminer) && !v.has(k - 1, Role::kOf) && !v.has(k - 1, Role::kRelative) &&
           !v.has(k - 1, Role::kCoordinator) && !inside_figure(v, k - 1)) {
      --k;
    }
    // The article stays with its noun; "Des" opening the sentence is one ("Des analystes estiment").
    if (k > v.first && (v.has(k - 1, Role::kDeterminer) || (k - 1 == v.first && v.has(k - 1, Role::kOpeningNounMarker))))
      --k;
    return {k, end};
  }
  // "three days after the Security Council condemned": a person or
  // organisation named just before the verb is its subject.
  if (!infinitive && end > v.first + 1 && v.mention_at(end - 1) != kNone) {
    const int32_t m = v.mention_at(end - 1);
    const Entity& e = v.doc->entities[v.doc->mentions[m].entity];
    uint32_t k = end - 1;
    while (k > v.first && v.mention_at(k - 1) == m) --k;
    if (k > v.first && v.has(k - 1, Role::kDeterminer)) --k;
    if (is_person_or_org(e) && k > v.first && !v.has(k - 1, Role::kOf) &&
        !v.has(k - 1, Role::kLocation) && !v.has(k - 1, Role::kAgent) && !v.has(k - 1, Role::kRecipient) &&
        v.doc->tokens[k - 1].kind == TokenKind::kWord && !v.doc->tokens[k - 1].has(kCapitalized)) {
      return {k, end};
    }
  }
  uint32_t t = end;
  bool edge = false;
  // Abbreviation periods and possessive endings ("one of Mr. Obama's
  // climate advisers") are not words of the subject's length.
  uint32_t words = 0;
  while (t > v.first && words < kMaxLeft) {
    uint32_t prev = t - 1;
    words += v.doc->tokens[prev].has(kSpaceBefore);
    if (v.is_punct(prev, ')')) {
      // "Jason Chaffetz (R-Utah) said": over the parenthesis.
      uint32_t open = prev;
      while (open > v.first && !v.is_punct(open, '(') && prev - open < 8) --open;
      if (v.is_punct(open, '(')) {
        if (end == t) end = open;  // the parenthesis is not part of the name
        t = open;
        continue;
      }
    }
    // "the report says": a cue word after "the, a, those" is a noun, part of the subject.
    const bool cue_noun = v.is_cue_token(prev) && after_noun_marker(v, prev);
    if (v.mention_at(prev) == kNone && (clause_edge(v, prev) || (v.is_cue_token(prev) && !cue_noun) ||
                                        v.has(prev, Role::kBoundary) || v.has(prev, Role::kCoordinator))) {
      edge = true;
      break;
    }
    if (v.mention_at(prev) == kNone && std::any_of(v.cues.begin(), v.cues.end(), [&](const CueRef& c) {
          return c.first <= prev && prev < c.end && c.cue->kind == CueKind::kCertainty;
        })) {
      edge = true;
      break;
    }
    if (v.has(prev, Role::kRelative) && v.mention_at(prev) == kNone && t < end &&
        (v.has(t, Role::kPersonPronoun) || v.has(t, Role::kThingPronoun) || v.mention_at(t) != kNone)) {
      // "donations, which he said were ...": a pronoun or name between the
      // relative pronoun and the verb is the subject.
      edge = true;
      break;
    }
    if (v.has(prev, Role::kRelative) && v.mention_at(prev) == kNone) {
      // "McConnell, who said": the relative pronoun stands for the noun
      // phrase before it; the span runs from that phrase to the pronoun.
      uint32_t k = prev;
      if (k > v.first && v.is_punct(k - 1, ',')) --k;
      uint32_t start = k;
      while (start > v.first && k - start < kMaxLeft) {
        uint32_t p = start - 1;
        if (v.mention_at(p) == kNone && (clause_edge(v, p) || v.is_cue_token(p))) break;
        start = p;
      }
      return {start < k ? start : prev, prev + 1};
    }
    t = prev;
  }
  if (t == v.first) edge = true;
  if (!edge && t > v.first) {
    // "The Real Clear Politics average of polls taken over the past two
    // weeks shows": with no clause edge back to the sentence start, the
    // whole opening phrase is the subject.
    uint32_t k = t;
    while (k > v.first && end - k < kMaxLeftLong && v.mention_at(k - 1) != kNone) --k;
    while (k > v.first && end - k < kMaxLeftLong &&
           (v.mention_at(k - 1) != kNone || !(clause_edge(v, k - 1) || v.is_cue_token(k - 1) ||
                                              v.has(k - 1, Role::kCoordinator) || v.has(k - 1, Role::kRelative)))) {
      --k;
    }
    if (k == v.first && (v.has(k, Role::kDeterminer) || v.mention_at(k) != kNone)) {
      t = k;
      edge = true;
    }
  }
  if (infinitive) {
    // "Caddell went on to discuss", "he refused to pledge": the subject of
    // the verb governing the infinitive, a person, an organisation or a
    // personal pronoun; none ("it is necessary to show") is no source.
    for (uint32_t k = t; k < end; ++k) {
      if (v.has(k, Role::kPersonPronoun)) return {k, k + 1};
      const int32_t m = v.mention_at(k);
      if (m == kNone) continue;
      const Entity& e = v.doc->entities[v.doc->mentions[m].entity];
      if (!is_person_or_org(e)) continue;
      uint32_t e_end = k;
      while (e_end < end && v.mention_at(e_end) == m) ++e_end;
      return {k, e_end};
    }
    return {end, end};
  }
  // A long run with no clause edge, no name and no capital is the tail of a
  // clause, not a subject ("... and seemed to think").
  if (!edge || end - t > 4) {
    bool named = false;
    for (uint32_t k = t; k < end; ++k) {
      named = named || v.mention_at(k) != kNone ||
              // a capital after an opening quote starts the quotation; after a closing one, a name
              (k > v.first && v.doc->tokens[k].has(kCapitalized) && (!v.is_punct(k - 1, '"') || !in_quotation(v, k))) ||
              v.has(k, Role::kPersonPronoun) || v.has(k, Role::kThingPronoun) ||
              v.doc->tokens[k].kind == TokenKind::kNumber;  // "eight of 10 voters say"
    }
    // "Protesters marching through the streets chanted": the phrase opening
    // the sentence, up to its verb, is its subject.
    named = named || (t == v.first && end - t <= kMaxLeft);
    // "Although Scott lacks ..., elected officials from both parties say".
    named = named || (edge && t > v.first && v.is_punct(t - 1, ',') && end - t <= kMaxCommaSubject);
    const bool determined = v.has(t, Role::kDeterminer);
    if ((!named && !determined) || !edge) return {end, end};
  }
  return {t, end};
}

// A pronoun source ("il a affirmé", "He said") names nobody by itself: its
// text becomes the words of the entity's nearest mention before it (the
// name an analyst reads, stored and queried), `antecedent` that mention's
// span, `pronoun` the pronoun as written; its span stays the pronoun's, the
// reference nearest the claim (as PolNeAR's gold marks it: making the
// antecedent the span cost recall 0.56 -> 0.46, docs/claims.md).
void resolve_pronoun(const Document& doc, uint32_t entity, ClaimSource& out) {
  const Entity& e = doc.entities[entity];
  out.entity = e.id;
  out.name = e.name;
  const Mention* best = nullptr;
  for (uint32_t m : e.mentions) {
    const Mention& mention = doc.mentions[m];
    if (mention.at.start >= out.at.start) continue;
    if (!best || mention.at.start > best->at.start) best = &mention;
  }
  if (!best) return;
  out.antecedent = best->at;
  out.pronoun = std::move(out.text);
  out.text = std::string(doc.slice(best->at));
}

// An adverb or a clitic belongs to the verb after a pronoun: "I truly
// believed", "he barely mentioned", "he’s claiming".
bool verb_companion(const SentenceView& v, uint32_t t) {
  return v.has(t, Role::kAux) || v.words->verb_companion_form(v.doc->slice(v.doc->tokens[t].at));
}

bool is_pronoun(const SentenceView& v, uint32_t t) {
  return v.has(t, Role::kSelf) || v.has(t, Role::kPersonPronoun) || v.has(t, Role::kThingPronoun);
}

// A phrase opening on a pronoun is that pronoun alone (`end` shrinks to it,
// over adverbs and clitics); with another word after it ("I hear [daily
// reports]", "these are truly full-fledged [talks]") the pronoun is the
// subject of that other verb and the phrase names no source (false). A name
// inside ("I think it was Marie Antoinette who") is left to the name rules.
bool pronoun_alone(const SentenceView& v, uint32_t& first, uint32_t& end) {
  if (end - first < 2 || v.is_punct(first + 1, ',') || v.has(first + 1, Role::kCoordinator)) return true;
  for (uint32_t t = first; t < end; ++t) {
    if (v.mention_at(t) != kNone) return true;
  }
  // The pronouns, adverbs and clitics right before the verb ("During the day
  // I", "Il lui", "I truly"): the first pronoun among them is the subject.
  uint32_t run = end;
  while (run > first && (is_pronoun(v, run - 1) || verb_companion(v, run - 1) || v.has(run - 1, Role::kClitic))) --run;
  if (run > first && (v.has(run - 1, Role::kOf) || v.has(run - 1, Role::kCoordinator))) run = end;  // "of them", "and I"
  while (run < end && !is_pronoun(v, run)) ++run;
  if (run < end) {
    first = run;
    end = run + 1;
    return true;
  }
  if (is_pronoun(v, first)) return false;
  return !((v.has(first, Role::kNounMarker) || v.has(first, Role::kDeterminer)) && v.has(first + 1, Role::kPassiveAux));
}

// The source named by tokens [first, end): its text and span and, when the
// entity layer resolved it, the entity; pronouns through the context.
bool make_source(const SentenceView& v, const SourceContext& ctx, uint32_t first, uint32_t end,
                 std::string_view role, ClaimSource& out, bool& self, std::vector<Origin>& why) {
  while (first < end && (v.is_punct(first, ',') || is_quote(v, first))) ++first;
  // "announced by the ministry on Monday": the source ends where a time begins.
  bool cut_by_time = false;
  for (const auto& tm : v.times) {
    if (tm.first > first && tm.first < end) {
      end = tm.first;
      cut_by_time = true;
    }
  }
  // "polls taken over the past two weeks": the article of the time goes too.
  while (end > first && (v.is_punct(end - 1, ',') || is_quote(v, end - 1) ||
                         (v.mention_at(end - 1) == kNone &&
                          (v.has(end - 1, Role::kLocation) || v.has(end - 1, Role::kOf) ||
                           (cut_by_time && v.has(end - 1, Role::kDeterminer)))))) {
    --end;
  }
  if (first >= end) return false;
  if (role == "origin" && !pronoun_alone(v, first, end)) {
    self = true;  // the cue was another clause's word: no source here, and none to look for elsewhere
    return false;
  }
  const Document& doc = *v.doc;
  out.at = Extent{doc.tokens[first].at.start, doc.tokens[end - 1].at.end};
  out.text = std::string(doc.slice(out.at));
  out.role = std::string(role);
  out.entity.clear();
  if (end - first == 1 && v.has(first, Role::kSelf)) {
    self = true;
    return false;
  }
  // Prefer a person, then an organisation, then any non-demonym mention.
  int best = -1, best_rank = 0;
  for (const auto& m : v.mentions) {
    if (m.first < first || m.end > end) continue;
    const Mention& mention = doc.mentions[m.index];
    const Entity& e = doc.entities[mention.entity];
    int rank = has_type(e, "PERSON") ? 4 : has_type(e, "ORG") ? 3 : mention.demonym ? 0 : 1;
    // A mention that only qualifies the head ("une note des services de X") counts less.
    if (m.first > first && v.has(m.first - 1, Role::kOf)) rank = std::min(rank, 1);
    if (rank > best_rank) {
      best_rank = rank;
      best = static_cast<int>(m.index);
    }
  }
  if (best >= 0 && best_rank >= 1) {
    const Mention& mention = doc.mentions[best];
    out.entity = doc.entities[mention.entity].id;
    out.name = doc.entities[mention.entity].name;
    // A person named in apposition ("la chercheuse ..., Jenny Town") is the
    // source; the span is that mention's.
    if (best_rank == 4 && !mention.at.contains(out.at)) {
      out.at = mention.at;
      out.text = std::string(doc.slice(mention.at));
    }
    why.push_back(doc.mentions[best].why);
    // A lone name stands for itself; the phrase stays when the name is inside it.
    return true;
  }
  // A phrase ending on an article ("... also illustrate the decline") is cut
  // from the middle of a clause, not a subject.
  if (v.has(end - 1, Role::kDeterminer) && v.mention_at(end - 1) == kNone) return false;
  // Function words alone ("In offering analysis, X told ...") name nobody.
  bool names_someone = false;
  for (uint32_t t = first; t < end && !names_someone; ++t) {
    names_someone = doc.tokens[t].kind == TokenKind::kWord && !verb_companion(v, t) &&
                    !(v.has(t, Role::kLocation) || v.has(t, Role::kOf) || v.has(t, Role::kAgent) ||
                      v.has(t, Role::kBoundary) || v.has(t, Role::kCoordinator) ||
                      v.has(t, Role::kComplementizer) || v.has(t, Role::kAux) || v.has(t, Role::kDeterminer) ||
                      v.has(t, Role::kHypothetical) || v.has(t, Role::kCircumstance));
  }
  if (!names_someone) return false;
  for (uint32_t t = first; t < end; ++t) {
    if (v.has(t, Role::kDeterminer) || v.has(t, Role::kAux)) continue;
    int32_t e = kNone;
    if (v.has(t, Role::kPersonPronoun) && ctx.last_person != kNone) {
      e = ctx.last_person;
      why.push_back(Origin{"claim.source.pronoun_last_person", v.role_why[t - v.first].resource});
    } else if (v.has(t, Role::kThingPronoun)) {
      // "it", "they", "ils" stand for an organisation that spoke last, or one
      // named in this sentence or the one before; not for the person who
      // spoke last ("They replied that they knew nothing", after Putin).
      if (ctx.last_speaker != kNone && !has_type(doc.entities[ctx.last_speaker], "PERSON")) e = ctx.last_speaker;
      else if (v.index - ctx.last_org_sentence <= 1) e = ctx.last_org;
      if (e != kNone) why.push_back(Origin{"claim.source.pronoun_last_speaker", v.role_why[t - v.first].resource});
    }
    if (e != kNone) resolve_pronoun(doc, static_cast<uint32_t>(e), out);
    break;
  }
  return true;
}

}  // namespace

// The steps of find_attributions below are static: used only there, they
// are inlined in it rather than called for every sentence.
static void merge_relay_only_units(std::vector<AttributionUnit>& out);

// "He said the museum compensated for what he believed", "X notes that the
// commission announced": a speaker named inside what an earlier verb
// reports, with no clause edge between, is part of that report, not a
// second attribution of the sentence.
static void drop_units_inside_reported_clause(const SentenceView& v, std::vector<AttributionUnit>& out) {
  if (out.size() < 2) return;  // a unit is inside another one's report: one alone never is
  // The source's last token: "the European Union, which contended" starts
  // before its comma, but its speaker is the relative pronoun.
  auto origin_token = [&](const AttributionUnit& u) {
    uint32_t t = v.token_at_or_after(u.chain.front().at.start);
    while (t + 1 < v.end && v.doc->tokens[t + 1].at.end <= u.chain.front().at.end) ++t;
    return t;
  };
  auto subject_first = [&](const AttributionUnit& u) {
    return !u.chain.empty() && !u.cues.empty() && u.cues.front()->cue->kind == CueKind::kReporting &&
           origin_token(u) < u.cue_first;
  };
  std::vector<uint8_t> inside(out.size(), 0);
  for (size_t i = 0; i < out.size(); ++i) {
    if (!subject_first(out[i])) continue;
    const uint32_t speaker = origin_token(out[i]);
    for (size_t j = 0; j < out.size() && !inside[i]; ++j) {
      if (j == i || !subject_first(out[j]) || out[j].cue_end > speaker) continue;
      // A lone comma closes an inserted "Mr. Clarke said, he decided".
      const uint32_t from = out[j].cue_end;
      const uint32_t inner_first = v.token_at_or_after(out[i].chain.front().at.start);
      const bool lone_comma = v.is_punct(from, ',') && from + 1 == inner_first &&
                              !v.has(inner_first, Role::kParticipleOpener) && !v.has(inner_first, Role::kBoundary);
      bool edge = false;
      for (uint32_t t = from; t < speaker && !edge && !lone_comma; ++t) {
        edge = (clause_edge(v, t) && !v.has(t, Role::kComplementizer)) || v.has(t, Role::kCoordinator);
      }
      inside[i] = !edge;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!inside[i]) {
      if (kept != i) out[kept] = std::move(out[i]);
      ++kept;
    }
  }
  out.resize(kept);
}

// "WALLACE: ...", "Pamela Padilla - "...": a name opening the sentence,
// followed by a colon or a dash and then the words, is their speaker.
static void speaker_before_colon(const SentenceView& v, const SourceContext& ctx, std::vector<AttributionUnit>& out) {
  constexpr uint32_t kMaxName = 4;
  const uint32_t first = v.first + (is_quote(v, v.first) && v.first + 1 < v.end);  // '"WALLACE: ...'
  for (uint32_t k = first + 1; k < v.end && k <= first + kMaxName; ++k) {
    if (!v.is_punct(k, ':') && !v.is_punct(k, '-')) continue;
    if (k + 1 >= v.end) return;
    for (uint32_t t = first; t < k; ++t) {
      const Token& tok = v.doc->tokens[t];
      if (v.mention_at(t) == kNone && !tok.has(kCapitalized) && !tok.has(kAllCaps)) return;
      if (v.is_cue_token(t)) return;
      // "In Kyiv: shelling resumed" is a place heading, not a speaker.
      if (v.mention_at(t) == kNone && (v.has(t, Role::kLocation) || v.has(t, Role::kOf))) return;
      // "The Latest: Trump urges ...": a heading, not a speaker.
      if (t == first && v.mention_at(t) == kNone && v.has(t, Role::kDeterminer)) return;
    }
    for (const auto& u : out) {
      if (u.cue_first < k) return;  // the name belongs to another frame
    }
    ClaimSource src;
    bool self = false;
    std::vector<Origin> why;
    if (!make_source(v, ctx, first, k, "origin", src, self, why)) return;
    // "Ukraine : au moins 12 morts": a country or place heads the news it
    // does not say; it speaks only in quotation marks ("Russie : « ... »").
    if (is_place_id(src.entity) && !is_quote(v, k + 1)) return;
    why.push_back(Origin{"claim.source.speaker_before_colon", {}});
    AttributionUnit u;
    u.chain.push_back(std::move(src));
    u.cue_first = k;
    u.cue_end = k + 1;
    u.why = std::move(why);
    out.insert(out.begin(), std::move(u));
    return;
  }
}

// '“...” ― Francisco Herrero': the name signs the quotation before it.
static void name_after_quotation(const SentenceView& v, const SourceContext& ctx, std::vector<AttributionUnit>& out) {
  if (!out.empty()) return;  // first: most sentences seen here have a speaker already
  auto [first, end] = signature_after_quotation(*v.doc, v.index);
  if (end == 0) return;
  ClaimSource src;
  bool self = false;
  std::vector<Origin> why;
  if (!make_source(v, ctx, first, end, "origin", src, self, why)) return;
  why.push_back(Origin{"claim.source.name_signing_quotation", {}});
  AttributionUnit u;
  u.chain.push_back(std::move(src));
  u.cue_first = first;
  u.cue_end = first;
  u.why = std::move(why);
  out.push_back(std::move(u));
}

void find_attributions(const SentenceView& v, const SourceContext& ctx, std::vector<AttributionUnit>& out) {
  out.clear();
  // "The newspaper, quoting a senior official, said ...": an origin named
  // before the verb it feeds waits for that verb's unit.
  struct PendingOrigin {
    ClaimSource source;
    const CueRef* cue = nullptr;
    std::vector<Origin> why;
  };
  std::optional<PendingOrigin> pending;
  for (const CueRef& c : v.cues) {
    if (!c.entry || (c.cue->kind != CueKind::kReporting && c.cue->kind != CueKind::kAttribution)) continue;
    const std::string_view frame = c.cue->kind == CueKind::kReporting ? std::string_view("say") : c.cue->key;
    // A reporting verb that speaks for no one here is turned away before a
    // source and its explanation are made for it (the attribution phrases
    // below are another kind).
    // '"Every time you say that," Tester said': a verb inside the quotation
    // is the quoted speaker's words, not an attribution of the sentence.
    if (c.cue->kind == CueKind::kReporting && in_quotation(v, c.first)) continue;
    if (c.cue->kind == CueKind::kReporting && (after_noun_marker(v, c.first) || v.has(c.first, Role::kAnaphorInfo))) {
      continue;  // "those reports", "his promise to you", "verify the claim": a noun, not a verb
    }
    if (c.cue->kind == CueKind::kReporting && !c.entry->frame_is("participle") &&
        std::any_of(v.cues.begin(), v.cues.end(), [&](const CueRef& o) {
          return o.first == c.first && o.entry && o.entry->frame_is("participle");
        })) {
      continue;  // the participle reading of the same word wins
    }
    ClaimSource src;
    bool self = false;
    std::vector<Origin> why{c.cue->why};
    if (c.cue->kind == CueKind::kAttribution && (frame == "relay_after")) {
      auto [a, b] = right_phrase(v, c.end);
      if (!make_source(v, ctx, a, b, "relay", src, self, why)) continue;
      why.push_back(Origin{"claim.source.relay_after", {}});
      if (!out.empty()) {
        out.back().chain.push_back(std::move(src));
        out.back().cues.push_back(&c);
        out.back().why.insert(out.back().why.end(), why.begin(), why.end());
      } else {
        AttributionUnit u;
        u.chain.push_back(std::move(src));
        u.cue_first = c.first;
        u.cue_end = c.end;
        u.cues.push_back(&c);
        u.why = std::move(why);
        out.push_back(std::move(u));
      }
      continue;
    }
    if (c.cue->kind == CueKind::kAttribution && frame == "prior_origin") {
      // "X a affirmé que ..., après un briefing avec Y", "X said, citing Y":
      // Y is where X's information comes from; X becomes its relay.
      auto [a, b] = right_phrase(v, c.end);
      // Inserted ("X, quoting Y, said"), or opening the sentence when Y names
      // a speaker or a state ("Citing two officials, the newspaper reported",
      // "Quoting the Kremlin, TASS said"; not
      // "Quoting Shakespeare is fun, he said"): Y waits for the verb after it.
      const bool inserted = v.is_punct(b, ',') && c.first > v.first && v.is_punct(c.first - 1, ',');
      const bool opening =
          v.is_punct(b, ',') && c.first == v.first && (names_speaker(v, {a, b}) || names_state(v, {a, b}));
      const bool waits = opening || (out.empty() && inserted);
      if ((!waits && (out.empty() || out.back().self)) || !make_source(v, ctx, a, b, "origin", src, self, why))
        continue;
      why.push_back(Origin{"claim.source.prior_origin", {}});
      if (waits) {
        // The participle reading of the same word ("Citing ...") speaks for no one.
        std::erase_if(out, [&](const AttributionUnit& u) { return u.cue_first == c.first; });
        pending = PendingOrigin{std::move(src), &c, std::move(why)};
        continue;
      }
      AttributionUnit& before = out.back();
      for (auto& s : before.chain) s.role = "relay";
      before.chain.insert(before.chain.begin(), std::move(src));
      before.cues.push_back(&c);
      before.why.insert(before.why.end(), why.begin(), why.end());
      continue;
    }
    if (c.cue->kind == CueKind::kReporting && c.entry->frame_is("participle")) {
      if (pending && pending->cue->first == c.first) continue;  // "Citing Y, X said": Y waits for X's verb
      // "X mocked the complaint, saying ...", "X a réagi, affirmant que ...":
      // the speaker is the main clause's: the unit before, else the first
      // person or organisation named, else a pronoun opening the sentence.
      // Also after a preposition: "began by saying", "despite admitting".
      const bool opener = c.first > v.first && v.has(c.first - 1, Role::kParticipleOpener);
      if (c.first > v.first && (v.is_punct(c.first - 1, ',') || opener)) {
        if (!out.empty() && !out.back().self && !out.back().chain.empty()) {
          out.back().cues.push_back(&c);
          continue;
        }
        int32_t best = kNone;
        for (const auto& m : v.mentions) {
          if (m.first >= c.first) break;
          const Entity& e = v.doc->entities[v.doc->mentions[m.index].entity];
          if (is_person_or_org(e)) {
            best = static_cast<int32_t>(&m - v.mentions.data());
            break;
          }
        }
        // "Meanwhile, it attacked Trump, saying": a pronoun opening the main
        // clause, after a short fronted phrase, is its subject, not the
        // object named after it.
        uint32_t clause = v.first;
        for (uint32_t k = v.first; k < c.first && k < v.first + kMaxCommaSubject; ++k) {
          if (v.mention_at(k) != kNone) break;
          if (v.is_punct(k, ',')) {
            clause = k + 1;
            break;
          }
        }
        if (best != kNone && v.mentions[best].first > clause && clause < c.first &&
            (v.has(clause, Role::kPersonPronoun) || v.has(clause, Role::kThingPronoun))) {
          best = kNone;
        }
        uint32_t a = v.first, b = v.first;
        if (best == kNone && clause > v.first && clause < c.first &&
            (v.has(clause, Role::kPersonPronoun) || v.has(clause, Role::kThingPronoun))) {
          a = clause;
          b = clause + 1;
        } else if (best == kNone && opener && c.first - 1 == v.first) {
          // "After saying ..., she was whisked off": the subject follows
          // the fronted clause.
          uint32_t k = c.end;
          while (k < v.end && !v.is_punct(k, ',')) ++k;
          if (++k < v.end) {
            const int32_t m = v.mention_at(k);
            if (v.has(k, Role::kPersonPronoun)) {
              a = k;
              b = k + 1;
            } else if (m != kNone) {
              const Entity& e = v.doc->entities[v.doc->mentions[m].entity];
              for (b = k; b < v.end && v.mention_at(b) == m; ++b) {}
              a = is_person_or_org(e) ? k : b;
            }
          }
        } else if (best != kNone) {
          a = v.mentions[best].first;
          b = v.mentions[best].end;
        } else if (v.has(v.first, Role::kPersonPronoun) || v.has(v.first, Role::kThingPronoun)) {
          b = v.first + 1;
        } else {
          // "The senator ...", "Le ministre ...", "Rival Hillary Clinton ...".
          uint32_t t = v.first;
          if (v.has(t, Role::kDeterminer) && t + 1 < c.first) t += 2;
          while (t < c.first && t - v.first < 5 && v.doc->tokens[t].has(kCapitalized)) ++t;
          if (t > v.first && (t > v.first + 1 || v.doc->tokens[v.first].has(kCapitalized))) b = t;
        }
        if (b > a && make_source(v, ctx, a, b, "origin", src, self, why)) {
          why.push_back(Origin{"claim.source.participle_takes_main_subject", {}});
          AttributionUnit u;
          u.chain.push_back(std::move(src));
          u.cue_first = c.first;
          u.cue_end = c.end;
          u.cues.push_back(&c);
          u.label = c.entry->key;
          u.why = std::move(why);
          out.push_back(std::move(u));
        }
        continue;
      }
    }
    AttributionUnit u;
    u.cue_first = c.first;
    u.cue_end = c.end;
    u.cues.push_back(&c);
    bool ok = false;
    if (c.cue->kind == CueKind::kAttribution) {
      uint32_t from = c.end;
      if (frame == "origin_after" && v.has(from, Role::kOf)) ++from;  // "émane d'une note"
      auto [a, b] = right_phrase(v, from);
      ok = make_source(v, ctx, a, b, "origin", src, self, why);
      why.push_back(Origin{frame == "origin_after" ? "claim.source.origin_after" : "claim.source.after_phrase", {}});
      if (frame == "origin_after") {
        // "Cette information émane de ...": the subject points back.
        for (uint32_t t = v.first; t < c.first; ++t) u.backward = u.backward || v.has(t, Role::kAnaphorInfo);
      }
    } else {
      u.label = c.entry->key;
      auto [a, b] = left_phrase(v, c.first);
      // "has been harshly criticized", "was accused of": after a form of
      // "be" (not "is saying") the subject is who was spoken of.
      const bool passive = after_passive_aux(v, c.first) && !std::any_of(v.cues.begin(), v.cues.end(), [&](const CueRef& o) {
        return o.first == c.first && o.entry && o.entry->frame_is("participle");
      });
      uint32_t agent = c.end;
      if (passive) {
        while (agent < v.end && agent - c.end < kMaxAgentGap && !v.has(agent, Role::kAgent) && !clause_edge(v, agent)) ++agent;
      }
      // "Trump responded by using ...": after an active verb with a named
      // subject, "by" opens a manner, not an agent.
      const bool named_subject = !passive && b > a && names_person_or_org(v, {a, b});
      if (agent < v.end && v.has(agent, Role::kAgent) && !named_subject) {
        // The passive: "first reported by The Washington Post", "annoncé par
        // le ministère": the agent speaks; the subject is what was said.
        auto [ra, rb] = right_phrase(v, agent + 1);
        ok = rb > ra && make_source(v, ctx, ra, rb, "origin", src, self, why);
        if (ok) why.push_back(Origin{"claim.source.passive_agent", {}});
      }
      if (!ok && !passive) {
        ok = make_source(v, ctx, a, b, "origin", src, self, why);
      }
      if (ok) {
        if (why.empty() || why.back().rule != std::string_view("claim.source.passive_agent"))
          why.push_back(Origin{"claim.source.subject_of_reporting_verb", {}});
      } else if (passive) {
        // No agent: who spoke is not said.
      } else if (!self && a > v.first) {
        uint32_t before = a - 1;  // the clause edge the subject search stopped at
        bool after_quote = is_quote(v, before) || (v.is_punct(before, ',') && before > v.first && is_quote(v, before - 1));
        if (after_quote || before + 1 == v.end) {
          // Inversion: '..." said the official', ", a déclaré le ministre".
          auto [ra, rb] = inverted_subject(v, c.end);
          if (words_in(v, ra, rb) <= kMaxInverted) {
            ok = make_source(v, ctx, ra, rb, "origin", src, self, why);
            why.push_back(Origin{"claim.source.after_reporting_verb", {}});
          }
        } else if (v.has(before, Role::kComplementizer) && before > v.first && v.has(before - 1, Role::kDeterminer) &&
                   c.first == before + 1 && ends_sentence(v, inverted_subject(v, c.end)) &&
                   words_in(v, c.end, inverted_subject(v, c.end).second) <= kMaxInverted) {
          // « ce que dément Kiev », « ce qu'affirme le ministère »: after « ce que » the subject follows the verb.
          auto [ra, rb] = inverted_subject(v, c.end);
          ok = make_source(v, ctx, ra, rb, "origin", src, self, why);
          why.push_back(Origin{"claim.source.after_reporting_verb", {}});
        } else if (v.is_punct(before, ',') && only_inversion_aux_between(v, before + 1, c.first) && !c.entry->frame_is("tell") &&
                   ends_sentence(v, inverted_subject(v, c.end)) &&
                   words_in(v, c.end, inverted_subject(v, c.end).second) <= kMaxInverted &&
                   names_speaker(v, inverted_subject(v, c.end))) {
          // "..., the losses would outstrip the gains, said Batchelder.", "...,
          // said one GOP source.": a short phrase closing the sentence after
          // the verb is its subject.
          auto [ra, rb] = inverted_subject(v, c.end);
          ok = make_source(v, ctx, ra, rb, "origin", src, self, why);
          why.push_back(Origin{"claim.source.after_reporting_verb", {}});
        } else if (const uint32_t speaker_comma = comma_before_age_and_hometown(v, before); speaker_comma < before) {
          auto [pa, pb] = left_phrase(v, speaker_comma);
          ok = pb > pa && make_source(v, ctx, pa, pb, "origin", src, self, why);
          why.push_back(Origin{"claim.source.subject_before_age_and_hometown", {}});
        } else if (v.is_punct(before, ',')) {
          // "Trump, speaking to veterans in Virginia, said": the subject
          // stands before the inserted clause.
          uint32_t open = before;
          while (open > v.first && !v.is_punct(open - 1, ',') && !is_quote(v, open - 1) && before - open < kMaxLeft * 2) {
            --open;
          }
          bool apposed_name = before - open <= 4 && before > open;
          for (uint32_t k = open; k < before && apposed_name; ++k) {
            apposed_name = v.mention_at(k) != kNone || v.doc->tokens[k].has(kCapitalized) || v.is_punct(k, '.');
          }
          if (apposed_name && open > v.first && v.is_punct(open - 1, ',')) {
            // "The state's campaign chairman, Phil Lovas, said".
            ok = make_source(v, ctx, open, before, "origin", src, self, why);
            why.push_back(Origin{"claim.source.apposed_name_before_verb", {}});
          } else if (open > v.first && v.is_punct(open - 1, ',')) {
            // (and before an age and a hometown: "Donna Rawlings, 59, of Ashton, Md., who watched it, said")
            auto [pa, pb] = left_phrase(v, comma_before_age_and_hometown(v, open - 1));
            if (pb > pa && opens_on_preposition(v, pa) && v.mention_at(open) != kNone &&
                names_person_or_org(v, {open, before})) {
              // "Sans mentionner de noms, Nick De Santis, le directeur sportif, a
              // affirmé": what stands before is a circumstance; the name is the subject.
              ok = make_source(v, ctx, open, before, "origin", src, self, why);
              why.push_back(Origin{"claim.source.subject_after_circumstance", {}});
            } else {
              ok = make_source(v, ctx, pa, pb, "origin", src, self, why);
              why.push_back(Origin{"claim.source.subject_before_inserted_clause", {}});
            }
          }
        } else if (v.has(before, Role::kCoordinator)) {
          // "Trump bemoaned the unrest and said ...": the sentence's subject,
          // a name or a pronoun opening it, speaks for both verbs.
          uint32_t e = v.first;
          // "demonstrators, who have taken to the streets and called for":
          // a relative pronoun opening the first verb's clause is the subject.
          uint32_t rel = before;
          while (rel > v.first && !v.has(rel - 1, Role::kRelative) &&
                 !(v.mention_at(rel - 1) == kNone && (clause_edge(v, rel - 1) || v.is_cue_token(rel - 1)))) {
            --rel;
          }
          if (rel > v.first && v.has(rel - 1, Role::kRelative) && v.mention_at(rel - 1) == kNone) {
            auto [ra, rb] = left_phrase(v, rel);
            ok = rb > ra && make_source(v, ctx, ra, rb, "origin", src, self, why);
            if (ok) why.push_back(Origin{"claim.source.relative_subject_of_coordinated_verb", {}});
          }
          // A title may stand before the name ("Mr. McKinley is ... and expects").
          const uint32_t name = name_after_title(v, before);
          const int32_t m = v.mention_at(name);
          if (m != kNone) {
            e = name;
            while (e < before && v.mention_at(e) == m) ++e;
          } else if (v.has(v.first, Role::kPersonPronoun)) {
            e = v.first + 1;
          } else if (v.has(v.first, Role::kDeterminer)) {
            // "The Republican nominee also outlined ... and vowed": an
            // article, capitalised words, then one head noun.
            e = v.first + 1;
            while (e < before && v.mention_at(e) == kNone && v.doc->tokens[e].has(kCapitalized)) ++e;
            if (e < before && v.doc->tokens[e].kind == TokenKind::kWord && !v.is_cue_token(e) && !v.has(e, Role::kAux)) ++e;
          }
          if (!ok && e > v.first && e < before) {
            ok = make_source(v, ctx, v.first, e, "origin", src, self, why);
            why.push_back(Origin{"claim.source.subject_of_coordinated_verb", {}});
          }
        }
        if (!ok && v.is_punct(before, ',') && !after_quote) {
          // "Donna Sampson Rawlings, 59, of Ashton, Md., who watched the
          // ceremony, said": a person or organisation opening the sentence,
          // then a comma, is the subject however long the apposition.
          // A title may stand before the name ("Dr. Connie Mariano, who ...").
          const uint32_t name = name_after_title(v, before);
          const int32_t m = v.mention_at(name);
          if (m != kNone) {
            const Entity& e = v.doc->entities[v.doc->mentions[m].entity];
            uint32_t e_end = name;
            while (e_end < before && v.mention_at(e_end) == m) ++e_end;
            if (is_person_or_org(e) && e_end < before && v.is_punct(e_end, ',')) {
              ok = make_source(v, ctx, v.first, e_end, "origin", src, self, why);
              why.push_back(Origin{"claim.source.name_before_apposition", {}});
            }
          }
        }
        // The object of "told" is who heard it, never the speaker.
        if (!ok && v.is_punct(before, ',') && !after_quote && !c.entry->frame_is("tell")) {
          auto [ra, rb] = inverted_subject(v, c.end);
          if (words_in(v, ra, rb) <= kMaxInverted && (rb == v.end || clause_edge(v, rb) || v.is_cue_token(rb))) {
            ok = make_source(v, ctx, ra, rb, "origin", src, self, why);
            why.push_back(Origin{"claim.source.after_reporting_verb", {}});
          }
        }
      } else if (!self && a == v.first) {
        // "Said the official: ..." (a verb opening the sentence: only a phrase that names a speaker,
        // as "Think of this number: ..." is an imperative), "Comme le rapporte l'agence".
        auto [ra, rb] = inverted_subject(v, c.end);
        const bool subject = names_speaker(v, {ra, rb}) || (c.first > v.first && v.has(ra, Role::kDeterminer));
        if (words_in(v, ra, rb) <= kMaxInverted && subject) {
          ok = make_source(v, ctx, ra, rb, "origin", src, self, why);
          why.push_back(Origin{"claim.source.after_reporting_verb", {}});
        }
      }
      // Who heard it relays it: "told Reuters", "a confié au journal", and,
      // for verbs that take their hearer after a preposition ("say_to"),
      // "a déclaré à l'AFP" (a place there is no hearer: "annoncé à Kiev").
      const bool to_hearer = c.entry->frame_is("say_to") && v.has(c.end, Role::kAddressee);
      if (ok && (c.entry->frame_is("tell") || to_hearer)) {
        const uint32_t object = v.has(c.end, Role::kAddressee) ? c.end + 1 : c.end;
        auto [ra, rb] = right_phrase(v, object);
        // "a expliqué à l'AFP Gilles-Éric Séralini": the subject after the
        // hearer ends the hearer's phrase.
        if (ra < rb && src.at.start > v.doc->tokens[ra].at.start) {
          while (rb > ra && v.doc->tokens[rb - 1].at.end > src.at.start) --rb;
        }
        ClaimSource relay;
        bool relay_self = false;
        if (rb > ra && rb - ra <= 6 && make_source(v, ctx, ra, rb, "relay", relay, relay_self, why) &&
            !(to_hearer && is_place_id(relay.entity))) {
          if (!relay.entity.empty() || v.has(ra, Role::kDeterminer)) {
            u.chain.push_back(std::move(src));
            src = std::move(relay);
            why.push_back(Origin{to_hearer ? "claim.source.hearer_relay" : "claim.source.told_object_relay", {}});
          }
        }
      }
    }
    // A bare "shows" speaks only for a poll, a study, documents: a person
    // who "shows up" or "showed his anger" reports nothing.
    if (ok && c.entry->frame_is("document") && !holds_document_noun(v, src)) ok = false;
    u.self = self;
    if (!ok && !self) continue;
    if (ok) u.chain.push_back(std::move(src));
    u.why = std::move(why);
    if (pending && ok && !self) {
      for (auto& s : u.chain) s.role = "relay";
      u.chain.insert(u.chain.begin(), std::move(pending->source));
      u.cues.push_back(pending->cue);
      u.why.insert(u.why.end(), pending->why.begin(), pending->why.end());
      pending.reset();
    }
    out.push_back(std::move(u));
  }
  drop_units_inside_reported_clause(v, out);
  merge_relay_only_units(out);
  speaker_before_colon(v, ctx, out);
  name_after_quotation(v, ctx, out);
}

static void merge_relay_only_units(std::vector<AttributionUnit>& out) {
  // "The documents, seen by the newspaper, describe ...": a relay named
  // before its origin joins the unit that follows.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    bool relay_only = !out[i].chain.empty();
    for (const auto& s : out[i].chain) relay_only = relay_only && text_is(s.role, "relay");
    if (!relay_only || out[i + 1].self || out[i + 1].chain.empty()) continue;
    auto& next = out[i + 1];
    next.chain.insert(next.chain.end(), out[i].chain.begin(), out[i].chain.end());
    next.cues.insert(next.cues.end(), out[i].cues.begin(), out[i].cues.end());
    next.why.insert(next.why.end(), out[i].why.begin(), out[i].why.end());
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
}

bool inside_source(const std::vector<AttributionUnit>& units, Extent at) {
  for (const auto& u : units) {
    for (const auto& s : u.chain) {
      if (s.at.overlaps(at)) return true;
    }
  }
  return false;
}

}  // namespace claimtrace
