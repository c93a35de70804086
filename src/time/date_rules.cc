// Calendar dates and periods: 29 juin 2025, June 29th, 29/06/2025,
// 2025-06-29, juin 2024, 2024, mardi 1er juillet, l'été 2024, Q3 2024,
// the 1990s, fin 2024, mid-June.
#include "time/time_grammar.h"
#include "time/calendar.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace claimtrace::timegrammar {

using timeexpr::Expr;
using timeexpr::ExprType;
using timelex::Kind;

Grammar::Opt Grammar::optional_year(P p) {
  // "6 septembre l'an prochain", "June 29 last year", "June 1 of this year": the year from the reference.
  if (Opt y = period_shift(skip(p.end, Kind::kOf)); y && y->e.rel_unit == 'Y' && y->e.type == ExprType::kDate) {
    p.e.rel_unit = 'Y';
    p.e.rel_n = y->e.rel_n;
    p.end = y->end;
    return p;
  }
  uint32_t j = skip_punct(p.end, ',');
  j = skip(j, Kind::kOf);
  // "26 June in 2019": a written year after "in" (not "June 26 in 40 cities")
  if (const uint32_t y = skip(j, Kind::kYearIntro); y > j && p.e.day >= 0 && ndigits(y) == 4 && num(y) >= 1000 && num(y) <= 2200)
    j = y;
  // « l'été de l'année 2016 », "the summer of the year 2016"
  if (const uint32_t y = skip(skip(j, Kind::kDet), Kind::kYearIntro);
      y > skip(j, Kind::kDet) && j > p.end && ndigits(y) == 4 && num(y) >= 1000 && num(y) <= 2200)
    j = y;
  const int n = num(j);
  int wy = 0;
  uint32_t wye = 0;
  if (ndigits(j) == 4 && n >= 1000 && n <= 2200) {
    p.e.year = n;
    p.end = j + 1;
  } else if (n < 0 && p.e.day >= 0 && word_year(j, wy, wye)) {  // September 10, nineteen zero one
    p.e.year = wy;
    p.end = wye;
  } else if (ndigits(p.end) == 2 && is_punct(p.end - 1, '\'') ) {
    p.e.year = 2000 + num(p.end);
    p.end += 1;
  } else if (ndigits(j) == 2 && num(j) > 31 && (j > p.end || p.e.day >= 0) &&
             (j + 1 >= end_ || doc_.tokens[j + 1].kind == TokenKind::kPunct) &&  // "February 16, 17," lists days
             !is_punct(j + 1, '%') && !is_punct(j + 1, ':') && !is_punct(j + 1, '/')) {
    p.e.year = num(j) + (num(j) < 50 ? 2000 : 1900);  // 15 April of 87, 1er avril 78,
    p.end = j + 1;
  }
  return p;
}

Grammar::Opt Grammar::day_month_year(uint32_t i) {
  if (!opens_day_month_year(i)) return std::nullopt;  // fail fast
  uint32_t j = i;
  if (const auto* det = lex(i, Kind::kDet, &j); !det || !det->in_span) j = i;
  int day = 0;
  uint32_t k = 0;
  if (!day_at(j, day, k)) return std::nullopt;
  if (j > first_ && doc_.tokens[j - 1].kind == TokenKind::kSymbol) return std::nullopt;  // $12 December 27
  k = skip_punct(k, '.');
  const uint32_t before_of = k;
  k = skip(k, Kind::kOf);
  uint32_t me = 0;
  const auto* m = lex(k, Kind::kMonth, &me);
  if (!m) return std::nullopt;
  // "One may ask"; a digit day before and a four-digit year after make it a month ("6 jan 2017", "12 may 2019"),
  // and so does an ordinal day with "of" ("the 3rd of may"; a word ordinal with its article: "the third of march",
  // not "a third of march participants").
  const bool ordinal_of = k > before_of && ((j > i && lex(j, Kind::kOrdinal)) ||
                                            (num(j) >= 0 && glued(j + 1) && lex(j + 1, Kind::kOrdSuffix)));
  if (m->ambiguous && !lex_.lower_months() && !capitalized(k) && !ordinal_of &&
      !(num(j) >= 0 && ndigits(skip_punct(skip_punct(me, '.'), ',')) == 4))
    return std::nullopt;
  if (m->abbrev) me = skip_punct(me, '.');
  P p = date(-1, m->ival, day, me, "time.date.day_month", m->where);
  Opt q = optional_year(p);
  uint32_t de = 0;
  if (q->e.year < 0) {
    if (const auto* d = lex(q->end, Kind::kDir, &de); d && d->ival != 0) {  // 29 juin dernier
      q->e.dir = d->ival;
      q->e.has_dir = true;
      q->end = de;
    }
  }
  return q;
}

Grammar::Opt Grammar::month_day_year(uint32_t i) {
  if (!(kinds(i) & kMonthDayYearHeads)) return std::nullopt;  // fail fast
  uint32_t me = 0;
  const auto* m = lex(i, Kind::kMonth, &me);
  if (!m) return std::nullopt;
  uint32_t k = m->abbrev ? skip_punct(me, '.') : me;
  // Nov/2, Sep-23-2020: a glued separator between month and day
  const bool slashed = (is_punct(k, '/') || is_punct(k, '-')) && glued(k) && glued(k + 1) && num(k + 1) >= 0;
  if (slashed) ++k;
  int day = 0;
  uint32_t de = 0;
  // "April the ninth", "April the 9th": an article, then an ordinal day (not "April the 9 ...")
  if (uint32_t dk = 0; !slashed && lex(k, Kind::kDet, &dk) && dk > k && day_at(dk, day, de) &&
                       (lex(dk, Kind::kOrdinal) || (num(dk) >= 0 && lex(dk + 1, Kind::kOrdSuffix))) &&
                       !(de < end_ && doc_.tokens[de].kind == TokenKind::kWord && !any_lex(de) && !capitalized(de)))
    k = dk;  // ("in May the first time": an ordinal before a noun)
  if (!day_at(k, day, de) || is_punct(de, '%')) return std::nullopt;  // "rose in June 12%"
  if (slashed && (is_punct(de, '/') || is_punct(de, '-')) && glued(de) && ndigits(de + 1) == 4) {
    return date(num(de + 1), m->ival, day, de + 2, "time.date.month_day", m->where);
  }
  // "sept trente" is a time; "Jan first", "May twenty-first" are dates (an ordinal after a capitalized month).
  if ((m->abbrev || m->ambiguous) && num(k) < 0 && !(lex(k, Kind::kOrdinal) && capitalized(i) && !lex_.lower_months()))
    return std::nullopt;
  if (m->ambiguous && !lex_.lower_months() && !capitalized(i) &&
      !(num(k) >= 0 && ndigits(skip_punct(de, ',')) == 4))  // "jan 5, 2018": a day and a year make it a month
    return std::nullopt;
  // "June 2024" is a month and a year, not a day.
  if (ndigits(k) == 4) return std::nullopt;
  return optional_year(date(-1, m->ival, day, de, "time.date.month_day", m->where));
}

Grammar::Opt Grammar::month_year(uint32_t i) {
  if (!(kinds(i) & kMonthYearHeads)) return std::nullopt;  // fail fast
  uint32_t j = i;
  int pre_dir = 0;
  bool has_pre_dir = false;
  if (const auto* d = lex(i, Kind::kDir, &j)) { pre_dir = d->ival; has_pre_dir = true; } else j = i;
  const bool intro = has_pre_dir || lex(j, Kind::kMonthIntro, &j) != nullptr;
  if (intro) j = skip(j, Kind::kOf);
  uint32_t me = 0;
  const auto* m = lex(j, Kind::kMonth, &me);
  if (!m) return std::nullopt;
  if (m->abbrev) me = skip_punct(me, '.');
  P p = date(-1, m->ival, -1, me, "time.date.month", m->where);
  if (has_pre_dir) { p.e.dir = pre_dir; p.e.has_dir = true; }
  uint32_t k = skip_punct(skip(me, Kind::kOf), ',');
  const int n = num(k);
  int wy = 0;
  uint32_t wye = 0;
  if (ndigits(k) == 4 && n >= 1000 && n <= 2200) {
    p.e.year = n;
    p.end = k + 1;
  } else if (n < 0 && word_year(k, wy, wye)) {  // October two thousand and five
    p.e.year = wy;
    p.end = wye;
  } else if (ndigits(k) == 2 && is_punct(k - 1, '\'')) {
    p.e.year = 2000 + n;
    p.end = k + 1;
  } else if (ndigits(k) == 2 && n > 31 && (k + 1 >= end_ || doc_.tokens[k + 1].kind == TokenKind::kPunct) &&
             !is_punct(k + 1, '%') && !is_punct(k + 1, ':') && !is_punct(k + 1, '/')) {
    p.e.year = n + (n < 50 ? 2000 : 1900);  // April of 87, en juillet 98,
    p.end = k + 1;
  } else if (Opt y = has_pre_dir ? std::nullopt : period_shift(skip(me, Kind::kOf));
             y && y->e.rel_unit == 'Y' && y->e.type == ExprType::kDate) {
    p.e.rel_unit = 'Y';  // June last year, March of this year, juin l'an dernier: that year's month
    p.e.rel_n = y->e.rel_n;
    p.end = y->end;
  } else {
    uint32_t de = 0;
    if (const auto* d = lex(me, Kind::kDir, &de); d && d->ival != 0) {  // juin dernier
      p.e.dir = d->ival;
      p.e.has_dir = true;
      p.end = de;
    } else if (!intro && !month_ok(j, me, *m, false)) {
      return std::nullopt;
    } else if (m->ambiguous && !capitalized(j) && !lex_.lower_months()) {
      return std::nullopt;
    }
  }
  if (!intro && p.e.year < 0 && !p.e.has_dir && !month_ok(j, me, *m, false)) return std::nullopt;
  return p;
}

