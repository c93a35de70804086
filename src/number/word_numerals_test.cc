#include "number/word_numerals.h"

#include <gtest/gtest.h>

#include <vector>

namespace claimtrace::number {
namespace {

Part unit(double v) { return {WordKind::kUnit, v}; }
Part ten(double v, bool x20 = false) {
  Part p{WordKind::kTen, v};
  p.times_twenty = x20;
  return p;
}
Part mult(double v) { return {WordKind::kMultiplier, v}; }
Part scale(double v) { return {WordKind::kScale, v}; }
Part conj() { return {WordKind::kAnd, 0}; }
Part article() { return {WordKind::kArticle, 0}; }
Part denom(double v, bool plural = false) {
  Part p{WordKind::kDenominator, v};
  p.plural = plural;
  return p;
}
Part digits(double v) {
  Part p{WordKind::kUnit, v};
  p.digits = true;
  return p;
}

std::optional<double> c(std::vector<Part> parts) { return compose(parts); }

TEST(WordNumerals, FrenchTensAndTwenties) {
  EXPECT_EQ(c({unit(4), ten(20, true), unit(10), unit(9)}), 99);  // quatre-vingt-dix-neuf
  EXPECT_EQ(c({ten(60), unit(10)}), 70);                          // soixante-dix
  EXPECT_EQ(c({ten(20), conj(), unit(1)}), 21);                   // vingt et un
  EXPECT_EQ(c({ten(20), conj(), unit(1), scale(1000)}), 21000);   // vingt et un mille
  EXPECT_EQ(c({unit(10), unit(7)}), 17);                          // dix-sept
  EXPECT_EQ(c({unit(2), mult(100), scale(1000)}), 200000);        // deux cent mille
  EXPECT_EQ(c({unit(1), scale(1e6), conj(), denom(2)}), 1.5e6);   // un million et demi
}

TEST(WordNumerals, EnglishHundredsAndScales) {
  EXPECT_EQ(c({article(), mult(100), conj(), unit(12)}), 112);  // a hundred and twelve
  EXPECT_EQ(c({ten(20), unit(1), scale(1e12), unit(3), mult(100)}), 21000000000300);
  EXPECT_EQ(c({digits(4), scale(1000), digits(3), mult(100)}), 4300);
  EXPECT_EQ(c({digits(1.5), scale(1e6)}), 1.5e6);
  EXPECT_EQ(c({article(), mult(12)}), 12);  // a dozen
}

TEST(WordNumerals, Fractions) {
  EXPECT_EQ(c({unit(3), denom(4, true)}), 0.75);
  EXPECT_EQ(c({unit(1), conj(), article(), denom(2)}), 1.5);
  EXPECT_DOUBLE_EQ(*c({unit(1), ten(20), denom(5)}), 0.04);  // one twenty-fifth
  EXPECT_DOUBLE_EQ(*c({ten(20), denom(5, true)}), 4);        // twenty fifths
}

TEST(WordNumerals, Rejects) {
  EXPECT_FALSE(c({unit(3), unit(4)}));          // three four
  EXPECT_FALSE(c({article()}));                 // a
  EXPECT_FALSE(c({unit(3), conj()}));           // trailing and
  EXPECT_FALSE(c({mult(12)}));                  // dozens alone: vague, not 12
  EXPECT_FALSE(c({digits(423), digits(0)}));    // two digit tokens
}

}  // namespace
}  // namespace claimtrace::number
