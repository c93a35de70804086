#include "time/time_grammar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace claimtrace::timegrammar {

using timeexpr::Expr;
using timeexpr::ExprType;
using timelex::Kind;

namespace {
// Kinds whose phrases can head a time (Lexicon::strong), as a mask of kind bits.
uint64_t strong_kind_bits() {
  uint64_t m = 0;
  for (unsigned k = 0; k <= static_cast<unsigned>(Kind::kPeriodCode); ++k)
    if (timelex::Lexicon::strong(static_cast<Kind>(k))) m |= uint64_t{1} << k;
  return m;
}

// Whether a part of a hyphenated word (between its hyphens) is a word of the time lexicon, or its
// first a clock part: what every hyphen rule needs (a month in "mi-juin", a unit in "three-year", a
// part in "year-end", clock parts from the first on in "five-thirty").
bool hyphen_parts_known(std::string_view key, const timelex::Lexicon& lex) {
  if (lex.clock_part(key.substr(0, key.find('-'))) >= 0) return true;
  for (size_t from = 0; from <= key.size();) {
    const size_t dash = std::min(key.find('-', from), key.size());
    if (lex.word(key.substr(from, dash - from))) return true;
    from = dash + 1;
  }
  return false;
}

// Zeroes the kinds of tokens from k on up to the first one that may hold a time (a number, a
// hyphenated word, a word a strong phrase may end with: scan() tells), and returns it (stop when
// none does). Most tokens are none of these: out of line, the loop keeps its values in registers
// and costs them a few instructions each.
[[gnu::noinline]] uint32_t skip_plain_tokens(const Token* tok, uint32_t k, uint32_t stop,
                                             timelex::Lexicon::Filter may_end_strong, uint64_t* kinds) {
  for (; k < stop; ++k) {
    const Token& t = tok[k];
    if (t.kind == TokenKind::kNumber || t.has(kHyphenated) || may_end_strong(t.hash)) break;
    kinds[k] = 0;
  }
  return k;
}
}  // namespace

Grammar::Grammar(const Document& doc, const timelex::Lexicon& lex, Scratch& s)
    : doc_(doc), lex_(lex), first_(0), end_(0), s_(s), kinds_(nullptr), number_(nullptr), ndigits_(nullptr) {
  static_assert(static_cast<unsigned>(Kind::kClockPart) < 59, "kind bits run into the token bits");
  static const uint64_t kStrongBits = strong_kind_bits() | kNumberBit | kWordNumberBit | kHyphenBit;
  const auto n = static_cast<uint32_t>(doc.tokens.size());
  const auto& tokens = doc.tokens;
  s.matches.clear();
  s.word_numbers.clear();
  s.blocked.clear();
  s.windows.clear();
  s.strong.clear();
  s.sentence_strong.assign(1, 0);
  s.owned.clear();
  // Grown, never reset: this per-document prep costs per token, so only what
  // the grammar reads gets written (kinds everywhere, the rest where a bit or
  // a window says it is valid).
  if (s.kinds.size() < n + 1) {
    s.kinds.resize(n + 1);
    s.match_begin.resize(n + 1);
    s.number.resize(n + 1);
    s.ndigits.resize(n + 1);
    s.word_number.resize(n + 1);
    s.word_number_end.resize(n + 1);
  }
  kinds_ = s.kinds.data();
  number_ = s.number.data();
  ndigits_ = s.ndigits.data();
  // The first token starting at or after byte `at`, from token `from` on.
  auto token_at = [&](uint32_t from, uint32_t at) {
    return static_cast<uint32_t>(
        std::partition_point(tokens.begin() + from, tokens.end(), [at](const Token& t) { return t.at.start < at; }) -
        tokens.begin());
  };

  // Word numerals from the number layer (digits are read from the tokens).
  uint32_t ti = 0;
  for (const NumberSpan& ns : doc.numbers) {
    if (!ns.amount.value || ns.role == NumberRole::kPercent || ns.role == NumberRole::kPhone ||
        ns.role == NumberRole::kIdentifier || ns.role == NumberRole::kRatio)
      continue;  // counts, ordinals, times of day, years written in words
    ti = token_at(ti, ns.at.start);
    if (ti >= n) break;
    if (tokens[ti].at.start != ns.at.start || tokens[ti].kind == TokenKind::kNumber) continue;
    uint32_t te = ti;
    while (te < n && tokens[te].at.end <= ns.at.end) ++te;
    if (te == ti) continue;
    s.word_number[ti] = *ns.amount.value;
    s.word_number_end[ti] = te;
    if (s.word_numbers.empty() || s.word_numbers.back() != ti) s.word_numbers.push_back(ti);
  }

  // Counted things ("47 people", "$5 million", "24 degrees") are no times:
  // their numbers start no parse (durations, "3 days", stay).
  {
    uint32_t qi = 0;
    for (const QuantitySpan& q : doc.quantities) {
      if (q.unit.starts_with("duration")) continue;
      qi = token_at(qi, q.at.start);
      uint32_t k = qi;
      while (k < n && tokens[k].at.start < q.at.end) ++k;
      if (k == qi) continue;
      if (!s.blocked.empty() && s.blocked.back().second >= qi) s.blocked.back().second = std::max(s.blocked.back().second, k);
      else s.blocked.push_back({qi, k});
    }
  }

  // Where a time can be: numbers, hyphenated words (mi-juin), word numerals,
  // and the last tokens of strong phrases (months, units, relative words).
  // Lexicon matches are computed only in a window around them.
  // Before a number the window spans the longest phrase ("on or earlier than 1/1/2016").
  // (one more: a bound between a preposition and the count, "il y a plus de 20 ans", "il y a plus d'un an")
  const uint32_t kBeforeNumber = std::max<uint32_t>(3, lex.matcher().max_tokens()) + 1;
  const uint32_t kBeforeWord = std::max<uint32_t>(5, kBeforeNumber) + 1;
  constexpr uint32_t kAfter = 2;
  // Locals, not members through `s`: the compiler cannot keep those in registers across stores.
  uint64_t* const kinds = s.kinds.data();
  const Token* const tok = tokens.data();
  const timelex::Lexicon::Filter may_end_strong = lex.may_end_strong_filter(), may_start = lex.may_start_filter();
  uint32_t mark_until = 0;  // tokens [.., mark_until) already marked
  auto mark = [&](uint32_t k, uint32_t before) {
    const uint32_t from = std::max(mark_until, k >= before ? k - before : 0);
    const uint32_t to = std::min(n, k + kAfter + 1);
    if (from < to) {
      if (!s.windows.empty() && s.windows.back().second == from) s.windows.back().second = to;
      else s.windows.push_back({from, to});
    }
    mark_until = std::max(mark_until, to);
  };
  // A token that is neither blocked nor a word numeral; bits: what is known already.
  auto scan = [&](uint32_t k, uint64_t bits) {
    const Token& t = tok[k];
    bool candidate = bits || t.has(kHyphenated);
    if (t.kind == TokenKind::kNumber) {
      candidate = true;
      bits |= kNumberBit;
      int number = -1, ndigits = 0;
      std::string_view v = doc.normalized_of(t);
      if (v.size() <= 9 && !t.has(kDigitGroups)) {
        int x = 0;
        bool digits = !v.empty();
        for (char c : v) {
          if (c < '0' || c > '9') { digits = false; break; }
          x = x * 10 + (c - '0');
        }
        if (digits) {
          number = x;
          ndigits = static_cast<int>(v.size());
        }
      }
      s.number[k] = number;
      s.ndigits[k] = static_cast<uint8_t>(ndigits);
    } else if (t.kind == TokenKind::kWord && may_end_strong(t.hash) &&
               lex.may_end_strong_after(k > 0 ? tok[k - 1].hash : 0, t.hash)) {
      candidate = true;
    }
    if (t.has(kHyphenated)) bits |= kHyphenBit;
    kinds[k] = bits;
    if (candidate) mark(k, t.kind == TokenKind::kNumber ? kBeforeNumber : kBeforeWord);
  };
  // Between blocked ranges and word numerals (both sorted), tokens go through scan() alone.
  const size_t nb = s.blocked.size(), nw = s.word_numbers.size();
  size_t bi = 0, wi = 0;
  for (uint32_t k = 0; k < n;) {
    const uint32_t stop = std::min(bi < nb ? s.blocked[bi].first : n, wi < nw ? s.word_numbers[wi] : n);
    for (k = skip_plain_tokens(tok, k, stop, may_end_strong, kinds); k < stop;
         k = skip_plain_tokens(tok, k + 1, stop, may_end_strong, kinds))
      scan(k, 0);
    if (k >= n) break;
    if (bi < nb && s.blocked[bi].first == k) {
      for (; k < s.blocked[bi].second; ++k) kinds[k] = 0;  // no word numeral, not a number
      ++bi;
      while (wi < nw && s.word_numbers[wi] < k) ++wi;
      continue;
    }
    scan(k, kWordNumberBit);
    ++wi;
    ++k;
  }

  // Lexicon matches, within each sentence and window, then the tokens that can
  // head a time (all inside windows: only there do tokens get kinds bits).
  uint32_t* const match_begin = s.match_begin.data();
  // Document::folded_key without substr's bounds check (a token's key lies inside folded).
  auto folded_of = [&doc](const Token& t) { return std::string_view(doc.folded.data() + t.fold_start, t.fold_size); };
  size_t w = 0;  // first window that may reach the sentence
  uint32_t prev_end = 0;
  for (const Sentence& sent : doc.sentences) {
    const uint32_t sb = sent.first_token, se = std::min(sent.end_token, n);
    if (sb >= se) {
      s.sentence_strong.push_back(static_cast<uint32_t>(s.strong.size()));
      continue;
    }
    if (sb < prev_end) w = 0;  // sentences out of order: start over
    prev_end = se;
    while (w < s.windows.size() && s.windows[w].second <= sb) ++w;
    for (size_t x = w; x < s.windows.size() && s.windows[x].first < se; ++x) {
      const uint32_t wb = std::max(s.windows[x].first, sb), we = std::min(s.windows[x].second, se);
      uint32_t count = static_cast<uint32_t>(s.matches.size());  // kept in step with s.matches
      for (uint32_t i = wb; i < we; ++i) {
        const Token& t = tok[i];
        const size_t mb = count;
        match_begin[i] = count;
        // (Digits start a phrase only where the lexicon has one: "24/7", "14 juillet".)
        if (!t.has(kElision) && !may_start(t.hash)) {
          continue;  // no phrase starts here
        }
        // A phrase of two tokens or more can start here: else the matcher
        // would find the one-word entries alone, which single_word() gives cheaper.
        const bool multi = lex.may_start_phrase(t.hash) && i + 1 < se && lex.may_continue(t.hash, tok[i + 1].hash);
        if (t.has(kElision)) {
          // Phrases that open with the elided particle (d'ici, jusqu'à, l'an), then the particle alone.
          if (multi) {
            lex.matcher().matches_at(doc, i, se, s.matches);
          } else if (lex.may_start_phrase(t.hash)) {
            if (const auto* word = lex.single_word(t.hash, folded_of(t))) {
              for (uint32_t x : word->entries) s.matches.push_back({i, i + 1, x});
            }
          }
          if (const auto* el = lex.elided(folded_of(t))) {
            for (uint32_t x : *el) s.matches.push_back({i, i + 1, x});
          }
        } else if (!multi) {
          if (const auto* word = lex.single_word(t.hash, folded_of(t))) {
            if (!word->exact) {  // the common case: every entry, and their kinds known beforehand
              for (uint32_t x : word->entries) s.matches.push_back({i, i + 1, x});
              kinds[i] |= word->kinds;
              count = static_cast<uint32_t>(s.matches.size());
              continue;
            }
            for (uint32_t x : word->entries) {
              const auto& forms = lex.entry(x).exact_forms;
              if (forms.empty() || std::find(forms.begin(), forms.end(), doc.normalized_of(t)) != forms.end())
                s.matches.push_back({i, i + 1, x});
            }
          }
        } else {
          lex.matcher().matches_at(doc, i, se, s.matches);
          // Entries that must match as written: "à" is not the verb "a".
          for (size_t m = mb; m < s.matches.size();) {
            const auto& forms = lex.entry(s.matches[m].payload).exact_forms;
            if (!forms.empty() && s.matches[m].end == i + 1 &&
                std::find(forms.begin(), forms.end(), doc.normalized_of(t)) == forms.end()) {
              s.matches.erase(s.matches.begin() + static_cast<std::ptrdiff_t>(m));
            } else {
              ++m;
            }
          }
        }
        uint64_t mask = kinds[i];
        for (size_t m = mb; m < s.matches.size(); ++m) mask |= bit(lex.entry(s.matches[m].payload).kind);
        kinds[i] = mask;
        count = static_cast<uint32_t>(s.matches.size());
      }
      match_begin[we] = count;
      for (uint32_t i = wb; i < we; ++i)
        if (kinds[i] & kStrongBits) s.strong.push_back(i);
    }
    s.sentence_strong.push_back(static_cast<uint32_t>(s.strong.size()));
  }
}