// 29/06/2025, 06/29/2025 (MDY languages), 2025-06-29, 29.06.2025, 29/06, 2016/11, 11/2016.
Grammar::Opt Grammar::numeric_date(uint32_t i) {
  static_assert(kNumericDateHeads == kNumberBit, "num(i) reads digit tokens only");
  const int a = num(i);
  if (a < 0) return std::nullopt;
  // Part of a longer code: 123-12-1234, 133-03-03-2020.
  if (i > first_ && glued(i) && (is_punct(i - 1, '-') || is_punct(i - 1, '/')) && num(i - 2) >= 0) return std::nullopt;
  const uint32_t s1 = i + 1;
  char sep = 0;
  for (char c : {'/', '-', '.'}) if (is_punct(s1, c) && glued(s1) && glued(s1 + 1)) sep = c;
  if (!sep && is_punct(s1, '/') && num(s1 + 1) >= 0 && (ndigits(i) == 4) != (ndigits(s1 + 1) == 4) &&
      !is_punct(s1 + 2, '/')) {
    sep = '/';  // "11 / 2016": a month and a year, spaced
    if (std::min(ndigits(i), ndigits(s1 + 1)) > 2) return std::nullopt;
  }
  if (!sep) return std::nullopt;
  const int b = num(s1 + 1);
  if (b < 0) {
    // 2019-aug-01, 2020/Sep/23: year, month name, day, glued by one separator
    uint32_t me = 0;
    const auto* m = ndigits(i) == 4 && sep != '.' ? lex(s1 + 1, Kind::kMonth, &me) : nullptr;
    if (!m || me != s1 + 2 || !is_punct(me, sep) || !glued(me) || !glued(me + 1) || ndigits(me + 1) > 2 ||
        num(me + 1) < 1 || num(me + 1) > 31)
      return std::nullopt;
    return date(a, m->ival, num(me + 1), me + 2, "time.date.numeric", m->where);
  }
  P p;
  p.rule = "time.date.numeric";
  if (sep == '-' && ndigits(i) == 4 && ndigits(s1 + 1) == 4 && a >= 1000 && b > a && b <= 2200 &&
      !(i > first_ && glued(i) && (is_punct(i - 1, '-') || is_punct(i - 1, '+'))) &&
      !(glued(s1 + 2) && (is_punct(s1 + 2, '-') || num(s1 + 2) >= 0))) {
    // 2014-2018: a range of years
    Expr ya, yb;
    ya.year = a;
    yb.year = b;
    p.e.type = ExprType::kRange;
    p.e.parts = {ya, yb};
    p.end = s1 + 2;
    p.rule = "time.range.years";
    return p;
  }
  const uint32_t s2 = s1 + 2;
  const bool third = is_punct(s2, sep) && glued(s2) && glued(s2 + 1) && num(s2 + 1) >= 0;
  if (third) {
    const int c = num(s2 + 1);
    p.end = s2 + 2;
    if (ndigits(i) == 4) {  // Y-M-D
      if (b < 1 || b > 12 || c < 1 || c > 31) return std::nullopt;
      p.e.year = a; p.e.month = b; p.e.day = c;
    } else {
      int d = a, m = b;
      if (!lex_.day_first() && a <= 12) { d = b; m = a; }
      if (m > 12 && d <= 12) std::swap(d, m);
      if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
      int y = c;
      if (ndigits(s2 + 1) == 2) y += y < 50 ? 2000 : 1900;
      else if (ndigits(s2 + 1) != 4) return std::nullopt;
      p.e.year = y; p.e.month = m; p.e.day = d;
    }
    if (sep == '.' && ndigits(i) != 4 && ndigits(s2 + 1) != 4) return std::nullopt;
    if (glued(s2 + 2) && (is_punct(s2 + 2, '-') || is_punct(s2 + 2, '/')) && num(s2 + 3) >= 0) return std::nullopt;
    return p;
  }
  p.end = s1 + 2;
  if (ndigits(i) == 4 && b >= 1 && b <= 12 && sep != '.') {  // 2016/11
    p.e.year = a; p.e.month = b;
    return p;
  }
  if (ndigits(s1 + 1) == 4 && a >= 1 && a <= 12 && sep != '.') {  // 11/2016
    p.e.year = b; p.e.month = a;
    return p;
  }
  if (sep == '/' && ndigits(i) <= 2 && ndigits(s1 + 1) <= 2) {  // 29/06
    int d = a, m = b;
    if (!lex_.day_first() && a <= 12) { d = b; m = a; }
    if (m > 12 && d <= 12) std::swap(d, m);
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    // A fraction or a score ("1/2", "3/4") is not a date: ask for a day above 12 or a context word.
    // ("this 5/12" where a date may end; "the last 3/4 of the games", "the last 3/4 hours" are fractions)
    auto dir_date_ends = [&](uint32_t e) {
      return e >= end_ || (doc_.tokens[e].kind == TokenKind::kPunct && !is_punct(e, '%')) ||
             (any_lex(e) && !lex(e, Kind::kOf) && !lex(e, Kind::kUnit));
    };
    if (d <= 12 && m <= 12 && !(i > first_ && (lex(i - 1, Kind::kDet) || lex(i - 1, Kind::kAt) || lex(i - 1, Kind::kWeekday) ||
                                               (lex(i - 1, Kind::kDir) && dir_date_ends(s1 + 2)))))
      return std::nullopt;
    p.e.month = m; p.e.day = d;
    return p;
  }
  return std::nullopt;
}

// "10/1-11/7", "28/2-1/3", "10/1-11/2/2017", "5/1-5/7, 2020": two day/month dates glued by a
// hyphen, the year after the second for both. Two such pairs in a row are dates even when every
// number is 12 or less (a lone "1/2" stays a fraction).
Grammar::Opt Grammar::slash_date_range(uint32_t i) {
  auto day_month = [&](uint32_t k, Expr& x) {
    const int a = num(k), b = num(k + 2);
    if (a < 1 || b < 1 || ndigits(k) > 2 || ndigits(k + 2) > 2 || !is_punct(k + 1, '/') || !glued(k + 1) ||
        !glued(k + 2))
      return false;
    int d = a, m = b;
    if (!lex_.day_first() && a <= 12) { d = b; m = a; }
    if (m > 12 && d <= 12) std::swap(d, m);
    if (m > 12 || d > 31) return false;
    x.day = d;
    x.month = m;
    return true;
  };
  if (i > first_ && glued(i) && (is_punct(i - 1, '-') || is_punct(i - 1, '/'))) return std::nullopt;  // a code
  Expr a, b;
  if (!day_month(i, a) || !is_punct(i + 3, '-') || !glued(i + 3) || !glued(i + 4) || !day_month(i + 4, b))
    return std::nullopt;
  uint32_t end = i + 7;
  if (is_punct(end, '/') && glued(end) && glued(end + 1) && num(end + 1) >= 0 &&
      (ndigits(end + 1) == 4 || ndigits(end + 1) == 2)) {
    a.year = b.year = ndigits(end + 1) == 4 ? num(end + 1) : 2000 + num(end + 1) - (num(end + 1) < 50 ? 0 : 100);
    end += 2;
  }
  if (glued(end) && (is_punct(end, '-') || is_punct(end, '/'))) return std::nullopt;  // 1/2-3/4-5/6
  for (const Expr* x : {&a, &b})  // 31/4, 29/2 outside a leap year (or without a year): no date
    if (x->day > timecal::days_in_month(x->year >= 0 ? x->year : 2001, x->month)) return std::nullopt;
  if (a.year < 0 && end < end_ && doc_.tokens[end].kind == TokenKind::kWord && !any_lex(end) && !capitalized(end))
    return std::nullopt;  // "1/2-3/4 cup": fractions before a noun
  P r = range(a, b, end, "time.range.slash_dates");
  if (a.year < 0) {  // "5/1-5/7, 2020"
    const uint32_t j = skip_punct(end, ',');
    if (ndigits(j) == 4 && num(j) >= 1000 && num(j) <= 2200) {
      for (Expr& x : r.e.parts) x.year = num(j);
      r.end = j + 1;
    }
  }
  return r;
}

