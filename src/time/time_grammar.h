// The time grammar: over the tokens of one sentence, Duckling-style rules
// combine lexicon hits (time_lexicon.h), digits read from number tokens and
// word numerals from Document::numbers into Exprs, longest match first,
// left to right, in one pass. Rules live in date_rules.cc (calendar dates and
// periods), relative_rules.cc (shifts, durations, sets, fuzzy references)
// and clock_rules.cc (times of day); this file holds the shared cursor.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "time/time_expr.h"
#include "time/time_lexicon.h"

namespace claimtrace::timegrammar {

struct Found {
  uint32_t first = 0, end = 0;  // tokens
  timeexpr::Expr expr;
  std::string_view rule;
  std::string_view where;  // resource line of the head word, if any
};

// Per-thread scratch, reused across documents to avoid allocations; indexed by
// token. The per-token vectors only grow and are not reset: each field is
// written before the grammar can read it (see the readers in time_grammar.cc).
struct Scratch {
  std::vector<PhraseMatcher::Match> matches;
  std::vector<uint64_t> kinds;         // every token: bit k set when a phrase of Kind k starts here
  std::vector<uint32_t> match_begin;   // tokens of a window, and the token after it: index into matches
  std::vector<uint32_t> strong;        // tokens that can head a time, sentence by sentence, in order
  std::vector<uint32_t> sentence_strong;  // sentence s's strong tokens: [sentence_strong[s], sentence_strong[s + 1])
  std::vector<int32_t> number;         // digit tokens (kNumberBit): value of a plain digit token, else -1
  std::vector<uint8_t> ndigits;        // digit tokens (kNumberBit)
  std::vector<double> word_number;     // word numerals (kWordNumberBit): the value of the one starting here
  std::vector<uint32_t> word_number_end;
  std::vector<uint32_t> word_numbers;  // tokens where a word numeral starts, in order
  std::vector<std::pair<uint32_t, uint32_t>> blocked;  // token ranges inside counted quantities, merged
  std::vector<std::pair<uint32_t, uint32_t>> windows;  // token ranges where lexicon matches are computed
  std::deque<std::string> owned;  // text built for an Expr (its fields are views), kept for the document
};

// The bit of kind k in Scratch::kinds.
constexpr uint64_t kind_bit(timelex::Kind k) { return uint64_t{1} << static_cast<unsigned>(k); }

class Grammar {
 public:
  // Prepares the whole document once (lexicon hits, digits, word numerals).
  Grammar(const Document& doc, const timelex::Lexicon& lex, Scratch& scratch);
  // Whether doc.sentences[sentence] has a token that can hold a time: else run() finds nothing.
  bool may_hold_time(size_t sentence) const { return s_.sentence_strong[sentence + 1] > s_.sentence_strong[sentence]; }
  // Finds the expressions of doc.sentences[sentence].
  void run(size_t sentence, std::vector<Found>& out);
  // A time word flagged `name`, capitalized inside the sentence, that is part of a name in [a, b).
  bool in_name(uint32_t a, uint32_t b) const;
  // A count of years in [a, b) that is an age: "28 years old", "aged 28", "âgé de 29 ans",
  // "un homme de 29 ans", "Le garçon, 12 ans, a disparu".
  bool is_age(uint32_t a, uint32_t b, const timeexpr::Expr& e) const;

 private:
  struct P {  // a partial parse: the expression and the token after it
    timeexpr::Expr e;
    uint32_t end = 0;
    std::string_view rule;
    std::string_view where;
    uint32_t start = 0;  // when > 0: the span starts at this token, after the words the rule read first
  };
  using Opt = std::optional<P>;
  static P duration_parse(double amount, timeexpr::Unit unit, uint32_t end, std::string_view rule,
                          std::string_view where);
  // A parse of `e` read by `rule`, ending before token `end`: what every builder returns.
  static P made(timeexpr::Expr e, uint32_t end, std::string_view rule, std::string_view where);

