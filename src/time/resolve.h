// Reference resolution: a grammar Expr and the reference time (the document's
// publication date) become a TIMEX3 value with its calendar interval.
// Partial dates take their year from the reference by tense: news narrates
// the past, so without a cue the most recent matching date is meant; "last"
// forces the past, "next" the future, a weekday written with a date picks the
// year where the two agree. Without a reference the value stays
// underspecified (XXXX-06-29).
#pragma once

#include <optional>
#include <string>

#include "time/calendar.h"
#include "time/time_expr.h"

namespace claimtrace::timeresolve {

struct Resolved {
  std::string type;  // DATE TIME DURATION SET
  std::string value;
  std::string mod;
  std::string begin;  // ISO, end exclusive; empty when none
  std::string end;
};

// tense: +1 future, -1 past, 0 unknown (read as past).
Resolved resolve(const timeexpr::Expr& e, const std::optional<timecal::DateTime>& ref, int tense);

// "P3M", "PT2H", "P2.5Y", "PXM" for a duration.
std::string duration_value(double amount, timeexpr::Unit unit);
// Two components: "P2W2D", "PT1H30M".
std::string duration_value(double amount, timeexpr::Unit unit, double amount2, timeexpr::Unit unit2,
                           double amount3 = 0, timeexpr::Unit unit3 = 0, double amount4 = 0,
                           timeexpr::Unit unit4 = 0);

}  // namespace claimtrace::timeresolve
