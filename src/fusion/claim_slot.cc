#include "fusion/claim_slot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "time/calendar.h"

namespace claimtrace {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2024" -> [2024-01-01, 2025-01-01); "2024-06" -> month; "2024-06-29" -> day.
std::optional<Period> calendar_interval(const std::string& value) {
  if (value.size() >= 4 && digits(std::string_view(value).substr(0, 4))) {
    int year = std::stoi(value.substr(0, 4));
    if (value.size() == 4) return Period{fmt::format("{:04}-01-01", year), fmt::format("{:04}-01-01", year + 1)};
    if (value.size() >= 7 && value[4] == '-' && digits(std::string_view(value).substr(5, 2))) {
      int month = std::stoi(value.substr(5, 2));
      if (month < 1 || month > 12) return std::nullopt;
      int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
      if (value.size() == 7) return Period{fmt::format("{:04}-{:02}-01", year, month), fmt::format("{:04}-{:02}-01", ny, nm)};
      if (value.size() >= 10 && value[7] == '-' && digits(std::string_view(value).substr(8, 2))) {
        // A day: [day, day] closed; the string "day~" sorts after the day itself.
        return Period{value.substr(0, 10), value.substr(0, 10) + "~"};
      }
    }
  }
  return std::nullopt;
}

// Days since 1970 of an ISO date or date-time ("2024-06-29", "2024-06-29T08:00"); a day written
// "2024-06-29~" ends after that day. nullopt for the unknown ends and anything else.
std::optional<int64_t> day_number(std::string_view iso) {
  const auto when = timecal::parse_reference(iso.substr(0, 10));
  if (!when || iso.starts_with(Period{}.begin) || iso.starts_with(Period{}.end)) return std::nullopt;
  return timecal::days_from_civil(when->date) + (iso.ends_with('~') ? 1 : 0);
}

}  // namespace

Period claim_period(const Claim& claim, const std::string& published) {
  if (claim.time) {
    const std::string& begin = claim.time->begin;
    const std::string& end = claim.time->end;
    if (!begin.empty() && !end.empty()) return Period{begin, end};
    // "since 24 February": open to the day of publication (unknown without one); "before 2020": unknown.
    const bool since = claim.time->mod == "ON_OR_AFTER" || claim.time->mod == "AFTER" || claim.time->type == "DATE";
    if (!begin.empty() && since) {
      return Period{begin, published.size() >= 10 ? published.substr(0, 10) + "~" : Period{}.end};
    }
    if (auto p = calendar_interval(claim.time->value)) return *p;
  }
  if (published.size() >= 7) {
    if (auto p = calendar_interval(published.substr(0, 7))) return *p;
  }
  return Period{};
}

std::optional<Figure> claim_figure(const Amount& a) {
  if (a.value) return Figure{*a.value, *a.value};
  if (!a.min && !a.max) return std::nullopt;
  Figure f;
  f.low = a.min.value_or(0);
  f.high = a.max.value_or(std::numeric_limits<double>::infinity());
  return f;
}

std::string figure_unit(std::string_view unit) {
  if (unit == "personnel" || unit == "person") return "people";
  return std::string(unit);
}

bool periods_comparable(const Period& a, const Period& b) {
  const auto ab = day_number(a.begin), ae = day_number(a.end), bb = day_number(b.begin), be = day_number(b.end);
  if (!ab || !ae || !bb || !be) return false;
  const int64_t tolerance = std::max<int64_t>(1, std::max(*ae - *ab, *be - *bb) / 4);
  return std::abs(*ab - *bb) <= tolerance && std::abs(*ae - *be) <= tolerance;
}

bool figures_compatible(const Figure& a, const Figure& b) {
  double a_low = a.low * 0.95, a_high = std::isinf(a.high) ? a.high : a.high * 1.05;
  double b_low = b.low * 0.95, b_high = std::isinf(b.high) ? b.high : b.high * 1.05;
  return a_low <= b_high && b_low <= a_high;
}

int certainty_rank(const std::string& c) {
  if (c == "denied") return 0;
  if (c == "rumoured") return 1;
  if (c == "possible") return 2;
  if (c == "probable") return 3;
  if (c == "asserted") return 4;
  return 2;  // unknown sits in the middle
}

}  // namespace claimtrace