bool Grammar::hyphen_parts(uint32_t i) const {
  uint64_t& k = s_.kinds[i];
  if (!(k & kHyphenReadBit))
    k |= kHyphenReadBit | (hyphen_parts_known(doc_.folded_key(doc_.tokens[i]), lex_) ? kHyphenPartsBit : 0);
  return k & kHyphenPartsBit;
}

const timelex::Entry* Grammar::lex_at(uint32_t i, Kind k, uint32_t* end) const {
  const uint32_t b = s_.match_begin[i], e = s_.match_begin[i + 1];
  for (uint32_t m = b; m < e; ++m) {  // longest first
    const auto& entry = lex_.entry(s_.matches[m].payload);
    if (entry.kind == k) {
      if (end) *end = s_.matches[m].end;
      return &entry;
    }
  }
  return nullptr;
}


// A year in words: "two thousand and fifteen", "nineteen ninety six", "nineteen zero one"
// (two numerals, hundreds then the rest), not followed by a noun ("in two thousand homes").
bool Grammar::word_year(uint32_t i, int& year, uint32_t& end) const {
  if (i >= end_ || !(s_.kinds[i] & kWordNumberBit)) return false;
  auto word = [&](uint32_t k, double& v, uint32_t& e) {
    if (k >= end_ || !(s_.kinds[k] & kWordNumberBit)) return false;
    v = s_.word_number[k];
    e = s_.word_number_end[k];
    return v == std::floor(v);
  };
  double a = 0, b = 0;
  uint32_t e = 0, e2 = 0;
  if (!word(i, a, e)) return false;
  if (a >= 1000 && a <= 2200) {
    year = static_cast<int>(a);
  } else if (a >= 10 && a <= 29 && word(e, b, e2)) {
    if (double c = 0; b == 0 && word(e2, c, e2) && c >= 1 && c <= 9) b = c;  // nineteen zero one
    else if (b < 10 || b > 99) return false;
    year = static_cast<int>(a * 100 + b);
    e = e2;
  } else {
    return false;
  }
  if (e < end_ && doc_.tokens[e].kind == TokenKind::kWord && !any_lex(e) && !doc_.tokens[e].has(kCapitalized)) return false;
  end = e;
  return true;
}

bool Grammar::count_at(uint32_t i, double& value, uint32_t& end) const {
  if (i >= end_) return false;
  if (s_.kinds[i] & kWordNumberBit) {
    value = s_.word_number[i];
    end = s_.word_number_end[i];
    return true;
  }
  const Token& t = doc_.tokens[i];
  if (t.kind == TokenKind::kNumber) {
    std::string_view v = doc_.normalized_of(t);
    if (t.has(kDigitGroups)) return false;
    double x = 0, scale = 0;
    for (char c : v) {
      if (c >= '0' && c <= '9') {
        if (scale > 0) { x += (c - '0') * scale; scale /= 10; }
        else x = x * 10 + (c - '0');
      } else if ((c == ',' || c == '.') && scale == 0) {
        scale = 0.1;
      } else {
        return false;
      }
    }
    value = x;
    end = i + 1;
    return true;
  }
  if (const auto* e = lex(i, Kind::kCount, &end)) {
    value = e->fval;
    return true;
  }
  return false;
}

bool Grammar::day_at(uint32_t i, int& day, uint32_t& end) const {
  const int n = num(i);
  if (n >= 1 && n <= 31 && ndigits(i) <= 2) {
    day = n;
    end = i + 1;
    if (glued(i + 1) && lex(i + 1, Kind::kOrdSuffix)) end = i + 2;
    return true;
  }
  if (const auto* e = lex(i, Kind::kOrdinal, &end)) {
    if (e->ival >= 1 && e->ival <= 31) { day = e->ival; return true; }
  }
  if (i < end_ && (s_.kinds[i] & kWordNumberBit)) {
    const double v = s_.word_number[i];
    if (v >= 1 && v <= 31 && v == std::floor(v)) {
      day = static_cast<int>(v);
      end = s_.word_number_end[i];
      return true;
    }
  }
  return false;
}