// 13.5.2015, 23.04.2022, 2015.5.13: the tokenizer keeps a dotted date as one number token.
// Only day.month.year with a four-digit year, or year.month.day: "1.5.2" (a version) stays out.
Grammar::Opt Grammar::dotted_date(uint32_t i) {
  if (i < first_ || i >= end_ || doc_.tokens[i].kind != TokenKind::kNumber) return std::nullopt;
  const std::string_view v = doc_.normalized_of(doc_.tokens[i]);
  int part[3] = {0, 0, 0};
  size_t len[3] = {0, 0, 0};
  size_t k = 0;
  for (char c : v) {
    if (c == '.') {
      if (++k > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9' && len[k] < 4) {
      part[k] = part[k] * 10 + (c - '0');
      ++len[k];
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || !len[0] || !len[1] || !len[2]) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) { y = part[0]; m = part[1]; d = part[2]; }
  else if (len[2] == 4 && len[0] <= 2 && len[1] <= 2) { d = part[0]; m = part[1]; y = part[2]; }
  else return std::nullopt;
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return date(y, m, d, i + 1, "time.date.numeric");
}

// 02 04 2009, 18 8 1978: day, month and four-digit year apart by spaces, in day-first languages.
// A number just before or after makes it a list of figures, not a date.
Grammar::Opt Grammar::spaced_date(uint32_t i) {
  if (i + 2 >= end_) return std::nullopt;
  // "2016 10 16": year first, two-digit month and day, is ISO order with spaces in any language
  if (ndigits(i) == 4 && ndigits(i + 1) == 2 && ndigits(i + 2) == 2 && !glued(i + 1) && !glued(i + 2) &&
      !(i > first_ && doc_.tokens[i - 1].kind == TokenKind::kNumber) &&
      !(i + 3 < end_ && (doc_.tokens[i + 3].kind == TokenKind::kNumber || doc_.tokens[i + 3].kind == TokenKind::kWord))) {
    const int y = num(i), m = num(i + 1), d = num(i + 2);
    if (y >= 1000 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= timecal::days_in_month(y, m))
      return date(y, m, d, i + 3, "time.date.spaced");
  }
  if (!lex_.day_first()) return std::nullopt;
  if (glued(i + 1) || glued(i + 2) || ndigits(i) > 2 || ndigits(i + 1) > 2 || ndigits(i + 2) != 4) return std::nullopt;
  if ((i > first_ && doc_.tokens[i - 1].kind == TokenKind::kNumber) ||
      (i + 3 < end_ && doc_.tokens[i + 3].kind == TokenKind::kNumber))
    return std::nullopt;
  const int d = num(i), m = num(i + 1), y = num(i + 2);
  if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1000 || y > 2200) return std::nullopt;
  return date(y, m, d, i + 3, "time.date.spaced");
}

// Sep-23-2020, Jan-1, 1-jan-2020, 2019-sep-1, Mar-2020: the tokenizer keeps a month name glued by
// hyphens to numbers as one word; its parts are read alone, as the dotted date's are. A word
// without a number part ("Mar-a-Lago") is no date.
Grammar::Opt Grammar::hyphen_month_date(uint32_t i) {
  uint32_t w = i;
  int year = -1, lead_day = -1;
  if (num(i) >= 0 && is_punct(i + 1, '-') && glued(i + 1) && glued(i + 2)) {
    // 2019-sep-1, 12-jan-2021: a year or a day, a hyphen, then the rest in one word
    if (ndigits(i) == 4 && num(i) >= 1000 && num(i) <= 2200) year = num(i);
    else if (ndigits(i) <= 2 && num(i) >= 1 && num(i) <= 31) lead_day = num(i);
    if (year >= 0 || lead_day >= 0) w = i + 2;
  }
  if (w < first_ || w >= end_ || !doc_.tokens[w].has(kHyphenated)) return std::nullopt;
  const std::string_view key = doc_.folded_key(doc_.tokens[w]);
  int value[3] = {0, 0, 0};
  size_t len[3] = {0, 0, 0};
  int month_at = -1;
  const timelex::Entry* month = nullptr;
  size_t n = 0;
  for (size_t from = 0; from <= key.size(); ++n) {
    const size_t to = std::min(key.find('-', from), key.size());
    if (n == 3) return std::nullopt;
    const std::string_view part = key.substr(from, to - from);
    if (!part.empty() && part.size() <= 4 && part.find_first_not_of("0123456789") == std::string_view::npos) {
      for (char c : part) value[n] = value[n] * 10 + (c - '0');
      len[n] = part.size();
    } else {
      const auto* entries = part.empty() || month ? nullptr : lex_.word(part);
      if (!entries) return std::nullopt;
      for (uint32_t x : *entries)
        if (lex_.entry(x).kind == Kind::kMonth) month = &lex_.entry(x);
      if (!month) return std::nullopt;
      month_at = static_cast<int>(n);
    }
    from = to + 1;
  }
  if (!month || n < 2) return std::nullopt;
  auto is_day = [&](size_t k) { return len[k] && len[k] <= 2 && value[k] >= 1 && value[k] <= 31; };
  auto is_year = [&](size_t k) { return len[k] == 4 && value[k] >= 1000 && value[k] <= 2200; };
  int day = -1;
  if (lead_day >= 0) {
    if (n != 2 || month_at != 0 || !is_year(1)) return std::nullopt;
    return date(value[1], month->ival, lead_day, w + 1, "time.date.hyphen_month", month->where);
  }
  if (n == 2 && month_at == 0 && is_day(1)) day = value[1];                     // Jan-1
  else if (n == 2 && month_at == 0 && is_year(1) && year < 0) year = value[1];  // Mar-2020
  else if (n == 2 && month_at == 1 && is_day(0) && year < 0) day = value[0];    // 1-jan
  else if (n == 3 && year < 0 && month_at == 0 && is_day(1) && is_year(2)) { day = value[1]; year = value[2]; }
  else if (n == 3 && year < 0 && month_at == 1 && is_day(0) && is_year(2)) { day = value[0]; year = value[2]; }
  else if (n == 3 && year < 0 && month_at == 1 && is_year(0) && is_day(2)) { year = value[0]; day = value[2]; }
  else return std::nullopt;
  return date(year, month->ival, day, w + 1, "time.date.hyphen_month", month->where);
}

// 2017 april, 2016, nov: a year then a month (not an ambiguous one, and no day after it).
Grammar::Opt Grammar::year_month(uint32_t i) {
  const int y = num(i);
  if (ndigits(i) != 4 || y < 1000 || y > 2200) return std::nullopt;
  const uint32_t j = skip_punct(i + 1, ',');
  uint32_t me = 0;
  const auto* m = lex(j, Kind::kMonth, &me);
  if (!m || m->ambiguous) return std::nullopt;
  if (m->abbrev) me = skip_punct(me, '.');
  double day = 0;
  uint32_t day_end = 0;
  if (count_at(me, day, day_end)) return std::nullopt;  // 2017 April 5: another reading
  return date(y, m->ival, -1, me, "time.date.year_month", m->where);
}

Grammar::Opt Grammar::year_alone(uint32_t i) {
  if (!(kinds(i) & kYearAloneHeads)) return std::nullopt;  // fail fast: word_year() and year_context() need these
  if (int y = 0; num(i) < 0 && i > first_ && lex(i - 1, Kind::kYearIntro)) {
    uint32_t ye = 0;
    if (!word_year(i, y, ye)) return std::nullopt;  // in nineteen ninety six
    P p;
    p.e.year = y;
    p.end = ye;
    p.rule = "time.date.year_words";
    return p;
  }
  if (!year_context(i)) return std::nullopt;
  if ((is_punct(i + 1, '/') || is_punct(i + 1, '-')) && glued(i + 1) && num(i + 2) >= 0) return std::nullopt;
  // the end of a code or a phone number: 138-2010-2015, 12/2015 is read by numeric_date
  if (i > first_ + 1 && glued(i) && (is_punct(i - 1, '/') || is_punct(i - 1, '-')) && glued(i - 1) && num(i - 2) >= 0)
    return std::nullopt;
  P p;
  p.e.year = num(i);
  p.end = i + 1;
  p.rule = "time.date.year";
  return p;
}