  // ---- cursor helpers (time_grammar.cc)
  static constexpr uint64_t bit(timelex::Kind k) { return kind_bit(k); }
  static constexpr uint64_t kNumberBit = uint64_t{1} << 63;      // a digit token
  static constexpr uint64_t kWordNumberBit = uint64_t{1} << 62;  // a word numeral starts here
  static constexpr uint64_t kHyphenBit = uint64_t{1} << 61;      // a hyphenated word
  // A hyphenated word with a part the lexicon knows, a time word or a clock part ("mi-juin", "year-end",
  // "five-thirty"): the hyphen rules read nothing else, so they are tried on these only ("full-scale").
  // Found on first use (kHyphenReadBit then set): most hyphenated words never head a parse.
  static constexpr uint64_t kHyphenPartsBit = uint64_t{1} << 60;
  static constexpr uint64_t kHyphenReadBit = uint64_t{1} << 59;
  static constexpr uint64_t kLexBits = kHyphenReadBit - 1;         // some lexicon phrase starts here
  // The kinds a token needs to open a date rule that date() tries at every head: the rule turns
  // away other tokens, and date() tests the same mask before it calls (most calls end there).
  static constexpr uint64_t kMonthDayYearHeads = kind_bit(timelex::Kind::kMonth);
  static constexpr uint64_t kMonthYearHeads =
      kind_bit(timelex::Kind::kMonth) | kind_bit(timelex::Kind::kDir) | kind_bit(timelex::Kind::kMonthIntro);
  static constexpr uint64_t kNumericDateHeads = kNumberBit;
  static constexpr uint64_t kWeekdayDateHeads = kind_bit(timelex::Kind::kWeekday) | kind_bit(timelex::Kind::kDir);
  static constexpr uint64_t kSeasonHeads =
      kind_bit(timelex::Kind::kSeason) | kind_bit(timelex::Kind::kDet) | kind_bit(timelex::Kind::kDir);
  static constexpr uint64_t kQuarterHeads = kind_bit(timelex::Kind::kPeriodCode) | kind_bit(timelex::Kind::kOrdinal) |
                                            kind_bit(timelex::Kind::kDir) | kind_bit(timelex::Kind::kDet) | kNumberBit;
  static constexpr uint64_t kYearAloneHeads = kNumberBit | kWordNumberBit;
  // (and in relative())
  static constexpr uint64_t kDayRelativeHeads = kind_bit(timelex::Kind::kDayRel) | kind_bit(timelex::Kind::kDet);
  static constexpr uint64_t kFuzzyRefHeads = kind_bit(timelex::Kind::kRef) | kind_bit(timelex::Kind::kInPre) |
                                             kind_bit(timelex::Kind::kDet) | kind_bit(timelex::Kind::kDir);
  // The cursor helpers are inline: the rules call them millions of times,
  // mostly to hear "no" from one bit of kinds_ (always: the rule functions are
  // large, and the compiler would call them out of line).
  [[gnu::always_inline]] uint64_t kinds(uint32_t i) const { return i - first_ < len_ ? kinds_[i] : 0; }
  [[gnu::always_inline]] const timelex::Entry* lex(uint32_t i, timelex::Kind k, uint32_t* end = nullptr) const {
    return kinds(i) & bit(k) ? lex_at(i, k, end) : nullptr;
  }
  const timelex::Entry* lex_at(uint32_t i, timelex::Kind k, uint32_t* end) const;  // a phrase of kind k starts at i
  bool any_lex(uint32_t i) const { return kinds(i) & kLexBits; }
  [[gnu::always_inline]] int num(uint32_t i) const { return kinds(i) & kNumberBit ? number_[i] : -1; }  // plain digit token value or -1
  int ndigits(uint32_t i) const { return kinds(i) & kNumberBit ? ndigits_[i] : 0; }
  [[gnu::always_inline]] bool is_punct(uint32_t i, char c) const {
    if (i - first_ >= len_) return false;
    const Token& t = doc_.tokens[i];
    return (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) && t.nend - t.nstart == 1 &&
           doc_.normalized.text[t.nstart] == c;
  }
  bool glued(uint32_t i) const { return i < end_ && !doc_.tokens[i].has(kSpaceBefore); }  // no space before token i
  bool capitalized(uint32_t i) const { return i < end_ && doc_.tokens[i].has(kCapitalized); }
  // A word ordinal day with its article at `det`: only after a preposition of time ("on the first", "for the twenty second").
  bool word_day_ok(uint32_t det) const {
    using timelex::Kind;
    return det > first_ && (kinds(det - 1) & (bit(Kind::kAt) | bit(Kind::kSince) | bit(Kind::kUntil) |
                                              bit(Kind::kBefore) | bit(Kind::kAfter) | bit(Kind::kTo) |
                                              bit(Kind::kFor)));
  }
  // A count at i: digits, a decimal, a word numeral, or "a"/"un": value and end.
  bool count_at(uint32_t i, double& value, uint32_t& end) const;
  // Day of month at i: 29, 1er, 29th, first, premier. Sets end.
  bool day_at(uint32_t i, int& day, uint32_t& end) const;
  // Hours and minutes written with a dot as one number token at i: "17.30", "9.15".
  bool dotted_time_at(uint32_t i, int& hour, int& minute) const;
  static P hour_minute(int hour, int minute, uint32_t end, std::string_view rule);  // a time of day read by `rule`
  Opt bare_hour_at(uint32_t k, std::string_view rule) const;  // digits alone as an hour: "at 5", "from 9 for 2 hours"
  // A day of a month at i, written either way ("5 mars", "March 7"), with no time or mod.
  Opt day_of_month_at(uint32_t i);
  uint32_t skip(uint32_t i, timelex::Kind k) const {  // past an optional word of kind k
    uint32_t e = i;
    return lex(i, k, &e) ? e : i;
  }
  uint32_t skip_punct(uint32_t i, char c) const { return is_punct(i, c) ? i + 1 : i; }
  // Where the longest lexicon phrase that starts at i ends (i + 1 when none does).
  uint32_t longest_at(uint32_t i) const {
    return i < end_ && (s_.kinds[i] & kLexBits) ? s_.matches[s_.match_begin[i]].end : i + 1;
  }
  // Past an article that stays out of the spans of periods ("la semaine
  // dernière" keeps "la"; English "the last quarter" is read from "last").
  uint32_t skip_article(uint32_t i) const {
    uint32_t j = i;
    const auto* det = lex(i, timelex::Kind::kDet, &j);
    return det && !det->in_span ? j : i;
  }
  // A two-word "for" phrase ends right before i ("une durée de [3 heures]"): a duration follows.
  bool after_for_phrase(uint32_t i) const {
    uint32_t e = 0;
    return i > first_ + 1 && lex(i - 2, timelex::Kind::kFor, &e) && e == i;
  }
  // A two- or three-word "at" phrase ends right before i ("prévu pour [9h]", "fixé pour [20 heures]"): a
  // time follows, though its last word alone ("pour") is a word of durations.
  bool after_at_phrase(uint32_t i) const {
    uint32_t e = 0;
    for (uint32_t back = 2; back <= 3 && i >= first_ + back; ++back)
      if (lex(i - back, timelex::Kind::kAt, &e) && e == i) return true;
    return false;
  }
  // A "de" before the count at i opens a time only as a range ("de 10 heures à 11 heures", a "to" word
  // and a number within the next tokens) or as the end of a "since" or an approximation phrase ("à
  // partir de 10 heures", "autour de 10 heures"): "un cessez-le-feu de 12 heures", "près de trois heures"
  // are durations.
  bool from_opens_time(uint32_t i) const {
    using timelex::Kind;
    for (uint32_t k = i + 1; k < i + 5 && k + 1 < end_; ++k)
      if ((kinds(k) & (bit(Kind::kTo) | bit(Kind::kUntil))) && (kinds(k + 1) & (kNumberBit | kWordNumberBit))) return true;
    uint32_t e = 0;
    for (uint32_t back = 2; back <= 3 && i >= first_ + back; ++back) {
      if (lex(i - back, Kind::kSince, &e) && e == i) return true;
      if (const auto* a = lex(i - back, Kind::kApprox, &e); a && e == i && a->sval != "count") return true;
    }
    return false;
  }
  // An approximation word before the count at i that makes it a time ("vers 15 heures"); a value
  // "count" approximates counts and durations only ("environ trois heures").
  bool approx_time_before(uint32_t i) const {
    const timelex::Entry* a = i > first_ ? lex(i - 1, timelex::Kind::kApprox) : nullptr;
    return a && a->sval != "count";
  }
  // Two-digit minutes at m after an hour mark, the time ending there ("2h30.", "2 heures 30 de vol"):
  // not before a unit, a part of the day or am/pm ("2h30 du matin" is a time).
  bool hours_minutes_duration(uint32_t m) const {
    using timelex::Kind;
    if (num(m) < 0 || ndigits(m) != 2 || num(m) >= 60) return false;
    timeexpr::Expr probe;
    return !lex(m + 1, Kind::kUnit) && !lex(m + 1, Kind::kAmPm) && pod_after(m + 1, probe, true) == m + 1;
  }
  // A word of durations ends right before the count at i ("pendant", "dans", "dans les", "il y a", "plus
  // de"): there "3h" is three hours, as "3 heures" is.
  // With `minutes` ("pendant 2h30", "en 2h05"), only the words of a stretch: "dans 2h30", "il y a 2h30"
  // stay times of day.
  bool hours_duration_context(uint32_t i, bool minutes = false) const {
    static constexpr timelex::Kind kKinds[] = {timelex::Kind::kFor, timelex::Kind::kMore, timelex::Kind::kLess,
                                               timelex::Kind::kYearIntro, timelex::Kind::kInPre, timelex::Kind::kAgoPre};
    for (uint32_t back = 1; back <= 3 && i >= first_ + back; ++back) {
      for (timelex::Kind k : std::span(kKinds, minutes ? 4 : 6)) {
        uint32_t e = 0;
        if (lex(i - back, k, &e) && e == i) return !after_at_phrase(i);
      }
    }
    return false;
  }
  // The first tokens of rules that read more than kinds bits, tested by date() before it calls them.
  // A day (digits, ordinal, word numeral) or the article before it. (day_at reads word numerals
  // without the sentence's lower bound: so does this test.)
  bool opens_day_month_year(uint32_t i) const {
    return (kinds(i) & (bit(timelex::Kind::kDet) | bit(timelex::Kind::kOrdinal) | kNumberBit)) ||
           (i < end_ && (kinds_[i] & kWordNumberBit));
  }
  // An article, "années", the number itself, or the apostrophe of '90s.
  bool opens_decade(uint32_t i) const {
    return (kinds(i) & (bit(timelex::Kind::kDet) | bit(timelex::Kind::kDecadeIntro) | kNumberBit)) || is_punct(i, '\'');
  }
  // A part word, or a hyphenated token. (Not an article: part_of() keeps it out of the span, and
  // turns away the part after it, "the [end of 2020]".)
  bool opens_part_of(uint32_t i) const {
    return (kinds(i) & bit(timelex::Kind::kPart)) ||
           (i < end_ && doc_.tokens[i].has(kHyphenated) && hyphen_parts(i));
  }
  // Whether the hyphenated word at i has kHyphenPartsBit (written into the scratch kinds on first use).
  bool hyphen_parts(uint32_t i) const;
  bool year_context(uint32_t i) const;
  bool word_year(uint32_t i, int& year, uint32_t& end) const;  // nineteen ninety six, two thousand and five  // a bare 4-digit number at i reads as a year
  bool month_ok(uint32_t i, uint32_t end, const timelex::Entry& e, bool has_number) const;

