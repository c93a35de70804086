// A time expression as the grammar reads it, before it is resolved against
// the reference time: calendar fields that were written (-1 when not), a
// relative shift, a duration, a set or a reference word, and a modifier.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace::timeexpr {

// Granularity of a date value, coarse to fine.
enum class Gran : uint8_t {
  kNone, kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth, kWeek, kWeekend, kDay, kPod, kHour, kMinute, kSecond,
};

// Units of durations and shifts: Y M W D H N(minute) S Q(quarter) E(decade) C(century) K(weekend).
using Unit = char;

Gran gran_of_unit(Unit u);
bool unit_is_clock(Unit u);  // H N S
// A mod that names a part of a period (early, mid, late).
inline bool is_part_mod(std::string_view mod) { return mod == "START" || mod == "MID" || mod == "END"; }

enum class ExprType : uint8_t { kDate, kDuration, kSet, kRef, kRange };

// The text fields are views: of lexicon strings (which live as long as the
// annotator), of literals, or of strings the grammar keeps for the document
// (Scratch::owned). Views make an Expr cheap to build, move and drop, which
// the rule cascade does tens of times per candidate token.
struct Expr {
  // (Fields are grouped by their default, -1 then 0, so that building one is
  // a few wide stores: the cascade builds an Expr for most rules it tries.)

  // Written calendar fields, -1 when absent.
  int year = -1, month = -1, day = -1, weekday = -1;
  int quarter = -1, half = -1, week = -1, decade = -1, century = -1;
  // Time of day, -1 when absent (pod below: the part of the day).
  int hour = -1, minute = -1, second = -1;
  int ampm = -1;  // 0 am, 12 pm, -1 unwritten

  std::string_view season;  // SP SU FA WI
  std::string_view pod;     // MO AF EV NI DT
  // A holiday's rule when the day depends on the year: N:W:M or easter+K.
  std::string_view movable;
  std::string_view set_value;  // SET
  std::string_view ref;        // PRESENT_REF, PAST_REF, FUTURE_REF
  std::string_view mod;        // TIMEX3 mod
  // A bound on a part of a period ("since early 2024": mod START, bound
  // ON_OR_AFTER): one mod per value, so the bound is told by the interval.
  std::string_view bound;

  // Offset from the reference by a duration: "il y a trois jours" (-1, 3 D).
  double offset_n = 0;
  // Duration: amount (negative when unknown: "quelques mois") and unit, and
  // up to three smaller components ("1 hour and 30 minutes", "2 years 1 month 21 days ago").
  double amount = 0;
  double amount2 = 0;
  double amount3 = 0;
  double amount4 = 0;  // "1 month 2 days 2 hours 30 mins ago"

  // Shift of a calendar period from the reference: "last week" (W, -1),
  // "hier" (D, -1), "cette année" (Y, 0). rel_unit 0 when none.
  int rel_n = 0;
  int offset_sign = 0;  // with offset_n, offset_unit
  bool anaphoric = false;  // the offset counts from the time last spoken of ("two years later")
  bool past_prev = false;  // a past sentence (or one without a tense cue) puts the day one back (« cette nuit »)
  // A last/next/this word on a weekday, month, season: -1, 0, +1; has_dir when written.
  int dir = 0;
  int rank = 0;  // with weekday and a relative month: the first (1) ... last (-1) such weekday
  int month_week = 0;  // with a month: its first (1) ... last (-1) week ("the third week of January")
  ExprType type = ExprType::kDate;
  Gran gran = Gran::kNone;  // kWeekend on a day: the weekend of that day's week (Thanksgiving weekend)
  Unit rel_unit = 0;
  Unit offset_unit = 0;
  Unit unit = 0;  // with amount
  Unit unit2 = 0;
  Unit unit3 = 0;
  Unit unit4 = 0;
  bool has_dir = false;

  // Range: [0] from, [1] to; end_at_begin: the range ends where [1] begins
  // ("the last 3 weeks" ends at the reference day).
  std::vector<Expr> parts;
  bool end_at_begin = false;
  // "from X through Y" vs "X to Y": the end of a range includes Y.
  bool has_date() const { return year >= 0 || month >= 0 || day >= 0 || weekday >= 0 || rel_unit || offset_sign; }
  bool has_time() const { return hour >= 0 || !pod.empty(); }
};

}  // namespace claimtrace::timeexpr