Grammar::Opt Grammar::weekday_date(uint32_t i) {
  if (!(kinds(i) & kWeekdayDateHeads)) return std::nullopt;  // fail fast
  uint32_t j = i;
  uint32_t we = 0;
  uint32_t dj = j;
  int pre_dir = 0;
  bool has_pre_dir = false;
  if (const auto* d = lex(j, Kind::kDir, &dj)) { pre_dir = d->ival; has_pre_dir = true; j = dj; }
  const auto* w = lex(j, Kind::kWeekday, &we);
  if (!w) return std::nullopt;
  const bool dotted = w->abbrev && is_punct(we, '.');
  if (dotted && we + 1 < end_) ++we;  // (the sentence's own period stays out)
  P p;
  p.e.weekday = w->ival;
  p.end = we;
  p.rule = "time.date.weekday";
  p.where = w->where;
  if (has_pre_dir) { p.e.dir = pre_dir; p.e.has_dir = true; }
  uint32_t k = skip_punct(we, ',');
  // mardi 1er juillet, Tuesday, July 1, mardi 1er
  Opt d;
  take_longest(d, day_month_year(k));
  take_longest(d, month_day_year(k));
  if (Opt nd = numeric_date(skip(k, Kind::kDet)); nd && nd->e.day >= 0) take_longest(d, std::move(nd));
  if (d) {
    d->e.weekday = w->ival;
    d->rule = "time.date.weekday_date";
    return d;
  }
  int day = 0;
  uint32_t de = 0;
  const uint32_t dk = skip(k, Kind::kDet);
  // "Tuesday the 11th." ends a sentence; "Mon 12.5" is no day.
  // (digits or an ordinal, not a count: "on Monday, one questioner"; nor before a noun: "Tuesday 12 people died")
  if (!has_pre_dir && day_at(dk, day, de) && ndigits(dk) <= 2 && !is_punct(de, '-') &&
      (num(dk) >= 0 || lex(dk, Kind::kOrdinal)) &&
      !(de < end_ && doc_.tokens[de].kind == TokenKind::kWord && !any_lex(de) && !capitalized(de) &&
        !(kinds_[de] & kWordNumberBit) &&  // "monday the twenty fourth six pm"
        !(i > first_ && lex(i - 1, Kind::kDet))) &&  // "le samedi 11 avec Dan Ar Braz"
      !(is_punct(de, '.') && de == dk + 1 && num(dk) >= 0)) {
    // "mardi 1er", "lundi le 29": a day of the month with its weekday.
    if (!lex(de, Kind::kUnit) && !lex(de, Kind::kHourMark) && !is_punct(de, ':') && !lex(de, Kind::kAmPm)) {
      p.e.day = day;
      p.end = de;
      return p;
    }
  }
  // an abbreviation without its dot, or one that is also a word, is a day only with a dot, a direction, or
  // another weekday across "to" or "-": "from Tue to Thur" (not "The Sun and ...")
  auto weekday_across = [&]() {
    uint32_t k2 = we, e2 = 0;
    if (is_punct(k2, '-') || lex(k2, Kind::kTo, &e2) || lex(k2, Kind::kUntil, &e2))
      if (lex(e2 ? e2 : k2 + 1, Kind::kWeekday)) return true;
    if (i >= first_ + 2 && (is_punct(i - 1, '-') || lex(i - 1, Kind::kTo) || lex(i - 1, Kind::kUntil)))
      return lex(i - 2, Kind::kWeekday) != nullptr || (i >= first_ + 3 && is_punct(i - 2, '.') && lex(i - 3, Kind::kWeekday));
    return false;
  };
  if ((w->abbrev && !dotted) || (w->ambiguous && !has_pre_dir)) {
    if (has_pre_dir || !weekday_across()) return std::nullopt;
  }
  // mardi prochain / dernier (unless "vendredi cette semaine" follows)
  uint32_t de2 = 0;
  if (const auto* d2 = lex(we, Kind::kDir, &de2); d2 && !has_pre_dir) {
    uint32_t ue0 = 0;
    const auto* u0 = lex(de2, Kind::kUnit, &ue0);
    if (!(u0 && u0->sval == "W")) { p.e.dir = d2->ival; p.e.has_dir = true; p.end = de2; }
  }
  // Friday next week, vendredi cette semaine
  uint32_t ue = 0;
  uint32_t k2 = skip(skip(p.end, Kind::kOf), Kind::kDet);
  if (const auto* d3 = lex(k2, Kind::kDir, &ue)) {
    uint32_t ue2 = 0;
    if (const auto* u = lex(ue, Kind::kUnit, &ue2); u && u->sval == "W") {
      p.e.rel_unit = 'W'; p.e.rel_n = d3->ival; p.end = ue2;
    }
  } else if (const auto* u = lex(k2, Kind::kUnit, &ue); u && u->sval == "W") {
    uint32_t de3 = 0;
    if (const auto* d4 = lex(ue, Kind::kDir, &de3)) { p.e.rel_unit = 'W'; p.e.rel_n = d4->ival; p.end = de3; }
  }
  return p;
}

Grammar::Opt Grammar::season(uint32_t i) {
  if (!(kinds(i) & kSeasonHeads)) return std::nullopt;  // fail fast
  uint32_t j = skip(i, Kind::kDet);
  uint32_t dj = j;
  const auto* pre_dir = lex(j, Kind::kDir, &dj);
  if (pre_dir) j = dj;
  uint32_t se = 0;
  const auto* s = lex(j, Kind::kSeason, &se);
  if (!s) return std::nullopt;
  P p;  // (built past the test that turns most heads away)
  if (pre_dir) { p.e.dir = pre_dir->ival; p.e.has_dir = true; }
  if (s->ambiguous && j == i && !(i > first_ && (lex(i - 1, Kind::kYearIntro) || lex(i - 1, Kind::kOf) ||
                                                  lex(i - 1, Kind::kPart) || lex(i - 1, Kind::kSince)))) {
    const int y = num(skip(se, Kind::kOf));
    if (!(ndigits(skip(se, Kind::kOf)) == 4 && y >= 1000) && !lex(se, Kind::kDir)) return std::nullopt;
  }
  p.e.season = s->sval;
  p.end = se;
  p.rule = "time.date.season";
  p.where = s->where;
  uint32_t k = skip(se, Kind::kOf);
  const int n = num(k);
  if (ndigits(k) == 4 && n >= 1000 && n <= 2200) { p.e.year = n; p.end = k + 1; }
  else if (const auto* d = lex(se, Kind::kDir, &dj); d && !p.e.has_dir) { p.e.dir = d->ival; p.e.has_dir = true; p.end = dj; }
  if (p.e.has_dir && p.e.dir == 0) p.e.has_dir = true;
  return p;
}

// le troisième trimestre 2024, the third quarter of 2016, Q3 2024, le premier semestre.
Grammar::Opt Grammar::quarter(uint32_t i) {
  // Fail fast (called at every date head): each reading opens with one of these at i.
  if (!(kinds(i) & kQuarterHeads)) return std::nullopt;
  uint32_t j = skip(i, Kind::kDet);  // "le troisième trimestre", "the third quarter"
  int ord = 0;
  uint32_t oe = 0;
  // Q3 2016, H1 2016, 2019 Q3, Q3 this year, T3 2024: a period code with its year.
  const bool year = ndigits(i) == 4 && num(i) >= 1000 && num(i) <= 2200;
  const uint32_t code_at = year && is_punct(i + 1, '-') && glued(i + 1) && glued(i + 2) ? i + 2 : i + 1;  // 2019-H2
  const bool year_first = year && lex(code_at, Kind::kPeriodCode);
  if (const auto* c = lex(year_first ? code_at : i, Kind::kPeriodCode, &oe)) {
    P p;
    if (c->sval[0] == 'C' && !year_first) {  // a century written as a code: "XXe siècle" C20
      p.e.century = std::atoi(c->sval.c_str() + 1) - 1;
      p.end = oe;
      p.rule = "time.date.century_code";
      p.where = c->where;
      return p;
    }
    (c->sval[0] == 'Q' ? p.e.quarter : p.e.half) = c->sval[1] - '0';
    p.end = oe;
    p.rule = "time.date.period_code";
    p.where = c->where;
    if (year_first) {
      p.e.year = num(i);
    } else if (ndigits(oe) == 4 && num(oe) >= 1000 && num(oe) <= 2200) {
      p.e.year = num(oe);
      p.end = oe + 1;
    } else if (Opt y = period_shift(oe); y && y->e.rel_unit == 'Y' && y->e.type == ExprType::kDate) {
      p.e.dir = 0;  // Q3 this year, Q1 next year: that year
      if (y->e.rel_n == 0) p.e.has_dir = true;
      else return std::nullopt;
      p.end = y->end;
    } else if (!(i > first_ && (lex(i - 1, Kind::kYearIntro) || lex(i - 1, Kind::kFor) || lex(i - 1, Kind::kSince) ||
                                lex(i - 1, Kind::kBefore) || lex(i - 1, Kind::kAfter) || lex(i - 1, Kind::kUntil)))) {
      return std::nullopt;  // a code alone needs a time word before it: "during Q3", not "the H1 visa"
    }
    return p;
  }
  if (const auto* o = lex(j, Kind::kOrdinal, &oe)) {
    ord = o->ival;
  } else if (num(j) > 0 && glued(j + 1) && lex(j + 1, Kind::kOrdSuffix)) {
    ord = num(j); oe = j + 2;
  } else if (const auto* d = lex(skip_article(i), Kind::kDir, &oe)) {  // "next quarter" (English "the" stays out)
    uint32_t ue = 0;
    const auto* u = lex(oe, Kind::kUnit, &ue);
    if (!u || (u->sval != "Q" && u->sval != "H1")) return std::nullopt;
    P p;
    p.e.rel_unit = u->sval == "Q" ? 'Q' : 0;
    if (!p.e.rel_unit) return std::nullopt;
    p.e.rel_n = d->ival;
    p.end = ue;
    p.rule = "time.date.quarter_rel";
    return p;
  } else {
    return std::nullopt;
  }
  uint32_t ue = 0;
  const auto* u = lex(oe, Kind::kUnit, &ue);
  if (!u || (u->sval != "Q" && u->sval != "H1")) return std::nullopt;
  P p;  // (each reading builds its parse past its own tests: most heads pass none)
  if (u->sval == "Q") { if (ord > 4) return std::nullopt; p.e.quarter = ord; }
  else { if (ord > 2) return std::nullopt; p.e.half = ord; }
  p.end = ue;
  p.rule = "time.date.quarter";
  p.where = u->where;
  uint32_t k = skip(ue, Kind::kOf);
  const int n = num(k);
  if (ndigits(k) == 4 && n >= 1000 && n <= 2200) { p.e.year = n; p.end = k + 1; }
  else if (const auto* d = lex(skip(skip(ue, Kind::kOf), Kind::kDet), Kind::kDir, &oe)) {  // "of last year"
    uint32_t ye = 0;
    // (the year's shift, not a direction on the quarter: "the third quarter of last year" is last year's)
    if (const auto* yu = lex(oe, Kind::kUnit, &ye); yu && yu->sval == "Y") { p.e.rel_unit = 'Y'; p.e.rel_n = d->ival; p.e.year = -1; p.end = ye; }
  } else if (const auto* yu = lex(skip(skip(ue, Kind::kOf), Kind::kDet), Kind::kUnit, &oe); yu && yu->sval == "Y") {
    uint32_t de = 0;  // "de l'année dernière": the direction after the unit
    if (const auto* d2 = lex(oe, Kind::kDir, &de)) { p.e.rel_unit = 0; p.e.year = -1; p.e.dir = d2->ival; p.e.has_dir = true; p.end = de; }
  }
  return p;
}

