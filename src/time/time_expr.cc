#include "time/time_expr.h"

namespace claimtrace::timeexpr {

Gran gran_of_unit(Unit u) {
  switch (u) {
    case 'C': return Gran::kCentury;
    case 'E': return Gran::kDecade;
    case 'Y': return Gran::kYear;
    case 'Q': return Gran::kQuarter;
    case 'M': return Gran::kMonth;
    case 'W': return Gran::kWeek;
    case 'K': return Gran::kWeekend;
    case 'D': return Gran::kDay;
    case 'H': return Gran::kHour;
    case 'N': return Gran::kMinute;
    case 'S': return Gran::kSecond;
    default: return Gran::kNone;
  }
}

bool unit_is_clock(Unit u) { return u == 'H' || u == 'N' || u == 'S'; }

}  // namespace claimtrace::timeexpr
