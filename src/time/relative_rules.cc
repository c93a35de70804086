// Expressions relative to the reference: hier, last week, l'an dernier,
// il y a trois jours, in two weeks, durations (trois mois, over three
// months), fuzzy references (dans les prochains mois, recently) and sets
// (chaque mardi, every week, daily).
#include "time/time_grammar.h"
#include "time/resolve.h"

#include <cmath>

namespace claimtrace::timegrammar {

using timeexpr::Expr;
using timeexpr::ExprType;
using timelex::Kind;

namespace {
timeexpr::Unit unit_char(const std::string& s) {
  if (s == "MIN") return 'N';
  if (s == "DE") return 'E';
  if (s == "CE") return 'C';
  if (s == "WE") return 'K';
  if (s == "H1") return 0;  // a half (semestre) is a period, not an hour: "two and a half thousand"
  return s.empty() ? 0 : s[0];
}
}  // namespace

// "3 days", "a 30-minute drive": a duration of `amount` units up to token `end`.
Grammar::P Grammar::duration_parse(double amount, timeexpr::Unit unit, uint32_t end, std::string_view rule,
                                   std::string_view where) {
  Expr e;
  e.type = ExprType::kDuration;
  e.amount = amount;
  e.unit = unit;
  return made(std::move(e), end, rule, where);
}

// "a 30-minute drive", "3-min", "a 10-day truce": a count glued to a unit by a hyphen.
// Not "10-year-old" (an age), nor "2-1" (a score).
Grammar::Opt Grammar::hyphen_duration(uint32_t i) {
  const int n = num(i);
  if (n < 1 || ndigits(i) > 3 || !is_punct(i + 1, '-') || !glued(i + 1) || !glued(i + 2)) return std::nullopt;
  uint32_t ue = 0;
  const auto* u = lex(i + 2, Kind::kUnit, &ue);
  if (!u || ue != i + 3 || u->factor != 1 || (is_punct(ue, '-') && glued(ue))) return std::nullopt;
  const timeexpr::Unit unit = unit_char(u->sval);
  if (!unit || unit == 'K' || unit == 'Q') return std::nullopt;
  return duration_parse(n, unit, ue, "time.duration.hyphen", u->where);
}

// "all-day", "full-week", "whole-year": a count word of one (data: count rows) and a unit in one
// hyphenated word, a duration of one unit ("a full-day strike" P1D); "a three-year contract", "a
// two-week truce": a number word and a unit (P3Y, P2W). Not an age ("ten-year-old": two hyphens),
// nor a name inside a sentence ("the Six-Day War").
Grammar::Opt Grammar::hyphen_word_duration(uint32_t i) {
  if (i < first_ || i >= end_ || !doc_.tokens[i].has(kHyphenated)) return std::nullopt;
  const std::string_view key = doc_.folded_key(doc_.tokens[i]);
  const size_t dash = key.find('-');
  if (dash == std::string_view::npos || dash == 0 || key.find('-', dash + 1) != std::string_view::npos) return std::nullopt;
  const auto* second = lex_.word(key.substr(dash + 1));
  if (!second) return std::nullopt;
  const timelex::Entry* unit = nullptr;
  for (uint32_t x : *second)
    if (lex_.entry(x).kind == Kind::kUnit && lex_.entry(x).singular && lex_.entry(x).factor == 1) unit = &lex_.entry(x);
  if (!unit) return std::nullopt;
  int n = 0;
  if (const auto* first = lex_.word(key.substr(0, dash)))
    for (uint32_t x : *first)
      if (lex_.entry(x).kind == Kind::kCount && lex_.entry(x).fval == 1) n = 1;
  if (n == 0 && !(i > first_ && doc_.tokens[i].has(kCapitalized))) n = lex_.cardinal(key.substr(0, dash));
  const timeexpr::Unit u = unit_char(unit->sval);
  if (n < 1 || !u || u == 'K' || u == 'Q') return std::nullopt;
  // "a four-day working week", "a four-day week": what the week is made of, not a stretch of time
  if (n > 1 && lex(i + 1, Kind::kUnit)) return std::nullopt;
  return duration_parse(n, u, i + 1, "time.duration.hyphen_word", unit->where);
}

Grammar::Opt Grammar::day_relative(uint32_t i) {
  if (!(kinds(i) & kDayRelativeHeads)) return std::nullopt;  // fail fast
  uint32_t j = i;
  uint32_t de = 0;
  const auto* d = lex(j, Kind::kDayRel, &de);  // "the day after tomorrow" opens with its article
  if (!d) d = lex(j = skip(i, Kind::kDet), Kind::kDayRel, &de);
  if (!d) return std::nullopt;
  // flag prep: a day word that is also a preposition of events ("la veille des élections", "au
  // lendemain de l'attaque"): with an object it is the event's day, not one from the reference
  if (d->prep && lex(de, Kind::kOf)) return std::nullopt;
  P p;
  p.e.rel_unit = 'D';
  p.e.rel_n = d->ival;
  p.e.past_prev = d->past_prev;
  if (auto colon = d->sval.find(':'); colon != std::string::npos) p.e.pod = std::string_view(d->sval).substr(colon + 1);
  p.end = de;
  p.rule = "time.relative.day";
  p.where = d->where;
  return p;
}

// last week, next month, cette année, la semaine dernière, l'an prochain,
// the last 3 weeks, les 3 derniers jours.
Grammar::Opt Grammar::period_shift(uint32_t i) {
  // Fail fast: each reading opens at i with one of these words, or a count
  // (count_at reads a digit token or word numeral at i whatever its bits say).
  if (!(kinds(i) & (bit(Kind::kLater) | bit(Kind::kAgo) | bit(Kind::kDir) | bit(Kind::kDet) | bit(Kind::kUnit) |
                    bit(Kind::kCount))) &&
      !(i < end_ && ((kinds_[i] & kWordNumberBit) || doc_.tokens[i].kind == TokenKind::kNumber)))
    return std::nullopt;
  // "later this week", "earlier this year": the same period.
  if (uint32_t k = 0; (lex(i, Kind::kLater, &k) || lex(i, Kind::kAgo, &k)) && k > i) {
    uint32_t d = 0;
    if (const auto* dir = lex(skip(k, Kind::kYearIntro), Kind::kDir, &d); dir && dir->ival == 0) {
      Opt p = period_shift(skip(k, Kind::kYearIntro));
      if (p && p->e.rel_unit) return p;
    }
    return std::nullopt;
  }
  uint32_t j = skip_article(i);
  uint32_t k = 0;
  const timelex::Entry* dir = lex(j, Kind::kDir, &k);
  if (dir && dir->post) dir = nullptr;  // « il a passé trois jours »: « passé » only follows its unit
  double n = 0;
  uint32_t ne = 0;
  bool counted = count_at(dir ? k : j, n, ne) && n >= 1 && n < 1000 && n == std::floor(n);
  if (const timelex::Entry* q = dir && n > 0 && n < 10 && ne > k + 1 ? lex(ne - 1, Kind::kUnit) : nullptr;
      q && q->sval == "Q" && n * 4 == std::floor(n * 4)) {
    // "the next three quarters": the number layer read "three quarters" as 0.75; after a direction
    // word they are three periods
    n *= 4;
    --ne;
    counted = true;
  }
  uint32_t ue = 0;
  const timelex::Entry* u = nullptr;
  if (dir) {
    u = lex(counted ? ne : k, Kind::kUnit, &ue);
  } else if (counted && j == i && i > first_ && (lex(i - 1, Kind::kDet) || lex(i - 1, Kind::kOf))) {
    // les [3 derniers jours], the [5 upcoming years]: after an article, which stays
    // out of the span (not "only 3 next week")
    dir = lex(ne, Kind::kDir, &k);
    if (dir) u = lex(k, Kind::kUnit, &ue);
  } else {
    u = lex(j, Kind::kUnit, &ue);  // la semaine dernière
    if (u) {
      uint32_t de = 0;
      dir = lex(ue, Kind::kDir, &de);
      // "the day after next Monday": "after next" opens another time there, it is no direction
      if (dir && dir->ival == 2 && (lex(de, Kind::kUnit) || lex(de, Kind::kWeekday) || lex(de, Kind::kMonth))) dir = nullptr;
      if (dir) ue = de;
    }
  }
  // le weekend, the weekend, (au cours du) week-end: this one
  if (!dir && !counted && (lex(i, Kind::kDet) || (j == i && i > first_ && lex(i - 1, Kind::kOf))) &&
      (u = lex(skip(i, Kind::kDet), Kind::kUnit, &ue)) && u->sval == "WE" && !(u->plural && !u->singular)) {
    P p;
    p.e.rel_unit = 'K';
    p.e.rel_n = 0;
    p.end = ue;
    p.where = u->where;
    p.rule = "time.relative.weekend";
    // "le week-end du 5 mars", "le week-end des 5 et 6 mars": the weekend of that day's week
    if (uint32_t oe = 0; lex(ue, Kind::kOf, &oe) && !u->plural) {
      uint32_t k = oe, de = 0, ak = 0;
      int d0 = 0;
      if (!day_month_year(oe) && day_at(oe, d0, de) && lex(de, Kind::kAnd, &ak)) k = ak;  // "des 5 et 6 mars"
      if (Opt d = day_of_month_at(k)) {
        d->e.gran = timeexpr::Gran::kWeekend;
        d->rule = "time.relative.weekend_of_day";
        d->where = u->where;
        d->start = 0;
        return d;
      }
    }
    return p;
  }
  if (!dir || !u || u->factor != 1) return std::nullopt;  // "next fortnight" is no calendar period
  const timeexpr::Unit unit = unit_char(u->sval);
  if (unit == 'K' && counted) return std::nullopt;  // "the last two weekends": no stretch of weekends
  if (!unit || unit == 'H' || unit == 'N' || unit == 'S') {
    if (!counted) return std::nullopt;
  }
  P p;  // (built here, past the tests that turn most heads away)
  p.end = ue;
  p.where = u->where;
  // "the past decade", "over the past century" (flag stretch): the stretch up to the reference, not the
  // calendar decade ("the last decade" keeps the calendar reading)
  if (!counted && dir->stretch && dir->ival < 0 && (unit == 'E' || unit == 'C')) {
    counted = true;
    n = 1;
  }
  if (counted) {
    if (dir->ival == 0) return std::nullopt;
    if (unit == 'Q') {
      // the next 2 quarters: whole calendar quarters after the current one (reporting periods);
      // "the last three decades" stays the 30 years up to the reference
      Expr first, last;
      first.rel_unit = last.rel_unit = unit;
      first.rel_n = dir->ival < 0 ? -static_cast<int>(n) : 1;
      last.rel_n = dir->ival < 0 ? -1 : static_cast<int>(n);
      p.e.type = ExprType::kRange;
      p.e.parts = {first, last};
      p.rule = "time.relative.periods";
      return p;
    }
    // "the next 2 weeks before today" says no stretch ahead: the shift from that day is read from the count
    // ("the last 3 days before Monday" stays a stretch)
    if (uint32_t be = 0; dir->ival > 0 && lex(p.end, Kind::kAgo, &be) && (day_relative(be) || weekday_date(be))) return std::nullopt;
    // A stretch ending (or starting) at the reference.
    Expr off;
    off.offset_sign = dir->ival;
    off.offset_n = n;
    off.offset_unit = unit;
    Expr today;
    today.rel_unit = 'D';
    today.rel_n = dir->ival < 0 ? 0 : 1;
    p.e.type = ExprType::kRange;
    if (dir->ival < 0) {
      p.e.parts = {off, today};
      p.e.end_at_begin = true;
    } else {
      off.offset_n = n;
      p.e.parts = {today, off};
    }
    if (timeexpr::unit_is_clock(unit)) {
      Expr now;
      now.offset_sign = 1; now.offset_n = 0; now.offset_unit = 'S';
      p.e.parts = dir->ival < 0 ? std::vector<Expr>{off, now} : std::vector<Expr>{now, off};
      p.e.end_at_begin = false;
    }
    p.rule = "time.relative.stretch";
    return p;
  }
  // fuzzy_ref: les prochains mois, ces derniers mois ("mois" is also plural)
  if ((!u->singular || dir->plural) && dir->ival != 0) return std::nullopt;
  p.e.rel_unit = unit;
  p.e.rel_n = dir->ival;
  p.rule = "time.relative.period";
  return p;
}

// trois mois, 3 days, 2,5 ans; il y a trois jours, three days ago, dans deux semaines.
Grammar::Opt Grammar::duration(uint32_t i, bool bounded) {
  // Fail fast: a bound or a preposition, an article, or the count itself at i (as in period_shift).
  if (!(kinds(i) & (bit(Kind::kMore) | bit(Kind::kLess) | bit(Kind::kAgoPre) | bit(Kind::kInPre) | bit(Kind::kDet) |
                    bit(Kind::kCount) | bit(Kind::kFew))) &&
      !(i < end_ && ((kinds_[i] & kWordNumberBit) || doc_.tokens[i].kind == TokenKind::kNumber)))
    return std::nullopt;
  uint32_t j = i;
  std::string_view bound;
  if (lex(i, Kind::kMore, &j)) bound = "MORE_THAN";
  else if (lex(i, Kind::kLess, &j)) bound = "LESS_THAN";
  if (!bound.empty()) {
    Opt d = duration(j, true);
    if (d && d->e.type == ExprType::kDate && d->e.offset_sign && bound == "MORE_THAN") {
      // "more than 2 weeks before today", "more than 3 days ago": earlier than that day.
      d->e.mod = d->e.offset_sign < 0 ? "BEFORE" : "AFTER";
      return d;
    }
    if (d && d->e.type == ExprType::kDate && d->e.offset_sign > 0 && d->e.parts.size() == 1) {
      // "less than 2 weeks from today": the stretch from the anchor to that day, as "within"
      Expr anchor = d->e.parts[0];
      P r = range(std::move(anchor), d->e, d->end, "time.relative.less_from");
      r.e.end_at_begin = true;
      return r;
    }
    if (!d || d->e.type != ExprType::kDuration) return std::nullopt;
    d->e.mod = bound;
    return d;
  }
  int sign = 0;
  const timelex::Entry* pre = nullptr;
  if ((pre = lex(i, Kind::kAgoPre, &j))) sign = -1;
  else if ((pre = lex(i, Kind::kInPre, &j))) sign = 1;
  else j = i;
  // "for the first time in 20 years", "the worst in decades": a span up to now, not a date ahead
  if (sign > 0 && pre->sval.empty() && i > first_) {
    const std::string_view w1 = doc_.folded_key(doc_.tokens[i - 1]);
    if (lex_.look_back(w1) ||
        (i > first_ + 1 && lex_.look_back(std::string(doc_.folded_key(doc_.tokens[i - 2])) + " " + std::string(w1))))
      return std::nullopt;
  }
  const bool det_after_pre = pre && skip(j, Kind::kDet) > j;  // "in the 49 days of this invasion"
  j = skip(j, Kind::kDet);
  // "il y a plus de deux ans" (BEFORE that day), "il y a près de trois ans" (APPROX): a bound or an
  // approximation between the preposition and the count
  std::string_view shift_mod;
  // (after "ago" words only: English "quadrupled in less than a year" is a duration)
  if (uint32_t bj = 0; pre && sign < 0 && pre->sval.empty()) {
    const timelex::Entry* ax = nullptr;
    if (lex(j, Kind::kMore, &bj)) { shift_mod = sign < 0 ? "BEFORE" : "AFTER"; j = bj; }
    else if (lex(j, Kind::kLess, &bj)) { shift_mod = sign < 0 ? "AFTER" : "BEFORE"; j = bj; }
    else if ((ax = lex(j, Kind::kApprox, &bj)) && ax->sval == "count") { shift_mod = "APPROX"; j = bj; }
  }
  if (pre && pre->sval == "within") {  // within the next 3 years: the stretch from the reference
    if (const auto* d = lex(j, Kind::kDir); d && d->ival > 0) j = skip(j, Kind::kDir);
  }
  double n = 0;
  uint32_t ne = 0;
  bool few = false;
  uint32_t pe = 0;
  // Phrases first: the number layer reads the "a" of "a couple of", "a few" as one.
  if (const auto* c = lex(j, Kind::kCount, &pe); c && pe > j + 1) {
    n = c->fval;
    ne = pe;
  } else if (lex(j, Kind::kFew, &pe) && pe > j + 1) {
    few = true;
    n = -1;
    ne = pe;
  } else if (!count_at(j, n, ne)) {
    if (!lex(j, Kind::kFew, &ne)) return std::nullopt;
    few = true;
    n = -1;
  }
  uint32_t ue = 0;
  if (uint32_t he = 0; !few && lex(ne, Kind::kMinuteAdd, &he) && lex(ne, Kind::kMinuteAdd)->ival == 30) {
    n += 0.5;  // one and a half hours
    ne = he;
  }
  const timelex::Entry* u = lex(ne, Kind::kUnit, &ue);
  // "une dizaine de jours", "une vingtaine d'années": a collective numeral joined to its unit by "de",
  // an approximate count (not "un des jours", "deux de ces jours")
  bool about = false;
  // (nor "la deuxième moitié du mois": a collective counts 8 and up, "de" only)
  if (uint32_t oe = 0; !u && !few && n >= 8 && j < end_ && (kinds_[j] & kWordNumberBit) && lex(ne, Kind::kOf, &oe) &&
                       oe == ne + 1 && (doc_.folded_key(doc_.tokens[ne]) == "de" || doc_.folded_key(doc_.tokens[ne]) == "d'")) {
    u = lex(oe, Kind::kUnit, &ue);
    about = u != nullptr;
  }
  bool hour_mark = false;
  if (!u && !few && ndigits(j) > 0 && ndigits(j) <= 3 && n >= 1 && n == std::floor(n) &&
      (n > 24 || pre || bounded || hours_duration_context(j))) {
    // "pendant 3h", "dans 2h", "il y a 2h", "72h": the hour mark as the unit, whole hours without minutes
    // after a word of durations, or past 24 (clock() leaves them; "dans 2h30", "3h du matin" stay times)
    uint32_t he = 0;
    Expr probe;
    if ((u = lex(ne, Kind::kHourMark, &he)) && num(he) < 0 && !lex(he, Kind::kMinuteAdd) && !lex(he, Kind::kAmPm) &&
        pod_after(he, probe) == he) {
      ue = he;
      hour_mark = true;
    } else {
      u = nullptr;
    }
  }
  // "pendant 2h30", "pendant 2 heures 30", "en 2h05": after a word of durations, the minutes of a duration
  // (clock() leaves them there); not before a part of the day or am/pm ("pendant la nuit à 2h30" is "à")
  int minutes = -1;
  // (whole hours up to 12: "pour 15h30" is a time)
  if (uint32_t he = 0; !u && !few && !pre && ndigits(j) > 0 && ndigits(j) <= 2 && n >= 1 && n <= 12 && n == std::floor(n) &&
                       (bounded || hours_duration_context(j, true)) && lex(ne, Kind::kHourMark, &he) &&
                       hours_minutes_duration(he)) {
    u = lex(ne, Kind::kHourMark);
    hour_mark = true;
    minutes = num(he);
    ue = he + 1;
  } else if (uint32_t ue2 = 0; u && unit_char(u->sval) == 'H' && !few && !pre && n <= 12 && (bounded || hours_duration_context(j, true)) &&
                               lex(ne, Kind::kHourMark, &ue2) && ue2 == ue && hours_minutes_duration(ue)) {
    minutes = num(ue);
    ue += 1;
  }
  if (!u) return std::nullopt;
  const timeexpr::Unit unit = hour_mark ? 'H' : unit_char(u->sval);
  if (!unit || unit == 'K') return std::nullopt;
  if (n > 0) n *= u->factor;  // une demi-heure
  if (ndigits(j) == 4 && unit == 'Y') return std::nullopt;
  // "a second round": the unit word is an ordinal before a noun.
  if (lex(ne, Kind::kOrdinal) && ue < end_ && doc_.tokens[ue].kind == TokenKind::kWord && !any_lex(ue)) return std::nullopt;
  // "à 3 heures" is a time of day, not a duration.
  // (only where the unit word is also an hour mark, French "heures": "about two hours", "after 3 hours" are durations)
  if (unit == 'H' && !pre && !bounded && n >= 0 && lex(ne, Kind::kHourMark) && n <= 24 && n == std::floor(n) && !after_for_phrase(j) &&
      (lex(j - 1, Kind::kAt) || after_at_phrase(j) || approx_time_before(j) || lex(j - 1, Kind::kBefore) || lex(j - 1, Kind::kAfter) ||
       lex(j - 1, Kind::kUntil) || (lex(j - 1, Kind::kFrom) && from_opens_time(j)) || lex(j - 1, Kind::kTo) || lex(j - 1, Kind::kBetween) ||
       (((n > 12 && n < 24) || day_with_part_at(ue)) && !lex(j - 1, Kind::kFor) && !lex(j - 1, Kind::kSince) && !lex(j - 1, Kind::kMore) &&
        !lex(j - 1, Kind::kLess) && !lex(j - 1, Kind::kDet) && !lex(j - 1, Kind::kYearIntro))))
    return std::nullopt;  // "à 3 heures", "avant 14 heures", "20 heures": times of day  // "2024 years" is odd; leave it
  P p = duration_parse(n, unit, ue, "time.duration", u->where);
  if (!pre && !bounded && rate_at(j)) {  // "$1 million a day": a set
    p.e.type = ExprType::kSet;
    p.e.set_value = keep(timeresolve::duration_value(n, unit));
    p.rule = "time.set.rate";
    return p;
  }
  if (about) p.e.mod = "APPROX";
  if (minutes >= 0) { p.e.amount2 = minutes; p.e.unit2 = 'N'; }
  uint32_t ae = 0;
  if (uint32_t he = 0; !few && lex(ue, Kind::kMinuteAdd, &he) && lex(ue, Kind::kMinuteAdd)->ival == 30) {
    p.e.amount += 0.5;  // 2 ans et demi, an hour and a half
    n += 0.5;
    ue = he;
    p.end = ue;
  }
  uint32_t within_end = 0;  // "within 2 weeks from today": where the span ends
  bool anaphoric = false;   // "later", "earlier": from the time last spoken of
  if (!few) {
    // Smaller components: 1 hour and 30 minutes, 2 weeks and 2 days, 2 years 1 month 21 days.
    timeexpr::Unit last_unit = unit;
    for (int part = 2; part <= 4; ++part) {
      uint32_t k = ue;
      if (!lex(k, Kind::kAnd, &k)) k = skip_punct(ue, ',');
      double n2 = 0;
      uint32_t n2e = 0, u2e = 0;
      if (!count_at(k, n2, n2e) || ndigits(k) >= 4) break;
      const auto* u2 = lex(n2e, Kind::kUnit, &u2e);
      const timeexpr::Unit unit2 = u2 ? unit_char(u2->sval) : 0;
      if (!unit2 || timeexpr::gran_of_unit(unit2) <= timeexpr::gran_of_unit(last_unit)) break;
      (part == 2 ? p.e.amount2 : part == 3 ? p.e.amount3 : p.e.amount4) = n2;
      (part == 2 ? p.e.unit2 : part == 3 ? p.e.unit3 : p.e.unit4) = unit2;
      last_unit = unit2;
      ue = u2e;
      p.end = ue;
    }
    if (uint32_t be = 0; pre && pre->sval == "within" && lex(ue, Kind::kAgo, &be) && (day_relative(be) || weekday_date(be)))
      return std::nullopt;  // "within 2 weeks before yesterday": the shift from that day is read without "within"
    if (uint32_t fe = 0; pre && sign > 0 && lex(ue, Kind::kFrom, &fe) && (day_relative(fe) || weekday_date(fe))) {
      // "within 2 weeks from today" is the stretch from the reference
      if (Opt d = day_relative(fe); pre->sval == "within" && d && d->e.rel_n == 0 && d->e.pod.empty()) within_end = d->end;
      else return std::nullopt;  // "in [2 days from today]": the anchored reading, without "in"
    }
    if (const auto* ago = lex(ue, Kind::kAgo, &ae); ago && sign == 0) {
      sign = -1;
      anaphoric = ago->anaphoric;
      // "a day before Kaine faces off", "two days before the election": a preposition with its object
      // anchors the stretch on that event (TimeML: the duration); "three days before." is a shift.
      if (ago->prep && ae < end_ && doc_.tokens[ae].kind != TokenKind::kPunct && !lex(ae, Kind::kAnd)) {
        const bool dated = day_relative(ae) || weekday_date(ae) || day_month_year(ae) || month_day_year(ae) ||
                           numeric_date(ae) || holiday(ae);
        if (!dated) { sign = 0; ae = 0; }
      }
    } else if (const auto* later = lex(ue, Kind::kLater, &ae); later && sign == 0) {
      sign = 1;
      anaphoric = later->anaphoric;
    } else {
      ae = 0;
    }
    uint32_t fe = 0;
    // (a "from" that is also "of", French "de", is the noun's complement: "toute la journée de mercredi")
    const bool from = !ae && sign == 0 && ((lex(ue, Kind::kFrom, &fe) && !lex(ue, Kind::kOf)) || lex(ue, Kind::kAfter, &fe));
    // 3 days from today, 2 weeks before yesterday, two months after next Friday
    const uint32_t anchor_at = ae ? ae : fe;
    if (ae || from) {
      Opt anchor;
      take_longest(anchor, day_relative(anchor_at));
      take_longest(anchor, weekday_date(anchor_at));
      take_longest(anchor, day_month_year(anchor_at));
      take_longest(anchor, month_day_year(anchor_at));
      take_longest(anchor, numeric_date(anchor_at));
      take_longest(anchor, holiday(anchor_at));
      if (anchor && anchor->e.hour < 0 && (anchor->e.day >= 0 || anchor->e.weekday >= 0 || anchor->e.rel_unit == 'D')) {
        p.e.type = ExprType::kDate;
        p.e.offset_sign = from ? 1 : sign;
        p.e.offset_n = n;
        p.e.offset_unit = unit;
        p.e.parts = {anchor->e};
        p.end = anchor->end;
        p.rule = "time.relative.from_anchor";
        return p;
      }
      if (from) ae = 0;
    }
    if (ae) p.end = ae;
  }
  if (pre && pre->sval == "within" && !few) {
    // within 3 years: from the reference to 3 years on.
    Expr start;
    start.offset_sign = 1; start.offset_n = 0; start.offset_unit = timeexpr::unit_is_clock(unit) ? 'S' : 'D';
    Expr stop;
    stop.offset_sign = 1; stop.offset_n = n; stop.offset_unit = unit;
    stop.amount2 = p.e.amount2; stop.unit2 = p.e.unit2;  // within 5 years 1 month 12 days
    stop.amount3 = p.e.amount3; stop.unit3 = p.e.unit3;
    stop.amount4 = p.e.amount4; stop.unit4 = p.e.unit4;
    p.e = Expr{};
    p.e.type = ExprType::kRange;
    p.e.parts = {start, stop};
    p.e.end_at_begin = true;
    p.rule = "time.relative.within";
    if (within_end) p.end = within_end;
    return p;
  }
  if (sign != 0 && !few) {
    if (!ae && pre == nullptr) return p;
    // "in the 49 days of this invasion", "in 10 years of war": the stretch itself, a duration read
    // from the count (the preposition stays out), not a day ahead.
    // ("in 13 days of the invasion": an article may open the stretch's noun)
    if (const uint32_t noun = skip(p.end + 1, Kind::kDet);
        !ae && sign > 0 && pre && pre->sval.empty() &&
        (det_after_pre || (lex(p.end, Kind::kOf) && !any_lex(noun) && noun < end_ &&
                           doc_.tokens[noun].kind == TokenKind::kWord)))
      return std::nullopt;
    // English "in 3 days" is a date; "in 3 days" after a verb of duration is rare in news.
    p.e.type = ExprType::kDate;
    p.e.offset_sign = sign;
    p.e.offset_n = n;
    p.e.offset_unit = unit;
    p.e.anaphoric = anaphoric && ae;
    if (!shift_mod.empty()) p.e.mod = shift_mod;
    p.rule = sign < 0 ? "time.relative.ago" : pre ? "time.relative.in" : "time.relative.later";
    return p;
  }
  if (few && (!pre || pre->sval.empty())) {
    // "a few days ago", "il y a quelques jours", "in a few weeks": before or after the reference by an
    // unstated stretch (no day is guessed), not a duration
    uint32_t fe = ue;
    const int dir = sign != 0 ? sign : lex(ue, Kind::kAgo, &fe) ? -1 : 0;
    if (dir != 0) {
      P r;
      r.e.type = ExprType::kRef;
      r.e.ref = dir < 0 ? "PAST_REF" : "FUTURE_REF";
      r.end = fe;
      r.rule = "time.relative.few";
      r.where = p.where;
      return r;
    }
  }
  if (pre && sign != 0 && few) return std::nullopt;
  if (pre) return std::nullopt;
  return p;
}

// dans les prochains mois, in the coming months, ces dernières années, recently, now.
Grammar::Opt Grammar::fuzzy_ref(uint32_t i) {
  if (!(kinds(i) & kFuzzyRefHeads)) return std::nullopt;  // fail fast
  uint32_t j = i;
  if (const auto* r = lex(i, Kind::kRef, &j)) {
    // "in the past three years", "in the past week": the phrase ends in a direction word of the period after it
    double n = 0;
    uint32_t ne = j;
    if (j > i && lex(j - 1, Kind::kDir) && (lex(j, Kind::kUnit) || (count_at(j, n, ne) && lex(ne, Kind::kUnit)) || (lex(j, Kind::kFew) && lex(j + 1, Kind::kUnit))))
      return std::nullopt;
    P p;
    p.e.type = ExprType::kRef;
    p.e.ref = r->sval;
    p.end = j;
    p.rule = "time.ref";
    p.where = r->where;
    return p;
  }
  j = skip(i, Kind::kInPre);
  j = skip(j, Kind::kDet);
  uint32_t k = 0;
  const timelex::Entry* dir = lex(j, Kind::kDir, &k);
  if (dir && dir->ival == 0) {  // "ces derniers mois": the demonstrative, then the direction
    uint32_t k2 = 0;
    if (const auto* next = lex(k, Kind::kDir, &k2); next && next->ival != 0) {
      dir = next;
      k = k2;
    }
  }
  uint32_t ue = 0;
  const timelex::Entry* u = nullptr;
  if (!dir && j > i && (u = lex(j, Kind::kUnit, &ue)) && u->plural) {
    // "(dans) les jours à venir": the direction after the plural unit
    uint32_t de = 0;
    dir = lex(ue, Kind::kDir, &de);
    if (!dir || dir->ival == 0) return std::nullopt;
    k = j;
    ue = de;
  } else {
    if (!dir || dir->ival == 0) return std::nullopt;
    k = skip(k, Kind::kFew);
    u = lex(k, Kind::kUnit, &ue);
    if (!u || !u->plural) return std::nullopt;
  }
  P p;
  p.e.type = ExprType::kRef;
  p.e.ref = dir->ival > 0 ? "FUTURE_REF" : "PAST_REF";
  p.end = ue;
  p.rule = "time.ref.coming";
  p.where = dir->where;
  return p;
}

// chaque mardi, every week, tous les jours, every 2 weeks, daily.
Grammar::Opt Grammar::set(uint32_t i) { return with_set_time(set_words(i)); }

// "$1 million a day", "300 lives a day", "24 hours a day": after an amount (a number or a word numeral
// within three words, none of them a month or a weekday: "on 3 May a day of mourning"; not a year: "in
// 2014 a day"), "a" + unit is a rate, a set in TimeML, not a duration. ("per day" is a set word.)
bool Grammar::rate_at(uint32_t i) const {
  uint32_t e = 0, ue = 0;
  const auto* r = lex(i, Kind::kCount, &e);
  if (!r || !r->rate || !lex(e, Kind::kUnit, &ue)) return false;  // "a thousand years", "an annual" are no rates
  // "from $3 million a year earlier", "a year ago": a shift, not a rate ("$100 a day before tax" stays one)
  if (const auto* a = lex(ue, Kind::kAgo); (a && !a->prep) || lex(ue, Kind::kLater)) return false;
  for (uint32_t k = i; k > first_ && k + 3 >= i;) {
    --k;
    if (doc_.tokens[k].kind == TokenKind::kNumber) return ndigits(k) != 4;
    if (kinds(k) & kWordNumberBit) return s_.word_number_end[k] <= i;
    if (doc_.tokens[k].kind != TokenKind::kWord || (kinds(k) & (bit(Kind::kMonth) | bit(Kind::kWeekday)))) return false;
  }
  return false;
}

Grammar::Opt Grammar::set_words(uint32_t i) {
  uint32_t j = 0;
  if (const auto* a = lex(i, Kind::kSetAdv, &j)) {
    // flag post: an adjective that only follows its noun ("un bilan quotidien"); after an article or a
    // preposition it is the noun ("le quotidien Le Monde", "au quotidien", "l'hebdomadaire")
    if (a->post && (i == first_ || doc_.tokens[i - 1].kind != TokenKind::kWord ||
                    (kinds(i - 1) & (bit(Kind::kDet) | bit(Kind::kOf) | bit(Kind::kFrom) | bit(Kind::kTo) |
                                     bit(Kind::kAt) | bit(Kind::kCount) | bit(Kind::kDir)))))
      return std::nullopt;
    P p;
    p.e.type = ExprType::kSet;
    p.e.set_value = a->sval;
    p.end = j;
    p.rule = "time.set.adverb";
    p.where = a->where;
    return p;
  }
  const auto* s = lex(i, Kind::kSet, &j);
  if (!s) {
    // "three times a week", "deux fois par jour": a count before a set word of frequency (value "freq")
    double f = 0;
    uint32_t fe = 0;
    if (!count_at(i, f, fe) || f < 1 || f != std::floor(f) || !(s = lex(fe, Kind::kSet, &j)) || s->sval != "freq")
      return std::nullopt;
  }
  P p;
  p.e.type = ExprType::kSet;
  p.rule = "time.set";
  p.where = s->where;
  uint32_t k = 0;
  const bool rate = s->sval == "rate";  // "per day", "par jour": a unit only ("par mer" is by sea)
  if (const auto* a = rate ? nullptr : lex(j, Kind::kSetAdv, &k)) {  // tous les lundis
    p.e.set_value = a->sval;
    p.end = k;
    return p;
  }
  if (const auto* w = rate ? nullptr : lex(j, Kind::kWeekday, &k)) {
    p.e.set_value = keep("XXXX-WXX-" + std::to_string(w->ival));
    p.end = k;
    return p;
  }
  if (const auto* pod = rate ? nullptr : lex(j, Kind::kPod, &k)) {
    p.e.set_value = keep("T" + pod->sval);
    p.end = k;
    return p;
  }
  // "every other week": the set word's value is the step (2); a count multiplies it
  double n = 1;
  uint32_t ne = j;
  if (!count_at(j, n, ne)) { n = 1; ne = j; }
  if (s->ival > 1) n *= s->ival;
  if (s->sval == "freq" && n != 1) return std::nullopt;  // "twice a week", not "twice a two weeks"
  if (const auto* u = lex(ne, Kind::kUnit, &k)) {
    const timeexpr::Unit unit = unit_char(u->sval);
    if (!unit) return std::nullopt;
    p.e.set_value = keep(timeresolve::duration_value(n * u->factor, unit));  // every fortnight: P2W
    p.end = k;
    return p;
  }
  return std::nullopt;
}

// "every Monday at 4pm", "every morning at 9am", "daily at 7:13 p.m.": the time
// joins a set of days (XXXX-WXX-1T16:00) or stands for a set of parts of days (T09:00).
void Grammar::set_time(P& p, const Expr& t, uint32_t end) {
  const std::string time = timeresolve::resolve(t, std::nullopt, 0).value;
  if (time.empty() || time[0] != 'T') return;
  const std::string_view v = p.e.set_value;
  if (v.starts_with("XXXX-WXX-") && v.size() == 10) p.e.set_value = keep(std::string(v) + time);
  else if (v == "P1D" || (v.size() == 3 && v[0] == 'T')) p.e.set_value = keep(time);
  else return;
  p.end = std::max(p.end, end);
}

Grammar::Opt Grammar::with_set_time(Opt s) {
  if (!s || s->e.type != ExprType::kSet) return s;
  if (Opt t = clock_after(skip_punct(s->end, ',')); t && !t->e.has_date() && t->e.hour >= 0) set_time(*s, t->e, t->end);
  return s;
}

// "for 3 days from today", "for 1 week, from 20 December", "a week starting
// tomorrow": a stretch that opens on a day (without "for", "3 days from today"
// is the day 3 days on).
Grammar::Opt Grammar::stretch_from(uint32_t i, const Opt& duration_at_i) {
  uint32_t j = i;
  const bool for_word = lex(i, Kind::kFor, &j) != nullptr;
  const Opt after_for = for_word ? duration(j) : std::nullopt;
  const Opt& d = for_word ? after_for : duration_at_i;
  if (!d || !d->e.mod.empty()) return std::nullopt;
  Expr anchor;
  uint32_t end = 0;
  if (d->e.type == ExprType::kDate && d->e.offset_sign > 0 && d->e.parts.size() == 1 && for_word &&
      !timeexpr::unit_is_clock(d->e.offset_unit)) {
    anchor = d->e.parts[0];  // read by the duration rule as a day from an anchor
    end = d->end;
  } else if (d->e.type == ExprType::kDuration && !d->e.unit2 && !d->e.unit3 && d->e.amount > 0 && !timeexpr::unit_is_clock(d->e.unit)) {
    const uint32_t k = skip_punct(d->end, ',');
    uint32_t ke = 0;
    // "starting" carries the stretch: the span leaves "for" out ("for [a week starting tomorrow]").
    // Only the words that open a stretch ("starting", value stretch), not "since": "93 days since February 24".
    const auto* opener = lex(k, Kind::kSince, &ke);
    if (opener && opener->sval != "stretch") return std::nullopt;
    // (a "from" that is also "of", French "de", is the noun's complement: "a duré toute la journée de mercredi")
    if (opener ? for_word : !(for_word && lex(k, Kind::kFrom, &ke) && !lex(k, Kind::kOf))) return std::nullopt;
    Opt a = day_relative(ke);
    take_longest(a, date(ke));
    if (!a || a->e.hour >= 0 || !a->e.mod.empty() || !(a->e.day >= 0 || a->e.weekday >= 0 || a->e.rel_unit == 'D'))
      return std::nullopt;
    anchor = a->e;
    end = a->end;
  } else {
    return std::nullopt;
  }
  Expr stop;
  stop.offset_sign = 1;
  stop.offset_n = d->e.type == ExprType::kDuration ? d->e.amount : d->e.offset_n;
  stop.offset_unit = d->e.type == ExprType::kDuration ? d->e.unit : d->e.offset_unit;
  stop.parts = {anchor};
  P p = range(anchor, stop, end, "time.range.stretch_from", d->where);
  p.e.end_at_begin = true;
  return p;
}

Grammar::Opt Grammar::relative(uint32_t i) {
  Opt best;
  const uint64_t here = kinds(i);
  if (here & kDayRelativeHeads) take_longest(best, day_relative(i));
  take_longest(best, period_shift(i));
  Opt d = duration(i);
  // A stretch opens with "for" or is a duration read first: no second duration pass elsewhere.
  if ((d && d->e.mod.empty()) || lex(i, Kind::kFor)) take_longest(best, stretch_from(i, d));
  take_longest(best, std::move(d));
  if (here & kFuzzyRefHeads) take_longest(best, fuzzy_ref(i));
  return best;
}

}  // namespace claimtrace::timegrammar
