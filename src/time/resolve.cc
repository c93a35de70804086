#include "time/resolve.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace claimtrace::timeresolve {
namespace {

using timecal::Ymd;
using timeexpr::Expr;
using timeexpr::Gran;
using timeexpr::Unit;

// A resolved calendar point or period: a date (fields -1 when unknown) at a
// granularity, plus the time of day.
struct Point {
  int y = -1, m = -1, d = -1;
  Gran gran = Gran::kNone;
  int week_y = -1, week = -1;  // ISO week, for kWeek / kWeekend
  int quarter = -1, half = -1, decade = -1, century = -1;
  int weekday = -1;  // a weekday without a reference: XXXX-WXX-7 (TIMEX3), not XXXX-XX-XX
  std::string_view season;  // views, as in Expr
  int hour = -1, minute = -1, second = -1;
  std::string_view pod;
};

int season_month(std::string_view s) {
  return s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : 12;
}

std::string num(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// Narrows [b, e) to the part a mod names, the period cut in thirds: by
// months when it is whole months in a multiple of three ("early 2024" is
// January to April, "late 2024" September to December), else by days
// ("mid-March" the 11th to the 21st). TIMEX3 leaves the parts unbounded;
// the interval is only needed where a bound is set on one ("since late 2024").
bool part_of(std::string_view mod, Ymd& b, Ymd& e) {
  const int k = mod == "START" ? 0 : mod == "MID" ? 1 : mod == "END" ? 2 : -1;
  if (k < 0) return false;
  const int months = (e.y - b.y) * 12 + (e.m - b.m);
  if (b.d == 1 && e.d == 1 && months > 0 && months % 3 == 0) {
    const Ymd from = b;
    b = timecal::add_months(from, k * months / 3);
    e = timecal::add_months(from, (k + 1) * months / 3);
    return true;
  }
  const int64_t first = timecal::days_from_civil(b), days = timecal::days_from_civil(e) - first;
  b = timecal::civil_from_days(first + k * days / 3);
  e = timecal::civil_from_days(first + (k + 1) * days / 3);
  return true;
}

// Start of a period and the start of the next one.
bool interval(const Point& p, Ymd& b, Ymd& e) {
  using namespace timecal;
  switch (p.gran) {
    case Gran::kCentury:
      if (p.century < 0) return false;
      b = {p.century * 100, 1, 1}; e = {p.century * 100 + 100, 1, 1}; return true;
    case Gran::kDecade:
      if (p.decade < 0) return false;
      b = {p.decade, 1, 1}; e = {p.decade + 10, 1, 1}; return true;
    case Gran::kYear:
      if (p.y < 0) return false;
      b = {p.y, 1, 1}; e = {p.y + 1, 1, 1}; return true;
    case Gran::kHalf:
      if (p.y < 0) return false;
      b = {p.y, p.half == 1 ? 1 : 7, 1}; e = add_months(b, 6); return true;
    case Gran::kQuarter:
      if (p.y < 0) return false;
      b = {p.y, (p.quarter - 1) * 3 + 1, 1}; e = add_months(b, 3); return true;
    case Gran::kSeason:
      if (p.y < 0) return false;
      b = {p.y, season_month(p.season), p.season == "SP" || p.season == "SU" || p.season == "FA" ? 20 : 21};
      if (p.season == "SU") b.d = 21;
      if (p.season == "FA") b.d = 23;
      e = p.season == "SP" ? Ymd{p.y, 6, 21} : p.season == "SU" ? Ymd{p.y, 9, 23}
        : p.season == "FA" ? Ymd{p.y, 12, 21} : Ymd{p.y + 1, 3, 20};
      return true;
    case Gran::kMonth:
      if (p.y < 0 || p.m < 0) return false;
      b = {p.y, p.m, 1}; e = add_months(b, 1); return true;
    case Gran::kWeek:
      if (p.week < 0) return false;
      b = iso_week_monday(p.week_y, p.week); e = add_days(b, 7); return true;
    case Gran::kWeekend:
      if (p.week < 0) return false;
      b = add_days(iso_week_monday(p.week_y, p.week), 5); e = add_days(b, 2); return true;
    case Gran::kDay:
      if (p.y < 0 || p.m < 0 || p.d < 0) return false;
      b = {p.y, p.m, p.d}; e = add_days(b, 1); return true;
    default:
      return false;
  }
}

std::string time_part(const Point& p) {
  if (p.hour >= 0) return timecal::format_time(p.hour, p.minute, p.second);
  if (!p.pod.empty()) {
    std::string out = "T";  // appended: g++ 12 warns falsely (-Wrestrict) on "T" + string
    out += p.pod;
    return out;
  }
  return "";
}

std::string value_of(const Point& p) {
  using namespace timecal;
  switch (p.gran) {
    case Gran::kCentury: return p.century >= 0 ? two(p.century) : "XX";
    case Gran::kDecade: return p.decade >= 0 ? std::to_string(p.decade / 10) : "XXX";
    case Gran::kYear: return four(p.y);
    case Gran::kHalf: return four(p.y) + "-H" + std::to_string(p.half);
    case Gran::kQuarter: return four(p.y) + "-Q" + std::to_string(p.quarter);
    case Gran::kSeason: return four(p.y) + "-" + std::string(p.season);
    case Gran::kMonth: return four(p.y) + "-" + two(p.m);
    case Gran::kWeek: return four(p.week_y) + "-W" + two(p.week);
    case Gran::kWeekend: return four(p.week_y) + "-W" + two(p.week) + "-WE";
    case Gran::kNone: return time_part(p);
    default: {
      if (p.y < 0 && p.m < 0 && p.d < 0 && p.weekday > 0) return "XXXX-WXX-" + std::to_string(p.weekday) + time_part(p);
      std::string date = four(p.y) + "-" + two(p.m) + "-" + two(p.d);
      return date + time_part(p);
    }
  }
}

void set_day(Point& p, Ymd d) {
  p.y = d.y; p.m = d.m; p.d = d.d;
  p.gran = Gran::kDay;
}

void set_week(Point& p, Ymd d, Gran g) {
  auto w = timecal::iso_week(d);
  p.week_y = w.year; p.week = w.week; p.gran = g;
  p.y = d.y;
}

// Hour of a written clock time with its am/pm and part of the day.
int clock_hour(const Expr& e) {
  int h = e.hour;
  if (h < 0) return h;
  if (e.ampm == 12 && h < 12) h += 12;
  else if (e.ampm == 0 && h == 12) h = 0;
  else if (e.ampm < 0 && h < 12 && h > 0) {
    if (e.pod == "AF" || e.pod == "EV") h += 12;
    else if (e.pod == "NI" && h >= 6) h += 12;
  }
  return h;
}

// The period containing `ref` shifted by n units.
void shift_period(Point& p, Ymd ref, Unit u, int n) {
  using namespace timecal;
  switch (u) {
    case 'D': set_day(p, add_days(ref, n)); break;
    case 'W': set_week(p, add_days(ref, 7 * n), Gran::kWeek); break;
    case 'K': set_week(p, add_days(ref, 7 * n), Gran::kWeekend); break;
    case 'M': { Ymd d = add_months({ref.y, ref.m, 1}, n); p.y = d.y; p.m = d.m; p.gran = Gran::kMonth; break; }
    case 'Q': {
      int q = (ref.m - 1) / 3 + n;
      int y = ref.y + (q >= 0 ? q / 4 : (q - 3) / 4);
      q = ((q % 4) + 4) % 4;
      p.y = y; p.quarter = q + 1; p.gran = Gran::kQuarter; break;
    }
    case 'Y': p.y = ref.y + n; p.gran = Gran::kYear; break;
    case 'E': p.decade = (ref.y / 10 + n) * 10; p.gran = Gran::kDecade; break;
    case 'C': p.century = ref.y / 100 + n; p.gran = Gran::kCentury; break;
    default: set_day(p, ref); break;
  }
}

// Picks the year (or month, for a day alone) of a partial date by tense:
// cands are ordered; `cmp(c)` < 0 when candidate c lies before the reference,
// 0 when it holds it, > 0 after.
template <class F>
int pick(int base, int dir, int tense, F cmp) {
  // dir: -1 strictly past, +1 strictly future; else tense (past includes the present).
  if (dir < 0) {
    for (int k = 0; k >= -2; --k) if (cmp(base + k) < 0) return base + k;
  } else if (dir > 0) {
    for (int k = 0; k <= 2; ++k) if (cmp(base + k) > 0) return base + k;
  } else if (tense > 0) {
    for (int k = -1; k <= 2; ++k) if (cmp(base + k) >= 0) return base + k;
  } else {
    for (int k = 1; k >= -2; --k) if (cmp(base + k) <= 0) return base + k;
  }
  return base;
}

int sign(int64_t v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

// The day of a movable holiday or "Nth weekday of month" in year y.
std::optional<Ymd> movable_day(const std::string& rule, int y) {
  if (rule.rfind("easter", 0) == 0) {
    const int k = rule.size() > 7 ? std::atoi(rule.c_str() + 6) : 0;
    return timecal::add_days(timecal::easter(y), k);
  }
  int n = 0, wd = 0, m = 0, k = 0;  // N:W:M, or N:W:M+K days after it (black friday 4:4:11+1)
  if (const int got = std::sscanf(rule.c_str(), "%d:%d:%d%d", &n, &wd, &m, &k);
      got >= 3 && wd >= 1 && wd <= 7 && m >= 1 && m <= 12 && n != 0) {
    return timecal::add_days(timecal::nth_weekday(y, m, wd, n), got == 4 ? k : 0);
  }
  return std::nullopt;
}

Point resolve_point(const Expr& e, const std::optional<timecal::DateTime>& ref, int tense, bool& ok) {
  using namespace timecal;
  Point p;
  ok = true;
  p.hour = clock_hour(e);
  p.minute = e.hour >= 0 ? (e.minute < 0 ? 0 : e.minute) : -1;
  p.second = e.second;
  p.pod = e.hour >= 0 ? "" : e.pod;
  const bool has_ref = ref.has_value();
  const Ymd r = has_ref ? ref->date : Ymd{};
  const int dir = e.has_dir ? e.dir : 0;
  const bool this_one = e.has_dir && e.dir == 0;  // this September, cet été: the reference's year

  if (e.offset_sign) {
    if (!has_ref) { ok = false; return p; }
    Ymd base = r;
    if (!e.parts.empty()) {  // "3 days from Tuesday": counted from the anchor
      bool anchor_ok = true;
      const Point a = resolve_point(e.parts[0], ref, tense, anchor_ok);
      if (!anchor_ok || a.gran != Gran::kDay || a.y < 0) { ok = false; return p; }
      base = {a.y, a.m, a.d};
    }
    const double n = e.offset_n * e.offset_sign;
    Ymd d = base;
    double clock_secs = 0;  // hours, minutes, seconds: "2 days 3 hours ago" is an instant
    bool clock = false;
    auto shift = [&](double amount, Unit u) {
      if (timeexpr::unit_is_clock(u)) {
        clock = true;
        clock_secs += amount * (u == 'H' ? 3600 : u == 'N' ? 60 : 1);
        return;
      }
      const int whole = static_cast<int>(std::trunc(amount));
      switch (u) {
        case 'D': d = add_days(d, whole); break;
        case 'W': d = add_days(d, 7 * whole); break;
        case 'M': d = add_months(d, whole); break;
        case 'Q': d = add_months(d, 3 * whole); break;
        case 'Y': d = add_months(d, 12 * whole); break;
        case 'E': d = add_months(d, 120 * whole); break;
        default: break;
      }
    };
    shift(n, e.offset_unit);
    for (const auto& [amount, u] : {std::pair{e.amount2, e.unit2}, std::pair{e.amount3, e.unit3}, std::pair{e.amount4, e.unit4}})
      if (u) shift(amount * e.offset_sign, u);
    if (clock) {
      const bool at_ref = base.y == r.y && base.m == r.m && base.d == r.d;
      int64_t secs = days_from_civil(d) * 86400 + (at_ref ? ref->seconds : 0);
      secs += static_cast<int64_t>(std::llround(clock_secs));
      const int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
      set_day(p, civil_from_days(days));
      const int s = static_cast<int>(secs - days * 86400);
      p.hour = s / 3600; p.minute = (s / 60) % 60; p.second = s % 60;
      p.gran = Gran::kMinute;
      return p;
    }
    // "in 3 days on Friday": that day or the next such weekday ("Saturday 3 days ago": or the one before)
    if (e.weekday >= 0)
      d = add_days(d, e.offset_sign > 0 ? (e.weekday - weekday(d) + 7) % 7 : -((weekday(d) - e.weekday + 7) % 7));
    set_day(p, d);
    return p;
  }

  if (e.rel_unit) {
    if (!has_ref) { ok = false; return p; }
    if (e.weekday >= 0 && (e.rel_unit == 'W')) {
      Ymd monday = add_days(r, 7 * e.rel_n - (weekday(r) - 1));
      set_day(p, add_days(monday, e.weekday - 1));
      return p;
    }
    if (e.weekday >= 0 && e.rel_unit == 'M' && e.rank != 0) {  // the first Monday of next month
      Ymd d = add_months({r.y, r.m, 1}, e.rel_n);
      set_day(p, timecal::nth_weekday(d.y, d.m, e.weekday, e.rank));
      return p;
    }
    if (e.day >= 0 && e.rel_unit == 'M') {
      Ymd d = add_months({r.y, r.m, 1}, e.rel_n);
      if (e.day > days_in_month(d.y, d.m)) { ok = false; return p; }
      set_day(p, {d.y, d.m, e.day});
      return p;
    }
    if ((e.quarter >= 0 || e.half >= 0) && e.rel_unit == 'Y') {  // the third quarter of last year
      p.y = r.y + e.rel_n;
      if (e.quarter >= 0) { p.quarter = e.quarter; p.gran = Gran::kQuarter; }
      else { p.half = e.half; p.gran = Gran::kHalf; }
      return p;
    }
    if (e.month >= 0 && e.rel_unit == 'Y') {
      p.y = r.y + e.rel_n; p.m = e.month; p.gran = Gran::kMonth;
      if (e.day >= 0) { p.d = e.day; p.gran = Gran::kDay; }
      return p;
    }
    // « des frappes ont visé Kiev cette nuit » (news narrates the past; no cue reads as past): the night
    // just ended, which began the day before (its hours after midnight are the reference day's: « cette
    // nuit, à 2 heures »); « les frappes viseront Kiev cette nuit » is tonight.
    if (e.past_prev && tense <= 0 && (e.hour < 0 || e.hour >= 12)) {
      shift_period(p, r, e.rel_unit, e.rel_n - 1);
      return p;
    }
    // "the weekend was quiet", "ce week-end, les combats ont repris" said on a weekday: the one just past
    // (the coming one has not happened; on a Saturday or a Sunday it is the one under way).
    if (e.rel_unit == 'K' && e.rel_n == 0 && tense < 0 && weekday(r) <= 5) {
      shift_period(p, r, 'K', -1);
      return p;
    }
    shift_period(p, r, e.rel_unit, e.rel_n);
    if (p.gran == Gran::kDay && (e.hour >= 0 || !e.pod.empty())) return p;
    return p;
  }

  if (!e.movable.empty()) {
    int y = e.year;
    if (y < 0 && e.rel_unit == 'Y' && has_ref) y = r.y + e.rel_n;
    if (y < 0 && has_ref) {
      y = pick(r.y, dir, tense, [&](int yy) {
        auto d = movable_day(std::string(e.movable), yy);
        if (!d) return 0;
        return d->y != r.y ? sign(d->y - r.y) : sign(days_from_civil(*d) - days_from_civil(r)); });
    }
    if (y < 0) { ok = false; return p; }
    auto d = movable_day(std::string(e.movable), y);
    if (!d) { ok = false; return p; }
    set_day(p, *d);
    return p;
  }
  if (e.century >= 0) { p.century = e.century; p.gran = Gran::kCentury; return p; }
  if (e.decade >= 0) { p.decade = e.decade; p.gran = Gran::kDecade; return p; }

  // Weekday alone (maybe with a time): by tense and last/next/this.
  if (e.weekday >= 0 && e.day < 0 && e.month < 0 && e.year < 0) {
    if (!has_ref) { p.gran = Gran::kDay; p.y = -1; p.m = -1; p.d = -1; p.weekday = e.weekday; return p; }
    const int wd = weekday(r);
    int delta = e.weekday - wd;  // within this ISO week
    if (e.has_dir && e.dir == 0) {
    } else if (e.has_dir && e.dir > 0) {
      delta += 7;
    } else if (e.has_dir && e.dir < 0) {
      if (delta >= 0) delta -= 7;
    } else if (tense > 0) {
      if (delta < 0) delta += 7;
    } else {
      if (delta > 0) delta -= 7;
    }
    set_day(p, add_days(r, delta));
    return p;
  }

  if (e.week >= 0) {
    p.week = e.week;
    p.week_y = e.year >= 0 ? e.year : has_ref ? r.y : -1;
    p.y = p.week_y;
    p.gran = Gran::kWeek;
    return p;
  }

  // Periods of a year: year, half, quarter, season, month.
  p.y = e.year;
  if (this_one && p.y < 0 && has_ref && e.weekday < 0) p.y = r.y;
  if (!e.season.empty()) {
    p.season = e.season; p.gran = Gran::kSeason;
    if (this_one && e.year < 0 && has_ref) {
      // "cet hiver" said in March: the winter under way, labelled by the year it began
      Point q = p; q.y = r.y - 1; Ymd b, en; interval(q, b, en);
      if (!(r < b) && r < en) p.y = r.y - 1;
    }
    if (p.y < 0 && has_ref) {
      const int sm = season_month(e.season);
      auto cmp = [&](int y) {  // season of year y vs the reference
        Point q = p; q.y = y; Ymd b, en; interval(q, b, en);
        if (r < b) return 1;
        if (r < en) return 0;
        return -1;
      };
      (void)sm;
      p.y = pick(r.y, dir, tense, cmp);
    }
    return p;
  }
  if (e.quarter >= 0) {
    p.quarter = e.quarter; p.gran = Gran::kQuarter;
    if (p.y < 0 && has_ref) p.y = pick(r.y, dir, tense, [&](int y) {
      int rq = (r.m - 1) / 3 + 1; return y != r.y ? sign(y - r.y) : sign(e.quarter - rq); });
    return p;
  }
  if (e.half >= 0) {
    p.half = e.half; p.gran = Gran::kHalf;
    if (p.y < 0 && has_ref) p.y = pick(r.y, dir, tense, [&](int y) {
      int rh = r.m <= 6 ? 1 : 2; return y != r.y ? sign(y - r.y) : sign(e.half - rh); });
    return p;
  }
  if (e.month >= 0 && e.day < 0) {
    p.m = e.month; p.gran = Gran::kMonth;
    if (p.y < 0 && has_ref) p.y = pick(r.y, dir, tense, [&](int y) {
      return y != r.y ? sign(y - r.y) : sign(e.month - r.m); });
    if (e.month_week != 0 && p.y >= 0) {  // as ISO weeks: the week of the month's first (or last) Thursday
      set_week(p, timecal::nth_weekday(p.y, p.m, 4, e.month_week), Gran::kWeek);
    }
    return p;
  }
  if (e.day >= 0) {
    p.d = e.day; p.gran = Gran::kDay;
    if (e.month >= 0) {
      p.m = e.month;
      if (p.y < 0 && has_ref) {
        if (e.weekday >= 0) {
          // The weekday picks the year: the agreeing one nearest the reference.
          int best = -1;
          int64_t best_dist = 0;
          for (int y = r.y - 6; y <= r.y + 6; ++y) {
            if (e.day > days_in_month(y, e.month)) continue;
            const Ymd d{y, e.month, e.day};
            if (weekday(d) != e.weekday) continue;
            int64_t dist = std::llabs(days_from_civil(d) - days_from_civil(r));
            if (best < 0 || dist < best_dist) { best = y; best_dist = dist; }
          }
          if (best >= 0) { p.y = best; return p; }
        }
        p.y = pick(r.y, dir, tense, [&](int y) {
          return y != r.y ? sign(y - r.y) : (e.month != r.m ? sign(e.month - r.m) : sign(e.day - r.d)); });
      }
    } else if (has_ref) {
      // A day of the month alone: the month from the reference, by tense.
      const int base = r.y * 12 + (r.m - 1);
      const int mi = pick(base, dir, tense, [&](int k) {
        return k != base ? sign(k - base) : sign(e.day - r.d); });
      p.y = mi / 12; p.m = mi % 12 + 1;
      if (e.weekday >= 0) {
        for (int k = 0; k < 14; ++k) {
          int cand = base + (k % 2 ? -(k + 1) / 2 : k / 2);
          int y = cand / 12, m = cand % 12 + 1;
          if (e.day <= days_in_month(y, m) && weekday({y, m, e.day}) == e.weekday) { p.y = y; p.m = m; break; }
        }
      }
    }
    if (p.y >= 0 && p.m >= 0 && p.d > days_in_month(p.y, p.m)) {
      // 29 February: the leap year nearest in the direction of the tense.
      const int step = (dir > 0 || (dir == 0 && tense > 0)) ? 1 : -1;
      if (e.year < 0 && p.m == 2 && p.d == 29) {
        while (!is_leap(p.y)) p.y += step;
      } else {
        ok = false;
      }
    }
    return p;
  }
  if (p.y >= 0) { p.gran = Gran::kYear; return p; }
  // Time of day alone, or a part of the day alone.
  p.gran = Gran::kNone;
  return p;
}

}  // namespace

std::string duration_value(double amount, Unit unit) {
  const std::string n = amount < 0 ? "X" : num(amount);
  switch (unit) {
    // fmt, not "literal" + string: g++ 12 warns falsely (-Wrestrict) on the latter.
    case 'H': return fmt::format("PT{}H", n);
    case 'N': return fmt::format("PT{}M", n);
    case 'S': return fmt::format("PT{}S", n);
    case 'Q': return amount < 0 ? "PXQ" : fmt::format("P{}M", num(amount * 3));
    case 'E': return amount < 0 ? "PXDE" : fmt::format("P{}Y", num(amount * 10));
    case 'C': return amount < 0 ? "PXCE" : fmt::format("P{}Y", num(amount * 100));
    case 'K': return fmt::format("P{}WE", n);
    default: return fmt::format("P{}{}", n, static_cast<char>(unit));
  }
}

std::string duration_value(double amount, Unit unit, double amount2, Unit unit2, double amount3, Unit unit3,
                           double amount4, Unit unit4) {
  if (!unit2) return duration_value(amount, unit);
  std::string date, time;
  for (auto [n, u] : {std::pair{amount, unit}, std::pair{amount2, unit2}, std::pair{amount3, unit3}, std::pair{amount4, unit4}}) {
    if (!u) continue;
    const std::string v = num(n);
    switch (u) {
      case 'H': time += v + "H"; break;
      case 'N': time += v + "M"; break;
      case 'S': time += v + "S"; break;
      case 'Q': date += num(n * 3) + "M"; break;
      case 'E': date += num(n * 10) + "Y"; break;
      case 'C': date += num(n * 100) + "Y"; break;
      default: date += v + std::string(1, u); break;
    }
  }
  return "P" + date + (time.empty() ? "" : "T" + time);
}

Resolved resolve(const Expr& e, const std::optional<timecal::DateTime>& ref, int tense) {
  Resolved out;
  out.mod = e.mod;
  switch (e.type) {
    case timeexpr::ExprType::kRef:
      out.type = "DATE";
      out.value = e.ref;
      return out;
    case timeexpr::ExprType::kDuration:
      out.type = "DURATION";
      out.value = duration_value(e.amount, e.unit, e.amount2, e.unit2, e.amount3, e.unit3, e.amount4, e.unit4);
      return out;
    case timeexpr::ExprType::kSet:
      out.type = "SET";
      out.value = e.set_value;
      return out;
    case timeexpr::ExprType::kRange: {
      if (e.parts.size() != 2) return out;
      Resolved b = resolve(e.parts[1], ref, tense);
      Resolved a = resolve(e.parts[0], ref, tense);
      const Expr& pa = e.parts[0];
      const Expr& pb = e.parts[1];
      if (ref && pa.year < 0 && pb.year < 0 && pa.month >= 0 && pb.month >= 0 && !pa.rel_unit && !pb.rel_unit &&
          !pa.has_dir && !pb.has_dir) {
        // "between August and October" said in September: the stretch that holds the reference, whatever the tense.
        Expr a0 = pa, b0 = pb;
        a0.year = b0.year = ref->date.y;
        if (b0.month < a0.month) b0.year += 1;
        Resolved ra = resolve(a0, ref, tense), rb = resolve(b0, ref, tense);
        const std::string today = timecal::format_date(ref->date);
        if (!ra.begin.empty() && !rb.end.empty() && ra.begin <= today && today < rb.end) { a = ra; b = rb; }
      }
      // "from November to March": the start lies before the end.
      if (!a.begin.empty() && !b.begin.empty() && a.begin > b.begin && e.parts[1].year < 0 && a.begin.size() >= 4 &&
          e.parts[1].rel_unit == 0 && e.parts[1].offset_sign == 0) {
        Expr later = e.parts[1];
        if (later.weekday >= 0 && later.day < 0 && later.month < 0 && !later.has_dir) {
          // "Monday to Friday": the first such weekday from the start (a year would replace the weekday).
          if (auto from = timecal::parse_reference(a.begin.substr(0, 10))) b = resolve(later, from, 1);
        } else {
          later.year = std::atoi(a.begin.c_str());
          b = resolve(later, ref, tense);
          if (!b.begin.empty() && a.begin > b.begin) { later.year += 1; b = resolve(later, ref, tense); }
        }
      }
      out.type = a.type;
      out.begin = a.begin.empty() ? a.value : a.begin;
      out.end = e.end_at_begin ? (b.begin.empty() ? b.value : b.begin) : (b.end.empty() ? b.value : b.end);
      if (b.type == "TIME" && !b.begin.empty()) out.end = b.begin;
      out.value = a.value + "/" + b.value;
      return out;
    }
    case timeexpr::ExprType::kDate:
      break;
  }
  bool ok = true;
  Point p = resolve_point(e, ref, tense, ok);
  if (ok && e.gran == Gran::kWeekend && p.gran == Gran::kDay && p.y >= 0 && p.m >= 0 && p.d >= 0)
    // "Thanksgiving weekend": the weekend of that day's week; a Monday's (Labor Day) is the one before it
    set_week(p, timecal::add_days({p.y, p.m, p.d}, timecal::weekday({p.y, p.m, p.d}) == 1 ? -2 : 0), Gran::kWeekend);
  if (ok && e.gran == Gran::kWeek && p.gran == Gran::kDay && p.y >= 0 && p.m >= 0 && p.d >= 0)
    set_week(p, {p.y, p.m, p.d}, Gran::kWeek);  // "la semaine du 28 février": that day's ISO week
  if (!ok && !e.offset_sign && !e.rel_unit) return out;  // no such day (30 février): nothing
  if (!ok && (e.hour >= 0 || !e.pod.empty()) && e.rel_unit == 'D' && e.rel_n == 0 && !e.offset_sign) {
    // "8 ce soir", "tonight" without a reference: today is unknown, its time of day is not.
    Expr t = e;
    t.rel_unit = 0;
    return resolve(t, ref, tense);
  }
  if (!ok) {
    // No reference for a relative expression: say which way it points.
    out.type = "DATE";
    const int s = e.offset_sign ? e.offset_sign : e.rel_n;
    out.value = s < 0 ? "PAST_REF" : s > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return out;
  }
  const bool clock = p.hour >= 0;
  out.type = clock ? "TIME" : "DATE";
  out.value = value_of(p);
  Ymd b, en;
  if (!clock && p.pod.empty() && interval(p, b, en)) {
    if (!e.bound.empty() && part_of(e.mod, b, en)) {
      // "since late 2024", "before the end of March": the turning point lies somewhere in the part, so
      // the open interval starts at the part's begin (since, after) or ends at its end (until, before).
      if (e.bound == "ON_OR_AFTER" || e.bound == "AFTER") out.begin = timecal::format_date(b);
      else out.end = timecal::format_date(en);
      return out;
    }
    const std::string bs = timecal::format_date(b), es = timecal::format_date(en);
    if (e.mod.empty() || e.mod == "APPROX") {
      out.begin = bs; out.end = es;
    } else if (e.mod == "ON_OR_AFTER") {
      out.begin = bs;
    } else if (e.mod == "AFTER") {
      out.begin = es;
    } else if (e.mod == "BEFORE") {
      out.end = bs;
    } else if (e.mod == "ON_OR_BEFORE") {
      out.end = es;
    }
  } else if (!clock && !p.pod.empty() && p.gran == Gran::kDay && e.mod.empty() && interval(p, b, en)) {
    // A day's part: morning 08-12, afternoon 12-16, evening 16-20, night 20-24.
    const int from = p.pod == "MO" ? 8 : p.pod == "AF" ? 12 : p.pod == "EV" ? 16 : p.pod == "NI" ? 20 : -1;
    if (from >= 0) {
      out.begin = timecal::format_datetime(b, from * 3600);
      out.end = from == 20 ? timecal::format_datetime(b, 86399) : timecal::format_datetime(b, (from + 4) * 3600);
    }
  } else if (clock && p.y >= 0 && p.m >= 0 && p.d >= 0) {
    const int secs = p.hour * 3600 + std::max(0, p.minute) * 60 + std::max(0, p.second);
    if (e.mod.empty()) out.begin = timecal::format_datetime({p.y, p.m, p.d}, secs);
  }
  return out;
}

}  // namespace claimtrace::timeresolve