// the 1990s, the '90s, les années 90, les années 1990.
Grammar::Opt Grammar::decade(uint32_t i) {
  if (!opens_decade(i)) return std::nullopt;  // fail fast
  // the 1990s, the 1970's, the '90s, the 70s, les années 90, les années 1990
  uint32_t j = i;
  const bool det = lex(i, Kind::kDet, &j) != nullptr;
  if (!det) j = i;
  uint32_t k = j;
  const bool intro = lex(j, Kind::kDecadeIntro, &k) != nullptr && k > j;
  if (intro) j = k;
  if (is_punct(j, '\'') && num(j + 1) >= 0 && ndigits(j + 1) == 2) ++j;  // the '90s
  const int n = num(j);
  if (n < 0 || n % 10 != 0) return std::nullopt;
  // a plural "s" glued to the number: 1990s, 1970's, 70s
  uint32_t se = j + 1;
  bool plural = false;
  if (glued(se) && se < end_) {
    std::string_view key = doc_.folded_key(doc_.tokens[se]);
    if (key == "s" || key == "'s") { plural = true; ++se; }
    else if (is_punct(se, '\'') && glued(se + 1) && se + 1 < end_ && doc_.folded_key(doc_.tokens[se + 1]) == "s") { plural = true; se += 2; }
  } else if (ndigits(j) == 4 && se < end_ && doc_.folded_key(doc_.tokens[se]) == "s" &&
             (se + 1 >= end_ || doc_.tokens[se + 1].kind == TokenKind::kPunct)) {
    plural = true;  // "in 1990 s.": the "s" split off by a typist (a two-digit "90 s" is 90 seconds)
    ++se;
  }
  P p;
  p.rule = "time.date.decade";
  if (ndigits(j) == 4 && (intro || plural)) {
    p.e.decade = n;
    p.end = plural ? se : j + 1;
    return p;
  }
  if (ndigits(j) == 2 && (intro || (plural && (det || is_punct(j - 1, '\''))))) {
    p.e.decade = 1900 + n;
    p.end = plural ? se : j + 1;
    if (!plural && glued(j + 1) && is_punct(j + 1, '\'')) p.end = j + 2;
    return p;
  }
  return std::nullopt;
}

// fin 2024, début juin, mi-juin, late 2024, early next year, the end of this year.
Grammar::Opt Grammar::part_of(uint32_t i) {
  if (!opens_part_of(i)) return std::nullopt;  // fail fast
  uint32_t j = skip_article(i);
  uint32_t pe = 0;
  const timelex::Entry* part = lex(j, Kind::kPart, &pe);
  std::string_view mod;
  if (part) {
    if (j > i) return std::nullopt;  // the article stays out: "la [fin de nuit]", "the [middle of 2000]"
    mod = part->sval;
    pe = skip(pe, Kind::kOf);
    pe = skip_punct(pe, '-');
  } else if (j == i && j < end_ && doc_.tokens[j].has(kHyphenated)) {
    // mi-juin, mid-June: one token; its parts are looked up alone (the article stays out: "la [mi-décembre]").
    std::string_view key = doc_.folded_key(doc_.tokens[j]);
    const size_t h = key.find('-');
    if (h == std::string_view::npos) return std::nullopt;
    const auto* head = lex_.word(key.substr(0, h));
    const auto* tail = lex_.word(key.substr(h + 1));
    if (!head) return std::nullopt;
    const timelex::Entry* hp = nullptr;
    for (uint32_t x : *head) if (lex_.entry(x).kind == Kind::kPart) hp = &lex_.entry(x);
    if (!hp) return std::nullopt;
    // mi-2024, mid-1990s (not "in his mid-20s": an age)
    std::string_view digits = key.substr(h + 1);
    const bool decade = digits.size() == 5 && digits.back() == 's';
    if (decade) digits.remove_suffix(1);
    int value = 0;
    if (digits.size() == 4 &&
        std::from_chars(digits.data(), digits.data() + 4, value).ptr == digits.data() + 4 &&
        (!decade || value % 10 == 0)) {
      P p;
      (decade ? p.e.decade : p.e.year) = value;
      p.e.mod = hp->sval;
      p.end = j + 1;
      p.rule = "time.part.hyphen";
      p.where = hp->where;
      return p;
    }
    if (!tail) return std::nullopt;
    for (uint32_t x : *tail) {
      const auto& t = lex_.entry(x);
      if (t.kind == Kind::kMonth || t.kind == Kind::kSeason) {
        P p;
        if (t.kind == Kind::kMonth) p.e.month = t.ival; else p.e.season = t.sval;
        p.e.mod = hp->sval;
        p.end = j + 1;
        p.rule = "time.part.hyphen";
        p.where = hp->where;
        return optional_year(p);
      }
    }
    return std::nullopt;
  } else {
    return std::nullopt;
  }
  Opt inner;
  const uint64_t at = kinds(pe);  // (each rule's head test, before the call, as in date())
  if (at & kMonthYearHeads) take_longest(inner, month_year(pe));
  if (at & kSeasonHeads) take_longest(inner, season(pe));
  if (opens_decade(pe)) take_longest(inner, decade(pe));
  if (at & kQuarterHeads) take_longest(inner, quarter(pe));
  if (ndigits(pe) == 4 && num(pe) >= 1000 && num(pe) <= 2200) {
    P y; y.e.year = num(pe); y.end = pe + 1; y.rule = "time.date.year";
    take_longest(inner, y);
  }
  take_longest(inner, period_shift(pe));
  if (kinds(skip(pe, Kind::kDet)) & bit(Kind::kUnit)) take_longest(inner, unit_period(skip(pe, Kind::kDet)));  // fin de l'année 2012
  if (at & kDayRelativeHeads) take_longest(inner, day_relative(pe));  // end of tomorrow: tomorrow's END
  if (at & kWeekdayDateHeads) take_longest(inner, weekday_date(pe));  // end of this Sunday
  if (!inner) {
    // "end of month", "fin du mois", "the end of the year": the current period.
    uint32_t ue = 0;
    const auto* u = lex(skip(pe, Kind::kDet), Kind::kUnit, &ue);
    // The day only after a weak part, one that ends with its preposition ("later in", French "fin de":
    // "en fin de journée"): English "at the end of the day" is an idiom.
    if (u && u->singular && (u->sval == "M" || u->sval == "Y" || u->sval == "W" || (u->sval == "D" && part && part->weak))) {
      // (a clock word says more: "milieu de journée" T12:00)
      if (uint32_t ce = 0; u->sval == "D" && lex(i, Kind::kClock, &ce) && ce >= ue) return std::nullopt;
      P cur;
      cur.e.rel_unit = u->sval[0];
      cur.e.rel_n = 0;
      cur.end = ue;
      cur.rule = "time.relative.period";
      inner = cur;
      // "la fin de la journée de mardi", "au début de la journée d'hier": that day's part
      if (uint32_t oe = 0; u->sval == "D" && lex(ue, Kind::kOf, &oe)) {
        Opt d = day_relative(oe);
        take_longest(d, weekday_date(oe));
        if (d && d->e.type == ExprType::kDate && d->e.hour < 0 && d->e.pod.empty() && d->e.mod.empty()) inner = d;
      }
    }
  }
  if (!inner) {
    // "mi-journée", "fin de matinée": a part of the day.
    Opt pod = part_of_day(pe);
    if (!pod) pod = part_of_day(skip(pe, Kind::kDet));  // English "the" is kept in other spans
    if (!pod) return std::nullopt;
    // "mid-morning", "milieu d'après-midi" listed as clock words are times of day.
    if (uint32_t ce = 0; lex(i, Kind::kClock, &ce) && ce >= pod->end) return std::nullopt;
    inner = pod;
  }
  if (inner->e.type != ExprType::kDate || inner->e.day >= 0 || inner->e.offset_sign) return std::nullopt;
  // "tard hier soir", "late Tuesday night": the part of that day's part
  if (inner->e.hour < 0 && inner->e.pod.empty() && inner->e.mod.empty() && (inner->e.rel_unit == 'D' || inner->e.weekday >= 0))
    if (Opt t = with_time(*inner); t && t->e.hour < 0 && t->e.mod.empty()) inner = t;
  if (mod == "REST") {
    // "the rest of the year", "the remainder of this week": from the reference day to the period's end.
    // Not a bare number: "the rest of 2000 soldiers".
    if (!(inner->e.rel_unit || inner->e.month >= 0 || !inner->e.season.empty()) || !inner->e.pod.empty()) return std::nullopt;
    Expr today;
    today.rel_unit = 'D';
    today.rel_n = 0;
    P r;
    r.e.type = ExprType::kRange;
    r.e.parts = {today, inner->e};
    r.end = inner->end;
    r.rule = "time.part.rest";
    r.where = part->where;
    return r;
  }
  inner->e.mod = mod;
  inner->rule = "time.part";
  inner->where = part->where;
  return inner;
}