  // ---- top level (time_grammar.cc)
  Opt full(uint32_t i);     // prefixes (since, before, from..to) then unit
  Opt unit(uint32_t i);     // a date or time, with attachments
  Opt date_joins(Opt& best);  // next year's first quarter, November between 19 and 20, in 3 days on Friday
  Opt weekday_hours(const P& day);  // monday 8 to 9

  // ---- date_rules.cc
  Opt date(uint32_t i);
  Opt day_month_year(uint32_t i);
  Opt month_day_year(uint32_t i);
  Opt month_year(uint32_t i);
  Opt numeric_date(uint32_t i);
  Opt dotted_date(uint32_t i);
  Opt slash_date_range(uint32_t i);  // 10/1-11/7, 28/2-1/3/2019
  Opt hyphen_month_date(uint32_t i);
  Opt spaced_date(uint32_t i);
  Opt year_month(uint32_t i);
  Opt year_alone(uint32_t i);
  Opt weekday_date(uint32_t i);
  Opt season(uint32_t i);
  Opt quarter(uint32_t i);
  Opt decade(uint32_t i);
  Opt part_of(uint32_t i);
  Opt period_end(uint32_t i);  // year end, year-end, quarter-end
  Opt holiday(uint32_t i);
  Opt nth_weekday(uint32_t i);
  Opt nth_day_of(uint32_t i);  // the 4th day of July, the 26th day of the month
  Opt day_of_month_shift(uint32_t i);  // the 20th of next month
  Opt unit_period(uint32_t i);  // the year 2008, week 31, the week starting February 4
  Opt nth_period(uint32_t i);
  Opt edge_periods(uint32_t i);  // the first six months of 2024, the last 3 months of last year  // the second week of 2021, the third week of January, 21st century
  Opt optional_year(P p);

