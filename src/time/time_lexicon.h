// The words of time expressions for one language, compiled once into a
// PhraseMatcher: month and weekday names from ICU/CLDR date-format symbols,
// and from resources/<lang>/time/ what CLDR lacks (seasons, parts of periods,
// relative words, units, parts of the day, prepositions, tense cues).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "core/string_map.h"
#include "pipeline/annotator.h"
#include "text/fold.h"
#include "text/phrase_matcher.h"

namespace claimtrace::number { class NumberLexicon; }

namespace claimtrace::timelex {

// What a lexicon phrase means to the time grammar.
enum class Kind : uint8_t {
  kMonth,       // ival 1..12
  kWeekday,     // ival 1..7 (Monday = 1)
  kSeason,      // sval SP SU FA WI
  kPart,        // sval START MID END: fin, début, mi, late, early
  kDir,         // ival -1 last, 0 this, +1 next
  kUnit,        // sval Y M W D H MIN S Q DE CE WE H1(half); flag plural
  kDayRel,      // ival: hier -1, demain +1
  kRef,         // sval PRESENT_REF PAST_REF FUTURE_REF
  kAgo,         // after a duration: ago, plus tôt
  kLater,       // after a duration: later, plus tard
  kAgoPre,      // before a duration: il y a
  kInPre,       // before a duration: dans, in, d'ici
  kSince,       // depuis, since
  kBefore,      // avant, before
  kAfter,       // après, after
  kUntil,       // jusqu'à, until
  kFrom,        // de, du, from (range opening)
  kTo,          // à, au, to, through, - (range closing)
  kBetween,     // entre, between
  kAnd,         // et, and
  kPod,         // sval MO AF EV NI DT: part of the day
  kClock,       // ival minutes after midnight: midi, noon, minuit
  kAmPm,        // ival 0 am, 12 pm
  kHourMark,    // h, heures, o'clock
  kMinuteAdd,   // ival minutes added to the hour: et demie +30, et quart +15, moins le quart -15
  kSet,         // every, chaque, tous les
  kSetAdv,      // sval P1D...: daily, quotidiennement
  kOrdinal,     // ival: premier 1, third 3
  kOrdSuffix,   // er, e, ème, st, nd, rd, th
  kDet,         // le, la, l', the
  kOf,          // de, du, of
  kMonthIntro,  // au mois de, in the month of
  kAt,          // à, at, on, vers
  kApprox,      // vers, around, environ
  kYearIntro,   // en, in, année, year: a bare number after it may be a year
  kDecadeIntro, // années, the (before 1990s)
  kFew,         // quelques, few, several: "ces dernières années", "the next few months"
  kCount,       // sval: stand-in cardinal for durations when no number span: un/une/a
  kMore,        // before a duration: more than, plus de (MORE_THAN)
  kLess,        // before a duration: less than, moins de (LESS_THAN)
  kHoliday,     // sval: MM-DD, N:W:M (Nth weekday W of month M, N=-1 last), easter+K
  kSincePost,   // after a date: and after, or later, onwards (ON_OR_AFTER)
  kUntilPost,   // after a date: or earlier, and before (ON_OR_BEFORE)
  kFor,         // before a duration: pendant, durant, for, during ("pendant 14 heures" is not a clock time)
  kPastTo,      // before the hour: ival +1 past / -1 to after a count of minutes ("ten past 9"),
                // or the signed minutes themselves: half past +30, a quarter to -15
  kPeriodCode,  // sval Q1..Q4, H1, H2: a quarter or half written as a code (Q3, H1, T3, S2)
  kLookBack,    // before "in" + a duration, a span up to now: "the first time in 20 years", "the worst in decades"
  kAtLoose,     // "at" written without its accent (French "a" for "à"): read only between a time and an hour
  kStop,        // a phrase that holds no time though it has a time word: good morning, Easter Island
  kAge,         // value pre (aged, âgé de), head (homme de N ans), post (years old): a count of years that is an age
  kAmPmGlued,   // ival 0 am, 12 pm: a one-letter am/pm glued to a time ("9p", "8:45a"); the letter alone is a word
  kApproxPost,  // glued after an hour, approximates it: "11ish", "11-ish"
  kClockPart,   // ival: a number word read as a part of a hyphenated time ("five-thirty"); kept out of the matcher
};

struct Entry {
  Kind kind = Kind::kDet;
  int ival = 0;
  double fval = 0;        // the value as a number, fractions kept: count "half an" = 0.5
  std::string sval;
  bool plural = false;    // a unit in the plural (flag pl)
  bool singular = true;   // flag pl without sg: plural only (mois is both: pl,sg)
  bool ambiguous = false; // a month/weekday word that is also a common word (May, mars, Sat)
  bool abbrev = false;    // an abbreviated month/weekday name
  bool in_span = false;   // flag span: an article kept in the span ("the 18th")
  bool post = false;      // flag post: a direction word that only follows its unit (« le mois passé »)
  bool prep = false;      // flag prep: an ago word that is also a preposition (before): with an object, no shift
  bool anaphoric = false; // flag anaphoric: a later/earlier word that counts from the time the text last
                          // spoke of, not from the reference ("in 2014 ... two years later")
  bool past_prev = false; // flag past: a day word that a past sentence puts one day back (« cette nuit »
                          // said the morning after is the night just ended)
  bool rate = false;      // flag rate: an article of a rate after an amount ("$1 million a day": a set)
  bool stretch = false;   // flag stretch: a direction word that makes a decade a stretch (the past decade)
  bool name = false;      // flag name: capitalized inside a sentence it may be part of a name (USA Today, le Printemps arabe)
  bool weak = false;      // flag weak: the phrase ends with a common word ("once a", "later in") that
                          // must not make every such word a place where a time may be
  double factor = 1;      // flag half / twice: a unit word of half or twice the unit (demi-heure: 0.5 H, fortnight: 2 W)
  // flag exact: a one-word entry that matches only as written, accents included
  // ("à", not the verb "a"); its written forms, lower case and capitalized.
  std::vector<std::string> exact_forms;
  std::string_view where; // resource line, or "icu/cldr"
};

// Tense cue: a word, or a word ending (French future), that says the sentence
// speaks of the future or the past.
struct TenseCue {
  std::string form;  // folded
  bool suffix = false;
  int tense = 0;     // +1 future, -1 past
};

class Lexicon {
 public:
  static Result<Lexicon> load(const LanguageContext& context);

