#include "number/digits.h"

#include <gtest/gtest.h>

#include <string>

namespace claimtrace::number {
namespace {

double fr(std::string_view s) { return parse_digits(s, DecimalMark::kComma).value().value; }
double en(std::string_view s) { return parse_digits(s, DecimalMark::kPoint).value().value; }

TEST(Digits, GroupsAndDecimalsByLanguage) {
  EXPECT_DOUBLE_EQ(en("1,500"), 1500);
  EXPECT_DOUBLE_EQ(fr("1,5"), 1.5);
  EXPECT_DOUBLE_EQ(fr("4,800"), 4.8);      // one comma, three digits: French decimal
  EXPECT_DOUBLE_EQ(en("12.345"), 12.345);  // one point, three digits: English decimal
  EXPECT_DOUBLE_EQ(fr("94.000"), 94000);   // French: the point groups
  EXPECT_DOUBLE_EQ(fr("30 000"), 30000);
  EXPECT_DOUBLE_EQ(fr("1 234 567,89"), 1234567.89);
  EXPECT_DOUBLE_EQ(en("1,674,200.5"), 1674200.5);
  EXPECT_DOUBLE_EQ(fr("1.458.000,00"), 1458000);
  EXPECT_DOUBLE_EQ(en("1'000"), 1000);
  EXPECT_DOUBLE_EQ(en("5.00"), 5);
  EXPECT_DOUBLE_EQ(en("5,00"), 5);
  EXPECT_DOUBLE_EQ(fr("0,500"), 0.5);  // a leading zero makes it a decimal
}

TEST(Digits, DecimalsAreTheNearestDouble) {
  EXPECT_EQ(fr("0,75"), 0.75);  // not 0.7500000000000001
  EXPECT_EQ(fr("1,1"), 1.1);
  EXPECT_EQ(fr("9,2321312"), 9.2321312);
  EXPECT_EQ(en("1,674,200.5"), 1674200.5);
  const std::string many = "1." + std::string(400, '3');  // more decimals than a double holds
  EXPECT_NEAR(en(many), 1.0 + 1.0 / 3, 1e-12);
}

TEST(Digits, RejectsNonDigits) {
  EXPECT_FALSE(parse_digits("12a", DecimalMark::kPoint));
  EXPECT_FALSE(parse_digits("", DecimalMark::kPoint));
  EXPECT_FALSE(parse_digits("192.168.1.2", DecimalMark::kComma));  // an address
  EXPECT_FALSE(parse_digits("1.2.3", DecimalMark::kPoint));        // a version
  EXPECT_DOUBLE_EQ(en("1.458.000"), 1458000);
}

}  // namespace
}  // namespace claimtrace::number