// "profit rose at year end", "by year-end", "quarter-end", "month-end": a unit, then a part word that may
// follow it (flag post on the part row), is the current period's part (TimeML: 1989 END). Not the week:
// "week-end" is the weekend.
Grammar::Opt Grammar::period_end(uint32_t i) {
  const timelex::Entry* unit = nullptr;
  const timelex::Entry* part = nullptr;
  uint32_t end = i + 1;
  if (doc_.tokens[i].has(kHyphenated)) {
    const std::string_view key = doc_.folded_key(doc_.tokens[i]);
    const size_t dash = key.find('-');
    // (the tail first: few hyphenated words end with a time word)
    const auto* tail = dash == std::string_view::npos ? nullptr : lex_.word(key.substr(dash + 1));
    const auto* head = tail ? lex_.word(key.substr(0, dash)) : nullptr;
    if (!head) return std::nullopt;
    for (uint32_t x : *head) if (lex_.entry(x).kind == Kind::kUnit) unit = &lex_.entry(x);
    for (uint32_t x : *tail) if (lex_.entry(x).kind == Kind::kPart) part = &lex_.entry(x);
  } else if (uint32_t ue = 0; (unit = lex(i, Kind::kUnit, &ue))) {
    part = lex(ue, Kind::kPart, &end);
  }
  if (!unit || !part || !part->post || !unit->singular || !(unit->sval == "Y" || unit->sval == "Q" || unit->sval == "M"))
    return std::nullopt;
  P p;
  p.e.rel_unit = unit->sval[0];
  p.e.rel_n = 0;
  p.e.mod = part->sval;
  p.end = end;
  p.rule = "time.part.after_unit";
  p.where = part->where;
  return p;
}

// noël, Christmas 2024, thanksgiving, la fête des mères de 2015
Grammar::Opt Grammar::holiday(uint32_t i) {
  uint32_t he = 0;
  uint32_t hi = i;
  // "weekend of Thanksgiving", "le week-end de Pâques"
  if (uint32_t we = 0, oe = 0; const auto* u = lex(skip(i, Kind::kDet), Kind::kUnit, &we)) {
    if (u->sval == "WE" && !u->plural && lex(we, Kind::kOf, &oe)) {
      if (Opt h = holiday(skip(oe, Kind::kDet)); h && h->e.gran == timeexpr::Gran::kNone && !h->e.has_dir) {
        h->e.gran = timeexpr::Gran::kWeekend;
        h->rule = "time.date.holiday_weekend";
        return h;
      }
    }
  }
  const auto* dir = lex(i, Kind::kDir, &hi);  // last Easter, next Christmas
  if (!dir) hi = i;
  const auto* h = lex(hi, Kind::kHoliday, &he);
  if (!h || h->sval == "lunar") return std::nullopt;  // a day of a lunar calendar: no Gregorian rule
  // "Chinese New Year", "Islamic New Year": "New Year" inside a lunar holiday's name is not 1 January
  for (uint32_t back = 1; back <= 2 && hi >= first_ + back; ++back) {
    uint32_t le = 0;
    if (const auto* l = lex(hi - back, Kind::kHoliday, &le); l && l->sval == "lunar" && le >= he) return std::nullopt;
  }
  P p;
  if (dir && dir->ival != 0) { p.e.dir = dir->ival; p.e.has_dir = true; }
  p.rule = "time.date.holiday";
  p.where = h->where;
  p.end = he;
  int m = 0, d = 0;
  if (h->sval.size() == 5 && h->sval[2] == '-' && std::sscanf(h->sval.c_str(), "%d-%d", &m, &d) == 2) {
    p.e.month = m;
    p.e.day = d;
  } else {
    p.e.movable = h->sval;
  }
  // "Thanksgiving weekend", "Easter weekend 2021": the weekend of the holiday's week
  uint32_t we = 0;
  if (const auto* u = lex(p.end, Kind::kUnit, &we); u && u->sval == "WE" && !u->plural) {
    p.e.gran = timeexpr::Gran::kWeekend;
    p.end = we;
    p.rule = "time.date.holiday_weekend";
  }
  uint32_t k = skip(p.end, Kind::kOf);
  if (ndigits(k) == 4 && num(k) >= 1000 && num(k) <= 2200) {
    p.e.year = num(k);
    p.end = k + 1;
  }
  return p;
}

// the 20th of next month, the 15th day of next month, 31st of this month
Grammar::Opt Grammar::day_of_month_shift(uint32_t i) {
  uint32_t j = i;
  if (const auto* det = lex(i, Kind::kDet, &j); !det || !det->in_span) j = i;
  int day = 0;
  uint32_t de = 0;
  if (!day_at(j, day, de)) return std::nullopt;  // (first: most heads hold no day)
  // Digits need an ordinal suffix ("the 20th of next month"; "rose 3 this month" is a count), or an
  // article or a preposition of days before them and "of" after them ("le 22 du mois prochain",
  // "jusqu'au 4 du mois prochain").
  // (a "to" only of days: "jusqu'au 4", not "passé à 3 de ce mois")
  const timelex::Entry* to = j > first_ ? lex(j - 1, Kind::kTo) : nullptr;
  const timelex::Entry* det = j > first_ ? lex(j - 1, Kind::kDet) : nullptr;
  uint32_t se = 0;
  bool day_opener = (det && !det->plural) || (to && to->sval == "day") ||
                    (j > first_ && (kinds(j - 1) & (bit(Kind::kUntil) | bit(Kind::kSince) | bit(Kind::kBetween))));
  for (uint32_t back = 2; back <= 3 && !day_opener && j >= first_ + back; ++back)
    day_opener = lex(j - back, Kind::kSince, &se) && se == j;  // "à partir du 4 du mois prochain"
  if (num(j) >= 0 && !(glued(j + 1) && lex(j + 1, Kind::kOrdSuffix)) && !(day_opener && lex(de, Kind::kOf)))
    return std::nullopt;
  if (const auto* u = lex(de, Kind::kUnit, &de); u && u->sval != "D") return std::nullopt;
  const uint32_t k = skip(de, Kind::kOf);  // "of" may go: "the 21st this month"
  Opt m = period_shift(k);
  if (!m || m->e.rel_unit != 'M' || m->e.type != ExprType::kDate) return std::nullopt;
  P p = *m;
  p.e.day = day;
  p.rule = "time.date.day_of_month_shift";
  return p;
}