  const PhraseMatcher& matcher() const { return matcher_; }
  // False when no phrase starts with a token of this hash: most tokens of a
  // text, which then cost one bit test instead of the matcher's probes.
  bool may_start(uint64_t token_hash) const { return test(first_tokens_, token_hash); }
  // False when no phrase of two tokens or more starts with this hash: then the
  // one-word entries (single_word) are all there is, one probe instead of the matcher's.
  bool may_start_phrase(uint64_t token_hash) const { return test(multi_first_tokens_, token_hash); }
  // False when no phrase of two tokens or more opens with these two tokens:
  // then only one-word entries can match at the first (single_word), and the
  // matcher's probes and key compares are spared.
  bool may_continue(uint64_t first_hash, uint64_t second_hash) const {
    return test(pair_tokens_, combine_hash(combine_hash(0, first_hash), second_hash));
  }
  // The one-word entries of a folded word, with what the grammar's prep
  // needs of them without reading each entry.
  struct SingleWord {
    std::string key;                // folded
    std::vector<uint32_t> entries;
    uint64_t kinds = 0;             // bit k: an entry of Kind k
    bool exact = false;             // an entry matches only as written (exact_forms)
  };
  const SingleWord* single_word(uint64_t token_hash, std::string_view folded) const {
    auto it = single_.find(token_hash);
    if (it == single_.end()) return nullptr;
    for (const auto& w : it->second) {
      if (w.key == folded) return &w;
    }
    return nullptr;
  }
  // False when no phrase of a kind that can head a time (month, unit, dir...)
  // ends with a token of this hash: the grammar only looks around such tokens.
  bool may_end_strong(uint64_t token_hash) const { return test(strong_last_tokens_, token_hash); }
  // For a token that passes may_end_strong, after a token of hash prev_hash: false when no such
  // phrase can end here, neither one word alone nor a longer phrase by its last two tokens. "of"
  // ends "end of", but most "of"s follow no part word.
  bool may_end_strong_after(uint64_t prev_hash, uint64_t token_hash) const {
    return test(strong_single_tokens_, token_hash) ||
           test(strong_last_pairs_, combine_hash(combine_hash(0, prev_hash), token_hash));
  }
  static bool strong(Kind k);
  // The filters above as plain views, for loops over every token that
  // should keep the bit array's address in a register.
  struct Filter {
    const uint64_t* bits;
    bool operator()(uint64_t token_hash) const {
      const uint32_t bit = static_cast<uint32_t>(token_hash >> 48);
      return (bits[bit >> 6] >> (bit & 63)) & 1;
    }
  };
  Filter may_start_filter() const { return {first_tokens_.data()}; }
  Filter may_end_strong_filter() const { return {strong_last_tokens_.data()}; }
  const Entry& entry(uint32_t i) const { return entries_[i]; }
  // Entries of a French-style elided particle alone ("l'", "d'"): the phrase
  // matcher cannot hold them, since a phrase "l'" does not tokenize as the
  // elided token of a document does.
  const std::vector<uint32_t>* elided(std::string_view folded) const {
    auto it = elided_.find(folded);
    return it == elided_.end() ? nullptr : &it->second;
  }
  // Entries of one folded word (for the parts of hyphenated tokens: mi-juin).
  const std::vector<uint32_t>* word(std::string_view folded) const;
  // +1 if the folded word is a future cue, -1 past, 0 none.
  int tense_of(std::string_view folded, uint64_t hash) const;  // hash: key_hash(folded), as Token::hash
  // Kind look_back rows (one or two folded words, space-separated): kept apart from the matcher.
  bool look_back(std::string_view folded) const { return look_back_.contains(folded); }
  // Kind at_loose rows: a word that is "at" only between a time and an hour (French "a" for "à").
  bool at_loose(std::string_view folded) const { return at_loose_.contains(folded); }
  // Kind age rows: 'p' pre (aged, âgé [de]), 'h' head noun (un homme de 28 ans), 'o' post (years old), or 0.
  char age_role(std::string_view folded) const {
    const auto it = age_.find(folded);
    return it == age_.end() ? 0 : it->second;
  }
  // Kind clock_part rows: the value of a number word inside a hyphenated time ("five-thirty"), or -1.
  // (a scan of a dozen short words, no allocation: every hyphenated word near a time asks)
  int clock_part(std::string_view folded) const {
    for (const auto& [w, v] : clock_parts_)
      if (w == folded) return v;
    return -1;
  }
  bool day_first() const { return day_first_; }  // 29/06 is day/month
  // Month names are written in lower case (French): a lower-case "mars" may be
  // a month; in English a lower-case "may" is the verb.
  bool lower_months() const { return lower_months_; }