  // ---- relative_rules.cc
  Opt relative(uint32_t i);
  Opt day_relative(uint32_t i);
  Opt period_shift(uint32_t i);
  Opt duration(uint32_t i, bool bounded = false);  // bounded: after "more than", "plus de"
  // An article of a rate (a `count` row of flag rate, "a") before a unit at i, after an amount
  // ("$1 million a day").
  bool rate_at(uint32_t i) const;
  Opt fuzzy_ref(uint32_t i);
  Opt hyphen_duration(uint32_t i);  // a 30-minute drive, 3-min
  Opt hyphen_word_duration(uint32_t i);  // all-day, full-week
  // for 3 days from today, a week starting tomorrow; without "for" at i, the duration is the one
  // relative() read there (not read twice)
  Opt stretch_from(uint32_t i, const Opt& duration_at_i);
  Opt set(uint32_t i);
  Opt set_words(uint32_t i);
  Opt with_set_time(Opt s);
  void set_time(P& p, const timeexpr::Expr& t, uint32_t end);

  // ---- clock_rules.cc
  Opt clock(uint32_t i);
  Opt past_to(uint32_t i);
  Opt hyphen_word_clock(uint32_t i);  // five-thirty, seven-forty-five  // half past eight, ten past 9, three minutes to eight
  uint32_t pod_after(uint32_t he, timeexpr::Expr& e, bool need_connector = false) const;
  Opt part_of_day(uint32_t i);
  bool day_with_part_at(uint32_t k) const;  // mercredi matin, demain soir: "dix heures" before it is a time
  Opt with_time(P date);  // "29 juin à 15h", "tomorrow morning"
  // A clock time at j, or after "at"/"à" a bare hour ("today at 7").
  Opt clock_after(uint32_t j);
  // Two times of day: "8-9am", "from 7 to 7:30pm", "between 10 and 11:30".
  Opt clock_range(uint32_t i, bool after_pod);
  Opt hyphen_clock_range(uint32_t i);  // 8am-5pm: one hyphenated token after the hour
  // Two bare hours next to a day: "6-8 next Monday", "five to seven today", "between 3 and 8
  // yesterday" (a day after them, dated), or "Monday 12-4." (day_after false: the day is
  // before, the range must end the phrase).
  Opt bare_hour_range(uint32_t i, bool between, bool day_after);
  Opt timed_stretch(uint32_t i);  // from 9 for 2.5 hrs, for 2 hours from 9:30am
  // After a day: its times ("Monday 8-9am", "1/1/2015 between 10 and 11:30")
  // or a bounded time ("tomorrow before 5pm").
  Opt day_with_times(const P& day);