// premier vendredi de juillet, the first Monday of next month, le dernier dimanche de mai
Grammar::Opt Grammar::nth_weekday(uint32_t i) {
  uint32_t j = i;
  if (const auto* det = lex(i, Kind::kDet, &j); det && !det->in_span) return std::nullopt;
  int nth = 0;
  uint32_t oe = 0;
  if (const auto* o = lex(j, Kind::kOrdinal, &oe); o && o->ival >= 1 && o->ival <= 5) nth = o->ival;
  else if (num(j) >= 1 && num(j) <= 5 && glued(j + 1) && lex(j + 1, Kind::kOrdSuffix)) { nth = num(j); oe = j + 2; }
  else if (const auto* d = lex(j, Kind::kDir, &oe); d && d->ival == -1) nth = -1;
  if (!nth) return std::nullopt;
  uint32_t we = 0;
  const auto* w = lex(oe, Kind::kWeekday, &we);
  if (!w || w->ambiguous) return std::nullopt;
  uint32_t k = skip(we, Kind::kOf);
  if (k == we) k = skip(we, Kind::kAt);  // the last Sunday in October
  if (k == we) return std::nullopt;
  P p;
  p.rule = "time.date.nth_weekday";
  p.where = w->where;
  uint32_t me = 0;
  if (Opt m = month_year(k); m && m->e.day < 0) {
    p.e.year = m->e.year;
    p.e.movable = keep(std::to_string(nth) + ":" + std::to_string(w->ival) + ":" + std::to_string(m->e.month));
    p.end = m->end;
    return p;
  }
  if (Opt s = period_shift(k); s && s->e.rel_unit == 'M') {  // of next month: the month is known from the reference
    p.e.rel_unit = 'M';
    p.e.rel_n = s->e.rel_n;
    p.e.weekday = w->ival;
    p.e.rank = nth;
    p.end = s->end;
    (void)me;
    return p;
  }
  return std::nullopt;
}

// The Nth week or month of a year, the Nth week of a month, the Nth century:
// "the second week of 2021", "last week of 2016", "the 3rd week of Jan", "the
// third month of 2021", "the 9th month of next year", "the 21st century".
Grammar::Opt Grammar::nth_period(uint32_t i) {
  const uint32_t j = skip(i, Kind::kDet);  // the article in the span, as in "the third quarter"
  int nth = 0;
  uint32_t oe = 0;
  if (const auto* o = lex(j, Kind::kOrdinal, &oe)) nth = o->ival;
  else if (num(j) >= 1 && num(j) <= 31 && glued(j + 1) && lex(j + 1, Kind::kOrdSuffix)) { nth = num(j); oe = j + 2; }
  else if (const auto* d = lex(j, Kind::kDir, &oe); d && d->ival == -1) nth = -1;
  if (!nth) return std::nullopt;
  uint32_t ue = 0;
  const auto* u = lex(oe, Kind::kUnit, &ue);
  if (!u || !u->singular) return std::nullopt;
  P p;
  p.rule = "time.date.nth_period";
  p.where = u->where;
  if (u->sval == "CE") {
    if (nth < 1) return std::nullopt;
    p.e.century = nth - 1;
    p.end = ue;
    return p;
  }
  if (u->sval != "W" && u->sval != "M") return std::nullopt;
  const uint32_t k = skip(ue, Kind::kOf);
  if (k == ue) return std::nullopt;  // "the last week" alone is last week
  const int y = num(k);
  if (ndigits(k) == 4 && y >= 1000 && y <= 2200) {  // of 2021
    p.e.year = y;
    p.end = k + 1;
    if (u->sval == "M") {
      if (nth < 0 || nth > 12) return std::nullopt;
      p.e.month = nth;
    } else {
      if (nth > 53) return std::nullopt;
      // The last ISO week of a year holds its 28 December.
      p.e.week = nth > 0 ? nth : timecal::iso_week({y, 12, 28}).week;
    }
    return p;
  }
  if (Opt s = period_shift(k); s && s->e.rel_unit == 'Y' && s->e.type == ExprType::kDate && u->sval == "M" &&
                               nth >= 1 && nth <= 12) {  // the 9th month of next year
    p.e.month = nth;
    p.e.rel_unit = 'Y';
    p.e.rel_n = s->e.rel_n;
    p.end = s->end;
    return p;
  }
  if (Opt m = month_year(k); m && u->sval == "W" && m->e.day < 0 && nth <= 5) {  // the third week of January
    p.e = m->e;
    p.e.month_week = nth;
    p.end = m->end;
    return p;
  }
  return std::nullopt;
}

// Periods headed by a unit word: "the year 2008", "week 31", "week 3 of 2027",
// "the week starting February 4".
Grammar::Opt Grammar::unit_period(uint32_t i) {
  Opt best;
  uint32_t ue = 0;
  const auto* u = lex(i, Kind::kUnit, &ue);
  if (u && u->sval == "Y" && u->singular && ndigits(ue) == 4 && num(ue) >= 1000 && num(ue) <= 2200 &&
      !(glued(ue + 1) && (is_punct(ue + 1, '-') || is_punct(ue + 1, '/'))) &&
      !(ue + 1 < end_ && doc_.tokens[ue + 1].kind == TokenKind::kWord && !capitalized(ue + 1) && !any_lex(ue + 1))) {
    P p;  // the year 2008
    p.e.year = num(ue);
    p.end = ue + 1;
    p.rule = "time.date.year";
    p.where = u->where;
    take_longest(best, p);
  }
  if (uint32_t wi = skip(i, Kind::kDet), we = 0, se = 0; (u = lex(wi, Kind::kUnit, &we)) && u->sval == "W" &&
                                                           u->singular && lex(we, Kind::kSince, &se) &&
                                                           lex(we, Kind::kSince)->sval == "stretch") {
    // the week starting (on) February 4, the week commencing Monday: seven days from that day
    Opt d = day_month_year(se);
    take_longest(d, month_day_year(se));
    take_longest(d, weekday_date(se));
    if (d && d->e.hour < 0 && d->e.mod.empty() && (d->e.day >= 0 || d->e.weekday >= 0)) {
      Expr stop;
      stop.offset_sign = 1;
      stop.offset_n = 1;
      stop.offset_unit = 'W';
      stop.parts = {d->e};
      P p = range(d->e, stop, d->end, "time.range.week_starting", u->where);
      p.e.end_at_begin = true;
      return p;
    }
  }
  u = lex(i, Kind::kUnit, &ue);
  if (uint32_t oe = 0; u && u->sval == "W" && u->singular && lex(ue, Kind::kOf, &oe) && !lex(oe, Kind::kDet)) {
    // "la semaine du 28 février", "the week of March 7": that day's ISO week
    if (Opt d = day_of_month_at(oe)) {
      d->e.gran = timeexpr::Gran::kWeek;
      d->rule = "time.date.week_of_day";
      d->where = u->where;
      return d;
    }
  }
  if (u && u->sval == "W" && num(ue) >= 1 && num(ue) <= 53) {
    P p;  // week 10: an ISO week of the reference year
    p.e.week = num(ue);
    p.end = ue + 1;
    if (const uint32_t k = skip(ue + 1, Kind::kOf); k > ue + 1 && ndigits(k) == 4 && num(k) >= 1000 && num(k) <= 2200) {
      p.e.year = num(k);  // week 3 of 2027
      p.end = k + 1;
    }
    p.rule = "time.date.week_number";
    p.where = u->where;
    take_longest(best, p);
  }
  return best;
}

// The first or last N months or quarters of a year, the first N days of a month:
// "the first six months of 2024", "the last three months of last year", "les six
// premiers mois de 2024", "the first 10 days of March". A range of whole periods.
Grammar::Opt Grammar::edge_periods(uint32_t i) {
  const uint32_t j = skip(i, Kind::kDet);
  auto edge = [&](uint32_t at, uint32_t& e) -> int {
    if (const auto* o = lex(at, Kind::kOrdinal, &e); o && o->ival == 1) return 1;
    if (const auto* d = lex(at, Kind::kDir, &e); d && d->ival == -1) return -1;
    return 0;
  };
  double n = 0;
  uint32_t k = 0, ne = 0;
  int side = edge(j, k);  // English: first/last N
  if (side) {
    if (!count_at(k, n, ne)) return std::nullopt;
  } else if (j == i && count_at(i, n, ne) && (side = edge(ne, k))) {  // French: les [N premiers mois], article out
    ne = k;
  } else {
    return std::nullopt;
  }
  uint32_t ue = 0;
  const auto* u = lex(ne, Kind::kUnit, &ue);
  if (!u || n < 1 || n != std::floor(n) || u->factor != 1) return std::nullopt;
  const char unit = u->sval.size() == 1 ? u->sval[0] : 0;
  const int count = static_cast<int>(n);
  const uint32_t oj = skip(ue, Kind::kOf);
  if (oj == ue) return std::nullopt;
  Opt inner;
  if (unit == 'M' || unit == 'Q') {
    if (count > (unit == 'M' ? 12 : 4)) return std::nullopt;
    if (ndigits(oj) == 4 && num(oj) >= 1000 && num(oj) <= 2200) inner = date(num(oj), -1, -1, oj + 1, "");
    else if (Opt y = period_shift(oj); y && y->e.type == ExprType::kDate && y->e.rel_unit == 'Y') inner = y;
    else if (uint32_t ye = 0; lex(oj, Kind::kDet) && lex(skip(oj, Kind::kDet), Kind::kUnit, &ye) &&
                              lex(skip(oj, Kind::kDet), Kind::kUnit)->sval == "Y") {
      inner = P{};  // of the year, de l'année: the current one
      inner->e.rel_unit = 'Y';
      inner->end = ye;
    }
  } else if (unit == 'D' && side > 0 && count <= 31) {  // a month's last days depend on its length
    inner = month_year(oj);
  }
  if (!inner) return std::nullopt;
  Expr a = inner->e, b = inner->e;
  const int last = unit == 'M' ? 12 : unit == 'Q' ? 4 : count;
  const int from = side > 0 ? 1 : last - count + 1, to = side > 0 ? count : last;
  if (unit == 'M') { a.month = from; b.month = to; }
  else if (unit == 'Q') { a.quarter = from; b.quarter = to; }
  else { a.day = 1; b.day = count; }
  return range(a, b, inner->end, "time.range.edge_periods", u->where);
}