  // A cardinal word below a hundred ("three" 3, "twenty" 20; the number lexicon's, so that the time
  // data does not repeat it), or 0: the count of a hyphenated duration ("a three-year contract").
  int cardinal(std::string_view folded) const;

 private:
  std::shared_ptr<const number::NumberLexicon> numbers_;
  void add(std::string_view phrase, Entry e, const TextRules& rules);

  PhraseMatcher matcher_;
  std::vector<Entry> entries_;
  // (looked up by string_view: no key string built per probe)
  StringMap<std::vector<uint32_t>> words_;
  StringMap<std::vector<uint32_t>> elided_;
  std::unordered_map<uint64_t, int> tense_words_;  // by key_hash of the folded word
  std::unordered_set<std::string, StringHash, std::equal_to<>> look_back_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> at_loose_;
  StringMap<char> age_;
  std::vector<std::pair<std::string, int>> clock_parts_;
  std::vector<TenseCue> tense_suffixes_;
  static bool test(const std::vector<uint64_t>& bits, uint64_t hash) {
    const uint32_t bit = static_cast<uint32_t>(hash >> 48);
    return (bits[bit >> 6] >> (bit & 63)) & 1;
  }
  static void set(std::vector<uint64_t>& bits, uint64_t hash) {
    const uint32_t bit = static_cast<uint32_t>(hash >> 48);
    bits[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  std::vector<uint64_t> first_tokens_ = std::vector<uint64_t>(1 << 10, 0);  // 65536-bit filters
  std::vector<uint64_t> strong_last_tokens_ = std::vector<uint64_t>(1 << 10, 0);
  std::vector<uint64_t> strong_single_tokens_ = std::vector<uint64_t>(1 << 10, 0);  // one-word strong phrases
  std::vector<uint64_t> strong_last_pairs_ = std::vector<uint64_t>(1 << 10, 0);  // last two tokens of longer ones
  std::vector<uint64_t> multi_first_tokens_ = std::vector<uint64_t>(1 << 10, 0);
  std::vector<uint64_t> pair_tokens_ = std::vector<uint64_t>(1 << 10, 0);  // first two tokens of longer phrases
  // One-token phrases by token hash: (folded key, entries), to rule out collisions.
  std::unordered_map<uint64_t, std::vector<SingleWord>> single_;
  bool day_first_ = true;
  bool lower_months_ = true;
};

}  // namespace claimtrace::timelex