bool Grammar::year_context(uint32_t i) const {
  const int n = num(i);
  if (n < 1000 || n > 2200 || ndigits(i) != 4) return false;
  // After a time preposition: "in 2008", "before 2010", "depuis 2014".
  if (i > first_) {
    for (Kind k : {Kind::kYearIntro, Kind::kSince, Kind::kBefore, Kind::kAfter, Kind::kUntil, Kind::kFrom,
                   Kind::kBetween, Kind::kPart}) {
      if (lex(i - 1, k) && !(i + 1 < end_ && doc_.tokens[i + 1].kind == TokenKind::kWord &&
                             lex(i + 1, Kind::kUnit) == nullptr && !any_lex(i + 1) && !doc_.tokens[i + 1].has(kCapitalized) &&
                             k == Kind::kYearIntro && false))
        return true;
    }
  }
  // Followed by a lower-case word that is not a time word: "2000 soldats".
  if (i + 1 < end_) {
    const Token& nx = doc_.tokens[i + 1];
    if (nx.kind == TokenKind::kWord && !nx.has(kCapitalized) && !any_lex(i + 1)) return false;
    if (is_punct(i + 1, '%') || (nx.kind == TokenKind::kNumber && glued(i + 1))) return false;
  }
  if (i > first_ + 1 && glued(i) && (is_punct(i - 1, '-') || is_punct(i - 1, '/')) && num(i - 2) >= 0 &&
      (ndigits(i - 2) != 4 || (i > first_ + 3 && glued(i - 2) && is_punct(i - 3, '-') && num(i - 4) >= 0)))
    return false;  // 82-2100, 138-2010-2015: parts of a number
  if (i > first_) {
    const Token& pv = doc_.tokens[i - 1];
    // $2000; not "2014~2018", a range of years written with a tilde
    if (pv.kind == TokenKind::kSymbol && !(is_punct(i - 1, '~') && i > first_ + 1 && ndigits(i - 2) == 4)) return false;
    if (pv.kind == TokenKind::kNumber) return false;
    if (pv.kind == TokenKind::kWord && !any_lex(i - 1) && !pv.has(kCapitalized)) {
      // "sold 2000 ..." — a year mostly follows a preposition or a time word, or opens a
      // range of years that ends the phrase ("was 2014 to 2018."; not "1500 to 2000 troops").
      uint32_t k = i + 1;
      const bool to = lex(i + 1, Kind::kTo, &k) != nullptr;
      const int m = num(k);
      const bool years = to && ndigits(k) == 4 && m > n && m - n <= 100 && m <= 2100 &&
                         (k + 1 >= end_ || doc_.tokens[k + 1].kind == TokenKind::kPunct);
      return n >= 1900 && n <= 2100 && (i + 1 >= end_ || doc_.tokens[i + 1].kind == TokenKind::kPunct || years);
    }
  }
  return n >= 1800;
}

bool Grammar::month_ok(uint32_t i, uint32_t end, const timelex::Entry& e, bool has_number) const {
  if (has_number) return true;
  if (e.abbrev || e.ambiguous) {
    // Needs a time word before it: "en mars", "début mai", "in May".
    if (i > first_) {
      for (Kind k : {Kind::kYearIntro, Kind::kMonthIntro, Kind::kSince, Kind::kBefore, Kind::kAfter, Kind::kUntil,
                     Kind::kPart, Kind::kFrom, Kind::kTo, Kind::kDir, Kind::kOf, Kind::kBetween}) {
        // "after Feb", "in Mar.": an abbreviation that is also a word (Mar, Jan) needs its dot.
        // "the 3rd week of Jan", "the end of Jan": after a period's unit or part and "of" it is the month
        if (lex(i - 1, k))
          return !e.abbrev || !e.ambiguous || is_punct(end, '.') ||
                 (lex(i - 1, Kind::kOf) && i > first_ + 1 && (lex(i - 2, Kind::kUnit) || lex(i - 2, Kind::kPart)));
      }
      // "prévu pour mars": after a phrase that fixes a moment (not the planet, "une mission prévue pour Mars")
      if (after_at_phrase(i) && !capitalized(i)) return !e.abbrev || is_punct(end, '.');
      // "between January and March", "janvier et mars": after "and" and another month
      if (i > first_ + 1 && lex(i - 1, Kind::kAnd) && lex(i - 2, Kind::kMonth)) return !e.abbrev || is_punct(end, '.');
      // mi-mars: the part word is glued by a hyphen
    }
    return false;
  }
  return true;
}

// "de 5 à 7 aujourd'hui", "from 5 to 6pm of April 22": a date after a range of
// clock times dates both ends.
void Grammar::attach_date(P& range) {
  Expr& a = range.e.parts[0];
  Expr& b = range.e.parts[1];
  if (a.hour < 0 || b.hour < 0 || a.has_date() || b.has_date()) return;
  uint32_t j = skip(skip(skip_punct(range.end, ','), Kind::kAt), Kind::kOf);
  if (num(skip_article(j)) >= 0) j = skip_article(j);  // "entre 3h et 5h le 01/01/2015"
  Opt d;
  take_longest(d, date(j));
  take_longest(d, day_relative(j));
  if (!d || d->e.hour >= 0 || !d->e.mod.empty() || !(d->e.day >= 0 || d->e.weekday >= 0 || d->e.rel_unit == 'D')) return;
  if (Opt t = d->e.pod.empty() ? with_time(*d) : std::nullopt; t && t->e.hour < 0) d = t;  // yesterday afternoon
  for (Expr* x : {&a, &b}) {
    Expr dated = d->e;
    dated.hour = x->hour; dated.minute = x->minute; dated.second = x->second; dated.ampm = x->ampm;
    if (!x->pod.empty()) dated.pod = x->pod;
    *x = dated;
  }
  range.end = d->end;
}

// "du 6 au 15 septembre l'an prochain": a relative year after a range of days.
// "from April to June in 2017", "26 june to 28 june, 2020": a written year after a range of months or days.
void Grammar::attach_year(P& range) {
  for (const Expr& x : range.e.parts)
    if (x.year >= 0 || x.rel_unit || x.offset_sign || x.month < 0) return;  // each part a month, no year
  Opt y = period_shift(range.end);
  if (!y || y->e.rel_unit != 'Y' || y->e.type != ExprType::kDate) {
    const uint32_t j = skip(skip(skip(skip_punct(range.end, ','), Kind::kAt), Kind::kOf), Kind::kYearIntro);
    if (ndigits(j) != 4 || num(j) < 1000 || num(j) > 2200) return;
    for (Expr& x : range.e.parts) x.year = num(j);
    range.end = j + 1;
    return;
  }
  for (Expr& x : range.e.parts) {
    x.rel_unit = 'Y';
    x.rel_n = y->e.rel_n;
  }
  range.end = y->end;
}

// A duration of whole hours that closes a range of times is a time of day: "entre 22h10 et
// 3 heures", "4:00 a 7 heures" (the preposition before it may be one the lexicon does not hold).
Grammar::P Grammar::hours_as_clock(const P& d, uint32_t k) {
  if (Opt c = clock(k)) return *c;
  if (d.e.unit != 'H' || d.e.unit2 || d.e.amount < 0 || d.e.amount > 24 || d.e.amount != std::floor(d.e.amount)) return d;
  P c;
  c.e.hour = static_cast<int>(d.e.amount);
  c.end = d.end;
  c.rule = "time.clock";
  return c;
}

// "from 5 to 6pm": one am/pm serves both ends when they sit in the same half day.
void Grammar::share_ampm(Expr& a, Expr& b) {
  if (a.hour < 0 || b.hour < 0) return;
  // two days written apart ("from 2:00pm, 2016-2-21 to 3:32, 04/23/2016"): each time keeps its own half day
  if (a.day >= 0 && b.day >= 0 && (a.day != b.day || a.month != b.month || a.year != b.year)) return;
  // "from 10:10pm to 10": an end before the start lies in the other half day.
  const bool b_later = b.hour * 60 + std::max(b.minute, 0) >= a.hour * 60 + std::max(a.minute, 0);
  if (a.ampm >= 0 && b.ampm < 0 && b.pod.empty() && b_later && b.hour <= 12)
    b.ampm = b.hour == 12 && a.ampm == 0 && a.hour < 12 ? 12 : a.ampm;  // "11:30 am to 12:30": noon
  if (a.ampm == 0 && b.ampm < 0 && b.pod.empty() && !b_later && b.hour < 12) b.ampm = 12;  // "from 8am to 3": 15:00
  // "2:00 - 2:30 pm": the start shares the end's half day when it comes first in it (not "11-12pm", "12-1pm").
  if (b.ampm >= 0 && a.ampm < 0 && a.pod.empty() && a.hour < 12 &&
      a.hour * 60 + std::max(a.minute, 0) < b.hour % 12 * 60 + std::max(b.minute, 0))
    a.ampm = b.ampm;
  // "between 5 and 6 in the afternoon": the part of the day serves both ends.
  if (a.ampm < 0 && a.pod.empty() && b.ampm < 0 && !b.pod.empty() && a.hour <= b.hour) a.pod = b.pod;
}

Grammar::P Grammar::made(Expr e, uint32_t end, std::string_view rule, std::string_view where) {
  P p;
  p.e = std::move(e);
  p.end = end;
  p.rule = rule;
  p.where = where;
  return p;
}