  // Inline: called a dozen times per date() with mostly empty candidates.
  static void take_longest(Opt& best, Opt&& cand) {
    if (cand && (!best || cand->end > best->end)) best = std::move(cand);
  }
  static void take_longest(Opt& best, const P& cand) { take_longest(best, Opt(cand)); }
  // Keeps a built string for the document; Expr fields view it.
  std::string_view keep(std::string text) { return s_.owned.emplace_back(std::move(text)); }
  // A calendar date read by `rule`, ending before token `end`; -1 leaves a
  // field unwritten ("June 29": no year).
  static P date(int year, int month, int day, uint32_t end, std::string_view rule, std::string_view where = {});
  // A range from `from` to `to` read by `rule`, ending before token `end`.
  static P range(timeexpr::Expr from, timeexpr::Expr to, uint32_t end, std::string_view rule,
                 std::string_view where = {});
  static void share_ampm(timeexpr::Expr& a, timeexpr::Expr& b);
  P hours_as_clock(const P& d, uint32_t k);
  void attach_date(P& range);
  void attach_year(P& range);

  const Document& doc_;
  const timelex::Lexicon& lex_;
  uint32_t first_, end_;
  uint32_t len_ = 0;  // end_ - first_: one load and compare for the sentence test of kinds() and is_punct()
  Scratch& s_;
  const uint64_t* kinds_;  // s_'s vectors, which do not grow after the constructor
  const int32_t* number_;
  const uint8_t* ndigits_;
};

}  // namespace claimtrace::timegrammar