// "the 4th day of July", "the 26th day of the month", "le 4e jour de juillet 1995": an ordinal day of a month.
Grammar::Opt Grammar::nth_day_of(uint32_t i) {
  uint32_t j = i;
  if (const auto* det = lex(i, Kind::kDet, &j); det && !det->in_span) return std::nullopt;  // « le » stays out
  int day = 0;
  uint32_t de = 0;
  if (!day_at(j, day, de) || (num(j) >= 0 && de == j + 1)) return std::nullopt;  // an ordinal: 4th, 4e, fourth
  uint32_t ue = 0;
  const auto* u = lex(de, Kind::kUnit, &ue);
  if (!u || u->sval != "D" || !u->singular) return std::nullopt;
  const uint32_t k = skip(ue, Kind::kOf);
  if (k == ue) return std::nullopt;
  Opt m = month_year(k);
  if (!m || m->e.day >= 0) m = period_shift(k);  // of next month
  if (uint32_t me = 0; !m && lex(k, Kind::kDet) && lex(skip(k, Kind::kDet), Kind::kUnit, &me) &&
                       lex(skip(k, Kind::kDet), Kind::kUnit)->sval == "M") {
    m = P{};  // of the month: the current one
    m->e.rel_unit = 'M';
    m->end = me;
  }
  if (!m || m->e.type != ExprType::kDate || (m->e.month < 0 && m->e.rel_unit != 'M')) return std::nullopt;
  m->e.day = day;
  m->rule = "time.date.nth_day_of";
  return m;
}

Grammar::Opt Grammar::date(uint32_t i) {
  Opt best;
  // Read once: the rules below cannot change them, but the compiler reloads across each call.
  const uint64_t here = kinds(i), next = kinds(i + 1), next2 = kinds(i + 2);
  // the second week of 2021, the 21st century: an ordinal (or "last") then a unit word
  if ((here | next) & bit(Kind::kOrdinal) || ((here | next) & bit(Kind::kDir)) ||
      (next & bit(Kind::kOrdSuffix)) || (next2 & bit(Kind::kOrdSuffix)))
    take_longest(best, nth_period(i));
  if ((here & (bit(Kind::kOrdinal) | bit(Kind::kDir))) ||
      (here & (bit(Kind::kDet) | kNumberBit | kWordNumberBit) && next & (bit(Kind::kOrdinal) | bit(Kind::kDir))))
    take_longest(best, edge_periods(i));
  if (here & (bit(Kind::kHoliday) | bit(Kind::kDir))) take_longest(best, holiday(i));
  else if ((here & bit(Kind::kDet)) && (next & bit(Kind::kUnit))) take_longest(best, holiday(i));  // the weekend of Easter
  if ((here & bit(Kind::kDir)) && (next & kNumberBit)) {
    // "this 5/12", "next 5/19": a numeric day and month with the direction of a month name ("this May")
    uint32_t de = 0;
    const auto* d = lex(i, Kind::kDir, &de);
    // (in the language's own order only: "this 24/7" in English is around the clock)
    const bool own_order = lex_.day_first() ? num(de) <= 31 : num(de) <= 12;
    if (Opt nd = d && !d->post && own_order ? numeric_date(de) : std::nullopt; nd && nd->e.day >= 0 && nd->e.month >= 0 && nd->e.year < 0) {
      nd->e.dir = d->ival;
      nd->e.has_dir = true;
      take_longest(best, std::move(nd));
    }
  }
  if (here & (bit(Kind::kOrdinal) | bit(Kind::kDir) | bit(Kind::kDet) | kNumberBit)) take_longest(best, nth_weekday(i));
  if ((here | next) & bit(Kind::kUnit)) take_longest(best, unit_period(i));
  if (opens_day_month_year(i)) take_longest(best, day_month_year(i));
  if ((next | next2 | kinds(i + 3)) & bit(Kind::kUnit)) take_longest(best, nth_day_of(i));
  // the 20th of next month: an ordinal day (digits with a suffix, or a word)
  if (here & (bit(Kind::kDet) | bit(Kind::kOrdinal) | kNumberBit)) take_longest(best, day_of_month_shift(i));
  if (here & kMonthDayYearHeads) take_longest(best, month_day_year(i));
  if (here & kMonthYearHeads) take_longest(best, month_year(i));
  if (here & kNumericDateHeads) take_longest(best, numeric_date(i));
  if (here & kNumberBit) {
    take_longest(best, dotted_date(i));
    if (is_punct(i + 1, '/')) take_longest(best, slash_date_range(i));
    take_longest(best, hyphen_month_date(i));
    take_longest(best, spaced_date(i));
    take_longest(best, year_month(i));
  }
  if (here & kYearAloneHeads) take_longest(best, year_alone(i));
  if ((here & kHyphenBit) && hyphen_parts(i)) take_longest(best, hyphen_month_date(i));
  if (here & kWeekdayDateHeads) take_longest(best, weekday_date(i));
  if (here & kSeasonHeads) take_longest(best, season(i));
  if (here & kQuarterHeads) take_longest(best, quarter(i));
  if (opens_decade(i)) take_longest(best, decade(i));
  if (opens_part_of(i)) take_longest(best, part_of(i));
  if (!best) {
    // "le 29": a day of the month after an article, in day-first languages.
    uint32_t j = i;
    int day = 0;
    uint32_t de = 0;
    const timelex::Entry* det = lex(i, Kind::kDet, &j);
    if (!det || !det->in_span) j = i;
    if (((j > i) || (i > first_ && lex(i - 1, Kind::kDet))) &&
        (lex_.day_first() || j > i || (glued(j + 1) && lex(j + 1, Kind::kOrdSuffix))) &&
        ndigits(j) <= 2 && (num(j) >= 0 || j > i) && day_at(j, day, de) &&
        !lex(de, Kind::kUnit) && !lex(de, Kind::kHourMark) && !is_punct(de, ':') && !is_punct(de, '%') &&
        !lex(de, Kind::kDir) && !lex(de, Kind::kAmPm) &&  // "the 5 coming minutes", "the ten am meeting"
        !(is_punct(de, '-') && glued(de)) &&  // "the 3-day summit", "the 2-1 win"
        !spaced_date(j) &&  // "le 18 8 1978": the date starts at the day
        !(de < end_ && glued(de) && doc_.tokens[de].kind == TokenKind::kWord) &&  // "la 3DS": a product name
        // French writes a day "le 23", "le 1er": "le 23e épisode" is a rank
        !(lex_.day_first() && day != 1 && de > j + 1 && lex(j + 1, Kind::kOrdSuffix)) &&
        // A word ordinal alone ("the first", "the Second Amendment", "only the third") is a rank, not a
        // day, unless a preposition of time sets it ("on the first", "until the fifth").
        (num(j) >= 0 || (word_day_ok(j > i ? i : i - 1) && !lex(de, Kind::kOf) &&  // "the first of three"
                         !(de < end_ && doc_.tokens[de].kind == TokenKind::kWord && !any_lex(de)))) &&
        !(is_punct(de, '/') && glued(de)) &&  // "the 9/11 attacks"
        !(de < end_ && doc_.tokens[de].kind == TokenKind::kWord && !any_lex(de) &&
          (!doc_.tokens[de].has(kCapitalized) || !lex_.day_first()))) {  // "the 13th Amendment"
      P p;
      p.e.day = day;
      p.end = de;
      p.rule = "time.date.day";
      // "les 5, 6 et 7 mai", "les 12 et 13 juin": a day in a list takes the month that ends it
      for (uint32_t k = de, n = 0; n < 4; ++n) {
        uint32_t next = k;
        if (!is_punct(k, ',') && !lex(k, Kind::kAnd, &next)) break;
        if (is_punct(k, ',')) next = skip(k + 1, Kind::kAnd);
        int d2 = 0;
        if (!day_at(next, d2, k)) break;
        if (Opt m = month_year(k); m && m->e.day < 0 && !m->e.rel_unit) {
          p.e.month = m->e.month;
          p.e.year = m->e.year;
          break;
        }
      }
      best = p;
    }
  }
  return best;
}

Grammar::Opt Grammar::day_of_month_at(uint32_t i) {
  Opt d = day_month_year(i);
  take_longest(d, month_day_year(i));
  if (d && d->e.type == ExprType::kDate && d->e.day >= 0 && d->e.month >= 0 && d->e.hour < 0 && d->e.mod.empty())
    return d;
  return std::nullopt;
}

}  // namespace claimtrace::timegrammar
