// The one structure that flows through claimtrace.
//
// A reader fills the metadata and `text`; the text layer adds the normalized
// view, tokens and sentences; each annotator then appends to its own layer.
// `text` is never modified after the reader: every Extent in every layer is a
// byte range of it, so any output can show its evidence.
//
// A Document is owned by one thread at a time; the annotators that fill it are
// shared and immutable.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/explain.h"
#include "core/span.h"

namespace claimtrace {

// ---- text layer -----------------------------------------------------------

// The text as matchers see it: NFC (only where the fast check failed), with
// typographic variants folded to ASCII (NBSP and thin spaces to ' ', ’ ʼ to
// '\'', « » “ ” to '"', dashes to '-'). `to_original` maps every byte offset of
// `text` (and text.size()) to the original; it is empty when the two are the
// same bytes.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> to_original;

  uint32_t original(uint32_t offset) const {
    return to_original.empty() ? offset : to_original[offset];
  }
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

// Token flags (bits of Token::flags).
enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,     // first letter upper case
  kAllCaps = 1 << 1,         // every letter upper case, two letters or more
  kNonAscii = 1 << 2,        // holds bytes >= 0x80
  kElision = 1 << 3,         // French elided article or particle: l' d' qu' jusqu'
  kHyphenated = 1 << 4,      // word-internal hyphen: nord-coréens, Jong-un
  kSpaceBefore = 1 << 5,     // white space between the previous token and this one
  kNewlineBefore = 1 << 6,   // a line break in that white space
  kParagraphBefore = 1 << 7, // a blank line in it
  kDigitGroups = 1 << 8,     // a number token joined across group separators: "30 000", "1,500"
  kHardSpaceGroups = 1 << 9, // one of those separators was NBSP / narrow NBSP / thin space
};

struct Token {
  Extent at;                // original bytes
  uint32_t nstart = 0;      // normalized bytes [nstart, nend)
  uint32_t nend = 0;
  uint32_t fold_start = 0;  // folded key in Document::folded [fold_start, fold_start + fold_size)
  uint32_t fold_size = 0;
  uint64_t hash = 0;        // hash of the folded key, for lexicon lookups
  TokenKind kind = TokenKind::kWord;
  uint16_t flags = 0;

  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  Extent at;                 // original bytes, trimmed of surrounding white space
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;    // index of the paragraph it opens or belongs to
  bool is_title = false;     // the document's title line
};

// ---- annotation layers ----------------------------------------------------

// A count, a bounded count or a range. A single value has `value`; a range or a
// bound has `min` and/or `max`. Inclusivity matters only for present bounds.
struct Amount {
  std::optional<double> value;
  std::optional<double> min;
  std::optional<double> max;
  bool min_inclusive = true;
  bool max_inclusive = true;
  bool approx = false;

  bool is_range() const { return !value && (min || max); }
};

// What a written number is: only kCount and kPercent are amounts of things;
// the others are marked so that the time and quantity annotators can decide.
enum class NumberRole : uint8_t {
  kCount, kPercent, kOrdinal, kYear, kDatePart, kTimeOfDay, kPhone, kIdentifier,
  kRatio,  // a share written as two counts: "one in five" = 0.2
};

struct NumberSpan {
  Extent at;
  Amount amount;
  NumberRole role = NumberRole::kCount;
  Origin why;
  bool in_word = false;  // digits glued into a word or unit ("180ml", "scp173"): not a number alone
  bool scaled = false;   // written with a scale word or abbreviation: "1,5 million", "30k"
  Extent cue;            // approximating words before it ("environ"), when any
};

// A number or range with what it counts. `unit` is a contract class
// (personnel, person, aircraft, vehicle, ship, weapon, munition,
// money:<ISO 4217>, distance:m, area:m2, mass:kg, duration:s, other).
struct QuantitySpan {
  Extent at;
  Amount amount;
  std::string unit;
  Extent noun;  // the counted word as written; empty for money symbols
  Origin why;
};

// A TIMEX3-style time expression (CONTRACT.md "time"). `begin`/`end` are the
// resolved calendar interval, end exclusive, empty when none can be computed.
struct TimeSpan {
  Extent at;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // 2025-06-29, 2024-SU, P3M, FUTURE_REF, XXXX-06-29 ...
  std::string mod;    // START, END, ON_OR_AFTER ... or empty
  std::string begin;
  std::string end;
  Origin why;
};