Grammar::P Grammar::date(int year, int month, int day, uint32_t end, std::string_view rule, std::string_view where) {
  Expr e;
  e.year = year;
  e.month = month;
  e.day = day;
  return made(std::move(e), end, rule, where);
}

Grammar::P Grammar::range(Expr from, Expr to, uint32_t end, std::string_view rule, std::string_view where) {
  Expr e;
  e.type = ExprType::kRange;
  e.parts = {std::move(from), std::move(to)};
  return made(std::move(e), end, rule, where);
}


// What may follow a date read by unit(), kept out of unit() itself: unit() runs at most candidate
// tokens, and every local of these would widen its frame.
// Returns a parse to take instead of the date, or changes the date in place.
[[gnu::noinline]] Grammar::Opt Grammar::date_joins(Opt& best) {
  if (best && best->e.type == ExprType::kDate && best->end < end_ && glued(best->end) && best->e.month < 0 &&
      best->e.quarter < 0 && best->e.half < 0 && best->e.day < 0 && best->e.weekday < 0 && best->e.mod.empty() &&
      ((best->e.rel_unit == 'Y' && best->e.year < 0) || (best->e.year >= 0 && !best->e.rel_unit)) &&
      doc_.folded_key(doc_.tokens[best->end]) == "'s") {
    // "next year's first quarter", "2015's second half": the quarter or half of that year
    if (Opt q = quarter(best->end + 1); q && (q->e.quarter >= 0 || q->e.half >= 0) && q->e.year < 0 && !q->e.rel_unit &&
                                         !q->e.has_dir && q->e.mod.empty() && best->e.rel_n >= -1 && best->e.rel_n <= 1) {
      q->e.year = best->e.year;
      q->e.rel_unit = best->e.rel_unit;
      q->e.rel_n = best->e.rel_n;
      best = std::move(q);
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.month >= 0 && best->e.day < 0 && best->e.weekday < 0 &&
      best->e.mod.empty() && !best->e.rel_unit && (kinds(best->end) & bit(Kind::kBetween))) {
    // "November between 19 and 20": two days of that month, ending the phrase ("rose in May from 4 to
    // 6." is a count)
    uint32_t k = 0, ke = 0, e2 = 0;
    int d1 = 0, d2 = 0;
    if (lex(best->end, Kind::kBetween, &k) && num(k) >= 0 && day_at(k, d1, ke) && lex(ke, Kind::kAnd, &ke) &&
        num(ke) >= 0 && day_at(ke, d2, e2) && d2 > d1 && (e2 >= end_ || doc_.tokens[e2].kind == TokenKind::kPunct) &&
        !is_punct(e2, '%')) {
      Expr a = best->e, b = best->e;
      a.day = d1;
      b.day = d2;
      return range(std::move(a), std::move(b), e2, "time.range.days_of_month_after");
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.offset_sign && best->e.weekday < 0 && best->e.hour < 0 &&
      best->e.mod.empty() && !timeexpr::unit_is_clock(best->e.offset_unit)) {
    // "in 3 days on Friday", "two months from today on Tuesday": that day or the first such weekday after it
    uint32_t k = 0, we = 0;
    const auto* on = lex(best->end, Kind::kAt, &k);
    if (const auto* w = on && on->sval == "day" ? lex(k, Kind::kWeekday, &we) : nullptr; w && !w->ambiguous) {
      best->e.weekday = w->ival;
      best->end = we;
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.weekday >= 0 && best->e.day < 0 && !best->e.has_dir &&
      !best->e.rel_unit && !best->e.offset_sign && best->e.hour < 0 && best->e.pod.empty() && best->e.mod.empty() &&
      (kinds(best->end) & (kNumberBit | kWordNumberBit))) {
    // "Saturday 3 days from now": the weekday of a shifted day
    if (Opt s = relative(best->end); s && s->e.type == ExprType::kDate && s->e.offset_sign && s->e.weekday < 0 &&
                                     s->e.hour < 0 && s->e.mod.empty() && !timeexpr::unit_is_clock(s->e.offset_unit)) {
      s->e.weekday = best->e.weekday;
      best = std::move(s);
    }
  }
  return std::nullopt;
}

// "monday 8 to 9": the number after the weekday opens a range of hours, not a day of the month.
[[gnu::noinline]] Grammar::Opt Grammar::weekday_hours(const P& day) {
  Opt r = bare_hour_range(day.end - 1, false, false);
  if (!r) return r;
  for (Expr& x : r->e.parts) {
    Expr dated = day.e;
    dated.day = -1;
    dated.hour = x.hour;
    x = std::move(dated);
  }
  return r;
}

Grammar::Opt Grammar::unit(uint32_t i) {
  Opt best;
  const uint64_t here = kinds(i);
  if (!here) return best;
  constexpr uint64_t kNum = kNumberBit | kWordNumberBit;
  constexpr uint64_t kDateHeads = kNum | bit(Kind::kMonth) | bit(Kind::kMonthIntro) | bit(Kind::kDir) |
                                  bit(Kind::kWeekday) | bit(Kind::kDet) | bit(Kind::kSeason) | bit(Kind::kOrdinal) |
                                  bit(Kind::kDecadeIntro) | bit(Kind::kPart) | bit(Kind::kHoliday) | bit(Kind::kPeriodCode);
  constexpr uint64_t kRelHeads = kNum | bit(Kind::kDet) | bit(Kind::kDayRel) | bit(Kind::kDir) | bit(Kind::kUnit) |
                                 bit(Kind::kAgoPre) | bit(Kind::kInPre) | bit(Kind::kFew) | bit(Kind::kCount) |
                                 bit(Kind::kRef) | bit(Kind::kMore) | bit(Kind::kLess) | bit(Kind::kLater) | bit(Kind::kAgo) |
                                 bit(Kind::kFor);
  const bool hyphen = (here & kHyphenBit) && hyphen_parts(i);  // (then date() reads its month or part)
  if ((here & kDateHeads) || hyphen) take_longest(best, date(i));
  else if (here & bit(Kind::kUnit)) {
    take_longest(best, unit_period(i));  // week 31, year 2008
    if (kinds(i + 1) & bit(Kind::kOf)) take_longest(best, holiday(i));  // weekend of Thanksgiving
  }
  if (here & kRelHeads) take_longest(best, relative(i));
  if (here & (kNum | bit(Kind::kClock) | bit(Kind::kCount) | bit(Kind::kPastTo))) take_longest(best, clock(i));
  else if (hyphen) take_longest(best, hyphen_word_clock(i));  // five-thirty
  if (here & (bit(Kind::kDet) | bit(Kind::kDir) | bit(Kind::kPod) | bit(Kind::kAt))) take_longest(best, part_of_day(i));
  if ((here & (bit(Kind::kSet) | bit(Kind::kSetAdv))) ||
      ((here & (kNum | bit(Kind::kCount))) && (kinds(i + 1) & bit(Kind::kSet))))
    take_longest(best, set(i));  // (three times a week)
  if ((here & kNumberBit) && (kinds(i + 2) & bit(Kind::kUnit))) take_longest(best, hyphen_duration(i));
  if (hyphen) take_longest(best, hyphen_word_duration(i));
  if (((here & bit(Kind::kUnit)) && (kinds(i + 1) & bit(Kind::kPart))) || hyphen)
    take_longest(best, period_end(i));  // year end, year-end
  if (best && best->e.type == ExprType::kDate && best->e.hour < 0 && !best->e.pod.empty() && !best->e.has_date() &&
      (best->e.mod.empty() || best->e.mod == "START" || best->e.mod == "END")) {
    // "in the morning at 7", "l'après-midi 7:00:25", "early morning at 8:00" (the time says more than the part)
    // (am/pm that agrees with the part: "afternoon seven pm")
    if (Opt t = clock_after(skip_punct(best->end, ','));
        t && (t->e.ampm < 0 || (t->e.ampm == 12 ? best->e.pod == "AF" || best->e.pod == "EV" || best->e.pod == "NI"
                                                : best->e.pod == "MO"))) {
      const std::string_view pod = best->e.pod;
      best->e = t->e;
      best->e.pod = pod;
      best->end = t->end;
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.hour < 0 && !best->e.pod.empty() && !best->e.has_date() &&
      (best->e.mod.empty() || best->e.mod == "START" || best->e.mod == "END")) {
    // "la nuit mardi", "in the morning of this Tuesday", "en fin d'après-midi mardi" (the part kept)
    const std::string_view pod_mod = best->e.mod;
    // (also after a comma, a day that says which: "in the afternoon, this Friday", "in the morning, tomorrow")
    const uint32_t c = skip_punct(best->end, ',');
    uint32_t j = skip(skip(c, Kind::kOf), Kind::kAt);
    Opt d = weekday_date(j);
    take_longest(d, day_relative(j));
    if (d && c > best->end && !d->e.has_dir && !d->e.rel_unit && d->e.day < 0) d.reset();
    if (d && d->e.hour < 0 && d->e.pod.empty() && d->e.mod.empty()) {
      const std::string_view pod = best->e.pod;
      best->e = d->e;
      best->e.pod = pod;
      best->e.mod = pod_mod;
      best->end = d->end;
      // "la nuit de samedi à dimanche": the night of the first day, written with the next one
      uint32_t k = 0;
      // (unless a time of the second day follows: "... à samedi à trois heures du matin" is Saturday's)
      if (Opt next = lex(d->end, Kind::kTo, &k) && d->e.weekday >= 0 ? weekday_date(k) : std::nullopt;
          next && next->e.weekday == d->e.weekday % 7 + 1 && next->e.day < 0 && next->e.hour < 0 &&
          !with_time(*next))
        best->end = next->end;
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.hour >= 0 && !best->e.has_date() && best->e.mod.empty()) {
    // "9am every Sunday", "9am Sundays", "15 heures tous les jours": a time of a set of days
    if (Opt s = set_words(best->end); s && (s->e.set_value.starts_with("XXXX-WXX-") || s->e.set_value == "P1D")) {
      set_time(*s, best->e, s->end);
      s->end = std::max(s->end, best->end);
      return s;
    }
  }
  if (best && best->e.type == ExprType::kDate && best->e.rel_unit == 'W' && best->e.weekday < 0 && best->e.mod.empty()) {
    // "next week on Tuesday", "last week Sunday", "previous week - Monday": a day of that week.
    // Not across a comma: "Last week, Monday's vote ..." may speak of this week.
    const uint32_t j = skip(skip_punct(best->end, '-'), Kind::kAt);
    if (kinds(j) & (bit(Kind::kFrom) | bit(Kind::kBetween))) {
      // "last week between Friday and Sunday", "this week from Tuesday to Thursday": days of that week
      if (Opt r = full(j); r && r->e.type == ExprType::kRange && r->e.parts.size() == 2 &&
                           std::all_of(r->e.parts.begin(), r->e.parts.end(), [](const Expr& x) {
                             return x.weekday >= 0 && x.day < 0 && !x.rel_unit && !x.has_dir && x.hour < 0;
                           })) {
        for (Expr& x : r->e.parts) { x.rel_unit = 'W'; x.rel_n = best->e.rel_n; }
        r->rule = "time.range.weekdays_of_week";
        return r;
      }
    }
    uint32_t we = 0;
    // (an ambiguous abbreviation right after the week needs a time after it: "next week Mon 9 am")
    if (const auto* w = lex(j, Kind::kWeekday, &we);
        w && (!w->ambiguous || j > best->end || ((kinds(we) & kNumberBit) && clock(we)))) {
      best->e.weekday = w->ival;
      best->end = w->abbrev ? skip_punct(we, '.') : we;
      best->rule = "time.date.weekday_of_week";
    }
  }
  if (best && best->e.type == ExprType::kDate) {
    if (Opt r = date_joins(best)) return r;
  }
  if (best && best->e.type == ExprType::kDate && best->e.weekday >= 0 && best->e.day < 0 && !best->e.has_dir &&
      !best->e.rel_unit && best->e.hour < 0 && best->e.pod.empty() && best->e.mod.empty()) {
    // "Tuesday afternoons", "Monday mornings": a set of parts of that weekday
    uint32_t k = 0;
    if (const auto* a = lex(best->end, Kind::kSetAdv, &k); a && a->sval.size() == 3 && a->sval[0] == 'T') {
      P p;
      p.e.type = ExprType::kSet;
      p.e.set_value = keep("XXXX-WXX-" + std::to_string(best->e.weekday) + a->sval);
      p.end = k;
      p.rule = "time.set.weekday_part";
      p.where = a->where;
      return p;
    }
  }
  if (best && best->e.type == ExprType::kDate) {
    if (best->e.weekday >= 0 && best->e.day >= 0 && best->e.month < 0 && best->e.year < 0 && best->end > i &&
        (kinds(best->end - 1) & kNumberBit)) {
      if (Opt r = weekday_hours(*best)) return r;  // monday 8 to 9
    }
    if (auto t = with_time(*best)) {
      best = std::move(t);
      // "Wed Oct 26 15:50:06 2016": the year written after the time
      if (best->e.year < 0 && best->e.month >= 0 && best->e.day >= 0 && best->e.second >= 0 && ndigits(best->end) == 4 &&
          num(best->end) >= 1000 && num(best->end) <= 2200) {
        best->e.year = num(best->end);
        best->end += 1;
      }
    }
    if (best->e.weekday >= 0 && best->e.day < 0 && !best->e.rel_unit && !best->e.has_dir && best->e.mod.empty()) {
      // "Wednesday evening next week": the week after the time of day
      if (Opt w = period_shift(best->end); w && w->e.type == ExprType::kDate && w->e.rel_unit == 'W') {
        best->e.rel_unit = 'W';
        best->e.rel_n = w->e.rel_n;
        best->end = w->end;
      }
    }
    if (auto r = day_with_times(*best)) return r;
    if (best->e.hour >= 0 && !best->e.has_date()) {
      // 15h le 29 juin, 7:00 on next Sunday, 5pm of April 22
      uint32_t j = skip(skip(skip_punct(best->end, ','), Kind::kAt), Kind::kOf);
      // the article before a day stays out of date spans: "15h le 29 juin", "à 15 heures le 15/05/2018"
      if (lex(j, Kind::kDet) && lex(skip(j, Kind::kDet), Kind::kWeekday)) j = skip(j, Kind::kDet);
      else if (num(skip_article(j)) >= 0) j = skip_article(j);  // (English "the 15" keeps its article)
      Opt d;
      take_longest(d, date(j));
      take_longest(d, day_relative(j));
      take_longest(d, part_of_day(j));
      if (uint32_t we = 0; !d && j > best->end && lex(j, Kind::kWeekday, &we)) {
        // "12:30 PM ON FRI": after a time and "on" an abbreviated or ambiguous weekday is the day
        d = P{};
        d->e.weekday = lex(j, Kind::kWeekday)->ival;
        d->end = skip_punct(we, '.');
        if (d->end > we && d->end >= end_) d->end = we;
      }
      if (d && d->e.hour < 0 && (d->e.day >= 0 || d->e.weekday >= 0 || d->e.rel_unit == 'D') && d->e.mod.empty()) {
        Expr merged = d->e;
        merged.hour = best->e.hour; merged.minute = best->e.minute; merged.second = best->e.second;
        merged.ampm = best->e.ampm;
        if (merged.pod.empty()) merged.pod = best->e.pod;
        // its part of the day ("15h demain soir"), not a time of its own: "16h aujourd'hui à 17h demain" is a range
        if (auto t = with_time(*d); t && t->e.hour < 0) { if (t->e.pod.size() && merged.ampm < 0) merged.pod = t->e.pod; d->end = t->end; }
        best->e = merged;
        best->end = d->end;
      }
    }
  }
  return best;
}

// Prefixes that give a mod (since, before, after, until, around) and ranges
// (from X to Y, between X and Y, X - Y).
Grammar::Opt Grammar::full(uint32_t i) {
  uint32_t j = i;
  struct ModWord { Kind kind; std::string_view mod; std::string_view rule; };
  // The compound bounds first: "before or in Feb 2018" is until (not before), "later than or in" since.
  static constexpr ModWord kMods[] = {
      {Kind::kSince, "ON_OR_AFTER", "time.since"}, {Kind::kUntil, "ON_OR_BEFORE", "time.until"},
      {Kind::kBefore, "BEFORE", "time.before"},    {Kind::kAfter, "AFTER", "time.after"},
      {Kind::kApprox, "APPROX", "time.approx"},
  };
  const uint64_t here = kinds(i);  // read once: the calls below cannot see it change
  for (const auto& m : kMods) {
    if (!(here & bit(m.kind))) continue;
    const auto* w = lex(i, m.kind, &j);
    if (!w) continue;
    // a sign stands apart ("> 6pm today"), not inside markup ("<div>6pm")
    if (j == i + 1 && doc_.tokens[i].kind != TokenKind::kWord && (glued(j) || (i > first_ && glued(i)))) break;
    Opt inner = unit(j);
    uint32_t inner_at = j;
    if (!inner && skip_article(j) > j) inner = unit(inner_at = skip_article(j));  // depuis le 24 février
    // "since the end of 1989": the article that stays out of a part's span ("the [end of 1989]") is in the bound's.
    if (uint32_t k = j; !inner && lex(j, Kind::kDet, &k) && lex(k, Kind::kPart)) inner = unit(inner_at = k);
    // "before around 2pm": the bound says more than the approximation (one mod per value).
    if (!inner && m.kind != Kind::kApprox && skip(j, Kind::kApprox) > j) inner = unit(inner_at = skip(j, Kind::kApprox));
    if (!inner || inner->e.type == ExprType::kSet || inner->e.type == ExprType::kRange) break;
    if (inner->e.type == ExprType::kDuration && m.kind == Kind::kApprox && inner->e.mod.empty() &&
        inner->e.amount > 0) {
      inner->e.mod = m.mod;  // "about two hours", "environ trois jours"
      inner->rule = m.rule;
      inner->where = w->where;
      return inner;
    }
    if (inner->e.type == ExprType::kDuration || inner->e.type == ExprType::kRef) {
      if (m.kind != Kind::kSince) break;  // "d'ici 2 ans" is read by the duration rule
      inner->rule = m.rule;
      inner->where = w->where;
      // "depuis trois ans": the duration, open since its start; the span from the preposition.
      if (inner->e.type == ExprType::kDuration && inner->e.mod.empty()) inner->e.mod = m.mod;
      return inner;
    }
    // "depuis fin 2024": TIMEX3 holds one mod and the part (END) keeps it; the
    // bound goes to the interval (since: begin at the part's start, no end).
    if (!inner->e.mod.empty()) {
      if (m.kind == Kind::kApprox || !timeexpr::is_part_mod(inner->e.mod)) return std::nullopt;
      P p = *inner;
      p.e.bound = m.mod;
      p.rule = m.rule;
      p.where = w->where;
      return p;
    }
    // "about" before a relative period is not a time word ("How about last week").
    // An approximation word of times only (value "time": English "about") is the preposition before a
    // date: "talking about Jan/3", "How about 3rd week of Jan", "How about last week"; "about 5pm" stays
    // approximate, and so does "around the 21st this month".
    if (m.kind == Kind::kApprox && w->sval == "time" && inner->e.hour < 0) return std::nullopt;
    if (uint32_t k = inner->end; m.kind == Kind::kSince && (lex(k, Kind::kUntil, &k) || lex(k, Kind::kTo, &k))) {
      // "à partir de 13 heures jusqu'à 16 heures", "depuis lundi jusqu'à mercredi": a range
      Opt b = unit(k);
      if (b && b->e.type == ExprType::kDate && b->e.mod.empty() && (inner->e.hour >= 0) == (b->e.hour >= 0) &&
          inner->e.has_date() == b->e.has_date()) {
        share_ampm(inner->e, b->e);
        P r = range(inner->e, b->e, b->end, "time.range.since_until", w->where);
        attach_date(r);
        // The range says it all: "depuis" stays out of the span ("depuis [aujourd'hui jusqu'à demain]"),
        // as a preposition before a date does.
        r.start = inner_at;
        return r;
      }
    }
    P p = *inner;
    p.e.mod = m.mod;
    p.rule = m.rule;
    p.where = w->where;
    return p;
  }
  // for 2.5 hours from 9 ("from" within reach: "for" alone is common)
  if ((here & bit(Kind::kFor)) && ((kinds(i + 3) | kinds(i + 4) | kinds(i + 5) | kinds(i + 6)) & bit(Kind::kFrom))) {
    if (Opt r = timed_stretch(i)) return r;
  }
  // Ranges.
  Kind opener = Kind::kFrom;
  bool opened = false;
  if (lex(i, Kind::kFrom, &j)) { opened = true; }
  else if (lex(i, Kind::kBetween, &j)) { opened = true; opener = Kind::kBetween; }
  // (not the first word of a longer reference: "dès que possible" is no "des" of a range)
  if (uint32_t re = 0; opened && lex(i, Kind::kRef, &re) && re > j) opened = false;
  if (opened) {
    if (kinds(j) & kNumberBit) {
      if (Opt r = hyphen_clock_range(j)) return r;  // from 8am-3 yesterday
    }
    if (kinds(j) & (kNumberBit | kWordNumberBit)) {
      if (Opt r = bare_hour_range(j, opener == Kind::kBetween, true)) return r;  // between 3 and 8 yesterday
    }
    if (opener == Kind::kFrom && (kinds(j) & (kNumberBit | kWordNumberBit)) &&
        ((kinds(j + 1) | kinds(j + 2) | kinds(j + 3)) & bit(Kind::kFor))) {
      if (Opt r = timed_stretch(i)) return r;  // from 9 for 2.5 hrs
    }
    Opt a = unit(j);
    int first_day = 0;
    uint32_t fe = 0;
    if (!a && day_at(skip(j, Kind::kDet), first_day, fe)) {
      uint32_t k = fe;
      // "de 5 a 6pm" (the accented "à", which folds alike, is a plain "to": "de 7 à 9 ce soir")
      const bool loose = k < end_ && !lex(k, Kind::kTo) && lex_.at_loose(doc_.folded_key(doc_.tokens[k]));
      const timelex::Entry* to_word = lex(k, Kind::kTo);
      if (lex(k, Kind::kTo, &k) || lex(k, Kind::kAnd, &k) || is_punct(k, '-') || lex(k, Kind::kUntil, &k) || loose) {
        if (is_punct(fe, '-')) k = fe + 1;
        if (loose) k = fe + 1;
        Opt b = unit(k);
        if (loose && b && b->e.ampm < 0 && b->e.minute < 0) b.reset();  // only before a marked time
        if (b && b->e.type == ExprType::kDate && b->e.hour >= 0 && num(j) >= 0 && num(j) <= 24) {
          a = P{};  // between 10 and 11:30, from 5 to 6pm (of April 22: the date is shared below)
          a->e.hour = num(j);
          a->end = j + 1;
          a->rule = "time.clock";
        } else if (b && b->e.type == ExprType::kDate && b->e.day >= 0 && (b->e.month >= 0 || b->e.rel_unit == 'M') &&
                   b->e.hour < 0) {
          // from 4 to 22 January, between ninth and seventeenth of april, du 4 au 22 de ce mois
          a = P{b->e, fe, "time.date.day", b->where};
          a->e.day = first_day;
          a->e.weekday = -1;
        } else if (int last_day = 0; !b && day_at(k, last_day, k) && last_day > first_day) {
          // "from 4-23 in next month", "du 4 au 23 du mois prochain": two days of a relative month, joined
          // by of/in ("rose from 4 to 22 this month" is a count), or after a "to" of days (value day: French
          // "au", to the [day]: "du 4 au 22 ce mois-ci")
          const uint32_t mj = skip(skip(k, Kind::kAt), Kind::kOf);
          if (Opt m = mj > k || (to_word && to_word->sval == "day") ? period_shift(mj) : std::nullopt; m && m->e.type == ExprType::kDate && m->e.rel_unit == 'M' && m->e.mod.empty()) {
            Expr from = m->e, to = m->e;
            from.day = first_day;
            to.day = last_day;
            return range(from, to, m->end, "time.range.days_of_month");
          }
        }
      }
    }
    // from 2014-2018; not a stretch or an edge of a period after "des" (of the): "des [trois dernières années]"
    if (a && a->e.type == ExprType::kRange)
      return a->rule.starts_with("time.relative") || a->rule == "time.range.edge_periods" ? std::nullopt : a;
    if (a && a->e.type == ExprType::kRef && a->e.ref == "PRESENT_REF") {
      // "between now and November 15th", "from now until the end of the year": from the reference day
      uint32_t k = a->end;
      if (lex(k, Kind::kAnd, &k) || lex(k, Kind::kTo, &k) || lex(k, Kind::kUntil, &k)) {
        Opt b = unit(k);
        if (!b && skip(k, Kind::kDet) > k) b = unit(skip(k, Kind::kDet));
        if (b && b->e.type == ExprType::kDate && b->e.hour < 0 && b->e.has_date() && b->e.mod.empty()) {
          Expr today;
          today.rel_unit = 'D';
          today.rel_n = 0;
          P p = range(today, b->e, b->end, "time.range.from_now");
          attach_year(p);
          return p;
        }
      }
    }
    if (a && (a->e.type == ExprType::kDate)) {
      uint32_t k = a->end;
      bool joined = false;
      if (opener == Kind::kBetween) joined = lex(k, Kind::kAnd, &k) != nullptr || lex(k, Kind::kTo, &k) != nullptr;
      else joined = lex(k, Kind::kTo, &k) != nullptr || is_punct(k, '-') || lex(k, Kind::kUntil, &k) != nullptr;
      if (is_punct(a->end, '-')) { k = a->end + 1; joined = true; }
      const bool loose = !joined && a->e.hour >= 0 && k < end_ && lex_.at_loose(doc_.folded_key(doc_.tokens[k]));
      if (loose) { k = a->end + 1; joined = true; }  // "de 5 a 6pm": before a marked time only (below)
      if (joined) {
        Opt b = unit(k);
        if (loose && b && b->e.ampm < 0 && b->e.minute < 0) b.reset();
        if (!b && skip(k, Kind::kDet) > k) b = unit(skip(k, Kind::kDet));  // to the end of 2021
        if (b && b->e.type == ExprType::kDuration && a->e.hour >= 0 && !a->e.has_date())
          b = hours_as_clock(*b, k);  // "entre 22h10 et 3 heures": after a time, N heures is one too
        if (!b) {
          int day = 0;
          uint32_t de = 0;
          if (a->e.day >= 0 && a->e.hour < 0 && day_at(k, day, de)) {  // du 4 au 23 juin: the day alone
            b = P{a->e, de, a->rule, a->where};
            b->e.day = day;
          } else if (a->e.hour >= 0 && num(k) >= 0 && num(k) <= 24 && ndigits(k) <= 2) {  // from 1:30 to 3
            b = P{};
            b->e.hour = num(k);
            b->end = k + 1;
          }
        }
        if (b && b->e.type == ExprType::kRef && b->e.ref == "PRESENT_REF") {
          // "between Aug 2019 and now": up to the reference day; "between eight o'clock and now": up to
          // the reference instant, from that time today
          Expr today;
          today.rel_unit = 'D';
          today.rel_n = 0;
          if (a->e.hour >= 0) {
            today = Expr{};
            today.offset_sign = 1;
            today.offset_unit = 'S';
            if (!a->e.has_date()) { a->e.rel_unit = 'D'; a->e.rel_n = 0; }
          }
          P p = range(a->e, today, b->end, "time.range.now");
          p.e.end_at_begin = true;
          return p;
        }
        if (b && b->e.type == ExprType::kDate) {
          // "du 4 au 23 juin": the first part takes the second's month and year.
          if (a->e.month < 0 && a->e.day >= 0 && b->e.month >= 0 && !a->e.rel_unit) a->e.month = b->e.month;
          if (a->e.month < 0 && a->e.day >= 0 && !a->e.rel_unit && b->e.month < 0 && b->e.day >= 0 && b->e.rel_unit == 'M') {
            a->e.rel_unit = 'M';  // from the 4th to the 22nd of next month
            a->e.rel_n = b->e.rel_n;
          }
          // (not "this May": its year is the reference's)
          if (a->e.year < 0 && b->e.year >= 0 && (a->e.month >= 0 || a->e.season.size()) && !a->e.has_dir)
            a->e.year = b->e.year;
          // "from April 9th till the 17th": a day alone at the end is in the start's month and year
          if (b->e.day >= 0 && b->e.month < 0 && b->e.weekday < 0 && !b->e.rel_unit && a->e.day >= 0 &&
              a->e.month >= 0 && !a->e.rel_unit && b->e.day > a->e.day) {
            b->e.month = a->e.month;
            b->e.year = a->e.year;
          }
          if (a->e.hour >= 0 && b->e.hour >= 0 && !a->e.has_date() && b->e.has_date()) {
            int h = a->e.hour, mi = a->e.minute;
            Expr d = b->e; d.hour = h; d.minute = mi; d.ampm = a->e.ampm; a->e = d;
          }
          share_ampm(a->e, b->e);
          P p = range(a->e, b->e, b->end, "time.range");
          attach_date(p);
          attach_year(p);
          return p;
        }
      }
    }
    return std::nullopt;
  }
  Opt a = unit(i);
  if (!a && (kinds(i) & kNumberBit)) {
    if (Opt r = hyphen_clock_range(i)) return r;  // 4pm-5pm
  }
  if ((!a || a->e.hour < 0) && ((kinds(i) & kWordNumberBit) ||
                                 ((kinds(i) & kNumberBit) && (is_punct(i + 1, '-') || (kinds(i + 1) & (bit(Kind::kTo) | bit(Kind::kUntil))))))) {
    if (Opt r = bare_hour_range(i, false, true); r && (!a || r->end > a->end)) return r;  // 6-8 next Monday
  }
  // (unit() has tried clock() at i: past it clock_range() reads digits at i, or a time after from/between)
  if (!a && (kinds(i) & (kNumberBit | kWordNumberBit | bit(Kind::kClock) | bit(Kind::kPastTo))) &&
      (doc_.tokens[i].kind == TokenKind::kNumber || (kinds(i) & (bit(Kind::kFrom) | bit(Kind::kBetween))))) {
    if (Opt r = clock_range(i, false)) {  // 9-10 am, 5 to 6pm tomorrow
      attach_date(*r);
      return r;
    }
  }
  if (!a && num(i) >= 1 && num(i) <= 31 && ndigits(i) <= 2 && (is_punct(i + 1, '-') || lex(i + 1, Kind::kTo))) {
    // "13-15 mars", "19 au 20 novembre": a bare day before a dated day.
    uint32_t k = i + 1;
    const timelex::Entry* to_word = lex(k, Kind::kTo, &k);
    if (!to_word) k = i + 2;
    Opt b = unit(k);
    if (b && b->e.type == ExprType::kDate && b->e.day > num(i) && b->e.month >= 0 && b->e.hour < 0 && b->e.mod.empty()) {
      Expr first = b->e;
      first.day = num(i);
      first.weekday = -1;
      P p = range(first, b->e, b->end, "time.range.days");
      return p;
    }
    // "4 till 23 of this month", "4 au 23 du mois prochain": two days of a relative month (joined as above)
    if (int last_day = 0; num(k) > num(i) && day_at(k, last_day, k)) {
      const uint32_t mj = skip(skip(k, Kind::kAt), Kind::kOf);
      if (Opt m = mj > k || (to_word && to_word->sval == "day") ? period_shift(mj) : std::nullopt;
          m && m->e.type == ExprType::kDate && m->e.rel_unit == 'M' && m->e.mod.empty()) {
        Expr from = m->e, to = m->e;
        from.day = num(i);
        to.day = last_day;
        return range(from, to, m->end, "time.range.days_of_month");
      }
    }
  }
  if (a && a->e.type == ExprType::kDate && a->e.mod.empty()) {
    // "2016 and after", "3 pm or later", "2010 et après": an open bound after the date.
    uint32_t pe = 0;
    // ... unless a time follows: "on 1/1/2016 and after 6PM" is two times.
    if (lex(a->end, Kind::kSincePost, &pe) && !unit(pe)) {
      a->e.mod = "ON_OR_AFTER";
      a->end = pe;
      if (a->e.hour >= 0 && !a->e.has_date()) {  // "3 pm or later on Monday": the day of the bound
        const uint32_t dj = skip(pe, Kind::kAt);
        Opt d = weekday_date(dj);
        take_longest(d, day_relative(dj));
        if (d && dj > pe && d->e.hour < 0 && d->e.pod.empty() && d->e.mod.empty()) {
          Expr merged = d->e;
          merged.hour = a->e.hour; merged.minute = a->e.minute; merged.second = a->e.second; merged.ampm = a->e.ampm;
          merged.mod = a->e.mod;
          a->e = merged;
          a->end = d->end;
        }
      }
      return a;
    }
    if (lex(a->end, Kind::kUntilPost, &pe)) { a->e.mod = "ON_OR_BEFORE"; a->end = pe; return a; }
  }
  if (a && a->e.type == ExprType::kDate) {
    // "X - Y", "X to Y" without an opener, for like kinds.
    uint32_t k = a->end;
    const timelex::Entry* to = nullptr;
    // "4:00 a 7 heures", "3pm a 4pm": an unaccented "a" after a marked time
    const bool loose = a->e.hour >= 0 && (a->e.minute >= 0 || a->e.ampm >= 0) && k < end_ &&
                       lex_.at_loose(doc_.folded_key(doc_.tokens[k]));
    if ((is_punct(k, '-') && !a->e.rel_unit) || ((to = lex(k, Kind::kTo, &k)) && !to->ambiguous) ||
        (a->e.hour >= 0 && lex(a->end, Kind::kUntil, &k)) || loose) {
      if (is_punct(k, '-')) ++k;
      if (loose) k = a->end + 1;
      Opt b = unit(k);
      if (b && b->e.type == ExprType::kDuration && a->e.hour >= 0 && !a->e.has_date())
        b = hours_as_clock(*b, k);  // "4:00 a 7 heures": after a time, N heures is one too
      if (!b && skip(k, Kind::kDet) > k) b = unit(skip(k, Kind::kDet));
      if (!b && a->e.day >= 0 && a->e.month >= 0 && a->e.hour < 0) {
        int day = 0;
        uint32_t de = 0;
        if (day_at(k, day, de) && day > a->e.day) { b = P{a->e, de, a->rule, a->where}; b->e.day = day; }
      }
      if (!b && a->e.hour >= 0 && (a->e.minute >= 0 || a->e.ampm >= 0) && num(k) >= 1 && num(k) <= 24 &&
          ndigits(k) <= 2 && (k + 1 >= end_ || (doc_.tokens[k + 1].kind == TokenKind::kPunct && !is_punct(k + 1, '%') &&
                                                !is_punct(k + 1, ':') && !is_punct(k + 1, '/')))) {
        b = P{};  // "2018-09-23 1p.m. to 4": a marked time, then a bare hour that ends the phrase
        b->e.hour = num(k);
        b->end = k + 1;
      }
      // Like days: "Monday to Friday", "today till tomorrow" (not "Monday until 2020").
      const bool days = a->e.hour < 0 && b && b->e.hour < 0 && b->e.mod.empty() &&
                        ((a->e.weekday >= 0 && b->e.weekday >= 0 && a->e.day < 0 && b->e.day < 0 &&
                          a->e.rel_unit == b->e.rel_unit) ||
                         (a->e.rel_unit == 'D' && b->e.rel_unit == 'D' && b->e.rel_n > a->e.rel_n && a->e.pod.empty() &&
                          b->e.pod.empty()));
      if (b && b->e.type == ExprType::kDate && (a->e.hour >= 0) == (b->e.hour >= 0) &&
          (a->e.hour >= 0 || a->e.month >= 0 || a->e.year >= 0 || days)) {
        share_ampm(a->e, b->e);
        if (a->e.hour >= 0 && a->e.has_date() && !b->e.has_date()) {  // Thursday 19:00 - 21:00
          Expr d = a->e;
          d.hour = b->e.hour; d.minute = b->e.minute; d.second = b->e.second; d.ampm = b->e.ampm;
          if (!b->e.pod.empty()) d.pod = b->e.pod;
          b->e = d;
        }
        if (a->e.hour >= 0 && !a->e.has_date() && b->e.has_date()) {  // 3:00 to 4:00 tomorrow
          Expr d = b->e;
          d.hour = a->e.hour; d.minute = a->e.minute; d.second = a->e.second; d.ampm = a->e.ampm;
          a->e = d;
        }
        if (a->e.month < 0 && a->e.day >= 0 && b->e.month >= 0) a->e.month = b->e.month;
        if (a->e.year < 0 && b->e.year >= 0 && a->e.month >= 0) a->e.year = b->e.year;
        P p = range(a->e, b->e, b->end, "time.range");
        attach_date(p);
        attach_year(p);
        return p;
      }
    }
  }
  return a;
}

// "USA Today", "Breitbart News Daily", "the Arab Spring", "the Daily Mail": a capitalized time word
// flagged `name` inside a sentence, next to a capitalized word that is no time word. In French,
// where these words are written in lower case, the capital alone makes the name ("le Printemps arabe").
bool Grammar::in_name(uint32_t a, uint32_t b) const {
  for (uint32_t t = std::max(a, first_ + 1); t < b; ++t) {
    const Token& tok = doc_.tokens[t];
    if (!tok.has(kCapitalized) || !any_lex(t)) continue;
    const Token& prev = doc_.tokens[t - 1];
    if (prev.kind != TokenKind::kWord) continue;  // after a quote or a colon a sentence may start
    uint32_t e = 0;
    for (uint32_t m = s_.match_begin[t]; m < s_.match_begin[t + 1] && !e; ++m)
      if (lex_.entry(s_.matches[m].payload).name) e = s_.matches[m].end;
    if (!e) continue;
    if (lex_.lower_months()) return true;
    auto proper = [&](uint32_t u) {
      return u >= first_ && u < end_ && doc_.tokens[u].kind == TokenKind::kWord && capitalized(u) && !any_lex(u);
    };
    if (proper(t - 1) || proper(e)) return true;
  }
  return false;
}

bool Grammar::is_age(uint32_t a, uint32_t b, const timeexpr::Expr& e) const {
  if (e.type != ExprType::kDuration || e.unit != 'Y' || e.unit2 || e.amount <= 0 || a <= first_) return false;
  // the end of a range of ages: "âgés de 18 à 60 ans", "entre 18 et 60 ans" after an age word
  if (a >= first_ + 2 && (kinds(a - 2) & (kNumberBit | kWordNumberBit)) && (lex(a - 1, Kind::kTo) || lex(a - 1, Kind::kAnd))) {
    const uint32_t s = a - 2;
    if (s > first_ && (lex(s - 1, Kind::kOf) || lex(s - 1, Kind::kBetween)) && s > first_ + 1 &&
        doc_.tokens[s - 2].kind == TokenKind::kWord && lex_.age_role(doc_.folded_key(doc_.tokens[s - 2])) == 'p')
      return true;
  }
  auto role = [&](uint32_t t) {
    if (t < first_ || t >= end_ || doc_.tokens[t].kind != TokenKind::kWord) return char{0};
    return lex_.age_role(doc_.folded_key(doc_.tokens[t]));
  };
  if (role(b) == 'o' || role(a - 1) == 'p') return true;  // 28 years old; aged 28
  // two words before the count, which ends the clause: "il avait 47 ans.", "elle a 12 ans," (not "il y
  // avait 3 ans", "il a 3 ans pour agir")
  if (a > first_ + 1 && (b >= end_ || doc_.tokens[b].kind == TokenKind::kPunct) && doc_.tokens[a - 2].kind == TokenKind::kWord && doc_.tokens[a - 1].kind == TokenKind::kWord &&
      lex_.age_role(std::string(doc_.folded_key(doc_.tokens[a - 2])) + " " +
                    std::string(doc_.folded_key(doc_.tokens[a - 1]))) == 'p')
    return true;
  if (lex(a - 1, Kind::kOf) && a > first_ + 1) {
    const char r = role(a - 2);  // âgé de 29 ans, l'âge de 77 ans, un homme de 29 ans
    if (r == 'p' || r == 'h') return true;
  }
  // an apposition: "Le garçon, 12 ans, a disparu"
  return is_punct(a - 1, ',') && is_punct(b, ',') && a > first_ + 1 && doc_.tokens[a - 2].kind == TokenKind::kWord;
}

void Grammar::run(size_t sentence, std::vector<Found>& out) {
  first_ = doc_.sentences[sentence].first_token;
  end_ = std::min<uint32_t>(doc_.sentences[sentence].end_token, static_cast<uint32_t>(doc_.tokens.size()));
  len_ = end_ - first_;
  // The sentence's strong tokens, in order: the one ahead of i is the first not before it.
  const uint32_t* next_strong = s_.strong.data() + s_.sentence_strong[sentence];
  const uint32_t* const strong_end = s_.strong.data() + s_.sentence_strong[sentence + 1];
  for (uint32_t i = first_; i < end_;) {
    const uint32_t k = i;
    while (next_strong != strong_end && *next_strong < k) ++next_strong;
    if (next_strong == strong_end) break;
    const uint32_t strong = *next_strong;
    // A parse is tried only where a strong token (a number, a month, a unit...)
    // lies within reach: at most three tokens after the longest phrase at i
    // (dans les prochains mois).
    uint32_t reach = i + 1;
    reach = std::max(reach, longest_at(k));
    // (a bound or an approximation after it does not count: "il y a plus d'un an", "il y a près d'un an")
    if (strong > reach + 2 && (s_.kinds[k] & (bit(Kind::kAgoPre) | bit(Kind::kInPre))) &&
        (kinds(reach) & (bit(Kind::kMore) | bit(Kind::kLess) | bit(Kind::kApprox))))
      reach = s_.matches[s_.match_begin[reach]].end;
    if (strong > reach + 2) {
      const uint32_t back = lex_.matcher().max_tokens() + 2;
      i = std::max(i + 1, strong > back ? strong - back : 0);
      continue;
    }
    const Token& t = doc_.tokens[i];
    if (t.kind == TokenKind::kPunct || (t.kind != TokenKind::kNumber && !any_lex(i) && !t.has(kHyphenated) &&
                                        !(s_.kinds[k] & kWordNumberBit))) {
      ++i;
      continue;
    }
    // "Good afternoon, colleagues", "Easter Island": a phrase with a time word that is no time.
    // ("24/7" is round the clock; "24/7/2024", glued on, a date.)
    // (unless a longer phrase starts here: "as soon as possible" is a time, "as soon as it ends" none)
    if (uint32_t se = 0; (s_.kinds[k] & bit(Kind::kStop)) && lex(i, Kind::kStop, &se) && se >= longest_at(i) &&
                         !(glued(se) && (is_punct(se, '/') || is_punct(se, '.') || is_punct(se, '-')) && num(se + 1) >= 0)) {
      i = se;
      continue;
    }
    Opt p = full(i);
    if (p && p->end > i && (in_name(i, p->end) || is_age(p->start > i && p->start < p->end ? p->start : i,
                                                         p->end, p->e))) {
      i = p->end;
    } else if (p && p->end > i) {
      out.push_back({p->start > i && p->start < p->end ? p->start : i, p->end, std::move(p->e), p->rule, p->where});
      i = p->end;
    } else {
      ++i;
    }
  }
}

}  // namespace claimtrace::timegrammar
