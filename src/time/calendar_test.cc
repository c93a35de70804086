#include "time/calendar.h"

#include <gtest/gtest.h>

#include "time/resolve.h"

namespace claimtrace {
namespace {

using timecal::Ymd;

TEST(TimeCalendar, WeekdaysAndWeeks) {
  EXPECT_EQ(timecal::weekday({2025, 7, 1}), 2);  // Tuesday
  EXPECT_EQ(timecal::weekday({1970, 1, 1}), 4);
  EXPECT_EQ(timecal::iso_week({2025, 7, 3}).week, 27);
  EXPECT_EQ(timecal::iso_week({2021, 1, 1}).year, 2020);  // belongs to 2020-W53
  EXPECT_EQ(timecal::iso_week_monday(2025, 27), (Ymd{2025, 6, 30}));
}

TEST(TimeCalendar, MonthArithmetic) {
  EXPECT_EQ(timecal::add_months({2024, 1, 31}, 1), (Ymd{2024, 2, 29}));
  EXPECT_EQ(timecal::add_months({2024, 1, 15}, -2), (Ymd{2023, 11, 15}));
  EXPECT_EQ(timecal::add_days({2024, 12, 31}, 1), (Ymd{2025, 1, 1}));
  EXPECT_EQ(timecal::days_in_month(2100, 2), 28);
}

TEST(TimeCalendar, Reference) {
  auto r = timecal::parse_reference("2025-07-03T15:30:00");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->date, (Ymd{2025, 7, 3}));
  EXPECT_EQ(r->seconds, 15 * 3600 + 30 * 60);
  EXPECT_FALSE(timecal::parse_reference("2025-13-03"));
  EXPECT_FALSE(timecal::parse_reference(""));
}

TEST(TimeResolve, PartialDatesFollowTense) {
  auto ref = timecal::parse_reference("2025-07-03");
  timeexpr::Expr e;
  e.month = 10;
  e.day = 29;
  EXPECT_EQ(timeresolve::resolve(e, ref, 0).value, "2024-10-29");   // past narration
  EXPECT_EQ(timeresolve::resolve(e, ref, 1).value, "2025-10-29");   // future cue
  EXPECT_EQ(timeresolve::resolve(e, std::nullopt, 0).value, "XXXX-10-29");
  e.month = 7;
  e.day = 1;
  e.weekday = 2;  // mardi 1er juillet: 2025 agrees
  EXPECT_EQ(timeresolve::resolve(e, ref, 1).value, "2025-07-01");
}

TEST(TimeResolve, Durations) {
  EXPECT_EQ(timeresolve::duration_value(3, 'M'), "P3M");
  EXPECT_EQ(timeresolve::duration_value(2.5, 'H'), "PT2.5H");
  EXPECT_EQ(timeresolve::duration_value(-1, 'Y'), "PXY");
}

}  // namespace
}  // namespace claimtrace
