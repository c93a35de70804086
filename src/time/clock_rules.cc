// Times of day: 15h30, 15 h, 15:00, 8:00:31am, 3 p.m., midi, sept heures du
// soir, half past eight; parts of the day (le matin, tonight); and their
// attachment to a date (29 juin à 15h, demain matin, Tuesday 7pm).
#include "time/time_grammar.h"

#include <cmath>

namespace claimtrace::timegrammar {

using timeexpr::Expr;
using timeexpr::ExprType;
using timelex::Kind;

// Where a part of the day follows a clock time: "du soir", "dans la soirée",
// ", ce matin", "in the morning". Sets pod (and today for "ce"); returns the end.
uint32_t Grammar::pod_after(uint32_t he, timeexpr::Expr& e, bool need_connector) const {
  uint32_t pe = skip_punct(he, ',');
  bool today = false;
  for (int step = 0; step < 3; ++step) {
    uint32_t k = pe;
    if (lex(pe, Kind::kOf, &k) || lex(pe, Kind::kAt, &k) || lex(pe, Kind::kDet, &k)) { pe = k; continue; }
    if (const auto* d = lex(pe, Kind::kDir, &k); d && d->ival == 0) { pe = k; today = true; continue; }
    break;
  }
  uint32_t q = 0;
  const auto* pod = lex(pe, Kind::kPod, &q);
  if (!pod || pe > he + 4) return he;
  if (need_connector && pe == he) return he;  // "2 morning sessions", "three night markets"
  e.pod = pod->sval;
  if (today) { e.rel_unit = 'D'; e.rel_n = 0; }
  return q;
}

// A day with its part of the day at k: "mercredi matin", "demain soir", "Wednesday morning".
bool Grammar::day_with_part_at(uint32_t k) const {
  if (!(kinds(k) & (bit(Kind::kWeekday) | bit(Kind::kDayRel)))) return false;
  uint32_t dk = 0;
  Expr probe;
  return (lex(k, Kind::kWeekday, &dk) || lex(k, Kind::kDayRel, &dk)) && pod_after(dk, probe) != dk;
}

// English minutes before the hour: "half past eight", "a quarter to 7", "ten past 9
// in the evening", "three minutes to eight". "to" needs the minute unit ("rose 5 to 7").
Grammar::Opt Grammar::past_to(uint32_t i) {
  int minutes = 0, sign = 0;
  bool unit_written = false;  // "three mins to": a count of minutes that may come off a time with minutes
  uint32_t k = 0;
  const timelex::Entry* pt = lex(i, Kind::kPastTo, &k);
  if (pt && std::abs(pt->ival) > 1) {
    minutes = std::abs(pt->ival);
    sign = pt->ival > 0 ? 1 : -1;
  } else {
    double v = 0;
    uint32_t ve = 0;
    if (lex(i, Kind::kCount) || !count_at(i, v, ve) || v < 1 || v >= 60 || v != std::floor(v)) return std::nullopt;
    uint32_t ue = ve;
    const auto* u = lex(ve, Kind::kUnit, &ue);
    if (u && u->sval != "MIN") return std::nullopt;
    pt = lex(ue, Kind::kPastTo, &k);
    if (!pt || std::abs(pt->ival) != 1 || (pt->ival < 0 && !u)) return std::nullopt;
    minutes = static_cast<int>(v);
    sign = pt->ival;
    unit_written = u != nullptr;
  }
  Opt h = clock(k);
  if (h && h->e.minute > 0 && unit_written && !h->e.has_date()) {
    // "three mins to five thirty": 5:27
    const int at = h->e.hour * 60 + h->e.minute + sign * minutes;
    if (at < 0 || at >= 24 * 60) return std::nullopt;
    h->e.hour = at / 60;
    h->e.minute = at % 60;
    h->rule = "time.clock.past_to";
    return h;
  }
  if (h && (h->e.minute > 0 || h->e.has_date())) return std::nullopt;
  if (!h) {  // a bare hour: "half past 8", "ten past nine."
    double v = 0;
    uint32_t ve = 0;
    if (lex(k, Kind::kCount) || !count_at(k, v, ve) || v > 12 || v != std::floor(v)) return std::nullopt;
    if (ve < end_ && doc_.tokens[ve].kind != TokenKind::kPunct && !any_lex(ve)) return std::nullopt;
    if (lex(ve, Kind::kUnit)) return std::nullopt;
    h = P{};
    h->e.hour = static_cast<int>(v);
    h->end = pod_after(ve, h->e);
  }
  P p = *h;
  p.e.minute = sign > 0 ? minutes : 60 - minutes;
  if (sign < 0) p.e.hour = p.e.hour == 0 ? 23 : p.e.hour - 1;
  p.rule = "time.clock.past_to";
  return p;
}

// "five-thirty", "seven-forty-five": hour and minutes written as one hyphenated word (kind
// clock_part rows), read after "at" or where a time may end (punctuation, a time word), as "five
// thirty" is; minutes in steps of five, so "nine-eleven" stays a name.
[[gnu::noinline]] Grammar::Opt Grammar::hyphen_word_clock(uint32_t i) {
  // The place first (bit tests), the word's parts last: most hyphenated words are no time.
  const uint32_t e = i + 1;
  const timelex::Entry* at = i > first_ ? lex(i - 1, Kind::kAt) : nullptr;
  const bool ends = e >= end_ || doc_.tokens[e].kind == TokenKind::kPunct ||
                    (any_lex(e) && !lex(e, Kind::kUnit) && !lex(e, Kind::kMonth) && !lex(e, Kind::kDet));
  if (!(at && at->sval != "day") && !ends) return std::nullopt;
  const std::string_view key = doc_.folded_key(doc_.tokens[i]);
  int parts[3] = {0, 0, 0};
  int n = 0;
  for (size_t from = 0; from <= key.size();) {
    size_t dash = key.find('-', from);
    if (dash == std::string_view::npos) dash = key.size();
    if (n == 3) return std::nullopt;
    const int v = lex_.clock_part(key.substr(from, dash - from));
    if (v < 0) return std::nullopt;
    parts[n++] = v;
    from = dash + 1;
  }
  if (n < 2 || parts[0] < 1 || parts[0] > 12) return std::nullopt;
  int minutes = parts[1];
  if (n == 3) {
    if (parts[1] < 20 || parts[1] % 10 != 0 || parts[2] < 1 || parts[2] > 9) return std::nullopt;
    minutes += parts[2];
  }
  if (minutes < 10 || minutes > 59 || minutes % 5 != 0) return std::nullopt;
  P p;
  p.e.hour = parts[0];
  p.e.minute = minutes;
  p.rule = "time.clock.hyphen_words";
  uint32_t ae = 0;
  if (const auto* ap = lex(e, Kind::kAmPm, &ae)) {
    p.e.ampm = ap->ival;
    p.end = ae;
  } else {
    p.end = pod_after(e, p.e, true);
  }
  return p;
}

Grammar::Opt Grammar::clock(uint32_t i) {
  if ((kinds(i) & (kHyphenBit | kNumberBit | kWordNumberBit)) == kHyphenBit && hyphen_parts(i)) {
    if (Opt r = hyphen_word_clock(i)) return r;
  }
  // "half past", or a count with "past"/"to" within reach ("twenty five minutes to").
  if ((kinds(i) & bit(Kind::kPastTo)) || ((kinds(i) & (kNumberBit | kWordNumberBit)) &&
                                          ((kinds(i + 1) | kinds(i + 2) | kinds(i + 3)) & bit(Kind::kPastTo)))) {
    if (Opt r = past_to(i)) return r;
  }
  // Every reading below opens with a clock word or a count at i (as count_at() reads one): fail fast.
  if (!(kinds(i) & (bit(Kind::kClock) | bit(Kind::kCount) | kNumberBit)) &&
      !(i < end_ && ((kinds_[i] & kWordNumberBit) || doc_.tokens[i].kind == TokenKind::kNumber)))
    return std::nullopt;
  P p;
  p.rule = "time.clock";
  uint32_t k = 0;
  // "12 noon", "12 midnight": the hour written before the word that says which twelve
  const bool twelve = num(i) == 12 && ndigits(i) == 2 && (kinds(i + 1) & bit(Kind::kClock));
  if (const auto* c = lex(twelve ? i + 1 : i, Kind::kClock, &k); c && (!twelve || c->ival % 720 == 0)) {  // midi, noon, midnight
    int minutes = c->ival;
    // midi et quart, minuit et demi, midi moins le quart
    uint32_t me = 0;
    if (const auto* add = lex(k, Kind::kMinuteAdd, &me); add && add->sval != "-") {
      minutes = (minutes + add->ival + 1440) % 1440;
      k = me;
    }
    p.e.hour = minutes / 60;
    p.e.minute = minutes % 60;
    p.end = k;
    p.where = c->where;
    p.rule = "time.clock.word";
    return p;
  }
  int h = num(i);
  uint32_t he = i + 1;
  bool word_hour = false;
  if (h < 0 && i < end_ && doc_.tokens[i].kind == TokenKind::kNumber && lex(i + 1, Kind::kAmPm)) {
    // 8.30pm: hours and minutes in one decimal-looking token
    std::string_view v = doc_.normalized_of(doc_.tokens[i]);
    const size_t dot = v.find_first_of(".,");
    if (dot != std::string_view::npos && dot >= 1 && dot <= 2 && v.size() == dot + 3) {
      const int hh = (dot == 2 ? (v[0] - '0') * 10 : 0) + (v[dot - 1] - '0');
      const int mm = (v[dot + 1] - '0') * 10 + (v[dot + 2] - '0');
      if (hh <= 12 && mm < 60) {
        p.e.hour = hh;
        p.e.minute = mm;
        uint32_t ae = 0;
        p.e.ampm = lex(i + 1, Kind::kAmPm, &ae)->ival;
        p.end = ae;
        return p;
      }
    }
  }
  bool half = false;  // "huit et demie" read by the number layer as 8.5
  if (h < 0) {
    double v = 0;
    if (!count_at(i, v, he) || v > 24 || doc_.tokens[i].kind == TokenKind::kNumber) return std::nullopt;
    // "a", "une", "all" are not hours; "one"/"une" is, before o'clock/heure or a part of the day
    // ("at one o'clock", "à une heure du matin", "one in the morning")
    // (or before its minutes and am/pm: "one thirty p m")
    double mv1 = 0;
    uint32_t mve1 = 0;
    if (Expr probe; lex(i, Kind::kCount) &&
                    !(v == 1 && (lex(he, Kind::kHourMark) || pod_after(he, probe, true) != he || lex(he, Kind::kAmPm) ||
                                 (count_at(he, mv1, mve1) && lex(mve1, Kind::kAmPm)))))
      return std::nullopt;
    if (v != std::floor(v)) {
      if (v - std::floor(v) != 0.5 || he < 2 || !lex(he - 2, Kind::kMinuteAdd)) return std::nullopt;
      half = true;
    }
    h = static_cast<int>(std::floor(v));
    word_hour = true;
  } else if (ndigits(i) > 2 && ndigits(i) <= 4 && lex(he, Kind::kAmPm) && h % 100 < 60 && h / 100 >= 1 &&
             h / 100 <= 12) {
    p.e.minute = h % 100;  // 1140 a.m., 340pm: hours and minutes written together before am/pm
    h /= 100;
  } else if (ndigits(i) > 2 || (glued(he) && lex(he, Kind::kOrdSuffix))) {
    return std::nullopt;  // "about 3rd week" holds no hour
  }
  if (h > 24) return std::nullopt;
  p.e.hour = h;
  bool marked = half;
  if (half) p.e.minute = 30;
  const timelex::Entry* at = i > first_ ? lex(i - 1, Kind::kAt) : nullptr;
  const bool at_phrase = after_at_phrase(i);  // "prévu pour 9h"
  const bool after_at = (at && at->sval != "day") || at_phrase || approx_time_before(i);
  // "avant 14 heures", "de 10 heures à 11 heures": prepositions that make "N heures" a time of day.
  const bool after_time_prep = after_at || (i > first_ && !after_for_phrase(i) && (lex(i - 1, Kind::kBefore) || lex(i - 1, Kind::kAfter) ||
                                                           lex(i - 1, Kind::kUntil) || (lex(i - 1, Kind::kFrom) && from_opens_time(i)) ||
                                                           lex(i - 1, Kind::kTo) || lex(i - 1, Kind::kBetween) ||
                                                           lex(i - 1, Kind::kAnd)));
  const bool after_for = i > first_ && !at_phrase && (after_for_phrase(i) || lex(i - 1, Kind::kFor) || lex(i - 1, Kind::kSince) || lex(i - 1, Kind::kInPre) ||
                                        lex(i - 1, Kind::kMore) || lex(i - 1, Kind::kLess) || lex(i - 1, Kind::kDet) ||
                                        lex(i - 1, Kind::kYearIntro));  // "en 24 heures"
  if (!word_hour && is_punct(he, ':') && glued(he) && num(he + 1) >= 0 && ndigits(he + 1) == 2 && glued(he + 1)) {
    p.e.minute = num(he + 1);
    if (p.e.minute > 59) return std::nullopt;
    he += 2;
    if (is_punct(he, ':') && glued(he) && ndigits(he + 1) == 2 && glued(he + 1)) {
      p.e.second = num(he + 1);
      he += 2;
    }
    marked = true;
  } else if (!half && lex(he, Kind::kHourMark, &k)) {
    // "3 heures" alone is a duration; a clock needs "à", minutes or a part of the day.
    const bool unit_word = lex(he, Kind::kUnit) != nullptr;
    he = k;
    marked = true;
    double mv = 0;
    uint32_t mve = 0;
    const bool word_minutes = count_at(he, mv, mve) && mv < 60 && mv >= 1 && he < end_ &&
                              doc_.tokens[he].kind != TokenKind::kNumber && !lex(mve, Kind::kUnit);
    Expr probe;
    // "20 heures" is a time of day (no duration of 20 hours without "pendant").
    // (not 24: "24 heures" is a day's duration; "à 24 heures" stays midnight)
    const bool late_hour = h > 12 && h < 24 && !after_for;
    // "dix heures mercredi matin", "huit heures demain soir": a day with its part of the day makes it a time
    const bool day_part_after = day_with_part_at(he);
    if (unit_word && !after_time_prep && !late_hour && num(he) < 0 && !word_minutes && !lex(he, Kind::kMinuteAdd) &&
        pod_after(he, probe) == he && !day_part_after)
      return std::nullopt;
    if (unit_word && after_for && num(he) < 0 && !word_minutes) return std::nullopt;
    // "pendant 3h", "dans 2h", "dans les 2h": whole hours after a word of durations are a duration
    // (duration() reads them); "à 3h", "pendant la nuit à 3h", "3h30", "3h du matin" stay times.
    if (!unit_word && num(he) < 0 && !word_minutes && !lex(he, Kind::kMinuteAdd) && !lex(he, Kind::kAmPm) &&
        pod_after(he, probe) == he && hours_duration_context(i))
      return std::nullopt;
    // "pendant 2h30", "pendant 2 heures 30": after a word of durations, hours and minutes are a duration
    if (h <= 12 && hours_duration_context(i, true) && !after_at && hours_minutes_duration(he)) return std::nullopt;
    uint32_t mue = 0;
    Expr pod_probe;
    if (const auto* mu = num(he) >= 1 && num(he) < 60 && ndigits(he) <= 2 ? lex(he + 1, Kind::kUnit, &mue) : nullptr;
        mu && mu->sval == "MIN" && !after_for && (after_time_prep || (lex(mue, Kind::kOf) && pod_after(mue, pod_probe, true) != mue))) {
      p.e.minute = num(he);  // "huit heures 20 minutes du soir", "à 8 heures 5 minutes": the minutes of a time
      he = mue;
    } else if (num(he) >= 0 && ndigits(he) == 2 && num(he) < 60 && (glued(he) || !lex(he + 1, Kind::kUnit))) {
      p.e.minute = num(he);
      he += 1;
      uint32_t mk = 0;
      // 15 h 30 min (not "18h30 heure locale")
      if (const auto* mu = lex(he, Kind::kUnit, &mk); mu && mu->sval == "MIN" && num(he - 1) >= 0) he = mk;
    } else if (word_minutes) {
      p.e.minute = static_cast<int>(mv);
      he = mve;
    } else if (uint32_t ak = 0, ue = 0; !unit_word && lex(he, Kind::kAnd, &ak) && count_at(ak, mv, mve) && mv >= 1 &&
                                         mv < 60 && mv == std::floor(mv) && lex(mve, Kind::kUnit, &ue) &&
                                         lex(mve, Kind::kUnit)->sval == "MIN") {
      p.e.minute = static_cast<int>(mv);  // "8 h et vingt minutes (du soir)"
      he = ue;
    }
  } else if (word_hour && !half) {
    // "cinq trente du soir", "huit quarante am": word minutes, then a part of the day or am/pm.
    double mv = 0;
    uint32_t mve = 0;
    if (count_at(he, mv, mve) && mv >= 1 && mv < 60 && mv == std::floor(mv) && he < end_ &&
        doc_.tokens[he].kind != TokenKind::kNumber) {
      Expr probe;
      // Without a marker, two numerals read as hour and minutes only where a time may end: the end of
      // the sentence, punctuation, or a time word ("sept trente.", "three thirty to four thirty",
      // "vingt-deux dix"); not before a noun or a unit ("sept trente euros"), not after a count or
      // where a year may stand ("in twenty twenty").
      const bool ends_here = mve >= end_ ||
                             (doc_.tokens[mve].kind == TokenKind::kPunct && !is_punct(mve, '%') && !is_punct(mve, '-') &&
                              !is_punct(mve, '/')) ||
                             (any_lex(mve) && !lex(mve, Kind::kUnit) && !lex(mve, Kind::kMonth) && !lex(mve, Kind::kDet) &&
                              !lex(mve, Kind::kApprox));
      int wy = 0;
      uint32_t wye = 0;
      const bool year_like = h > 12 && word_year(i, wy, wye) && wy <= 2100 && wye == mve;  // by twenty thirty
      const bool unmarked = mv >= 10 && ends_here && !after_for && !lex(i, Kind::kCount) && !year_like &&
                            !(i > first_ && (kinds(i - 1) & (kNumberBit | kWordNumberBit | bit(Kind::kYearIntro) | bit(Kind::kMonth))));
      if (lex(mve, Kind::kAmPm) || pod_after(mve, probe, true) != mve || after_at || (after_time_prep && !year_like) || unmarked) {
        p.e.minute = static_cast<int>(mv);
        he = mve;
        marked = true;
      }
    }
  }
  if (uint32_t ae = 0; lex(he, Kind::kAmPm, &ae)) {
    const int ampm = lex(he, Kind::kAmPm)->ival;
    if (h > 12 && (ampm == 0 || h > 23)) return std::nullopt;
    p.e.ampm = h > 12 ? -1 : ampm;  // "fifteen thirty p m": a redundant pm
    he = ae;
    marked = true;
  } else if (const auto* g = glued(he) && (p.e.minute >= 0 || after_at) ? lex(he, Kind::kAmPmGlued, &ae) : nullptr;
             g && h <= 12 && !(ae < end_ && glued(ae) && doc_.tokens[ae].kind != TokenKind::kPunct)) {
    p.e.ampm = g->ival;  // "at 9p", "8:45a" (not "Article 9a")
    he = ae;
    marked = true;
  }
  if (uint32_t ae = 0; !marked && !word_hour && glued(he)) {
    // "11ish", "11-ish": an approximate hour
    const uint32_t ie = is_punct(he, '-') && glued(he + 1) ? he + 1 : he;
    if (lex(ie, Kind::kApproxPost, &ae) && h <= 24) {
      p.e.mod = "APPROX";
      he = ae;
      marked = true;
    }
  }
  if (uint32_t me = 0; const auto* add = lex(he, Kind::kMinuteAdd, &me)) {  // et demie, et quart, moins le quart
    double mv = 0;
    uint32_t mve = 0;
    if (add->sval == "-" && p.e.minute < 0 && marked && count_at(me, mv, mve) && mv >= 1 && mv < 60 &&
        mv == std::floor(mv) && !lex(mve, Kind::kUnit)) {  // sept heures moins dix (not "moins 5 %")
      p.e.minute = 60 - static_cast<int>(mv);
      p.e.hour = (h + 23) % 24;
      he = mve;
    } else if (add->sval != "-" && p.e.minute < 0 && (marked || add->ival >= 0)) {
      p.e.minute = add->ival >= 0 ? add->ival : 60 + add->ival;
      if (add->ival < 0) p.e.hour = (h + 23) % 24;
      he = me;
      marked = true;
    }
  }
  const bool bare = !marked;  // a bare hour takes a part of the day only through a connector
  if (!marked) {
    // "8 du soir", "22 ce soir", "7, ce matin": an hour that a part of the day makes a clock time.
    Expr probe;
    // After "à"/"at" a bare hour stands alone ("à 19.") or before a time word, never before
    // a unit or a noun ("à 19 ans", "à 3 km", "à 30 %").
    const bool bare_ok = after_at && (he >= end_ || (doc_.tokens[he].kind == TokenKind::kPunct && !is_punct(he, '%') &&
                                                     !is_punct(he, '.') && !is_punct(he, ',') &&
                                                     // a score: "jusqu'à 6-1" (not "à 6-7 heures")
                                                     !(is_punct(he, '-') && glued(he) && num(he + 1) >= 0 &&
                                                       !any_lex(he + 2))) ||
                                      // (not an "à" that joins two numbers: "passé de 4 à 22 mardi" is a count)
                                      (any_lex(he) && !(i >= first_ + 2 && (kinds(i - 2) & (kNumberBit | kWordNumberBit))) &&
                                       !lex(he, Kind::kUnit) && !lex(he, Kind::kMonth) &&
                                       !lex(he, Kind::kTo) && !lex(he, Kind::kAnd) && !lex(he, Kind::kPod) &&
                                       !lex(he, Kind::kOf) && !lex(he, Kind::kDet)));  // "dans 7 des localités"
    // "10, tonight.": a bare hour, a comma and a day with its part of the day that ends the phrase
    uint32_t te = 0;
    const timelex::Entry* tonight = is_punct(he, ',') ? lex(he + 1, Kind::kDayRel, &te) : nullptr;
    const bool hour_of_tonight = tonight && tonight->ival == 0 && tonight->sval.find(':') != std::string::npos &&
                                 h >= 1 && h <= 12 && (te >= end_ || doc_.tokens[te].kind == TokenKind::kPunct);
    if (pod_after(he, probe, true) == he && !bare_ok && !hour_of_tonight) return std::nullopt;
    marked = true;
  }
  p.end = he;
  if (p.e.ampm < 0) {
    p.end = pod_after(he, p.e, bare);  // "at 2 morning sessions" holds no morning
  } else if (Expr probe; (kinds(he) | kinds(he + 1)) & (bit(Kind::kAt) | bit(Kind::kOf) | bit(Kind::kDet))) {
    // "8pm in the evening": a part of the day that agrees with am/pm adds nothing but its words
    const uint32_t pe = pod_after(he, probe, true);
    if (pe != he && probe.rel_unit == 0 &&
        (p.e.ampm == 12 ? probe.pod == "AF" || probe.pod == "EV" || probe.pod == "NI" : probe.pod == "MO"))
      p.end = pe;
  }
  return p;
}

Grammar::Opt Grammar::part_of_day(uint32_t i) {
  uint32_t j = skip(i, Kind::kAt);  // "in the morning", "dans la soirée"
  // "in the late night", "in the early morning": a part of the part of the day, the preposition kept
  // with its article ("in late afternoon" is read from "late")
  const timelex::Entry* part = nullptr;
  uint32_t pk = 0;
  if (j > i && skip(j, Kind::kDet) > j && (part = lex(skip(j, Kind::kDet), Kind::kPart, &pk)) && (part->sval == "START" || part->sval == "END") &&
      lex(pk, Kind::kPod))
    j = pk;
  else
    part = nullptr;
  if (j > i && !lex(skip(j, Kind::kDet), Kind::kPod) && !lex(j, Kind::kPod)) return std::nullopt;
  j = j > i ? skip(j, Kind::kDet) : skip_article(i);
  uint32_t k = 0;
  int day = 1;  // no day written
  // this afternoon, cette soirée (today); dernière nuit, last night (yesterday)
  if (const auto* d = lex(j, Kind::kDir, &k); d && (d->ival == 0 || d->ival == -1) && lex(skip(k, Kind::kDet), Kind::kPod)) {
    day = d->ival;
    j = skip(k, Kind::kDet);
  }
  if (j == i && capitalized(i)) return std::nullopt;  // "Good Morning"
  const auto* pod = lex(j, Kind::kPod, &k);
  if (!pod) return std::nullopt;
  P p;
  p.e.pod = pod->sval;
  uint32_t de = 0;
  if (const auto* post = lex(k, Kind::kDir, &de); day == 1 && post && post->ival == -1 && pod->sval == "NI") {
    day = -1;  // la nuit dernière
    k = de;
  }
  if (day <= 0) {
    p.e.rel_unit = 'D';
    p.e.rel_n = day;
  }
  // "dans la matinée du 12 mai", "on the morning of May 12": the day follows.
  if (uint32_t oj = 0; day == 1 && lex(k, Kind::kOf, &oj)) {
    if (Opt d = date(oj); d && d->e.type == timeexpr::ExprType::kDate && d->e.day >= 0 && d->e.pod.empty()) {
      d->e.pod = pod->sval;
      d->rule = "time.part_of_day_of_date";
      return d;
    }
    // "dans la nuit du 3 au 4 mars": "du" opens a range of two days, each with the part of the day
    if (lex(k, Kind::kFrom)) {
      if (Opt r = full(k); r && r->e.type == timeexpr::ExprType::kRange && r->e.parts.size() == 2 &&
                           r->e.parts[0].day >= 0 && r->e.parts[1].day >= 0 && r->e.parts[0].hour < 0 &&
                           r->e.parts[1].hour < 0) {
        for (Expr& x : r->e.parts) x.pod = pod->sval;
        r->rule = "time.part_of_day_of_days";
        return r;
      }
    }
  }
  p.end = k;
  p.rule = "time.part_of_day";
  p.where = pod->where;
  if (part) p.e.mod = part->sval;
  return p;
}

Grammar::Opt Grammar::clock_after(uint32_t j0) {
  uint32_t j = skip(j0, Kind::kAt);
  // "ce matin a 7": after a time, an unaccented "a" is "à" when an hour follows
  const bool loose = j == j0 && j0 < end_ && (num(j0 + 1) >= 0 || (kinds(j0 + 1) & kWordNumberBit)) &&
                     lex_.at_loose(doc_.folded_key(doc_.tokens[j0]));
  if (loose) j = j0 + 1;
  // tonight around 7, friday the 26th around 4, Monday night at around 10 p.m.: the day's time (one value, so no mod)
  uint32_t ae = 0;
  const bool approx = lex(j, Kind::kApprox, &ae) != nullptr;
  if (approx) j = ae;
  if (Opt t = clock(j)) {
    if (approx) t->e.mod = {};
    return t;
  }
  if (j == j0) return std::nullopt;
  // "Thursdays at 17.30", "Monday at 9.15": a dotted time after a day and "at"
  if (int hh = 0, mm = 0; dotted_time_at(j, hh, mm) && hh <= 23 && mm < 60 && !lex(j + 1, Kind::kUnit) &&
                          !(j + 1 < end_ && doc_.tokens[j + 1].kind == TokenKind::kWord && !any_lex(j + 1) &&
                            !doc_.tokens[j + 1].has(kCapitalized))) {
    return hour_minute(hh, mm, j + 1, "time.clock.dotted");
  }
  // "on Tuesday around 20 people died": a bare number after "around" ends the phrase.
  if ((approx || loose) && j + 1 < end_ && doc_.tokens[j + 1].kind == TokenKind::kWord && !any_lex(j + 1))
    return std::nullopt;
  return bare_hour_at(j, "time.clock.at");
}

// A number of one or two digits that can be an hour: not before ':', '/', '%', a unit or a month.
Grammar::Opt Grammar::bare_hour_at(uint32_t k, std::string_view rule) const {
  const int h = num(k);
  if (h < 0 || h > 24 || ndigits(k) > 2 || is_punct(k + 1, ':') || is_punct(k + 1, '/') || is_punct(k + 1, '%') ||
      lex(k + 1, Kind::kUnit) || lex(k + 1, Kind::kMonth))
    return std::nullopt;
  return hour_minute(h, -1, k + 1, rule);
}

Grammar::Opt Grammar::with_time(P d) {
  if (d.e.hour >= 0) return std::nullopt;
  const bool dayish = d.e.day >= 0 || d.e.weekday >= 0 || (d.e.rel_unit == 'D');
  if (!dayish || d.e.mod.size()) return std::nullopt;
  uint32_t ae = 0;
  // today pm, tomorrow am (not "the ten am")
  if (const auto* ampm = lex(d.end, Kind::kAmPm, &ae); ampm && (d.e.rel_unit == 'D' || d.e.weekday >= 0)) {
    P r = d;
    r.e.pod = ampm->ival ? "AF" : "MO";
    r.end = ae;
    return r;
  }
  uint32_t j = skip_punct(d.end, ',');
  // "6 jan 2017 - 6:37am": a spaced dash between a day and its time
  if (j == d.end && is_punct(j, '-') && !glued(j) && !glued(j + 1)) {
    if (Opt t = clock(j + 1); t && !t->e.has_date() && (t->e.minute >= 0 || t->e.ampm >= 0)) {
      P r = d;
      r.e.hour = t->e.hour; r.e.minute = t->e.minute; r.e.second = t->e.second; r.e.ampm = t->e.ampm;
      if (!t->e.pod.empty()) r.e.pod = t->e.pod;
      r.end = t->end;
      return r;
    }
  }
  Opt t = clock_after(j);
  if (uint32_t fe = 0; !t && d.e.day >= 0 && lex(j, Kind::kFor, &fe)) {
    // "October 14 for 8:00:31am": a marked time the day is set for
    if ((t = clock(fe)) && (t->e.has_date() || (t->e.minute < 0 && t->e.ampm < 0))) t.reset();
  }
  if (!t) {
    // demain matin, mardi soir, yesterday morning, mardi d'après-midi, mardi dans la nuit
    // (also after a comma: "on Tuesday, in the morning")
    uint32_t k = skip(skip(skip(skip_punct(d.end, ','), Kind::kAt), Kind::kOf), Kind::kDet);
    uint32_t pe = 0, pk = 0;
    // "Sunday late evening at 10:00", "mardi en fin de soirée", "mardi en fin d'après-midi": a part of
    // the part of the day (French "en" before it is the year_intro word)
    const uint32_t pj = lex(k, Kind::kYearIntro) && (kinds(k + 1) & bit(Kind::kPart)) ? k + 1 : k;
    const timelex::Entry* part = lex(pj, Kind::kPart, &pk);
    if (part && (part->sval == "START" || part->sval == "END") && lex(skip(pk, Kind::kOf), Kind::kPod)) k = skip(pk, Kind::kOf);
    else part = nullptr;
    if (const auto* pod = lex(k, Kind::kPod, &pe)) {
      P r = d;
      r.e.pod = pod->sval;
      r.end = pe;
      if (part) r.e.mod = part->sval;
      if ((t = clock_after(pe))) {
        r.e.hour = t->e.hour; r.e.minute = t->e.minute; r.e.second = t->e.second;
        if (t->e.ampm >= 0) r.e.ampm = t->e.ampm;
        r.end = t->end;
        r.e.mod = {};
      }
      return r;
    }
    return std::nullopt;
  }
  P r = d;
  r.e.hour = t->e.hour;
  r.e.minute = t->e.minute;
  r.e.second = t->e.second;
  r.e.ampm = t->e.ampm;
  if (!t->e.pod.empty()) r.e.pod = t->e.pod;
  r.end = t->end;
  return r;
}

// "8-9am", "from 7 to 7:30pm", "between 5 and 6 in the afternoon": two times of
// day. Bare numbers at both ends make a range only after an opener and a part
// of the day ("tonight from 7 to 9"), never alone: "won 3-1", "from 3 to 5
// percent", "the toll rose on Monday from 5 to 6".
Grammar::Opt Grammar::clock_range(uint32_t i, bool after_pod) {
  uint32_t j = i;
  const bool between = lex(i, Kind::kBetween, &j) != nullptr;
  const bool opened = between || lex(i, Kind::kFrom, &j) != nullptr;
  if (!opened) j = i;
  auto time_at = [&](uint32_t k) -> Opt {
    if (Opt t = clock(k)) return t->e.has_date() ? std::nullopt : t;
    if (int hh = 0, mm = 0; dotted_time_at(k, hh, mm)) {
      // "9.30-4.30pm": hours and minutes with a dot, read only with am/pm at the other end (below)
      if (hh > 12 || mm > 59) return std::nullopt;
      return hour_minute(hh, mm, k + 1, "time.clock.dotted_bare");
    }
    const int h = num(k);
    // (a period after it only where the sentence ends: "ce soir de 7 à 9.")
    if (h < 0 || h > 24 || ndigits(k) > 2 || is_punct(k + 1, ':') || is_punct(k + 1, '/') ||
        (is_punct(k + 1, '.') && k + 2 < end_) || is_punct(k + 1, '%') || lex(k + 1, Kind::kUnit) ||
        lex(k + 1, Kind::kMonth))
      return std::nullopt;
    // A bare hour ends the sentence or stands before punctuation or a time word ("to 5 percent" is no time).
    if (k + 1 < end_ && doc_.tokens[k + 1].kind != TokenKind::kPunct && !any_lex(k + 1)) return std::nullopt;
    P p;
    p.e.hour = h;
    p.end = k + 1;
    p.rule = "time.clock.bare";
    return p;
  };
  Opt a = time_at(j);
  if (!a) return std::nullopt;
  uint32_t k = a->end;
  bool joined = false;
  if (is_punct(k, '-')) { ++k; joined = true; }
  else if (between) joined = lex(k, Kind::kAnd, &k) || lex(k, Kind::kTo, &k);
  else joined = lex(k, Kind::kTo, &k) || lex(k, Kind::kUntil, &k);
  if (!joined) return std::nullopt;
  Opt b = time_at(k);
  if (!b) return std::nullopt;
  // clock() reads only marked times (15h, 7:30, 6pm, 8 in the evening); the rest are bare numbers.
  // So is an hour that clock() took bare after "à" before a day word ("passé de 4 à 22 mardi": a
  // count); at the end of the phrase it stays a time ("le 17 de 14 à 16").
  const bool b_bare = b->rule == "time.clock.bare" ||
                      (b->e.minute < 0 && b->e.ampm < 0 && b->e.pod.empty() && num(k) >= 0 &&
                       !lex(k + 1, Kind::kHourMark) && b->end < end_ && doc_.tokens[b->end].kind == TokenKind::kWord);
  if (a->rule == "time.clock.bare" && b_bare && !(opened && after_pod)) return std::nullopt;
  if ((a->rule == "time.clock.dotted_bare" && b->e.ampm < 0) || (b->rule == "time.clock.dotted_bare" && a->e.ampm < 0))
    return std::nullopt;
  share_ampm(a->e, b->e);
  P p = range(a->e, b->e, b->end, "time.range.clock");
  return p;
}

// "8am-5pm", "4pm-5pm", "8am-3": the tokenizer keeps the dash on the am/pm word ("pm-"), then
// the second hour and its am/pm follow, glued.
Grammar::Opt Grammar::hyphen_clock_range(uint32_t i) {
  const int h1 = num(i);
  if (h1 < 1 || h1 > 12 || ndigits(i) > 2 || !glued(i + 1) || !doc_.tokens[i + 1].has(kHyphenated)) return std::nullopt;
  const std::string_view key = doc_.folded_key(doc_.tokens[i + 1]);
  if (key.size() < 2 || key.back() != '-') return std::nullopt;
  int am1 = -1;
  if (const auto* ids = lex_.word(key.substr(0, key.size() - 1)))
    for (uint32_t x : *ids)
      if (lex_.entry(x).kind == Kind::kAmPm) am1 = lex_.entry(x).ival;
  const int h2 = num(i + 2);
  if (am1 < 0 || !glued(i + 2) || h2 < 1 || h2 > 12 || ndigits(i + 2) > 2) return std::nullopt;
  Expr a, b;
  a.hour = h1;
  a.ampm = am1;
  b.hour = h2;
  uint32_t end = i + 3, ae = 0;
  if (const auto* am2 = glued(i + 3) ? lex(i + 3, Kind::kAmPm, &ae) : nullptr) {
    b.ampm = am2->ival;
    end = ae;
  } else if (end < end_ && doc_.tokens[end].kind == TokenKind::kWord && !any_lex(end)) {
    return std::nullopt;  // "8am-3 trains"
  }
  share_ampm(a, b);
  P r = range(a, b, end, "time.range.clock");
  attach_date(r);
  return r;
}

// Two bare hours make a range of times only next to a day, where news has no
// count or score right before a day word: "6-8 next Monday", "five to seven
// today", "between 3 and 8 yesterday", "from 5 to 6 of April 22", "Monday
// 12-4." Hours 1-12, the second later ("3-8") or across noon ("11-4" is
// 11:00-16:00); "Monday 3-1" (a score) is none. "rose from 5 to 6 on Monday"
// stays a count: after "on" only a day with its month dates them.
[[gnu::noinline]] Grammar::Opt Grammar::bare_hour_range(uint32_t i, bool between, bool day_after) {
  auto hour_at = [&](uint32_t k, uint32_t& e) -> int {
    if (kinds(k) & kNumberBit) {
      e = k + 1;
      const int h = num(k);
      return ndigits(k) <= 2 && h >= 1 && h <= 12 ? h : -1;
    }
    double v = 0;
    if (!(kinds(k) & kWordNumberBit) || lex(k, Kind::kCount) || !count_at(k, v, e) || v < 1 || v > 12 ||
        v != std::floor(v))
      return -1;
    return static_cast<int>(v);
  };
  uint32_t k = 0;
  const int h1 = hour_at(i, k);
  if (h1 < 0) return std::nullopt;
  const uint32_t he = k;
  const timelex::Entry* joiner = nullptr;
  if (!between && is_punct(k, '-') && glued(k) && glued(k + 1)) ++k;
  else if (!(joiner = between ? lex(k, Kind::kAnd, &k) : lex(k, Kind::kTo, &k)) && !between)
    joiner = lex(k, Kind::kUntil, &k);
  if (k == he) return std::nullopt;
  // a "to" of days (French "au", "jusqu'au": "de cinq au sept" is to the seventh)
  if (joiner && joiner->sval == "day") return std::nullopt;
  uint32_t e = 0;
  const int h2 = hour_at(k, e);
  if (h2 < 0 || h2 == h1 || (h2 < h1 && h1 < 9) || lex(e, Kind::kAmPm) || lex(e, Kind::kUnit)) return std::nullopt;
  Expr a, b;
  a.hour = h1;
  b.hour = h2 < h1 ? h2 + 12 : h2;
  P r = range(a, b, e, "time.range.bare_hours");
  if (!day_after) {  // "Monday 12-4.", not "Monday 3-8 people" nor "Monday 8 to 9 June"
    const bool ends = e >= end_ || (doc_.tokens[e].kind == TokenKind::kPunct && !is_punct(e, '%') &&
                                    !is_punct(e, '-') && !is_punct(e, '/') && !is_punct(e, ':'));
    return ends ? Opt(std::move(r)) : std::nullopt;
  }
  const bool on = lex(skip_punct(e, ','), Kind::kAt) != nullptr;
  attach_date(r);
  if (r.end == e || (on && r.e.parts[0].month < 0)) return std::nullopt;
  return r;
}

// A start and a length in hours or minutes: "from 9 for 2.5 hrs", "for 2.5 hours from 9",
// "from 10 am for 3 hours 30 minutes": the range from the start to its end. A bare hour is read
// only with the length next to it ("for 2 hours from 9." ends the phrase).
[[gnu::noinline]] Grammar::Opt Grammar::timed_stretch(uint32_t i) {
  auto start_at = [&](uint32_t k) -> Opt {
    if (Opt t = clock(k)) return t->e.has_date() ? std::nullopt : t;
    return bare_hour_at(k, "time.clock.bare");
  };
  uint32_t j = 0, k = 0;
  Opt t, d;
  uint32_t end = 0;
  if (lex(i, Kind::kFrom, &j)) {
    if (!(t = start_at(j)) || !lex(t->end, Kind::kFor, &k) || !(d = duration(k))) return std::nullopt;
    end = d->end;
  } else if (lex(i, Kind::kFor, &j)) {
    if (!(d = duration(j)) || !lex(d->end, Kind::kFrom, &k) || !(t = start_at(k))) return std::nullopt;
    if (t->rule == "time.clock.bare" && t->end < end_ && doc_.tokens[t->end].kind != TokenKind::kPunct) return std::nullopt;
    end = t->end;
  } else {
    return std::nullopt;
  }
  const Expr& de = d->e;
  if (de.type != ExprType::kDuration || de.amount <= 0 || !de.mod.empty()) return std::nullopt;
  double minutes = 0;
  for (const auto& [n, u] : {std::pair{de.amount, de.unit}, std::pair{de.amount2, de.unit2}, std::pair{de.amount3, de.unit3},
                              std::pair{de.amount4, de.unit4}}) {
    if (u == 'H') minutes += n * 60;
    else if (u == 'N') minutes += n;
    else if (u) return std::nullopt;
  }
  Expr a = t->e;
  int h = a.hour;
  if (a.ampm == 12 && h < 12) h += 12;
  if (a.ampm == 0 && h == 12) h = 0;
  const double stop = h * 60 + std::max(a.minute, 0) + minutes;
  if (minutes <= 0 || stop >= 24 * 60 || stop != std::floor(stop)) return std::nullopt;
  Expr b;
  b.hour = static_cast<int>(stop) / 60;
  b.minute = static_cast<int>(stop) % 60;
  if (!a.pod.empty()) b.pod = a.pod;
  return range(std::move(a), std::move(b), end, "time.range.timed_stretch");
}

Grammar::Opt Grammar::day_with_times(const P& d) {
  if (d.e.type != ExprType::kDate || d.e.hour >= 0 || !d.e.mod.empty()) return std::nullopt;
  if (!(d.e.day >= 0 || d.e.weekday >= 0 || d.e.rel_unit == 'D')) return std::nullopt;
  const uint32_t j = skip(skip_punct(d.end, ','), Kind::kAt);
  auto dated = [&](const Expr& t) {
    Expr x = d.e;
    x.hour = t.hour; x.minute = t.minute; x.second = t.second; x.ampm = t.ampm;
    if (!t.pod.empty()) x.pod = t.pod;
    return x;
  };
  if (Opt r = clock_range(j, !d.e.pod.empty())) {  // Monday 8-9am, tonight from 7 to 7:30
    for (Expr& x : r->e.parts) x = dated(x);
    r->rule = "time.range.day_clock";
    return r;
  }
  if ((kinds(j) & bit(Kind::kFor)) && ((kinds(j + 3) | kinds(j + 4) | kinds(j + 5) | kinds(j + 6)) & bit(Kind::kFrom))) {
    if (Opt r = timed_stretch(j)) {  // 14th Feb for 7 hours from 9:30am
      for (Expr& x : r->e.parts) x = dated(x);
      return r;
    }
  }
  if (j == d.end && d.e.day < 0 && (kinds(j) & (kNumberBit | kWordNumberBit))) {
    if (Opt r = bare_hour_range(j, false, false)) {  // Monday 12-4
      for (Expr& x : r->e.parts) x = dated(x);
      return r;
    }
  }
  // tomorrow before 5pm, Tuesday after 1pm, Feb 1st no later than 6:00
  struct ModWord { Kind kind; std::string_view mod; };
  static constexpr ModWord kMods[] = {{Kind::kBefore, "BEFORE"}, {Kind::kAfter, "AFTER"},
                                      {Kind::kUntil, "ON_OR_BEFORE"}, {Kind::kSince, "ON_OR_AFTER"}};
  for (const auto& m : kMods) {
    uint32_t k = 0;
    if (!lex(j, m.kind, &k)) continue;
    Opt t = clock(k);
    if (!t || t->e.has_date()) return std::nullopt;
    P r = d;
    r.e = dated(t->e);
    r.e.mod = m.mod;
    r.end = t->end;
    r.rule = "time.clock.day_bound";
    return r;
  }
  return std::nullopt;
}

Grammar::P Grammar::hour_minute(int hour, int minute, uint32_t end, std::string_view rule) {
  Expr e;
  e.hour = hour;
  e.minute = minute;
  return made(std::move(e), end, rule, {});
}

bool Grammar::dotted_time_at(uint32_t i, int& hour, int& minute) const {
  if (i >= end_ || doc_.tokens[i].kind != TokenKind::kNumber || num(i) >= 0) return false;
  const std::string_view v = doc_.normalized_of(doc_.tokens[i]);
  const size_t dot = v.find('.');
  if (dot < 1 || dot > 2 || v.size() != dot + 3 || v.find_first_not_of("0123456789.") != std::string_view::npos)
    return false;
  hour = (dot == 2 ? (v[0] - '0') * 10 : 0) + (v[dot - 1] - '0');
  minute = (v[dot + 1] - '0') * 10 + (v[dot + 2] - '0');
  return true;
}

}  // namespace claimtrace::timegrammar