// A thing in the world that the document names, with every mention of it.
struct Entity {
  std::string id;    // country/KP, org/cnn, person/sergei-shoigu, place/kursk
  std::string type;  // COUNTRY GPE LOC ORG PERSON NORP
  std::string name;  // canonical English name
  std::string country;  // id of the country it belongs to, if any
  std::string role;     // person's office, organisation's kind, as known
  std::string kind;     // category descriptions match on: head_of_state, minister, outlet, intelligence, city...
  std::string affiliation;  // entity id of the organisation or country an unknown person was introduced with
  std::string wikidata;     // Q-id, only where the resource is sure of it
  std::vector<uint32_t> mentions;  // indices into Document::mentions
};

struct Mention {
  Extent at;
  uint32_t entity = 0;      // index into Document::entities
  bool descriptive = false; // resolved through coreference ("le média américain")
  bool demonym = false;     // an adjective or gentilic ("nord-coréens")
  Origin why;
};

// Lexical cues the claim builder reads: reporting verbs, attribution phrases,
// hedges, event triggers... `key` names what the cue says (a certainty label,
// an event type, a frame name) as written in the resource.
enum class CueKind : uint8_t {
  kReporting,    // a affirmé, said, told
  kAttribution,  // selon, d'après, according to
  kCertainty,    // pourrait, probablement, reportedly, il est fort possible
  kRumour,       // rumeurs, allégations
  kDenial,       // démentir, deny
  kConfirmation, // confirmer, officiellement
  kNegation,     // ne ... pas, not
  kEventTrigger, // envoyer, déployer, tués, killed
  kStatus,       // déployés, blessés, supplémentaires
};

struct Cue {
  Extent at;
  CueKind kind = CueKind::kReporting;
  std::string_view key;  // points into the loaded resource
  float strength = 0;
  Origin why;
  uint32_t entry = UINT32_MAX;  // the lexicon entry that read it, for the claim layer
};

struct ClaimSource {
  std::string entity;  // an entity id, or empty when unresolved
  std::string text;    // the mention as written; for a pronoun, its antecedent's words
  std::string role;    // origin, relay
  Extent at;
  std::string name{};  // the resolved entity's canonical name, when resolved
  Extent antecedent{}; // for a pronoun ("il", "He"): the entity's nearest mention before it
  std::string pronoun{};  // the pronoun as written, when `at` is one
};

struct ClaimQuantity {
  Amount amount;
  std::string unit;
  std::string status;  // planned deployed killed wounded captured missing total
  Extent at;
};

struct Claim {
  std::string id;
  std::string event_type;
  std::string cameo;
  std::string actor;
  std::string recipient;
  std::vector<std::string> locations;
  std::optional<ClaimQuantity> quantity;
  std::optional<TimeSpan> time;
  std::vector<ClaimSource> sources;
  std::string certainty = "asserted";
  std::vector<std::string> cues;
  Extent evidence;
  Explain explain;  // for --explain: the rules and resource lines that set each field
};

// ---- the document ---------------------------------------------------------

struct Document {
  // Metadata from the reader; empty when unknown.
  std::string id;
  std::string source;     // where it was read from, for messages: "a.jsonl:12"
  std::string url;
  std::string outlet;
  std::string lang;       // fr, en; set by the reader or language identification
  std::string published;  // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, the time reference
  std::string title;

  std::string text;  // the original UTF-8 bytes, never modified

  // Text layer.
  NormalizedText normalized;
  std::string folded;  // folded keys of all tokens, back to back
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Annotation layers.
  std::vector<NumberSpan> numbers;
  std::vector<QuantitySpan> quantities;
  std::vector<TimeSpan> times;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Cue> cues;
  std::vector<Claim> claims;

  // Problems met while reading or analysing that did not stop the document.
  std::vector<std::string> warnings;

  std::string_view slice(Extent e) const { return std::string_view(text).substr(e.start, e.size()); }
  std::string_view folded_key(const Token& t) const {
    return std::string_view(folded).substr(t.fold_start, t.fold_size);
  }
  std::string_view normalized_of(const Token& t) const {
    return std::string_view(normalized.text).substr(t.nstart, t.nend - t.nstart);
  }
  // Index of the sentence holding byte `offset`, or sentences.size().
  uint32_t sentence_at(uint32_t offset) const;
};

}  // namespace claimtrace
