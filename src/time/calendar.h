// Proleptic Gregorian calendar arithmetic on plain integers: days since
// 1970-01-01, ISO weeks, month lengths, and the ISO strings TIMEX3 values are
// made of. No time zones: a reference time is a wall-clock reading.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimtrace::timecal {

struct Ymd {
  int y = 0, m = 1, d = 1;
  friend bool operator==(const Ymd&, const Ymd&) = default;
  friend auto operator<=>(const Ymd&, const Ymd&) = default;
};

// Wall-clock instant: a date and seconds since its midnight.
struct DateTime {
  Ymd date;
  int seconds = 0;
};

int64_t days_from_civil(Ymd d);
Ymd civil_from_days(int64_t days);
bool is_leap(int y);
int days_in_month(int y, int m);
// ISO weekday, Monday = 1 ... Sunday = 7.
int weekday(Ymd d);
Ymd add_days(Ymd d, int64_t n);
// Adds months, clamping the day to the month's length (Jan 31 + 1 = Feb 28/29).
Ymd add_months(Ymd d, int n);
// ISO 8601 week: its year and number.
struct IsoWeek { int year = 0, week = 1; };
IsoWeek iso_week(Ymd d);
// The Monday of ISO week `week` of ISO year `year`.
Ymd iso_week_monday(int year, int week);

// Easter Sunday (Gregorian, anonymous algorithm).
Ymd easter(int y);
// The nth weekday `wd` (1 = Monday) of month m; nth = -1 for the last one.
Ymd nth_weekday(int y, int m, int wd, int nth);

// "2025-07-03" or "2025-07-03T10:20:30" (also "2025-07-03 10:20"); nullopt if malformed.
std::optional<DateTime> parse_reference(std::string_view s);

// Formatting: "2025", "2025-07", "2025-07-03", "2025-W27", "T15:30" pieces.
std::string four(int y);     // year, or XXXX when < 0
std::string two(int n);      // 2 digits, or XX when < 0
std::string format_date(Ymd d);
std::string format_time(int h, int m, int s);  // "T15:30", "T15:30:05"
std::string format_datetime(Ymd d, int seconds);  // "2025-07-03T15:30" (":SS" only when non-zero)

}  // namespace claimtrace::timecal
