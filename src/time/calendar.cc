#include "time/calendar.h"

#include <charconv>

namespace claimtrace::timecal {

// Howard Hinnant's civil-calendar algorithms.
int64_t days_from_civil(Ymd d) {
  int64_t y = d.y - (d.m <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.m + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

int weekday(Ymd d) {
  const int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

Ymd add_days(Ymd d, int64_t n) { return civil_from_days(days_from_civil(d) + n); }

Ymd add_months(Ymd d, int n) {
  int total = d.y * 12 + (d.m - 1) + n;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  int m = total - y * 12 + 1;
  int day = d.d;
  if (day > days_in_month(y, m)) day = days_in_month(y, m);
  return {y, m, day};
}

Ymd iso_week_monday(int year, int week) {
  const Ymd jan4{year, 1, 4};
  const Ymd monday1 = add_days(jan4, -(weekday(jan4) - 1));
  return add_days(monday1, static_cast<int64_t>(week - 1) * 7);
}

IsoWeek iso_week(Ymd d) {
  const Ymd thursday = add_days(d, 4 - weekday(d));
  const int64_t first = days_from_civil({thursday.y, 1, 1});
  const int week = static_cast<int>((days_from_civil(thursday) - first) / 7) + 1;
  return {thursday.y, week};
}

Ymd easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

Ymd nth_weekday(int y, int m, int wd, int nth) {
  if (nth < 0) {
    Ymd last{y, m, days_in_month(y, m)};
    return add_days(last, -((weekday(last) - wd + 7) % 7));
  }
  Ymd first{y, m, 1};
  return add_days(first, (wd - weekday(first) + 7) % 7 + 7 * (nth - 1));
}

namespace {
bool read_int(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return r.ec == std::errc() && r.ptr == s.data() + pos + len;
}
}  // namespace

std::optional<DateTime> parse_reference(std::string_view s) {
  DateTime t;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, t.date.y) || !read_int(s, 5, 2, t.date.m) || !read_int(s, 8, 2, t.date.d)) return std::nullopt;
  if (t.date.m < 1 || t.date.m > 12 || t.date.d < 1 || t.date.d > days_in_month(t.date.y, t.date.m)) return std::nullopt;
  if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && s[13] == ':') {
    int h = 0, mi = 0, sec = 0;
    if (!read_int(s, 11, 2, h) || !read_int(s, 14, 2, mi)) return std::nullopt;
    if (s.size() >= 19 && s[16] == ':') read_int(s, 17, 2, sec);
    t.seconds = h * 3600 + mi * 60 + sec;
  }
  return t;
}

std::string four(int y) {
  if (y < 0) return "XXXX";
  if (y > 9999) return std::to_string(y);
  return {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10)};
}

std::string two(int n) {
  if (n < 0) return "XX";
  if (n > 99) return std::to_string(n);
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

std::string format_date(Ymd d) {
  // The common case in one buffer: four() + two() + two() built five strings.
  if (d.y >= 0 && d.y <= 9999 && d.m >= 0 && d.m <= 99 && d.d >= 0 && d.d <= 99) {
    const char b[10] = {static_cast<char>('0' + d.y / 1000), static_cast<char>('0' + d.y / 100 % 10),
                        static_cast<char>('0' + d.y / 10 % 10), static_cast<char>('0' + d.y % 10), '-',
                        static_cast<char>('0' + d.m / 10), static_cast<char>('0' + d.m % 10), '-',
                        static_cast<char>('0' + d.d / 10), static_cast<char>('0' + d.d % 10)};
    return std::string(b, sizeof b);
  }
  return four(d.y) + "-" + two(d.m) + "-" + two(d.d);
}

std::string format_time(int h, int m, int s) {
  // Appends rather than "literal" + string: g++ 12 warns falsely (-Wrestrict) on the latter.
  std::string out = "T";
  out += two(h);
  out += ':';
  out += two(m < 0 ? 0 : m);
  if (s > 0) {
    out += ':';
    out += two(s);
  }
  return out;
}

std::string format_datetime(Ymd d, int seconds) {
  return format_date(d) + format_time(seconds / 3600, (seconds / 60) % 60, seconds % 60);
}

}  // namespace claimtrace::timecal
